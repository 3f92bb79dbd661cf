// The exact solve of one node of the commitment's branch and bound (commitLp.ts) once few schools
// still choose: a range [qlo, qhi] of the committed quantity, in every year a range [a, b] of the
// seats bought on top of it, and the schools that reduced-cost fixing left free (the fixed ones
// add a constant site cost or constant pooled seats).
//
// How (in plain words):
// - A year's free schools matter only through the seats they leave to the pool N and what their
//   site licences cost c. Their Pareto frontier (the cheapest c for each N, kept only when cheaper
//   than every choice leaving fewer seats) is built school by school: each school doubles the list
//   (pooled: N + d; site licence: c + F), the two halves are merged by N and pruned. Fixed schools
//   and the year's fixed costs start the list. Given the year's price λ from the relaxation, a
//   point whose c + λ·N exceeds the least by the node's gap is dropped as it is made: at λ the
//   relaxation prices it that much above the node's bound, and the schools still to come can only
//   add to that excess.
// - With q committed seats a year costs V_t(q) = min over its frontier of c + H_t(max(a, N − q))
//   (points needing more than b left out), H_t the exact cost of the year's cheapest mix (buying up
//   allowed, so H_t never decreases). The frontier is scanned from its largest N down (c rising,
//   H falling) and stops once c alone is no better than the best found.
// - The node's plans cost T(q) = π·q + Σ_t V_t(q) + plain: the least over the q range is the node's
//   exact value, a plan's cost and a bound at once. When no mix has packs, H_t is concave between
//   its tuples' key points, so with the frontier points fixed T is concave between the quantities
//   N − k (k a key, or a or b): only those can be least, a few hundred instead of the whole range.
// - H_t of a mix without packs is computed from flat arrays of its tuples (linearCost).
// - The relaxation's bounds prune the scan: at year t's price λ_t a point costs at least
//   c + λ_t·x + m_t (x the seats it buys), and the years after it at least their relaxations; a
//   point (or a quantity) that cannot beat the best plan so far is not priced.
// Why it is fast: the frontier holds the few site sets near the year's price, the candidate
//   quantities are few, the bounds skip most of them and most points. The caller gives a work
//   budget (quantities × frontier points) and branches further when it would be exceeded.
// Reference in the tests: commitLeaf.prop.test.ts compares the frontier with every site set of the
// free schools (pruned or not), the flat-array cost with Mix.eval, and the node's value (over every
// quantity, and over the candidates) with the enumeration of every q in the range and every site
// set of every year, priced from scratch.

import type { Mix } from "./mix.js";
import type { TupleCurve } from "./tuple.js";

/** One year of a node: the free schools and what the fixed ones add. */
export interface LeafYear {
  /** Fixed costs (forced and fixed site licences). */
  readonly base: number;
  /** Seats always pooled (schools without a site licence, schools fixed to the pool). */
  readonly N0: number;
  /** Free schools: site licence price and seats. */
  readonly F: ArrayLike<number>;
  readonly d: ArrayLike<number>;
}

/** Pareto frontier of a year: seats left to the pool (ascending) and the cheapest site cost (descending). */
export interface Frontier {
  readonly N: Float64Array;
  readonly c: Float64Array;
}

// Module-level scratch for frontierOf's merge steps: two pairs of buffers written in turn (one
// step reads a pair, writes the other), grown as needed and reused by every call. They never leak
// into a result: frontierOf returns copies (slice) of the final step's points.
let bufN: Float64Array[] = [new Float64Array(64), new Float64Array(64)];
let bufC: Float64Array[] = [new Float64Array(64), new Float64Array(64)];

/**
 * The frontier of a year's free schools (fixed costs included), or null when it would hold more
 * than `cap` points. With a price λ and `drop`, a point is left out (with every point made from it)
 * when `drop` says so of its excess (c + λ·N) − (the least of those): the schools still to add
 * raise the least by the least they can add to any point, so an excess never falls.
 */
