import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb, CATS, withERateFunds } from "../../test/arbitraries.js";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import type { BudgetModel } from "../schema/budget.js";
import { reconcilePlan } from "./planFlow.js";

/** Ids a user's file may hold: JavaScript words must be plain data. */
const HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "licence-plan", "ŝçĥööl-ïđ-".repeat(20)];

/** A random budget and a random plan on it: items it replaces, a window inside the horizon, lines with amounts in it. */
const caseArb = budgetInputArb
  .map((input) => prepareBudget(input))
  .chain((model) => {
    const first = model.budget.firstYear;
    const last = first + model.budget.years - 1;
    const ids = model.budget.lineItems.map((i) => i.id);
    return fc.record({
      model: fc.constant(model),
      from: fc.integer({ min: first, max: last }),
      span: fc.integer({ min: 0, max: 4 }),
      replaces: fc.subarray(ids),
      plan: fc.constantFrom(...HOSTILE),
      lines: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...HOSTILE, "a", "b"),
          category: fc.constantFrom(...CATS),
          cents: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 5, maxLength: 5 }),
          eRate: fc.constantFrom("C1", "C2", "ineligible"),
        }),
        { maxLength: 4, selector: (l) => l.id },
      ),
      // levers already in the scenario (the plan goes on top of them)
      scale: fc.integer({ min: -50, max: 50 }),
    });
  })
  .map(({ model, from, span, replaces, plan, lines, scale }) => {
    const last = model.budget.firstYear + model.budget.years - 1;
    const to = Math.min(last, from + span);
    const lever = {
      type: "use-plan" as const,
      plan,
      name: "plan",
      fromYear: from,
      toYear: to,
      replaces,
      lines: lines.map((l, k) => ({
        id: l.id,
        name: `Line ${k}`,
        category: l.category,
        eRate: l.eRate,
        amounts: Object.fromEntries(Array.from({ length: to - from + 1 }, (_, k) => [String(from + k), Money.fromCents(l.cents[k]!).toString()])),
      })),
    };
    return { model, lever, scenario: { id: "s", name: "S", levers: scale === 0 ? [] : [{ type: "scale" as const, percent: scale / 100 }] } };
  });

