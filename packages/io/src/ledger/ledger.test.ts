import { readFileSync } from "node:fs";
import { type AccountMappingInput, budgetInputSchema, budgetVsActual, forecastAccuracy, NCES_TECHNOLOGY_MAPPING, projectBudget, restrictedFundBalances } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { budgetFromLedger, ledgerRow, mapLedger, parseLedger, previewLedger, readActuals, readLedger } from "../index.js";

const data = (name: string): Uint8Array => readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url));
const json = (name: string): AccountMappingInput => JSON.parse(readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url), "utf8")) as AccountMappingInput;
const MAPPING: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  funds: [
    { when: { fund: "100" }, fund: "general-fund" },
    { when: { fund: "211" }, fund: "title-iv-a" },
  ],
  schools: [
    { when: { location: "000" }, school: null },
    { when: { location: "001" }, school: "es" },
  ],
};
const cents = (m: Money | null | undefined): number | null => (m ? m.toCents() : null);

describe("ledger bad input: each case is read or reported with file, line, column and reason", () => {
  it("unmapped codes: every line of the account, the column and the reason; the money in the tie-out", () => {
    const r = readLedger("Account,FY,Budget\n100-2700-610-000-100,2027,10\n100-2230-734-000-100,2027,5\n100-2700-610-000-100,2027,7", MAPPING, { file: "gl.csv" });
    const i = r.issues.find((x) => x.kind === "unmapped")!;
    expect(i).toMatchObject({ file: "gl.csv", lines: [2, 4], column: "Account", value: "100-2700-610-000-100", severity: "error" });
    expect(i.reason).toMatch(/^no category rule matches .*function 2700, object 610/);
    expect(i.message).toMatch(/^gl\.csv lines 2, 4, Account: 100-2700-610-000-100: no category rule/);
    expect(cents(i.amount)).toBe(1700);
    expect(cents(r.tieOut[0]!.unmapped)).toBe(1700);
    expect(r.counts).toMatchObject({ dataRows: 3, mapped: 1, unmapped: 2 });
  });

  it("an account string of another layout, and an unknown school, are reported the same way", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734,2027,10\n100-2230-734-009-100,2027,5", MAPPING);
    expect(r.issues.map((i) => [i.kind, i.lines, i.reason.slice(0, 30)])).toEqual([
      ["invalid-account", [2], "expected 5 segments separated "],
      ["unmapped", [3], "no school rule matches locatio"],
    ]);
  });

  it("an unbalanced file: the difference from the file's own total is shown", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,100.00\n100-2230-735-000-100,2027,50.00\nGrand Total,,155.00", MAPPING);
    const t = r.tieOut[0]!;
    expect(t.ties).toBe(false);
    expect(cents(t.difference)).toBe(500);
    expect(t.explanation).toContain("the file's own total is $155.00: a difference of $5.00");
    expect(r.issues.find((i) => i.kind === "unbalanced")).toMatchObject({ severity: "error", column: "Budget" });
  });

  it("a total given in the options is tied out to", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,100.00", MAPPING, { controlTotal: "100.00" });
    expect(r.tieOut[0]).toMatchObject({ ties: true });
    expect(cents(r.tieOut[0]!.fileTotal)).toBe(10000);
  });

  it("duplicate accounts: added together, with a warning naming both lines", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,100\n100-2230-734-000-100,2027,100\n100-2230-734-000-100,2026,1", MAPPING);
    expect(r.issues).toHaveLength(2);
    expect(r.issues[0]).toMatchObject({ kind: "duplicate-account", severity: "warning", lines: [2, 3], value: "100-2230-734-000-100" });
    expect((r.lineItems[0] as { amounts: Record<string, string> }).amounts).toEqual({ "2026": "1", "2027": "200" });
  });

  it("text in an amount column: a row error with line, column and reason; the tie-out counts it", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,ten dollars\n100-2230-735-000-100,2027,3", MAPPING, { file: "gl.csv" });
    expect(r.errors).toEqual([
      {
        file: "gl.csv",
        line: 2,
        column: "Budget",
        value: "ten dollars",
        reason: expect.stringContaining("is not an amount") as unknown as string,
        message: expect.stringMatching(/^gl\.csv line 2, Budget: "ten dollars" is not an amount/) as unknown as string,
      },
    ]);
    expect(r.counts).toMatchObject({ dataRows: 2, mapped: 1, unreadable: 1 });
    expect(r.tieOut[0]!.unreadableRows).toBe(1);
  });

  it("negative budgets (reductions) are netted; a group that nets below zero is not a line item and says so", () => {
    const r = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,(300.00)\n100-2230-734-000-100,2026,500\n100-2230-734-000-100,2026,-200\n100-2230-735-000-100,2027,100", MAPPING);
    const neg = r.issues.find((i) => i.kind === "negative-net")!;
    expect(neg).toMatchObject({ lines: [2], column: "Budget", severity: "error" });
    expect(cents(neg.amount)).toBe(-30000);
    const hw = r.lineItems.find((i) => i.category === "hardware") as { amounts: Record<string, string> };
    expect(hw.amounts).toEqual({ "2026": "300" });
    expect(cents(r.tieOut[0]!.negativeNet)).toBe(-30000);
    expect(r.plan.find((p) => p.category === "hardware" && p.fiscalYear === 2027)!.amount).toBe("-300");
  });

  it("thousands separators, parentheses, a trailing minus and CR are read to the cent", () => {
    const t = parseLedger(
      "budget",
      'Account,FY,Budget\n100-2230-734-000-100,2027,"1,234,567.89"\n100-2230-734-000-100,2027,(1.50)\n100-2230-734-000-100,2027,2.25-\n100-2230-734-000-100,2027,4.00 CR',
    );
    expect(t.amount).toEqual([123456789, -150, -225, -400]);
  });

  it("several fiscal years in one file: kept apart, each tied out, and said", () => {
    const r = readLedger("Account,Fiscal Year,Budget\n100-2230-734-000-100,FY2026,1\n100-2230-734-000-100,2026-27,2\nTotal FY2026,2026,1\nTotal FY2027,2027,3", MAPPING);
    expect(r.fiscalYears).toEqual([2026, 2027]);
    expect(r.issues.find((i) => i.kind === "several-years")!.reason).toContain("2 fiscal years (FY2026, FY2027)");
    expect(r.tieOut.map((t) => [t.fiscalYear, t.ties, cents(t.fileTotal)])).toEqual([
      [null, false, 400],
      [2026, true, 100],
      [2027, false, 300],
    ]);
    expect(cents(r.tieOut[2]!.difference)).toBe(100);
    expect(r.issues.filter((i) => i.kind === "unbalanced").map((i) => cents(i.amount))).toEqual([100, 100]);
  });

  it("a row without a fiscal year is reported, not guessed", () => {
    const r = readLedger("Account,Budget\n100-2230-734-000-100,5", MAPPING);
    expect(r.issues[0]).toMatchObject({ kind: "no-fiscal-year", column: "Fiscal Year", lines: [2] });
    expect(readLedger("Account,Budget\n100-2230-734-000-100,5", MAPPING, { fiscalYear: 2027 }).lineItems).toHaveLength(1);
  });

  it("a ledger that ends mid-year: the actuals are read as they are and the missing periods named", () => {
    const r = readActuals("Account,Month,Expended\n100-2230-734-000-100,Jul 2026,100\n100-2230-734-000-100,2026-09,50\n100-2230-735-000-100,10/2026,5", MAPPING);
    expect(r.lastPeriod).toEqual({ "2027": 4 });
    const mid = r.issues.find((i) => i.kind === "mid-year")!;
    expect(mid.reason).toBe("the actuals of FY2027 end at period 4 (October): 8 periods of the year to come; budgetVsActual projects the year end from them; no rows for period 2");
    expect(r.actuals.map((a) => [a.category, a.period, a.posted])).toEqual([
      ["hardware", 1, "100"],
      ["hardware", 3, "50"],
      ["software", 4, "5"],
    ]);
  });

  it("an actuals row without a period, or with a month of another year, is a row error", () => {
    const t = parseLedger("actuals", "Account,Fiscal Year,Period,Posted\n100-2230-734-000-100,2027,,5\n100-2230-734-000-100,2027,2025-09,5\n100-2230-734-000-100,2027,P03,5");
    expect(t.errors.map((e) => [e.line, e.column, e.reason.slice(0, 28)])).toEqual([
      [2, "Period", "has no period (an actuals ro"],
      [3, "Period", 'the month "2025-09" lies in '],
    ]);
    expect(t.period).toEqual([3]);
  });

  it("reads one column per segment, in any order, and debit − credit", () => {
    const r = readLedger("Object,Fund,Location,Function,Program,FY,Debit,Credit\n734,100,0,2230,100,2027,100.00,\n735,100,000,2230,100,2027,,20.00", MAPPING);
    expect(r.groups.map((g) => [g.category, cents(g.amount)])).toEqual([
      ["hardware", 10000],
      ["software", -2000],
    ]);
    expect(r.groups[0]!.accounts).toEqual(["100-2230-734-0-100"]);
  });

  it("reads posting dates into fiscal years and periods (a September calendar)", () => {
    const t = parseLedger("actuals", "Account,Posting Date,Amount\n100-2230-734-000-100,8/31/2026,1\n100-2230-734-000-100,2026-09-01,1", {
      calendar: { id: "texas", startMonth: 9, label: "end", prefix: "FY" },
    });
    expect([t.fiscalYear, t.period]).toEqual([
      [2026, 2027],
      [12, 1],
    ]);
  });

  it("refuses a file without an account or an amount column, saying what it needs", () => {
    expect(() => parseLedger("budget", "Name,Budget\nx,1")).toThrow(/needs an account column/);
    expect(() => parseLedger("budget", "Account,Notes\nx,1")).toThrow(/needs an amount column/);
    expect(() => parseLedger("actuals", "Account,Posted\nx,1")).toThrow(/needs a period column/);
  });
});

