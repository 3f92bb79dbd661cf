import { z } from "zod";
import type { Condition } from "./condition.js";
import { type Criterion, criterionSchema } from "./criterion.js";

/**
 * The zod schema of a rubric's scoring settings.
 *
 * - `unanswered`: what an applicable criterion with no answer does to the score —
 *   `exclude` (left out and renormalized, reported as missing), `unfavourable` (scores 0:
 *   "silence is not assurance"), or `neutral` (scores 0.5).
 * - `unclearScore`: the score of an `unclear` answer (default 0: a policy that does not say
 *   counts against the app, as in Common Sense's evaluations); it counts as answered for coverage.
 *
 * @example
 * ```ts
 * scoringSettingsSchema.parse({}); // => { "unanswered": "exclude", "unclearScore": 0 }
 * ```
 * @category Schemas
 */
export const scoringSettingsSchema = z.strictObject({
  unanswered: z.enum(["exclude", "unfavourable", "neutral"]).default("exclude"),
  unclearScore: z.number().min(0).max(1).default(0),
});

/**
 * How a rubric treats unanswered criteria (see {@link scoringSettingsSchema}).
 *
 * @category Rubric
 */
export type UnansweredPolicy = z.infer<typeof scoringSettingsSchema>["unanswered"];

/**
 * The zod schema of a rubric's decision thresholds: approve at `approveAt` points or more,
 * approve with conditions from `conditionalAt`, deny below it; ask for more information when the
 * coverage (share of applicable weight answered) is below `minCoverage`. `belowApproveCondition`
 * is the condition attached when the score is between the two thresholds.
 *
 * @example
 * ```ts
 * decisionSettingsSchema.parse({}).approveAt; // => 75
 * ```
 * @category Schemas
 */
export const decisionSettingsSchema = z
  .strictObject({
    approveAt: z.number().min(0).max(100).default(75),
    conditionalAt: z.number().min(0).max(100).default(60),
    minCoverage: z.number().min(0).max(1).default(0.8),
    belowApproveCondition: z.string().min(1).default("Pilot use only, in the classes that asked for it; review again before wider use."),
  })
  .refine((d) => d.conditionalAt <= d.approveAt, { error: "expected conditionalAt ≤ approveAt", path: ["conditionalAt"] });

/**
 * The zod schema of a rubric: versioned data (`id`, `title`, `methodVersion`, and `basedOn` for
 * a district's derivation), its criteria, scoring and decision settings, score tiers (labels by
 * minimum score, e.g. "strong" from 85), the review interval, and optionally which criteria give
 * the Common Sense-style privacy rating. Cross-checks: ids are unique, conditions and the rating
 * refer to criteria that exist, a level's `min` is below its `max`, choice values are unique,
 * and `list`/`text` criteria are never gates.
 *
 * @example
 * ```ts
 * const rubric = rubricSchema.parse({
 *   id: "mini", title: "Mini rubric", methodVersion: "1.0.0",
 *   criteria: [{ id: "sellsData", title: "Sells data", domain: "privacy", weight: 1, kind: "practice", better: "doesNot", gate: true }],
 * });
 * rubric.scoring.unanswered; // => "exclude"
 * rubricSchema.safeParse({ ...rubric, rating: { policyCriterion: "nope", practiceCriteria: [] } }).success; // => false
 * ```
 * @category Schemas
 */
