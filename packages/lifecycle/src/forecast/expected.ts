import { allocate, fiscalYearLabel, Money } from "@districtkit/core";
import { depreciationSchedule } from "../depreciation.js";
import { type DeviceCategory, type ForecastInput, forecastInputSchema } from "../schema.js";
import { CAPITALIZATION_THRESHOLDS } from "../tables/capitalization.js";
import { compile } from "./compile.js";
import { CATEGORIES, type Compiled, type RetirementRule, ROLES, RULES, slotIdOf } from "./compiled.js";
import { parseForecastInput } from "./parseInputFast.js";
import type { CategorySpend, CohortPlan, ForecastCounts, ForecastResult, ForecastRow, ForecastSpend, ForecastYear } from "./result.js";
import { ROW_FIELDS, type RowMaker } from "./rowMaker.js";
import { ROW_MAKERS } from "./rowMakers.generated.js";
import { type Deferral, F, makeSink, NF, NK, type Shortfall, type Sink, scratchFor, simulate } from "./simulate.js";

export type { RetirementRule } from "./compiled.js";
export type { CategorySpend, CohortPlan, ForecastCounts, ForecastResult, ForecastRow, ForecastSpend, ForecastYear } from "./result.js";

const RULE_TEXT: Record<RetirementRule, string> = {
  aue: "Auto Update Expiration (hard deadline)",
  "support-end": "end of support (hard deadline)",
  "max-age": "maximum age (hard deadline)",
  cycle: "refresh cycle",
  warranty: "end of warranty",
};

const HARD_TEXT: Record<RetirementRule, string> = { aue: "Auto Update Expiration", "support-end": "end-of-support", "max-age": "maximum-age", cycle: "cycle", warranty: "warranty" };

const KIND: CategorySpend["kind"][] = ["refresh", "failure-replacement", "growth", "spares", "repair", "resale-credit"];

/** Expected counts, cleaned of float noise (9 decimals). */
export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export function countsOf(a: Float64Array, b: number): ForecastCounts {
  const buy = { refresh: clean(a[b + F.buyPlanned]!), failureReplacement: clean(a[b + F.buyFailure]!), growth: clean(a[b + F.buyGrowth]!), spares: clean(a[b + F.buySpares]!) };
  return {
    inServiceStart: clean(a[b + F.start]!),
    plannedRetirements: clean(a[b + F.planned]!),
    failures: clean(a[b + F.failures]!),
    losses: clean(a[b + F.losses]!),
    notReplaced: clean(a[b + F.notReplaced]!),
    purchases: { ...buy, total: clean(a[b + F.buyPlanned]! + a[b + F.buyFailure]! + a[b + F.buyGrowth]! + a[b + F.buySpares]!) },
    inServiceEnd: clean(a[b + F.end]!),
    deferred: clean(a[b + F.deferred]!),
    repairIncidents: clean(a[b + F.repairs]!),
  };
}

function cents(x: number): Money {
  return x === 0 ? Money.ZERO : Money.fromCents(x);
}

function spendOf(capital: number, repair: number, resale: number): ForecastSpend {
  const capitalMoney = cents(capital);
  return {
    capital: capitalMoney,
    repair: cents(repair),
    resaleCredit: cents(resale),
    net: repair === 0 && resale === 0 ? capitalMoney : cents(capital + repair - resale),
  };
}

function fmt(cents: number): string {
  return Money.fromCents(Math.round(cents)).format();
}

/**
 * The Money of a whole number of cents, shared between the rows of one forecast: Money is
 * immutable, and the rows of a large breakdown repeat many amounts (units × one price), so each
 * distinct amount is made once.
 */
function centsFrom(memo: Map<number, Money>, x: number): Money {
  if (x === 0) return Money.ZERO;
  let m = memo.get(x);
  if (m === undefined) {
    m = Money.fromCents(x);
    memo.set(x, m);
  }
  return m;
}

/**
 * One breakdown row: `fiscalYear`, the groupBy keys, the counts, the amounts (exact cents already
 * rounded). Built by the grouping's object literal (rowMakers.generated.ts, which says why), or,
 * for a `groupBy` that names a dimension twice, by {@link rowFromTemplate}.
 */
