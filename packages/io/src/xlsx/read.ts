import type { AccountMapping, AccountMappingInput } from "@districtkit/budget";
import { guardInput } from "@districtkit/core";
import { guardAsync } from "../internal/guard.js";
import { RowReader } from "../internal/rowReader.js";
import { readerSettings } from "../internal/settings.js";
import { type BudgetTemplateImport, budgetTemplateFormat, templateItems } from "../ledger/budgetTemplate.js";
import type { LedgerImport } from "../ledger/ledgerImport.js";
import { mapLedger } from "../ledger/mapLedger.js";
import { splitLedgerOptions } from "../ledger/readLedger.js";
import type { LedgerOptions, MapLedgerOptions } from "../ledger/schema.js";
import { finishTable, type LedgerTable, LedgerTableReader, segmentKeysOf } from "../ledger/table.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { loadWorkbook, pickSheet, sheetRows } from "./excel.js";

/**
 * Options of the XLSX readers: the sheet to read (default: `Line items` for the budget template,
 * else the first sheet).
 *
 * @category XLSX
 */
export interface XlsxSheetOption {
  /** The worksheet's name (matched ignoring case). */
  readonly sheet?: string;
}

/**
 * Reads the DistrictKit budget template from an .xlsx workbook (its `Line items` sheet, or the
 * first sheet): the same columns, rules and errors as the CSV template (`readBudgetTemplate`);
 * a row's line is its row number in the sheet. Loads ExcelJS on first use.
 *
 * @param input - the workbook's bytes (`Uint8Array`, or an `ArrayBuffer` from `File.arrayBuffer()`)
 * @param options - the sheet, and a column mapping as for the CSV reader
 * @returns the line items, the rows and the errors
 * @throws DistrictKitError when the file is not a workbook or the sheet lacks a required column
 * @example
 * ```ts
 * const bytes = await writeBudgetTemplateXlsx([{ id: "lms", name: "LMS", category: "software", kind: "series", amounts: { "2027": "9500.25" } }]);
 * const r = await readBudgetTemplateXlsx(bytes);
 * r.lineItems[0]; // => { "id": "lms", "name": "LMS", "category": "software", "kind": "series", "amounts": { "2027": "9500.25" } }
 * ```
 * @category XLSX
 */
export function readBudgetTemplateXlsx(input: Uint8Array | ArrayBuffer, options: ReadOptions & XlsxSheetOption = {}): Promise<BudgetTemplateImport> {
  return guardAsync("workbook", async () => {
    const { sheet: name, ...read } = options ?? {};
    const wb = await loadWorkbook(input);
    const sheet = name !== undefined ? pickSheet(wb, name) : (wb.worksheets.find((s) => s.name.toLowerCase() === "line items") ?? pickSheet(wb, undefined));
    const settings = readerSettings(read);
    const reader = new RowReader(budgetTemplateFormat, settings, "text", []);
    for (const { cells } of sheetRows(sheet)) reader.push(cells, [], "\n", 0);
    const result = reader.finish();
    const headerOf = (key: string): string => result.columns.find((c) => c.field === key)?.header ?? budgetTemplateFormat.fields.find((f) => f.key === key)!.header;
    const { lineItems, errors } = templateItems(result.rows, undefined, headerOf);
    return { lineItems, read: result, errors: [...result.errors, ...errors].sort((a, b) => a.line - b.line) };
  });
}

/**
 * Reads a budget / general-ledger or actuals export saved as .xlsx into a ledger table — the same
 * columns, amounts, total rows and row errors as the CSV path (`parseLedger`); numbers
 * stored as binary doubles are read to the cent. Map it with {@link mapLedger}.
 *
 * @param kind - `budget` or `actuals`
 * @param input - the workbook's bytes
 * @param options - the sheet, columns, fiscal year, calendar, control total, file name
 * @returns the table
 * @throws DistrictKitError when the file is not a workbook, or lacks an account or amount column
 * @example
 * ```ts
 * await parseLedgerXlsx("budget", new TextEncoder().encode("Account,Amount\n100-2230-734-000-100,5")); // throws DistrictKitError: a CSV file, not a workbook
 * ```
 * @category XLSX
 */
export async function parseLedgerXlsx(kind: "budget" | "actuals", input: Uint8Array | ArrayBuffer, options: LedgerOptions & XlsxSheetOption = {}): Promise<LedgerTable> {
  // the file name is read from the caller's options under the one rule too (a getter or a Proxy),
  // and inside this async function: whatever goes wrong is a rejected promise, never a throw
  const file = guardInput(() => options?.file, ["options", "file"]);
  return guardAsync(typeof file === "string" ? file : "workbook", async () => {
    const { sheet: name, ...read } = options ?? {};
    const wb = await loadWorkbook(input);
    const sheet = pickSheet(wb, name);
    const t = new LedgerTableReader(kind, read, "text", []);
    t.setSegmentKeys(segmentKeysOf(kind, read));
    for (const { cells } of sheetRows(sheet)) t.reader.push(cells, [], "\n", 0);
    return finishTable(t);
  });
}

/**
 * Reads and maps a budget / general-ledger export saved as .xlsx: {@link parseLedgerXlsx} then
 * {@link mapLedger} (the same line items, issues and tie-out as `readLedger`).
 *
 * @param input - the workbook's bytes
 * @param mapping - the account mapping
 * @param options - the sheet, columns, fiscal year, calendar, control total, file name, general fund
 * @returns the mapped ledger
 * @throws DistrictKitError when the file cannot be read, or the mapping is invalid
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * await readLedgerXlsx(new Uint8Array([1, 2, 3]), NCES_TECHNOLOGY_MAPPING); // throws DistrictKitError: not a workbook
 * ```
 * @category XLSX
 */
export async function readLedgerXlsx(
  input: Uint8Array | ArrayBuffer,
  mapping: AccountMappingInput | AccountMapping,
  options: LedgerOptions & MapLedgerOptions & XlsxSheetOption = {},
): Promise<LedgerImport> {
  const { read, map } = splitLedgerOptions(options);
  return mapLedger(await parseLedgerXlsx("budget", input, read), mapping, map);
}
