import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { attempt, problemsOf } from "./problems.js";

describe("problemsOf", () => {
  it("gives every issue of a DistrictKitError with its path", () => {
    const e = new DistrictKitError("INVALID_INPUT", [
      { path: ["apps", 2, "answers"], message: "expected an object" },
      { path: ["weights"], message: "expected a list" },
    ]);
    expect(problemsOf(e)).toEqual(["apps[2].answers: expected an object", "weights: expected a list"]);
  });

  it("gives a problem with the whole input as its message alone, with no (root) prefix", () => {
    expect(problemsOf(new DistrictKitError("INVALID_INPUT", [{ message: "the file is empty" }]))).toEqual(["the file is empty"]);
  });

  it("gives the message of anything else thrown", () => {
    expect(problemsOf(new TypeError("x is undefined"))).toEqual(["x is undefined"]);
    expect(problemsOf("plain string")).toEqual(["plain string"]);
  });
});

describe("attempt", () => {
  it("returns the value, or the problems instead of throwing", () => {
    expect(attempt(() => 3)).toEqual({ ok: true, value: 3 });
    expect(
      attempt(() => {
        throw DistrictKitError.argument(["seed"], "expected an integer");
      }),
    ).toEqual({ ok: false, problems: ["seed: expected an integer"] });
  });
});
