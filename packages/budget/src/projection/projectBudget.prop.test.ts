import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb, withERateFunds } from "../../test/arbitraries.js";
import { compareProjections } from "../scenario/compare.js";
import type { BudgetModel } from "../schema/budget.js";
import { prepareBudget } from "./model.js";
import { projectBudget } from "./projectBudget.js";
import type { BudgetProjection } from "./types.js";

const cents = (m: Money | undefined): number => (m ?? Money.ZERO).toCents();
const sumOf = (r: Readonly<Record<string, Money>>): number => Object.values(r).reduce((a, m) => a + m.toCents(), 0);
/** The projection without its scenario block, for equality across scenarios. */
const body = (p: BudgetProjection): string => JSON.stringify({ ...p, scenario: null, explanation: null });
const fyStart = (y: number): string => `${y - 1}-07-01`;

describe("budget invariants (INVARIANTS.md)", () => {
  it("conserves money: Σ categories = Σ funds = Σ schools = the year's total; Σ years = the total; each line's funds = its cost", () => {
    fc.assert(
      fc.property(budgetInputArb, (input) => {
        const p = projectBudget(input);
        let grand = 0;
        for (const y of p.years) {
          const t = cents(y.total);
          expect(sumOf(y.byCategory)).toBe(t);
          expect(sumOf(y.byFund)).toBe(t);
          expect(sumOf(y.bySchool)).toBe(t);
          expect(Object.values(y.byCategoryFund).reduce((a, r) => a + sumOf(r), 0)).toBe(t);
          for (const [school, amount] of Object.entries(y.bySchool)) expect(sumOf(y.bySchoolFund[school] ?? {})).toBe(cents(amount));
          grand += t;
        }
        expect(grand).toBe(cents(p.total));
        expect(p.lines.reduce((a, l) => a + cents(l.total), 0)).toBe(cents(p.total));
        for (const l of p.lines) for (const y of l.years) expect(sumOf(y.byFund)).toBe(cents(y.cost));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps fund rules: eligible categories only, inside windows, never beyond the amount; the rest is the general fund's", () => {
    fc.assert(
      fc.property(budgetInputArb, (input) => {
        const model = prepareBudget(input);
        const p = projectBudget(model);
        const funds = new Map(model.budget.funds.map((f) => [f.id, f]));
        for (const l of p.lines) {
          for (const y of l.years) {
            for (const [fid, amount] of Object.entries(y.byFund)) {
              const f = funds.get(fid)!;
              if (f.kind === "general" || amount.isZero()) continue;
              if (f.kind === "erate") expect(l.eRate).toBe(f.eRateCategory);
              else expect(f.eligibleCategories).toContain(l.category);
            }
          }
        }
        for (const f of p.funds) {
          for (const t of f.tranches) {
            expect(t.used.lessThanOrEqual(t.amount)).toBe(true);
            expect(t.used.add(t.remaining).equals(t.amount)).toBe(true);
            for (const [y, v] of Object.entries(t.byYear)) if (!v.isZero()) expect(fyStart(Number(y)) >= t.availableFrom && fyStart(Number(y)) <= t.obligateBy).toBe(true);
          }
        }
        const restricted = p.funds.filter((f) => f.kind !== "general").reduce((a, f) => a + cents(f.paid), 0);
        expect(cents(p.generalFund.draw)).toBe(cents(p.total) - restricted);
      }),
      { numRuns: 150 },
    );
  });

  it("E-Rate draws exactly what its rule fixes: C2 the discount × the cycle's consumed budget, C1 the discount × each year's C1 cost, rounded once", () => {
    /** round half up of `cents × percent / 100` for non-negative cents and an integer percent. */
    const share = (c: bigint, percent: number): number => Number((2n * c * BigInt(percent) + 100n) / 200n);
    fc.assert(
      fc.property(budgetInputArb, fc.nat(), (input, seed) => {
        // E-Rate on, and every network item E-Rate (C1 or C2 by the seed), so most cases have E-Rate cells
        const items = input.budget.lineItems.map((it, i) => (it.category === "network" ? { ...it, eRate: ((seed >> i) & 1) === 1 ? ("C1" as const) : ("C2" as const) } : it));
        const funds = withERateFunds(input.budget.funds);
        const model = prepareBudget({ ...input, budget: { ...input.budget, lineItems: items, funds } });
        const p = projectBudget(model);
        const c1Items = new Set(model.budget.lineItems.filter((it) => it.eRate === "C1").map((it) => it.id));
        // every horizon year (FY2027–FY2031) lies in the FY2026–FY2030 C2 cycle
        expect(p.eRate.c2Cycles.length).toBeLessThanOrEqual(1);
        const consumed = p.eRate.c2Cycles[0]?.consumed ?? Money.ZERO;
        expect(cents(p.byFund.c2)).toBe(share(BigInt(consumed.toCents()), p.eRate.c2Percent ?? 0));
        p.years.forEach((y, yi) => {
          const c1Cost = p.lines.filter((l) => c1Items.has(l.itemId)).reduce((a, l) => a + BigInt(cents(l.years[yi]!.cost)), 0n);
          expect(cents(y.byFund.c1)).toBe(share(c1Cost, p.eRate.c1Percent ?? 0));
        });
        // and each cell stays within a cent of its exact share (a C2 cell: of its cost's share, or less when the cycle runs out in it)
        for (const l of p.lines) {
          for (const ly of l.years) {
            const exact100 = cents(ly.cost) * (c1Items.has(l.itemId) ? (p.eRate.c1Percent ?? 0) : (p.eRate.c2Percent ?? 0)); // the exact share × 100
            const paid100 = (cents(ly.byFund.c1) + cents(ly.byFund.c2)) * 100;
            expect(paid100 - exact100).toBeLessThan(100);
            if (c1Items.has(l.itemId)) expect(exact100 - paid100).toBeLessThan(100);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("minimises the general-fund draw exactly (equal to the brute-force min cut on small instances)", () => {
    fc.assert(
      fc.property(budgetInputArb, (input) => {
        const model = prepareBudget(input);
        const p = projectBudget(model, undefined, { detail: "summary" });
        const restricted = model.budget.funds.filter((f) => f.kind === "grant");
        const tranches = p.funds.filter((f) => f.kind === "grant").flatMap((f) => f.tranches.map((t) => ({ fund: restricted.find((r) => r.id === f.id)!, t })));
        if (tranches.length > 14) return;
        // demands: the district share of each year × category (after E-Rate)
        const demands: { year: number; cat: string; amount: number }[] = [];
        for (const y of p.years) {
          for (const [cat, row] of Object.entries(y.byCategoryFund)) {
            const eRate = cents(row.c1) + cents(row.c2);
            const amount = cents(y.byCategory[cat]) - eRate;
            if (amount > 0) demands.push({ year: y.fiscalYear, cat, amount });
          }
        }
        const adj = tranches.map(({ fund, t }) =>
          demands.map((d, i) => ((fund.eligibleCategories ?? []).includes(d.cat) && fyStart(d.year) >= t.availableFrom && fyStart(d.year) <= t.obligateBy ? i : -1)).filter((i) => i >= 0),
        );
        let best = Number.POSITIVE_INFINITY;
        for (let mask = 0; mask < 1 << tranches.length; mask++) {
          let cut = 0;
          const reached = new Set<number>();
          tranches.forEach((x, ti) => {
            if (mask & (1 << ti)) adj[ti]!.forEach((d) => reached.add(d));
            else cut += cents(x.t.amount);
          });
          for (const d of reached) cut += demands[d]!.amount;
          best = Math.min(best, cut);
        }
        const paid = p.funds.filter((f) => f.kind === "grant").reduce((a, f) => a + cents(f.paid), 0);
        expect(paid).toBe(best);
      }),
      { numRuns: 80 },
    );
  });

  it("a scenario with no levers, or with identity levers, equals the baseline", () => {
    fc.assert(
      fc.property(budgetInputArb, (input) => {
        const model = prepareBudget(input);
        const base = projectBudget(model);
        expect(body(projectBudget(model, { id: "none", name: "None", levers: [] }))).toBe(body(base));
        const levers = [{ type: "scale" as const, percent: 0 }, ...model.budget.lineItems.slice(0, 1).map((it) => ({ type: "delay" as const, item: it.id, years: 0 }))];
        const same = projectBudget(model, { id: "id", name: "Identity", levers });
        expect(JSON.stringify(same.years)).toBe(JSON.stringify(base.years));
      }),
      { numRuns: 60 },
    );
  });

  it("levers on disjoint items commute, and a lever followed by its inverse restores the baseline", () => {
    const pairs = fc.constantFrom([0.25, -0.2], [1, -0.5], [-0.5, 1], [0.6, -0.375]);
    fc.assert(
      fc.property(budgetInputArb, pairs, fc.integer({ min: -3, max: 3 }), (input, [up, down], k) => {
        const model: BudgetModel = prepareBudget(input);
        const items = model.budget.lineItems;
        if (items.length < 2) return;
        const a = { type: "scale" as const, item: items[0]!.id, percent: up! };
        const b = { type: "delay" as const, item: items[1]!.id, years: k };
        const ab = projectBudget(model, { id: "ab", name: "AB", levers: [a, b] });
        const ba = projectBudget(model, { id: "ba", name: "BA", levers: [b, a] });
        expect(JSON.stringify(ab.years)).toBe(JSON.stringify(ba.years));
        const base = projectBudget(model);
        const inv = projectBudget(model, { id: "inv", name: "Inverse", levers: [a, { ...a, percent: down! }, b, { ...b, years: -k }] });
        expect(JSON.stringify(inv.years)).toBe(JSON.stringify(base.years));
      }),
      { numRuns: 80 },
    );
  });

  it("compare(a, b).delta == b − a line by line, and the deltas add up", () => {
    fc.assert(
      fc.property(budgetInputArb, fc.integer({ min: -50, max: 50 }), (input, pct) => {
        const model = prepareBudget(input);
        const a = projectBudget(model);
        const b = projectBudget(model, {
          id: "b",
          name: "B",
          levers: [
            { type: "scale", category: "hardware", percent: pct / 100 },
            { type: "enrollment-change", rate: pct / 200 },
          ],
        });
        const c = compareProjections(a, b);
        for (const l of c.lines) expect(l.delta.equals(l.b.subtract(l.a))).toBe(true);
        const total = cents(c.total.delta);
        expect(total).toBe(cents(b.total) - cents(a.total));
        expect(c.lines.reduce((s, l) => s + cents(l.delta), 0)).toBe(total);
        expect(c.years.reduce((s, y) => s + cents(y.total.delta), 0)).toBe(total);
        expect(Object.values(c.byFund).reduce((s, d) => s + cents(d.delta), 0)).toBe(total);
        expect(Object.values(c.byCategory).reduce((s, d) => s + cents(d.delta), 0)).toBe(total);
      }),
      { numRuns: 80 },
    );
  });

  it("is monotone: more students never lower a student-driven cost; more inflation never lowers the total", () => {
    fc.assert(
      fc.property(budgetInputArb, fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), (input, r, dr, infl) => {
        const model = prepareBudget(input);
        const low = projectBudget(model, { id: "l", name: "L", levers: [{ type: "enrollment-change", rate: r / 100 }] });
        const high = projectBudget(model, { id: "h", name: "H", levers: [{ type: "enrollment-change", rate: (r + dr) / 100 }] });
        low.lines.forEach((l, i) => {
          const item = model.budget.lineItems.find((x) => x.id === l.itemId)!;
          if (item.kind !== "per-unit" || item.driver !== "students") return;
          l.years.forEach((y, j) => expect(high.lines[i]!.years[j]!.cost.greaterThanOrEqual(y.cost)).toBe(true));
        });
        const i1 = projectBudget(model, { id: "i1", name: "I1", levers: [{ type: "inflation", rate: infl / 100 }] });
        const i2 = projectBudget(model, { id: "i2", name: "I2", levers: [{ type: "inflation", rate: (infl + dr) / 100 }] });
        expect(i2.total.greaterThanOrEqual(i1.total)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
