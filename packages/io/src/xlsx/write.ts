import type { BudgetProjection, BudgetVsActualResult, LineItemInput } from "@districtkit/budget";
import { DistrictKitError, Money } from "@districtkit/core";
import type * as ExcelJSTypes from "exceljs";
import { guardAsync } from "../internal/guard.js";
import { budgetTemplateFormat, templateRows } from "../ledger/budgetTemplate.js";
import { loadExcelJS } from "./excel.js";

/** The number format of money cells: dollars and cents, negatives in red with a minus. */
export const CURRENCY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';

const num = (m: Money): number => m.toCents() / 100;

/** @internal Column letters of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

const ref = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

async function toBytes(wb: ExcelJSTypes.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function header(sheet: ExcelJSTypes.Worksheet, titles: readonly string[], frozenColumns: number): void {
  const row = sheet.getRow(1);
  titles.forEach((t, i) => (row.getCell(i + 1).value = t));
  row.font = { bold: true };
  sheet.views = [{ state: "frozen", xSplit: frozenColumns, ySplit: 1 }];
}

/**
 * Writes line items as the DistrictKit budget template in an .xlsx workbook: a `Line items` sheet
 * with the template's columns (one row per item and fiscal year, amounts as currency, the header
 * frozen). {@link readBudgetTemplateXlsx} reads it back to the same items. Loads ExcelJS on first use.
 *
 * @param lineItems - line items of kind `series` or `one-time`
 * @returns the workbook's bytes
 * @throws DistrictKitError for an invalid item or one without yearly amounts
 * @example
 * ```ts
 * const bytes = await writeBudgetTemplateXlsx([{ id: "lms", name: "LMS", category: "software", kind: "one-time", year: 2027, amount: "9500" }]);
 * [bytes[0], bytes[1]]; // => [80, 75]
 * ```
 * @category XLSX
 */
export function writeBudgetTemplateXlsx(lineItems: readonly LineItemInput[]): Promise<Uint8Array> {
  return guardAsync("line items", async () => {
    const rows = templateRows(lineItems);
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    wb.creator = "DistrictKit";
    const sheet = wb.addWorksheet("Line items");
    const fields = budgetTemplateFormat.fields;
    header(
      sheet,
      fields.map((f) => f.header),
      2,
    );
    rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      fields.forEach((f, c) => {
        const cell = row.getCell(c + 1);
        const v = (r as unknown as Record<string, unknown>)[f.key];
        if (v === undefined) return;
        if (f.key === "amount") {
          cell.value = num(Money.of(v as string));
          cell.numFmt = CURRENCY_FORMAT;
        } else if (f.key === "funds") cell.value = (v as string[]).join("; ");
        else cell.value = v as string | number;
      });
    });
    fields.forEach((f, c) => (sheet.getColumn(c + 1).width = f.key === "name" ? 40 : f.key === "amount" ? 16 : 14));
    return toBytes(wb);
  });
}

/**
 * What {@link writeBudgetWorkbook} writes: scenario projections (the first is the baseline) and,
 * optionally, a budget-vs-actual result.
 *
 * @category XLSX
 */
export interface BudgetWorkbookInput {
  /** Projections made with `detail: "items"`; the first is the baseline the others are compared with. */
  readonly projections: readonly BudgetProjection[];
  /** A budget-vs-actual result to add as its own sheets. */
  readonly budgetVsActual?: BudgetVsActualResult;
  /** A title for the `About` sheet. */
  readonly title?: string;
}

interface Block {
  start: number;
  end: number;
}

