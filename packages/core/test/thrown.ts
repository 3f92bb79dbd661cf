// A test helper shared by every package's regression tests: run a call that must fail, check that
// what it threw is a DistrictKitError (the one error type of every public entry point), and return
// it so the test can read its issues and paths.
import { expect } from "vitest";
import { DistrictKitError } from "../src/errors.js";

/** What `call` threw, which must be a DistrictKitError; fails the test when nothing is thrown. */
export function thrown(call: () => unknown): DistrictKitError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DistrictKitError);
    return error as DistrictKitError;
  }
  throw new Error("expected a DistrictKitError, but nothing was thrown");
}

/** A caller's hostile object: a Proxy of `target` whose every read (get, has, own keys, descriptors, prototype) throws `error`. */
export function throwingProxy<T extends object>(target: T, error: unknown): T {
  const boom = (): never => {
    throw error;
  };
  return new Proxy(target, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
}
