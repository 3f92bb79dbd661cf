import { allocate, fiscalYearLabel, type Money, parseInput } from "@districtkit/core";
import { dollars, money } from "../internal/cents.js";
import { cellKey, cents, dict, periodMonth, periodName, scaleCents } from "./periods.js";
import { type BudgetVsActualInput, budgetVsActualInputSchema } from "./schema.js";

/**
 * How a year-end figure was projected: `actual` (the year is complete), `seasonal` (spend to date
 * divided by the share of a year the district had spent by this period in prior years),
 * `straight-line` (spend to date × 12 / periods elapsed), or `budget` (no period posted yet).
 *
 * @category Budget vs actual
 */
export type ProjectionMethod = "actual" | "seasonal" | "straight-line" | "budget";

/**
 * A year-end projection from spend to date, with both methods' figures and the one used.
 *
 * @category Budget vs actual
 */
export interface YearEndProjection {
  readonly method: ProjectionMethod;
  /** The projected posted total at year end (the method's figure). */
  readonly yearEnd: Money;
  readonly straightLine: Money;
  /** `null` when there is no usable history. */
  readonly seasonal: Money | null;
  /** Cumulative share of a year spent by `throughPeriod` in the history (`null` without history), as a decimal string. */
  readonly seasonalShare: string | null;
  /** Budget − projected year end (positive: under budget). */
  readonly projectedVariance: Money;
  readonly explanation: string;
}

/**
 * One period of a cell: the budget spread to it, what was posted and encumbered, and the variance.
 *
 * @category Budget vs actual
 */
export interface PeriodVariance {
  /** 1 = the first month of the fiscal year. */
  readonly period: number;
  /** `YYYY-MM`. */
  readonly month: string;
  /** Whether the period is inside the actuals (≤ `throughPeriod`). */
  readonly closed: boolean;
  readonly plan: Money;
  readonly posted: Money;
  readonly encumbered: Money;
  /** plan − posted (positive: under plan). */
  readonly variance: Money;
}

/**
 * Budget against actuals for one fund × category × school.
 *
 * @category Budget vs actual
 */
export interface BudgetVsActualCell {
  readonly fund: string;
  readonly category: string;
  readonly school: string | null;
  readonly budget: Money;
  /** Posted through `throughPeriod`. */
  readonly posted: Money;
  readonly encumbered: Money;
  /** budget − posted − encumbered. */
  readonly available: Money;
  /** The budget spread over the closed periods. */
  readonly planToDate: Money;
  /** planToDate − posted. */
  readonly varianceToDate: Money;
  readonly periods: readonly PeriodVariance[];
  readonly projection: YearEndProjection;
}

/**
 * Totals of a group of cells (the whole year, a fund, a category or a school); each adds up from its cells.
 *
 * @category Budget vs actual
 */
export interface BudgetVsActualTotals {
  readonly budget: Money;
  readonly posted: Money;
  readonly encumbered: Money;
  readonly available: Money;
  readonly planToDate: Money;
  readonly varianceToDate: Money;
  readonly projectedYearEnd: Money;
  readonly projectedVariance: Money;
}

/**
 * Budget vs actual for one fiscal year: every fund × category × school × period, totals that add
 * up, and the year-end projection with its method.
 *
 * @category Budget vs actual
 */
export interface BudgetVsActualResult {
  readonly fiscalYear: number;
  readonly label: string;
  readonly throughPeriod: number;
  /** `YYYY-MM` of the last closed period (null when none). */
  readonly throughMonth: string | null;
  readonly complete: boolean;
  readonly historyYears: readonly number[];
  readonly cells: readonly BudgetVsActualCell[];
  readonly totals: BudgetVsActualTotals & { readonly periods: readonly PeriodVariance[] };
  readonly byFund: Readonly<Record<string, BudgetVsActualTotals>>;
  readonly byCategory: Readonly<Record<string, BudgetVsActualTotals>>;
  /** By school id; district-wide under `"district"`. */
  readonly bySchool: Readonly<Record<string, BudgetVsActualTotals>>;
  readonly rules: { readonly monthlyPlan: "even" | "seasonal"; readonly projection: "seasonal" | "straight-line"; readonly seasonality: "category" | "district"; readonly variance: string };
  readonly explanation: string;
}

interface Acc {
  fund: string;
  category: string;
  school: string | null;
  budget: number;
  posted: number[];
  encumbered: number[];
}

