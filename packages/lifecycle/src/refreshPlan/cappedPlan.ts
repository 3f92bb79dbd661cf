import { DistrictKitError, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { solveExactly } from "./exact.js";
import { type Fill, fillEarliestDeadlineFirst, type Job, unitsOf } from "./jobs.js";
import { flattenLevel, type Level } from "./level.js";

/**
 * Input of {@link planCappedRefresh}: cohorts with their refresh windows, the years, and either
 * a yearly cap (money) or, without one, the goal of flattening the yearly number of units.
 *
 * @example
 * ```ts
 * cappedPlanInputSchema.parse({ firstFiscalYear: 2027, horizonYears: 5, cohorts: [] }).minAgeYears; // => 3
 * ```
 * @category Refresh plan
 */
export const cappedPlanInputSchema = z.object({
  firstFiscalYear: z.number().int().min(1000).max(9900),
  horizonYears: z.number().int().min(1).max(50),
  cohorts: z.array(
    z.object({
      id: z.string().min(1),
      count: z.number().int().min(0),
      purchaseFiscalYear: z.number().int().min(1000).max(9998),
      /** Price of one replacement unit. */
      unitPrice: nonNegativeMoneySchema,
      /** Hard deadline (AUE, end of support): replaced in this fiscal year at the latest. */
      deadlineFiscalYear: z.number().int().min(1000).max(9998).optional(),
    }),
  ),
  minAgeYears: z.number().int().min(0).max(50).default(3),
  maxAgeYears: z.number().int().min(1).max(50).default(6),
  /** Yearly cap by fiscal year ("2027": "120000"); absent years are uncapped. Without a cap, the plan flattens units. */
  cap: z.record(z.string().regex(/^\d{4}$/), nonNegativeMoneySchema).optional(),
  /** Cap mode: solve exactly when the problem is small (auto), or always use earliest-deadline-first. */
  method: z.enum(["auto", "earliest-deadline-first"]).default("auto"),
  /**
   * Flatten mode: how years below the peak are filled. `even` (default): each year takes the least
   * even number of units that still meets every deadline ahead (never above the level), so the
   * years after a spike are as even as the deadlines allow. `to-level`: each year is filled up to
   * the level, earliest deadline first (DistrictKit's lifecycle rules §12 as written), which replaces units as
   * early as the level allows. Both reach the same level.
   */
  fill: z.enum(["even", "to-level"]).default("even"),
});
/** Input of {@link planCappedRefresh} as written by a caller. @category Refresh plan */
export type CappedPlanInput = z.input<typeof cappedPlanInputSchema>;

/**
 * A refresh plan spread over the years.
 *
 * @category Refresh plan
 */
export interface CappedPlanResult {
  readonly mode: "cap" | "flatten";
  /** How the plan was found: an exact search (small cap problems), or earliest-deadline-first (with an exact level when flattening). */
  readonly method: "exact" | "earliest-deadline-first";
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly units: number;
    readonly cost: Money;
    readonly cap: Money | null;
    readonly allocations: readonly { readonly cohort: string; readonly units: number; readonly cost: Money; readonly forced: boolean }[];
  }[];
  /** Years where units at their deadline alone exceed the cap: amount over, and the cohorts responsible. */
  readonly shortfalls: readonly { readonly fiscalYear: number; readonly cap: Money; readonly forced: Money; readonly over: Money; readonly cohorts: readonly string[] }[];
  /** Cap mode: units due after the horizon that did not fit under the caps. Flatten mode: units not eligible (minimum age) before the horizon ends. */
  readonly unscheduled: readonly { readonly cohort: string; readonly units: number; readonly reason: string }[];
  /**
   * Flatten mode: the plan's peak in units — the smallest yearly number of units that replaces
   * every unit eligible within the horizon, within its window (exact). Equal to the largest
   * `years[].units`. Null in cap mode.
   */
  readonly level: number | null;
  /** Flatten mode: the run of years that sets the level (all of the horizon when `⌈Σ n / horizon⌉` does) and the units that must be replaced within it. */
  readonly levelSetBy: { readonly fromFiscalYear: number; readonly toFiscalYear: number; readonly units: number } | null;
  /** Flatten mode: how years below the peak were filled (see {@link cappedPlanInputSchema}); null in cap mode. */
  readonly fill: "even" | "to-level" | null;
  readonly peak: Money;
  readonly explanation: string;
}

