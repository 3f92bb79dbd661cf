import { fiscalYearSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type District, districtSchema, type Grade } from "../schema/district.js";
import { enrollmentOptionsSchema } from "../schema/enrollment.js";
import { type EnrollmentProjection, projectEnrollmentParsed } from "./projectEnrollment.js";

/**
 * Input of {@link projectDistrictEnrollment}.
 *
 * @example
 * ```ts
 * districtEnrollmentInputSchema.shape.years.safeParse(0).success; // => false
 * ```
 * @category Enrollment
 */
export const districtEnrollmentInputSchema = z.object({
  district: districtSchema,
  firstYear: fiscalYearSchema,
  years: z.number().int().min(1).max(30),
  options: enrollmentOptionsSchema.default({ averaging: { type: "mean" }, ratioYears: 3, entry: { type: "constant" }, rounding: "none" }),
});

/**
 * Input of {@link projectDistrictEnrollment} as given.
 *
 * @category Enrollment
 */
export type DistrictEnrollmentInput = z.input<typeof districtEnrollmentInputSchema>;

/**
 * A district's enrollment projection: the district-wide cohort projection and each school's share.
 *
 * @category Enrollment
 */
export interface DistrictEnrollmentProjection {
  /** The district-wide cohort projection by grade (`null` when no school has two years of history). */
  readonly district: EnrollmentProjection | null;
  /** Each school: students by fiscal year (unrounded) and by grade. */
  readonly schools: readonly {
    readonly id: string;
    readonly name: string;
    readonly method: "cohort" | "held";
    readonly byYear: Readonly<Record<string, number>>;
    readonly grades: Readonly<Record<string, Readonly<Partial<Record<Grade, number>>>>>;
  }[];
  /** District students by fiscal year. */
  readonly byYear: Readonly<Record<string, number>>;
  readonly explanation: string;
}

/** @internal The projection on a validated district. */
export function projectDistrictEnrollmentParsed(district: District, firstYear: number, n: number, opts: z.output<typeof enrollmentOptionsSchema>): DistrictEnrollmentProjection {
  const yearKeys = Array.from({ length: n }, (_, i) => String(firstYear + i));
  const withHistory = district.schools.filter((s) => (s.enrollmentHistory ?? []).length >= 2);
  const rows = new Map<number, Partial<Record<Grade, number>>>();
  for (const s of withHistory) {
    for (const h of s.enrollmentHistory!) {
      const row = rows.get(h.fiscalYear) ?? {};
      for (const [g, c] of Object.entries(h.grades) as [Grade, number][]) row[g] = (row[g] ?? 0) + c;
      rows.set(h.fiscalYear, row);
    }
  }
  const history = [...rows.keys()].sort((a, b) => a - b).map((fiscalYear) => ({ fiscalYear, grades: rows.get(fiscalYear)! }));
  const consecutive = history.length >= 2 && history.every((h, i) => i === 0 || h.fiscalYear === history[i - 1]!.fiscalYear + 1);
  let p: EnrollmentProjection | null = null;
  if (consecutive) {
    const entry = opts.entry.type === "births" && opts.entry.births === undefined ? { ...opts.entry, births: district.births ?? [] } : opts.entry;
    const k = Math.min(opts.ratioYears, history.length - 1);
    const averaging = opts.averaging.type === "weighted" ? { type: "weighted" as const, weights: opts.averaging.weights.slice(-k) } : opts.averaging;
    p = projectEnrollmentParsed({ ...opts, averaging, entry, rounding: "none", history, years: n, firstYear });
  }
  const last = history[history.length - 1];
  const round = (x: number): number => (opts.rounding === "half-up" ? Math.floor(x + 0.5) : x);
  const schools = district.schools.map((s) => {
    const own = s.enrollmentHistory?.[s.enrollmentHistory.length - 1];
    if (!p || !last || !own || (s.enrollmentHistory ?? []).length < 2 || own.fiscalYear !== last.fiscalYear) {
      return { id: s.id, name: s.name, method: "held" as const, byYear: Object.fromEntries(yearKeys.map((y) => [y, s.students])), grades: {} };
    }
    const byYear: Record<string, number> = {};
    const grades: Record<string, Partial<Record<Grade, number>>> = {};
    for (const y of p.years) {
      const key = String(y.fiscalYear);
      if (!yearKeys.includes(key)) continue;
      let total = 0;
      const g: Partial<Record<Grade, number>> = {};
      for (const [grade, c] of Object.entries(y.grades) as [Grade, number][]) {
        const all = last.grades[grade] ?? 0;
        const mine = own.grades[grade] ?? 0;
        if (all > 0 && mine > 0) {
          g[grade] = round((c * mine) / all);
          total += (c * mine) / all;
        }
      }
      byYear[key] = round(total);
      grades[key] = g;
    }
    return { id: s.id, name: s.name, method: "cohort" as const, byYear, grades };
  });
  const byYear = Object.fromEntries(yearKeys.map((y) => [y, schools.reduce((a, s) => a + (s.byYear[y] ?? 0), 0)]));
  return {
    district: p,
    schools,
    byYear,
    explanation: p
      ? `Cohort survival over the district's grades (${p.method} of the last ${p.ratioYears} years; entry grade ${p.entry.method}), split to schools by their share of each grade in FY${last!.fiscalYear}; schools without that year's history are held at their current count.`
      : "No consecutive enrollment history: every school is held at its current count.",
  };
}

/**
 * Projects a whole district's enrollment: one cohort-survival projection over the district's
 * grades (so grade 5 → 6 crosses from the elementary to the middle school), kindergarten from
 * births (the district's `births`), a trend, a given series or held constant; then each school's
 * share of each grade in the last history year. This is the students driver of
 * {@link projectBudget}.
 *
 * @param input - district (with `enrollmentHistory` per school), first year, years, options
 * @returns the district projection and each school's students by year and grade
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const r = projectDistrictEnrollment({
 *   district: { name: "D", asOf: "2026-07-01", schools: [
 *     { id: "es", name: "ES", students: 200, nslpEligible: 50, locale: "urban",
 *       enrollmentHistory: [{ fiscalYear: 2026, grades: { K: 100, "1": 100 } }, { fiscalYear: 2027, grades: { K: 100, "1": 100 } }] },
 *     { id: "ms", name: "MS", students: 100, nslpEligible: 20, locale: "urban",
 *       enrollmentHistory: [{ fiscalYear: 2026, grades: { "2": 100 } }, { fiscalYear: 2027, grades: { "2": 100 } }] },
 *   ] },
 *   firstYear: 2028, years: 2,
 * });
 * r.byYear; // => { "2028": 300, "2029": 300 }
 * r.schools[1]?.byYear["2028"]; // => 100
 * ```
 * @category Enrollment
 */
export function projectDistrictEnrollment(input: DistrictEnrollmentInput): DistrictEnrollmentProjection {
  const v = parseInput(districtEnrollmentInputSchema, input);
  return projectDistrictEnrollmentParsed(v.district, v.firstYear, v.years, v.options);
}
