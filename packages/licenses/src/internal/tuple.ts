// One TUPLE of a mix: a fixed hinge (hinge.ts) or pack rule per option used. The cheapest way to
// cover N seats under it is a greedy fill: take every option's first a seats (paid in c), then fill
// the rest with the cheapest per-seat slopes first — a convex piecewise-linear function (with the
// brackets fixed, the problem is a linear programme with one covering row whose greedy solution is
// whole seats). Packs are whole: with one pack option the number of packs m makes
// P·m + Fill(N − A − k·m) convex in m (a convex function of an affine one), so m is found by binary
// search; with several, an exchange argument bounds the packs of every option but the one with the
// lowest price per seat (any k_b of them contain a subset whose seats are a multiple of k_b,
// replaceable by best packs at no more cost), and those few counts are enumerated. For the region
// solvers (pool1d, grouped) a tuple is a curve: linear between its breakpoints (a pack tuple: its
// continuous relaxation plus a band of at most one pack a pack option).
// eval is the allocation-free path of the same search (no pack: the fill; one pack option: the binary
// search inlined), compared with the general search (solvedCost, which compose uses) in the tests.
// Reference in the tests (mix.prop.test.ts): the whole-seat dynamic programme of the options.
import { Hull } from "./curve.js";
import type { Hinge, PackRule } from "./hinge.js";

const INF = Number.POSITIVE_INFINITY;

/** A fill piece: `width` seats at `slope` a seat. */
export interface Piece {
  readonly width: number;
  readonly slope: number;
}

/**
 * Choice of one column in a tuple: a hinge, a pack rule, or nothing. `piece`: its fill piece (a hinge)
 * or relaxed piece (packs), made once by hingePick / packsPick and shared by the tuples of every mix.
 */
export type Pick = { readonly kind: "hinge"; readonly h: Hinge; readonly piece?: Piece | null } | { readonly kind: "packs"; readonly r: PackRule; readonly piece?: Piece | null };

/** A pick with its piece made once (tuples of many mixes share the picks of a column). */
export function hingePick(h: Hinge): Pick {
  return { kind: "hinge", h, piece: h.b > h.a ? { width: h.b - h.a, slope: h.s } : null };
}

/** A pack pick with its relaxed piece (the packs bought by the seat beyond the minimum) made once. */
export function packsPick(r: PackRule): Pick {
  const base = Math.min(r.minPacks * r.size, r.cover);
  return { kind: "packs", r, piece: r.cover > base ? { width: r.cover - base, slope: r.price / r.size } : null };
}

/** Sorts pieces by slope in place, stably (as Array.prototype.sort does): insertion sort, lists are short. */
function sortBySlope(list: Piece[]): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]!.slope > x.slope) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
}

/**
 * One tuple: a fixed hinge (or pack rule) per used column. Exact cost of covering n seats, its
 * convex relaxation (packs made continuous) and the band between the two (Σ pack prices).
 */
export class TupleCurve {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: TupleCurve | undefined;
  readonly picks: readonly (Pick | null)[];
  /** Seats covered by the hinges' starts and the minimum packs. */
  readonly A: number;
  /** Their cost (hinge costs, pack fees and minimum packs). */
  readonly C: number;
  /** Non-pack fill pieces, by slope. */
  readonly fill: readonly Piece[];
  /** Relaxed fill pieces (non-pack and continuous packs), by slope. */
  readonly relaxedFill: readonly Piece[];
  readonly cap: number;
  /** Exact − relaxed ≤ band (one pack's price per pack option used). */
  readonly band: number;
  readonly #packs: readonly { readonly col: number; readonly r: PackRule }[];
  readonly #fillCap: number;
  /** Breakpoints of the relaxed function (where its slope changes), increasing, from 0. */
  readonly #breaks: readonly number[];

