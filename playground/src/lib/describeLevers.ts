import type { Levers } from "../state/schema.js";
import { formatMoney } from "./format.js";

/** The levers of a scenario in words, for the summary and the scenario table. */
export function describeLevers(l: Levers): string[] {
  const out: string[] = [];
  if (l.enrollmentChangePercent !== undefined) {
    const p = l.enrollmentChangePercent;
    out.push(`Enrollment ${p > 0 ? "+" : "−"}${Math.abs(p)} % ${l.enrollmentMode === "annual" ? "every year" : "from the first year"}`);
  }
  if (l.inflationPercent !== undefined) out.push(`Inflation ${l.inflationPercent} % a year on every line`);
  if (l.refreshCycleYears !== undefined) out.push(`Devices refreshed every ${l.refreshCycleYears} years`);
  if (l.eRateDiscountPercent !== undefined) out.push(`E-Rate discount ${l.eRateDiscountPercent} %`);
  if (l.grant) out.push(`Grant of ${formatMoney(l.grant.amount)} in FY${l.grant.fiscalYear}`);
  for (const a of l.adjustments ?? []) out.push(`${a.category} ${a.percent > 0 ? "+" : "−"}${Math.abs(a.percent)} %`);
  if (l.removeItems?.length) out.push(`${l.removeItems.length} line item${l.removeItems.length === 1 ? "" : "s"} cut`);
  if (l.addItems?.length) out.push(`${l.addItems.length} line item${l.addItems.length === 1 ? "" : "s"} added`);
  for (const s of l.shifts ?? []) out.push(`${s.item ?? `every ${s.category} refresh`} ${s.years > 0 ? "later" : "earlier"} by ${Math.abs(s.years)} year${Math.abs(s.years) === 1 ? "" : "s"}`);
  const span = (f: { fromYear?: number | undefined; toYear?: number | undefined }) => (f.fromYear !== undefined && f.toYear !== undefined ? ` in FY${f.fromYear}–FY${f.toYear}` : "");
  if (l.deviceForecast) out.push(`Device refresh forecast used${span(l.deviceForecast)} (${l.deviceForecast.note}), replacing ${l.deviceForecast.replaces.length} budget items`);
  if (l.licensePlan) out.push(`Optimized licence plan used${span(l.licensePlan)} (${l.licensePlan.note}), replacing ${l.licensePlan.replaces.length} budget items`);
  if (l.eRateC2) out.push(`E-Rate C2 drawdown used${span(l.eRateC2)} (${l.eRateC2.note}), replacing ${l.eRateC2.replaces.length} budget items`);
  return out;
}
