import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mixMarketArb } from "../test/arbitraries.js";
import { bruteForceMixCost } from "../test/bruteForceMix.js";
import { checkCoverage } from "../test/checks.js";
import { optimizeLicenses } from "./optimize.js";

// The label is a promise: against enumeration of every quantity vector of the full covering model
// (packs of different sizes, pack plus top-up, tiers plus packs, commitments plus seats, `any`
// beside role options, earned free seats), an `optimal` plan costs exactly the optimum and a
// `best-found` plan is never below it, its lower bound never above it.
describe("optimizeLicenses over mixes of seat options (2–4 per role)", () => {
  it("optimal equals brute force to the cent; best-found is bracketed by its bound", () => {
    let compared = 0;
    let optimal = 0;
    fc.assert(
      fc.property(mixMarketArb, (market) => {
        const bf = bruteForceMixCost(market);
        fc.pre(!Number.isNaN(bf));
        compared++;
        const plan = optimizeLicenses(market);
        const want = Math.round(bf);
        expect(checkCoverage(market, plan)).toEqual([]);
        if (plan.status === "optimal") {
          optimal++;
          expect(plan.objective.toCents()).toBe(want);
        } else {
          expect(plan.objective.toCents()).toBeGreaterThanOrEqual(want);
          expect(plan.lowerBound.toCents()).toBeLessThanOrEqual(want);
          expect(plan.objective.subtract(plan.lowerBound).toCents()).toBeGreaterThanOrEqual(plan.objective.toCents() - want);
        }
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(60);
    // small markets prove: every plan here is proven (the small-demand cover enumerates exactly)
    expect(optimal).toBe(compared);
  }, 240_000);
});
