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
  return out;
}
