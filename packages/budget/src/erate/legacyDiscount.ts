import { Dec, DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type DiscountBand, discountMatrixFor } from "../tables/eRateDiscountMatrix.js";
import { bandOf } from "./discount.js";

/**
 * Input of {@link legacyWeightedDiscount}: a funding year before FY2015 and the schools.
 *
 * @example
 * ```ts
 * legacyDiscountInputSchema.safeParse({ fundingYear: 2015, schools: [] }).success; // => false
 * ```
 * @category E-Rate
 */
export const legacyDiscountInputSchema = z.object({
  fundingYear: z.number().int().min(1998).max(9998),
  schools: z
    .array(
      z.object({ id: z.string().optional(), students: z.number().int().min(0), nslpEligible: z.number().int().min(0), locale: z.enum(["urban", "rural"]) }).superRefine((s, ctx) => {
        if (s.nslpEligible > s.students) ctx.addIssue({ code: "custom", path: ["nslpEligible"], message: `expected at most the school's ${s.students} students, got ${s.nslpEligible}` });
      }),
    )
    .min(1),
});

/**
 * Input of {@link legacyWeightedDiscount} as given.
 *
 * @category E-Rate
 */
export type LegacyDiscountInput = z.input<typeof legacyDiscountInputSchema>;

/**
 * The pre-FY2015 student-weighted discount with each school's own band.
 *
 * @category E-Rate
 */
export interface LegacyDiscountResult {
  readonly fundingYear: number;
  readonly rule: "legacy-weighted-average (before FY2015)";
  readonly schools: readonly { readonly id: string | null; readonly students: number; readonly sharePercent: string; readonly band: DiscountBand; readonly discount: number }[];
  /** `Σ(discount_i × students_i) / Σ students_i`, exact, as a decimal string in percent. */
  readonly exactPercent: string;
  /** The same rounded half-up to a whole percent (USAC's rounding of the average is unconfirmed). */
  readonly percent: number;
  readonly explanation: string;
}

/**
 * The LEGACY E-Rate discount rule, for historical funding years before FY2015 only
 * (see “How the numbers are computed: E-Rate”): each school banded on its own NSLP share and locale, and the district
 * discount is the student-weighted average of the school discounts. It gives different answers
 * from today's district-wide rule on the same data.
 *
 * @param input - a funding year before 2015 and the schools
 * @returns each school's discount and the weighted average
 * @throws DistrictKitError (`UNSUPPORTED`) for funding year 2015 or later; `INVALID_INPUT` for bad data
 * @example
 * ```ts
 * const r = legacyWeightedDiscount({ fundingYear: 2014, schools: [
 *   { students: 300, nslpEligible: 240, locale: "urban" },  // 80 % → 90
 *   { students: 100, nslpEligible: 10, locale: "urban" },   // 10 % → 40
 * ] });
 * r.exactPercent; // => "77.5"
 * legacyWeightedDiscount({ fundingYear: 2016, schools: [{ students: 1, nslpEligible: 0, locale: "urban" }] }); // throws
 * ```
 * @category E-Rate
 */
export function legacyWeightedDiscount(input: LegacyDiscountInput): LegacyDiscountResult {
  const v = parseInput(legacyDiscountInputSchema, input);
  if (v.fundingYear >= 2015) {
    throw new DistrictKitError("UNSUPPORTED", [
      { path: ["fundingYear"], code: "legacy_rule", message: `the legacy weighted-average rule applies only before FY2015, got FY${v.fundingYear}; use eRateDiscount` },
    ]);
  }
  const matrix = discountMatrixFor(v.fundingYear)!;
  const students = v.schools.reduce((a, s) => a + s.students, 0);
  if (students === 0) throw new DistrictKitError("INVALID_INPUT", [{ path: ["schools"], message: "expected at least one student" }]);
  let weighted = new Dec(0);
  const schools = v.schools.map((s) => {
    const share = s.students === 0 ? new Dec(0) : new Dec(s.nslpEligible).div(s.students).times(100);
    const band = bandOf(matrix.bands, share);
    const discount = band.c1[s.locale];
    weighted = weighted.plus(new Dec(discount).times(s.students));
    return { id: s.id ?? null, students: s.students, sharePercent: share.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString(), band, discount };
  });
  const exact = weighted.div(students);
  return {
    fundingYear: v.fundingYear,
    rule: "legacy-weighted-average (before FY2015)",
    schools,
    exactPercent: exact.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toString(),
    percent: exact.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber(),
    explanation: `Legacy rule (FY${v.fundingYear}): ${schools.map((s) => `${s.discount} % × ${s.students}`).join(" + ")} over ${students} students = ${exact.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString()} %.`,
  };
}
