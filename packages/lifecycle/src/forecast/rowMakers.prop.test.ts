// The generated row makers (rowMakers.generated.ts: one object literal per groupBy, so that V8
// pretenures the rows of a large breakdown) against their plain reference, `rowFromTemplate` (a
// clone of the grouping's template filled by name): the same fields in the same order with the
// same values on every grouping, and forecast rows laid out as documented whatever the groupBy.
import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupings } from "../../scripts/rowMakers.js";
import { forecastInputArb } from "../../test/arbitraries.js";
import { GROUP_DIMENSIONS } from "../schema.js";
import { forecastReplacements, rowFromTemplate, templateFor } from "./expected.js";
import type { RowMaker } from "./rowMaker.js";
import { ROW_MAKERS } from "./rowMakers.generated.js";

type Dim = (typeof GROUP_DIMENSIONS)[number];

describe("generated row makers", () => {
  const count = fc.double({ min: 0, max: 1e7, noNaN: true });
  const money = fc.integer({ min: 0, max: 1e12 }).map((c) => Money.fromCents(c));
  const args = fc.record({
    year: fc.integer({ min: 1900, max: 2200 }),
    key: fc.array(fc.string(), { minLength: 4, maxLength: 4 }),
    counts: fc.array(count, { minLength: 8, maxLength: 8 }),
    purchases: fc.record({ refresh: count, failureReplacement: count, growth: count, spares: count, total: count }),
    amounts: fc.array(money, { minLength: 3, maxLength: 3 }),
  });

  it("every maker builds what the reference builds: the same keys in the same order, the same values, a plain object", () => {
    fc.assert(
      fc.property(fc.constantFrom(...groupings()), args, (g, a) => {
        const [s, pl, f, lo, nr, e, d, ri] = a.counts as [number, number, number, number, number, number, number, number];
        const [c, r, rc] = a.amounts as [Money, Money, Money];
        const call = (make: RowMaker) => make(a.year, a.key.slice(0, g.length), s, pl, f, lo, nr, a.purchases, e, d, ri, c, r, rc);
        const fast = call(ROW_MAKERS.get(g.join(","))!);
        const ref = call(rowFromTemplate(templateFor(g as Dim[]), g));
        expect(Object.keys(fast)).toEqual(Object.keys(ref));
        expect(fast).toStrictEqual(ref);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(ref));
        expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it("forecast rows have fiscalYear, the grouped dimensions in the order asked (a repeated one once), then the counts and amounts", () => {
    fc.assert(
      fc.property(forecastInputArb, fc.array(fc.constantFrom(...GROUP_DIMENSIONS), { minLength: 1, maxLength: 5 }), (input, groupBy) => {
        const r = forecastReplacements({ ...input, groupBy });
        const dims = [...new Set(groupBy)];
        const rest = ["inServiceStart", "plannedRetirements", "failures", "losses", "notReplaced", "purchases", "inServiceEnd", "deferred", "repairIncidents", "capital", "repair", "resaleCredit"];
        for (const row of r.rows) expect(Object.keys(row)).toEqual(["fiscalYear", ...dims, ...rest]);
        // the rows add up to the summary, to the cent, whichever maker built them
        for (const y of r.summary) {
          const capital = Money.sum(r.rows.filter((x) => x.fiscalYear === y.fiscalYear).map((x) => x.capital));
          expect(capital.toString()).toBe(y.capital.toString());
        }
      }),
      { numRuns: 100 },
    );
  });
});
