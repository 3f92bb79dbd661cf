import { DistrictKitError, Money, moneySchema, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { CAPITALIZATION_THRESHOLDS } from "./tables/capitalization.js";

const lifeSchema = z.number().positive().max(100_000);

/**
 * Straight-line depreciation per period, Excel's `SLN(cost, salvage, life)`:
 * `(cost − salvage) / life`, unrounded (round only the booked amount).
 *
 * @param cost - the asset's cost
 * @param salvage - its value at the end of its life
 * @param life - periods of life (> 0)
 * @returns the charge per period
 * @throws DistrictKitError for a non-positive life or a bad amount
 * @example
 * ```ts
 * straightLine("30000", "7500", 10).toString(); // => "2250"
 * ```
 * @category Depreciation
 */
export function straightLine(cost: unknown, salvage: unknown, life: number): Money {
  const c = parseInput(moneySchema, cost, ["cost"]);
  const s = parseInput(moneySchema, salvage, ["salvage"]);
  const l = parseInput(lifeSchema, life, ["life"]);
  return c.subtract(s).divide(l);
}

/**
 * Declining-balance depreciation for one period, Excel's `DDB(cost, salvage, life, period,
 * factor = 2)`: `min((cost − acc)·factor/life, cost − salvage − acc)`, floored at 0, where acc is
 * the depreciation of the earlier periods. No switch to straight line (that is VDB). Unrounded.
 *
 * @param cost - the asset's cost
 * @param salvage - its value at the end of its life
 * @param life - periods of life
 * @param period - the period (1-based, ≤ life; same unit as life)
 * @param factor - the declining rate (default 2, double declining)
 * @returns the charge of that period
 * @throws DistrictKitError for a period outside [1, life] or a bad amount
 * @example
 * ```ts
 * decliningBalance("2400", "300", 10, 1).toString(); // => "480"
 * decliningBalance("2400", "300", 3650, 1).toFixed(2); // => "1.32"
 * ```
 * @category Depreciation
 */
export function decliningBalance(cost: unknown, salvage: unknown, life: number, period: number, factor = 2): Money {
  const c = parseInput(moneySchema, cost, ["cost"]);
  const s = parseInput(moneySchema, salvage, ["salvage"]);
  const l = parseInput(lifeSchema, life, ["life"]);
  const p = parseInput(z.number().int().min(1), period, ["period"]);
  const f = parseInput(z.number().positive().max(100), factor, ["factor"]);
  if (p > Math.ceil(l)) throw DistrictKitError.argument(["period"], `expected a period ≤ the life (${l}), got ${p}`);
  let acc = Money.ZERO;
  let charge = Money.ZERO;
  for (let k = 1; k <= p; k++) {
    const byRate = c.subtract(acc).multiply(f).divide(l);
    const toSalvage = c.subtract(s).subtract(acc);
    charge = Money.max(Money.ZERO, Money.min(byRate, toSalvage));
    acc = acc.add(charge);
  }
  return charge;
}

/**
 * Input of {@link depreciationSchedule}.
 *
 * @example
 * ```ts
 * depreciationScheduleInputSchema.parse({ unitCost: "1500", lifeYears: 5, startFiscalYear: 2027 }).method; // => "straight-line"
 * ```
 * @category Depreciation
 */
export const depreciationScheduleInputSchema = z.object({
  unitCost: nonNegativeMoneySchema,
  units: z.number().int().min(1).default(1),
  salvage: nonNegativeMoneySchema.optional(),
  lifeYears: z.number().int().min(1).max(100),
  startFiscalYear: z.number().int().min(1000).max(9900),
  method: z.enum(["straight-line", "declining-balance"]).default("straight-line"),
  factor: z.number().positive().max(10).default(2),
  /** Per-unit capitalization threshold (default: the GFOA $5,000 reference). */
  capitalizationThreshold: nonNegativeMoneySchema.optional(),
  /** Capitalize a purchase of individually small items as one asset when the total reaches the threshold (GASB IG 2021-1 Q5.1). */
  groupCapitalization: z.boolean().default(false),
});

/**
 * A book-value schedule.
 *
 * @category Depreciation
 */
export interface DepreciationSchedule {
  readonly capitalized: boolean;
  readonly reason: string;
  readonly cost: Money;
  readonly years: readonly { readonly fiscalYear: number; readonly depreciation: Money; readonly accumulated: Money; readonly bookValue: Money }[];
}

/**
 * A yearly depreciation schedule for a purchase (one unit or a group), booked to the cent: each
 * year's charge is rounded half-up and the last year takes the remainder, so the accumulated
 * depreciation equals cost − salvage at the end of life and book value never goes below salvage
 * nor negative. Purchases below the capitalization threshold are expensed (no schedule), unless
 * group capitalization applies.
 *
 * @param input - see {@link depreciationScheduleInputSchema}
 * @returns whether it is capitalized (and why) and the schedule
 * @throws DistrictKitError for invalid input (salvage above cost…)
 * @example
 * ```ts
 * const s = depreciationSchedule({ unitCost: "1500", units: 100, lifeYears: 5, startFiscalYear: 2027, groupCapitalization: true });
 * s.capitalized; // => true
 * s.years.map((y) => y.depreciation.toString()); // => ["30000", "30000", "30000", "30000", "30000"]
 * depreciationSchedule({ unitCost: "289", units: 300, lifeYears: 4, startFiscalYear: 2027 }).capitalized; // => false
 * ```
 * @category Depreciation
 */
export function depreciationSchedule(input: unknown): DepreciationSchedule {
  const d = parseInput(depreciationScheduleInputSchema, input);
  const cost = d.unitCost.multiply(d.units);
  const salvageUnit = d.salvage ?? Money.ZERO;
  const salvage = salvageUnit.multiply(d.units);
  if (salvage.greaterThan(cost)) throw DistrictKitError.argument(["salvage"], `expected a salvage value ≤ the cost (${d.unitCost.toString()}), got ${salvageUnit.toString()}`);
  const threshold = d.capitalizationThreshold ?? CAPITALIZATION_THRESHOLDS[0]!.perUnit;
  const perUnit = d.unitCost.greaterThanOrEqual(threshold);
  const group = d.groupCapitalization && cost.greaterThanOrEqual(threshold);
  if (!perUnit && !group) {
    return { capitalized: false, reason: `unit cost ${d.unitCost.format()} is below the capitalization threshold of ${threshold.format()}: expensed and tracked as a controlled item`, cost, years: [] };
  }
  const years: { fiscalYear: number; depreciation: Money; accumulated: Money; bookValue: Money }[] = [];
  let acc = Money.ZERO;
  const base = cost.subtract(salvage);
  for (let k = 1; k <= d.lifeYears; k++) {
    let charge: Money;
    if (k === d.lifeYears) charge = base.subtract(acc);
    else if (d.method === "straight-line") charge = base.divide(d.lifeYears).roundToCents();
    else {
      const byRate = cost.subtract(acc).multiply(d.factor).divide(d.lifeYears);
      charge = Money.max(Money.ZERO, Money.min(byRate, base.subtract(acc))).roundToCents();
    }
    acc = acc.add(charge);
    years.push({ fiscalYear: d.startFiscalYear + k - 1, depreciation: charge, accumulated: acc, bookValue: cost.subtract(acc) });
  }
  return {
    capitalized: true,
    reason: perUnit ? `unit cost ${d.unitCost.format()} reaches the threshold of ${threshold.format()}` : `group of ${d.units} totals ${cost.format()}, reaching the threshold of ${threshold.format()} (group capitalization)`,
    cost,
    years,
  };
}

