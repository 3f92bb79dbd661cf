import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BudgetProjection, budgetVsActual, NCES_TECHNOLOGY_MAPPING, prepareBudget, projectBudget } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SumEvaluator } from "../../test/sumEvaluator.js";
import { readActuals, readLedger } from "../index.js";
import { CURRENCY_FORMAT, parseLedgerXlsx, readLedgerXlsx, writeBudgetWorkbook } from "./index.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url), "utf8"));
const model = prepareBudget({ district: read("sample-district/district.json"), budget: read("sample-district/budget.json") } as never);
const base = projectBudget(model);
const lean = projectBudget(model, {
  id: "lean",
  name: "Lean years",
  levers: [
    { type: "scale", category: "software", percent: -0.1 },
    { type: "delay", item: "wifi-aps", years: 1 },
    { type: "enrollment-change", rate: -0.02 },
  ],
});
const mapping = read("ledger/maple-valley-mapping.json") as never;
const ledger = readLedger(readFileSync(new URL("../../../../examples/data/ledger/maple-valley-budget.csv", import.meta.url)), mapping);
const actuals = readActuals(readFileSync(new URL("../../../../examples/data/ledger/maple-valley-actuals.csv", import.meta.url)), mapping);
const bva = budgetVsActual({ fiscalYear: 2027, plan: ledger.plan as never, actuals: actuals.actuals as never });
const bytes = await writeBudgetWorkbook({ projections: [base, lean], budgetVsActual: bva, title: "Maple Valley" });
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
const dollars = (m: Money): number => m.toCents();
const centsOf = (x: number): number => Math.round(x * 100) + 0; // + 0: no -0

/** Where the engine's figures are on the scenario sheets: category rows from 2, then the total row. */
function expectScenarioSheet(name: string, p: BudgetProjection, value: (address: string) => number): void {
  const ws = wb.getWorksheet(name)!;
  const categories: string[] = [];
  for (let r = 2; ws.getCell(`A${r}`).value !== "Total"; r++) categories.push(String(ws.getCell(`A${r}`).value));
  const totalRow = categories.length + 2;
  const lastCol = String.fromCharCode(66 + p.years.length); // the Total column
  expect(value(`${lastCol}${totalRow}`)).toBe(dollars(p.total));
  p.years.forEach((y, yi) => {
    const c = String.fromCharCode(66 + yi);
    expect(value(`${c}${totalRow}`)).toBe(dollars(y.total));
    categories.forEach((cat, i) => expect(value(`${c}${i + 2}`)).toBe(dollars((y.byCategory as Record<string, Money>)[cat] ?? Money.ZERO)));
  });
}

