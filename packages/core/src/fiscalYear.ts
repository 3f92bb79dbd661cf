import { z } from "zod";
import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";
import { addDaysIso, dateParts, type IsoDate, isoDate } from "./isoDate.js";
import { safeParseInput } from "./validation.js";

/**
 * A fiscal-year calendar: the month a year starts, and whether a year is named by the calendar
 * year it starts or ends in.
 *
 * @category Fiscal years
 */
export interface FiscalCalendar {
  /** A short name for labels and errors (`"district"`, `"erate"`, `"federal"`…). */
  readonly id: string;
  /** First month of the fiscal year, 1–12 (7 = July). */
  readonly startMonth: number;
  /** `end`: "FY2027" is the year ending in 2027; `start`: named by the year it starts. */
  readonly label: "start" | "end";
  /** Prefix of the label (`"FY"`, `"FFY"`). */
  readonly prefix: string;
}

/**
 * The zod schema of a {@link FiscalCalendar}.
 *
 * @example
 * ```ts
 * fiscalCalendarSchema.parse({ id: "texas", startMonth: 9, label: "end", prefix: "FY" });
 * ```
 * @category Fiscal years
 */
export const fiscalCalendarSchema = z.object({
  id: z.string().min(1),
  startMonth: z.number().int().min(1).max(12),
  label: z.enum(["start", "end"]),
  prefix: z.string(),
});

/**
 * The usual US school-district fiscal year: 1 July – 30 June, named by the year it ends
 * ("FY2027" = 2026-07-01 … 2027-06-30).
 *
 * @example
 * ```ts
 * fiscalYearOf("2026-09-15", DISTRICT_CALENDAR); // => 2027
 * ```
 * @category Fiscal years
 */
export const DISTRICT_CALENDAR: FiscalCalendar = Object.freeze({ id: "district", startMonth: 7, label: "end", prefix: "FY" });

/**
 * The E-Rate funding year: 1 July – 30 June, named by the year it starts ("FY2026" =
 * 2026-07-01 … 2027-06-30, the same months as district FY2027).
 *
 * @example
 * ```ts
 * fiscalYearOf("2026-09-15", ERATE_CALENDAR); // => 2026
 * ```
 * @category Fiscal years
 */
export const ERATE_CALENDAR: FiscalCalendar = Object.freeze({ id: "erate", startMonth: 7, label: "start", prefix: "FY" });

/**
 * The US federal fiscal year: 1 October – 30 September, named by the year it ends
 * ("FFY2026" = 2025-10-01 … 2026-09-30).
 *
 * @example
 * ```ts
 * fiscalYearOf("2026-09-15", FEDERAL_CALENDAR); // => 2026
 * ```
 * @category Fiscal years
 */
export const FEDERAL_CALENDAR: FiscalCalendar = Object.freeze({ id: "federal", startMonth: 10, label: "end", prefix: "FFY" });

/**
 * Makes a fiscal calendar, validated.
 *
 * @param options - start month (default 7), label convention (default `end`), id and prefix
 * @returns the calendar
 * @throws DistrictKitError for a start month outside 1–12
 * @example
 * ```ts
 * const texas = fiscalCalendar({ id: "tx-september", startMonth: 9 });
 * fiscalYearOf("2026-09-01", texas); // => 2027
 * ```
 * @category Fiscal years
 */
export function fiscalCalendar(options: Partial<FiscalCalendar> = {}): FiscalCalendar {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw DistrictKitError.argument(["options"], `expected calendar options (an object), got ${describeValue(options)}`);
  const input = guardInput(() => ({ id: "custom", startMonth: 7, label: "end", prefix: "FY", ...options }), ["options"], "the calendar options");
  const parsed = safeParseInput(fiscalCalendarSchema, input);
  if (!parsed.success) throw new DistrictKitError(parsed.error.issues[0]?.code === "unreadable" ? "INVALID_INPUT" : "INVALID_ARGUMENT", parsed.error.issues, undefined, { cause: parsed.error.cause });
  const calendar = Object.freeze(parsed.data);
  CHECKED.add(calendar);
  return calendar;
}

/** Calendars known to be valid and frozen: the built-in ones and every one fiscalCalendar made. */
const CHECKED = new WeakSet<object>([DISTRICT_CALENDAR, ERATE_CALENDAR, FEDERAL_CALENDAR]);

