import { Dec, escalate, Money, Rate } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chainedCents } from "./model.js";

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