  constructor(picks: readonly (Pick | null)[]) {
    this.picks = picks;
    let A = 0;
    let C = 0;
    let band = 0;
    const fill: Piece[] = [];
    const relaxed: Piece[] = [];
    const packs: { col: number; r: PackRule }[] = [];
    for (let col = 0; col < picks.length; col++) {
      const p = picks[col]!;
      if (p === null) continue;
      if (p.kind === "hinge") {
        A += p.h.a;
        C += p.h.c;
        if (p.h.b > p.h.a) {
          // one read-only piece in both lists
          const piece = p.piece ?? { width: p.h.b - p.h.a, slope: p.h.s };
          fill.push(piece);
          relaxed.push(piece);
        }
      } else {
        const r = p.r;
        const base = Math.min(r.minPacks * r.size, r.cover);
        A += base;
        C += r.fee + r.price * r.minPacks;
        band += r.price;
        packs.push({ col, r });
        if (r.cover > base) relaxed.push(p.piece ?? { width: r.cover - base, slope: r.price / r.size });
      }
    }
    sortBySlope(relaxed);
    // without packs the fill is the relaxation (the same pieces, sorted alike): one list
    if (packs.length > 0) sortBySlope(fill);
    this.A = A;
    this.C = C;
    this.fill = packs.length === 0 ? relaxed : fill;
    this.relaxedFill = relaxed;
    this.band = band;
    this.#packs = packs;
    let fc = 0;
    for (const f of fill) fc += f.width;
    this.#fillCap = fc;
    let cap = A;
    for (const f of relaxed) cap += f.width;
    this.cap = cap;
    const breaks = [0];
    if (A > 0) breaks.push(A);
    let x = A;
    for (const f of relaxed) {
      x += f.width;
      if (Number.isFinite(x)) breaks.push(x);
    }
    this.#breaks = breaks;
    TupleCurve.latest = this;
  }

  /** Cost of filling `x` seats with the pieces (x ≤ their total; Infinity beyond). */
  static fillCost(pieces: readonly Piece[], x: number): number {
    if (x <= 0) return 0;
    let c = 0;
    for (const p of pieces) {
      if (x <= p.width) return c + p.slope * x;
      c += p.slope * p.width;
      x -= p.width;
    }
    return INF;
  }

  /** The convex relaxation: packs bought by the seat at their price per seat. */
  relaxed(n: number): number {
    if (n > this.cap) return INF;
    return this.C + TupleCurve.fillCost(this.relaxedFill, n - this.A);
  }

  /** Exact cost of covering n seats under this tuple (0 for n ≤ 0; Infinity when it cannot). */
  eval(n: number): number {
    if (n <= 0) return 0;
    if (n > this.cap) return INF;
    const packs = this.#packs;
    if (packs.length === 0) return this.C + TupleCurve.fillCost(this.fill, n - this.A);
    if (packs.length === 1) return this.#onePackCost(n - this.A, packs[0]!.r);
    return this.#multiPacks(n - this.A).cost;
  }

  /** The cost through the general search that compose uses (eval is its allocation-free fast path). */
  solvedCost(n: number): number {
    if (n <= 0) return 0;
    return this.#solve(n).cost;
  }

