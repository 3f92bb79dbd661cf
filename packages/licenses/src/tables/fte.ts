/**
 * How part-time employees count toward full-time equivalents (FTE) for per-FTE licence pricing:
 * `FTE = FT teachers + PT teachers / 3 + FT staff + PT staff / 2` (students excluded).
 *
 * Source: CITE (California Instructional Technology Education) Adobe ETLA programme page,
 * https://cite.org/page/Adobe — the formula as published for the Adobe K-12 Enterprise Term
 * License Agreement (checked 2025). Keep it as data: another vendor may count differently.
 *
 * @example
 * ```ts
 * CITE_ADOBE_FTE_FORMULA.partTimeTeacherDivisor; // => 3
 * ```
 * @category Tables
 */
export const CITE_ADOBE_FTE_FORMULA = Object.freeze({
  id: "cite-adobe-etla",
  source: "https://cite.org/page/Adobe",
  fullTimeTeacherWeight: 1,
  partTimeTeacherDivisor: 3,
  fullTimeStaffWeight: 1,
  partTimeStaffDivisor: 2,
});

/**
 * A full-time-equivalent formula: how each kind of employee counts.
 *
 * @category Tables
 */
export type FteFormula = typeof CITE_ADOBE_FTE_FORMULA;
