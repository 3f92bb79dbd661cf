// Branch and bound over the linear relaxation for a multi-year seat commitment beside yearly seat
// options and one-year site licences (the shape commit.ts describes), with a constant price π a
// committed seat: T(q) = π·q + Σ_t V_t(q), V_t the exact cost of year t with q seats held.
//
// How (in plain words):
// - A node fixes a range of the committed quantity q and, for each year, a range [a, b] of the
//   seats bought that year. Its bound: each year's relaxation (yearLp.ts: fractional site
//   licences, the year's mix replaced by its convex hull on [a, b]) at one price λ_t a seat, which
//   is affine in q; summed with π·q it is affine in q, so its minimum over the q range is at an
//   end. The prices are chosen where the relaxation is best: a ternary search over q (the relaxed
//   value is convex in q), then each year's best price there. Any prices give a valid bound.
// - Each node also prices a plan: at the prices found, the schools whose site licence costs less
//   than λ_t a seat take it, q is the relaxation's, and the rest is bought at the mix's exact cost.
// - Branching: the year whose hull is furthest below the mix's exact cost at the relaxation's
//   purchase has its range split there (the hull then meets the mix at the new ends); when every
//   hull is exact there, the q range is split at the relaxation's q; a single q with no hull gap is
//   priced exactly by the caller (every site set; its bound is that plan's cost).
// - Nodes are taken cheapest bound first; the search proves the best plan when no open node's bound
//   is below it, and gives up (null) past its node budget.
// - The first node also prices the relaxation's q exactly (the caller's exact(q)): a good plan early
//   is what the fixing below needs.
// - Reduced-cost fixing: at a node's prices, a school whose other choice (site licence or pool)
//   would lift the node's bound to the best plan keeps the choice it makes at that price, in the
//   node's box (its plans with the other choice cannot beat the best plan).
// - Exact node solve (commitLeaf.ts): when every year has at most a few dozen free schools left,
//   the node is solved exactly — each year's Pareto frontier of its free schools' site sets (only
//   the sets within the gap of the year's relaxation), then the least cost over the node's
//   quantities (only a few candidate q when the mixes have no packs). The node is then closed: its
//   value is a plan and its box's bound. Too many quantities for the budget: the q range is halved.
// Why it is fast: the relaxation of a year is a binary search over its schools' prices, and the
// hull's gap (all-units cliffs, minimums, fees) closes after a few splits of the purchase ranges;
// what the relaxation cannot close (the schools' integrality, coupled through q) the exact node
// solve closes on the few schools near each year's price.
// References in the tests: commitLp.prop.test.ts compares with enumeration of every committed
// quantity and every site set of every year (bound never above the optimum, plan never below it, a
// proven plan equal to it); commitLeaf.prop.test.ts checks the exact node solve the same way;
// through optimizeLicenses, optimize.prop.test.ts compares with HiGHS.

import { candidates, concaveKeys, type Frontier, frontierOf, hingesOnly, leafSolve, linearCost } from "./commitLeaf.js";
import type { YearSchools } from "./dpPool.js";
import type { Mix } from "./mix.js";
import { closes as closesAt } from "./solved.js";
import { type DualPoint, type RangeHull, rangeHull, YearLp } from "./yearLp.js";

const INF = Number.POSITIVE_INFINITY;
/**
 * Most free schools in a year for the exact node solve (commitLeaf.ts): its frontier keeps only
 * the site sets within the gap of the year's relaxation, so a few dozen schools stay small.
 */
const LEAF_SCHOOLS = 60;
/** Most points of a year's frontier for the exact node solve. */
const LEAF_POINTS = 4_000;
/** Most work (quantities × frontier points) of one exact node solve. */
const LEAF_WORK = 400_000;

/** A mix's exact costs asked for by the exact node solves, by seat count, shared by searches. */
const costMemo = new WeakMap<Mix, Map<number, number>>();
function costsOf(mix: Mix): Map<number, number> {
  let m = costMemo.get(mix);
  if (m === undefined) costMemo.set(mix, (m = new Map()));
  return m;
}

/** One year of the commitment's term: its schools and its one-year mix (exact and hull). */
export interface LpYear {
  /** Fixed costs of the year (site licences that must be bought). */
  readonly base: number;
  readonly schools: YearSchools;
  readonly mix: Mix;
}

