import fc from "fast-check";
import { describe, it } from "vitest";
import { createRng } from "./rng.js";
import { sampleBinomial, samplePoisson, sampleWeibull } from "./samplers.js";

describe("sampler properties (INVARIANTS.md core)", () => {
  it("binomial stays in [0, n] for any n, p and seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1000 }), fc.integer(), (n, pm, seed) => {
        const x = sampleBinomial(createRng(seed), n, pm / 1000);
        return Number.isInteger(x) && x >= 0 && x <= n;
      }),
      { numRuns: 300 },
    );
  });

  it("weibull ≥ 0 and poisson a non-negative integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer(), (k, l, seed) => {
        const r = createRng(seed);
        const p = samplePoisson(r, l * 3.7);
        return sampleWeibull(r, k / 10, l) >= 0 && Number.isInteger(p) && p >= 0;
      }),
    );
  });

  it("the same seed gives the same draws, however the trials are ordered", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 20 }), (seed, trials) => {
        const root = createRng(seed);
        const forward = trials.map((t) => sampleBinomial(root.stream(t), 1000, 0.1));
        const backward = [...trials]
          .reverse()
          .map((t) => sampleBinomial(createRng(seed).stream(t), 1000, 0.1))
          .reverse();
        return forward.join() === backward.join();
      }),
    );
  });
});
