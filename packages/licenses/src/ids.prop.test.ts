import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, renameDeep, renamingArb } from "../../core/test/ids.js";
import { tinyMarketArb } from "../test/arbitraries.js";
import { findOverlaps, optimizeLicenses, reclaimableSeats, renewalCalendar } from "./index.js";

// Ids are data (issue #18): a product, school or option whose id is `__proto__`, `constructor`,
// `valueOf`… or long Unicode is an ordinary key. Renaming every id of a random licence market
// changes no figure of the optimal plan; renaming the products of usage records changes no
// reclaimable seat or saving.

const idsOf = (m: { schools: { id: string }[]; products: { id: string }[]; options?: { id: string }[] }): string[] => [
  ...m.schools.map((s) => s.id),
  ...m.products.map((p) => p.id),
  ...(m.options ?? []).map((o) => o.id),
];

describe("licence ids are data", () => {
  it("renaming every id of a random market leaves the optimal plan's cost and payments unchanged", () => {
    // option ids first made distinct from every other text (a bundle's id may equal its kind)
    const marketArb = tinyMarketArb.map((m) => ({ ...m, options: (m.options ?? []).map((o) => ({ ...o, id: `option:${o.id}` })) }));
    const caseArb = marketArb.chain((market) => renamingArb(idsOf(market as never)).map((map) => ({ market, map })));
    fc.assert(
      fc.property(caseArb, ({ market, map }) => {
        const a = optimizeLicenses(market);
        const b = optimizeLicenses(renameDeep(market, map));
        expect(b.totalCost.toString()).toBe(a.totalCost.toString());
        expect(canonical(b.budgetLines, map)).toBe(canonical(a.budgetLines));
        expect(canonical(b.yearly, map)).toBe(canonical(a.yearly));
        expect(b.objective.toString()).toBe(a.objective.toString());
      }),
      { numRuns: 40 },
    );
  });

  it("reclaimableSeats: products called constructor, valueOf or __proto__ keep their seats and savings", () => {
    const userArb = fc.record({ product: fc.constantFrom("read", "math", "sci"), school: fc.constantFrom("a", "b"), days: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }) });
    const caseArb = fc.tuple(fc.array(userArb, { minLength: 1, maxLength: 30 }), renamingArb(["read", "math", "sci"]));
    fc.assert(
      fc.property(caseArb, ([rows, map]) => {
        const input = {
          asOf: "2026-07-01",
          inactiveDaysByProduct: { math: 30 },
          seatPrices: { read: "12", math: "7.5" },
          users: rows.map((r, i) => ({
            userId: `u${i}`,
            productId: r.product,
            schoolId: r.school,
            role: "student",
            lastActive: r.days === null ? null : `2026-0${1 + (r.days % 6)}-01`,
            source: "sso",
          })),
        };
        const a = reclaimableSeats(input);
        const b = reclaimableSeats(renameDeep(input, map));
        expect(canonical(b, map)).toBe(canonical(a));
        expect(b.map((x) => x.annualSaving?.toString() ?? null)).toEqual(a.map((x) => x.annualSaving?.toString() ?? null));
      }),
      { numRuns: 100 },
    );
  });

  it("a product called constructor or __proto__ is priced, not a TypeError (regression)", () => {
    const users = ["constructor", "__proto__", "valueOf"].map((p, i) => ({ userId: `u${i}`, productId: p, schoolId: "s", role: "student" as const, lastActive: null, source: "sso" }));
    const r = reclaimableSeats({ asOf: "2026-07-01", users, seatPrices: JSON.parse('{"__proto__": "10", "valueOf": "3"}') as Record<string, string> });
    expect(r.map((x) => [x.productId, x.annualSaving?.toString() ?? null])).toEqual([
      ["constructor", null],
      ["__proto__", "10"],
      ["valueOf", "3"],
    ]);
    expect(JSON.parse(JSON.stringify(r)).length).toBe(3);
    const contracts = [
      { productId: "__proto__", annualCost: "100", startDate: "2025-07-01", renewalDate: "2026-07-01" },
      { productId: "toString", annualCost: "100", startDate: "2025-07-01", renewalDate: "2026-07-01" },
    ];
    expect(renewalCalendar({ asOf: "2026-01-01", contracts }).map((e) => e.productId)).toEqual(["__proto__", "toString"]);
    const spend = [
      { productId: "__proto__", annualCost: "100", seats: 10, activeUsers: 2 },
      { productId: "constructor", annualCost: "50", seats: 10, activeUsers: 2 },
    ];
    const overlaps = findOverlaps({
      products: [
        { id: "__proto__", name: "A", category: "reading" },
        { id: "constructor", name: "B", category: "reading" },
      ],
      spend,
    });
    expect(JSON.stringify(overlaps)).toContain("__proto__");
  });
});
