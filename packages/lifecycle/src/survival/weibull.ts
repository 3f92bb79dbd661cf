import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { gammaFn, zForLevel } from "../internal/math.js";
import { type Columns, checkColumns, survivalDataShape, toColumns } from "./columns.js";
import type { Interval } from "./kaplanMeier.js";
import { meanEstimate, quantileEstimate, type WeibullCovariance, type WeibullEstimate } from "./weibullIntervals.js";

/**
 * Input of {@link fitWeibull}: observations (time, failed, optional entry age for late entry),
 * the shorthand `failures` and `censored` lists, or columns (`times`, `failed`, `entries`; the
 * fast form for large data) — any mix; and the confidence level of the intervals.
 *
 * @example
 * ```ts
 * weibullFitInputSchema.parse({ failures: [1, 2, 3] }).confidenceLevel; // => 0.95
 * ```
 * @category Survival
 */
export const weibullFitInputSchema = z.object({ ...survivalDataShape, confidenceLevel: z.number().gt(0).lt(1).default(0.95) }).check(checkColumns);
/** Input of {@link fitWeibull} as written by a caller. @category Survival */
export type WeibullFitInput = z.input<typeof weibullFitInputSchema>;

/**
 * A Weibull maximum-likelihood fit: `S(t) = exp(−(t/scale)^shape)`.
 *
 * @category Survival
 */
export interface WeibullFitResult {
  /** β (shape). Above 1: wear-out. */
  readonly shape: number;
  /** η (scale), in the unit of the times. */
  readonly scale: number;
  readonly standardErrors: { readonly shape: number; readonly scale: number };
  /** `θ·exp(±z·SE/θ)` for each parameter (the reliability package's intervals). */
  readonly intervals: { readonly shape: Interval; readonly scale: Interval };
  /**
   * The parameters' covariance, (scale, shape): the inverse observed information at the maximum,
   * with censoring and late entry; null when the information matrix is singular.
   */
  readonly covariance: WeibullCovariance | null;
  /**
   * Life statistics with delta-method intervals on the log scale: the B10 life (10 % failed), the
   * median and the mean `η·Γ(1 + 1/β)`. S(t) and any quantile: {@link weibullFitSurvival},
   * {@link weibullFitQuantile}.
   */
  readonly life: { readonly b10: WeibullEstimate; readonly median: WeibullEstimate; readonly mean: WeibullEstimate };
  readonly logLikelihood: number;
  /** `2k − 2 ln L + 2k(k+1)/(n−k−1)`, k = 2 (null when n ≤ 3). */
  readonly aicc: number | null;
  /** `k ln n − 2 ln L`. */
  readonly bic: number;
  readonly subjects: number;
  readonly failures: number;
  readonly lateEntries: number;
  readonly iterations: number;
  readonly confidenceLevel: number;
  readonly explanation: string;
}

interface Prepared {
  /** ln of scaled times of every subject with time > 0 */
  lnT: Float64Array;
  /** ln of scaled entry ages > 0 */
  lnE: Float64Array;
  sumLnF: number;
  r: number;
  c: number;
}

function prepare(cols: Columns): Prepared {
  const n = cols.time.length;
  let c = 0;
  let nT = 0;
  let nE = 0;
  for (let i = 0; i < n; i++) {
    const t = cols.time[i]!;
    if (t > c) c = t;
    if (t > 0) nT++;
    if (cols.entry[i]! > 0) nE++;
  }
  const lnT = new Float64Array(nT);
  const lnE = new Float64Array(nE);
  const lnC = Math.log(c);
  let sumLnF = 0;
  let r = 0;
  let kT = 0;
  let kE = 0;
  for (let i = 0; i < n; i++) {
    const t = cols.time[i]!;
    if (t > 0) {
      const l = Math.log(t) - lnC;
      lnT[kT++] = l;
      if (cols.failed[i]) {
        sumLnF += l;
        r++;
      }
    }
    const e = cols.entry[i]!;
    if (e > 0) lnE[kE++] = Math.log(e) - lnC;
  }
  return { lnT, lnE, sumLnF, r, c };
}

