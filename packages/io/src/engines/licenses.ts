import { addMonthsIso, keyedRecordSchema, Money, parseInput } from "@districtkit/core";
import { type CurrentContract, currentContractSchema, type UsageRecord as LicenseUsageRecord, rosterDemandInputSchema, usageRecordSchema } from "@districtkit/licenses";
import { z } from "zod";
import { type LicenseContract, licenseContractSchema, type UsageRecord, usageRecordSchema as usageRowSchema } from "../formats/licenses.js";
import { type EnrollmentCounts, enrollmentCountsSchema } from "../formats/oneRoster.js";
import { caselessValue } from "../internal/caseless.js";
import { guard } from "../internal/guard.js";
import { isTrusted } from "../internal/trusted.js";
import { budgetGradeOf } from "./budget.js";

const byName = keyedRecordSchema(z.string().min(1)); // names are data (a product called __proto__)

/**
 * The zod schema of the options of {@link licenseContractsToCurrent} and {@link usageToLicenseUsers}.
 * Maps are matched on the text of the export, ignoring case:
 *
 * - `products` — a product name in the export → the licences engine's product id (default: the name);
 * - `schools` — a school name in the export → its school id (default: the name);
 * - `roles` — a user type in the export → `student`, `teacher` or `staff` (default: words such as
 *   Student, Learner → student; Teacher, Faculty, Instructor → teacher; anything else → staff);
 * - `source` — what produced the usage figures (`"vendor-portal"`, `"sso-launches"`…), kept on every record.
 *
 * @example
 * ```ts
 * licenseImportOptionsSchema.parse({ products: { ReadWell: "reading" } }).products; // => { "ReadWell": "reading" }
 * ```
 * @category Licences
 */
export const licenseImportOptionsSchema = z
  .object({
    products: byName.optional().describe("Product name → product id"),
    schools: byName.optional().describe("School name → school id"),
    roles: keyedRecordSchema(z.enum(["student", "teacher", "staff"]))
      .optional()
      .describe("User type → role"),
    source: z.string().min(1).optional().describe("What produced the usage figures"),
  })
  .strict();

/**
 * Options of the licence mappings (see {@link licenseImportOptionsSchema}).
 *
 * @category Licences
 */
export type LicenseImportOptions = z.input<typeof licenseImportOptionsSchema>;

/**
 * A row a mapping could not use, with its line and the reason.
 *
 * @category Licences
 */
export interface SkippedRow {
  /** The row's line in its file. */
  readonly line: number;
  /** Why it was not used. */
  readonly reason: string;
}

function lookup(map: Readonly<Record<string, string>> | undefined, key: string | undefined): string | undefined {
  if (!map || key === undefined) return undefined;
  if (Object.hasOwn(map, key) && map[key] !== undefined) return map[key];
  return caselessValue(map, key);
}

const rowsOf = <T>(rows: unknown, schema: z.ZodType<T>, path: string): readonly T[] => (isTrusted(rows) ? (rows as readonly T[]) : parseInput(z.array(schema), rows, [path]));

/**
 * Turns a licence contract list ({@link readLicenseContracts}) into the current contracts of
 * `@districtkit/licenses` (its `currentContractSchema`: renewal calendar, reclaim, the optimizer's
 * baseline). The annual cost is the file's, or seats × unit price; the term in whole years from the
 * months; a missing start date is the renewal date less the term, a missing renewal date the end
 * date. A line that still lacks what the engine needs is skipped with its reason.
 *
 * @param contracts - contract lines as the reader returns them
 * @param options - product ids by product name
 * @returns the contracts, validated by the licences engine's schema, and the skipped lines
 * @throws DistrictKitError for rows that are not contract lines, or invalid options
 * @example
 * ```ts
 * const { rows } = readLicenseContracts("Product,Seats,Unit Price,Term (months),Renewal Date,Notice Days\nReadWell,912,$12,12,7/1/2026,90");
 * const { contracts } = licenseContractsToCurrent(rows, { products: { ReadWell: "reading" } });
 * contracts[0]?.productId; // => "reading"
 * contracts[0]?.annualCost.toString(); // => "10944"
 * contracts[0]?.startDate; // => "2025-07-01"
 * ```
 * @category Licences
 */
