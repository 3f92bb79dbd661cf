import { DistrictKitError } from "@districtkit/core";
// Source: USDA / USAC — E-Rate uses the Community Eligibility Provision multiplier of 1.6 on the
// identified student percentage (ISP), capped at 100 %; the rounding steps are from E-Rate
// Central, "April 18, 2016" (https://e-ratecentral.com/Resources/Newsletters/News-of-the-Week/ArticleID/72/April-18-2016).
/**
 * The CEP multiplier applied to a school's identified student percentage, dated (data, not a
 * constant in logic; see “How the numbers are computed: E-Rate”).
 *
 * @example
 * ```ts
 * CEP_MULTIPLIERS.at(-1)?.multiplier; // => "1.6"
 * ```
 * @category E-Rate
 */
export const CEP_MULTIPLIERS: readonly { readonly fromFundingYear: number; readonly multiplier: string; readonly source: string }[] = Object.freeze([
  { fromFundingYear: 2015, multiplier: "1.6", source: "USAC CEP guidance; E-Rate Central, April 18, 2016" },
]);

/**
 * The CEP multiplier in force for a funding year (the latest edition at or before it; the
 * earliest edition for older years).
 *
 * @param fundingYear - the E-Rate funding year
 * @returns the multiplier as a decimal string
 * @example
 * ```ts
 * cepMultiplierFor(2026); // => "1.6"
 * ```
 * @category E-Rate
 */
export function cepMultiplierFor(fundingYear: number): string {
  if (typeof fundingYear !== "number" || !Number.isInteger(fundingYear))
    throw DistrictKitError.argument(["fundingYear"], `expected a funding year (a whole number), got ${typeof fundingYear === "number" ? fundingYear : typeof fundingYear}`);
  let found = CEP_MULTIPLIERS[0]!;
  for (const e of CEP_MULTIPLIERS) if (fundingYear >= e.fromFundingYear) found = e;
  return found.multiplier;
}
