import { describe, expect, it } from "vitest";
import { DistrictKitError } from "../errors.js";
import { createRng } from "./rng.js";
import { sampleBinomial, sampleGamma, sampleNormal, samplePoisson, sampleTriangular, sampleUniform, sampleWeibull } from "./samplers.js";

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

// Statistical checks with a fixed seed: each tolerance is ≥ 5 standard errors of the estimate,
// so a correct sampler passes and a biased one (wrong mean or variance by a few %) fails.
describe("samplers: moments match their distributions (fixed seed)", () => {
  const N = 40_000;
  it("binomial, small n·p (inversion) and huge n (beta splitting)", () => {
    const r = createRng(1);
    const small = moments(() => sampleBinomial(r, 300, 0.08), N);
    expect(Math.abs(small.mean - 24)).toBeLessThan(5 * Math.sqrt(22.08 / N));
    expect(Math.abs(small.variance - 22.08) / 22.08).toBeLessThan(0.05);
    const big = moments(() => sampleBinomial(r, 1_000_000, 0.3), N);
    const v = 1_000_000 * 0.3 * 0.7;
    expect(Math.abs(big.mean - 300_000)).toBeLessThan(5 * Math.sqrt(v / N));
    expect(Math.abs(big.variance - v) / v).toBeLessThan(0.05);
    const high = moments(() => sampleBinomial(r, 50, 0.9), N);
    expect(Math.abs(high.mean - 45)).toBeLessThan(5 * Math.sqrt(4.5 / N));
  });

  it("poisson, small and large means", () => {
    const r = createRng(2);
    const small = moments(() => samplePoisson(r, 4.2), N);
    expect(Math.abs(small.mean - 4.2)).toBeLessThan(5 * Math.sqrt(4.2 / N));
    const big = moments(() => samplePoisson(r, 5000), N);
    expect(Math.abs(big.mean - 5000)).toBeLessThan(5 * Math.sqrt(5000 / N));
    expect(Math.abs(big.variance - 5000) / 5000).toBeLessThan(0.05);
  });

  it("normal, gamma, weibull, triangular, uniform", () => {
    const r = createRng(3);
    const nm = moments(() => sampleNormal(r, 100, 15), N);
    expect(Math.abs(nm.mean - 100)).toBeLessThan(5 * (15 / Math.sqrt(N)));
    expect(Math.abs(nm.variance - 225) / 225).toBeLessThan(0.05);
    const g = moments(() => sampleGamma(r, 2, 3), N);
    expect(Math.abs(g.mean - 6)).toBeLessThan(5 * Math.sqrt(18 / N));
    const gs = moments(() => sampleGamma(r, 0.5, 1), N);
    expect(Math.abs(gs.mean - 0.5)).toBeLessThan(5 * Math.sqrt(0.5 / N));
    // Weibull(k = 2, λ = 5): mean = λ Γ(1.5) = 5 × 0.886227 = 4.431135
    const w = moments(() => sampleWeibull(r, 2, 5), N);
    expect(Math.abs(w.mean - 4.431135)).toBeLessThan(5 * Math.sqrt(5.365 / N));
    const t = moments(() => sampleTriangular(r, 0, 1, 4), N);
    expect(Math.abs(t.mean - 5 / 3)).toBeLessThan(5 * Math.sqrt(0.7222 / N));
    const u = moments(() => sampleUniform(r, 2, 4), N);
    expect(Math.abs(u.mean - 3)).toBeLessThan(5 * Math.sqrt(1 / 3 / N));
  });
});

describe("binomial by mode search (30 ≤ n·p, σ ≤ 100): the exact distribution", () => {
  // χ² goodness of fit against the exact pmf (log-space product), cells pooled to ≥ 20 expected;
  // with df ≈ 100 the 99.9 % critical value is about 1.5 × df.
  it.each([
    [3300, 0.08],
    [400, 0.3],
    [120, 0.5],
  ])("Bin(%d, %d)", (n, p) => {
    const r = createRng(11);
    const N = 100_000;
    const counts = new Float64Array(n + 1);
    for (let i = 0; i < N; i++) counts[sampleBinomial(r, n, p)]! += 1;
    let lf = n * Math.log(1 - p);
    let chi = 0;
    let df = -1;
    let o = 0;
    let e = 0;
    for (let x = 0; x <= n; x++) {
      if (x > 0) lf += Math.log((n - x + 1) / x) + Math.log(p / (1 - p));
      o += counts[x]!;
      e += Math.exp(lf) * N;
      if (e >= 20) {
        chi += (o - e) ** 2 / e;
        df++;
        o = 0;
        e = 0;
      }
    }
    expect(chi).toBeLessThan(1.5 * df + 10);
  });
});

describe("samplers: support and bad parameters", () => {
  it("stays inside the support", () => {
    const r = createRng(4);
    for (let i = 0; i < 5000; i++) {
      const b = sampleBinomial(r, 37, 0.6);
      expect(Number.isInteger(b) && b >= 0 && b <= 37).toBe(true);
      expect(sampleWeibull(r, 0.7, 2)).toBeGreaterThanOrEqual(0);
      const t = sampleTriangular(r, 1, 2, 5);
      expect(t >= 1 && t <= 5).toBe(true);
    }
    expect(sampleBinomial(r, 0, 0.5)).toBe(0);
    expect(sampleBinomial(r, 10, 0)).toBe(0);
    expect(sampleBinomial(r, 10, 1)).toBe(10);
    expect(samplePoisson(r, 0)).toBe(0);
  });

  it.each([
    () => sampleBinomial(createRng(1), -1, 0.5),
    () => sampleBinomial(createRng(1), 2.5, 0.5),
    () => sampleBinomial(createRng(1), 10, 1.5),
    () => sampleBinomial(createRng(1), 10, Number.NaN),
    () => samplePoisson(createRng(1), -1),
    () => sampleWeibull(createRng(1), 0, 1),
    () => sampleWeibull(createRng(1), 1, -1),
    () => sampleGamma(createRng(1), 0),
    () => sampleNormal(createRng(1), 0, -1),
    () => sampleTriangular(createRng(1), 3, 1, 2),
    () => sampleUniform(createRng(1), 1, 1),
  ])("throws a DistrictKitError for bad parameters (%#)", (f) => {
    expect(f).toThrow(DistrictKitError);
  });
});
