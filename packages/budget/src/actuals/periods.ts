import { addMonthsIso, Dec, DistrictKitError, type FiscalCalendar, fiscalYearRange } from "@districtkit/core";
import { money } from "../internal/cents.js";

/** @internal Whole cents of a validated Money (whole cents checked by the schema). */
export function cents(m: { toCents(): number }): number {
  return m.toCents();
}

/** @internal `a × num / den` rounded half away from zero to whole cents, exactly (Dec division once). */
export function scaleCents(a: number, num: number, den: number): number {
  if (den === 0) throw DistrictKitError.argument([], "division by zero");
  const v = new Dec(a).times(num).div(den).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return v === 0 ? 0 : v;
}

/** @internal The first day of a period (1 = first month of the fiscal year). */
export function periodStart(fiscalYear: number, period: number, cal: FiscalCalendar): string {
  return addMonthsIso(fiscalYearRange(fiscalYear, cal).start, period - 1);
}

/** @internal `YYYY-MM` of a period. */
export function periodMonth(fiscalYear: number, period: number, cal: FiscalCalendar): string {
  return periodStart(fiscalYear, period, cal).slice(0, 7);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** @internal `December 2026` for a period. */
export function periodName(fiscalYear: number, period: number, cal: FiscalCalendar): string {
  const d = periodStart(fiscalYear, period, cal);
  return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** @internal The key of a cell. */
export function cellKey(fund: string, category: string, school: string | null): string {
  return `${fund}\u0000${category}\u0000${school ?? ""}`;
}

/** @internal Adds to a null-prototype record of cents. */
export function bump(record: Record<string, number>, key: string, v: number): void {
  record[key] = (record[key] ?? 0) + v;
}

/** @internal Record of cents → record of Money. */
export function toMoneyRecord(record: Readonly<Record<string, number>>): Record<string, ReturnType<typeof money>> {
  const out: Record<string, ReturnType<typeof money>> = Object.create(null) as Record<string, ReturnType<typeof money>>;
  for (const k of Object.keys(record).sort()) out[k] = money(record[k]!);
  return out;
}

/** @internal A null-prototype record. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
