import { DistrictKitError, keyedRecordSchema } from "@districtkit/core";
import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field } from "../internal/field.js";
import { guard } from "../internal/guard.js";
import { readCsvFile } from "../readCsv.js";
import type { ReadResult, ReadStats, RowError } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";

type Values = Readonly<Record<string, unknown>>;

function rowFormat(name: string, fields: CsvFormat<Values>["fields"]): CsvFormat<Values & { line: number }> {
  return {
    name: `OneRoster ${name}`,
    fields,
    build: (values, _attributes, line) => {
      const row: Record<string, unknown> = { line };
      for (const f of fields) if (values[f.key] !== undefined) row[f.key] = values[f.key];
      return row as Values & { line: number };
    },
  };
}

const status = field("status", "status", "text");
const ORGS = rowFormat("orgs.csv", [
  field("sourcedId", "sourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
  status,
  field("name", "name", "text", [], { requiredColumn: true }),
  field("type", "type", "text"),
  field("identifier", "identifier", "text"),
  field("parentSourcedId", "parentSourcedId", "text"),
]);
const USERS = rowFormat("users.csv", [
  field("sourcedId", "sourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
  status,
  field("enabledUser", "enabledUser", "boolean"),
  field("role", "role", "text"),
  field("orgSourcedIds", "orgSourcedIds", "list"),
  field("primaryOrgSourcedId", "primaryOrgSourcedId", "text"),
  field("grades", "grades", "list"),
]);
const ROLES = rowFormat("roles.csv", [
  field("sourcedId", "sourcedId", "text"),
  status,
  field("userSourcedId", "userSourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
  field("role", "role", "text", [], { requiredColumn: true, requiredValue: true }),
  field("roleType", "roleType", "text"),
  field("orgSourcedId", "orgSourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
]);
const ENROLLMENTS = rowFormat("enrollments.csv", [
  field("sourcedId", "sourcedId", "text"),
  status,
  field("classSourcedId", "classSourcedId", "text"),
  field("schoolSourcedId", "schoolSourcedId", "text", [], { requiredColumn: true }),
  field("userSourcedId", "userSourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
  field("role", "role", "text", [], { requiredColumn: true, requiredValue: true }),
]);
const CLASSES = rowFormat("classes.csv", [
  field("sourcedId", "sourcedId", "text", [], { requiredColumn: true, requiredValue: true }),
  status,
  field("grades", "grades", "list"),
  field("schoolSourcedId", "schoolSourcedId", "text"),
]);

/** Why a user is in no school's count. */
const excludedReasons = ["inactive", "no-org", "org-not-a-school", "org-not-in-orgs"] as const;

/**
 * The zod schema of enrolment counted from a OneRoster roster: users by school, grade and role,
 * and every user left out of the counts with the reason — `inactive` (status `tobedeleted`, or
 * `enabledUser` false), `no-org` (no role, org id or enrolment names an org), `org-not-a-school`
 * (their orgs are in orgs.csv but none is of type `school`), `org-not-in-orgs` (their orgs are
 * not in orgs.csv, or are marked `tobedeleted` there).
 *
 * @example
 * ```ts
 * enrollmentCountsSchema.shape.counts.element.shape.role.parse("student"); // => "student"
 * ```
 * @category OneRoster
 */
export const enrollmentCountsSchema = z.object({
  schools: z.array(
    z.object({
      sourcedId: z.string().describe("The school's sourcedId in orgs.csv"),
      name: z.string().describe("The school's name"),
      identifier: z.string().optional().describe("The school's identifier (e.g. an NCES or state id)"),
      students: z.number().int().min(0).describe("Distinct students"),
      teachers: z.number().int().min(0).describe("Distinct teachers"),
      byRole: keyedRecordSchema(z.number().int().min(0)).describe("Distinct users per role"),
      studentsByGrade: keyedRecordSchema(z.number().int().min(0)).describe("Distinct students per grade code (KG, 01…12)"),
    }),
  ),
  counts: z.array(
    z.object({
      schoolSourcedId: z.string().describe("The school's sourcedId"),
      schoolName: z.string().describe("The school's name"),
      grade: z.string().nullable().describe("Grade code (KG, 01…12), null when the roster gives none"),
      role: z.string().describe("OneRoster role: student, teacher, aide, administrator…"),
      count: z.number().int().min(0).describe("Distinct users"),
    }),
  ),
  totals: z.object({
    students: z.number().int().min(0).describe("Distinct students in the district (a student in two schools counts once)"),
    teachers: z.number().int().min(0).describe("Distinct teachers in the district"),
    byRole: keyedRecordSchema(z.number().int().min(0)).describe("Distinct users per role in the district"),
  }),
  excluded: z.object({
    inactiveUsers: z.number().int().min(0).describe("Users marked tobedeleted or not enabled"),
    usersWithoutSchool: z.number().int().min(0).describe("Active users with no role at a school"),
    users: z
      .array(
        z.object({
          sourcedId: z.string().describe("The user's sourcedId in users.csv"),
          line: z.number().int().min(1).describe("The user's line in users.csv"),
          reason: z.enum(excludedReasons).describe("inactive, no-org, org-not-a-school or org-not-in-orgs"),
          orgs: z.array(z.object({ sourcedId: z.string(), why: z.string() })).describe("Each org the user belongs to and why it is not a school that is counted"),
          explanation: z.string().describe("The reason in words"),
        }),
      )
      .describe("Every user left out of the school counts, with the reason: inactive users, then users without a school, in users.csv order"),
  }),
});

/**
 * Enrolment counted from a OneRoster roster (see {@link enrollmentCountsSchema}).
 *
 * @category OneRoster
 */
export type EnrollmentCounts = z.output<typeof enrollmentCountsSchema>;

/**
 * What {@link readOneRoster} returns: the enrolment counts, every row error (with its file) and
 * counts per file that add up.
 *
 * @category OneRoster
 */
export interface OneRosterResult {
  /** Users by school, grade and role. */
  readonly value: EnrollmentCounts;
  /** Every row refused, with its file, line, column and reason. */
  readonly errors: readonly RowError[];
  /** Counts per file, and in all. */
  readonly stats: ReadStats & { readonly files: Readonly<Record<string, ReadStats>> };
  /** Notes: references to unknown users or schools, encodings, unused files. */
  readonly warnings: readonly string[];
}

const FILES = { orgs: ORGS, users: USERS, roles: ROLES, enrollments: ENROLLMENTS, classes: CLASSES } as const;
type FileKey = keyof typeof FILES;

function fileKey(name: string): FileKey | undefined {
  const base = name
    .split(/[\\/]/)
    .pop()!
    .toLowerCase()
    .replace(/\.csv$/, "");
  return Object.hasOwn(FILES, base) ? (base as FileKey) : undefined;
}

const active = (row: Values): boolean => {
  const s = row["status"];
  return s === undefined || String(s).toLowerCase() !== "tobedeleted";
};

/** A count per role or grade code: the codes come from the files (data), so no prototype. */
function keyed(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function add(map: Record<string, number>, key: string, n = 1): void {
  map[key] = (map[key] ?? 0) + n;
}

/**
 * Reads a OneRoster 1.2 (or 1.1) CSV roster — `orgs.csv` and `users.csv`, with `roles.csv`,
 * `enrollments.csv` and `classes.csv` when present — and counts distinct users by school, grade
 * and role, for enrolment-driven budget lines and licence demand. Pass the files' contents keyed
 * by file name (reading a zip or a folder is the caller's job). A user's role and school come from
 * roles.csv (1.2), else users.csv's `role` and org ids (1.1), else their enrolments; their grade
 * from users.csv's `grades`, else the grade of their classes when all agree.
 *
 * @param files - file name (`orgs.csv`, `users.csv`…; a path is fine) → its text or bytes
 * @param options - column mapping, delimiter, date order (applied to every file)
 * @returns the counts, the row errors and the counts per file
 * @throws DistrictKitError when orgs.csv or users.csv is missing or unreadable
 * @example
 * ```ts
 * const roster = readOneRoster({
 *   "orgs.csv": "sourcedId,name,type\nmvh,Maple Valley High,school",
 *   "users.csv": "sourcedId,status,role,orgSourcedIds,grades\nu1,active,student,mvh,09\nu2,active,student,mvh,10\nu3,active,teacher,mvh,",
 * });
 * roster.value.schools[0]?.students; // => 2
 * roster.value.schools[0]?.teachers; // => 1
 * roster.value.schools[0]?.studentsByGrade; // => { "09": 1, "10": 1 }
 * ```
 * @category OneRoster
 */
export function readOneRoster(files: Readonly<Record<string, TextInput>>, options?: ReadOptions): OneRosterResult {
  return guard("OneRoster files", () => {
    if (typeof files !== "object" || files === null || Array.isArray(files)) {
      throw DistrictKitError.argument(["files"], 'expected an object of file name → file contents, e.g. { "orgs.csv": text, "users.csv": text }');
    }
    const warnings: string[] = [];
    const results: Partial<Record<FileKey, ReadResult<Values & { line: number }>>> = {};
    const names: Partial<Record<FileKey, string>> = {};
    for (const [name, content] of Object.entries(files)) {
      const key = fileKey(name);
      if (key === undefined) {
        warnings.push(`${name} is not used (DistrictKit reads orgs, users, roles, enrollments and classes)`);
        continue;
      }
      names[key] = name;
      results[key] = readCsvFile(FILES[key], content, options, `${key}.csv`);
    }
    const missing = (["orgs", "users"] as const).filter((k) => results[k] === undefined);
    if (missing.length > 0) {
      throw new DistrictKitError(
        "INVALID_INPUT",
        missing.map((k) => ({
          path: ["files", `${k}.csv`],
          code: "missing_file",
          message: `${k}.csv is missing (got ${
            Object.keys(files)
              .map((n) => JSON.stringify(n))
              .join(", ") || "no files"
          })`,
        })),
      );
    }
    const errors: RowError[] = [];
    const fileStats: Record<string, ReadStats> = {};
    for (const key of Object.keys(FILES) as FileKey[]) {
      const r = results[key];
      if (!r) continue;
      errors.push(...r.errors);
      fileStats[`${key}.csv`] = r.stats;
      for (const w of r.warnings) warnings.push(`${key}.csv: ${w}`);
    }
    const value = countEnrollment(results, warnings);
    const stats = Object.values(fileStats).reduce((a, s) => ({ total: a.total + s.total, parsed: a.parsed + s.parsed, failed: a.failed + s.failed, blankLines: a.blankLines + s.blankLines }), {
      total: 0,
      parsed: 0,
      failed: 0,
      blankLines: 0,
    });
    return { value, errors, stats: { ...stats, files: fileStats }, warnings };
  });
}

function countEnrollment(results: Partial<Record<FileKey, ReadResult<Values & { line: number }>>>, warnings: string[]): EnrollmentCounts {
  const orgs = results.orgs!.rows.filter(active);
  const typed = orgs.some((o) => o["type"] !== undefined);
  const schools = new Map<string, Values>();
  for (const o of orgs) if (!typed || String(o["type"] ?? "").toLowerCase() === "school") schools.set(String(o["sourcedId"]), o);

  const classGrades = new Map<string, readonly string[]>();
  for (const c of results.classes?.rows ?? []) if (active(c) && Array.isArray(c["grades"])) classGrades.set(String(c["sourcedId"]), c["grades"] as string[]);

  const rolesOf = new Map<string, { role: string; org: string }[]>();
  const rolePairs = new Set<string>(); // user, role, org already listed (a user may hold a role at every school)
  const push = (user: string, role: string, org: string): void => {
    let list = rolesOf.get(user);
    if (!list) rolesOf.set(user, (list = []));
    const key = `${user}\u0000${role}\u0000${org}`;
    if (!rolePairs.has(key)) {
      rolePairs.add(key);
      list.push({ role, org });
    }
  };
  for (const r of results.roles?.rows ?? []) if (active(r)) push(String(r["userSourcedId"]), String(r["role"]).toLowerCase(), String(r["orgSourcedId"]));

  const enrolments = new Map<string, { role: string; org: string | undefined; classId: string | undefined }[]>();
  for (const e of results.enrollments?.rows ?? []) {
    if (!active(e)) continue;
    const user = String(e["userSourcedId"]);
    let list = enrolments.get(user);
    if (!list) enrolments.set(user, (list = []));
    list.push({
      role: String(e["role"]).toLowerCase(),
      org: e["schoolSourcedId"] === undefined ? undefined : String(e["schoolSourcedId"]),
      classId: e["classSourcedId"] === undefined ? undefined : String(e["classSourcedId"]),
    });
  }

  const cells = new Map<string, { school: string; grade: string | null; role: string; users: number }>();
  const perSchool = new Map<string, { byRole: Record<string, number>; byGrade: Record<string, number> }>();
  const districtRoles = new Map<string, Set<string>>();
  let unknownOrgs = 0;
  const known = new Set<string>();
  const allOrgs = new Map<string, Values>();
  for (const o of results.orgs!.rows) if (!allOrgs.has(String(o["sourcedId"]))) allOrgs.set(String(o["sourcedId"]), o);
  const inactive: ExcludedUser[] = [];
  const withoutSchool: ExcludedUser[] = [];
  const activeOrgIds = new Set(orgs.map((o) => o["sourcedId"])); // every active org, school or not
  for (const u of results.users!.rows) {
    const id = String(u["sourcedId"]);
    known.add(id);
    if (!active(u) || u["enabledUser"] === false) {
      const why = !active(u) ? `its status is ${JSON.stringify(String(u["status"]))}` : "enabledUser is false";
      inactive.push({ sourcedId: id, line: u.line, reason: "inactive", orgs: [], explanation: `user ${id} (users.csv line ${u.line}) is not counted: ${why}` });
      continue;
    }
    let pairs = rolesOf.get(id) ?? [];
    if (pairs.length === 0 && u["role"] !== undefined) {
      const orgIds = [...((u["orgSourcedIds"] as string[] | undefined) ?? []), ...(u["primaryOrgSourcedId"] === undefined ? [] : [String(u["primaryOrgSourcedId"])])];
      pairs = [...new Set(orgIds)].map((org) => ({ role: String(u["role"]).toLowerCase(), org }));
    }
    const mine = enrolments.get(id) ?? [];
    if (pairs.length === 0) {
      const seen = new Set<string>();
      pairs = [];
      for (const e of mine) {
        if (e.org === undefined || seen.has(`${e.role}|${e.org}`)) continue;
        seen.add(`${e.role}|${e.org}`);
        pairs.push({ role: e.role, org: e.org });
      }
    }
    let grade: string | null = (u["grades"] as string[] | undefined)?.[0] ?? null;
    if (grade === null) {
      const fromClasses = new Set<string>();
      for (const e of mine) for (const g of (e.classId === undefined ? undefined : classGrades.get(e.classId)) ?? []) fromClasses.add(g);
      if (fromClasses.size === 1) grade = [...fromClasses][0]!;
    }
    let counted = false;
    for (const { role, org } of pairs) {
      if (!schools.has(org)) {
        if (!activeOrgIds.has(org)) unknownOrgs++;
        continue;
      }
      counted = true;
      const g = role === "student" ? grade : ((u["grades"] as string[] | undefined)?.[0] ?? null);
      const key = `${org}\u0000${g ?? ""}\u0000${role}`;
      const cell = cells.get(key);
      if (cell) cell.users++;
      else cells.set(key, { school: org, grade: g, role, users: 1 });
      let s = perSchool.get(org);
      if (!s) perSchool.set(org, (s = { byRole: keyed(), byGrade: keyed() }));
      add(s.byRole, role);
      if (role === "student" && g !== null) add(s.byGrade, g);
      let set = districtRoles.get(role);
      if (!set) districtRoles.set(role, (set = new Set()));
      set.add(id);
    }
    if (!counted) withoutSchool.push(excludedUser(id, u.line, [...new Set(pairs.map((p) => p.org))], allOrgs));
  }
  let unknownUsers = 0;
  for (const user of enrolments.keys()) if (!known.has(user)) unknownUsers++;
  for (const user of rolesOf.keys()) if (!known.has(user)) unknownUsers++;
  if (unknownUsers > 0)
    warnings.push(
      `${unknownUsers} user id${unknownUsers === 1 ? "" : "s"} in enrollments/roles ${unknownUsers === 1 ? "is" : "are"} not in users.csv and ${unknownUsers === 1 ? "was" : "were"} not counted`,
    );
  if (unknownOrgs > 0) warnings.push(`${unknownOrgs} role${unknownOrgs === 1 ? "" : "s"} name an org that is not in orgs.csv and ${unknownOrgs === 1 ? "was" : "were"} not counted`);

  const schoolName = (id: string): string => String(schools.get(id)?.["name"] ?? id);
  const byRole = keyed();
  for (const [role, set] of [...districtRoles.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) byRole[role] = set.size;
  return {
    schools: [...schools.entries()].map(([id, org]) => {
      const s = perSchool.get(id) ?? { byRole: keyed(), byGrade: keyed() };
      const identifier = org["identifier"];
      return {
        sourcedId: id,
        name: schoolName(id),
        ...(identifier === undefined ? {} : { identifier: String(identifier) }),
        students: s.byRole["student"] ?? 0,
        teachers: s.byRole["teacher"] ?? 0,
        byRole: sortKeys(s.byRole),
        studentsByGrade: sortKeys(s.byGrade),
      };
    }),
    counts: [...cells.values()]
      .sort((a, b) => cmp(a.school, b.school) || cmp(a.role, b.role) || cmp(a.grade ?? "", b.grade ?? ""))
      .map((c) => ({ schoolSourcedId: c.school, schoolName: schoolName(c.school), grade: c.grade, role: c.role, count: c.users })),
    totals: { students: byRole["student"] ?? 0, teachers: byRole["teacher"] ?? 0, byRole },
    excluded: { inactiveUsers: inactive.length, usersWithoutSchool: withoutSchool.length, users: [...inactive, ...withoutSchool] },
  };
}

type ExcludedUser = EnrollmentCounts["excluded"]["users"][number];

/** Why an active user is in no school's count: the orgs they name, and what each is. */
function excludedUser(id: string, line: number, orgIds: readonly string[], orgs: ReadonlyMap<string, Values>): ExcludedUser {
  const where = `user ${id} (users.csv line ${line}) is in no school's count`;
  if (orgIds.length === 0) {
    return { sourcedId: id, line, reason: "no-org", orgs: [], explanation: `${where}: no role, org id or enrolment names an org` };
  }
  let notSchool = false;
  const notes = orgIds.map((org) => {
    const o = orgs.get(org);
    if (o === undefined) return { sourcedId: org, why: "not in orgs.csv" };
    if (!active(o)) return { sourcedId: org, why: "marked tobedeleted in orgs.csv" };
    notSchool = true;
    return { sourcedId: org, why: `of type ${JSON.stringify(String(o["type"] ?? ""))}, not a school` };
  });
  return {
    sourcedId: id,
    line,
    reason: notSchool ? "org-not-a-school" : "org-not-in-orgs",
    orgs: notes,
    explanation: `${where}: ${notes.map((n) => `org ${n.sourcedId} is ${n.why}`).join("; ")}`,
  };
}

const GRADE_ORDER = ["IT", "PR", "PK", "TK", "KG"];
function gradeRank(g: string): number {
  const i = GRADE_ORDER.indexOf(g.toUpperCase());
  if (i !== -1) return i - 10;
  const n = Number(g);
  return Number.isFinite(n) ? n : 100;
}
function cmp(a: string, b: string): number {
  const d = gradeRank(a) - gradeRank(b);
  if (d !== 0 && (gradeRank(a) !== 100 || gradeRank(b) !== 100)) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortKeys(record: Record<string, number>): Record<string, number> {
  const out = keyed();
  for (const k of Object.keys(record).sort(cmp)) out[k] = record[k]!;
  return out;
}
