import { Dec, DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { C2_DISCOUNT_CAP, type DiscountBand, discountMatrixFor } from "../tables/eRateDiscountMatrix.js";
import { type CepEligibilityResult, cepEligibility } from "./cep.js";

/**
 * A school as the discount rules see it: students, NSLP-eligible students (or a CEP identified
 * student percentage), urban or rural. A district's schools can be passed as they are.
 *
 * @example
 * ```ts
 * discountSchoolSchema.parse({ students: 100, nslpEligible: 40, locale: "rural" }).locale; // => "rural"
 * ```
 * @category E-Rate
 */
export const discountSchoolSchema = z
  .object({
    id: z.string().optional(),
    kind: z.enum(["school", "nif", "annex"]).default("school"),
    students: z.number().int().min(0),
    nslpEligible: z.number().int().min(0).optional(),
    cep: z.object({ identifiedStudentPercent: z.number().min(0).max(100) }).optional(),
    locale: z.enum(["urban", "rural"]),
  })
  .superRefine((s, ctx) => {
    if (s.nslpEligible !== undefined && s.nslpEligible > s.students)
      ctx.addIssue({ code: "custom", path: ["nslpEligible"], message: `expected at most the school's ${s.students} students, got ${s.nslpEligible}` });
  });

/**
 * Input of {@link eRateDiscount}.
 *
 * @example
 * ```ts
 * eRateDiscountInputSchema.parse({ fundingYear: 2026, schools: [{ students: 10, nslpEligible: 1, locale: "urban" }] }).wholePercentRounding; // => false
 * ```
 * @category E-Rate
 */
export const eRateDiscountInputSchema = z.object({
  /** The E-Rate funding year (named by the year it starts; FY2015 onward). */
  fundingYear: z.number().int().min(2015).max(9998),
  schools: z.array(discountSchoolSchema).min(1),
  /** Round the district share to a whole percent (half-up) before banding — an unconfirmed USAC practice, off by default. */
  wholePercentRounding: z.boolean().default(false),
  /** A CEP multiplier that overrides the dated table (e.g. "1.6"). */
  cepMultiplier: z.union([z.number().min(0).max(10), z.string().regex(/^\d+(\.\d+)?$/)]).optional(),
  /**
   * When every school with students is a CEP school (an independent CEP school, or a district
   * whose every school is CEP), band the CEP whole-percent figure — the rounded percentage of the
   * summed eligible counts (see “How the numbers are computed: E-Rate”; default true). `false` bands the exact share,
   * as for any other district. A district that mixes CEP and non-CEP schools is unaffected.
   */
  cepWholePercent: z.boolean().default(true),
});

/**
 * Input of {@link eRateDiscount} as given.
 *
 * @category E-Rate
 */
export type ERateDiscountInput = z.input<typeof eRateDiscountInputSchema>;

/**
 * The district's E-Rate discount with its explanation.
 *
 * @category E-Rate
 */
export interface ERateDiscountResult {
  readonly fundingYear: number;
  /** Always `district-wide` (FY2015 onward); see {@link legacyWeightedDiscount} for older years. */
  readonly rule: "district-wide";
  readonly students: number;
  /** NSLP-eligible students summed over the district (CEP schools contribute their computed count). */
  readonly nslpEligible: number;
  /** The exact share as a decimal string in percent (`"42.6535…"`). */
  readonly sharePercent: string;
  /**
   * What was banded: `exact` (half-open bands on the exact share), `whole-percent` (the share
   * rounded half-up first, the `wholePercentRounding` option), or `cep-whole-percent` (an
   * applicant whose whole enrollment is under CEP: the CEP rule's whole percent, §2.3).
   */
  readonly banding: "exact" | "whole-percent" | "cep-whole-percent";
  /** The percent that was compared with the bands, as a decimal string (`"75"`, or the exact share). */
  readonly bandedPercent: string;
  /** True when every school with students is a CEP school (the whole enrollment is under CEP). */
  readonly allCep: boolean;
  /** The band of the matrix that applied. */
  readonly band: DiscountBand;
  /** Rural when more than half of the schools are rural (exactly half is urban). */
  readonly locale: "urban" | "rural";
  readonly ruralSchools: number;
  readonly schools: number;
  /** Category One discount, whole percent. */
  readonly c1: number;
  /** Category Two discount, whole percent (never above the cap). */
  readonly c2: number;
  /** True when the C2 cap lowered the C2 discount below C1. */
  readonly c2Capped: boolean;
  /** The CEP computation of each CEP school, in input order. */
  readonly cep: readonly CepEligibilityResult[];
  readonly source: string;
  /** One plain-English sentence. */
  readonly explanation: string;
}

/** @internal Finds the band of a percent (Dec) — half-open, last band closed at 100. */
export function bandOf(bands: readonly DiscountBand[], percent: Dec): DiscountBand {
  for (const b of bands) if (percent.gte(b.minPercent) && (percent.lt(b.maxPercent) || b.maxPercent === 100)) return b;
  return bands[bands.length - 1]!;
}

/** @internal The C2 cap in force for a year, in whole percent. */
export function c2CapFor(fundingYear: number): number | null {
  let cap: number | null = null;
  for (const c of C2_DISCOUNT_CAP) if (fundingYear >= c.fromFundingYear) cap = c.capPercent;
  return cap;
}

/**
 * The district's E-Rate discount by the current rule (FY2015 onward; see “How the numbers are computed: E-Rate”):
 * the district-wide NSLP share (CEP schools counted by the 1.6 multiplier rule), banded on the
 * matrix, in the rural column when more than half of the schools are rural; Category Two capped
 * at 85 %. When the applicant's whole enrollment is under CEP, the CEP rule's whole percent is
 * banded (§2.3: 74.6 % becomes 75 % and earns 90 %); a district mixing CEP and non-CEP schools
 * bands its exact share like any other.
 *
 * @param input - funding year, schools, and the banding option; see {@link eRateDiscountInputSchema}
 * @returns the C1 and C2 discounts with the share, band, locale and a sentence
 * @throws DistrictKitError listing every invalid field, or when the district has no students
 * @example
 * ```ts
 * const d = eRateDiscount({ fundingYear: 2026, schools: [
 *   { students: 392, nslpEligible: 188, locale: "rural" },
 *   { students: 231, nslpEligible: 97, locale: "rural" },
 *   { students: 289, nslpEligible: 104, locale: "rural" },
 * ] });
 * d.c1; // => 70
 * d.band.label; // => "35 % – 49 %"
 * // an independent CEP school: 1000 × 46.6 % × 1.6 → 746 eligible = 74.6 % → 75 % → C1 90 %
 * eRateDiscount({ fundingYear: 2026, schools: [{ students: 1000, cep: { identifiedStudentPercent: 46.6 }, locale: "urban" }] }).c1; // => 90
 * ```
 * @category E-Rate
 */
export function eRateDiscount(input: ERateDiscountInput): ERateDiscountResult {
  const v = parseInput(eRateDiscountInputSchema, input);
  const matrix = discountMatrixFor(v.fundingYear)!;
  let students = 0;
  let eligible = 0;
  const cep: CepEligibilityResult[] = [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  v.schools.forEach((s, i) => {
    students += s.students;
    if (s.cep !== undefined) {
      if (s.students === 0) return;
      const r = cepEligibility({
        students: s.students,
        identifiedStudentPercent: s.cep.identifiedStudentPercent,
        fundingYear: v.fundingYear,
        ...(v.cepMultiplier !== undefined ? { multiplier: v.cepMultiplier } : {}),
      });
      cep.push(r);
      eligible += r.eligibleStudents;
    } else if (s.nslpEligible !== undefined) eligible += s.nslpEligible;
    else if (s.students > 0) issues.push({ path: ["schools", i, "nslpEligible"], message: "expected nslpEligible or cep for a school with students" });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  if (students === 0) throw new DistrictKitError("INVALID_INPUT", [{ path: ["schools"], message: "expected at least one student in the district" }]);
  const share = new Dec(eligible).div(students).times(100);
  // every school with students is CEP (NIFs and empty schools carry no enrollment)
  const allCep = v.schools.every((s) => s.students === 0 || s.cep !== undefined);
  const banding: ERateDiscountResult["banding"] = allCep && v.cepWholePercent ? "cep-whole-percent" : v.wholePercentRounding ? "whole-percent" : "exact";
  const banded = banding === "exact" ? share : share.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  const band = bandOf(matrix.bands, banded);
  const rural = v.schools.filter((s) => s.locale === "rural").length;
  const locale = rural * 2 > v.schools.length ? "rural" : "urban";
  const c1 = band.c1[locale];
  const c2 = band.c2[locale];
  const shareText = share.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString();
  return {
    fundingYear: v.fundingYear,
    rule: "district-wide",
    students,
    nslpEligible: eligible,
    sharePercent: share.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toString(),
    banding,
    bandedPercent: banded.toDecimalPlaces(10, Dec.ROUND_HALF_UP).toString(),
    allCep,
    band,
    locale,
    ruralSchools: rural,
    schools: v.schools.length,
    c1,
    c2,
    c2Capped: c2 < c1,
    cep,
    source: matrix.source,
    explanation:
      `${eligible} of ${students} students are NSLP-eligible (${shareText} %` +
      (banding === "cep-whole-percent"
        ? `; the whole enrollment is under CEP, so the CEP rule's whole percent ${banded.toString()} % is banded`
        : banding === "whole-percent"
          ? `, rounded to ${banded.toString()} %`
          : "") +
      `), ` +
      `band ${band.label}; ${rural} of ${v.schools.length} schools are rural, so the ${locale} column applies ` +
      `(rural needs more than half): C1 ${c1} %, C2 ${c2} %${c2 < c1 ? " (C2 capped)" : ""} for funding year FY${v.fundingYear}.`,
  };
}
