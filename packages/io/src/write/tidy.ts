import { DistrictKitError } from "@districtkit/core";
import { guard } from "../internal/guard.js";
import { type CellValue, type CsvTable, type CsvWriteOptions, toCsv } from "./csv.js";

/**
 * Options of {@link tidyTables}.
 *
 * @category Writing
 */
export interface TidyOptions {
  /** Name of the table holding the root object's own fields (default `"result"`). */
  readonly rootName?: string;
  /** Separator of nested field names in column headers (default `"."`: `cost.total`). */
  readonly separator?: string;
}

type Row = Map<string, CellValue>;
interface Building {
  readonly columns: string[];
  readonly seen: Set<string>;
  readonly rows: Row[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A value with its own JSON form (Money, Rate, Decimal, Date): written as that form. */
function leaf(v: unknown): CellValue | undefined {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return v as CellValue;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") {
    const json = (v as { toJSON(): unknown }).toJSON();
    if (json === null || typeof json === "string" || typeof json === "number" || typeof json === "boolean") return json;
  }
  return undefined;
}

function isRowList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => isPlainObject(x) || x instanceof Map);
}

/**
 * Turns any result — a DistrictKit engine's or any plain data — into tidy tables: the root
 * object's fields in one row (`result`), and every list of objects in a table of its own, one row
 * per element, named by its path (`summary`, `cohorts`, `years.lines`…). Nested objects become
 * columns with dotted names (`cost.total`, `byYear.2027`), money its exact decimal string, a list
 * of plain values one cell (`"a; b"`). A row of a nested table starts with the position of its
 * parent row (`years#`) and the parent's `id` when it has one, so tables join back. Column names
 * follow the data's own field names in order of first appearance: the same result shape always
 * gives the same columns.
 *
 * @param value - a result object (or a list of records)
 * @param options - the root table's name and the separator of nested names
 * @returns the tables by name, in order of first appearance
 * @throws DistrictKitError for a value that cannot be tabled (a function, a cycle, NaN)
 * @example
 * ```ts
 * const result = {
 *   asOf: "2026-07-01",
 *   total: Money.of("1234.5"),
 *   years: [{ fiscalYear: 2027, cost: { capital: Money.of("1000"), repair: Money.of("234.5") }, lines: [{ id: "cb", units: 3 }] }],
 * };
 * const tables = tidyTables(result);
 * Object.keys(tables); // => ["result", "years", "years.lines"]
 * tables["years"]; // => { "columns": ["fiscalYear", "cost.capital", "cost.repair"], "rows": [[2027, "1000", "234.5"]] }
 * tables["years.lines"]?.columns; // => ["years#", "id", "units"]
 * ```
 * @category Writing
 */
