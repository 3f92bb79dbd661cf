import { Dec, escalate, Money, Rate } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tinyMarketArb } from "../../test/arbitraries.js";
import { generateLicenseMarket } from "../generate.js";
import { chainedCents, compileSchedule, compileSchedules } from "./model.js";
import { parsePlanInput } from "./parsePlan.js";

// The compiler's integer escalation against core's decimal path (escalate with each-year rounding,
// roundToCents, × prepay factor, roundToCents): equal cents for prices with sub-cent digits,
// positive and negative escalators, and prepay factors.
describe("whole-cent chained escalation", () => {
  it("equals the decimal path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.option(fc.integer({ min: -200_000, max: 400_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 9_999 }), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        (units, places, escalatorMillionths, discountBp, span) => {
          const price = Money.of(new Dec(units).div(10 ** places).toFixed());
          const escalator = escalatorMillionths === undefined ? undefined : Rate.of(new Dec(escalatorMillionths).div(1_000_000));
          const factor = discountBp === undefined ? null : new Dec(1).minus(new Dec(discountBp).div(10_000));
          const prices = escalator === undefined || span === 1 ? [] : escalate(price, escalator, span - 1, { rounding: "each-year" });
          const expected = Array.from({ length: span }, (_, y) => {
            let c = (y === 0 || escalator === undefined ? price : prices[y - 1]!).roundToCents();
            if (factor !== null) c = c.multiply(factor).roundToCents();
            return c.toCents();
          });
          expect(chainedCents(price, escalator === undefined ? null : escalator.growthFactor(), "chained", factor, span)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// The yearly seat schedules built in one pass over each price's series (compileSchedules) against
// the reference, compileSchedule once a year reading the price of that year: equal schedules, key
// order included, for every seat and concurrent option of generated and tiny random markets.
describe("a seat option's yearly schedules", () => {
  const check = (input: unknown, span: number): void => {
    const parsed = parsePlanInput(input);
    // a price series that differs by price and year
    const series = (m: Money): number[] => Array.from({ length: span }, (_, t) => m.toCents() * (t + 2) + t);
    for (const o of parsed.options) {
      if (o.kind !== "seat" && o.kind !== "concurrent") continue;
      const fast = compileSchedules(o, series, span);
      const ref = Array.from({ length: span }, (_, t) => compileSchedule(o, (m) => series(m)[t]!));
      expect(fast).toEqual(ref);
      expect(fast.map((x) => Object.keys(x))).toEqual(ref.map((x) => Object.keys(x)));
    }
  };
  it("equals compileSchedule year by year on generated markets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 8 }), (products, options, seed, span) =>
        check(generateLicenseMarket({ products, options, schools: 2, years: 2, seed }), span),
      ),
      { numRuns: 100 },
    );
  });
  it("equals compileSchedule year by year on tiny random markets", () => {
    fc.assert(
      fc.property(tinyMarketArb, fc.integer({ min: 1, max: 6 }), (input, span) => check(input, span)),
      { numRuns: 100 },
    );
  });
});
