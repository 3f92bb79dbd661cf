import { Money } from "@districtkit/core";

/**
 * Capitalization thresholds per unit, dated, with their sources. A district sets its own; these
 * are the published reference points (see “How the numbers are computed: device lifecycle”, §8).
 *
 * - GFOA best practice: capitalize items with a useful life of at least 2 years, threshold per
 *   item never below $5,000 (GFOA, "Capitalization Thresholds for Capital Assets";
 *   https://www.gfoa.org/materials/capitalization-thresholds-capital-assets) — the $5,000 floor is
 *   marked unconfirmed in the domain reference.
 * - Federal awards, 2 CFR 200.1 "equipment" (final rule of 22 April 2024, awards from
 *   1 October 2024): $10,000 per unit (was $5,000).
 * - GASB 34 sets no dollar threshold (GASB Implementation Guide 2015-1 Q7.98); GASB IG 2021-1
 *   Q5.1 (effective FY2024) allows group capitalization of individually small items.
 *
 * @example
 * ```ts
 * CAPITALIZATION_THRESHOLDS.find((t) => t.id === "federal-equipment-2024")!.perUnit.toString(); // => "10000"
 * ```
 * @category Tables
 */
export const CAPITALIZATION_THRESHOLDS: readonly {
  readonly id: string;
  readonly perUnit: Money;
  readonly minimumLifeYears: number;
  readonly effective: string;
  readonly source: string;
}[] = [
  { id: "gfoa-minimum", perUnit: Money.of(5000), minimumLifeYears: 2, effective: "2006-01-01", source: "GFOA best practice, Capitalization Thresholds for Capital Assets (floor unconfirmed)" },
  { id: "federal-equipment-2014", perUnit: Money.of(5000), minimumLifeYears: 1, effective: "2014-12-26", source: "2 CFR 200.1 (2014), equipment" },
  { id: "federal-equipment-2024", perUnit: Money.of(10000), minimumLifeYears: 1, effective: "2024-10-01", source: "2 CFR 200.1 as revised 22 April 2024, equipment; awards from 1 October 2024" },
];