export function frontierOf(y: LeafYear, cap: number, lambda = 0, drop?: (excess: number) => boolean): Frontier | null {
  let cur = 0;
  bufN[0]![0] = y.N0;
  bufC[0]![0] = y.base;
  let n = 1;
  for (let i = 0; i < y.F.length; i++) {
    const F = y.F[i]!;
    const d = y.d[i]!;
    if (bufN[0]!.length < 2 * n) {
      // grow both pairs, keeping the current points
      const size = Math.max(4 * n, 2 * bufN[0]!.length);
      const grow = (b: Float64Array): Float64Array => {
        const g = new Float64Array(size);
        g.set(b.subarray(0, n));
        return g;
      };
      bufN = [grow(bufN[0]!), grow(bufN[1]!)];
      bufC = [grow(bufC[0]!), grow(bufC[1]!)];
    }
    const N = bufN[cur]!;
    const c = bufC[cur]!;
    const outN = bufN[1 - cur]!;
    const outC = bufC[1 - cur]!;
    let len = 0;
    let cheapest = Number.POSITIVE_INFINITY;
    // merge the site half (N, c + F) with the pooled half (N + d, c), both ascending in N
    let a = 0;
    let b = 0;
    while (a < n || b < n) {
      let x: number;
      let v: number;
      if (b >= n || (a < n && N[a]! <= N[b]! + d)) {
        x = N[a]!;
        v = c[a]! + F;
        a++;
      } else {
        x = N[b]! + d;
        v = c[b]!;
        b++;
      }
      if (v < cheapest) {
        if (len > 0 && outN[len - 1] === x) outC[len - 1] = v;
        else {
          outN[len] = x;
          outC[len] = v;
          len++;
        }
        cheapest = v;
      }
    }
    if (drop !== undefined) {
      let g = Number.POSITIVE_INFINITY;
      for (let j = 0; j < len; j++) g = Math.min(g, outC[j]! + lambda * outN[j]!);
      let m = 0;
      for (let j = 0; j < len; j++) {
        if (drop(outC[j]! + lambda * outN[j]! - g)) continue;
        outN[m] = outN[j]!;
        outC[m] = outC[j]!;
        m++;
      }
      len = m;
    }
    if (len > cap) return null;
    cur = 1 - cur;
    n = len;
  }
  return { N: bufN[cur]!.slice(0, n), c: bufC[cur]!.slice(0, n) };
}

/**
 * Lower bounds of the node's years from its relaxation: at year t's price λ_t, x seats bought cost
 * at least λ_t·x + m_t on [a_t, b_t] (m_t: the least of the hull's cost − λ_t·x there).
 */
export interface LeafBounds {
  readonly lambda: ArrayLike<number>;
  readonly m: ArrayLike<number>;
}

/**
 * The least T(q) = π·q + plain + Σ_t V_t(q) over the quantities `qs` and the first q where it is
 * reached, each year buying x seats on top with x in [a_t, b_t] (at least the seats its frontier
 * point needs: x = max(a_t, N − q), the point left out when that is above b_t); `H(t, x)` is year
 * t's exact cost of x ≥ 1 seats (H(t, 0) is 0). Only plans below `cutoff` are sought: when none
 * is, the cost returned is at least `cutoff`. With `lag`, a point is priced by H only when its
 * bound c + λ_t·x + m_t (and the other years' bounds) leave it below the best found: the bounds
 * skip most points and most quantities.
 */
export function leafSolve(
  pi: number,
  plain: number,
  fronts: readonly Frontier[],
  H: (t: number, x: number) => number,
  a: readonly number[],
  b: readonly number[],
  qs: ArrayLike<number>,
  cutoff = Number.POSITIVE_INFINITY,
  lag?: LeafBounds,
): { q: number; cost: number } {
  const Yn = fronts.length;
  let bestQ = -1;
  let best = cutoff;
  // each year's least c + λ·N, and per q the years' bounds from t on
  const g = new Float64Array(Yn);
  const lam = new Float64Array(Yn);
  const m = new Float64Array(Yn).fill(Number.NEGATIVE_INFINITY);
  if (lag !== undefined)
    for (let t = 0; t < Yn; t++) {
      const { N, c } = fronts[t]!;
      lam[t] = lag.lambda[t]!;
      m[t] = lag.m[t]!;
      let least = Number.POSITIVE_INFINITY;
      for (let j = 0; j < N.length; j++) least = Math.min(least, c[j]! + lam[t]! * N[j]!);
      g[t] = least;
    }
  const rest = new Float64Array(Yn + 1);
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    for (let t = Yn - 1; t >= 0; t--) rest[t] = rest[t + 1]! + g[t]! - lam[t]! * q + m[t]!;
    let cost = plain + pi * q;
    if (!(cost + rest[0]! < best)) continue;
    for (let t = 0; t < Yn && cost < best; t++) {
      const { N, c } = fronts[t]!;
      const at = a[t]!;
      const bt = b[t]!;
      const lt = lam[t]!;
      const mt = m[t]!;
      // what this year may cost for the plan to beat the best (the later years at their bounds)
      const room = best - cost - rest[t + 1]!;
      let v = Number.POSITIVE_INFINITY;
      for (let j = N.length - 1; j >= 0; j--) {
        const cj = c[j]!;
        const cap = v < room ? v : room;
        if (cj >= cap) break;
        const need = N[j]! - q;
        if (need > bt) continue;
        const x = need > at ? need : at;
        if (cj + lt * x + mt >= cap) continue;
        const y = x > 0 ? cj + H(t, x) : cj;
        if (y < v) v = y;
      }
      cost += v;
    }
    if (cost < best) {
      best = cost;
      bestQ = q;
    }
  }
  return bestQ < 0 ? { q: -1, cost: Number.POSITIVE_INFINITY } : { q: bestQ, cost: best };
}

/**
 * The quantities of [qlo, qhi] where the least of leafSolve's T(q) is reached, when each H_t is
 * concave between consecutive points of `keys[t]` (0 and 1 among them): with every year's
 * frontier point fixed, T is then concave between the quantities N − k (k a key of the year in
 * [a_t, b_t], or a_t, or b_t; N a point of its frontier), so its least is at one of them or at an
 * end. Sorted, without repeats.
 */
