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

// GLPI's published expectations (glpi-project/glpi, phpunit/functional/InfocomTest.php
// dataLinearAmortise, and tests/units/Infocom.php testValidDegressiveScheduleIsUnchanged):
// value, duration, fiscal date, buy date, use date → the table's years.
describe("GLPI compatibility — the published vectors of GLPI's own tests", () => {
  it("linear: 100,000 over 5 years, fiscal year ending 31 December, in use from 4 March 2010", () => {
    const s = depreciationSchedule({ unitCost: "100000", method: "glpi-linear", lifeYears: 5, fiscalYearEnd: "12-31", purchaseDate: "2009-12-25", inServiceDate: "2010-03-04" });
    expect(s.years.map((y) => [y.label, y.depreciation.toString(), y.bookValue.toString()])).toEqual([
      ["2010", "16500", "83500"],
      ["2011", "20000", "63500"],
      ["2012", "20000", "43500"],
      ["2013", "20000", "23500"],
      ["2014", "20000", "3500"],
      ["2015", "3500", "0"],
    ]);
  });
  it("linear: 10,000 over 4 years, fiscal date 1 May, in use from 2 August 2010 (PHP counts 8 months 30 days back from the fiscal end)", () => {
    const s = depreciationSchedule({ unitCost: "10000", method: "glpi-linear", lifeYears: 4, fiscalYearEnd: "05-01", purchaseDate: "2009-07-22", inServiceDate: "2010-08-02", asOf: "2012-02-10" });
    expect(s.years.map((y) => [y.label, y.periodEnd, y.depreciation.toString(), y.bookValue.toString()])).toEqual([
      ["2010", "2011-05-01", "1875", "8125"],
      ["2011", "2012-05-01", "2500", "5625"],
      ["2012", "2013-05-01", "2500", "3125"],
      ["2013", "2014-05-01", "2500", "625"],
      ["2014", "2015-05-01", "625", "0"],
    ]);
    // GLPI shows the row of the current calendar year, whatever the day
    expect(s.valueAsOf!.value!.toString()).toBe("3125");
    expect(depreciationSchedule({ unitCost: "10000", method: "glpi-linear", lifeYears: 4, fiscalYearEnd: "05-01", purchaseDate: "2009-07-22", asOf: "2008-12-31" }).valueAsOf!.value).toBeNull();
  });
  it("declining: 1,000 over 5 years at coefficient 2, bought 1 January 2000, fiscal year ending 31 December", () => {
    const s = depreciationSchedule({ unitCost: "1000", method: "glpi-declining", lifeYears: 5, factor: 2, fiscalYearEnd: "12-31", purchaseDate: "2000-01-01" });
    expect(s.years.map((y) => [y.label, y.depreciation.toString(), y.bookValue.toString()])).toEqual([
      ["2000", "400", "600"],
      ["2001", "240", "360"],
      ["2002", "144", "216"],
      ["2003", "108", "108"],
      ["2004", "108", "0"],
    ]);
  });
  it("declining: shows the start-of-year value until the fiscal end has passed, and 0 outside its table", () => {
    const at = (asOf: string): string | undefined =>
      depreciationSchedule({ unitCost: "1000", method: "glpi-declining", lifeYears: 5, factor: 2, fiscalYearEnd: "06-30", purchaseDate: "2000-03-15", asOf }).valueAsOf!.value?.toString();
    // prorata: March to June, 4 months: 1000 − 1000 × 0.4 × 4/12 = 866.67 (to the cent)
    expect(at("2000-06-30")).toBe("1000");
    expect(at("2000-07-01")).toBe("866.67");
    expect(at("1999-12-31")).toBe("0"); // GLPI's table has no row for 1999
  });
  it("refuses a coefficient above the duration (GLPI's first charge would exceed the value) and fields GLPI does not use", () => {
    expect(() => depreciationSchedule({ unitCost: "1000", method: "glpi-declining", lifeYears: 2, factor: 3, purchaseDate: "2000-01-01" })).toThrow(DistrictKitError);
    expect(() => depreciationSchedule({ unitCost: "1000", method: "glpi-linear", lifeYears: 2, salvage: "10", purchaseDate: "2000-01-01" })).toThrow(DistrictKitError);
    expect(() => depreciationSchedule({ unitCost: "1000", method: "glpi-linear", lifeYears: 2 })).toThrow(DistrictKitError);
  });
});

