import { describe, expect, it } from "vitest";
import { checkRosterSharing } from "./sharing.js";
import { findUnvettedApps } from "./unvetted.js";

const register = {
  district: { name: "Maple Valley SD", state: "OR" },
  agreements: [
    {
      id: "wm",
      appId: "writemate",
      appName: "WriteMate AI",
      status: "signed",
      signedOn: "2026-06-15",
      expiresOn: "2027-06-30",
      dataElements: ["Student Name", "Student Identifiers", "Enrollment", "Student Work"],
      decision: "approvedWithConditions",
      conditions: { grades: ["6", "7", "8"], under13: "notAllowed", optOuts: ["s4"] },
    },
    { id: "cs", appId: "clipstudio", appName: "ClipStudio", status: "approvedNoStudentData", decision: "approved" },
    { id: "pp", appId: "pollpro", appName: "PollPro", status: "signed", signedOn: "2025-07-01", dataElements: ["Student Name"], decision: "approved", conditions: { teacherOnly: true } },
  ],
};

describe("checkRosterSharing", () => {
  it("lists every excess column with its category and row count, and says why", () => {
    const r = checkRosterSharing(
      register,
      {
        appId: "writemate",
        fields: [
          { file: "users.csv", column: "givenName", count: 231 },
          { file: "users.csv", column: "email", count: 231 },
          { file: "users.csv", column: "status", count: 231 },
          { file: "demographics.csv", column: "birthDate", count: 231 },
          { file: "users.csv", column: "email", subject: "parent", count: 180 },
          { file: "users.csv", column: "email", subject: "staff", count: 15 },
          { file: "orgs.csv", column: "name", subject: "other", count: 3 },
        ],
        students: [],
      },
      { asOf: "2026-07-01" },
    );
    expect(r.excessFields.map((f) => [f.file, f.column, f.subject, f.category, f.count])).toEqual([
      ["users.csv", "email", "student", "Student Contact Information", 231],
      ["demographics.csv", "birthDate", "student", "Demographics", 231],
      ["users.csv", "email", "parent", "Parent/Guardian Contact Information", 180],
    ]);
    expect(r.excessFields[0]!.reason).toBe("Student Contact Information is not among the data elements the agreement allows");
    expect(r.findings[0]).toBe("3 columns go beyond the agreement: Student Contact Information, Demographics and Parent/Guardian Contact Information.");
  });

  it("finds students under 13 by birth date (the day of the 13th birthday counts as 13), and by grade without one", () => {
    const r = checkRosterSharing(
      register,
      {
        appId: "writemate",
        fields: [],
        students: [
          { id: "s1", grade: "07", birthDate: "2013-07-01" },
          { id: "s2", grade: "07", birthDate: "2013-07-02" },
          { id: "s3", grade: "06" },
          { id: "s5", grade: "07" },
          { id: "s6", grade: "08" },
        ],
      },
      { asOf: "2026-07-01" },
    );
    expect(r.under13Violations.map((u) => [u.studentId, u.age, u.certain])).toEqual([
      ["s2", 12, true],
      ["s3", null, false],
      ["s5", null, false],
    ]);
    expect(r.under13Violations[2]!.reason).toBe("grade 07: possibly under 13 (ages 12–13); the approval excludes students under 13");
  });

  it("lists opted-out students and students outside the grades, with their roster lines", () => {
    const r = checkRosterSharing(
      register,
      {
        appId: "writemate",
        fields: [],
        students: [
          { id: "s4", grade: "08", line: 12 },
          { id: "s7", grade: "05", line: 13, birthDate: "2013-01-01" },
          { id: "s8", line: 14, birthDate: "2012-01-01" },
        ],
      },
      { asOf: "2026-07-01" },
    );
    expect(r.optOutViolations).toEqual([{ studentId: "s4", grade: "08", line: 12, reason: "the family opted out" }]);
    expect(r.gradeViolations.map((g) => [g.studentId, g.line, g.reason])).toEqual([
      ["s7", 13, "grade 05 is outside grades 6–8"],
      ["s8", 14, "no grade in the roster; the approval covers only grades 6–8"],
    ]);
  });

  it("treats every student column as excess for an app approved as receiving no student data or for teachers only", () => {
    const none = checkRosterSharing(register, { appId: "clipstudio", fields: [{ file: "users.csv", column: "givenName", count: 5 }] }, { asOf: "2026-07-01" });
    expect(none.excessFields[0]!.reason).toBe("Student Name is shared but the app is approved as receiving no student data");
    const teachers = checkRosterSharing(register, { appId: "pollpro", fields: [{ file: "users.csv", column: "givenName", count: 5 }] }, { asOf: "2026-07-01" });
    expect(teachers.excessFields[0]!.reason).toBe("Student Name is shared but the approval is for teacher accounts only");
  });

  it("accepts a sharing configuration that names categories directly, and says when all is well", () => {
    const r = checkRosterSharing(
      register,
      { appId: "writemate", fields: [{ file: "Clever sharing", column: "Name", category: "Student Name" }], students: [{ id: "s9", grade: "8", birthDate: "2012-05-01" }] },
      { asOf: "2026-07-01" },
    );
    expect(r.ok).toBe(true);
    expect(r.summary).toBe("WriteMate AI receives only what its agreement allows and its approval covers: 1 column, 1 student checked on 2026-07-01.");
  });

  it("refuses an app that is not in the register", () => {
    expect(() => checkRosterSharing(register, { appId: "ghost", fields: [] }, { asOf: "2026-07-01" })).toThrow(/expected the id of an app in the register/);
  });
});