/** A(β), A'(β), A''(β) on scaled data. */
function moments(p: Prepared, beta: number): [number, number, number] {
  // one loop per function, each called with one sign (V8 optimizes each once; one function taking
  // a ±1 sign measured about 10 % slower on L3); the sums take their terms in the same order
  const acc = new Float64Array(3);
  addPowers(p.lnT, beta, acc);
  subtractPowers(p.lnE, beta, acc);
  return [acc[0]!, acc[1]!, acc[2]!];
}

/** acc += Σ (e^{βl}, l e^{βl}, l² e^{βl}) over ls, in order. */
function addPowers(ls: Float64Array, beta: number, acc: Float64Array): void {
  let a = acc[0]!;
  let a1 = acc[1]!;
  let a2 = acc[2]!;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const w = Math.exp(beta * l);
    a += w;
    a1 += w * l;
    a2 += w * l * l;
  }
  acc[0] = a;
  acc[1] = a1;
  acc[2] = a2;
}

/** acc −= Σ (e^{βl}, l e^{βl}, l² e^{βl}) over ls, in order. */
function subtractPowers(ls: Float64Array, beta: number, acc: Float64Array): void {
  let a = acc[0]!;
  let a1 = acc[1]!;
  let a2 = acc[2]!;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const w = Math.exp(beta * l);
    a -= w;
    a1 -= w * l;
    a2 -= w * l * l;
  }
  acc[0] = a;
  acc[1] = a1;
  acc[2] = a2;
}

function infeasible(message: string): DistrictKitError {
  return new DistrictKitError("INFEASIBLE", [{ path: ["observations"], code: "no_finite_mle", message }]);
}

/**
 * Fits a Weibull distribution by maximum likelihood with right-censoring and late entry (left
 * truncation), by solving the 1-D profile equation
 * `g(β) = 1/β + (1/r)Σ_F ln t − A'(β)/A(β) = 0` with a safeguarded Newton method on times
 * divided by their maximum (no overflow for large β); `η = (A(β)/r)^{1/β}`. Standard errors
 * come from the observed information (the Hessian of −ln L at the optimum), whose inverse is
 * returned as the parameters' covariance; the B10 life, median and mean carry delta-method
 * intervals (and {@link weibullFitSurvival} / {@link weibullFitQuantile} give S(t) and any quantile).
 *
 * @param input - see {@link weibullFitInputSchema}
 * @returns shape, scale, standard errors, intervals, covariance, life statistics, ln L, AICc and BIC
 * @throws DistrictKitError (`INFEASIBLE`) when no finite MLE exists: no failures, or every failure at one time with nothing to spread them; (`INVALID_INPUT`) for bad observations
 * @example
 * ```ts
 * const fit = fitWeibull({ failures: [58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35, 34, 25] });
 * +fit.scale.toFixed(3); // => 51.858
 * +fit.shape.toFixed(4); // => 2.8009
 * fit.covariance!.matrix.map((row) => row.map((v) => +v.toFixed(4))); // => [[12.6472, 0.4575], [0.4575, 0.1715]]
 * +fit.life.mean.estimate.toFixed(3); // => 46.178
 * fitWeibull({ failures: [], censored: [5, 6] }); // throws
 * ```
 * @category Survival
 */
export function fitWeibull(input: unknown): WeibullFitResult {
  const data = parseInput(weibullFitInputSchema, input);
  const cols = toColumns(data);
  for (let i = 0; i < cols.time.length; i++) {
    if (cols.failed[i] && cols.time[i] === 0) {
      throw new DistrictKitError("INVALID_INPUT", [{ path: ["observations"], code: "invalid_time", message: "expected failure times > 0 (a Weibull density is 0 at time 0)" }]);
    }
  }
  return fitWeibullOf(cols, data.confidenceLevel);
}

