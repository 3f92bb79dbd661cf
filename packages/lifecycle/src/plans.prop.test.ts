import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCappedRefresh } from "./cappedPlan.js";
import { depreciationSchedule } from "./depreciation.js";

const cohortsArb = fc.array(
  fc.record({
    count: fc.integer({ min: 0, max: 200 }),
    purchaseFiscalYear: fc.integer({ min: 2019, max: 2027 }),
    unitPrice: fc.integer({ min: 10_000, max: 100_000 }).map((c) => Money.fromCents(c).toString()),
    deadline: fc.option(fc.integer({ min: 2025, max: 2034 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe("capped refresh plan invariants", () => {
  it("never above the cap unless the year is reported, never after a deadline, every unit accounted for", () => {
    fc.assert(
      fc.property(cohortsArb, fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 6, maxLength: 6 }), fc.boolean(), (cs, caps, capped) => {
        const cohorts = cs.map((c, i) => ({ id: `c${i}`, count: c.count, purchaseFiscalYear: c.purchaseFiscalYear, unitPrice: c.unitPrice, ...(c.deadline !== undefined ? { deadlineFiscalYear: c.deadline } : {}) }));
        const cap = capped ? Object.fromEntries(caps.map((c, i) => [String(2027 + i), Money.fromCents(c).toString()])) : undefined;
        let plan;
        try {
          plan = planCappedRefresh({ firstFiscalYear: 2027, horizonYears: 6, minAgeYears: 2, maxAgeYears: 6, cohorts, ...(cap ? { cap } : {}) });
        } catch {
          return; // an empty window is an input error, reported as such
        }
        for (const y of plan.years) {
          if (y.cap && y.cost.greaterThan(y.cap)) expect(plan.shortfalls.map((s) => s.fiscalYear)).toContain(y.fiscalYear);
          for (const a of y.allocations) {
            const c = cohorts.find((x) => x.id === a.cohort)!;
            const latest = Math.max(2027, Math.min(c.purchaseFiscalYear + 6, c.deadlineFiscalYear ?? Infinity));
            expect(y.fiscalYear).toBeLessThanOrEqual(latest);
          }
        }
        for (const c of cohorts) {
          const planned = plan.years.flatMap((y) => y.allocations).filter((a) => a.cohort === c.id).reduce((n, a) => n + a.units, 0);
          const left = plan.unscheduled.filter((u) => u.cohort === c.id).reduce((n, u) => n + u.units, 0);
          expect(planned + left).toBe(c.count);
        }
        if (plan.level !== null) for (const y of plan.years) expect(y.units).toBeLessThanOrEqual(plan.level);
      }),
      { numRuns: 200 },
    );
  });

  it("flatten: no smaller level meets every deadline (brute force on small cases)", () => {
    fc.assert(
      fc.property(cohortsArb, (cs) => {
        const cohorts = cs.map((c, i) => ({ id: `c${i}`, count: Math.min(c.count, 20), purchaseFiscalYear: c.purchaseFiscalYear, unitPrice: "100" }));
        const plan = planCappedRefresh({ firstFiscalYear: 2027, horizonYears: 4, minAgeYears: 0, maxAgeYears: 6, cohorts });
        const L = plan.level!;
        if (L === 0) return;
        // a level L − 1 would need, for some deadline d, more units due by d than (L − 1) × years up to d
        const due = (d: number): number => cohorts.filter((c) => Math.max(2027, c.purchaseFiscalYear + 6) <= d).reduce((n, c) => n + c.count, 0);
        const total = cohorts.reduce((n, c) => n + c.count, 0);
        const needed = Math.max(Math.ceil(total / 4), ...[2027, 2028, 2029, 2030].map((d) => Math.ceil(due(d) / (d - 2026))));
        expect(L).toBe(needed);
      }),
      { numRuns: 200 },
    );
  });
});

describe("exact cap plans on small problems", () => {
  // Counts up to 3 in up to 4 cohorts keep Π(units + 1) ≤ 256, inside the exact search's limit
  // of 400 states (beyond it the plan falls back to earliest-deadline-first by design).
  it("are never worse than earliest-deadline-first (spend over the caps, then units left)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 0, max: 3 }), purchaseFiscalYear: fc.integer({ min: 2021, max: 2027 }), price: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
        (cs, caps) => {
          const input = {
            firstFiscalYear: 2027,
            horizonYears: 4,
            minAgeYears: 1,
            maxAgeYears: 5,
            cohorts: cs.map((c, i) => ({ id: `c${i}`, count: c.count, purchaseFiscalYear: c.purchaseFiscalYear, unitPrice: String(c.price * 100) })),
            cap: Object.fromEntries(caps.map((c, i) => [String(2027 + i), String(c * 100)])),
          };
          const exact = planCappedRefresh(input);
          const edf = planCappedRefresh({ ...input, method: "earliest-deadline-first" });
          expect(exact.method).toBe("exact");
          const over = (p: typeof exact): number => p.years.reduce((a, y) => a + Math.max(0, y.cost.toNumber() - (y.cap?.toNumber() ?? Infinity)), 0);
          const left = (p: typeof exact): number => p.unscheduled.reduce((a, u) => a + u.units, 0);
          expect(over(exact)).toBeLessThanOrEqual(over(edf) + 1e-9);
          if (Math.abs(over(exact) - over(edf)) < 1e-9) expect(left(exact)).toBeLessThanOrEqual(left(edf));
          for (const y of exact.years) if (y.cap && y.cost.greaterThan(y.cap)) expect(exact.shortfalls.map((x) => x.fiscalYear)).toContain(y.fiscalYear);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("depreciation invariants", () => {
  it("book value never negative nor below salvage; accumulated equals cost − salvage at the end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom("straight-line" as const, "declining-balance" as const),
        fc.integer({ min: 10, max: 30 }),
        (costCents, salvagePct, life, method, factor10) => {
          const cost = Money.fromCents(costCents);
          const salvage = Money.fromCents(Math.floor((costCents * salvagePct) / 100));
          const s = depreciationSchedule({ unitCost: cost, salvage, lifeYears: life, startFiscalYear: 2027, method, factor: factor10 / 10, capitalizationThreshold: "0" });
          for (const y of s.years) {
            expect(y.bookValue.isNegative()).toBe(false);
            expect(y.bookValue.greaterThanOrEqual(salvage)).toBe(true);
            expect(y.depreciation.isNegative()).toBe(false);
          }
          expect(s.years[s.years.length - 1]!.accumulated.equals(cost.subtract(salvage))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