/** The problem: π a committed seat, years of the term, q in [0, qTop], a cost outside the term. */
export interface CommitLpProblem {
  readonly pi: number;
  readonly years: readonly LpYear[];
  readonly qTop: number;
  /** Cost of the years outside the term (added to every plan and bound). */
  readonly plain: number;
  /** Whether the bound may be rounded up to whole cents. */
  readonly integral: boolean;
  /** The exact cost with q seats committed (every site set), or null when it cannot be had. */
  exact(q: number): number | null;
}

interface Node {
  readonly qlo: number;
  readonly qhi: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** Per year, per school: 1 site licence, 2 pooled, 0 free (null: none fixed). */
  readonly fix: readonly (Uint8Array | null)[];
  readonly lb: number;
  /** The node's relaxation, computed when it was made. */
  readonly r: Relaxed;
}

interface Relaxed {
  readonly lb: number;
  readonly qh: number;
  readonly pts: readonly DualPoint[];
  readonly hs: readonly RangeHull[];
  readonly lps: readonly YearLp[];
}

/** Result: the best quantity found and a proven lower bound of every plan. */
export interface CommitLpResult {
  readonly q: number;
  readonly cost: number;
  readonly lowerBound: number;
  /** Whether the bound reaches the plan (else the node budget ran out). */
  readonly proven: boolean;
  readonly nodes: number;
}

/** A year's relaxation without fixings, shared by the searches over the same prepared schools. */
const roots = new WeakMap<YearSchools, Map<number, YearLp>>();
function rootOf(y: LpYear): YearLp {
  let byBase = roots.get(y.schools);
  if (byBase === undefined) {
    byBase = new Map();
    roots.set(y.schools, byBase);
  }
  let lp = byBase.get(y.base);
  if (lp === undefined) {
    lp = new YearLp(y.base, y.schools);
    byBase.set(y.base, lp);
  }
  return lp;
}