interface Profile {
  /** Cumulative cents by period 1..12 (index 0 = period 1). */
  readonly cumulative: number[];
  readonly monthly: number[];
  readonly total: number;
  readonly level: string;
}

const sumTo = (xs: readonly number[], k: number): number => {
  let s = 0;
  for (let i = 0; i < k; i++) s += xs[i]!;
  return s;
};

/**
 * Budget against actuals for one fiscal year, by fund × category × school × month: the budget
 * spread over the periods (twelfths allocated to the cent, or the district's own seasonality),
 * posted and encumbered amounts, variances, money still available, and a year-end projection
 * from spend to date — straight-line (`posted × 12 / periods`) or seasonal (`posted ÷ the share of
 * a year the district had spent by then in prior complete years`), the method named in every
 * result. Exact to the cent: every table adds up (cells → funds, categories, schools → total;
 * periods → year). A complete year projects to its actual; a flat history projects like a straight line.
 *
 * @param input - plan rows, actual rows and options (see {@link budgetVsActualInputSchema})
 * @returns the cells, totals and projection, explained
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const r = budgetVsActual({
 *   fiscalYear: 2027,
 *   plan: [{ fund: "gf", category: "software", fiscalYear: 2027, amount: "12000" }],
 *   actuals: [1, 2, 3].map((period) => ({ fund: "gf", category: "software", fiscalYear: 2027, period, posted: "1500" })),
 *   projection: "straight-line",
 * });
 * r.throughPeriod; // => 3
 * r.totals.varianceToDate.toString(); // => "-1500"
 * r.totals.projectedYearEnd.toString(); // => "18000"
 * r.cells[0]?.projection.method; // => "straight-line"
 * ```
 * @category Budget vs actual
 */