export function tidyTables(value: unknown, options: TidyOptions = {}): Record<string, CsvTable> {
  return guard("result", () => {
    const rootName = options.rootName ?? "result";
    const sep = options.separator ?? ".";
    if (typeof rootName !== "string" || rootName === "" || typeof sep !== "string") throw DistrictKitError.argument(["options"], "expected a non-empty rootName and a separator");
    const tables = new Map<string, Building>();
    const problems: { path: (string | number)[]; message: string }[] = [];
    const table = (name: string): Building => {
      let t = tables.get(name);
      if (!t) tables.set(name, (t = { columns: [], seen: new Set(), rows: [] }));
      return t;
    };
    const set = (t: Building, row: Row, column: string, cell: CellValue) => {
      if (!t.seen.has(column)) {
        t.seen.add(column);
        t.columns.push(column);
      }
      row.set(column, cell);
    };
    const stack: unknown[] = [];
    const fill = (
      t: Building,
      tableName: string,
      isRoot: boolean,
      row: Row,
      prefix: string,
      obj: Record<string, unknown>,
      path: (string | number)[],
      rowNumber: number,
      rowId: CellValue | undefined,
    ) => {
      if (stack.includes(obj)) {
        problems.push({ path, message: "the value contains itself (a cycle)" });
        return;
      }
      stack.push(obj);
      for (const key of Object.keys(obj)) {
        const v = obj[key];
        const column = prefix === "" ? key : `${prefix}${sep}${key}`;
        // the path of this value is built only when a problem or a nested value needs it (a cell's
        // path per cell was most of the garbage of a 100,000-record result; so was a closure per cell)
        const l = leaf(v);
        if (l !== undefined || v === undefined) {
          if (typeof l === "number" && !Number.isFinite(l)) problems.push({ path: [...path, key], message: `${l} cannot be written` });
          if (v !== undefined) set(t, row, column, l);
          continue;
        }
        if (v instanceof Map) {
          fill(t, tableName, isRoot, row, column, Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])), [...path, key], rowNumber, rowId);
          continue;
        }
        if (isRowList(v)) {
          const childName = isRoot ? column : `${tableName}${sep}${column}`;
          const child = table(childName);
          const base = [...path, key];
          v.forEach((item, i) => {
            const childRow: Row = new Map();
            if (!isRoot) {
              set(child, childRow, `${tableName}#`, rowNumber);
              if (rowId !== undefined) set(child, childRow, `${tableName}${sep}id`, rowId);
            }
            const o = item instanceof Map ? Object.fromEntries(item) : (item as Record<string, unknown>);
            const id = leaf(o["id"]);
            child.rows.push(childRow);
            fill(child, childName, false, childRow, "", o, [...base, i], child.rows.length, id === null ? undefined : id);
          });
          continue;
        }
        if (Array.isArray(v)) {
          const cells = v.map((x) => leaf(x));
          if (cells.every((c) => c !== undefined)) set(t, row, column, cells.map((c) => (c === null ? "" : String(c))).join("; "));
          else problems.push({ path: [...path, key], message: "a list mixing objects and plain values cannot be tabled" });
          continue;
        }
        if (isPlainObject(v)) {
          fill(t, tableName, isRoot, row, column, v, [...path, key], rowNumber, rowId);
          continue;
        }
        problems.push({ path: [...path, key], message: `a ${typeof v} cannot be written as a cell` });
      }
      stack.pop();
    };
    if (isRowList(value) || (Array.isArray(value) && value.length === 0)) {
      const t = table(rootName);
      value.forEach((item, i) => {
        const row: Row = new Map();
        t.rows.push(row);
        const o = item instanceof Map ? Object.fromEntries(item) : (item as Record<string, unknown>);
        const id = leaf(o["id"]);
        fill(t, rootName, false, row, "", o, [i], i + 1, id === null ? undefined : id);
      });
    } else if (isPlainObject(value) || value instanceof Map) {
      const root = table(rootName);
      const row: Row = new Map();
      root.rows.push(row);
      fill(root, rootName, true, row, "", value instanceof Map ? Object.fromEntries(value) : value, [], 1, undefined);
      if (root.columns.length === 0) tables.delete(rootName);
    } else {
      throw DistrictKitError.argument([], `expected a result object or a list of records, got ${value === null ? "null" : Array.isArray(value) ? "a list of plain values" : typeof value}`);
    }
    if (problems.length > 0) throw new DistrictKitError("INVALID_ARGUMENT", problems.slice(0, 50));
    const out: Record<string, CsvTable> = {};
    for (const [name, t] of tables) out[name] = { columns: [...t.columns], rows: t.rows.map((r) => t.columns.map((c) => (r.has(c) ? r.get(c)! : null))) };
    return out;
  });
}

/**
 * Writes any result as tidy CSV files (see {@link tidyTables}): one CSV text per table, keyed by a
 * file name (`result.csv`, `cohorts.csv`, `years.lines.csv`), formula-neutralised like every export.
 *
 * @param value - a result object (or a list of records)
 * @param options - tidy and CSV options
 * @returns file name → CSV text
 * @throws DistrictKitError for a value that cannot be tabled
 * @example
 * ```ts
 * const files = resultToCsvFiles({ total: Money.of("12.5"), items: [{ name: "=cmd", cost: Money.of("12.5") }] }, { newline: "\n" });
 * files["items.csv"]; // => "name,cost\n'=cmd,12.5\n"
 * ```
 * @category Writing
 */
export function resultToCsvFiles(value: unknown, options: TidyOptions & CsvWriteOptions = {}): Record<string, string> {
  return guard("result", () => {
    const out: Record<string, string> = {};
    for (const [name, t] of Object.entries(tidyTables(value, options))) out[`${name}.csv`] = toCsv(t, options);
    return out;
  });
}
