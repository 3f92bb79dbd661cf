// The cheapest MIX of seat options covering one pool: H(N) = min Σ_j c_j(q_j) over q_j ≥ 0 with
// Σ_j q_j ≥ N, where c_j is what option j (a "column": one contract, paid yearly or prepaid) costs
// for q_j seats, buying up allowed. Packs of different sizes, a pack plus per-seat top-up, tiers
// plus packs, a minimum commitment plus seats are all such mixes.
//
// How (in plain words). Every non-pack price rule is, bracket by bracket, "pay c for the first a
// seats, then s a seat up to b seats": a HINGE (unit price: one hinge from the minimum; all-units:
// one hinge per bracket, starting where the bracket starts — buying up into it; graduated: one per
// bracket, c being the cost of the brackets below). Fix one hinge per option (or leave the option
// unused) — a TUPLE — and the cheapest way to cover N seats is a greedy fill: take every option's
// a seats (paid in c), then fill the rest with the cheapest per-seat slopes first. That fill is a
// convex piecewise-linear function, and the optimum of the whole problem is the cheapest tuple: an
// optimal mix has each option inside one of its brackets, and with the brackets fixed the problem is
// a linear programme with one covering row whose greedy solution is whole seats. So
//   H(N) = min over tuples τ of  C_τ + Fill_τ(N − A_τ).
// Packs are whole: a tuple also says which pack options are used (fee and minimum packs paid);
// with one pack option the number of packs m makes P·m + Fill(N − A − k·m) convex in m (a convex
// function of an affine one), so m is found by binary search; with several, an exchange argument
// bounds the packs of every option but the one with the lowest price per seat (any k_b of them
// contain a subset whose seats are a multiple of k_b, replaceable by best packs at no more cost),
// and those few counts are enumerated.
//
// Why it is fast: a mix has a handful of hinges per option, so a few dozen tuples; tuples that another
// tuple beats everywhere are dropped once (pairwise, exactly, on the breakpoints of both), and an
// evaluation is a few fills. Each tuple is a "curve" for the region solvers (pool1d, grouped): linear
// between its breakpoints (a pack tuple: its continuous relaxation plus a band of at most one pack a
// pack option), so their per-region bounds stay tight.
//
// The reference in the tests (mix.prop.test.ts) is the textbook dynamic programme over whole seats:
// covering costs of the options convolved one at a time.
import { type Curve, Hull, type YearSchedule } from "./curve.js";

const INF = Number.POSITIVE_INFINITY;

/** "Pay c for the first a seats, then s a seat up to b seats" — one bracket of one variant. */
export interface Hinge {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly s: number;
  /** Which variant (of the column) it prices. */
  readonly variant: number;
}

/** Packs of one variant: fee + price × max(minimum packs, ⌈seats / size⌉), at most `cover` seats. */
export interface PackRule {
  readonly size: number;
  readonly price: number;
  readonly fee: number;
  readonly minPacks: number;
  /** Most seats covered (the option's maximum; Infinity when none). */
  readonly cover: number;
  readonly variant: number;
}

/** One option (one contract) in a mix: its variants' curves (yearly, prepaid) over the same block. */
export interface MixColumn {
  readonly curves: readonly Curve[];
}

/** What a mix buys for a need: seats per column and the variant used. */
export interface MixPart {
  readonly column: number;
  readonly variant: number;
  /** Seats held under the column (its share of the need, or more: a bracket start, a minimum). */
  readonly qty: number;
}

function headOf(curve: Curve): YearSchedule {
  return curve.parts[0]!.s;
}

/** The hinges of one variant's curve (empty for packs). */
export function hingesOf(curve: Curve, variant: number): Hinge[] {
  const head = headOf(curve);
  const cap = curve.cap;
  if (head.type === 3 || cap <= 0) return [];
  const parts = curve.parts;
  let fee = 0;
  for (const p of parts) fee += p.w * p.s.fee;
  const min = head.min;
  const out: Hinge[] = [];
  if (head.type === 0) {
    let s = 0;
    for (const p of parts) s += p.w * p.s.unit;
    const a = Math.min(min, cap);
    if (min > cap) return [];
    out.push({ a, b: cap, c: fee + s * a, s, variant });
    return out;
  }
  head.tiers.forEach((tier, i) => {
    let s = 0;
    for (const p of parts) s += p.w * (p.s.tiers[i]?.price ?? 0);
    const hi = Math.min(tier.to, cap);
    if (head.type === 1) {
      const lo = Math.max(tier.from, min);
      if (lo > hi) return;
      out.push({ a: lo, b: hi, c: fee + s * lo, s, variant });
    } else {
      // graduated: c is the cost of the seats below the hinge's start (brackets below, or the minimum)
      const a = min <= tier.from - 1 ? tier.from - 1 : min;
      if (a > hi) return;
      out.push({ a, b: hi, c: incrementalCost(curve, a) + (a === 0 ? fee : 0), s, variant });
    }
  });
  return out;
}

