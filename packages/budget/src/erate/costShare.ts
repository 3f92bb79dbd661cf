import { Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { c2CapFor } from "./discount.js";

/**
 * Input of {@link eRateCostShare}.
 *
 * @example
 * ```ts
 * eRateCostShareInputSchema.parse({ amount: "100", category: "C2", discountPercent: 90 }).fundingYear; // => 2026
 * ```
 * @category E-Rate
 */
export const eRateCostShareInputSchema = z.object({
  /** The pre-discount cost of the request. */
  amount: nonNegativeMoneySchema,
  category: z.enum(["C1", "C2"]),
  /** The district's matrix discount in whole percent (its C1 discount); C2 is capped at 85 %. */
  discountPercent: z.number().min(0).max(90),
  fundingYear: z.number().int().min(2015).max(9998).default(2026),
});

/**
 * Input of {@link eRateCostShare} as given.
 *
 * @category E-Rate
 */
export type ERateCostShareInput = z.input<typeof eRateCostShareInputSchema>;

/**
 * Who pays an E-Rate request.
 *
 * @category E-Rate
 */
export interface ERateCostShareResult {
  readonly category: "C1" | "C2";
  /** The discount applied, whole percent (after the C2 cap). */
  readonly discountPercent: number;
  readonly capped: boolean;
  /** `discount × amount`, rounded half-up to the cent. */
  readonly eRatePays: Money;
  readonly districtPays: Money;
  /** C2 only: the pre-discount amount that consumes the five-year budget (the full cost). */
  readonly c2BudgetConsumed: Money;
  readonly explanation: string;
}

/**
 * Splits a pre-discount E-Rate request between E-Rate and the district (see “How the numbers are computed: E-Rate”):
 * E-Rate pays `discount × cost`; Category Two uses the district discount capped at 85 % and
 * consumes the full pre-discount cost from the C2 budget.
 *
 * @param input - amount, category, the district's matrix discount
 * @returns the two shares and the C2 budget consumed
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const r = eRateCostShare({ amount: "100000", category: "C2", discountPercent: 90 });
 * r.eRatePays.toString(); // => "85000"
 * r.c2BudgetConsumed.toString(); // => "100000"
 * ```
 * @category E-Rate
 */
export function eRateCostShare(input: ERateCostShareInput): ERateCostShareResult {
  const v = parseInput(eRateCostShareInputSchema, input);
  const cap = v.category === "C2" ? c2CapFor(v.fundingYear) : null;
  const discount = cap !== null ? Math.min(cap, v.discountPercent) : v.discountPercent;
  const eRatePays = v.amount.multiply(discount).divide(100).roundToCents();
  const districtPays = v.amount.subtract(eRatePays);
  return {
    category: v.category,
    discountPercent: discount,
    capped: discount < v.discountPercent,
    eRatePays,
    districtPays,
    c2BudgetConsumed: v.category === "C2" ? v.amount : Money.ZERO,
    explanation:
      `${v.category} request of ${v.amount.format()} at ${discount} %${discount < v.discountPercent ? ` (the district's ${v.discountPercent} % capped for C2)` : ""}: ` +
      `E-Rate pays ${eRatePays.format()}, the district ${districtPays.format()}` +
      (v.category === "C2" ? `; ${v.amount.format()} of the C2 budget is consumed (the budget is pre-discount).` : "."),
  };
}
