// Slots: every cohort's row of the compiled model's typed arrays, filled from its resolution and
// retirement plan; each distinct resolution and plan is worked out once. Internal.
import type { DeviceModel } from "../schema.js";
import { type Compiled, ROLES } from "./compiled.js";
import type { Groups } from "./groups.js";
import type { Raw } from "./intake.js";
import { distinctOf, pick } from "./numbering.js";
import { type Plan, planOf, type Resolution, type Resolver, resolveIn } from "./resolve.js";

export type Slots = Pick<
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

function fillSlot(
  S: Slots,
  s: number,
  mi: number,
  school: number,
  role: number,
  year: number,
  count: number,
  unitCents: number,
  r: Resolution,
  plan: Plan,
  replGroup: number,
  firstYear: number,
  maxAge: number,
): void {
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

/** Each slot's resolution and retirement plan. */
export interface SlotPlans {
  rawRes: Resolution[];
  rawPlan: Plan[];
  groupRes: Resolution[];
  /** by g * horizon + ti */
  groupPlan: Plan[];
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

/**
 * Every slot's policy and plan. The slots are keyed by integers in tight loops; each distinct
 * policy (in slot order, which numbers the repair classes) and plan is then worked out once from
 * the parsed input. The loops over slots never touch the parsed objects, whose hidden classes
 * change from call to call, so V8 keeps them optimized.
 */
export function resolveSlots(rz: Resolver, rawList: readonly Raw[], rawSchool: Int32Array, schools: readonly string[], gr: Groups, years: readonly number[]): SlotPlans {
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
export function fillInitialSlots(
  S: Slots,
  rawRes: readonly Resolution[],
  rawPlan: readonly Plan[],
  rawList: readonly Raw[],
  rawSchool: Int32Array,
  gr: Groups,
  replOf: Int32Array,
  modelCents: readonly number[],
  firstYear: number,
  maxAge: number,
  slotId: string[],
): void {
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
export function fillGroupSlots(
  S: Slots,
  groupRes: readonly Resolution[],
  groupPlan: readonly Plan[],
  gr: Groups,
  replOf: Int32Array,
  years: readonly number[],
  priceCents: Float64Array,
  first: number,
  firstYear: number,
  maxAge: number,
  groupSlot: Int32Array,
  warnings: string[],
  models: readonly DeviceModel[],
): void {
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
function fillGroup(
  S: Slots,
  resolved: Resolution,
  groupPlan: readonly Plan[],
  gr: Groups,
  g: number,
  replOf: Int32Array,
  years: readonly number[],
  priceCents: Float64Array,
  first: number,
  firstYear: number,
  maxAge: number,
  groupSlot: Int32Array,
): number {
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
