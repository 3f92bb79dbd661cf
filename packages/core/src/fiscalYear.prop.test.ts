import fc from "fast-check";
import { describe, it } from "vitest";
import { isoDateArb } from "../test/arbitraries.js";
import { DISTRICT_CALENDAR, districtFiscalYearOfFundingYear, ERATE_CALENDAR, eRateFundingYearOf, fiscalCalendar, fiscalYearOf, fiscalYearRange } from "./fiscalYear.js";
import { addDaysIso } from "./isoDate.js";

const calendarArb = fc.record({ startMonth: fc.integer({ min: 1, max: 12 }), label: fc.constantFrom("start", "end") as fc.Arbitrary<"start"> }).map((c) => fiscalCalendar(c));

describe("fiscal-year properties (INVARIANTS.md core)", () => {
  it("every date lies inside the range of the one year it belongs to", () => {
    fc.assert(
      fc.property(isoDateArb, calendarArb, (date, cal) => {
        const fy = fiscalYearOf(date, cal);
        const { start, end } = fiscalYearRange(fy, cal);
        return start <= date && date <= end;
      }),
    );
  });

  it("fiscalYearOf(start(fy)) == fy == fiscalYearOf(end(fy))", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), calendarArb, (fy, cal) => {
        const { start, end } = fiscalYearRange(fy, cal);
        return fiscalYearOf(start, cal) === fy && fiscalYearOf(end, cal) === fy;
      }),
    );
  });

  it("consecutive years tile time with no gap or overlap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), calendarArb, (fy, cal) => {
        return addDaysIso(fiscalYearRange(fy, cal).end, 1) === fiscalYearRange(fy + 1, cal).start;
      }),
    );
  });

  it("E-Rate funding-year and district fiscal-year labels convert both ways", () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        const district = fiscalYearOf(date, DISTRICT_CALENDAR);
        const erate = fiscalYearOf(date, ERATE_CALENDAR);
        return eRateFundingYearOf(district) === erate && districtFiscalYearOfFundingYear(erate) === district;
      }),
    );
  });
});