/** A calendar argument, checked: a known one as is, any other object against fiscalCalendarSchema. */
function checkCalendar(calendar: unknown, name: string): FiscalCalendar {
  if (typeof calendar === "object" && calendar !== null && CHECKED.has(calendar)) return calendar as FiscalCalendar;
  const parsed = safeParseInput(fiscalCalendarSchema, calendar, [name]);
  if (!parsed.success) {
    if (parsed.error.cause !== undefined) throw parsed.error; // a caller's getter or Proxy: the one rule
    const summary = `expected a fiscal calendar (DISTRICT_CALENDAR, ERATE_CALENDAR, FEDERAL_CALENDAR or one from fiscalCalendar), got ${describeValue(calendar)}`;
    throw new DistrictKitError("INVALID_ARGUMENT", parsed.error.issues, summary, { cause: parsed.error.cause });
  }
  return parsed.data;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) {
    throw DistrictKitError.argument(["year"], `expected a fiscal year between 1000 and 9998, got ${describeValue(year)}`);
  }
}

/**
 * The fiscal year a calendar day belongs to, under a calendar (exactly one).
 *
 * @param date - an ISO date
 * @param calendar - the calendar (district July/ends-in by default)
 * @returns the fiscal year's number (its label without the prefix)
 * @example
 * ```ts
 * fiscalYearOf("2026-06-30"); // => 2026
 * fiscalYearOf("2026-07-01"); // => 2027
 * ```
 * @category Fiscal years
 */
export function fiscalYearOf(date: IsoDate, calendar: FiscalCalendar = DISTRICT_CALENDAR): number {
  calendar = checkCalendar(calendar, "calendar");
  const { year, month } = dateParts(date);
  if (calendar.startMonth === 1) return year;
  const startYear = month >= calendar.startMonth ? year : year - 1;
  return calendar.label === "start" ? startYear : startYear + 1;
}

/**
 * The first and last day of a fiscal year.
 *
 * @param year - the fiscal year's number
 * @param calendar - the calendar (district by default)
 * @returns `{ start, end }` as ISO dates, both inside the year
 * @example
 * ```ts
 * fiscalYearRange(2027); // { start: "2026-07-01", end: "2027-06-30" }
 * ```
 * @category Fiscal years
 */
export function fiscalYearRange(year: number, calendar: FiscalCalendar = DISTRICT_CALENDAR): { readonly start: IsoDate; readonly end: IsoDate } {
  checkYear(year);
  calendar = checkCalendar(calendar, "calendar");
  const startYear = calendar.startMonth === 1 || calendar.label === "start" ? year : year - 1;
  const start = isoDate(startYear, calendar.startMonth, 1);
  const next = calendar.startMonth === 1 ? isoDate(startYear + 1, 1, 1) : isoDate(startYear + 1, calendar.startMonth, 1);
  return { start, end: addDaysIso(next, -1) };
}

/**
 * Consecutive fiscal years, for a planning horizon.
 *
 * @param first - the first fiscal year
 * @param count - how many years (1–200)
 * @returns the years in order
 * @example
 * ```ts
 * fiscalYearHorizon(2027, 5); // => [2027, 2028, 2029, 2030, 2031]
 * ```
 * @category Fiscal years
 */
export function fiscalYearHorizon(first: number, count: number): number[] {
  checkYear(first);
  if (!Number.isInteger(count) || count < 1 || count > 200) {
    throw DistrictKitError.argument(["count"], `expected 1–200 years, got ${describeValue(count)}`);
  }
  return Array.from({ length: count }, (_, i) => first + i);
}

/**
 * The label of a fiscal year, with its calendar's prefix (`"FY2027"`, `"FFY2026"`).
 *
 * @param year - the fiscal year's number
 * @param calendar - the calendar (district by default)
 * @returns the label
 * @example
 * ```ts
 * fiscalYearLabel(2027); // => "FY2027"
 * ```
 * @category Fiscal years
 */
export function fiscalYearLabel(year: number, calendar: FiscalCalendar = DISTRICT_CALENDAR): string {
  checkYear(year);
  calendar = checkCalendar(calendar, "calendar");
  return `${calendar.prefix}${year}`;
}

