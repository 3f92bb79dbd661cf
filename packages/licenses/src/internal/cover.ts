// The general pooled-seat cover: buy quantities q_j of seat contracts ("columns": a mix of options
// over one block of years for one key, or one option that earns free seats) so that every role's
// pooled seats are covered in every year, at the least cost Σ_j c_j(q_j).
//
// Which demands a set of contracts can serve (Hall's theorem for this transport problem): paid seats
// of a role-keyed contract serve its role, of an `any` contract every role, and earned free seats
// (⌊free × paid / per⌋) only their role. For every year t and every set R of roles with demand,
//   Σ_{j active in t, serving some r ∈ R} q_j + Σ_{j active in t, free role ∈ R} ⌊free_j q_j / per_j⌋ ≥ Σ_{r ∈ R} P_{r,t}.
// These rows are the whole model of DOMAIN-licenses §2's covering row with roles kept apart.
//
// How it is solved exactly: branch and bound over boxes of quantities [lo_j, hi_j]. A box's bound is
// a Lagrangian one — rows priced by multipliers λ ≥ 0 (subgradient steps), each contract then
// alone: min over its box of c_j(q) − q·(its rows' prices), read off the convex pieces of its mix
// (mix.ts: exact without packs, a lower bound with them) — and the box is split at the Lagrangian
// quantity of the contract whose cost varies most in its box. A greedy repair of the Lagrangian
// quantities gives plans. Boxes that cannot beat the best plan are dropped; a box of single
// quantities is evaluated exactly. So the answer is exact (or, past the node limit, the best plan
// found, reported as unproven).
//
// Why it is fast enough: contracts are few (a mix per key and term, plus contracts with
// entitlements), rows are few (at most 7 a year), and the Lagrangian bound is the LP bound of the
// cover, so boxes close quickly; the common one-pool cases never come here (they are single mixes).
// The reference in the tests (cover.prop.test.ts) enumerates every quantity vector on small demand.

import type { Mix } from "./mix.js";

const INF = Number.POSITIVE_INFINITY;

export interface CoverColumn {
  /** Cost of holding q seats for the contract's whole term (buying up allowed). */
  readonly mix: Mix;
  /** Years of the cover (local indices) in which it supplies seats. */
  readonly years: readonly number[];
  /** Roles its paid seats serve (bit r for role r). */
  readonly roles: number;
  /** Free seats earned: of role `role`, ⌊free × paid / per⌋. */
  readonly free: { readonly role: number; readonly free: number; readonly per: number } | null;
}

interface Row {
  readonly t: number;
  /** Roles of the row (bit mask). */
  readonly mask: number;
  /** Columns in the row, their paid coefficient (0/1) and free ratio (0 when none). */
  readonly cols: Int32Array;
  readonly paid: Uint8Array;
  readonly free: Float64Array;
}

export interface CoverSolution {
  readonly cost: number;
  /** Seats held per column (empty when infeasible). */
  readonly q: readonly number[];
  readonly proven: boolean;
  readonly nodes: number;
}

/** The rows of a cover: every year and every non-empty set of its roles (bit masks over 3 roles). */
function buildRows(T: number, roleMasks: readonly number[], columns: readonly CoverColumn[]): Row[] {
  const rows: Row[] = [];
  for (let t = 0; t < T; t++) {
    const roles = roleMasks[t]!;
    for (let mask = 1; mask < 8; mask++) {
      if ((mask & roles) !== mask) continue;
      const cols: number[] = [];
      const paid: number[] = [];
      const free: number[] = [];
      columns.forEach((c, j) => {
        if (!c.years.includes(t)) return;
        const p = (c.roles & mask) !== 0 ? 1 : 0;
        const f = c.free !== null && ((1 << c.free.role) & mask) !== 0 ? c.free.free / c.free.per : 0;
        if (p === 0 && f === 0) return;
        cols.push(j);
        paid.push(p);
        free.push(f);
      });
      rows.push({ t, mask, cols: Int32Array.from(cols), paid: Uint8Array.from(paid), free: Float64Array.from(free) });
    }
  }
  return rows;
}

/**
 * min over q in [lo, hi] of mix(q) − μ·q, bounded below from each tuple's convex relaxation (exact
 * for tuples without packs), and where it is reached.
 */
