import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Curve, type YearSchedule } from "./curve.js";
import { choicesOf, Mix, pruneTuples, tuplesOf } from "./mix.js";
import type { TupleCurve } from "./tuple.js";
import { picksOf, prunedCodes, tupleTable } from "./tupleTable.js";

// The mix of seat options (mix.ts: hinges, tuples with a greedy fill, packs by binary search and an
// exchange argument) against the obviously correct reference: each option's covering cost for every
// seat count (the cheapest of its variants, buying up allowed, by scanning larger counts), convolved
// one option at a time over whole seats (the dynamic programme of DOMAIN-licenses §2), then the
// cheapest cover of at least n seats. Every schedule type, minimums, maximums, fees, weighted
// multi-year curves, and yearly/prepaid variants.
const tiers = (prices: number[], widths: number[], start: number): YearSchedule["tiers"] => {
  let from = start;
  return prices.map((price, i) => {
    const to = i < prices.length - 1 ? from + widths[i]! - 1 : Number.POSITIVE_INFINITY;
    const t = { from, to, price };
    from = to + 1;
    return t;
  });
};

const scheduleArb: fc.Arbitrary<YearSchedule> = fc
  .record({
    type: fc.constantFrom(0, 1, 2, 3),
    prices: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 3 }),
    widths: fc.array(fc.integer({ min: 1, max: 25 }), { minLength: 3, maxLength: 3 }),
    start: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 12 })),
    packSize: fc.integer({ min: 2, max: 15 }),
    min: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
    max: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 10, max: 90 })),
    fee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900 })),
  })
  .map((r) => {
    const type = r.type as YearSchedule["type"];
    // graduated brackets start at 1; all-units ones may start above 1
    const t = type === 1 || type === 2 ? tiers(r.prices, r.widths, type === 1 ? r.start : 1) : [];
    return {
      type,
      unit: r.prices[0]!,
      tiers: t,
      packSize: r.packSize,
      packPrice: Math.max(1, r.prices[0]! * r.packSize - (r.prices[1] ?? 0)),
      min: r.min,
      max: r.max,
      fee: r.fee,
    };
  });

// one column: 1–2 variants, each a curve over 1–2 years (the same schedule, escalated), weights 1
const columnArb = fc.record({
  schedule: scheduleArb,
  years: fc.integer({ min: 1, max: 2 }),
  escalator: fc.integer({ min: 0, max: 10 }),
  prepaid: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
});
type ColumnSpec = typeof columnArb extends fc.Arbitrary<infer T> ? T : never;

function curvesOf(spec: ColumnSpec, weighted: boolean): Curve[] {
  const up = (s: YearSchedule, f: number): YearSchedule => {
    const e = (c: number): number => Math.round(c * f);
    return { ...s, unit: e(s.unit), packPrice: e(s.packPrice), fee: e(s.fee), tiers: s.tiers.map((x) => ({ ...x, price: e(x.price) })) };
  };
  const w = (t: number): number => (weighted ? 1 / 1.03 ** t : 1);
  const yearly = new Curve(Array.from({ length: spec.years }, (_, t) => ({ s: up(spec.schedule, (1 + spec.escalator / 100) ** t), w: w(t) })));
  if (spec.prepaid === undefined) return [yearly];
  const off = 1 - spec.prepaid / 100;
  const prepaid = new Curve(Array.from({ length: spec.years }, (_, t) => ({ s: up(spec.schedule, (1 + spec.escalator / 100) ** t * off), w: w(0) })));
  return [yearly, prepaid];
}

/** Cheapest cover of at least n seats, n = 0 … N, by the convolution over whole seats. */
function reference(columns: readonly Curve[][], N: number): Float64Array {
  const QM = N + 200; // beyond every bracket start, minimum and pack of the generators
  let H = new Float64Array(QM + 1).fill(Number.POSITIVE_INFINITY);
  H[0] = 0;
  for (const curves of columns) {
    // the column's cost of at least q seats: cheapest variant, cheapest larger count
    const c = new Float64Array(QM + 1);
    for (let q = QM; q >= 0; q--) {
      let v = Number.POSITIVE_INFINITY;
      for (const cv of curves) v = Math.min(v, q === 0 ? 0 : cv.exact(q));
      c[q] = q < QM ? Math.min(v, c[q + 1]!) : v;
    }
    c[0] = 0;
    const next = new Float64Array(QM + 1).fill(Number.POSITIVE_INFINITY);
    for (let n = 0; n <= QM; n++) for (let q = 0; q <= n; q++) next[n] = Math.min(next[n]!, H[n - q]! + c[q]!);
    H = next;
  }
  const out = new Float64Array(N + 1);
  let best = Number.POSITIVE_INFINITY;
  for (let n = QM; n >= 0; n--) {
    best = Math.min(best, H[n]!);
    if (n <= N) out[n] = best;
  }
  return out;
}

/**
 * The plain pruning of tuples (the reference of mix.ts's pruneTuples): for each tuple in order, on
 * every interval between consecutive key points, scan every other tuple not yet dropped for one whose
 * upper bound is at most this one's relaxation at both ends (strictly at one, or an earlier tuple).
 */
function referencePrune(tuples: readonly TupleCurve[], top: number): TupleCurve[] {
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

const close = (a: number, b: number): boolean => (Number.isFinite(a) || Number.isFinite(b) ? Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)) : true);

