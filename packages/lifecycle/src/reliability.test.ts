import { describe, expect, it } from "vitest";
import { thrown } from "../../core/test/thrown.js";
import { smallDistrict } from "../test/fixtures.js";
import { annualFailureProbabilities, fitWeibull, forecastReplacements, simulateForecastChunk, weibullFitQuantile, weibullFitSurvival, weibullLife, weibullSurvival } from "./index.js";

// Regressions of issue #18 for lifecycle, one per class of fault (the id cases are in
// ids.prop.test.ts).

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
    const input = {
      ...smallDistrict(),
      get cohorts(): never {
        throw denied;
      },
    };
    for (const call of [() => forecastReplacements(input), () => simulateForecastChunk(input, { seed: 1, trialStart: 0, trialEnd: 2 })]) {
      const error = thrown(call);
      expect([error.code, error.issues[0]?.code, error.cause]).toEqual(["INVALID_INPUT", "unreadable", denied]);
    }
    const cohorts = new Proxy([...smallDistrict().cohorts!], {
      get: (t, k) =>
        k === "length"
          ? (() => {
              throw denied;
            })()
          : Reflect.get(t, k),
    });
    expect(thrown(() => forecastReplacements({ ...smallDistrict(), cohorts })).cause).toBe(denied);
  });
});

describe("lifecycle: weibullFitQuantile never returns a figure beyond any number", () => {
  it("5. an extreme shape whose quantile overflows is an error naming the fit", () => {
    const error = thrown(() => weibullFitQuantile({ shape: 0.001, scale: 1e300, covariance: null, confidenceLevel: 0.95 }, 0.99));
    expect(error.issues[0]?.path).toEqual(["fit"]);
    const fit = fitWeibull({ failures: [58, 75, 36, 52, 63, 65, 22, 17, 28, 64] });
    const q = weibullFitQuantile(fit, 0.1);
    expect([q.estimate, q.standardError, q.interval?.lower, q.interval?.upper].every((x) => Number.isFinite(x))).toBe(true);
  });

  it("5. a covariance so large that the interval overflows is an error, never Infinity", () => {
    const fit = {
      shape: 2,
      scale: 50,
      covariance: {
        order: ["scale", "shape"] as ["scale", "shape"],
        matrix: [
          [1e300, 0],
          [0, 1e300],
        ] as [[number, number], [number, number]],
      },
      confidenceLevel: 0.95,
    };
    expect(thrown(() => weibullFitQuantile(fit, 0.5)).issues[0]?.path).toEqual(["fit"]);
  });
});

describe("lifecycle: survival figures at the edge of floating point (found by the export fuzz)", () => {
  it("5. a Weibull scale of 5e-324 years: every year's failure probability is 1, not NaN (seed 846117710)", () => {
    expect(annualFailureProbabilities({ kind: "weibull", shape: 1, scale: 5e-324 }, 3).probabilities).toEqual([1, 1, 1]);
  });

  it("5. a fit whose scale no longer goes with its covariance: survival 0 without a standard error, not NaN (seed -1927115238)", () => {
    const fit = fitWeibull({ failures: [58, 75, 36, 52, 63, 65, 22, 17, 28, 64] });
    const s = weibullFitSurvival({ ...fit, scale: 1e-300 }, 41);
    expect(s).toEqual({ estimate: 0, standardError: null, interval: null });
    // the usual case is unchanged: a standard error and an interval around the estimate
    const ok = weibullFitSurvival(fit, 41);
    expect(ok.standardError).toBeGreaterThan(0);
    expect(ok.interval!.lower).toBeLessThan(ok.estimate);
  });
});
