// Validation of a forecast input with a fast path for its cohorts (internal). The zod schemas stay
// the source of truth: a cohort the hand-written check does not accept goes through
// `cohortSchema`, and any failure re-runs the whole zod parse so the error lists every problem.
// The hand check is cohortList.ts's (its property test compares it with zod); parseInputFast.prop.test.ts
// checks that the whole parse equals zod's.
import { guardInput, parseInput, safeParseInput } from "@districtkit/core";
import { cohortsOrUndefined } from "../cohortList.js";
import { type ForecastInput, forecastInputSchema } from "../schema.js";

/**
 * `parseInput(forecastInputSchema, input)`, with the cohorts (the bulk of a large inventory)
 * checked by hand. Same result, same errors (with `root` prefixed to their paths).
 */
export function parseForecastInput(input: unknown, root: readonly (string | number)[] = []): ForecastInput {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return parseInput(forecastInputSchema, input, root);
  // a getter or Proxy that throws while the cohorts are looked at: the one rule (DistrictKitError.wrap)
  const raw = guardInput(() => {
    const c = (input as { cohorts?: unknown }).cohorts;
    return Array.isArray(c) && c.length >= 64 ? c : undefined;
  }, [...root, "cohorts"]);
  if (raw === undefined) return parseInput(forecastInputSchema, input, root);
  let out: ForecastInput | undefined;
  try {
    out = fastPath(input, raw);
  } catch {
    out = undefined; // a getter or proxy that throws: zod reports it
  }
  return out ?? parseInput(forecastInputSchema, input, root);
}

function fastPath(input: object, raw: readonly unknown[]): ForecastInput | undefined {
  const cohorts = cohortsOrUndefined(raw);
  if (cohorts === undefined) return undefined; // the full parse lists every problem
  const rest = safeParseInput(forecastInputSchema, { ...input, cohorts: [] });
  return rest.success ? { ...rest.data, cohorts } : undefined;
}