export function minMinusLinear(mix: Mix, lo: number, hi: number, mu: number): { value: number; q: number } {
  let best = lo <= 0 ? 0 : INF;
  let arg = 0;
  if (hi < lo) return { value: INF, q: lo };
  for (const c of mix.curves) {
    const a = Math.max(lo, 1);
    const b = Math.min(hi, c.cap);
    if (b < a) continue;
    const see = (q: number): void => {
      const v = c.relaxed(q) - mu * q;
      if (v < best) {
        best = v;
        arg = q;
      }
    };
    see(a);
    see(b);
    for (const k of c.keyPoints(b)) if (k > a && k < b) see(k);
  }
  if (lo > 0 && !Number.isFinite(best)) return { value: INF, q: lo };
  return { value: best, q: arg };
}

export class CoverProblem {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: CoverProblem | undefined;
  readonly T: number;
  readonly columns: readonly CoverColumn[];
  readonly rows: readonly Row[];
  /** Useful quantity bound per column (valid for every demand up to the maxima given). */
  readonly U: Float64Array;
  readonly #integral: boolean;
  #lambda: Float64Array;

  /**
   * @param T - years of the cover
   * @param roleMasks - per year, the roles that may have demand (bit masks)
   * @param columns - the contracts
   * @param maxDemand - the largest demand of each slot [r * T + t] any plan can pool
   * @param integral - whether costs are whole cents (bounds are rounded up)
   */
  constructor(T: number, roleMasks: readonly number[], columns: readonly CoverColumn[], maxDemand: Float64Array, integral: boolean) {
    this.T = T;
    this.columns = columns;
    this.rows = buildRows(T, roleMasks, columns);
    this.#integral = integral;
    this.#lambda = new Float64Array(this.rows.length);
    const b = this.rows.map((row) => this.#rhs(row, maxDemand));
    this.U = Float64Array.from(columns, (c, j) => Math.min(c.mix.cap, this.#needed(j, b)));
    CoverProblem.latest = this;
  }

  #rhs(row: Row, P: Float64Array): number {
    let s = 0;
    for (let r = 0; r < 3; r++) if ((row.mask >> r) & 1) s += P[r * this.T + row.t]!;
    return s;
  }

  /** The most seats column j can usefully hold for right-hand sides b (cost never falls with more). */
  #needed(j: number, b: readonly number[]): number {
    let u = 0;
    this.rows.forEach((row, k) => {
      const i = row.cols.indexOf(j);
      if (i < 0) return;
      const need = row.paid[i] ? b[k]! : Math.ceil((b[k]! * this.columns[j]!.free!.per) / this.columns[j]!.free!.free);
      if (need > u) u = need;
    });
    return u;
  }

  /** Supply of a row for quantities q (free seats rounded down). */
  #supply(row: Row, q: ArrayLike<number>): number {
    let s = 0;
    for (let i = 0; i < row.cols.length; i++) {
      const j = row.cols[i]!;
      const x = q[j]!;
      if (row.paid[i]) s += x;
      if (row.free[i]! > 0) {
        const f = this.columns[j]!.free!;
        s += Math.floor((f.free * x) / f.per);
      }
    }
    return s;
  }

