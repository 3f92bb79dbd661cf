// Turns a validated forecast input into flat typed arrays ("slots", one per cohort) that the
// expected and Monte Carlo forecasts both run on. Internal: not exported from the package.
import {
  DISTRICT_CALENDAR,
  DistrictKitError,
  Money,
  addDaysIso,
  addMonthsIso,
  compoundFactor,
  fiscalYearOf,
  type DistrictKitIssue,
  type FiscalCalendar,
} from "@districtkit/core";
import { keyOf as cohortKey } from "../cohorts.js";
import { annualProbabilitiesOf } from "../survival/annual.js";
import type { DeviceCategory, DeviceModel, DeviceRole, ForecastInput, Match, RefreshPolicy } from "../schema.js";
import { fiscalYearByMonth } from "../internal/fiscalYearByMonth.js";

/** Why a cohort is retired in its planned year. */
export type RetirementRule = "cycle" | "aue" | "support-end" | "max-age" | "warranty";

export const ROLES: readonly DeviceRole[] = ["student", "staff", "lab", "spare", "infrastructure"];
export const CATEGORIES: readonly DeviceCategory[] = ["chromebook", "ipad", "windows-laptop", "mac-laptop", "desktop", "interactive-display", "network", "server", "other"];

export interface ResolvedPolicy {
  cycleYears: number | undefined;
  maxAgeYears: number | undefined;
  minAgeYears: number;
  retireAtAue: boolean;
  leadMonths: number;
  retireAtWarrantyEnd: boolean;
  retireAtSupportEnd: boolean;
  onFailure: "replace" | "retire";
  replacePlanned: boolean;
}

export interface CompiledFields {
  calendar: FiscalCalendar;
  firstYear: number;
  horizon: number;
  years: number[];
  models: DeviceModel[];
  /** model ids, categories and residual curves by model index (hot loops read these, not the parsed model objects, whose hidden classes change from one call to the next) */
  modelIds: string[];
  modelCategory: DeviceCategory[];
  residualCurve: (readonly number[] | null)[];
  schools: string[];
  /** price in cents of model m in year index ti: priceCents[m * horizon + ti] */
  priceCents: Float64Array;
  /** the fiscal year each model's price is quoted for */
  priceBaseYear: Int32Array;
  /** slots */
  n: number;
  slotModel: Int32Array;
  slotSchool: Int32Array;
  slotRole: Int8Array;
  slotYear: Int32Array;
  slotInitial: Float64Array;
  slotPlanned: Float64Array; // fiscal year, Infinity for never
  slotHard: Float64Array;
  slotHardRule: Int8Array; // index in RULES of the hard deadline, -1 none
  slotRule: Int8Array; // index in RULES, -1 none
  slotOverdue: Uint8Array;
  slotQ: Int32Array; // offset into qTable
  slotLoss: Float64Array;
  slotRepairRate: Float64Array;
  slotRepairClass: Int32Array;
  slotUnitCents: Float64Array;
  slotReplGroup: Int32Array; // purchase group for its replacements
  slotReplaceFailures: Uint8Array;
  slotReplacePlanned: Uint8Array;
  slotAueYear: Float64Array; // first fiscal year past AUE (Infinity when none)
  /** ids of the initial cohorts (new cohorts: see slotIdOf) */
  slotId: string[];
  initialCount: number;
  qTable: Float64Array;
  maxAge: number;
  qExplanations: string[];
  repairClassCents: Float64Array;
  repairClassModel: Int32Array;
  /** purchase groups: school, model, role */
  groupSchool: Int32Array;
  groupModel: Int32Array;
  groupRole: Int8Array;
  groupCount: number;
  /** slot of group g in year index ti (−1 if none): groupSlot[g * horizon + ti] */
  groupSlot: Int32Array;
  /** growth rules */
  growth: { group: number; school: number; role: number; ratio: number; enrollment: Float64Array }[];
  spares: { group: number; level: number; factor: number; roles: Uint8Array } | null;
  capCents: Float64Array | null; // by year index, Infinity when none
  warnings: string[];
  collapsedSchools: boolean;
}

