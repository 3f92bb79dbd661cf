import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";

// |x| ≤ 1e100 keeps every product w·x, square and sum a finite double (1e308 is the limit): a weight
// or a value beyond it is refused with its path instead of a NaN or Infinity in a score
const finite = z.number().finite().min(-1e100, { error: "expected a number of magnitude at most 1e100" }).max(1e100, { error: "expected a number of magnitude at most 1e100" });

/**
 * The zod schema of a decision matrix for {@link weightedSum} and {@link topsis}: weights (≥ 0,
 * not all 0), alternatives with one value per criterion, optional criterion names, which criteria
 * are benefits (`false` = cost), the normalization (weighted sum only) and the tie tolerance.
 *
 * @example
 * ```ts
 * decisionMatrixSchema.safeParse({ weights: [1, 1], alternatives: [{ id: "a", values: [1] }] }).success; // => false
 * ```
 * @category Schemas
 */
export const decisionMatrixSchema = z
  .strictObject({
    weights: z.array(finite.min(0)).min(1),
    alternatives: z.array(z.strictObject({ id: z.string().min(1), values: z.array(finite) })).min(1),
    criteria: z.array(z.string().min(1)).optional(),
    benefit: z.array(z.boolean()).optional(),
    normalize: z.enum(["none", "max"]).default("none"),
    tolerance: z.number().min(0).max(1).default(1e-9),
  })
  .superRefine((v, ctx) => {
    const m = v.weights.length;
    if (v.weights.every((w) => w === 0)) ctx.addIssue({ code: "custom", path: ["weights"], message: "expected at least one weight above zero" });
    if (v.criteria && v.criteria.length !== m) ctx.addIssue({ code: "custom", path: ["criteria"], message: `expected ${m} criterion names (one per weight), got ${v.criteria.length}` });
    if (v.benefit && v.benefit.length !== m) ctx.addIssue({ code: "custom", path: ["benefit"], message: `expected ${m} flags (one per weight), got ${v.benefit.length}` });
    const seen = new Set<string>();
    v.alternatives.forEach((a, i) => {
      if (a.values.length !== m) ctx.addIssue({ code: "custom", path: ["alternatives", i, "values"], message: `expected ${m} values (one per weight), got ${a.values.length}` });
      if (seen.has(a.id)) ctx.addIssue({ code: "custom", path: ["alternatives", i, "id"], message: `duplicate alternative id "${a.id}"` });
      seen.add(a.id);
    });
  });

/**
 * The input of {@link weightedSum} and {@link topsis}: weights (≥ 0, not all 0), alternatives
 * with one value per criterion (weights and values of magnitude at most 1e100), optional criterion names, which criteria are benefits (higher is
 * better; `false` = cost), the normalization (weighted sum only) and the tie tolerance.
 *
 * @category Comparison
 */
export type DecisionMatrix = z.input<typeof decisionMatrixSchema>;

/**
 * One alternative's place in a ranking.
 *
 * @category Comparison
 */
export interface RankedAlternative {
  /** Its id. */
  readonly id: string;
  /** Its value under the method (weighted sum, or TOPSIS closeness). */
  readonly score: number;
  /** Competition rank: tied alternatives share a rank, the next rank skips (1, 1, 3). */
  readonly rank: number;
}

/**
 * The smallest change of one weight that makes two neighbours in a ranking tie.
 *
 * @category Comparison
 */
export interface RankingRobustness {
  /** The criterion whose weight changes (index and name). */
  readonly criterion: number;
  /** Its name (or `#index`). */
  readonly name: string;
  /** Change of that weight at which the two tie: δ = (P_j − P_i) / (a_ik − a_jk). */
  readonly delta: number;
  /** |δ| / w_k (Infinity is never returned: criteria with weight 0 are skipped). */
  readonly relative: number;
  /** The alternative above and the one below. */
  readonly between: readonly [string, string];
}

/**
 * The result of {@link weightedSum} or {@link topsis}.
 *
 * @category Comparison
 */
export interface RankingResult {
  /** Which method. */
  readonly method: "weightedSum" | "topsis";
  /** Alternatives from best to worst; ties in id order. */
  readonly ranking: readonly RankedAlternative[];
  /** Groups of tied alternatives (each of two or more ids). */
  readonly ties: readonly (readonly string[])[];
  /** Weighted sum: the smallest relative weight change that makes neighbours tie (weights not renormalized); null for TOPSIS or with fewer than two distinct scores. */
  readonly robustness: RankingRobustness | null;
  /** What the method does and its caveats. */
  readonly note: string;
}

