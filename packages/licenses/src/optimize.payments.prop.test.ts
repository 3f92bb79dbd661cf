import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commitMarketArb, mixMarketArb, tinyMarketArb } from "../test/arbitraries.js";
import { optimizeLicenses } from "./optimize.js";
import type { LicensePlanInputData } from "./schema.js";

// The money a plan pays is the money it optimized: without a discount rate, every purchase's
// payments add up to totalCost + beyondHorizonCost, which is the objective, and the budget lines
// carry the same payments (later years of a term included). The markets are the optimizer's usual test shapes
// with some options switched to prices entered as term totals (`priceBasis: "term"`): the
// purchases once summed a term's total for every year of the term (three times the cost of a
// three-year term), which no earlier property looked at.

/** The market with each multi-year option whose flag is set priced by its term total instead. */
const withTermTotals = (arb: fc.Arbitrary<LicensePlanInputData>) =>
  arb.chain((input) =>
    fc.array(fc.boolean(), { minLength: input.options?.length ?? 0, maxLength: input.options?.length ?? 0 }).map((flags) => ({
      ...input,
      options: (input.options ?? []).map((o, i) => (flags[i] && o.kind !== "bundle" && !("billedMonths" in o && o.billedMonths !== undefined) ? { ...o, priceBasis: "term" as const } : o)),
    })),
  );

function expectPaymentsAddUp(input: LicensePlanInputData): void {
  const plan = optimizeLicenses(input);
  let paid = 0;
  for (const p of plan.purchases) for (const x of p.payments) paid += x.amount.toCents();
  expect(paid).toBe(plan.totalCost.add(plan.beyondHorizonCost).toCents());
  expect(paid).toBe(plan.objective.toCents());
  let lines = 0;
  for (const l of plan.budgetLines) for (const x of l.amounts) lines += x.amount.toCents();
  expect(lines).toBe(paid);
}

describe("payments add up to the objective (no discount rate)", () => {
  it("on tiny markets (sites, districts, bundles, multi-year terms), some priced by term totals", () => {
    fc.assert(fc.property(withTermTotals(tinyMarketArb), expectPaymentsAddUp), { numRuns: 120 });
  });
  it("on markets mixing 2–4 seat options per role, some priced by term totals", () => {
    fc.assert(fc.property(withTermTotals(mixMarketArb), expectPaymentsAddUp), { numRuns: 120 });
  });
  it("on markets with a multi-year seat commitment, maybe priced by its term total", () => {
    fc.assert(fc.property(withTermTotals(commitMarketArb), expectPaymentsAddUp), { numRuns: 120 });
  });
});
