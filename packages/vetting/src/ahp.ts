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
 * How far a pair of judgements may be from exact reciprocals and still be read as reciprocal:
 * `|C[i][j]·C[j][i] − 1| ≤ 0.05`. It accepts every reciprocal of Saaty's 1–9 typed with two
 * decimals (the farthest, 0.13 or 0.12 for 1/8, is 4 % off; 0.33 for 1/3 is 1 %, 0.14 for 1/7
 * 2 %), and refuses a clearly inconsistent pair (3 and 0.5, 2 and 2).
 *
 * @example
 * ```ts
 * AHP_RECIPROCAL_TOLERANCE; // => 0.05
 * ```
 * @category Tables
 */
export const AHP_RECIPROCAL_TOLERANCE = 0.05;

/**
 * Options of {@link ahpWeights}.
 *
 * - `method`: how weights are computed (default `eigenvector`).
 * - `read`: `both` (default) reads the whole matrix and checks each pair is reciprocal within
 *   `reciprocalTolerance`; `upper` reads only the judgements above the diagonal and derives the
 *   lower triangle from them (it may be empty: `null`).
 * - `reciprocalTolerance`: see {@link AHP_RECIPROCAL_TOLERANCE} (0 to 0.25).
 *
 * @category Comparison
 */
export interface AhpOptions {
  readonly method?: AhpMethod;
  readonly read?: "both" | "upper";
  readonly reciprocalTolerance?: number;
}

/**
 * A judgement that was not used as typed, and what was used instead.
 *
 * @category Comparison
 */
export interface AhpAdjustment {
  /** Where it is: `[row, column]`. */
  readonly at: readonly [number, number];
  /** What was typed (`null`: left empty, in the upper-triangle reading). */
  readonly given: number | null;
  /** What was used: the exact reciprocal of its partner (or of a whole judgement 2–9). */
  readonly used: number;
  /** In words, e.g. `matrix[1][0] = 0.33 read as 1/3, the reciprocal of matrix[0][1] = 3`. */
  readonly message: string;
}

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
  /** How the matrix was read: both triangles (checked against each other) or the upper one only. */
  readonly read: "both" | "upper";
  /** The tolerance a pair was read with. */
  readonly reciprocalTolerance: number;
  /** The exactly reciprocal matrix the weights come from. */
  readonly matrix: readonly (readonly number[])[];
  /** Judgements typed as rounded decimals (0.33, 0.14) that were read as exact reciprocals — each a warning. */
  readonly adjustments: readonly AhpAdjustment[];
  /** One sentence. */
  readonly explanation: string;
}

const matrixSchema = z.array(z.array(z.number().finite().positive().nullable())).min(1).max(30);
const optionsSchema = z.strictObject({
  method: z.enum(["eigenvector", "geometricMean", "columnMean"]).default("eigenvector"),
  read: z.enum(["both", "upper"]).default("both"),
  reciprocalTolerance: z.number().min(0).max(0.25).default(AHP_RECIPROCAL_TOLERANCE),
});

const SCALE_MAX = 9 * (1 + 1e-9);
const EXACT = 1e-9;
/**
 * Whether a pair's product is within the tolerance of 1, the bound included as written: 0.19 × 5
 * is 0.95 in decimals but 1 − 0.95 is 0.050000000000000044 in floating point, so the comparison
 * allows 1e-12 of rounding (far below any difference a judgement typed in decimals makes).
 */
const withinTolerance = (product: number, tol: number): boolean => Math.abs(product - 1) <= tol + 1e-12;

/** `1/3` for a value near a Saaty reciprocal, else the number with up to 4 decimals. */
function show(x: number): string {
  const k = Math.round(1 / x);
  if (x < 1 && Math.abs(k * x - 1) <= EXACT) return `1/${k}`;
  return String(Math.round(x * 10_000) / 10_000);
}

/**
 * Derives criterion weights from pairwise judgements on Saaty's 1–9 scale (a reciprocal matrix:
 * `C[i][j]` says how much more important i is than j, `C[j][i] = 1 / C[i][j]`, ones on the
 * diagonal), with λmax, the consistency index and the consistency ratio `CR = CI / RI(n)`;
 * accept CR ≤ 0.10. The method is pinned (eigenvector by default) and named in the result.
 *
 * People type reciprocals as decimals (0.33 for 1/3, 0.14 for 1/7). A pair whose product is
 * within {@link AHP_RECIPROCAL_TOLERANCE} of 1 is read as reciprocal: the larger judgement is
 * kept and the other becomes its exact reciprocal, with a warning in `adjustments`; only a pair
 * clearly not reciprocal (3 and 0.5) is refused. With `read: "upper"` only the judgements above
 * the diagonal are read (a decimal there within the tolerance of 1/2 … 1/9 is read as that
 * fraction), and the result says so.
 *
 * @param matrix - n × n judgements, each in [1/9, 9] (in the upper reading, the lower triangle may be `null`)
 * @param options - a method name, or {@link AhpOptions}
 * @returns weights and consistency, the matrix used and the judgements adjusted
 * @throws DistrictKitError for a matrix that is not square, has a pair clearly not reciprocal, a diagonal other than 1, or a judgement off the 1/9–9 scale
 * @example
 * ```ts
 * const r = ahpWeights([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]);
 * r.weights.map((w) => Math.round(w * 1000) / 1000); // => [0.571, 0.286, 0.143]
 * Math.round(r.consistencyRatio! * 1000) / 1000; // => 0
 * // typed as decimals: read as exact reciprocals, with a warning each
 * const typed = ahpWeights([[1, 3, 7], [0.33, 1, 3], [0.14, 0.33, 1]]);
 * typed.adjustments.map((a) => a.message)[0]; // => "matrix[1][0] = 0.33 read as 1/3, the reciprocal of matrix[0][1] = 3"
 * ahpWeights([[1, 3, 7], [null, 1, 3], [null, null, 1]], { read: "upper" }).read; // => "upper"
 * ahpWeights([[1, 3], [0.5, 1]]); // throws
 * ```
 * @category Comparison
 */