/** "$1,234.50" of the amount's size. */
const dollars = (m: Money): string =>
  `$${m
    .abs()
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

const cell = (model: BudgetModel, p: ReturnType<typeof projectBudget>, itemIds: ReadonlySet<string>, year: number): Money =>
  p.lines.filter((l) => itemIds.has(l.itemId)).reduce((a, l) => a.add(l.years[year - model.budget.firstYear]!.cost), Money.ZERO);

describe("plan → budget (INVARIANTS.md: budget conservation, applied to plans from other engines)", () => {
  it("changes each year's total by exactly Σ plan lines − Σ replaced items' cost in the plan's years, and by nothing outside them", () => {
    fc.assert(
      fc.property(caseArb, ({ model, lever, scenario }) => {
        const before = projectBudget(model, scenario);
        const r = reconcilePlan(model, scenario, lever);
        const after = projectBudget(model, r.scenario);
        const replaced = new Set(lever.replaces);
        for (const y of before.years) {
          const fy = y.fiscalYear;
          const inWindow = fy >= lever.fromYear && fy <= lever.toYear;
          const planned = lever.lines.reduce((a, l) => a.add(Money.of((l.amounts as Record<string, string>)[String(fy)] ?? "0")), Money.ZERO);
          const expected = inWindow ? planned.subtract(cell(model, before, replaced, fy)) : Money.ZERO;
          const got = after.years[fy - model.budget.firstYear]!.total.subtract(y.total);
          expect(got.toString()).toBe(expected.toString());
          const ry = r.years.find((x) => x.fiscalYear === fy);
          expect((ry?.net ?? Money.ZERO).toString()).toBe(expected.toString());
          if (ry) expect(ry.added.subtract(ry.removed).toString()).toBe(ry.net.toString());
          if (inWindow) for (const id of replaced) expect(cell(model, after, new Set([id]), fy).isZero()).toBe(true);
        }
        expect(r.added.subtract(r.removed).toString()).toBe(r.net.toString());
        expect(after.total.subtract(before.total).toString()).toBe(r.net.toString());
      }),
      { numRuns: 150 },
    );
  });

  it("the net change is the sum of every fund's draw change, per year and in total, and the sentence names the funds beside the general fund", () => {
    fc.assert(
      fc.property(caseArb, ({ model, lever, scenario }) => {
        const r = reconcilePlan(model, scenario, lever);
        const before = projectBudget(model, scenario);
        const after = projectBudget(model, r.scenario);
        const sum = (rec: Readonly<Record<string, Money>>): Money => Money.sum(Object.values(rec));
        expect(sum(r.byFund).toString()).toBe(r.net.toString());
        for (const y of r.years) expect(sum(y.byFund).toString()).toBe(y.net.toString());
        for (const f of after.funds) {
          const d = f.paid.subtract(before.funds.find((b) => b.id === f.id)?.paid ?? Money.ZERO);
          expect((r.byFund[f.id] ?? Money.ZERO).toString()).toBe(d.toString());
          for (const [y, v] of Object.entries(f.byYear)) {
            const dy = v.subtract(before.funds.find((b) => b.id === f.id)?.byYear[y] ?? Money.ZERO);
            expect((r.years.find((x) => String(x.fiscalYear) === y)?.byFund[f.id] ?? Money.ZERO).toString()).toBe(dy.toString());
          }
        }
        const others = Object.entries(r.byFund).filter(([id]) => id !== before.generalFund.id);
        expect((r.byFund[before.generalFund.id] ?? Money.ZERO).toString()).toBe(r.generalFund.toString());
        expect(r.generalFund.add(Money.sum(others.map(([, d]) => d))).toString()).toBe(r.net.toString());
        if (!r.unchanged) for (const [id, d] of others) expect(r.explanation).toContain(`${after.funds.find((f) => f.id === id)!.name} ${dollars(d)} ${d.isNegative() ? "less" : "more"}`);
      }),
      { numRuns: 100 },
    );
  });

  it("a plan that re-cuts an item's cost into several lines of its kind (same category and E-Rate category, the same total each year) changes no fund's draw", () => {
    const arb = fc
      .record({
        input: budgetInputArb,
        pick: fc.nat(),
        eRate: fc.constantFrom("C1" as const, "C2" as const, "ineligible" as const),
        from: fc.nat(4),
        span: fc.nat(4),
        cuts: fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 5 }),
      })
      .filter(({ input }) => input.budget.lineItems.length > 0);
    fc.assert(
      fc.property(arb, ({ input, pick, eRate, from, span, cuts }) => {
        // the re-cut item is network (E-Rate C1, C2 or none); the budget has E-Rate funds
        const k = pick % input.budget.lineItems.length;
        const items = input.budget.lineItems.map((it, i) => (i === k ? { ...it, category: "network", eRate } : it));
        const funds = withERateFunds(input.budget.funds);
        const model = prepareBudget({ ...input, budget: { ...input.budget, lineItems: items, funds } });
        const item = model.budget.lineItems[k]!;
        const first = model.budget.firstYear;
        const last = first + model.budget.years - 1;
        const fromYear = Math.min(last, first + from);
        const toYear = Math.min(last, fromYear + span);
        const base = projectBudget(model).lines.find((l) => l.itemId === item.id)!;
        const parts = cuts[0]!.length + 1;
        const amounts: Record<string, string>[] = Array.from({ length: parts }, () => ({}));
        for (let y = fromYear; y <= toYear; y++) {
          const c = base.years[y - first]!.cost.toCents();
          const at = cuts[y - fromYear]!.slice(0, parts - 1).map((u) => Math.floor((c * u) / 1000));
          while (at.length < parts - 1) at.push(c);
          const edges = [0, ...at.sort((a, b) => a - b), c];
          for (let j = 0; j < parts; j++) amounts[j]![String(y)] = Money.fromCents(edges[j + 1]! - edges[j]!).toString();
        }
        const lever = {
          type: "use-plan" as const,
          plan: "recut",
          name: "re-cut plan",
          fromYear,
          toYear,
          replaces: [item.id],
          lines: amounts.map((a, j) => ({ id: `part-${j}`, name: `Part ${j}`, category: "network", eRate, amounts: a })),
        };
        const r = reconcilePlan(model, { id: "s", name: "S" }, lever);
        expect(r.net.toString()).toBe("0");
        expect(r.generalFund.toString()).toBe("0");
        expect(r.byFund).toEqual({});
        for (const y of r.years) expect(y.byFund).toEqual({});
      }),
      { numRuns: 150 },
    );
  });

  it("using the same plan twice changes nothing more", () => {
    fc.assert(
      fc.property(caseArb, ({ model, lever, scenario }) => {
        const once = reconcilePlan(model, scenario, lever);
        const twice = reconcilePlan(model, once.scenario, lever);
        expect(twice.unchanged).toBe(true);
        expect(twice.net.isZero()).toBe(true);
        expect(projectBudget(model, twice.scenario).total.toString()).toBe(projectBudget(model, once.scenario).total.toString());
      }),
      { numRuns: 80 },
    );
  });

  it("its sentence states the figures beside it", () => {
    fc.assert(
      fc.property(caseArb, ({ model, lever, scenario }) => {
        const r = reconcilePlan(model, scenario, lever);
        if (r.unchanged) return;
        expect(r.explanation).toContain(`(${dollars(r.removed)} removed)`);
        expect(r.explanation).toContain(`added (${dollars(r.added)})`);
        if (r.net.isZero()) expect(r.explanation).toContain("total does not change");
        else expect(r.explanation).toContain(`total ${r.net.isNegative() ? "falls" : "rises"} by ${dollars(r.net)}`);
      }),
      { numRuns: 80 },
    );
  });
});
