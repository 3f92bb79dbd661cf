import { DistrictKitError, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { Decision } from "../result.js";
import { type RosterSubject, rosterFieldCategory } from "../tables/rosterFields.js";
import { describeGrades, gradeNumber, gradeSchema } from "./grades.js";
import { type Agreement, dataCategorySchema, privacyRegisterSchema } from "./schema.js";
import { appStatusesOf } from "./status.js";
import { conditionsInWords, listInWords, plural } from "./words.js";

/**
 * The zod schema of what a roster sync or a sharing configuration sends to one app: the columns
 * shared (file and column, whose rows — student, parent, staff — and on how many rows they had a
 * value; or a category named directly, as a sharing configuration does) and the students sent
 * (id, grade, birth date when known, the line of the file).
 *
 * @example
 * ```ts
 * const s = sharedRosterSchema.parse({ appId: "writemate", fields: [{ file: "users.csv", column: "email" }], students: [{ id: "s1", grade: "5" }] });
 * s.fields[0]?.subject; // => "student"
 * s.students[0]?.grade; // => "05"
 * ```
 * @category Privacy register
 */
export const sharedRosterSchema = z.strictObject({
  appId: z.string().min(1),
  /** Where it comes from: "OneRoster export for WriteMate AI, 2026-06-20". */
  source: z.string().optional(),
  fields: z.array(
    z.strictObject({
      file: z.string().min(1),
      column: z.string().min(1),
      subject: z.enum(["student", "parent", "staff", "other"]).default("student"),
      /** Rows with a value in this column (0 when not counted). */
      count: z.number().int().min(0).default(0),
      /** The category, when a sharing configuration names it (else found in {@link ROSTER_FIELD_CATEGORIES}). */
      category: dataCategorySchema.optional(),
    }),
  ),
  students: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        grade: gradeSchema.optional(),
        birthDate: isoDateSchema.optional(),
        line: z.number().int().min(1).optional(),
      }),
    )
    .default([]),
});

/**
 * What a roster sync sends to an app (see {@link sharedRosterSchema}), as written.
 *
 * @category Privacy register
 */
export type SharedRosterInput = z.input<typeof sharedRosterSchema>;

/**
 * A roster column sent to an app that its agreement does not allow.
 *
 * @category Privacy register
 */
export interface ExcessField {
  readonly file: string;
  readonly column: string;
  readonly subject: RosterSubject;
  /** Its Exhibit B category. */
  readonly category: string;
  /** Rows with a value. */
  readonly count: number;
  readonly reason: string;
}

/**
 * A student sent to an app against a condition of its approval.
 *
 * @category Privacy register
 */
export interface StudentFinding {
  readonly studentId: string;
  readonly grade: string | null;
  /** The line of the roster file, when known. */
  readonly line: number | null;
  readonly reason: string;
}

/**
 * What {@link checkRosterSharing} finds.
 *
 * @category Privacy register
 */
export interface RosterSharingResult {
  readonly appId: string;
  readonly appName: string;
  readonly asOf: string;
  /** The agreement in force on the date (null: none — then every student field is excess). */
  readonly agreement: { readonly id: string; readonly dataElements: readonly string[] } | null;
  readonly decision: Decision | null;
  /** The conditions of the approval, in words. */
  readonly conditions: readonly string[];
  /** Columns checked (of every subject). */
  readonly fieldsChecked: number;
  readonly studentsShared: number;
  /** Every column shared whose category the agreement does not allow. */
  readonly excessFields: readonly ExcessField[];
  /** Columns the table does not know: a person must say what they hold. */
  readonly unmappedFields: readonly { readonly file: string; readonly column: string; readonly subject: RosterSubject; readonly count: number }[];
  /** Students in grades the approval does not cover. */
  readonly gradeViolations: readonly StudentFinding[];
  /** Students under 13 (by birth date, or likely by grade) the approval does not cover. */
  readonly under13Violations: readonly (StudentFinding & { readonly age: number | null; readonly certain: boolean })[];
  /** Students whose families opted out. */
  readonly optOutViolations: readonly StudentFinding[];
  /** Nothing shared beyond the agreement and the approval (unmapped columns included: they need a look). */
  readonly ok: boolean;
  /** One sentence per kind of finding. */
  readonly findings: readonly string[];
  readonly summary: string;
}

const optionsSchema = z.strictObject({ asOf: isoDateSchema });

