import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, renameDeep, renamingArb } from "../../core/test/ids.js";
import { budgetInputArb, CATS } from "../test/arbitraries.js";
import { type BudgetModelInput, compareScenarios, measure, projectBudget } from "./index.js";

// Ids are data (issue #18): a school, fund, line item or category whose id is `__proto__`,
// `constructor`, `toString`… or long Unicode is an ordinary key. Renaming every id of a random
// budget changes no figure: the projection, the comparison and every measure are the same once
// the renaming is undone.

/** The random budget with its categories made custom (so they can be renamed), and its ids. */
function withCustomCategories(input: BudgetModelInput): { input: BudgetModelInput; ids: string[] } {
  const custom = (c: string): string => `x-${c}`;
  const json = JSON.parse(JSON.stringify(input)) as {
    district: { schools: { id: string }[] };
    budget: { categories?: string[]; lineItems: { id: string; category: string }[]; funds: { id: string; eligibleCategories?: string[] }[] };
  };
  for (const it of json.budget.lineItems) it.category = custom(it.category);
  for (const f of json.budget.funds) if (f.eligibleCategories) f.eligibleCategories = f.eligibleCategories.map(custom);
  json.budget.categories = CATS.map(custom);
  const ids = [...json.district.schools.map((s) => s.id), ...json.budget.lineItems.map((i) => i.id), ...json.budget.funds.map((f) => f.id), ...CATS.map(custom)];
  return { input: json as unknown as BudgetModelInput, ids };
}

const caseArb = budgetInputArb.map(withCustomCategories).chain(({ input, ids }) => renamingArb(ids).map((map) => ({ input, map })));

describe("budget ids are data", () => {
  it("renaming every id (JavaScript words, long Unicode) leaves every figure of the projection unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ input, map }) => {
        const a = projectBudget(input);
        const b = projectBudget(renameDeep(input, map));
        expect(canonical(b, map)).toBe(canonical(a));
        expect(b.total.toString()).toBe(a.total.toString());
        // every fund's money is in byFund, under its (renamed) id, and JSON writes it
        const fundTotal = Object.values(b.byFund).reduce((s, m) => s.add(m), b.total.subtract(b.total));
        expect(fundTotal.toString()).toBe(b.total.toString());
        expect(Object.keys(JSON.parse(JSON.stringify(b.bySchool)) as object).sort()).toEqual(
          Object.keys(a.bySchool)
            .map((k) => map.get(k) ?? k)
            .sort(),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("compareScenarios and measure give the same figures with renamed ids", () => {
    fc.assert(
      fc.property(caseArb, ({ input, map }) => {
        const renamed = renameDeep(input, map);
        const fund = input.budget.funds[input.budget.funds.length - 1]!.id;
        const scenario = { id: "cut", name: "Cut", levers: [{ type: "scale" as const, category: "x-software", percent: -0.1 }] };
        const a = compareScenarios(input, [{ id: "base", name: "Base", levers: [] }, scenario]);
        const b = compareScenarios(renamed, [{ id: "base", name: "Base", levers: [] }, renameDeep(scenario, map)]);
        expect(canonical(b, map)).toBe(canonical(a));
        const pa = a.projections[0]!;
        const pb = b.projections[0]!;
        expect(measure(pb, { kind: "fund", fund: map.get(fund)! }).toString()).toBe(measure(pa, { kind: "fund", fund }).toString());
        expect(measure(pb, { kind: "category", category: map.get("x-hardware")! }).toString()).toBe(measure(pa, { kind: "category", category: "x-hardware" }).toString());
      }),
      { numRuns: 40 },
    );
  });

  it("a fund and a school called __proto__ keep their money (regression)", () => {
    const input = {
      district: {
        name: "D",
        asOf: "2026-07-01",
        schools: [
          { id: "__proto__", name: "P", students: 100, nslpEligible: 10, locale: "rural" as const, teachers: 8 },
          { id: "constructor", name: "C", students: 50, nslpEligible: 5, locale: "rural" as const, teachers: 4 },
        ],
      },
      budget: {
        name: "B",
        firstYear: 2027,
        years: 1,
        categories: ["valueOf"],
        funds: [{ id: "__proto__", name: "GF", kind: "general" as const }],
        lineItems: [
          { id: "toString", name: "Laptops", category: "valueOf", school: "__proto__", kind: "one-time" as const, amount: "1000", year: 2027 },
          { id: "hasOwnProperty", name: "Wi-Fi", category: "hardware", school: "constructor", kind: "one-time" as const, amount: "500", year: 2027 },
        ],
      },
    };
    const p = projectBudget(input);
    const json = JSON.parse(JSON.stringify(p)) as { byFund: Record<string, string>; bySchool: Record<string, string>; byCategory: Record<string, string> };
    expect(Object.hasOwn(json.byFund, "__proto__") && json.byFund["__proto__"]).toBe("1500");
    expect([Object.hasOwn(json.bySchool, "__proto__") && json.bySchool["__proto__"], json.bySchool["constructor"]]).toEqual(["1000", "500"]);
    expect(json.byCategory["valueOf"]).toBe("1000");
    expect(measure(p, { kind: "category", category: "valueOf" }).toString()).toBe("1000");
    expect(measure(p, { kind: "general-fund-draw" }).toString()).toBe("1500");
    const cmp = compareScenarios(input, [
      { id: "a", name: "A", levers: [] },
      { id: "b", name: "B", levers: [{ type: "scale", category: "valueOf", percent: -0.5 }] },
    ]);
    expect(cmp.comparisons[0]!.byFund["__proto__"]!.delta.toString()).toBe("-500");
  });
});
