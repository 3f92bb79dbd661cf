import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, renameDeep, renamingArb } from "../../core/test/ids.js";
import { forecastInputArb } from "../test/arbitraries.js";
import { aggregateCohorts, forecastReplacements, planCappedRefresh } from "./index.js";

// Ids are data (issue #18): a model or a school whose id is `__proto__`, `constructor`,
// `toString`… or long Unicode is an ordinary key. Renaming every model and school id of a random
// inventory changes no figure of the forecast, of the capped plan, or of the cohorts.

// model ids first made distinct from every other text ("ipad" is also a category)
const m = (id: string): string => `model:${id}`;
const inputArb = forecastInputArb.map((input) => ({
  ...input,
  models: input.models.map((x) => ({ ...x, id: m(x.id), ...(x.replacementModel === undefined ? {} : { replacementModel: m(x.replacementModel) }) })),
  cohorts: (input.cohorts ?? []).map((c) => ({ ...c, model: m(c.model) })),
}));
const caseArb = inputArb.chain((input) => renamingArb([m("cb"), m("cb2"), m("ipad"), m("lap"), "A", "B"]).map((map) => ({ input, map })));

describe("lifecycle ids are data", () => {
  it("renaming every model and school id leaves the forecast unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ input, map }) => {
        const a = forecastReplacements(input);
        const b = forecastReplacements(renameDeep(input, map));
        expect(canonical(b, map)).toBe(canonical(a));
      }),
      { numRuns: 60 },
    );
  });

  it("renaming every id leaves a forecast under a refresh budget cap unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ input, map }) => {
        const capped = { ...input, refreshBudgetCap: { "2027": "20000", "2028": "20000", "2029": "20000" } };
        const a = forecastReplacements(capped);
        const b = forecastReplacements(renameDeep(capped, map));
        expect(canonical(b, map)).toBe(canonical(a));
      }),
      { numRuns: 30 },
    );
  });

  it("renaming cohort ids leaves planCappedRefresh's totals unchanged (ties between cohorts go by id, so which one goes first may change)", () => {
    const cohortArb = fc.record({ count: fc.integer({ min: 0, max: 300 }), year: fc.integer({ min: 2018, max: 2026 }), cents: fc.integer({ min: 10000, max: 90000 }) });
    const caseArb2 = fc.tuple(fc.array(cohortArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 60000 })).chain(([cs, cap]) => {
      const input = {
        firstFiscalYear: 2027,
        horizonYears: 4,
        minAgeYears: 2,
        maxAgeYears: 6,
        cap: { "2027": String(cap), "2028": String(cap) },
        cohorts: cs.map((c, i) => ({ id: `cohort:${i}`, count: c.count, purchaseFiscalYear: c.year, unitPrice: (c.cents / 100).toFixed(2) })),
      };
      return renamingArb(input.cohorts.map((c) => c.id)).map((map) => ({ input, map }));
    });
    fc.assert(
      fc.property(caseArb2, ({ input, map }) => {
        const totals = (p: ReturnType<typeof planCappedRefresh>): unknown => ({
          cost: p.years.reduce((s, y) => s.add(y.cost), p.years[0]!.cost.subtract(p.years[0]!.cost)).toString(),
          units: p.years.reduce((s, y) => s + y.units, 0),
          byCohort: canonical([...p.years.flatMap((y) => y.allocations).reduce((o, a) => o.set(a.cohort, (o.get(a.cohort) ?? 0) + a.units), new Map<string, number>())], map),
        });
        expect(totals(planCappedRefresh(renameDeep(input, map)))).toEqual(totals(planCappedRefresh(input)));
      }),
      { numRuns: 60 },
    );
  });

  it("devices of a model called __proto__ at a school called constructor are counted (regression)", () => {
    const devices = [
      { id: "d1", model: "__proto__", school: "constructor", role: "student" as const, purchaseDate: "2022-08-01" },
      { id: "d2", model: "__proto__", school: "constructor", role: "student" as const, purchaseDate: "2022-09-01" },
      { id: "d3", model: "toString", school: "__proto__", role: "staff" as const, purchaseDate: "2023-08-01" },
    ];
    const models = [
      { id: "__proto__", category: "chromebook" as const, unitPrice: "300", expectedLifeYears: 4, repairCosts: JSON.parse('{"__proto__": "40", "screen": "80"}') as Record<string, string> },
      { id: "toString", category: "ipad" as const, unitPrice: "329", expectedLifeYears: 5 },
    ];
    const { cohorts } = aggregateCohorts({ asOf: "2026-07-01", devices, models });
    expect(cohorts.map((c) => [c.model, c.school, c.count])).toEqual([
      ["__proto__", "constructor", 2],
      ["toString", "__proto__", 1],
    ]);
    const failure = { default: { failure: { kind: "annual" as const, malfunction: 0.05, accident: 0.02 }, repairRate: 0.1 } };
    const f = forecastReplacements({ asOf: "2026-07-01", horizonYears: 4, models, cohorts, failure });
    expect(JSON.stringify(f)).toContain('"__proto__"');
    expect(f.summary.reduce((s, y) => s + y.purchases.total, 0)).toBeGreaterThan(0);
  });
});