function rowOf(memo: Map<number, Money>, make: RowMaker, fiscalYear: number, key: RowKey, R: Float64Array, b: number, cap: number, rep: number, res: number): ForecastRow {
  const purchases = {
    refresh: clean(R[b + F.buyPlanned]!),
    failureReplacement: clean(R[b + F.buyFailure]!),
    growth: clean(R[b + F.buyGrowth]!),
    spares: clean(R[b + F.buySpares]!),
    total: clean(R[b + F.buyPlanned]! + R[b + F.buyFailure]! + R[b + F.buyGrowth]! + R[b + F.buySpares]!),
  };
  return make(
    fiscalYear,
    key,
    clean(R[b + F.start]!),
    clean(R[b + F.planned]!),
    clean(R[b + F.failures]!),
    clean(R[b + F.losses]!),
    clean(R[b + F.notReplaced]!),
    purchases,
    clean(R[b + F.end]!),
    clean(R[b + F.deferred]!),
    clean(R[b + F.repairs]!),
    centsFrom(memo, cap),
    centsFrom(memo, rep),
    centsFrom(memo, res),
  ) as ForecastRow;
}

/**
 * The plain row maker for any `groupBy` (the reference the generated literals are tested against):
 * a clone of the grouping's template, which has every field in its final order, filled by name.
 * A dimension named twice is one field holding the same value.
 */
export function rowFromTemplate(template: object, groupBy: readonly string[]): RowMaker {
  return (fiscalYear: number, key: readonly string[], ...values: unknown[]) => {
    const row = { ...template } as Record<string, unknown>;
    row.fiscalYear = fiscalYear;
    for (let j = 0; j < groupBy.length; j++) row[groupBy[j]!] = key[j];
    for (let i = 0; i < ROW_FIELDS.length; i++) row[ROW_FIELDS[i]!] = values[i];
    return row;
  };
}

/** The values of a row's grouped dimensions, in the order of `groupBy`. */
type RowKey = readonly string[];
type GroupDim = ForecastInput["groupBy"][number];
const DIM_CODE: Record<GroupDim, number> = { school: 0, model: 1, category: 2, role: 3 };

/**
 * The breakdown row of every slot: one integer per slot (mixed radix over the grouped dimensions'
 * indexes, no strings), rows numbered in order of first appearance.
 */
function rowIndexOf(c: Compiled, groupBy: readonly GroupDim[]): { rowOf: Int32Array; keys: RowKey[] } {
  const modelCat = Int32Array.from(c.modelCategory, (cat) => CATEGORIES.indexOf(cat));
  const radixOf = [c.schools.length, c.models.length, CATEGORIES.length, ROLES.length];
  const dims = Int32Array.from(groupBy, (d) => DIM_CODE[d]);
  const radix = Int32Array.from(dims, (d) => radixOf[d]!);
  let size = 1;
  for (let j = 0; j < radix.length; j++) size *= radix[j]!;
  const table = size <= 1 << 22 ? new Int32Array(size).fill(-1) : null;
  const index = new Map<number, number>();
  const rowOf = new Int32Array(c.n);
  const keys: RowKey[] = [];
  const { slotSchool, slotModel, slotRole } = c;
  for (let s = 0; s < c.n; s++) {
    let k = 0;
    for (let j = 0; j < dims.length; j++) {
      const d = dims[j]!;
      const v = d === 0 ? slotSchool[s]! : d === 1 ? slotModel[s]! : d === 2 ? modelCat[slotModel[s]!]! : slotRole[s]!;
      k = k * radix[j]! + v;
    }
    let r = table ? table[k]! : (index.get(k) ?? -1);
    if (r < 0) {
      r = keys.length;
      if (table) table[k] = r;
      else index.set(k, r);
      keys.push(rowKeyOf(c, groupBy, s));
    }
    rowOf[s] = r;
  }
  return { rowOf, keys };
}

function rowKeyOf(c: Compiled, groupBy: readonly GroupDim[], s: number): RowKey {
  const mi = c.slotModel[s]!;
  return groupBy.map((d) => (d === "school" ? c.schools[c.slotSchool[s]!]! : d === "model" ? c.modelIds[mi]! : d === "category" ? c.modelCategory[mi]! : ROLES[c.slotRole[s]!]!));
}

/**
 * The field order of `{ fiscalYear, ...key, ...counts, ...amounts }` as an object to clone, one per
 * `groupBy` kept for the life of the module: the plain row maker's starting point
 * ({@link rowFromTemplate}), used for a `groupBy` that repeats a dimension and, in the tests, as the
 * reference of the generated makers.
 */
