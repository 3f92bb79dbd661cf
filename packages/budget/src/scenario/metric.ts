import { DistrictKitError, Money, parseInput } from "@districtkit/core";
import type { BudgetProjection } from "../projection/types.js";
import { metricSchema, type Metric, type MetricInput } from "../schema/scenario.js";

/** @internal The metric's yearly amounts in cents. */
function yearly(p: BudgetProjection, m: Metric): number[] {
  return p.years.map((y) => {
    switch (m.kind) {
      case "total":
        return y.total.toCents();
      case "general-fund-draw":
        return y.byFund[p.generalFund.id]!.toCents();
      case "fund":
        return (y.byFund[m.fund!] ?? Money.ZERO).toCents();
      case "category":
        return (y.byCategory[m.category!] ?? Money.ZERO).toCents();
    }
  });
}

/** @internal Validates a metric against a projection's funds, categories and years. */
export function checkMetric(p: BudgetProjection, input: MetricInput, root: (string | number)[] = ["metric"]): Metric {
  const m = parseInput(metricSchema, input, root);
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (m.kind === "fund" && (m.fund === undefined || !(m.fund in p.byFund))) issues.push({ path: [...root, "fund"], message: `expected one of the funds (${Object.keys(p.byFund).join(", ")}), got ${JSON.stringify(m.fund ?? null)}` });
  if (m.kind === "category" && m.category === undefined) issues.push({ path: [...root, "category"], message: "expected a category" });
  if (m.aggregate === "year" && (m.year === undefined || m.year < p.firstYear || m.year > p.lastYear)) issues.push({ path: [...root, "year"], message: `expected a fiscal year FY${p.firstYear}–FY${p.lastYear}` });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return m;
}

/** @internal The metric of a projection, in cents. */
export function metricCents(p: BudgetProjection, m: Metric): number {
  const ys = yearly(p, m);
  if (m.aggregate === "sum") return ys.reduce((a, b) => a + b, 0);
  if (m.aggregate === "max-year") return ys.reduce((a, b) => Math.max(a, b), 0);
  return ys[m.year! - p.firstYear] ?? 0;
}

/**
 * Reads a metric off a projection: the total, the general-fund draw, one fund's draw or one
 * category's cost; summed over the horizon, its largest year, or one year.
 *
 * @param projection - a result of {@link projectBudget}
 * @param metric - what to measure; see {@link metricSchema}
 * @returns the amount
 * @throws DistrictKitError for an unknown fund or a year outside the horizon
 * @example
 * ```ts
 * const p = projectBudget({
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 10, nslpEligible: 1, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "x", name: "X", category: "software", kind: "recurring", amount: "100" }] },
 * });
 * measure(p, { kind: "general-fund-draw" }).toString();                // => "200"
 * measure(p, { kind: "total", aggregate: "year", year: 2028 }).toString(); // => "100"
 * ```
 * @category Scenarios
 */
export function measure(projection: BudgetProjection, metric: MetricInput): Money {
  return Money.fromCents(metricCents(projection, checkMetric(projection, metric)));
}

/** @internal A phrase for a metric. */
export function describeMetric(m: Metric): string {
  const what = m.kind === "total" ? "total cost" : m.kind === "general-fund-draw" ? "general-fund draw" : m.kind === "fund" ? `${m.fund} draw` : `${m.category} cost`;
  return m.aggregate === "sum" ? `${what} over the horizon` : m.aggregate === "max-year" ? `largest yearly ${what}` : `${what} in FY${m.year}`;
}
