import { Money, moneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type DeviceCategory, deviceCategorySchema } from "./schema.js";

const KINDS = ["refresh", "failure-replacement", "growth", "spares", "repair", "resale-credit"] as const;

const LABEL: Record<DeviceCategory, string> = {
  chromebook: "Chromebooks",
  ipad: "iPads",
  "windows-laptop": "Windows laptops",
  "mac-laptop": "Mac laptops",
  desktop: "Desktops",
  "interactive-display": "Interactive displays",
  network: "Network equipment",
  server: "Servers",
  other: "Other devices",
};
const KIND_LABEL: Record<(typeof KINDS)[number], string> = {
  refresh: "planned refresh",
  "failure-replacement": "replacement of failed and lost devices",
  growth: "enrollment growth",
  spares: "spare pool",
  repair: "repairs",
  "resale-credit": "resale / buyback credit",
};

/**
 * What {@link forecastToBudgetLines} reads from a forecast: its spend by category (a
 * {@link ForecastResult}, or the same data after a JSON round trip).
 *
 * @example
 * ```ts
 * budgetLinesSourceSchema.safeParse({ spendByCategory: [] }).success; // => true
 * ```
 * @category Budget lines
 */
export const budgetLinesSourceSchema = z.object({
  spendByCategory: z.array(z.object({ category: deviceCategorySchema, kind: z.enum(KINDS), amounts: z.record(z.string().regex(/^\d{4}$/), moneySchema) })),
});

/**
 * A yearly cost series a budget can take as a line item (plain data; the budget engine is not
 * imported). Resale credits are negative amounts.
 *
 * @category Budget lines
 */
export interface BudgetLine {
  /** Stable id: `lifecycle.<kind>.<category>`. */
  readonly id: string;
  readonly name: string;
  /** Budget category: device purchases, repairs, or resale credit. */
  readonly category: "devices" | "repairs" | "resale";
  readonly deviceCategory: DeviceCategory;
  readonly kind: (typeof KINDS)[number];
  /** Amount by fiscal year (key "2027"). */
  readonly amounts: Readonly<Record<string, Money>>;
  readonly total: Money;
  readonly source: "lifecycle-forecast";
  readonly explanation: string;
}

/**
 * Turns a forecast's spend by category into budget line items: one yearly Money series per
 * device category and kind (refresh, failure replacement, growth, spares, repairs, resale
 * credit as a negative amount). The lines of a year add up to the forecast's net spend that year.
 *
 * @param forecast - a result of {@link forecastReplacements} (or its JSON)
 * @returns the lines, sorted by kind then category
 * @throws DistrictKitError when the input has no valid `spendByCategory`
 * @example
 * ```ts
 * const f = forecastReplacements({
 *   asOf: "2026-07-01", horizonYears: 2,
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300", expectedLifeYears: 1 }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2026, count: 10 }],
 *   failure: { default: { failure: { kind: "annual" } } },
 * });
 * const lines = forecastToBudgetLines(f);
 * lines.map((l) => [l.id, l.amounts["2027"]!.toString()]); // => [["lifecycle.refresh.chromebook", "3000"]]
 * ```
 * @category Budget lines
 */
export function forecastToBudgetLines(forecast: unknown): BudgetLine[] {
  const d = parseInput(budgetLinesSourceSchema, forecast, ["forecast"]);
  return d.spendByCategory
    .map((s) => {
      const sign = s.kind === "resale-credit" ? -1 : 1;
      const amounts: Record<string, Money> = {};
      for (const [y, v] of Object.entries(s.amounts).sort((a, b) => (a[0] < b[0] ? -1 : 1))) amounts[y] = sign < 0 ? v.negate() : v;
      const total = Money.sum(Object.values(amounts));
      const category: BudgetLine["category"] = s.kind === "repair" ? "repairs" : s.kind === "resale-credit" ? "resale" : "devices";
      return {
        id: `lifecycle.${s.kind}.${s.category}`,
        name: `${LABEL[s.category]}: ${KIND_LABEL[s.kind]}`,
        category,
        deviceCategory: s.category,
        kind: s.kind,
        amounts,
        total,
        source: "lifecycle-forecast" as const,
        explanation: `${LABEL[s.category]}, ${KIND_LABEL[s.kind]}, from the expected lifecycle forecast: ${total.format()} over ${Object.keys(amounts).length} years.`,
      };
    })
    .filter((l) => Object.values(l.amounts).some((a) => !a.isZero()));
}
