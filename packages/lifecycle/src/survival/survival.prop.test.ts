import { createRng, sampleWeibull } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annualFailureProbabilities } from "./annual.js";
import { kaplanMeier } from "./kaplanMeier.js";
import { fitWeibull } from "./weibull.js";

const obsArb = fc.array(
  fc.record({ time: fc.integer({ min: 1, max: 1000 }), failed: fc.boolean(), entry: fc.integer({ min: 0, max: 1000 }) }).map((o) => ({ ...o, entry: Math.min(o.entry, o.time - 1) })),
  { minLength: 1, maxLength: 60 },
);

describe("survival invariants", () => {
  it("the Kaplan–Meier curve is non-increasing, in [0, 1], and every interval contains S", () => {
    fc.assert(
      fc.property(obsArb, (observations) => {
        const km = kaplanMeier({ observations });
        let prev = 1;
        for (const s of km.steps) {
          expect(s.survival).toBeLessThanOrEqual(prev + 1e-15);
          expect(s.survival >= 0 && s.survival <= 1).toBe(true);
          for (const ci of [s.linear, s.log, s.logLog]) {
            expect(ci.lower >= 0 && ci.upper <= 1 + 1e-12 && ci.lower <= s.survival + 1e-12 && s.survival <= ci.upper + 1e-12).toBe(true);
          }
          prev = s.survival;
        }
      }),
      { numRuns: 200 },
    );
  });

  it("Kaplan–Meier without censoring or late entry is the empirical survival function (brute force)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 40 }), (failures) => {
        const km = kaplanMeier({ failures });
        for (const s of km.steps) expect(s.survival).toBeCloseTo(failures.filter((t) => t > s.time).length / failures.length, 12);
      }),
    );
  });

  it("a Weibull fit on data drawn from a known Weibull recovers its parameters (with censoring)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 2, max: 12 }), fc.integer(), (shape10, scale, seed) => {
        const shape = shape10 / 10;
        const rng = createRng(seed);
        const n = 3000;
        const cutoff = scale * 1.5; // administrative censoring
        const times: number[] = [];
        const failed: boolean[] = [];
        for (let i = 0; i < n; i++) {
          const t = sampleWeibull(rng, shape, scale);
          times.push(Math.min(t, cutoff));
          failed.push(t <= cutoff);
        }
        const fit = fitWeibull({ times, failed });
        expect(Math.abs(fit.shape - shape) / shape).toBeLessThan(0.12);
        expect(Math.abs(fit.scale - scale) / scale).toBeLessThan(0.12);
        // the true values sit inside wide (5 SE) bands around the estimates
        expect(Math.abs(fit.shape - shape)).toBeLessThan(5 * fit.standardErrors.shape);
      }),
      { numRuns: 25 },
    );
  });

  it("annual conditional probabilities are in [0, 1] for every model kind", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 300 }), (s, e) => {
        const q = annualFailureProbabilities({ kind: "weibull", shape: s / 10, scale: e / 10 }, 30).probabilities;
        for (const x of q) expect(x >= 0 && x <= 1).toBe(true);
      }),
    );
  });
});
