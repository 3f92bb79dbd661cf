import { allocate, Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dollars, mulRound, toFraction } from "./cents.js";

// The projection's integer-cent arithmetic must round exactly like core's Money (half away from zero).
describe("integer-cent arithmetic", () => {
  // M-1: DOMAIN-budget.md §9 (definitions of the rounding modes): half-up gives 2.35, 2.36, 0.13, −0.13, 1.01
  it("rounds ties away from zero like Money.roundToCents (M-1)", () => {
    // amounts in tenths of a cent: 2.345 → 2345 / 10 cents
    const tenths = [2345, 2355, 125, -125, 1005];
    expect(tenths.map((t) => mulRound(t, 1, 10))).toEqual([235, 236, 13, -13, 101]);
    expect(["2.345", "2.355", "0.125", "-0.125", "1.005"].map((x) => Money.of(x).roundToCents().toCents())).toEqual([235, 236, 13, -13, 101]);
  });

  // M-4: DOMAIN-budget.md §9 (moneyphp allocation docs; computed) — the projection splits with core's allocate
  it("splits 800¢, 10000¢ and 100¢ like core's allocate (M-4)", () => {
    expect(allocate(Money.fromCents(800), [1, 1, 1]).map((m) => m.toCents())).toEqual([267, 267, 266]);
    expect(allocate(Money.fromCents(10000), [1, 1, 1]).map((m) => m.toCents())).toEqual([3334, 3333, 3333]);
    expect(allocate(Money.fromCents(100), [1, 1, 1, 1, 1, 1, 1]).map((m) => m.toCents())).toEqual([15, 15, 14, 14, 14, 14, 14]);
  });

  it("agrees with exact decimals on random products, in and beyond the safe-integer range", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 9 }), (cents, num, dp) => {
        const den = 10 ** dp;
        fc.pre(Math.abs((cents * num) / den) < 1e15);
        const expected = Money.fromCents(cents).multiply(num).divide(den).roundToCents().toCents();
        expect(mulRound(cents, num, den)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("turns rates into exact fractions and formats dollars", () => {
    expect(toFraction(1.03)).toEqual({ num: 103, den: 100 });
    expect(toFraction("0.125")).toEqual({ num: 125, den: 1000 });
    expect([dollars(0), dollars(5), dollars(123456789), dollars(-100000)]).toEqual(["$0.00", "$0.05", "$1,234,567.89", "-$1,000.00"]);
  });
});
