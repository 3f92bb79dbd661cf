import { DistrictKitError, fiscalCalendarSchema, type IsoDate, isoDateSchema, Money, moneySchema, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { bookedRows } from "./depreciation/compatRows.js";
import { glpiTable } from "./depreciation/glpi.js";
import { type SnipeItInput, snipeItRows, snipeItRule, snipeItValue } from "./depreciation/snipeIt.js";
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

const SNIPE_IT = ["snipe-it-linear", "snipe-it-half-year", "snipe-it-half-year-if-second-half"] as const;
const GLPI = ["glpi-linear", "glpi-declining"] as const;
const isSnipeIt = (m: string): m is (typeof SNIPE_IT)[number] => (SNIPE_IT as readonly string[]).includes(m);
const isGlpi = (m: string): m is (typeof GLPI)[number] => (GLPI as readonly string[]).includes(m);

/**
 * Input of {@link depreciationSchedule}. `method` is an accounting method (`straight-line`,
 * `declining-balance`: Excel semantics, by fiscal year) or an asset system's own rule, to
 * reproduce what a district's Snipe-IT or GLPI shows (DistrictKit's lifecycle rules §11 compatibility modes):
 *
 * | method | needs | rule |
 * |---|---|---|
 * | `snipe-it-linear` | `purchaseDate`, `lifeMonths`, optional `floor` | whole months since purchase (days dropped), down to the floor |
 * | `snipe-it-half-year` | `purchaseDate`, `lifeMonths` | half-year convention, always applied |
 * | `snipe-it-half-year-if-second-half` | `purchaseDate`, `lifeMonths` | half-year convention, only for purchases in the second half |
 * | `glpi-linear` | `purchaseDate` or `inServiceDate`, `lifeYears`, `fiscalYearEnd` | first year prorated on a 30/360 count to the fiscal year end |
 * | `glpi-declining` | `purchaseDate`, `lifeYears`, `factor` (GLPI's coefficient, > 1), `fiscalYearEnd` | declining balance, first year prorated by months, last years linear |
 *
 * In those modes the capitalization threshold defaults to 0 (an asset system depreciates what it
 * is given) and `salvage` does not apply.
 *
 * @example
 * ```ts
 * depreciationScheduleInputSchema.parse({ unitCost: "1500", lifeYears: 5, startFiscalYear: 2027 }).method; // => "straight-line"
 * ```
 * @category Depreciation
 */
export const depreciationScheduleInputSchema = z
  .object({
    unitCost: nonNegativeMoneySchema,
    units: z.number().int().min(1).default(1),
    salvage: nonNegativeMoneySchema.optional(),
    /** Life in years (straight-line, declining-balance, GLPI). */
    lifeYears: z.number().int().min(1).max(100).optional(),
    /** The first fiscal year of the schedule (straight-line, declining-balance). */
    startFiscalYear: z.number().int().min(1000).max(9900).optional(),
    method: z.enum(["straight-line", "declining-balance", ...SNIPE_IT, ...GLPI]).default("straight-line"),
    /** The declining rate factor (Excel's DDB factor; GLPI's coefficient). */
    factor: z.number().positive().max(10).default(2),
    /** Per-unit capitalization threshold (default: the GFOA $5,000 reference; 0 in the asset-system modes). */
    capitalizationThreshold: nonNegativeMoneySchema.optional(),
    /** Capitalize a purchase of individually small items as one asset when the total reaches the threshold (GASB IG 2021-1 Q5.1). */
    groupCapitalization: z.boolean().default(false),
    /** Asset-system modes: the purchase (buy) date. */
    purchaseDate: isoDateSchema.optional(),
    /** GLPI linear: the date the asset went into use (its start when given). */
    inServiceDate: isoDateSchema.optional(),
    /** Snipe-IT: the depreciation's number of months. */
    lifeMonths: z.number().int().min(1).max(1200).optional(),
    /** Snipe-IT linear: the "minimum value after depreciation", an amount or a percent of the cost. */
    floor: z.union([z.object({ amount: nonNegativeMoneySchema }).strict(), z.object({ percent: z.number().min(0).max(100) }).strict()]).optional(),
    /** GLPI: day and month of its fiscal date (`date_tax`), "MM-DD", the end of each year of its tables (GLPI's default 31 December). */
    fiscalYearEnd: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected a month and day, MM-DD")
      .optional(),
    /** Asset-system modes: the date whose shown value to report (`valueAsOf`). */
    asOf: isoDateSchema.optional(),
    /** Snipe-IT: the fiscal calendar of the yearly rows (the district's July–June year by default). */
    calendar: fiscalCalendarSchema.optional(),
  })
  .superRefine((d, ctx) => {
    const need = (field: string, why: string): void => ctx.addIssue({ code: "custom", path: [field], message: `expected ${field} (${why})` });
    const not = (field: string, why: string): void => ctx.addIssue({ code: "custom", path: [field], message: `${field} does not apply to ${d.method}: ${why}` });
    const standard = d.method === "straight-line" || d.method === "declining-balance";
    if (standard) {
      if (d.lifeYears === undefined) need("lifeYears", "the life in years");
      if (d.startFiscalYear === undefined) need("startFiscalYear", "the first fiscal year of the schedule");
      for (const f of ["purchaseDate", "inServiceDate", "lifeMonths", "floor", "fiscalYearEnd", "asOf", "calendar"] as const) if (d[f] !== undefined) not(f, "it is an asset-system field");
      return;
    }
    if (d.salvage !== undefined) not("salvage", isSnipeIt(d.method) ? "Snipe-IT's minimum value is floor" : "GLPI depreciates to 0");
    if (d.startFiscalYear !== undefined) not("startFiscalYear", "the schedule starts at the purchase");
    if (isSnipeIt(d.method)) {
      if (d.purchaseDate === undefined) need("purchaseDate", "Snipe-IT's purchase date");
      if (d.lifeMonths === undefined) need("lifeMonths", "the depreciation's number of months");
      for (const f of ["lifeYears", "inServiceDate", "fiscalYearEnd"] as const) if (d[f] !== undefined) not(f, "not a Snipe-IT field");
      if (d.floor !== undefined && d.method !== "snipe-it-linear") not("floor", "the half-year methods ignore the floor");
    } else {
      if (d.lifeYears === undefined) need("lifeYears", "GLPI's depreciation duration in years");
      if (d.method === "glpi-declining" && d.purchaseDate === undefined) need("purchaseDate", "GLPI's declining method starts at the buy date");
      if (d.method === "glpi-linear" && d.purchaseDate === undefined && d.inServiceDate === undefined) need("purchaseDate", "or inServiceDate: where GLPI's linear method starts");
      if (d.method === "glpi-declining" && d.inServiceDate !== undefined) not("inServiceDate", "GLPI's declining method starts at the buy date");
      if (d.method === "glpi-declining" && !(d.factor > 1)) ctx.addIssue({ code: "custom", path: ["factor"], message: `expected GLPI's coefficient above 1, got ${d.factor}` });
      if (d.method === "glpi-declining" && d.lifeYears !== undefined && d.factor > d.lifeYears)
        ctx.addIssue({ code: "custom", path: ["factor"], message: `expected a coefficient ≤ the duration (${d.lifeYears}): above it GLPI's first-year charge exceeds the value` });
      for (const f of ["lifeMonths", "floor", "calendar"] as const) if (d[f] !== undefined) not(f, "not a GLPI field");
    }
  });

/**
 * A book-value schedule.
 *
 * @category Depreciation
 */
export interface DepreciationSchedule {
  readonly method: z.output<typeof depreciationScheduleInputSchema>["method"];
  readonly capitalized: boolean;
  readonly reason: string;
  readonly cost: Money;
  /**
   * One row per fiscal year (accounting methods) or per period of the asset system's table:
   * `bookValue` is the value shown at the period's end (`periodEnd`, asset-system modes), to the
   * cent; `label` is the system's own name of the row (GLPI's year).
   */
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly depreciation: Money;
    readonly accumulated: Money;
    readonly bookValue: Money;
    readonly periodEnd?: IsoDate;
    readonly label?: string;
  }[];
  /** Asset-system modes with `asOf`: the value the system shows on that date (null: it shows none). */
  readonly valueAsOf: { readonly date: IsoDate; readonly value: Money | null } | null;
  readonly explanation: string;
}