/** Weibull fit on validated observations (internal entry used by other engines). */
export function fitWeibullOf(cols: Columns, confidenceLevel: number): WeibullFitResult {
  const p = prepare(cols);
  if (p.r === 0) throw infeasible("no failures: a Weibull fit needs at least one failure (with none, the likelihood keeps rising as the scale grows)");
  const meanLnF = p.sumLnF / p.r;
  const g = (beta: number): [number, number] => {
    const [a, a1, a2] = moments(p, beta);
    const gv = 1 / beta + meanLnF - a1 / a;
    const gd = -1 / (beta * beta) - (a2 * a - a1 * a1) / (a * a);
    return [gv, gd];
  };
  // bracket the root (g decreasing without late entry; with late entry we check the sign change)
  let lo = 1;
  let hi = 1;
  let glo = g(1)[0];
  let ghi = glo;
  const MAX = 1e4;
  const MIN = 1e-4;
  if (!Number.isFinite(glo)) throw infeasible("the likelihood could not be evaluated for these times");
  if (glo > 0) {
    while (ghi > 0) {
      lo = hi;
      glo = ghi;
      hi *= 2;
      if (hi > MAX) throw infeasible("no finite maximum: the failures are all at one time (the shape grows without bound)");
      ghi = g(hi)[0];
    }
  } else {
    while (glo < 0) {
      hi = lo;
      ghi = glo;
      lo /= 2;
      if (lo < MIN) throw infeasible("no finite maximum: the profile equation has no root above a shape of 0.0001");
      glo = g(lo)[0];
    }
  }
  let beta = (lo + hi) / 2;
  let iterations = 0;
  for (; iterations < 200; iterations++) {
    const [gv, gd] = g(beta);
    if (gv === 0) break;
    if (gv > 0) lo = beta;
    else hi = beta;
    let next = beta - gv / gd;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = (lo + hi) / 2;
    const done = Math.abs(next - beta) <= 1e-13 * beta || hi - lo <= 1e-14 * beta;
    beta = next;
    if (done) break;
  }
  const [a] = moments(p, beta);
  const etaS = (a / p.r) ** (1 / beta);
  const lnEta = Math.log(etaS);
  // log-likelihood and observed information on the scaled data
  let sumF = 0;
  let hSum = 0;
  let kSum = 0;
  let mSum = 0;
  const add = (l: number, sign: number): void => {
    const lu = l - lnEta;
    const w = Math.exp(beta * lu);
    hSum += sign * w;
    kSum += sign * w * lu;
    mSum += sign * w * lu * lu;
  };
  for (let i = 0; i < p.lnT.length; i++) add(p.lnT[i]!, 1);
  for (let i = 0; i < p.lnE.length; i++) add(p.lnE[i]!, -1);
  sumF = p.sumLnF;
  const r = p.r;
  const llScaled = r * Math.log(beta) - r * beta * lnEta + (beta - 1) * sumF - hSum;
  const logLikelihood = llScaled - r * Math.log(p.c);
  const dEE = (r * beta) / (etaS * etaS) - (beta * (beta + 1) * hSum) / (etaS * etaS);
  const dEB = (-r + hSum + beta * kSum) / etaS;
  const dBB = -r / (beta * beta) - mSum;
  // information = −Hessian; covariance = its inverse
  const i11 = -dEE;
  const i12 = -dEB;
  const i22 = -dBB;
  const det = i11 * i22 - i12 * i12;
  const varEta = det > 0 ? i22 / det : Number.NaN;
  const varBeta = det > 0 ? i11 / det : Number.NaN;
  const covEtaBeta = det > 0 ? -i12 / det : Number.NaN;
  const scale = etaS * p.c;
  const covariance: WeibullCovariance | null =
    Number.isFinite(varEta) && Number.isFinite(varBeta) && Number.isFinite(covEtaBeta) && varEta >= 0 && varBeta >= 0
      ? {
          order: ["scale", "shape"],
          matrix: [
            [varEta * p.c * p.c, covEtaBeta * p.c],
            [covEtaBeta * p.c, varBeta],
          ],
        }
      : null;
  const seScale = Number.isFinite(varEta) && varEta >= 0 ? Math.sqrt(varEta) * p.c : 0;
  const seShape = Number.isFinite(varBeta) && varBeta >= 0 ? Math.sqrt(varBeta) : 0;
  const z = zForLevel(confidenceLevel);
  const ci = (theta: number, se: number): Interval => ({ lower: theta * Math.exp((-z * se) / theta), upper: theta * Math.exp((z * se) / theta) });
  const n = cols.time.length;
  const k = 2;
  const aicc = n - k - 1 > 0 ? 2 * k - 2 * logLikelihood + (2 * k * (k + 1)) / (n - k - 1) : null;
  const bic = k * Math.log(n) - 2 * logLikelihood;
  const lateEntries = p.lnE.length;
  const summary = { shape: beta, scale, covariance, confidenceLevel };
  const b10 = quantileEstimate(summary, 0.1);
  const level = `${Math.round(confidenceLevel * 1000) / 10} %`;
  return {
    shape: beta,
    scale,
    standardErrors: { shape: seShape, scale: seScale },
    intervals: { shape: ci(beta, seShape), scale: ci(scale, seScale) },
    covariance,
    life: { b10, median: quantileEstimate(summary, 0.5), mean: meanEstimate(summary) },
    logLikelihood,
    aicc,
    bic,
    subjects: n,
    failures: r,
    lateEntries,
    iterations,
    confidenceLevel,
    explanation:
      `Weibull maximum likelihood on ${n} subjects (${r} failures, ${n - r} right-censored${lateEntries > 0 ? `, ${lateEntries} entered late` : ""}): ` +
      `shape β = ${beta.toPrecision(5)} (${beta > 1 ? "wear-out: failures rise with age" : beta < 1 ? "early failures: the rate falls with age" : "a constant failure rate"}), ` +
      `scale η = ${scale.toPrecision(5)} (63.2 % have failed by then); ln L = ${logLikelihood.toFixed(3)}; ` +
      `B10 life ${b10.estimate.toPrecision(4)}${b10.interval ? ` (${level} interval ${b10.interval.lower.toPrecision(4)}–${b10.interval.upper.toPrecision(4)})` : " (no interval: the information matrix is singular)"}.`,
  };
}