/** Whole years from a birth date to a date. */
function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The check no product offers: what a roster sync (a OneRoster export or a sharing configuration)
 * really sends to an app, against what the app's agreement allows and the conditions of its
 * approval. Every excess column is listed with its Exhibit B category and how many rows carried
 * it; every student sent in a grade the approval leaves out, every student under 13 the approval
 * does not cover (by birth date; without one, grades 6 and below count as likely under 13 and
 * grade 7 as possibly), and every student whose family opted out. Columns the mapping table does
 * not know are listed for a person to judge — never assumed harmless.
 *
 * With no agreement in force, or an approval for teacher accounts only or for no student data,
 * every student column is excess.
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param shared - what the sync sends ({@link sharedRosterSchema})
 * @param options - `{ asOf }`
 * @returns the findings, each with its students or columns
 * @throws DistrictKitError for invalid input, or an app that is not in the register
 * @example
 * ```ts
 * const register = {
 *   district: { name: "Maple Valley SD", state: "OR" },
 *   agreements: [{ id: "wm", appId: "writemate", appName: "WriteMate AI", status: "signed", signedOn: "2026-06-15", expiresOn: "2027-06-30",
 *     dataElements: ["Student Name", "Student Identifiers", "Enrollment"], decision: "approvedWithConditions",
 *     conditions: { grades: ["6", "7", "8"], under13: "withParentalConsent", consentOnFile: ["s2"] } }],
 * };
 * const shared = {
 *   appId: "writemate",
 *   fields: [{ file: "users.csv", column: "givenName", count: 3 }, { file: "users.csv", column: "email", count: 3 }],
 *   students: [{ id: "s1", grade: "5", line: 2 }, { id: "s2", grade: "6", line: 3 }, { id: "s3", grade: "8", birthDate: "2013-09-01", line: 4 }],
 * };
 * const r = checkRosterSharing(register, shared, { asOf: "2026-07-01" });
 * r.excessFields.map((f) => `${f.column}: ${f.category}`); // => ["email: Student Contact Information"]
 * r.gradeViolations.map((s) => s.studentId); // => ["s1"]
 * r.under13Violations.map((s) => [s.studentId, s.certain]); // => [["s1", false], ["s3", true]]
 * r.ok; // => false
 * ```
 * @category Privacy register
 */
