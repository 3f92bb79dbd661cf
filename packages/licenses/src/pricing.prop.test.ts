import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cheapestCover, priceCliffs, scheduleCost } from "./pricing.js";

// INVARIANTS.md (licenses): tiered schedules are non-decreasing in quantity where the vendor's
// schedule is, and the engine says when a schedule has a price cliff. Prices as integer cents.
const tiersArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 5 }).map((parts) => {
  let from = 1;
  return parts.map(([width, cents], i) => {
    const tier = { from, ...(i < parts.length - 1 ? { to: from + width - 1 } : {}), unitPrice: (cents / 100).toFixed(2) };
    from += width;
    return tier;
  });
});

describe("tiered schedules", () => {
  it("all-units: cost never falls as seats rise exactly when no cliff is reported", () => {
    fc.assert(
      fc.property(tiersArb, (tiers) => {
        const schedule = { type: "allUnits", tiers };
        const max = tiers.length > 1 ? tiers[tiers.length - 2]!.to! + 10 : 40;
        let falls = false;
        for (let q = 1; q < max; q++) if (scheduleCost(schedule, q + 1).lessThan(scheduleCost(schedule, q))) falls = true;
        expect(priceCliffs(schedule).length > 0).toBe(falls);
      }),
      { numRuns: 200 },
    );
  });

  it("all-units: each cliff's buy-up point is where a seat-by-seat scan down from the boundary stops", () => {
    fc.assert(
      fc.property(tiersArb, (tiers) => {
        const schedule = { type: "allUnits", tiers };
        for (const c of priceCliffs(schedule)) {
          const at = scheduleCost(schedule, c.boundary);
          let from = c.boundary - 1;
          for (let n = c.boundary - 1; n >= 1 && scheduleCost(schedule, n).greaterThan(at); n--) from = n;
          expect(c.buyUpFrom).toBe(from);
          expect(c.costAtBoundary.equals(at)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  // the reference for priceCliffs' fast path (it jumps over brackets whose first seat already
  // costs more than the boundary): the plain walk down, bracket by bracket, in integer cents
  const plainCliffs = (tiers: readonly { from: number; to?: number; unitPrice: string }[]): [number, number][] => {
    const cents = tiers.map((t) => Math.round(Number(t.unitPrice) * 100));
    const cost = (n: number): number => {
      const i = tiers.findIndex((t) => n >= t.from && (t.to === undefined || n <= t.to));
      return i < 0 ? Number.NaN : cents[i]! * n;
    };
    const out: [number, number][] = [];
    tiers.forEach((t, i) => {
      if (i === 0 || !(cents[i]! < cents[i - 1]!)) return;
      const at = cents[i]! * t.from;
      if (!(at < cents[i - 1]! * (t.from - 1))) return;
      let from = t.from - 1;
      for (let j = i - 1; j >= 0; j--) {
        const lo = tiers[j]!.from;
        const hi = tiers[j + 1]!.from - 1;
        if (!(cost(hi) > at)) break;
        let n = hi;
        while (n > lo && cost(n - 1) > at) n--;
        from = n;
        if (n > lo) break;
      }
      out.push([t.from, from]);
    });
    return out;
  };
  // long schedules whose prices mostly fall, with jumps back up: long walks down from a cliff
  const longTiersArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 400 }), fc.boolean()), { minLength: 2, maxLength: 40 }).map((parts) => {
    let from = 1;
    let price = 5000;
    return parts.map(([width, step, up], i) => {
      price = up && step % 7 === 0 ? Math.min(9000, price + step * 5) : Math.max(0, price - step);
      const tier = { from, ...(i < parts.length - 1 ? { to: from + width - 1 } : {}), unitPrice: (price / 100).toFixed(2) };
      from += width;
      return tier;
    });
  });

  it("all-units: the cliffs and buy-up points equal those of the plain walk down (the fast path's reference)", () => {
    fc.assert(
      fc.property(fc.oneof(tiersArb, longTiersArb), (tiers) => {
        expect(priceCliffs({ type: "allUnits", tiers }).map((c) => [c.boundary, c.buyUpFrom])).toEqual(plainCliffs(tiers));
      }),
      { numRuns: 400 },
    );
  });

  it("incremental: cost never falls and no cliff is ever reported", () => {
    fc.assert(
      fc.property(tiersArb, (tiers) => {
        const schedule = { type: "incremental", tiers };
        expect(priceCliffs(schedule)).toEqual([]);
        for (let q = 0; q < 60; q++) expect(scheduleCost(schedule, q + 1).greaterThanOrEqual(scheduleCost(schedule, q))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("the cheapest cover (buying up allowed) never falls as seats rise, and never costs more than buying exactly", () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 50 }), (tiers, minimum) => {
        const option = { kind: "seat", id: "o", productId: "p", minimumSeats: minimum, schedule: { type: "allUnits", tiers } };
        let prev = cheapestCover(option, 0)!.cost;
        for (let q = 1; q < 60; q++) {
          const c = cheapestCover(option, q)!;
          expect(c.cost.greaterThanOrEqual(prev)).toBe(true);
          expect(c.cost.lessThanOrEqual(scheduleCost({ type: "allUnits", tiers }, Math.max(q, minimum)))).toBe(true);
          expect(c.seats).toBeGreaterThanOrEqual(q);
          prev = c.cost;
        }
      }),
      { numRuns: 100 },
    );
  });
});
