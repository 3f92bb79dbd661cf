// The scaling cases of the budget package (issue 18; packages/core/bench/scaling.ts): every entry
// point that takes a list that can be long, with a seeded generator of its input (the same size
// and seed give the same input): line items of a large district (generateDistrict: one school per
// 20 items, 12 funds, 10 years), its schools, a plan's lines, E-Rate entities.
import { createRng, Money, type Rng } from "@districtkit/core";
import { scalingCase } from "../../core/bench/scaling.js";
import {
  type BudgetModel,
  budgetVsActual,
  c2Budget,
  checkEquipmentRules,
  checkERateEligibility,
  compareProjections,
  compareScenarios,
  compileAccountMapping,
  ERATE_SERVICES,
  eRateDiscount,
  evaluateBids,
  generateDistrict,
  goalSeek,
  irr,
  legacyWeightedDiscount,
  matchPlanLines,
  measure,
  npv,
  planC2Drawdown,
  prepareBudget,
  projectBudget,
  projectDistrictEnrollment,
  recheckERateEligibility,
  reconcilePlan,
  restrictedFundBalances,
  standardTornadoLevers,
  tabulate,
  tornado,
  trackC2Cycle,
  xirr,
  xnpv,
} from "../src/index.js";

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));

/** A district of n line items (n/20 schools, 500 students each, 12 funds, 10 years). */
const district = (n: number, seed: string, history = false) => {
  const schools = Math.min(10_000, Math.max(3, Math.round(n / 20)));
  return generateDistrict({ students: schools * 500, schools, lineItems: n, funds: 12, years: 10, seed, history });
};
const prepared = (n: number, seed: string): BudgetModel => prepareBudget(district(n, seed));
const scenario = {
  id: "what-if",
  name: "Enrollment −1 %/yr, inflation +1 point",
  levers: [
    { type: "enrollment-change" as const, rate: -0.01 },
    { type: "inflation" as const, rate: 0.01, mode: "add" as const },
  ],
};

/** A plan of n lines (a device forecast: one line per model and school) over the software and hardware items of a district of n items. */
function plan(n: number, seed: number, model: BudgetModel) {
  const rng = createRng(seed);
  const first = model.budget.firstYear;
  const items = model.budget.lineItems.filter((it) => it.category === "hardware").map((it) => it.id);
  return {
    type: "use-plan" as const,
    plan: "refresh",
    name: "Device refresh forecast",
    fromYear: first,
    toYear: first + 2,
    replaces: items.filter((_, i) => i % 3 === 0),
    lines: Array.from({ length: n }, (_, i) => ({
      id: `model-${i}`,
      name: `Chromebook model ${i}`,
      category: "hardware",
      eRate: "ineligible" as const,
      amounts: { [String(first)]: Money.fromCents(int(rng, 10_000, 9_000_000)).toString(), [String(first + 2)]: Money.fromCents(int(rng, 10_000, 9_000_000)).toString() },
    })),
  };
}

/** n E-Rate schools (or entities), a fifth rural, NSLP shares 10–90 %. */
function schools(n: number, seed: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const students = int(rng, 50, 2500);
    return { id: `s${i}`, students, nslpEligible: Math.floor(students * (0.1 + 0.8 * rng.next())), locale: rng.next() < 0.2 ? ("rural" as const) : ("urban" as const) };
  });
}

/** n flows: an investment of 1,000 × n, then n − 1 returns of 1,100–1,136 (one sign change). */
const flows = (n: number): string[] => [String(-1000 * n), ...Array.from({ length: n - 1 }, (_, i) => String(1100 + (i % 37)))];
/** n consecutive days from 2000-01-01. */
const days = (n: number): string[] => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));

const CATEGORIES = ["hardware", "software", "network", "services", "staff-development", "support-staff", "supplies", "maintenance"];
const FUNDS = ["general-fund", ...Array.from({ length: 11 }, (_, i) => `grant-${i}`)];