export function checkRosterSharing(register: unknown, shared: unknown, options: unknown): RosterSharingResult {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const s = parseInput(sharedRosterSchema, shared, ["shared"]);
  const o = parseInput(optionsSchema, options, ["options"]);
  const app = appStatusesOf(r, o.asOf, 90).find((a) => a.appId === s.appId);
  if (app === undefined) {
    const known = [...new Set(r.agreements.map((a) => a.appId))].slice(0, 8).join(", ");
    throw new DistrictKitError("INVALID_INPUT", [
      { path: ["shared", "appId"], code: "unknown_app", message: `expected the id of an app in the register (${known || "it has none"}), got ${JSON.stringify(s.appId)}` },
    ]);
  }
  const agreement: Agreement | null = app.currentAgreement;
  const c = app.conditions;
  const noStudentData = app.status === "approvedNoStudentData" || c.teacherOnly;
  const allowed = new Set(agreement !== null && !noStudentData ? agreement.dataElements : []);
  const why =
    agreement === null
      ? app.status === "approvedNoStudentData"
        ? "the app is approved as receiving no student data"
        : "no agreement is in force"
      : c.teacherOnly
        ? "the approval is for teacher accounts only"
        : null;

  const excessFields: ExcessField[] = [];
  const unmappedFields: RosterSharingResult["unmappedFields"][number][] = [];
  for (const f of s.fields) {
    let category: string | null;
    if (f.category !== undefined) category = f.category;
    else {
      const row = rosterFieldCategory(f.file, f.column, f.subject);
      if (row === undefined) {
        unmappedFields.push({ file: f.file, column: f.column, subject: f.subject, count: f.count });
        continue;
      }
      category = row === "not student data" ? null : row.category;
    }
    if (category === null || allowed.has(category)) continue;
    excessFields.push({
      file: f.file,
      column: f.column,
      subject: f.subject,
      category,
      count: f.count,
      reason: why !== null ? `${category} is shared but ${why}` : `${category} is not among the data elements the agreement allows`,
    });
  }

  const gradeViolations: StudentFinding[] = [];
  const under13Violations: (StudentFinding & { age: number | null; certain: boolean })[] = [];
  const optOutViolations: StudentFinding[] = [];
  const optOut = new Set(c.optOuts);
  const consent = new Set(c.consentOnFile);
  const grades = c.grades === undefined ? null : new Set(c.grades);
  for (const st of s.students) {
    const base = { studentId: st.id, grade: st.grade ?? null, line: st.line ?? null };
    if (grades !== null && (st.grade === undefined || !grades.has(st.grade))) {
      gradeViolations.push({
        ...base,
        reason: st.grade === undefined ? `no grade in the roster; the approval covers only ${describeGrades([...grades])}` : `grade ${st.grade} is outside ${describeGrades([...grades])}`,
      });
    }
    if (optOut.has(st.id)) optOutViolations.push({ ...base, reason: "the family opted out" });
    if (c.under13 === "allowed" || (c.under13 === "withParentalConsent" && consent.has(st.id))) continue;
    let age: number | null = null;
    let certain = false;
    let under = false;
    let basis = "";
    if (st.birthDate !== undefined) {
      age = ageOn(st.birthDate, o.asOf);
      under = age < 13;
      certain = true;
      basis = `${age} years old on ${o.asOf}`;
    } else if (st.grade !== undefined) {
      const g = gradeNumber(st.grade);
      if (g !== null && g <= 7) {
        under = true;
        basis = g <= 6 ? `grade ${st.grade}: likely under 13` : `grade ${st.grade}: possibly under 13 (ages 12–13)`;
      }
    }
    if (!under) continue;
    under13Violations.push({
      ...base,
      age,
      certain,
      reason: `${basis}; ${c.under13 === "notAllowed" ? "the approval excludes students under 13" : "no parental consent on file"}`,
    });
  }
  const studentsShared = s.students.length;
  if (noStudentData && studentsShared > 0 && excessFields.length === 0 && s.fields.length === 0) {
    excessFields.push({
      file: "(roster)",
      column: "(students)",
      subject: "student",
      category: "Student Identifiers",
      count: studentsShared,
      reason: `${plural(studentsShared, "student")} sent but ${why}`,
    });
  }
  const findings: string[] = [];
  if (excessFields.length > 0) {
    const cats = [...new Set(excessFields.map((f) => f.category))];
    findings.push(
      `${plural(excessFields.length, "column")} ${excessFields.length === 1 ? "goes" : "go"} beyond ${agreement === null ? "what is allowed" : "the agreement"}: ${listInWords(cats)}${why !== null ? ` (${why})` : ""}.`,
    );
  }
  if (gradeViolations.length > 0) findings.push(`${plural(gradeViolations.length, "student")} outside ${describeGrades([...(grades ?? [])])} ${gradeViolations.length === 1 ? "is" : "are"} shared.`);
  if (under13Violations.length > 0) {
    const sure = under13Violations.filter((u) => u.certain).length;
    findings.push(
      `${plural(under13Violations.length, "student")} under 13 (${sure} by birth date, ${under13Violations.length - sure} by grade) ${under13Violations.length === 1 ? "is" : "are"} shared without ${c.under13 === "notAllowed" ? "being allowed" : "parental consent on file"}.`,
    );
  }
  if (optOutViolations.length > 0)
    findings.push(`${plural(optOutViolations.length, "student")} whose famil${optOutViolations.length === 1 ? "y" : "ies"} opted out ${optOutViolations.length === 1 ? "is" : "are"} shared.`);
  if (unmappedFields.length > 0)
    findings.push(
      `${plural(unmappedFields.length, "column")} ${unmappedFields.length === 1 ? "is" : "are"} not in the mapping table: ${listInWords(unmappedFields.map((f) => `${f.file} ${f.column}`))} — say what ${unmappedFields.length === 1 ? "it holds" : "they hold"}.`,
    );
  const ok = findings.length === 0;
  return {
    appId: app.appId,
    appName: app.appName,
    asOf: o.asOf,
    agreement: agreement === null ? null : { id: agreement.id, dataElements: [...agreement.dataElements] },
    decision: app.decision,
    conditions: conditionsInWords(c),
    fieldsChecked: s.fields.length,
    studentsShared,
    excessFields,
    unmappedFields,
    gradeViolations,
    under13Violations,
    optOutViolations,
    ok,
    findings,
    summary: ok
      ? `${app.appName} receives only what its agreement allows and its approval covers: ${plural(s.fields.length, "column")}, ${plural(studentsShared, "student")} checked on ${o.asOf}.`
      : `${app.appName} receives more than its agreement and approval allow on ${o.asOf}: ${plural(excessFields.length, "excess column")}, ${plural(gradeViolations.length, "student")} outside the grades, ${under13Violations.length} under 13 without cover, ${optOutViolations.length} opted out${unmappedFields.length ? `, ${plural(unmappedFields.length, "unmapped column")}` : ""}.`,
  };
}
