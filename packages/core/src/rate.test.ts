import { describe, expect, it } from "vitest";
import { DistrictKitError } from "./errors.js";
import { Money } from "./money.js";
import { compoundFactor, escalate, Rate } from "./rate.js";

describe("escalate", () => {
  // M-7: DOMAIN-budget.md §9 (computed from §8)
  it("grows $100,000 at 3 % a year, rounding each year half-up (M-7)", () => {
    expect(escalate(Money.of("100000.00"), Rate.percent(3), 5).map((m) => m.toFixed(2))).toEqual(["103000.00", "106090.00", "109272.70", "112550.88", "115927.41"]);
  });

  it("rounding at the end can differ by cents from rounding each year", () => {
    const each = escalate(Money.of("1000.05"), Rate.of("0.037"), 10);
    const atEnd = escalate(Money.of("1000.05"), Rate.of("0.037"), 10, { rounding: "at-end" });
    expect(atEnd[9]!.toString()).toBe(
      Money.of("1000.05")
        .multiply(compoundFactor(Rate.of("0.037"), 10))
        .roundToCents()
        .toString(),
    );
    expect(each.every((m) => m.isWholeCents())).toBe(true);
    expect(each[9]!.subtract(atEnd[9]!).abs().lessThan("0.10")).toBe(true);
  });

  it("accepts one rate per year", () => {
    expect(escalate(Money.of(100), ["0.10", "0"], 2).map(String)).toEqual(["110", "110"]);
    expect(() => escalate(Money.of(100), ["0.10"], 2)).toThrow(DistrictKitError);
  });

  it("refuses rates of −100 % or below, and bad year counts", () => {
    expect(() => Rate.of(-1)).toThrow(DistrictKitError);
    expect(() => Rate.percent(Number.NaN)).toThrow(DistrictKitError);
    expect(() => escalate(Money.of(1), Rate.ZERO, -1)).toThrow(DistrictKitError);
    expect(() => escalate(Money.of(1), Rate.ZERO, 1.5)).toThrow(DistrictKitError);
  });

  it("prints rates as percentages", () => {
    expect(Rate.percent("2.5").toPercentString()).toBe("2.5%");
    expect(JSON.stringify(Rate.percent(3))).toBe('"0.03"');
  });
});