/** A ledger of n actual rows over fund × category × school cells (one cell per 20 rows, n/200 schools): last year's twelve periods and this year's first six, with the plan row of every cell. */
function ledger(n: number, seed: number) {
  const rng = createRng(seed);
  const cells = Math.max(1, Math.round(n / 20));
  const schoolCount = Math.max(1, Math.round(n / 200));
  const cell = (c: number) => ({ fund: FUNDS[c % FUNDS.length]!, category: CATEGORIES[Math.floor(c / FUNDS.length) % CATEGORIES.length]!, school: c % 7 === 0 ? null : `s${c % schoolCount}` });
  const plan = Array.from({ length: cells }, (_, c) => ({ ...cell(c), fiscalYear: 2027, amount: Money.fromCents(int(rng, 100_000, 50_000_000)).toString() }));
  const actuals = Array.from({ length: n }, () => {
    const prior = rng.next() < 2 / 3;
    return {
      ...cell(int(rng, 0, cells - 1)),
      fiscalYear: prior ? 2026 : 2027,
      period: prior ? int(rng, 1, 12) : int(rng, 1, 6),
      posted: Money.fromCents(int(rng, 0, 2_000_000)).toString(),
      encumbered: Money.fromCents(rng.next() < 0.2 ? int(rng, 0, 500_000) : 0).toString(),
    };
  });
  return { plan, actuals };
}

/** n planned E-Rate items, each naming one of the service table's services. */
const eRateItems = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `item-${i}`,
    name: `Item ${i}`,
    service: ERATE_SERVICES[int(rng, 0, ERATE_SERVICES.length - 1)]!.id,
    amount: Money.fromCents(int(rng, 10_000, 5_000_000)).toString(),
  }));
};

