import type { Money } from "@districtkit/core";
import type { ForecastCounts } from "./result.js";

/**
 * Builds one breakdown row from its values (see rowMakers.generated.ts): the fiscal year, the
 * grouped dimensions' values in `groupBy` order, the counts, the purchases object and the amounts.
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
