// The rows of an asset system's depreciation table, turned into a booked schedule. Internal.
import type { IsoDate, Money } from "@districtkit/core";

/** The value an asset system shows at the end of one period of its table (one unit). */
export interface CompatRow {
  /** The fiscal year the period ends in. */
  fiscalYear: number;
  periodEnd: IsoDate;
  /** The system's own label of the row (GLPI's year), or null. */
  label: string | null;
  /** Unrounded (GLPI computes in floating point and shows 2 decimals) or already rounded (Snipe-IT). */
  value: Money;
}

/** The schedule rows of `units` units: the value each row shows, to the cent, and the charges between them. */
export function bookedRows(
  cost: Money,
  rows: readonly CompatRow[],
  units: number,
): { fiscalYear: number; periodEnd: IsoDate; label: string | null; depreciation: Money; accumulated: Money; bookValue: Money }[] {
  let previous = cost.multiply(units);
  const total = previous;
  return rows.map((r) => {
    const bookValue = r.value.roundToCents().multiply(units);
    const depreciation = previous.subtract(bookValue);
    previous = bookValue;
    return { fiscalYear: r.fiscalYear, periodEnd: r.periodEnd, label: r.label, depreciation, accumulated: total.subtract(bookValue), bookValue };
  });
}
