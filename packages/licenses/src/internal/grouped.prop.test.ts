import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Curve, Envelope, type YearSchedule } from "./curve.js";
import { solveSharedPool, solveSharedPoolDP, type YearSchools } from "./dpPool.js";
import { solveGroupedPool } from "./grouped.js";

// The reduced-cost solver of the shared-pool problem (grouped.ts) against the exact dynamic
// programme over whole seats (dpPool.ts) and the Pareto-frontier method it replaces, on random
// small instances: one to three years sharing one pooled quantity, schools with few distinct site
// prices (interchangeable groups) or all different, every seat schedule type with minimums,
// maximums, fees, and yearly weights (discounting). Costs are integer cents.
const tiers = (prices: number[], widths: number[]): YearSchedule["tiers"] => {
  let from = 1;
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
    prices: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
    widths: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 4, maxLength: 4 }),
    packSize: fc.integer({ min: 1, max: 25 }),
    min: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 })),
    max: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 20, max: 400 })),
    fee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  })
  .map((r) => ({
    type: r.type as YearSchedule["type"],
    unit: r.prices[0]!,
    tiers: r.type === 1 || r.type === 2 ? tiers(r.prices, r.widths) : [],
    packSize: r.packSize,
    packPrice: Math.max(1, r.prices[0]! * r.packSize - (r.prices[1] ?? 0)),
    min: r.min,
    max: r.max,
    fee: r.fee,
  }));

const instanceArb = fc
  .record({
    years: fc.integer({ min: 1, max: 3 }),
    schools: fc.integer({ min: 0, max: 11 }),
    bands: fc.array(fc.integer({ min: 50, max: 9000 }), { minLength: 1, maxLength: 4 }),
    distinct: fc.boolean(),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
    N0: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 3, maxLength: 3 }),
    curves: fc.array(scheduleArb, { minLength: 1, maxLength: 3 }),
    escalator: fc.integer({ min: 0, max: 12 }),
    weighted: fc.boolean(),
    noSite: fc.integer({ min: 0, max: 12 }),
  })
  .map((r) => {
    const years: YearSchools[] = Array.from({ length: r.years }, (_, t) => {
      const F: number[] = [];
      const d: number[] = [];
      for (let s = 0; s < r.schools; s++) {
        const x = r.seed[(s * 3 + t) % r.seed.length]!;
        const band = r.bands[s % r.bands.length]!;
        F.push(s === r.noSite ? Number.POSITIVE_INFINITY : r.distinct ? band + (x % 997) : band);
        d.push((x >> 4) % 45);
      }
      return { F: Float64Array.from(F), d: Float64Array.from(d), N0: r.N0[t]! };
    });
    const w = (t: number): number => (r.weighted ? 1 / 1.03 ** t : 1);
    // a multi-year term: the same schedule every year, its prices escalated (the model's curves)
    const up = (s: YearSchedule, t: number): YearSchedule => {
      const e = (c: number): number => Math.round(c * (1 + r.escalator / 100) ** t);
      return { ...s, unit: e(s.unit), packPrice: e(s.packPrice), fee: e(s.fee), tiers: s.tiers.map((x) => ({ ...x, price: e(x.price) })) };
    };
    const env = new Envelope(
      r.curves.map((s, c) => new Curve(Array.from({ length: c === 0 ? r.years : 1 }, (_, t) => ({ s: up(s, t), w: w(t) })))),
    );
    return { years, env, integral: !r.weighted };
  });

const planCost = (years: readonly YearSchools[], site: readonly Uint8Array[], env: Envelope): number => {
  let cost = 0;
  let q = 0;
  years.forEach((y, t) => {
    let n = y.N0;
    y.F.forEach((F, i) => {
      if (site[t]![i]) cost += F;
      else n += y.d[i]!;
    });
    q = Math.max(q, n);
  });
  return cost + (q > 0 ? env.eval(q) : 0);
};

const close = (a: number, b: number): boolean => (Number.isFinite(a) || Number.isFinite(b) ? Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)) : true);

describe("the grouped reduced-cost shared-pool solver", () => {
  it("equals the whole-seat dynamic programme and the frontier method, and its plan costs what it reports", () => {
    let solved = 0;
    fc.assert(
      fc.property(instanceArb, ({ years, env, integral }) => {
        const G = (q: number): number => env.eval(q);
        const dp = solveSharedPoolDP(years, G, env.cap);
        const frontier = solveSharedPool(years, G, env.cap);
        const r = solveGroupedPool(years, env, integral);
        if (frontier) expect(close(frontier.cost, dp.cost)).toBe(true);
        if (r === null) return;
        solved++;
        expect(close(r.cost, dp.cost)).toBe(true);
        if (Number.isFinite(r.cost)) expect(close(planCost(years, r.site, env), r.cost)).toBe(true);
        // with a cutoff: the optimum when it is below, else "nothing below the cutoff"
        if (Number.isFinite(dp.cost)) {
          for (const cutoff of [dp.cost - 1, dp.cost, dp.cost + 1, dp.cost * 1.01 + 5]) {
            const c = solveGroupedPool(years, env, integral, cutoff);
            if (c === null) continue;
            if (dp.cost < cutoff - 1e-6 * Math.max(1, Math.abs(cutoff))) expect(close(c.cost, dp.cost)).toBe(true);
            else if (dp.cost > cutoff + 1e-6 * Math.max(1, Math.abs(cutoff))) expect(c.cutoff).toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.GROUPED_RUNS ?? 400) },
    );
    expect(solved).toBeGreaterThan(300);
  });
});
