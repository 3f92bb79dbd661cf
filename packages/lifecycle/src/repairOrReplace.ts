import { type Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * Input of {@link repairOrReplace}.
 *
 * @example
 * ```ts
 * repairOrReplaceInputSchema.parse({ repairCost: "89", replacementPrice: "300", ageYears: 2, lifeYears: 4 }).k; // => 0.75
 * ```
 * @category Repair vs replace
 */
export const repairOrReplaceInputSchema = z.object({
  repairCost: nonNegativeMoneySchema,
  replacementPrice: nonNegativeMoneySchema,
  ageYears: z.number().min(0).max(100),
  /** Life L under the policy (years). */
  lifeYears: z.number().positive().max(100),
  /** Months until the model's AUE / end of support, when it has one. */
  monthsToSupportEnd: z.number().min(-1200).max(1200).optional(),
  /** Share of the remaining value a repair may cost (0.5–1.0). */
  k: z.number().min(0).max(2).default(0.75),
  /** No repairs beyond cheap parts this close to AUE (months). */
  minMonthsToSupportEnd: z.number().min(0).max(60).default(6),
  /** Cheap parts (chargers…) are always worth repairing below this cost. */
  cheapPartLimit: nonNegativeMoneySchema.optional(),
});

/**
 * A repair-or-replace decision with its rule.
 *
 * @category Repair vs replace
 */
export interface RepairOrReplaceResult {
  readonly decision: "repair" | "replace";
  /** `k · P_new · RUL / L`: repairs at or above this are not worth it. */
  readonly threshold: Money;
  /** Remaining useful life in years: min(L − age, time to support end). */
  readonly remainingLifeYears: number;
  readonly rule: "cost-above-remaining-value" | "near-support-end" | "repair" | "cheap-part";
  readonly explanation: string;
}

/**
 * Repair or replace a broken device: replace when the repair costs at
 * least `k · P_new · RUL / L` (RUL = remaining useful life, min of policy end of life and support
 * end) or when support ends within `minMonthsToSupportEnd`; otherwise repair and lend a spare.
 *
 * @param input - see {@link repairOrReplaceInputSchema}
 * @returns the decision, the threshold and the rule that decided
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * repairOrReplace({ repairCost: "89", replacementPrice: "300", ageYears: 1, lifeYears: 4 }).decision; // => "repair"
 * repairOrReplace({ repairCost: "140", replacementPrice: "300", ageYears: 3, lifeYears: 4 }).decision; // => "replace"
 * repairOrReplace({ repairCost: "40", replacementPrice: "300", ageYears: 1, lifeYears: 4, monthsToSupportEnd: 3 }).rule; // => "near-support-end"
 * ```
 * @category Repair vs replace
 */
export function repairOrReplace(input: unknown): RepairOrReplaceResult {
  const d = parseInput(repairOrReplaceInputSchema, input);
  const byLife = Math.max(0, d.lifeYears - d.ageYears);
  const bySupport = d.monthsToSupportEnd === undefined ? Infinity : Math.max(0, d.monthsToSupportEnd / 12);
  const rul = Math.min(byLife, bySupport);
  const threshold = d.replacementPrice.multiply(d.k).multiply(rul).divide(d.lifeYears).roundToCents();
  if (d.cheapPartLimit && d.repairCost.lessThanOrEqual(d.cheapPartLimit)) {
    return { decision: "repair", threshold, remainingLifeYears: rul, rule: "cheap-part", explanation: `A ${d.repairCost.format()} repair is a cheap part (≤ ${d.cheapPartLimit.format()}): repair.` };
  }
  if (d.monthsToSupportEnd !== undefined && d.monthsToSupportEnd <= d.minMonthsToSupportEnd) {
    return {
      decision: "replace",
      threshold,
      remainingLifeYears: rul,
      rule: "near-support-end",
      explanation: `Support ends in ${d.monthsToSupportEnd} months (≤ ${d.minMonthsToSupportEnd}): replace rather than repair.`,
    };
  }
  if (d.repairCost.greaterThanOrEqual(threshold)) {
    return {
      decision: "replace",
      threshold,
      remainingLifeYears: rul,
      rule: "cost-above-remaining-value",
      explanation: `The repair (${d.repairCost.format()}) costs at least ${d.k} × ${d.replacementPrice.format()} × ${rul.toFixed(2)} / ${d.lifeYears} years of remaining life = ${threshold.format()}: replace.`,
    };
  }
  return {
    decision: "repair",
    threshold,
    remainingLifeYears: rul,
    rule: "repair",
    explanation: `The repair (${d.repairCost.format()}) is below ${threshold.format()} (${d.k} × price × remaining life ${rul.toFixed(2)} / ${d.lifeYears} years): repair, and lend a spare meanwhile.`,
  };
}