/** Weighted cost of exactly q seats under a graduated curve, fee included (q ≥ 1; 0 gives 0). */
function incrementalCost(curve: Curve, q: number): number {
  if (q <= 0) return 0;
  let c = 0;
  for (const p of curve.parts) {
    let cost = p.s.fee;
    for (const t of p.s.tiers) {
      if (q < t.from) break;
      cost += t.price * ((q < t.to ? q : t.to) - t.from + 1);
    }
    c += p.w * cost;
  }
  return c;
}

/** The pack rule of one variant's curve, or null when it does not sell packs. */
export function packRuleOf(curve: Curve, variant: number): PackRule | null {
  const head = headOf(curve);
  if (head.type !== 3 || curve.cap <= 0) return null;
  let price = 0;
  let fee = 0;
  for (const p of curve.parts) {
    price += p.w * p.s.packPrice;
    fee += p.w * p.s.fee;
  }
  const minPacks = Math.max(1, Math.ceil(head.min / head.packSize));
  if (head.min > curve.cap) return null;
  return { size: head.packSize, price, fee, minPacks, cover: curve.cap, variant };
}

/** No hinge of the list does better on every seat count: a' ≥ a, b' ≥ b, c' ≤ c, s' ≤ s. */
function pruneHinges(hs: readonly Hinge[]): Hinge[] {
  return hs.filter((h, i) => !hs.some((g, j) => j !== i && g.a >= h.a && g.b >= h.b && g.c <= h.c && g.s <= h.s && (g.a > h.a || g.b > h.b || g.c < h.c || g.s < h.s || j < i)));
}

/** A fill piece: `width` seats at `slope` a seat. */
interface Piece {
  readonly width: number;
  readonly slope: number;
}

/** Choice of one column in a tuple: a hinge, a pack rule, or nothing. */
type Pick = { readonly kind: "hinge"; readonly h: Hinge } | { readonly kind: "packs"; readonly r: PackRule };

/**
 * One tuple: a fixed hinge (or pack rule) per used column. Exact cost of covering n seats, its
 * convex relaxation (packs made continuous) and the band between the two (Σ pack prices).
 */
