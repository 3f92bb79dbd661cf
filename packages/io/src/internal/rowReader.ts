import { DistrictKitError, type DistrictKitIssue } from "@districtkit/core";
import type { CsvFormat, FieldSpec } from "../csvFormat.js";
import type { TextEncodingName } from "../decode.js";
import type { Attributes, ColumnMatch, ReadResult, RowError } from "../readResult.js";
import { restoreFormula } from "../write/neutralise.js";
import { type DateOrder, INVALID, invalidReason, parseCell } from "./cells.js";
import { trust } from "./trusted.js";

/** Options after validation. */
export interface ReaderSettings {
  readonly mapping?: Readonly<Record<string, string>> | undefined;
  readonly dateOrder: DateOrder;
  readonly file?: string | undefined;
}

/** A problem of papaparse's with one row. */
export interface RowProblem {
  readonly code: string;
}

/** Header text compared ignoring case, spaces, `_`, `-` and `.`. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s_.-]+/g, "");
}

/** Ends the whole read: the file cannot be read as this format. */
export function fileLevelError(issues: readonly Omit<DistrictKitIssue, "pathText">[], summary: string): DistrictKitError {
  return new DistrictKitError("INVALID_INPUT", issues, summary);
}

function describeList(items: readonly string[]): string {
  const shown = items.slice(0, 12).map((h) => JSON.stringify(h));
  return items.length > 12 ? `${shown.join(", ")} … (${items.length} in all)` : shown.join(", ");
}

interface Column {
  readonly index: number;
  readonly field: FieldSpec;
  readonly header: string;
}

/**
 * The state of one read: takes raw rows (arrays of cells) as papaparse produces them, finds
 * the header, and turns each data row into a record or errors, counting lines as it goes.
 */
export class RowReader<R> {
  private line = 1;
  private header: string[] | undefined;
  private columns: Column[] = [];
  private extras: { readonly index: number; readonly name: string }[] = [];
  private matches: ColumnMatch[] = [];
  private readonly rows: R[] = [];
  private readonly errors: RowError[] = [];
  private total = 0;
  private failed = 0;
  private blankLines = 0;
  private lastWasEmpty = false;
  private readonly scratch: Record<string, unknown> = {};
  private readonly warnings: string[];
  /** The fewest cells a row may have: the header less its trailing empty-named cells (an Excel artefact). */
  private shortestRow = 0;
  /** Rows that stopped before those columns, read anyway. */
  private shortRows = 0;

  constructor(
    private readonly format: CsvFormat<R>,
    private readonly settings: ReaderSettings,
    private readonly encoding: TextEncodingName,
    warnings: readonly string[],
  ) {
    this.warnings = [...warnings];
  }