export function licenseContractsToCurrent(
  contracts: readonly LicenseContract[],
  options: LicenseImportOptions = {},
): { readonly contracts: readonly CurrentContract[]; readonly skipped: readonly SkippedRow[] } {
  return guard("contracts", () => {
    const o = parseInput(licenseImportOptionsSchema, options, ["options"]);
    const rows = rowsOf(contracts, licenseContractSchema, "contracts");
    const out: CurrentContract[] = [];
    const skipped: SkippedRow[] = [];
    for (const c of rows) {
      const annualCost = c.annualCost ?? (c.unitPrice !== undefined && c.seats !== undefined ? Money.of(c.unitPrice).multiply(c.seats).toString() : undefined);
      const termYears = c.termMonths === undefined ? 1 : Math.max(1, Math.round(c.termMonths / 12));
      const renewalDate = c.renewalDate ?? c.endDate;
      const startDate = c.startDate ?? (renewalDate === undefined ? undefined : addMonthsIso(renewalDate, -12 * termYears));
      const missing = [annualCost === undefined ? "an annual cost (or seats and a unit price)" : "", renewalDate === undefined ? "a renewal or end date" : ""].filter((x) => x !== "");
      if (missing.length > 0) {
        skipped.push({ line: c.line, reason: `${c.product}: no ${missing.join(" and no ")}` });
        continue;
      }
      const description = [c.plan, c.vendor].filter((x) => x !== undefined).join(", ");
      const candidate = {
        id: `line-${c.line}`,
        productId: lookup(o.products, c.product) ?? c.product,
        ...(description === "" ? {} : { description }),
        annualCost,
        ...(c.seats === undefined ? {} : { seats: c.seats }),
        startDate,
        renewalDate,
        termYears,
        noticeDays: c.noticeDays ?? 0,
        ...(c.autoRenew === undefined ? {} : { autoRenew: c.autoRenew }),
      };
      const parsed = currentContractSchema.safeParse(candidate);
      if (parsed.success) out.push(parsed.data);
      else skipped.push({ line: c.line, reason: `${c.product}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` });
    }
    return { contracts: out, skipped };
  });
}

const STUDENT = /student|learner|pupil/i;
const TEACHER = /teacher|faculty|instructor|educator/i;

/**
 * Turns a usage export ({@link readUsage}) into the usage records of `@districtkit/licenses` (its
 * `usageRecordSchema`: demand from usage, reclaimable seats, utilisation): product and school ids
 * from your maps, the role from the user type, `lastActive` `null` for a user who never signed in.
 * A row with no school is skipped with its reason.
 *
 * @param usage - usage lines as the reader returns them
 * @param options - product and school ids, roles, the figures' source
 * @returns the records, validated by the licences engine's schema, and the skipped lines
 * @throws DistrictKitError for rows that are not usage lines, or invalid options
 * @example
 * ```ts
 * const { rows } = readUsage("Application,User ID,User Type,Building,Last Login\nReadWell,s1,Student,Maple Valley Elementary,6/5/2026\nReadWell,s2,Student,Maple Valley Elementary,");
 * const { users } = usageToLicenseUsers(rows, { products: { ReadWell: "reading" }, schools: { "Maple Valley Elementary": "mve" } });
 * users.map((u) => [u.productId, u.schoolId, u.role, u.lastActive]); // => [["reading", "mve", "student", "2026-06-05"], ["reading", "mve", "student", null]]
 * ```
 * @category Licences
 */
