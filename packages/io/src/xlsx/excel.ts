import { DistrictKitError } from "@districtkit/core";
import type * as ExcelJSTypes from "exceljs";
import { toBytes } from "../decode.js";

/** @internal The ExcelJS module, loaded on first use (the core readers never load it). */
export type ExcelJS = typeof ExcelJSTypes;

let loading: Promise<ExcelJS> | undefined;

/** @internal Loads ExcelJS lazily: a dynamic import, so bundlers split it into its own chunk. */
export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import("exceljs").then((m) => (m as unknown as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS));
  return loading;
}

/** @internal Reads a workbook from bytes. */
export async function loadWorkbook(input: unknown): Promise<ExcelJSTypes.Workbook> {
  const bytes = toBytes(input);
  if (bytes === undefined) throw fileError(`expected the .xlsx file as a Uint8Array or an ArrayBuffer, got ${input === null ? "null" : typeof input}`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileError("the file is not an .xlsx workbook (it does not start like a zip archive); a CSV file is read by the CSV readers");
  }
  const Excel = await loadExcelJS();
  const wb = new Excel.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; it reads any ArrayBuffer view
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as never);
  } catch (error) {
    throw fileError(`the .xlsx workbook could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return wb;
}

/** @internal An error about the file as a whole. */
export function fileError(message: string): DistrictKitError {
  return new DistrictKitError("INVALID_INPUT", [{ path: ["file"], code: "invalid_file", message }], message);
}

/** @internal The worksheet by name (ignoring case), or the first one. */
export function pickSheet(wb: ExcelJSTypes.Workbook, name: string | undefined): ExcelJSTypes.Worksheet {
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw fileError("the workbook has no worksheet");
  if (name === undefined) return sheets[0]!;
  const found = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!found) throw fileError(`the workbook has no sheet "${name}" (it has ${sheets.map((s) => `"${s.name}"`).join(", ")})`);
  return found;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * @internal A cell's value as the text a CSV export would hold: numbers with an integer value as
 * integers, other numbers to the cent when they are cents (a spreadsheet stores 1234.56 as the
 * nearest binary double), dates as YYYY-MM-DD, a formula as its cached result.
 */
export function cellText(value: ExcelJSTypes.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const c = Math.round(value * 100);
    if (Math.abs(value * 100 - c) < 1e-6) {
      const neg = c < 0;
      const a = Math.abs(c);
      return `${neg ? "-" : ""}${Math.floor(a / 100)}.${pad(a % 100)}`;
    }
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if ("result" in v || "formula" in v || "sharedFormula" in v) return cellText(v.result as ExcelJSTypes.CellValue);
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join("");
    if (typeof v.text === "string") return v.text;
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

/** @internal Every row of a sheet as texts, all as wide as the sheet, with its row number (blank rows included). */
export function sheetRows(sheet: ExcelJSTypes.Worksheet): { readonly line: number; readonly cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const width = sheet.columnCount;
  const last = sheet.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      // a formula's cached result: read through cell.result (ExcelJS leaves a cached 0 out of cell.value)
      cells.push(v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v) ? cellText(cell.result as ExcelJSTypes.CellValue) : cellText(v));
    }
    out.push({ line: r, cells });
  }
  return out;
}
