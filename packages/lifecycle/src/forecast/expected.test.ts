import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { smallDistrict } from "../../test/fixtures.js";
import { forecastReplacements } from "./expected.js";

describe("forecastReplacements", () => {
  it("retires a cohort at AUE, names the rule, and replaces it with the successor model", () => {
    const r = forecastReplacements(smallDistrict());
    const old = r.cohorts.find((c) => c.model === "cb-old")!;
    expect(old.rule).toBe("aue");
    expect(old.plannedFiscalYear).toBe(2027); // AUE June 2026: no longer supported from FY2027
    expect(old.explanation).toMatch(/Auto Update Expiration/);
    expect(r.summary[0]!.retirementsByRule.aue).toBe(110);
    expect(r.summary[0]!.retirementsByRule.cycle).toBe(20); // the displays, 7 years old
    expect(r.summary[0]!.purchases.refresh).toBe(130);
  });
  it("retires at the refresh cycle (model's expected life) and at a lead time before AUE", () => {
    const r = forecastReplacements(smallDistrict());
    const hs = r.cohorts.find((c) => c.model === "cb-new" && c.purchaseFiscalYear === 2024)!;
    expect([hs.plannedFiscalYear, hs.rule]).toEqual([2028, "cycle"]);
    const lead = forecastReplacements(smallDistrict({ policy: { leadMonths: 12 } }));
    expect(lead.cohorts.find((c) => c.model === "cb-old")!.overdue).toBe(true);
    const disp = r.cohorts.find((c) => c.model === "display")!;
    expect([disp.plannedFiscalYear, disp.rule]).toEqual([2027, "cycle"]);
  });
  it("computes expected failures from q(age) and losses among the survivors", () => {
    const r = forecastReplacements(smallDistrict({ cohorts: [{ model: "ipad", school: "MS", role: "student", purchaseFiscalYear: 2025, count: 1000 }], horizonYears: 1 }));
    const y = r.summary[0]!;
    const q = 0.02 + 0.01 - 0.02 * 0.01;
    expect(y.failures).toBeCloseTo(1000 * q, 9);
    expect(y.losses).toBeCloseTo(1000 * (1 - q) * 0.01, 9);
    expect(y.repairIncidents).toBeCloseTo(50, 9);
    expect(y.repair.toString()).toBe("3000");
    // replaced 1:1 at the iPad price
    expect(y.capital.equals(Money.of(329).multiply(y.purchases.total).roundToCents())).toBe(true);
  });
  it("keeps stock and flow for every year", () => {
    const r = forecastReplacements(smallDistrict());
    for (const y of r.summary) {
      expect(y.inServiceEnd).toBeCloseTo(y.inServiceStart - y.plannedRetirements - y.failures - y.losses + y.purchases.total, 6);
    }
    for (let i = 1; i < r.summary.length; i++) expect(r.summary[i]!.inServiceStart).toBeCloseTo(r.summary[i - 1]!.inServiceEnd, 6);
  });
  it("gives breakdown rows that add up to the year's totals to the cent", () => {
    const r = forecastReplacements(smallDistrict({ groupBy: ["school", "model"] }));
    for (const y of r.summary) {
      const rows = r.rows.filter((x) => x.fiscalYear === y.fiscalYear);
      expect(Money.sum(rows.map((x) => x.capital)).equals(y.capital)).toBe(true);
      expect(Money.sum(rows.map((x) => x.capital.add(x.repair).subtract(x.resaleCredit))).equals(y.net)).toBe(true);
      const lines = r.spendByCategory.filter((l) => l.kind !== "repair" && l.kind !== "resale-credit");
      expect(Money.sum(lines.map((l) => l.amounts[String(y.fiscalYear)]!)).equals(y.capital)).toBe(true);
    }
  });
  it("credits resale value at planned retirement, and none past AUE", () => {
    const r = forecastReplacements(smallDistrict());
    // cb-old retires in FY2027 at AUE: worth nothing; cb-new (bought FY2024, age 4 in FY2028) 300 × 289 × 0.05 minus failures
    expect(r.summary[0]!.resaleCredit.isZero()).toBe(true);
    expect(r.summary[1]!.resaleCredit.isPositive()).toBe(true);
  });
  it("follows enrollment: buys for growth, does not replace on decline", () => {
    const r = forecastReplacements(
      smallDistrict({
        cohorts: [{ model: "cb-new", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 300 }],
        failure: { default: { failure: { kind: "annual" } } },
        growth: [{ school: "HS", model: "cb-new", enrollment: { "2027": 320, "2028": 290 } }],
        horizonYears: 3,
      }),
    );
    expect(r.summary[0]!.purchases.growth).toBe(20);
    expect(r.summary[0]!.inServiceEnd).toBe(320);
    expect(r.summary[1]!.notReplaced).toBe(30);
    expect(r.summary[1]!.inServiceEnd).toBe(290);
  });
  it("defers refresh under a budget cap, never past a hard deadline, and reports what cannot fit", () => {
    const r = forecastReplacements(
      smallDistrict({
        failure: { default: { failure: { kind: "annual" } } },
        refreshBudgetCap: { "2027": "20000", "2028": "40000", "2029": "40000", "2030": "200000", "2031": "200000", "2032": "200000" },
      }),
    );
    // FY2027: the AUE cohort (110 × $309 = $33,990) is forced above the $20,000 cap: reported
    const s = r.capShortfalls.find((x) => x.fiscalYear === 2027)!;
    expect(s.forced.toString()).toBe("33990");
    expect(s.shortfall.toString()).toBe("13990");
    // displays (cycle: soft) are deferred in FY2027
    expect(r.deferrals.some((d) => d.fiscalYear === 2027 && d.cohort.startsWith("display"))).toBe(true);
    expect(r.summary[0]!.deferred).toBe(20);
  });
  it("spare pool: buys up to the service level", () => {
    const r = forecastReplacements(smallDistrict({ spares: { model: "cb-new", turnaroundDays: 10 } }));
    expect(r.summary[0]!.sparesRequired).toBeGreaterThan(0);
    expect(r.summary[0]!.purchases.spares).toBe(r.summary[0]!.sparesRequired);
  });
  it("adds book value and depreciation as an optional lens (displays capitalized, Chromebooks expensed unless grouped)", () => {
    const r = forecastReplacements(smallDistrict({ depreciation: { capitalizationThreshold: "2500" } }));
    expect(r.depreciation!.capitalizedPurchases).toBeGreaterThan(0);
    for (const y of r.depreciation!.years) expect(y.bookValue.isNegative()).toBe(false);
    const grouped = forecastReplacements(smallDistrict({ depreciation: { groupCapitalization: true } }));
    expect(grouped.depreciation!.capitalizedPurchases).toBeGreaterThan(r.depreciation!.capitalizedPurchases);
    expect(forecastReplacements(smallDistrict()).depreciation).toBeNull();
  });
  it("Monte Carlo draws a price path per trial when a model has price uncertainty; the median stays near the expected path", async () => {
    const { forecastMonteCarlo } = await import("./monteCarlo.js");
    const base = {
      asOf: "2026-07-01",
      horizonYears: 5,
      failure: { default: { failure: { kind: "annual" as const } } },
      cohorts: [{ model: "cb", school: "HS", role: "student" as const, purchaseFiscalYear: 2022, count: 100 }],
    };
    const fixed = forecastMonteCarlo(
      { ...base, models: [{ id: "cb", category: "chromebook", unitPrice: "300", priceFiscalYear: 2024, priceGrowth: 0.03, expectedLifeYears: 5 }] },
      { seed: 3, trials: 300 },
    );
    const unsure = forecastMonteCarlo(
      { ...base, models: [{ id: "cb", category: "chromebook", unitPrice: "300", priceFiscalYear: 2024, priceGrowth: 0.03, priceGrowthSd: 0.05, expectedLifeYears: 5 }] },
      { seed: 3, trials: 300 },
    );
    const y = 0; // FY2027: 100 bought at 300 × 1.03³ in the fixed case
    expect(fixed.years[y]!.spend.capital.quantiles[1]!.toString()).toBe("32782"); // $327.82 a unit (rounded to the cent once per model-year) × 100
    const [p10f, , p90f] = fixed.years[y]!.spend.capital.quantiles;
    expect(p10f!.equals(p90f!)).toBe(true);
    const [p10, p50, p90] = unsure.years[y]!.spend.capital.quantiles;
    expect(p10!.lessThan(p90!)).toBe(true);
    expect(Math.abs(p50!.toNumber() - p90f!.toNumber()) / p90f!.toNumber()).toBeLessThan(0.05);
  });
  it("lists every bad reference and future purchase with its path", () => {
    try {
      forecastReplacements(
        smallDistrict({
          cohorts: [
            { model: "nope", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 1 },
            { model: "ipad", school: "HS", role: "student", purchaseFiscalYear: 2030, count: 1 },
            { model: "ipad", school: "HS", role: "student", purchaseFiscalYear: 2024, count: -1 },
          ],
        }),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DistrictKitError);
      const paths = (e as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toContain("cohorts[2].count");
    }
    try {
      forecastReplacements(
        smallDistrict({
          cohorts: [
            { model: "nope", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 1 },
            { model: "ipad", school: "HS", role: "student", purchaseFiscalYear: 2030, count: 1 },
          ],
        }),
      );
      expect.unreachable();
    } catch (e) {
      expect((e as DistrictKitError).issues.map((i) => i.pathText)).toEqual(["cohorts[0].model", "cohorts[1].purchaseFiscalYear"]);
    }
  });
});
