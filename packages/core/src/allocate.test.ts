import { describe, expect, it } from "vitest";
import { allocate, splitEvenly } from "./allocate.js";
import { DistrictKitError } from "./errors.js";
import { Money } from "./money.js";

const cents = (ms: Money[]) => ms.map((m) => m.toCents());

describe("allocate", () => {
  // M-4: moneyphp allocation docs (first case); computed (others). DOMAIN-budget.md §9.
  it("splits 800¢, 10000¢ and 100¢ as published (M-4)", () => {
    for (const method of ["largest-remainder", "sequential"] as const) {
      expect(cents(allocate(Money.fromCents(800), [1, 1, 1], { method }))).toEqual([267, 267, 266]);
      expect(cents(allocate(Money.fromCents(10000), [1, 1, 1], { method }))).toEqual([3334, 3333, 3333]);
      expect(cents(allocate(Money.fromCents(100), [1, 1, 1, 1, 1, 1, 1], { method }))).toEqual([15, 15, 14, 14, 14, 14, 14]);
    }
  });

  it("gives leftovers to the largest remainders, not simply the first parts", () => {
    // exact shares of 100¢ by 1:2:7 are 10, 20, 70 → no leftover; by 3:3:4 of 1¢: 0.3, 0.3, 0.4 → the 0.4 gets it
    expect(cents(allocate(Money.fromCents(1), [3, 3, 4]))).toEqual([0, 0, 1]);
    expect(cents(allocate(Money.fromCents(1), [3, 3, 4], { method: "sequential" }))).toEqual([1, 0, 0]);
    expect(cents(allocate(Money.fromCents(1), [3, 3, 4], { method: "largest-ratio" }))).toEqual([0, 0, 1]);
  });

  it("gives zero weights zero and splits negative totals symmetrically", () => {
    expect(cents(allocate(Money.of(1), [1, 0, 3]))).toEqual([25, 0, 75]);
    expect(cents(allocate(Money.fromCents(-800), [1, 1, 1]))).toEqual([-267, -267, -266]);
  });

  it("refuses fractional-cent totals, negative, non-finite or all-zero weights, listing every bad weight", () => {
    expect(() => allocate(Money.of("1.005"), [1])).toThrow(DistrictKitError);
    expect(() => allocate(Money.of(1), [0, 0])).toThrow(DistrictKitError);
    expect(() => allocate(Money.of(1), [])).toThrow(DistrictKitError);
    try {
      allocate(Money.of(1), [1, -1, Number.NaN]);
      expect.unreachable();
    } catch (error) {
      expect((error as DistrictKitError).issues.map((i) => i.pathText)).toEqual(["weights[1]", "weights[2]"]);
    }
  });

  it("splits evenly", () => {
    expect(cents(splitEvenly(Money.of(100), 3))).toEqual([3334, 3333, 3333]);
    expect(() => splitEvenly(Money.of(1), 0)).toThrow(DistrictKitError);
  });
});
