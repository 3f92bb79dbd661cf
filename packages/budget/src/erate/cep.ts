import { Dec, parseInput } from "@districtkit/core";
import { z } from "zod";
import { cepMultiplierFor } from "../tables/cep.js";

/**
 * Input of {@link cepEligibility}.
 *
 * @example
 * ```ts
 * cepEligibilityInputSchema.parse({ students: 300, identifiedStudentPercent: 40 }).roundPercent; // => true
 * ```
 * @category E-Rate
 */
export const cepEligibilityInputSchema = z.object({
  students: z.number().int().min(1),
  /** Identified student percentage, 0–100 (two decimals). */
  identifiedStudentPercent: z.number().min(0).max(100),
  /** Funding year, to look the multiplier up (default: the latest). */
  fundingYear: z.number().int().min(2015).max(9998).optional(),
  /** Override of the dated multiplier. */
  multiplier: z.union([z.number().min(0).max(10), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
  /** Round the school's percentage to a whole percent (the documented CEP step; default true). */
  roundPercent: z.boolean().default(true),
});

/**
 * Input of {@link cepEligibility} as given.
 *
 * @category E-Rate
 */
export type CepEligibilityInput = z.input<typeof cepEligibilityInputSchema>;

/**
 * The E-Rate eligibility of a CEP school.
 *
 * @category E-Rate
 */
export interface CepEligibilityResult {
  readonly students: number;
  readonly identifiedStudentPercent: number;
  readonly multiplier: string;
  /** `min(ISP × multiplier, 100)`, a decimal string in percent. */
  readonly percentEligible: string;
  /** `ceil(students × percentEligible)`: rounded up to the next whole student. */
  readonly eligibleStudents: number;
  /** The school's own percentage: whole percent (half-up) when `roundPercent`, else exact. */
  readonly percent: string;
  readonly explanation: string;
}

/**
 * A Community Eligibility Provision school's NSLP-equivalent count (see “How the numbers are computed: E-Rate”):
 * `min(ISP × 1.6, 100 %)`, times enrollment rounded up to a whole student, and the school's
 * percentage rounded to a whole percent. Computed in exact decimals (no float ceil errors).
 *
 * @param input - students, identified student percentage, optional multiplier override
 * @returns the eligible count and percentages, with a sentence
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const r = cepEligibility({ students: 250, identifiedStudentPercent: 40.25 });
 * r.percentEligible; // => "64.4"
 * r.eligibleStudents; // => 161
 * ```
 * @category E-Rate
 */
export function cepEligibility(input: CepEligibilityInput): CepEligibilityResult {
  const v = parseInput(cepEligibilityInputSchema, input);
  const multiplier = v.multiplier !== undefined ? String(v.multiplier) : cepMultiplierFor(v.fundingYear ?? 9998);
  const pct = Dec.min(new Dec(v.identifiedStudentPercent).times(multiplier), 100);
  const eligible = new Dec(v.students).times(pct).div(100).ceil().toNumber();
  const exact = new Dec(eligible).div(v.students).times(100);
  const percent = v.roundPercent ? exact.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toString() : exact.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toString();
  return {
    students: v.students,
    identifiedStudentPercent: v.identifiedStudentPercent,
    multiplier,
    percentEligible: pct.toString(),
    eligibleStudents: eligible,
    percent,
    explanation: `ISP ${v.identifiedStudentPercent} % × ${multiplier} = ${pct.toString()} % (capped at 100 %); ${v.students} students × ${pct.toString()} % rounded up = ${eligible} eligible; ${percent} %${v.roundPercent ? " (whole percent)" : ""}.`,
  };
}