describe("writeBudgetWorkbook: live formulas that give the engine's figures", () => {
  it("has one sheet per view, frozen headers and money as currency", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Line items", "Baseline", "Lean years", "Changes", "Budget vs actual", "By month", "About"]);
    for (const w of wb.worksheets.slice(0, 6)) expect(w.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.getWorksheet("Baseline")!.getCell("B2").numFmt).toBe(CURRENCY_FORMAT);
    expect(wb.getWorksheet("Baseline")!.getCell("B2").formula).toMatch(/^SUM\('Line items'!H\d+:H\d+\)$/);
  });

  it("every formula, evaluated from the line items (a small SUM evaluator), equals its cached result and the engine's totals to the cent", () => {
    const ev = new SumEvaluator(wb);
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === "object" && typeof v.formula === "string") {
            formulas++;
            expect(centsOf(ev.value(ws.name, cell.address)), `${ws.name}!${cell.address}`).toBe(centsOf(cell.result as number));
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(500);
    expectScenarioSheet("Baseline", base, (a) => centsOf(ev.value("Baseline", a)));
    expectScenarioSheet("Lean years", lean, (a) => centsOf(ev.value("Lean years", a)));
    const changesTotal = wb.getWorksheet("Changes")!;
    let totalRow = 0;
    changesTotal.eachRow((row, n) => {
      if (row.getCell(1).value === "Total") totalRow = n;
    });
    expect(centsOf(ev.value("Changes", `L${totalRow}`))).toBe(lean.total.subtract(base.total).toCents());
    const bvaRow = bva.cells.length + 2;
    expect(centsOf(ev.value("Budget vs actual", `G${bvaRow}`))).toBe(bva.totals.available.toCents());
    expect(centsOf(ev.value("Budget vs actual", `K${bvaRow}`))).toBe(bva.totals.projectedVariance.toCents());
    expect(centsOf(ev.value("By month", "E14"))).toBe(bva.totals.periods.reduce((s, p) => s + p.variance.toCents(), 0));
  });

  it("a ledger saved as .xlsx reads like the CSV (numbers stored as doubles come back to the cent)", async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet("GL");
    ws.addRow(["Account", "Fiscal Year", "Revised Budget"]);
    ws.addRow(["100-2230-734-000-100", 2027, 1234.56]);
    ws.addRow(["100-2230-735-000-100", 2027, 0.1 + 0.2]);
    ws.addRow(["100-2230-650-000-100", 2027, { formula: "B2*0", result: 0 }]);
    ws.addRow(["Grand Total", null, 1234.86]);
    const b = new Uint8Array(await x.xlsx.writeBuffer());
    const t = await parseLedgerXlsx("budget", b, { sheet: "gl" });
    expect(t.amount).toEqual([123456, 30, 0]);
    const r = await readLedgerXlsx(b, { ...NCES_TECHNOLOGY_MAPPING });
    expect(r.tieOut[0]!.ties).toBe(true);
    await expect(parseLedgerXlsx("budget", b, { sheet: "nope" })).rejects.toThrow(/has no sheet "nope" \(it has "GL"\)/);
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
describe("the workbook recalculated by LibreOffice", () => {
  it.skipIf(soffice === undefined)(
    `LibreOffice headless recalculates every formula (cached results removed) to the engine's figures${soffice === undefined ? " — skipped: LibreOffice is not installed" : ""}`,
    async () => {
      // remove every cached result, so the values can only come from LibreOffice computing the formulas
      const stripped = new ExcelJS.Workbook();
      await stripped.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
      const expected = new Map<string, number>();
      stripped.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = cell.value as { formula?: string } | null;
            if (v && typeof v === "object" && typeof v.formula === "string") {
              expected.set(`${ws.name}!${cell.row}!${cell.col}`, centsOf(cell.result as number));
              cell.value = { formula: v.formula } as never;
            }
          }),
        ),
      );
      const dir = mkdtempSync(join(tmpdir(), "districtkit-lo-"));
      try {
        writeFileSync(join(dir, "book.xlsx"), new Uint8Array(await stripped.xlsx.writeBuffer()));
        const r = spawnSync(
          soffice!,
          [
            "--headless",
            "--norestore",
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            join(dir, "out"),
            join(dir, "book.xlsx"),
          ],
          { encoding: "utf8", timeout: 180_000 },
        );
        expect(r.status, r.stderr).toBe(0);
        const files = readdirSync(join(dir, "out"));
        let checked = 0;
        stripped.eachSheet((ws) => {
          const file = files.find((f) => f === `book-${ws.name}.csv`);
          expect(file, `CSV of ${ws.name}`).toBeDefined();
          const rows = readFileSync(join(dir, "out", file!), "utf8")
            .split(/\r?\n/)
            .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')));
          for (const [key, cents] of expected) {
            const [sheet, row, col] = key.split("!") as [string, string, string];
            if (sheet !== ws.name) continue;
            const text = rows[Number(row) - 1]![Number(col) - 1]!;
            expect(Money.parse(text).toCents(), `${key} = ${text}`).toBe(cents);
            checked++;
          }
        });
        expect(checked).toBe(expected.size);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
