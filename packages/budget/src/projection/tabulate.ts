import { DistrictKitError, guardInput, type Money } from "@districtkit/core";
import type { BudgetProjection } from "./types.js";

/**
 * The dimensions {@link tabulate} can lay a projection out by.
 *
 * @category Projection
 */
export type TableDimension = "category" | "fund" | "school" | "category-fund" | "school-fund" | "line" | "line-fund";

/**
 * A flat, CSV-ready table: column names and rows of plain strings and numbers (amounts as
 * decimal strings with two decimals).
 *
 * @category Projection
 */
export interface ProjectionTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

const DIMENSIONS: readonly TableDimension[] = ["category", "fund", "school", "category-fund", "school-fund", "line", "line-fund"];

/**
 * Lays a projection out as a long table — one row per fiscal year × dimension value — for a
 * data table beside a chart, a spreadsheet or a CSV export. Zero rows are kept so every year has
 * the same keys.
 *
 * @param projection - a result of {@link projectBudget}
 * @param by - `category`, `fund`, `school`, `category-fund`, `school-fund` (needs `detail: "items"`), `line`, `line-fund` (needs items)
 * @returns columns and rows
 * @throws DistrictKitError for an unknown dimension
 * @example
 * ```ts
 * const p = projectBudget({
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 10, nslpEligible: 1, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "x", name: "X", category: "software", kind: "recurring", amount: "100" }] },
 * });
 * const t = tabulate(p, "category");
 * t.columns; // => ["fiscalYear", "label", "category", "amount"]
 * t.rows[0]; // => { "fiscalYear": 2027, "label": "FY2027", "category": "software", "amount": "100.00" }
 * ```
 * @category Projection
 */
export function tabulate(projection: BudgetProjection, by: TableDimension): ProjectionTable {
  if (!DIMENSIONS.includes(by)) throw DistrictKitError.argument(["by"], `expected one of ${DIMENSIONS.join(", ")}, got ${typeof by === "string" ? JSON.stringify(by) : `a ${typeof by}`}`);
  if (projection === null || typeof projection !== "object" || !Array.isArray(guardInput(() => (projection as { years?: unknown }).years, ["projection"], "the projection"))) {
    throw DistrictKitError.argument(["projection"], "expected a projection from projectBudget");
  }
  try {
    return build(projection, by);
  } catch (error) {
    if (error instanceof DistrictKitError) throw error;
    throw DistrictKitError.argument(["projection"], "expected a projection from projectBudget (unchanged)");
  }
}

function build(projection: BudgetProjection, by: TableDimension): ProjectionTable {
  const rows: Record<string, string | number>[] = [];
  const amount = (m: Money | undefined): string => (m ? m.toFixed(2) : "0.00");
  const head = (y: BudgetProjection["years"][number]): { fiscalYear: number; label: string } => {
    // a projection changed after projectBudget made it (a fiscal year of NaN…) is refused, never copied into the rows
    if (!Number.isSafeInteger(y.fiscalYear) || typeof y.label !== "string") throw new TypeError("not a projection year");
    return { fiscalYear: y.fiscalYear, label: y.label };
  };
  projection.years.forEach((y, yi) => {
    switch (by) {
      case "category":
        for (const [k, v] of Object.entries(y.byCategory)) rows.push({ ...head(y), category: k, amount: amount(v) });
        break;
      case "fund":
        for (const [k, v] of Object.entries(y.byFund)) rows.push({ ...head(y), fund: k, amount: amount(v) });
        break;
      case "school":
        for (const [k, v] of Object.entries(y.bySchool)) rows.push({ ...head(y), school: k, amount: amount(v) });
        break;
      case "category-fund":
        for (const [c, r] of Object.entries(y.byCategoryFund)) for (const f of Object.keys(y.byFund)) rows.push({ ...head(y), category: c, fund: f, amount: amount(r[f]) });
        break;
      case "school-fund":
        for (const [s, r] of Object.entries(y.bySchoolFund)) for (const f of Object.keys(y.byFund)) rows.push({ ...head(y), school: s, fund: f, amount: amount(r[f]) });
        break;
      case "line":
        for (const l of projection.lines) rows.push({ ...head(y), itemId: l.itemId, name: l.name, category: l.category, school: l.school ?? "district", amount: amount(l.years[yi]?.cost) });
        break;
      case "line-fund":
        for (const l of projection.lines) for (const [f, v] of Object.entries(l.years[yi]?.byFund ?? {})) rows.push({ ...head(y), itemId: l.itemId, name: l.name, fund: f, amount: amount(v) });
        break;
    }
  });
  const dims: Record<TableDimension, string[]> = {
    category: ["category"],
    fund: ["fund"],
    school: ["school"],
    "category-fund": ["category", "fund"],
    "school-fund": ["school", "fund"],
    line: ["itemId", "name", "category", "school"],
    "line-fund": ["itemId", "name", "fund"],
  };
  return { columns: ["fiscalYear", "label", ...dims[by], "amount"], rows };
}
