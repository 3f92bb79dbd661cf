// Date arithmetic as PHP (8.1 and later) does it, for the asset-system compatibility modes of the
// depreciation schedule (Snipe-IT and GLPI are PHP applications). Not exported from the package.
import { dateParts, daysBetween, type IsoDate } from "@districtkit/core";

/**
 * `date + n months` as PHP's `modify("+n month")` and `new DateTime("31-02-2024")` do: the day of
 * the month is kept and overflows into the next month (31 January + 1 month = 2 March in a leap
 * year), unlike date-fns `addMonths`, which clamps to the month's last day.
 */
export function phpAddMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1 + months, day)).toISOString().slice(0, 10);
}

/** A calendar date of any day number (PHP overflow: 29 February 2025 is 1 March 2025). */
export function phpDate(year: number, month: number, day: number): IsoDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The whole months and remaining days of `from->diff(to)` in PHP (8.1 and later): `y·12 + m` and
 * `d`. PHP counts from the receiver: forward, the most months that added to `from` (with PHP's
 * overflow) do not pass `to`, then the days left; backward (`to` earlier), the most months that
 * taken from `from` do not pass `to`, then the days left. So `2011-05-01 → 2010-08-02` is 8 months
 * 30 days but `2010-08-02 → 2011-05-01` is 8 months 29 days. Checked against PHP 8.2's output in
 * the tests.
 */
export function phpMonthsAndDays(from: IsoDate, to: IsoDate): { months: number; days: number } {
  const f = dateParts(from);
  const t = dateParts(to);
  if (to >= from) {
    let months = (t.year - f.year) * 12 + (t.month - f.month);
    while (months > 0 && phpAddMonths(from, months) > to) months--;
    return { months, days: daysBetween(to, phpAddMonths(from, months)) };
  }
  let months = (f.year - t.year) * 12 + (f.month - t.month);
  while (months > 0 && phpAddMonths(from, -months) < to) months--;
  return { months, days: daysBetween(phpAddMonths(from, -months), to) };
}
