import { addDaysIso, addMonthsIso, ERATE_CALENDAR, type FiscalCalendar, fiscalYearOf, fiscalYearRange } from "@districtkit/core";

/**
 * @internal Memoised calendar arithmetic for the projection's inner loops (date parsing is slow
 * next to integer-cent arithmetic; the same few dates recur on every lever change).
 */
const memo = new Map<string, unknown>();
function cached<T>(key: string, f: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const v = f();
  if (memo.size > 50_000) memo.clear();
  memo.set(key, v);
  return v;
}
const calKey = (c: FiscalCalendar): string => `${c.startMonth}${c.label}`;

/** @internal First day of a fiscal year. */
export function fyStart(year: number, cal: FiscalCalendar): string {
  return cached(`s|${year}|${calKey(cal)}`, () => fiscalYearRange(year, cal).start);
}

/** @internal Last day of a fiscal year. */
export function fyEnd(year: number, cal: FiscalCalendar): string {
  return cached(`e|${year}|${calKey(cal)}`, () => fiscalYearRange(year, cal).end);
}

/** @internal The E-Rate funding year in which a district fiscal year starts. */
export function eRateYear(year: number, cal: FiscalCalendar): number {
  return cached(`r|${year}|${calKey(cal)}`, () => fiscalYearOf(fiscalYearRange(year, cal).start, ERATE_CALENDAR));
}

/** @internal `addMonthsIso` then `addDaysIso`, memoised. */
export function shiftDate(date: string, months: number, days: number): string {
  return cached(`d|${date}|${months}|${days}`, () => addDaysIso(months === 0 ? date : addMonthsIso(date, months), days));
}