/**
 * Writes a budget workbook for an analyst to audit in Excel: a `Line items` sheet (every scenario ×
 * category × fund × line, one column per fiscal year, amounts as currency), one sheet per scenario
 * (cost by category and by fund per year) whose every figure is a live `SUM` formula over the
 * line-item sheet, a `Changes` sheet of each scenario minus the baseline (formulas over the
 * scenario sheets), and — when given — `Budget vs actual` and `By month` sheets with their
 * formulas. Headers are frozen; every formula's cached result is the engine's own figure, so the
 * workbook shows the right totals before it is recalculated, and recalculating changes nothing.
 * Loads ExcelJS on first use.
 *
 * @param input - projections (the first is the baseline) and an optional budget-vs-actual result
 * @returns the workbook's bytes
 * @throws DistrictKitError when there is no projection or a projection has no line items
 * @example
 * ```ts
 * import { prepareBudget, projectBudget } from "@districtkit/budget";
 * const model = prepareBudget({
 *   district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }] },
 *   budget: { name: "Plan", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "General fund", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "recurring", amount: "900" }] },
 * });
 * const bytes = await writeBudgetWorkbook({ projections: [projectBudget(model), projectBudget(model, { id: "cut", name: "Cut", levers: [{ type: "scale", percent: -0.1 }] })] });
 * bytes.length > 1000; // => true
 * ```
 * @category XLSX
 */
