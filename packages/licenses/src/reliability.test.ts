import { describe, expect, it } from "vitest";
import { thrown } from "../../core/test/thrown.js";
import { erlangB, erlangBLog, fullTimeEquivalents, renewalCalendar, rightSizeSeats, scheduleIssues, seatsForUtilization } from "./index.js";

// Regressions of issue #18 for the licence engine, one per class of fault (the id cases are in
// ids.prop.test.ts).

describe("licence inputs out of range", () => {
  it("3. a notice period of 2^31 days is an error with its path, not a RangeError from the calendar", () => {
    const contract = { productId: "read", annualCost: "100", startDate: "2025-07-01", renewalDate: "2026-07-01", noticeDays: 2 ** 31 };
    expect(thrown(() => renewalCalendar({ asOf: "2026-01-01", contracts: [contract] })).issues[0]?.pathText).toBe("contracts[0].noticeDays");
    expect(renewalCalendar({ asOf: "2026-01-01", contracts: [{ ...contract, noticeDays: 3650 }] })[0]?.noticeDeadline).toBe("2016-07-03");
  });

  it("5. a tiny utilization target or a zero FTE divisor is refused, never Infinity or NaN", () => {
    expect(thrown(() => seatsForUtilization(604, 5e-324)).issues[0]?.path).toEqual(["target"]);
    expect(thrown(() => seatsForUtilization(1e308, 0.9)).issues[0]?.path).toEqual(["activeUsers"]);
    expect(thrown(() => rightSizeSeats(1e308)).issues[0]?.path).toEqual(["engagedUsers"]);
    const staffing = { fullTimeTeachers: 400, partTimeTeachers: 30, fullTimeStaff: 120, partTimeStaff: 20 };
    expect(
      thrown(() => fullTimeEquivalents(staffing, { id: "x", source: "x", fullTimeTeacherWeight: 1, partTimeTeacherDivisor: 0, fullTimeStaffWeight: 1, partTimeStaffDivisor: 2 } as never)).issues[0]
        ?.path,
    ).toEqual(["formula", "partTimeTeacherDivisor"]);
    expect(thrown(() => fullTimeEquivalents(staffing, { fullTimeTeacherWeight: 1 } as never)).issues.map((i) => i.pathText)).toContain("formula.partTimeStaffDivisor");
    expect(seatsForUtilization(604, 0.01)).toBe(60400);
  });

  it("5. Erlang B of a load near the smallest double stays finite (found by the export fuzz: ln(k/A) overflowed)", () => {
    for (const load of [5e-324, 1e-300]) {
      const log = erlangBLog(load, 3);
      expect(Number.isFinite(log)).toBe(true);
      // ln B(A, m) ≈ m·ln A − ln m! for a tiny load
      expect(log).toBeCloseTo(3 * Math.log(load) - Math.log(6), 6);
      expect(erlangB(load, 3)).toBe(0);
    }
  });

  it("6. a missing schedule or a null formula names the argument", () => {
    expect(thrown(() => scheduleIssues(undefined as never)).issues[0]?.path).toEqual(["schedule"]);
    expect(thrown(() => fullTimeEquivalents({ fullTimeTeachers: 1, partTimeTeachers: 0, fullTimeStaff: 0, partTimeStaff: 0 }, null as never)).issues[0]?.path).toEqual(["formula"]);
  });
});
