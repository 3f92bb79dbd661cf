// Resolution: which failure assumption, refresh policy and repair class apply to a cohort, and
// when a purchase is retired and by which rule (DOMAIN-lifecycle §3: cycle, AUE with a lead,
// end of support, maximum age, warranty). Internal.
import { addDaysIso, addMonthsIso, DISTRICT_CALENDAR, type FiscalCalendar, fiscalYearOf, Money } from "@districtkit/core";
import type { DeviceModel, DeviceRole, ForecastInput, Match, RefreshPolicy } from "../schema.js";
import { type ResolvedPolicy, type RetirementRule, RULES } from "./compiled.js";
import { indexIn } from "./numbering.js";

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

/** A cohort's failure assumption, policy and repair class (resolved once per school?, model, role). */
export interface Resolution {
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
export interface Plan {
  planned: number;
  hard: number;
  hardRule: number;
  rule: number;
  aueYear: number;
}

/** Policies, failure assumptions and retirement plans of one compile, cached (a class, with one empty instance held by the class: see Compiled.kept). */
export class Resolver {
  static kept: Resolver | undefined;
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
Resolver.kept = new Resolver(null as unknown as ForecastInput, 0, [], false, DISTRICT_CALENDAR, []);

/** The failure assumption, policy and repair class of a cohort (resolveSlots calls it once per distinct school?, model, role). */
export function resolveIn(rz: Resolver, mi: number, role: DeviceRole, school: string): Resolution {
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

export function planOf(rz: Resolver, mi: number, policy: ResolvedPolicy, year: number): Plan {
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