describe("the mix of seat options", () => {
  it("equals the whole-seat dynamic programme for every seat count, and what it composes covers the seats at that cost", () => {
    fc.assert(
      fc.property(fc.array(columnArb, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.integer({ min: 1, max: 120 }), (specs, weighted, N) => {
        const columns = specs.map((s) => curvesOf(s, weighted));
        const mix = new Mix(
          columns.map((curves) => ({ curves })),
          N,
        );
        const ref = reference(columns, N);
        for (let n = 0; n <= N; n++) {
          const got = mix.eval(n);
          if (!close(got, ref[n]!)) throw new Error(`n = ${n}: mix ${got}, reference ${ref[n]}`);
          if (n === 0 || !Number.isFinite(got)) continue;
          const parts = mix.compose(n);
          let seats = 0;
          let cost = 0;
          for (const p of parts) {
            seats += p.qty;
            cost += columns[p.column]![p.variant]!.best(p.qty).cost;
          }
          expect(seats).toBeGreaterThanOrEqual(n);
          expect(close(cost, got)).toBe(true);
          expect(new Set(parts.map((p) => p.column)).size).toBe(parts.length);
        }
      }),
      { numRuns: Number(process.env.MIX_RUNS ?? 400) },
    );
  });

  it("keeps the answer past the seat count it was pruned for", () => {
    fc.assert(
      fc.property(fc.array(columnArb, { minLength: 2, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), (specs, top) => {
        const columns = specs.map((s) => curvesOf(s, false));
        const mix = new Mix(
          columns.map((curves) => ({ curves })),
          top,
        );
        const ref = reference(columns, 100);
        for (let n = 0; n <= 100; n++) expect(close(mix.eval(n), ref[n]!)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("prunes exactly the tuples the plain scan prunes (pruneTuples against its reference)", () => {
    fc.assert(
      fc.property(fc.array(columnArb, { minLength: 2, maxLength: 4 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), (specs, weighted, top) => {
        const tuples = tuplesOf(specs.map((s) => ({ curves: curvesOf(s, weighted) })));
        const ids = (kept: TupleCurve[]): number[] => kept.map((t) => tuples.indexOf(t));
        expect(ids(pruneTuples(tuples, top))).toEqual(ids(referencePrune(tuples, top)));
      }),
      { numRuns: 300 },
    );
  });

  it("prunes the light shape as pruneTuples prunes the tuples (tupleTable.ts against TupleCurve objects), and Mix keeps those", () => {
    fc.assert(
      fc.property(fc.array(columnArb, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.integer({ min: 1, max: 300 }), (specs, weighted, top) => {
        const columns = specs.map((s) => ({ curves: curvesOf(s, weighted) }));
        const tuples = tuplesOf(columns);
        const mix = new Mix(columns, top);
        const choices = columns.map(choicesOf);
        // the light shape's numbers are the tuples' own, bit for bit: the key points of
        // addKeyPoints, each tuple's relaxedAt there, and that plus its band
        const table = tupleTable(choices, top);
        expect(table.T).toBe(tuples.length);
        expect(Array.from(table.codes, (code) => picksOf(choices, code))).toEqual(tuples.map((t) => [...t.picks]));
        if (tuples.length > 1) {
          const pts = new Set<number>([1, top]);
          for (const t of tuples) t.addKeyPoints(top, pts);
          const xs = Float64Array.from(pts).sort();
          expect(Array.from(table.xs)).toEqual(Array.from(xs));
          const row = new Float64Array(xs.length);
          tuples.forEach((t, i) => {
            t.relaxedAt(xs, row);
            for (let g = 0; g < xs.length; g++) {
              expect(Object.is(table.lower[i * xs.length + g], row[g])).toBe(true);
              expect(Object.is(table.upper[i * xs.length + g], row[g]! + t.band)).toBe(true);
            }
          });
        }
        const light = prunedCodes(choices, top);
        const kept = pruneTuples(tuples, top);
        expect(light.codes.map((code) => picksOf(choices, code))).toEqual(kept.map((t) => [...t.picks]));
        expect(light.cap).toBe(tuples.length === 0 ? 0 : Math.max(...tuples.map((t) => t.cap)));
        if (columns.length > 1) expect(mix.curves.map((t) => [...t.picks])).toEqual(kept.map((t) => [...t.picks]));
        expect(mix.cap).toBe(light.cap);
        // past top every tuple is tried: the same tuples as tuplesOf, in its order
        const far = Math.ceil(top * 3 + 500);
        expect(mix.eval(far)).toBe(Math.min(Number.POSITIVE_INFINITY, ...tuples.filter((t) => far <= t.cap).map((t) => t.eval(far))));
      }),
      { numRuns: 400 },
    );
  });

  it("evaluates every tuple as its general search does (TupleCurve.eval's fast path against solvedCost)", () => {
    fc.assert(
      fc.property(fc.array(columnArb, { minLength: 1, maxLength: 3 }), fc.boolean(), (specs, weighted) => {
        for (const t of tuplesOf(specs.map((s) => ({ curves: curvesOf(s, weighted) })))) {
          for (let n = 0; n <= 150; n++) expect(Object.is(t.eval(n), t.solvedCost(n))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
