import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { digamma, gammaFn, zForLevel } from "../internal/math.js";
import type { Interval } from "./kaplanMeier.js";

/**
 * The covariance of a Weibull fit's parameters: the inverse of the observed information (the
 * Hessian of −ln L at the maximum), rows and columns in the order (scale, shape), in the unit of
 * the times.
 *
 * @category Survival
 */
export interface WeibullCovariance {
  readonly order: readonly ["scale", "shape"];
  readonly matrix: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * A quantity derived from a Weibull fit, with its delta-method standard error and interval
 * (null when the information matrix is singular).
 *
 * @category Survival
 */
export interface WeibullEstimate {
  readonly estimate: number;
  readonly standardError: number | null;
  readonly interval: Interval | null;
}

/**
 * What the interval helpers need of a Weibull fit (a {@link WeibullFitResult} has it all).
 *
 * @example
 * ```ts
 * weibullFitSummarySchema.parse({ shape: 2, scale: 5, covariance: null, confidenceLevel: 0.9 }).confidenceLevel; // => 0.9
 * ```
 * @category Survival
 */
export const weibullFitSummarySchema = z.object({
  shape: z.number().positive().max(1e4),
  scale: z.number().positive().max(1e300),
  covariance: z
    .object({
      order: z.tuple([z.literal("scale"), z.literal("shape")]),
      matrix: z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]),
    })
    .nullable(),
  confidenceLevel: z.number().gt(0).lt(1),
});

interface Summary {
  readonly shape: number;
  readonly scale: number;
  readonly covariance: WeibullCovariance | null;
  readonly confidenceLevel: number;
}

/** Var(ln η), Cov(ln η, β), Var(β), or null without a usable covariance. */
function logScaleMoments(f: Summary): { vl: number; cl: number; vb: number } | null {
  if (f.covariance === null) return null;
  const [[vEta, cEB], [, vBeta]] = f.covariance.matrix;
  if (!(vEta >= 0 && vBeta >= 0 && Number.isFinite(vEta) && Number.isFinite(vBeta) && Number.isFinite(cEB))) return null;
  return { vl: vEta / (f.scale * f.scale), cl: cEB / f.scale, vb: vBeta };
}

/** Var(a·ln η + b·β) from the moments. */
function variance(m: { vl: number; cl: number; vb: number }, a: number, b: number): number {
  return Math.max(0, a * a * m.vl + 2 * a * b * m.cl + b * b * m.vb);
}

/** A positive quantity q = exp(ℓ) with ℓ linear in (ln η, β) to first order: interval exp(ℓ ± z·SE(ℓ)), SE(q) = q·SE(ℓ). */
function onLogScale(f: Summary, value: number, dLnEta: number, dBeta: number): WeibullEstimate {
  const m = logScaleMoments(f);
  if (m === null) return { estimate: value, standardError: null, interval: null };
  const se = Math.sqrt(variance(m, dLnEta, dBeta));
  const zq = zForLevel(f.confidenceLevel);
  return { estimate: value, standardError: value * se, interval: { lower: value * Math.exp(-zq * se), upper: value * Math.exp(zq * se) } };
}

export function quantileEstimate(f: Summary, p: number): WeibullEstimate {
  const lnK = Math.log(-Math.log1p(-p));
  const t = f.scale * Math.exp(lnK / f.shape);
  // ln t = ln η + ln k / β
  return onLogScale(f, t, 1, -lnK / (f.shape * f.shape));
}

export function meanEstimate(f: Summary): WeibullEstimate {
  const a = 1 + 1 / f.shape;
  // ln m = ln η + ln Γ(1 + 1/β)
  return onLogScale(f, f.scale * gammaFn(a), 1, -digamma(a) / (f.shape * f.shape));
}

