import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { smallDistrict } from "../test/fixtures.js";
import { forecastReplacements, simulateForecastChunk, weibullLife, weibullSurvival } from "./index.js";

// Regressions of issue #18 for lifecycle, one per class of fault (the id cases are in
// ids.prop.test.ts).

function thrown(call: () => unknown): DistrictKitError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(DistrictKitError);
    return error as DistrictKitError;
  }
  throw new Error("expected a DistrictKitError, but nothing was thrown");
}

describe("lifecycle inputs that are extreme or hostile", () => {
  it("5. weibullLife with an extreme shape is refused, never Infinity or NaN", () => {
    expect(thrown(() => weibullLife({ shape: 5e-324, scale: 5 })).issues[0]?.path).toEqual(["weibull", "shape"]);
    expect(thrown(() => weibullLife({ shape: 0.001, scale: 5 })).issues[0]?.message).toMatch(/0\.01/);
    const life = weibullLife({ shape: 0.01, scale: 1e12 });
    expect([life.mean, life.median, life.b10].every(Number.isFinite)).toBe(true);
    expect(weibullSurvival({ shape: 1000, scale: 5 }, 4)).toBe(1);
  });

  it("7. a throwing getter on the cohorts (a large inventory's fast path) is wrapped with its cause", () => {
    const denied = new Error("denied");
    const input = { ...smallDistrict(), get cohorts(): never { throw denied; } };
    for (const call of [() => forecastReplacements(input), () => simulateForecastChunk(input, { seed: 1, trialStart: 0, trialEnd: 2 })]) {
      const error = thrown(call);
      expect([error.code, error.issues[0]?.code, error.cause]).toEqual(["INVALID_INPUT", "unreadable", denied]);
    }
    const cohorts = new Proxy([...smallDistrict().cohorts!], { get: (t, k) => (k === "length" ? (() => { throw denied; })() : Reflect.get(t, k)) });
    expect(thrown(() => forecastReplacements({ ...smallDistrict(), cohorts })).cause).toBe(denied);
  });
});
