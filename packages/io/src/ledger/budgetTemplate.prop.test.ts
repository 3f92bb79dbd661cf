import type { LineItemInput } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBudgetTemplate, writeBudgetTemplate } from "../index.js";
import { readBudgetTemplateXlsx, writeBudgetTemplateXlsx } from "../xlsx/index.js";

// INVARIANT (io): export then import is the identity — the budget template, as CSV and as XLSX.
const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const textArb = fc.string({ unit: fc.constantFrom("a", "B", " ", ",", '"', "é", "=", "-", "1", ";"), minLength: 1, maxLength: 14 }).filter((s) => s.trim() === s && s !== "" && !/^[=+\-@]/.test(s));
export const seriesItemsArb: fc.Arbitrary<LineItemInput[]> = fc
  .uniqueArray(
    fc.record({
      id: idArb,
      name: textArb,
      category: fc.constantFrom("hardware", "software", "network", "services", "support-staff"),
      school: fc.option(fc.constantFrom("mves", "mvms", "mvhs"), { nil: undefined }),
      funds: fc.option(fc.uniqueArray(fc.constantFrom("title-iv-a", "state-tech-grant"), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      eRate: fc.option(fc.constantFrom("C1" as const, "C2" as const), { nil: undefined }),
      amounts: fc.dictionary(
        fc.integer({ min: 2020, max: 2040 }).map(String),
        fc.integer({ min: 0, max: 2_000_000_000 }).map((c) => Money.fromCents(c).toString()),
        { minKeys: 1, maxKeys: 4 },
      ),
      source: fc.option(textArb, { nil: undefined }),
    }),
    { selector: (i) => i.id, maxLength: 8 },
  )
  .map((items) =>
    items.map((i) => {
      const out: Record<string, unknown> = { id: i.id, name: i.name, category: i.category };
      if (i.school !== undefined) out.school = i.school;
      out.kind = "series";
      out.amounts = Object.fromEntries(Object.entries(i.amounts).sort(([a], [b]) => Number(a) - Number(b)));
      if (i.funds !== undefined) out.funds = i.funds;
      if (i.eRate !== undefined) out.eRate = i.eRate;
      if (i.source !== undefined) out.source = i.source;
      return out as LineItemInput;
    }),
  );

describe("budget template round trip (export then import is the identity)", () => {
  it("CSV: readBudgetTemplate(writeBudgetTemplate(items)) gives the same items", () => {
    fc.assert(
      fc.property(seriesItemsArb, (items) => {
        const back = readBudgetTemplate(writeBudgetTemplate(items));
        expect(back.errors).toEqual([]);
        expect(back.lineItems).toEqual(items);
      }),
      { numRuns: 150 },
    );
  });
  it("XLSX: readBudgetTemplateXlsx(writeBudgetTemplateXlsx(items)) gives the same items", async () => {
    await fc.assert(
      fc.asyncProperty(seriesItemsArb, async (items) => {
        const back = await readBudgetTemplateXlsx(await writeBudgetTemplateXlsx(items));
        expect(back.errors).toEqual([]);
        expect(back.lineItems).toEqual(items);
      }),
      { numRuns: 25 },
    );
  });
  it("refuses conflicting rows of one item and a year given twice, with their lines", () => {
    const r = readBudgetTemplate("Item ID,Name,Category,Fiscal Year,Amount\nx,X,software,2027,1\nx,X,hardware,2028,2\nx,X,software,2027,3\ny,Y,nope,2027,-1");
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "Category"],
      [4, "Fiscal Year"],
      [5, null],
    ]);
    expect(r.errors[2]!.reason).toMatch(/item "y": .*amounts.*expected an amount ≥ 0/);
    expect(r.lineItems).toEqual([{ id: "x", name: "X", category: "software", kind: "series", amounts: { "2027": "1" } }]);
  });
});
