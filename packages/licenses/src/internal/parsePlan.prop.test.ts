import { DistrictKitError, parseInput } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateLicenseMarket } from "../generate.js";
import { licensePlanInputSchema } from "../schema.js";
import { parsePlanInput } from "./parsePlan.js";

// The optimizer's fast input parse against zod: the same output on valid inputs — strictly equal
// and the same JSON text (key order included) apart from the demand cells, which are the caller's
// checked objects and equal zod's on the five fields the optimizer reads — and the same error
// (issues, paths, messages) on invalid ones. Markets have 1,200 demand cells (the fast path starts
// at 1,000); one cell or field is broken in a random way.
const market = generateLicenseMarket({ products: 4, options: 6, schools: 100, years: 3, seed: 3, bundleEvery: 3 });

// the demand as the optimizer reads it
const view = (x: unknown): unknown => {
  const o = x as { demand: { productId: string; schoolId: string; role: string; fiscalYear: number; seats: number }[] };
  return { ...o, demand: o.demand.map((d) => [d.productId, d.schoolId, d.role, d.fiscalYear, d.seats]) };
};
const outcome = (f: () => unknown): unknown => {
  try {
    return { ok: JSON.stringify(view(f())) };
  } catch (error) {
    return { error: JSON.stringify(error) + String(error) };
  }
};

const breakers: ((cell: Record<string, unknown>, k: number) => unknown)[] = [
  (c) => c,
  (c) => ({ ...c, extra: "dropped by zod" }),
  (c, k) => ({ ...c, source: ["roster", "usage", "given", undefined, "survey", 3][k % 6] }),
  (c, k) => ({ ...c, role: ["teacher", "staff", "parent", "", null][k % 5] }),
  (c, k) => ({ ...c, seats: [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "12", 2 ** 60, 0][k % 7] }),
  (c, k) => ({ ...c, fiscalYear: [2026, 2030, 999, 9999, 2027.5][k % 5] }),
  (c, k) => ({ ...c, productId: ["nope", "", 7][k % 3] }),
  (c, k) => ({ ...c, schoolId: ["s1", "nowhere", ""][k % 3] }),
  () => null,
  () => [],
  (c) => {
    const { seats: _, ...rest } = c;
    return rest;
  },
];

describe("the optimizer's fast input parse", () => {
  it("equals zod's parse on the generated market", () => {
    const fast = parsePlanInput(market);
    const slow = parseInput(licensePlanInputSchema, market);
    expect(fast.demand).toBe(market.demand); // the caller's cells, not copies
    expect(view(fast)).toStrictEqual(view(slow));
    expect(JSON.stringify(view(fast))).toBe(JSON.stringify(view(slow)));
  });

  it("gives zod's output or zod's error when one cell or field is broken", () => {
    fc.assert(
      fc.property(fc.nat(market.demand.length - 1), fc.nat(breakers.length - 1), fc.nat(40), fc.boolean(), (at, b, k, duplicate) => {
        const demand = market.demand.map((c, i) => (i === at ? breakers[b]!(c as unknown as Record<string, unknown>, k) : c));
        if (duplicate) demand.push(demand[(at + 1) % demand.length]!);
        const input = k === 40 ? { ...market, demand, years: 2 } : { ...market, demand };
        expect(outcome(() => parsePlanInput(input))).toEqual(outcome(() => parseInput(licensePlanInputSchema, input)));
      }),
      { numRuns: 150 },
    );
  });

  it("reports a getter that throws (a cell's field, or a top-level field) as a DistrictKitError, as the full parse does", () => {
    const cellThrows = {
      ...market,
      demand: market.demand.map((c, i) =>
        i === 7
          ? Object.defineProperty({ ...c }, "seats", {
              get: () => {
                throw new Error("boom");
              },
              enumerable: true,
            })
          : c,
      ),
    };
    const topThrows = Object.defineProperty({ ...market }, "firstYear", {
      get: () => {
        throw new Error("boom");
      },
      enumerable: true,
    });
    for (const input of [cellThrows, topThrows]) {
      expect(() => parsePlanInput(input)).toThrow(DistrictKitError);
      expect(outcome(() => parsePlanInput(input))).toEqual(outcome(() => parseInput(licensePlanInputSchema, input)));
    }
  });
});
