import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * Saaty's random consistency index RI(n) for n = 1…10 (index 0 is n = 1).
 *
 * Sources: “How the numbers are computed: app vetting”, §7; npm packages `ahp`, `ahp-lite`.
 *
 * @example
 * ```ts
 * AHP_RANDOM_INDEX[2]; // => 0.58
 * ```
 * @category Tables
 */
export const AHP_RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/**
 * Saaty's acceptance threshold for the consistency ratio (CR ≤ 0.10).
 *
 * @example
 * ```ts
 * AHP_CONSISTENCY_THRESHOLD; // => 0.1
 * ```
 * @category Tables
 */
export const AHP_CONSISTENCY_THRESHOLD = 0.1;

/**
 * How AHP weights are computed: the principal eigenvector (power iteration, the default and the
 * method pinned by this package), normalized row geometric means, or column-normalized row means.
 * The three agree on a consistent matrix and differ on an inconsistent one.
 *
 * @category Comparison
 */
export type AhpMethod = "eigenvector" | "geometricMean" | "columnMean";

/**
 * The result of {@link ahpWeights}.
 *
 * @category Comparison
 */
export interface AhpResult {
  /** The method used. */
  readonly method: AhpMethod;
  /** Weights, summing to 1, one per row. */
  readonly weights: readonly number[];
  /** λmax, from C·w. */
  readonly lambdaMax: number;
  /** Consistency index (λmax − n) / (n − 1); 0 for n ≤ 2. */
  readonly consistencyIndex: number;
  /** Consistency ratio CI / RI(n); 0 for n ≤ 2; null for n > 10 (RI not tabulated). */
  readonly consistencyRatio: number | null;
  /** Whether CR ≤ 0.10 (Saaty); null when CR is unknown. */
  readonly consistent: boolean | null;
  /** One sentence. */
  readonly explanation: string;
}

const matrixSchema = z.array(z.array(z.number().finite().positive())).min(1).max(30);

/**
 * Derives criterion weights from pairwise judgements on Saaty's 1–9 scale (a reciprocal matrix:
 * `C[i][j]` says how much more important i is than j, `C[j][i] = 1 / C[i][j]`, ones on the
 * diagonal), with λmax, the consistency index and the consistency ratio `CR = CI / RI(n)`;
 * accept CR ≤ 0.10. The method is pinned (eigenvector by default) and named in the result.
 *
 * @param matrix - n × n judgements, each in [1/9, 9]
 * @param method - `eigenvector` (default), `geometricMean` or `columnMean`
 * @returns weights and consistency
 * @throws DistrictKitError for a matrix that is not square, not reciprocal, has a diagonal other than 1, or a judgement off the 1/9–9 scale
 * @example
 * ```ts
 * const r = ahpWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]);
 * r.weights.map((w) => Math.round(w * 1000) / 1000); // => [0.571, 0.286, 0.143]
 * Math.round(r.consistencyRatio! * 1000) / 1000; // => 0
 * ahpWeights([[1, 3], [3, 1]]); // throws
 * ```
 * @category Comparison
 */
export function ahpWeights(matrix: readonly (readonly number[])[], method: AhpMethod = "eigenvector"): AhpResult {
  const C = parseInput(matrixSchema, matrix, ["matrix"]);
  const how = parseInput(z.enum(["eigenvector", "geometricMean", "columnMean"]), method, ["method"]);
  const n = C.length;
  const issues: { path: (string | number)[]; message: string }[] = [];
  C.forEach((row, i) => {
    if (row.length !== n) issues.push({ path: ["matrix", i], message: `expected ${n} judgements (a square matrix), got ${row.length}` });
  });
  if (issues.length === 0) {
    for (let i = 0; i < n; i++) {
      if (Math.abs(C[i]![i]! - 1) > 1e-9) issues.push({ path: ["matrix", i, i], message: `expected 1 on the diagonal, got ${C[i]![i]}` });
      for (let j = 0; j < n; j++) {
        const x = C[i]![j]!;
        if (x < 1 / 9 - 1e-9 || x > 9 + 1e-9) issues.push({ path: ["matrix", i, j], message: `expected a judgement on Saaty's scale (1/9 to 9), got ${x}` });
        if (j > i && Math.abs(x * C[j]![i]! - 1) > 1e-6) issues.push({ path: ["matrix", j, i], message: `expected the reciprocal of matrix[${i}][${j}] (1/${x}), got ${C[j]![i]}` });
      }
    }
  }
  if (issues.length) throw new DistrictKitError("INVALID_ARGUMENT", issues);
  let w: number[];
  if (how === "geometricMean") {
    w = C.map((row) => Math.exp(row.reduce((s, x) => s + Math.log(x), 0) / n));
  } else if (how === "columnMean") {
    const colSums = C[0]!.map((_, j) => C.reduce((s, row) => s + row[j]!, 0));
    w = C.map((row) => row.reduce((s, x, j) => s + x / colSums[j]!, 0) / n);
  } else {
    w = new Array<number>(n).fill(1 / n);
    for (let it = 0; it < 10_000; it++) {
      const next = C.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
      const total = next.reduce((s, x) => s + x, 0);
      for (let i = 0; i < n; i++) next[i] = next[i]! / total;
      const change = next.reduce((m, x, i) => Math.max(m, Math.abs(x - w[i]!)), 0);
      w = next;
      if (change < 1e-15) break;
    }
  }
  const total = w.reduce((s, x) => s + x, 0);
  w = w.map((x) => x / total);
  const Cw = C.map((row) => row.reduce((s, x, j) => s + x * w[j]!, 0));
  const lambdaMax = Cw.reduce((s, x, i) => s + x / w[i]!, 0) / n;
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const ri = AHP_RANDOM_INDEX[n - 1];
  const cr = n <= 2 ? 0 : ri === undefined ? null : ci / ri;
  const consistent = cr === null ? null : cr <= AHP_CONSISTENCY_THRESHOLD;
  return {
    method: how,
    weights: w,
    lambdaMax,
    consistencyIndex: ci,
    consistencyRatio: cr,
    consistent,
    explanation:
      cr === null
        ? `Weights by ${how} for ${n} criteria; the random index is tabulated only up to n = 10, so the consistency ratio is unknown.`
        : `Weights by ${how}; λmax = ${lambdaMax.toFixed(3)}, CI = ${ci.toFixed(3)}, CR = ${cr.toFixed(3)} — ${consistent ? "acceptable (≤ 0.10)" : "too inconsistent (> 0.10): revise the judgements"}.`,
  };
}
