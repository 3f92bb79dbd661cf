// The cheapest MIX of seat options covering one pool: H(N) = min Σ_j c_j(q_j) over q_j ≥ 0 with
// Σ_j q_j ≥ N, where c_j is what option j (a "column": one contract, paid yearly or prepaid) costs
// for q_j seats, buying up allowed. Packs of different sizes, a pack plus per-seat top-up, tiers
// plus packs, a minimum commitment plus seats are all such mixes.
//
// How (in plain words). Each option's price rule is a few hinges or a pack rule (hinge.ts). Fix one
// per option (or leave the option unused) — a TUPLE (tuple.ts) — and the cheapest cover of N seats
// is a greedy fill by per-seat price; the optimum of the whole problem is the cheapest tuple, since
// an optimal mix has each option inside one of its brackets. So
//   H(N) = min over tuples τ of  C_τ + Fill_τ(N − A_τ).
// Why it is fast: a mix has a handful of hinges per option, so a few dozen tuples; tuples that another
// tuple beats everywhere are dropped once (pairwise, exactly, on the breakpoints of both) — from
// their numbers alone, before any tuple object is built (tupleTable.ts) — and an evaluation is a
// few fills. Each tuple is a "curve" for the region solvers (pool1d, grouped).
//
// The reference in the tests (mix.prop.test.ts) is the textbook dynamic programme over whole seats:
// covering costs of the options convolved one at a time.
import { type Curve, Hull } from "./curve.js";
import { type Hinge, hingesOf, type PackRule, packRuleOf, pruneHinges } from "./hinge.js";
import { hingePick, type Pick, packsPick, TupleCurve } from "./tuple.js";
import { dropDominated, picksOf, prunedCodes } from "./tupleTable.js";

const INF = Number.POSITIVE_INFINITY;

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

/** Scratch space of pruneTuples (lower and upper bounds), grown as needed; every cell read is written first. */
let scratch = new Float64Array(4096);

/**
 * The tuples that may be cheapest somewhere in [1, top]. A tuple is dropped only when proven never
 * needed: on every interval between consecutive breakpoints of all tuples (where every relaxed
 * function is linear), some other tuple's upper bound (relaxed + band, exact without packs) is at
 * most this tuple's lower bound (its relaxation) at both ends — so on the whole interval. Tuples are
 * examined in order and a dropped tuple is no witness for later ones.
 *
 * Fast path: any witness will do, so the one that covered the same interval for the previous tuple
 * and the one that covered the previous interval are tried before the others (one tuple usually
 * covers a run of intervals and many tuples); values sit in one flat array (dropDominated,
 * tupleTable.ts). Reference in the tests (mix.prop.test.ts): the plain scan of every other tuple on
 * every interval, same kept tuples. Mix itself prunes the tuples' light shape (tupleTable.ts) with
 * the same rule before building them; this one is the reference of that.
 */
export function pruneTuples(tuples: readonly TupleCurve[], top: number): TupleCurve[] {
  const T = tuples.length;
  if (T <= 1) return [...tuples];
  const pts = new Set<number>([1, top]);
  for (const t of tuples) t.addKeyPoints(top, pts);
  const xs = new Float64Array(pts.size);
  let n = 0;
  for (const x of pts) xs[n++] = x;
  xs.sort();
  const G = xs.length;
  // lower[i·G + g]: tuple i's relaxation at xs[g]; upper: that plus its band
  if (scratch.length < 2 * T * G) scratch = new Float64Array(Math.max(2 * T * G, 2 * scratch.length));
  const lower = scratch.subarray(0, T * G);
  const upper = scratch.subarray(T * G, 2 * T * G);
  for (let i = 0; i < T; i++) {
    const t = tuples[i]!;
    const row = lower.subarray(i * G, (i + 1) * G);
    t.relaxedAt(xs, row);
    const band = t.band;
    for (let g = 0; g < G; g++) upper[i * G + g] = row[g]! + band;
  }
  const dropped = dropDominated(lower, upper, T, G);
  return tuples.filter((_, i) => !dropped[i]);
}

/** Per curve list (a column's variants), its choices: the same Curve objects give the same choices. */
const choiceCache = new WeakMap<Curve, { one?: readonly (Pick | null)[]; two: WeakMap<Curve, readonly (Pick | null)[]> }>();

