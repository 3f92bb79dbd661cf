import { DistrictKitError } from "@districtkit/core";
/**
 * The Category Two budget parameters of one cycle (pre-discount dollars, fixed for the cycle).
 * A `null` figure is one DistrictKit does not hold (or that does not exist in that cycle, such as
 * the tribal library floor before FY2021): pass it yourself (`parameters` option).
 *
 * @category E-Rate
 */
export interface C2Cycle {
  /** `"FY2026-FY2030"`. */
  readonly id: string;
  /** First E-Rate funding year of the cycle. */
  readonly firstFundingYear: number;
  /** Last E-Rate funding year of the cycle. */
  readonly lastFundingYear: number;
  /**
   * `per-school` in the FY2015–19 test period; `transition` for FY2020 (still per school, the
   * test period's budget extended by a year); `district-wide` from FY2021.
   */
  readonly basis: "per-school" | "district-wide" | "transition";
  /** Dollars per full-time student (decimal string). */
  readonly perStudent: string | null;
  /** Dollars per square foot for libraries. */
  readonly perSquareFoot: string | null;
  /** Dollars per square foot for libraries in IMLS locale codes 11, 12 and 21 (test period only). */
  readonly perSquareFootHighCost: string | null;
  /** Floor per school or library (child entity). */
  readonly floorPerEntity: string | null;
  /** Floor per tribal library. */
  readonly tribalLibraryFloor: string | null;
  /** Whether the small-district hybrid (Σ max(multiplier × students, floor)) is offered. */
  readonly hybridForSmall: boolean;
  /** Where the figures come from. */
  readonly source: string;
  /** True when the figures are from secondary sources, not yet confirmed by USAC or the FCC. */
  readonly unconfirmed: boolean;
}

// Sources (DOMAIN-budget.md §3.1, §10):
// - FY2015–FY2019: USAC legacy FAQ (http://www.usac.org/sl/applicants/step03/category-two-budget.aspx)
// - FY2020: FCC DA 19-1301 (https://docs.fcc.gov/public/attachments/DA-19-1301A1.txt), the figures
//   DOMAIN-budget.md §3.1 gives: $195.63 / student, $3.00 / sq ft ($6.52 in IMLS locales 11, 12, 21),
//   floor $11,998.43 — the test-period figures with inflation and a sixth year (+20 %); USAC's
//   FY2020 budget tool shows the same $195.63 (E-Rate Central, "March 2, 2020",
//   https://e-ratecentral.com/Resources/Newsletters/News-of-the-Week/ArticleID/2018/March-2-2020).
//   An FY2020 budget was that multiplier × FY2020 students (or the floor), per school, minus the
//   school's pre-discount C2 commitments of FY2015–2019.
// - The test-period multiplier was inflation-adjusted each year after FY2015 (E-Rate Central, same
//   article: FY2019 ≈ $159.67); the table holds the design's $150.00 / $9,200 (DOMAIN-budget.md
//   §3.1). Pass a year's own figures through `parameters` where they matter.
// - FY2021–FY2025: USAC Category Two Budgets page; FCC 19-117; FCC DA 23-56
// - FY2026–FY2030: announced 4 June 2025; eratesupport.org and Veeya (secondary, unconfirmed
//   against the FCC public notice); each figure = FY2021–25 × 1.207 rounded to the cent.
/**
 * Category Two five-year budget parameters by cycle (see “How the numbers are computed: E-Rate”). Look a funding
 * year up with {@link c2CycleFor}.
 *
 * @example
 * ```ts
 * c2CycleFor(2026)?.perStudent; // => "201.57"
 * ```
 * @category E-Rate
 */
export const C2_BUDGET_CYCLES: readonly C2Cycle[] = Object.freeze([
  {
    id: "FY2015-FY2019",
    firstFundingYear: 2015,
    lastFundingYear: 2019,
    basis: "per-school",
    perStudent: "150.00",
    perSquareFoot: "2.30",
    perSquareFootHighCost: "5.00",
    floorPerEntity: "9200.00",
    tribalLibraryFloor: null,
    hybridForSmall: false,
    source: "USAC legacy Category Two FAQ (test period, per school)",
    unconfirmed: false,
  },
  {
    id: "FY2020",
    firstFundingYear: 2020,
    lastFundingYear: 2020,
    basis: "transition",
    perStudent: "195.63",
    perSquareFoot: "3.00",
    perSquareFootHighCost: "6.52",
    floorPerEntity: "11998.43",
    tribalLibraryFloor: null,
    hybridForSmall: false,
    source: "FCC DA 19-1301 (one-year transition: per school, minus the FY2015–2019 commitments)",
    unconfirmed: false,
  },
  {
    id: "FY2021-FY2025",
    firstFundingYear: 2021,
    lastFundingYear: 2025,
    basis: "district-wide",
    perStudent: "167.00",
    perSquareFoot: "4.50",
    perSquareFootHighCost: null,
    floorPerEntity: "25000.00",
    tribalLibraryFloor: "55000.00",
    hybridForSmall: true,
    source: "USAC Category Two Budgets; FCC 19-117; FCC DA 23-56",
    unconfirmed: false,
  },
  {
    id: "FY2026-FY2030",
    firstFundingYear: 2026,
    lastFundingYear: 2030,
    basis: "district-wide",
    perStudent: "201.57",
    perSquareFoot: "5.43",
    perSquareFootHighCost: null,
    floorPerEntity: "30175.00",
    tribalLibraryFloor: "66385.00",
    hybridForSmall: true,
    source: "announced 4 June 2025; eratesupport.org, Veeya (unconfirmed against the FCC public notice)",
    unconfirmed: true,
  },
]);

// Source: E-Rate Central, "Category 2 Budgets" (10 or fewer component schools or libraries);
// the boundary at exactly 10 is unconfirmed against 47 CFR 54.502 — kept as data.
/**
 * The largest number of component schools (or libraries) for which the small-applicant hybrid
 * C2 formula is offered.
 *
 * @example
 * ```ts
 * C2_SMALL_APPLICANT_MAX_ENTITIES; // => 10
 * ```
 * @category E-Rate
 */
export const C2_SMALL_APPLICANT_MAX_ENTITIES = 10;

/**
 * IMLS locale codes that earned the higher per-square-foot library multiplier in the test period.
 *
 * @example
 * ```ts
 * C2_HIGH_COST_LIBRARY_LOCALES.includes(11); // => true
 * ```
 * @category E-Rate
 */
export const C2_HIGH_COST_LIBRARY_LOCALES: readonly number[] = Object.freeze([11, 12, 21]);

/**
 * The C2 cycle that contains an E-Rate funding year.
 *
 * @param fundingYear - the E-Rate funding year
 * @returns the cycle, or `undefined` outside the table (before FY2015 or after the last cycle)
 * @example
 * ```ts
 * c2CycleFor(2023)?.id; // => "FY2021-FY2025"
 * ```
 * @category E-Rate
 */
export function c2CycleFor(fundingYear: number): C2Cycle | undefined {
  if (typeof fundingYear !== "number" || !Number.isInteger(fundingYear))
    throw DistrictKitError.argument(["fundingYear"], `expected a funding year (a whole number), got ${typeof fundingYear === "number" ? fundingYear : typeof fundingYear}`);
  return C2_BUDGET_CYCLES.find((c) => fundingYear >= c.firstFundingYear && fundingYear <= c.lastFundingYear);
}
