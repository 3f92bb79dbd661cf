import { readFileSync } from "node:fs";
import { forecastReplacements } from "@districtkit/lifecycle";
import { describe, expect, it } from "vitest";
import { deviceSpendBreakdown, groupDeferrals } from "./deviceSpend.js";
import { plain } from "./plain.js";

const devices = JSON.parse(readFileSync(new URL("../../../examples/data/sample-district/devices.json", import.meta.url), "utf8")) as Record<string, unknown> & { horizonYears?: number };
const CAP = 150_000;
function forecast(cap: number | null) {
  const { description: _d, ...input } = devices;
  const years = devices.horizonYears ?? 10;
  if (cap !== null) (input as Record<string, unknown>).refreshBudgetCap = Object.fromEntries(Array.from({ length: years }, (_, i) => [String(2027 + i), String(cap)]));
  return plain(forecastReplacements(input));
}
const cents = (s: string) => Math.round(Number(s) * 100);

describe("device spend in its parts (capital and expected net reconciled)", () => {
  for (const cap of [null, CAP]) {
    it(`adds up to the forecast's capital and net in every year (${cap === null ? "no cap" : "capped"})`, () => {
      const f = forecast(cap);
      const b = deviceSpendBreakdown(f);
      expect(b.reconciles).toBe(true);
      b.years.forEach((y, i) => {
        expect(y.capital).toBe(f.summary[i]!.capital);
        expect(cents(y.net)).toBe(cents(y.capital) + cents(y.repair) - cents(y.resaleCredit));
      });
      expect(cents(b.total.net)).toBe(f.summary.reduce((a, y) => a + cents(y.net), 0));
    });
  }

  it("the cap limits planned refresh only: refresh stays under it except in shortfall years, other spend goes above it", () => {
    const f = forecast(CAP);
    const b = deviceSpendBreakdown(f);
    const shortfall = new Set(f.capShortfalls.map((s) => s.fiscalYear));
    for (const y of b.years) {
      if (shortfall.has(y.fiscalYear)) expect(cents(y.refresh)).toBeGreaterThan(CAP * 100);
      else expect(cents(y.refresh)).toBeLessThanOrEqual(CAP * 100 + 1);
    }
    // failure replacements and repairs are bought whatever the cap: capital passes it in some year
    expect(b.years.some((y) => cents(y.failureReplacement) > 0 && cents(y.capital) > CAP * 100 && !shortfall.has(y.fiscalYear))).toBe(true);
  });
});

describe("deferrals grouped by year and cohort, in whole devices", () => {
  it("has no zero rows, whole numbers, one row per cohort and year, and year totals from the exact sums", () => {
    const f = forecast(CAP);
    expect(f.deferrals.length).toBeGreaterThan(0);
    const years = groupDeferrals(f.deferrals);
    expect(years.map((y) => y.fiscalYear)).toEqual([...new Set(f.deferrals.map((d) => d.fiscalYear))].sort((a, b) => a - b).filter((fy) => years.some((y) => y.fiscalYear === fy)));
    for (const y of years) {
      const exact = f.deferrals.filter((d) => d.fiscalYear === y.fiscalYear).reduce((a, d) => a + d.units, 0);
      expect(y.whole).toBe(Math.round(exact));
      expect(new Set(y.cohorts.map((c) => c.cohort)).size).toBe(y.cohorts.length);
      for (const c of y.cohorts) {
        expect(Number.isInteger(c.whole)).toBe(true);
        expect(c.whole).toBeGreaterThan(0);
      }
    }
  });

  it("merges a cohort listed twice in a year and drops what rounds to no device", () => {
    const g = groupDeferrals([
      { fiscalYear: 2028, cohort: "a", units: 0.3, reason: "" },
      { fiscalYear: 2028, cohort: "a", units: 0.4, reason: "" },
      { fiscalYear: 2028, cohort: "b", units: 0.2, reason: "" },
      { fiscalYear: 2027, cohort: "c", units: 0.1, reason: "" },
    ]);
    expect(g.map((y) => ({ ...y, cohorts: y.cohorts.map((c) => ({ cohort: c.cohort, whole: c.whole })) }))).toEqual([{ fiscalYear: 2028, whole: 1, cohorts: [{ cohort: "a", whole: 1 }], hidden: 1 }]);
    expect(g[0]!.cohorts[0]!.units).toBeCloseTo(0.7, 12);
  });
});
