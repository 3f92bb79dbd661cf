import { isoDateSchema } from "@districtkit/core";
import { z } from "zod";
import { stateCodeSchema, useModeSchema } from "./condition.js";

/**
 * The zod schema of an answer's value, whatever the criterion: a word (`"does"`, `"yes"`,
 * `"unclear"`, `"notApplicable"`, a choice value, an ISO date), a level (a whole number), a list
 * of words, or an evidence object (document, ACR, study). Whether the value fits its criterion is
 * checked against the rubric when scoring ({@link appSchemaFor} gives the exact schema for a
 * rubric).
 *
 * @example
 * ```ts
 * answerValueSchema.safeParse("doesNot").success; // => true
 * answerValueSchema.safeParse(Number.NaN).success; // => false
 * ```
 * @category Schemas
 */
export const answerValueSchema = z.union([z.string(), z.number().finite(), z.boolean(), z.array(z.string()), z.record(z.string(), z.unknown())]);

/**
 * The zod schema of one answer: the value, where it comes from (`source`: a link to the policy,
 * the DPA, the ACR…), the date it was true (`asOf`), and an optional reviewer's note.
 *
 * @example
 * ```ts
 * answerSchema.parse({ value: "doesNot", source: "https://example.com/privacy#ads", asOf: "2026-05-01" }).value; // => "doesNot"
 * answerSchema.safeParse({ value: "yes", asOf: "last week" }).success; // => false
 * ```
 * @category Schemas
 */
export const answerSchema = z.strictObject({
  value: answerValueSchema,
  source: z.string().min(1).optional(),
  asOf: isoDateSchema.optional(),
  note: z.string().optional(),
});

/**
 * One answer (see {@link answerSchema}).
 *
 * @category Answers
 */
export type Answer = z.infer<typeof answerSchema>;

/**
 * The zod schema of the users' ages: the youngest and the oldest intended user.
 *
 * @example
 * ```ts
 * ageRangeSchema.safeParse({ min: 14, max: 10 }).success; // => false
 * ```
 * @category Schemas
 */
export const ageRangeSchema = z
  .strictObject({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120) })
  .refine((r) => r.min <= r.max, { error: "expected min ≤ max", path: ["max"] });

/**
 * The zod schema of an app to vet: its id and name, vendor, who will use it (`audience` ages;
 * the district's users by default), how students meet it (`useMode`), and its answers keyed by
 * criterion id.
 *
 * @example
 * ```ts
 * appSchema.parse({ id: "quiz", name: "QuizBlast", answers: { sellsData: { value: "does" } } }).answers.sellsData?.value; // => "does"
 * ```
 * @category Schemas
 */
export const appSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  vendor: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  description: z.string().optional(),
  audience: ageRangeSchema.optional(),
  useMode: useModeSchema.default("studentLogin"),
  answers: z.record(z.string(), answerSchema),
});

/**
 * An app and its answers, as validated (see {@link appSchema}).
 *
 * @category Answers
 */
export type App = z.output<typeof appSchema>;

/**
 * An app and its answers, as written.
 *
 * @category Answers
 */
export type AppInput = z.input<typeof appSchema>;

/**
 * The zod schema of the district's context: its state (which state laws apply), the population
 * of the public entity (ADA Title II compliance dates; a school district uses the population of
 * its area), whether it is a "special district" under 28 CFR 35.104, and its users' ages.
 *
 * @example
 * ```ts
 * districtContextSchema.parse({ state: "NY", userAges: { min: 5, max: 18 } }).specialDistrict; // => false
 * ```
 * @category Schemas
 */
export const districtContextSchema = z.strictObject({
  name: z.string().min(1).optional(),
  state: stateCodeSchema,
  population: z.number().int().min(0).optional(),
  specialDistrict: z.boolean().default(false),
  userAges: ageRangeSchema.default({ min: 5, max: 18 }),
});

/**
 * The district's context (see {@link districtContextSchema}).
 *
 * @category Answers
 */
export type DistrictContext = z.output<typeof districtContextSchema>;

/**
 * The district's context as written.
 *
 * @category Answers
 */
export type DistrictContextInput = z.input<typeof districtContextSchema>;

/**
 * The zod schema of the options every scoring call takes: the as-of date (every "expired",
 * "stale" and "in force" is judged on it; never the clock) and the district's context.
 *
 * @example
 * ```ts
 * scoreOptionsSchema.safeParse({ asOf: "2026-07-01", district: { state: "IL" } }).success; // => true
 * ```
 * @category Schemas
 */
export const scoreOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
  district: districtContextSchema,
});

/**
 * Options of {@link scoreApp} as written.
 *
 * @category Scoring
 */
export type ScoreOptions = z.input<typeof scoreOptionsSchema>;
