// The tuples of a mix in a LIGHT SHAPE: numbers in typed arrays instead of TupleCurve objects, so a
// mix drops the tuples it never needs before building any (on P1 about one tuple in eight is kept).
//
// How (in plain words). A tuple is one choice per column (mix.ts); the pruning (pruneTuples) reads
// of each tuple only its relaxed curve: the seats and cost of its hinge starts and minimum packs
// (A, C), the pack prices (band) and the relaxed fill pieces sorted by slope. Those are walked
// column by column in the order tuplesOf lists the tuples, every sum added in the order the
// TupleCurve constructor adds it (column order; the pieces inserted one at a time by slope, as its
// insertion sort does), so every number is the constructor's, bit for bit. The key points and the
// relaxed values at them are then what TupleCurve.addKeyPoints and relaxedAt give, and the same
// pruning (dropDominated, shared with pruneTuples) keeps the same tuples. A tuple is named by its
// code: its choices as digits, the first column most significant (the order of tuplesOf).
//
// Reference in the tests (mix.prop.test.ts): pruneTuples over tuplesOf's TupleCurve objects — the
// same kept tuples, the same caps.

import type { Pick } from "./tuple.js";

const INF = Number.POSITIVE_INFINITY;

/** Scratch space (grown as needed; every cell read is written first). */
let tupA: Float64Array = new Float64Array(64);
let tupC: Float64Array = new Float64Array(64);
let tupBand: Float64Array = new Float64Array(64);
let tupCap: Float64Array = new Float64Array(64);
let tupCode: Int32Array = new Int32Array(64);
let tupN: Int32Array = new Int32Array(64);
/** Sorted relaxed pieces of tuple i: [i·J, i·J + tupN[i]). */
let tupW: Float64Array = new Float64Array(256);
let tupS: Float64Array = new Float64Array(256);
/** The pieces of the choices made so far, per depth: [d·J, d·J + depthN[d]). */
let depthW: Float64Array = new Float64Array(64);
let depthS: Float64Array = new Float64Array(64);
let depthN: Int32Array = new Int32Array(8);
let points: Float64Array = new Float64Array(256);
let rows: Float64Array = new Float64Array(4096);

const grow = (a: Float64Array, n: number): Float64Array => (a.length >= n ? a : new Float64Array(Math.max(n, 2 * a.length)));
const growInt = (a: Int32Array, n: number): Int32Array => (a.length >= n ? a : new Int32Array(Math.max(n, 2 * a.length)));

/**
 * Drops the tuples some other tuple beats everywhere (pruneTuples' rule): `lower` holds each tuple's
 * relaxation at the G points (row i at i·G), `upper` that plus its band. On every interval between
 * consecutive points, some tuple not dropped must have its upper bound at most this tuple's lower
 * bound at both ends (strictly at one, or come earlier); tuples are examined in order. The witness
 * that covered the previous interval and the last witness of this interval are tried first.
 * Returns 1 for each dropped tuple.
 */
export function dropDominated(lower: Float64Array, upper: Float64Array, T: number, G: number): Uint8Array {
  const dropped = new Uint8Array(T);
  // the witness of each interval for the last tuple examined (-1: none yet)
  const last = new Int32Array(G).fill(-1);
  const nInt = G === 1 ? 1 : G - 1;
  for (let i = 0; i < T; i++) {
    const base = i * G;
    let covered = true;
    let prev = -1;
    for (let g = 0; g < nInt; g++) {
      const g1 = G === 1 ? 0 : g + 1;
      const L0 = lower[base + g]!;
      const L1 = lower[base + g1]!;
      // candidates: the previous interval's witness, this interval's last witness, then every tuple
      let w = -1;
      for (let c = -2; c < T; c++) {
        const k = c === -2 ? prev : c === -1 ? last[g]! : c;
        if (k < 0 || k === i || dropped[k]) continue;
        const U0 = upper[k * G + g]!;
        const U1 = upper[k * G + g1]!;
        if (U0 <= L0 && U1 <= L1 && (U0 < L0 || U1 < L1 || k < i)) {
          w = k;
          break;
        }
      }
      if (w < 0) {
        covered = false;
        break;
      }
      last[g] = w;
      prev = w;
    }
    if (covered) dropped[i] = 1;
  }
  return dropped;
}

