// Snipe-IT's depreciated value, reproduced for districts that migrate from it (DOMAIN-lifecycle
// §11, compatibility modes; not an accounting standard). The rules are read from Snipe-IT's
// app/Models/Depreciable.php (repository snipe/snipe-it, now grokability/snipe-it, AGPL-3.0; at
// commit d217426a of April 2025): getLinearDepreciatedValue, getHalfYearDepreciatedValue,
// get_fiscal_year, is_first_half_of_year and calculateDepreciation. Reference behaviour only: this
// file is written from the rules, not from its code. Internal: not exported.
import { DISTRICT_CALENDAR, dateParts, type FiscalCalendar, fiscalYearOf, fiscalYearRange, type IsoDate, Money } from "@districtkit/core";
import { phpAddMonths, phpMonthsAndDays } from "../internal/phpDate.js";
import type { CompatRow } from "./compatRows.js";

export type SnipeItMethod = "snipe-it-linear" | "snipe-it-half-year" | "snipe-it-half-year-if-second-half";

export interface SnipeItInput {
  method: SnipeItMethod;
  cost: Money;
  purchaseDate: IsoDate;
  lifeMonths: number;
  /** Snipe-IT's "minimum value after depreciation" (linear only): an amount, or a percent of the cost. */
  floor: { amount: Money } | { percent: number } | undefined;
  calendar: FiscalCalendar | undefined;
}

/** The floor of the linear method: `percent ? cost × min% : min`. */
function floorOf(d: SnipeItInput): Money {
  if (d.floor === undefined) return Money.ZERO;
  return "percent" in d.floor ? d.cost.multiply(d.floor.percent).divide(100) : d.floor.amount;
}

/**
 * Linear: whole months between the purchase date and the date, as PHP's DateTime::diff counts
 * them (days dropped); at or past the life, the floor (or 0 without one); before it,
 * `round(cost − (cost − floor) × months / life, 2)`. A date before the purchase shows the cost
 * (later Snipe-IT versions say so explicitly).
 */
function linearValue(d: SnipeItInput, date: IsoDate): Money {
  if (date < d.purchaseDate) return d.cost;
  const { months } = phpMonthsAndDays(d.purchaseDate, date);
  const floor = floorOf(d);
  if (months >= d.lifeMonths) return floor.isZero() ? Money.ZERO : floor.roundToCents();
  return d.cost.subtract(d.cost.subtract(floor).multiply(months).divide(d.lifeMonths)).roundToCents();
}

/** Snipe-IT's year of a date: the calendar year before it, except that 31 December belongs to its own year. */
function snipeYear(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return month === 12 && day === 31 ? year : year - 1;
}

/** Snipe-IT's first half of a year: before 1 June, or 31 December. */
function firstHalf(date: IsoDate): boolean {
  const { month, day } = dateParts(date);
  const md = month * 100 + day;
  return md < 601 || md >= 1231;
}

/**
 * Half-year convention: whole Snipe-IT years between the purchase and the date, less half a year
 * for the purchase ("always", or only for a purchase in the second half), plus half a year when
 * the date is in the second half, clamped to [0, ⌈months / 12⌉]; value
 * `cost − round(years / ⌈months / 12⌉ × cost, 2)`. No floor.
 */
function halfYearValue(d: SnipeItInput, date: IsoDate): Money {
  const years = Math.ceil(d.lifeMonths / 12);
  let past = snipeYear(date) - snipeYear(d.purchaseDate);
  if (d.method === "snipe-it-half-year" || !firstHalf(d.purchaseDate)) past -= 0.5;
  if (!firstHalf(date)) past += 0.5;
  past = Math.min(years, Math.max(0, past));
  return d.cost.subtract(d.cost.multiply(past).divide(years).roundToCents());
}

/** The value Snipe-IT shows on a date. */
export function snipeItValue(d: SnipeItInput, date: IsoDate): Money {
  return d.method === "snipe-it-linear" ? linearValue(d, date) : halfYearValue(d, date);
}

/**
 * The value at the end of each fiscal year, from the year of the purchase to the first year
 * whose end shows the final value (the floor, or 0).
 */
export function snipeItRows(d: SnipeItInput): CompatRow[] {
  const calendar = d.calendar ?? DISTRICT_CALENDAR;
  const final = d.method === "snipe-it-linear" ? linearValue(d, phpAddMonths(d.purchaseDate, d.lifeMonths)) : Money.ZERO;
  const rows: CompatRow[] = [];
  const limit = Math.ceil(d.lifeMonths / 12) + 3;
  for (let fy = fiscalYearOf(d.purchaseDate, calendar); rows.length < limit; fy++) {
    const end = fiscalYearRange(fy, calendar).end;
    const value = snipeItValue(d, end);
    rows.push({ fiscalYear: fy, periodEnd: end, label: null, value });
    if (value.equals(final)) break;
  }
  return rows;
}

/** One sentence naming the rule. */
export function snipeItRule(d: SnipeItInput): string {
  if (d.method === "snipe-it-linear") {
    const floor = d.floor === undefined ? "no floor" : "percent" in d.floor ? `a floor of ${d.floor.percent} % of the cost` : `a floor of ${d.floor.amount.format()}`;
    return `Snipe-IT linear depreciation over ${d.lifeMonths} month${d.lifeMonths === 1 ? "" : "s"} from ${d.purchaseDate} (whole months, days dropped; ${floor}), rounded to the cent as Snipe-IT shows it`;
  }
  return `Snipe-IT half-year convention ${d.method === "snipe-it-half-year" ? "(always applied)" : "(applied to purchases in the second half)"} over ${Math.ceil(d.lifeMonths / 12)} year${d.lifeMonths <= 12 ? "" : "s"} from ${d.purchaseDate}, rounded to the cent as Snipe-IT shows it`;
}
