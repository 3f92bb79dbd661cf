// The result of the expected forecast (forecastReplacements, expected.ts) and its parts: yearly
// counts and spend, breakdown rows, cohort plans, spend by category.
import type { Money } from "@districtkit/core";
import type { DeviceCategory, DeviceRole } from "../schema.js";
import type { RetirementRule } from "./compiled.js";

/**
 * Device counts of one fiscal year (expected values in the expected forecast, so they may be
 * fractional; whole numbers in each Monte Carlo trial). Stock–flow holds:
 * `inServiceEnd = inServiceStart − plannedRetirements − failures − losses + purchases.total`.
 *
 * @category Forecast
 */
export interface ForecastCounts {
  readonly inServiceStart: number;
  /** Retired by policy this year (cycle, AUE, support end, max age, warranty). */
  readonly plannedRetirements: number;
  /** Failed beyond repair. */
  readonly failures: number;
  /** Lost or stolen. */
  readonly losses: number;
  /** Planned retirements not replaced (policy or enrollment decline). */
  readonly notReplaced: number;
  readonly purchases: {
    readonly refresh: number;
    readonly failureReplacement: number;
    readonly growth: number;
    readonly spares: number;
    readonly total: number;
  };
  readonly inServiceEnd: number;
  /** Units whose refresh was due but deferred by the refresh budget cap. */
  readonly deferred: number;
  /** Repaired incidents. */
  readonly repairIncidents: number;
}

/**
 * Spend of one fiscal year, rounded to the cent (rows add up to the year exactly).
 *
 * @category Forecast
 */
export interface ForecastSpend {
  /** Purchases: refresh, failure replacements, growth and spares. */
  readonly capital: Money;
  /** Repaired incidents × repair cost. */
  readonly repair: Money;
  /** Resale/buyback value of planned retirements (price × residual curve; 0 past AUE). */
  readonly resaleCredit: Money;
  /** capital + repair − resaleCredit. */
  readonly net: Money;
}

/**
 * One fiscal year of the district forecast.
 *
 * @category Forecast
 */
export interface ForecastYear extends ForecastCounts, ForecastSpend {
  readonly fiscalYear: number;
  readonly label: string;
  /** Planned retirements by the rule that retired them. */
  readonly retirementsByRule: Readonly<Record<RetirementRule, number>>;
  /** Spare pool required at the service level (when a spare policy is given). */
  readonly sparesRequired: number;
}

/**
 * One line of the breakdown (fiscal year × the `groupBy` dimensions). Rows carry capital, repair
 * and resale credit (net = capital + repair − resale, as in the summary); they add up to the
 * summary's amounts exactly.
 *
 * @category Forecast
 */
export interface ForecastRow extends ForecastCounts, Omit<ForecastSpend, "net"> {
  readonly fiscalYear: number;
  readonly school?: string;
  readonly model?: string;
  readonly category?: DeviceCategory;
  readonly role?: DeviceRole;
}

/**
 * The plan for one cohort of the inventory: when it is retired and by which rule.
 *
 * @category Forecast
 */
export interface CohortPlan {
  readonly id: string;
  readonly model: string;
  readonly school: string;
  readonly role: DeviceRole;
  readonly purchaseFiscalYear: number;
  readonly count: number;
  /** Fiscal year of the planned retirement (null: no rule retires it). May lie beyond the horizon. */
  readonly plannedFiscalYear: number | null;
  readonly rule: RetirementRule | null;
  /** Latest year allowed by a hard rule (AUE, support end, max age), or null. */
  readonly hardDeadline: number | null;
  /** The hard rule that sets `hardDeadline`, or null. */
  readonly hardRule: RetirementRule | null;
  /** The planned year had already passed at the as-of date: retired in the first forecast year. */
  readonly overdue: boolean;
  /** Expected units retired by policy per fiscal year (failures and losses excluded). */
  readonly retiredByYear: Readonly<Record<string, number>>;
  readonly explanation: string;
}

/**
 * Spend by device category and kind, per fiscal year — the input of budget line items.
 *
 * @category Forecast
 */
export interface CategorySpend {
  readonly category: DeviceCategory;
  readonly kind: "refresh" | "failure-replacement" | "growth" | "spares" | "repair" | "resale-credit";
  readonly amounts: Readonly<Record<string, Money>>;
}

/**
 * The expected-value replacement forecast.
 *
 * @category Forecast
 */
export interface ForecastResult {
  readonly asOf: string;
  readonly years: readonly number[];
  readonly summary: readonly ForecastYear[];
  /** Breakdown rows (empty unless `groupBy` is given). */
  readonly rows: readonly ForecastRow[];
  readonly groupBy: readonly ("school" | "model" | "category" | "role")[];
  readonly cohorts: readonly CohortPlan[];
  readonly spendByCategory: readonly CategorySpend[];
  /** Refresh deferred by the budget cap: year, cohort, units, why. */
  readonly deferrals: readonly { readonly fiscalYear: number; readonly cohort: string; readonly units: number; readonly reason: string }[];
  /** Years where hard deadlines alone exceed the cap: never silently over the cap. */
  readonly capShortfalls: readonly {
    readonly fiscalYear: number;
    readonly cap: Money;
    readonly forced: Money;
    readonly shortfall: Money;
    readonly cohorts: readonly string[];
    readonly explanation: string;
  }[];
  /** Depreciation of capitalized purchases (when `depreciation` is given), else null. */
  readonly depreciation: {
    readonly years: readonly { readonly fiscalYear: number; readonly depreciation: Money; readonly bookValue: Money }[];
    readonly capitalizedPurchases: number;
    readonly expensedPurchases: number;
    readonly explanation: string;
  } | null;
  /** How each failure assumption turns into yearly probabilities (default first, then rules). */
  readonly failureModels: readonly string[];
  readonly warnings: readonly string[];
  readonly explanation: string;
}