  feasible(q: ArrayLike<number>, b: readonly number[]): boolean {
    for (let k = 0; k < this.rows.length; k++) if (this.#supply(this.rows[k]!, q) < b[k]!) return false;
    return true;
  }

  costOf(q: ArrayLike<number>): number {
    let c = 0;
    for (let j = 0; j < this.columns.length; j++) c += this.columns[j]!.mix.eval(q[j]!);
    return c;
  }

  /**
   * Lagrangian bound over the box: Σ λ b + Σ_j min over its box of c_j(q) − μ_j q, the multipliers
   * improved by subgradient steps from `lambda` (updated in place). Also the quantities reached.
   */
  #lagrangian(b: readonly number[], lo: Float64Array, hi: Float64Array, lambda: Float64Array, iters: number, upper: number): { bound: number; q: Float64Array } {
    const J = this.columns.length;
    const K = this.rows.length;
    const mu = new Float64Array(J);
    const q = new Float64Array(J);
    const bestQ = new Float64Array(J);
    const bestLambda = Float64Array.from(lambda);
    let best = Number.NEGATIVE_INFINITY;
    let theta = 1;
    let stall = 0;
    const g = new Float64Array(K);
    for (let it = 0; it < iters; it++) {
      mu.fill(0);
      let L = 0;
      for (let k = 0; k < K; k++) {
        const row = this.rows[k]!;
        const l = lambda[k]!;
        L += l * b[k]!;
        if (l === 0) continue;
        for (let i = 0; i < row.cols.length; i++) mu[row.cols[i]!] = mu[row.cols[i]!]! + l * (row.paid[i]! + row.free[i]!);
      }
      for (let j = 0; j < J; j++) {
        const m = minMinusLinear(this.columns[j]!.mix, lo[j]!, hi[j]!, mu[j]!);
        L += m.value;
        q[j] = m.q;
      }
      if (L > best + 1e-9 * Math.abs(best)) {
        best = L;
        bestQ.set(q);
        bestLambda.set(lambda);
        stall = 0;
      } else if (++stall >= 3) {
        theta /= 2;
        stall = 0;
      }
      // subgradient: b − supply (relaxed: free seats not rounded)
      let norm = 0;
      for (let k = 0; k < K; k++) {
        const row = this.rows[k]!;
        let s = 0;
        for (let i = 0; i < row.cols.length; i++) s += (row.paid[i]! + row.free[i]!) * q[row.cols[i]!]!;
        g[k] = b[k]! - s;
        if (lambda[k]! > 0 || g[k]! > 0) norm += g[k]! * g[k]!;
      }
      if (norm === 0 || !Number.isFinite(upper) || theta < 1e-4) break;
      const step = (theta * Math.max(upper - L, 1e-6 * Math.abs(upper) + 1)) / norm;
      for (let k = 0; k < K; k++) lambda[k] = Math.max(0, lambda[k]! + step * g[k]!);
    }
    // leave the best multipliers found (the next call starts from them)
    lambda.set(bestLambda);
    return { bound: best, q: bestQ };
  }