/**
 * Weibull parameters.
 *
 * @category Survival
 */
export interface WeibullParameters {
  readonly shape: number;
  readonly scale: number;
}

/** The smallest shape whose life figures are numbers: Γ(1 + 1/0.01) · 1e12 ≈ 9e169. */
const MIN_LIFE_SHAPE = 0.01;

function checkParameters(w: WeibullParameters): void {
  parseInput(z.object({ shape: z.number().positive().max(1000), scale: z.number().positive().max(1e12) }), w);
}

/**
 * Weibull survival `S(t) = exp(−(t/η)^β)`.
 *
 * @param weibull - shape β and scale η
 * @param time - t ≥ 0
 * @returns S(t)
 * @throws DistrictKitError for a shape or scale ≤ 0
 * @example
 * ```ts
 * weibullSurvival({ shape: 1, scale: 2 }, 2); // => 0.36787944117144233
 * ```
 * @category Survival
 */
export function weibullSurvival(weibull: WeibullParameters, time: number): number {
  checkParameters(weibull);
  parseInput(z.number().nonnegative().max(1e12), time, ["time"]);
  return Math.exp(-((time / weibull.scale) ** weibull.shape));
}

/**
 * Summary statistics of a Weibull life: mean `η·Γ(1 + 1/β)`, median `η·(ln 2)^{1/β}` and the
 * B10 life (10 % failed) `η·(−ln 0.9)^{1/β}`.
 *
 * @param weibull - shape and scale
 * @returns mean, median and B10 life, in the unit of the scale
 * @throws DistrictKitError for a shape or scale ≤ 0, or a shape below 0.01 (no finite mean life)
 * @example
 * ```ts
 * const s = weibullLife({ shape: 1, scale: 5 });
 * [+s.mean.toFixed(6), +s.median.toFixed(6)]; // => [5, 3.465736]
 * ```
 * @category Survival
 */