/** A binary heap of nodes by bound. */
class Heap {
  readonly #a: Node[] = [];
  get size(): number {
    return this.#a.length;
  }
  push(n: Node): void {
    const a = this.#a;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.lb <= a[i]!.lb) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): Node {
    const a = this.#a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.lb < a[m]!.lb) m = l;
        if (r < a.length && a[r]!.lb < a[m]!.lb) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The search. `start` is a plan already known (its q and cost); the result's plan is never worse.
 * Past the node budget: the best plan found with the cheapest open bound, not proven. Null when an
 * exact price at one quantity could not be had.
 */
export function commitLpSearch(pr: CommitLpProblem, start: { q: number; cost: number }, maxNodes: number): CommitLpResult | null {
  const { pi, years, qTop } = pr;
  const Yn = years.length;
  const hulls = new Map<string, RangeHull>();
  const hullOf = (k: number, a: number, b: number): RangeHull => {
    const key = `${k}:${a}:${b}`;
    let h = hulls.get(key);
    if (h === undefined) {
      h = rangeHull(years[k]!.mix, a, b);
      hulls.set(key, h);
    }
    return h;
  };
  const closes = (lb: number, ub: number): boolean => closesAt(lb, ub, pr.integral);
  const rootLp = years.map((y) => rootOf(y));
  const lpOf = (k: number, fix: Uint8Array | null): YearLp => (fix === null ? rootLp[k]! : new YearLp(years[k]!.base, years[k]!.schools, fix, rootLp[k]!.order));
  let bestQ = start.q;
  let best = start.cost;

  /** A plan at q with each year's sites from price λ_t (and the tie side): its exact cost. */
  const price = (q: number, lambdas: readonly number[], lps: readonly YearLp[]): void => {
    if (q < 0 || q > qTop) return;
    let cost = pr.plain + pi * q;
    for (let k = 0; k < Yn; k++) {
      const y = years[k]!;
      const lp = lps[k]!;
      const n = lp.sitesAt(lambdas[k]!);
      let yc = INF;
      for (const kk of [n, n + 1, n - 1]) {
        if (kk < 0 || kk > lp.ratio.length) continue;
        const s = lp.split(kk);
        const c = lp.base + s.siteCost + y.mix.eval(Math.max(0, s.pooled - q));
        if (c < yc) yc = c;
      }
      cost += yc;
    }
    if (cost < best) {
      best = cost;
      bestQ = q;
    }
  };

  /** The node's relaxation: its bound, the prices, the q chosen and each year's purchase. */
  const relax = (qlo: number, qhi: number, a: readonly number[], b: readonly number[], fix: readonly (Uint8Array | null)[]): Relaxed => {
    const hs = years.map((_, k) => hullOf(k, a[k]!, b[k]!));
    const lps = years.map((_, k) => lpOf(k, fix[k]!));
    // each year's best price at q, asked for again below at the same few q: kept
    const seen = new Map<number, DualPoint[]>();
    const bestAt = (q: number): DualPoint[] => {
      let ps = seen.get(q);
      if (ps === undefined) seen.set(q, (ps = lps.map((lp, k) => lp.best(q, hs[k]!))));
      return ps;
    };
    const phi = (q: number): number => bestAt(q).reduce((v, p) => v + p.value, pr.plain + pi * q);
    // Φ is convex in q with slope π − Σ λ_t(q): binary search for the first q where it is ≥ 0
    const slopeAt = (q: number): number => bestAt(q).reduce((g, p) => g - p.lambda, pi);
    let lo = qlo;
    let hi = qhi;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (slopeAt(mid) >= 0) hi = mid;
      else lo = mid + 1;
    }
    let qh = lo;
    if (lo > qlo && phi(lo - 1) < phi(lo)) qh = lo - 1;
    let pts = bestAt(qh);
    // With the prices fixed the value is affine in q: its minimum over [qlo, qhi] is at an end.
    const affine = (ps: readonly DualPoint[], at: number): number => {
      let at0 = pr.plain;
      let slope = pi;
      for (let k = 0; k < Yn; k++) {
        at0 += ps[k]!.value + ps[k]!.lambda * at;
        slope -= ps[k]!.lambda;
      }
      return Math.min(at0 + slope * qlo, at0 + slope * qhi);
    };
    let lb = affine(pts, qh);
    // At a kink of the relaxed cost (the prices' sum crosses π between lo − 1 and lo), the prices
    // of either side tilt the bound steeply over a wide range; their mix whose sum is π makes it flat
    // there (the dual is concave in the prices, so the mix is at least as good as either side).
    if (lo > qlo) {
      const left = bestAt(lo - 1);
      const right = bestAt(lo);
      let sl = 0;
      let sr = 0;
      for (let k = 0; k < Yn; k++) {
        sl += left[k]!.lambda;
        sr += right[k]!.lambda;
      }
      if (sl > pi && sr < pi) {
        const th = (pi - sr) / (sl - sr);
        const mixed = lps.map((lp, k) => lp.at(th * left[k]!.lambda + (1 - th) * right[k]!.lambda, qh, hs[k]!));
        const m = affine(mixed, qh);
        if (m > lb) {
          lb = m;
          pts = mixed;
        }
      }
      const l = affine(left, lo - 1);
      if (l > lb) {
        lb = l;
        pts = left;
      }
    }
    return { lb, qh, pts, hs, lps };
  };

  /**
   * Reduced-cost fixing at the node's prices: a school whose other choice would raise the node's
   * bound to the best plan's cost keeps the choice it makes at its year's price (1 site licence, 2
   * pooled). Valid for the node's box only (its plans with the other choice cost at least the best
   * plan). Null when nothing new is fixed.
   */
  const fixByCost = (r: Relaxed, fix: readonly (Uint8Array | null)[]): (Uint8Array | null)[] | null => {
    let out: (Uint8Array | null)[] | null = null;
    for (let k = 0; k < Yn; k++) {
      const lp = r.lps[k]!;
      const lambda = r.pts[k]!.lambda;
      const { F, d } = years[k]!.schools;
      let f: Uint8Array | null = null;
      for (let j = 0; j < lp.order.length; j++) {
        const i = lp.order[j]!;
        const rc = F[i]! - lambda * d[i]!;
        if (rc === 0 || !closes(r.lb + Math.abs(rc), best)) continue;
        if (f === null) f = fix[k] ? Uint8Array.from(fix[k]!) : new Uint8Array(F.length);
        f[i] = rc < 0 ? 1 : 2;
      }
      if (f !== null) {
        out ??= [...fix];
        out[k] = f;
      }
    }
    return out;
  };

  /** Year k's exact cost of x seats bought on top of the commitment (flat arrays, or memoised). */
  const H = (() => {
    const evals = years.map((y) => (y.mix.curves.every(hingesOnly) ? linearCost(y.mix.curves) : null));
    const memos = years.map((y) => costsOf(y.mix));
    return (k: number, x: number): number => {
      const e = evals[k];
      if (e !== null && e !== undefined && x <= years[k]!.mix.top) return e(x);
      const m = memos[k]!;
      let v = m.get(x);
      if (v === undefined) m.set(x, (v = years[k]!.mix.eval(x)));
      return v;
    };
  })();

  /**
   * The node's exact solve (commitLeaf.ts) when every year has few free schools: "solved" (the
   * best plan is updated; the node is closed), "split" (small frontiers but too many quantities
   * for the budget) or "branch".
   */
  const leafOf = (r: Relaxed, qlo: number, qhi: number, a: readonly number[], b: readonly number[]): "solved" | "split" | "branch" => {
    if (r.lps.some((lp) => lp.order.length > LEAF_SCHOOLS)) return "branch";
    const fronts: Frontier[] = [];
    let points = 0;
    for (const lp of r.lps) {
      const { F, d } = lp.schools;
      const k = fronts.length;
      const drop = (excess: number): boolean => closes(r.lb + excess, best);
      const f = frontierOf({ base: lp.base, N0: lp.N0, F: Array.from(lp.order, (i) => F[i]!), d: Array.from(lp.order, (i) => d[i]!) }, LEAF_POINTS, r.pts[k]!.lambda, drop);
      if (f === null) return "branch";
      fronts.push(f);
      points += fronts[k]!.N.length;
    }
    let qs: ArrayLike<number>;
    const keys = years.map((y, k) => concaveKeys(y.mix, rootLp[k]!.D));
    if (keys.every((k) => k !== null)) {
      // each year's mix is concave between its key points: only a few quantities can be least
      qs = candidates(fronts, keys as Float64Array[], a, b, qlo, qhi);
      if (qs.length * points > LEAF_WORK) return qlo < qhi ? "split" : "branch";
    } else {
      if ((qhi - qlo + 1) * points > LEAF_WORK) return qlo < qhi ? "split" : "branch";
      qs = Float64Array.from({ length: qhi - qlo + 1 }, (_, i) => qlo + i);
    }
    // the relaxation's bounds of each year's purchase: λ·x + m on [a, b]
    const m = r.hs.map((h, k) => {
      let least = INF;
      for (let i = 0; i < h.xs.length; i++) least = Math.min(least, h.ys[i]! - r.pts[k]!.lambda * h.xs[i]!);
      return least;
    });
    const e = leafSolve(pi, pr.plain, fronts, H, a, b, qs, best, { lambda: r.pts.map((p) => p.lambda), m });
    if (e.cost < best) {
      best = e.cost;
      bestQ = e.q;
    }
    return "solved";
  };

  let exactTried = false;
  const heap = new Heap();
  const full = { a: years.map(() => 0), b: rootLp.map((lp) => lp.D), fix: years.map(() => null) };
  const root = relax(0, qTop, full.a, full.b, full.fix);
  heap.push({ qlo: 0, qhi: qTop, a: full.a, b: full.b, fix: full.fix, lb: root.lb, r: root });
  let nodes = 0;
  while (heap.size > 0) {
    const node = heap.pop();
    if (closes(node.lb, best)) {
      // the cheapest open bound reaches the plan: proven
      return { q: bestQ, cost: best, lowerBound: Math.min(node.lb, best), proven: true, nodes };
    }
    if (++nodes > maxNodes) {
      // out of budget: the best plan found, and the cheapest open bound (the heap's least)
      return { q: bestQ, cost: best, lowerBound: Math.min(node.lb, best), proven: false, nodes };
    }
    let r = node.r;
    if (!Number.isFinite(r.lb) || closes(r.lb, best)) continue;
    const lambdas = r.pts.map((p) => p.lambda);
    price(r.qh, lambdas, r.lps);
    if (!exactTried) {
      // once, the exact price at the relaxation's quantity (every site set): a far better plan than
      // the sites read off the prices, which the fixing below needs
      exactTried = true;
      const c = pr.exact(r.qh);
      if (c !== null && c < best) {
        best = c;
        bestQ = r.qh;
      }
      if (closes(r.lb, best)) continue;
    }
    // reduced-cost fixing at the node's prices, then (few free schools) the exact solve
    let fix = node.fix;
    const fixed = fixByCost(r, fix);
    if (fixed !== null) {
      fix = fixed;
      r = relax(node.qlo, node.qhi, node.a, node.b, fix);
      if (!Number.isFinite(r.lb) || closes(r.lb, best)) continue;
    }
    const leaf = leafOf(r, node.qlo, node.qhi, node.a, node.b);
    if (leaf === "solved") continue;
    const push = (qlo: number, qhi: number, a: readonly number[], b: readonly number[], fx: readonly (Uint8Array | null)[]): void => {
      if (qlo > qhi || a.some((x, k) => x > b[k]!)) return;
      const c = relax(qlo, qhi, a, b, fx);
      if (Number.isFinite(c.lb) && !closes(c.lb, best)) heap.push({ qlo, qhi, a, b, fix: fx, lb: Math.max(c.lb, node.lb), r: c });
    };
    if (leaf === "split") {
      // few free schools but a wide q range: halve it
      const mid = Math.floor((node.qlo + node.qhi) / 2);
      push(node.qlo, mid, node.a, node.b, fix);
      push(mid + 1, node.qhi, node.a, node.b, fix);
      continue;
    }
    // the year whose hull is furthest below the mix at the relaxation's purchase
    let worst = -1;
    let worstGap = 0.5;
    let worstN = 0;
    for (let k = 0; k < Yn; k++) {
      const p = r.pts[k]!;
      const n = Math.min(node.b[k]!, Math.max(node.a[k]!, Math.round(p.pooled - r.qh)));
      const h = r.hs[k]!;
      const gap = years[k]!.mix.eval(n) - h.at(n);
      if (gap > worstGap && node.a[k]! < node.b[k]!) {
        worst = k;
        worstGap = gap;
        worstN = n;
      }
    }
    // else the school the relaxation takes in part (the year with the dearest such school)
    let fracYear = -1;
    let fracSchool = -1;
    if (worst < 0) {
      let dearest = 0;
      for (let k = 0; k < Yn; k++) {
        const i = r.lps[k]!.fractional(r.pts[k]!.lambda, r.qh, r.hs[k]!);
        if (i >= 0 && years[k]!.schools.F[i]! > dearest) {
          dearest = years[k]!.schools.F[i]!;
          fracYear = k;
          fracSchool = i;
        }
      }
    }
    if (worst >= 0) {
      const k = worst;
      const cut = worstN < node.b[k]! ? worstN : worstN - 1;
      push(
        node.qlo,
        node.qhi,
        node.a,
        node.b.map((x, j) => (j === k ? cut : x)),
        fix,
      );
      push(
        node.qlo,
        node.qhi,
        node.a.map((x, j) => (j === k ? cut + 1 : x)),
        node.b,
        fix,
      );
    } else if (fracYear >= 0) {
      for (const v of [1, 2]) {
        const f = fix[fracYear] ? Uint8Array.from(fix[fracYear]!) : new Uint8Array(years[fracYear]!.schools.F.length);
        f[fracSchool] = v;
        push(
          node.qlo,
          node.qhi,
          node.a,
          node.b,
          fix.map((x, j) => (j === fracYear ? f : x)),
        );
      }
    } else if (node.qlo < node.qhi) {
      const cut = Math.min(node.qhi - 1, Math.max(node.qlo, r.qh));
      push(node.qlo, cut, node.a, node.b, fix);
      push(cut + 1, node.qhi, node.a, node.b, fix);
    } else {
      // one quantity, every hull exact at its purchase: price it exactly (its bound is its cost)
      const c = pr.exact(node.qlo);
      if (c === null) return null;
      if (c < best) {
        best = c;
        bestQ = node.qlo;
      }
    }
  }
  return { q: bestQ, cost: best, lowerBound: best, proven: true, nodes };
}
