import { readFileSync } from "node:fs";
import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import type { BudgetModelInput } from "../schema/budget.js";
import { compareProjections, compareScenarios } from "./compare.js";
import { goalSeek } from "./goalSeek.js";
import { measure } from "./metric.js";
import { standardTornadoLevers, tornado } from "./tornado.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../examples/data/sample-district/${name}`, import.meta.url), "utf8"));
const sample = prepareBudget({ district: read("district.json"), budget: read("budget.json") } as BudgetModelInput);

describe("levers", () => {
  it("scales a category, delays and removes items, and says what each lever touched", () => {
    const p = projectBudget(sample, {
      id: "s",
      name: "S",
      levers: [
        { type: "scale", category: "software", percent: -0.1 },
        { type: "delay", item: "wifi-aps", years: 1 },
        { type: "remove", item: "interns" },
      ],
    });
    expect(p.scenario.effects.map((e) => e.touched.length)).toEqual([sample.budget.lineItems.filter((i) => i.category === "software").length, 1, 1]);
    expect(p.lines.find((l) => l.itemId === "wifi-aps")!.years[2]!.cost.toFixed(2)).toBe("62400.00");
    expect(p.lines.some((l) => l.itemId === "interns")).toBe(false);
    expect(p.scenario.effects[1]!.explanation).toMatch(/move wifi-aps later by 1 year/);
  });

  it("adds a grant that lowers the general-fund draw by what it can pay", () => {
    const base = projectBudget(sample);
    const withGrant = projectBudget(sample, {
      id: "g",
      name: "Grant",
      levers: [
        {
          type: "add-fund",
          fund: {
            id: "pd-grant",
            name: "PD grant",
            kind: "grant",
            eligibleCategories: ["professional-development"],
            tranches: [{ amount: "20000", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }],
          },
        },
      ],
    });
    expect(base.generalFund.draw.subtract(withGrant.generalFund.draw).toFixed(2)).toBe("20000.00");
    expect(withGrant.total.equals(base.total)).toBe(true);
  });

  it("overrides the E-Rate discount and inflation", () => {
    const p = projectBudget(sample, { id: "e", name: "E", levers: [{ type: "erate-discount", category: "C1", discount: 0.8 }] });
    expect(p.lines.find((l) => l.itemId === "internet")!.years[0]!.byFund["erate-c1"]!.toFixed(2)).toBe("19200.00");
    const flat = projectBudget(sample, { id: "f", name: "F", levers: [{ type: "inflation", rate: 0 }] });
    expect(flat.lines.find((l) => l.itemId === "coordinator")!.years[9]!.cost.toFixed(2)).toBe("92000.00");
    const plus = projectBudget(sample, { id: "p", name: "P", levers: [{ type: "inflation", rate: 0.01, mode: "add", item: "coordinator" }] });
    expect(plus.lines.find((l) => l.itemId === "coordinator")!.years[1]!.cost.toFixed(2)).toBe("95680.00"); // 92,000 × 1.04
  });

  it("changes a refresh cycle and replaces a series", () => {
    const p = projectBudget(sample, { id: "r", name: "R", levers: [{ type: "refresh-cycle", item: "teacher-laptops", everyYears: 5 }] });
    const laptops = p.lines.find((l) => l.itemId === "teacher-laptops")!;
    expect(laptops.years.filter((y) => !y.cost.isZero()).map((y) => y.fiscalYear)).toEqual([2027, 2032]);
    expect(() => projectBudget(sample, { id: "x", name: "X", levers: [{ type: "replace-series", item: "teacher-laptops", amounts: { "2027": "1" } }] })).toThrow(DistrictKitError);
  });

  it("lowers per-student costs when enrollment falls", () => {
    const p = projectBudget(sample, { id: "d", name: "D", levers: [{ type: "enrollment-change", rate: -0.1, mode: "once" }] });
    const lms = (x: typeof p) => x.lines.find((l) => l.itemId === "lms")!.years[0]!;
    expect(lms(p).units).toBe(821); // 912 × 0.9 = 820.8
    expect(lms(projectBudget(sample)).units).toBe(912);
  });
});

