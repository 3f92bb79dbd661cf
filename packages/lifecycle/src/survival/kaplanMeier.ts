import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { zForLevel } from "../internal/math.js";
import { type Columns, checkColumns, survivalDataShape, toColumns } from "./columns.js";

/**
 * Input of {@link kaplanMeier}: observations (time, failed, optional entry age), the shorthand
 * `failures` and `censored` time lists, or columns (`times`, `failed`, `entries`) — any mix; and
 * the confidence level.
 *
 * @example
 * ```ts
 * kaplanMeierInputSchema.parse({ failures: [1, 2], censored: [3] }).confidenceLevel; // => 0.95
 * ```
 * @category Survival
 */
export const kaplanMeierInputSchema = z.object({ ...survivalDataShape, confidenceLevel: z.number().gt(0).lt(1).default(0.95) }).check(checkColumns);
/** Input of {@link kaplanMeier} as written by a caller. @category Survival */
export type KaplanMeierInput = z.input<typeof kaplanMeierInputSchema>;

/** A confidence interval. @category Survival */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * One step of a Kaplan–Meier curve, at a time with at least one failure.
 *
 * @category Survival
 */
export interface KaplanMeierStep {
  readonly time: number;
  /** Subjects at risk just before `time` (entered before it, not yet failed or censored). */
  readonly atRisk: number;
  /** Failures at `time`. */
  readonly events: number;
  /** Subjects censored at exactly `time` (they were at risk for these failures). */
  readonly censored: number;
  /** S(time). */
  readonly survival: number;
  /** Greenwood's Σ d/(n(n − d)) up to `time` (σ²); `null` once S = 0. */
  readonly greenwoodSum: number | null;
  /** Standard error of S: S·σ. */
  readonly standardError: number;
  /** R's `plain` interval: S ± z·S·σ, clipped to [0, 1]. */
  readonly plain: Interval;
  /** The `plain` interval under its older name (the same object). */
  readonly linear: Interval;
  /** Log interval S·exp(±z·σ), upper clipped at 1 (R survfit's default). */
  readonly log: Interval;
  /** Log-log interval (R "log-log", lifelines "exponential Greenwood"). */
  readonly logLog: Interval;
}

/**
 * A Kaplan–Meier estimate.
 *
 * @category Survival
 */
export interface KaplanMeierResult {
  readonly steps: readonly KaplanMeierStep[];
  readonly subjects: number;
  readonly failures: number;
  readonly censored: number;
  /** Subjects that entered late at exactly their own exit time: never at risk, left out of the curve (and of `riskTable`). */
  readonly notAtRisk: number;
  readonly confidenceLevel: number;
  /** z used for the intervals. */
  readonly z: number;
  /** The last observed time (S is held at its last value after it when that is censored). */
  readonly lastTime: number;
  /**
   * Every distinct time at which a subject enters late or leaves (fails or is censored), ascending,
   * with what happens there: `atRisk[k]` subjects at risk at `time[k]` (entry < t ≤ exit), which
   * is also the number at risk at every t in (`time[k − 1]`, `time[k]`] (and at every t up to
   * `time[0]` for k = 0; none after the last); `events`, `censored` and `entered` at `time[k]`.
   * R's survfit table (time, n.risk, n.event, n.censor) is its rows with an exit. Read it at any t
   * with {@link kaplanMeierAt}.
   */
  readonly riskTable: {
    readonly time: readonly number[];
    readonly atRisk: readonly number[];
    readonly events: readonly number[];
    readonly censored: readonly number[];
    readonly entered: readonly number[];
  };
  readonly explanation: string;
}