  /** From quantities in the box, a feasible plan (raise along the most short rows, then trim). */
  #repair(start: Float64Array, b: readonly number[], lo: Float64Array, hi: Float64Array): Float64Array | null {
    const J = this.columns.length;
    const q = Float64Array.from(start, (x, j) => Math.min(hi[j]!, Math.max(lo[j]!, Math.round(x))));
    for (let guard = 0; guard < 4 * this.rows.length + 8; guard++) {
      let worst = -1;
      let deficit = 0;
      for (let k = 0; k < this.rows.length; k++) {
        const d = b[k]! - this.#supply(this.rows[k]!, q);
        if (d > deficit) {
          deficit = d;
          worst = k;
        }
      }
      if (worst < 0) break;
      const row = this.rows[worst]!;
      let bestJ = -1;
      let bestTo = 0;
      let bestRate = INF;
      for (let i = 0; i < row.cols.length; i++) {
        const j = row.cols[i]!;
        if (q[j]! >= hi[j]!) continue;
        // seats the column alone needs to close the row (or all it may take)
        const coef = row.paid[i]! + row.free[i]!;
        const to = Math.min(hi[j]!, q[j]! + Math.max(1, Math.ceil(deficit / coef)));
        const mix = this.columns[j]!.mix;
        const rate = (mix.eval(to) - mix.eval(q[j]!)) / Math.min(deficit, (to - q[j]!) * coef);
        if (rate < bestRate) {
          bestRate = rate;
          bestJ = j;
          bestTo = to;
        }
      }
      if (bestJ < 0) return null;
      q[bestJ] = bestTo;
    }
    if (!this.feasible(q, b)) {
      q.set(hi);
      if (!this.feasible(q, b)) return null;
    }
    // trim: each column to the least quantity that keeps the plan feasible
    for (let j = 0; j < J; j++) {
      let a = lo[j]!;
      let z = q[j]!;
      while (a < z) {
        const mid = Math.floor((a + z) / 2);
        const keep = q[j]!;
        q[j] = mid;
        const ok = this.feasible(q, b);
        q[j] = keep;
        if (ok) z = mid;
        else a = mid + 1;
      }
      q[j] = z;
    }
    return q;
  }

  /** The cheapest cover of demand P ([r * T + t]): exact, or the best found within `maxNodes`. */
  solve(P: Float64Array, maxNodes: number): CoverSolution {
    const J = this.columns.length;
    const b = this.rows.map((row) => this.#rhs(row, P));
    if (b.every((x) => x <= 0)) return { cost: 0, q: new Array<number>(J).fill(0), proven: true, nodes: 0 };
    const hi0 = Float64Array.from(this.columns, (c, j) => Math.min(c.mix.cap, this.#needed(j, b)));
    const lo0 = new Float64Array(J);
    if (!this.feasible(hi0, b)) return { cost: INF, q: [], proven: true, nodes: 0 };
    let best = this.costOf(hi0);
    let bestQ = Float64Array.from(hi0);
    const eps = (v: number): number => 1e-9 * Math.abs(v) + 1e-7;
    const closes = (bound: number): boolean => (this.#integral ? Math.ceil(bound - eps(bound)) >= best : bound >= best - eps(best));
    const offer = (q: Float64Array | null): void => {
      if (q === null) return;
      const c = this.costOf(q);
      if (c < best) {
        best = c;
        bestQ = Float64Array.from(q);
      }
    };
    let nodes = 0;
    let complete = true;
    const stack: { lo: Float64Array; hi: Float64Array; lambda: Float64Array }[] = [{ lo: lo0, hi: hi0, lambda: Float64Array.from(this.#lambda) }];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const { lo, hi } = node;
      if (!this.feasible(hi, b)) continue;
      let fixed = true;
      for (let j = 0; j < J && fixed; j++) if (lo[j]! < hi[j]!) fixed = false;
      if (fixed) {
        offer(lo);
        continue;
      }
      if (++nodes > maxNodes) {
        complete = false;
        break;
      }
      const mono = this.costOf(lo);
      if (closes(mono)) continue;
      const lag = this.#lagrangian(b, lo, hi, node.lambda, nodes === 1 ? 40 : 8, best);
      if (nodes === 1) this.#lambda = Float64Array.from(node.lambda);
      if (closes(Math.max(mono, lag.bound))) continue;
      offer(this.#repair(lag.q, b, lo, hi));
      if (closes(Math.max(mono, lag.bound))) continue;
      // branch on the column whose cost varies most over its box, at its Lagrangian quantity
      let jb = -1;
      let spread = -1;
      for (let j = 0; j < J; j++) {
        if (lo[j]! >= hi[j]!) continue;
        const mix = this.columns[j]!.mix;
        const v = mix.eval(hi[j]!) - mix.eval(lo[j]!);
        if (v > spread) {
          spread = v;
          jb = j;
        }
      }
      const at = Math.min(hi[jb]! - 1, Math.max(lo[jb]!, Math.round(lag.q[jb]!)));
      const left = { lo: Float64Array.from(lo), hi: Float64Array.from(hi), lambda: Float64Array.from(node.lambda) };
      left.hi[jb] = at;
      const right = { lo: Float64Array.from(lo), hi: Float64Array.from(hi), lambda: Float64Array.from(node.lambda) };
      right.lo[jb] = at + 1;
      // explore the side holding the Lagrangian quantity first
      if (lag.q[jb]! <= at) stack.push(right, left);
      else stack.push(left, right);
    }
    return { cost: best, q: Array.from(bestQ), proven: complete, nodes };
  }

  /**
   * A linear lower bound of the cover's cost valid for every demand up to the maxima: returns α and
   * adds each slot's price to `prices` ([r * T + t]), so cost(P) ≥ α + Σ prices·P. The multipliers
   * are improved at demand `target` (warm-started from the last call).
   */
  line(target: Float64Array, prices: Float64Array): number {
    const J = this.columns.length;
    const b = this.rows.map((row) => this.#rhs(row, target));
    const lo = new Float64Array(J);
    const upper = this.costOf(Float64Array.from(this.columns, (c, j) => Math.min(c.mix.cap, this.#needed(j, b))));
    const lambda = this.#lambda;
    this.#lagrangian(b, lo, this.U, lambda, 12, Number.isFinite(upper) ? upper : 1e12);
    // α at these multipliers over the whole useful box (valid for every demand)
    const mu = new Float64Array(J);
    this.rows.forEach((row, k) => {
      for (let i = 0; i < row.cols.length; i++) mu[row.cols[i]!] = mu[row.cols[i]!]! + lambda[k]! * (row.paid[i]! + row.free[i]!);
    });
    let alpha = 0;
    for (let j = 0; j < J; j++) alpha += minMinusLinear(this.columns[j]!.mix, 0, this.U[j]!, mu[j]!).value;
    this.rows.forEach((row, k) => {
      for (let r = 0; r < 3; r++) if ((row.mask >> r) & 1) prices[r * this.T + row.t] = prices[r * this.T + row.t]! + lambda[k]!;
    });
    return alpha;
  }
}
