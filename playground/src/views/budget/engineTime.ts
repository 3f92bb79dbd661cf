/**
 * How long the budget engine took for the last update of every scenario (ms), reported with the
 * G2 timing. BudgetView records it; BudgetResults reads it. A module of its own, so that the
 * results do not import the view that imports them.
 */
export let engineMs = 0;

/** Record the engine time of the last update. */
export function recordEngineMs(ms: number): void {
  engineMs = ms;
}