function interval(s: number, sum: number | null, z: number): Pick<KaplanMeierStep, "standardError" | "plain" | "linear" | "log" | "logLog"> {
  if (sum === null || s === 0) {
    const zero = { lower: 0, upper: 0 };
    return { standardError: 0, plain: zero, linear: zero, log: { lower: 0, upper: 0 }, logLog: { lower: 0, upper: 0 } };
  }
  const sigma = Math.sqrt(sum);
  const se = s * sigma;
  const plain = { lower: Math.max(0, s - z * se), upper: Math.min(1, s + z * se) };
  if (s === 1) return { standardError: se, plain, linear: plain, log: { lower: 1, upper: 1 }, logLog: { lower: 1, upper: 1 } };
  const log = { lower: s * Math.exp(-z * sigma), upper: Math.min(1, s * Math.exp(z * sigma)) };
  const ln = Math.log(s);
  const w = z * (sigma / Math.abs(ln));
  const logLog = { lower: s ** Math.exp(w), upper: s ** Math.exp(-w) };
  return { standardError: se, plain, linear: plain, log, logLog };
}

/**
 * The Kaplan–Meier survival curve with Greenwood's variance and the three confidence intervals
 * of R's `survfit` under R's names (`plain` — also `linear` —, `log`, `log-log`), and the risk
 * table (at risk, events, censored, entered at every distinct time). Conventions (they decide
 * agreement with R `survival` and lifelines): a subject censored at t is at risk for a failure at t; with late entry a subject
 * is at risk at t iff `entry < t ≤ time` (an entry of 0 means observed from the start, at risk at
 * t = 0 too, as in R; a subject entering at exactly its own time is never at risk and is left out,
 * counted in `notAtRisk`); if the last observation is censored S stays at its last
 * value; when everyone at risk fails S = 0 and the interval is [0, 0]; at S = 1 the log and
 * log-log intervals are the point. Read S(t), its interval and the number at risk at any t with
 * {@link kaplanMeierAt}.
 *
 * @param input - see {@link kaplanMeierInputSchema}
 * @returns the steps at failure times, with counts and intervals
 * @throws DistrictKitError for negative times, an entry after its time, or no observations
 * @example
 * ```ts
 * const km = kaplanMeier({ failures: [2, 3, 3, 5], censored: [4] });
 * km.steps.map((s) => [s.time, s.atRisk, s.events, +s.survival.toFixed(4)]); // => [[2, 5, 1, 0.8], [3, 4, 2, 0.4], [5, 1, 1, 0]]
 * ```
 * @category Survival
 */
export function kaplanMeier(input: unknown): KaplanMeierResult {
  const data = parseInput(kaplanMeierInputSchema, input);
  return kaplanMeierOf(toColumns(data), data.confidenceLevel);
}