/**
 * Spreads replacements within each cohort's window — not before `purchase + minAge`, not after
 * `min(purchase + maxAge, deadline)` — either to keep each year's spend under a cap or to flatten
 * the yearly number of units (DistrictKit's lifecycle rules §12). Earliest-deadline-first: each year, first
 * every unit whose deadline is this year (forced, even over the cap — then reported as a
 * shortfall), then eligible units by earliest deadline, earlier purchase year, then cohort id, up
 * to the cap or level.
 *
 * Flatten mode replaces every unit that becomes eligible within the horizon, within the horizon
 * (a unit due after it is due by the last year). The level is the smallest peak that allows it:
 * `⌈Σ n / horizon⌉`, or more when deadlines crowd units into fewer years (exact: the largest
 * `⌈units whose window lies within years a…b / (b − a + 1)⌉`). The result's `level` is the largest
 * yearly number of units and the explanation states it with what sets it. Units that only become
 * eligible after the horizon are listed as unscheduled. Cap mode solves small problems exactly.
 * Never replaces later than a hard deadline, never silently exceeds the cap.
 *
 * @param input - see {@link cappedPlanInputSchema}
 * @returns the yearly plan with allocations, shortfalls and what did not fit
 * @throws DistrictKitError for invalid input (a cohort whose window is empty…)
 * @example
 * ```ts
 * const plan = planCappedRefresh({
 *   firstFiscalYear: 2027, horizonYears: 4, minAgeYears: 2, maxAgeYears: 6,
 *   cohorts: [
 *     { id: "A", count: 300, purchaseFiscalYear: 2023, unitPrice: "300" },
 *     { id: "B", count: 100, purchaseFiscalYear: 2025, unitPrice: "300" },
 *   ],
 * });
 * plan.level; // => 100
 * plan.years.map((y) => y.units); // => [100, 100, 100, 100]
 * plan.unscheduled; // => []
 * plan.explanation; // => "Flattened 400 replacements over FY2027–FY2030: at most 100 units a year, the lowest peak that replaces every unit by its deadline (⌈400 / 4⌉ = 100); 4 years at 100 units; peak spend $30,000.00."
 * ```
 * @category Refresh plan
 */