export const rubricSchema = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    methodVersion: z.string().min(1),
    basedOn: z.strictObject({ id: z.string().min(1), methodVersion: z.string().min(1) }).optional(),
    description: z.string().optional(),
    criteria: z.array(criterionSchema).min(1),
    scoring: scoringSettingsSchema.default({ unanswered: "exclude", unclearScore: 0 }),
    decision: decisionSettingsSchema.default({
      approveAt: 75,
      conditionalAt: 60,
      minCoverage: 0.8,
      belowApproveCondition: "Pilot use only, in the classes that asked for it; review again before wider use.",
    }),
    tiers: z.array(z.strictObject({ min: z.number().min(0).max(100), label: z.string().min(1) })).default([
      { min: 85, label: "strong" },
      { min: 70, label: "adequate" },
      { min: 50, label: "weak" },
      { min: 0, label: "poor" },
    ]),
    review: z.strictObject({ intervalMonths: z.number().int().min(1).max(120).default(12) }).default({ intervalMonths: 12 }),
    rating: z.strictObject({ policyCriterion: z.string().min(1), practiceCriteria: z.array(z.string().min(1)).min(1) }).optional(),
  })
  .superRefine((rubric, ctx) => {
    const ids = new Map<string, number>();
    rubric.criteria.forEach((c, i) => {
      const first = ids.get(c.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: `duplicate criterion id "${c.id}" (first at criteria[${first}])` });
      else ids.set(c.id, i);
    });
    rubric.criteria.forEach((c, i) => {
      checkCriterion(c, ["criteria", i], ids, ctx);
    });
    if (rubric.rating) {
      const check = (id: string, path: (string | number)[]) => {
        if (!ids.has(id)) ctx.addIssue({ code: "custom", path, message: `the rating refers to criterion "${id}", which the rubric does not have` });
      };
      check(rubric.rating.policyCriterion, ["rating", "policyCriterion"]);
      rubric.rating.practiceCriteria.forEach((id, k) => check(id, ["rating", "practiceCriteria", k]));
    }
  });

function checkCriterion(c: Criterion, path: (string | number)[], ids: ReadonlyMap<string, number>, ctx: z.RefinementCtx): void {
  if (c.kind === "level" && c.min >= c.max) ctx.addIssue({ code: "custom", path: [...path, "max"], message: `expected max above min (${c.min}), got ${c.max}` });
  if (c.kind === "level" && c.labels && c.labels.length !== c.max - c.min + 1) {
    ctx.addIssue({ code: "custom", path: [...path, "labels"], message: `expected ${c.max - c.min + 1} labels (one per level ${c.min}–${c.max}), got ${c.labels.length}` });
  }
  const uniqueValues = (values: readonly { value: string }[], at: string) => {
    const seen = new Set<string>();
    values.forEach((o, k) => {
      if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: [...path, at, k, "value"], message: `duplicate option "${o.value}"` });
      seen.add(o.value);
      if (o.value === "unclear" || o.value === "notApplicable") {
        ctx.addIssue({ code: "custom", path: [...path, at, k, "value"], message: `"${o.value}" is reserved for every criterion; choose another option value` });
      }
    });
  };
  if (c.kind === "choice") uniqueValues(c.options, "options");
  if (c.kind === "document" && c.kinds) uniqueValues(c.kinds, "kinds");
  if (c.kind === "document" && c.editions) uniqueValues(c.editions, "editions");
  if ((c.kind === "list" || c.kind === "text") && c.gate !== undefined && c.gate !== false) {
    ctx.addIssue({ code: "custom", path: [...path, "gate"], message: `a ${c.kind} criterion is never scored, so it cannot be a gate` });
  }
  if (c.appliesWhen) checkCondition(c.appliesWhen, [...path, "appliesWhen"], c.id, ids, ctx);
}

function checkCondition(cond: Condition, path: (string | number)[], self: string, ids: ReadonlyMap<string, number>, ctx: z.RefinementCtx): void {
  switch (cond.type) {
    case "answer":
      if (!ids.has(cond.criterion)) ctx.addIssue({ code: "custom", path: [...path, "criterion"], message: `the condition refers to criterion "${cond.criterion}", which the rubric does not have` });
      else if (cond.criterion === self) ctx.addIssue({ code: "custom", path: [...path, "criterion"], message: "a criterion cannot depend on its own answer" });
      break;
    case "all":
    case "any":
      cond.of.forEach((c, k) => checkCondition(c, [...path, "of", k], self, ids, ctx));
      break;
    case "not":
      checkCondition(cond.of, [...path, "of"], self, ids, ctx);
      break;
    default:
      break;
  }
}

/**
 * A validated rubric (see {@link rubricSchema}).
 *
 * @category Rubric
 */
export type Rubric = z.output<typeof rubricSchema>;

/**
 * A rubric as written, before defaults are filled in (see {@link rubricSchema}).
 *
 * @category Rubric
 */
export type RubricInput = z.input<typeof rubricSchema>;
