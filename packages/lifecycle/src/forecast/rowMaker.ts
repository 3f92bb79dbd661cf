import type { Money } from "@districtkit/core";
import type { ForecastCounts } from "./result.js";

/** A breakdown row's fields after `fiscalYear` and the grouped dimensions, in their order. */
export const ROW_FIELDS = [
  "inServiceStart",
  "plannedRetirements",
  "failures",
  "losses",
  "notReplaced",
  "purchases",
  "inServiceEnd",
  "deferred",
  "repairIncidents",
  "capital",
  "repair",
  "resaleCredit",
] as const;

/**
 * Builds one breakdown row from its values (see rowMakers.generated.ts): the fiscal year, the
 * grouped dimensions' values in `groupBy` order, then the values of {@link ROW_FIELDS} in order.
 */
export type RowMaker = (
  fiscalYear: number,
  key: readonly string[],
  inServiceStart: number,
  plannedRetirements: number,
  failures: number,
  losses: number,
  notReplaced: number,
  purchases: ForecastCounts["purchases"],
  inServiceEnd: number,
  deferred: number,
  repairIncidents: number,
  capital: Money,
  repair: Money,
  resaleCredit: Money,
) => object;
