import { parseInput } from "@districtkit/core";
import type { z } from "zod";
import { GRADES, type Grade } from "../schema/district.js";
import { type EnrollmentProjectionInput, enrollmentProjectionInputSchema } from "../schema/enrollment.js";

type Parsed = z.output<typeof enrollmentProjectionInputSchema>;

/**
 * The progression ratio of one grade transition: the yearly ratios observed and their average.
 *
 * @category Enrollment
 */
export interface GradeProgression {
  readonly from: Grade;
  readonly to: Grade;
  /** `enroll(to, t) / enroll(from, t − 1)` for each year t used (oldest first); `null` when the grade was empty. */
  readonly observed: readonly { readonly fiscalYear: number; readonly ratio: number | null }[];
  /** The averaged ratio R(from → to) used for the projection. */
  readonly ratio: number;
}

/**
 * One projected year.
 *
 * @category Enrollment
 */
export interface ProjectedEnrollmentYear {
  readonly fiscalYear: number;
  /** Unrounded counts by grade (or rounded half-up when `rounding: "half-up"`). */
  readonly grades: Readonly<Partial<Record<Grade, number>>>;
  readonly total: number;
}

/**
 * A cohort-survival enrollment projection with its ratios and explanation.
 *
 * @category Enrollment
 */
export interface EnrollmentProjection {
  readonly method: string;
  readonly ratioYears: number;
  readonly grades: readonly Grade[];
  readonly progressions: readonly GradeProgression[];
  /** How the entry grade was projected. */
  readonly entry: { readonly grade: Grade; readonly method: string; readonly ratio: number | null; readonly explanation: string };
  readonly years: readonly ProjectedEnrollmentYear[];
  readonly rounding: "none" | "half-up";
  readonly explanation: string;
}

function average(p: Parsed, ratios: readonly { num: number; den: number }[]): number {
  const valid = ratios.filter((r) => r.den > 0);
  if (valid.length === 0) return 0;
  const a = p.averaging;
  switch (a.type) {
    case "mean":
      return valid.reduce((s, r) => s + r.num / r.den, 0) / valid.length;
    case "pooled": {
      const n = valid.reduce((s, r) => s + r.num, 0);
      const d = valid.reduce((s, r) => s + r.den, 0);
      return n / d;
    }
    case "weighted": {
      let sw = 0;
      let s = 0;
      ratios.forEach((r, i) => {
        if (r.den === 0) return;
        const w = a.weights[i] ?? 0;
        sw += w;
        s += w * (r.num / r.den);
      });
      return sw === 0 ? valid.reduce((t, r) => t + r.num / r.den, 0) / valid.length : s / sw;
    }
    case "exponential": {
      let R = valid[0]!.num / valid[0]!.den;
      for (let i = 1; i < valid.length; i++) R = a.alpha * (valid[i]!.num / valid[i]!.den) + (1 - a.alpha) * R;
      return R;
    }
  }
}

function methodName(p: Parsed): string {
  const a = p.averaging;
  return a.type === "mean"
    ? "mean of ratios"
    : a.type === "pooled"
      ? "pooled ratios"
      : a.type === "weighted"
        ? `weighted recent years (${a.weights.join(", ")})`
        : `exponential smoothing (α = ${a.alpha})`;
}