/** A column's choices in a tuple: nothing, each hinge kept by pruneHinges, each undominated pack rule. */
export function choicesOf(col: MixColumn): readonly (Pick | null)[] {
  const n = col.curves.length;
  const c0 = col.curves[0];
  if (c0 === undefined || n > 2) return computeChoices(col);
  let entry = choiceCache.get(c0);
  if (entry === undefined) choiceCache.set(c0, (entry = { two: new WeakMap() }));
  if (n === 1) return (entry.one ??= computeChoices(col));
  const c1 = col.curves[1]!;
  let hit = entry.two.get(c1);
  if (hit === undefined) entry.two.set(c1, (hit = computeChoices(col)));
  return hit;
}

function computeChoices(col: MixColumn): readonly (Pick | null)[] {
  const hs: Hinge[] = [];
  const ps: PackRule[] = [];
  col.curves.forEach((cv, v) => {
    hs.push(...hingesOf(cv, v));
    const r = packRuleOf(cv, v);
    if (r) ps.push(r);
  });
  const out: (Pick | null)[] = [null];
  for (const h of pruneHinges(hs)) out.push(hingePick(h));
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
    out.push(packsPick(r));
  }
  return out;
}

/** Every tuple of the columns: one of each column's hinges or pack rules, or nothing; not all nothing. */
export function tuplesOf(columns: readonly MixColumn[]): TupleCurve[] {
  return tuplesOfChoices(columns.map(choicesOf));
}

/** Every tuple of the columns' choices, in order (the first column's choice varies slowest). */
function tuplesOfChoices(choices: readonly (readonly (Pick | null)[])[]): TupleCurve[] {
  const tuples: TupleCurve[] = [];
  const picks: (Pick | null)[] = new Array(choices.length).fill(null);
  const rec = (j: number, used: boolean): void => {
    if (j === choices.length) {
      if (used) tuples.push(new TupleCurve(picks.slice()));
      return;
    }
    for (const c of choices[j]!) {
      picks[j] = c;
      rec(j + 1, used || c !== null);
    }
  };
  rec(0, false);
  return tuples;
}

/**
 * The cheapest mix of several columns (options over the same block), or a single one: an envelope
 * of tuple curves. Used wherever the solvers took the envelope of single-option curves.
 */
export class Mix {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: Mix | undefined;
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
    this.top = Math.max(1, top);
    const choices = columns.map(choicesOf);
    this.#choices = choices;
    if (columns.length > 1) {
      // a pack tuple's exact cost is at most its relaxation + band; with every other tuple kept, a
      // dropped one is never strictly cheapest on [1, top] (beyond top every tuple is tried). The
      // tuples are pruned in their light shape (tupleTable.ts): only the kept ones are built.
      const { codes, cap } = prunedCodes(choices, this.top);
      this.#codes = codes;
      this.curves = codes.map((code) => new TupleCurve(picksOf(choices, code)));
      this.cap = cap;
    } else {
      const tuples = tuplesOfChoices(choices);
      this.#all = tuples;
      this.curves = tuples;
      this.cap = tuples.length === 0 ? 0 : Math.max(...tuples.map((c) => c.cap));
    }
    Mix.latest = this;
  }

  readonly #choices: readonly (readonly (Pick | null)[])[];
  /** The codes of the kept tuples (tupleTable.ts), when pruned. */
  #codes: readonly number[] = [];
  /** Every tuple, built when a count past `top` is asked for (the kept ones reused). */
  #all: readonly TupleCurve[] | null = null;
  /** The seat counts up to which `curves` (the pruned tuples) suffice. */
  readonly top: number;

  #allTuples(): readonly TupleCurve[] {
    if (this.#all === null) {
      const kept = new Map<number, TupleCurve>();
      this.#codes.forEach((code, i) => kept.set(code, this.curves[i]!));
      let total = 1;
      for (const c of this.#choices) total *= c.length;
      const all: TupleCurve[] = [];
      for (let code = 0; code < total; code++) {
        const picks = picksOf(this.#choices, code);
        if (picks.every((x) => x === null)) continue;
        all.push(kept.get(code) ?? new TupleCurve(picks));
      }
      this.#all = all;
    }
    return this.#all;
  }

  #list(n: number): readonly TupleCurve[] {
    return n <= this.top ? this.curves : this.#allTuples();
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
