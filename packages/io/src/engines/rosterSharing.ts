import { DistrictKitError, isIsoDate, parseInput } from "@districtkit/core";
import { gradeCode, type SharedRosterInput } from "@districtkit/vetting";
import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field } from "../internal/field.js";
import { guard } from "../internal/guard.js";
import { readCsvFile } from "../readCsv.js";
import type { ReadResult, ReadStats, RowError } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";

type Row = { readonly line: number; readonly cells: ReadonlyMap<string, string> };

/** A format that keeps every cell of every row, by header (only the id column is required). */
function anyColumns(name: string, idColumn: string): CsvFormat<Row> {
  return {
    name: `OneRoster ${name}`,
    fields: [field("id", idColumn, "text", [], { requiredColumn: true, requiredValue: true })],
    build: (values, attributes, line) => {
      const cells = new Map<string, string>([[idColumn, String(values["id"])]]);
      for (const [k, v] of Object.entries(attributes)) cells.set(k, v);
      return { line, cells };
    },
  };
}

const FILES: Readonly<Record<string, { idColumn: string }>> = {
  users: { idColumn: "sourcedId" },
  demographics: { idColumn: "sourcedId" },
  enrollments: { idColumn: "userSourcedId" },
  roles: { idColumn: "userSourcedId" },
};

const PARENT_ROLES = new Set(["parent", "guardian", "relative"]);
const STAFF_ROLES = new Set(["teacher", "aide", "administrator", "proctor", "districtadministrator", "siteadministrator", "systemadministrator", "principal", "counselor"]);

function subjectOf(role: string | undefined): "student" | "parent" | "staff" | "other" | undefined {
  if (role === undefined) return undefined;
  const r = role
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  if (r === "student") return "student";
  if (PARENT_ROLES.has(r)) return "parent";
  if (STAFF_ROLES.has(r)) return "staff";
  return "other";
}

/**
 * What {@link sharedRosterFromOneRoster} returns: the shared roster ready for
 * `@districtkit/vetting`'s `checkRosterSharing`, and how the files were read.
 *
 * @category Privacy register
 */
export interface SharedRosterImport {
  /** The columns shared (with whose rows and how many values) and the students sent. */
  readonly shared: SharedRosterInput;
  /** Every row refused, with its file, line, column and reason. */
  readonly errors: readonly RowError[];
  /** Counts per file, and in all (`total = parsed + failed`). */
  readonly stats: ReadStats & { readonly files: Readonly<Record<string, ReadStats>> };
  /** Notes: users whose role is unknown (treated as students), unreadable grades, files not checked. */
  readonly warnings: readonly string[];
}

/**
 * Reads the OneRoster CSV files a rostering service sends to one app — `users.csv`, with
 * `roles.csv`, `demographics.csv` and `enrollments.csv` when present — into what
 * `@districtkit/vetting`'s `checkRosterSharing` compares with the app's agreement: every column
 * that carries a value, for whose rows (students, parents, staff; from `roles.csv`, else the
 * users' `role`, else their enrolments — a user whose role is unknown counts as a student, the
 * safe reading, with a warning), with how many rows had one; and every student sent, with their
 * grade (OneRoster code), birth date (from `demographics.csv`) and line. Columns the reader does
 * not know are kept: the check lists them for a person to judge. Other files (orgs, classes,
 * courses…) hold no student data and are noted, not checked.
 *
 * @param appId - the app's id in the register
 * @param files - file name (`users.csv`, `demographics.csv`…; a path is fine) → its text or bytes
 * @param options - column mapping, delimiter, date order (applied to every file)
 * @returns the shared roster, the row errors, the counts per file, the notes
 * @throws DistrictKitError when users.csv is missing or unreadable
 * @example
 * ```ts
 * const { shared, warnings } = sharedRosterFromOneRoster("writemate", {
 *   "users.csv": "sourcedId,status,givenName,familyName,email,grades\ns1,active,Ada,Lovelace,ada@x.example,05\ns2,active,Alan,Turing,,07\nt1,active,Grace,Hopper,grace@x.example,",
 *   "roles.csv": "userSourcedId,role,orgSourcedId\ns1,student,mve\ns2,student,mvm\nt1,teacher,mvm",
 *   "demographics.csv": "sourcedId,birthDate,sex\ns1,2015-03-02,female",
 * });
 * const columns = shared.fields.filter((f) => f.subject === "student").map((f) => `${f.file} ${f.column} ${f.count}`);
 * columns; // => ["users.csv sourcedId 2", "users.csv status 2", "users.csv givenName 2", "users.csv familyName 2", "users.csv email 1", "users.csv grades 2", "demographics.csv sourcedId 1", "demographics.csv birthDate 1", "demographics.csv sex 1"]
 * shared.students; // => [{ "id": "s1", "line": 2, "grade": "05", "birthDate": "2015-03-02" }, { "id": "s2", "line": 3, "grade": "07" }]
 * warnings; // => []
 * ```
 * @category Privacy register
 */
