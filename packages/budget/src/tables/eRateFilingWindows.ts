/**
 * One funding year's FCC Form 471 application filing window, as USAC published it.
 *
 * @category E-Rate
 */
export interface ERateFilingWindow {
  /** The E-Rate funding year (FY2026 = 2026-07-01 … 2027-06-30). */
  readonly fundingYear: number;
  /** The day the window opens (midday Eastern). */
  readonly form471Opens: string;
  /** The day the window closes (11:59 p.m. Eastern). */
  readonly form471Closes: string;
  /** The last day to certify a Form 470 and still wait the 28 days before the window closes, as USAC stated it. */
  readonly lastForm470: string;
  /** Where the dates come from. */
  readonly source: string;
}

// Sources:
// - FY2025: USAC, E-Rate News Brief of 20 February 2025 ("the application filing window closes on
//   Wednesday, March 26, 2025 at 11:59:59 p.m. E.T."; "Wednesday, February 26, 2025, is the last
//   date to submit and certify an FCC Form 470 and still wait the required minimum 28-day
//   period"), https://apps.usac.org/sl/tools/news-briefs/preview.aspx?id=1099 ; opened
//   Wednesday 15 January 2025 (E-Rate Central, News for the Week, 20 January 2025,
//   https://e-ratecentral.com/Resources/Newsletters/News-of-the-Week/ArticleID/8281/January-20-2025).
// - FY2026: opens midday Wednesday 21 January 2026, closes Wednesday 1 April 2026 at 11:59 p.m.
//   EDT (E-Rate Central, 12 January 2026, citing USAC's E-Rate News Brief of 18 December 2025,
//   https://e-ratecentral.com/Resources/Newsletters/News-of-the-Week/ArticleID/8513/January-12-2026);
//   4 March 2026 the last day to file a Form 470 and meet the 28-day minimum (E-Rate Central,
//   23 February 2026, https://e-ratecentral.com/Resources/Newsletters/News-of-the-Week/ArticleID/8532/February-23-2026).
// - FY2027: not published when this table was written (USAC announces a window in December of
//   the year before). Pass the window yourself (`eRateProcurementCalendar({ window })`).
/**
 * The published FCC Form 471 filing windows, by funding year (FY2025, FY2026; FY2027 not yet
 * published — pass it as data when USAC announces it). Each row's `lastForm470` is the window's
 * close minus the 28-day wait, as USAC states it.
 *
 * @example
 * ```ts
 * ERATE_FILING_WINDOWS.find((w) => w.fundingYear === 2026)?.form471Closes; // => "2026-04-01"
 * eRateFilingWindowFor(2027); // => undefined
 * ```
 * @category E-Rate
 */
export const ERATE_FILING_WINDOWS: readonly ERateFilingWindow[] = Object.freeze([
  {
    fundingYear: 2025,
    form471Opens: "2025-01-15",
    form471Closes: "2025-03-26",
    lastForm470: "2025-02-26",
    source: "USAC E-Rate News Brief, 20 February 2025; E-Rate Central, 20 January 2025",
  },
  {
    fundingYear: 2026,
    form471Opens: "2026-01-21",
    form471Closes: "2026-04-01",
    lastForm470: "2026-03-04",
    source: "E-Rate Central, 12 January and 23 February 2026 (USAC E-Rate News Brief, 18 December 2025)",
  },
]);

/**
 * The published filing window of a funding year, or undefined when USAC has not published it
 * (or the table does not hold it).
 *
 * @param fundingYear - the E-Rate funding year
 * @returns the window, or undefined
 * @example
 * ```ts
 * eRateFilingWindowFor(2025)?.form471Opens; // => "2025-01-15"
 * ```
 * @category E-Rate
 */
export function eRateFilingWindowFor(fundingYear: number): ERateFilingWindow | undefined {
  return ERATE_FILING_WINDOWS.find((w) => w.fundingYear === fundingYear);
}
