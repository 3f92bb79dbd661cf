import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yearScheduleArb } from "../../test/yearSchedules.js";
import { candidates, concaveKeys, frontierOf, hingesOnly, type LeafYear, leafSolve, linearCost } from "./commitLeaf.js";
import { Curve } from "./curve.js";
import { Mix } from "./mix.js";
import { rangeHull } from "./yearLp.js";

// The exact node solve of the commitment's branch and bound (commitLeaf.ts) against the obviously
// correct reference: every site set of every year's free schools, and every committed quantity of
// the range, each year's seats bought at the mix's exact cost (at least the box's lower end, at
// most its upper end). The frontier keeps a point at least as good as every site set (and, pruned
// at a price, every site set within the threshold); the flat-array cost equals the mix's; the
// node's least cost over the candidate quantities (or every quantity), with or without the
// relaxation's bounds, equals the reference's.

const scheduleArb = yearScheduleArb(9);

const yearArb = fc.record({
  schedules: fc.array(scheduleArb, { minLength: 1, maxLength: 2 }),
  schools: fc.array(fc.record({ F: fc.integer({ min: 1, max: 900 }), d: fc.integer({ min: 1, max: 12 }) }), { minLength: 0, maxLength: 6 }),
  N0: fc.integer({ min: 0, max: 8 }),
  base: fc.integer({ min: 0, max: 50 }),
});
type YearSpec = typeof yearArb extends fc.Arbitrary<infer T> ? T : never;

const leafYear = (y: YearSpec): LeafYear => ({ base: y.base, N0: y.N0, F: y.schools.map((s) => s.F), d: y.schools.map((s) => s.d) });
const totalOf = (y: YearSpec): number => y.N0 + y.schools.reduce((a, s) => a + s.d, 0);
const mixOf = (y: YearSpec, top: number): Mix =>
  new Mix(
    y.schedules.map((s) => ({ curves: [new Curve([{ s, w: 1 }])] })),
    Math.max(1, top),
  );

/** Every site set of a year: seats left to the pool and site cost (fixed costs included). */
function siteSets(y: LeafYear): { N: number; c: number }[] {
  const out: { N: number; c: number }[] = [];
  const n = y.F.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    let N = y.N0;
    let c = y.base;
    for (let i = 0; i < n; i++) {
      if ((mask >> i) & 1) c += y.F[i]!;
      else N += y.d[i]!;
    }
    out.push({ N, c });
  }
  return out;
}

const linearMix = (mix: Mix): boolean => mix.curves.every(hingesOnly);

