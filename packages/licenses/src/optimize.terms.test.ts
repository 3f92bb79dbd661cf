import { describe, expect, it } from "vitest";
import { checkCoverage } from "../test/checks.js";
import { optimizeLicenses } from "./optimize.js";

// Contract terms seen in real quotes, end to end through optimizeLicenses: ratio entitlements
// (free seats of another role per paid seat), monthly prices × billed months, a term entered by its
// total price (split over the years to the cent), all-units brackets starting above 1 with a minimum.
const base = {
  firstYear: 2027,
  years: 1,
  schools: [{ id: "a", name: "A", enrollment: 300 }],
  products: [{ id: "p", name: "P", category: "c" }],
};
const cell = (role: string, seats: number, fiscalYear = 2027) => ({ productId: "p", schoolId: "a", role, fiscalYear, seats });

describe("ratio entitlements", () => {
  it("buys faculty seats for the free student seats they earn (k·paid ≥ free) when that is cheaper", () => {
    const input = {
      ...base,
      options: [
        { kind: "seat", id: "faculty", productId: "p", role: "teacher", schedule: { type: "unit", unitPrice: 50 }, entitlement: { role: "student", freeSeats: 15 } },
        { kind: "seat", id: "student", productId: "p", role: "student", schedule: { type: "unit", unitPrice: 10 } },
      ],
      demand: [cell("teacher", 10), cell("student", 200)],
    };
    const plan = optimizeLicenses(input);
    // 10 faculty earn 150 students; 4 more faculty ($200) earn 60 more — cheaper than 50 student seats ($500)
    expect(plan.objective.toString()).toBe("700");
    // (13 faculty earn 195 students, and 5 student seats cost $50: the same $700)
    expect([
      [["faculty", 14]],
      [
        ["faculty", 13],
        ["student", 5],
      ],
    ]).toContainEqual(plan.purchases.map((p) => [p.optionId, p.seatsBought]));
    expect(checkCoverage(input, plan)).toEqual([]);
    expect(plan.lowerBound.lessThanOrEqual(plan.objective)).toBe(true);
  });

  it("rounds earned seats down (1 free staff seat per 4 paid students)", () => {
    const input = {
      ...base,
      options: [
        { kind: "seat", id: "students", productId: "p", role: "student", schedule: { type: "unit", unitPrice: 4 }, entitlement: { role: "staff", freeSeats: 1, perPaidSeats: 4 } },
        { kind: "seat", id: "staff", productId: "p", role: "staff", schedule: { type: "unit", unitPrice: 30 } },
      ],
      demand: [cell("student", 10), cell("staff", 3)],
    };
    const plan = optimizeLicenses(input);
    // 12 students ($48) earn 3 staff seats: cheaper than 10 students ($40) + 1 staff seat ($30)
    expect(plan.objective.toString()).toBe("48");
    expect(checkCoverage(input, plan)).toEqual([]);
  });
});

describe("contract terms", () => {
  it("prices per billed month × months billed", () => {
    const plan = optimizeLicenses({
      ...base,
      options: [{ kind: "seat", id: "monthly", productId: "p", role: "student", billedMonths: 10, schedule: { type: "unit", unitPrice: "2.50" } }],
      demand: [cell("student", 100)],
    });
    expect(plan.totalCost.toString()).toBe("2500");
  });

  it("splits a term entered by its total price over the years to the cent (no rounding drift)", () => {
    const plan = optimizeLicenses({
      ...base,
      years: 3,
      options: [{ kind: "district", id: "term", productId: "p", termYears: 3, priceBasis: "term", pricing: { type: "flat", price: 1000 } }],
      demand: [cell("student", 100, 2027), cell("student", 100, 2028), cell("student", 100, 2029)],
    });
    expect(plan.purchases[0]!.payments.map((x) => x.amount.toString())).toEqual(["333.34", "333.33", "333.33"]);
    expect(plan.totalCost.toString()).toBe("1000");
  });

  it("pays a seat option priced by its term total once over the term, not the total every year", () => {
    // found by an audit: the purchases summed the term's total price for every year of the term
    // ($9,000 of payments for a plan whose cost was $3,000)
    const term = { kind: "seat", id: "term", productId: "p", role: "student", termYears: 3, priceBasis: "term", schedule: { type: "unit", unitPrice: 300 } };
    const yearly = { kind: "seat", id: "yearly", productId: "p", role: "student", schedule: { type: "unit", unitPrice: 150 } };
    const demand = [cell("student", 10, 2027), cell("student", 10, 2028), cell("student", 10, 2029)];
    const plan = optimizeLicenses({ ...base, years: 3, options: [term, yearly], demand });
    expect(plan.status).toBe("optimal");
    expect(plan.purchases.map((p) => [p.optionId, p.seatsBought])).toEqual([["term", 10]]);
    expect(plan.purchases[0]!.payments.map((x) => [x.fiscalYear, x.amount.toString()])).toEqual([
      [2027, "1000"],
      [2028, "1000"],
      [2029, "1000"],
    ]);
    expect([plan.totalCost.toString(), plan.objective.toString()]).toEqual(["3000", "3000"]);
    expect(plan.budgetLines.flatMap((l) => l.amounts).map((x) => [x.fiscalYear, x.amount.toString()])).toEqual([
      [2027, "1000"],
      [2028, "1000"],
      [2029, "1000"],
    ]);

    // an escalator splits the total in its proportions (still $300 a seat in all); a prepay discount pays it once, less 10 %
    const escalated = optimizeLicenses({ ...base, years: 3, options: [{ ...term, escalator: 0.1 }], demand: demand.map((d) => ({ ...d, seats: 1 })) });
    const split = escalated.purchases[0]!.payments.map((x) => x.amount.toString());
    expect(split.map(Number).reduce((a, x) => a + x, 0)).toBeCloseTo(300, 9);
    expect(Number(split[1])).toBeGreaterThan(Number(split[0]));
    expect(escalated.totalCost.toString()).toBe("300");
    const prepaid = optimizeLicenses({ ...base, years: 3, options: [{ ...term, prepayDiscount: 0.1 }], demand: demand.map((d) => ({ ...d, seats: 1 })) });
    expect(prepaid.purchases[0]!.payments.map((x) => [x.fiscalYear, x.amount.toString()])).toEqual([[2027, "270"]]);
    expect([prepaid.totalCost.toString(), prepaid.objective.toString()]).toEqual(["270", "270"]);
  });

  it("buys up to a minimum when the first bracket starts above 1", () => {
    const plan = optimizeLicenses({
      ...base,
      options: [
        {
          kind: "seat",
          id: "tiered",
          productId: "p",
          role: "student",
          minimumSeats: 10,
          schedule: {
            type: "allUnits",
            tiers: [
              { from: 10, to: 49, unitPrice: 8 },
              { from: 50, unitPrice: 6 },
            ],
          },
        },
      ],
      demand: [cell("student", 5)],
    });
    expect(plan.purchases.map((p) => [p.optionId, p.seatsBought])).toEqual([["tiered", 10]]);
    expect(plan.totalCost.toString()).toBe("80");
  });
});
