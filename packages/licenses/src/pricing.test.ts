import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { cheapestCover, districtLicensePrice, escalatedPrice, escalationSeries, fullTimeEquivalents, optionSeatCost, priceCliffs, scheduleCost, siteLicensePrice } from "./pricing.js";

// LP-1 — treblis payout example (http://www.treblis.com/payoutex.htm): incremental tiers,
// 1st unit $80, units 2–5 $24, 6–10 $12, 11–25 $6, 26+ $3. 30 → $341 (published); 33, 10, 25 computed.
const LP1 = {
  type: "incremental",
  tiers: [
    { from: 1, to: 1, unitPrice: 80 },
    { from: 2, to: 5, unitPrice: 24 },
    { from: 6, to: 10, unitPrice: 12 },
    { from: 11, to: 25, unitPrice: 6 },
    { from: 26, unitPrice: 3 },
  ],
};
// LP-2 — e-drc price page (https://e-drc.com/page/costs): all-units per provider per month,
// 1–5 $15, 6–15 $14, 16–25 $13, 26–39 $12.
const LP2 = {
  type: "allUnits",
  tiers: [
    { from: 1, to: 5, unitPrice: 15 },
    { from: 6, to: 15, unitPrice: 14 },
    { from: 16, to: 25, unitPrice: 13 },
    { from: 26, to: 39, unitPrice: 12 },
  ],
};

describe("LP-1 incremental tiers (treblis)", () => {
  it.each([
    [30, "341"],
    [33, "350"],
    [10, "236"],
    [25, "326"],
  ])("prices %i units at $%s", (q, expected) => {
    expect(scheduleCost(LP1, q).toString()).toBe(expected);
  });
  it("never has a price cliff", () => {
    expect(priceCliffs(LP1)).toEqual([]);
  });
});

describe("LP-2 all-units tiers (e-drc)", () => {
  it.each([
    [5, "75"],
    [6, "84"],
    [15, "210"],
    [16, "208"],
    [25, "325"],
    [26, "312"],
  ])("prices %i providers at $%s a month", (q, expected) => {
    expect(scheduleCost(LP2, q).toString()).toBe(expected);
  });
  it("reports both cliffs: 16 costs less than 15, 26 less than 25", () => {
    const cliffs = priceCliffs(LP2);
    expect(cliffs.map((c) => [c.boundary, c.buyUpFrom, c.costAtBoundary.toString(), c.costJustBelow.toString()])).toEqual([
      [16, 15, "208", "210"],
      [26, 25, "312", "325"],
    ]);
  });
  it("buys up to the cheaper bracket when that costs less", () => {
    const option = { kind: "seat", id: "x", productId: "p", schedule: LP2 };
    expect(cheapestCover(option, 15)).toEqual({ seats: 16, cost: Money.of(208), boughtMore: true });
    expect(cheapestCover(option, 14)).toEqual({ seats: 14, cost: Money.of(196), boughtMore: false });
  });
  it("refuses more seats than the schedule sells", () => {
    expect(() => scheduleCost(LP2, 40)).toThrow(DistrictKitError);
  });
});

describe("LP-5 Adobe ETLA per FTE (CITE)", () => {
  it("counts 400 FT + 30 PT teachers + 120 FT + 20 PT staff as 540 FTE: $13,500 a year, $40,500 over 3 years", () => {
    const fte = fullTimeEquivalents({ fullTimeTeachers: 400, partTimeTeachers: 30, fullTimeStaff: 120, partTimeStaff: 20 });
    expect(fte).toBe(540);
    const year = districtLicensePrice({ type: "perFte", unitPrice: 25 }, { enrollment: 0, fte })!;
    expect(year.toString()).toBe("13500");
    expect(year.multiply(3).toString()).toBe("40500");
  });
});

