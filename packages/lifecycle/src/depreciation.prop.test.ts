import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { depreciationSchedule } from "./depreciation.js";

describe("depreciation invariants", () => {
  it("book value never negative nor below salvage; accumulated equals cost − salvage at the end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500_000, max: 100_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom("straight-line" as const, "declining-balance" as const),
        fc.integer({ min: 10, max: 30 }),
        (costCents, salvagePct, life, method, factor10) => {
          const cost = Money.fromCents(costCents);
          const salvage = Money.fromCents(Math.floor((costCents * salvagePct) / 100));
          const s = depreciationSchedule({ unitCost: cost, salvage, lifeYears: life, startFiscalYear: 2027, method, factor: factor10 / 10, capitalizationThreshold: "0" });
          for (const y of s.years) {
            expect(y.bookValue.isNegative()).toBe(false);
            expect(y.bookValue.greaterThanOrEqual(salvage)).toBe(true);
            expect(y.depreciation.isNegative()).toBe(false);
          }
          expect(s.years[s.years.length - 1]!.accumulated.equals(cost.subtract(salvage))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
