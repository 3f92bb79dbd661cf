import { describe, expect, it } from "vitest";
import { cohortLabel, cohortParts, nameMap, schoolName, withNames, withoutIdPrefix } from "./names.js";

const products = nameMap([{ id: "lms", name: "CourseCanopy LMS" }, { id: "reading", name: "ReadWell" }, { id: "math", name: "MathMeadow" }, { id: "nameless" }]);

describe("names instead of ids", () => {
  it("maps ids to names, skipping records without one", () => {
    expect(products.get("lms")).toBe("CourseCanopy LMS");
    expect(products.has("nameless")).toBe(false);
    expect(nameMap(undefined, [null, 3, { id: "x", name: " " }]).size).toBe(0);
  });

  it("replaces whole ids in an engine sentence, never part of a longer id or quoted text", () => {
    expect(withNames('800 seats of lms under "lms tiers" for FY2027 (781 needed)', products)).toBe('800 seats of CourseCanopy LMS under "lms tiers" for FY2027 (781 needed)');
    expect(withNames("Give notice by 2026-04-02 (18 days) or reading renews automatically on 2026-07-01.", products)).toBe(
      "Give notice by 2026-04-02 (18 days) or ReadWell renews automatically on 2026-07-01.",
    );
    expect(withNames("contract c-reading and reading2 and mathematics", products)).toBe("contract c-reading and reading2 and mathematics");
    expect(withNames("bundle covering lms, math district-wide", products)).toBe("bundle covering CourseCanopy LMS, MathMeadow district-wide");
  });

  it("drops the '<id>: ' prefix the renewal and reclaim sentences start with", () => {
    expect(withoutIdPrefix("reading: renews 2026-07-01 automatically.", "reading")).toBe("renews 2026-07-01 automatically.");
    expect(withoutIdPrefix("math: x", "reading")).toBe("math: x");
  });

  it("names a device cohort by model, school, role and purchase year", () => {
    const models = nameMap([{ id: "ipad-9", name: "iPad 9th gen" }]);
    const schools = nameMap([{ id: "mves", name: "Maple Valley Elementary" }]);
    expect(cohortLabel("ipad-9|mves|student|FY2022", models, schools)).toBe("iPad 9th gen — Maple Valley Elementary, students, bought FY2022");
    expect(cohortLabel("ups-3kva|district-office|infrastructure|FY2022", models, schools)).toBe("ups-3kva — District office, infrastructure, bought FY2022");
    expect(cohortParts("not a key")).toBeNull();
    expect(cohortLabel("not a key", models, schools)).toBe("not a key");
    expect(schoolName(schools, null)).toBe("District-wide");
  });
});
