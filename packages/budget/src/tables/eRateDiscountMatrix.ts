import { DistrictKitError } from "@districtkit/core";
/**
 * One band of the E-Rate discount matrix: the share of students eligible for the National
 * School Lunch Program (NSLP) in `[minPercent, maxPercent)` (the last band includes 100 %), and
 * the discount in whole percent for each category and locale.
 *
 * @category E-Rate
 */
export interface DiscountBand {
  /** Lower edge of the band, in whole percent (inclusive). */
  readonly minPercent: number;
  /** Upper edge of the band, in whole percent (exclusive, except 100 for the last band). */
  readonly maxPercent: number;
  /** How the band is printed in USAC's matrix ("35 % – 49 %"). */
  readonly label: string;
  /** Category One discounts, whole percent. */
  readonly c1: { readonly urban: number; readonly rural: number };
  /** Category Two discounts, whole percent (capped at 85 %). */
  readonly c2: { readonly urban: number; readonly rural: number };
}

/**
 * A dated edition of the discount matrix.
 *
 * @category E-Rate
 */
export interface DiscountMatrixEdition {
  /** First E-Rate funding year the edition applies to. */
  readonly fromFundingYear: number;
  /** Last funding year it applies to (`null`: still current). */
  readonly toFundingYear: number | null;
  /** Where the figures come from. */
  readonly source: string;
  /** The bands, lowest share first. */
  readonly bands: readonly DiscountBand[];
}

// Source: USAC, "Calculating Discounts" (https://usac.org/?p=2060) and the Category Two 85 % cap
// (FCC 14-99, E-Rate Modernization Order; USAC legacy page
// http://www.usac.org/sl/applicants/step03/category-two-budget.aspx). Unchanged since FY2015.
// The pre-FY2015 edition (one column for all services, per school) is used only by the legacy
// weighted-average rule; its bands equal today's C1 column (USAC legacy worksheet
// http://www.usac.org/sl/applicants/step04/discounts.aspx) — (unconfirmed) for years before FY2005.
/**
 * The E-Rate discount matrix, as dated editions (see “How the numbers are computed: E-Rate”). Look a funding year up
 * with {@link discountMatrixFor}; never copy the figures into logic.
 *
 * @example
 * ```ts
 * ERATE_DISCOUNT_MATRIX.at(-1)?.bands.at(-1)?.c2.rural; // => 85
 * ```
 * @category E-Rate
 */
export const ERATE_DISCOUNT_MATRIX: readonly DiscountMatrixEdition[] = Object.freeze([
  {
    fromFundingYear: 1998,
    toFundingYear: 2014,
    source: "USAC legacy discount worksheet (pre-FY2015, per-school discounts; same bands as today's C1 column)",
    bands: [
      { minPercent: 0, maxPercent: 1, label: "< 1 %", c1: { urban: 20, rural: 25 }, c2: { urban: 20, rural: 25 } },
      { minPercent: 1, maxPercent: 20, label: "1 % – 19 %", c1: { urban: 40, rural: 50 }, c2: { urban: 40, rural: 50 } },
      { minPercent: 20, maxPercent: 35, label: "20 % – 34 %", c1: { urban: 50, rural: 60 }, c2: { urban: 50, rural: 60 } },
      { minPercent: 35, maxPercent: 50, label: "35 % – 49 %", c1: { urban: 60, rural: 70 }, c2: { urban: 60, rural: 70 } },
      { minPercent: 50, maxPercent: 75, label: "50 % – 74 %", c1: { urban: 80, rural: 80 }, c2: { urban: 80, rural: 80 } },
      { minPercent: 75, maxPercent: 100, label: "75 % – 100 %", c1: { urban: 90, rural: 90 }, c2: { urban: 90, rural: 90 } },
    ],
  },
  {
    fromFundingYear: 2015,
    toFundingYear: null,
    source: "USAC, Calculating Discounts (https://usac.org/?p=2060); C2 capped at 85 % (FCC 14-99)",
    bands: [
      { minPercent: 0, maxPercent: 1, label: "< 1 %", c1: { urban: 20, rural: 25 }, c2: { urban: 20, rural: 25 } },
      { minPercent: 1, maxPercent: 20, label: "1 % – 19 %", c1: { urban: 40, rural: 50 }, c2: { urban: 40, rural: 50 } },
      { minPercent: 20, maxPercent: 35, label: "20 % – 34 %", c1: { urban: 50, rural: 60 }, c2: { urban: 50, rural: 60 } },
      { minPercent: 35, maxPercent: 50, label: "35 % – 49 %", c1: { urban: 60, rural: 70 }, c2: { urban: 60, rural: 70 } },
      { minPercent: 50, maxPercent: 75, label: "50 % – 74 %", c1: { urban: 80, rural: 80 }, c2: { urban: 80, rural: 80 } },
      { minPercent: 75, maxPercent: 100, label: "75 % – 100 %", c1: { urban: 90, rural: 90 }, c2: { urban: 85, rural: 85 } },
    ],
  },
]);

// Source: FCC 14-99 (E-Rate Modernization Order, 2014) ¶ on the Category Two discount cap;
// USAC Category Two page. Applies from FY2015.
/**
 * The Category Two discount cap in whole percent, dated (see “How the numbers are computed: E-Rate”).
 *
 * @example
 * ```ts
 * C2_DISCOUNT_CAP[0]?.capPercent; // => 85
 * ```
 * @category E-Rate
 */
export const C2_DISCOUNT_CAP: readonly { readonly fromFundingYear: number; readonly capPercent: number; readonly source: string }[] = Object.freeze([
  { fromFundingYear: 2015, capPercent: 85, source: "FCC 14-99; USAC Category Two budget page" },
]);

/**
 * The matrix edition in force for an E-Rate funding year.
 *
 * @param fundingYear - the E-Rate funding year (named by the year it starts)
 * @returns the edition, or `undefined` before FY1998
 * @example
 * ```ts
 * discountMatrixFor(2026)?.fromFundingYear; // => 2015
 * discountMatrixFor(2010)?.toFundingYear;   // => 2014
 * ```
 * @category E-Rate
 */
export function discountMatrixFor(fundingYear: number): DiscountMatrixEdition | undefined {
  if (typeof fundingYear !== "number" || !Number.isInteger(fundingYear))
    throw DistrictKitError.argument(["fundingYear"], `expected a funding year (a whole number), got ${typeof fundingYear === "number" ? fundingYear : typeof fundingYear}`);
  return ERATE_DISCOUNT_MATRIX.find((e) => fundingYear >= e.fromFundingYear && (e.toFundingYear === null || fundingYear <= e.toFundingYear));
}