describe("findUnvettedApps", () => {
  const usage = [
    ...Array.from({ length: 40 }, (_, i) => ({ product: "PhotoFix AI", user: `s${i}`, role: "student", lastActive: "2026-05-01" })),
    ...Array.from({ length: 10 }, (_, i) => ({ product: "StudyBuddy Chat", user: `s${i}`, role: "student", lastActive: "2026-05-20" })),
    { product: "StudyBuddy Chat", user: "t1", role: "teacher", lastActive: "2025-09-01" },
    { product: "ClipStudio", user: "t1", role: "teacher", lastActive: "2026-05-01" },
    { product: "Write Mate AI", user: "s1", role: "student", lastActive: "2026-05-01" },
  ];
  it("uses what is known of an app's data to weigh it, and the highest sensitivity when nothing is", () => {
    const r = findUnvettedApps(register, usage, { asOf: "2026-07-01", knownDataElements: [{ product: "PhotoFix AI", dataElements: ["Student Work", "Application Use Statistics"] }] });
    expect(r.apps.map((a) => [a.rank, a.product, a.users, a.sensitivity, a.score])).toEqual([
      [1, "PhotoFix AI", 40, 3, 120],
      [2, "StudyBuddy Chat", 11, 5, 51.25],
    ]);
    expect(r.apps[0]!.sensitivityBasis).toBe("known to hold Student Work and Application Use Statistics; the most sensitive, Student Work, weighs 3");
    expect(r.apps[1]!.explanation).toBe(
      "StudyBuddy Chat: in use but never vetted. 10 students × 1 + 1 other user × 0.25 = 10.25 weighted users; × sensitivity 5 (nothing is known of its data: the highest sensitivity (5) is assumed) = score 51.25.",
    );
    expect(r.cleared.map((c) => c.appId)).toEqual(["clipstudio", "writemate"]);
  });

  it("counts only users active since a date when asked", () => {
    const r = findUnvettedApps(register, usage, { asOf: "2026-07-01", activeSince: "2026-01-01" });
    expect(r.apps.find((a) => a.product === "StudyBuddy Chat")!.users).toBe(10);
    expect(r.linesOutsidePeriod).toBe(1);
  });

  it("matches aliases to register apps", () => {
    const r = findUnvettedApps(register, [{ product: "Poll Pro Classroom", user: "t9", role: "teacher" }], { asOf: "2026-07-01", aliases: [{ product: "Poll Pro Classroom", appId: "pollpro" }] });
    expect(r.cleared).toEqual([{ product: "Poll Pro Classroom", appId: "pollpro", users: 1 }]);
    expect(() => findUnvettedApps(register, [], { asOf: "2026-07-01", aliases: [{ product: "X", appId: "nope" }] })).toThrow(/alias/);
  });
});
