import { type BudgetModel, type BudgetProjection, compareProjections, projectBudget, type ScenarioSet } from "@districtkit/budget";
import type { Scenario } from "../state/schema.js";
import { buildModel, toEngineScenario } from "./budgetModel.js";
import { type Plain, plain } from "./plain.js";
import { problemsOf } from "./problems.js";

export type ModelOutcome = { ok: true; model: BudgetModel } | { ok: false; problems: string[] };
export type SetOutcome = { ok: true; set: Plain<ScenarioSet> } | { ok: false; problems: string[] };

// the views that run engines import problemsOf from here too
export { problemsOf };

const models = new WeakMap<object, WeakMap<object, ModelOutcome>>();

/** The budget model of a district and its budget (validated once per pair of data objects). */
export function modelFrom(district: unknown, budget: unknown): ModelOutcome {
  const byBudget = typeof district === "object" && district !== null ? (models.get(district) ?? new WeakMap<object, ModelOutcome>()) : null;
  if (byBudget && typeof budget === "object" && budget !== null) {
    models.set(district as object, byBudget);
    const hit = byBudget.get(budget);
    if (hit) return hit;
  }
  let out: ModelOutcome;
  try {
    out = { ok: true, model: buildModel(district, budget) };
  } catch (e) {
    out = { ok: false, problems: problemsOf(e) };
  }
  if (byBudget && typeof budget === "object" && budget !== null) byBudget.set(budget, out);
  return out;
}

// Projections are pure functions of (model, scenario): keep the last ones, so moving a lever
// re-projects only the scenario it belongs to (the baseline and the others are reused).
const cache = new WeakMap<BudgetModel, Map<string, { raw: BudgetProjection; plain: Plain<BudgetProjection> }>>();

/**
 * Project every scenario with the budget engine (the baseline first) and compare each with it
 * (the engine's `projectBudget` and `compareProjections`, as `compareScenarios` does).
 */
export function runScenarios(model: BudgetModel, scenarios: readonly Scenario[]): SetOutcome {
  try {
    let byKey = cache.get(model);
    if (!byKey) cache.set(model, (byKey = new Map()));
    const used = new Set<string>();
    const projections = scenarios.map((s) => {
      const engineScenario = toEngineScenario(s, model);
      const key = JSON.stringify(engineScenario);
      used.add(key);
      let hit = byKey.get(key);
      if (!hit) {
        const raw = projectBudget(model, engineScenario);
        hit = { raw, plain: plain(raw) };
        byKey.set(key, hit);
      }
      return hit;
    });
    for (const k of [...byKey.keys()]) if (!used.has(k)) byKey.delete(k);
    const base = projections[0]!.raw;
    const comparisons = projections.slice(1).map((p) => plain(compareProjections(base, p.raw)));
    return { ok: true, set: { projections: projections.map((p) => p.plain), comparisons } };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/** The projections as a long table for a spreadsheet: one row per scenario, year, measure and key. */
export function comparisonTable(set: Plain<ScenarioSet>): { columns: string[]; rows: string[][] } {
  const rows: string[][] = [];
  for (const p of set.projections) {
    for (const y of p.years) {
      rows.push([p.scenario.name, y.label, "total", "", y.total]);
      rows.push([p.scenario.name, y.label, "general-fund draw", p.generalFund.id, p.generalFund.byYear[String(y.fiscalYear)] ?? "0"]);
      for (const [k, v] of Object.entries(y.byCategory)) rows.push([p.scenario.name, y.label, "category", k, v]);
      for (const [k, v] of Object.entries(y.byFund)) rows.push([p.scenario.name, y.label, "fund", k, v]);
    }
  }
  return { columns: ["Scenario", "Fiscal year", "Measure", "Key", "Amount"], rows };
}
