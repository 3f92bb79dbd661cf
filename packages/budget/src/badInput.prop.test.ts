import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../core/test/fuzz.js";
import * as budget from "./index.js";

// Every public function of budget, given malformed input, throws a DistrictKitError that says
// what was wrong — never a TypeError, never a NaN in an output (issue #3, "Bad input").
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${name}`, import.meta.url), "utf8"));
const sample = { district: read("district.json"), budget: read("budget.json") } as budget.BudgetModelInput;
const model = budget.prepareBudget(sample);

const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, "1e400", "12.3.4", null, undefined, "2025-02-30", "", 1e300, -1, [], {}),
);
/** A valid object with one field somewhere replaced by junk. */
const mutated = <T>(valid: T): fc.Arbitrary<unknown> =>
  fc.tuple(fc.nat(), anything).map(([k, junk]) => {
    const copy = JSON.parse(JSON.stringify(valid)) as unknown;
    const paths: { parent: Record<string, unknown>; key: string }[] = [];
    const walk = (v: unknown, depth: number): void => {
      if (depth > 5 || v === null || typeof v !== "object") return;
      for (const key of Object.keys(v)) {
        paths.push({ parent: v as Record<string, unknown>, key });
        walk((v as Record<string, unknown>)[key], depth + 1);
      }
    };
    walk(copy, 0);
    const p = paths[k % Math.max(1, paths.length)];
    if (p) p.parent[p.key] = junk;
    return copy;
  });

const calls: Record<string, (a: unknown, b: unknown) => unknown> = {
  prepareBudget: (a) => budget.prepareBudget(a as never),
  safePrepareBudget: (a) => budget.safePrepareBudget(a),
  safeProjectBudget: (a, b) => budget.safeProjectBudget(a, b as never),
  projectBudget: (a, b) => budget.projectBudget(a as never, b as never),
  "projectBudget(model, scenario)": (_a, b) => budget.projectBudget(model, b as never),
  projectEnrollment: (a) => budget.projectEnrollment(a as never),
  projectDistrictEnrollment: (a) => budget.projectDistrictEnrollment(a as never),
  eRateDiscount: (a) => budget.eRateDiscount(a as never),
  cepEligibility: (a) => budget.cepEligibility(a as never),
  legacyWeightedDiscount: (a) => budget.legacyWeightedDiscount(a as never),
  eRateCostShare: (a) => budget.eRateCostShare(a as never),
  c2Budget: (a) => budget.c2Budget(a as never),
  trackC2Cycle: (a) => budget.trackC2Cycle(a as never),
  compareScenarios: (_a, b) => budget.compareScenarios(model, b as never, { detail: "summary" }),
  tornado: (_a, b) => budget.tornado(model, b as never),
  goalSeek: (_a, b) => budget.goalSeek(model, b as never),
  standardTornadoLevers: (a) => budget.standardTornadoLevers(model, a as never),
  generateDistrict: (a) => budget.generateDistrict(a as never),
  annualizedTco: (a) => budget.annualizedTco(a as never),
  tabulate: (a, b) => budget.tabulate(a as never, b as never),
  measure: (a) => budget.measure(budget.projectBudget(model, undefined, { detail: "summary" }), a as never),
  "pmt(a, b, 1000)": (a, b) => budget.pmt(a as never, b as never, 1000),
  "pmt(0.05, 10, a, b)": (a, b) => budget.pmt(0.05, 10, a as never, b as never),
  "pv(a, 10, b)": (a, b) => budget.pv(a as never, 10, b as never),
  "fv(0.1, a, b)": (a, b) => budget.fv(0.1, a as never, b as never),
  "ipmt(a, b, 10, 1000)": (a, b) => budget.ipmt(a as never, b as never, 10, 1000),
  "ppmt(0.05, 3, a, 1000, b)": (a, b) => budget.ppmt(0.05, 3, a as never, 1000, b as never),
  npv: (a, b) => budget.npv(a as never, b as never),
  irr: (a, b) => budget.irr(a as never, b as never),
  xnpv: (a, b) => budget.xnpv(0.05, a as never, b as never),
  xirr: (a, b) => budget.xirr(a as never, b as never),
  compileAccountMapping: (a, b) => budget.compileAccountMapping(a as never).classify(b as never),
  "compileAccountMapping(NCES).classify": (_a, b) => budget.compileAccountMapping(budget.NCES_TECHNOLOGY_MAPPING).classify(b as never),
  budgetVsActual: (a) => budget.budgetVsActual(a as never),
  forecastAccuracy: (a) => budget.forecastAccuracy(a as never),
  restrictedFundBalances: (a) => budget.restrictedFundBalances(a as never),
  planFromProjection: (a) => budget.planFromProjection(a as never),
};

const check = (call: () => unknown): void => expectOnlyDistrictKitError(call, 6);

describe("budget public functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(
        fc.property(anything, anything, (a, b) => check(() => call(a, b))),
        { numRuns: 60 },
      );
    });
  }

  it("prepareBudget on the sample district with one field replaced by junk", () => {
    fc.assert(
      fc.property(mutated(sample), (input) => check(() => budget.projectBudget(input as never, undefined, { detail: "summary" }))),
      { numRuns: 150 },
    );
  });

  it("projectBudget with a scenario whose lever has one field replaced by junk", () => {
    const scenario = { id: "s", name: "S", levers: [{ type: "scale", category: "software", percent: -0.1 }, { type: "enrollment-change", rate: -0.02 }, { type: "delay", item: "wifi-aps", years: 1 }, { type: "add-fund", fund: { id: "g", name: "G", kind: "grant", eligibleCategories: ["software"], tranches: [{ amount: "10", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }] } }] };
    fc.assert(
      fc.property(mutated(scenario), (s) => check(() => budget.projectBudget(model, s as never, { detail: "summary" }))),
      { numRuns: 150 },
    );
  });

  it("budgetVsActual and restrictedFundBalances with one field replaced by junk", () => {
    const row = { fund: "title-iv-a", category: "hardware", school: "mves", fiscalYear: 2027, period: 2, posted: "1200.50", encumbered: "10" };
    const bva = { fiscalYear: 2027, plan: [{ fund: "general-fund", category: "hardware", school: null, fiscalYear: 2027, amount: "5000" }], actuals: [row, { ...row, fiscalYear: 2026, period: 12 }], monthlyPlan: "seasonal" };
    const rb = { asOf: "2027-01-31", funds: read("budget.json") && (read("budget.json") as { funds: unknown[] }).funds, actuals: [row], students: 912 };
    fc.assert(fc.property(mutated(bva), (o) => check(() => budget.budgetVsActual(o as never))), { numRuns: 100 });
    fc.assert(fc.property(mutated(rb), (o) => check(() => budget.restrictedFundBalances(o as never))), { numRuns: 100 });
    fc.assert(fc.property(mutated(budget.NCES_TECHNOLOGY_MAPPING), (m) => check(() => budget.compileAccountMapping(m as never).classify("100-2230-734-000-100"))), { numRuns: 100 });
  });

  it("goalSeek and tornado with options that have one field replaced by junk", () => {
    const gs = { lever: { type: "enrollment-change", rate: 0 }, parameter: "rate", range: { min: -0.1, max: 0 }, metric: { kind: "general-fund-draw" }, target: "6000000", seek: "min" };
    const tn = { levers: budget.standardTornadoLevers(model).slice(0, 2), metric: { kind: "fund", fund: "title-iv-a" } };
    fc.assert(fc.property(mutated(gs), (o) => check(() => budget.goalSeek(model, o as never))), { numRuns: 60 });
    fc.assert(fc.property(mutated(tn), (o) => check(() => budget.tornado(model, o as never))), { numRuns: 60 });
  });
});
