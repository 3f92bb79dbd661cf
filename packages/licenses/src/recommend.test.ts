import { describe, expect, it } from "vitest";
import { demandFromRosters, demandFromUsage } from "./demand.js";
import { findOverlaps, reclaimableSeats, rightSizeSeats, seatsForUtilization, utilizationMetrics } from "./recommend.js";
import { renewalCalendar } from "./renewals.js";

// LU-1 — saastruecost "true cost per active user" calculator (computed): 60 seats at $3,500 a
// month, 28 weekly active users → $58.33 a seat, $125.00 per active user, 32 idle seats,
// idle cost 32 × 58.333… × 12 = $22,400 a year (the source rounds the seat price and prints $22,272).
describe("LU-1 utilization metrics", () => {
  it("computes seat price, cost per active user and idle cost exactly", () => {
    const m = utilizationMetrics({ seats: 60, activeUsers: 28, cost: 3500, costPeriod: "month" });
    expect(m.pricePerSeat.toString()).toBe("58.33");
    expect(m.costPerActiveUser?.toString()).toBe("125");
    expect(m.idleSeats).toBe(32);
    expect(m.idleCostPerYear.toString()).toBe("22400");
  });
});

// LU-5 — Qoria EdTech Insights: 5,000 licences bought, 2,000 used → 40 %, 3,000 idle.
describe("LU-5 utilization", () => {
  it("reports 40 % and 3,000 idle", () => {
    const m = utilizationMetrics({ seats: 5000, activeUsers: 2000, cost: 50000 });
    expect(m.utilization).toBe(0.4);
    expect(m.idleSeats).toBe(3000);
    expect(m.edtechPriceIndex).toBe(2.5);
  });
});

describe("reclaim, right-size and overlap", () => {
  const users = [
    { userId: "a", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-06-01", source: "sso" },
    { userId: "b", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-04-16", source: "sso" },
    { userId: "c", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-04-15", source: "sso" },
    { userId: "d", productId: "read", schoolId: "mve", role: "student", lastActive: null, source: "sso" },
  ];
  it("reclaims users inactive longer than the window and never-active ones", () => {
    const [r] = reclaimableSeats({ asOf: "2026-06-15", inactiveDays: 60, users, seatPrices: { read: 12 } });
    expect(r!.inactive.map((u) => u.userId)).toEqual(["c"]);
    expect(r!.neverActive.map((u) => u.userId)).toEqual(["d"]);
    expect(r!.annualSaving?.toString()).toBe("24");
    expect(r!.sources).toEqual(["sso"]);
  });
  it("uses a per-product window", () => {
    const [r] = reclaimableSeats({ asOf: "2026-06-15", inactiveDays: 60, inactiveDaysByProduct: { read: 30 }, users });
    expect(r!.reclaimable).toBe(3);
  });
  it("right-sizes with a buffer and a round-off, and sizes to a utilization target", () => {
    expect(rightSizeSeats(100, 0.1)).toBe(110);
    expect(rightSizeSeats(101, 0.1, 10)).toBe(120);
    expect(seatsForUtilization(90, 0.9)).toBe(100);
  });
  it("flags low combined utilization in a category only", () => {
    const products = [
      { id: "a", name: "A", category: "assessment" },
      { id: "b", name: "B", category: "assessment" },
      { id: "c", name: "C", category: "video" },
    ];
    const spend = [
      { productId: "a", annualCost: 100, seats: 100, activeUsers: 90 },
      { productId: "b", annualCost: 100, seats: 100, activeUsers: 60 },
      { productId: "c", annualCost: 100, seats: 10, activeUsers: 1 },
    ];
    const r = findOverlaps({ products, spend });
    expect(r.map((o) => [o.category, o.flagged])).toEqual([["assessment", false]]);
    expect(findOverlaps({ products, spend, utilizationThreshold: 0.8 })[0]!.flagged).toBe(true);
  });
});

describe("demand from rosters and usage", () => {
  it("applies adoption rates by role and grade band, rounding up", () => {
    const cells = demandFromRosters({
      productId: "p",
      fiscalYears: [2027, 2028],
      enrollment: [{ schoolId: "s", grade: 3, students: 33 }],
      staff: [{ schoolId: "s", role: "teacher", count: 3 }],
      adoption: { students: 0.5, teachers: 1 },
    });
    expect(cells.map((c) => [c.fiscalYear, c.role, c.seats])).toEqual([
      [2027, "student", 17],
      [2027, "teacher", 3],
      [2028, "student", 17],
      [2028, "teacher", 3],
    ]);
  });
  it("counts users active within the window, with a buffer", () => {
    const users = Array.from({ length: 10 }, (_, i) => ({ userId: `u${i}`, productId: "p", schoolId: "s", role: "student", lastActive: "2026-06-01" }));
    expect(demandFromUsage({ fiscalYear: 2027, asOf: "2026-06-15", users, buffer: 0.1 })[0]!.seats).toBe(11);
  });
});

describe("renewal calendar", () => {
  const contracts = [
    { productId: "a", annualCost: 1, startDate: "2025-07-01", renewalDate: "2026-07-01", noticeDays: 60, autoRenew: true },
    { productId: "b", annualCost: 1, startDate: "2024-07-01", renewalDate: "2025-07-01", noticeDays: 30, autoRenew: true },
    { productId: "c", annualCost: 1, startDate: "2025-07-01", renewalDate: "2026-08-15", noticeDays: 30, autoRenew: false },
  ];
  it("computes notice deadlines from the as-of date and warns on auto-renewals", () => {
    const cal = renewalCalendar({ asOf: "2026-05-10", contracts });
    expect(cal.map((e) => [e.productId, e.noticeDeadline, e.status])).toEqual([
      ["a", "2026-05-02", "notice-passed"],
      ["b", "2026-06-01", "act-now"],
      ["c", "2026-07-16", "upcoming"],
    ]);
    expect(cal[0]!.warning).toMatch(/has passed/);
    expect(cal[1]!.renewalDate).toBe("2026-07-01");
    expect(cal[1]!.milestones.map((m) => m.daysBefore)).toEqual([120, 90, 60, 30]);
  });
});
