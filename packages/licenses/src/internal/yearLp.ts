// The linear relaxation of one product-year's pooled problem with q seats already held (committed
// seats): schools choose a site licence or the pool fractionally, and the seats bought cost a
// convex lower bound of the year's cheapest mix on a range [a, b] of seats bought. Its value is a
// lower bound of the year's exact cost for every plan holding q seats and buying between a and b.
// It is computed in the dual, with one price λ a pooled seat.
//
// How (in plain words):
// - For a price λ, a school pays min(site licence, λ × its seats); the seats bought cost the hull
//   minus λ each; the q held seats are worth λ each. Every λ ≥ 0 gives a lower bound (weak
//   duality); the best λ is where the seats the schools send to the pool meet the seats held plus
//   bought. That balance falls as λ rises (the function is concave in λ), so the best λ is found by
//   a binary search over the schools' site prices a seat, then the hull's slopes in between.
// - Schools are sorted by site price a seat once, with prefix sums: one λ costs a binary search and
//   a pass over the hull's few points.
// - For a fixed λ the value is affine in q (slope −λ): the caller bounds a whole range of q with it.
// Reference in the tests: commitLp.prop.test.ts compares the hull with the mix at every seat count
// of its range, and the bound (at the best price and at fixed prices) with the exact year (every
// site set, every purchase in the range) on small years: never above it.
import { Hull } from "./curve.js";
import type { YearSchools } from "./dpPool.js";
import type { Mix } from "./mix.js";

const INF = Number.POSITIVE_INFINITY;

/** A convex lower bound of a mix's cost on [a, b]: its lower hull (curve.ts), and the range. */
export class RangeHull extends Hull {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latestRange: RangeHull | undefined;
  readonly a: number;
  readonly b: number;
  constructor(a: number, b: number, hull: Hull) {
    super(hull);
    this.a = a;
    this.b = b;
    RangeHull.latestRange = this;
  }

  /** The hull's value at n (Infinity outside its points). */
  at(n: number): number {
    const xs = this.xs;
    if (xs.length === 0 || n < xs[0]! || n > xs[xs.length - 1]!) return INF;
    const { alpha, beta } = this.line(n);
    return alpha + beta * n;
  }
}

/**
 * The lower convex hull of the mix's relaxation on the whole seats of [a, b] (0 ≤ a ≤ b): every
 * tuple is linear between its key points, so its key points inside, and both ends, suffice; buying
 * nothing (0 seats) costs 0.
 */
export function rangeHull(mix: Mix, a: number, b: number): RangeHull {
  const px: number[] = [];
  const py: number[] = [];
  const see = (x: number, y: number): void => {
    if (Number.isFinite(y)) {
      px.push(x);
      py.push(y);
    }
  };
  if (a === 0) see(0, 0);
  const lo = Math.max(a, 1);
  if (lo <= b) {
    for (const c of mix.curves) {
      see(lo, c.relaxed(lo));
      if (b > lo) see(b, c.relaxed(b));
      for (const k of c.keyPoints(b)) if (k > lo && k < b) see(k, c.relaxed(k));
    }
  }
  return new RangeHull(a, b, Hull.fromPoints(px, py));
}

/** The dual at one price: value (a lower bound), and the pooled and bought seats at that price. */
export interface DualPoint {
  readonly lambda: number;
  readonly value: number;
  /** Seats the schools send to the pool at λ (schools whose site price a seat is at least λ). */
  readonly pooled: number;
  /** Seats bought at λ (the hull's point minimising cost − λ × seats). */
  readonly bought: number;
}

/** One year's schools, prepared for the relaxation. */
export class YearLp {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: YearLp | undefined;
  /** Forced site licences and other fixed costs. */
  readonly base: number;
  /** Seats always pooled. */
  readonly N0: number;
  /** Every pooled seat of the year. */
  readonly D: number;
  /** Free schools' site price a seat, ascending; `order[k]` is the school (its index in `schools`) at rank k. */
  readonly ratio: Float64Array;
  readonly order: Int32Array;
  /** Σ site prices of the first k schools in ratio order. */
  readonly #prefF: Float64Array;
  /** Σ seats of the schools from rank k on. */
  readonly #sufD: Float64Array;
  readonly schools: YearSchools;
  /**
   * @param base - fixed costs of the year
   * @param schools - the schools that choose
   * @param fixed - per school: 1 takes its site licence, 2 pools its seats, 0 chooses (optional)
   * @param sorted - every school of `schools` in ratio order (the `order` of a YearLp without
   *   fixings), to skip the sort
   */
  constructor(base: number, schools: YearSchools, fixed?: Uint8Array, sorted?: Int32Array) {
    let b = base;
    let N0 = schools.N0;
    const free: number[] = [];
    const walk = sorted ?? Int32Array.from({ length: schools.F.length }, (_, i) => i);
    for (const i of walk) {
      const f = fixed?.[i] ?? 0;
      if (f === 1) b += schools.F[i]!;
      else if (f === 2) N0 += schools.d[i]!;
      else free.push(i);
    }
    this.base = b;
    this.schools = schools;
    this.N0 = N0;
    const n = free.length;
    const order = sorted ? free : free.sort((a, b) => schools.F[a]! / schools.d[a]! - schools.F[b]! / schools.d[b]! || a - b);
    this.order = Int32Array.from(order);
    this.ratio = new Float64Array(n);
    this.#prefF = new Float64Array(n + 1);
    this.#sufD = new Float64Array(n + 1);
    let D = N0;
    order.forEach((i, k) => {
      this.ratio[k] = schools.F[i]! / schools.d[i]!;
      this.#prefF[k + 1] = this.#prefF[k]! + schools.F[i]!;
      D += schools.d[i]!;
    });
    for (let k = n - 1; k >= 0; k--) this.#sufD[k] = this.#sufD[k + 1]! + schools.d[order[k]!]!;
    this.D = D;
    YearLp.latest = this;
  }