const TEMPLATES = new Map<string, object>();
export function templateFor(groupBy: readonly GroupDim[]): object {
  const signature = groupBy.join(",");
  let template = TEMPLATES.get(signature);
  if (template === undefined) {
    const t: Record<string, unknown> = { fiscalYear: 0 };
    for (const d of groupBy) t[d] = "";
    for (const f of ROW_FIELDS) t[f] = null;
    if (TEMPLATES.size >= 64) TEMPLATES.clear();
    TEMPLATES.set(signature, t);
    template = t;
  }
  return template;
}

/**
 * The breakdown rows, year by year in key order, skipping empty ones; each row's amounts are
 * rounded to the cent and added to `yearCents` (capital, repair, resale by year), so the rows add
 * up to the summary exactly.
 */
function rowsOf(c: Compiled, groupBy: readonly GroupDim[], rowKeys: readonly RowKey[], R: Float64Array, yearCents: Float64Array): ForecastRow[] {
  const H = c.horizon;
  const rows: ForecastRow[] = [];
  const order = Int32Array.from(
    rowKeys
      .map((_, i) => i)
      .sort((a, b) => {
        const ka = rowKeys[a]!;
        const kb = rowKeys[b]!;
        for (let j = 0; j < ka.length; j++) {
          const x = ka[j]!;
          const y = kb[j]!;
          if (x !== y) return x < y ? -1 : 1;
        }
        return 0;
      }),
  );
  const memo = new Map<number, Money>();
  const make = ROW_MAKERS.get(groupBy.join(",")) ?? rowFromTemplate(templateFor(groupBy), groupBy);
  for (let ti = 0; ti < H; ti++) rowsOfYear(rows, memo, make, c.years[ti]!, ti, order, rowKeys, R, yearCents);
  return rows;
}

/** The rows of year index ti (one function per year, so V8 optimizes it once and keeps it). */
function rowsOfYear(
  rows: ForecastRow[],
  memo: Map<number, Money>,
  make: RowMaker,
  fiscalYear: number,
  ti: number,
  order: Int32Array,
  rowKeys: readonly RowKey[],
  R: Float64Array,
  yearCents: Float64Array,
): void {
  const RN = rowKeys.length;
  let capSum = yearCents[ti * 3]!;
  let repSum = yearCents[ti * 3 + 1]!;
  let resSum = yearCents[ti * 3 + 2]!;
  for (let i = 0; i < RN; i++) {
    const r = order[i]!;
    const b = (ti * RN + r) * NF;
    const any = R[b + F.start]! > 0 || R[b + F.end]! > 0 || R[b + F.planned]! > 0 || R[b + F.failures]! > 0 || R[b + F.capital]! > 0;
    if (!any) continue;
    const cap = Math.round(R[b + F.capital]!);
    const rep = Math.round(R[b + F.repair]!);
    const res = Math.round(R[b + F.resale]!);
    capSum += cap;
    repSum += rep;
    resSum += res;
    rows.push(rowOf(memo, make, fiscalYear, rowKeys[r]!, R, b, cap, rep, res));
  }
  yearCents[ti * 3] = capSum;
  yearCents[ti * 3 + 1] = repSum;
  yearCents[ti * 3 + 2] = resSum;
}

