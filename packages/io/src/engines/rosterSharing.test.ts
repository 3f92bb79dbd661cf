import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { checkRosterSharing } from "@districtkit/vetting";
import { describe, expect, it } from "vitest";
import { readPrivacyRegister } from "../formats/privacyRegister.js";
import { sharedRosterFromOneRoster } from "./rosterSharing.js";

const data = join(import.meta.dirname, "../../../../examples/data");
const register = { district: { name: "Maple Valley School District", state: "OR" }, agreements: readPrivacyRegister(readFileSync(join(data, "privacy/register.csv"))).rows };
const files = Object.fromEntries(["users", "roles", "enrollments", "orgs"].map((n) => [`${n}.csv`, readFileSync(join(data, `oneroster/${n}.csv`))]));

describe("the sample roster sent whole to WriteMate AI (approved for grades 6–12, under 13 with consent)", () => {
  const imported = sharedRosterFromOneRoster("writemate-ai", files);
  const result = checkRosterSharing(register, imported.shared, { asOf: "2026-07-01" });

  it("reads the student files, notes the org file, counts every row", () => {
    expect(imported.errors).toEqual([]);
    expect(imported.warnings).toEqual(["orgs.csv: not student data (orgs, classes, courses and sessions are not checked)"]);
    expect(imported.stats.files["users.csv"]).toEqual({ total: 1018, parsed: 1018, failed: 0, blankLines: 0 });
    expect(imported.stats.total).toBe(1018 + 1018 + 2584);
    // 915 students; the rest of users.csv are teachers and district staff
    expect(imported.shared.students ?? []).toHaveLength(915);
    expect(imported.shared.students?.[0]).toEqual({ id: "stu-00001", line: 2, grade: "KG" });
  });

  it("lists the columns beyond the agreement: student e-mail and class schedules", () => {
    expect(result.excessFields.map((f) => `${f.file} ${f.column}: ${f.category} (${f.count})`)).toEqual([
      "users.csv email: Student Contact Information (915)",
      "enrollments.csv classSourcedId: Schedule (2472)",
      "enrollments.csv beginDate: Schedule (2472)",
      "enrollments.csv endDate: Schedule (2472)",
    ]);
    expect(result.unmappedFields).toEqual([]);
  });

  it("lists every student outside grades 6–12, and the one whose family opted out", () => {
    const elementary = (imported.shared.students ?? []).filter((s) => ["KG", "01", "02", "03", "04", "05"].includes(s.grade ?? ""));
    expect(result.gradeViolations.map((s) => s.studentId)).toEqual(elementary.map((s) => s.id));
    expect(result.optOutViolations.map((s) => s.studentId)).toEqual(["stu-00700"]);
    expect(result.ok).toBe(false);
    expect(result.findings[1]).toBe(`${elementary.length} students outside grades 6–12 are shared.`);
  });
});

describe("roles and birth dates", () => {
  it("takes the role from users.csv when roles.csv is absent, and counts a user without a role as a student, with a warning", () => {
    const r = sharedRosterFromOneRoster("x", { "users.csv": "sourcedId,role,givenName,grades\nt1,teacher,Ann,\ns1,student,Bo,03\nq1,,Cy,04" });
    expect((r.shared.students ?? []).map((s) => s.id)).toEqual(["s1", "q1"]);
    expect(r.shared.fields.filter((f) => f.subject === "staff").map((f) => f.column)).toEqual(["sourcedId", "role", "givenName"]);
    expect(r.warnings).toEqual(["users.csv: 1 user with no role in roles.csv, users.csv or enrollments.csv (line 4) counted as students"]);
  });

  it("says which birth dates and grades it could not read", () => {
    const r = sharedRosterFromOneRoster("x", {
      "users.csv": "sourcedId,role,grades\ns1,student,third\ns2,student,05",
      "demographics.csv": "sourcedId,birthDate\ns1,03/02/2015\ns2,2015-03-02",
    });
    expect(r.shared.students ?? []).toEqual([
      { id: "s1", line: 2 },
      { id: "s2", line: 3, grade: "05", birthDate: "2015-03-02" },
    ]);
    expect(r.warnings).toEqual([
      "demographics.csv: 1 birth date is not YYYY-MM-DD (line 2): those students are checked by grade",
      "users.csv: 1 grade is not a OneRoster grade (line 2): those students are sent without a grade",
    ]);
  });

  it("fails as a DistrictKitError without users.csv, or without files", () => {
    expect(() => sharedRosterFromOneRoster("x", { "roles.csv": "userSourcedId,role\na,student" })).toThrow(DistrictKitError);
    expect(() => sharedRosterFromOneRoster("x", null as never)).toThrow(DistrictKitError);
    expect(() => sharedRosterFromOneRoster("", { "users.csv": "sourcedId\na" })).toThrow(DistrictKitError);
  });
});