  /** Schools taking their site licence at λ: the first `sitesAt(λ)` in ratio order. */
  sitesAt(lambda: number): number {
    const r = this.ratio;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid]! < lambda) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Site cost and pooled seats when the first k schools in ratio order take their site licence. */
  split(k: number): { siteCost: number; pooled: number } {
    return { siteCost: this.#prefF[k]!, pooled: this.N0 + this.#sufD[k]! };
  }

  /** Pooled and bought seats at the price of the last `value` call. */
  #pooled = 0;
  #bought = 0;

  /**
   * The dual's value at price λ with q seats held and the purchase priced by `h` (Infinity when
   * nothing can be bought in h's range: no plan); the pooled and bought seats are kept for `at`.
   */
  value(lambda: number, q: number, h: RangeHull): number {
    const k = this.sitesAt(lambda);
    const pooled = this.N0 + this.#sufD[k]!;
    this.#pooled = pooled;
    const hx = h.xs;
    const hy = h.ys;
    const n = hx.length;
    if (n === 0) {
      this.#bought = 0;
      return INF;
    }
    // the hull's point minimising y − λx: the first whose next slope is not below λ (slopes rise)
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((hy[mid + 1]! - hy[mid]!) / (hx[mid + 1]! - hx[mid]!) < lambda) lo = mid + 1;
      else hi = mid;
    }
    this.#bought = hx[lo]!;
    return this.base + this.#prefF[k]! + lambda * pooled + hy[lo]! - lambda * hx[lo]! - lambda * q;
  }

  /** The dual at price λ with q seats held and the purchase priced by `h`. */
  at(lambda: number, q: number, h: RangeHull): DualPoint {
    const value = this.value(lambda, q, h);
    return { lambda, value, pooled: this.#pooled, bought: this.#bought };
  }

  /**
   * The school the relaxation takes in part at price λ (its site price a seat is λ and the balance
   * changes sign across it), as its index in `schools`; −1 when none.
   */
  fractional(lambda: number, q: number, h: RangeHull): number {
    const j = this.sitesAt(lambda);
    if (j >= this.ratio.length || this.ratio[j] !== lambda) return -1;
    const p = this.at(lambda, q, h);
    const i = this.order[j]!;
    const balance = p.pooled - q - p.bought;
    return balance > 0 && balance - this.schools.d[i]! < 0 ? i : -1;
  }

  /**
   * A good price for q seats held: the best value found by a binary search for the balance's
   * change of sign over the schools' prices a seat, then over the hull's slopes nearby. Any price
   * returned gives a valid bound; this one is the maximum up to ties.
   */
  best(q: number, h: RangeHull): DualPoint {
    const r = this.ratio;
    let lo = 0;
    let hi = r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      this.value(r[mid]!, q, h);
      if (this.#pooled - q - this.#bought > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    // the sign changes between r[lo − 1] and r[lo]: those prices and the hull's slopes between them
    // (past every school, above the dearest school and the hull's last, steepest slope)
    const hx = h.xs;
    const hy = h.ys;
    const n = hx.length;
    const left = lo > 0 ? r[lo - 1]! : 0;
    const right = lo < r.length ? r[lo]! : Math.max(r.length > 0 ? r[r.length - 1]! : 0, n > 1 ? (hy[n - 1]! - hy[n - 2]!) / (hx[n - 1]! - hx[n - 2]!) : 0) + 1;
    let bestL = 0;
    let bestV = this.value(0, q, h);
    for (let i = 0; i <= n; i++) {
      // left, right, then each slope strictly between them
      const l = i === 0 ? left : i === 1 ? right : (hy[i - 1]! - hy[i - 2]!) / (hx[i - 1]! - hx[i - 2]!);
      if (i > 1 && !(l > left && l < right)) continue;
      const v = this.value(l, q, h);
      if (v > bestV) {
        bestV = v;
        bestL = l;
      }
    }
    return this.at(bestL, q, h);
  }
}
