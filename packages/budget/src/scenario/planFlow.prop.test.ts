import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetInputArb, CATS } from "../../test/arbitraries.js";
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
        const dollars = (m: Money): string =>
          `$${m
            .abs()
            .toFixed(2)
            .replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
        expect(r.explanation).toContain(`(${dollars(r.removed)} removed)`);
        expect(r.explanation).toContain(`added (${dollars(r.added)})`);
        if (r.net.isZero()) expect(r.explanation).toContain("total does not change");
        else expect(r.explanation).toContain(`total ${r.net.isNegative() ? "falls" : "rises"} by ${dollars(r.net)}`);
      }),
      { numRuns: 80 },
    );
  });
});
