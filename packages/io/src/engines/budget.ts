import { GRADES, type Grade, type School, schoolSchema } from "@districtkit/budget";
import { DistrictKitError, fiscalYearSchema, keyedRecordSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type EnrollmentCounts, enrollmentCountsSchema } from "../formats/oneRoster.js";
import { guard } from "../internal/guard.js";

const localeSchema = z.enum(["urban", "rural"]);
const byId = <T extends z.ZodType>(value: T) => keyedRecordSchema(value); // keys are school ids and names: data

/**
 * The zod schema of the options of {@link budgetSchoolsFromRoster}. Per-school maps are keyed by
 * the school's OneRoster `sourcedId`, its name or its identifier.
 *
 * - `fiscalYear` — the fiscal year of the roster's school year (FY2026 for 2025–26 under the July–June calendar);
 * - `locale` — `"urban"` or `"rural"` for every school, or per school (the roster does not say);
 * - `nslpEligible` — NSLP-eligible students per school (the roster does not say; E-Rate needs it);
 * - `ids` — the school id to use in the budget (default: the OneRoster sourcedId).
 *
 * @example
 * ```ts
 * budgetRosterOptionsSchema.parse({ fiscalYear: 2026, locale: "rural" }).locale; // => "rural"
 * ```
 * @category Budget
 */
export const budgetRosterOptionsSchema = z
  .object({
    fiscalYear: fiscalYearSchema.describe("Fiscal year of the roster's school year"),
    locale: z.union([localeSchema, byId(localeSchema)]).describe("urban or rural, for all schools or per school"),
    nslpEligible: byId(z.number().int().min(0)).optional().describe("NSLP-eligible students per school"),
    ids: byId(z.string().min(1)).optional().describe("School id to use in the budget, per school"),
  })
  .strict();

/**
 * Options of {@link budgetSchoolsFromRoster} (see {@link budgetRosterOptionsSchema}).
 *
 * @category Budget
 */
export type BudgetRosterOptions = z.input<typeof budgetRosterOptionsSchema>;

/**
 * Schools for a `@districtkit/budget` district, counted from a roster, with what could not be placed.
 *
 * @category Budget
 */
export interface BudgetSchoolsFromRoster {
  /** The schools, validated by budget's `schoolSchema` (this year's enrolment as the last `enrollmentHistory` year). */
  readonly schools: readonly School[];
  /** Students whose grade is not a budget grade (PK–12): ungraded, post-secondary, no grade given — by school id. */
  readonly ungradedStudents: Readonly<Record<string, number>>;
  /** A plain-English summary. */
  readonly explanation: string;
}

/**
 * OneRoster grade codes (CEDS) → budget grades: `KG` → `K`, `01`…`12` → `1`…`12`, `PK`, `PR`
 * and `TK` → `PK`; anything else (IT, UG, PS, Other) has no budget grade.
 *
 * @param code - a OneRoster grade code
 * @returns the budget grade, or undefined
 * @example
 * ```ts
 * budgetGradeOf("KG"); // => "K"
 * budgetGradeOf("09"); // => "9"
 * budgetGradeOf("UG") === undefined; // => true
 * ```
 * @category Budget
 */
export function budgetGradeOf(code: string): Grade | undefined {
  if (typeof code !== "string") throw DistrictKitError.argument(["code"], `expected a grade code (text), got ${code === null ? "null" : typeof code}`);
  const c = code.trim().toUpperCase();
  if (c === "KG" || c === "K") return "K";
  if (c === "PK" || c === "PR" || c === "TK") return "PK";
  if (/^\d{1,2}$/.test(c)) {
    const n = String(Number(c));
    return (GRADES as readonly string[]).includes(n) && n !== "0" ? (n as Grade) : undefined;
  }
  return undefined;
}

function pick<T>(map: Readonly<Record<string, T>> | undefined, ...keys: (string | undefined)[]): T | undefined {
  if (!map) return undefined;
  for (const k of keys) if (k !== undefined && Object.hasOwn(map, k) && map[k] !== undefined) return map[k]; // a key is data: "constructor" is not Object
  return undefined;
}