/** The tuples of the choices (one list a column, null: the column unused), walked in tuplesOf's order. */
class Walk {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: Walk | undefined;
  readonly J: number;
  readonly choices: readonly (readonly (Pick | null)[])[];
  /** Tuples recorded (the all-unused one is skipped). */
  T = 0;
  code = 0;

  constructor(choices: readonly (readonly (Pick | null)[])[]) {
    this.choices = choices;
    this.J = choices.length;
    Walk.latest = this;
  }

  /** Depth j, after the choices of columns < j: their sums so far. */
  run(j: number, A: number, C: number, band: number, used: boolean): void {
    const J = this.J;
    if (j === J) {
      if (used) this.#record(A, C, band);
      return;
    }
    const list = this.choices[j]!;
    const n0 = depthN[j]!;
    const from = j * J;
    const to = (j + 1) * J;
    let radix = 1;
    for (let i = j + 1; i < J; i++) radix *= this.choices[i]!.length;
    const code0 = this.code;
    for (let c = 0; c < list.length; c++) {
      this.code = code0 + c * radix;
      const p = list[c]!;
      // the pieces so far, copied one depth down
      for (let i = 0; i < n0; i++) {
        depthW[to + i] = depthW[from + i]!;
        depthS[to + i] = depthS[from + i]!;
      }
      depthN[j + 1] = n0;
      if (p === null) {
        this.run(j + 1, A, C, band, used);
        continue;
      }
      let w = -1;
      let s = 0;
      let a: number;
      let cc: number;
      let b = band;
      if (p.kind === "hinge") {
        const h = p.h;
        a = h.a;
        cc = h.c;
        if (h.b > h.a) {
          w = p.piece ? p.piece.width : h.b - h.a;
          s = p.piece ? p.piece.slope : h.s;
        }
      } else {
        const r = p.r;
        const base = Math.min(r.minPacks * r.size, r.cover);
        a = base;
        cc = r.fee + r.price * r.minPacks;
        b += r.price;
        if (r.cover > base) {
          w = p.piece ? p.piece.width : r.cover - base;
          s = p.piece ? p.piece.slope : r.price / r.size;
        }
      }
      if (w >= 0) {
        // insertion by slope, as the constructor's insertion sort: after every piece not steeper
        let k = n0 - 1;
        while (k >= 0 && depthS[to + k]! > s) {
          depthW[to + k + 1] = depthW[to + k]!;
          depthS[to + k + 1] = depthS[to + k]!;
          k--;
        }
        depthW[to + k + 1] = w;
        depthS[to + k + 1] = s;
        depthN[j + 1] = n0 + 1;
      }
      this.run(j + 1, A + a, C + cc, b, true);
    }
    this.code = code0;
  }

  #record(A: number, C: number, band: number): void {
    const J = this.J;
    const i = this.T++;
    tupA[i] = A;
    tupC[i] = C;
    tupBand[i] = band;
    tupCode[i] = this.code;
    const n = depthN[J]!;
    tupN[i] = n;
    let cap = A;
    for (let k = 0; k < n; k++) {
      const w = depthW[J * J + k]!;
      tupW[i * J + k] = w;
      tupS[i * J + k] = depthS[J * J + k]!;
      cap += w;
    }
    tupCap[i] = cap;
  }
}

/** The picks of the tuple with this code (one per column; null: unused). */
export function picksOf(choices: readonly (readonly (Pick | null)[])[], code: number): (Pick | null)[] {
  const out: (Pick | null)[] = new Array(choices.length);
  for (let j = choices.length - 1; j >= 0; j--) {
    const n = choices[j]!.length;
    out[j] = choices[j]![code % n]!;
    code = Math.floor(code / n);
  }
  return out;
}