/**
 * A compiled forecast model. A class, not an object literal: V8 keeps the hidden class of a
 * class's instances alive from one forecast to the next, so the optimized simulation code that
 * checks it stays valid (with a literal made once per call, the hidden class dies with the last
 * model, and every forecast re-optimized the simulation).
 */
export interface Compiled extends CompiledFields {}
export class Compiled {
  constructor(fields: CompiledFields) {
    // field by field, so that V8 gives instances every field in-object (Object.assign would leave
    // them in dictionary mode)
    this.calendar = fields.calendar;
    this.firstYear = fields.firstYear;
    this.horizon = fields.horizon;
    this.years = fields.years;
    this.models = fields.models;
    this.modelIds = fields.modelIds;
    this.modelCategory = fields.modelCategory;
    this.residualCurve = fields.residualCurve;
    this.schools = fields.schools;
    this.priceCents = fields.priceCents;
    this.priceBaseYear = fields.priceBaseYear;
    this.n = fields.n;
    this.slotModel = fields.slotModel;
    this.slotSchool = fields.slotSchool;
    this.slotRole = fields.slotRole;
    this.slotYear = fields.slotYear;
    this.slotInitial = fields.slotInitial;
    this.slotPlanned = fields.slotPlanned;
    this.slotHard = fields.slotHard;
    this.slotHardRule = fields.slotHardRule;
    this.slotRule = fields.slotRule;
    this.slotOverdue = fields.slotOverdue;
    this.slotQ = fields.slotQ;
    this.slotLoss = fields.slotLoss;
    this.slotRepairRate = fields.slotRepairRate;
    this.slotRepairClass = fields.slotRepairClass;
    this.slotUnitCents = fields.slotUnitCents;
    this.slotReplGroup = fields.slotReplGroup;
    this.slotReplaceFailures = fields.slotReplaceFailures;
    this.slotReplacePlanned = fields.slotReplacePlanned;
    this.slotAueYear = fields.slotAueYear;
    this.slotId = fields.slotId;
    this.initialCount = fields.initialCount;
    this.qTable = fields.qTable;
    this.maxAge = fields.maxAge;
    this.qExplanations = fields.qExplanations;
    this.repairClassCents = fields.repairClassCents;
    this.repairClassModel = fields.repairClassModel;
    this.groupSchool = fields.groupSchool;
    this.groupModel = fields.groupModel;
    this.groupRole = fields.groupRole;
    this.groupCount = fields.groupCount;
    this.groupSlot = fields.groupSlot;
    this.growth = fields.growth;
    this.spares = fields.spares;
    this.capCents = fields.capCents;
    this.warnings = fields.warnings;
    this.collapsedSchools = fields.collapsedSchools;
  }
}

/**
 * An empty compiled model kept for the life of the module: V8 forgets a hidden class once the last
 * object that has it is collected, and throws away the optimized code that checks it. Without it,
 * every forecast after a garbage collection re-optimized the whole simulation.
 */
