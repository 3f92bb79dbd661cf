// Validation of a forecast input with a fast path for its cohorts (internal). The zod schemas stay
// the source of truth: a cohort the hand-written check does not accept goes through
// `cohortSchema`, and any failure re-runs the whole zod parse so the error lists every problem.
// `parseInputFast.prop.test.ts` checks that the check never accepts what zod rejects and that its
// output equals zod's.
import { guardInput, parseInput, safeParseInput } from "@districtkit/core";
import { type Cohort, cohortSchema, type ForecastInput, forecastInputSchema } from "../schema.js";

const ROLE_SET = new Set<unknown>(["student", "staff", "lab", "spare", "infrastructure"]);

/**
 * The cohort zod would output for `v`, when `v` is a plain cohort without a unit cost that
 * `cohortSchema` accepts; undefined otherwise (then ask zod).
 */
export function plainCohortOf(v: unknown): Cohort | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const o = v as Record<string, unknown>;
  if ("unitCost" in o) return undefined;
  const { id, model, school, role, purchaseFiscalYear: y, count } = o;
  if (typeof model !== "string" || model.length === 0) return undefined;
  if (typeof school !== "string" || school.length === 0) return undefined;
  if (!ROLE_SET.has(role)) return undefined;
  if (typeof y !== "number" || !Number.isSafeInteger(y) || y < 1000 || y > 9998) return undefined;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) return undefined;
  if ("id" in o) {
    if (typeof id !== "string" || id.length === 0) return undefined;
    return { id, model, school, role: role as Cohort["role"], purchaseFiscalYear: y, count };
  }
  return { model, school, role: role as Cohort["role"], purchaseFiscalYear: y, count };
}

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
  const cohorts = cohortsOf(raw);
  if (cohorts === undefined) return undefined; // the full parse lists every problem
  const rest = safeParseInput(forecastInputSchema, { ...input, cohorts: [] });
  return rest.success ? { ...rest.data, cohorts } : undefined;
}

/** The cohorts zod would output, or undefined when one is invalid (the loop alone in a function, so V8 optimizes it once). */
function cohortsOf(raw: readonly unknown[]): Cohort[] | undefined {
  const cohorts = new Array<Cohort>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const fast = plainCohortOf(raw[i]);
    if (fast !== undefined) {
      cohorts[i] = fast;
      continue;
    }
    const slow = safeParseInput(cohortSchema, raw[i]);
    if (!slow.success) return undefined;
    cohorts[i] = slow.data;
  }
  return cohorts;
}
