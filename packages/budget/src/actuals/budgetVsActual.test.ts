import { describe, expect, it } from "vitest";
import { budgetVsActual, forecastAccuracy, planFromProjection, projectBudget, restrictedFundBalances } from "../index.js";

const row = (fiscalYear: number, period: number, posted: string, category = "hardware", extra: Record<string, unknown> = {}) => ({
  fund: "gf",
  category,
  school: null,
  fiscalYear,
  period,
  posted,
  ...extra,
});

describe("budgetVsActual", () => {
  it("spreads the budget in twelfths to the cent and reports variance to date", () => {
    const r = budgetVsActual({ fiscalYear: 2027, plan: [{ fund: "gf", category: "hardware", fiscalYear: 2027, amount: "1000" }], actuals: [row(2027, 1, "100"), row(2027, 2, "50")] });
    const plan = r.cells[0]!.periods.map((p) => p.plan.toString());
    expect(plan.slice(0, 4)).toEqual(["83.34", "83.34", "83.34", "83.34"]);
    expect(plan.slice(4)).toEqual(Array(8).fill("83.33"));
    expect(r.throughPeriod).toBe(2);
    expect(r.throughMonth).toBe("2026-08");
    expect(r.totals.planToDate.toString()).toBe("166.68");
    expect(r.totals.varianceToDate.toString()).toBe("16.68");
    expect(r.explanation).toContain("through August 2026 (period 2 of 12)");
  });

  it("projects with the district's own seasonality, and names the method", () => {
    // history: half of each year is spent in period 1 (summer device purchases), the rest evenly
    const history = [2025, 2026].flatMap((y) => [row(y, 1, "6000"), ...Array.from({ length: 11 }, (_, i) => row(y, i + 2, "545.45"))]);
    const r = budgetVsActual({ fiscalYear: 2027, plan: [{ fund: "gf", category: "hardware", fiscalYear: 2027, amount: "12000" }], actuals: [...history, row(2027, 1, "7000"), row(2027, 2, "600")] });
    const p = r.cells[0]!.projection;
    expect(p.method).toBe("seasonal");
    expect(r.historyYears).toEqual([2025, 2026]);
    // share by period 2 = (6000 + 545.45) / 11999.95
    expect(p.seasonalShare).toBe("1309090/2399990");
    expect(p.yearEnd.toString()).toBe("13933.28"); // 7,600 × 2,399,990 / 1,309,090
    expect(p.straightLine.toString()).toBe("45600");
    expect(p.explanation).toMatch(/seasonal; straight-line would say \$45,600\.00/);
    const straight = budgetVsActual({ fiscalYear: 2027, plan: [], actuals: [...history, row(2027, 1, "7000"), row(2027, 2, "600")], projection: "straight-line" });
    expect(straight.cells[0]!.projection.method).toBe("straight-line");
  });

  it("falls back to straight-line without history, and to the budget before any period", () => {
    const r = budgetVsActual({ fiscalYear: 2027, plan: [], actuals: [row(2027, 1, "100")] });
    expect(r.cells[0]!.projection).toMatchObject({ method: "straight-line", seasonal: null });
    expect(r.cells[0]!.projection.explanation).toMatch(/no usable history/);
    const none = budgetVsActual({ fiscalYear: 2027, plan: [{ fund: "gf", category: "hardware", fiscalYear: 2027, amount: "500" }], actuals: [] });
    expect(none.cells[0]!.projection.method).toBe("budget");
    expect(none.totals.projectedYearEnd.toString()).toBe("500");
  });

  it("counts spending nobody budgeted, and negative budgets (reductions)", () => {
    const r = budgetVsActual({ fiscalYear: 2027, throughPeriod: 1, plan: [{ fund: "gf", category: "software", fiscalYear: 2027, amount: "-120" }], actuals: [row(2027, 1, "10")] });
    expect(r.byCategory.hardware!.budget.toString()).toBe("0");
    expect(r.byCategory.software!.planToDate.toString()).toBe("-10");
    expect(r.bySchool.district!.posted.toString()).toBe("10");
  });

  it("says what was posted and encumbered and what is left", () => {
    const r = budgetVsActual({ fiscalYear: 2027, plan: [{ fund: "gf", category: "hardware", fiscalYear: 2027, amount: "1000" }], actuals: [row(2027, 1, "100", "hardware", { encumbered: "250" })] });
    expect(r.totals.available.toString()).toBe("650");
    expect(r.explanation).toContain("$250.00 encumbered, $650.00 available");
  });
});