export const KEPT_COMPILED: Compiled = new Compiled({
  calendar: DISTRICT_CALENDAR,
  firstYear: 0,
  horizon: 0,
  years: [],
  models: [],
  modelIds: [],
  modelCategory: [],
  residualCurve: [],
  schools: [],
  priceCents: new Float64Array(0),
  priceBaseYear: new Int32Array(0),
  n: 0,
  slotModel: new Int32Array(0),
  slotSchool: new Int32Array(0),
  slotRole: new Int8Array(0),
  slotYear: new Int32Array(0),
  slotInitial: new Float64Array(0),
  slotPlanned: new Float64Array(0),
  slotHard: new Float64Array(0),
  slotHardRule: new Int8Array(0),
  slotRule: new Int8Array(0),
  slotOverdue: new Uint8Array(0),
  slotQ: new Int32Array(0),
  slotLoss: new Float64Array(0),
  slotRepairRate: new Float64Array(0),
  slotRepairClass: new Int32Array(0),
  slotUnitCents: new Float64Array(0),
  slotReplGroup: new Int32Array(0),
  slotReplaceFailures: new Uint8Array(0),
  slotReplacePlanned: new Uint8Array(0),
  slotAueYear: new Float64Array(0),
  slotId: [],
  initialCount: 0,
  qTable: new Float64Array(0),
  maxAge: 0,
  qExplanations: [],
  repairClassCents: new Float64Array(0),
  repairClassModel: new Int32Array(0),
  groupSchool: new Int32Array(0),
  groupModel: new Int32Array(0),
  groupRole: new Int8Array(0),
  groupCount: 0,
  groupSlot: new Int32Array(0),
  growth: [],
  spares: null,
  capCents: null,
  warnings: [],
  collapsedSchools: false,
});

export const RULES: readonly RetirementRule[] = ["aue", "support-end", "max-age", "cycle", "warranty"];

function matches(m: Match, model: DeviceModel, role: DeviceRole, school: string): boolean {
  return (
    (m.model === undefined || m.model === model.id) &&
    (m.category === undefined || m.category === model.category) &&
    (m.role === undefined || m.role === role) &&
    (m.school === undefined || m.school === school)
  );
}

/** First fiscal year in which the device must no longer be in service, from an end date (last supported day) and a lead. */
const deadlineCache = new Map<string, number>();
function deadlineYear(lastDay: string, leadMonths: number, calendar: FiscalCalendar): number {
  const key = `${lastDay}|${leadMonths}|${calendar.startMonth}|${calendar.label}`;
  let y = deadlineCache.get(key);
  if (y === undefined) {
    y = fiscalYearOf(addMonthsIso(addDaysIso(lastDay, 1), -leadMonths), calendar);
    if (deadlineCache.size > 10_000) deadlineCache.clear();
    deadlineCache.set(key, y);
  }
  return y;
}

