import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Curve, Envelope, type YearSchedule } from "./curve.js";
import { solveSharedPool, solveSharedPoolDP, type YearSchools } from "./dpPool.js";
import { solveGroupedPool } from "./grouped.js";
import { Mix } from "./mix.js";

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
    const env = new Envelope(r.curves.map((s, c) => new Curve(Array.from({ length: c === 0 ? r.years : 1 }, (_, t) => ({ s: up(s, t), w: w(t) })))));
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

/** The obviously-correct reference: every set of site licences (each year, each school), priced by planCost. */
function enumerate(years: readonly YearSchools[], env: Envelope): number | null {
  const n = years.reduce((a, y) => a + y.F.length, 0);
  if (n > 12) return null;
  let best = Number.POSITIVE_INFINITY;
  for (let set = 0; set < 2 ** n; set++) {
    let k = 0;
    const site = years.map((y) => Uint8Array.from(y.F, () => (set >> k++) & 1));
    const c = planCost(years, site, env);
    if (c < best) best = c;
  }
  return best;
}

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
        const ref = enumerate(years, env);
        if (ref !== null) expect(close(r.cost, ref)).toBe(true);
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

describe("the grouped solver on a mix of seat options (the tuples of mix.ts as curves)", () => {
  it("equals enumeration of every site set with the mix's cost", () => {
    let solved = 0;
    fc.assert(
      fc.property(instanceArb, ({ years, env, integral }) => {
        // the one-year curves of the instance, mixed: several options cover the pool together
        const oneYear = env.curves.filter((c) => c instanceof Curve && c.parts.length === 1) as Curve[];
        fc.pre(oneYear.length >= 2 && years.length === 1);
        const top = years[0]!.N0 + years[0]!.d.reduce((a, x) => a + x, 0);
        const mix = new Mix(
          oneYear.map((c) => ({ curves: [c] })),
          Math.max(1, top),
        );
        const menv = new Envelope(mix.curves);
        const r = solveGroupedPool(years, menv, integral);
        const ref = enumerate(years, menv);
        if (r === null || ref === null) return;
        solved++;
        expect(close(r.cost, ref)).toBe(true);
        // and the mix's cost is the mix's: no single option beats it
        for (let q = 1; q <= Math.min(top, 60); q++) expect(mix.eval(q)).toBeLessThanOrEqual(env.eval(q) + 1e-6);
      }),
      { numRuns: 300 },
    );
    expect(solved).toBeGreaterThan(20);
  });
});
