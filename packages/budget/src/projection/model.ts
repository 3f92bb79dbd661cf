import { DistrictKitError, parseInput } from "@districtkit/core";
import { type BudgetModel, type BudgetModelInput, budgetInputSchema } from "../schema/budget.js";

const prepared = new WeakSet<object>();

/**
 * Freezes a plain object or array the parse built, and the plain objects and arrays it holds (a
 * Money is immutable already; the parse builds new objects, so no caller's object is reached). A
 * prepared model is frozen this way: the engine keeps what it derives from a model with the model
 * (its items as columns of numbers, its enrollment projection), so a model must not change once
 * prepared — and now cannot. A scenario builds on top of it; to change the budget itself, prepare
 * the changed input again.
 */
function freezeDeep(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return; // a Money, or another class's instance
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === "object" && value[i] !== null) freezeDeep(value[i]);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const k in record) if (Object.hasOwn(record, k) && typeof record[k] === "object" && record[k] !== null) freezeDeep(record[k]);
}

/**
 * Validates a district and its budget once and returns the validated model, so that
 * {@link projectBudget}, {@link compareScenarios}, {@link tornado} and {@link goalSeek} can be
 * called on every lever change without validating the whole budget again. The model is frozen
 * (levers never modify it; they build a scenario on top of it): to change the budget, prepare
 * the changed input again.
 *
 * @param input - `{ district, budget }`; see {@link budgetInputSchema}
 * @returns the validated model
 * @throws DistrictKitError listing every problem with its path (unknown categories, schools,
 *   funds, drivers or escalators, overlapping fund windows, items outside the horizon, negative
 *   students, NSLP above enrollment, a fund listed for an item whose category it may not pay…)
 * @example
 * ```ts
 * const model = prepareBudget({
 *   district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }] },
 *   budget: { name: "Plan", firstYear: 2027, years: 3, funds: [{ id: "gf", name: "General fund", kind: "general" }],
 *     lineItems: [{ id: "wifi", name: "Wi-Fi", category: "network", kind: "recurring", amount: "1000" }] },
 * });
 * model.budget.lineItems.length; // => 1
 * prepareBudget({ district: {}, budget: {} }); // throws
 * ```
 * @category Projection
 */
export function prepareBudget(input: BudgetModelInput | BudgetModel): BudgetModel {
  if (typeof input === "object" && input !== null && prepared.has(input)) return input as BudgetModel;
  const model = parseInput(budgetInputSchema, input);
  freezeDeep(model);
  prepared.add(model);
  return model;
}

/**
 * Like {@link prepareBudget}, without throwing: `{ success: true, data }` or
 * `{ success: false, error }` (for forms that show every problem as the user types).
 *
 * @param input - `{ district, budget }`
 * @returns the outcome
 * @example
 * ```ts
 * const r = safePrepareBudget({ district: {}, budget: {} });
 * r.success; // => false
 * ```
 * @category Projection
 */
export function safePrepareBudget(input: unknown): { success: true; data: BudgetModel } | { success: false; error: DistrictKitError } {
  try {
    return { success: true, data: prepareBudget(input as BudgetModelInput) };
  } catch (error) {
    if (error instanceof DistrictKitError) return { success: false, error };
    throw error;
  }
}

/** @internal Whether a value came from {@link prepareBudget}. */
export function isPrepared(value: unknown): value is BudgetModel {
  return typeof value === "object" && value !== null && prepared.has(value);
}