export function candidates(fronts: readonly Frontier[], keys: readonly ArrayLike<number>[], a: readonly number[], b: readonly number[], qlo: number, qhi: number): Float64Array {
  // every quantity into the module-level scratch, then sorted in place and copied out without repeats
  let len = 0;
  const put = (q: number): void => {
    if (len === candScratch.length) {
      const grown = new Float64Array(2 * len);
      grown.set(candScratch);
      candScratch = grown;
    }
    candScratch[len++] = q;
  };
  put(qlo);
  put(qhi);
  for (let t = 0; t < fronts.length; t++) {
    const f = fronts[t]!;
    const at = a[t]!;
    const bt = b[t]!;
    const all = keys[t]!;
    // the year's keys: a_t, b_t, then each key strictly between them (picked once per year)
    if (yearKeyScratch.length < all.length + 2) yearKeyScratch = new Float64Array(2 * (all.length + 2));
    yearKeyScratch[0] = at;
    yearKeyScratch[1] = bt;
    let nk = 2;
    for (let i = 0; i < all.length; i++) if (all[i]! > at && all[i]! < bt) yearKeyScratch[nk++] = all[i]!;
    for (let j = 0; j < f.N.length; j++) {
      const n = f.N[j]!;
      if (n - bt > qhi || n - at < qlo) continue;
      for (let i = 0; i < nk; i++) {
        const q = n - yearKeyScratch[i]!;
        if (q >= qlo && q <= qhi) put(q);
      }
    }
  }
  const sorted = candScratch.subarray(0, len).sort();
  let m = 0;
  for (let i = 0; i < len; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i]!;
  return sorted.slice(0, m);
}

// Module-level scratch of candidates: the quantities and one year's keys (grown as needed; every
// cell read is written first in the same call). The result is a copy: it never shares them.
let candScratch = new Float64Array(1024);
let yearKeyScratch = new Float64Array(64);

/** A tuple of a mix without packs (tuple.ts): C for its first A seats, then pieces by slope, at most cap seats. */
export interface LinearTuple {
  readonly A: number;
  readonly C: number;
  readonly cap: number;
  readonly fill: readonly { readonly width: number; readonly slope: number }[];
}

/**
 * The exact cost of x seats under a mix whose tuples have no packs — the least tuple's cost, as
 * Mix.eval computes it — as a closure over flat arrays (no allocation, no lookup).
 */
export function linearCost(tuples: readonly LinearTuple[]): (x: number) => number {
  const n = tuples.length;
  const A = Float64Array.from(tuples, (t) => t.A);
  const C = Float64Array.from(tuples, (t) => t.C);
  const cap = Float64Array.from(tuples, (t) => t.cap);
  const start = new Int32Array(n + 1);
  tuples.forEach((t, i) => (start[i + 1] = start[i]! + t.fill.length));
  const width = new Float64Array(start[n]!);
  const slope = new Float64Array(start[n]!);
  tuples.forEach((t, i) =>
    t.fill.forEach((p, k) => {
      width[start[i]! + k] = p.width;
      slope[start[i]! + k] = p.slope;
    }),
  );
  return (x: number): number => {
    if (x <= 0) return 0;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (x > cap[i]!) continue;
      let c = C[i]!;
      let left = x - A[i]!;
      for (let k = start[i]!; left > 0 && k < start[i + 1]!; k++) {
        const w = width[k]!;
        if (left <= w) {
          c += slope[k]! * left;
          left = 0;
        } else {
          c += slope[k]! * w;
          left -= w;
        }
      }
      if (left > 0) c = Number.POSITIVE_INFINITY;
      if (c < best) best = c;
    }
    return best;
  };
}

/** Whether a tuple has no packs (its exact cost is its fill: linear between its key points). */
export const hingesOnly = (c: TupleCurve): boolean => c.picks.every((p) => p === null || p.kind === "hinge");

const keysMemo = new WeakMap<Mix, Float64Array | null>();
/**
 * Seat counts (from 0 to at least D) between which a mix's exact cost is concave: every tuple's
 * key points (each tuple is linear between its own, so their least is concave between all of
 * them), floors and ceilings; null when a tuple has packs (not linear between its key points) or D
 * is past the seats the mix's kept tuples answer for.
 */
export function concaveKeys(mix: Mix, D: number): Float64Array | null {
  if (keysMemo.has(mix)) {
    const k = keysMemo.get(mix)!;
    if (k === null || k[k.length - 1]! >= D) return k;
  }
  let out: Float64Array | null = null;
  if (D <= mix.top && mix.curves.every(hingesOnly)) {
    const set = new Set<number>([0, 1, D]);
    for (const c of mix.curves)
      for (const k of c.keyPoints(D)) {
        set.add(Math.floor(k));
        set.add(Math.ceil(k));
      }
    out = Float64Array.from([...set].filter((k) => k >= 0 && k <= D)).sort();
  }
  keysMemo.set(mix, out);
  return out;
}
