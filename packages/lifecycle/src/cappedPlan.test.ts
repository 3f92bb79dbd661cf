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
  it("refuses an empty window", () => {
    expect(() => planCappedRefresh({ firstFiscalYear: 2027, horizonYears: 3, minAgeYears: 4, cohorts: [{ id: "x", count: 1, purchaseFiscalYear: 2026, unitPrice: "1", deadlineFiscalYear: 2028 }] })).toThrow(DistrictKitError);
  });
});
