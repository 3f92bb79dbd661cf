import { DistrictKitError, isDistrictKitError, Money } from "@districtkit/core";
import { money } from "../internal/cents.js";
import type { BudgetProjection } from "../projection/types.js";
import { cellKey } from "./periods.js";

/**
 * One budgeted amount by fund × category × school × fiscal year, as {@link budgetVsActual} and
 * {@link forecastAccuracy} take it (amount as a decimal string).
 *
 * @category Budget vs actual
 */
export interface PlanRow {
  readonly fund: string;
  readonly category: string;
  readonly school: string | null;
  readonly fiscalYear: number;
  readonly amount: string;
}

/**
 * The budget of a projection as plan rows (fund × category × school × year, from each line's fund
 * split), to compare with actuals in {@link budgetVsActual}. Zero cells are left out.
 *
 * @param projection - a projection made with `detail: "items"` (the default)
 * @returns the plan rows, sorted; they add up to the projection's yearly totals
 * @throws DistrictKitError when the projection has no line items (made with `detail: "summary"`)
 * @example
 * ```ts
 * const p = projectBudget({
 *   district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }] },
 *   budget: { name: "Plan", firstYear: 2027, years: 1, funds: [{ id: "gf", name: "General fund", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "recurring", amount: "900", school: "a" }] },
 * });
 * planFromProjection(p); // => [{ "fund": "gf", "category": "software", "school": "a", "fiscalYear": 2027, "amount": "900" }]
 * ```
 * @category Budget vs actual
 */
export function planFromProjection(projection: BudgetProjection): PlanRow[] {
  try {
    return planRows(projection);
  } catch (error) {
    if (isDistrictKitError(error)) throw error;
    // a projection changed since projectBudget made it, or a getter or a Proxy of the caller's: the
    // one rule (core's DistrictKitError.wrap) keeps what was thrown as the cause
    const detail = DistrictKitError.wrap(error).issues[0]?.message.replace(/^could not read the input: /, "") ?? "unreadable";
    throw new DistrictKitError("INVALID_ARGUMENT", [{ path: ["projection"], code: "invalid_argument", message: `expected a budget projection made by projectBudget (${detail})` }], undefined, {
      cause: error,
    });
  }
}

function planRows(projection: BudgetProjection): PlanRow[] {
  if (projection === null || typeof projection !== "object" || !Array.isArray(projection.lines) || !Array.isArray(projection.years)) {
    throw DistrictKitError.argument(["projection"], "expected a budget projection");
  }
  if (projection.lines.length === 0 && projection.years.some((y) => !y.total.isZero())) {
    throw DistrictKitError.argument(["projection", "lines"], 'the projection has no line items: project with detail "items" (the default)');
  }
  const acc = new Map<string, { fund: string; category: string; school: string | null; fiscalYear: number; cents: number }>();
  for (const [li, line] of projection.lines.entries()) {
    if (typeof line.category !== "string" || (line.school !== null && typeof line.school !== "string"))
      throw DistrictKitError.argument(["projection", "lines", li], "expected a line with a category and a school (or null)");
    for (const [yi, y] of line.years.entries()) {
      // a changed projection: a year that is not a whole number is refused, never written as NaN
      if (typeof y.fiscalYear !== "number" || !Number.isInteger(y.fiscalYear))
        throw DistrictKitError.argument(["projection", "lines", li, "years", yi, "fiscalYear"], `expected a fiscal year, got ${String(y.fiscalYear)}`);
      for (const [fund, amount] of Object.entries(y.byFund) as [string, unknown][]) {
        if (!Money.isMoney(amount)) throw DistrictKitError.argument(["projection", "lines"], "expected amounts as Money");
        const k = `${cellKey(fund, line.category, line.school)}\u0000${y.fiscalYear}`;
        const a = acc.get(k);
        if (a) a.cents += amount.toCents();
        else acc.set(k, { fund, category: line.category, school: line.school, fiscalYear: y.fiscalYear, cents: amount.toCents() });
      }
    }
  }
  return [...acc.values()]
    .filter((a) => a.cents !== 0)
    .sort(
      (a, b) =>
        a.fiscalYear - b.fiscalYear ||
        (a.fund < b.fund ? -1 : a.fund > b.fund ? 1 : 0) ||
        (a.category < b.category ? -1 : a.category > b.category ? 1 : 0) ||
        ((a.school ?? "") < (b.school ?? "") ? -1 : (a.school ?? "") > (b.school ?? "") ? 1 : 0),
    )
    .map((a) => ({ fund: a.fund, category: a.category, school: a.school, fiscalYear: a.fiscalYear, amount: money(a.cents).toString() }));
}