/** @internal The projection on validated input. */
export function projectEnrollmentParsed(p: Parsed): EnrollmentProjection {
  const history = p.history;
  const present = GRADES.filter((g) => history.some((h) => (h.grades[g] ?? 0) > 0));
  const grades: Grade[] = present.length > 0 ? GRADES.slice(GRADES.indexOf(present[0]!), GRADES.indexOf(present[present.length - 1]!) + 1) : ["K"];
  const get = (i: number, g: Grade): number => history[i]!.grades[g] ?? 0;
  const k = Math.min(p.ratioYears, history.length - 1);
  const firstRatioIndex = history.length - k; // ratios at history indices firstRatioIndex..length-1
  const progressions: GradeProgression[] = [];
  for (let gi = 0; gi + 1 < grades.length; gi++) {
    const from = grades[gi]!;
    const to = grades[gi + 1]!;
    const pairs: { num: number; den: number }[] = [];
    const observed: { fiscalYear: number; ratio: number | null }[] = [];
    for (let t = firstRatioIndex; t < history.length; t++) {
      const num = get(t, to);
      const den = get(t - 1, from);
      pairs.push({ num, den });
      observed.push({ fiscalYear: history[t]!.fiscalYear, ratio: den > 0 ? num / den : null });
    }
    progressions.push({ from, to, observed, ratio: average(p, pairs) });
  }

  const entryGrade = grades[0]!;
  const lastYear = history[history.length - 1]!.fiscalYear;
  const firstYear = p.firstYear ?? lastYear + 1;
  const entryOf = ((): { value: (year: number) => number; method: string; ratio: number | null; explanation: string } => {
    const e = p.entry;
    const recent = history.slice(Math.max(0, history.length - p.ratioYears)); // the last k observed years
    if (e.type === "births") {
      const births = new Map((e.births ?? []).map((b) => [b.year, b.count]));
      if (births.size === 0) births.set(0, 0);
      const pairs = recent.filter((h) => (births.get(h.fiscalYear - e.lag) ?? 0) > 0).map((h) => (h.grades[entryGrade] ?? 0) / births.get(h.fiscalYear - e.lag)!);
      const ratio = pairs.length > 0 ? pairs.reduce((a, b) => a + b, 0) / pairs.length : 0;
      return {
        value: (year) => (births.get(year - e.lag) ?? births.get(Math.max(...births.keys()))!) * ratio,
        method: `births ${e.lag} years earlier × ${ratio.toFixed(4)}`,
        ratio,
        explanation: `${entryGrade} = births ${e.lag} years earlier × the mean ${entryGrade}/births ratio of the last ${pairs.length} years (${ratio.toFixed(4)}); the latest births figure is carried forward where births are not yet known.`,
      };
    }
    if (e.type === "given")
      return { value: (year) => e.values[String(year)] ?? 0, method: "given series", ratio: null, explanation: `${entryGrade} taken from the given series (zero for years not given).` };
    if (e.type === "trend") {
      const xs = recent.map((h) => h.fiscalYear);
      const ys = recent.map((h) => h.grades[entryGrade] ?? 0);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
      const my = ys.reduce((a, b) => a + b, 0) / ys.length;
      const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
      const slope = sxx === 0 ? 0 : xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
      return {
        value: (year) => Math.max(0, my + slope * (year - mx)),
        method: `linear trend (${slope >= 0 ? "+" : ""}${slope.toFixed(2)} a year)`,
        ratio: null,
        explanation: `${entryGrade} follows the least-squares line through the last ${xs.length} years (${slope.toFixed(2)} students a year), never below zero.`,
      };
    }
    const last = get(history.length - 1, entryGrade);
    return { value: () => last, method: "held constant", ratio: null, explanation: `${entryGrade} held at its last observed value (${last}).` };
  })();

  const years: ProjectedEnrollmentYear[] = [];
  let prev: number[] = grades.map((g) => get(history.length - 1, g));
  let prevYear = lastYear;
  // project from the last history year up to firstYear + years − 1 (years before firstYear are computed but not reported)
  const lastWanted = firstYear + p.years - 1;
  for (let year = prevYear + 1; year <= lastWanted; year++) {
    const next = grades.map((_, gi) => (gi === 0 ? entryOf.value(year) : prev[gi - 1]! * progressions[gi - 1]!.ratio));
    prev = next;
    prevYear = year;
    if (year >= firstYear) {
      const shown = p.rounding === "half-up" ? next.map((x) => Math.floor(x + 0.5)) : next;
      years.push({ fiscalYear: year, grades: Object.fromEntries(grades.map((g, gi) => [g, shown[gi]!])), total: shown.reduce((a, b) => a + b, 0) });
    }
  }
  if (firstYear <= lastYear) {
    // years inside the history are reported as observed
    const observed: ProjectedEnrollmentYear[] = history
      .filter((h) => h.fiscalYear >= firstYear && h.fiscalYear <= lastWanted)
      .map((h) => ({ fiscalYear: h.fiscalYear, grades: Object.fromEntries(grades.map((g) => [g, h.grades[g] ?? 0])), total: grades.reduce((a, g) => a + (h.grades[g] ?? 0), 0) }));
    years.unshift(...observed);
  }
  const method = methodName(p);
  return {
    method,
    ratioYears: k,
    grades,
    progressions,
    entry: { grade: entryGrade, method: entryOf.method, ratio: entryOf.ratio, explanation: entryOf.explanation },
    years,
    rounding: p.rounding,
    explanation:
      `Cohort survival: each grade next year = this year's grade below × its progression ratio (${method} of the last ${k} years). ` +
      `${entryOf.explanation} Counts are ${p.rounding === "none" ? "kept unrounded (round only for display or purchases)" : "rounded half-up to whole students"}.`,
  };
}

/**
 * Projects enrollment by cohort survival (grade progression ratios; see “How the numbers are computed: budget”, §2):
 * `R(g→g+1)` is the average of the last k ratios `enroll(g+1, t) / enroll(g, t−1)` by the chosen
 * method (mean, pooled, weighted, exponential smoothing); each year, grade g+1 = grade g of the
 * year before × R; the entry grade comes from births, a given series, a trend or a constant.
 * Counts stay unrounded unless `rounding: "half-up"`.
 *
 * @param input - history by grade (consecutive years), horizon and options
 * @returns ratios, projected years by grade and total, and an explanation
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const r = projectEnrollment({
 *   history: [
 *     { fiscalYear: 2021, grades: { K: 100, "1": 90, "2": 80 } },
 *     { fiscalYear: 2022, grades: { K: 110, "1": 95, "2": 88 } },
 *     { fiscalYear: 2023, grades: { K: 120, "1": 99, "2": 91 } },
 *   ],
 *   years: 2,
 * });
 * r.progressions[0]?.ratio; // => 0.925
 * r.years[0]?.grades["1"]; // => 111
 * ```
 * @category Enrollment
 */
export function projectEnrollment(input: EnrollmentProjectionInput): EnrollmentProjection {
  return projectEnrollmentParsed(parseInput(enrollmentProjectionInputSchema, input));
}