export function planCappedRefresh(input: unknown): CappedPlanResult {
  const d = parseInput(cappedPlanInputSchema, input);
  const first = d.firstFiscalYear;
  const last = first + d.horizonYears - 1;
  const flatten = d.cap === undefined;
  const issues: { path: (string | number)[]; message: string }[] = [];
  const jobs: Job[] = d.cohorts.map((c, i) => {
    const earliest = Math.max(first, c.purchaseFiscalYear + d.minAgeYears);
    let latest = c.purchaseFiscalYear + d.maxAgeYears;
    if (c.deadlineFiscalYear !== undefined) latest = Math.min(latest, c.deadlineFiscalYear);
    latest = Math.max(latest, first); // overdue: due in the first year
    if (earliest > latest) issues.push({ path: ["cohorts", i], message: `empty window: not before FY${earliest} (minimum age) but due by FY${latest}` });
    const due = flatten ? Math.min(latest, last) : latest;
    return { id: c.id, index: i, left: c.count, earliest: Math.min(earliest, latest), latest, due, purchase: c.purchaseFiscalYear, price: c.unitPrice, cents: c.unitPrice.toCents() };
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const capOf = (t: number): number => {
    const v = d.cap?.[String(t)];
    return v === undefined ? Infinity : v.toCents();
  };
  let level: Level | null = null;
  let method: CappedPlanResult["method"] = "earliest-deadline-first";
  let result: Fill;
  if (flatten) {
    // units that only become eligible after the horizon stay out of the plan
    const inHorizon = jobs.filter((j) => j.earliest <= last);
    level = flattenLevel(inHorizon, first, last);
    result = fillEarliestDeadlineFirst(inHorizon, first, last, { kind: d.fill === "even" ? "even" : "level", level: level.level });
    // the even fill defers units and so could crowd a later year above the level; filling to the
    // level never does (earliest deadline first meets every window whenever the level allows it)
    if (d.fill === "even" && result.plan.some((y) => unitsOf(y) > level!.level)) result = fillEarliestDeadlineFirst(inHorizon, first, last, { kind: "level", level: level.level });
    result.left.push(...jobs.filter((j) => j.earliest > last && j.left > 0));
  } else {
    result = fillEarliestDeadlineFirst(jobs, first, last, { kind: "cap", capOf });
    const exact = d.method === "auto" ? solveExactly(jobs, first, last, capOf) : null;
    if (exact) {
      result = exact;
      method = "exact";
    }
  }
  const years = result.plan.map((allocs, i) => {
    const t = first + i;
    const list = allocs.map((a) => ({ cohort: a.job.id, units: a.units, cost: a.job.price.multiply(a.units), forced: a.forced }));
    const cap = capOf(t);
    return { fiscalYear: t, units: unitsOf(allocs), cost: Money.sum(list.map((x) => x.cost)), cap: !flatten && cap !== Infinity ? Money.fromCents(cap) : null, allocations: list };
  });
  const shortfalls = result.shortfalls.map((s) => {
    const cap = Money.fromCents(capOf(s.t));
    const forced = Money.fromCents(s.forced);
    return { fiscalYear: s.t, cap, forced, over: forced.subtract(cap), cohorts: s.jobs.map((j) => j.id) };
  });
  const unscheduled = result.left.map((j) => ({
    cohort: j.id,
    units: j.left,
    reason: flatten
      ? `not eligible before FY${j.earliest} (minimum age), after the horizon`
      : j.latest > last
        ? `due by FY${j.latest}, after the horizon; no room under the cap before then`
        : "no room under the cap",
  }));
  const peak = Money.max(Money.ZERO, ...years.map((y) => y.cost));
  const leftUnits = unscheduled.reduce((a, u) => a + u.units, 0);
  if (level !== null) {
    const placed = years.reduce((a, y) => a + y.units, 0);
    return {
      mode: "flatten",
      method,
      years,
      shortfalls,
      unscheduled,
      level: level.level,
      levelSetBy: { fromFiscalYear: level.from, toFiscalYear: level.to, units: level.units },
      fill: d.fill,
      peak,
      explanation: flattenSentence(placed, first, last, level, years, peak, leftUnits, last),
    };
  }
  const explanation = `Refresh under the yearly cap, earliest deadline first: peak ${peak.format()}${shortfalls.length > 0 ? `; hard deadlines exceed the cap in ${shortfalls.map((s) => `FY${s.fiscalYear} by ${s.over.format()}`).join(", ")}` : "; every year within its cap"}${leftUnits > 0 ? `; ${leftUnits} units left for after the horizon` : ""}.`;
  return {
    mode: "cap",
    method,
    years,
    shortfalls,
    unscheduled,
    level: null,
    levelSetBy: null,
    fill: null,
    peak,
    explanation: method === "exact" ? `${explanation} Solved exactly (least spend over the caps, then fewest units left, then the smoothest spend).` : explanation,
  };
}

/** The flatten sentence: every figure in it is one of the result's numbers. */
function flattenSentence(placed: number, first: number, last: number, level: Level, years: readonly { fiscalYear: number; units: number }[], peak: Money, leftUnits: number, lastYear: number): string {
  const span = `FY${first}–FY${last}`;
  const left = leftUnits > 0 ? ` ${leftUnits} units not eligible before FY${lastYear + 1} (minimum age) are left for later.` : "";
  if (placed === 0) return `Nothing to replace over ${span}.${left}`;
  const L = level.level;
  const whole = level.from === first && level.to === last;
  const n = level.to - level.from + 1;
  const run = n === 1 ? `in FY${level.from}` : `within FY${level.from}–FY${level.to}`;
  const why = whole ? `⌈${level.units} / ${n}⌉ = ${L}` : `${level.units} units must be replaced ${run}: ⌈${level.units} / ${n}⌉ = ${L}`;
  const atLevel = years.filter((y) => y.units === L).length;
  return `Flattened ${placed} replacements over ${span}: at most ${L} units a year, the lowest peak that replaces every unit by its deadline (${why}); ${atLevel} year${atLevel === 1 ? "" : "s"} at ${L} units; peak spend ${peak.format()}.${left}`;
}