describe("compare", () => {
  it("gives deltas per year, category, fund and line that add up to the total delta", () => {
    const set = compareScenarios(sample, [
      { id: "base", name: "Baseline" },
      { id: "cut", name: "Cut software 10 %", levers: [{ type: "scale", category: "software", percent: -0.1 }] },
    ]);
    const c = set.comparisons[0]!;
    const sum = (xs: Iterable<Money>): string => Money.sum(xs).toFixed(2);
    expect(sum(c.years.map((y) => y.total.delta))).toBe(c.total.delta.toFixed(2));
    expect(sum(Object.values(c.byCategory).map((d) => d.delta))).toBe(c.total.delta.toFixed(2));
    expect(sum(Object.values(c.byFund).map((d) => d.delta))).toBe(c.total.delta.toFixed(2));
    expect(sum(c.lines.map((l) => l.delta))).toBe(c.total.delta.toFixed(2));
    expect(c.total.delta.isNegative()).toBe(true);
    expect(c.lines.find((l) => l.itemId === "lms")!.status).toBe("changed");
    expect(c.lines.find((l) => l.itemId === "coordinator")!.status).toBe("same");
    expect(c.explanation).toMatch(/Cut software 10 % vs Baseline/);
  });

  it("refuses projections of different horizons", () => {
    const a = projectBudget(sample);
    const b = projectBudget({ district: sample.district, budget: { ...sample.budget, years: 5 } } as never);
    expect(() => compareProjections(a, b)).toThrow(DistrictKitError);
  });
});

describe("tornado", () => {
  it("ranks the twelve standard levers of the sample district by swing", () => {
    const levers = standardTornadoLevers(sample);
    expect(levers).toHaveLength(12);
    const t = tornado(sample, { levers });
    expect(t.rows).toHaveLength(12);
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i - 1]!.swing.greaterThanOrEqual(t.rows[i]!.swing)).toBe(true);
    expect(t.base.toFixed(2)).toBe(projectBudget(sample).total.toFixed(2));
    const support = t.rows.find((r) => r.id === "category:support-staff")!;
    expect(support.low.delta.isNegative() && support.high.delta.isPositive()).toBe(true);
  });

  it("measures the general-fund draw when asked", () => {
    const t = tornado(sample, { levers: standardTornadoLevers(sample).slice(0, 2), metric: { kind: "general-fund-draw" } });
    expect(t.base.toFixed(2)).toBe(projectBudget(sample).generalFund.draw.toFixed(2));
    expect(t.metric).toBe("general-fund draw over the horizon");
  });
});

describe("goal seek", () => {
  it("finds how far the state grant can shrink before the FY2027 general-fund draw passes $520,000", () => {
    const base = measure(projectBudget(sample), { kind: "general-fund-draw", aggregate: "year", year: 2027 });
    expect(base.toFixed(2)).toBe("491971.00");
    const r = goalSeek(sample, {
      lever: { type: "scale-fund", fund: "state-tech-grant", percent: 0 },
      parameter: "percent",
      range: { min: -1, max: 0 },
      metric: { kind: "general-fund-draw", aggregate: "year", year: 2027 },
      target: "520000",
      seek: "min",
      tolerance: 1e-6,
    });
    expect(r.binding).toBe("target");
    // the grant can lose $28,029 of $75,000: −37.372 %
    expect(r.value!).toBeCloseTo(-28029 / 75000, 4);
    expect(r.metricAtValue!.lessThanOrEqual("520000")).toBe(true);
    expect(r.monotone).toBe(true);
  });

  it("reports the end of the range, or that nothing meets the target", () => {
    const all = goalSeek(sample, { lever: { type: "enrollment-change", rate: 0 }, parameter: "rate", range: { min: -0.05, max: 0 }, metric: { kind: "total" }, target: "100000000", seek: "min" });
    expect(all.binding).toBe("range-end");
    expect(all.value).toBe(-0.05);
    const none = goalSeek(sample, { lever: { type: "enrollment-change", rate: 0 }, parameter: "rate", range: { min: -0.05, max: 0 }, metric: { kind: "total" }, target: "1", seek: "min" });
    expect(none.found).toBe(false);
    expect(none.binding).toBe("infeasible");
  });

  it("searches whole years for a delay", () => {
    // how many years can the Wi-Fi refresh slip before the FY2028 total drops under $700,000?
    const r = goalSeek(sample, {
      lever: { type: "delay", item: "wifi-aps", years: 0 },
      parameter: "years",
      range: { min: 0, max: 5 },
      metric: { kind: "total", aggregate: "year", year: 2028 },
      target: "780000",
      constraint: "at-least",
      seek: "max",
    });
    expect(r.value).toBe(0);
  });

  it("refuses a parameter the lever does not have", () => {
    expect(() => goalSeek(sample, { lever: { type: "remove", item: "lms" }, parameter: "rate", range: { min: 0, max: 1 }, metric: { kind: "total" }, target: "1", seek: "max" })).toThrow(
      DistrictKitError,
    );
  });
});
