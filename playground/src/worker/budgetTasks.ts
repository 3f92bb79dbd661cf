import { type GoalSeekOptions, type GoalSeekResult, goalSeek, type MetricInput, prepareBudget, type ScenarioInput, standardTornadoLevers, type TornadoResult, tornado } from "@districtkit/budget";
import { type Plain, plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";

export type TaskOutcome<T> = { ok: true; value: Plain<T>; ms: number } | { ok: false; problems: string[] };

let cache: { key: string; model: ReturnType<typeof prepareBudget> } | null = null;
function modelOf(district: unknown, budget: unknown) {
  const key = JSON.stringify([district, budget]);
  if (cache?.key !== key) cache = { key, model: prepareBudget({ district, budget } as Parameters<typeof prepareBudget>[0]) };
  return cache.model;
}

/** The tornado of the standard levers around a scenario (B3: 12 levers on the sample district). */
export function budgetTornado(district: unknown, budget: unknown, scenario: ScenarioInput, metric: MetricInput): TaskOutcome<TornadoResult> {
  try {
    const t0 = performance.now();
    const model = modelOf(district, budget);
    const value = plain(tornado(model, { scenario, levers: standardTornadoLevers(model), metric }));
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/** Goal seek: the lever value at which the metric reaches its target. */
export function budgetGoalSeek(district: unknown, budget: unknown, options: GoalSeekOptions): TaskOutcome<GoalSeekResult> {
  try {
    const t0 = performance.now();
    const value = plain(goalSeek(modelOf(district, budget), options));
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