// Snipe-IT (snipe/snipe-it, app/Models/Depreciable.php): its unit tests (tests/Unit/DepreciationTest.php)
// check a 4,000 asset bought ten years ago on a 36-month depreciation: floor 1,000 → 1,000; floor
// 50 % → 2,000. The other figures follow its rules by hand.
describe("Snipe-IT compatibility", () => {
  it("linear: a fully depreciated asset shows its floor, as an amount or a percent (Snipe-IT's own tests)", () => {
    const base = { unitCost: "4000", method: "snipe-it-linear", purchaseDate: "2015-03-10", lifeMonths: 36, asOf: "2025-03-10" } as const;
    expect(depreciationSchedule({ ...base, floor: { amount: "1000" } }).valueAsOf!.value!.toString()).toBe("1000");
    expect(depreciationSchedule({ ...base, floor: { percent: 50 } }).valueAsOf!.value!.toString()).toBe("2000");
    expect(depreciationSchedule(base).valueAsOf!.value!.toString()).toBe("0");
  });
  it("linear: whole months only — the day before a monthly anniversary still shows the previous month", () => {
    const on = (asOf: string): string => depreciationSchedule({ unitCost: "1200", method: "snipe-it-linear", purchaseDate: "2025-01-31", lifeMonths: 12, asOf }).valueAsOf!.value!.toString();
    expect(on("2025-01-30")).toBe("1200"); // before the purchase: the cost
    expect(on("2025-03-01")).toBe("1200"); // 31 Jan + 1 month is 3 March in PHP: 0 whole months
    expect(on("2025-03-03")).toBe("1100");
    expect(on("2026-01-31")).toBe("0");
  });
  it("half-year: 'always' takes half a year off the first year; 'if second half' only for a purchase from June", () => {
    const v = (method: "snipe-it-half-year" | "snipe-it-half-year-if-second-half", purchaseDate: string, asOf: string): string =>
      depreciationSchedule({ unitCost: "1000", method, purchaseDate, lifeMonths: 24, asOf }).valueAsOf!.value!.toString();
    expect(v("snipe-it-half-year", "2020-01-01", "2022-01-01")).toBe("250"); // 2 years − ½ = 1.5 of 2
    expect(v("snipe-it-half-year-if-second-half", "2020-01-01", "2022-01-01")).toBe("0");
    expect(v("snipe-it-half-year-if-second-half", "2020-07-01", "2022-01-01")).toBe("250");
    expect(v("snipe-it-half-year", "2020-01-01", "2020-07-01")).toBe("1000"); // −½ + ½
    expect(v("snipe-it-half-year", "2020-12-30", "2020-12-31")).toBe("750"); // 31 December opens Snipe-IT's next year
  });
  it("rows end each fiscal year at the value Snipe-IT shows that day, and the units multiply the value shown", () => {
    const s = depreciationSchedule({ unitCost: "1200", units: 3, method: "snipe-it-linear", purchaseDate: "2025-08-15", lifeMonths: 36, floor: { amount: "100" } });
    expect(s.years.map((y) => [y.fiscalYear, y.periodEnd, y.bookValue.toString()])).toEqual([
      [2026, "2026-06-30", "2683.32"],
      [2027, "2027-06-30", "1583.34"],
      [2028, "2028-06-30", "483.33"],
      [2029, "2029-06-30", "300"],
    ]);
    expect(Money.sum(s.years.map((y) => y.depreciation)).toString()).toBe("3300");
  });
});
