import { DistrictKitError, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

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
  /** Units whose window ends after the horizon and that did not fit. */
  readonly unscheduled: readonly { readonly cohort: string; readonly units: number; readonly reason: string }[];
  /** In flatten mode: the smallest yearly level of units that meets every deadline (exact). */
  readonly level: number | null;
  readonly peak: Money;
  readonly explanation: string;
}

interface Job {
  id: string;
  index: number;
  left: number;
  earliest: number;
  latest: number;
  purchase: number;
  price: Money;
  cents: number;
}

/**
 * Spreads replacements within each cohort's window — not before `purchase + minAge`, not after
 * `min(purchase + maxAge, deadline)` — either to keep each year's spend under a cap or to flatten
 * the yearly number of units. Earliest-deadline-first: each year, first every unit whose
 * deadline is this year (forced, even over the cap — then reported as a shortfall), then eligible
 * units by earliest deadline, earlier purchase year, then cohort id, up to the cap or level. In
 * flatten mode the level is the smallest one for which EDF meets every deadline (EDF is optimal for
 * unit jobs with windows, so the level is exact), and each year takes the least even rate that still
 * meets every deadline ahead (never above the level). Never replaces later than a hard deadline,
 * never silently exceeds the cap.
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
 * plan.years.map((y) => y.units); // => [100, 100, 100, 50]
 * plan.unscheduled; // => [{ "cohort": "B", "units": 50, "reason": "due by FY2031, after the horizon; left for later years at an even rate" }]
 * ```
 * @category Refresh plan
 */
export function planCappedRefresh(input: unknown): CappedPlanResult {
  const d = parseInput(cappedPlanInputSchema, input);
  const first = d.firstFiscalYear;
  const last = first + d.horizonYears - 1;
  const issues: { path: (string | number)[]; message: string }[] = [];
  const jobs: Job[] = d.cohorts.map((c, i) => {
    const earliest = Math.max(first, c.purchaseFiscalYear + d.minAgeYears);
    let latest = c.purchaseFiscalYear + d.maxAgeYears;
    if (c.deadlineFiscalYear !== undefined) latest = Math.min(latest, c.deadlineFiscalYear);
    latest = Math.max(latest, first); // overdue: due in the first year
    if (earliest > latest) issues.push({ path: ["cohorts", i], message: `empty window: not before FY${earliest} (minimum age) but due by FY${latest}` });
    return { id: c.id, index: i, left: c.count, earliest: Math.min(earliest, latest), latest, purchase: c.purchaseFiscalYear, price: c.unitPrice, cents: c.unitPrice.toCents() };
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const order = (a: Job, b: Job): number => a.latest - b.latest || a.purchase - b.purchase || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index);
  const capOf = (t: number): number => {
    const v = d.cap?.[String(t)];
    return v === undefined ? Infinity : v.toCents();
  };
  type Alloc = { job: Job; units: number; forced: boolean };
  const run = (level: number | null, smooth = false): { plan: Alloc[][]; left: Job[]; shortfalls: { t: number; forced: number; jobs: Job[] }[] } => {
    const js = jobs.map((j) => ({ ...j })).sort(order);
    const plan: Alloc[][] = [];
    const shortfalls: { t: number; forced: number; jobs: Job[] }[] = [];
    for (let t = first; t <= last; t++) {
      const year: Alloc[] = [];
      let units = 0;
      let spent = 0;
      const cap = level === null ? capOf(t) : Infinity;
      const forcedJobs: Job[] = [];
      for (const j of js) {
        if (j.left > 0 && j.latest <= t) {
          year.push({ job: j, units: j.left, forced: true });
          units += j.left;
          spent += j.left * j.cents;
          forcedJobs.push(j);
          j.left = 0;
        }
      }
      if (spent > cap) shortfalls.push({ t, forced: spent, jobs: forcedJobs });
      // smooth: the least even rate that still meets every deadline ahead, never above the level
      let target = level;
      if (level !== null && smooth) {
        let rate = units;
        let dueBy = units;
        const ahead = js.filter((j) => j.left > 0).sort((a, b) => a.latest - b.latest);
        for (let i = 0; i < ahead.length; i++) {
          dueBy += ahead[i]!.left;
          const L = ahead[i]!.latest;
          if (i + 1 < ahead.length && ahead[i + 1]!.latest === L) continue;
          rate = Math.max(rate, Math.ceil(dueBy / (L - t + 1)));
        }
        target = Math.min(level, rate);
      }
      for (const j of js) {
        if (j.left <= 0 || j.earliest > t) continue;
        let k = j.left;
        if (target !== null) k = Math.min(k, Math.max(0, target - units));
        else if (cap !== Infinity) k = j.cents > 0 ? Math.min(k, Math.max(0, Math.floor((cap - spent) / j.cents))) : k;
        if (k <= 0) continue;
        year.push({ job: j, units: k, forced: false });
        units += k;
        spent += k * j.cents;
        j.left -= k;
      }
      plan.push(year);
    }
    return { plan, left: js.filter((j) => j.left > 0), shortfalls };
  };
  const total = jobs.reduce((a, j) => a + j.left, 0);
  let level: number | null = null;
  let method: CappedPlanResult["method"] = "earliest-deadline-first";
  let result: ReturnType<typeof run>;
  if (d.cap === undefined) {
    // smallest level for which no forced year exceeds it (binary search; feasibility is monotone)
    const exceeds = (r: ReturnType<typeof run>, L: number): boolean => r.plan.some((y) => y.reduce((a, x) => a + x.units, 0) > L);
    let lo = Math.ceil(total / d.horizonYears);
    let hi = Math.max(lo, total);
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (exceeds(run(mid), mid)) lo = mid + 1;
      else hi = mid;
    }
    level = lo;
    const smooth = run(level, true);
    result = exceeds(smooth, level) ? run(level) : smooth;
  } else {
    result = run(null);
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
    return { fiscalYear: t, units: list.reduce((a, x) => a + x.units, 0), cost: Money.sum(list.map((x) => x.cost)), cap: level === null && cap !== Infinity ? Money.fromCents(cap) : null, allocations: list };
  });
  const shortfalls = result.shortfalls.map((s) => {
    const cap = Money.fromCents(capOf(s.t));
    const forced = Money.fromCents(s.forced);
    return { fiscalYear: s.t, cap, forced, over: forced.subtract(cap), cohorts: s.jobs.map((j) => j.id) };
  });
  const unscheduled = result.left.map((j) => ({ cohort: j.id, units: j.left, reason: j.latest > last ? `due by FY${j.latest}, after the horizon${level === null ? "; no room under the cap before then" : "; left for later years at an even rate"}` : "no room under the cap" }));
  const peak = Money.max(Money.ZERO, ...years.map((y) => y.cost));
  const mode = d.cap === undefined ? "flatten" : "cap";
  const explanation =
    mode === "flatten"
      ? `Flattened ${total} replacements over FY${first}–FY${last}: at most ${level} units a year meets every deadline (earliest deadline first); peak spend ${peak.format()}.`
      : `Refresh under the yearly cap, earliest deadline first: peak ${peak.format()}${shortfalls.length > 0 ? `; hard deadlines exceed the cap in ${shortfalls.map((s) => `FY${s.fiscalYear} by ${s.over.format()}`).join(", ")}` : "; every year within its cap"}${unscheduled.length > 0 ? `; ${unscheduled.reduce((a, u) => a + u.units, 0)} units left for after the horizon` : ""}.`;
  return { mode, method, years, shortfalls, unscheduled, level, peak, explanation: method === "exact" ? `${explanation} Solved exactly (least spend over the caps, then fewest units left, then the smoothest spend).` : explanation };
}