  /** Takes one raw row; `newlines` counts the line breaks inside its quoted cells when the caller knows it. */
  push(cells: readonly string[], problems: readonly RowProblem[], linebreak: string, newlines?: number): void {
    const line = this.line;
    let inner = newlines;
    if (inner === undefined) {
      inner = 0;
      const mark = linebreak === "\r" ? "\r" : "\n";
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        let at = cell.indexOf(mark);
        while (at !== -1) {
          inner++;
          at = cell.indexOf(mark, at + 1);
        }
      }
    }
    this.line = line + 1 + inner;
    this.lastWasEmpty = cells.length === 1 && cells[0] === "" && problems.length === 0;
    if (isBlank(cells)) {
      if (problems.length === 0) {
        this.blankLines++;
        return;
      }
    }
    if (this.header === undefined) {
      this.setHeader(cells, line);
      return;
    }
    this.readRow(cells, problems, line, inner);
  }

  private setHeader(cells: readonly string[], line: number): void {
    const header = cells.map((c, i) => {
      const t = restoreFormula(c.replace(/^\uFEFF/, "").trim());
      return t === "" ? `Column ${i + 1}` : t;
    });
    this.header = header;
    const normal = header.map(normaliseHeader);
    const claimed = new Set<number>();
    const issues: Omit<DistrictKitIssue, "pathText">[] = [];
    const fields = this.format.fields;
    const mapping = this.settings.mapping ?? {};
    for (const key of Object.keys(mapping)) {
      if (!fields.some((f) => f.key === key)) {
        issues.push({
          path: ["options", "mapping", key],
          code: "unknown_field",
          message: `${JSON.stringify(key)} is not a field of the ${this.format.name} (its fields: ${fields.map((f) => f.key).join(", ")})`,
        });
      }
    }
    const found = new Map<string, Column>();
    for (const field of fields) {
      const wanted = mapping[field.key];
      if (wanted === undefined) continue;
      const index = normal.indexOf(normaliseHeader(wanted));
      if (index === -1) {
        issues.push({
          path: ["options", "mapping", field.key],
          code: "missing_column",
          message: `the file has no column ${JSON.stringify(wanted)} (line ${line} has ${describeList(header)})`,
        });
        continue;
      }
      claimed.add(index);
      found.set(field.key, { index, field, header: header[index]! });
      this.matches.push({ field: field.key, header: header[index]!, by: "mapping" });
    }
    for (const field of fields) {
      if (found.has(field.key) || mapping[field.key] !== undefined) continue;
      const names = [field.header, field.key, ...field.aliases].map(normaliseHeader);
      let index = -1;
      for (const name of names) {
        const at = normal.findIndex((h, i) => h === name && !claimed.has(i));
        if (at !== -1) {
          index = at;
          break;
        }
      }
      if (index === -1) continue;
      claimed.add(index);
      found.set(field.key, { index, field, header: header[index]! });
      this.matches.push({ field: field.key, header: header[index]!, by: "alias" });
    }
    for (const field of fields) {
      if (field.requiredColumn && !found.has(field.key) && mapping[field.key] === undefined) {
        issues.push({
          path: ["header", field.key],
          code: "missing_column",
          message: `the ${this.format.name} needs a column for ${field.key} (a header such as ${describeList([field.header, ...field.aliases].slice(0, 4))}); line ${line} has ${describeList(header)}. Name the column in options.mapping if it is called something else`,
        });
      }
    }
    for (const group of this.format.requireOneOf ?? []) {
      if (!group.some((key) => found.has(key))) {
        const labels = group.map((key) => fields.find((f) => f.key === key)?.header ?? key);
        issues.push({
          path: ["header"],
          code: "missing_column",
          message: `the ${this.format.name} needs at least one of the columns ${describeList(labels)}; line ${line} has ${describeList(header)}`,
        });
      }
    }
    if (issues.length > 0) throw fileLevelError(issues, `cannot read the file as a ${this.format.name}`);
    this.columns = fields.flatMap((f) => {
      const c = found.get(f.key);
      return c === undefined ? [] : [c];
    });
    // Columns no field reads are kept in attributes under their header. A header that repeats
    // one a field reads (two "Asset Tag" columns) is never read into the field a second time: the
    // first column is the field's, the repeat is kept as "Asset Tag (2)", with a warning.
    const taken = new Set<string>();
    const byNormal = new Map<string, Column>();
    for (const c of this.columns) {
      taken.add(c.header);
      if (!byNormal.has(normal[c.index]!)) byNormal.set(normal[c.index]!, c);
    }
    // a name made for a repeat skips the file's own headers: a column the file calls
    // "Asset Tag (2)" keeps that name, wherever it stands
    const inFile = new Set(header);
    const warnedRepeat = new Set<string>();
    for (let i = 0; i < header.length; i++) {
      if (claimed.has(i)) continue;
      const base = header[i]!;
      let name = base;
      let n = 1;
      while (taken.has(name) || (n > 1 && inFile.has(name))) name = `${base} (${++n})`;
      taken.add(name);
      const twin = byNormal.get(normal[i]!);
      if (twin !== undefined) {
        this.warnings.push(
          `the header ${JSON.stringify(base)} appears again in column ${i + 1}: column ${twin.index + 1} (${JSON.stringify(twin.header)}) is read as ${twin.field.key}, and column ${i + 1} is kept in attributes as ${JSON.stringify(name)}`,
        );
      } else if (n > 1 && !warnedRepeat.has(base)) {
        warnedRepeat.add(base);
        this.warnings.push(`the header ${JSON.stringify(base)} appears more than once; later ones are kept as ${JSON.stringify(name)}…`);
      }
      this.extras.push({ index: i, name });
    }
    // Excel saves a sheet with formatted but empty columns as header cells with no name; its data
    // rows then stop before them. Rows short by exactly those columns are read (and counted).
    // (never shorter than the last column a field reads, so every field's cell is there)
    let trailing = 0;
    while (trailing < cells.length && blankHeader(cells[cells.length - 1 - trailing]!)) trailing++;
    let lastRead = 0;
    for (const c of this.columns) lastRead = Math.max(lastRead, c.index + 1);
    this.shortestRow = trailing === cells.length ? cells.length : Math.max(cells.length - trailing, lastRead);
  }

  private fail(line: number, column: string | null, value: string | null, reason: string): void {
    const where = column === null ? `line ${line}` : `line ${line}, ${column}`;
    const error: RowError = { line, column, value, reason, message: `${this.settings.file ? `${this.settings.file} ` : ""}${where}: ${reason}` };
    this.errors.push(this.settings.file === undefined ? error : { file: this.settings.file, ...error });
  }

  private readRow(cells: readonly string[], problems: readonly RowProblem[], line: number, inner: number): void {
    this.total++;
    const header = this.header!;
    if (problems.length > 0) {
      const code = problems[0]!.code;
      this.failed++;
      // a broken quote makes the tokenizer read on to the next quote: say which lines went into this row
      const span = inner > 0 ? `; lines ${line}–${line + inner} were read as this one row` : "";
      this.fail(
        line,
        null,
        null,
        code === "MissingQuotes"
          ? 'a quoted cell is never closed (a " is missing), so the rest of the file was read as one cell'
          : code === "InvalidQuotes"
            ? `a quoted cell is malformed (text after its closing ")${span}`
            : `the row could not be read (${code})${span}`,
      );
      return;
    }
    if (cells.length !== header.length) {
      const extraEmpty = cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === "");
      const shortOfUnnamed = cells.length < header.length && cells.length >= this.shortestRow;
      if (shortOfUnnamed) this.shortRows++;
      else if (!extraEmpty) {
        this.failed++;
        this.fail(
          line,
          null,
          null,
          `the row has ${cells.length} cell${cells.length === 1 ? "" : "s"} but the header has ${header.length} (a missing or extra separator, or an unquoted ${cells.length > header.length ? "comma" : "line break"}?)`,
        );
        return;
      }
    }
    // one scratch object reused for every row (formats copy what they keep in `build`); every
    // column's key is written once per row, undefined when empty or invalid (no separate reset
    // pass: a keyed store per cell is the reader's main cost at 100,000 rows)
    const values = this.scratch;
    let ok = true;
    const order = this.settings.dateOrder;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i]!;
      const raw = cells[column.index]!;
      const text = clean(raw);
      let value: unknown;
      if (text === "") {
        if (column.field.requiredValue) {
          ok = false;
          this.fail(line, column.header, raw, "is empty (a value is required)");
        }
      } else {
        value = parseCell(column.field.kind, text, order);
        if (value === INVALID) {
          value = undefined;
          ok = false;
          this.fail(line, column.header, raw, invalidReason(column.field.kind, text, order));
        }
      }
      values[column.field.key] = value;
    }
    if (ok && this.format.check) {
      const problem = this.format.check(values);
      if (problem) {
        ok = false;
        const column = this.columns.find((c) => c.field.key === problem.field);
        this.fail(line, column?.header ?? problem.field, column ? cells[column.index]! : null, problem.reason);
      }
    }
    if (!ok) {
      this.failed++;
      return;
    }
    let attributes: Record<string, string> | undefined;
    for (let i = 0; i < this.extras.length; i++) {
      const extra = this.extras[i]!;
      const cell = cells[extra.index];
      if (cell === undefined) continue;
      const text = clean(cell);
      if (text === "") continue;
      (attributes ??= Object.create(null) as Record<string, string>)[extra.name] = text; // a header is data: a column "__proto__" is kept
    }
    this.rows.push(this.format.build(values, attributes ?? EMPTY, line));
  }

  /** Ends the read and returns its result. */
  finish(): ReadResult<R> {
    // the empty "row" after the file's final line break is not a blank line
    if (this.lastWasEmpty) {
      this.blankLines--;
      this.lastWasEmpty = false;
    }
    if (this.header === undefined) {
      const message = this.blankLines > 0 ? "the file has only blank lines: there is no header and no data" : "the file is empty: there is no header and no data";
      throw fileLevelError([{ path: ["file"], code: "empty_file", message }], message);
    }
    if (this.total === 0) this.warnings.push("the file has a header but no data rows");
    if (this.shortRows > 0) {
      const k = this.header!.length - this.shortestRow;
      const cols = k === 1 ? "1 column with no name" : `${k} columns with no name`;
      this.warnings.push(
        `the header ends with ${cols} (as Excel saves formatted empty columns); ${this.shortRows} row${this.shortRows === 1 ? "" : "s"} stopped before ${k === 1 ? "it" : "them"} and ${this.shortRows === 1 ? "was" : "were"} read as ${this.shortRows === 1 ? "it is" : "they are"}`,
      );
    }
    return {
      rows: trust(this.rows),
      errors: this.errors,
      stats: { total: this.total, parsed: this.rows.length, failed: this.failed, blankLines: this.blankLines },
      columns: this.matches,
      unknownColumns: this.extras.map((e) => e.name),
      encoding: this.encoding,
      warnings: this.warnings,
    };
  }
}

const EMPTY: Attributes = Object.freeze({});

/** A cell's text, trimmed and with an export's formula guard removed; no new string when there is nothing to do (the usual case). */
function clean(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(n - 1);
  // trim() only when an end could be white space (ASCII controls and space, or any non-ASCII character)
  const text = first <= 32 || last <= 32 || first >= 0x80 || last >= 0x80 ? raw.trim() : raw;
  return text.charCodeAt(0) === 39 ? restoreFormula(text) : text;
}

/** A header cell with no name (white space, or an export's formula guard around nothing). */
function blankHeader(cell: string): boolean {
  return restoreFormula(cell.replace(/^\uFEFF/, "").trim()) === "";
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== "") return false;
  return true;
}