/** The light shape of a mix's tuples (views of scratch space, valid until the next call). */
export interface TupleTable {
  /** Tuples (the all-unused one left out), in tuplesOf's order. */
  readonly T: number;
  /** Each tuple's code. */
  readonly codes: Int32Array;
  /** The largest capacity of all tuples (0 when there are none). */
  readonly cap: number;
  /** The key points on [1, top], increasing (none when T ≤ 1: nothing to prune). */
  readonly xs: Float64Array;
  /** Tuple i's relaxation at xs[g], at i·G + g; `upper` that plus its band. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** The light shape of the tuples of these choices, with their relaxed values at the key points on [1, top]. */
export function tupleTable(choices: readonly (readonly (Pick | null)[])[], top: number): TupleTable {
  const J = choices.length;
  let total = 1;
  for (const c of choices) total *= c.length;
  tupA = grow(tupA, total);
  tupC = grow(tupC, total);
  tupBand = grow(tupBand, total);
  tupCap = grow(tupCap, total);
  tupCode = growInt(tupCode, total);
  tupN = growInt(tupN, total);
  tupW = grow(tupW, total * J);
  tupS = grow(tupS, total * J);
  depthW = grow(depthW, (J + 1) * J);
  depthS = grow(depthS, (J + 1) * J);
  depthN = growInt(depthN, J + 1);
  depthN[0] = 0;
  const walk = new Walk(choices);
  walk.run(0, 0, 0, 0, false);
  const T = walk.T;
  let cap = T === 0 ? 0 : Number.NEGATIVE_INFINITY;
  for (let i = 0; i < T; i++) if (tupCap[i]! > cap) cap = tupCap[i]!;
  const codes = tupCode.subarray(0, T);
  if (T <= 1) return { T, codes, cap, xs: new Float64Array(0), lower: new Float64Array(0), upper: new Float64Array(0) };

  // the key points: 1, top, and each tuple's 1, top and breakpoints within (addKeyPoints)
  points = grow(points, 2 + T * (J + 3));
  let P = 0;
  points[P++] = 1;
  points[P++] = top;
  for (let i = 0; i < T; i++) {
    const tt = Math.min(top, tupCap[i]!);
    if (tt <= 0) continue;
    points[P++] = 1;
    if (tt >= 1) points[P++] = tt;
    // breakpoints: 0, A (when positive), then the end of every finite piece
    const A = tupA[i]!;
    if (A > 0 && A >= 1 && A < tt) points[P++] = A;
    let x = A;
    for (let k = 0; k < tupN[i]!; k++) {
      x += tupW[i * J + k]!;
      if (Number.isFinite(x) && x >= 1 && x < tt) points[P++] = x;
    }
  }
  const sorted = points.subarray(0, P).sort();
  let G = 0;
  for (let k = 0; k < P; k++) if (k === 0 || sorted[k] !== sorted[G - 1]) sorted[G++] = sorted[k]!;
  const xs = sorted.subarray(0, G);

  // each tuple's relaxation at the points (relaxedAt), and that plus its band
  rows = grow(rows, 2 * T * G);
  const lower = rows.subarray(0, T * G);
  const upper = rows.subarray(T * G, 2 * T * G);
  for (let i = 0; i < T; i++) {
    const A = tupA[i]!;
    const capI = tupCap[i]!;
    const n = tupN[i]!;
    const band = tupBand[i]!;
    let piece = 0;
    let start = A;
    let base = tupC[i]!;
    for (let g = 0; g < G; g++) {
      const x = xs[g]!;
      let v: number;
      if (x > capI) v = INF;
      else if (x <= A) v = tupC[i]!;
      else {
        while (piece < n && x > start + tupW[i * J + piece]!) {
          const w = tupW[i * J + piece]!;
          base += tupS[i * J + piece]! * w;
          start += w;
          piece++;
        }
        v = piece < n ? base + tupS[i * J + piece]! * (x - start) : base;
      }
      lower[i * G + g] = v;
      upper[i * G + g] = v + band;
    }
  }
  return { T, codes, cap, xs, lower, upper };
}

/**
 * The codes of the tuples pruneTuples would keep (in tuplesOf's order) on [1, top], and the largest
 * capacity of all tuples (0 when there are none).
 */
export function prunedCodes(choices: readonly (readonly (Pick | null)[])[], top: number): { codes: number[]; cap: number } {
  const t = tupleTable(choices, top);
  if (t.T <= 1) return { codes: Array.from(t.codes), cap: t.cap };
  const dropped = dropDominated(t.lower, t.upper, t.T, t.xs.length);
  const codes: number[] = [];
  for (let i = 0; i < t.T; i++) if (!dropped[i]) codes.push(t.codes[i]!);
  return { codes, cap: t.cap };
}