/** An account mapping (fund-function-object-location) of n category rules: exact object codes, ranges and prefixes, first match wins. */
function mapping(n: number, seed: number) {
  const rng = createRng(seed);
  return {
    id: "big",
    name: "A district's chart of many rules",
    layout: {
      separator: "-",
      segments: [
        { name: "fund", role: "fund" as const },
        { name: "function", role: "function" as const },
        { name: "object", role: "object" as const },
        { name: "location", role: "location" as const },
      ],
    },
    categories: Array.from({ length: n }, (_, i) => {
      const r = rng.next();
      const object = r < 0.6 ? String(100_000 + i) : r < 0.9 ? `${100_000 + i}-${100_000 + i + int(rng, 1, 50)}` : `${100_000 + i}*`;
      return { when: rng.next() < 0.5 ? { object } : { object, function: String(int(rng, 1000, 2999)) }, category: CATEGORIES[i % CATEGORIES.length]! };
    }),
    funds: [
      { when: { fund: "100-199" }, fund: "general-fund" },
      { when: {}, fund: "grant-0" },
    ],
    schools: [
      { when: { location: "000" }, school: null },
      { when: {}, school: "s1" },
    ],
  };
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase("prepareBudget (line items)", (n) => district(n, "prepare"), prepareBudget),
  scalingCase(
    "projectBudget (line items, every line explained)",
    (n) => prepared(n, "project"),
    (m) => projectBudget(m, scenario),
  ),
  scalingCase(
    "projectBudget (line items, summary)",
    (n) => prepared(n, "summary"),
    (m) => projectBudget(m, scenario, { detail: "summary" }),
  ),
  scalingCase(
    "compareScenarios (line items, summary; baseline + 1 scenario)",
    (n) => prepared(n, "compare"),
    (m) => compareScenarios(m, [{ id: "base", name: "Baseline", levers: [] }, scenario], { detail: "summary" }),
  ),
  scalingCase(
    "compareScenarios (line items, every line; baseline + 1 scenario)",
    (n) => prepared(n, "compare-items"),
    (m) => compareScenarios(m, [{ id: "base", name: "Baseline", levers: [] }, scenario]),
    { iterations: 3 },
  ),
  scalingCase(
    "compareProjections (line items)",
    (n) => {
      const m = prepared(n, "projections");
      return [projectBudget(m), projectBudget(m, scenario)] as const;
    },
    ([a, b]) => compareProjections(a, b),
  ),
  scalingCase(
    "tabulate (projection lines, by school)",
    (n) => projectBudget(prepared(n, "tabulate"), scenario),
    (p) => tabulate(p, "school"),
  ),
  scalingCase(
    "measure (projection of n line items)",
    (n) => projectBudget(prepared(n, "measure"), scenario),
    (p) => measure(p, { kind: "general-fund-draw", aggregate: "sum" }),
  ),
  scalingCase(
    "standardTornadoLevers (line items)",
    (n) => prepared(n, "levers"),
    (m) => standardTornadoLevers(m),
  ),
  scalingCase(
    "tornado (line items, 12 levers)",
    (n) => prepared(n, "tornado"),
    (m) => tornado(m, { levers: standardTornadoLevers(m) }),
    { iterations: 3 },
  ),
  scalingCase(
    "goalSeek (line items)",
    (n) => prepared(n, "goal"),
    (m) =>
      goalSeek(m, {
        lever: { type: "scale", percent: 0, category: "hardware" },
        parameter: "percent",
        range: { min: -0.5, max: 0.5 },
        metric: { kind: "total", aggregate: "sum" },
        target: "0",
        seek: "max",
      }),
    { iterations: 3 },
  ),
  scalingCase(
    "matchPlanLines (line items; a tenth as many plan lines)",
    (n) => {
      const m = prepared(n, "match");
      return { m, request: { lines: plan(n / 10, 1, m).lines.map((l) => ({ id: l.id, name: l.name, category: l.category, refs: [], keywords: ["chromebook"] })) } };
    },
    ({ m, request }) => matchPlanLines(m, request as never),
    { iterations: 3 },
  ),
  scalingCase(
    "reconcilePlan (line items; a tenth as many plan lines)",
    (n) => {
      const m = prepared(n, "reconcile");
      return { m, lever: plan(n / 10, 2, m) }; // a plan has at most 10,000 lines: n items, n / 10 lines
    },
    ({ m, lever }) => reconcilePlan(m, { id: "s", name: "S", levers: [] }, lever),
    { iterations: 3 },
  ),
  scalingCase(
    "projectDistrictEnrollment (schools with history: one per 20 line items)",
    (n) => ({ district: district(n, "enrollment", true).district, firstYear: 2027, years: 10 }), // 500 and 5,000 schools (n × 20 items passed the generator's 1,000,000)
    projectDistrictEnrollment as (x: unknown) => unknown,
  ),
  scalingCase("eRateDiscount (schools)", (n) => ({ fundingYear: 2026, schools: schools(n, 3) }), eRateDiscount),
  scalingCase("legacyWeightedDiscount (schools)", (n) => ({ fundingYear: 2014, schools: schools(n, 4) }), legacyWeightedDiscount as (x: unknown) => unknown),
  scalingCase("c2Budget (schools)", (n) => ({ fundingYear: 2026, schools: schools(n, 5).map(({ id, students }) => ({ id, students })) }), c2Budget as (x: unknown) => unknown),
  scalingCase(
    "trackC2Cycle (schools of 5 years)",
    (n) => ({ years: Array.from({ length: 5 }, (_, t) => ({ fundingYear: 2026 + t, schools: schools(Math.round(n / 5), 6 + t).map(({ id, students }) => ({ id, students })), committed: "100000" })) }),
    trackC2Cycle as (x: unknown) => unknown,
  ),
  scalingCase(
    "generateDistrict (line items)",
    (n) => ({ students: Math.round(n / 20) * 500, schools: Math.max(3, Math.round(n / 20)), lineItems: n, funds: 12, years: 10, seed: "generate" }),
    generateDistrict,
  ),
  // Excel-convention functions over a list of flows (issue 17): an investment, then n − 1 returns
  scalingCase(
    "irr (flows)",
    (n) => flows(n),
    (values) => irr(values),
  ),
  // XNPV and XIRR raise 1 + rate to a fractional power per flow in 34-digit decimals (about 0.15 ms
  // a flow): 100,000 dated flows take some 20 s a call, so they are measured at 1,000 and 10,000
  scalingCase(
    "xnpv (dated flows)",
    (n) => ({ values: flows(n), dates: days(n) }),
    ({ values, dates }) => xnpv(0.05, values, dates),
    { sizes: [1_000, 10_000], iterations: 3 },
  ),
  scalingCase(
    "xirr (dated flows)",
    (n) => ({ values: flows(n), dates: days(n) }),
    ({ values, dates }) => xirr(values, dates),
    { sizes: [1_000, 10_000], iterations: 3 },
  ),
  scalingCase(
    "checkEquipmentRules (items)",
    (n) => ({ asOf: "2026-07-01", items: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, building: `b${i % 500}`, installedOn: "2021-09-01", count: 1 })), plan: [] }),
    checkEquipmentRules as (x: unknown) => unknown,
  ),
  scalingCase("budgetVsActual (actual rows; a plan row per 20)", (n) => ({ fiscalYear: 2027, ...ledger(n, 11) }), budgetVsActual as (x: unknown) => unknown),
  scalingCase(
    "restrictedFundBalances (actual rows; 12 funds)",
    (n) => ({
      asOf: "2027-01-31",
      students: 20_000,
      funds: FUNDS.map((id, i) =>
        i === 0
          ? { id, name: "General fund", kind: "general" as const }
          : i % 2
            ? { id, name: `Grant ${i}`, kind: "grant" as const, eligibleCategories: CATEGORIES.slice(0, 4), annual: { amount: "250000", firstYear: 2025 } }
            : { id, name: `Grant ${i}`, kind: "grant" as const, eligibleCategories: CATEGORIES, tranches: [{ amount: "900000", availableFrom: "2025-07-01", obligateBy: "2027-09-30" }] },
      ),
      actuals: ledger(n, 12).actuals,
    }),
    restrictedFundBalances as (x: unknown) => unknown,
  ),
  // the schema takes at most 10,000 schools and 10,000 requests: 1,000 and 10,000 of each (before
  // the requests were grouped by building once, ×20.7 CPU: 141 ms → 2.9 s)
  scalingCase(
    "planC2Drawdown (schools and requests)",
    (n) => {
      const rng = createRng(23);
      const schools = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, students: int(rng, 80, 2_400) }));
      const statuses = ["committed", "requested", "planned"] as const;
      return {
        schools,
        discountPercent: 70,
        requests: Array.from({ length: n }, (_, i) => ({
          id: `r${i}`,
          name: `Request ${i}`,
          building: rng.next() < 0.05 ? "district" : `s${int(rng, 0, n - 1)}`,
          fundingYear: 2026 + int(rng, 0, 4),
          amount: Money.fromCents(int(rng, 10_000, 2_000_000)).toString(),
          status: statuses[int(rng, 0, 2)]!,
        })),
      };
    },
    planC2Drawdown as (x: unknown) => unknown,
    { sizes: [1_000, 10_000] },
  ),
  scalingCase("checkERateEligibility (items)", (n) => ({ fundingYear: 2025, rulesAsOf: "2025-10-01", items: eRateItems(n, 14) }), checkERateEligibility as (x: unknown) => unknown),
  scalingCase("recheckERateEligibility (items)", (n) => ({ fundingYear: 2025, from: "2025-01-15", to: "2025-10-01", items: eRateItems(n, 15) }), recheckERateEligibility as (x: unknown) => unknown),
  scalingCase(
    "npv (flows)",
    (n) => flows(n),
    (values) => npv(0.05, values),
  ),
  scalingCase("compileAccountMapping (category rules)", (n) => mapping(n, 16), compileAccountMapping as (x: unknown) => unknown),
  // the schema takes at most 1,000 bids and 50 criteria: 50 criteria, and bids × criteria scores of 5,000 and 50,000
  scalingCase(
    "evaluateBids (bids × criteria)",
    (n) => {
      const rng = createRng(17);
      const criteria = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Criterion ${i}`, weight: i === 0 ? 100 : int(rng, 1, 20), price: i === 0 }));
      return {
        criteria,
        bids: Array.from({ length: Math.round(n / 50) }, (_, b) => ({
          id: `b${b}`,
          vendor: `Vendor ${b}`,
          price: Money.fromCents(int(rng, 1_000_000, 90_000_000)).toString(),
          scores: criteria.slice(1).map((c) => ({ criterion: c.id, points: int(rng, 0, 10) })),
          ...(rng.next() < 0.05 ? { disqualified: "non-responsive" } : {}),
        })),
      };
    },
    evaluateBids as (x: unknown) => unknown,
    { sizes: [5_000, 50_000] },
  ),
];