/**
 * Reads a label such as `"FY2027"`, `"fy 2027"` or `"2027"` into the year's number.
 *
 * @param label - the label
 * @param calendar - the calendar whose prefix may appear (district by default)
 * @returns the fiscal year's number
 * @throws DistrictKitError for anything else
 * @example
 * ```ts
 * parseFiscalYearLabel("FY2027"); // => 2027
 * ```
 * @category Fiscal years
 */
export function parseFiscalYearLabel(label: string, calendar: FiscalCalendar = DISTRICT_CALENDAR): number {
  calendar = checkCalendar(calendar, "calendar");
  const prefix = calendar.prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); // a prefix is text, not a pattern
  const m = typeof label === "string" ? new RegExp(`^\\s*(?:${prefix})?\\s*(\\d{4})\\s*$`, "i").exec(label) : null;
  if (!m) throw DistrictKitError.argument([], `expected a fiscal year like "${calendar.prefix}2027", got ${describeValue(label)}`);
  return Number(m[1]);
}

/**
 * Converts a fiscal year of one calendar into the year of another calendar that starts on the
 * same day (district FY2027 ↔ E-Rate FY2026). Calendars that start in different months do not
 * map one-to-one: use {@link fiscalYearsOverlapping}.
 *
 * @param year - the year in `from`
 * @param from - its calendar
 * @param to - the target calendar (same start month)
 * @returns the same twelve months' year number in `to`
 * @throws DistrictKitError (`UNSUPPORTED`) when the calendars start in different months
 * @example
 * ```ts
 * convertFiscalYear(2027, DISTRICT_CALENDAR, ERATE_CALENDAR); // => 2026
 * ```
 * @category Fiscal years
 */
export function convertFiscalYear(year: number, from: FiscalCalendar, to: FiscalCalendar): number {
  checkYear(year);
  from = checkCalendar(from, "from");
  to = checkCalendar(to, "to");
  if (from.startMonth !== to.startMonth) {
    throw new DistrictKitError("UNSUPPORTED", [
      {
        path: ["to"],
        code: "calendar_mismatch",
        message: `${from.id} years start in month ${from.startMonth} and ${to.id} years in month ${to.startMonth}; they do not map one-to-one (use fiscalYearsOverlapping)`,
      },
    ]);
  }
  return fiscalYearOf(fiscalYearRange(year, from).start, to);
}

/**
 * The years of another calendar that overlap a fiscal year (district FY2027 overlaps federal
 * FY2026 and FY2027).
 *
 * @param year - the year in `from`
 * @param from - its calendar
 * @param to - the other calendar
 * @returns the overlapping years of `to`, in order
 * @example
 * ```ts
 * fiscalYearsOverlapping(2027, DISTRICT_CALENDAR, FEDERAL_CALENDAR); // => [2026, 2027]
 * ```
 * @category Fiscal years
 */
export function fiscalYearsOverlapping(year: number, from: FiscalCalendar, to: FiscalCalendar): number[] {
  checkYear(year);
  from = checkCalendar(from, "from");
  to = checkCalendar(to, "to");
  const { start, end } = fiscalYearRange(year, from);
  const a = fiscalYearOf(start, to);
  const b = fiscalYearOf(end, to);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * The E-Rate funding year that covers the same months as a district fiscal year (July start).
 *
 * @param districtYear - the district fiscal year (named by the year it ends)
 * @returns the E-Rate funding year (named by the year it starts)
 * @example
 * ```ts
 * eRateFundingYearOf(2027); // => 2026
 * ```
 * @category Fiscal years
 */
export function eRateFundingYearOf(districtYear: number): number {
  return convertFiscalYear(districtYear, DISTRICT_CALENDAR, ERATE_CALENDAR);
}

/**
 * The district fiscal year (July start, named by its end) that covers an E-Rate funding year.
 *
 * @param fundingYear - the E-Rate funding year
 * @returns the district fiscal year
 * @example
 * ```ts
 * districtFiscalYearOfFundingYear(2026); // => 2027
 * ```
 * @category Fiscal years
 */
export function districtFiscalYearOfFundingYear(fundingYear: number): number {
  return convertFiscalYear(fundingYear, ERATE_CALENDAR, DISTRICT_CALENDAR);
}
