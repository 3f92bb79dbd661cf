import { DistrictKitError, keyedRecordSchema, parseInput, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import { compileRubric } from "./internal/compile.js";
import { criterionSchema } from "./schema/criterion.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";

/**
 * The zod schema of a district's changes to a rubric (see {@link deriveRubric}).
 *
 * @example
 * ```ts
 * rubricChangesSchema.safeParse({ id: "mv", methodVersion: "2026.1-mv.1", weights: { sellsData: -1 } }).success; // => false
 * ```
 * @category Schemas
 */
export const rubricChangesSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1).optional(),
  methodVersion: z.string().min(1),
  description: z.string().optional(),
  // keyed by criterion id: ids are data, so a criterion called __proto__ keeps its change
  weights: keyedRecordSchema(z.number().min(0).max(1e6)).optional(),
  gates: keyedRecordSchema(z.union([z.boolean(), z.strictObject({ minScore: z.number().min(0).max(1) })])).optional(),
  conditions: keyedRecordSchema(z.string().min(1).nullable()).optional(),
  add: z.array(z.unknown()).optional(),
  remove: z.array(z.string()).optional(),
  scoring: z.strictObject({ unanswered: z.enum(["exclude", "unfavourable", "neutral"]).optional(), unclearScore: z.number().min(0).max(1).optional() }).optional(),
  decision: z
    .strictObject({
      approveAt: z.number().min(0).max(100).optional(),
      conditionalAt: z.number().min(0).max(100).optional(),
      minCoverage: z.number().min(0).max(1).optional(),
      belowApproveCondition: z.string().min(1).optional(),
    })
    .optional(),
  tiers: z.array(z.strictObject({ min: z.number().min(0).max(100), label: z.string().min(1) })).optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
});

/**
 * A district's changes to a rubric, as written (see {@link rubricChangesSchema}).
 *
 * @category Rubric
 */
export type RubricChanges = z.input<typeof rubricChangesSchema>;

/**
 * Validates a rubric once, freezes it and keeps its compiled form, so that scoring it again
 * (the playground re-scores on every edit) skips validation. The result is the same plain data;
 * pass it to {@link scoreApp}, {@link scoreApps}, {@link deriveRubric}…
 *
 * @param rubric - rubric data
 * @returns the validated, frozen rubric (defaults filled in)
 * @throws DistrictKitError listing every problem (duplicate ids, conditions on missing criteria, negative weights…)
 * @example
 * ```ts
 * const r = prepareRubric({ id: "m", title: "M", methodVersion: "1", criteria: [{ id: "sso", title: "SSO", domain: "security", weight: 1, kind: "yesNo" }] });
 * Object.isFrozen(r); // => true
 * prepareRubric({ id: "m", title: "M", methodVersion: "1", criteria: [{ id: "sso", title: "SSO", domain: "security", weight: -1, kind: "yesNo" }] }); // throws
 * ```
 * @category Rubric
 */
export function prepareRubric(rubric: Rubric | RubricInput): Rubric {
  return compileRubric(rubric).rubric;
}

/**
 * Derives a district's rubric from a base one (usually {@link K12_RUBRIC}): change weights, turn
 * gates on or off, set or clear the condition of use a criterion carries, add criteria, remove
 * criteria, change the scoring policy, thresholds, tiers and review interval. The result names
 * its parent in `basedOn` and carries its own `methodVersion`; it is validated as a whole (a
 * removed criterion that another's condition reads is reported).
 *
 * @param base - the rubric to start from
 * @param changes - the district's changes (see {@link rubricChangesSchema})
 * @returns the new rubric, validated and frozen
 * @throws DistrictKitError listing every problem: unknown criterion ids, negative weights, an added criterion that is not valid…
 * @example
 * ```ts
 * const mine = deriveRubric(K12_RUBRIC, {
 *   id: "maple-valley", methodVersion: "2026.1-mv.1",
 *   weights: { acr: 8 }, gates: { mfaForAdmins: true },
 *   add: [{ id: "boardApproved", title: "Curriculum committee approved", domain: "other", weight: 2, kind: "yesNo" }],
 * });
 * mine.basedOn; // => { "id": "districtkit-k12", "methodVersion": "2026.1" }
 * mine.criteria.find((c) => c.id === "mfaForAdmins")?.gate; // => true
 * deriveRubric(K12_RUBRIC, { id: "x", methodVersion: "1", weights: { noSuchCriterion: 2 } }); // throws
 * ```
 * @category Rubric
 */
export function deriveRubric(base: Rubric | RubricInput, changes: RubricChanges): Rubric {
  const b = compileRubric(base, ["base"]).rubric;
  const c = parseInput(rubricChangesSchema, changes, ["changes"]);
  const ids = new Set(b.criteria.map((x) => x.id));
  const issues: { path: (string | number)[]; message: string; code: string }[] = [];
  const known = (where: string, id: string) => {
    if (!ids.has(id)) issues.push({ path: ["changes", where, id], code: "unknown_criterion", message: `no criterion "${id}" in rubric "${b.id}" ${b.methodVersion}` });
  };
  for (const id of Object.keys(c.weights ?? {})) known("weights", id);
  for (const id of Object.keys(c.gates ?? {})) known("gates", id);
  for (const id of Object.keys(c.conditions ?? {})) known("conditions", id);
  (c.remove ?? []).forEach((id, i) => {
    if (!ids.has(id)) issues.push({ path: ["changes", "remove", i], code: "unknown_criterion", message: `no criterion "${id}" in rubric "${b.id}" ${b.methodVersion}` });
  });
  const added = (c.add ?? []).map((x, i) => {
    const r = safeParseInput(criterionSchema, x, ["changes", "add", i]);
    if (!r.success) {
      if (r.error.cause !== undefined) throw r.error; // a caller's getter or Proxy: as wrapped, with its cause
      issues.push(...r.error.issues.map((e) => ({ path: [...e.path], code: e.code, message: e.message })));
      return null;
    }
    return r.data;
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const removed = new Set(c.remove ?? []);
  const criteria = b.criteria
    .filter((x) => !removed.has(x.id))
    .map((x) => {
      const out: Record<string, unknown> = { ...x };
      if (c.weights && Object.hasOwn(c.weights, x.id)) out.weight = c.weights[x.id];
      if (c.gates && Object.hasOwn(c.gates, x.id)) out.gate = c.gates[x.id];
      if (c.conditions && Object.hasOwn(c.conditions, x.id)) {
        const text = c.conditions[x.id];
        if (text === null) delete out.conditionIfNotMet;
        else out.conditionIfNotMet = text;
      }
      return out;
    });
  const next = {
    ...b,
    id: c.id,
    title: c.title ?? `${b.title} (${c.id})`,
    methodVersion: c.methodVersion,
    basedOn: { id: b.id, methodVersion: b.methodVersion },
    ...(c.description !== undefined ? { description: c.description } : {}),
    criteria: [...criteria, ...added],
    scoring: { ...b.scoring, ...c.scoring },
    decision: { ...b.decision, ...c.decision },
    tiers: c.tiers ?? b.tiers,
    review: { intervalMonths: c.reviewIntervalMonths ?? b.review.intervalMonths },
  };
  return compileRubric(next, ["derived"]).rubric;
}