/** Each initial cohort's plan: when and by which rule it is retired, with an explanation. */
function cohortPlansOf(c: Compiled, retired: Float64Array): CohortPlan[] {
  const H = c.horizon;
  const cohorts: CohortPlan[] = [];
  const yearKeys = c.years.map(String);
  // the explanation after "<count> × " depends only on the model, purchase year and plan: made
  // once per distinct plan (most cohorts share one with many others), not once per cohort
  const told = new Map<number, string>();
  for (let s = 0; s < c.initialCount; s++) {
    const retiredByYear: Record<string, number> = {};
    let retiredCount = 0;
    for (let ti = 0; ti < H; ti++) {
      const v = retired[s * H + ti]!;
      if (v > 0) {
        retiredByYear[yearKeys[ti]!] = clean(v);
        retiredCount++;
      }
    }
    const mi = c.slotModel[s]!;
    const modelId = c.modelIds[mi]!;
    const planned = c.slotPlanned[s]!;
    const rule = c.slotRule[s]! >= 0 ? RULES[c.slotRule[s]!]! : null;
    const hard = c.slotHard[s]!;
    const hardRule = c.slotHardRule[s]! >= 0 ? RULES[c.slotHardRule[s]!]! : null;
    const overdue = c.slotOverdue[s] === 1;
    const count = c.slotInitial[s]!;
    const y = c.slotYear[s]!;
    // planned and hard lie after the purchase year (or are Infinity); offsets beyond 998 years are not cached
    const dp = Number.isFinite(planned) ? planned - y : 999;
    const dh = Number.isFinite(hard) ? hard - y : 999;
    const cacheable = retiredCount <= 1 && dp >= 0 && dp <= 999 && dh >= 0 && dh <= 999 && y >= 0 && y < 10_000;
    const tk = cacheable ? ((((mi * 10_000 + y) * 1000 + dp) * 1000 + dh) * 8 + c.slotRule[s]! + 1) * 16 + (c.slotHardRule[s]! + 1) * 2 + (overdue ? 1 : 0) : -1;
    let tail = cacheable ? told.get(tk) : undefined;
    if (tail === undefined) {
      const retiredYears = retiredCount > 1 ? Object.keys(retiredByYear) : [];
      tail =
        rule === null
          ? `${modelId} bought FY${y}: no rule retires them; they leave only by failure or loss.`
          : `${modelId} bought FY${y}: planned retirement in FY${planned} by the ${RULE_TEXT[rule]}${overdue ? " — already due at the as-of date" : ""}${
              (rule === "cycle" || rule === "warranty") && hard <= planned && hardRule ? ` (its ${HARD_TEXT[hardRule]} deadline, FY${hard}, applies too)` : ""
            }${retiredYears.length > 1 ? `; retired over ${retiredYears.map((k) => `FY${k}`).join(", ")} under the refresh budget cap` : ""}.`;
      if (cacheable) told.set(tk, tail);
    }
    const explanation = `${count} × ${tail}`;
    cohorts.push({
      id: c.slotId[s]!,
      model: modelId,
      school: c.schools[c.slotSchool[s]!]!,
      role: ROLES[c.slotRole[s]!]!,
      purchaseFiscalYear: y,
      count,
      plannedFiscalYear: Number.isFinite(planned) ? planned : null,
      rule,
      hardDeadline: Number.isFinite(hard) ? hard : null,
      hardRule,
      overdue,
      retiredByYear,
      explanation,
    });
  }
  return cohorts;
}

