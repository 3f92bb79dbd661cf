import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { planCappedRefresh } from "./cappedPlan.js";

describe("planCappedRefresh", () => {
  const packing = {
    firstFiscalYear: 2027,
    horizonYears: 2,
    minAgeYears: 1,
    maxAgeYears: 6,
    cohorts: [
      { id: "A", count: 1, purchaseFiscalYear: 2022, unitPrice: "400" },
      { id: "B", count: 1, purchaseFiscalYear: 2022, unitPrice: "300" },
      { id: "C", count: 1, purchaseFiscalYear: 2022, unitPrice: "300" },
    ],
    cap: { "2027": "600", "2028": "400" },
  };
  it("solves small cap problems exactly where earliest-deadline-first overspends", () => {
    const edf = planCappedRefresh({ ...packing, method: "earliest-deadline-first" });
    expect(edf.shortfalls.map((s) => [s.fiscalYear, s.over.toString()])).toEqual([[2028, "200"]]);
    const exact = planCappedRefresh(packing);
    expect(exact.method).toBe("exact");
    expect(exact.shortfalls).toEqual([]);
    expect(exact.years.map((y) => y.cost.toString())).toEqual(["600", "400"]);
  });
  it("reports a year whose hard deadlines alone exceed the cap, with the cohorts responsible", () => {
    const r = planCappedRefresh({
      firstFiscalYear: 2027,
      horizonYears: 3,
      cohorts: [{ id: "cliff", count: 110, purchaseFiscalYear: 2022, unitPrice: "309", deadlineFiscalYear: 2027 }],
      cap: { "2027": "20000" },
    });
    expect(r.shortfalls[0]!.cohorts).toEqual(["cliff"]);
    expect(r.shortfalls[0]!.over.toString()).toBe("13990");
    expect(r.years[0]!.allocations[0]!.forced).toBe(true);
  });
  // Issue 17: the flattened plan reported ⌈Σ n / horizon⌉ but spread a cohort due after the
  // horizon beyond it, placing fewer units than the level it stated.
  it("flatten: places every eligible unit within the horizon, at the level it states", () => {
    const r = planCappedRefresh({ firstFiscalYear: 2027, horizonYears: 4, minAgeYears: 0, maxAgeYears: 10, cohorts: [{ id: "new", count: 400, purchaseFiscalYear: 2025, unitPrice: "300" }] });
    expect(r.years.map((y) => y.units)).toEqual([100, 100, 100, 100]);
    expect(r.level).toBe(100);
    expect(r.unscheduled).toEqual([]);
    expect(r.explanation).toContain("at most 100 units a year");
  });
  it("flatten: names the deadlines that set a level above ⌈Σ n / horizon⌉, and fills evenly or to the level", () => {
    const input = {
      firstFiscalYear: 2027,
      horizonYears: 6,
      minAgeYears: 3,
      maxAgeYears: 6,
      cohorts: [
        { id: "past AUE", count: 150, purchaseFiscalYear: 2021, unitPrice: "309", deadlineFiscalYear: 2027 },
        { id: "FY2024", count: 300, purchaseFiscalYear: 2024, unitPrice: "309", deadlineFiscalYear: 2030 },
        { id: "FY2026", count: 60, purchaseFiscalYear: 2026, unitPrice: "309" },
        { id: "FY2030", count: 10, purchaseFiscalYear: 2030, unitPrice: "309" },
      ],
    };
    const even = planCappedRefresh(input);
    expect(even.years.map((y) => y.units)).toEqual([150, 100, 100, 100, 30, 30]);
    expect(even.levelSetBy).toEqual({ fromFiscalYear: 2027, toFiscalYear: 2027, units: 150 });
    expect(even.explanation).toContain("(150 units must be replaced in FY2027: ⌈150 / 1⌉ = 150); 1 year at 150 units");
    expect(even.unscheduled).toEqual([{ cohort: "FY2030", units: 10, reason: "not eligible before FY2033 (minimum age), after the horizon" }]);
    const toLevel = planCappedRefresh({ ...input, fill: "to-level" });
    expect(toLevel.years.map((y) => y.units)).toEqual([150, 150, 150, 60, 0, 0]);
    expect(toLevel.level).toBe(150);
  });
  it("refuses an empty window", () => {
    expect(() =>
      planCappedRefresh({ firstFiscalYear: 2027, horizonYears: 3, minAgeYears: 4, cohorts: [{ id: "x", count: 1, purchaseFiscalYear: 2026, unitPrice: "1", deadlineFiscalYear: 2028 }] }),
    ).toThrow(DistrictKitError);
  });
});
