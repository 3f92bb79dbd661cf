// compile: turns a validated forecast input into the flat, typed-array model (`Compiled`) that the
// expected forecast (expected.ts) and the Monte Carlo forecast (simulate.ts) both run on.
// Internal: not exported from the package.
//
// What it does, in plain words (DOMAIN-lifecycle §3):
//  1. Intake (intake.ts): device records and input cohorts become raw cohorts — one per model ×
//     school × role × purchase fiscal year (one per input cohort id), counts added up. Schools
//     are merged into one when nothing in the input depends on the school (Monte Carlo only).
//  2. Prices: each model's price in each year of the horizon, in cents (its growth compounded
//     from the year it is quoted for), rounded once per model and year.
//  3. Failure tables: for each failure assumption (the default, then each rule), q(age) — the
//     annual conditional failure probability — for every age the forecast can reach.
//  4. Purchase groups (groups.ts): school × model × role, the buyers of replacements, growth and
//     spares; a group's replacements are bought as its model's successor, so the set is closed
//     under `replacementModel`.
//  5. Resolution (resolve.ts, slots.ts): for every distinct (school when it matters, model,
//     role) the failure rule, the refresh policy (base overridden by the first matching policy
//     rule) and the repair class; for every distinct (policy, model, purchase year) the plan —
//     the planned retirement year and its rule (cycle, AUE minus the lead, end of support,
//     maximum age, warranty) and the hard deadline.
//  6. Slots (slots.ts): one slot per raw cohort, then one per purchase group and horizon year
//     (the devices that group buys that year), each a row of typed arrays: model, school, role,
//     purchase year, count, planned year and rule, hard deadline, failure-table offset, loss and
//     repair rates, unit price, replacement group, AUE year.
//
// Why it is fast (L1: 1,000,000 devices in ~24,000 cohorts, PERFORMANCE.md): the work follows
// cohorts and distinct keys, never devices; the per-slot loops only handle integers and typed
// arrays — each distinct policy or plan is worked out once from the parsed input objects (whose
// hidden classes differ from call to call) and shared by index; AUE and support-end deadlines are
// cached by date. The objects the hot loops read (Compiled, Intake, Resolver, Groups) are class
// instances with one empty instance held by each class (Compiled.kept and the like): V8 discards
// optimized code whose hidden classes were collected, and re-optimizing every forecast cost about
// a third of the time. Each hot loop sits alone in a small function.
//
// The simple reference: compile.prop.test.ts works out every slot directly from the input, one
// cohort at a time, in the obvious way, and a property compares it with this compile.
import { compoundFactor, DISTRICT_CALENDAR, DistrictKitError, type DistrictKitIssue, fiscalYearOf } from "@districtkit/core";
import { fiscalYearByMonth } from "../internal/fiscalYearByMonth.js";
import type { ForecastInput } from "../schema.js";
import { annualProbabilitiesOf } from "../survival/annual.js";
import { Compiled, type CompiledFields, ROLES } from "./compiled.js";
import { closeGroups, Groups, groupIn, groupsOfRaws } from "./groups.js";
import { Intake, intakeCohorts, intakeDevices, minYearOf, type Raw, schoolIndexes } from "./intake.js";
import { indexIn } from "./numbering.js";
import { aueLastDay, Resolver } from "./resolve.js";
import { fillGroupSlots, fillInitialSlots, resolveSlots, type Slots } from "./slots.js";

/**
 * The compiled model of a validated forecast input (see the header of this file).
 *
 * @param input - a validated forecast input
 * @param options - collapseSchools: merge schools (only when {@link canCollapseSchools})
 * @returns the compiled model
 * @throws DistrictKitError for unknown models, duplicate ids or purchases after the as-of date
 */
