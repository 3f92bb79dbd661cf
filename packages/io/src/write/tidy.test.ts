import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareScenarios, prepareBudget } from "@districtkit/budget";
import { DistrictKitError, Money } from "@districtkit/core";
import { forecastReplacements } from "@districtkit/lifecycle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CsvFormat } from "../csvFormat.js";
import { inventoryFromExports } from "../engines/lifecycle.js";
import { readGoogleAdminDevices } from "../formats/googleAdmin.js";
import { readSnipeItAssets } from "../formats/snipeIt.js";
import { readCsv } from "../readCsv.js";
import { budgetComparisonCsv, budgetComparisonTable } from "./budgetComparison.js";
import { forecastTables } from "./forecastTables.js";
import { exportJson } from "./json.js";
import { resultToCsvFiles, tidyTables } from "./tidy.js";

const data = join(import.meta.dirname, "../../../../examples/data");

describe("tidy tables of any result", () => {
  it("gives nested lists their own tables, keyed back to the parent row", () => {
    const tables = tidyTables({
      name: "plan",
      years: [
        { fiscalYear: 2027, lines: [{ id: "a", cost: Money.of("1.10") }] },
        {
          fiscalYear: 2028,
          lines: [
            { id: "a", cost: Money.of("2") },
            { id: "b", cost: Money.of("3"), note: "new" },
          ],
        },
      ],
    });
    expect(tables["years.lines"]).toEqual({
      columns: ["years#", "id", "cost", "note"],
      rows: [
        [1, "a", "1.1", null],
        [2, "a", "2", null],
        [2, "b", "3", "new"],
      ],
    });
    expect(tables["result"]).toEqual({ columns: ["name"], rows: [["plan"]] });
  });

  it("tables a list of records as one table, and refuses what cannot be a cell", () => {
    expect(tidyTables([{ id: "x", tags: ["a", "b"] }], { rootName: "apps" })).toEqual({ apps: { columns: ["id", "tags"], rows: [["x", "a; b"]] } });
    expect(() => tidyTables({ f: () => 1 })).toThrow(DistrictKitError);
    expect(() => tidyTables({ n: Number.NaN })).toThrow(DistrictKitError);
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(() => tidyTables(cyclic)).toThrow(/cycle/);
  });

  it("round-trips: a tidy CSV read back gives the same cells", () => {
    const format: CsvFormat<Record<string, unknown>> = { name: "t", fields: [], build: (_v, attributes) => ({ ...attributes }) };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.stringMatching(/^[a-z]{1,6}$/),
            amount: fc.integer({ min: -1e9, max: 1e9 }).map((c) => Money.fromCents(c)),
            note: fc.stringMatching(/^[=+a-z ,"\n]{1,8}$/).filter((s) => s.trim() === s),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (rows) => {
          const csv = resultToCsvFiles({ rows })["rows.csv"]!;
          const back = readCsv(format, csv).rows;
          expect(back).toEqual(rows.map((r) => ({ id: r.id, amount: r.amount.toString(), note: r.note })));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("lifecycle forecast of the sample district as tables", () => {
  const inventory = inventoryFromExports(
    { snipeIt: readSnipeItAssets(readFileSync(join(data, "snipe-it/assets.csv"))).rows, googleAdmin: readGoogleAdminDevices(readFileSync(join(data, "google-admin/chrome-devices.csv"))).rows },
    { asOf: "2026-07-01", models: { "iPad 10th gen": { expectedLifeYears: 5 } } },
  );
  const forecast = forecastReplacements({
    asOf: inventory.asOf,
    horizonYears: 5,
    models: inventory.models,
    cohorts: inventory.cohorts,
    failure: { default: { failure: { kind: "annual", accident: 0.05 } } },
    policy: { cycleYears: 5 },
  });
  const tables = forecastTables(forecast);

  it("has one summary row per fiscal year, and spend in long form that adds up to the capital", () => {
    expect(tables["summary"]?.rows).toHaveLength(5);
    const spend = tables["spend"]!;
    expect(spend.columns).toEqual(["fiscalYear", "category", "kind", "amount"]);
    const capitalKinds = new Set(["refresh", "failure-replacement", "growth", "spares"]);
    for (const year of forecast.summary) {
      const sum = Money.sum(spend.rows.filter((r) => r[0] === year.fiscalYear && capitalKinds.has(String(r[2]))).map((r) => Money.of(String(r[3]))));
      expect(sum.toString()).toBe(year.capital.toString());
    }
  });

  it("exports the forecast as JSON with money as strings, losslessly", () => {
    const json = JSON.parse(exportJson(forecast)) as { summary: { capital: unknown }[] };
    expect(json.summary[0]?.capital).toBe(forecast.summary[0]!.capital.toString());
  });
});

describe("budget's own scenario comparison (sample district) for a spreadsheet", () => {
  const read = (name: string) => JSON.parse(readFileSync(join(data, "sample-district", name), "utf8")) as unknown;
  const model = prepareBudget({ district: read("district.json"), budget: read("budget.json") } as never);
  const { comparisons, projections } = compareScenarios(model, [
    { id: "baseline", name: "Baseline" },
    {
      id: "lean",
      name: "Lean years",
      levers: [
        { type: "delay", item: "wifi-aps", years: 1 },
        { type: "enrollment-change", rate: -0.02 },
      ],
    },
  ]);
  const comparison = comparisons[0]!;
  const table = budgetComparisonTable(comparison);

  it("reads budget's ScenarioComparison as it is, and its total row is the comparison's total", () => {
    const total = table.rows.at(-1)!;
    expect(total.slice(0, 2)).toEqual(["Total", "All"]);
    expect(total.slice(-3)).toEqual([comparison.total.a.toFixed(2), comparison.total.b.toFixed(2), comparison.total.delta.toFixed(2)]);
    expect(table.columns).toContain(`FY${projections[0]!.firstYear} Lean years`);
  });

  it("has category rows that add up, year by year, to the total row", () => {
    const categories = table.rows.filter((r) => r[0] === "Category");
    const total = table.rows.at(-1)!;
    for (let col = 2; col < table.columns.length; col++) {
      expect(Money.sum(categories.map((r) => Money.of(String(r[col])))).toFixed(2)).toBe(total[col]);
    }
  });

  it("exports the projections as tidy tables and lossless JSON", () => {
    const tables = tidyTables(projections[0]);
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(["result", "years", "lines", "lines.years", "funds"]));
    const back = JSON.parse(exportJson(comparison)) as { total: { delta: unknown } };
    expect(back.total.delta).toBe(comparison.total.delta.toString());
  });
});

describe("budget comparison for a spreadsheet", () => {
  const comparison = {
    a: { id: "base", name: "Baseline" },
    b: { id: "delay", name: "Delay refresh" },
    years: [2027, 2028, 2029].map((fy, i) => ({
      fiscalYear: fy,
      total: { a: Money.of("640000"), b: Money.of(["600000", "650000", "671000.01"][i]!), delta: Money.ZERO },
      byCategory: { devices: { a: Money.of("120000"), b: Money.of(["80000", "130000", "151000.01"][i]!) }, software: { a: Money.of("520000"), b: Money.of(["520000", "520000", "520000"][i]!) } },
      byFund: { general: { a: Money.of("640000"), b: Money.of(["600000", "650000", "671000.01"][i]!) } },
    })),
  };

  it("writes A, B and the change per year and over the horizon, exactly", () => {
    const t = budgetComparisonTable(comparison);
    expect(t.rows.map((r) => [r[0], r[1], ...r.slice(-3)])).toEqual([
      ["Category", "devices", "360000.00", "361000.01", "1000.01"],
      ["Category", "software", "1560000.00", "1560000.00", "0.00"],
      ["Fund", "general", "1920000.00", "1921000.01", "1000.01"],
      ["Total", "All", "1920000.00", "1921000.01", "1000.01"],
    ]);
  });

  it("has stable headers on request and a BOM for Excel by default", () => {
    const csv = budgetComparisonCsv(comparison, { stableHeaders: true, sections: ["category"] });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe("Section,Name,FY2027 A,FY2027 B,FY2027 Change,FY2028 A,FY2028 B,FY2028 Change,FY2029 A,FY2029 B,FY2029 Change,Total A,Total B,Total Change");
  });

  it("says what is missing from something that is not a comparison", () => {
    try {
      budgetComparisonTable({ a: { name: "x" }, years: [] });
      expect.unreachable();
    } catch (error) {
      expect((error as DistrictKitError).issues.map((i) => i.pathText).sort()).toEqual(["comparison.b", "comparison.years"]);
    }
  });
});