describe("forecastAccuracy", () => {
  it("scores complete years only, by year and by category", () => {
    const r = forecastAccuracy({
      plan: [
        { fund: "gf", category: "hardware", fiscalYear: 2025, amount: "1000" },
        { fund: "gf", category: "software", fiscalYear: 2025, amount: "1000" },
        { fund: "gf", category: "hardware", fiscalYear: 2026, amount: "2000" },
        { fund: "gf", category: "hardware", fiscalYear: 2027, amount: "2000" },
      ],
      actuals: [row(2025, 12, "1200"), row(2025, 12, "900", "software"), row(2026, 12, "1800"), row(2027, 3, "400")],
    });
    expect(r.years.map((y) => [y.fiscalYear, y.complete, y.percentError])).toEqual([
      [2025, true, 0.05],
      [2026, true, -0.1],
      [2027, false, -0.8],
    ]);
    expect(r.years[0]!.byCategory.hardware!.percentError).toBe(0.2);
    expect(r.meanAbsolutePercentError).toBeCloseTo(0.075, 12);
    expect(r.bias).toBeCloseTo(-0.025, 12);
    expect(r.years[2]!.explanation).toContain("so far (actuals end at period 3)");
    expect(r.explanation).toContain("7.5 % on average");
  });
  it("has no error for a year with nothing budgeted", () => {
    const r = forecastAccuracy({ plan: [{ fund: "gf", category: "hardware", fiscalYear: 2025, amount: "0" }], actuals: [row(2025, 12, "10")] });
    expect(r.years[0]!.percentError).toBeNull();
    expect(r.meanAbsolutePercentError).toBeNull();
  });
});

describe("restrictedFundBalances", () => {
  const grant = { id: "grant", name: "State grant", kind: "grant" as const, eligibleCategories: ["hardware"], tranches: [{ amount: "75000", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }] };
  it("is on track when the recent rate uses the money in time", () => {
    const r = restrictedFundBalances({ asOf: "2027-01-31", funds: [grant], actuals: [4, 5, 6].map((p) => ({ ...row(2027, p, "20000"), fund: "grant" })) });
    expect(r.awards[0]).toMatchObject({ status: "on-track" });
    expect(r.awards[0]!.remaining.toString()).toBe("15000");
    expect(r.warnings).toEqual([]);
  });
  it("reports lapsed money with the projection's lapse warning", () => {
    const r = restrictedFundBalances({ asOf: "2027-10-15", funds: [grant], actuals: [{ ...row(2027, 3, "70000"), fund: "grant" }] });
    expect(r.awards[0]!.status).toBe("lapsed");
    expect(r.atRisk.toString()).toBe("5000");
    expect(r.warnings[0]!.message).toMatch(/\$5,000\.00 was not obligated by 2027-09-30 and has lapsed/);
  });
  it("uses the award that expires first, follows annual allocations, and reports what no award can take", () => {
    const titleIV = { id: "t4", name: "Title IV-A", kind: "grant" as const, eligibleCategories: ["hardware"], annual: { amount: "1000", firstYear: 2026 } };
    const r = restrictedFundBalances({
      asOf: "2026-12-31",
      funds: [titleIV],
      actuals: [
        { ...row(2027, 2, "1500"), fund: "t4" },
        { ...row(2027, 3, "700"), fund: "t4" },
      ],
    });
    const byId = Object.fromEntries(r.awards.map((a) => [a.id, a]));
    expect(byId["t4-FY2026"]!.obligated.toString()).toBe("1000");
    expect(byId["t4-FY2026"]!.obligateBy).toBe("2027-09-30");
    expect(byId["t4-FY2027"]!.obligated.toString()).toBe("1000");
    expect(r.unfunded[0]!.amount.toString()).toBe("200");
  });
});

describe("planFromProjection", () => {
  it("adds up to the projection's totals", () => {
    const p = projectBudget({
      district: { name: "T", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural", teachers: 5 }] },
      budget: {
        name: "P",
        firstYear: 2027,
        years: 2,
        funds: [
          { id: "gf", name: "GF", kind: "general" },
          { id: "g", name: "G", kind: "grant", eligibleCategories: ["hardware"], tranches: [{ amount: "1000", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }] },
        ],
        lineItems: [
          { id: "x", name: "X", category: "hardware", kind: "recurring", amount: "1500", school: "a" },
          { id: "y", name: "Y", category: "software", kind: "per-unit", driver: "students", unitCost: "3.33" },
        ],
      },
    });
    const rows = planFromProjection(p);
    for (const y of p.years) {
      const sum = rows.filter((r) => r.fiscalYear === y.fiscalYear).reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
      expect(sum).toBe(y.total.toCents());
    }
    expect(rows.find((r) => r.fund === "g")).toMatchObject({ category: "hardware", school: "a", amount: "1000" });
  });
});
