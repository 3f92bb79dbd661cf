import type { Money } from "@districtkit/core";
import type { ERateDiscountResult } from "../erate/discount.js";
import type { LeverEffect } from "../scenario/applyLevers.js";
import type { Lever } from "../schema/scenario.js";

/**
 * Options of {@link projectBudget}.
 *
 * @category Projection
 */
export interface ProjectionOptions {
  /**
   * `items` (default): every line item's yearly cost, fund split and explanation; `summary`:
   * the tables by year × category, fund and school only (for very large budgets).
   */
  readonly detail?: "items" | "summary";
}

/**
 * One fiscal year of a projection. Every table adds up to `total` to the cent.
 *
 * @category Projection
 */
export interface ProjectionYear {
  readonly fiscalYear: number;
  /** `"FY2027"` in the district calendar. */
  readonly label: string;
  /** The E-Rate funding year covering the same months (named by its start). */
  readonly eRateFundingYear: number;
  readonly total: Money;
  readonly byCategory: Readonly<Record<string, Money>>;
  /** By fund id, the general fund and E-Rate funds included. */
  readonly byFund: Readonly<Record<string, Money>>;
  /** By school id; district-wide items under `"district"`. */
  readonly bySchool: Readonly<Record<string, Money>>;
  /** category → fund → amount. */
  readonly byCategoryFund: Readonly<Record<string, Readonly<Record<string, Money>>>>;
  /** school (or `"district"`) → fund → amount; filled with `detail: "items"`, empty with `"summary"`. */
  readonly bySchoolFund: Readonly<Record<string, Readonly<Record<string, Money>>>>;
  /** District students driving costs this year (unrounded projection). */
  readonly students: number;
  /** The year in a sentence: the total, its largest categories and who pays. */
  readonly explanation: string;
}

/**
 * One year of one line item.
 *
 * @category Projection
 */
export interface LineYear {
  readonly fiscalYear: number;
  readonly cost: Money;
  /** Who pays: fund id → amount (adds up to `cost`). */
  readonly byFund: Readonly<Record<string, Money>>;
  /** Units bought (per-unit items), after the item's unit rounding. */
  readonly units: number | null;
  /** The escalated unit cost (or amount) of this year, before scaling. */
  readonly unitCost: Money | null;
  readonly explanation: string;
}

/**
 * A line item across the horizon.
 *
 * @category Projection
 */
export interface ProjectionLine {
  readonly itemId: string;
  readonly name: string;
  readonly category: string;
  /** School id, or `null` for a district-wide item. */
  readonly school: string | null;
  readonly kind: "recurring" | "one-time" | "per-unit" | "series";
  readonly eRate: "C1" | "C2" | "ineligible";
  readonly total: Money;
  /** One entry per horizon year (zero cost in years the item does not run). */
  readonly years: readonly LineYear[];
}

/**
 * How one award of a restricted fund was used.
 *
 * @category Projection
 */
export interface TrancheUse {
  readonly id: string;
  readonly awardYear: number | null;
  readonly amount: Money;
  readonly availableFrom: string;
  readonly obligateBy: string;
  readonly liquidateBy: string;
  readonly used: Money;
  readonly byYear: Readonly<Record<string, Money>>;
  readonly remaining: Money;
  /** `fully-used`; `lapses` (unobligated by its deadline, inside the horizon); `available-after-horizon`; `expired-before-horizon`. */
  readonly status: "fully-used" | "lapses" | "available-after-horizon" | "expired-before-horizon";
  readonly explanation: string;
}

/**
 * What a fund paid over the horizon.
 *
 * @category Projection
 */
export interface FundUse {
  readonly id: string;
  readonly name: string;
  readonly kind: "general" | "erate" | "grant" | "bond" | "levy" | "other";
  readonly paid: Money;
  readonly byYear: Readonly<Record<string, Money>>;
  /** Restricted funds: each award. */
  readonly tranches: readonly TrancheUse[];
  /** Restricted money that lapses unobligated within the horizon. */
  readonly lapsing: Money;
  readonly explanation: string;
}

