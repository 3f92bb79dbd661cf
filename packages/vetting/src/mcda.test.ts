import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { ahpWeights } from "./ahp.js";
import { topsis, weightedSum } from "./mcda.js";

const T2 = {
  weights: [0.2, 0.15, 0.4, 0.25],
  alternatives: [
    { id: "A1", values: [25, 20, 15, 30] },
    { id: "A2", values: [10, 30, 20, 30] },
    { id: "A3", values: [30, 10, 30, 10] },
  ],
};

describe("weightedSum", () => {
  // T2: Wikipedia, "Weighted sum model" example (DOMAIN-vetting.md §12)
  it("T2: scores 21.50, 22.00, 22.00 and reports the A2–A3 tie explicitly", () => {
    const r = weightedSum(T2);
    const byId = Object.fromEntries(r.ranking.map((a) => [a.id, a]));
    expect(byId.A1!.score).toBeCloseTo(21.5, 10);
    expect(byId.A2!.score).toBeCloseTo(22, 10);
    expect(byId.A3!.score).toBeCloseTo(22, 10);
    expect(r.ranking.map((a) => [a.id, a.rank])).toEqual([
      ["A2", 1],
      ["A3", 1],
      ["A1", 3],
    ]);
    expect(r.ties).toEqual([["A2", "A3"]]);
    expect(r.note).toMatch(/same scale/);
  });

  it("reports the smallest weight change that makes neighbours tie", () => {
    const r = weightedSum({
      weights: [1, 1],
      alternatives: [
        { id: "a", values: [3, 1] },
        { id: "b", values: [1, 2] },
      ],
    });
    // P_a = 4, P_b = 3; k = 0: δ = (3 − 4)/(3 − 1) = −0.5 (relative 0.5); k = 1: δ = −1/(1 − 2) = 1 (relative 1)
    expect(r.robustness).toEqual({ criterion: 0, name: "#0", delta: -0.5, relative: 0.5, between: ["a", "b"] });
  });

  it("normalizes by column max (benefits) and min / a (costs) when asked", () => {
    const r = weightedSum({
      weights: [1, 1],
      benefit: [true, false],
      normalize: "max",
      alternatives: [
        { id: "a", values: [10, 200] },
        { id: "b", values: [5, 100] },
      ],
    });
    expect(r.ranking.map((x) => [x.id, x.score])).toEqual([
      ["a", 1.5],
      ["b", 1.5],
    ]);
  });

  it("refuses mismatched lengths, negative weights, duplicate ids", () => {
    expect(() => weightedSum({ weights: [1, -1], alternatives: [{ id: "a", values: [1, 2] }] })).toThrow(DistrictKitError);
    expect(() => weightedSum({ weights: [1, 1], alternatives: [{ id: "a", values: [1] }] })).toThrow(DistrictKitError);
    expect(() =>
      weightedSum({
        weights: [1],
        alternatives: [
          { id: "a", values: [1] },
          { id: "a", values: [2] },
        ],
      }),
    ).toThrow(DistrictKitError);
    expect(() => weightedSum({ weights: [0], alternatives: [{ id: "a", values: [1] }] })).toThrow(DistrictKitError);
  });
});

describe("topsis", () => {
  it("computes closeness by the published steps (vector normalization, ideal and anti-ideal)", () => {
    const r = topsis(T2);
    // brute force of the six steps
    const norms = [0, 1, 2, 3].map((j) => Math.sqrt(T2.alternatives.reduce((s, a) => s + a.values[j]! ** 2, 0)));
    const v = T2.alternatives.map((a) => a.values.map((x, j) => (T2.weights[j]! * x) / norms[j]!));
    const best = [0, 1, 2, 3].map((j) => Math.max(...v.map((row) => row[j]!)));
    const worst = [0, 1, 2, 3].map((j) => Math.min(...v.map((row) => row[j]!)));
    const cc = v.map((row) => {
      const dp = Math.hypot(...row.map((x, j) => x - best[j]!));
      const dm = Math.hypot(...row.map((x, j) => x - worst[j]!));
      return dm / (dp + dm);
    });
    for (const a of r.ranking) expect(a.score).toBeCloseTo(cc[T2.alternatives.findIndex((x) => x.id === a.id)]!, 12);
    expect(r.note).toMatch(/Rank reversal/);
  });

  it("gives 0.5 when an alternative is at both the ideal and the anti-ideal", () => {
    const r = topsis({
      weights: [1],
      alternatives: [
        { id: "a", values: [2] },
        { id: "b", values: [2] },
      ],
    });
    expect(r.ranking.map((x) => x.score)).toEqual([0.5, 0.5]);
    expect(r.ties).toEqual([["a", "b"]]);
  });

  it("treats cost criteria the other way round", () => {
    const r = topsis({
      weights: [1],
      benefit: [false],
      alternatives: [
        { id: "cheap", values: [1] },
        { id: "dear", values: [3] },
      ],
    });
    expect(r.ranking.map((x) => [x.id, x.score])).toEqual([
      ["cheap", 1],
      ["dear", 0],
    ]);
  });
});