  /** The extra packs' cost plus the fill of what they leave (f of #solve's single-pack case). */
  #onePackF(e: number, R: number, r: PackRule, m0: number, baseCover: number): number {
    return r.price * e + TupleCurve.fillCost(this.fill, R - (Math.min((m0 + e) * r.size, r.cover) - baseCover));
  }

  #onePackFeasible(e: number, R: number, r: PackRule, m0: number, baseCover: number): boolean {
    return R - (Math.min((m0 + e) * r.size, r.cover) - baseCover) <= this.#fillCap;
  }

  /** #solve's single-pack case for the cost alone, without closures: the same search and arithmetic. */
  #onePackCost(R: number, r: PackRule): number {
    const m0 = r.minPacks;
    const baseCover = Math.min(m0 * r.size, r.cover);
    const mTop = Number.isFinite(r.cover) ? Math.max(m0, Math.ceil(r.cover / r.size)) : Number.POSITIVE_INFINITY;
    let hi = Math.max(0, Math.ceil(Math.max(0, R) / r.size));
    if (Number.isFinite(mTop)) hi = Math.min(hi, mTop - m0);
    // #argmin, inlined
    if (!this.#onePackFeasible(hi, R, r, m0, baseCover)) return INF;
    let lo = 0;
    let top = hi;
    while (lo < top) {
      const mid = (lo + top) >> 1;
      if (this.#onePackFeasible(mid, R, r, m0, baseCover)) top = mid;
      else lo = mid + 1;
    }
    top = hi;
    while (lo < top) {
      const mid = (lo + top) >> 1;
      if (this.#onePackF(mid + 1, R, r, m0, baseCover) < this.#onePackF(mid, R, r, m0, baseCover)) lo = mid + 1;
      else top = mid;
    }
    const e = this.#onePackF(hi, R, r, m0, baseCover) < this.#onePackF(lo, R, r, m0, baseCover) ? hi : lo;
    return this.C + this.#onePackF(e, R, r, m0, baseCover);
  }

  /** The cost of covering n seats and the seats covered (the need: the parts say what is held). */
  best(n: number): { cost: number; qty: number } {
    return { cost: this.eval(n), qty: n };
  }

  /** Exact cost and the packs bought per pack column (in the order of #packs). */
  #solve(n: number): { cost: number; packs: readonly number[] } {
    if (n > this.cap) return { cost: INF, packs: [] };
    const packs = this.#packs;
    if (packs.length === 0) {
      const f = TupleCurve.fillCost(this.fill, n - this.A);
      return { cost: this.C + f, packs: [] };
    }
    // seats the packs must cover beyond the minimum packs, at least
    const base = this.A;
    const R = n - base;
    if (packs.length === 1) {
      const { r } = packs[0]!;
      const m0 = r.minPacks;
      const baseCover = Math.min(m0 * r.size, r.cover);
      const mTop = Number.isFinite(r.cover) ? Math.max(m0, Math.ceil(r.cover / r.size)) : Number.POSITIVE_INFINITY;
      // extra packs e ≥ 0: cover min((m0 + e)·size, cover) − baseCover more seats
      const extraCover = (e: number): number => Math.min((m0 + e) * r.size, r.cover) - baseCover;
      const f = (e: number): number => r.price * e + TupleCurve.fillCost(this.fill, R - extraCover(e));
      let hi = Math.max(0, Math.ceil(Math.max(0, R) / r.size));
      if (Number.isFinite(mTop)) hi = Math.min(hi, mTop - m0);
      const e = TupleCurve.#argmin(f, hi, (x) => R - extraCover(x) <= this.#fillCap);
      if (e < 0) return { cost: INF, packs: [] };
      return { cost: this.C + f(e), packs: [m0 + e] };
    }
    return this.#multiPacks(R);
  }

  /** Several pack options: enumerate all but one (bounded by the exchange argument), search the last. */
  #multiPacks(R: number): { cost: number; packs: readonly number[] } {
    const packs = this.#packs;
    const k = packs.length;
    // the free one: the uncapped option with the lowest price per seat (else the last one)
    let b = -1;
    for (let i = 0; i < k; i++) {
      const r = packs[i]!.r;
      if (Number.isFinite(r.cover)) continue;
      if (b < 0 || r.price / r.size < packs[b]!.r.price / packs[b]!.r.size) b = i;
    }
    const free = b >= 0 ? b : k - 1;
    const fr = packs[free]!.r;
    const ratioB = fr.price / fr.size;
    // extra packs of each other option: replaceable ones (ratio ≥ the free one's, free uncapped) share
    // a total below its pack size; the others range over every useful count
    const others = packs.map((_, i) => i).filter((i) => i !== free);
    const replaceable = others.map((i) => b >= 0 && packs[i]!.r.price / packs[i]!.r.size >= ratioB);
    const need = Math.max(0, R);
    const rangeOf = (i: number): number => {
      const r = packs[i]!.r;
      const useful = Math.ceil(need / r.size) + 1;
      const capPacks = Number.isFinite(r.cover) ? Math.ceil(r.cover / r.size) - r.minPacks : useful;
      return Math.max(0, Math.min(useful, capPacks));
    };
    const extra = new Array<number>(k).fill(0);
    let best = INF;
    let bestPacks: number[] = [];
    const coverOf = (i: number, e: number): number => {
      const r = packs[i]!.r;
      return Math.min((r.minPacks + e) * r.size, r.cover) - Math.min(r.minPacks * r.size, r.cover);
    };
    const rec = (j: number, covered: number, cost: number, replaced: number): void => {
      if (cost >= best) return;
      if (j === others.length) {
        // the free option: convex in its extra packs
        const left = R - covered;
        const m0 = fr.minPacks;
        const mTop = Number.isFinite(fr.cover) ? Math.max(m0, Math.ceil(fr.cover / fr.size)) : Number.POSITIVE_INFINITY;
        let hi = Math.max(0, Math.ceil(Math.max(0, left) / fr.size));
        if (Number.isFinite(mTop)) hi = Math.min(hi, mTop - m0);
        const f = (e: number): number => fr.price * e + TupleCurve.fillCost(this.fill, left - coverOf(free, e));
        const e = TupleCurve.#argmin(f, hi, (x) => left - coverOf(free, x) <= this.#fillCap);
        if (e < 0) return;
        const c = cost + f(e);
        if (c < best) {
          best = c;
          extra[free] = e;
          bestPacks = packs.map((p, i) => p.r.minPacks + extra[i]!);
        }
        return;
      }
      const i = others[j]!;
      const r = packs[i]!.r;
      let top = rangeOf(i);
      if (replaceable[j]) top = Math.min(top, fr.size - 1 - replaced);
      for (let e = 0; e <= top; e++) {
        extra[i] = e;
        rec(j + 1, covered + coverOf(i, e), cost + r.price * e, replaceable[j] ? replaced + e : replaced);
      }
      extra[i] = 0;
    };
    rec(0, 0, 0, 0);
    return { cost: Number.isFinite(best) ? this.C + best : INF, packs: bestPacks };
  }

  /**
   * The minimiser of f over the extra packs 0 … hi, f convex where feasible; feasibility is monotone
   * (more packs, fewer seats left to fill): binary search for the first feasible count, then for the
   * first count after which f stops falling; the capped last count is compared apart. −1 when even
   * hi extra packs leave more seats than the other options can fill.
   */
  static #argmin(f: (e: number) => number, hi: number, feasible: (e: number) => boolean): number {
    if (!feasible(hi)) return -1;
    let lo = 0;
    let top = hi;
    while (lo < top) {
      const mid = (lo + top) >> 1;
      if (feasible(mid)) top = mid;
      else lo = mid + 1;
    }
    top = hi;
    while (lo < top) {
      const mid = (lo + top) >> 1;
      if (f(mid + 1) < f(mid)) lo = mid + 1;
      else top = mid;
    }
    return f(hi) < f(lo) ? hi : lo;
  }

  /** Relaxed values at increasing points xs (one pass along the pieces). */
  relaxedAt(xs: ArrayLike<number>, out: Float64Array): void {
    let piece = 0;
    let start = this.A; // where the current piece starts
    let base = this.C; // relaxed value at `start`
    const pieces = this.relaxedFill;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      if (x > this.cap) {
        out[i] = INF;
        continue;
      }
      if (x <= this.A) {
        out[i] = this.C;
        continue;
      }
      while (piece < pieces.length && x > start + pieces[piece]!.width) {
        base += pieces[piece]!.slope * pieces[piece]!.width;
        start += pieces[piece]!.width;
        piece++;
      }
      out[i] = piece < pieces.length ? base + pieces[piece]!.slope * (x - start) : base;
    }
  }

  /** Seats per column for covering n (hinge starts, the fill by slope, packs × size). */
  compose(n: number): { col: number; variant: number; qty: number }[] {
    const solved = this.#solve(n);
    const out: { col: number; variant: number; qty: number }[] = [];
    let packSeats = 0;
    this.#packs.forEach(({ col, r }, i) => {
      const m = solved.packs[i] ?? r.minPacks;
      const seats = Math.min(m * r.size, r.cover);
      packSeats += seats;
      out.push({ col, variant: r.variant, qty: seats });
    });
    // hinge columns: start at a, then fill the rest by slope
    let x = n - packSeats;
    const hinges: { col: number; h: Hinge; qty: number }[] = [];
    this.picks.forEach((p, col) => {
      if (p?.kind === "hinge") {
        hinges.push({ col, h: p.h, qty: p.h.a });
        x -= p.h.a;
      }
    });
    const order = hinges.map((_, i) => i).sort((i, j) => hinges[i]!.h.s - hinges[j]!.h.s || i - j);
    for (const i of order) {
      if (x <= 0) break;
      const g = hinges[i]!;
      const take = Math.min(x, g.h.b - g.h.a);
      g.qty += take;
      x -= take;
    }
    for (const g of hinges) out.push({ col: g.col, variant: g.h.variant, qty: g.qty });
    return out.sort((p, q) => p.col - q.col);
  }

  /** Adds to `into` the key points of keyPoints(nmax) that are at least 1 (without building the list). */
  addKeyPoints(nmax: number, into: Set<number>): void {
    const top = Math.min(nmax, this.cap);
    if (top <= 0) return;
    into.add(1);
    if (top >= 1) into.add(top);
    for (const b of this.#breaks) if (b >= 1 && b < top) into.add(b);
  }

  /** Breakpoints of the relaxed function within [0, top] (with 1 and top). */
  keyPoints(nmax: number): number[] {
    const top = Math.min(nmax, this.cap);
    if (top <= 0) return [0];
    const keys = new Set<number>([0, 1, top]);
    for (const b of this.#breaks) if (b > 0 && b < top) keys.add(b);
    return [...keys].sort((a, b) => a - b);
  }

  /** Whether eval is linear on the integers between consecutive key points (no packs). */
  get linear(): boolean {
    return this.band === 0;
  }

  get isPacks(): boolean {
    return this.band > 0;
  }

  get packSize(): number {
    let k = 1;
    for (const p of this.#packs) k = Math.max(k, p.r.size);
    return k;
  }

  /** A convex lower bound of eval on [0, nmax] (the relaxation; 0 at 0, where nothing is bought). */
  hull(nmax: number): Hull {
    const xs = this.keyPoints(nmax);
    return Hull.fromPoints([0, ...xs.filter((x) => x > 0)], [0, ...xs.filter((x) => x > 0).map((x) => this.relaxed(x))]);
  }

  /**
   * Bounds of eval(n) − π·n over the integers of [x0, x1]: exact on small ranges; else from the
   * relaxation (linear between breakpoints) and the band.
   */
  regionBounds(x0: number, x1: number, pi: number): { lo: number; hi: number } {
    const top = Math.min(x1, this.cap);
    if (top < x0) return { lo: INF, hi: INF };
    let lo = INF;
    let hi = Number.NEGATIVE_INFINITY;
    if (top - x0 <= 256) {
      for (let n = x0; n <= top; n++) {
        const e = (n > 0 ? this.eval(n) : 0) - pi * n;
        if (e < lo) lo = e;
        if (e > hi) hi = e;
      }
    } else {
      const see = (n: number): void => {
        const e = this.relaxed(n) - pi * n;
        if (e < lo) lo = e;
        if (e > hi) hi = e;
      };
      see(x0);
      see(top);
      for (const b of this.#breaks) if (b > x0 && b < top) see(b);
      hi += this.band;
    }
    if (top < x1) hi = INF;
    return { lo, hi };
  }
}
