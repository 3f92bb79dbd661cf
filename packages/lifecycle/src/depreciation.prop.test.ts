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

describe("asset-system depreciation (Snipe-IT, GLPI)", () => {
  const dateArb = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const inputArb = fc.oneof(
    fc.record({
      method: fc.constantFrom("snipe-it-linear" as const, "snipe-it-half-year" as const, "snipe-it-half-year-if-second-half" as const),
      lifeMonths: fc.integer({ min: 1, max: 84 }),
      floorPercent: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    fc.record({
      method: fc.constant("glpi-linear" as const),
      lifeYears: fc.integer({ min: 1, max: 8 }),
      fiscalYearEnd: fc.constantFrom("12-31", "06-30", "05-01", "02-29", "09-30"),
      inService: fc.boolean(),
    }),
    fc.record({
      method: fc.constant("glpi-declining" as const),
      lifeYears: fc.integer({ min: 2, max: 8 }),
      factor10: fc.integer({ min: 11, max: 25 }),
      fiscalYearEnd: fc.constantFrom("12-31", "06-30", "03-31"),
    }),
  );
  it("book values never negative, charges add up to cost − final value, the value shown at each row's end is the row's, and the sentence states the figures", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1_000, max: 10_000_000 }), fc.integer({ min: 1, max: 5 }), dateArb, dateArb, (m, cents, units, purchaseDate, asOf) => {
        const unitCost = Money.fromCents(cents);
        const input: Record<string, unknown> = { unitCost, units, method: m.method, purchaseDate, asOf };
        if ("lifeMonths" in m) {
          input.lifeMonths = m.lifeMonths;
          if (m.method === "snipe-it-linear" && m.floorPercent !== undefined) input.floor = { percent: m.floorPercent };
        } else {
          input.lifeYears = m.lifeYears;
          input.fiscalYearEnd = m.fiscalYearEnd;
          if ("factor10" in m) {
            if (m.factor10 / 10 > m.lifeYears) return;
            input.factor = m.factor10 / 10;
          } else if (m.inService) input.inServiceDate = purchaseDate;
        }
        const s = depreciationSchedule(input);
        expect(s.capitalized).toBe(true);
        const cost = unitCost.multiply(units);
        let previous = cost;
        for (const y of s.years) {
          expect(y.bookValue.isNegative()).toBe(false);
          expect(y.depreciation.toString()).toBe(previous.subtract(y.bookValue).toString());
          expect(y.accumulated.toString()).toBe(cost.subtract(y.bookValue).toString());
          expect(y.bookValue.isWholeCents()).toBe(true);
          previous = y.bookValue;
        }
        const last = s.years[s.years.length - 1]!;
        const floor = m.method === "snipe-it-linear" && "floorPercent" in m && m.floorPercent ? unitCost.multiply(m.floorPercent).divide(100).roundToCents().multiply(units) : Money.ZERO;
        expect(last.bookValue.toString()).toBe(floor.toString());
        expect(Money.sum(s.years.map((y) => y.depreciation)).toString()).toBe(cost.subtract(floor).toString());
        if (m.method.startsWith("snipe-it")) {
          for (const y of s.years) {
            const again = depreciationSchedule({ ...input, asOf: y.periodEnd });
            expect(again.valueAsOf!.value!.toString()).toBe(y.bookValue.toString());
          }
        }
        const sentence = /: (\S+) down to (\S+) by (\d{4}-\d{2}-\d{2})\.(?: On (\d{4}-\d{2}-\d{2}) it shows (?:(\S+)\.|no value \(before the year of use\)\.))?$/.exec(s.explanation);
        expect(sentence, s.explanation).not.toBeNull();
        expect(sentence![1]).toBe(cost.format());
        expect(sentence![2]).toBe(last.bookValue.format());
        expect(sentence![3]).toBe(last.periodEnd);
        expect(sentence![4]).toBe(asOf);
        expect(sentence![5] ?? null).toBe(s.valueAsOf!.value === null ? null : s.valueAsOf!.value.format());
      }),
      { numRuns: 250 },
    );
  });
});
