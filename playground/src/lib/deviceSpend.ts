import { Money } from "@districtkit/core";
import type { ForecastResult } from "@districtkit/lifecycle";
import type { Plain } from "./plain.js";

type PForecast = Plain<ForecastResult>;

/**
 * One year of device spend in the parts the forecast reports, so "capital" and "expected net"
 * reconcile in the open: capital = planned refresh + failure replacements + growth + spares;
 * expected net = capital + repairs − resale credit. The parts come from the forecast's
 * `spendByCategory` (which the engine allocates to add up to each year's totals exactly); only
 * the planned refresh is limited by a refresh budget cap — failure replacements, growth, spares
 * and repairs are bought whatever the cap (devices that fail or new students cannot wait).
 */
export interface DeviceSpendYear {
  readonly fiscalYear: number;
  readonly label: string;
  /** Planned refresh (cycle, AUE, end of support, age): the part a refresh budget cap limits. */
  readonly refresh: string;
  readonly failureReplacement: string;
  readonly growthAndSpares: string;
  /** refresh + failure replacements + growth + spares: the forecast's `capital`. */
  readonly capital: string;
  readonly repair: string;
  readonly resaleCredit: string;
  /** capital + repair − resale credit: the forecast's `net`. */
  readonly net: string;
}

export interface DeviceSpendBreakdown {
  readonly years: readonly DeviceSpendYear[];
  /** The same parts over every year of the horizon. */
  readonly total: Omit<DeviceSpendYear, "fiscalYear" | "label">;
  /** Whether the parts add up to the forecast's capital and net in every year (they do, to the cent). */
  readonly reconciles: boolean;
}

const PARTS = ["refresh", "failureReplacement", "growthAndSpares", "capital", "repair", "resaleCredit", "net"] as const;

/** The yearly device spend in its parts (see {@link DeviceSpendYear}). */
export function deviceSpendBreakdown(forecast: PForecast): DeviceSpendBreakdown {
  const kindSum = (fy: number, kinds: readonly string[]) => Money.sum(forecast.spendByCategory.filter((c) => kinds.includes(c.kind)).map((c) => c.amounts[String(fy)] ?? "0"));
  let reconciles = true;
  const years = forecast.summary.map((y) => {
    const refresh = kindSum(y.fiscalYear, ["refresh"]);
    const failureReplacement = kindSum(y.fiscalYear, ["failure-replacement"]);
    const growthAndSpares = kindSum(y.fiscalYear, ["growth", "spares"]);
    const capital = refresh.add(failureReplacement).add(growthAndSpares);
    const repair = Money.of(y.repair);
    const resaleCredit = Money.of(y.resaleCredit);
    const net = capital.add(repair).subtract(resaleCredit);
    if (!capital.equals(y.capital) || !net.equals(y.net) || !kindSum(y.fiscalYear, ["repair"]).equals(repair) || !kindSum(y.fiscalYear, ["resale-credit"]).equals(resaleCredit)) reconciles = false;
    return {
      fiscalYear: y.fiscalYear,
      label: y.label,
      refresh: refresh.toString(),
      failureReplacement: failureReplacement.toString(),
      growthAndSpares: growthAndSpares.toString(),
      capital: capital.toString(),
      repair: repair.toString(),
      resaleCredit: resaleCredit.toString(),
      net: net.toString(),
    };
  });
  const total = Object.fromEntries(PARTS.map((k) => [k, Money.sum(years.map((y) => y[k])).toString()])) as DeviceSpendBreakdown["total"];
  return { years, total, reconciles };
}

/** One cohort's deferred devices in one year, in whole devices. */
export interface DeferralRow {
  readonly cohort: string;
  /** The engine's expected (fractional) number of devices. */
  readonly units: number;
  /** Rounded to whole devices. */
  readonly whole: number;
}

/** The deferrals of one year: cohorts with at least half a device deferred, most first. */
export interface DeferralYear {
  readonly fiscalYear: number;
  /** Σ units of the year (exact), rounded to whole devices. */
  readonly whole: number;
  readonly cohorts: readonly DeferralRow[];
  /** Cohorts left out because less than half a device (expected) was deferred. */
  readonly hidden: number;
}

/**
 * The forecast's deferrals grouped by year, then cohort (one row per cohort and year, even if the
 * engine listed it more than once), in whole devices; rows that round to zero devices are left out
 * and counted. The expected forecast weighs each device by its chance of still being in service,
 * so its counts are expected values and fractional; the year's total is the exact sum, rounded.
 */
export function groupDeferrals(deferrals: PForecast["deferrals"]): DeferralYear[] {
  const byYear = new Map<number, Map<string, number>>();
  for (const d of deferrals) {
    const m = byYear.get(d.fiscalYear) ?? new Map<string, number>();
    m.set(d.cohort, (m.get(d.cohort) ?? 0) + d.units);
    byYear.set(d.fiscalYear, m);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([fiscalYear, m]) => {
      const all = [...m.entries()].map(([cohort, units]) => ({ cohort, units, whole: Math.round(units) }));
      const cohorts = all.filter((r) => r.whole > 0).sort((a, b) => b.units - a.units || (a.cohort < b.cohort ? -1 : 1));
      return { fiscalYear, whole: Math.round(all.reduce((a, r) => a + r.units, 0)), cohorts, hidden: all.length - cohorts.length };
    })
    .filter((y) => y.whole > 0 || y.cohorts.length > 0);
}