/**
 * Turns enrolment counted from a OneRoster roster ({@link readOneRoster}) into schools of a
 * `@districtkit/budget` district: students, teachers and other staff per school, the grade span,
 * and this year's enrolment by grade as an `enrollmentHistory` year (add earlier years from earlier
 * rosters for the cohort projection). Locale and NSLP counts are not in a roster: you give them.
 * Validated by budget's own `schoolSchema`.
 *
 * @param counts - `readOneRoster(files).value`
 * @param options - the fiscal year, locale(s), NSLP counts and ids
 * @returns the schools, the students without a budget grade, and an explanation
 * @throws DistrictKitError for invalid counts or options, or a school the budget schema refuses (e.g. more NSLP-eligible than students)
 * @example
 * ```ts
 * const roster = readOneRoster({
 *   "orgs.csv": "sourcedId,name,type\nmvh,Maple Valley High,school",
 *   "users.csv": "sourcedId,role,orgSourcedIds,grades\nu1,student,mvh,09\nu2,student,mvh,10\nu3,teacher,mvh,\nu4,aide,mvh,",
 * });
 * const { schools } = budgetSchoolsFromRoster(roster.value, { fiscalYear: 2026, locale: "rural", nslpEligible: { mvh: 1 } });
 * schools[0]?.students; // => 2
 * schools[0]?.staff; // => 1
 * schools[0]?.grades; // => { "low": "9", "high": "10" }
 * schools[0]?.enrollmentHistory; // => [{ "fiscalYear": 2026, "grades": { "9": 1, "10": 1 } }]
 * ```
 * @category Budget
 */
export function budgetSchoolsFromRoster(counts: EnrollmentCounts, options: BudgetRosterOptions): BudgetSchoolsFromRoster {
  return guard("roster counts", () => {
    const value = parseInput(enrollmentCountsSchema, counts, ["counts"]);
    const o = parseInput(budgetRosterOptionsSchema, options, ["options"]);
    const ungraded = Object.create(null) as Record<string, number>; // keyed by school id (data)
    const schools = value.schools.map((s, i) => {
      const keys = [s.sourcedId, s.name, s.identifier];
      const id = pick(o.ids, ...keys) ?? s.sourcedId;
      const grades: Partial<Record<Grade, number>> = {};
      let graded = 0;
      for (const [code, n] of Object.entries(s.studentsByGrade)) {
        const g = budgetGradeOf(code);
        if (g === undefined) continue;
        grades[g] = (grades[g] ?? 0) + n;
        graded += n;
      }
      const outside = s.students - graded; // ungraded, post-secondary, or no grade at all
      if (outside > 0) ungraded[id] = outside;
      const present = GRADES.filter((g) => grades[g] !== undefined);
      const ordered: Partial<Record<Grade, number>> = {};
      for (const g of present) ordered[g] = grades[g]!;
      const locale = typeof o.locale === "string" ? o.locale : pick(o.locale, ...keys);
      const nslp = pick(o.nslpEligible, ...keys);
      const staff = Object.entries(s.byRole).reduce((n, [role, c]) => (role === "student" || role === "teacher" ? n : n + c), 0);
      const school = {
        id,
        name: s.name,
        students: s.students,
        teachers: s.teachers,
        staff,
        locale,
        ...(nslp === undefined ? {} : { nslpEligible: nslp }),
        ...(present.length > 0 ? { grades: { low: present[0]!, high: present.at(-1)! }, enrollmentHistory: [{ fiscalYear: o.fiscalYear, grades: ordered }] } : {}),
      };
      return parseInput(schoolSchema, school, ["schools", i]);
    });
    const students = schools.reduce((n, s) => n + s.students, 0);
    const outside = Object.values(ungraded).reduce((n, c) => n + c, 0);
    return {
      schools,
      ungradedStudents: ungraded,
      explanation:
        `${schools.length} schools with ${students} students and ${schools.reduce((n, s) => n + s.teachers, 0)} teachers from the roster, FY${o.fiscalYear} enrolment by grade` +
        (outside > 0 ? `; ${outside} students have no PK–12 grade and are in no grade's count` : "") +
        ".",
    };
  });
}
