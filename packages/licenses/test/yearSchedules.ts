import fc from "fast-check";
import type { YearSchedule } from "../src/internal/curve.js";

/**
 * A compiled one-year price schedule (the solver's own form, in cents) for the internal solvers'
 * properties: a unit price, all-units brackets with a minimum, incremental brackets with a yearly
 * fee, or packs (of 2 to `maxPack` seats, each pack cheaper than its seats at the unit price), with
 * prices falling as quantities grow.
 */
export function yearScheduleArb(maxPack = 12): fc.Arbitrary<YearSchedule> {
  return fc
    .record({
      type: fc.constantFrom(0, 1, 2, 3),
      packSize: fc.integer({ min: 2, max: maxPack }),
      prices: fc.array(fc.integer({ min: 5, max: 120 }), { minLength: 3, maxLength: 3 }),
      b1: fc.integer({ min: 2, max: 15 }),
      b2: fc.integer({ min: 1, max: 20 }),
      min: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
      fee: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
    })
    .map((r) => {
      const [p1, p2, p3] = [...r.prices].sort((a, b) => b - a) as [number, number, number];
      const tiers = [
        { from: 1, to: r.b1 - 1, price: p1 },
        { from: r.b1, to: r.b1 + r.b2 - 1, price: p2 },
        { from: r.b1 + r.b2, to: Number.POSITIVE_INFINITY, price: p3 },
      ];
      return {
        type: r.type as YearSchedule["type"],
        unit: p1,
        tiers: r.type === 1 || r.type === 2 ? tiers : [],
        packSize: r.type === 3 ? r.packSize : 1,
        packPrice: r.type === 3 ? p1 * r.packSize - p3 : 0,
        min: r.type === 1 ? r.min : 0,
        max: Number.POSITIVE_INFINITY,
        fee: r.type === 2 ? r.fee : 0,
      };
    });
}
