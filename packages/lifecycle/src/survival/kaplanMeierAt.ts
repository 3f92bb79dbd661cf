import { parseInput } from "@districtkit/core";
import { z } from "zod";
import type { Interval, KaplanMeierResult } from "./kaplanMeier.js";

/**
 * Options of {@link kaplanMeierAt}: which interval to return as `interval`, named as R's
 * `conf.type` names them (`plain`, `log`, `log-log`; `linear` is accepted for `plain`). Default
 * `log`, R survfit's default.
 *
 * @example
 * ```ts
 * kaplanMeierAtOptionsSchema.parse({}).confType; // => "log"
 * kaplanMeierAtOptionsSchema.parse({ confType: "linear" }).confType; // => "plain"
 * ```
 * @category Survival
 */
export const kaplanMeierAtOptionsSchema = z.object({
  confType: z
    .enum(["plain", "linear", "log", "log-log"])
    .default("log")
    .transform((t) => (t === "linear" ? "plain" : t)),
});

/**
 * A Kaplan–Meier curve read at one time.
 *
 * @category Survival
 */
export interface KaplanMeierPoint {
  readonly time: number;
  /** S(t): the curve's value at the last failure time ≤ t (1 before the first). */
  readonly survival: number;
  /** Standard error of S(t) (Greenwood), R's `std.err` of `summary(survfit)`. */
  readonly standardError: number;
  /** The interval of the chosen `confType`. */
  readonly interval: Interval;
  readonly confType: "plain" | "log" | "log-log";
  /** All three intervals. */
  readonly plain: Interval;
  readonly log: Interval;
  readonly logLog: Interval;
  /** Subjects at risk at t: entered before t (or from the start) and not yet failed or censored before t (entry < t ≤ exit). */
  readonly atRisk: number;
  /**
   * Subjects at risk at the first failure or censoring at or after t (0 past the last) — what R's
   * `summary(survfit(…), times = t)$n.risk` reports. It differs from `atRisk` only when subjects
   * enter late between t and that time.
   */
  readonly atRiskNextObserved: number;
  /** The last failure time ≤ t whose step S(t) comes from, or null before the first failure. */
  readonly stepTime: number | null;
}

const curveSchema = z.object({
  steps: z.array(
    z.object({
      time: z.number(),
      survival: z.number().min(0).max(1),
      standardError: z.number().min(0),
      plain: z.object({ lower: z.number(), upper: z.number() }).optional(),
      linear: z.object({ lower: z.number(), upper: z.number() }),
      log: z.object({ lower: z.number(), upper: z.number() }),
      logLog: z.object({ lower: z.number(), upper: z.number() }),
    }),
  ),
  riskTable: z
    .object({ time: z.array(z.number()), atRisk: z.array(z.number().int().min(0)), events: z.array(z.number().int().min(0)), censored: z.array(z.number().int().min(0)) })
    .refine((r) => r.atRisk.length === r.time.length && r.events.length === r.time.length && r.censored.length === r.time.length, "expected riskTable columns of one length"),
});

/** First index k with xs[k] ≥ t (xs ascending), or xs.length. */
function firstAtOrAfter(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads a Kaplan–Meier curve at any time t, as R's `summary(survfit(…), times = t)` does: S(t)
 * and its standard error and intervals are those of the last failure time ≤ t (S = 1, SE 0 and
 * the point [1, 1] before the first failure); the number at risk at t is counted exactly
 * (entry < t ≤ exit), and R's own figure — at risk at the next observed time — is given beside it.
 *
 * @param curve - a result of {@link kaplanMeier}
 * @param time - the time t
 * @param options - see {@link kaplanMeierAtOptionsSchema}
 * @returns S(t), its standard error, the chosen interval and all three, and the numbers at risk
 * @throws DistrictKitError for a malformed curve, a time that is not a finite number, or an unknown interval type
 * @example
 * ```ts
 * const km = kaplanMeier({ failures: [2, 3, 3, 5], censored: [4] });
 * const p = kaplanMeierAt(km, 3.5, { confType: "plain" });
 * [p.survival, p.atRisk, p.stepTime]; // => [0.4, 2, 3]
 * [+p.interval.lower.toFixed(4), +p.interval.upper.toFixed(4)]; // => [0, 0.8294]
 * kaplanMeierAt(km, 1).interval; // => { "lower": 1, "upper": 1 }
 * ```
 * @category Survival
 */
export function kaplanMeierAt(curve: Pick<KaplanMeierResult, "steps" | "riskTable">, time: number, options: unknown = {}): KaplanMeierPoint {
  const c = parseInput(curveSchema, curve, ["curve"]);
  const t = parseInput(z.number().min(-1e300).max(1e300), time, ["time"]);
  const { confType } = parseInput(kaplanMeierAtOptionsSchema, options, ["options"]);
  // the last step at or before t
  let lo = 0;
  let hi = c.steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.steps[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  const step = lo === 0 ? null : c.steps[lo - 1]!;
  const one = { lower: 1, upper: 1 };
  const plain = step ? (step.plain ?? step.linear) : one;
  const log = step ? step.log : one;
  const logLog = step ? step.logLog : one;
  const r = c.riskTable;
  const k = firstAtOrAfter(r.time, t);
  let next = k;
  while (next < r.time.length && r.events[next]! + r.censored[next]! === 0) next++;
  return {
    time: t,
    survival: step ? step.survival : 1,
    standardError: step ? step.standardError : 0,
    interval: confType === "plain" ? plain : confType === "log" ? log : logLog,
    confType,
    plain,
    log,
    logLog,
    atRisk: k < r.time.length ? r.atRisk[k]! : 0,
    atRiskNextObserved: next < r.time.length ? r.atRisk[next]! : 0,
    stepTime: step ? step.time : null,
  };
}