export function weibullLife(weibull: WeibullParameters): { readonly mean: number; readonly median: number; readonly b10: number } {
  checkParameters(weibull);
  const { shape: b, scale: e } = weibull;
  // Γ(1 + 1/β) passes the largest double near β = 0.0058: a smaller shape has no mean life in numbers
  if (b < MIN_LIFE_SHAPE)
    throw DistrictKitError.argument(["weibull", "shape"], `expected a shape ≥ ${MIN_LIFE_SHAPE} for life figures (the mean life of a smaller one is beyond any number), got ${b}`);
  return { mean: e * gammaFn(1 + 1 / b), median: e * Math.LN2 ** (1 / b), b10: e * (-Math.log(0.9)) ** (1 / b) };
}

/**
 * A Weibull as another package writes it (see “How the numbers are computed: device lifecycle”, §3), to convert at the edges:
 * reliability (`alpha` scale, `beta` shape), lifelines `WeibullFitter` (`lambda_` scale, `rho_`
 * shape), jStat (`scale`, `shape`), NAG g07be (`S = exp(−λ·x^γ)`, reported as `beta = ln λ` and
 * `gamma`), R `survreg(dist = "weibull")` (`intercept`, `scale`: η = exp(intercept), β = 1/scale).
 *
 * @example
 * ```ts
 * weibullParametrizationSchema.parse({ source: "lifelines", lambda_: 51.9, rho_: 2.8 }).source; // => "lifelines"
 * ```
 * @category Survival
 */
export const weibullParametrizationSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("reliability"), alpha: z.number().positive(), beta: z.number().positive() }),
  z.object({ source: z.literal("lifelines"), lambda_: z.number().positive(), rho_: z.number().positive() }),
  z.object({ source: z.literal("jstat"), scale: z.number().positive(), shape: z.number().positive() }),
  z.object({ source: z.literal("nag"), beta: z.number().min(-700).max(700), gamma: z.number().positive() }),
  z.object({ source: z.literal("survreg"), intercept: z.number().min(-700).max(700), scale: z.number().positive() }),
]);

/**
 * Converts another package's Weibull parameters to DistrictKit's single form
 * `S(t) = exp(−(t/scale)^shape)`.
 *
 * @param input - see {@link weibullParametrizationSchema}
 * @returns shape and scale
 * @throws DistrictKitError for an unknown source or a non-positive parameter
 * @example
 * ```ts
 * const r = weibullFrom({ source: "survreg", intercept: Math.log(51.858), scale: 1 / 2.80086 });
 * [+r.shape.toFixed(5), +r.scale.toFixed(3)]; // => [2.80086, 51.858]
 * weibullFrom({ source: "lifelines", lambda_: 51.858, rho_: 2.80086 }); // => { "shape": 2.80086, "scale": 51.858 }
 * const nag = weibullFrom({ source: "nag", beta: -2.80086 * Math.log(51.858), gamma: 2.80086 });
 * +nag.scale.toFixed(3); // => 51.858
 * ```
 * @category Survival
 */
export function weibullFrom(input: unknown): WeibullParameters {
  const p = parseInput(weibullParametrizationSchema, input);
  let out: WeibullParameters;
  switch (p.source) {
    case "reliability":
      out = { shape: p.beta, scale: p.alpha };
      break;
    case "lifelines":
      out = { shape: p.rho_, scale: p.lambda_ };
      break;
    case "jstat":
      out = { shape: p.shape, scale: p.scale };
      break;
    case "nag":
      out = { shape: p.gamma, scale: Math.exp(-p.beta / p.gamma) };
      break;
    case "survreg":
      out = { shape: 1 / p.scale, scale: Math.exp(p.intercept) };
      break;
  }
  if (!Number.isFinite(out.scale) || !Number.isFinite(out.shape) || out.scale <= 0) {
    throw DistrictKitError.argument([], "the converted parameters are out of range (scale overflowed)");
  }
  return out;
}
