import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CoverColumn, CoverProblem } from "./cover.js";
import { Curve, type YearSchedule } from "./curve.js";
import { Mix } from "./mix.js";
import { solveSmallCover } from "./smallCover.js";

// The general cover (cover.ts: branch and bound over quantity boxes with a Lagrangian bound) against
// enumeration of every quantity vector on small demand: contracts serving one role or every role,
// over one or two years, some earning free seats of another role (⌊free × paid / per⌋); a vector is
// feasible when, every year, every set of roles gets at least its demand from the contracts that can
// serve it (Hall's condition, checked here by a max flow on the tiny transport network instead).
// The same enumeration checks smallCover.ts (linking quantities enumerated, each year split exactly).
const scheduleArb: fc.Arbitrary<YearSchedule> = fc
  .record({
    type: fc.constantFrom(0, 1, 3),
    p: fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 2, maxLength: 2 }),
    split: fc.integer({ min: 2, max: 9 }),
    packSize: fc.integer({ min: 2, max: 6 }),
    min: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
    fee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 120 })),
  })
  .map((r) => ({
    type: r.type as YearSchedule["type"],
    unit: r.p[0]!,
    tiers:
      r.type === 1
        ? [
            { from: 1, to: r.split - 1, price: r.p[0]! },
            { from: r.split, to: Number.POSITIVE_INFINITY, price: r.p[1]! },
          ]
        : [],
    packSize: r.packSize,
    packPrice: r.p[0]! * r.packSize - (r.p[1]! % r.packSize),
    min: r.min,
    max: Number.POSITIVE_INFINITY,
    fee: r.fee,
  }));

const instanceArb = fc.record({
  T: fc.integer({ min: 1, max: 2 }),
  roles: fc.constantFrom(0b001, 0b011, 0b111),
  columns: fc.array(
    fc.record({
      schedule: scheduleArb,
      key: fc.constantFrom(0, 1, 2, 3), // role, or 3 = any
      span: fc.constantFrom("one", "all"),
      at: fc.integer({ min: 0, max: 1 }),
      free: fc.option(fc.record({ role: fc.integer({ min: 0, max: 2 }), free: fc.integer({ min: 1, max: 3 }), per: fc.integer({ min: 1, max: 3 }) }), { nil: undefined, freq: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  demand: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 6, maxLength: 6 }),
});

/** Max flow feasibility of the transport problem of one year (supplies → roles). */
function yearFeasible(cols: readonly CoverColumn[], q: readonly number[], t: number, P: readonly number[]): boolean {
  // supplies: paid (roles mask) and free (one role); greedy is not enough in general: try every
  // split of each supply over the roles it serves by recursion (demand is tiny)
  const supplies: { mask: number; cap: number }[] = [];
  cols.forEach((c, j) => {
    if (!c.years.includes(t)) return;
    if (q[j]! > 0) supplies.push({ mask: c.roles, cap: q[j]! });
    if (c.free) {
      const f = Math.floor((c.free.free * q[j]!) / c.free.per);
      if (f > 0) supplies.push({ mask: 1 << c.free.role, cap: f });
    }
  });
  const need = [0, 1, 2].map((r) => P[r]!);
  const rec = (i: number): boolean => {
    if (need.every((x) => x <= 0)) return true;
    if (i === supplies.length) return false;
    const s = supplies[i]!;
    // give this supply's seats to its roles in every way (bounded by the needs)
    const roles = [0, 1, 2].filter((r) => (s.mask >> r) & 1 && need[r]! > 0);
    const go = (k: number, left: number): boolean => {
      if (k === roles.length) return rec(i + 1);
      const r = roles[k]!;
      for (let x = Math.min(left, need[r]!); x >= 0; x--) {
        need[r] = need[r]! - x;
        const ok = go(k + 1, left - x);
        need[r] = need[r]! + x;
        if (ok) return true;
      }
      return false;
    };
    return go(0, s.cap);
  };
  return rec(0);
}

describe("the general pooled-seat cover", () => {
  it("equals enumeration of every quantity vector (branch and bound, and the small-demand enumeration)", () => {
    let solved = 0;
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const T = inst.T;
        const columns: CoverColumn[] = inst.columns.map((c) => {
          const curve = new Curve([{ s: c.schedule, w: 1 }]);
          const roles = c.key === 3 ? 0b111 : 1 << c.key;
          const free = c.free && c.free.role !== c.key ? c.free : null;
          return { mix: new Mix([{ curves: [curve] }], 60), years: c.span === "all" ? Array.from({ length: T }, (_, t) => t) : [Math.min(c.at, T - 1)], roles, free };
        });
        const P = new Float64Array(3 * T);
        const roleMasks = Array.from({ length: T }, () => inst.roles);
        for (let r = 0; r < 3; r++) for (let t = 0; t < T; t++) P[r * T + t] = (inst.roles >> r) & 1 ? inst.demand[r * 2 + t]! : 0;
        const cover = new CoverProblem(T, roleMasks, columns, P, true);
        const got = cover.solve(P, 1_000_000);
        // enumeration: each column 0 … its useful bound (the total demand, or enough to earn it free)
        const total = P.reduce((a, x) => a + x, 0);
        const U = columns.map((c) => (c.free ? Math.max(total, Math.ceil((total * c.free.per) / c.free.free)) : total));
        let best = Number.POSITIVE_INFINITY;
        const q = new Array<number>(columns.length).fill(0);
        const rec = (j: number, cost: number): void => {
          if (cost >= best) return;
          if (j === columns.length) {
            for (let t = 0; t < T; t++)
              if (
                !yearFeasible(
                  columns,
                  q,
                  t,
                  [0, 1, 2].map((r) => P[r * T + t]!),
                )
              )
                return;
            best = cost;
            return;
          }
          for (let x = 0; x <= U[j]!; x++) {
            q[j] = x;
            rec(j + 1, cost + columns[j]!.mix.eval(x));
          }
          q[j] = 0;
        };
        rec(0, 0);
        expect(got.proven).toBe(true);
        expect(got.cost).toBe(best);
        const small = solveSmallCover(cover, P);
        expect(small).not.toBeNull();
        expect(small!.proven).toBe(true);
        expect(small!.cost).toBe(best);
        if (Number.isFinite(best)) {
          expect(cover.costOf(small!.q)).toBe(best);
          for (let t = 0; t < T; t++)
            expect(
              yearFeasible(
                columns,
                small!.q,
                t,
                [0, 1, 2].map((r) => P[r * T + t]!),
              ),
            ).toBe(true);
        }
        if (Number.isFinite(best)) {
          solved++;
          expect(cover.costOf(got.q)).toBe(got.cost);
          for (let t = 0; t < T; t++)
            expect(
              yearFeasible(
                columns,
                got.q,
                t,
                [0, 1, 2].map((r) => P[r * T + t]!),
              ),
            ).toBe(true);
          // the Lagrangian line is a lower bound at this demand (and at any other one)
          const prices = new Float64Array(3 * T);
          const alpha = cover.line(P, prices);
          let lb = alpha;
          for (let i = 0; i < P.length; i++) lb += prices[i]! * P[i]!;
          expect(lb).toBeLessThanOrEqual(best + 1e-6);
        }
      }),
      { numRuns: Number(process.env.COVER_RUNS ?? 300) },
    );
    expect(solved).toBeGreaterThan(100);
  });
});
