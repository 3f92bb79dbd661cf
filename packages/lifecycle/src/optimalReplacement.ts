import { Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * Input of {@link optimalReplacementAge}.
 *
 * @example
 * ```ts
 * optimalReplacementInputSchema.parse({ weibull: { shape: 2.5, scale: 5 }, preventiveCost: "300", failureCost: "600" }).maxAgeYears; // => 15
 * ```
 * @category Optimal replacement
 */
export const optimalReplacementInputSchema = z.object({
  weibull: z.object({ shape: z.number().positive().max(50), scale: z.number().positive().max(100) }),
  /** Cost of a planned replacement (c_p). */
  preventiveCost: nonNegativeMoneySchema,
  /** Cost of a replacement after failure (c_f > c_p: the device plus disruption, loaners, data). */
  failureCost: nonNegativeMoneySchema,
  maxAgeYears: z.number().positive().max(100).default(15),
});

/**
 * The optimal age-replacement policy of a Weibull-failing device.
 *
 * @category Optimal replacement
 */
export interface OptimalReplacementResult {
  /** The age that minimises the cost per year, or null: replace on failure only. */
  readonly ageYears: number | null;
  /** Cost per year at that age (or on failure only). */
  readonly costPerYear: Money;
  readonly costPerYearOnFailureOnly: Money;
  readonly explanation: string;
}

function survival(t: number, b: number, e: number): number {
  return Math.exp(-Math.pow(t / e, b));
}

/** ∫₀ᵀ S(t) dt by composite Simpson on 400 panels. */
function integral(T: number, b: number, e: number): number {
  const n = 400;
  const h = T / n;
  let s = survival(0, b, e) + survival(T, b, e);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * survival(i * h, b, e);
  return (s * h) / 3;
}

/**
 * Optimal age replacement (as good as new): minimises `C(T) = [c_p·S(T) + c_f·(1 − S(T))] / ∫₀ᵀ S(t)dt`
 * over T by a grid then golden-section search. With β ≤ 1 (no wear-out), or when c_f/c_p is too
 * small for a finite optimum within `maxAgeYears`, the answer is "replace on failure only".
 * Published tools evaluate C on a grid, so compare T* with a tolerance.
 *
 * @param input - see {@link optimalReplacementInputSchema}
 * @returns the optimal age (or null) and the cost per year
 * @throws DistrictKitError for invalid input (a shape ≤ 0…)
 * @example
 * ```ts
 * const r = optimalReplacementAge({ weibull: { shape: 3, scale: 5 }, preventiveCost: "300", failureCost: "1200" });
 * r.ageYears !== null && r.ageYears > 2 && r.ageYears < 4; // => true
 * optimalReplacementAge({ weibull: { shape: 0.9, scale: 5 }, preventiveCost: "300", failureCost: "1200" }).ageYears; // => null
 * ```
 * @category Optimal replacement
 */
export function optimalReplacementAge(input: unknown): OptimalReplacementResult {
  const d = parseInput(optimalReplacementInputSchema, input);
  const { shape: b, scale: e } = d.weibull;
  const cp = d.preventiveCost.toNumber();
  const cf = d.failureCost.toNumber();
  const cost = (T: number): number => (cp * survival(T, b, e) + cf * (1 - survival(T, b, e))) / integral(T, b, e);
  // on failure only: c_f / mean life
  const meanLife = integral(Math.min(d.maxAgeYears * 20, e * 50), b, e);
  const failureOnly = cf / meanLife;
  const money = (x: number): Money => Money.of(x.toFixed(6)).roundToCents();
  if (b <= 1 || cf <= cp) {
    return {
      ageYears: null,
      costPerYear: money(failureOnly),
      costPerYearOnFailureOnly: money(failureOnly),
      explanation: b <= 1 ? `Shape ${b} ≤ 1: no wear-out, so replacing early never pays — replace on failure only.` : "A failure costs no more than a planned replacement: replace on failure only.",
    };
  }
  const max = d.maxAgeYears;
  let best = max;
  let bestC = cost(max);
  const steps = 200;
  for (let i = 1; i <= steps; i++) {
    const T = (max * i) / steps;
    const c = cost(T);
    if (c < bestC) {
      bestC = c;
      best = T;
    }
  }
  let lo = Math.max(1e-6, best - max / steps);
  let hi = Math.min(max, best + max / steps);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80; k++) {
    const a = hi - g * (hi - lo);
    const c2 = lo + g * (hi - lo);
    if (cost(a) < cost(c2)) hi = c2;
    else lo = a;
  }
  const T = (lo + hi) / 2;
  const cT = cost(T);
  if (T >= max * 0.999 || cT >= failureOnly) {
    return {
      ageYears: null,
      costPerYear: money(failureOnly),
      costPerYearOnFailureOnly: money(failureOnly),
      explanation: `No finite optimum within ${max} years (c_f/c_p = ${(cf / cp).toFixed(2)} is too small for shape ${b}): replace on failure only.`,
    };
  }
  return {
    ageYears: T,
    costPerYear: money(cT),
    costPerYearOnFailureOnly: money(failureOnly),
    explanation: `Replacing at age ${T.toFixed(2)} years costs ${money(cT).format()} a year per device, against ${money(failureOnly).format()} when replacing on failure only (Weibull shape ${b}, scale ${e}; c_p ${d.preventiveCost.format()}, c_f ${d.failureCost.format()}).`,
  };
}
