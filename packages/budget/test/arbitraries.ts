import fc from "fast-check";
import type { BudgetModelInput } from "../src/schema/budget.js";

/** Categories used by the small random budgets. */
export const CATS = ["hardware", "software", "network", "services"] as const;

/** A small random district + budget (1–4 schools, 0–8 items, 0–3 restricted funds, 1–5 years). Money as integer cents. */
export const budgetInputArb: fc.Arbitrary<BudgetModelInput> = fc
  .record({
    schools: fc.array(fc.record({ students: fc.integer({ min: 0, max: 2000 }), share: fc.integer({ min: 0, max: 100 }), rural: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    years: fc.integer({ min: 1, max: 5 }),
    items: fc.array(
      fc.record({
        kind: fc.constantFrom("recurring", "one-time", "per-unit", "series"),
        category: fc.constantFrom(...CATS),
        cents: fc.integer({ min: 0, max: 5_000_000 }),
        escalatorMilli: fc.integer({ min: 0, max: 100 }),
        school: fc.integer({ min: -1, max: 3 }),
        yearOffset: fc.integer({ min: 0, max: 4 }),
        every: fc.integer({ min: 1, max: 3 }),
        eRate: fc.constantFrom("C1", "C2", "ineligible"),
        driver: fc.constantFrom("students", "teachers", "schools"),
      }),
      { maxLength: 8 },
    ),
    funds: fc.array(
      fc.record({
        cats: fc.subarray([...CATS], { minLength: 1 }),
        cents: fc.integer({ min: 0, max: 5_000_000 }),
        fromOffset: fc.integer({ min: -1, max: 3 }),
        months: fc.integer({ min: 1, max: 30 }),
        annual: fc.boolean(),
        preference: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 3 },
    ),
    erate: fc.boolean(),
  })
  .map(({ schools, years, items, funds, erate }) => {
    const first = 2027;
    const last = first + years - 1;
    const sch = schools.map((s, i) => ({
      id: `s${i}`,
      name: `School ${i}`,
      students: s.students,
      nslpEligible: Math.floor((s.students * s.share) / 100),
      locale: s.rural ? ("rural" as const) : ("urban" as const),
      teachers: Math.ceil(s.students / 15),
    }));
    if (sch.every((s) => s.students === 0)) sch[0]!.students = 1;
    const lineItems = items.map((it, i) => {
      const base = {
        id: `i${i}`,
        name: `Item ${i}`,
        category: it.category,
        ...(it.school >= 0 && it.school < sch.length ? { school: `s${it.school}` } : {}),
        escalator: it.escalatorMilli / 1000,
        eRate: it.category === "network" ? it.eRate : ("ineligible" as const),
      };
      const amount = (it.cents / 100).toFixed(2);
      const year = first + Math.min(it.yearOffset, years - 1);
      if (it.kind === "one-time") return { ...base, kind: "one-time" as const, amount, year };
      if (it.kind === "series") return { ...base, kind: "series" as const, amounts: { [String(year)]: amount } };
      if (it.kind === "per-unit") return { ...base, kind: "per-unit" as const, driver: it.driver, unitCost: (it.cents / 10000).toFixed(2), everyYears: it.every };
      return { ...base, kind: "recurring" as const, amount, everyYears: it.every, startYear: year };
    });
    const fundList = [
      { id: "gf", name: "General fund", kind: "general" as const },
      ...(erate
        ? [
            { id: "c1", name: "E-Rate C1", kind: "erate" as const, eRateCategory: "C1" as const },
            { id: "c2", name: "E-Rate C2", kind: "erate" as const, eRateCategory: "C2" as const },
          ]
        : []),
      ...funds.map((f, i) =>
        f.annual
          ? {
              id: `f${i}`,
              name: `Fund ${i}`,
              kind: "grant" as const,
              eligibleCategories: f.cats,
              preference: f.preference,
              annual: { amount: (f.cents / 100).toFixed(2), firstYear: first, lastYear: last, windowMonths: Math.max(12, f.months) },
            }
          : {
              id: `f${i}`,
              name: `Fund ${i}`,
              kind: "grant" as const,
              eligibleCategories: f.cats,
              preference: f.preference,
              tranches: [
                {
                  amount: (f.cents / 100).toFixed(2),
                  availableFrom: `${first - 1 + f.fromOffset}-07-01`,
                  obligateBy: `${first - 1 + f.fromOffset + Math.max(1, Math.floor((f.months + 6) / 12))}-${f.months % 2 === 0 ? "06-30" : "09-30"}`,
                },
              ],
            },
      ),
    ];
    return {
      district: { name: "Random", asOf: "2026-07-01", schools: sch },
      budget: { name: "Random plan", firstYear: first, years, lineItems, funds: fundList },
    } as BudgetModelInput;
  });

/** The input's funds, with an E-Rate C1 fund (`c1`) and a C2 fund (`c2`) added when it has no E-Rate fund. */
export function withERateFunds(funds: BudgetModelInput["budget"]["funds"]): BudgetModelInput["budget"]["funds"] {
  return funds.some((f) => f.kind === "erate")
    ? funds
    : [...funds, { id: "c1", name: "E-Rate C1", kind: "erate" as const, eRateCategory: "C1" as const }, { id: "c2", name: "E-Rate C2", kind: "erate" as const, eRateCategory: "C2" as const }];
}
