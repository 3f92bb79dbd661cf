import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ahpWeights } from "./ahp.js";

// Saaty judgements: 1…9 or their reciprocals
const judgement = fc.integer({ min: 1, max: 9 }).chain((k) => fc.constantFrom(k, 1 / k));
const matrixArb = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.array(judgement, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
    const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        m[i]![j] = upper[k]!;
        m[j]![i] = 1 / upper[k++]!;
      }
    return m;
  }),
);
const twoDecimals = (x: number) => Math.round(x * 100) / 100;

describe("ahpWeights reads a matrix typed with two decimals as the exact one", () => {
  it("same weights and consistency as the exact matrix, one adjustment per entry the rounding changed", () => {
    fc.assert(
      fc.property(matrixArb, fc.constantFrom("eigenvector" as const, "geometricMean" as const, "columnMean" as const), (exact, method) => {
        const typed = exact.map((row) => row.map(twoDecimals));
        const a = ahpWeights(exact, method);
        const b = ahpWeights(typed, method);
        b.weights.forEach((w, i) => expect(Math.abs(w - a.weights[i]!)).toBeLessThan(1e-9));
        expect(Math.abs(b.lambdaMax - a.lambdaMax)).toBeLessThan(1e-9);
        const changed = exact.flatMap((row, i) => row.map((_x, j) => (i !== j && Math.abs(typed[i]![j]! * exact[j]![i]! - 1) > 1e-9 ? 1 : 0))).reduce((s: number, x) => s + x, 0);
        expect(b.adjustments).toHaveLength(changed);
        // reading only the upper triangle of the typed matrix gives the same weights too
        const u = ahpWeights(
          typed.map((row, i) => row.map((x, j) => (j < i ? null : x))),
          { method, read: "upper" },
        );
        u.weights.forEach((w, i) => expect(Math.abs(w - a.weights[i]!)).toBeLessThan(1e-9));
      }),
      { numRuns: 200 },
    );
  });
});
