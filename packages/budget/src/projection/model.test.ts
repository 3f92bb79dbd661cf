// prepareBudget freezes the model it builds: the engine keeps what it derives from a model (its
// items as columns of numbers, itemTable.ts) with the model, so a model that could change would
// give stale results. These tests: the model is frozen, the caller's input is not, and an edit
// goes through preparing the changed input again.
import { describe, expect, it } from "vitest";
import { generateDistrict } from "../generate/generateDistrict.js";
import type { BudgetModelInput } from "../schema/budget.js";
import { prepareBudget } from "./model.js";
import { projectBudget } from "./projectBudget.js";

/** Every plain object and array reachable from a value. */
function objects(value: unknown, out: object[] = []): object[] {
  if (typeof value !== "object" || value === null) return out;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return out;
  out.push(value);
  for (const v of Array.isArray(value) ? value : Object.values(value)) objects(v, out);
  return out;
}

const input = (): BudgetModelInput => generateDistrict({ students: 3000, schools: 4, lineItems: 60, funds: 4, years: 4, seed: "freeze" }) as BudgetModelInput;

describe("prepareBudget (a frozen model)", () => {
  it("freezes every plain object and array of the model, and none of the caller's", () => {
    const raw = input();
    const model = prepareBudget(raw);
    const mine = objects(model);
    expect(mine.length).toBeGreaterThan(60);
    expect(mine.filter((o) => !Object.isFrozen(o))).toEqual([]);
    expect(objects(raw).filter((o) => Object.isFrozen(o))).toEqual([]);
  });

  it("refuses an edit of a prepared model's item (strict code throws), so a projection can never read a stale item table", () => {
    const model = prepareBudget(input());
    const before = projectBudget(model, undefined, { detail: "summary" }).total.toString();
    const item = model.budget.lineItems[0]!;
    expect(() => {
      (item as { category: string }).category = "other";
    }).toThrow(TypeError);
    expect(() => (model.budget.lineItems as unknown[]).push(item)).toThrow(TypeError);
    expect(projectBudget(model, undefined, { detail: "summary" }).total.toString()).toBe(before);
  });

  it("sees an edit made to the input and prepared again", () => {
    const raw = input();
    const model = prepareBudget(raw);
    const base = projectBudget(model, undefined, { detail: "summary" });
    const items = raw.budget.lineItems!;
    const k = items.findIndex((it) => it.kind === "recurring");
    const edited = { ...raw, budget: { ...raw.budget, lineItems: items.map((it, i) => (i === k ? { ...it, amount: "0" } : it)) } } as BudgetModelInput;
    const after = projectBudget(prepareBudget(edited), undefined, { detail: "summary" });
    expect(after.total.compare(base.total)).toBeLessThan(0);
    // the first model's results are unchanged
    expect(projectBudget(model, undefined, { detail: "summary" }).total.toString()).toBe(base.total.toString());
  });
});