/** Runs the expected forecast on a compiled model (shared with the Monte Carlo summary). */
export function expectedOf(input: ForecastInput, c: Compiled): ForecastResult {
  const H = c.horizon;
  const groupBy = input.groupBy;
  const index = groupBy.length > 0 ? rowIndexOf(c, groupBy) : null;
  const rowKeys: RowKey[] = index ? index.keys : [];
  // every field set once, at construction (a field set later would lose V8's constant-field
  // assumption for every sink, and the simulation code that relies on it)
  const sink: Sink = makeSink({
    totals: new Float64Array(H * NF),
    rowOf: index ? index.rowOf : undefined,
    rows: index ? new Float64Array(rowKeys.length * H * NF) : undefined,
    cat: new Float64Array(CATEGORIES.length * H * NK),
    retired: new Float64Array(c.initialCount * H),
    byRule: new Float64Array(H * RULES.length),
    deferrals: [] as Deferral[],
    shortfalls: [] as Shortfall[],
    bought: new Float64Array(c.models.length * H),
  });
  simulate(c, null, sink, scratchFor(c));
  const { totals } = sink;

  // rows (rounded per row) and the year totals they add up to
  const yearCents = new Float64Array(H * 3);
  let rows: ForecastRow[] = [];
  if (sink.rows) rows = rowsOf(c, groupBy, rowKeys, sink.rows, yearCents);
  else {
    for (let ti = 0; ti < H; ti++) {
      yearCents[ti * 3] = Math.round(totals[ti * NF + F.capital]!);
      yearCents[ti * 3 + 1] = Math.round(totals[ti * NF + F.repair]!);
      yearCents[ti * 3 + 2] = Math.round(totals[ti * NF + F.resale]!);
    }
  }
  const summary: ForecastYear[] = c.years.map((t, ti) => {
    const byRule = {} as Record<RetirementRule, number>;
    RULES.forEach((r, k) => (byRule[r] = clean(sink.byRule![ti * RULES.length + k]!)));
    return {
      fiscalYear: t,
      label: fiscalYearLabel(t, c.calendar),
      ...countsOf(totals, ti * NF),
      ...spendOf(yearCents[ti * 3]!, yearCents[ti * 3 + 1]!, yearCents[ti * 3 + 2]!),
      retirementsByRule: byRule,
      sparesRequired: totals[ti * NF + F.sparesRequired]!,
    };
  });

  // spend by category and kind, allocated so that they add up to the year's totals exactly
  const spendByCategory = categorySpend(c, sink.cat!, yearCents);

  const cohorts = cohortPlansOf(c, sink.retired!);
  const deferrals = sink.deferrals!.map((d) => {
    const hard = c.slotHard[d.slot]!;
    return {
      fiscalYear: c.years[d.ti]!,
      cohort: slotIdOf(c, d.slot),
      units: clean(d.units),
      reason: `the refresh budget cap of FY${c.years[d.ti]} is spent; kept in service${Number.isFinite(hard) ? ` until at most FY${hard} (hard deadline)` : ""}`,
    };
  });
  const capShortfalls = sink.shortfalls!.map((s) => {
    const cap = Money.fromCents(s.capCents);
    const forced = Money.fromCents(Math.round(s.forcedCents));
    const shortfall = Money.max(Money.ZERO, forced.subtract(cap));
    const ids = s.slots.map((x) => slotIdOf(c, x));
    return {
      fiscalYear: c.years[s.ti]!,
      cap,
      forced,
      shortfall,
      cohorts: ids,
      explanation: `FY${c.years[s.ti]}: devices at a hard deadline (AUE, support end, maximum age) need ${forced.format()} of refresh, above the cap of ${cap.format()}; ${ids.length} cohort(s) cannot wait.`,
    };
  });
  const totalPlanned = summary.reduce((a, y) => a + y.plannedRetirements, 0);
  const totalFail = summary.reduce((a, y) => a + y.failures + y.losses, 0);
  const capitalAll = yearCents.reduce((a, v, i) => (i % 3 === 0 ? a + v : a), 0);
  const devices = summary[0]!.inServiceStart;
  const explanation =
    `Expected forecast FY${c.years[0]}–FY${c.years[H - 1]} for ${Math.round(devices)} devices in ${c.initialCount} cohorts: ` +
    `${Math.round(totalPlanned)} planned retirements, about ${Math.round(totalFail)} failures and losses (replaced 1:1 unless the policy says otherwise), ` +
    `capital ${fmt(capitalAll)} over ${H} years. Failures are drawn first and losses among the rest; each cohort names the rule that retires it.` +
    (capShortfalls.length > 0 ? ` The refresh cap cannot be met in ${capShortfalls.map((s) => `FY${s.fiscalYear}`).join(", ")} (hard deadlines).` : "");
  return {
    asOf: input.asOf,
    years: c.years,
    depreciation: input.depreciation ? bookValues(input, c, sink.bought!) : null,
    summary,
    rows,
    groupBy,
    cohorts,
    spendByCategory,
    deferrals,
    capShortfalls,
    failureModels: c.qExplanations,
    warnings: c.warnings,
    explanation,
  };
}

/** Depreciation of the inventory's cohorts (from their purchase year) and of the forecast's purchases, by fiscal year of the horizon. */
function bookValues(input: ForecastInput, c: Compiled, bought: Float64Array): NonNullable<ForecastResult["depreciation"]> {
  const d = input.depreciation!;
  const H = c.horizon;
  const threshold = d.capitalizationThreshold ?? CAPITALIZATION_THRESHOLDS[0]!.perUnit;
  const dep = new Array<Money>(H).fill(Money.ZERO);
  const book = new Array<Money>(H).fill(Money.ZERO);
  let capitalized = 0;
  let expensed = 0;
  const purchases: { model: number; year: number; units: number; unit: Money }[] = [];
  for (let s = 0; s < c.initialCount; s++) purchases.push({ model: c.slotModel[s]!, year: c.slotYear[s]!, units: c.slotInitial[s]!, unit: Money.fromCents(c.slotUnitCents[s]!) });
  for (let m = 0; m < c.models.length; m++) {
    for (let ti = 0; ti < H; ti++) {
      const u = bought[m * H + ti]!;
      if (u > 0) purchases.push({ model: m, year: c.years[ti]!, units: u, unit: Money.fromCents(c.priceCents[m * H + ti]!) });
    }
  }
  for (const p of purchases) {
    const total = p.unit.multiply(p.units).roundToCents();
    if (!(p.unit.greaterThanOrEqual(threshold) || (d.groupCapitalization && total.greaterThanOrEqual(threshold))) || total.isZero()) {
      expensed += p.units;
      continue;
    }
    capitalized += p.units;
    const life = d.lifeYears ?? c.models[p.model]!.expectedLifeYears ?? 5;
    const schedule = depreciationSchedule({ unitCost: total, units: 1, lifeYears: life, startFiscalYear: p.year, method: d.method, factor: d.factor, capitalizationThreshold: "0" });
    for (let ti = 0; ti < H; ti++) {
      const t = c.years[ti]!;
      const row = schedule.years.find((y) => y.fiscalYear === t);
      if (row) {
        dep[ti] = dep[ti]!.add(row.depreciation);
        book[ti] = book[ti]!.add(row.bookValue);
      }
    }
  }
  return {
    years: c.years.map((t, ti) => ({ fiscalYear: t, depreciation: dep[ti]!, bookValue: book[ti]! })),
    capitalizedPurchases: clean(capitalized),
    expensedPurchases: clean(expensed),
    explanation: `${Math.round(capitalized)} devices capitalized (${d.method}, threshold ${threshold.format()} per unit${d.groupCapitalization ? " or per purchase with group capitalization" : ""}) and ${Math.round(expensed)} expensed as controlled items; book value at the end of each year, salvage 0.`,
  };
}