export function ahpWeights(matrix: readonly (readonly (number | null)[])[], options: AhpMethod | AhpOptions = "eigenvector"): AhpResult {
  const M = parseInput(matrixSchema, matrix, ["matrix"]);
  const opts = parseInput(optionsSchema, typeof options === "string" ? { method: options } : options, typeof options === "string" ? [] : ["options"]);
  const how = opts.method;
  const tol = opts.reciprocalTolerance;
  const upper = opts.read === "upper";
  const n = M.length;
  const issues: { path: (string | number)[]; message: string }[] = [];
  M.forEach((row, i) => {
    if (row.length !== n) issues.push({ path: ["matrix", i], message: `expected ${n} judgements (a square matrix), got ${row.length}` });
  });
  const C: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  const adjustments: AhpAdjustment[] = [];
  if (issues.length === 0) {
    const offScale = (i: number, j: number, x: number) => issues.push({ path: ["matrix", i, j], message: `expected a judgement on Saaty's scale (1/9 to 9), got ${x}` });
    for (let i = 0; i < n; i++) {
      const d = M[i]![i]!;
      if (d === null ? !upper : Math.abs(d - 1) > EXACT) issues.push({ path: ["matrix", i, i], message: `expected 1 on the diagonal, got ${d}` });
      for (let j = i + 1; j < n; j++) {
        const x = M[i]![j]!;
        const y = M[j]![i]!;
        if (x === null) {
          issues.push({ path: ["matrix", i, j], message: 'expected a judgement (only the lower triangle may be left empty, with read: "upper")' });
          continue;
        }
        if (upper) {
          let v = x;
          if (x < 1) {
            const k = Math.round(1 / x);
            if (k >= 2 && k <= 9 && withinTolerance(k * x, tol) && Math.abs(k * x - 1) > EXACT) {
              v = 1 / k;
              adjustments.push({ at: [i, j], given: x, used: v, message: `matrix[${i}][${j}] = ${x} read as 1/${k}` });
            }
          }
          if (v > SCALE_MAX || v < 1 / SCALE_MAX) offScale(i, j, x);
          C[i]![j] = v;
          C[j]![i] = 1 / v;
          continue;
        }
        if (y === null) {
          issues.push({ path: ["matrix", j, i], message: 'expected a judgement (leave the lower triangle empty only with read: "upper")' });
          continue;
        }
        // keep the larger of the pair; the other must be its reciprocal within the tolerance
        const [ki, kj, kept, other] = x >= y ? [i, j, x, y] : [j, i, y, x];
        const product = kept * other;
        if (!withinTolerance(product, tol)) {
          issues.push({
            path: ["matrix", kj, ki],
            message: `expected the reciprocal of matrix[${ki}][${kj}] = ${show(kept)} (${show(1 / kept)}), got ${other}: their product is ${Math.round(product * 1000) / 1000}, more than ${Math.round(tol * 100)} % from 1`,
          });
          continue;
        }
        if (kept > SCALE_MAX) offScale(ki, kj, kept);
        C[ki]![kj] = kept;
        C[kj]![ki] = 1 / kept;
        if (Math.abs(product - 1) > EXACT)
          adjustments.push({
            at: [kj, ki],
            given: other,
            used: 1 / kept,
            message: `matrix[${kj}][${ki}] = ${other} read as ${show(1 / kept)}, the reciprocal of matrix[${ki}][${kj}] = ${show(kept)}`,
          });
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
  const reading =
    (upper ? ` Read from the ${(n * (n - 1)) / 2} judgements above the diagonal; the lower triangle is their reciprocals.` : "") +
    (adjustments.length > 0
      ? ` ${adjustments.length} judgement${adjustments.length === 1 ? "" : "s"} typed as ${adjustments.length === 1 ? "a decimal was" : "decimals were"} read as exact reciprocal${adjustments.length === 1 ? "" : "s"} (${adjustments[0]!.message}${adjustments.length > 1 ? ", …" : ""}).`
      : "");
  return {
    method: how,
    weights: w,
    lambdaMax,
    consistencyIndex: ci,
    consistencyRatio: cr,
    consistent,
    read: opts.read,
    reciprocalTolerance: tol,
    matrix: C,
    adjustments,
    explanation:
      (cr === null
        ? `Weights by ${how} for ${n} criteria; the random index is tabulated only up to n = 10, so the consistency ratio is unknown.`
        : `Weights by ${how}; λmax = ${lambdaMax.toFixed(3)}, CI = ${ci.toFixed(3)}, CR = ${cr.toFixed(3)} — ${consistent ? "acceptable (≤ 0.10)" : "too inconsistent (> 0.10): revise the judgements"}.`) +
      reading,
  };
}