describe("LP-9 escalator (computed)", () => {
  it("grows $10,000 by 3 %: 10,000.00; 10,300.00; 10,609.00 — total $30,909.00", () => {
    const s = escalationSeries("10000", 0.03, 3);
    expect(s.map((m) => m.toFixed(2))).toEqual(["10000.00", "10300.00", "10609.00"]);
    expect(Money.sum(s).toFixed(2)).toBe("30909.00");
  });
  it("chained and direct rounding can differ by a cent", () => {
    let differs = false;
    for (let t = 1; t <= 10; t++) if (!escalatedPrice("99.99", 0.035, t, "chained").equals(escalatedPrice("99.99", 0.035, t, "direct"))) differs = true;
    expect(differs).toBe(true);
  });
});

describe("minimums, packs, fees, site bands, per-student floors", () => {
  it("charges the minimum commitment once any seat is bought", () => {
    const o = { kind: "seat", id: "m", productId: "p", minimumSeats: 200, schedule: { type: "unit", unitPrice: "9.50" } };
    expect(optionSeatCost(o, 0)!.toString()).toBe("0");
    expect(optionSeatCost(o, 1)!.toString()).toBe("1900");
    expect(optionSeatCost(o, 201)!.toString()).toBe("1909.5");
  });
  it("sells whole packs", () => {
    expect(scheduleCost({ type: "packs", packSize: 13, packPrice: 250 }, 13).toString()).toBe("250");
    expect(scheduleCost({ type: "packs", packSize: 13, packPrice: 250 }, 27).toString()).toBe("750");
  });
  it("adds the yearly fee and escalates prices", () => {
    const o = { kind: "seat", id: "f", productId: "p", fixedFee: 500, escalator: 0.03, schedule: { type: "unit", unitPrice: 10 } };
    expect(optionSeatCost(o, 10, 0)!.toString()).toBe("600");
    expect(optionSeatCost(o, 10, 1)!.toString()).toBe("618");
  });
  it("returns null above the maximum", () => {
    expect(optionSeatCost({ kind: "seat", id: "x", productId: "p", maximumSeats: 5, schedule: { type: "unit", unitPrice: 1 } }, 6)).toBeNull();
  });
  it("prices a site licence by the school's enrollment band", () => {
    const site = {
      kind: "site",
      id: "s",
      productId: "p",
      bands: [
        { minEnrollment: 0, maxEnrollment: 299, price: 2500 },
        { minEnrollment: 300, price: 3800 },
      ],
    };
    expect(siteLicensePrice(site, 231)!.toString()).toBe("2500");
    expect(siteLicensePrice(site, 300)!.toString()).toBe("3800");
  });
  it("applies Google's max(50, enrollment) floor", () => {
    expect(districtLicensePrice({ type: "perStudent", unitPrice: 6, minimumStudents: 50 }, { enrollment: 912 })!.toString()).toBe("5472");
    expect(districtLicensePrice({ type: "perStudent", unitPrice: 6, minimumStudents: 50 }, { enrollment: 12 })!.toString()).toBe("300");
  });
});

describe("bad schedules", () => {
  it("lists overlapping and gapped brackets with their paths", () => {
    const bad = {
      type: "allUnits",
      tiers: [
        { from: 1, to: 5, unitPrice: 1 },
        { from: 5, to: 9, unitPrice: 1 },
        { from: 12, unitPrice: 1 },
      ],
    };
    try {
      scheduleCost(bad, 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      const issues = (error as DistrictKitError).issues.map((i) => i.pathText);
      expect(issues).toEqual(["schedule.tiers[1].from", "schedule.tiers[2].from"]);
    }
  });
  it("rejects a first bracket that does not start at 1 and negative prices", () => {
    expect(() => scheduleCost({ type: "unit", unitPrice: -1 }, 3)).toThrow(DistrictKitError);
    expect(() => scheduleCost({ type: "incremental", tiers: [{ from: 2, unitPrice: 1 }] }, 3)).toThrow(/start at seat 1/);
  });
});