function categorySpend(c: Compiled, cat: Float64Array, yearCents: Float64Array): CategorySpend[] {
  const H = c.horizon;
  const lines: { category: DeviceCategory; kind: CategorySpend["kind"]; amounts: Record<string, Money> }[] = [];
  const index = new Map<string, number>();
  // groups of kinds that share one year total: capital (0..3), repair (4), resale (5)
  const groups: [number[], number][] = [
    [[0, 1, 2, 3], 0],
    [[4], 1],
    [[5], 2],
  ];
  for (let ti = 0; ti < H; ti++) {
    for (const [kinds, which] of groups) {
      const total = yearCents[ti * 3 + which]!;
      const keys: [number, number][] = [];
      const weights: number[] = [];
      for (let k = 0; k < CATEGORIES.length; k++) {
        for (const kind of kinds) {
          const w = cat[(k * H + ti) * NK + kind]!;
          if (w > 0) {
            keys.push([k, kind]);
            weights.push(w);
          }
        }
      }
      if (keys.length === 0 || total === 0) continue;
      const parts = allocate(Money.fromCents(total), weights);
      keys.forEach(([k, kind], i) => {
        const id = `${k}|${kind}`;
        let li = index.get(id);
        if (li === undefined) {
          li = lines.length;
          index.set(id, li);
          lines.push({ category: CATEGORIES[k]!, kind: KIND[kind]!, amounts: {} });
        }
        lines[li]!.amounts[String(c.years[ti])] = parts[i]!;
      });
    }
  }
  for (const l of lines) for (const y of c.years) if (!(String(y) in l.amounts)) l.amounts[String(y)] = Money.ZERO;
  return lines.sort((a, b) => KIND.indexOf(a.kind) - KIND.indexOf(b.kind) || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/**
 * The expected-value replacement forecast, per fiscal year × cohort (and × school, model,
 * category or role with `groupBy`): devices in service, planned retirements (refresh cycle, AUE
 * with a lead time, support end, maximum age, warranty end), failures (from the failure model's
 * annual conditional probability by age), losses among devices that did not fail, replacements,
 * purchases for enrollment growth at a target ratio, a spare pool at a service level, spend
 * (capital, repair), resale credit, and a refresh budget cap that defers what can wait (never a
 * hard deadline) and reports what cannot fit. Works on cohorts: the cost grows with the number
 * of cohorts, not of devices.
 *
 * @param input - see {@link forecastInputSchema}
 * @returns the yearly summary, breakdown rows, each cohort's plan and rule, spend by category, deferrals and cap shortfalls, with explanations
 * @throws DistrictKitError listing every problem: unknown models, purchases after the as-of date, negative counts, a Weibull shape ≤ 0…
 * @example
 * ```ts
 * const r = forecastReplacements({
 *   asOf: "2026-07-01",
 *   horizonYears: 3,
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300", autoUpdateExpiration: "2027-06" }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2023, count: 100 }],
 *   failure: { default: { failure: { kind: "annual", accident: 0.1 } } },
 * });
 * r.cohorts[0]!.plannedFiscalYear; // => 2028
 * r.cohorts[0]!.rule; // => "aue"
 * r.summary[0]!.failures; // => 10
 * r.summary[0]!.capital.toString(); // => "3000"
 * r.summary[1]!.plannedRetirements; // => 100
 * ```
 * @category Forecast
 */
export function forecastReplacements(input: unknown): ForecastResult {
  const data = parseForecastInput(input);
  const c = compile(data, { collapseSchools: false });
  return expectedOf(data, c);
}
