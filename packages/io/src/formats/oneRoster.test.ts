import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { readOneRoster } from "./oneRoster.js";

const orgs = "sourcedId,status,name,type\nd,active,District,district\ns1,active,North Elementary,school\ns2,active,South Middle,school";

describe("OneRoster CSV", () => {
  it("counts 1.2 rosters from roles.csv, and a user with roles at two schools in each, once in the district", () => {
    const r = readOneRoster({
      "orgs.csv": orgs,
      "users.csv": "sourcedId,status,enabledUser,grades\nu1,active,true,05\nu2,active,true,06\nt1,active,true,\nt2,active,false,",
      "roles.csv":
        "sourcedId,userSourcedId,role,roleType,orgSourcedId\nr1,u1,student,primary,s1\nr2,u2,student,primary,s2\nr3,t1,teacher,primary,s1\nr4,t1,teacher,secondary,s2\nr5,t2,teacher,primary,s2",
    });
    expect(r.value.schools.map((s) => [s.name, s.students, s.teachers])).toEqual([
      ["North Elementary", 1, 1],
      ["South Middle", 1, 1],
    ]);
    expect(r.value.totals).toMatchObject({ students: 2, teachers: 1 });
    expect(r.value.excluded.inactiveUsers).toBe(1);
  });

  it("falls back to enrollments and class grades (1.1 rosters without grades on users)", () => {
    const r = readOneRoster({
      "orgs.csv": orgs,
      "users.csv": "sourcedId,status\nu1,active\nu2,active",
      "classes.csv": "sourcedId,grades,schoolSourcedId\nc1,03,s1",
      "enrollments.csv": "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role\ne1,c1,s1,u1,student\ne2,c1,s1,u2,teacher\ne3,c1,s1,ghost,student",
    });
    expect(r.value.counts).toEqual([
      { schoolSourcedId: "s1", schoolName: "North Elementary", grade: "03", role: "student", count: 1 },
      { schoolSourcedId: "s1", schoolName: "North Elementary", grade: null, role: "teacher", count: 1 },
    ]);
    expect(r.warnings).toContain("1 user id in enrollments/roles is not in users.csv and was not counted");
  });

  it("puts bad rows of any file in one error list, naming the file", () => {
    const r = readOneRoster({ "orgs.csv": orgs, "users.csv": "sourcedId,status,enabledUser\n,active,true\nu2,active,perhaps" });
    expect(r.errors.map((e) => e.message)).toEqual([
      "users.csv line 2, sourcedId: is empty (a value is required)",
      'users.csv line 3, enabledUser: "perhaps" is not yes/no (expected true, false, yes, no, 1 or 0)',
    ]);
    expect(r.stats.files["users.csv"]).toEqual({ total: 2, parsed: 0, failed: 2, blankLines: 0 });
  });

  it("says which required file is missing", () => {
    try {
      readOneRoster({ "orgs.csv": orgs, "classes.csv": "sourcedId\nc1" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      expect((error as DistrictKitError).issues[0]?.message).toBe('users.csv is missing (got "orgs.csv", "classes.csv")');
    }
  });

  it("says why each user is left out of every school count: inactive, no org, org not a school, org not in orgs.csv", () => {
    const r = readOneRoster({
      "orgs.csv": `${orgs}\nold,tobedeleted,Closed School,school`,
      "users.csv": [
        "sourcedId,status,enabledUser,role,orgSourcedIds",
        "u1,active,true,student,s1", // counted
        "u2,tobedeleted,true,student,s1", // inactive
        "u3,active,false,teacher,s2", // inactive (not enabled)
        "u4,active,true,student,", // no org at all
        "u5,active,true,administrator,d", // the district office only
        "u6,active,true,student,x9;old", // an org not in orgs.csv and one marked tobedeleted
        "u7,active,true,teacher,d;x9", // a district and an unknown org
        "u8,active,true,student,s2;d", // counted at s2 (the district org does not exclude them)
      ].join("\n"),
    });
    const ex = r.value.excluded;
    expect(ex.users.map((u) => [u.sourcedId, u.line, u.reason])).toEqual([
      ["u2", 3, "inactive"],
      ["u3", 4, "inactive"],
      ["u4", 5, "no-org"],
      ["u5", 6, "org-not-a-school"],
      ["u6", 7, "org-not-in-orgs"],
      ["u7", 8, "org-not-a-school"],
    ]);
    expect([ex.inactiveUsers, ex.usersWithoutSchool]).toEqual([2, 4]);
    expect(ex.users.map((u) => u.explanation)).toEqual([
      'user u2 (users.csv line 3) is not counted: its status is "tobedeleted"',
      "user u3 (users.csv line 4) is not counted: enabledUser is false",
      "user u4 (users.csv line 5) is in no school's count: no role, org id or enrolment names an org",
      'user u5 (users.csv line 6) is in no school\'s count: org d is of type "district", not a school',
      "user u6 (users.csv line 7) is in no school's count: org x9 is not in orgs.csv; org old is marked tobedeleted in orgs.csv",
      'user u7 (users.csv line 8) is in no school\'s count: org d is of type "district", not a school; org x9 is not in orgs.csv',
    ]);
    expect(ex.users[4]!.orgs).toEqual([
      { sourcedId: "x9", why: "not in orgs.csv" },
      { sourcedId: "old", why: "marked tobedeleted in orgs.csv" },
    ]);
    // every user is counted at a school or listed with a reason
    const counted = r.value.totals.byRole;
    expect(Object.values(counted).reduce((a, b) => a + b, 0) + ex.users.length).toBe(r.stats.files["users.csv"]!.parsed);
  });
});