export function budgetVsActual(input: BudgetVsActualInput): BudgetVsActualResult {
  const o = parseInput(budgetVsActualInputSchema, input, ["input"]);
  const fy = o.fiscalYear;
  const cal = o.calendar;
  const cells = new Map<string, Acc>();
  const cell = (fund: string, category: string, school: string | null): Acc => {
    const k = cellKey(fund, category, school);
    let c = cells.get(k);
    if (!c) {
      c = { fund, category, school, budget: 0, posted: new Array<number>(12).fill(0), encumbered: new Array<number>(12).fill(0) };
      cells.set(k, c);
    }
    return c;
  };
  for (const p of o.plan) if (p.fiscalYear === fy) cell(p.fund, p.category, p.school).budget += cents(p.amount);
  let lastPeriod = 0;
  // history: fiscal year → category → monthly cents
  const history = new Map<number, Map<string, number[]>>();
  const maxPeriod = new Map<number, number>();
  for (const a of o.actuals) {
    maxPeriod.set(a.fiscalYear, Math.max(maxPeriod.get(a.fiscalYear) ?? 0, a.period));
    if (a.fiscalYear === fy) {
      const c = cell(a.fund, a.category, a.school);
      c.posted[a.period - 1]! += cents(a.posted);
      c.encumbered[a.period - 1]! += cents(a.encumbered);
      if (a.period > lastPeriod) lastPeriod = a.period;
    } else {
      let y = history.get(a.fiscalYear);
      if (!y) history.set(a.fiscalYear, (y = new Map()));
      let m = y.get(a.category);
      if (!m) y.set(a.category, (m = new Array<number>(12).fill(0)));
      m[a.period - 1]! += cents(a.posted);
    }
  }
  const through = o.throughPeriod ?? lastPeriod;
  const historyYears = (o.historyYears ?? [...history.keys()].filter((y) => y < fy && maxPeriod.get(y) === 12)).filter((y) => history.has(y)).sort((a, b) => a - b);

  const profiles = new Map<string, Profile | null>();
  const profileOf = (category: string | null): Profile | null => {
    const key = category ?? "\u0000district";
    if (profiles.has(key)) return profiles.get(key)!;
    const monthly = new Array<number>(12).fill(0);
    for (const y of historyYears) {
      const byCat = history.get(y)!;
      if (category === null) for (const m of byCat.values()) m.forEach((v, i) => (monthly[i]! += v));
      else byCat.get(category)?.forEach((v, i) => (monthly[i]! += v));
    }
    const cumulative: number[] = [];
    let run = 0;
    for (const v of monthly) cumulative.push((run += v));
    const total = run;
    // a usable pattern: a positive total and a non-decreasing cumulative path (no net refunds)
    const ok = total > 0 && cumulative.every((v, i) => v >= 0 && (i === 0 || v >= cumulative[i - 1]!));
    const p = ok ? { cumulative, monthly, total, level: category === null ? "the district's" : `${category}'s` } : null;
    profiles.set(key, p);
    return p;
  };
  const profileFor = (category: string): Profile | null => (o.seasonality === "category" ? (profileOf(category) ?? profileOf(null)) : profileOf(null));
  const yearsText =
    historyYears.length === 0
      ? ""
      : historyYears.length === 1
        ? fiscalYearLabel(historyYears[0]!, cal)
        : `${fiscalYearLabel(historyYears[0]!, cal)}–${fiscalYearLabel(historyYears[historyYears.length - 1]!, cal)}`;

  const months = Array.from({ length: 12 }, (_, i) => periodMonth(fy, i + 1, cal));
  const keys = [...cells.keys()].sort();
  const out: BudgetVsActualCell[] = [];
  type T = { budget: number; posted: number; encumbered: number; planToDate: number; projected: number };
  const zeroT = (): T => ({ budget: 0, posted: 0, encumbered: 0, planToDate: 0, projected: 0 });
  const total = zeroT();
  const totalPeriods = Array.from({ length: 12 }, () => ({ plan: 0, posted: 0, encumbered: 0 }));
  const byFund = new Map<string, T>();
  const byCategory = new Map<string, T>();
  const bySchool = new Map<string, T>();
  const addTo = (map: Map<string, T>, k: string, t: T): void => {
    let x = map.get(k);
    if (!x) map.set(k, (x = zeroT()));
    x.budget += t.budget;
    x.posted += t.posted;
    x.encumbered += t.encumbered;
    x.planToDate += t.planToDate;
    x.projected += t.projected;
  };

  for (const k of keys) {
    const c = cells.get(k)!;
    const profile = profileFor(c.category);
    // the budget over the periods
    let planByPeriod: number[];
    if (c.budget === 0) planByPeriod = new Array<number>(12).fill(0);
    else {
      const weights = o.monthlyPlan === "seasonal" && profile ? profile.monthly : new Array<number>(12).fill(1);
      planByPeriod = allocate(money(c.budget), weights).map((m) => m.toCents());
    }
    const posted = sumTo(c.posted, through);
    const encumbered = sumTo(c.encumbered, 12);
    const planToDate = sumTo(planByPeriod, through);
    // projection
    const straight = through === 0 ? c.budget : through === 12 ? posted : scaleCents(posted, 12, through);
    const share = through > 0 && profile && profile.cumulative[through - 1]! > 0 ? profile : null;
    const seasonal = through === 12 ? posted : share ? scaleCents(posted, share.total, share.cumulative[through - 1]!) : null;
    let method: ProjectionMethod;
    let yearEnd: number;
    if (through === 0) {
      method = "budget";
      yearEnd = c.budget;
    } else if (through === 12) {
      method = "actual";
      yearEnd = posted;
    } else if (o.projection === "seasonal" && seasonal !== null) {
      method = "seasonal";
      yearEnd = seasonal;
    } else {
      method = "straight-line";
      yearEnd = straight;
    }
    const shareText = share ? `${((share.cumulative[through - 1]! / share.total) * 100).toFixed(1)} %` : null;
    const why =
      method === "budget"
        ? `no period of ${fiscalYearLabel(fy, cal)} is posted yet: the projection is the budget, ${dollars(c.budget)}`
        : method === "actual"
          ? `the year is complete: the projection is the actual, ${dollars(posted)}`
          : method === "seasonal"
            ? `${dollars(posted)} posted through ${periodName(fy, through, cal)}; in ${yearsText} ${share!.level} spending had reached ${shareText} of the year by then, so the year ends near ${dollars(seasonal!)} (seasonal; straight-line would say ${dollars(straight)})`
            : `${dollars(posted)} posted in ${through} of 12 periods × 12 / ${through} = ${dollars(straight)} (straight-line${o.projection === "seasonal" ? "; no usable history for a seasonal pattern" : ""})`;
    const projection: YearEndProjection = {
      method,
      yearEnd: money(yearEnd),
      straightLine: money(straight),
      seasonal: seasonal === null ? null : money(seasonal),
      seasonalShare: share ? `${share.cumulative[through - 1]!}/${share.total}` : null,
      projectedVariance: money(c.budget - yearEnd),
      explanation: `${why}; budget ${dollars(c.budget)} − projected ${dollars(yearEnd)} = ${dollars(c.budget - yearEnd)} (${dollars(Math.abs(c.budget - yearEnd))} ${c.budget - yearEnd >= 0 ? "under" : "over"} budget).`,
    };
    const periods: PeriodVariance[] = months.map((month, i) => {
      const closed = i < through;
      const p = closed ? c.posted[i]! : 0;
      totalPeriods[i]!.plan += planByPeriod[i]!;
      totalPeriods[i]!.posted += p;
      totalPeriods[i]!.encumbered += c.encumbered[i]!;
      return { period: i + 1, month, closed, plan: money(planByPeriod[i]!), posted: money(p), encumbered: money(c.encumbered[i]!), variance: money(planByPeriod[i]! - p) };
    });
    out.push({
      fund: c.fund,
      category: c.category,
      school: c.school,
      budget: money(c.budget),
      posted: money(posted),
      encumbered: money(encumbered),
      available: money(c.budget - posted - encumbered),
      planToDate: money(planToDate),
      varianceToDate: money(planToDate - posted),
      periods,
      projection,
    });
    const t: T = { budget: c.budget, posted, encumbered, planToDate, projected: yearEnd };
    addTo(byFund, c.fund, t);
    addTo(byCategory, c.category, t);
    addTo(bySchool, c.school ?? "district", t);
    total.budget += t.budget;
    total.posted += t.posted;
    total.encumbered += t.encumbered;
    total.planToDate += t.planToDate;
    total.projected += t.projected;
  }
  const money4 = (t: T): BudgetVsActualTotals => ({
    budget: money(t.budget),
    posted: money(t.posted),
    encumbered: money(t.encumbered),
    available: money(t.budget - t.posted - t.encumbered),
    planToDate: money(t.planToDate),
    varianceToDate: money(t.planToDate - t.posted),
    projectedYearEnd: money(t.projected),
    projectedVariance: money(t.budget - t.projected),
  });
  const rec = (map: Map<string, T>): Record<string, BudgetVsActualTotals> => {
    const r = dict<BudgetVsActualTotals>();
    for (const k of [...map.keys()].sort()) r[k] = money4(map.get(k)!);
    return r;
  };
  const label = fiscalYearLabel(fy, cal);
  const methods = new Set(out.map((c) => c.projection.method));
  const methodText = methods.size === 0 ? "nothing to project" : [...methods].join(" and ");
  const explanation =
    through === 0
      ? `${label}: no period posted yet; budget ${dollars(total.budget)}.`
      : `${label} through ${periodName(fy, through, cal)} (period ${through} of 12): ${dollars(total.posted)} posted of a ${dollars(total.budget)} budget and ${dollars(total.encumbered)} encumbered, ${dollars(total.budget - total.posted - total.encumbered)} available; ` +
        `${dollars(total.planToDate)} was planned by now, a variance of ${dollars(total.planToDate - total.posted)}${total.planToDate - total.posted >= 0 ? " (under plan)" : " (over plan)"}. ` +
        `Year end projected at ${dollars(total.projected)} (${methodText}${historyYears.length > 0 && methods.has("seasonal") ? `, pattern of ${yearsText}` : ""}), ${dollars(Math.abs(total.budget - total.projected))} ${total.budget - total.projected >= 0 ? "under" : "over"} budget.`;
  return {
    fiscalYear: fy,
    label,
    throughPeriod: through,
    throughMonth: through === 0 ? null : months[through - 1]!,
    complete: through === 12,
    historyYears,
    cells: out,
    totals: {
      ...money4(total),
      periods: months.map((month, i) => ({
        period: i + 1,
        month,
        closed: i < through,
        plan: money(totalPeriods[i]!.plan),
        posted: money(totalPeriods[i]!.posted),
        encumbered: money(totalPeriods[i]!.encumbered),
        variance: money(totalPeriods[i]!.plan - totalPeriods[i]!.posted),
      })),
    },
    byFund: rec(byFund),
    byCategory: rec(byCategory),
    bySchool: rec(bySchool),
    rules: {
      monthlyPlan: o.monthlyPlan,
      projection: o.projection,
      seasonality: o.seasonality,
      variance: "variance = plan − posted (positive: under plan); available = budget − posted − encumbered; amounts in whole cents, projections rounded half away from zero",
    },
    explanation,
  };
}
