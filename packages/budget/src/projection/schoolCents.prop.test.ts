// A projection year's `bySchool` (and `bySchoolFund`, and `enrollment.bySchool`) is built when first
// read, and compareProjections compares two such years from the engine's cents while neither
// record is built (schoolCents.ts). The reference is the plain form: the same projections with
// every record built and copied into ordinary data properties (the path any projection read back
// from JSON takes), compared record by record. Each property asks for the same result, to the cent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb } from "../../test/arbitraries.js";
import { compareProjections } from "../scenario/compare.js";
import type { ScenarioInput } from "../schema/scenario.js";
import { prepareBudget } from "./model.js";
import { projectBudget } from "./projectBudget.js";
import type { BudgetProjection } from "./types.js";

/** The projection with every year's records read into plain data properties (no getters, not the engine's year objects). */
const plain = (p: BudgetProjection): BudgetProjection => ({ ...p, years: p.years.map((y) => ({ ...y })), enrollment: { ...p.enrollment } });

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({ enrollment: fc.integer({ min: -10, max: 10 }), scale: fc.integer({ min: -50, max: 50 }), school: fc.boolean() })
  .map(({ enrollment, scale, school }) => ({
    id: "s",
    name: "S",
    levers: [
      ...(enrollment !== 0 ? [{ type: "enrollment-change" as const, rate: enrollment / 100 }] : []),
      ...(scale !== 0 ? [{ type: "scale" as const, percent: scale / 100, ...(school ? { school: "s0" } : {}) }] : []),
    ],
  }));

describe("school tables built on demand", () => {
  it("compare as the plain records do, before and after the records are read, in either detail", () => {
    fc.assert(
      fc.property(budgetInputArb, scenarioArb, fc.constantFrom("items" as const, "summary" as const), (input, scenario, detail) => {
        const model = prepareBudget(input);
        const a = projectBudget(model, undefined, { detail });
        const b = projectBudget(model, scenario, { detail });
        const lazy = compareProjections(a, b); // from the cents: no record built yet
        const ref = compareProjections(plain(a), plain(b)); // builds every record, compares the records
        expect(JSON.stringify(lazy)).toBe(JSON.stringify(ref));
        expect(lazy).toEqual(ref);
        // the projections read as they did: the same JSON as their plain copies, and a comparison made after reading is the same
        expect(JSON.stringify(a)).toBe(JSON.stringify(plain(a)));
        expect(compareProjections(a, b)).toEqual(ref);
        // each year's school amounts add up to its total
        for (const y of b.years) expect(Object.values(y.bySchool).reduce((s, v) => s + v.toCents(), 0)).toBe(y.total.toCents());
      }),
      { numRuns: 150 },
    );
  });
});
