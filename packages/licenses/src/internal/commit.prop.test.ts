import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commitMarketArb } from "../../test/arbitraries.js";
import { bruteForceMixCost } from "../../test/bruteForceMix.js";
import { checkCoverage } from "../../test/checks.js";
import { optimizeLicenses } from "../optimize.js";

// The commitment search (commit.ts: a multi-year seat commitment's quantity searched with a
// Lagrangian bound, each year then a one-year mix) against enumeration of every seat quantity
// vector and site set (test/bruteForceMix.ts) on tiny markets of its shape: the plan is proven and
// costs exactly the optimum.
describe("a multi-year commitment beside yearly options (commitment search)", () => {
  it("is optimal and equals brute force to the cent", () => {
    let compared = 0;
    fc.assert(
      fc.property(commitMarketArb, (market) => {
        const bf = bruteForceMixCost(market);
        fc.pre(!Number.isNaN(bf));
        compared++;
        const plan = optimizeLicenses(market);
        expect(checkCoverage(market, plan)).toEqual([]);
        expect(plan.status).toBe("optimal");
        expect(plan.objective.toCents()).toBe(Math.round(bf));
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(100);
  }, 240_000);
});