export class TupleCurve {
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
    picks.forEach((p, col) => {
      if (p === null) return;
      if (p.kind === "hinge") {
        A += p.h.a;
        C += p.h.c;
        if (p.h.b > p.h.a) {
          fill.push({ width: p.h.b - p.h.a, slope: p.h.s });
          relaxed.push({ width: p.h.b - p.h.a, slope: p.h.s });
        }
      } else {
        const r = p.r;
        const base = Math.min(r.minPacks * r.size, r.cover);
        A += base;
        C += r.fee + r.price * r.minPacks;
        band += r.price;
        packs.push({ col, r });
        if (r.cover > base) relaxed.push({ width: r.cover - base, slope: r.price / r.size });
      }
    });
    fill.sort((x, y) => x.slope - y.slope);
    relaxed.sort((x, y) => x.slope - y.slope);
    this.A = A;
    this.C = C;
    this.fill = fill;
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
    return this.#solve(n).cost;
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
  relaxedAt(xs: readonly number[], out: Float64Array): void {
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

/**
 * The tuples that may be cheapest somewhere in [1, top]. A tuple is dropped only when proven never
 * needed: on every interval between consecutive breakpoints of all tuples (where every relaxed
 * function is linear), some other tuple's upper bound (relaxed + band, exact without packs) is at
 * most this tuple's lower bound (its relaxation) at both ends — so on the whole interval. The
 * candidates tried per interval are the cheapest upper bounds at either end and on the sum.
 */
function pruneTuples(tuples: readonly TupleCurve[], top: number): TupleCurve[] {
  const T = tuples.length;
  if (T <= 1) return [...tuples];
  const pts = new Set<number>([1, top]);
  for (const t of tuples) for (const k of t.keyPoints(top)) if (k >= 1) pts.add(k);
  const xs = [...pts].sort((a, b) => a - b);
  const G = xs.length;
  const lower = tuples.map((t) => {
    const out = new Float64Array(G);
    t.relaxedAt(xs, out);
    return out;
  });
  const upper = tuples.map((t, i) => lower[i]!.map((v) => v + t.band));
  const dropped = new Uint8Array(T);
  for (let i = 0; i < T; i++) {
    const L = lower[i]!;
    let covered = true;
    for (let g = 0; g + 1 < G || (g === 0 && G === 1); g++) {
      const g1 = Math.min(g + 1, G - 1);
      let ok = false;
      for (let k = 0; k < T && !ok; k++) {
        if (k === i || dropped[k]) continue;
        const U = upper[k]!;
        if (U[g]! <= L[g]! && U[g1]! <= L[g1]! && (U[g]! < L[g]! || U[g1]! < L[g1]! || k < i)) ok = true;
      }
      if (!ok) {
        covered = false;
        break;
      }
    }
    if (covered) dropped[i] = 1;
  }
  return tuples.filter((_, i) => !dropped[i]);
}

/**
 * The cheapest mix of several columns (options over the same block), or a single one: an envelope
 * of tuple curves. Used wherever the solvers took the envelope of single-option curves.
 */
export class Mix {
  readonly columns: readonly MixColumn[];
  readonly curves: readonly TupleCurve[];
  readonly cap: number;
  readonly #memo = new Map<number, number>();

  /**
   * @param columns - the options (each with its variants' curves over the block)
   * @param top - the most seats the mix will be asked to cover (tuples are compared up to it)
   */
  constructor(columns: readonly MixColumn[], top: number) {
    this.columns = columns;
    const choices: (Pick | null)[][] = columns.map((col) => {
      const hs: Hinge[] = [];
      const ps: PackRule[] = [];
      col.curves.forEach((cv, v) => {
        hs.push(...hingesOf(cv, v));
        const r = packRuleOf(cv, v);
        if (r) ps.push(r);
      });
      const out: (Pick | null)[] = [null];
      for (const h of pruneHinges(hs)) out.push({ kind: "hinge", h });
      // of a column's pack variants (yearly, prepaid) keep those no other beats on price, fee and minimum
      for (const r of ps) {
        if (
          ps.some(
            (q) =>
              q !== r &&
              q.size === r.size &&
              q.price <= r.price &&
              q.fee <= r.fee &&
              q.minPacks <= r.minPacks &&
              q.cover >= r.cover &&
              (q.price < r.price || q.fee < r.fee || q.minPacks < r.minPacks || q.cover > r.cover || q.variant < r.variant),
          )
        )
          continue;
        out.push({ kind: "packs", r });
      }
      return out;
    });
    let tuples: TupleCurve[] = [];
    const rec = (j: number, picks: (Pick | null)[]): void => {
      if (j === choices.length) {
        if (picks.some((p) => p !== null)) tuples.push(new TupleCurve(picks));
        return;
      }
      for (const c of choices[j]!) rec(j + 1, [...picks, c]);
    };
    rec(0, []);
    // a pack tuple's exact cost is at most its relaxation + band; with every other tuple kept, a
    // dropped one is never strictly cheapest on [1, top] (beyond top every tuple is tried)
    this.#all = tuples;
    this.top = Math.max(1, top);
    tuples = columns.length > 1 ? pruneTuples(tuples, this.top) : tuples;
    this.curves = tuples;
    this.cap = this.#all.length === 0 ? 0 : Math.max(...this.#all.map((c) => c.cap));
  }

  readonly #all: readonly TupleCurve[];
  /** The seat counts up to which `curves` (the pruned tuples) suffice. */
  readonly top: number;

  #list(n: number): readonly TupleCurve[] {
    return n <= this.top ? this.curves : this.#all;
  }

  /** Cheapest cost of covering n seats (0 for n ≤ 0, Infinity past every tuple's capacity). */
  eval(n: number): number {
    if (n <= 0) return 0;
    const hit = this.#memo.get(n);
    if (hit !== undefined) return hit;
    let cost = INF;
    for (const c of this.#list(n)) {
      if (n > c.cap) continue;
      const v = c.eval(n);
      if (v < cost) cost = v;
    }
    if (this.#memo.size < 4096) this.#memo.set(n, cost);
    return cost;
  }

  /** The cheapest tuple for n seats: its cost and the tuple. */
  best(n: number): { cost: number; tuple: TupleCurve | null } {
    if (n <= 0) return { cost: 0, tuple: null };
    let out: { cost: number; tuple: TupleCurve | null } = { cost: INF, tuple: null };
    for (const c of this.#list(n)) {
      if (n > c.cap) continue;
      const v = c.eval(n);
      if (v < out.cost) out = { cost: v, tuple: c };
    }
    return out;
  }

  /** What covering n seats buys: seats per column (positive only) and the variant of each. */
  compose(n: number): MixPart[] {
    const b = this.best(n);
    if (b.tuple === null) return [];
    return b.tuple
      .compose(n)
      .filter((p) => p.qty > 0)
      .map((p) => ({ column: p.col, variant: p.variant, qty: p.qty }));
  }

  /** A convex lower bound on [0, nmax]. */
  hull(nmax: number): Hull {
    if (this.curves.length === 0) return Hull.fromPoints([0], [0]);
    if (this.curves.length === 1) return this.curves[0]!.hull(nmax);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const c of this.curves) {
      const h = c.hull(nmax);
      h.xs.forEach((x, i) => {
        xs.push(x);
        ys.push(h.ys[i]!);
      });
    }
    return Hull.fromPoints(xs, ys);
  }

  /** Bounds of eval(n) − π·n over [x0, x1]: exact on small ranges, else from each tuple's bounds. */
  regionBounds(x0: number, x1: number, pi: number): { lo: number; hi: number } {
    if (x1 - x0 <= 256) {
      let lo = INF;
      let hi = Number.NEGATIVE_INFINITY;
      for (let n = x0; n <= x1; n++) {
        const e = this.eval(n) - pi * n;
        if (e < lo) lo = e;
        if (e > hi) hi = e;
      }
      return { lo, hi };
    }
    let lo = INF;
    let hi = INF;
    for (const c of this.curves) {
      const b = c.regionBounds(x0, x1, pi);
      if (b.lo < lo) lo = b.lo;
      if (b.hi < hi) hi = b.hi;
    }
    return { lo, hi };
  }
}
