// lightFormat, not format: the full formatter carries every token and the en-US locale (about
// 10 KB gzip in the playground's first load) for one pattern. Dates are read without parse or
// parseISO: the text is already checked as YYYY-MM-DD, and two Date calls give its local midnight.
import { addDays, addMonths, differenceInCalendarDays, lightFormat } from "date-fns";
import { z } from "zod";
import { describeValue } from "./describe.js";
import { DistrictKitError } from "./errors.js";

/**
 * A calendar day written as `YYYY-MM-DD`. DistrictKit never attaches a time or a time zone to a
 * date, so a date means the same day everywhere.
 *
 * @category Dates
 */
export type IsoDate = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Tells whether a value is a real calendar day in `YYYY-MM-DD` form (`2025-02-30` is not).
 *
 * @param value - anything
 * @returns true for a valid ISO calendar date
 * @example
 * ```ts
 * isIsoDate("2024-02-29"); // => true
 * isIsoDate("2025-02-30"); // => false
 * ```
 * @category Dates
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !ISO.test(value)) return false;
  // Plain Gregorian arithmetic: engines and importers validate 100,000s of dates, and a date
  // library round trip costs ~1 µs each. isoDate.prop.test.ts checks this equals date-fns'
  // parse-and-format on every YYYY-MM-DD text (year 0000 does not exist there either).
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The zod schema of an ISO calendar date (`YYYY-MM-DD`, a day that exists).
 *
 * @example
 * ```ts
 * isoDateSchema.parse("2026-07-01"); // => "2026-07-01"
 * ```
 * @category Validation
 */
export const isoDateSchema = z
  .string({ error: "expected an ISO date (YYYY-MM-DD)" })
  .refine(isIsoDate, { error: (issue) => `expected an ISO date (YYYY-MM-DD), got ${describeValue(issue.input)}` })
  .describe("A calendar day, YYYY-MM-DD");

/**
 * @internal The local midnight of an ISO date, as date-fns' `parse(date, "yyyy-MM-dd", …)` gives it
 * (its last step sets the year, month and day, then the hours, of a `new Date(0)`: the same two
 * calls here, at a fraction of the cost — date math on 100,000 records spent most of its time in
 * `parse`). isoDate.prop.test.ts checks the two agree, in several time zones.
 */
export function toLocal(date: IsoDate, what: string): Date {
  if (!isIsoDate(date)) throw DistrictKitError.argument([what], `expected an ISO date (YYYY-MM-DD), got ${describeValue(date)}`);
  const d = new Date(0);
  d.setFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  d.setHours(0, 0, 0, 0);
  return d;
}

/**
 * Splits an ISO date into its year, month (1–12) and day.
 *
 * @param date - an ISO date
 * @returns the parts
 * @throws DistrictKitError for a string that is not a real date
 * @example
 * ```ts
 * dateParts("2026-09-15"); // { year: 2026, month: 9, day: 15 }
 * ```
 * @category Dates
 */
export function dateParts(date: IsoDate): { readonly year: number; readonly month: number; readonly day: number } {
  const d = toLocal(date, "date");
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/**
 * Builds an ISO date from a year, a month (1–12) and a day.
 *
 * @param year - four-digit year
 * @param month - 1–12
 * @param day - day of month
 * @returns the ISO date
 * @throws DistrictKitError when the day does not exist
 * @example
 * ```ts
 * isoDate(2027, 6, 30); // => "2027-06-30"
 * ```
 * @category Dates
 */
export function isoDate(year: number, month: number, day: number): IsoDate {
  if (![year, month, day].every((x) => typeof x === "number" && Number.isInteger(x))) {
    throw DistrictKitError.argument([], `expected whole numbers for year, month and day, got ${describeValue(year)}, ${describeValue(month)}, ${describeValue(day)}`);
  }
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !isIsoDate(text)) {
    throw DistrictKitError.argument([], `expected a real calendar day, got year ${year}, month ${month}, day ${day}`);
  }
  return text;
}

/**
 * Adds (or with a negative count, subtracts) calendar days.
 *
 * @param date - an ISO date
 * @param days - whole days
 * @returns the new ISO date
 * @example
 * ```ts
 * addDaysIso("2027-09-30", 120); // => "2028-01-28"
 * ```
 * @category Dates
 */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw DistrictKitError.argument(["days"], `expected whole days, got ${describeValue(days)}`);
  const from = toLocal(date, "date");
  // 0001-01-01 to 9999-12-31 is 3,652,058 days: a larger offset cannot land on an ISO date
  if (Math.abs(days) > 3_652_059) throw outOfRange("days", days, date);
  return inRange(addDays(from, days), "days", days, date);
}

/** The date as YYYY-MM-DD, or a DistrictKitError when it falls outside years 0001–9999. */
function inRange(d: Date, what: string, offset: number, date: string): IsoDate {
  const year = d.getFullYear();
  if (!Number.isFinite(d.getTime()) || year < 1 || year > 9999) throw outOfRange(what, offset, date);
  return lightFormat(d, "yyyy-MM-dd");
}

function outOfRange(what: string, offset: number, date: string): DistrictKitError {
  return DistrictKitError.argument([what], `expected ${what} that keep ${date} within the years 0001–9999, got ${offset}`);
}

/**
 * Adds calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
 *
 * @param date - an ISO date
 * @param months - whole months
 * @returns the new ISO date
 * @example
 * ```ts
 * addMonthsIso("2026-07-01", 27); // => "2028-10-01"
 * ```
 * @category Dates
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw DistrictKitError.argument(["months"], `expected whole months, got ${describeValue(months)}`);
  const from = toLocal(date, "date");
  if (Math.abs(months) > 120_000) throw outOfRange("months", months, date);
  return inRange(addMonths(from, months), "months", months, date);
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @param to - the later date
 * @param from - the earlier date
 * @returns the number of days
 * @example
 * ```ts
 * daysBetween("2026-07-11", "2026-07-01"); // => 10
 * ```
 * @category Dates
 */
export function daysBetween(to: IsoDate, from: IsoDate): number {
  return differenceInCalendarDays(toLocal(to, "to"), toLocal(from, "from"));
}

/**
 * Compares two ISO dates.
 *
 * @param a - a date
 * @param b - another date
 * @returns −1, 0 or 1
 * @example
 * ```ts
 * compareIsoDates("2026-01-01", "2025-12-31"); // => 1
 * ```
 * @category Dates
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  toLocal(a, "a");
  toLocal(b, "b");
  return a < b ? -1 : a > b ? 1 : 0;
}
