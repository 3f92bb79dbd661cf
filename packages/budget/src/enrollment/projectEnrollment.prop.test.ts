import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectEnrollment } from "./projectEnrollment.js";

const grades = ["K", "1", "2", "3", "4", "5"] as const;
const historyArb = fc
  .array(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 6 })
  .map((rows) => rows.map((row, i) => ({ fiscalYear: 2020 + i, grades: Object.fromEntries(grades.map((g, j) => [g, row[j]!])) })));
const averagingArb = fc.oneof(
  fc.constant({ type: "mean" as const }),
  fc.constant({ type: "pooled" as const }),
  fc.integer({ min: 1, max: 100 }).map((a) => ({ type: "exponential" as const, alpha: a / 100 })),
);

describe("enrollment projection invariants (INVARIANTS.md)", () => {
  it("never projects a negative count", () => {
    fc.assert(
      fc.property(historyArb, averagingArb, fc.constantFrom("constant", "trend"), fc.integer({ min: 1, max: 10 }), (history, averaging, entry, years) => {
        const r = projectEnrollment({ history, averaging, entry: { type: entry }, years });
        for (const y of r.years) {
          for (const v of Object.values(y.grades)) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("with every progression ratio 1 and a constant kindergarten, enrollment is constant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 6 }), averagingArb, fc.integer({ min: 1, max: 10 }), (size, n, averaging, years) => {
        const history = Array.from({ length: n }, (_, i) => ({ fiscalYear: 2020 + i, grades: Object.fromEntries(grades.map((g) => [g, size])) }));
        const r = projectEnrollment({ history, averaging, years });
        for (const y of r.years) expect(y.total).toBeCloseTo(size * grades.length, 9);
      }),
      { numRuns: 150 },
    );
  });
});
