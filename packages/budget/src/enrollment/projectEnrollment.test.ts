import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { projectEnrollment } from "./projectEnrollment.js";

// E-1 / E-3 data: DOMAIN-budget.md §9 (enrollcast vignette)
const history = [
  { fiscalYear: 2021, grades: { K: 100, "1": 90, "2": 80 } },
  { fiscalYear: 2022, grades: { K: 110, "1": 95, "2": 88 } },
  { fiscalYear: 2023, grades: { K: 120, "1": 99, "2": 91 } },
];

describe("projectEnrollment", () => {
  it("averages the mean of ratios (E-1)", () => {
    const r = projectEnrollment({ history, years: 1 });
    expect(r.progressions[0]!.ratio).toBeCloseTo(0.925, 12);
    expect(r.progressions[1]!.ratio).toBeCloseTo(331 / 342, 12);
    expect(r.progressions[1]!.ratio).toBeCloseTo(0.9678363, 7);
  });

  it("pools ratios differently from the mean (E-3)", () => {
    const r = projectEnrollment({ history, years: 1, averaging: { type: "pooled" } });
    expect(r.progressions[0]!.ratio).toBeCloseTo(194 / 210, 12);
    expect(r.progressions[0]!.ratio).toBeCloseTo(0.9238095, 7);
    expect(r.progressions[1]!.ratio).toBeCloseTo(179 / 185, 12);
    expect(r.progressions[1]!.ratio).not.toBeCloseTo(0.9678363, 6);
  });

  it("weights recent years and smooths exponentially", () => {
    const w = projectEnrollment({ history, years: 1, averaging: { type: "weighted", weights: [1, 3] } });
    expect(w.progressions[0]!.ratio).toBeCloseTo((0.95 + 3 * (99 / 110)) / 4, 12);
    const e = projectEnrollment({ history, years: 1, averaging: { type: "exponential", alpha: 0.5 } });
    expect(e.progressions[0]!.ratio).toBeCloseTo(0.5 * (99 / 110) + 0.5 * 0.95, 12);
  });

  it("moves each cohort up a grade by its ratio and holds K constant by default", () => {
    const r = projectEnrollment({ history, years: 2 });
    expect(r.years[0]!.grades.K).toBe(120);
    expect(r.years[0]!.grades["1"]).toBeCloseTo(120 * 0.925, 10);
    expect(r.years[0]!.grades["2"]).toBeCloseTo(99 * (331 / 342), 10);
    expect(r.years[1]!.fiscalYear).toBe(2025);
  });

  it("projects kindergarten from births five years earlier", () => {
    const births = [2016, 2017, 2018, 2019, 2020].map((year, i) => ({ year, count: 200 + 10 * i }));
    const r = projectEnrollment({ history, years: 2, entry: { type: "births", births, lag: 5 } });
    const ratio = (100 / 200 + 110 / 210 + 120 / 220) / 3;
    expect(r.entry.ratio).toBeCloseTo(ratio, 12);
    expect(r.years[0]!.grades.K).toBeCloseTo(230 * ratio, 10);
  });

  it("follows a trend, and a given series", () => {
    expect(projectEnrollment({ history, years: 1, entry: { type: "trend" } }).years[0]!.grades.K).toBeCloseTo(130, 10);
    expect(projectEnrollment({ history, years: 1, entry: { type: "given", values: { "2024": 77 } } }).years[0]!.grades.K).toBe(77);
  });

  it("rounds half-up only on request", () => {
    const r = projectEnrollment({ history, years: 1, rounding: "half-up" });
    expect(r.years[0]!.grades["1"]).toBe(111);
    expect(r.years[0]!.grades["2"]).toBe(96);
  });

  it("refuses non-consecutive or too short histories", () => {
    expect(() => projectEnrollment({ history: [history[0]!, history[2]!], years: 1 })).toThrow(DistrictKitError);
    expect(() => projectEnrollment({ history: [history[0]!], years: 1 })).toThrow(DistrictKitError);
  });
});

describe("projectDistrictEnrollment", () => {
  it("projects the sample district across schools: grade 5 moves to the middle school", async () => {
    const { readFileSync } = await import("node:fs");
    const { projectDistrictEnrollment } = await import("./projectDistrictEnrollment.js");
    const district = JSON.parse(readFileSync(new URL("../../../../examples/data/sample-district/district.json", import.meta.url), "utf8"));
    const r = projectDistrictEnrollment({ district, firstYear: 2028, years: 3, options: { entry: { type: "births", lag: 6 } } });
    expect(r.schools.map((s) => s.method)).toEqual(["cohort", "cohort", "cohort"]);
    const grade6 = r.schools[1]!.grades["2028"]!["6"]!;
    const grade5 = 68; // FY2027 grade 5 at the elementary school
    expect(grade6 / grade5).toBeCloseTo(r.district!.progressions.find((p) => p.from === "5")!.ratio, 10);
    const sum = r.schools.reduce((a, s) => a + s.byYear["2028"]!, 0);
    expect(sum).toBeCloseTo(r.byYear["2028"]!, 9);
    expect(r.byYear["2028"]!).toBeLessThan(912);
  });
});