describe("a year's frontier of site sets (commitLeaf.ts)", () => {
  it("has a point at least as good as every site set, each point a site set, N rising and c falling", () => {
    fc.assert(
      fc.property(yearArb, (spec) => {
        const y = leafYear(spec);
        const f = frontierOf(y, 10_000)!;
        const sets = siteSets(y);
        for (const s of sets) expect([...f.N].some((N, j) => N <= s.N && f.c[j]! <= s.c)).toBe(true);
        for (let j = 0; j < f.N.length; j++) {
          expect(sets.some((s) => s.N === f.N[j] && s.c === f.c[j])).toBe(true);
          if (j > 0) {
            expect(f.N[j]!).toBeGreaterThan(f.N[j - 1]!);
            expect(f.c[j]!).toBeLessThan(f.c[j - 1]!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("pruned at a price, still covers every site set whose excess is below the threshold", () => {
    fc.assert(
      fc.property(yearArb, fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 600 }), (spec, lambda, slack) => {
        const y = leafYear(spec);
        const f = frontierOf(y, 10_000, lambda, (excess) => excess >= slack)!;
        const sets = siteSets(y);
        const g = Math.min(...sets.map((s) => s.c + lambda * s.N));
        for (const s of sets) {
          if (s.c + lambda * s.N - g >= slack) continue;
          expect([...f.N].some((N, j) => N <= s.N && f.c[j]! <= s.c)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the flat-array cost of a mix without packs (commitLeaf.ts)", () => {
  it("equals the mix's exact cost at every seat count", () => {
    fc.assert(
      fc.property(fc.array(scheduleArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 80 }), (schedules, top) => {
        const mix = new Mix(
          schedules.map((s) => ({ curves: [new Curve([{ s, w: 1 }])] })),
          top,
        );
        fc.pre(linearMix(mix));
        const cost = linearCost(mix.curves);
        for (let x = 0; x <= top; x++) expect(cost(x)).toBe(mix.eval(x));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the exact node solve (commitLeaf.ts)", () => {
  it("equals every quantity of the range and every site set, within the box of seats bought", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: yearArb, a: fc.integer({ min: 0, max: 30 }), w: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 150 }), { minLength: 3, maxLength: 3 }),
        (specs, pi, qlo, width, prices) => {
          const top = Math.max(1, ...specs.map((s) => totalOf(s.y)));
          const years = specs.map((s) => ({ leaf: leafYear(s.y), mix: mixOf(s.y, top), D: totalOf(s.y) }));
          const a = specs.map((s, t) => Math.min(s.a, years[t]!.D));
          const b = specs.map((s, t) => Math.min(a[t]! + s.w, years[t]!.D));
          const qhi = qlo + width;
          const H = (t: number, x: number): number => years[t]!.mix.eval(x);
          // the reference: every q, every site set, x = max(a, N − q) when it is at most b
          const sets = years.map((y) => siteSets(y.leaf));
          let opt = Number.POSITIVE_INFINITY;
          for (let q = qlo; q <= qhi; q++) {
            let cost = pi * q + 7;
            years.forEach((_, t) => {
              let v = Number.POSITIVE_INFINITY;
              for (const s of sets[t]!) {
                const need = s.N - q;
                if (need > b[t]!) continue;
                const x = Math.max(a[t]!, need);
                v = Math.min(v, s.c + (x > 0 ? H(t, x) : 0));
              }
              cost += v;
            });
            opt = Math.min(opt, cost);
          }
          const fronts = years.map((y) => frontierOf(y.leaf, 10_000)!);
          const every = Float64Array.from({ length: width + 1 }, (_, i) => qlo + i);
          const all = leafSolve(pi, 7, fronts, H, a, b, every);
          expect(all.cost).toBe(opt);
          if (Number.isFinite(opt)) expect(all.q).toBeGreaterThanOrEqual(qlo);
          // with the relaxation's bounds at any prices (the hull on [a, b]) and a cutoff: the same
          // least below the cutoff, nothing below it otherwise
          const lambda = years.map((_, t) => prices[t]!);
          const m = years.map((y, t) => {
            const h = rangeHull(y.mix, a[t]!, b[t]!);
            return Math.min(...Array.from(h.xs, (x, i) => h.ys[i]! - lambda[t]! * x));
          });
          expect(leafSolve(pi, 7, fronts, H, a, b, every, Number.POSITIVE_INFINITY, { lambda, m }).cost).toBe(opt);
          if (Number.isFinite(opt)) {
            expect(leafSolve(pi, 7, fronts, H, a, b, every, opt + 1, { lambda, m }).cost).toBe(opt);
            expect(leafSolve(pi, 7, fronts, H, a, b, every, opt, { lambda, m }).cost).toBeGreaterThanOrEqual(opt);
          }
          // the candidates suffice when every mix is linear between its key points (no packs)
          if (years.every((y) => linearMix(y.mix))) {
            const qs = candidates(
              fronts,
              years.map((y) => concaveKeys(y.mix, y.D)!),
              a,
              b,
              qlo,
              qhi,
            );
            const few = leafSolve(pi, 7, fronts, H, a, b, qs);
            expect(few.cost).toBe(opt);
            if (Number.isFinite(opt)) expect(leafSolve(pi, 7, fronts, H, a, b, [few.q]).cost).toBe(opt);
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});
