import { forecastMonteCarlo, type MonteCarloResult } from "@districtkit/lifecycle";
import { plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";
import type { TaskOutcome } from "./budgetTasks.js";

/** Monte Carlo replacement forecast (P10/P50/P90), off the main thread. */
export function devicesMonteCarlo(input: unknown, options: { seed: number; trials: number }): TaskOutcome<MonteCarloResult> {
  try {
    const t0 = performance.now();
    const value = plain(forecastMonteCarlo(input, { seed: options.seed, trials: options.trials, probabilities: [0.1, 0.5, 0.9] }));
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
