import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetVsActual } from "../index.js";

// INVARIANTS (budget vs actual, issue 16): variances add up; a complete year projects to its
// actual; the seasonal projection of a flat history equals the straight line.
const cents = (c: number): string => (c / 100).toFixed(2);
const FUNDS = ["gf", "grant"];
const CATS = ["hardware", "software", "network"];
const SCHOOLS = [null, "a", "b"];

const cellArb = fc.record({ fund: fc.constantFrom(...FUNDS), category: fc.constantFrom(...CATS), school: fc.constantFrom(...SCHOOLS) });
const inputArb = fc.record({
  plan: fc.array(fc.tuple(cellArb, fc.integer({ min: -500_000, max: 5_000_000 })), { maxLength: 8 }),
  actuals: fc.array(fc.tuple(cellArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: -100_000, max: 2_000_000 }), fc.integer({ min: 0, max: 300_000 }), fc.constantFrom(2025, 2026, 2027)), {
    maxLength: 30,
  }),
  through: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  monthlyPlan: fc.constantFrom("even" as const, "seasonal" as const),
  projection: fc.constantFrom("seasonal" as const, "straight-line" as const),
});

type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;
function run(i: Input) {
  return budgetVsActual({
    fiscalYear: 2027,
    throughPeriod: i.through,
    monthlyPlan: i.monthlyPlan,
    projection: i.projection,
    plan: i.plan.map(([c, a]) => ({ ...c, fiscalYear: 2027, amount: cents(a) })),
    actuals: i.actuals.map(([c, period, p, e, fiscalYear]) => ({ ...c, fiscalYear, period, posted: cents(p), encumbered: cents(e) })),
  });
}

describe("budgetVsActual properties", () => {
  it("variances add up: cells → totals, funds, categories, schools; periods → year", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const r = run(i);
        const sum = (xs: readonly { toCents(): number }[]): number => xs.reduce((s, x) => s + x.toCents(), 0);
        for (const k of ["budget", "posted", "encumbered", "available", "planToDate", "varianceToDate"] as const) {
          expect(sum(r.cells.map((c) => c[k]))).toBe(r.totals[k].toCents());
          for (const group of [r.byFund, r.byCategory, r.bySchool]) expect(sum(Object.values(group).map((g) => g[k]))).toBe(r.totals[k].toCents());
        }
        expect(sum(r.cells.map((c) => c.projection.yearEnd))).toBe(r.totals.projectedYearEnd.toCents());
        for (const c of r.cells) {
          expect(sum(c.periods.map((p) => p.plan))).toBe(c.budget.toCents());
          expect(sum(c.periods.filter((p) => p.closed).map((p) => p.variance))).toBe(c.varianceToDate.toCents());
          expect(c.available.toCents()).toBe(c.budget.toCents() - c.posted.toCents() - c.encumbered.toCents());
          expect(c.projection.projectedVariance.toCents()).toBe(c.budget.toCents() - c.projection.yearEnd.toCents());
        }
        for (let p = 0; p < 12; p++) expect(sum(r.cells.map((c) => c.periods[p]!.variance))).toBe(r.totals.periods[p]!.variance.toCents());
      }),
      { numRuns: 150 },
    );
  });

  it("a complete year projects to its actual, whatever the method", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const r = run({ ...i, through: 12 });
        expect(r.complete).toBe(true);
        for (const c of r.cells) {
          expect(c.projection.method).toBe("actual");
          expect(c.projection.yearEnd.toCents()).toBe(c.posted.toCents());
          expect(c.projection.straightLine.toCents()).toBe(c.posted.toCents());
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the seasonality of a flat history equals the straight line", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 11 }),
        fc.array(fc.integer({ min: -50_000, max: 2_000_000 }), { minLength: 11, maxLength: 11 }),
        fc.constantFrom("category" as const, "district" as const),
        (monthly, through, spend, seasonality) => {
          const history = monthly.flatMap((m, h) => Array.from({ length: 12 }, (_, p) => ({ fund: "gf", category: "hardware", fiscalYear: 2026 - h, period: p + 1, posted: cents(m) })));
          const now = spend.slice(0, through).map((c, p) => ({ fund: "gf", category: "hardware", fiscalYear: 2027, period: p + 1, posted: cents(c) }));
          const r = budgetVsActual({ fiscalYear: 2027, throughPeriod: through, plan: [], actuals: [...history, ...now], seasonality });
          const p = r.cells[0]!.projection;
          expect(p.method).toBe("seasonal");
          expect(p.seasonal!.toCents()).toBe(p.straightLine.toCents());
        },
      ),
      { numRuns: 150 },
    );
  });
});