export function usageToLicenseUsers(usage: readonly UsageRecord[], options: LicenseImportOptions = {}): { readonly users: readonly LicenseUsageRecord[]; readonly skipped: readonly SkippedRow[] } {
  return guard("usage", () => {
    const o = parseInput(licenseImportOptionsSchema, options, ["options"]);
    const rows = rowsOf(usage, usageRowSchema, "usage");
    const users: LicenseUsageRecord[] = [];
    const skipped: SkippedRow[] = [];
    const source = o.source ?? "usage export";
    for (const u of rows) {
      if (u.school === undefined) {
        skipped.push({ line: u.line, reason: `${u.user}: no school` });
        continue;
      }
      const role = lookup(o.roles, u.role) ?? (u.role !== undefined && STUDENT.test(u.role) ? "student" : u.role !== undefined && TEACHER.test(u.role) ? "teacher" : "staff");
      users.push({
        userId: u.user,
        productId: lookup(o.products, u.product) ?? u.product,
        schoolId: lookup(o.schools, u.school) ?? u.school,
        role: role as LicenseUsageRecord["role"],
        lastActive: u.lastActive ?? null,
        source,
      });
    }
    return { users: parseInput(z.array(usageRecordSchema), users, ["users"]), skipped };
  });
}

/**
 * Enrolment counted from a OneRoster roster ({@link readOneRoster}) in the form the licences
 * engine's roster demand takes (`rosterDemandInputSchema`'s `enrollment` and `staff`): students by
 * school and grade (K is 0, PK −1), teachers and other staff by school.
 *
 * @param counts - `readOneRoster(files).value`
 * @param options - school ids by OneRoster sourcedId or name
 * @returns `enrollment` and `staff`, validated by the licences engine's schema, and students left out for lack of a K–12 grade
 * @throws DistrictKitError for invalid counts or options
 * @example
 * ```ts
 * const roster = readOneRoster({
 *   "orgs.csv": "sourcedId,name,type\nmvh,Maple Valley High,school",
 *   "users.csv": "sourcedId,role,orgSourcedIds,grades\nu1,student,mvh,09\nu2,teacher,mvh,\nu3,aide,mvh,",
 * });
 * const demand = licenseEnrollmentFromRoster(roster.value);
 * demand.enrollment; // => [{ "schoolId": "mvh", "grade": 9, "students": 1 }]
 * demand.staff; // => [{ "schoolId": "mvh", "role": "teacher", "count": 1 }, { "schoolId": "mvh", "role": "staff", "count": 1 }]
 * ```
 * @category Licences
 */
export function licenseEnrollmentFromRoster(
  counts: EnrollmentCounts,
  options: { readonly schools?: Readonly<Record<string, string>> } = {},
): {
  readonly enrollment: readonly { schoolId: string; grade: number; students: number }[];
  readonly staff: readonly { schoolId: string; role: "teacher" | "staff"; count: number }[];
  readonly ungradedStudents: number;
} {
  return guard("roster counts", () => {
    const value = parseInput(enrollmentCountsSchema, counts, ["counts"]);
    const o = parseInput(z.object({ schools: byName.optional() }).strict(), options, ["options"]);
    const enrollment: { schoolId: string; grade: number; students: number }[] = [];
    const staff: { schoolId: string; role: "teacher" | "staff"; count: number }[] = [];
    let ungraded = 0;
    for (const s of value.schools) {
      const schoolId = lookup(o.schools, s.sourcedId) ?? lookup(o.schools, s.name) ?? s.sourcedId;
      let graded = 0;
      const byGrade = new Map<number, number>();
      for (const [code, n] of Object.entries(s.studentsByGrade)) {
        const g = budgetGradeOf(code);
        if (g === undefined) continue;
        const grade = g === "PK" ? -1 : g === "K" ? 0 : Number(g);
        byGrade.set(grade, (byGrade.get(grade) ?? 0) + n);
        graded += n;
      }
      ungraded += s.students - graded;
      for (const [grade, students] of [...byGrade.entries()].sort((a, b) => a[0] - b[0])) enrollment.push({ schoolId, grade, students });
      const others = Object.entries(s.byRole).reduce((n, [role, c]) => (role === "student" || role === "teacher" ? n : n + c), 0);
      if (s.teachers > 0) staff.push({ schoolId, role: "teacher", count: s.teachers });
      if (others > 0) staff.push({ schoolId, role: "staff", count: others });
    }
    const checked = parseInput(rosterDemandInputSchema.pick({ enrollment: true, staff: true }), { enrollment, staff }, []);
    return { enrollment: checked.enrollment, staff: checked.staff, ungradedStudents: ungraded };
  });
}
