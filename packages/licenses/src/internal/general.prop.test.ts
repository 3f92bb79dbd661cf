import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tinyMarketArb } from "../../test/arbitraries.js";
import { generateLicenseMarket } from "../generate.js";
import { cheapestBySchool, patternsBySchool } from "./general.js";
import { compileModel } from "./model.js";
import { parsePlanInput } from "./parsePlan.js";

// The general search's bound reads each school's cheapest priced site pattern: cheapestBySchool
// (the least value kept while the sets of years are scanned, no pattern objects) against the
// reference, patternsBySchool's first pattern after sorting — the same schools, the same numbers
// bit for bit — on generated markets (banded site licences at many schools) and tiny random markets
// (multi-year site terms, several site options), for every set of years and random seat prices.
const pricesArb = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3000, noNaN: true })), { minLength: 30, maxLength: 30 });

function check(input: unknown, prices: readonly number[]): void {
  const m = compileModel(parsePlanInput(input));
  const P = Float64Array.from({ length: 3 * m.Y }, (_, k) => prices[k % prices.length]!);
  for (const p of m.products) {
    for (let left = 1; left < 1 << m.Y; left++) {
      const fast = Array.from(cheapestBySchool(m, p, left, P));
      const ref = patternsBySchool(m, p, left, P).map((sc) => sc.patterns[0]!.value);
      expect(fast).toEqual(ref);
    }
  }
}

describe("each school's cheapest site pattern", () => {
  it("equals patternsBySchool's first value on generated markets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        pricesArb,
        (products, schools, years, seed, prices) => check(generateLicenseMarket({ products, options: 6, schools, years, seed, multiYearShare: 0.6 }), prices),
      ),
      { numRuns: 60 },
    );
  });

  it("equals patternsBySchool's first value on tiny random markets", () => {
    fc.assert(
      fc.property(tinyMarketArb, pricesArb, (input, prices) => check(input, prices)),
      { numRuns: 150 },
    );
  });
});