export function compile(input: ForecastInput, options: { collapseSchools: boolean }): Compiled {
  const calendar = input.calendar ?? DISTRICT_CALENDAR;
  const firstYear = fiscalYearOf(input.asOf, calendar);
  const horizon = input.horizonYears;
  const years = Array.from({ length: horizon }, (_, i) => firstYear + i);
  const issues: Omit<DistrictKitIssue, "pathText">[] = [];
  const warnings: string[] = [];
  const modelIndex = new Map<string, number>();
  input.models.forEach((m, i) => {
    if (modelIndex.has(m.id)) issues.push({ path: ["models", i, "id"], code: "duplicate", message: `duplicate model id "${m.id}"` });
    else modelIndex.set(m.id, i);
  });
  const needModel = (id: string | undefined, path: (string | number)[]): void => {
    if (id !== undefined && !modelIndex.has(id)) issues.push({ path, code: "unknown_model", message: `unknown model "${id}"` });
  };
  input.models.forEach((m, i) => needModel(m.replacementModel, ["models", i, "replacementModel"]));
  input.failure.rules.forEach((r, i) => needModel(r.match.model, ["failure", "rules", i, "match", "model"]));
  input.policyRules.forEach((r, i) => needModel(r.match.model, ["policyRules", i, "match", "model"]));
  input.growth.forEach((g, i) => needModel(g.model, ["growth", i, "model"]));
  if (input.spares) needModel(input.spares.model, ["spares", "model"]);

  // cohorts from devices and from the input
  const intake = new Intake(
    new Map<string, Raw>(),
    options.collapseSchools,
    input.models.map((m) => m.id),
  );
  const raws = intake.raws;
  const collapse = options.collapseSchools;
  const leftOut = intakeDevices(input, intake, modelIndex, fiscalYearByMonth(calendar), issues);
  intakeCohorts(input.cohorts, input.asOf, intake, modelIndex, firstYear, issues);
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  if (leftOut > 0) warnings.push(`${leftOut} device record(s) with status "lost" or "retired" are not in service and were left out`);

  // input order (devices first, in their order, then cohorts): deterministic without sorting
  const rawList = [...raws.values()];
  const schoolIndex = new Map<string, number>();
  const schoolOf = (s: string): number => indexIn(schoolIndex, s);
  const rawSchool = schoolIndexes(rawList, schoolIndex);
  for (const g of input.growth) schoolOf(collapse ? "*" : g.school);
  if (input.spares) schoolOf(collapse ? "*" : input.spares.school);

  // prices by model and year (cents, rounded half-up once per model-year)
  const M = input.models.length;
  const priceCents = new Float64Array(M * horizon);
  input.models.forEach((m, mi) => {
    const base = m.priceFiscalYear ?? firstYear;
    for (let ti = 0; ti < horizon; ti++) {
      const k = years[ti]! - base;
      const f = compoundFactor(m.priceGrowth, Math.abs(k));
      const price = k >= 0 ? m.unitPrice.multiply(f) : m.unitPrice.divide(f);
      priceCents[mi * horizon + ti] = price.toCents();
    }
  });

  // failure rules → q tables
  const minYear = minYearOf(rawList, firstYear);
  const maxAge = firstYear - minYear + horizon + 1;
  const ruleCount = input.failure.rules.length + 1;
  const qTable = new Float64Array(ruleCount * maxAge);
  const qExplanations: string[] = [];
  const assumptions = [input.failure.default, ...input.failure.rules];
  assumptions.forEach((a, i) => {
    const q = annualProbabilitiesOf(a.failure, maxAge);
    qTable.set(q.probabilities, i * maxAge);
    qExplanations.push(q.explanation);
  });

  const schoolMatters = input.failure.rules.some((r) => r.match.school !== undefined) || input.policyRules.some((r) => r.match.school !== undefined);
  const aueLast = input.models.map((m) => (m.autoUpdateExpiration ? aueLastDay(m.autoUpdateExpiration) : null));
  const rz = new Resolver(input, M, assumptions, schoolMatters, calendar, aueLast);

  // purchase groups (school, model, role): closure under replacement
  const groups = new Groups(M);
  const gSchool = groups.school;
  const gModel = groups.model;
  const gRole = groups.role;
  const groupOf = (school: number, model: number, role: number): number => groupIn(groups, school, model, role);
  const replOf = Int32Array.from(input.models, (m, mi) => (m.replacementModel === undefined ? mi : modelIndex.get(m.replacementModel)!));
  groupsOfRaws(groups, rawList, rawSchool, replOf);
  const growth = input.growth.map((gr) => {
    const school = schoolOf(collapse ? "*" : gr.school);
    const role = ROLES.indexOf(gr.role);
    const enrollment = new Float64Array(horizon);
    const entries = Object.entries(gr.enrollment)
      .map(([k, v]) => [Number(k), v] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let ti = 0; ti < horizon; ti++) {
      let v = entries.length > 0 ? entries[0]![1] : 0;
      for (const [y, e] of entries) if (y <= years[ti]!) v = e;
      enrollment[ti] = v;
    }
    return { group: groupOf(school, modelIndex.get(gr.model)!, role), school, role, ratio: gr.ratio, enrollment };
  });
  let spares: CompiledFields["spares"] = null;
  if (input.spares) {
    const sp = input.spares;
    const roles = new Uint8Array(ROLES.length);
    for (const r of sp.roles) roles[ROLES.indexOf(r)] = 1;
    spares = { group: groupOf(schoolOf(collapse ? "*" : sp.school), modelIndex.get(sp.model)!, ROLES.indexOf("spare")), level: sp.serviceLevel, factor: sp.turnaroundDays / sp.schoolDays, roles };
  }
  closeGroups(groups, replOf);

  const G = gSchool.length;
  const n = rawList.length + G * horizon;
  const slotModel = new Int32Array(n);
  const slotSchool = new Int32Array(n);
  const slotRole = new Int8Array(n);
  const slotYear = new Int32Array(n);
  const slotInitial = new Float64Array(n);
  const slotPlanned = new Float64Array(n);
  const slotHard = new Float64Array(n);
  const slotHardRule = new Int8Array(n);
  const slotRule = new Int8Array(n);
  const slotOverdue = new Uint8Array(n);
  const slotQ = new Int32Array(n);
  const slotLoss = new Float64Array(n);
  const slotRepairRate = new Float64Array(n);
  const slotRepairClass = new Int32Array(n);
  const slotUnitCents = new Float64Array(n);
  const slotReplGroup = new Int32Array(n);
  const slotReplaceFailures = new Uint8Array(n);
  const slotReplacePlanned = new Uint8Array(n);
  const slotAueYear = new Float64Array(n);
  const slotId: string[] = new Array<string>(rawList.length);
  const groupSlot = new Int32Array(G * horizon).fill(-1);
  const schools = [...schoolIndex.keys()];
  let capCents: Float64Array | null = null;
  if (input.refreshBudgetCap) {
    capCents = new Float64Array(horizon).fill(Infinity);
    for (const [k, v] of Object.entries(input.refreshBudgetCap)) {
      const ti = Number(k) - firstYear;
      if (ti >= 0 && ti < horizon) capCents[ti] = v.toCents();
    }
  }

  // every slot's policy resolved first, in slot order (which numbers the repair classes), so the
  // repair classes are complete when the model is built
  const slotPlans = resolveSlots(rz, rawList, rawSchool, schools, groups, years);
  // the model is built before its slots are filled (the arrays are filled in place): the slot
  // filling code then reads one class instance, whose hidden class outlives the call
  const compiled = new Compiled({
    calendar,
    firstYear,
    horizon,
    years,
    models: input.models,
    modelIds: [...intake.modelIds],
    modelCategory: input.models.map((m) => m.category),
    residualCurve: input.models.map((m) => (m.residualCurve && m.residualCurve.length > 0 ? m.residualCurve : null)),
    schools,
    priceCents,
    priceBaseYear: Int32Array.from(input.models, (m) => m.priceFiscalYear ?? firstYear),
    n,
    slotModel,
    slotSchool,
    slotRole,
    slotYear,
    slotInitial,
    slotPlanned,
    slotHard,
    slotHardRule,
    slotRule,
    slotOverdue,
    slotQ,
    slotLoss,
    slotRepairRate,
    slotRepairClass,
    slotUnitCents,
    slotReplGroup,
    slotReplaceFailures,
    slotReplacePlanned,
    slotAueYear,
    slotId,
    initialCount: rawList.length,
    qTable,
    maxAge,
    qExplanations,
    repairClassCents: Float64Array.from(rz.repairCents),
    repairClassModel: Int32Array.from(rz.repairModel),
    groupSchool: Int32Array.from(gSchool),
    groupModel: Int32Array.from(gModel),
    groupRole: Int8Array.from(gRole),
    groupCount: G,
    groupSlot,
    growth,
    spares,
    capCents,
    warnings,
    collapsedSchools: collapse,
  });
  const S: Slots = compiled;
  const modelCents = input.models.map((m) => m.unitPrice.toCents());
  fillInitialSlots(S, slotPlans.rawRes, slotPlans.rawPlan, rawList, rawSchool, groups, replOf, modelCents, firstYear, maxAge, slotId);
  fillGroupSlots(S, slotPlans.groupRes, slotPlans.groupPlan, groups, replOf, years, priceCents, rawList.length, firstYear, maxAge, groupSlot, warnings, input.models);

  return compiled;
}
