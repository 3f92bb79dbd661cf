import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tinyMarketArb } from "../test/arbitraries.js";
import { bruteForceCost } from "../test/bruteForce.js";
import { checkCoverage, heuristicCosts } from "../test/checks.js";
import { highsCost, highsCostWithSites } from "../test/highsModel.js";
import { generateLicenseMarket } from "./generate.js";
import { optimizeLicenses } from "./optimize.js";
import type { LicensePlanInputData } from "./schema.js";

// INVARIANTS.md (licenses): coverage, optimality against brute force and HiGHS, ≤ heuristics,
// monotonicity in demand and options.
const cents = (r: ReturnType<typeof optimizeLicenses>): number => r.objective.toCents();

describe("optimizeLicenses on tiny random markets", () => {
  it("equals brute-force enumeration of one-contract-per-role plans, or beats it with a mix", () => {
    let compared = 0;
    fc.assert(
      fc.property(tinyMarketArb, (market) => {
        // bruteForceCost serves each role's seats of a year with one seat contract: exact when no two
        // seat options of a product share a role; otherwise mixes may cost less
        const bf = bruteForceCost(market);
        fc.pre(!Number.isNaN(bf));
        compared++;
        const plan = optimizeLicenses(market);
        const shared = market.products.some((p) => {
          const keys = market.options!.filter((o) => o.kind === "seat" && o.productId === p.id).map((o) => (o as { role?: string }).role ?? "any");
          return keys.length > 1 && (keys.includes("any") || new Set(keys).size < keys.length);
        });
        if (shared) expect(cents(plan)).toBeLessThanOrEqual(Math.round(bf));
        else expect(cents(plan)).toBe(Math.round(bf));
      }),
      { numRuns: 120 },
    );
    expect(compared).toBeGreaterThan(30);
  }, 120_000);

  it("returns plans that cover every product, school, role and year", () => {
    fc.assert(
      fc.property(tinyMarketArb, (market) => {
        const plan = optimizeLicenses(market);
        expect(checkCoverage(market, plan)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("costs no more than the cheapest single option and the greedy site-or-seats heuristic", () => {
    fc.assert(
      fc.property(tinyMarketArb, (market) => {
        const plan = optimizeLicenses(market);
        for (const h of heuristicCosts(market)) expect(plan.objective.toCents()).toBeLessThanOrEqual(h);
      }),
      { numRuns: 150 },
    );
  });

  it("proves every tiny market optimal (multi-year commitments, `any` beside role options, sites, bundles)", () => {
    fc.assert(
      fc.property(tinyMarketArb, (market) => {
        const plan = optimizeLicenses(market);
        expect(plan.status).toBe("optimal");
        expect(plan.gap.toString()).toBe("0");
      }),
      { numRuns: 150 },
    );
  });

  it("never gets cheaper when demand rises, nor dearer when an option is added", () => {
    fc.assert(
      fc.property(tinyMarketArb, fc.nat(), fc.integer({ min: 1, max: 40 }), (market, at, extra) => {
        const plan = optimizeLicenses(market);
        expect(plan.status).toBe("optimal");
        const base = cents(plan);
        const demand = market.demand.map((d, i) => (i === at % market.demand.length ? { ...d, seats: d.seats + extra } : d));
        const more = optimizeLicenses({ ...market, demand });
        expect(more.status).toBe("optimal");
        expect(cents(more)).toBeGreaterThanOrEqual(base);
        const cheaper: LicensePlanInputData = {
          ...market,
          options: [...market.options!, { kind: "seat", id: "new", productId: market.products[0]!.id, role: "any", schedule: { type: "unit", unitPrice: (at % 2000) / 100 + 0.5 } }],
        };
        const added = optimizeLicenses(cheaper);
        expect(added.status).toBe("optimal");
        expect(cents(added)).toBeLessThanOrEqual(base);
      }),
      { numRuns: 80 },
    );
  });

  it("costs no more than a current contract that is one of its options", () => {
    fc.assert(
      fc.property(tinyMarketArb, (market) => {
        const plan = optimizeLicenses(market);
        const alone = Math.min(...heuristicCosts(market));
        expect(plan.objective.toCents()).toBeLessThanOrEqual(alone);
      }),
      { numRuns: 50 },
    );
  });
});

describe("optimizeLicenses against HiGHS (independent MILP) on seeded mid-size markets", () => {
  // HiGHS solves the full covering model (every seat contract's seats summed, no one-option-per-role
  // rule): an `optimal` plan equals its objective, a `best-found` one is bracketed by its bound.
  it.each([1, 2, 3, 4, 5, 6])(
    "seed %i: equal objective when proven, else bracketed",
    async (seed) => {
      const market = generateLicenseMarket({ products: 4, options: 6, schools: 8, years: 3, seed, bundleEvery: 3 });
      const plan = optimizeLicenses(market);
      const ref = await highsCost(market);
      expect(ref.optimal).toBe(true);
      if (plan.status === "optimal") expect(cents(plan)).toBe(Math.round(ref.cost));
      else {
        expect(cents(plan)).toBeGreaterThanOrEqual(Math.round(ref.cost));
        expect(plan.lowerBound.toCents()).toBeLessThanOrEqual(Math.round(ref.cost));
      }
    },
    120_000,
  );
});

// Question (b) of the P1 task: HiGHS 1.15 (highs-js) sometimes reports "Optimal" above a plan that
// is feasible in its own model, with mip_rel_gap 0 and mip_abs_gap 1e-6. On this market it stops at
// 54,588,781 ¢; with the site licences fixed to ours it finds 54,574,241 ¢ — our optimum. (Same on
// generateLicenseMarket({ products: 1, schools: 200, seed: 11 }): 341,435,245 ¢ "Optimal" in 98 s,
// 341,404,919 ¢ with our sites, in 1.3 s.)
describe("a HiGHS optimality claim above our optimum", () => {
  it("3 products × 20 schools, seed 10: our plan is feasible in the MILP, its sites fixed there bracket it", async () => {
    const market = generateLicenseMarket({ products: 3, options: 6, schools: 20, years: 3, seed: 10, bundleEvery: 3 });
    const plan = optimizeLicenses(market);
    const sited = new Set(plan.purchases.filter((p) => p.kind === "site").map((p) => `${p.productIds[0]}|${p.schoolId}|${p.fiscalYears[0]}`));
    const fixed = await highsCostWithSites(market, sited);
    expect(fixed.optimal).toBe(true);
    // proven: the rest of the plan is optimal for its sites; best-found (a multi-year seat term
    // beside yearly seats here): the MILP with its sites costs at most the plan, and no less than
    // the plan's proven bound
    if (plan.status === "optimal") expect(Math.round(fixed.cost)).toBe(cents(plan));
    else {
      expect(Math.round(fixed.cost)).toBeLessThanOrEqual(cents(plan));
      expect(plan.lowerBound.toCents()).toBeLessThanOrEqual(Math.round(fixed.cost));
    }
    // (HiGHS left free takes ~10 s here and reports 54,588,781 ¢ "Optimal": not repeated in the suite)
  }, 120_000);
});
