import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetComparisonTable, budgetComparisonTableReference } from "./budgetComparison.js";

// budgetComparisonTable reads the usual comparison (plain objects, amounts as strings, numbers or
// Money) by hand; the reference parses it with zod. Same table, cell for cell, on random
// comparisons mixing decimal strings, whole numbers, Money (whole cents or not), negative zero,
// ids that are JavaScript words, labels and missing sections — and the same error when the input
// is wrong.
const ID = fc.constantFrom("__proto__", "constructor", "toString", "s1", "s2", "Fund é", "");
const amount = fc.oneof(
  fc.integer({ min: -9_000_000_00, max: 9_000_000_00 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: -900_000, max: 900_000 }).map(String),
  fc.integer({ min: -900_000, max: 900_000 }),
  fc.integer({ min: -9_000_000_00, max: 9_000_000_00 }).map((c) => Money.fromCents(c)),
  fc.constantFrom("-0.00", "-0", "0.5", "1.005", "12.3456", -0, 0.5, "1e3", " 1", "abc"),
);
const delta = fc.record({ a: amount, b: amount });
const keyed = fc.option(fc.dictionary(ID, delta, { maxKeys: 4 }), { nil: undefined });
const comparisonArb = fc.record({
  a: fc.record({ name: fc.string({ maxLength: 5 }) }),
  b: fc.record({ name: fc.string({ maxLength: 5 }) }),
  years: fc.array(
    fc.record({
      fiscalYear: fc.integer({ min: 2020, max: 2040 }),
      label: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
      total: delta,
      byCategory: keyed,
      byFund: keyed,
      bySchool: keyed,
    }),
    { minLength: 0, maxLength: 4 },
  ),
});

const outcome = (run: () => unknown): unknown => {
  try {
    return { ok: run() };
  } catch (error) {
    return { error: (error as { issues?: unknown }).issues ?? String(error) };
  }
};

describe("budgetComparisonTable's fast path", () => {
  it("gives the reference's table, or its error, for any comparison", () => {
    fc.assert(
      fc.property(comparisonArb, fc.boolean(), (c, stable) => {
        expect(outcome(() => budgetComparisonTable(c, { stableHeaders: stable }))).toEqual(outcome(() => budgetComparisonTableReference(c, { stableHeaders: stable })));
      }),
      { numRuns: 500 },
    );
  });
});