/**
 * A yearly depreciation schedule for a purchase (one unit or a group), booked to the cent: each
 * year's charge is rounded half-up and the last year takes the remainder, so the accumulated
 * depreciation equals cost − salvage at the end of life and book value never goes below salvage
 * nor negative. Purchases below the capitalization threshold are expensed (no schedule), unless
 * group capitalization applies.
 *
 * The asset-system modes (`snipe-it-…`, `glpi-…`, see {@link depreciationScheduleInputSchema})
 * reproduce the value Snipe-IT or GLPI shows, to the cent, at the end of each period of its table
 * and on `asOf`: the rules of those systems (read from their public sources, cited in
 * `src/depreciation/`), with PHP's date arithmetic (PHP 8.1+ `DateTime::diff`). They are not
 * accounting standards: use them to check a migration, or to show a board the figure its asset
 * system shows.
 *
 * @param input - see {@link depreciationScheduleInputSchema}
 * @returns whether it is capitalized (and why), the schedule, and the value on `asOf`
 * @throws DistrictKitError for invalid input (salvage above cost, a field the method does not use…)
 * @example
 * ```ts
 * const s = depreciationSchedule({ unitCost: "1500", units: 100, lifeYears: 5, startFiscalYear: 2027, groupCapitalization: true });
 * s.capitalized; // => true
 * s.years.map((y) => y.depreciation.toString()); // => ["30000", "30000", "30000", "30000", "30000"]
 * depreciationSchedule({ unitCost: "289", units: 300, lifeYears: 4, startFiscalYear: 2027 }).capitalized; // => false
 * const snipe = depreciationSchedule({ unitCost: "1200", method: "snipe-it-linear", purchaseDate: "2025-08-15", lifeMonths: 36, floor: { amount: "100" }, asOf: "2026-03-14" });
 * snipe.valueAsOf!.value!.toString(); // => "1016.67"
 * snipe.years.map((y) => [y.fiscalYear, y.bookValue.toString()]); // => [[2026, "894.44"], [2027, "527.78"], [2028, "161.11"], [2029, "100"]]
 * ```
 * @category Depreciation
 */
