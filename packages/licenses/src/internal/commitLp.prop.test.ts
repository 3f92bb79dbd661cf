import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yearScheduleArb } from "../../test/yearSchedules.js";
import { enumerateCommitment } from "./commitEnum.js";
import { commitLpSearch, type LpYear } from "./commitLp.js";
import { Curve } from "./curve.js";
import { Mix } from "./mix.js";
import { rangeHull, YearLp } from "./yearLp.js";

// The relaxation of a year (yearLp.ts) and the branch and bound over it for a multi-year commitment
// (commitLp.ts), and the enumeration of few schools (commitEnum.ts), against the obviously correct reference: every site set of every year and every
// committed quantity, each year's seats bought at the mix's exact cost. The relaxation never
// exceeds the exact cost, on any range of seats bought; the search's bound never exceeds the
// optimum, its plan never costs less, and a proven plan costs exactly the optimum.

const scheduleArb = yearScheduleArb(12);

const yearArb = fc.record({
  schedules: fc.array(scheduleArb, { minLength: 1, maxLength: 2 }),
  schools: fc.array(fc.record({ F: fc.integer({ min: 1, max: 900 }), d: fc.integer({ min: 1, max: 12 }) }), { minLength: 0, maxLength: 5 }),
  N0: fc.integer({ min: 0, max: 8 }),
  base: fc.integer({ min: 0, max: 50 }),
});
type YearSpec = typeof yearArb extends fc.Arbitrary<infer T> ? T : never;

function lpYear(y: YearSpec): LpYear & { D: number } {
  const D = y.N0 + y.schools.reduce((a, s) => a + s.d, 0);
  const mix = new Mix(
    y.schedules.map((s) => ({ curves: [new Curve([{ s, w: 1 }])] })),
    Math.max(1, D),
  );
  return { base: y.base, schools: { F: Float64Array.from(y.schools.map((s) => s.F)), d: Float64Array.from(y.schools.map((s) => s.d)), N0: y.N0 }, mix, D };
}

/** Exact cost of a year with q seats held, buying n ∈ [a, b] seats (every site set, every n). */
function exactYear(y: LpYear & { D: number }, q: number, a = 0, b = Number.POSITIVE_INFINITY): number {
  const n = y.schools.F.length;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << n; mask++) {
    let cost = y.base;
    let pooled = y.schools.N0;
    for (let i = 0; i < n; i++) {
      if ((mask >> i) & 1) cost += y.schools.F[i]!;
      else pooled += y.schools.d[i]!;
    }
    for (let k = Math.max(a, pooled - q, 0); k <= Math.min(b, y.D); k++) {
      const c = cost + (k > 0 ? y.mix.eval(k) : 0);
      if (c < best) best = c;
    }
  }
  return best;
}

describe("the relaxation of one year (yearLp.ts)", () => {
  it("the range hull never exceeds the mix, and the bound never exceeds the exact year", () => {
    fc.assert(
      fc.property(yearArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 60 }), (spec, x, w, q) => {
        const y = lpYear(spec);
        const a = Math.min(x, y.D);
        const b = Math.min(a + w, y.D);
        const h = rangeHull(y.mix, a, b);
        for (let k = a; k <= b; k++) {
          const exact = k > 0 ? y.mix.eval(k) : 0;
          // the hull's value at k: the largest of its supporting lines there is at most the mix
          let v = Number.NEGATIVE_INFINITY;
          for (let i = 0; i + 1 < h.xs.length; i++) {
            if (h.xs[i]! <= k && k <= h.xs[i + 1]!) v = h.ys[i]! + ((h.ys[i + 1]! - h.ys[i]!) * (k - h.xs[i]!)) / (h.xs[i + 1]! - h.xs[i]!);
          }
          if (h.xs.length === 1 && h.xs[0] === k) v = h.ys[0]!;
          if (Number.isFinite(exact)) expect(v).toBeLessThanOrEqual(exact + 1e-6);
        }
        const lp = new YearLp(y.base, y.schools);
        const exact = exactYear(y, q, a, b);
        const bound = lp.best(q, h);
        if (Number.isFinite(exact)) expect(bound.value).toBeLessThanOrEqual(exact + 1e-6);
        // every price gives a bound, not only the best one
        for (const l of [0, 1, 7.5, 40, 300]) expect(lp.at(l, q, h).value).toBeLessThanOrEqual(exact + 1e-6);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the commitment's branch and bound (commitLp.ts)", () => {
  it("brackets the optimum by its bound and its plan, and a proven plan is the optimum", () => {
    fc.assert(
      fc.property(fc.array(yearArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 150 }), fc.constantFrom(1, 3, 1_000), (specs, pi, maxNodes) => {
        const years = specs.map(lpYear);
        const qTop = Math.max(0, ...years.map((y) => y.D));
        const exactAt = (q: number): number => pi * q + years.reduce((acc, y) => acc + exactYear(y, q), 0);
        let opt = Number.POSITIVE_INFINITY;
        for (let q = 0; q <= qTop; q++) opt = Math.min(opt, exactAt(q));
        fc.pre(Number.isFinite(opt));
        const start = { q: 0, cost: exactAt(0) };
        const r = commitLpSearch({ pi, years, qTop, plain: 0, integral: true, exact: exactAt }, start, maxNodes);
        expect(r).not.toBeNull();
        expect(r!.lowerBound).toBeLessThanOrEqual(opt + 1e-6);
        expect(r!.cost).toBeGreaterThanOrEqual(opt - 1e-6);
        // the plan at the quantity it names costs what it says, or less (sites re-chosen exactly)
        expect(exactAt(r!.q)).toBeLessThanOrEqual(r!.cost + 1e-6);
        if (r!.proven) expect(r!.cost).toBe(opt);
        if (maxNodes === 1_000) expect(r!.proven).toBe(true);
        // the enumeration of few schools (commitEnum.ts) is exact
        const e = enumerateCommitment(years, qTop, (q) => pi * q);
        expect(e!.cost).toBe(opt);
        expect(exactAt(e!.q)).toBe(opt);
      }),
      { numRuns: 300 },
    );
  });
});