/**
 * Cost that restricted money did not pay, and the rule that blocked it.
 *
 * @category Projection
 */
export interface BlockedCost {
  readonly fiscalYear: number;
  readonly category: string;
  /**
   * `no-eligible-fund` (no restricted fund may pay the category or the item), `outside-window`
   * (eligible funds exist but none is available that year), `funds-exhausted` (eligible money
   * in the window is used up or capped), `c2-budget-exhausted` (C2 cost above the five-year
   * budget: E-Rate does not share it), `no-erate-fund` (an E-Rate item without an E-Rate fund).
   */
  readonly rule: "no-eligible-fund" | "outside-window" | "funds-exhausted" | "c2-budget-exhausted" | "no-erate-fund" | "no-c2-cycle";
  readonly amount: Money;
  readonly explanation: string;
}

/**
 * A warning: the plan is valid but unwise or incomplete.
 *
 * @category Projection
 */
export interface ProjectionWarning {
  readonly code:
    | "restricted-money-lapses"
    | "general-fund-over-limit"
    | "c2-over-budget"
    | "erate-item-without-fund"
    | "no-c2-cycle-figures"
    | "item-outside-horizon"
    | "missing-driver-value"
    | "c2-figures-unconfirmed"
    | "series-escalator-ignored";
  readonly message: string;
  readonly path?: readonly (string | number)[];
}

/**
 * The Category Two cycle as the projection tracked it.
 *
 * @category Projection
 */
export interface C2CycleUse {
  readonly cycle: string;
  /** The budget in force at the end of the horizon's part of the cycle (pre-discount). */
  readonly budget: Money;
  readonly committedBefore: Money;
  /** Pre-discount C2 cost consumed inside the horizon. */
  readonly consumed: Money;
  readonly remaining: Money;
  readonly explanation: string;
}

/**
 * A multi-year projection of one scenario: every fiscal year × category × fund × school, exact
 * to the cent, with the fund assignment, E-Rate, lapse risk and the reason for every figure.
 * Plain data: `JSON.stringify` writes every amount as a decimal string.
 *
 * @category Projection
 */
export interface BudgetProjection {
  readonly scenario: { readonly id: string; readonly name: string; readonly levers: readonly Lever[]; readonly effects: readonly LeverEffect[] };
  readonly firstYear: number;
  readonly lastYear: number;
  readonly years: readonly ProjectionYear[];
  readonly total: Money;
  readonly byCategory: Readonly<Record<string, Money>>;
  readonly byFund: Readonly<Record<string, Money>>;
  readonly bySchool: Readonly<Record<string, Money>>;
  readonly generalFund: { readonly id: string; readonly draw: Money; readonly byYear: Readonly<Record<string, Money>> };
  /** Empty with `detail: "summary"`. */
  readonly lines: readonly ProjectionLine[];
  readonly funds: readonly FundUse[];
  readonly blocked: readonly BlockedCost[];
  readonly eRate: {
    readonly discount: ERateDiscountResult | null;
    /** Discounts applied, whole percent or overridden fraction × 100. */
    readonly c1Percent: number | null;
    readonly c2Percent: number | null;
    readonly c2Cycles: readonly C2CycleUse[];
  };
  /** Students driving costs (unrounded projection, after enrollment levers): district and per school, by fiscal year. */
  readonly enrollment: { readonly byYear: Readonly<Record<string, number>>; readonly bySchool: Readonly<Record<string, Readonly<Record<string, number>>>>; readonly methods: readonly string[] };
  /** Restricted money that lapses unobligated inside the horizon. */
  readonly lapsing: Money;
  readonly warnings: readonly ProjectionWarning[];
  readonly rules: {
    readonly escalationRounding: "each-year" | "at-end";
    readonly fundOrder: "expiry-first" | "preference-first";
    readonly obligationDay: string;
    readonly rounding: string;
    readonly assignment: string;
  };
  readonly explanation: string;
}
