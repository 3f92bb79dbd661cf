import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERATE_DISCOUNT_MATRIX } from "../tables/eRateDiscountMatrix.js";
import { c2Budget } from "./c2Budget.js";
import { trackC2Cycle } from "./c2Cycle.js";
import { eRateDiscount } from "./discount.js";

const schoolArb = fc.record({ students: fc.integer({ min: 0, max: 5000 }), share: fc.integer({ min: 0, max: 1000 }), rural: fc.boolean() }).map((s) => ({
  students: s.students,
  nslpEligible: Math.floor((s.students * s.share) / 1000),
  locale: s.rural ? ("rural" as const) : ("urban" as const),
}));
const districtArb = fc.array(schoolArb, { minLength: 1, maxLength: 12 }).filter((xs) => xs.some((s) => s.students > 0));
const tableValues = new Set(ERATE_DISCOUNT_MATRIX.flatMap((e) => e.bands.flatMap((b) => [b.c1.urban, b.c1.rural, b.c2.urban, b.c2.rural])));

describe("E-Rate invariants (INVARIANTS.md)", () => {
  it("the discount is one of the table's values and C2 never exceeds 85 %", () => {
    fc.assert(
      fc.property(districtArb, fc.integer({ min: 2015, max: 2035 }), fc.boolean(), (schools, fundingYear, whole) => {
        const d = eRateDiscount({ fundingYear, schools, wholePercentRounding: whole });
        expect(tableValues.has(d.c1)).toBe(true);
        expect(tableValues.has(d.c2)).toBe(true);
        expect(d.c2).toBeLessThanOrEqual(85);
        expect(d.c2).toBeLessThanOrEqual(d.c1);
      }),
      { numRuns: 300 },
    );
  });

  it("an all-CEP applicant's band is the band of the rounded percentage of its summed eligible counts; mixing in a non-CEP school bands the exact share", () => {
    const cepArb = fc.array(fc.record({ students: fc.integer({ min: 1, max: 3000 }), ispCents: fc.integer({ min: 0, max: 10000 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(cepArb, fc.integer({ min: 0, max: 500 }), (xs, extra) => {
        const schools = xs.map((x) => ({ students: x.students, cep: { identifiedStudentPercent: x.ispCents / 100 }, locale: "urban" as const }));
        const d = eRateDiscount({ fundingYear: 2026, schools });
        const whole = Math.round((d.nslpEligible * 100) / d.students + 1e-9);
        // integer arithmetic check of half-up: 2·100·eligible vs (2·whole − 1)·students
        expect(200 * d.nslpEligible >= (2 * whole - 1) * d.students && 200 * d.nslpEligible < (2 * whole + 1) * d.students).toBe(true);
        expect(d.bandedPercent).toBe(String(whole));
        expect(d.band.minPercent <= whole && (whole < d.band.maxPercent || d.band.maxPercent === 100)).toBe(true);
        const mixed = eRateDiscount({ fundingYear: 2026, schools: [...schools, { students: extra + 1, nslpEligible: 0, locale: "urban" as const }] });
        expect(mixed.banding).toBe("exact");
        expect(mixed.bandedPercent).toBe(mixed.sharePercent);
      }),
      { numRuns: 300 },
    );
  });

  it("the C2 budget is never below the floor per school and never decreases when enrollment rises", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 14 }),
        fc.nat({ max: 13 }),
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(2016, 2021, 2023, 2026, 2030),
        (students, at, more, fundingYear) => {
          const schools = students.map((s) => ({ students: s }));
          const a = c2Budget({ fundingYear, schools });
          const floor = fundingYear < 2020 ? 9200 : fundingYear < 2026 ? 25000 : 30175;
          expect(a.budget.greaterThanOrEqual(floor * students.filter((s) => s > 0).length)).toBe(true);
          // more students in a school that already has some (the number of schools unchanged): never lower.
          // (A school going from 0 students to some can push a district past the 10-school "small"
          // threshold and lose the hybrid formula: the formula alone is not monotone there, which is
          // why a cycle's budget is never lowered — see the next property.)
          const k = at % schools.length;
          if (schools[k]!.students === 0) return;
          const bumped = schools.map((s, i) => (i === k ? { students: s.students + more } : s));
          expect(c2Budget({ fundingYear, schools: bumped }).budget.greaterThanOrEqual(a.budget)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a cycle's budget never decreases from year to year, whatever enrollment does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(2021, 2026),
        (years, nSchools, first) => {
          const r = trackC2Cycle({ years: years.map((row, i) => ({ fundingYear: first + i, schools: row.slice(0, nSchools).map((students) => ({ students })), committed: "0" })) });
          for (let i = 1; i < r.years.length; i++) expect(r.years[i]!.budget.greaterThanOrEqual(r.years[i - 1]!.budget)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("per-school tracking (FY2015–FY2020): each school's remaining is its budget on current students less what it consumed, commitments split into consumed + over, and an increase of d students adds $150 × d", () => {
    const yearArb = fc.array(fc.record({ students: fc.integer({ min: 0, max: 1500 }), committedCents: fc.integer({ min: 0, max: 12_000_000 }) }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 2015, max: 2019 }), fc.array(yearArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 300 }), (first, rows, more) => {
        const years = rows.slice(0, 2021 - first).map((schools, i) => ({
          fundingYear: first + i,
          schools: schools.map((s, k) => ({ id: `s${k}`, students: s.students, committed: Money.fromCents(s.committedCents) })),
        }));
        const r = trackC2Cycle({ years });
        const consumed = new Map<string, Money>();
        r.years.forEach((y, i) => {
          const c = y.fundingYear === 2020 ? { m: "195.63", f: "11998.43" } : { m: "150", f: "9200" };
          y.schools.forEach((s, k) => {
            const students = years[i]!.schools[k]!.students;
            const budget = students === 0 ? Money.ZERO : Money.max(Money.of(c.m).multiply(students), Money.of(c.f));
            expect(s.budget.equals(budget)).toBe(true);
            expect(s.consumed.add(s.overBudget).equals(s.committed)).toBe(true);
            const to = (consumed.get(s.id) ?? Money.ZERO).add(s.consumed);
            consumed.set(s.id, to);
            expect(s.remaining.equals(Money.max(budget.subtract(to), Money.ZERO))).toBe(true);
          });
          expect(Money.sum(y.schools.map((s) => s.remaining)).equals(y.remaining)).toBe(true);
        });
        // one more year of the test period with d more students at a school above the floor, nothing committed
        const last = years[years.length - 1]!;
        if (last.fundingYear >= 2019) return;
        const next = (extra: number) => ({ fundingYear: last.fundingYear + 1, schools: last.schools.map((s, k) => ({ id: s.id, students: s.students + (k === 0 ? extra : 0) })) });
        const same = trackC2Cycle({ years: [...years, next(0)] }).years.at(-1)!.schools[0]!;
        const grown = trackC2Cycle({ years: [...years, next(more)] }).years.at(-1)!.schools[0]!;
        if (last.schools[0]!.students * 150 >= 9200 && same.remaining.isPositive()) expect(grown.remaining.subtract(same.remaining).equals(Money.of(150 * more))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
