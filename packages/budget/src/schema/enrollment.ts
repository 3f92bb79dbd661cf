import { fiscalYearSchema } from "@districtkit/core";
import { z } from "zod";
import { enrollmentYearSchema } from "./district.js";

/**
 * How the last k grade-progression ratios are averaged (see “How the numbers are computed: budget”, §2):
 * `mean` of ratios, `pooled` (Σ next-grade / Σ grade), `weighted` (user weights, oldest →
 * newest), `exponential` smoothing (α in (0, 1], seeded with the first ratio).
 *
 * @example
 * ```ts
 * averagingSchema.parse({ type: "exponential", alpha: 0.4 }).type; // => "exponential"
 * ```
 * @category Enrollment
 */
export const averagingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("mean") }),
  z.object({ type: z.literal("pooled") }),
  z.object({ type: z.literal("weighted"), weights: z.array(z.number().min(0).max(1e6)).min(1) }),
  z.object({ type: z.literal("exponential"), alpha: z.number().gt(0).max(1) }),
]);

/**
 * Where the entry grade (kindergarten, or the lowest grade) comes from: births `lag` years
 * earlier × the mean entry/births ratio (births given here, or the district's `births` in a
 * budget projection), a given series, a linear trend of the last k years, or
 * the last observed value held constant.
 *
 * @example
 * ```ts
 * entrySchema.parse({ type: "constant" }); // => { type: "constant" }
 * ```
 * @category Enrollment
 */
export const entrySchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("births"),
    births: z
      .array(z.object({ year: z.number().int(), count: z.number().min(0) }))
      .min(1)
      .optional(),
    lag: z.number().int().min(0).max(10).default(5),
  }),
  z.object({ type: z.literal("given"), values: z.record(z.string().regex(/^\d{4}$/), z.number().min(0)) }),
  z.object({ type: z.literal("trend") }),
  z.object({ type: z.literal("constant") }),
]);

/**
 * Options of a cohort-survival projection (also `budget.enrollment`).
 *
 * @example
 * ```ts
 * enrollmentOptionsSchema.parse({}).ratioYears; // => 3
 * ```
 * @category Enrollment
 */
export const enrollmentOptionsSchema = z.object({
  averaging: averagingSchema.default({ type: "mean" }),
  /** How many of the most recent ratios are averaged (k). */
  ratioYears: z.number().int().min(1).max(20).default(3),
  entry: entrySchema.default({ type: "constant" }),
  /** Rounding of the reported counts: `none` keeps them unrounded; `half-up` to whole students. */
  rounding: z.enum(["none", "half-up"]).default("none"),
});

/**
 * Input of {@link projectEnrollment}: enrollment by grade for consecutive past years, and how
 * many years to project.
 *
 * @example
 * ```ts
 * enrollmentProjectionInputSchema.parse({ history: [{ fiscalYear: 2022, grades: { K: 1 } }, { fiscalYear: 2023, grades: { K: 1 } }], years: 2 }).years; // => 2
 * ```
 * @category Enrollment
 */
export const enrollmentProjectionInputSchema = enrollmentOptionsSchema
  .extend({
    history: z.array(enrollmentYearSchema).min(2),
    years: z.number().int().min(1).max(30),
    /** First projected year (default: the year after the last history year). */
    firstYear: fiscalYearSchema.optional(),
  })
  .superRefine((v, ctx) => {
    for (let i = 1; i < v.history.length; i++) {
      if (v.history[i]!.fiscalYear !== v.history[i - 1]!.fiscalYear + 1) {
        ctx.addIssue({ code: "custom", path: ["history", i, "fiscalYear"], message: `expected consecutive years (${v.history[i - 1]!.fiscalYear + 1}), got ${v.history[i]!.fiscalYear}` });
      }
    }
    if (v.averaging.type === "weighted" && v.averaging.weights.length !== Math.min(v.ratioYears, v.history.length - 1)) {
      ctx.addIssue({
        code: "custom",
        path: ["averaging", "weights"],
        message: `expected ${Math.min(v.ratioYears, v.history.length - 1)} weights (one per ratio year, oldest first), got ${v.averaging.weights.length}`,
      });
    }
    if (v.entry.type === "births" && v.entry.births === undefined) {
      ctx.addIssue({ code: "custom", path: ["entry", "births"], message: "expected births by year for a births-based entry grade" });
    }
    if (v.averaging.type === "weighted" && v.averaging.weights.every((w) => w === 0)) {
      ctx.addIssue({ code: "custom", path: ["averaging", "weights"], message: "expected at least one weight above zero" });
    }
  });

/**
 * Enrollment options as given.
 *
 * @category Enrollment
 */
export type EnrollmentOptionsInput = z.input<typeof enrollmentOptionsSchema>;
/**
 * Input of {@link projectEnrollment} as given.
 *
 * @category Enrollment
 */
export type EnrollmentProjectionInput = z.input<typeof enrollmentProjectionInputSchema>;
