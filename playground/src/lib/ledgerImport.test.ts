import { readFileSync } from "node:fs";
import { prepareBudget } from "@districtkit/budget";
import { describe, expect, it } from "vitest";
import { type GridContext, type GridRow, itemsFromRows, parseAmount, parseWhen, planRows, rowsFromItems, schoolRowsFrom, validateRows, validateSchools, whenToText } from "./ledgerImport.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${name}`, import.meta.url), "utf8"));
const district = read("district.json");
const budget = read("budget.json") as { funds: GridContext["funds"] };
const ctx: GridContext = {
  years: [2027, 2028],
  categories: ["hardware", "software", "network"],
  schools: [{ id: "mves", name: "Maple Valley Elementary" }],
  funds: budget.funds,
};
const row = (over: Partial<GridRow> = {}): GridRow => ({
  id: "a",
  name: "Laptops",
  category: "hardware",
  school: "",
  fund: "general-fund",
  eRate: "ineligible",
  amounts: { "2027": "1,200.50" },
  ...over,
});

describe("parseAmount", () => {
  it("reads dollars as typed, to the cent", () => {
    expect(parseAmount("$1,234.50")).toEqual({ ok: true, value: "1234.5" });
    expect(parseAmount("0012")).toEqual({ ok: true, value: "12" });
    expect(parseAmount("  ")).toEqual({ ok: true, value: null });
  });
  it("refuses what is not an amount, with the reason", () => {
    expect(parseAmount("12x")).toMatchObject({ ok: false, reason: expect.stringContaining("is not a dollar amount") });
    expect(parseAmount("1.234")).toMatchObject({ ok: false });
    expect(parseAmount("(5.00)")).toMatchObject({ ok: false, reason: expect.stringContaining("below zero") });
  });
});

describe("rule conditions as text", () => {
  it("round-trips through text", () => {
    const w = parseWhen("function 2580; object 734, 73*", ["fund", "function", "object"]);
    expect(w).toEqual({ ok: true, when: { function: "2580", object: ["734", "73*"] } });
    if (w.ok) expect(whenToText(w.when)).toBe("function 2580; object 734, 73*");
  });
  it("names an unknown segment and a bad code", () => {
    expect(parseWhen("fn 2580", ["fund", "function"])).toMatchObject({ ok: false, reason: expect.stringContaining('"fn" is not a segment') });
    expect(parseWhen("object 7?4", ["object"])).toMatchObject({ ok: false, reason: expect.stringContaining('"7?4" is not a code') });
  });
});

describe("the line-item grid", () => {
  it("gives a message for each bad cell and none for a good row", () => {
    const p = validateRows([row(), row({ id: "b", name: "", category: "desks", school: "nowhere", amounts: { "2027": "abc" } }), row({ id: "c" })], ctx);
    expect(p[0]).toEqual({});
    expect(Object.keys(p[1]!).sort()).toEqual(["category", "name", "school", "y2027"]);
    expect(p[2]!.name).toContain("same name, school and fund as row 1");
  });
  it("a restricted fund may pay only what its rules allow", () => {
    const grant = budget.funds.find((f) => f.kind !== "general" && f.kind !== "erate" && (f.eligibleCategories ?? []).length > 0 && !(f.eligibleCategories ?? []).includes("network"))!;
    expect(validateRows([row({ fund: grant.id, category: "network" })], ctx)[0]!.fund).toContain("may not pay network");
  });
  it("rows become line items the budget engine accepts, and plan rows by fund × category × year", () => {
    const rows = [row(), row({ id: "b", name: "Switches", category: "network", amounts: { "2027": "900", "2028": "950.25" } })];
    const items = itemsFromRows(rows, ctx);
    expect(items[1]).toMatchObject({ kind: "series", amounts: { "2027": "900", "2028": "950.25" } });
    expect(rowsFromItems(items, "general-fund").map((r) => r.amounts)).toEqual(rows.map((r) => ({ ...r.amounts, ...(r.id === "a" ? { "2027": "1200.5" } : {}) })));
    const model = prepareBudget({ district, budget: { ...(budget as object), firstYear: 2027, years: 2, lineItems: items, drivers: undefined } } as never);
    expect(model).toBeTruthy();
    expect(planRows(rows, ctx.years)).toHaveLength(3);
  });
});

describe("schools", () => {
  it("the sample's schools read, and a count above enrollment is refused", () => {
    const rows = schoolRowsFrom(district);
    expect(validateSchools(rows).every((p) => Object.keys(p).length === 0)).toBe(true);
    const bad = [{ ...rows[0]!, nslpEligible: String(Number(rows[0]!.students) + 1) }];
    expect(validateSchools(bad)[0]!.nslpEligible).toContain("more than the school's");
  });
});
