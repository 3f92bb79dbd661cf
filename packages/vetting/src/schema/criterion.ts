import { isoDateSchema } from "@districtkit/core";
import { z } from "zod";
import { conditionSchema } from "./condition.js";
import { wcagVersionSchema } from "./evidence.js";

/**
 * The domains a rubric groups its criteria into.
 *
 * @example
 * ```ts
 * domainSchema.options.length; // => 6
 * ```
 * @category Schemas
 */
export const domainSchema = z.enum(["privacy", "security", "accessibility", "interoperability", "evidence", "other"]);

/**
 * A rubric domain: privacy, security, accessibility, interoperability, (instructional) evidence,
 * other (cost and everything else).
 *
 * @category Rubric
 */
export type Domain = z.infer<typeof domainSchema>;

const idSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: "expected an id of letters, digits, '.', '_' or '-', starting with a letter" });

const scoredOption = z.strictObject({
  value: z.string().min(1),
  label: z.string().min(1).optional(),
  score: z.number().min(0).max(1),
});

const gateSchema = z.union([z.boolean(), z.strictObject({ minScore: z.number().min(0).max(1) })]);

const common = {
  id: idSchema,
  title: z.string().min(1),
  domain: domainSchema,
  /** Relative importance, ≥ 0; 0 = recorded, never scored. */
  weight: z.number().min(0).max(1e6),
  question: z.string().min(1).optional(),
  appliesWhen: conditionSchema.optional(),
  gate: gateSchema.optional(),
  conditionIfNotMet: z.string().min(1).optional(),
  plain: z.strictObject({ met: z.string().min(1).optional(), notMet: z.string().min(1).optional(), unclear: z.string().min(1).optional() }).optional(),
  laws: z.array(z.string().min(1)).optional(),
  reference: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
};

/**
 * @internal The fields every criterion has besides its answer definition: changing them (a
 * weight, a gate, a condition, a text) changes how an answer counts, not how it is read.
 */
export const COMMON_CRITERION_FIELDS: readonly string[] = Object.keys(common).filter((k) => k !== "id");

/**
 * The zod schema of one rubric criterion. Every criterion has an `id`, a `title`, a `domain`, a
 * `weight` (≥ 0; weight 0 records the answer without scoring it), an optional applicability
 * condition (`appliesWhen`), an optional hard `gate` (`true`: any favourable answer passes;
 * `{ minScore }`: the normalized score must reach it), an optional `conditionIfNotMet` (the
 * condition of use an approval carries when this criterion is not fully met), plain-language
 * sentences (`plain`), the laws it checks and a question-bank `reference`. Its `kind` fixes the
 * answer it takes and how that answer becomes a score in [0, 1]:
 *
 * | kind | answer | score |
 * |---|---|---|
 * | `practice` | `does` / `doesNot` / `unclear` | 1 for the `better` practice, 0 for the worse, unclear per rubric |
 * | `yesNo` | `yes` / `no` / `unclear` | 1 for `better` (default `yes`), else 0 |
 * | `level` | a whole number `min`…`max` | (v − min) / (max − min) |
 * | `choice` | one of `options[].value` | that option's score |
 * | `date` | an ISO date | 1 when within `freshForMonths` of the as-of date (or any date when unset), else 0 |
 * | `document` | {@link documentAnswerSchema} | the kind's or edition's score while valid, 0 when absent or expired |
 * | `acr` | {@link acrAnswerSchema} | share of A + AA criteria supported (partial = `partialCredit`), 0 when absent or stale |
 * | `study` | {@link studyAnswerSchema} | by ESSA tier: `tierScores[tier − 1]`, 0 with no tier |
 * | `list`, `text` | strings | never scored (recorded for reviewers) |
 *
 * Every kind also accepts `unclear` and `notApplicable`; a criterion with no answer is unanswered.
 *
 * @example
 * ```ts
 * criterionSchema.parse({ id: "sellsData", title: "Sells data", domain: "privacy", weight: 5, kind: "practice", better: "doesNot", gate: true }).kind; // => "practice"
 * criterionSchema.safeParse({ id: "x", title: "X", domain: "privacy", weight: -1, kind: "yesNo" }).success; // => false
 * ```
 * @category Schemas
 */
export const criterionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("practice"), better: z.enum(["does", "doesNot"]) }),
  z.strictObject({ ...common, kind: z.literal("yesNo"), better: z.enum(["yes", "no"]).default("yes") }),
  z.strictObject({
    ...common,
    kind: z.literal("level"),
    min: z.number().int().min(0).max(100).default(1),
    max: z.number().int().min(1).max(100).default(4),
    labels: z.array(z.string().min(1)).optional(),
  }),
  z.strictObject({ ...common, kind: z.literal("choice"), options: z.array(scoredOption).min(1) }),
  z.strictObject({ ...common, kind: z.literal("date"), freshForMonths: z.number().int().min(1).max(1200).optional() }),
  z.strictObject({
    ...common,
    kind: z.literal("document"),
    kinds: z.array(scoredOption).min(1).optional(),
    validForMonths: z.number().int().min(1).max(1200).optional(),
    editions: z
      .array(z.strictObject({ value: z.string().min(1), label: z.string().min(1).optional(), validUntil: isoDateSchema.optional(), score: z.number().min(0).max(1).default(1) }))
      .min(1)
      .optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal("acr"),
    wcagVersion: wcagVersionSchema.default("2.1"),
    validForMonths: z.number().int().min(1).max(1200).default(24),
    partialCredit: z.number().min(0).max(1).default(0.5),
    automatedOnlyFactor: z.number().min(0).max(1).default(1),
  }),
  z.strictObject({
    ...common,
    kind: z.literal("study"),
    tierScores: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]).default([1, 0.75, 0.5, 0.25]),
  }),
  z.strictObject({ ...common, kind: z.literal("list"), vocabulary: z.array(z.string().min(1)).optional() }),
  z.strictObject({ ...common, kind: z.literal("text") }),
]);

/**
 * One criterion of a rubric, as validated (see {@link criterionSchema}).
 *
 * @category Rubric
 */
export type Criterion = z.output<typeof criterionSchema>;

/**
 * One criterion of a rubric as written (defaults not yet filled in).
 *
 * @category Rubric
 */
export type CriterionInput = z.input<typeof criterionSchema>;

/**
 * The kinds of answer a criterion takes.
 *
 * @category Rubric
 */
export type CriterionKind = Criterion["kind"];