function rank(ids: readonly string[], scores: readonly number[], tol: number): { ranking: RankedAlternative[]; ties: string[][] } {
  const order = ids.map((id, i) => ({ id, score: scores[i]! })).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranking: RankedAlternative[] = [];
  const ties: string[][] = [];
  let group: string[] = [];
  for (let i = 0; i < order.length; i++) {
    const prev = ranking[i - 1];
    const tiedWithPrev = prev !== undefined && Math.abs(prev.score - order[i]!.score) <= tol * Math.max(1, Math.abs(prev.score));
    ranking.push({ id: order[i]!.id, score: order[i]!.score, rank: tiedWithPrev ? prev.rank : i + 1 });
    if (tiedWithPrev) group.push(order[i]!.id);
    else {
      if (group.length > 1) ties.push(group);
      group = [order[i]!.id];
    }
  }
  if (group.length > 1) ties.push(group);
  // re-sort tied groups by id (already by id from the sort; kept explicit for clarity)
  return { ranking, ties };
}

/**
 * Ranks alternatives by the weighted sum `P_i = Σ_j w_j·a_ij` (WSM/SAW). Valid only when the
 * criteria share a scale: pass `normalize: "max"` to divide benefits by the column maximum and
 * turn costs into min / a first. Ties are reported (competition ranks, listed in `ties`), never
 * broken silently; tied alternatives are listed in id order, so the ranking does not depend on
 * the order of the input. Also reports how robust the ranking is: the smallest relative change
 * of one weight (others unchanged, not renormalized) at which two neighbours tie.
 *
 * @param input - `{ weights, alternatives: [{ id, values }], criteria?, benefit?, normalize? = "none", tolerance? }`
 * @returns the ranking, ties and robustness
 * @throws DistrictKitError for mismatched lengths, negative or non-finite numbers, duplicate ids, all-zero weights
 * @example
 * ```ts
 * // test vector T2 (Wikipedia, "Weighted sum model")
 * const r = weightedSum({ weights: [0.2, 0.15, 0.4, 0.25], alternatives: [
 *   { id: "A1", values: [25, 20, 15, 30] }, { id: "A2", values: [10, 30, 20, 30] }, { id: "A3", values: [30, 10, 30, 10] },
 * ] });
 * r.ranking.map((a) => [a.id, Math.round(a.score * 100) / 100, a.rank]); // => [["A2", 22, 1], ["A3", 22, 1], ["A1", 21.5, 3]]
 * r.ties; // => [["A2", "A3"]]
 * ```
 * @category Comparison
 */
export function weightedSum(input: DecisionMatrix): RankingResult {
  const v = parseInput(decisionMatrixSchema, input);
  const m = v.weights.length;
  const benefit = v.benefit ?? v.weights.map(() => true);
  const cols = v.weights.map((_, j) => v.alternatives.map((a) => a.values[j]!));
  let a = v.alternatives.map((x) => x.values);
  if (v.normalize === "max") {
    const issues: { path: (string | number)[]; message: string }[] = [];
    cols.forEach((col, j) => {
      if (col.some((x) => x < 0)) issues.push({ path: ["alternatives"], message: `criterion ${j}: max-normalization needs values ≥ 0` });
      if (!benefit[j] && col.some((x) => x === 0)) issues.push({ path: ["alternatives"], message: `criterion ${j}: a cost of 0 cannot be normalized as min / a` });
    });
    if (issues.length) throw new DistrictKitError("INVALID_ARGUMENT", issues);
    // each column's maximum and minimum once (they were taken again for every cell: quadratic in
    // the alternatives, 10 s for 10,000 of them)
    const max = cols.map((col) => col.reduce((a, x) => (x > a ? x : a), -Infinity));
    const min = cols.map((col) => col.reduce((a, x) => (x < a ? x : a), Infinity));
    a = a.map((row) => row.map((x, j) => (benefit[j] ? (max[j] === 0 ? 0 : x / max[j]!) : min[j]! / x)));
  }
  const scores = a.map((row) => row.reduce((s, x, j) => s + v.weights[j]! * x, 0));
  const ids = v.alternatives.map((x) => x.id);
  const { ranking, ties } = rank(ids, scores, v.tolerance);
  let robustness: RankingRobustness | null = null;
  const index = new Map(ids.map((id, i) => [id, i]));
  // neighbours: every alternative of a rank against every one of the next rank (a tied group's
  // members are all neighbours of the group below, whichever of them the id order lists last)
  const pairs: [RankedAlternative, RankedAlternative][] = [];
  for (let start = 0; start < ranking.length; ) {
    let end = start;
    while (end < ranking.length && ranking[end]!.rank === ranking[start]!.rank) end++;
    let next = end;
    while (next < ranking.length && ranking[next]!.rank === ranking[end]?.rank) next++;
    for (let x = start; x < end; x++) for (let y = end; y < next; y++) pairs.push([ranking[x]!, ranking[y]!]);
    start = end;
  }
  for (const [hi, lo] of pairs) {
    const i = index.get(hi.id)!;
    const j = index.get(lo.id)!;
    for (let k = 0; k < m; k++) {
      const wk = v.weights[k]!;
      const diff = a[i]![k]! - a[j]![k]!;
      if (wk === 0 || diff === 0) continue;
      const delta = (scores[j]! - scores[i]!) / diff;
      if (wk + delta < 0) continue;
      const relative = Math.abs(delta) / wk;
      if (Number.isFinite(relative) && (robustness === null || relative < robustness.relative)) {
        robustness = { criterion: k, name: v.criteria?.[k] ?? `#${k}`, delta, relative, between: [hi.id, lo.id] };
      }
    }
  }
  return {
    method: "weightedSum",
    ranking,
    ties,
    robustness,
    note:
      (v.normalize === "none" ? "Weighted sum of the raw values: valid only when every criterion is on the same scale. " : "Weighted sum after max-normalization (benefit a/max, cost min/a). ") +
      (ties.length ? "Tied alternatives share a rank; no tie is broken without an explicit rule." : "No ties."),
  };
}

