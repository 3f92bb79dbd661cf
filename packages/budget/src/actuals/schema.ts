import { fiscalCalendarSchema, fiscalYearSchema, isoDateSchema, Money, moneySchema } from "@districtkit/core";
import { z } from "zod";
import { fundSchema } from "../schema/fund.js";

const id = z.string().min(1);
const cents = moneySchema.refine((m) => m.isWholeCents(), { error: "expected an amount in whole cents" });
const DEFAULT_CAL = { id: "district", startMonth: 7, label: "end" as const, prefix: "FY" };

/**
 * The zod schema of one budgeted amount: fund × category × school × fiscal year (a ledger's
 * budget, or a projection's line items). Negative amounts (reductions) are allowed.
 *
 * @example
 * ```ts
 * planRowSchema.parse({ fund: "general-fund", category: "hardware", fiscalYear: 2027, amount: "1200" }).school; // => null
 * ```
 * @category Budget vs actual
 */
export const planRowSchema = z.object({
  fund: id,
  category: id,
  /** School id, or `null` for district-wide. */
  school: id.nullable().default(null),
  fiscalYear: fiscalYearSchema,
  amount: cents,
});

/**
 * The zod schema of one period of actuals: fund × category × school × fiscal year × period,
 * with the amount posted (expended) and the amount encumbered (obligated, not yet paid) in it.
 * `period` is the month of the fiscal year: 1 is its first month (July under the default calendar).
 *
 * @example
 * ```ts
 * actualRowSchema.parse({ fund: "general-fund", category: "hardware", fiscalYear: 2027, period: 3, posted: "450.10" }).encumbered.toString(); // => "0"
 * ```
 * @category Budget vs actual
 */
export const actualRowSchema = z.object({
  fund: id,
  category: id,
  school: id.nullable().default(null),
  fiscalYear: fiscalYearSchema,
  period: z.number().int().min(1).max(12),
  posted: cents,
  encumbered: cents.default(() => Money.ZERO),
});

/**
 * The zod schema of the input of {@link budgetVsActual}.
 *
 * - `fiscalYear` — the year analysed; `throughPeriod` — the last period whose actuals are complete
 *   (default: the last period with any actuals that year; 12 for a closed year);
 * - `plan` and `actuals` — rows as {@link planRowSchema} and {@link actualRowSchema} (other years'
 *   actuals are the history the seasonal projection learns from);
 * - `monthlyPlan` — how the annual budget is spread over the periods: `even` (twelfths, allocated to
 *   the cent) or `seasonal` (by the district's own monthly pattern);
 * - `projection` — `seasonal` (default: the district's monthly pattern from prior complete years,
 *   straight-line where there is no history) or `straight-line`;
 * - `seasonality` — learn the pattern per `category` (default, the district's pattern where a
 *   category has no history) or for the whole `district`;
 * - `historyYears` — the prior years to learn from (default: every complete year before `fiscalYear`).
 *
 * @example
 * ```ts
 * budgetVsActualInputSchema.parse({ fiscalYear: 2027, plan: [], actuals: [] }).projection; // => "seasonal"
 * ```
 * @category Budget vs actual
 */
export const budgetVsActualInputSchema = z.object({
  fiscalYear: fiscalYearSchema,
  calendar: fiscalCalendarSchema.default(DEFAULT_CAL),
  throughPeriod: z.number().int().min(0).max(12).optional(),
  plan: z.array(planRowSchema),
  actuals: z.array(actualRowSchema),
  monthlyPlan: z.enum(["even", "seasonal"]).default("even"),
  projection: z.enum(["seasonal", "straight-line"]).default("seasonal"),
  seasonality: z.enum(["category", "district"]).default("category"),
  historyYears: z.array(fiscalYearSchema).optional(),
});

/**
 * The input of {@link budgetVsActual} as given.
 *
 * @category Budget vs actual
 */
export type BudgetVsActualInput = z.input<typeof budgetVsActualInputSchema>;

/**
 * The zod schema of the input of {@link forecastAccuracy}: budgeted amounts and actuals of past years.
 *
 * @example
 * ```ts
 * forecastAccuracyInputSchema.parse({ plan: [], actuals: [] }).plan; // => []
 * ```
 * @category Budget vs actual
 */
export const forecastAccuracyInputSchema = z.object({
  plan: z.array(planRowSchema),
  actuals: z.array(actualRowSchema),
});

/**
 * The input of {@link forecastAccuracy} as given.
 *
 * @category Budget vs actual
 */
export type ForecastAccuracyInput = z.input<typeof forecastAccuracyInputSchema>;

/**
 * The zod schema of the input of {@link restrictedFundBalances}: the budget's funds (restricted
 * ones are followed; annual allocations become one award a year), the actuals (posted +
 * encumbered = obligated), the day of the report, and — for per-student allocations — students.
 *
 * @example
 * ```ts
 * restrictedBalancesInputSchema.parse({ funds: [], actuals: [], asOf: "2027-01-31" }).calendar.startMonth; // => 7
 * ```
 * @category Budget vs actual
 */
export const restrictedBalancesInputSchema = z.object({
  funds: z.array(fundSchema),
  actuals: z.array(actualRowSchema),
  asOf: isoDateSchema,
  calendar: fiscalCalendarSchema.default(DEFAULT_CAL),
  /** Students, for funds allocated per student. */
  students: z.number().int().min(0).optional(),
  /** Periods of recent obligations that make the spending rate (default 3). */
  ratePeriods: z.number().int().min(1).max(12).default(3),
});

/**
 * The input of {@link restrictedFundBalances} as given.
 *
 * @category Budget vs actual
 */
export type RestrictedBalancesInput = z.input<typeof restrictedBalancesInputSchema>;