export function sharedRosterFromOneRoster(appId: string, files: Readonly<Record<string, TextInput>>, options?: ReadOptions): SharedRosterImport {
  return guard("OneRoster files", () => {
    const app = parseInput(z.string().min(1), appId, ["appId"]);
    if (typeof files !== "object" || files === null || Array.isArray(files)) {
      throw DistrictKitError.argument(["files"], 'expected an object of file name → file contents, e.g. { "users.csv": text }');
    }
    const warnings: string[] = [];
    const results = new Map<string, ReadResult<Row>>();
    for (const [name, content] of Object.entries(files)) {
      const base = name
        .split(/[\\/]/)
        .pop()!
        .toLowerCase()
        .replace(/\.csv$/, "");
      const spec = Object.hasOwn(FILES, base) ? FILES[base] : undefined;
      if (spec === undefined) {
        warnings.push(`${name}: not student data (orgs, classes, courses and sessions are not checked)`);
        continue;
      }
      results.set(base, readCsvFile(anyColumns(`${base}.csv`, spec.idColumn), content, options, `${base}.csv`));
    }
    const users = results.get("users");
    if (users === undefined) {
      throw new DistrictKitError("INVALID_INPUT", [
        {
          path: ["files", "users.csv"],
          code: "missing_file",
          message: `users.csv is missing (got ${
            Object.keys(files)
              .map((n) => JSON.stringify(n))
              .join(", ") || "no files"
          })`,
        },
      ]);
    }
    // role of each user: roles.csv, else users.csv's role column (OneRoster 1.1), else enrolments
    const roleOf = new Map<string, string>();
    for (const r of results.get("roles")?.rows ?? []) {
      const role = r.cells.get("role");
      const id = r.cells.get("userSourcedId")!;
      if (role !== undefined && !roleOf.has(id)) roleOf.set(id, role);
    }
    for (const u of users.rows) {
      const id = u.cells.get("sourcedId")!;
      const role = u.cells.get("role");
      if (!roleOf.has(id) && role !== undefined) roleOf.set(id, role);
    }
    for (const e of results.get("enrollments")?.rows ?? []) {
      const id = e.cells.get("userSourcedId")!;
      const role = e.cells.get("role");
      if (!roleOf.has(id) && role !== undefined) roleOf.set(id, role);
    }
    const subject = new Map<string, "student" | "parent" | "staff" | "other">();
    const unknownRole: number[] = [];
    for (const u of users.rows) {
      const id = u.cells.get("sourcedId")!;
      const s = subjectOf(roleOf.get(id));
      if (s === undefined) unknownRole.push(u.line);
      subject.set(id, s ?? "student");
    }
    if (unknownRole.length > 0) {
      warnings.push(
        `users.csv: ${unknownRole.length} user${unknownRole.length === 1 ? "" : "s"} with no role in roles.csv, users.csv or enrollments.csv (line${unknownRole.length === 1 ? "" : "s"} ${unknownRole.slice(0, 10).join(", ")}${unknownRole.length > 10 ? "…" : ""}) counted as students`,
      );
    }

    // columns with a value, per file and subject, in the files' column order
    const counts = new Map<string, { file: string; column: string; subject: "student" | "parent" | "staff" | "other"; count: number }>();
    const tally = (file: string, row: Row, who: "student" | "parent" | "staff" | "other"): void => {
      for (const [column, value] of row.cells) {
        if (value.trim() === "") continue;
        const key = `${file}\u0000${column}\u0000${who}`;
        const c = counts.get(key);
        if (c) c.count++;
        else counts.set(key, { file, column, subject: who, count: 1 });
      }
    };
    for (const u of users.rows) tally("users.csv", u, subject.get(u.cells.get("sourcedId")!)!);
    const birth = new Map<string, string>();
    const badDates: number[] = [];
    for (const d of results.get("demographics")?.rows ?? []) {
      const id = d.cells.get("sourcedId")!;
      tally("demographics.csv", d, subject.get(id) ?? "student");
      const b = d.cells.get("birthDate")?.trim();
      if (b === undefined || b === "") continue;
      if (isIsoDate(b)) birth.set(id, b);
      else badDates.push(d.line);
    }
    if (badDates.length > 0)
      warnings.push(
        `demographics.csv: ${badDates.length} birth date${badDates.length === 1 ? " is" : "s are"} not YYYY-MM-DD (line${badDates.length === 1 ? "" : "s"} ${badDates.slice(0, 10).join(", ")}): those students are checked by grade`,
      );
    for (const e of results.get("enrollments")?.rows ?? []) {
      const id = e.cells.get("userSourcedId")!;
      tally("enrollments.csv", e, subject.get(id) ?? "student");
    }

    const students: { id: string; line: number; grade?: string; birthDate?: string }[] = [];
    const badGrades: number[] = [];
    for (const u of users.rows) {
      const id = u.cells.get("sourcedId")!;
      if (subject.get(id) !== "student") continue;
      const text = u.cells.get("grades")?.split(",")[0]?.trim();
      const grade = text === undefined || text === "" ? null : gradeCode(text);
      if (text !== undefined && text !== "" && grade === null) badGrades.push(u.line);
      const b = birth.get(id);
      students.push({ id, line: u.line, ...(grade === null ? {} : { grade }), ...(b === undefined ? {} : { birthDate: b }) });
    }
    if (badGrades.length > 0)
      warnings.push(
        `users.csv: ${badGrades.length} grade${badGrades.length === 1 ? " is" : "s are"} not a OneRoster grade (line${badGrades.length === 1 ? "" : "s"} ${badGrades.slice(0, 10).join(", ")}): those students are sent without a grade`,
      );

    const errors: RowError[] = [];
    const fileStats: Record<string, ReadStats> = {};
    for (const [key, r] of results) {
      errors.push(...r.errors);
      fileStats[`${key}.csv`] = r.stats;
      for (const w of r.warnings) warnings.push(`${key}.csv: ${w}`);
    }
    const stats = Object.values(fileStats).reduce((a, s) => ({ total: a.total + s.total, parsed: a.parsed + s.parsed, failed: a.failed + s.failed, blankLines: a.blankLines + s.blankLines }), {
      total: 0,
      parsed: 0,
      failed: 0,
      blankLines: 0,
    });
    return {
      shared: { appId: app, source: `OneRoster files: ${[...results.keys()].map((k) => `${k}.csv`).join(", ")}`, fields: [...counts.values()], students },
      errors,
      stats: { ...stats, files: fileStats },
      warnings,
    };
  });
}
