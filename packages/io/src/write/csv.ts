import { DistrictKitError, Money } from "@districtkit/core";
import Papa from "papaparse";
import type { CsvFormat } from "../csvFormat.js";
import { guard } from "../internal/guard.js";
import { neutraliseFormula } from "./neutralise.js";

/**
 * A value a CSV cell can be written from; `null` and `undefined` are written as an empty cell,
 * `Money` (or anything with a decimal `toJSON`) as its decimal string.
 *
 * @category Writing
 */
export type CellValue = string | number | boolean | bigint | null | undefined | Money | { toJSON(): string };

/**
 * A table to write: column headers and rows of cells, in the same order.
 *
 * @category Writing
 */
export interface CsvTable {
  /** Column headers. */
  readonly columns: readonly string[];
  /** Rows; each has one cell per column. */
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * Options of the CSV writers.
 *
 * @category Writing
 */
export interface CsvWriteOptions {
  /** Start the file with a UTF-8 byte-order mark, so Excel on Windows reads accents right (default false). */
  readonly bom?: boolean;
  /** Line break: `"\r\n"` (RFC 4180, the default) or `"\n"`. */
  readonly newline?: "\r\n" | "\n";
  /** The field separator (default `,`). */
  readonly delimiter?: "," | ";" | "\t";
}

/** @internal One cell's text. */
export function cellText(value: unknown, where: () => string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw DistrictKitError.argument([], `${where()}: ${value} cannot be written (only finite numbers)`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Money) return value.toString();
  if (typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    const json: unknown = (value as { toJSON(): unknown }).toJSON();
    if (typeof json === "string") return neutraliseFormula(json);
    if (typeof json === "number" && Number.isFinite(json)) return String(json);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) return neutraliseFormula(value.join(", "));
  throw DistrictKitError.argument([], `${where()}: cannot write ${Array.isArray(value) ? "an array" : typeof value} as a cell`);
}

function unparse(columns: readonly string[], rows: readonly (readonly string[])[], options: CsvWriteOptions): string {
  const text = Papa.unparse(
    { fields: columns.map((c) => neutraliseFormula(c)), data: rows as string[][] },
    { newline: options.newline ?? "\r\n", delimiter: options.delimiter ?? ",", quotes: false, escapeFormulae: false },
  );
  const newline = options.newline ?? "\r\n";
  // papaparse ends a header-only table with a line break already; never write a blank last line
  return (options.bom ? "\uFEFF" : "") + (text.endsWith(newline) ? text : text + newline);
}

/**
 * Writes a table as CSV (RFC 4180 quoting), neutralising cells a spreadsheet would run as a formula
 * (see {@link neutraliseFormula}). Numbers are written as they are, money as decimal strings.
 *
 * @param table - the columns and the rows
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text, ending with a line break
 * @throws DistrictKitError when a row has the wrong number of cells or a cell cannot be written (NaN, an object)
 * @example
 * ```ts
 * const table = { columns: ["App", "Note"], rows: [["Quizzy", "=HYPERLINK(\"http://x\")"]] };
 * toCsv(table, { newline: "\n" }); // => "App,Note\nQuizzy,\"'=HYPERLINK(\"\"http://x\"\")\"\n"
 * ```
 * @category Writing
 */
export function toCsv(table: CsvTable, options: CsvWriteOptions = {}): string {
  return guard("table", () => {
    if (typeof table !== "object" || table === null || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
      throw DistrictKitError.argument(["table"], "expected { columns: string[], rows: cell[][] }");
    }
    const columns = table.columns.map((c, i) => {
      if (typeof c !== "string") throw DistrictKitError.argument(["table", "columns", i], "expected a column name");
      return c;
    });
    const rows = table.rows.map((row, r) => {
      if (!Array.isArray(row) || row.length !== columns.length) {
        throw DistrictKitError.argument(["table", "rows", r], `expected ${columns.length} cells, got ${Array.isArray(row) ? row.length : typeof row}`);
      }
      return row.map((v, c) => cellText(v, () => `rows[${r}], ${columns[c]}`));
    });
    return unparse(columns, rows, options);
  });
}

/**
 * Writes records of a {@link CsvFormat} back as CSV under the format's headers, with their
 * `attributes` as extra columns — the inverse of reading: reading the output gives the same records.
 *
 * @param format - the file format, e.g. {@link snipeItAssetFormat}
 * @param rows - records as the format's reader returns them
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text
 * @throws DistrictKitError when a value cannot be written
 * @example
 * ```ts
 * const csv = "Asset Tag,Model,Purchase Date\nMVH-0001,Acme Chromebook 311 G2,8/15/23";
 * const again = readSnipeItAssets(writeCsv(snipeItAssetFormat, readSnipeItAssets(csv).rows));
 * again.rows[0]?.purchaseDate; // => "2023-08-15"
 * ```
 * @category Writing
 */
export function writeCsv<R>(format: CsvFormat<R>, rows: readonly R[], options: CsvWriteOptions = {}): string {
  return guard("records", () => {
    if (!Array.isArray(rows)) throw DistrictKitError.argument(["rows"], "expected an array of records");
    const extra: string[] = [];
    const seen = new Set<string>(format.fields.map((f) => f.header));
    for (const row of rows) {
      const attributes = (row as { attributes?: Record<string, string> }).attributes ?? {};
      for (const name of Object.keys(attributes)) {
        if (!seen.has(name)) {
          seen.add(name);
          extra.push(name);
        }
      }
    }
    const columns = [...format.fields.map((f) => f.header), ...extra];
    const data = rows.map((row, r) => {
      const record = row as Record<string, unknown> & { attributes?: Record<string, string> };
      const cells = format.fields.map((f) => cellText(record[f.key], () => `rows[${r}].${f.key}`));
      for (const name of extra) cells.push(cellText(record.attributes?.[name], () => `rows[${r}].attributes`));
      return cells;
    });
    return unparse(columns, data, options);
  });
}
