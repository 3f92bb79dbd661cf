import { isDistrictKitError } from "@districtkit/core";

/**
 * The problems an engine call failed with, one line each, for a view or a worker's reply: every
 * issue of a DistrictKitError with its path (a problem with the whole input has no path to show,
 * so it is its message alone), or the message of anything else thrown. The one helper the views
 * and the worker share; `components/ProblemList.tsx` shows what it returns.
 */
export function problemsOf(e: unknown): string[] {
  if (isDistrictKitError(e)) return e.issues.map((i) => (i.path.length > 0 ? `${i.pathText}: ${i.message}` : i.message));
  return [e instanceof Error ? e.message : String(e)];
}

/** What a call can end in: its value, or its problems (`problemsOf`), never a throw. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A call's value, or its problems as sentences (each with its path). */
export function attempt<T>(call: () => T): Attempt<T> {
  try {
    return { ok: true, value: call() };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
