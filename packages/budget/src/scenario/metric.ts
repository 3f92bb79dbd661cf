import { DistrictKitError, Money, parseInput } from "@districtkit/core";
import { checkHorizon, readEngineOutput } from "../internal/engineOutput.js";
import type { Core } from "../projection/core.js";
import type { BudgetProjection } from "../projection/types.js";
import { type Metric, type MetricInput, metricSchema } from "../schema/scenario.js";

/** @internal The metric's yearly amounts in cents. */
/** A record's own value for an id (a fund called `constructor` is data, and a missing one is not Object). */
function own<T>(r: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(r, key) ? r[key] : undefined;
}

function yearly(p: BudgetProjection, m: Metric): number[] {
  return p.years.map((y) => {
    switch (m.kind) {
      case "total":
        return y.total.toCents();
      case "general-fund-draw":
        return own(y.byFund, p.generalFund.id)!.toCents();
      case "fund":
        return (own(y.byFund, m.fund!) ?? Money.ZERO).toCents();
      case "category":
        return (own(y.byCategory, m.category!) ?? Money.ZERO).toCents();
    }
  });
}

/** @internal Validates a metric against a horizon and fund ids. */
export function checkMetric(p: { readonly firstYear: number; readonly lastYear: number; readonly fundIds: readonly string[] }, input: MetricInput, root: (string | number)[] = ["metric"]): Metric {
  const m = parseInput(metricSchema, input, root);
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (m.kind === "fund" && (m.fund === undefined || !p.fundIds.includes(m.fund)))
    issues.push({ path: [...root, "fund"], message: `expected one of the funds (${p.fundIds.join(", ")}), got ${JSON.stringify(m.fund ?? null)}` });
  if (m.kind === "category" && m.category === undefined) issues.push({ path: [...root, "category"], message: "expected a category" });
  if (m.aggregate === "year" && (m.year === undefined || m.year < p.firstYear || m.year > p.lastYear))
    issues.push({ path: [...root, "year"], message: `expected a fiscal year FY${p.firstYear}–FY${p.lastYear}` });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return m;
}

/** @internal The metric's yearly amounts in cents, straight from the engine's tables. */
function yearlyCore(c: Core, m: Metric): number[] {
  const out: number[] = [];
  const f = m.kind === "general-fund-draw" ? c.gfIndex : m.kind === "fund" ? c.fundIndex.get(m.fund!)! : -1;
  const cat = m.kind === "category" ? (c.catIndex.get(m.category!) ?? -1) : -2;
  for (let yi = 0; yi < c.n; yi++) {
    let v = 0;
    if (m.kind === "total") for (let k = 0; k < c.C; k++) v += c.byCat[yi * c.C + k]!;
    else if (m.kind === "category") v = cat < 0 ? 0 : c.byCat[yi * c.C + cat]!;
    else for (let k = 0; k < c.C; k++) v += c.byCatFund[(yi * c.C + k) * c.F + f]!;
    out.push(v);
  }
  return out;
}

/** @internal The horizon and fund ids of an engine run (for {@link checkMetric}). */
export function coreShape(c: Core): { firstYear: number; lastYear: number; fundIds: readonly string[] } {
  return { firstYear: c.first, lastYear: c.first + c.n - 1, fundIds: c.fundIds };
}

/** @internal The metric of an engine run, in cents. */
export function metricOfCore(c: Core, m: Metric): number {
  return aggregate(yearlyCore(c, m), m, c.first);
}

function aggregate(ys: readonly number[], m: Metric, first: number): number {
  if (m.aggregate === "sum") return ys.reduce((a, b) => a + b, 0);
  if (m.aggregate === "max-year") return ys.reduce((a, b) => Math.max(a, b), 0);
  return ys[m.year! - first] ?? 0;
}

/** @internal The metric of a projection, in cents. */
export function metricCents(p: BudgetProjection, m: Metric): number {
  return aggregate(yearly(p, m), m, p.firstYear);
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
  if (projection === null || typeof projection !== "object") throw DistrictKitError.argument(["projection"], "expected a projection from projectBudget");
  const shape = readEngineOutput("projection", "a projection from projectBudget", () => {
    checkHorizon(projection, "projection");
    return { firstYear: projection.firstYear, lastYear: projection.lastYear, fundIds: Object.keys(projection.byFund) };
  });
  const m = checkMetric(shape, metric);
  return Money.fromCents(readEngineOutput("projection", "a projection from projectBudget", () => metricCents(projection, m)));
}

/** @internal A phrase for a metric. */
export function describeMetric(m: Metric): string {
  const what = m.kind === "total" ? "total cost" : m.kind === "general-fund-draw" ? "general-fund draw" : m.kind === "fund" ? `${m.fund} draw` : `${m.category} cost`;
  return m.aggregate === "sum" ? `${what} over the horizon` : m.aggregate === "max-year" ? `largest yearly ${what}` : `${what} in FY${m.year}`;
}
