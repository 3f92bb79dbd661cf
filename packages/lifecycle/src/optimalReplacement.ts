import { Dec, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { gammaFn, regularizedLowerGamma } from "./internal/math.js";

const NAMED_UNITS = { years: "year", months: "month", weeks: "week", days: "day", hours: "hour", "hours of use": "hour of use", cycles: "cycle" } as const;

/**
 * Input of {@link optimalReplacementAge}. Ages and the Weibull scale share one time unit, years by
 * default: months, weeks, days, hours, hours of use, cycles, or any unit named by its plural and
 * singular. `maxAge` is the oldest age considered for a planned replacement, in that unit (15 by
 * default in years, required in any other unit); `maxAgeYears` is its older name, for years only.
 *
 * @example
 * ```ts
 * optimalReplacementInputSchema.parse({ weibull: { shape: 2.5, scale: 5 }, preventiveCost: "300", failureCost: "600" }).maxAge; // => 15
 * optimalReplacementInputSchema.parse({ weibull: { shape: 2.5, scale: 30000 }, unit: "hours of use", maxAge: 60000, preventiveCost: "300", failureCost: "600" }).unit;
 * // => { "plural": "hours of use", "singular": "hour of use" }
 * ```
 * @category Optimal replacement
 */
export const optimalReplacementInputSchema = z
  .object({
    /** Weibull shape and scale; the scale in `unit`. */
    weibull: z.object({ shape: z.number().positive().max(50), scale: z.number().positive().max(1e12) }),
    /** Cost of a planned replacement (c_p). */
    preventiveCost: nonNegativeMoneySchema,
    /** Cost of a replacement after failure (c_f > c_p: the device plus disruption, loaners, data). */
    failureCost: nonNegativeMoneySchema,
    /** The time unit of ages and the scale (default years). */
    unit: z
      .union([
        z.enum(Object.keys(NAMED_UNITS) as [keyof typeof NAMED_UNITS, ...(keyof typeof NAMED_UNITS)[]]),
        z.object({ plural: z.string().trim().min(1).max(40), singular: z.string().trim().min(1).max(40) }),
      ])
      .default("years"),
    /** The oldest age considered for a planned replacement, in `unit` (default 15 when the unit is years). */
    maxAge: z.number().positive().max(1e13).optional(),
    /** Older name of `maxAge` when the unit is years. */
    maxAgeYears: z.number().positive().max(1e13).optional(),
  })
  .superRefine((d, ctx) => {
    const years = d.unit === "years";
    if (d.maxAgeYears !== undefined && !years) ctx.addIssue({ code: "custom", path: ["maxAgeYears"], message: "maxAgeYears is in years: with another unit give maxAge in that unit" });
    if (d.maxAgeYears !== undefined && d.maxAge !== undefined && d.maxAge !== d.maxAgeYears)
      ctx.addIssue({ code: "custom", path: ["maxAgeYears"], message: `expected maxAgeYears to equal maxAge (${d.maxAge}) or to be left out` });
    if (!years && d.maxAge === undefined) ctx.addIssue({ code: "custom", path: ["maxAge"], message: "expected maxAge, the oldest age considered, in the unit of the scale" });
  })
  .transform(({ maxAgeYears, ...d }) => ({
    ...d,
    unit: typeof d.unit === "string" ? { plural: d.unit, singular: NAMED_UNITS[d.unit] } : d.unit,
    maxAge: d.maxAge ?? maxAgeYears ?? 15,
  }));

/**
 * The optimal age-replacement policy of a Weibull-failing device. Ages and costs per unit of time
 * are in `unit` (the input's unit, years by default).
 *
 * @category Optimal replacement
 */
export interface OptimalReplacementResult {
  /** The time unit of every age and rate here (plural and singular). */
  readonly unit: { readonly plural: string; readonly singular: string };
  /**
   * `optimal-age`: the age that minimises the cost per unit of time lies within `maxAge`;
   * `max-age`: it lies past `maxAge`, and replacing at `maxAge` still costs less than on failure
   * only; `failure-only`: replace on failure only (no wear-out, a failure costing no more than a
   * planned replacement, or the optimum past `maxAge` with every age within it dearer).
   */
  readonly rule: "optimal-age" | "max-age" | "failure-only";
  /** The age to replace at (in `unit`), or null: replace on failure only. */
  readonly age: number | null;
  /** The unconstrained optimum (may exceed `maxAge`); null when none exists (shape ≤ 1, c_f ≤ c_p) or it lies beyond 10¹² times the larger of the scale and `maxAge`. */
  readonly unconstrainedAge: number | null;
  /** The oldest age considered, in `unit`. */
  readonly maxAge: number;
  /** Cost per unit of time at `age` (or on failure only), to 12 significant digits (a rate, not a booked amount). */
  readonly costPerUnit: Money;
  /** Cost per unit of time when replacing on failure only, `c_f / mean life`, to 12 significant digits. */
  readonly costPerUnitOnFailureOnly: Money;
  /** When the unit is years: `age` (older name). */
  readonly ageYears?: number | null;
  /** When the unit is years: `costPerUnit` rounded to cents (older name). */
  readonly costPerYear?: Money;
  /** When the unit is years: `costPerUnitOnFailureOnly` rounded to cents (older name). */
  readonly costPerYearOnFailureOnly?: Money;
  readonly explanation: string;
}

/**
 * Optimal age replacement (as good as new, DistrictKit's lifecycle rules §7): minimises
 * `C(T) = [c_p·S(T) + c_f·(1 − S(T))] / ∫₀ᵀ S(t)dt` over T in any time unit. With a Weibull of
 * shape β > 1 and c_f > c_p the minimum is unique and solves `h(T)·∫₀ᵀS − F(T) = c_p/(c_f − c_p)`,
 * whose left side rises with T; it is found by bisection on T/η with `∫₀ᵀS = η·Γ(1 + 1/β)·P(1/β, (T/η)^β)`
 * (P the regularized incomplete gamma), so any scale works — years, months, hours of use,
 * cycles. When the optimum lies past `maxAge` the result says so (and whether replacing at
 * `maxAge` still beats replacing on failure only). With β ≤ 1 (no wear-out) or c_f ≤ c_p the
 * answer is "replace on failure only". Published tools evaluate C on a grid, so compare T* with a
 * tolerance.
 *
 * @param input - see {@link optimalReplacementInputSchema}
 * @returns the age (or null), the rule, and the costs per unit of time
 * @throws DistrictKitError for invalid input (a shape ≤ 0, a unit other than years without maxAge…)
 * @example
 * ```ts
 * const r = optimalReplacementAge({ weibull: { shape: 3, scale: 5 }, preventiveCost: "300", failureCost: "1200" });
 * [r.rule, +r.age!.toFixed(3)]; // => ["optimal-age", 2.771]
 * const hours = optimalReplacementAge({ weibull: { shape: 3, scale: 30000 }, unit: "hours of use", maxAge: 60000, preventiveCost: "300", failureCost: "1200" });
 * [Math.round(hours.age!), hours.unit.plural]; // => [16625, "hours of use"]
 * optimalReplacementAge({ weibull: { shape: 0.9, scale: 5 }, preventiveCost: "300", failureCost: "1200" }).age; // => null
 * const old = optimalReplacementAge({ weibull: { shape: 2, scale: 5 }, preventiveCost: "300", failureCost: "500", maxAge: 6 });
 * [old.rule, old.age, +old.unconstrainedAge!.toFixed(2)]; // => ["max-age", 6, 6.99]
 * ```
 * @category Optimal replacement
 */
export function optimalReplacementAge(input: unknown): OptimalReplacementResult {
  const d = parseInput(optimalReplacementInputSchema, input);
  const { shape: b, scale: eta } = d.weibull;
  const { plural, singular } = d.unit;
  const cp = d.preventiveCost.toNumber();
  const cf = d.failureCost.toNumber();
  const maxAge = d.maxAge;
  const gamma1 = gammaFn(1 + 1 / b);
  // in scaled time u = T/η: S(u) = e^{−u^β}, ∫₀ᵘS = Γ(1 + 1/β)·P(1/β, u^β)
  const area = (u: number): number => gamma1 * regularizedLowerGamma(1 / b, u ** b);
  const costAt = (u: number): number => {
    const s = Math.exp(-(u ** b));
    return (cp * s + cf * (1 - s)) / (eta * area(u));
  };
  const failureOnly = cf / (eta * gamma1);
  const rate = (x: number): Money => Money.of(new Dec(x).toSignificantDigits(12).toFixed());
  const base = { unit: d.unit, maxAge, costPerUnitOnFailureOnly: rate(failureOnly) };
  const finish = (r: Omit<OptimalReplacementResult, "unit" | "maxAge" | "costPerUnitOnFailureOnly">): OptimalReplacementResult => {
    const out = { ...base, ...r };
    return plural === "years" ? { ...out, ageYears: out.age, costPerYear: out.costPerUnit.roundToCents(), costPerYearOnFailureOnly: out.costPerUnitOnFailureOnly.roundToCents() } : out;
  };
  const per = `per ${singular}`;
  const money = (x: Money): string => formatRate(x);
  const onFailure = `${money(rate(failureOnly))} ${per} when replacing on failure only`;
  if (b <= 1 || cf <= cp) {
    return finish({
      rule: "failure-only",
      age: null,
      unconstrainedAge: null,
      costPerUnit: rate(failureOnly),
      explanation:
        b <= 1
          ? `Shape ${formatAge(b)} ≤ 1: no wear-out, so replacing early never pays — replace on failure only (${onFailure}).`
          : `A failure (${d.failureCost.format()}) costs no more than a planned replacement (${d.preventiveCost.format()}): replace on failure only (${onFailure}).`,
    });
  }
  // g(u) = β·u^{β−1}·∫₀ᵘS − F(u) − c_p/(c_f − c_p): increasing, negative at 0, unbounded (β > 1)
  const target = cp / (cf - cp);
  const g = (u: number): number => b * u ** (b - 1) * area(u) - (1 - Math.exp(-(u ** b))) - target;
  const uMax = maxAge / eta;
  const within = g(uMax) >= 0;
  // past maxAge, the optimum is looked for up to 10¹² times the larger of the scale and maxAge
  const uLimit = 1e12 * Math.max(1, uMax);
  let lo = 0;
  let hi = uMax;
  while (!within && g(hi) < 0 && hi < uLimit) {
    lo = hi;
    hi *= 2;
  }
  let uStar: number | null = null;
  if (g(hi) >= 0) {
    for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
      const mid = (lo + hi) / 2;
      if (g(mid) < 0) lo = mid;
      else hi = mid;
    }
    uStar = (lo + hi) / 2;
  }
  /** An age with its unit, singular when it reads "1" ("1 year", "1.5 years"). */
  const withUnit = (x: number): string => {
    const f = formatAge(x);
    return `${f} ${f === "1" ? singular : plural}`;
  };
  const ages = (u: number): string => withUnit(u * eta);
  const inputs = `Weibull shape ${formatAge(b)}, scale ${withUnit(eta)}; c_p ${d.preventiveCost.format()}, c_f ${d.failureCost.format()}`;
  if (within && uStar !== null) {
    const c = rate(costAt(uStar));
    return finish({
      rule: "optimal-age",
      age: uStar * eta,
      unconstrainedAge: uStar * eta,
      costPerUnit: c,
      explanation: `Replacing at age ${ages(uStar)} costs ${money(c)} ${per} per device, against ${onFailure} (${inputs}).`,
    });
  }
  const past = uStar === null ? `beyond ${withUnit(uLimit * eta)}` : `at ${ages(uStar)}`;
  const atMax = costAt(uMax); // +Infinity when maxAge is too small a fraction of the scale for any device to have failed
  if (atMax < failureOnly) {
    const c = rate(atMax);
    return finish({
      rule: "max-age",
      age: maxAge,
      unconstrainedAge: uStar === null ? null : uStar * eta,
      costPerUnit: c,
      explanation: `The optimum lies past the maximum age of ${withUnit(maxAge)} (${past}): the cost ${per} still falls there, so within it the oldest age is cheapest — replacing at ${withUnit(maxAge)} costs ${money(c)} ${per} per device, against ${onFailure} (${inputs}).`,
    });
  }
  return finish({
    rule: "failure-only",
    age: null,
    unconstrainedAge: uStar === null ? null : uStar * eta,
    costPerUnit: rate(failureOnly),
    explanation: `The optimum lies past the maximum age of ${withUnit(maxAge)} (${past}), and replacing at any age up to it costs more than ${onFailure}${Number.isFinite(atMax) ? ` (${money(rate(atMax))} ${per} at ${withUnit(maxAge)})` : ""}: replace on failure only (${inputs}).`,
  });
}

const AGE_FORMAT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** An age to 4 significant digits ("2.786", "16,720"). */
function formatAge(x: number): string {
  return AGE_FORMAT.format(x);
}

/** A rate with at least 3 significant digits and 2 to 20 decimals ("$78.23", "$0.0123"). */
function formatRate(x: Money): string {
  const v = Math.abs(x.toNumber());
  const digits = v === 0 ? 2 : Math.min(20, Math.max(2, 2 - Math.floor(Math.log10(v))));
  return x.format("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
