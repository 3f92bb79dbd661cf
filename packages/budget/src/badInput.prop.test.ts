import { readFileSync } from "node:fs";
import * as core from "@districtkit/core";
import fc from "fast-check";
import { describe, it } from "vitest";
import * as zod from "zod";
import { expectOnlyDistrictKitError, fuzzEveryExport } from "../../core/test/fuzz.js";
import { scalingCases } from "../bench/scalingCases.js";
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

const check = (call: () => unknown): void => expectOnlyDistrictKitError(call, 6);

// Every export, read from index.ts (a new export is fuzzed without anyone adding it here), with
// the examples' calls and the sample district as seeds (issue #18).
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      projectEnrollment: "projects one school's enrollment from its few years of history (projectDistrictEnrollment, for every school, has a case)",
    },
  },
  name: "@districtkit/budget",
  exports: budget,
  dir: new URL("..", import.meta.url),
  modules: { "@districtkit/core": core, "@districtkit/budget": budget, zod },
  seeds: {
    prepareBudget: [[sample]],
    projectBudget: [[model, undefined, { detail: "summary" }], [sample]],
    compareScenarios: [[model, [{ id: "b", name: "B", levers: [{ type: "scale", category: "software", percent: -0.1 }] }], { detail: "summary" }]],
    // the E-Rate operations also from a small valid input of each (one field at a time is fuzzed)
    eRateProcurementCalendar: [
      [
        {
          fundingYear: 2026,
          eligibilityAsOf: "2026-01-15",
          purchases: [
            {
              id: "p",
              name: "P",
              category: "C2",
              kind: "non-recurring",
              service: "switches",
              form470PostedOn: "2026-01-05",
              contractSignedOn: "2026-02-02",
              fcdlOn: "2026-08-01",
              invoiceFiledOn: "2028-01-01",
            },
          ],
        },
      ],
    ],
    checkERateEligibility: [
      [
        {
          fundingYear: 2025,
          rulesAsOf: "2025-10-01",
          items: [{ id: "a", service: "school-bus-wifi", amount: "10" }],
          editions: [{ id: "e", adopted: "2025-01-01", title: "t", source: "s", changes: [{ service: "voice", eligible: true, fromFundingYear: 2025 }] }],
        },
      ],
    ],
    recheckERateEligibility: [[{ fundingYear: 2025, from: "2025-01-15", to: "2025-10-01", items: [{ id: "a", service: "off-premises-hotspots", amount: "10" }] }]],
    evaluateBids: [
      [
        {
          criteria: [
            { id: "price", name: "Price", weight: 40, price: true },
            { id: "q", name: "Q", weight: 30 },
          ],
          bids: [
            { id: "a", vendor: "A", price: "100", scores: [{ criterion: "q", points: 5 }] },
            { id: "b", vendor: "B", price: "120", scores: [{ criterion: "q", points: 9 }] },
          ],
        },
      ],
    ],
    planC2Drawdown: [[{ schools: [{ id: "a", students: 100 }], discountPercent: 70, requests: [{ id: "r", name: "R", building: "a", fundingYear: 2027, amount: "1000", status: "planned" }] }]],
    checkEquipmentRules: [[{ items: [{ id: "x", building: "a", installedOn: "2023-08-01", cost: "100" }], plan: [{ item: "x", action: "transfer", to: "b", fiscalYear: 2026 }] }]],
  },
  allow: {},
  idsAreData: {
    // matchPlanLines matches items to plan lines by the words of their names and ids (a line id such
    // as "canopy" is a product word), so a renaming that makes one id hold another ("prototype" in
    // "Object.prototype") changes the match by design; its ids are still never object keys.
    matchPlanLines: "matches by the words of names and ids: a renaming that makes one id contain another changes the match by design",
  },
});

describe("budget public functions on malformed input", () => {
  it("prepareBudget on the sample district with one field replaced by junk", () => {
    fc.assert(
      fc.property(mutated(sample), (input) => check(() => budget.projectBudget(input as never, undefined, { detail: "summary" }))),
      { numRuns: 150 },
    );
  });

  it("projectBudget with a scenario whose lever has one field replaced by junk", () => {
    const scenario = {
      id: "s",
      name: "S",
      levers: [
        { type: "scale", category: "software", percent: -0.1 },
        { type: "enrollment-change", rate: -0.02 },
        { type: "delay", item: "wifi-aps", years: 1 },
        { type: "add-fund", fund: { id: "g", name: "G", kind: "grant", eligibleCategories: ["software"], tranches: [{ amount: "10", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }] } },
      ],
    };
    fc.assert(
      fc.property(mutated(scenario), (s) => check(() => budget.projectBudget(model, s as never, { detail: "summary" }))),
      { numRuns: 150 },
    );
  });

  it("budgetVsActual and restrictedFundBalances with one field replaced by junk", () => {
    const row = { fund: "title-iv-a", category: "hardware", school: "mves", fiscalYear: 2027, period: 2, posted: "1200.50", encumbered: "10" };
    const bva = {
      fiscalYear: 2027,
      plan: [{ fund: "general-fund", category: "hardware", school: null, fiscalYear: 2027, amount: "5000" }],
      actuals: [row, { ...row, fiscalYear: 2026, period: 12 }],
      monthlyPlan: "seasonal",
    };
    const rb = { asOf: "2027-01-31", funds: read("budget.json") && (read("budget.json") as { funds: unknown[] }).funds, actuals: [row], students: 912 };
    fc.assert(
      fc.property(mutated(bva), (o) => check(() => budget.budgetVsActual(o as never))),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(mutated(rb), (o) => check(() => budget.restrictedFundBalances(o as never))),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(mutated(budget.NCES_TECHNOLOGY_MAPPING), (m) => check(() => budget.compileAccountMapping(m as never).classify("100-2230-734-000-100"))),
      { numRuns: 100 },
    );
  });

  it("goalSeek and tornado with options that have one field replaced by junk", () => {
    const gs = { lever: { type: "enrollment-change", rate: 0 }, parameter: "rate", range: { min: -0.1, max: 0 }, metric: { kind: "general-fund-draw" }, target: "6000000", seek: "min" };
    const tn = { levers: budget.standardTornadoLevers(model).slice(0, 2), metric: { kind: "fund", fund: "title-iv-a" } };
    fc.assert(
      fc.property(mutated(gs), (o) => check(() => budget.goalSeek(model, o as never))),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(mutated(tn), (o) => check(() => budget.tornado(model, o as never))),
      { numRuns: 60 },
    );
  });
});
