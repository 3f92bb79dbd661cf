import { type FiscalCalendar, fiscalYearOf } from "@districtkit/core";

/**
 * The fiscal year of an ISO date, memoised by month (a fiscal year never splits a month): one
 * date-fns call per distinct month instead of one per device.
 */
export function fiscalYearByMonth(calendar: FiscalCalendar): (iso: string) => number {
  const cache = new Map<string, number>();
  return (iso) => {
    const month = iso.slice(0, 7);
    let fy = cache.get(month);
    if (fy === undefined) {
      fy = fiscalYearOf(`${month}-01`, calendar);
      cache.set(month, fy);
    }
    return fy;
  };
}
