import { Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * The cost categories of a device's total cost of ownership, after CoSN's TCO framework (direct
 * costs: hardware, software, professional development, support, network/infrastructure,
 * repairs, disposal; less resale).
 *
 * @example
 * ```ts
 * TCO_CATEGORIES.includes("support"); // => true
 * ```
 * @category TCO
 */
export const TCO_CATEGORIES = ["hardware", "software", "professionalDevelopment", "support", "network", "repair", "disposal"] as const;

/**
 * Input of {@link totalCostOfOwnership}: one-time and yearly costs per device.
 *
 * @example
 * ```ts
 * tcoInputSchema.parse({ purchasePrice: "289", lifeYears: 4 }).yearly; // => {}
 * ```
 * @category TCO
 */
export const tcoInputSchema = z.object({
  purchasePrice: nonNegativeMoneySchema,
  lifeYears: z.number().int().min(1).max(30),
  /** One-time costs per device besides the price (setup, imaging, case, disposal…). */
  oneTime: z.partialRecord(z.enum(TCO_CATEGORIES), nonNegativeMoneySchema).default({}),
  /** Costs per device per year (management licence, filter, support time, repairs…). */
  yearly: z.partialRecord(z.enum(TCO_CATEGORIES), nonNegativeMoneySchema).default({}),
  /** Resale or buyback at the end of life. */
  resale: nonNegativeMoneySchema.optional(),
});

/**
 * A TCO with its contributions.
 *
 * @category TCO
 */
export interface TcoResult {
  readonly total: Money;
  readonly perYear: Money;
  readonly contributions: readonly { readonly category: string; readonly amount: Money; readonly share: number }[];
  readonly explanation: string;
}

/**
 * Total cost of ownership of one device over its life and per year: the price, one-time costs,
 * yearly costs × life, less resale; each category's contribution and share (the contributions
 * add up to the total exactly).
 *
 * @param input - see {@link tcoInputSchema}
 * @returns the total, the yearly figure (rounded to the cent) and the contributions
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const t = totalCostOfOwnership({ purchasePrice: "289", lifeYears: 4, yearly: { software: "25", repair: "18" }, resale: "20" });
 * t.total.toString(); // => "441"
 * t.perYear.toString(); // => "110.25"
 * ```
 * @category TCO
 */
export function totalCostOfOwnership(input: unknown): TcoResult {
  const d = parseInput(tcoInputSchema, input);
  const amounts = new Map<string, Money>([["hardware", d.purchasePrice]]);
  for (const [k, v] of Object.entries(d.oneTime)) if (v) amounts.set(k, (amounts.get(k) ?? Money.ZERO).add(v));
  for (const [k, v] of Object.entries(d.yearly)) if (v) amounts.set(k, (amounts.get(k) ?? Money.ZERO).add(v.multiply(d.lifeYears)));
  if (d.resale) amounts.set("resale", d.resale.negate());
  const total = Money.sum(amounts.values());
  const denom = total.isZero() ? 1 : total.toNumber();
  const contributions = [...amounts.entries()].map(([category, amount]) => ({ category, amount, share: amount.toNumber() / denom }));
  const perYear = total.divide(d.lifeYears).roundToCents();
  const top = [...contributions].sort((a, b) => b.amount.compare(a.amount))[0]!;
  return {
    total,
    perYear,
    contributions,
    explanation: `Over ${d.lifeYears} years one device costs ${total.format()} (${perYear.format()} a year); the largest part is ${top.category} (${(top.share * 100).toFixed(0)} %).`,
  };
}
