// What every package's bad-input property (src/badInput.prop.test.ts) checks of one call on
// fuzzed input: it throws only a DistrictKitError that lists at least one problem, or returns a
// result holding no NaN and no Infinity — in a number or in a Money.
import { expect } from "vitest";
import { DistrictKitError } from "../src/errors.js";
import { Money } from "../src/money.js";

/** Whether a value holds a number that is not finite, or a Money that prints one, up to maxDepth levels down. */
export function hasBadNumber(value: unknown, maxDepth = 6, depth = 0): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (value instanceof Money) return /NaN|Infinity/.test(value.toString());
  if (depth > maxDepth || value === null || typeof value !== "object") return false;
  return Object.values(value).some((v) => hasBadNumber(v, maxDepth, depth + 1));
}

/** Runs a call on fuzzed input: a result must hold no bad number (see hasBadNumber); an error must be a DistrictKitError with issues. */
export function expectOnlyDistrictKitError(call: () => unknown, maxDepth = 6): void {
  let out: unknown;
  try {
    out = call();
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    return;
  }
  expect(hasBadNumber(out, maxDepth)).toBe(false);
}