/** Largest product of (units + 1) over cohorts for which the cap problem is searched exhaustively. */
const EXACT_STATES = 400;

/**
 * Exact cap-mode plan for small problems by dynamic programming over the years (state: units
 * left per cohort). Lexicographic objective: least spend above the caps, then fewest units left
 * after the horizon, then the smallest Σ spend² (the smoothest plan). Null when too large.
 */
function solveExactly(
  jobs: readonly Job[],
  first: number,
  last: number,
  capOf: (t: number) => number,
): { plan: { job: Job; units: number; forced: boolean }[][]; left: Job[]; shortfalls: { t: number; forced: number; jobs: Job[] }[] } | null {
  const live = jobs.filter((j) => j.left > 0);
  let states = 1;
  for (const j of live) {
    states *= j.left + 1;
    if (states > EXACT_STATES || last - first > 12 || live.length > 10) return null;
  }
  type Cost = [number, number, number];
  const better = (a: Cost, b: Cost): boolean => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  const memo = new Map<string, { cost: Cost; take: number[] | null }>();
  const solve = (t: number, left: number[]): Cost => {
    if (t > last) return [0, left.reduce((a, x) => a + x, 0), 0];
    const key = `${t}|${left.join(",")}`;
    const hit = memo.get(key);
    if (hit) return hit.cost;
    const cap = capOf(t);
    let best: Cost | null = null;
    let bestTake: number[] | null = null;
    const take = new Array<number>(live.length).fill(0);
    const lows = live.map((j, i) => (j.latest <= t ? left[i]! : 0));
    const highs = live.map((j, i) => (j.earliest <= t ? left[i]! : j.latest <= t ? left[i]! : 0));
    const rec = (i: number, spend: number): void => {
      if (i === live.length) {
        const rest = left.map((x, k) => x - take[k]!);
        const tail = solve(t + 1, rest);
        const over = cap === Infinity ? 0 : Math.max(0, spend - cap);
        const cost: Cost = [over + tail[0], tail[1], spend * spend + tail[2]];
        if (best === null || better(cost, best)) {
          best = cost;
          bestTake = [...take];
        }
        return;
      }
      for (let x = lows[i]!; x <= highs[i]!; x++) {
        take[i] = x;
        rec(i + 1, spend + x * live[i]!.cents);
      }
      take[i] = 0;
    };
    rec(0, 0);
    memo.set(key, { cost: best!, take: bestTake });
    return best!;
  };
  const start = live.map((j) => j.left);
  solve(first, start);
  const plan: { job: Job; units: number; forced: boolean }[][] = [];
  const shortfalls: { t: number; forced: number; jobs: Job[] }[] = [];
  let left = start;
  for (let t = first; t <= last; t++) {
    const take = memo.get(`${t}|${left.join(",")}`)!.take!;
    const year: { job: Job; units: number; forced: boolean }[] = [];
    let spend = 0;
    const forcedJobs: Job[] = [];
    live.forEach((j, i) => {
      if (take[i]! <= 0) return;
      const forced = j.latest <= t;
      year.push({ job: j, units: take[i]!, forced });
      spend += take[i]! * j.cents;
      if (forced) forcedJobs.push(j);
    });
    // any year above its cap is reported (the least total overspend the deadlines allow)
    if (spend > capOf(t)) shortfalls.push({ t, forced: spend, jobs: forcedJobs.length > 0 ? forcedJobs : year.map((a) => a.job) });
    plan.push(year);
    left = left.map((x, i) => x - take[i]!);
  }
  const rest = live.map((j, i) => ({ ...j, left: left[i]! })).filter((j) => j.left > 0);
  return { plan, left: rest, shortfalls };
}