/** The last day with updates for an AUE month YYYY-MM. */
export function aueLastDay(aue: string): string {
  const [y, m] = aue.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

interface Raw {
  id: string;
  model: number;
  school: string;
  role: DeviceRole;
  year: number;
  count: number;
  unitCents: number | null;
}

/** The cohorts gathered from devices and input cohorts, by key (input order). A class, with one instance kept: see KEPT_COMPILED. */
class Intake {
  constructor(
    readonly raws: Map<string, Raw>,
    readonly collapse: boolean,
    readonly modelIds: readonly string[],
  ) {}
}
export const KEPT_INTAKE = new Intake(new Map(), false, []);

type Issue = Omit<DistrictKitIssue, "pathText">;

function addRaw(t: Intake, id: string | undefined, model: number, school: string, role: DeviceRole, year: number, count: number, unitCents: number | null): void {
  const { raws, collapse } = t;
  const sch = collapse ? "*" : school;
  const key = id ?? cohortKey({ model: t.modelIds[model]!, school: sch, role, purchaseFiscalYear: year });
  const k = collapse ? `${key}|${unitCents ?? ""}` : key;
  const r = raws.get(k);
  if (r && r.unitCents === unitCents) r.count += count;
  else if (r) raws.set(`${k}#${raws.size}`, { id: `${key}#${raws.size}`, model, school: sch, role, year, count, unitCents });
  else raws.set(k, { id: key, model, school: sch, role, year, count, unitCents });
}

/** Device records into cohorts; returns how many were left out (lost or retired). */
function intakeDevices(input: ForecastInput, t: Intake, modelIndex: ReadonlyMap<string, number>, fyOf: (iso: string) => number, issues: Issue[]): number {
  let leftOut = 0;
  const devices = input.devices;
  for (let i = 0; i < devices.length; i++) {
    const d = devices[i]!;
    const m = modelIndex.get(d.model);
    if (m === undefined) issues.push({ path: ["devices", i, "model"], code: "unknown_model", message: `unknown model "${d.model}"` });
    if (d.purchaseDate > input.asOf) {
      issues.push({ path: ["devices", i, "purchaseDate"], code: "future_date", message: `expected a purchase date on or before the as-of date ${input.asOf}, got "${d.purchaseDate}"` });
    }
    if (m === undefined) continue;
    if (d.status === "lost" || d.status === "retired") {
      leftOut++;
      continue;
    }
    addRaw(t, undefined, m, d.school, d.role, fyOf(d.purchaseDate), 1, d.purchaseCost ? d.purchaseCost.toCents() : null);
  }
  return leftOut;
}

/** Input cohorts (the bulk of a large inventory). */
function intakeCohorts(cohorts: ForecastInput["cohorts"], asOf: string, t: Intake, modelIndex: ReadonlyMap<string, number>, firstYear: number, issues: Issue[]): void {
  for (let i = 0; i < cohorts.length; i++) {
    const c = cohorts[i]!;
    const m = modelIndex.get(c.model);
    if (m === undefined) issues.push({ path: ["cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` });
    if (c.purchaseFiscalYear > firstYear) {
      issues.push({ path: ["cohorts", i, "purchaseFiscalYear"], code: "future_date", message: `expected a purchase year on or before FY${firstYear} (the as-of date ${asOf}), got ${c.purchaseFiscalYear}` });
    }
    if (m === undefined) continue;
    addRaw(t, t.collapse ? undefined : c.id, m, c.school, c.role, c.purchaseFiscalYear, c.count, c.unitCost ? c.unitCost.toCents() : null);
  }
}

/** A cohort's failure assumption, policy and repair class (resolved once per school?, model, role). */
interface Resolution {
  id: number;
  rule: number;
  policy: ResolvedPolicy;
  repairClass: number;
  loss: number;
  repairRate: number;
  replaceFailures: number;
  replacePlanned: number;
}

/** When a purchase of one model and year is retired, and by which rule. */
interface Plan {
  planned: number;
  hard: number;
  hardRule: number;
  rule: number;
  aueYear: number;
}

type Slots = Pick<
  Compiled,
  | "slotModel"
  | "slotSchool"
  | "slotRole"
  | "slotYear"
  | "slotInitial"
  | "slotPlanned"
  | "slotHard"
  | "slotHardRule"
  | "slotRule"
  | "slotOverdue"
  | "slotQ"
  | "slotLoss"
  | "slotRepairRate"
  | "slotRepairClass"
  | "slotUnitCents"
  | "slotReplGroup"
  | "slotReplaceFailures"
  | "slotReplacePlanned"
  | "slotAueYear"
>;

function fillSlot(S: Slots, s: number, mi: number, school: number, role: number, year: number, count: number, unitCents: number, r: Resolution, plan: Plan, replGroup: number, firstYear: number, maxAge: number): void {
  S.slotModel[s] = mi;
  S.slotSchool[s] = school;
  S.slotRole[s] = role;
  S.slotYear[s] = year;
  S.slotInitial[s] = count;
  let planned = plan.planned;
  if (year >= firstYear && planned <= year) planned = year + 1; // bought this year: not retired the same year
  S.slotPlanned[s] = planned < firstYear ? firstYear : planned;
  S.slotOverdue[s] = planned < firstYear ? 1 : 0;
  S.slotHard[s] = plan.hard;
  S.slotHardRule[s] = plan.hardRule;
  S.slotRule[s] = plan.rule;
  S.slotQ[s] = r.rule * maxAge;
  S.slotLoss[s] = r.loss;
  S.slotRepairRate[s] = r.repairRate;
  S.slotRepairClass[s] = r.repairClass;
  S.slotUnitCents[s] = unitCents;
  S.slotReplGroup[s] = replGroup;
  S.slotReplaceFailures[s] = r.replaceFailures;
  S.slotReplacePlanned[s] = r.replacePlanned;
  S.slotAueYear[s] = plan.aueYear;
}

/** Policies, failure assumptions and retirement plans of one compile, cached (a class: see KEPT_COMPILED). */
class Resolver {
  readonly repairClasses = new Map<string, number>();
  readonly repairCents: number[] = [];
  readonly repairModel: number[] = [];
  readonly policyIds = new Map<string, number>();
  constructor(
    readonly input: ForecastInput,
    readonly M: number,
    readonly assumptions: readonly ForecastInput["failure"]["default"][],
    readonly schoolMatters: boolean,
    readonly calendar: FiscalCalendar,
    readonly aueLast: readonly (string | null)[],
  ) {}
}
export const KEPT_RESOLVER = new Resolver(null as unknown as ForecastInput, 0, [], false, DISTRICT_CALENDAR, []);

/** The failure assumption, policy and repair class of a cohort (resolveSlots calls it once per distinct school?, model, role). */
function resolveIn(rz: Resolver, mi: number, role: DeviceRole, school: string): Resolution {
  const model = rz.input.models[mi]!;
  let rule = 0;
  for (let i = 0; i < rz.input.failure.rules.length; i++) {
    if (matches(rz.input.failure.rules[i]!.match, model, role, school)) {
      rule = i + 1;
      break;
    }
  }
  const base: RefreshPolicy = rz.input.policy;
  const override = rz.input.policyRules.find((r) => matches(r.match, model, role, school));
  const pick = <K extends keyof RefreshPolicy>(k: K): RefreshPolicy[K] => (override && override[k] !== undefined ? override[k] : base[k]);
  const policy: ResolvedPolicy = {
    cycleYears: pick("cycleYears") ?? model.expectedLifeYears,
    maxAgeYears: pick("maxAgeYears"),
    minAgeYears: pick("minAgeYears") ?? 1,
    retireAtAue: pick("retireAtAue") ?? true,
    leadMonths: pick("leadMonths") ?? 0,
    retireAtWarrantyEnd: pick("retireAtWarrantyEnd") ?? false,
    retireAtSupportEnd: pick("retireAtSupportEnd") ?? true,
    onFailure: pick("onFailure") ?? "replace",
    replacePlanned: pick("replacePlanned") ?? true,
  };
  const a = rz.assumptions[rule]!;
  const costs = model.repairCosts ? Object.values(model.repairCosts) : [];
  const cost = a.repairCost ?? model.averageRepairCost ?? (costs.length > 0 ? Money.sum(costs).divide(costs.length) : Money.ZERO);
  const cents = cost.toCents();
  const ck = `${mi}|${cents}`;
  const repairClass = indexIn(rz.repairClasses, ck);
  if (repairClass === rz.repairCents.length) {
    // a new class (the map's size and the lists' length grow together)
    rz.repairCents.push(cents);
    rz.repairModel.push(mi);
  }
  const pid = indexIn(rz.policyIds, JSON.stringify(policy));
  return {
    id: pid * rz.M + mi,
    rule,
    policy,
    repairClass,
    loss: a.lossRate,
    repairRate: a.repairRate,
    replaceFailures: policy.onFailure === "replace" ? 1 : 0,
    replacePlanned: policy.replacePlanned ? 1 : 0,
  };
}

function planOf(rz: Resolver, mi: number, policy: ResolvedPolicy, year: number): Plan {
  const model = rz.input.models[mi]!;
  const aue = rz.aueLast[mi];
  let planned = Infinity;
  let hard = Infinity;
  let hardRule = -1;
  let rule = -1;
  let aueYear = Infinity;
  const consider = (y: number, r: RetirementRule, isHard: boolean): void => {
    if (isHard && y < hard) {
      hard = y;
      hardRule = RULES.indexOf(r);
    }
    if (y < planned) {
      planned = y;
      rule = RULES.indexOf(r);
    }
  };
  if (aue) {
    aueYear = deadlineYear(aue, 0, rz.calendar);
    if (policy.retireAtAue) consider(deadlineYear(aue, policy.leadMonths, rz.calendar), "aue", true);
  }
  if (model.supportEnd && policy.retireAtSupportEnd) consider(deadlineYear(model.supportEnd, policy.leadMonths, rz.calendar), "support-end", true);
  if (policy.maxAgeYears !== undefined) consider(year + policy.maxAgeYears, "max-age", true);
  if (policy.cycleYears !== undefined) consider(year + policy.cycleYears, "cycle", false);
  if (policy.retireAtWarrantyEnd && model.warrantyYears !== undefined) consider(year + model.warrantyYears, "warranty", false);
  return { planned, hard, hardRule, rule, aueYear };
}

/** Purchase groups (school, model, role), numbered in order of first appearance. */
class Groups {
  readonly index = new Map<number, number>();
  readonly school: number[] = [];
  readonly model: number[] = [];
  readonly role: number[] = [];
  constructor(readonly M: number) {}
}
export const KEPT_GROUPS = new Groups(0);

function groupIn(gr: Groups, school: number, model: number, role: number): number {
  const g = indexIn(gr.index, (school * gr.M + model) * ROLES.length + role);
  if (g === gr.school.length) {
    // a new group (the map's size and the lists' length grow together)
    gr.school.push(school);
    gr.model.push(model);
    gr.role.push(role);
  }
  return g;
}

/** The replacement group of each initial cohort. */
function groupsOfRaws(gr: Groups, rawList: readonly Raw[], rawSchool: Int32Array, replOf: Int32Array): void {
  for (let i = 0; i < rawList.length; i++) groupIn(gr, rawSchool[i]!, replOf[rawList[i]!.model]!, ROLES.indexOf(rawList[i]!.role));
}

/** Closure under replacement: the groups added while walking are walked too, in order. */
function closeGroups(gr: Groups, replOf: Int32Array): void {
  for (let g = 0; g < gr.school.length; g++) groupIn(gr, gr.school[g]!, replOf[gr.model[g]!]!, gr.role[g]!);
}

/** The index of `key` in `index`, added at the end when new. */
/** The index of `key` in `index`, the next free one (the map's size) when it is new. */
function indexIn<K>(index: Map<K, number>, key: K): number {
  let i = index.get(key);
  if (i === undefined) {
    i = index.size;
    index.set(key, i);
  }
  return i;
}

function schoolIndexes(rawList: readonly Raw[], schoolIndex: Map<string, number>): Int32Array {
  const out = new Int32Array(rawList.length);
  for (let i = 0; i < rawList.length; i++) out[i] = indexIn(schoolIndex, rawList[i]!.school);
  return out;
}

function minYearOf(rawList: readonly Raw[], firstYear: number): number {
  let minYear = firstYear;
  for (let i = 0; i < rawList.length; i++) if (rawList[i]!.year < minYear) minYear = rawList[i]!.year;
  return minYear;
}

/** Each slot's resolution and retirement plan. */
interface SlotPlans {
  rawRes: Resolution[];
  rawPlan: Plan[];
  groupRes: Resolution[];
  /** by g * horizon + ti */
  groupPlan: Plan[];
}

/**
 * Numbers the distinct values of `keys` in order of first appearance: `index[i]` is the number of
 * `keys[i]`, `first[d]` the position where value d first appears.
 */
function distinctOf(keys: Float64Array): { index: Int32Array; first: number[] } {
  const seen = new Map<number, number>();
  const index = new Int32Array(keys.length);
  const first: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let d = seen.get(k);
    if (d === undefined) {
      d = first.length;
      seen.set(k, d);
      first.push(i);
    }
    index[i] = d;
  }
  return { index, first };
}

/** The resolution key of every slot that needs one: the initial cohorts, then the purchase groups. */
function resolutionKeys(schoolMatters: boolean, M: number, rawList: readonly Raw[], rawSchool: Int32Array, gr: Groups): Float64Array {
  const R = rawList.length;
  const G = gr.school.length;
  const keys = new Float64Array(R + G);
  for (let s = 0; s < R; s++) keys[s] = ((schoolMatters ? rawSchool[s]! : 0) * M + rawList[s]!.model) * ROLES.length + ROLES.indexOf(rawList[s]!.role);
  for (let g = 0; g < G; g++) keys[R + g] = ((schoolMatters ? gr.school[g]! : 0) * M + gr.model[g]!) * ROLES.length + gr.role[g]!;
  return keys;
}

/** The plan key (policy and model, purchase year) of every slot. */
function planKeys(rawRes: readonly Resolution[], rawList: readonly Raw[], groupRes: readonly Resolution[], years: readonly number[]): Float64Array {
  const R = rawList.length;
  const G = groupRes.length;
  const H = years.length;
  const keys = new Float64Array(R + G * H);
  for (let s = 0; s < R; s++) keys[s] = rawRes[s]!.id * 100_000 + rawList[s]!.year;
  for (let g = 0; g < G; g++) for (let ti = 0; ti < H; ti++) keys[R + g * H + ti] = groupRes[g]!.id * 100_000 + years[ti]!;
  return keys;
}

/** `values[index[from + i]]` for i < n. */
function pick<T>(values: readonly T[], index: Int32Array, from: number, n: number): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = values[index[from + i]!]!;
  return out;
}

/**
 * Every slot's policy and plan. The slots are keyed by integers in tight loops; each distinct
 * policy (in slot order, which numbers the repair classes) and plan is then worked out once from
 * the parsed input. The loops over slots never touch the parsed objects, whose hidden classes
 * change from call to call, so V8 keeps them optimized.
 */
function resolveSlots(rz: Resolver, rawList: readonly Raw[], rawSchool: Int32Array, schools: readonly string[], gr: Groups, years: readonly number[]): SlotPlans {
  const R = rawList.length;
  const G = gr.school.length;
  const H = years.length;
  const M = rz.M;
  const res = distinctOf(resolutionKeys(rz.schoolMatters, M, rawList, rawSchool, gr));
  const resolved = res.first.map((i) =>
    i < R ? resolveIn(rz, rawList[i]!.model, rawList[i]!.role, schools[rawSchool[i]!]!) : resolveIn(rz, gr.model[i - R]!, ROLES[gr.role[i - R]!]!, schools[gr.school[i - R]!]!),
  );
  const rawRes = pick(resolved, res.index, 0, R);
  const groupRes = pick(resolved, res.index, R, G);
  // plans by (policy and model, purchase year)
  const pl = distinctOf(planKeys(rawRes, rawList, groupRes, years));
  const plans = pl.first.map((i) => {
    if (i < R) return planOf(rz, rawList[i]!.model, rawRes[i]!.policy, rawList[i]!.year);
    const g = Math.floor((i - R) / H);
    return planOf(rz, gr.model[g]!, groupRes[g]!.policy, years[(i - R) % H]!);
  });
  return { rawRes, rawPlan: pick(plans, pl.index, 0, R), groupRes, groupPlan: pick(plans, pl.index, R, G * H) };
}

/** The initial cohorts' slots, one each. */
function fillInitialSlots(S: Slots, rawRes: readonly Resolution[], rawPlan: readonly Plan[], rawList: readonly Raw[], rawSchool: Int32Array, gr: Groups, replOf: Int32Array, modelCents: readonly number[], firstYear: number, maxAge: number, slotId: string[]): void {
  for (let s = 0; s < rawList.length; s++) {
    const r = rawList[s]!;
    const school = rawSchool[s]!;
    const role = ROLES.indexOf(r.role);
    const replGroup = gr.index.get((school * gr.M + replOf[r.model]!) * ROLES.length + role)!;
    fillSlot(S, s, r.model, school, role, r.year, r.count, r.unitCents ?? modelCents[r.model]!, rawRes[s]!, rawPlan[s]!, replGroup, firstYear, maxAge);
    slotId[s] = r.id;
  }
}

/** The purchase groups' slots, one per year of the horizon (after the initial cohorts'). */
function fillGroupSlots(S: Slots, groupRes: readonly Resolution[], groupPlan: readonly Plan[], gr: Groups, replOf: Int32Array, years: readonly number[], priceCents: Float64Array, first: number, firstYear: number, maxAge: number, groupSlot: Int32Array, warnings: string[], models: readonly DeviceModel[]): void {
  const warnedPastAue = new Set<number>();
  for (let g = 0; g < gr.school.length; g++) {
    const ti = fillGroup(S, groupRes[g]!, groupPlan, gr, g, replOf, years, priceCents, first, firstYear, maxAge, groupSlot);
    const mi = gr.model[g]!;
    if (ti >= 0 && !warnedPastAue.has(mi)) {
      warnedPastAue.add(mi);
      warnings.push(`model "${models[mi]!.id}" would be bought in FY${years[ti]!} or later although its updates end before then (AUE ${models[mi]!.autoUpdateExpiration}); give it a replacementModel`);
    }
  }
}

/**
 * The slots of purchase group g, which share its model, school, role and policy (one function per
 * group: called thousands of times, V8 optimizes it once). Returns the first year index whose
 * purchase would come after the model's Auto Update Expiration, or −1.
 */
function fillGroup(S: Slots, resolved: Resolution, groupPlan: readonly Plan[], gr: Groups, g: number, replOf: Int32Array, years: readonly number[], priceCents: Float64Array, first: number, firstYear: number, maxAge: number, groupSlot: Int32Array): number {
  const horizon = years.length;
  const mi = gr.model[g]!;
  const school = gr.school[g]!;
  const role = gr.role[g]!;
  const replGroup = gr.index.get((school * gr.M + replOf[mi]!) * ROLES.length + role)!;
  const base = first + g * horizon;
  let pastAue = -1;
  for (let ti = 0; ti < horizon; ti++) {
    const y = years[ti]!;
    const s = base + ti;
    fillSlot(S, s, mi, school, role, y, 0, priceCents[mi * horizon + ti]!, resolved, groupPlan[g * horizon + ti]!, replGroup, firstYear, maxAge);
    groupSlot[g * horizon + ti] = s;
    if (pastAue < 0 && S.slotAueYear[s]! <= y) pastAue = ti;
  }
  return pastAue;
}

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
  const intake = new Intake(new Map<string, Raw>(), options.collapseSchools, input.models.map((m) => m.id));
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

/** The id of any slot (initial cohorts keep theirs; new cohorts get model|school|role|FYyyyy). */
export function slotIdOf(c: Compiled, s: number): string {
  if (s < c.initialCount) return c.slotId[s]!;
  return cohortKey({ model: c.modelIds[c.slotModel[s]!]!, school: c.schools[c.slotSchool[s]!]!, role: ROLES[c.slotRole[s]!]!, purchaseFiscalYear: c.slotYear[s]! });
}

/** Whether the forecast can run with schools merged (nothing depends on the school). */
export function canCollapseSchools(input: ForecastInput): boolean {
  return (
    input.growth.length === 0 &&
    !input.failure.rules.some((r) => r.match.school !== undefined) &&
    !input.policyRules.some((r) => r.match.school !== undefined)
  );
}
