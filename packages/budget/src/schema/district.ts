import { fiscalCalendarSchema, fiscalYearSchema, isoDateSchema } from "@districtkit/core";
import { z } from "zod";

/**
 * Grade labels, lowest first: pre-kindergarten, kindergarten, grades 1–12.
 *
 * @example
 * ```ts
 * GRADES.indexOf("K"); // => 1
 * ```
 * @category Schemas
 */
export const GRADES = Object.freeze(["PK", "K", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] as const);

/**
 * A grade label (`"PK"`, `"K"`, `"1"` … `"12"`).
 *
 * @category Schemas
 */
export type Grade = (typeof GRADES)[number];

/**
 * The zod schema of a grade label.
 *
 * @example
 * ```ts
 * gradeSchema.safeParse("13").success; // => false
 * ```
 * @category Schemas
 */
export const gradeSchema = z.enum(GRADES);

const count = z.number().int().min(0);

/**
 * One year of a school's enrollment by grade (the fiscal year of the school year: FY2027 is
 * the 2026–27 school year under the default calendar).
 *
 * @example
 * ```ts
 * enrollmentYearSchema.parse({ fiscalYear: 2027, grades: { K: 60, "1": 58 } }).grades.K; // => 60
 * ```
 * @category Schemas
 */
export const enrollmentYearSchema = z.object({
  fiscalYear: fiscalYearSchema,
  grades: z.partialRecord(gradeSchema, count),
});

/**
 * A school (or a non-instructional facility) of the district.
 *
 * @example
 * ```ts
 * schoolSchema.parse({ id: "es", name: "Elementary", students: 392, nslpEligible: 188, locale: "rural" }).kind; // => "school"
 * ```
 * @category Schemas
 */
export const schoolSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    /** `school` by default; a non-instructional facility (`nif`) or annex has no C2 budget. */
    kind: z.enum(["school", "nif", "annex"]).default("school"),
    grades: z.object({ low: gradeSchema, high: gradeSchema }).optional(),
    students: count,
    /** NSLP-eligible students (free and reduced-price lunch); give this or `cep`. */
    nslpEligible: count.optional(),
    /** A Community Eligibility Provision school: its identified student percentage (0–100, 2 decimals). */
    cep: z.object({ identifiedStudentPercent: z.number().min(0).max(100) }).optional(),
    /** Census urbanized area / urban cluster ≥ 25,000 → urban; otherwise rural. */
    locale: z.enum(["urban", "rural"]),
    teachers: count.default(0),
    staff: count.default(0),
    /** Enrollment by grade, one entry per past fiscal year (consecutive), for the cohort projection. */
    enrollmentHistory: z.array(enrollmentYearSchema).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.nslpEligible !== undefined && s.nslpEligible > s.students) {
      ctx.addIssue({ code: "custom", path: ["nslpEligible"], message: `expected at most the school's ${s.students} students, got ${s.nslpEligible}` });
    }
    if (s.nslpEligible !== undefined && s.cep !== undefined) {
      ctx.addIssue({ code: "custom", path: ["cep"], message: "give either nslpEligible or cep, not both" });
    }
    if (s.grades && GRADES.indexOf(s.grades.low) > GRADES.indexOf(s.grades.high)) {
      ctx.addIssue({ code: "custom", path: ["grades"], message: `expected low ≤ high, got ${s.grades.low}–${s.grades.high}` });
    }
    const h = s.enrollmentHistory ?? [];
    for (let i = 1; i < h.length; i++) {
      if (h[i]!.fiscalYear !== h[i - 1]!.fiscalYear + 1) {
        ctx.addIssue({ code: "custom", path: ["enrollmentHistory", i, "fiscalYear"], message: `expected consecutive years (${h[i - 1]!.fiscalYear + 1}), got ${h[i]!.fiscalYear}` });
      }
    }
  });

/**
 * A school district: schools, staff, calendar and the as-of date everything is measured from.
 *
 * @example
 * ```ts
 * const d = districtSchema.parse({
 *   name: "Tiny USD", asOf: "2026-07-01",
 *   schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }],
 * });
 * d.calendar.startMonth; // => 7
 * ```
 * @category Schemas
 */
export const districtSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string().min(1),
    state: z.string().length(2).optional(),
    /** The day the data describe (an input, never the clock). */
    asOf: isoDateSchema,
    /** The district's fiscal calendar (July–June, named by the year it ends, by default). */
    calendar: fiscalCalendarSchema.default({ id: "district", startMonth: 7, label: "end", prefix: "FY" }),
    schools: z.array(schoolSchema).min(1),
    /** Staff not counted in any school (central office). */
    centralStaff: count.default(0),
    notes: z.string().optional(),
    /** Births by calendar year in the district's area, for kindergarten projection. */
    births: z.array(z.object({ year: z.number().int().min(1900).max(2200), count })).optional(),
  })
  .superRefine((d, ctx) => {
    const seen = new Map<string, number>();
    d.schools.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["schools", i, "id"], message: `duplicate school id "${s.id}" (also schools[${seen.get(s.id)}])` });
      seen.set(s.id, i);
    });
  });

/**
 * A district as given (input form of {@link districtSchema}).
 *
 * @category Schemas
 */
export type DistrictInput = z.input<typeof districtSchema>;
/**
 * A validated district (output of {@link districtSchema}).
 *
 * @category Schemas
 */
export type District = z.output<typeof districtSchema>;
/**
 * A validated school.
 *
 * @category Schemas
 */
export type School = z.output<typeof schoolSchema>;