export function writeBudgetWorkbook(input: BudgetWorkbookInput): Promise<Uint8Array> {
  return guardAsync("budget workbook", async () => {
    if (input === null || typeof input !== "object" || !Array.isArray(input.projections) || input.projections.length === 0) {
      throw DistrictKitError.argument(["projections"], "expected at least one projection (the baseline first)");
    }
    const projections: readonly BudgetProjection[] = input.projections;
    projections.forEach((p, i) => {
      if (p === null || typeof p !== "object" || !Array.isArray(p.lines) || !Array.isArray(p.years)) throw DistrictKitError.argument(["projections", i], "expected a budget projection");
      if (p.lines.length === 0 && p.years.some((y) => !y.total.isZero()))
        throw DistrictKitError.argument(["projections", i, "lines"], 'the projection has no line items: project with detail "items" (the default)');
    });
    const Excel = await loadExcelJS();
    const wb = new Excel.Workbook();
    wb.creator = "DistrictKit";
    // the cached results are the engine's figures; a spreadsheet recalculates them all on open anyway
    wb.calcProperties = { fullCalcOnLoad: true };
    const used = new Set<string>();
    const first = Math.min(...projections.map((p) => p.firstYear));
    const last = Math.max(...projections.map((p) => p.lastYear));
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const categories = [...new Set(projections.flatMap((p) => [...p.lines.map((l) => l.category), ...Object.keys(p.byCategory)]))].sort();
    const funds = [...new Set(projections.flatMap((p) => Object.keys(p.byFund)))].sort();

    // ── Line items
    const itemsName = sheetName("Line items", used);
    const items = wb.addWorksheet(itemsName);
    const Y0 = 8; // first year column
    const yearCol = (yi: number): string => columnLetter(Y0 + yi);
    header(items, ["Scenario", "Scenario ID", "Item ID", "Name", "Category", "Fund", "School", ...years.map((y) => `FY${y}`), "Total"], 4);
    const catBlocks = new Map<string, Block>(); // scenario|category
    const fundBlocks = new Map<string, Block[]>(); // scenario|fund → blocks
    let r = 2;
    projections.forEach((p, si) => {
      for (const cat of categories) {
        const lines = p.lines.filter((l) => l.category === cat);
        const start = r;
        for (const fund of funds) {
          const fStart = r;
          for (const l of [...lines].sort((a, b) => ((a.school ?? "") < (b.school ?? "") ? -1 : (a.school ?? "") > (b.school ?? "") ? 1 : a.itemId < b.itemId ? -1 : 1))) {
            const amounts = years.map((y) => {
              const ly = l.years.find((x) => x.fiscalYear === y);
              const m = ly ? (ly.byFund as Readonly<Record<string, Money>>)[fund] : undefined;
              return m ?? Money.ZERO;
            });
            if (amounts.every((m) => m.isZero())) continue;
            const row = items.getRow(r);
            row.values = [p.scenario.name, p.scenario.id, l.itemId, l.name, cat, fund, l.school ?? "district"];
            amounts.forEach((m, yi) => {
              const c = row.getCell(Y0 + yi);
              c.value = num(m);
              c.numFmt = CURRENCY_FORMAT;
            });
            const t = row.getCell(Y0 + years.length);
            t.value = { formula: `SUM(${yearCol(0)}${r}:${yearCol(years.length - 1)}${r})`, result: num(Money.sum(amounts)) };
            t.numFmt = CURRENCY_FORMAT;
            r++;
          }
          if (r > fStart) {
            const k = `${si}\u0000${fund}`;
            const list = fundBlocks.get(k) ?? [];
            list.push({ start: fStart, end: r - 1 });
            fundBlocks.set(k, list);
          }
        }
        if (r > start) catBlocks.set(`${si}\u0000${cat}`, { start, end: r - 1 });
      }
    });
    items.getColumn(4).width = 44;
    for (let c = Y0; c <= Y0 + years.length; c++) items.getColumn(c).width = 15;

    // ── One sheet per scenario: by category and by fund
    const viewNames: string[] = [];
    const catRow = (i: number): number => 2 + i;
    const catTotalRow = 2 + categories.length;
    const fundHeaderRow = catTotalRow + 2;
    const fundRow = (i: number): number => fundHeaderRow + 1 + i;
    const fundTotalRow = fundHeaderRow + 1 + funds.length;
    const lastYearCol = columnLetter(1 + years.length);
    const viewTotalCol = columnLetter(2 + years.length);
    projections.forEach((p, si) => {
      const name = sheetName(p.scenario.name, used);
      viewNames.push(name);
      const sheet = wb.addWorksheet(name);
      header(sheet, ["Category", ...years.map((y) => `FY${y}`), "Total"], 1);
      const yearOf = (y: number) => p.years.find((x) => x.fiscalYear === y);
      const sumOf = (blocks: readonly Block[], yi: number): string => blocks.map((b) => `${ref(itemsName)}!${yearCol(yi)}${b.start}:${yearCol(yi)}${b.end}`).join(",");
      const put = (row: number, col: number, formula: string | null, value: Money): void => {
        const c = sheet.getRow(row).getCell(col);
        c.value = formula === null ? num(value) : { formula, result: num(value) };
        c.numFmt = CURRENCY_FORMAT;
      };
      categories.forEach((cat, i) => {
        const row = catRow(i);
        sheet.getRow(row).getCell(1).value = cat;
        const block = catBlocks.get(`${si}\u0000${cat}`);
        years.forEach((y, yi) => put(row, 2 + yi, block ? `SUM(${sumOf([block], yi)})` : null, (yearOf(y)?.byCategory as Readonly<Record<string, Money>> | undefined)?.[cat] ?? Money.ZERO));
        put(row, 2 + years.length, `SUM(B${row}:${lastYearCol}${row})`, (p.byCategory as Readonly<Record<string, Money>>)[cat] ?? Money.ZERO);
      });
      const totalRow = (row: number, firstRow: number, lastRow: number): void => {
        sheet.getRow(row).getCell(1).value = "Total";
        sheet.getRow(row).font = { bold: true };
        years.forEach((y, yi) => put(row, 2 + yi, `SUM(${columnLetter(2 + yi)}${firstRow}:${columnLetter(2 + yi)}${lastRow})`, yearOf(y)?.total ?? Money.ZERO));
        put(row, 2 + years.length, `SUM(${viewTotalCol}${firstRow}:${viewTotalCol}${lastRow})`, p.total);
      };
      totalRow(catTotalRow, catRow(0), catRow(categories.length - 1));
      const fh = sheet.getRow(fundHeaderRow);
      fh.values = ["Fund", ...years.map((y) => `FY${y}`), "Total"];
      fh.font = { bold: true };
      funds.forEach((fund, i) => {
        const row = fundRow(i);
        sheet.getRow(row).getCell(1).value = fund;
        const blocks = fundBlocks.get(`${si}\u0000${fund}`) ?? [];
        years.forEach((y, yi) => put(row, 2 + yi, blocks.length > 0 ? `SUM(${sumOf(blocks, yi)})` : null, (yearOf(y)?.byFund as Readonly<Record<string, Money>> | undefined)?.[fund] ?? Money.ZERO));
        put(row, 2 + years.length, `SUM(B${row}:${lastYearCol}${row})`, (p.byFund as Readonly<Record<string, Money>>)[fund] ?? Money.ZERO);
      });
      if (funds.length > 0) totalRow(fundTotalRow, fundRow(0), fundRow(funds.length - 1));
      sheet.getColumn(1).width = 28;
      for (let c = 2; c <= 2 + years.length; c++) sheet.getColumn(c).width = 15;
    });

    // ── Changes: each scenario minus the baseline, as formulas over the scenario sheets
    if (projections.length > 1) {
      const sheet = wb.addWorksheet(sheetName("Changes", used));
      header(sheet, ["Change", ...years.map((y) => `FY${y}`), "Total"], 1);
      let row = 2;
      const base = projections[0]!;
      for (let si = 1; si < projections.length; si++) {
        const p = projections[si]!;
        const title = sheet.getRow(row++);
        title.getCell(1).value = `${p.scenario.name} − ${base.scenario.name}`;
        title.font = { bold: true };
        const lines: { label: string; viewRow: number; a: (yi: number | null) => Money; b: (yi: number | null) => Money }[] = [];
        const pick =
          (proj: BudgetProjection, key: "byCategory" | "byFund", k: string) =>
          (yi: number | null): Money => {
            if (yi === null) return (proj[key] as Readonly<Record<string, Money>>)[k] ?? Money.ZERO;
            const y = proj.years.find((x) => x.fiscalYear === years[yi]);
            return (y?.[key] as Readonly<Record<string, Money>> | undefined)?.[k] ?? Money.ZERO;
          };
        const total =
          (proj: BudgetProjection) =>
          (yi: number | null): Money =>
            yi === null ? proj.total : (proj.years.find((x) => x.fiscalYear === years[yi])?.total ?? Money.ZERO);
        categories.forEach((cat, i) => lines.push({ label: cat, viewRow: catRow(i), a: pick(base, "byCategory", cat), b: pick(p, "byCategory", cat) }));
        lines.push({ label: "Total", viewRow: catTotalRow, a: total(base), b: total(p) });
        funds.forEach((fund, i) => lines.push({ label: `fund: ${fund}`, viewRow: fundRow(i), a: pick(base, "byFund", fund), b: pick(p, "byFund", fund) }));
        for (const l of lines) {
          const x = sheet.getRow(row);
          x.getCell(1).value = l.label;
          for (let yi = 0; yi <= years.length; yi++) {
            const col = columnLetter(2 + yi);
            const c = x.getCell(2 + yi);
            c.value = {
              formula: `${ref(viewNames[si]!)}!${col}${l.viewRow}-${ref(viewNames[0]!)}!${col}${l.viewRow}`,
              result: num(l.b(yi === years.length ? null : yi).subtract(l.a(yi === years.length ? null : yi))),
            };
            c.numFmt = CURRENCY_FORMAT;
          }
          row++;
        }
        row++;
      }
      sheet.getColumn(1).width = 34;
      for (let c = 2; c <= 2 + years.length; c++) sheet.getColumn(c).width = 15;
    }

    // ── Budget vs actual
    const bva = input.budgetVsActual;
    if (bva !== undefined) {
      if (bva === null || typeof bva !== "object" || !Array.isArray(bva.cells)) throw DistrictKitError.argument(["budgetVsActual"], "expected a result of budgetVsActual");
      const sheet = wb.addWorksheet(sheetName("Budget vs actual", used));
      header(sheet, ["Fund", "Category", "School", "Budget", "Posted", "Encumbered", "Available", "Plan to date", "Variance to date", "Projected year end", "Projected variance", "Method"], 3);
      const money = (row: ExcelJSTypes.Row, col: number, v: Money, formula?: string): void => {
        const c = row.getCell(col);
        c.value = formula === undefined ? num(v) : { formula, result: num(v) };
        c.numFmt = CURRENCY_FORMAT;
      };
      bva.cells.forEach((cell, i) => {
        const n = i + 2;
        const row = sheet.getRow(n);
        row.getCell(1).value = cell.fund;
        row.getCell(2).value = cell.category;
        row.getCell(3).value = cell.school ?? "district";
        money(row, 4, cell.budget);
        money(row, 5, cell.posted);
        money(row, 6, cell.encumbered);
        money(row, 7, cell.available, `D${n}-E${n}-F${n}`);
        money(row, 8, cell.planToDate);
        money(row, 9, cell.varianceToDate, `H${n}-E${n}`);
        money(row, 10, cell.projection.yearEnd);
        money(row, 11, cell.projection.projectedVariance, `D${n}-J${n}`);
        row.getCell(12).value = cell.projection.method;
      });
      const tr = bva.cells.length + 2;
      const trow = sheet.getRow(tr);
      trow.getCell(1).value = "Total";
      trow.font = { bold: true };
      const t = bva.totals;
      const cols: [number, Money][] = [
        [4, t.budget],
        [5, t.posted],
        [6, t.encumbered],
        [7, t.available],
        [8, t.planToDate],
        [9, t.varianceToDate],
        [10, t.projectedYearEnd],
        [11, t.projectedVariance],
      ];
      for (const [col, v] of cols) {
        const L = columnLetter(col);
        money(trow, col, v, bva.cells.length === 0 ? undefined : `SUM(${L}2:${L}${tr - 1})`);
      }
      sheet.getRow(tr + 2).getCell(1).value = bva.explanation;
      for (let c = 4; c <= 11; c++) sheet.getColumn(c).width = 16;

      const monthly = wb.addWorksheet(sheetName("By month", used));
      header(monthly, ["Month", "Plan", "Posted", "Encumbered", "Variance"], 1);
      bva.totals.periods.forEach((p, i) => {
        const n = i + 2;
        const row = monthly.getRow(n);
        row.getCell(1).value = p.month;
        money(row, 2, p.plan);
        money(row, 3, p.posted);
        money(row, 4, p.encumbered);
        money(row, 5, p.variance, `B${n}-C${n}`);
      });
      const mt = monthly.getRow(14);
      mt.getCell(1).value = "Total";
      mt.font = { bold: true };
      const sum = (xs: readonly Money[]): Money => Money.sum(xs);
      money(mt, 2, sum(bva.totals.periods.map((p) => p.plan)), "SUM(B2:B13)");
      money(mt, 3, sum(bva.totals.periods.map((p) => p.posted)), "SUM(C2:C13)");
      money(mt, 4, sum(bva.totals.periods.map((p) => p.encumbered)), "SUM(D2:D13)");
      money(mt, 5, sum(bva.totals.periods.map((p) => p.variance)), "SUM(E2:E13)");
      for (let c = 2; c <= 5; c++) monthly.getColumn(c).width = 16;
    }

    // ── About
    const about = wb.addWorksheet(sheetName("About", used));
    const notes = [
      input.title ?? "DistrictKit budget workbook",
      `Fiscal years FY${first}–FY${last}. Baseline: ${projections[0]!.scenario.name}.`,
      `Every figure on the scenario sheets is a SUM formula over the "${itemsName}" sheet; "Changes" subtracts the baseline's sheet from each scenario's. Edit an amount on "${itemsName}" and the totals follow.`,
      "Amounts are dollars and cents as computed by DistrictKit (exact decimals, rounded half away from zero to the cent).",
      ...projections.map((p) => `${p.scenario.name}: ${p.explanation}`),
    ];
    notes.forEach((t, i) => (about.getRow(i + 1).getCell(1).value = t));
    about.getRow(1).font = { bold: true };
    about.getColumn(1).width = 120;
    return toBytes(wb);
  });
}