describe("ahpWeights", () => {
  it("finds the exact weights and CR = 0 on a consistent matrix, with every method", () => {
    const m = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    for (const method of ["eigenvector", "geometricMean", "columnMean"] as const) {
      const r = ahpWeights(m, method);
      expect(r.weights[0]).toBeCloseTo(4 / 7, 9);
      expect(r.weights[1]).toBeCloseTo(2 / 7, 9);
      expect(r.lambdaMax).toBeCloseTo(3, 9);
      expect(r.consistencyRatio).toBeCloseTo(0, 9);
      expect(r.method).toBe(method);
    }
  });

  it("computes CR = CI / RI(n) with Saaty's RI and flags CR > 0.10", () => {
    // an inconsistent 3 × 3: 1 > 2 (3), 2 > 3 (3), but 3 > 1 (2)
    const r = ahpWeights([
      [1, 3, 1 / 2],
      [1 / 3, 1, 3],
      [2, 1 / 3, 1],
    ]);
    expect(r.consistencyIndex).toBeCloseTo((r.lambdaMax - 3) / 2, 12);
    expect(r.consistencyRatio).toBeCloseTo(r.consistencyIndex / 0.58, 12);
    expect(r.consistent).toBe(false);
    // methods differ on an inconsistent matrix: pin one
    const g = ahpWeights(
      [
        [1, 3, 1 / 2],
        [1 / 3, 1, 3],
        [2, 1 / 3, 1],
      ],
      "columnMean",
    );
    expect(g.weights).not.toEqual(r.weights);
  });

  it("n ≤ 2 is always consistent; a 2 × 2 gives the judgement's split", () => {
    const r = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.consistencyRatio).toBe(0);
    expect(r.consistent).toBe(true);
  });

  it("refuses matrices that are not square, not reciprocal, off-scale, or with a bad diagonal", () => {
    expect(() => ahpWeights([[1, 2]])).toThrow(DistrictKitError);
    expect(() =>
      ahpWeights([
        [1, 3],
        [3, 1],
      ]),
    ).toThrow(DistrictKitError);
    expect(() =>
      ahpWeights([
        [1, 12],
        [1 / 12, 1],
      ]),
    ).toThrow(DistrictKitError);
    expect(() =>
      ahpWeights([
        [2, 1],
        [1, 2],
      ]),
    ).toThrow(DistrictKitError);
    expect(() =>
      ahpWeights([
        [1, Number.NaN],
        [1, 1],
      ]),
    ).toThrow(DistrictKitError);
  });
});

describe("ahpWeights: a pair exactly at the reciprocal tolerance", () => {
  it("reads a product exactly 5 % from 1 as reciprocal (0.19 or 0.21 for 1/5), as the tolerance says, and refuses one beyond it", () => {
    // 0.19 × 5 = 0.95 and 0.21 × 5 = 1.05 in decimals, 5 % from 1 exactly; in floating point the
    // distance is 0.050000000000000044, which was refused with "their product is 1.05, more than 5 % from 1"
    for (const typed of [0.19, 0.21]) {
      const r = ahpWeights([
        [1, 5],
        [typed, 1],
      ]);
      expect(r.weights[0]).toBeCloseTo(5 / 6, 12);
      expect(r.adjustments.map((a) => a.message)).toEqual([`matrix[1][0] = ${typed} read as 1/5, the reciprocal of matrix[0][1] = 5`]);
      const upper = ahpWeights(
        [
          [1, typed],
          [null, 1],
        ],
        { read: "upper" },
      );
      expect(upper.matrix[0]![1]).toBe(1 / 5);
    }
    expect(() =>
      ahpWeights([
        [1, 5],
        [0.22, 1],
      ]),
    ).toThrow(/their product is 1.1, more than 5 % from 1/);
  });
});

