import { isDistrictKitError, isIsoDate, Money } from "@districtkit/core";

/** The kinds of cell a format field can hold. */
export type CellKind = "text" | "date" | "monthEndDate" | "money" | "integer" | "count" | "boolean" | "list";

/** Returned by {@link parseCell} for a cell that cannot be read; {@link invalidReason} says why. */
export const INVALID: unique symbol = Symbol("invalid cell");

export type DateOrder = "mdy" | "dmy";

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Whether a value is a real calendar day written `YYYY-MM-DD`: core's `isIsoDate`. */
export const isIsoDay: (value: unknown) => value is string = isIsoDate;

/** An ISO date from parts, or undefined when the day does not exist (years 1000–9999). */
export function isoFromParts(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function fullYear(text: string): number {
  const y = Number(text);
  // POSIX strptime's %y window (00–68 → 20xx, 69–99 → 19xx), not Excel's (00–29 → 20xx): an
  // end-of-life or AUE date such as 6/30/31 is 2031 in an inventory, never 1931.
  if (text.length === 2) return y <= 68 ? 2000 + y : 1900 + y;
  return y;
}

const ISO_START = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:$|[ T])/;
const YMD_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[ T])/;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i; // Jan 23, 2023
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{2}|\d{4})$/i; // 23-Jan-2023, 23 Jan 23
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? /i;
const MONTH_YEAR = /^([a-z]{3,9})\.?,? (\d{4})$/i; // June 2027
const YEAR_MONTH = /^(\d{4})-(\d{1,2})$/; // 2027-06
const EPOCH_MS = /^\d{12,13}$/;

/**
 * Reads a date cell: ISO (`2023-01-23`, with or without a time), `1/23/23`, `01/23/2023`,
 * `2023/01/23`, `Jan 23, 2023`, `Mon Jan 23, 2023`, `23-Jan-2023`. With `monthEnd`, a month and year alone
 * (`June 2027`, `2027-06`) and epoch milliseconds are accepted too, a month meaning its last day.
 */
export function parseDateText(raw: string, order: DateOrder, monthEnd: boolean): string | undefined {
  const text = raw.trim();
  const fast = fastIso(text);
  if (fast !== null) return fast;
  let m = ISO_START.exec(text);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return order === "mdy" ? isoFromParts(fullYear(m[3]!), a, b) : isoFromParts(fullYear(m[3]!), b, a);
  }
  m = YMD_SLASHED.exec(text);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  const noWeekday = text.replace(WEEKDAY, "");
  m = MONTH_DAY_YEAR.exec(noWeekday);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month === undefined ? undefined : isoFromParts(Number(m[3]), month, Number(m[2]));
  }
  m = DAY_MONTH_YEAR.exec(noWeekday);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month === undefined ? undefined : isoFromParts(fullYear(m[3]!), month, Number(m[1]));
  }
  if (!monthEnd) return undefined;
  m = MONTH_YEAR.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    const year = Number(m[2]);
    return month === undefined ? undefined : isoFromParts(year, month, daysIn(year, month));
  }
  m = YEAR_MONTH.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return isoFromParts(year, month, daysIn(year, month));
  }
  if (EPOCH_MS.test(text)) {
    const d = new Date(Number(text));
    if (Number.isNaN(d.getTime())) return undefined;
    return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return undefined;
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** `YYYY-MM-DD` alone or followed by `T`/space and a time: the date, undefined for an impossible day, null when not this shape. */
function fastIso(text: string): string | undefined | null {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  if (text.length > 10) {
    const c = text.charCodeAt(10);
    if (c !== 84 && c !== 32) return null;
  }
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (year < 0 || month < 0 || day < 0) return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return text.length === 10 ? text : text.slice(0, 10);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

const INTEGER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.0+)?$/;

function parseInteger(text: string): number | undefined {
  const t = text.replace(/\s*(months?|mos?\.?|seats?|days?)$/i, "");
  if (!INTEGER.test(t)) return undefined;
  const n = Number(t.replace(/,/g, ""));
  return Number.isSafeInteger(n) ? n : undefined;
}

const TRUE = new Set(["true", "yes", "y", "1", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "f"]);

/** Converts one non-empty, trimmed cell to its field's kind, or {@link INVALID}. */
export function parseCell(kind: CellKind, text: string, order: DateOrder): unknown {
  switch (kind) {
    case "text":
      return text;
    case "date":
    case "monthEndDate":
      return parseDateText(text, order, kind === "monthEndDate") ?? INVALID;
    case "money": {
      const cleaned = text
        .replace(/^USD\s*/i, "")
        .replace(/\s*USD$/i, "")
        .replace(/^US\$/i, "$");
      try {
        return Money.parse(cleaned).toString();
      } catch (error) {
        if (!isDistrictKitError(error)) throw error;
        return INVALID;
      }
    }
    case "integer":
    case "count": {
      const value = parseInteger(text);
      return value === undefined || (kind === "count" && value < 0) ? INVALID : value;
    }
    case "boolean": {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : INVALID;
    }
    case "list":
      return text.split(/\s*[,;]\s*/).filter((s) => s !== "");
  }
}

/** Why {@link parseCell} refused a cell. */
export function invalidReason(kind: CellKind, text: string, order: DateOrder): string {
  switch (kind) {
    case "date":
    case "monthEndDate":
      return `${quote(text)} is not a date (expected YYYY-MM-DD or ${order === "mdy" ? "M/D/YYYY" : "D/M/YYYY"})`;
    case "money":
      return `${quote(text)} is not an amount (expected e.g. 1234.56 or $1,234.56)`;
    case "integer":
      return `${quote(text)} is not a whole number`;
    case "count":
      return parseInteger(text) === undefined ? `${quote(text)} is not a whole number` : `${quote(text)} is negative (expected a count ≥ 0)`;
    case "boolean":
      return `${quote(text)} is not yes/no (expected true, false, yes, no, 1 or 0)`;
    default:
      return `${quote(text)} cannot be read`;
  }
}
