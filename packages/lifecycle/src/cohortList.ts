// A list of cohorts validated fast (a 1,000,000-device district is ≈ 24,000 cohorts, validated by
// the forecast and again by io's district calendar).
//
// How: a cohort of the usual shape — a plain object with a non-empty model and school, a role of the
// enum, an integer purchase year 1000–9998, an integer count ≥ 0, an optional non-empty id and no
// unit cost — is checked by hand and copied as zod would output it; anything else goes through
// `cohortSchema`, which reports its problems with their paths. zod stays the source of truth:
// `forecast/parseInputFast.prop.test.ts` checks that the hand check never accepts what zod rejects
// and gives exactly what zod gives, and that `parseCohorts` equals parsing each cohort with zod.
import { DistrictKitError, guardInput, safeParseInput } from "@districtkit/core";
import { type Cohort, cohortSchema } from "./schema.js";

const ROLES = new Set<unknown>(["student", "staff", "lab", "spare", "infrastructure"]);

/**
 * @internal The cohort zod would output for `v`, when `v` is a plain cohort without a unit cost
 * that `cohortSchema` accepts; undefined otherwise (then ask zod).
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
  if (!ROLES.has(role)) return undefined;
  if (typeof y !== "number" || !Number.isSafeInteger(y) || y < 1000 || y > 9998) return undefined;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) return undefined;
  if ("id" in o) {
    if (typeof id !== "string" || id.length === 0) return undefined;
    return { id, model, school, role: role as Cohort["role"], purchaseFiscalYear: y, count };
  }
  return { model, school, role: role as Cohort["role"], purchaseFiscalYear: y, count };
}

/**
 * @internal The cohorts zod would output, or undefined as soon as one is invalid (for callers
 * that then re-run a whole zod parse to list every problem).
 */
export function cohortsOrUndefined(raw: readonly unknown[]): Cohort[] | undefined {
  const cohorts = new Array<Cohort>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const fast = plainCohortOf(raw[i]);
    if (fast !== undefined) {
      cohorts[i] = fast;
      continue;
    }
    const slow = cohortSchema.safeParse(raw[i]);
    if (!slow.success) return undefined;
    cohorts[i] = slow.data;
  }
  return cohorts;
}

/**
 * Validates a list of device cohorts as {@link cohortSchema} does, fast on large inventories:
 * cohorts of the usual shape are checked by hand, the rest by the schema. Use it when a tool holds
 * cohorts from a file or a store and wants them checked once before several engines read them.
 *
 * @param list - the cohorts (an array)
 * @returns the cohorts as the schema outputs them (unit costs as Money), in the same order
 * @throws DistrictKitError listing every problem of every cohort, with its path from the list (`[3, "count"]`)
 * @example
 * ```ts
 * const cohorts = parseCohorts([{ model: "cb311", school: "MVHS", role: "student", purchaseFiscalYear: 2024, count: 420 }]);
 * cohorts[0]?.count; // => 420
 * parseCohorts([{ model: "cb311", school: "MVHS", role: "pupil", purchaseFiscalYear: 2024, count: 1 }]); // throws DistrictKitError: 0.role
 * ```
 * @category Inventory
 */
export function parseCohorts(list: readonly unknown[]): Cohort[] {
  const raw = guardInput(() => (Array.isArray(list) ? [...list] : undefined), []);
  if (raw === undefined) throw new DistrictKitError("INVALID_INPUT", [{ path: [], code: "invalid_type", message: `expected an array of cohorts, got ${list === null ? "null" : typeof list}` }]);
  const out = new Array<Cohort>(raw.length);
  const issues: { readonly path: readonly (string | number)[]; readonly code: string; readonly message: string }[] = [];
  for (let i = 0; i < raw.length; i++) {
    let fast: Cohort | undefined;
    try {
      fast = plainCohortOf(raw[i]);
    } catch (error) {
      throw DistrictKitError.wrap(error, [i], "a cohort"); // a caller's getter or Proxy that throws
    }
    if (fast !== undefined) {
      out[i] = fast;
      continue;
    }
    // core's safeParseInput: zod builds an issue's message by reading the input again, so a caller's
    // throwing getter or Proxy is wrapped there (with its cause), never thrown raw from here
    const slow = safeParseInput(cohortSchema, raw[i], [i]);
    if (slow.success) out[i] = slow.data;
    else {
      if (slow.error.cause !== undefined) throw slow.error;
      issues.push(...slow.error.issues);
    }
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}
