import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { readOneRoster } from "./oneRoster.js";

const orgs = "sourcedId,status,name,type\nd,active,District,district\ns1,active,North Elementary,school\ns2,active,South Middle,school";

describe("OneRoster CSV", () => {
  it("counts 1.2 rosters from roles.csv, and a user with roles at two schools in each, once in the district", () => {
    const r = readOneRoster({
      "orgs.csv": orgs,
      "users.csv": "sourcedId,status,enabledUser,grades\nu1,active,true,05\nu2,active,true,06\nt1,active,true,\nt2,active,false,",
      "roles.csv": "sourcedId,userSourcedId,role,roleType,orgSourcedId\nr1,u1,student,primary,s1\nr2,u2,student,primary,s2\nr3,t1,teacher,primary,s1\nr4,t1,teacher,secondary,s2\nr5,t2,teacher,primary,s2",
    });
    expect(r.value.schools.map((s) => [s.name, s.students, s.teachers])).toEqual([["North Elementary", 1, 1], ["South Middle", 1, 1]]);
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
});
