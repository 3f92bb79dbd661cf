import { readFileSync } from "node:fs";
import { join } from "node:path";
import { districtSchema } from "@districtkit/budget";
import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { readOneRoster } from "../formats/oneRoster.js";
import { budgetGradeOf, budgetSchoolsFromRoster } from "./budget.js";

const data = join(import.meta.dirname, "../../../../examples/data/oneroster");
const roster = readOneRoster(Object.fromEntries(["orgs", "users", "roles", "enrollments", "classes"].map((n) => [`${n}.csv`, readFileSync(join(data, `${n}.csv`))])));

describe("OneRoster → budget schools (the sample district)", () => {
  // NSLP counts and locale from SAMPLE-DISTRICT.md: a roster does not carry them
  const result = budgetSchoolsFromRoster(roster.value, {
    fiscalYear: 2026,
    locale: "rural",
    nslpEligible: { "Maple Valley Elementary": 188, "Maple Valley Middle": 97, "Maple Valley High": 104 },
    ids: { "org-mve": "MVE", "org-mvm": "MVM", "org-mvh": "MVH" },
  });

  it("gives each school its students, teachers, other staff, grade span and this year's enrolment by grade", () => {
    expect(result.schools.map((s) => [s.id, s.students, s.teachers, s.staff, s.nslpEligible, s.grades])).toEqual([
      ["MVE", 392, 28, 12, 188, { low: "K", high: "5" }],
      ["MVM", 231, 15, 9, 97, { low: "6", high: "8" }],
      ["MVH", 289, 19, 11, 104, { low: "9", high: "12" }],
    ]);
    expect(result.schools[2]?.enrollmentHistory).toEqual([{ fiscalYear: 2026, grades: { "9": 75, "10": 73, "11": 71, "12": 70 } }]);
    expect(result.ungradedStudents).toEqual({});
  });

  it("builds a district budget's own schema accepts", () => {
    const district = districtSchema.parse({ name: "Maple Valley School District", asOf: "2026-07-01", schools: result.schools, centralStaff: 9 });
    expect(district.schools.reduce((n, s) => n + s.students, 0)).toBe(912);
  });
});

describe("budgetSchoolsFromRoster", () => {
  it("maps OneRoster grade codes to budget grades", () => {
    expect(["PK", "TK", "KG", "01", "9", "12", "13", "UG", "Other", "IT"].map((g) => budgetGradeOf(g) ?? null)).toEqual(["PK", "PK", "K", "1", "9", "12", null, null, null, null]);
  });

  it("counts ungraded students apart, and says so", () => {
    const r = readOneRoster({ "orgs.csv": "sourcedId,name,type\ns,S,school", "users.csv": "sourcedId,role,orgSourcedIds,grades\na,student,s,UG\nb,student,s,03\nc,student,s," });
    const out = budgetSchoolsFromRoster(r.value, { fiscalYear: 2026, locale: { S: "urban" } });
    expect(out.ungradedStudents).toEqual({ s: 2 });
    expect(out.explanation).toMatch(/2 students have no PK–12 grade/);
  });

  it("refuses what the budget schema refuses (more NSLP-eligible students than students), with the path", () => {
    const r = readOneRoster({ "orgs.csv": "sourcedId,name,type\ns,S,school", "users.csv": "sourcedId,role,orgSourcedIds,grades\na,student,s,03" });
    try {
      budgetSchoolsFromRoster(r.value, { fiscalYear: 2026, locale: "rural", nslpEligible: { s: 5 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      expect((error as DistrictKitError).issues[0]?.pathText).toBe("schools[0].nslpEligible");
    }
  });
});