export function depreciationSchedule(input: unknown): DepreciationSchedule {
  const d = parseInput(depreciationScheduleInputSchema, input);
  const cost = d.unitCost.multiply(d.units);
  const standard = d.method === "straight-line" || d.method === "declining-balance";
  const threshold = d.capitalizationThreshold ?? (standard ? CAPITALIZATION_THRESHOLDS[0]!.perUnit : Money.ZERO);
  const perUnit = d.unitCost.greaterThanOrEqual(threshold);
  const group = d.groupCapitalization && cost.greaterThanOrEqual(threshold);
  const reason = perUnit
    ? `unit cost ${d.unitCost.format()} reaches the threshold of ${threshold.format()}`
    : `group of ${d.units} totals ${cost.format()}, reaching the threshold of ${threshold.format()} (group capitalization)`;
  if (!perUnit && !group) {
    const expensed = `unit cost ${d.unitCost.format()} is below the capitalization threshold of ${threshold.format()}: expensed and tracked as a controlled item`;
    return { method: d.method, capitalized: false, reason: expensed, cost, years: [], valueAsOf: null, explanation: `Not depreciated: ${expensed}.` };
  }
  if (standard) return accountingSchedule(d, cost, reason);
  const total = (v: Money | null): Money | null => (v === null ? null : v.roundToCents().multiply(d.units));
  let rows: ReturnType<typeof snipeItRows>;
  let valueOn: (date: IsoDate) => Money | null;
  let rule: string;
  if (isSnipeIt(d.method)) {
    const s: SnipeItInput = { method: d.method, cost: d.unitCost, purchaseDate: d.purchaseDate!, lifeMonths: d.lifeMonths!, floor: d.floor, calendar: d.calendar };
    rows = snipeItRows(s);
    valueOn = (date) => snipeItValue(s, date);
    rule = snipeItRule(s);
  } else if (isGlpi(d.method)) {
    const g = glpiTable({
      method: d.method,
      cost: d.unitCost,
      purchaseDate: d.purchaseDate,
      inServiceDate: d.inServiceDate,
      lifeYears: d.lifeYears!,
      coefficient: d.factor,
      fiscalYearEnd: d.fiscalYearEnd ?? "12-31",
    });
    rows = g.rows;
    valueOn = g.valueOn;
    rule = g.rule;
  } else throw new Error(`unreachable: ${d.method}`);
  const years = bookedRows(d.unitCost, rows, d.units).map((r) =>
    r.label === null ? { fiscalYear: r.fiscalYear, depreciation: r.depreciation, accumulated: r.accumulated, bookValue: r.bookValue, periodEnd: r.periodEnd } : { ...r, label: r.label },
  );
  const valueAsOf = d.asOf === undefined ? null : { date: d.asOf, value: total(valueOn(d.asOf)) };
  const last = years[years.length - 1]!;
  const shown =
    valueAsOf === null ? "" : valueAsOf.value === null ? ` On ${valueAsOf.date} it shows no value (before the year of use).` : ` On ${valueAsOf.date} it shows ${valueAsOf.value.format()}.`;
  return {
    method: d.method,
    capitalized: true,
    reason,
    cost,
    years,
    valueAsOf,
    explanation: `${rule}${d.units > 1 ? `, for ${d.units} units` : ""}: ${cost.format()} down to ${last.bookValue.format()} by ${last.periodEnd}.${shown}`,
  };
}

