import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { fitWeibull, weibullLife, weibullSurvival } from "./weibull.js";
import { weibullFitQuantile, weibullFitSurvival } from "./weibullIntervals.js";

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
    const fit = fitWeibull({
      failures: [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900],
      censored: [3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400],
    });
    expect(fit.failures).toBe(10);
    expect(fit.subjects).toBe(31);
    // numerical check: the log-likelihood is maximal at the fit
    const ll = (b: number, e: number): number => {
      const f = [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900];
      const all = [...f, 3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400];
      return f.reduce((s, t) => s + Math.log(b / e) + (b - 1) * Math.log(t / e), 0) - all.reduce((s, t) => s + (t / e) ** b, 0);
    };
    expect(ll(fit.shape, fit.scale)).toBeCloseTo(fit.logLikelihood, 6);
    for (const [db, de] of [
      [0.01, 0],
      [-0.01, 0],
      [0, 100],
      [0, -100],
    ] as const) {
      expect(ll(fit.shape + db, fit.scale + de)).toBeLessThan(fit.logLikelihood);
    }
  });
  it("with late entry maximises the truncated likelihood", () => {
    const obs = [
      { time: 3.1, failed: true, entry: 2 },
      { time: 4.2, failed: true, entry: 2 },
      { time: 2.5, failed: true },
      { time: 5, failed: false, entry: 3 },
      { time: 1.2, failed: true },
      { time: 4.8, failed: true, entry: 1 },
      { time: 3.9, failed: false },
    ];
    const fit = fitWeibull({ observations: obs });
    expect(fit.lateEntries).toBe(4);
    const ll = (b: number, e: number): number => obs.reduce((s, o) => s + (o.failed ? Math.log(b / e) + (b - 1) * Math.log(o.time / e) : 0) - (o.time / e) ** b + ((o.entry ?? 0) / e) ** b, 0);
    expect(ll(fit.shape, fit.scale)).toBeCloseTo(fit.logLikelihood, 8);
    for (const [db, de] of [
      [0.02, 0],
      [-0.02, 0],
      [0, 0.05],
      [0, -0.05],
    ] as const)
      expect(ll(fit.shape + db, fit.scale + de)).toBeLessThan(fit.logLikelihood);
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
      { time: 3.1, failed: true, entry: 2 },
      { time: 4.2, failed: true, entry: 2 },
      { time: 2.5, failed: true, entry: 0 },
      { time: 5, failed: false, entry: 3 },
      { time: 1.2, failed: true, entry: 0 },
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

// R 4.2.2 with survival 3.5-3, run here: packages/lifecycle/test/r/weibull-intervals.R (survreg's
// vcov mapped from (log η, log σ) to (η, β); R's predict(type = "uquantile", se.fit = TRUE) for the
// B10 life; the mean and S(t) by the delta method with R's digamma). 95 %.
const KM1_FAILURES = [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900];
const KM1_CENSORED = [3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400];
const R_VECTORS = [
  {
    name: "WB-1 (complete data)",
    input: { failures: WB1 },
    cov: [12.647161549165197, 0.45745265086902, 0.171486807496611],
    b10: [17.1535857777321, 31.4342969579129],
    mean: [46.1775452899392, 40.2161740597306, 53.0225895142913],
    survival: [
      [41, 0.595786715288889, 0.435979346351226, 0.723930118551094],
      [48.5, 0.436474588208616, 0.291503097870964, 0.572615733086691],
    ],
  },
  {
    name: "KM-1 data (right-censored)",
    input: { failures: KM1_FAILURES, censored: KM1_CENSORED },
    cov: [1.82903242557117e9, -6410.39577581574, 0.0876992035852422],
    b10: [8155.28763051229, 45061.63971224202],
    mean: [128005.016304664, 63123.0890839066, 259576.7164908073],
    survival: [
      [40060, 0.781363245865879, 0.60637550748754, 0.885436569150653],
      [75200, 0.60023512580539, 0.387063064394629, 0.759955069861329],
    ],
  },
] as const;

describe("fitWeibull covariance and delta-method intervals — R survival::survreg", () => {
  for (const v of R_VECTORS) {
    it(`matches R on ${v.name}`, () => {
      const fit = fitWeibull(v.input);
      const [[a, b], [c, d]] = fit.covariance!.matrix;
      close(a, v.cov[0], 1e-7);
      close(b, v.cov[1], 1e-7);
      close(c, v.cov[1], 1e-7);
      close(d, v.cov[2], 1e-7);
      close(fit.life.b10.interval!.lower, v.b10[0], 1e-8);
      close(fit.life.b10.interval!.upper, v.b10[1], 1e-8);
      close(fit.life.mean.estimate, v.mean[0], 1e-9);
      close(fit.life.mean.interval!.lower, v.mean[1], 1e-8);
      close(fit.life.mean.interval!.upper, v.mean[2], 1e-8);
      for (const [t, s, lo, hi] of v.survival) {
        const e = weibullFitSurvival(fit, t);
        close(e.estimate, s, 1e-9);
        close(e.interval!.lower, lo, 1e-8);
        close(e.interval!.upper, hi, 1e-8);
      }
      expect(weibullFitQuantile(fit, 0.1)).toEqual(fit.life.b10);
      expect(fit.explanation).toContain(
        `B10 life ${fit.life.b10.estimate.toPrecision(4)} (95 % interval ${fit.life.b10.interval!.lower.toPrecision(4)}–${fit.life.b10.interval!.upper.toPrecision(4)})`,
      );
    });
  }
});

/** −ln L with late entry (DOMAIN §5.2), written out. */
function negLogLik(obs: readonly { time: number; failed: boolean; entry?: number }[], eta: number, beta: number): number {
  let ll = 0;
  for (const o of obs) {
    if (o.failed) ll += Math.log(beta / eta) + (beta - 1) * Math.log(o.time / eta);
    ll -= (o.time / eta) ** beta - ((o.entry ?? 0) / eta) ** beta;
  }
  return -ll;
}

describe("fitWeibull covariance — numerical Hessian reference (late entry, which survreg cannot fit)", () => {
  it("equals the inverse of a central-difference Hessian of −ln L at the fit", () => {
    const obs = [
      { time: 3.1, failed: true, entry: 2 },
      { time: 4.2, failed: true, entry: 2 },
      { time: 2.5, failed: true },
      { time: 5, failed: false, entry: 3 },
      { time: 1.2, failed: true },
      { time: 4.8, failed: true, entry: 1 },
      { time: 3.9, failed: false },
      { time: 6.1, failed: true, entry: 0.5 },
      { time: 2.2, failed: false, entry: 1.5 },
    ];
    const fit = fitWeibull({ observations: obs });
    const x = [fit.scale, fit.shape];
    const h = [1e-4 * fit.scale, 1e-4 * fit.shape];
    const f = (dx: number, dy: number): number => negLogLik(obs, x[0]! + dx, x[1]! + dy);
    const H11 = (f(h[0]!, 0) - 2 * f(0, 0) + f(-h[0]!, 0)) / (h[0]! * h[0]!);
    const H22 = (f(0, h[1]!) - 2 * f(0, 0) + f(0, -h[1]!)) / (h[1]! * h[1]!);
    const H12 = (f(h[0]!, h[1]!) - f(h[0]!, -h[1]!) - f(-h[0]!, h[1]!) + f(-h[0]!, -h[1]!)) / (4 * h[0]! * h[1]!);
    const det = H11 * H22 - H12 * H12;
    const [[a, b], ,] = fit.covariance!.matrix;
    close(a, H22 / det, 1e-5);
    close(b, -H12 / det, 1e-5);
    close(fit.covariance!.matrix[1][1], H11 / det, 1e-5);
    close(fit.standardErrors.scale, Math.sqrt(H22 / det), 1e-5);
    // S(t) interval by the same Hessian, on u = β(ln t − ln η)
    const t = 4;
    const u = fit.shape * Math.log(t / fit.scale);
    const g = [-fit.shape / fit.scale, Math.log(t / fit.scale)];
    const vu = (g[0]! * g[0]! * H22 - 2 * g[0]! * g[1]! * H12 + g[1]! * g[1]! * H11) / det;
    const z = 1.959963984540054;
    const s = weibullFitSurvival(fit, t);
    close(s.interval!.lower, Math.exp(-Math.exp(u + z * Math.sqrt(vu))), 1e-5);
    close(s.interval!.upper, Math.exp(-Math.exp(u - z * Math.sqrt(vu))), 1e-5);
    expect(weibullFitSurvival(fit, 0)).toEqual({ estimate: 1, standardError: 0, interval: { lower: 1, upper: 1 } });
    expect(() => weibullFitSurvival(fit, -1)).toThrow(DistrictKitError);
    expect(() => weibullFitQuantile(fit, 1)).toThrow(DistrictKitError);
  });
});