/**
 * Ranks alternatives by TOPSIS: vector-normalize each column (`r_ij = a_ij / √Σ_i a_ij²`),
 * weight it, take the ideal (column best) and anti-ideal (column worst; for cost criteria the
 * other way round), and rank by closeness `CC_i = D⁻_i / (D⁺_i + D⁻_i)` in [0, 1] (0.5 when both
 * distances are 0). **Rank reversal**: the normalization depends on the set of alternatives, so
 * adding or removing an app can reorder the others. Use it to compare candidates side by side,
 * never to approve or deny one.
 *
 * @param input - `{ weights, alternatives: [{ id, values }], criteria?, benefit? }`
 * @returns the ranking by closeness, and ties
 * @throws DistrictKitError for mismatched lengths, negative or non-finite numbers, duplicate ids, all-zero weights
 * @example
 * ```ts
 * const r = topsis({ weights: [1, 1], alternatives: [{ id: "a", values: [1, 0] }, { id: "b", values: [0, 1] }, { id: "c", values: [1, 1] }] });
 * r.ranking.map((x) => [x.id, Math.round(x.score * 1000) / 1000]); // => [["c", 1], ["a", 0.5], ["b", 0.5]]
 * ```
 * @category Comparison
 */
export function topsis(input: DecisionMatrix): RankingResult {
  const v = parseInput(decisionMatrixSchema, input);
  const m = v.weights.length;
  const n = v.alternatives.length;
  const benefit = v.benefit ?? v.weights.map(() => true);
  const norms = v.weights.map((_, j) => Math.sqrt(v.alternatives.reduce((s, a) => s + a.values[j]! * a.values[j]!, 0)));
  if (norms.some((x) => !Number.isFinite(x))) throw DistrictKitError.argument(["alternatives"], "values too large to normalize");
  const V = v.alternatives.map((a) => a.values.map((x, j) => (norms[j] === 0 ? 0 : (v.weights[j]! * x) / norms[j]!)));
  const best = new Array<number>(m);
  const worst = new Array<number>(m);
  for (let j = 0; j < m; j++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, V[i]![j]!);
      hi = Math.max(hi, V[i]![j]!);
    }
    best[j] = benefit[j] ? hi : lo;
    worst[j] = benefit[j] ? lo : hi;
  }
  const cc = V.map((row) => {
    let dp = 0;
    let dm = 0;
    for (let j = 0; j < m; j++) {
      dp += (row[j]! - best[j]!) ** 2;
      dm += (row[j]! - worst[j]!) ** 2;
    }
    dp = Math.sqrt(dp);
    dm = Math.sqrt(dm);
    const c = dp + dm === 0 ? 0.5 : dm / (dp + dm);
    return Math.min(1, Math.max(0, c));
  });
  const { ranking, ties } = rank(
    v.alternatives.map((a) => a.id),
    cc,
    v.tolerance,
  );
  return {
    method: "topsis",
    ranking,
    ties,
    robustness: null,
    note: "TOPSIS closeness to the ideal (vector normalization). Rank reversal: adding or removing an alternative can reorder the others, so use it only to compare candidates side by side, never for an absolute approve/deny.",
  };
}