/** Straight-line or declining-balance by fiscal year, booked to the cent. */
function accountingSchedule(d: z.output<typeof depreciationScheduleInputSchema>, cost: Money, reason: string): DepreciationSchedule {
  const lifeYears = d.lifeYears!;
  const startFiscalYear = d.startFiscalYear!;
  const salvageUnit = d.salvage ?? Money.ZERO;
  const salvage = salvageUnit.multiply(d.units);
  if (salvage.greaterThan(cost)) throw DistrictKitError.argument(["salvage"], `expected a salvage value ≤ the cost (${d.unitCost.toString()}), got ${salvageUnit.toString()}`);
  const years: { fiscalYear: number; depreciation: Money; accumulated: Money; bookValue: Money }[] = [];
  let acc = Money.ZERO;
  const base = cost.subtract(salvage);
  for (let k = 1; k <= lifeYears; k++) {
    let charge: Money;
    if (k === lifeYears) charge = base.subtract(acc);
    else if (d.method === "straight-line") charge = base.divide(lifeYears).roundToCents();
    else {
      const byRate = cost.subtract(acc).multiply(d.factor).divide(lifeYears);
      charge = Money.max(Money.ZERO, Money.min(byRate, base.subtract(acc))).roundToCents();
    }
    acc = acc.add(charge);
    years.push({ fiscalYear: startFiscalYear + k - 1, depreciation: charge, accumulated: acc, bookValue: cost.subtract(acc) });
  }
  const how = d.method === "straight-line" ? "straight line" : `declining balance at ${d.factor} / ${lifeYears} a year (the last year to salvage)`;
  return {
    method: d.method,
    capitalized: true,
    reason,
    cost,
    years,
    valueAsOf: null,
    explanation: `Capitalized (${reason}): ${cost.format()} depreciated by ${how} over FY${startFiscalYear}–FY${startFiscalYear + lifeYears - 1} to a book value of ${cost.subtract(acc).format()}.`,
  };
}