/**
 * A quantile of a fitted Weibull (the B10 life at p = 0.1, the median at 0.5) with its
 * delta-method interval, taken on the log scale: `ln t_p = ln η + ln(−ln(1 − p))/β`, its variance
 * from the parameters' covariance, and `exp(ln t_p ± z·SE)` — the interval R's
 * `predict(survreg, type = "uquantile", se.fit = TRUE)` gives, exponentiated.
 *
 * @param fit - a {@link fitWeibull} result (or shape, scale, covariance and confidence level)
 * @param probability - the fraction failed, in (0, 1)
 * @returns the time by which that fraction has failed, its standard error and interval
 * @throws DistrictKitError for a malformed fit or a probability outside (0, 1)
 * @example
 * ```ts
 * const fit = fitWeibull({ failures: [58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35, 34, 25] });
 * const b10 = weibullFitQuantile(fit, 0.1);
 * [+b10.estimate.toFixed(3), +b10.interval!.lower.toFixed(3), +b10.interval!.upper.toFixed(3)]; // => [23.221, 17.154, 31.434]
 * ```
 * @category Survival
 */
export function weibullFitQuantile(fit: unknown, probability: number): WeibullEstimate {
  const f = parseInput(weibullFitSummarySchema, fit, ["fit"]);
  const p = parseInput(z.number().gt(0).lt(1), probability, ["probability"]);
  return finiteEstimate(quantileEstimate(f, p), `the ${p} quantile`, f);
}

/** An estimate whose figures are all numbers, or an error naming the fit: an extreme shape or scale (or covariance) can put a quantile, or its interval, beyond any number. */
function finiteEstimate(e: WeibullEstimate, what: string, f: Summary): WeibullEstimate {
  const figures = [e.estimate, e.standardError, e.interval?.lower, e.interval?.upper].filter((x): x is number => typeof x === "number");
  if (figures.every((x) => Number.isFinite(x))) return e;
  throw DistrictKitError.argument(
    ["fit"],
    `${what} of a Weibull fit with shape ${f.shape} and scale ${f.scale}${f.covariance !== null ? " and its covariance" : ""} is beyond any number (or its interval is): expected a fit whose figures are of a usable size`,
  );
}

/**
 * S(t) of a fitted Weibull with its delta-method interval, taken on the log cumulative hazard
 * `u = ln(−ln S) = β·(ln t − ln η)` (so the interval stays inside [0, 1]):
 * `[exp(−e^{u + z·SE}), exp(−e^{u − z·SE})]`. At t = 0, S = 1 exactly.
 *
 * @param fit - a {@link fitWeibull} result (or shape, scale, covariance and confidence level)
 * @param time - t ≥ 0, in the unit of the fit
 * @returns S(t), its standard error and interval
 * @throws DistrictKitError for a malformed fit or a negative time
 * @example
 * ```ts
 * const fit = fitWeibull({ failures: [58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35, 34, 25] });
 * const s = weibullFitSurvival(fit, 41);
 * [+s.estimate.toFixed(4), +s.interval!.lower.toFixed(4), +s.interval!.upper.toFixed(4)]; // => [0.5958, 0.436, 0.7239]
 * ```
 * @category Survival
 */
export function weibullFitSurvival(fit: unknown, time: number): WeibullEstimate {
  const f = parseInput(weibullFitSummarySchema, fit, ["fit"]);
  const t = parseInput(z.number().nonnegative().max(1e300), time, ["time"]);
  if (t === 0) return { estimate: 1, standardError: 0, interval: { lower: 1, upper: 1 } };
  const ln = Math.log(t / f.scale);
  const u = f.shape * ln;
  const s = Math.exp(-Math.exp(u));
  const m = logScaleMoments(f);
  if (m === null) return { estimate: s, standardError: null, interval: null };
  const se = Math.sqrt(variance(m, -f.shape, ln));
  // a fit whose covariance does not go with its scale (a scale of 1e-300 beside a standard error of 3.6)
  // has no finite variance here: no interval, as when the fit has no covariance
  if (!Number.isFinite(se)) return { estimate: s, standardError: null, interval: null };
  const zq = zForLevel(f.confidenceLevel);
  // s·e^u written as exp(u − e^u): the same number, and 0 (not 0 · Infinity) when S(t) underflows
  return { estimate: s, standardError: Math.exp(u - Math.exp(u)) * se, interval: { lower: Math.exp(-Math.exp(u + zq * se)), upper: Math.exp(-Math.exp(u - zq * se)) } };
}
