import { parseInput } from "@districtkit/core";
import type { ForecastResult } from "@districtkit/lifecycle";
import { z } from "zod";
import { guard } from "../internal/guard.js";
import type { CellValue, CsvTable } from "./csv.js";
import { tidyTables } from "./tidy.js";

const money = z.custom<{ toJSON(): string }>((v) => typeof v === "string" || (typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON === "function"));
const year = z.string().regex(/^\d{4}$/, 'expected a fiscal year like "2027"');
const shape = z
  .object({
    summary: z.array(z.object({ fiscalYear: z.number() }).passthrough()),
    cohorts: z.array(z.object({ id: z.string(), retiredByYear: z.record(year, z.number()) }).passthrough()),
    spendByCategory: z.array(z.object({ category: z.string(), kind: z.string(), amounts: z.record(year, money) }).passthrough()),
  })
  .passthrough();

/**
 * The tidy tables of a `@districtkit/lifecycle` replacement forecast: every table of
 * {@link tidyTables} (`result`, `summary` — one row per fiscal year —, `rows`, `cohorts`,
 * `deferrals`, `capShortfalls`), with the two year-keyed breakdowns in long form, one row per
 * observation: `spend` (fiscalYear, category, kind, amount) and `retirements` (cohort, fiscalYear,
 * devices). Column names are the result's own field names.
 *
 * @param forecast - the result of lifecycle's `forecastReplacements`
 * @returns the tables by name
 * @throws DistrictKitError when the value is not a forecast result
 * @example
 * ```ts
 * const forecast = {
 *   asOf: "2026-07-01",
 *   summary: [{ fiscalYear: 2027, capital: Money.of("8670") }],
 *   cohorts: [{ id: "cb|HS|student|FY2021", retiredByYear: { "2027": 30 } }],
 *   spendByCategory: [{ category: "chromebook", kind: "refresh", amounts: { "2027": Money.of("8670") } }],
 * };
 * const tables = forecastTables(forecast);
 * tables["spend"]?.rows; // => [[2027, "chromebook", "refresh", "8670"]]
 * tables["retirements"]?.rows; // => [["cb|HS|student|FY2021", 2027, 30]]
 * ```
 * @category Writing
 */
export function forecastTables(forecast: ForecastResult | object): Record<string, CsvTable> {
  return guard("forecast", () => {
    const f = parseInput(shape, forecast, ["forecast"]);
    const { spendByCategory: _spend, ...rest } = forecast as ForecastResult;
    const cohorts = f.cohorts.map(({ retiredByYear: _r, ...c }) => c);
    const tables = tidyTables({ ...rest, cohorts });
    const spend: CellValue[][] = [];
    for (const s of f.spendByCategory) for (const [year, amount] of Object.entries(s.amounts)) spend.push([Number(year), s.category, s.kind, amount.toJSON ? amount.toJSON() : String(amount)]);
    spend.sort((x, y) => (x[0] as number) - (y[0] as number));
    tables["spend"] = { columns: ["fiscalYear", "category", "kind", "amount"], rows: spend };
    const retirements: CellValue[][] = [];
    for (const c of f.cohorts) for (const [year, n] of Object.entries(c.retiredByYear)) if (n !== 0) retirements.push([c.id, Number(year), n]);
    tables["retirements"] = { columns: ["cohort", "fiscalYear", "devices"], rows: retirements };
    return tables;
  });
}