/** Kaplan–Meier on validated observations (internal entry used by other engines). */
export function kaplanMeierOf(cols: Columns, confidenceLevel: number): KaplanMeierResult {
  const z = zForLevel(confidenceLevel);
  const n = cols.time.length;
  // An entry of 0 is observation from the start: at risk at every t up to its time, t = 0 too (as
  // R counts a failure at time 0). A subject entering late at exactly its own time was never at
  // risk (entry < t ≤ time is empty): it is left out of the curve and counted apart.
  const observed = (i: number): boolean => !(cols.entry[i]! > 0 && cols.entry[i]! >= cols.time[i]!);
  let m = 0;
  for (let i = 0; i < n; i++) if (observed(i)) m++;
  const times = new Float64Array(m);
  const entries = new Float64Array(m);
  const failuresAt = new Map<number, number>();
  const censoredAt = new Map<number, number>();
  let failures = 0;
  for (let i = 0, k = 0; i < n; i++) {
    const t = cols.time[i]!;
    if (cols.failed[i]) failures++;
    if (!observed(i)) continue;
    times[k] = t;
    entries[k++] = cols.entry[i]! > 0 ? cols.entry[i]! : -Infinity;
    if (cols.failed[i]) failuresAt.set(t, (failuresAt.get(t) ?? 0) + 1);
    else censoredAt.set(t, (censoredAt.get(t) ?? 0) + 1);
  }
  times.sort();
  entries.sort();
  const eventTimes = [...failuresAt.keys()].sort((a, b) => a - b);
  const steps: KaplanMeierStep[] = [];
  let s = 1;
  let sum: number | null = 0;
  let ie = 0; // entries < t
  let it = 0; // exits (times) < t
  for (const t of eventTimes) {
    while (ie < m && entries[ie]! < t) ie++;
    while (it < m && times[it]! < t) it++;
    const atRisk = ie - it; // ≥ the failures at t: each failing subject is at risk at its time
    const d = failuresAt.get(t)!;
    s = s * (1 - d / atRisk);
    if (sum !== null) sum = atRisk === d ? null : sum + d / (atRisk * (atRisk - d));
    if (s === 0) sum = null;
    steps.push({ time: t, atRisk, events: d, censored: censoredAt.get(t) ?? 0, survival: s, greenwoodSum: sum, ...interval(s, sum, z) });
  }
  let last = 0;
  for (let i = 0; i < n; i++) if (cols.time[i]! > last) last = cols.time[i]!;
  const censored = n - failures;
  const riskTable = riskTableOf(times, entries, failuresAt);
  const final = steps.length > 0 ? steps[steps.length - 1]!.survival : 1;
  const notAtRisk = n - m;
  return {
    steps,
    subjects: n,
    failures,
    censored,
    notAtRisk,
    confidenceLevel,
    z,
    lastTime: last,
    riskTable,
    explanation:
      `Kaplan–Meier on ${n} subjects (${failures} failures, ${censored} censored): S falls at ${steps.length} failure times to ${final.toFixed(4)}; intervals at ${Math.round(confidenceLevel * 1000) / 10} % from Greenwood's variance.` +
      (notAtRisk > 0
        ? ` ${notAtRisk} subject${notAtRisk === 1 ? "" : "s"} entered at ${notAtRisk === 1 ? "its" : "their"} own exit time, never at risk, and ${notAtRisk === 1 ? "is" : "are"} left out of the curve.`
        : ""),
  };
}

/** Every distinct late-entry or exit time with the numbers at risk, failing, censored and entering there (entries of −∞: from the start). */
function riskTableOf(times: Float64Array, entries: Float64Array, failuresAt: ReadonlyMap<number, number>): KaplanMeierResult["riskTable"] {
  const m = times.length;
  const out = { time: [] as number[], atRisk: [] as number[], events: [] as number[], censored: [] as number[], entered: [] as number[] };
  let ie = 0; // entries < t
  while (ie < m && entries[ie] === -Infinity) ie++;
  let it = 0; // exits < t
  while (ie < m || it < m) {
    const t = it >= m || (ie < m && entries[ie]! < times[it]!) ? entries[ie]! : times[it]!;
    const atRisk = ie - it; // entries < t minus exits < t: nothing happens strictly between two table times
    let entered = 0;
    while (ie < m && entries[ie]! === t) {
      ie++;
      entered++;
    }
    let exits = 0;
    while (it < m && times[it]! === t) {
      it++;
      exits++;
    }
    const events = failuresAt.get(t) ?? 0;
    out.time.push(t);
    out.atRisk.push(atRisk);
    out.events.push(events);
    out.censored.push(exits - events);
    out.entered.push(entered);
  }
  return out;
}

/**
 * Reads S(t) off a Kaplan–Meier result (a right-continuous step function; S = 1 before the
 * first failure; held after the last step).
 *
 * @param curve - a result of {@link kaplanMeier}
 * @param time - the time
 * @returns S(time)
 * @throws DistrictKitError for a malformed curve or time
 * @example
 * ```ts
 * const km = kaplanMeier({ failures: [2, 3, 3, 5], censored: [4] });
 * survivalAt(km, 1); // => 1
 * survivalAt(km, 3.5); // => 0.4
 * ```
 * @category Survival
 */
export function survivalAt(curve: Pick<KaplanMeierResult, "steps">, time: number): number {
  parseInput(z.object({ steps: z.array(z.object({ time: z.number(), survival: z.number().min(0).max(1) })) }), curve, ["curve"]);
  parseInput(z.number().min(-1e300).max(1e300), time, ["time"]);
  let lo = 0;
  let hi = curve.steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve.steps[mid]!.time <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : curve.steps[lo - 1]!.survival;
}