describe("ahpWeights: reciprocals typed as decimals", () => {
  const exact = [
    [1, 3, 7],
    [1 / 3, 1, 3],
    [1 / 7, 1 / 3, 1],
  ];
  const typed = [
    [1, 3, 7],
    [0.33, 1, 3],
    [0.14, 0.33, 1],
  ];

  it("reads 0.33 as 1/3 and 0.14 as 1/7: the same weights as the exact matrix, one warning per judgement", () => {
    const r = ahpWeights(typed);
    const e = ahpWeights(exact);
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(e.weights[i]!, 12));
    expect(r.consistencyRatio).toBeCloseTo(e.consistencyRatio!, 12);
    expect(r.adjustments.map((a) => [a.at, a.given, a.message])).toEqual([
      [[1, 0], 0.33, "matrix[1][0] = 0.33 read as 1/3, the reciprocal of matrix[0][1] = 3"],
      [[2, 0], 0.14, "matrix[2][0] = 0.14 read as 1/7, the reciprocal of matrix[0][2] = 7"],
      [[2, 1], 0.33, "matrix[2][1] = 0.33 read as 1/3, the reciprocal of matrix[1][2] = 3"],
    ]);
    expect(r.matrix[1]![0]).toBe(1 / 3);
    expect(r.explanation).toContain("3 judgements typed as decimals were read as exact reciprocals (matrix[1][0] = 0.33 read as 1/3");
    expect(ahpWeights(exact).adjustments).toEqual([]);
    expect(ahpWeights(exact).explanation).not.toContain("typed as");
  });

  it("keeps the whole judgement wherever it is typed, above or below the diagonal", () => {
    const r = ahpWeights([
      [1, 0.2],
      [5, 1],
    ]);
    expect(r.weights[1]).toBeCloseTo(5 / 6, 12);
    expect(r.adjustments).toEqual([]); // 0.2 × 5 is exactly 1
    const s = ahpWeights([
      [1, 0.13],
      [8, 1],
    ]);
    expect(s.adjustments[0]!.message).toBe("matrix[0][1] = 0.13 read as 1/8, the reciprocal of matrix[1][0] = 8");
  });

  it("refuses a clearly inconsistent pair, saying what was expected, and honours a stricter tolerance", () => {
    let error: DistrictKitError | undefined;
    try {
      ahpWeights([
        [1, 3],
        [0.5, 1],
      ]);
    } catch (e) {
      error = e as DistrictKitError;
    }
    expect(error?.issues.map((i) => [i.pathText, i.message])).toEqual([["matrix[1][0]", "expected the reciprocal of matrix[0][1] = 3 (1/3), got 0.5: their product is 1.5, more than 5 % from 1"]]);
    expect(() => ahpWeights(typed, { reciprocalTolerance: 0.01 })).toThrow(DistrictKitError); // 0.14 × 7 = 0.98 is 2 % off
    expect(ahpWeights(typed, { reciprocalTolerance: 0.02 }).adjustments).toHaveLength(3);
    expect(() => ahpWeights(typed, { reciprocalTolerance: 0.5 })).toThrow(DistrictKitError);
  });

  it("reads the upper triangle only when asked, and says so", () => {
    const r = ahpWeights(
      [
        [1, 3, 7],
        [null, 1, 3],
        [5, null, 1], // ignored: the lower triangle is not read
      ],
      { read: "upper", method: "geometricMean" },
    );
    const e = ahpWeights(exact, "geometricMean");
    r.weights.forEach((w, i) => expect(w).toBeCloseTo(e.weights[i]!, 12));
    expect([r.read, r.method]).toEqual(["upper", "geometricMean"]);
    expect(r.explanation).toContain("Read from the 3 judgements above the diagonal; the lower triangle is their reciprocals.");
    const d = ahpWeights(
      [
        [1, 0.33],
        [null, 1],
      ],
      { read: "upper" },
    );
    expect([d.matrix[0]![1], d.matrix[1]![0], d.adjustments[0]!.message]).toEqual([1 / 3, 3, "matrix[0][1] = 0.33 read as 1/3"]);
    // an empty judgement above the diagonal, or below it when both triangles are read, is refused
    expect(() =>
      ahpWeights(
        [
          [1, null],
          [1, 1],
        ],
        { read: "upper" },
      ),
    ).toThrow(DistrictKitError);
    expect(() =>
      ahpWeights([
        [1, 2],
        [null, 1],
      ]),
    ).toThrow(DistrictKitError);
  });
});
