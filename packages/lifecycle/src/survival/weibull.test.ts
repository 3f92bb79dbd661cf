import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { fitWeibull, weibullLife, weibullSurvival } from "./weibull.js";

// WB-1 (DOMAIN-lifecycle.md §14): reliability (Python) docs, "Fitting a specific distribution to
// data", Example 1; identical in R survreg. rtol 1e-3 on fitted values.
const WB1 = [58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35, 34, 25];
const close = (a: number, b: number, rtol = 1e-3): void => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(rtol);

describe("fitWeibull — published vector WB-1", () => {
  const fit = fitWeibull({ failures: WB1 });
  it("recovers scale, shape and their standard errors", () => {
    close(fit.scale, 51.858);
    close(fit.shape, 2.80086);
    close(fit.standardErrors.scale, 3.55628);
    close(fit.standardErrors.shape, 0.41411);
  });
  it("gives the published 95 % intervals", () => {
    close(fit.intervals.scale.lower, 45.3359);
    close(fit.intervals.scale.upper, 59.3183);
    close(fit.intervals.shape.lower, 2.09624);
    close(fit.intervals.shape.upper, 3.74233);
  });
  it("gives ln L, AICc and BIC", () => {
    expect(Math.abs(fit.logLikelihood - -129.0626757)).toBeLessThan(1e-6);
    close(fit.aicc!, 262.57, 1e-4);
    close(fit.bic, 264.928, 1e-5);
  });
});

describe("fitWeibull — censoring, late entry and no finite optimum", () => {
  it("with censoring solves the profile equation (score zero in both parameters)", () => {
    const fit = fitWeibull({ failures: [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900], censored: [3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400] });
    expect(fit.failures).toBe(10);
    expect(fit.subjects).toBe(31);
    // numerical check: the log-likelihood is maximal at the fit
    const ll = (b: number, e: number): number => {
      const f = [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900];
      const all = [...f, 3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400];
      return f.reduce((s, t) => s + Math.log(b / e) + (b - 1) * Math.log(t / e), 0) - all.reduce((s, t) => s + Math.pow(t / e, b), 0);
    };
    expect(ll(fit.shape, fit.scale)).toBeCloseTo(fit.logLikelihood, 6);
    for (const [db, de] of [[0.01, 0], [-0.01, 0], [0, 100], [0, -100]] as const) {
      expect(ll(fit.shape + db, fit.scale + de)).toBeLessThan(fit.logLikelihood);
    }
  });
  it("with late entry maximises the truncated likelihood", () => {
    const obs = [
      { time: 3.1, failed: true, entry: 2 }, { time: 4.2, failed: true, entry: 2 }, { time: 2.5, failed: true },
      { time: 5, failed: false, entry: 3 }, { time: 1.2, failed: true }, { time: 4.8, failed: true, entry: 1 }, { time: 3.9, failed: false },
    ];
    const fit = fitWeibull({ observations: obs });
    expect(fit.lateEntries).toBe(4);
    const ll = (b: number, e: number): number =>
      obs.reduce((s, o) => s + (o.failed ? Math.log(b / e) + (b - 1) * Math.log(o.time / e) : 0) - Math.pow(o.time / e, b) + Math.pow((o.entry ?? 0) / e, b), 0);
    expect(ll(fit.shape, fit.scale)).toBeCloseTo(fit.logLikelihood, 8);
    for (const [db, de] of [[0.02, 0], [-0.02, 0], [0, 0.05], [0, -0.05]] as const) expect(ll(fit.shape + db, fit.scale + de)).toBeLessThan(fit.logLikelihood);
  });
  it("reports no finite MLE with no failures or all failures at one time — never NaN", () => {
    const none = (): unknown => fitWeibull({ censored: [1, 2, 3] });
    expect(none).toThrow(DistrictKitError);
    try {
      none();
    } catch (e) {
      expect((e as DistrictKitError).code).toBe("INFEASIBLE");
    }
    expect(() => fitWeibull({ failures: [4, 4, 4] })).toThrow(DistrictKitError);
    expect(() => fitWeibull({ failures: [0, 1] })).toThrow(DistrictKitError);
  });
  it("is scale-free: multiplying every time by 1000 multiplies the scale by 1000", () => {
    const a = fitWeibull({ failures: WB1 });
    const b = fitWeibull({ failures: WB1.map((t) => t * 1000) });
    close(b.scale, a.scale * 1000, 1e-9);
    close(b.shape, a.shape, 1e-9);
  });
});

describe("fitWeibull — input forms", () => {
  it("gives the same fit from columns as from observation objects, and checks the columns", () => {
    const obs = [
      { time: 3.1, failed: true, entry: 2 }, { time: 4.2, failed: true, entry: 2 }, { time: 2.5, failed: true, entry: 0 },
      { time: 5, failed: false, entry: 3 }, { time: 1.2, failed: true, entry: 0 },
    ];
    const a = fitWeibull({ observations: obs });
    const b = fitWeibull({ times: obs.map((o) => o.time), failed: obs.map((o) => o.failed), entries: obs.map((o) => o.entry) });
    expect(b.shape).toBe(a.shape);
    expect(b.scale).toBe(a.scale);
    expect(() => fitWeibull({ times: [1, 2], failed: [true] })).toThrow(DistrictKitError);
    expect(() => fitWeibull({ times: [1, 2], failed: [true, true], entries: [0, 3] })).toThrow(DistrictKitError);
  });
});

describe("Weibull helpers", () => {
  it("survival and life statistics", () => {
    expect(weibullSurvival({ shape: 2, scale: 10 }, 10)).toBeCloseTo(Math.exp(-1), 14);
    const life = weibullLife({ shape: 2, scale: 10 });
    expect(life.mean).toBeCloseTo(10 * 0.886226925452758, 10);
    expect(life.median).toBeCloseTo(10 * Math.sqrt(Math.LN2), 12);
    expect(() => weibullSurvival({ shape: 0, scale: 1 }, 1)).toThrow(DistrictKitError);
  });
});
