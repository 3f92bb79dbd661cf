import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { decliningBalance, depreciationSchedule, straightLine } from "./depreciation.js";

// DEP-1…4 (DOMAIN-lifecycle.md §14): Microsoft DDB documentation (the 2400/300 examples) and the
// DAX SLN documentation.
describe("Excel depreciation — published vectors DEP-1…4", () => {
  it("DEP-1: DDB(2400, 300, 3650, 1) = 1.32 (first day; 1.3150684…)", () => {
    const v = decliningBalance("2400", "300", 3650, 1);
    expect(v.toFixed(2)).toBe("1.32");
    expect(v.toNumber()).toBeCloseTo(1.3150684, 6);
  });
  it("DEP-2: DDB(2400, 300, 120, 1, 2) = 40.00 (first month)", () => {
    expect(decliningBalance("2400", "300", 120, 1, 2).toFixed(2)).toBe("40.00");
  });
  it("DEP-3: DDB(2400, 300, 10, 1, 2) = 480.00 (first year)", () => {
    expect(decliningBalance("2400", "300", 10, 1, 2).toString()).toBe("480");
  });
  it("DEP-4: SLN(30000, 7500, 10) = 2250", () => {
    expect(straightLine("30000", "7500", 10).toString()).toBe("2250");
  });
  it("DDB of the Microsoft example continues 384, 307.20 and ends at 22.12 in year 10 (floored at salvage)", () => {
    expect(decliningBalance("2400", "300", 10, 2).toString()).toBe("384");
    expect(decliningBalance("2400", "300", 10, 3).toString()).toBe("307.2");
    expect(decliningBalance("2400", "300", 10, 10).toFixed(2)).toBe("22.12");
  });
  it("refuses a period beyond the life and a non-positive life", () => {
    expect(() => decliningBalance("2400", "300", 10, 11)).toThrow(DistrictKitError);
    expect(() => straightLine("1", "0", 0)).toThrow(DistrictKitError);
  });
});

describe("depreciationSchedule", () => {
  it("expenses items below the threshold and group-capitalizes a large purchase", () => {
    expect(depreciationSchedule({ unitCost: "1500", units: 100, lifeYears: 5, startFiscalYear: 2027 }).capitalized).toBe(false);
    const g = depreciationSchedule({ unitCost: "1500", units: 100, lifeYears: 5, startFiscalYear: 2027, groupCapitalization: true });
    expect(g.capitalized).toBe(true);
    expect(g.reason).toMatch(/group/);
  });
  it("books to the cent and ends at salvage (declining balance takes the remainder in the last year)", () => {
    const s = depreciationSchedule({ unitCost: "12000", salvage: "1000", lifeYears: 3, startFiscalYear: 2027, method: "declining-balance" });
    expect(s.years.map((y) => y.depreciation.toString())).toEqual(["8000", "2666.67", "333.33"]);
    expect(s.years[2]!.bookValue.toString()).toBe("1000");
    const sl = depreciationSchedule({ unitCost: "10000", lifeYears: 3, startFiscalYear: 2027 });
    expect(Money.sum(sl.years.map((y) => y.depreciation)).toString()).toBe("10000");
    expect(sl.years.map((y) => y.depreciation.toString())).toEqual(["3333.33", "3333.33", "3333.34"]);
  });
});