describe("previewLedger and ledgerRow", () => {
  it("classifies the first rows and gives the whole file's tie-out", () => {
    const t = parseLedger("budget", "Account,FY,Budget\n100-2230-734-000-100,2027,1\n100-2700-610-000-100,2027,2\n100-2230-735-001-100,2027,3");
    const p = previewLedger(t, MAPPING, 2);
    expect(p.rows.map((r) => [r.line, r.status, r.category, r.school])).toEqual([
      [2, "mapped", "hardware", null],
      [3, "unmapped", null, null],
    ]);
    expect(cents(p.tieOut[0]!.rows)).toBe(600);
    expect(p.unmapped).toMatchObject({ accounts: 1 });
    expect(ledgerRow(t, 2)).toMatchObject({ line: 4, amount: 300 });
    expect(() => ledgerRow(t, 3)).toThrow(/row index/);
    // the table is plain data: a Web Worker gets it back whole
    expect(mapLedger(structuredClone(t), MAPPING).tieOut[0]!.explanation).toBe(mapLedger(t, MAPPING).tieOut[0]!.explanation);
  });
});

describe("the example ledger of the sample district (examples/data/ledger)", () => {
  const mapping = json("ledger/maple-valley-mapping.json");
  const ledger = readLedger(data("ledger/maple-valley-budget.csv"), mapping, { file: "maple-valley-budget.csv" });
  const actuals = readActuals(data("ledger/maple-valley-actuals.csv"), mapping, { file: "maple-valley-actuals.csv" });

  it("ties out to the file's own totals to the cent, every year, and the budget's totals equal them", () => {
    for (const t of ledger.tieOut) {
      expect(t.ties).toBe(true);
      expect(t.inLineItems.toCents() + t.negativeNet.toCents() + t.excluded.toCents() + t.unmapped.toCents()).toBe(t.fileTotal!.toCents());
    }
    // the line items hold exactly the money of the mapped rows
    const items = ledger.lineItems.reduce((s, i) => s + Object.values((i as { amounts: Record<string, string> }).amounts).reduce((a, v) => a + Money.of(v).toCents(), 0), 0);
    expect(items).toBe(ledger.tieOut[0]!.inLineItems.toCents());
  });

  it("reports each deliberately bad row", () => {
    expect(ledger.issues.map((i) => i.kind).sort()).toEqual(["duplicate-account", "several-years", "unmapped", "unmapped"]);
    expect(ledger.errors.map((e) => [e.column, e.value])).toEqual([["Revised Budget", "TBD"]]);
    expect(actuals.errors.map((e) => e.column)).toEqual(["Period", "Expended"]);
    expect(actuals.issues.map((i) => i.kind).sort()).toEqual(["mid-year", "several-years", "unmapped"]);
    expect(actuals.lastPeriod["2027"]).toBe(6);
  });

  it("becomes a budget the budget package validates and projects", () => {
    const funds = (JSON.parse(readFileSync(new URL("../../../../examples/data/sample-district/budget.json", import.meta.url), "utf8")) as { funds: unknown[] }).funds;
    const district = JSON.parse(readFileSync(new URL("../../../../examples/data/sample-district/district.json", import.meta.url), "utf8")) as unknown;
    const { budget } = budgetFromLedger(ledger, { name: "Maple Valley from the ledger", funds: funds as never, firstYear: 2027, years: 1 });
    expect(budgetInputSchema.safeParse({ district, budget }).success).toBe(true);
    const p = projectBudget({ district, budget } as never);
    expect(p.years[0]!.total.toCents()).toBe(ledger.tieOut.find((t) => t.fiscalYear === 2027)!.inLineItems.toCents());
  });

  it("feeds budget vs actual, forecast accuracy and restricted balances", () => {
    const bva = budgetVsActual({ fiscalYear: 2027, plan: ledger.plan as never, actuals: actuals.actuals as never });
    expect(bva.throughPeriod).toBe(6);
    expect(bva.historyYears).toEqual([2023, 2024, 2025, 2026]);
    expect(new Set(bva.cells.map((c) => c.projection.method))).toEqual(new Set(["seasonal"]));
    const acc = forecastAccuracy({ plan: ledger.plan as never, actuals: actuals.actuals as never });
    expect(acc.years.filter((y) => y.complete).map((y) => y.fiscalYear)).toEqual([2023, 2024, 2025, 2026]);
    expect(acc.bias!).toBeLessThan(0); // the sample spends a little under budget
    const funds = (JSON.parse(readFileSync(new URL("../../../../examples/data/sample-district/budget.json", import.meta.url), "utf8")) as { funds: unknown[] }).funds;
    const rb = restrictedFundBalances({ asOf: "2026-12-31", funds: funds as never, actuals: actuals.actuals.filter((a) => a.fiscalYear === 2027) as never, students: 912 });
    expect(rb.awards.find((a) => a.id === "state-tech-grant-2027")).toBeDefined();
  });

  it("the California SACS file of the same FY2027 budget gives the same amounts by category, fund and school", () => {
    const ca = readLedger(data("ledger/california-sacs-budget.csv"), json("ledger/california-sacs-mapping.json"));
    expect(ca.tieOut[0]!.ties).toBe(true);
    expect(ca.issues).toEqual([]);
    const key = (p: { fund: string; category: string; school: string | null; amount: string }): string => `${p.fund}|${p.category}|${p.school}|${p.amount}`;
    expect(ca.plan.map(key).sort()).toEqual(
      ledger.plan
        .filter((p) => p.fiscalYear === 2027)
        .map(key)
        .sort(),
    );
  });
});
