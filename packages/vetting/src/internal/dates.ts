// Fast calendar arithmetic on ISO date strings for the scoring hot path (core's date arithmetic
// goes through date-fns, which costs microseconds a call). Equivalence with core is a property test.
import { isIsoDate } from "@districtkit/core";

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const dayChecks = new Map<string, boolean>();

/**
 * Whether a value is a real calendar day written YYYY-MM-DD: core's `isIsoDate`, remembered for
 * the few thousand distinct dates a portfolio of answers repeats (only 10-character texts, the
 * only ones that can be dates, are remembered).
 */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10) return false;
  let ok = dayChecks.get(value);
  if (ok === undefined) {
    ok = isIsoDate(value);
    if (dayChecks.size < 8192) dayChecks.set(value, ok);
  }
  return ok;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

const monthSums = new Map<number, Map<string, string>>();

/** Adds whole months, clamping the day to the end of a shorter month (like date-fns addMonths); remembered per (date, months). */
export function addMonthsDay(date: string, months: number): string {
  let byDate = monthSums.get(months);
  if (byDate === undefined) {
    byDate = new Map();
    if (monthSums.size < 64) monthSums.set(months, byDate);
  }
  let out = byDate.get(date);
  if (out === undefined) {
    out = addMonthsOnce(date, months);
    if (byDate.size < 4096 && date.length === 10) byDate.set(date, out);
  }
  return out;
}

function addMonthsOnce(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(nd, 2)}`;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function dayNumber(date: string): number {
  let y = +date.slice(0, 4);
  const m = +date.slice(5, 7);
  const d = +date.slice(8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `from` to `to`. */
export function daysFrom(to: string, from: string): number {
  return dayNumber(to) - dayNumber(from);
}
