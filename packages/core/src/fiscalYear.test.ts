import { describe, expect, it } from "vitest";
import { DistrictKitError } from "./errors.js";
import {
  convertFiscalYear,
  DISTRICT_CALENDAR,
  districtFiscalYearOfFundingYear,
  ERATE_CALENDAR,
  eRateFundingYearOf,
  FEDERAL_CALENDAR,
  fiscalCalendar,
  fiscalYearHorizon,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearsOverlapping,
  parseFiscalYearLabel,
} from "./fiscalYear.js";

describe("fiscal years (DOMAIN-budget.md §1)", () => {
  it("puts 2026-09-15 in district FY2027, E-Rate FY2026 and federal FY2026", () => {
    expect(fiscalYearOf("2026-09-15", DISTRICT_CALENDAR)).toBe(2027);
    expect(fiscalYearOf("2026-09-15", ERATE_CALENDAR)).toBe(2026);
    expect(fiscalYearOf("2026-09-15", FEDERAL_CALENDAR)).toBe(2026);
  });

  it("names district FY2027 as 2026-07-01 … 2027-06-30 and FFY2026 as 2025-10-01 … 2026-09-30", () => {
    expect(fiscalYearRange(2027)).toEqual({ start: "2026-07-01", end: "2027-06-30" });
    expect(fiscalYearRange(2026, ERATE_CALENDAR)).toEqual({ start: "2026-07-01", end: "2027-06-30" });
    expect(fiscalYearRange(2026, FEDERAL_CALENDAR)).toEqual({ start: "2025-10-01", end: "2026-09-30" });
    expect(fiscalYearLabel(2026, FEDERAL_CALENDAR)).toBe("FFY2026");
  });

  it("converts district and E-Rate years both ways", () => {
    expect(eRateFundingYearOf(2027)).toBe(2026);
    expect(districtFiscalYearOfFundingYear(2026)).toBe(2027);
    expect(convertFiscalYear(2030, ERATE_CALENDAR, DISTRICT_CALENDAR)).toBe(2031);
    expect(() => convertFiscalYear(2027, DISTRICT_CALENDAR, FEDERAL_CALENDAR)).toThrow(DistrictKitError);
    expect(fiscalYearsOverlapping(2027, DISTRICT_CALENDAR, FEDERAL_CALENDAR)).toEqual([2026, 2027]);
  });

  it("supports a September-start calendar and a calendar-year one", () => {
    const sep = fiscalCalendar({ id: "sep", startMonth: 9 });
    expect(fiscalYearOf("2026-08-31", sep)).toBe(2026);
    expect(fiscalYearOf("2026-09-01", sep)).toBe(2027);
    expect(fiscalYearRange(2024, fiscalCalendar({ startMonth: 1 }))).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(() => fiscalCalendar({ startMonth: 13 })).toThrow(DistrictKitError);
  });

  it("reads labels and builds horizons", () => {
    expect(parseFiscalYearLabel("FY2027")).toBe(2027);
    expect(parseFiscalYearLabel(" fy 2028 ")).toBe(2028);
    expect(() => parseFiscalYearLabel("2027-28")).toThrow(DistrictKitError);
    expect(fiscalYearHorizon(2027, 3)).toEqual([2027, 2028, 2029]);
  });

  it("refuses dates that do not exist", () => {
    expect(() => fiscalYearOf("2025-02-30")).toThrow(DistrictKitError);
    expect(() => fiscalYearOf("13/45/2024")).toThrow(DistrictKitError);
    expect(fiscalYearOf("2024-02-29")).toBe(2024);
  });
});
