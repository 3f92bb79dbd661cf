import { DistrictKitError, type FiscalCalendar, fiscalYearOf, guardInput, parseInput, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import type { CsvFormat, FieldSpec } from "../csvFormat.js";
import { decodeText, type TextEncodingName, type TextInput } from "../decode.js";
import { parseDateText } from "../internal/cells.js";
import { guard } from "../internal/guard.js";
import { detectDelimiter, tokenize } from "../internal/papa.js";
import { fileLevelError, RowReader } from "../internal/rowReader.js";
import type { ColumnMatch, ReadStats, RowError } from "../readResult.js";
import { isBadAmount, parseCents } from "./amount.js";
import { type LedgerOptions, ledgerOptionsSchema } from "./schema.js";

/**
 * One data row of a ledger or actuals file, as read: its line, account string, fiscal year,
 * period and amounts in whole cents (see {@link ledgerRow}; a {@link LedgerTable} keeps its rows
 * as columns).
 *
 * @category Ledger
 */
export interface LedgerRow {
  /** The line of the file where the row starts. */
  readonly line: number;
  /** The account string; for a file with one column per segment, the segments joined by U+001F in {@link LedgerTable.segmentColumns} order. */
  readonly account: string;
  /** The fiscal year, or 0 when the file does not say (the mapping's year segment or an option may). */
  readonly fiscalYear: number;
  /** The fiscal period (1 = first month of the fiscal year), or 0 when the row has none. */
  readonly period: number;
  /** Budget amount (ledger) or posted amount (actuals), in cents. */
  readonly amount: number;
  /** Encumbered amount in cents (actuals; 0 otherwise). */
  readonly encumbered: number;
  readonly description: string | null;
}

/**
 * A total row of the file (`Total`, `Grand Total`, `Fund 100 Total`…): the file's own figure to tie out to.
 *
 * @category Ledger
 */
export interface ControlTotalRow {
  readonly line: number;
  readonly label: string;
  readonly fiscalYear: number;
  readonly amount: number;
  readonly encumbered: number;
}

/**
 * A ledger or actuals file read into rows (step 1 of {@link readLedger} / {@link readActuals}):
 * plain, structured-cloneable data, so a Web Worker can read a file once and map it again on every
 * change of the mapping ({@link mapLedger}).
 *
 * @category Ledger
 */
export interface LedgerTable {
  /** `budget` (a budget or GL export) or `actuals` (posted and encumbered by period). */
  readonly kind: "budget" | "actuals";
  readonly file: string | null;
  /** Data rows read: the length of every row column below (row `i` is {@link ledgerRow}`(table, i)`). */
  readonly rowCount: number;
  /** The line of the file where each row starts. */
  readonly line: readonly number[];
  /** Each row's account string (for a file with one column per segment, the segments joined by U+001F in {@link LedgerTable.segmentColumns} order). */
  readonly account: readonly string[];
  /** Each row's fiscal year, or 0 when the file does not say. */
  readonly fiscalYear: readonly number[];
  /** Each row's fiscal period (1 = first month of the fiscal year), or 0. */
  readonly period: readonly number[];
  /** Each row's budget (ledger) or posted (actuals) amount, in cents. */
  readonly amount: readonly number[];
  /** Each row's encumbered amount, in cents. */
  readonly encumbered: readonly number[];
  readonly description: readonly (string | null)[];
  readonly controlTotals: readonly ControlTotalRow[];
  /** Rows that could not be read (an amount that is text, an unknown period…), with line, column and reason. */
  readonly errors: readonly RowError[];
  readonly stats: ReadStats;
  readonly columns: readonly ColumnMatch[];
  /** The header of the account column, or null when the account is built from segment columns. */
  readonly accountColumn: string | null;
  /** Segment names of the segment columns, in the order their values are joined (empty with an account column). */
  readonly segmentColumns: readonly string[];
  /** The header of each amount column: `amount` (or `posted`) and `encumbered`. */
  readonly amountColumns: { readonly amount: string; readonly encumbered: string | null };
  readonly calendar: FiscalCalendar;
  /** The file's total given in the options (`controlTotal`), in cents, or null. */
  readonly controlTotal: number | null;
  readonly encoding: TextEncodingName;
  readonly warnings: readonly string[];
}

const KNOWN_SEGMENTS = ["fund", "function", "object", "location", "program", "resource", "goal", "project", "school", "site", "department", "level", "year"];

const f = (key: string, header: string, aliases: readonly string[]): FieldSpec => ({ key, header, kind: "text", aliases });

function fields(kind: "budget" | "actuals", segments: Readonly<Record<string, string>> | undefined): FieldSpec[] {
  const out: FieldSpec[] = [
    f("account", "Account", [
      "Account Number",
      "Account No",
      "Account String",
      "Account Code",
      "GL Account",
      "GL Account Number",
      "GL Acct",
      "Acct",
      "Acct Number",
      "Full Account",
      "Account ID",
      "Account Key",
    ]),
    f("fiscalYear", "Fiscal Year", ["FY", "Year", "Budget Year", "Fiscal Yr", "FYear"]),
    f("period", "Period", ["Fiscal Period", "Accounting Period", "Posting Period", "Month", "Per", "Fiscal Month"]),
    f("date", "Date", ["Posting Date", "Posted Date", "Transaction Date", "GL Date", "Effective Date", "Trans Date"]),
    kind === "budget"
      ? f("amount", "Amount", ["Budget", "Budget Amount", "Adopted Budget", "Revised Budget", "Current Budget", "Amended Budget", "Original Budget", "Approved Budget", "Working Budget"])
      : f("amount", "Posted", ["Actual", "Actuals", "Actual Amount", "Posted Amount", "Expended", "Expenditures", "Expense", "Amount", "Net Amount"]),
    f("encumbered", "Encumbered", ["Encumbrance", "Encumbrances", "Outstanding Encumbrances", "Encumbrance Amount", "Encumbered Amount", "Open Encumbrances"]),
    f("debit", "Debit", ["Debits", "Debit Amount", "Dr"]),
    f("credit", "Credit", ["Credits", "Credit Amount", "Cr"]),
    f("description", "Description", ["Account Description", "Account Name", "Account Title", "Title", "Memo", "Line Description"]),
  ];
  const segs = segments ?? Object.fromEntries(KNOWN_SEGMENTS.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)]));
  for (const [name, head] of Object.entries(segs))
    out.push(
      f(
        `seg:${name}`,
        head,
        segments
          ? []
          : name === "location"
            ? ["Loc", "Location Code"]
            : name === "object"
              ? ["Object Code", "Obj"]
              : name === "function"
                ? ["Function Code", "Func"]
                : name === "fund"
                  ? ["Fund Code"]
                  : [],
      ),
    );
  return out;
}

const FY_TEXT = /^(?:FY\s?)?(\d{4})$/i;
const FY_SPAN = /^(?:FY\s?)?(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/i;
const FY_SHORT = /^FY\s?(\d{2})$/i;
const PERIOD_NUM = /^(?:P|PER|PERIOD)?\s*0?(\d{1,2})$/i;
const MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s-]+(\d{4})$/i;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_SLASH_YEAR = /^(\d{1,2})[-/](\d{4})$/;

function isFourDigits(t: string): boolean {
  for (let i = 0; i < 4; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** Whether a text may say "total" (a t in it): the regex only then. */
const mayBeTotal = (t: string): boolean => (t.includes("t") || t.includes("T")) && /\btotals?\b/i.test(t);

/** @internal A fiscal-year cell: `2027`, `FY2027`, `FY27`, `2026-27`, `2026-2027` (a span names the year it ends in under an end-labelled calendar). */
export function parseFiscalYear(text: string, cal: FiscalCalendar): number | undefined {
  if (text.length === 4 && isFourDigits(text)) return Number(text); // the common cell, without a regex
  let m = FY_TEXT.exec(text);
  if (m) return Number(m[1]);
  m = FY_SHORT.exec(text);
  if (m) return 2000 + Number(m[1]);
  m = FY_SPAN.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = m[2]!.length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (b !== a + 1) return undefined;
    return cal.label === "end" || cal.startMonth === 1 ? b : a;
  }
  return undefined;
}

/** @internal The period of a calendar month. */
export function periodOfMonth(month: number, cal: FiscalCalendar): number {
  return ((month - cal.startMonth + 12) % 12) + 1;
}

/** A period cell: a fiscal period number (`3`, `P03`), or a month with its year (`2026-09`, `Sep 2026`, `09/2026`). */
function parsePeriod(text: string, cal: FiscalCalendar): { period: number; fiscalYear: number } | undefined {
  let m = PERIOD_NUM.exec(text);
  if (m) {
    const p = Number(m[1]);
    return p >= 1 && p <= 12 ? { period: p, fiscalYear: 0 } : undefined;
  }
  let year: number | undefined;
  let month: number | undefined;
  m = YEAR_MONTH.exec(text);
  if (m) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = MONTH_SLASH_YEAR.exec(text))) [month, year] = [Number(m[1]), Number(m[2])];
  else if ((m = MONTH_YEAR.exec(text))) {
    const k = m[1]!.toLowerCase();
    month = MONTHS[k.length > 4 ? k.slice(0, 3) : k];
    year = Number(m[2]);
  }
  if (year === undefined || month === undefined || month < 1 || month > 12) return undefined;
  const day = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  return { period: periodOfMonth(month, cal), fiscalYear: fiscalYearOf(day, cal) };
}

/** What the row reader keeps per row: nothing (the rows go to column arrays, total rows to their own list). */
const ROW = Object.freeze({});
type Built = typeof ROW;

/** @internal The read of a file's rows (CSV tokens or a spreadsheet's cells) into a ledger table. */
export class LedgerTableReader {
  readonly reader: RowReader<Built>;
  private readonly cal: FiscalCalendar;
  // the row being read, between check() and build() (no object per row)
  private pAccount = "";
  private pYear = 0;
  private pPeriod = 0;
  private pAmount = 0;
  private pEncumbered = 0;
  readonly cols = {
    line: [] as number[],
    account: [] as string[],
    fiscalYear: [] as number[],
    period: [] as number[],
    amount: [] as number[],
    encumbered: [] as number[],
    description: [] as (string | null)[],
  };
  readonly settings: z.output<typeof ledgerOptionsSchema>;

  constructor(
    readonly kind: "budget" | "actuals",
    options: LedgerOptions | undefined,
    encoding: TextEncodingName,
    warnings: readonly string[],
  ) {
    const o = parseInput(ledgerOptionsSchema, options ?? {}, ["options"]);
    this.settings = o;
    this.cal = o.calendar;
    const cols = o.columns ?? {};
    const mapping: Record<string, string> = {};
    for (const k of ["account", "fiscalYear", "period", "date", "amount", "posted", "encumbered", "debit", "credit", "description"] as const) {
      const v = cols[k];
      if (v !== undefined) mapping[k === "posted" ? "amount" : k] = v;
    }
    for (const [name, head] of Object.entries(cols.segments ?? {})) mapping[`seg:${name}`] = head;
    const format: CsvFormat<Built> = {
      name: kind === "budget" ? "budget / general-ledger export" : "actuals export",
      fields: fields(kind, cols.segments),
      check: (v) => this.check(v),
      build: (v, _a, line) => this.build(v, line),
    };
    this.reader = new RowReader(format, { mapping, dateOrder: o.dateOrder, file: o.file }, encoding, warnings);
  }

  private check(v: Readonly<Record<string, unknown>>): { field: string; reason: string } | undefined {
    const cal = this.cal;
    let fiscalYear = this.settings.fiscalYear ?? 0;
    let period = 0;
    if (v.fiscalYear !== undefined) {
      const y = parseFiscalYear(v.fiscalYear as string, cal);
      if (y === undefined) return { field: "fiscalYear", reason: `${JSON.stringify(v.fiscalYear)} is not a fiscal year (expected e.g. 2027, FY2027 or 2026-27)` };
      fiscalYear = y;
    }
    if (v.period !== undefined) {
      const p = parsePeriod(v.period as string, cal);
      if (p === undefined) return { field: "period", reason: `${JSON.stringify(v.period)} is not a period (expected 1–12 for the fiscal month, or a month such as 2026-09 or Sep 2026)` };
      period = p.period;
      if (p.fiscalYear !== 0) {
        if (v.fiscalYear !== undefined && p.fiscalYear !== fiscalYear)
          return { field: "period", reason: `the month ${JSON.stringify(v.period)} lies in FY${p.fiscalYear}, but the row's fiscal year is ${fiscalYear}` };
        fiscalYear = p.fiscalYear;
      }
    }
    if (v.date !== undefined) {
      const d = parseDateText(v.date as string, this.settings.dateOrder, false);
      if (d === undefined) return { field: "date", reason: `${JSON.stringify(v.date)} is not a date (expected YYYY-MM-DD or ${this.settings.dateOrder === "mdy" ? "M/D/YYYY" : "D/M/YYYY"})` };
      const fy = fiscalYearOf(d, cal);
      if (v.fiscalYear !== undefined && fy !== fiscalYear) return { field: "date", reason: `${d} lies in FY${fy}, but the row's fiscal year is ${fiscalYear}` };
      fiscalYear = fy;
      if (period === 0) period = periodOfMonth(Number(d.slice(5, 7)), cal);
    }
    let amount = 0;
    let any = false;
    for (const key of ["amount", "debit", "credit"] as const) {
      const t = v[key];
      if (t === undefined) continue;
      const c = parseCents(t as string);
      if (isBadAmount(c)) return { field: key, reason: c.reason };
      amount += key === "credit" ? -c : c;
      any = true;
    }
    let encumbered = 0;
    if (v.encumbered !== undefined) {
      const c = parseCents(v.encumbered as string);
      if (isBadAmount(c)) return { field: "encumbered", reason: c.reason };
      encumbered = c;
      any = true;
    }
    if (!any) return { field: "amount", reason: "has no amount (the cell is empty)" };
    if (this.kind === "actuals" && period === 0) return { field: "period", reason: "has no period (an actuals row needs its month: a Period or Date cell)" };
    let account = (v.account as string | undefined) ?? "";
    if (account === "" && this.segmentKeys.length > 0) {
      const parts = this.segmentKeys.map((k) => (v[k] as string | undefined) ?? "");
      account = parts.every((p) => p === "") ? "" : parts.join("\u001f");
    }
    this.pAccount = account;
    this.pYear = fiscalYear;
    this.pPeriod = period;
    this.pAmount = amount;
    this.pEncumbered = encumbered;
    return undefined;
  }

  private segmentKeys: string[] = [];
  /** The file's total rows. */
  readonly totals: ControlTotalRow[] = [];

  /** The segment fields whose values make the account when there is no account column. */
  setSegmentKeys(keys: string[]): void {
    this.segmentKeys = keys;
  }

  /** The segment names, in the order their values are joined. */
  segmentNames(): string[] {
    return this.segmentKeys.map((k) => k.slice(4));
  }

  private build(v: Readonly<Record<string, unknown>>, line: number): Built {
    const description = (v.description as string | undefined) ?? null;
    const account = this.pAccount;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: U+001F (unit separator) is what joins repeated account columns
    const acc = account.includes("\u001f") ? account.replace(/\u001f/g, " ").trim() : account.trim();
    if ((acc === "" && description !== null && mayBeTotal(description)) || (acc !== "" && mayBeTotal(acc))) {
      this.totals.push({ line, label: acc !== "" ? acc : description!.trim(), fiscalYear: this.pYear, amount: this.pAmount, encumbered: this.pEncumbered });
      return ROW;
    }
    const c = this.cols;
    c.line.push(line);
    c.account.push(account);
    c.fiscalYear.push(this.pYear);
    c.period.push(this.pPeriod);
    c.amount.push(this.pAmount);
    c.encumbered.push(this.pEncumbered);
    c.description.push(description);
    return ROW;
  }
}

/** @internal Ends a read: the table, or a file-level error when the columns cannot make rows. */
export function finishTable(t: LedgerTableReader): LedgerTable {
  const result = t.reader.finish();
  const has = (key: string): ColumnMatch | undefined => result.columns.find((c) => c.field === key);
  const account = has("account");
  const segs = result.columns.filter((c) => c.field.startsWith("seg:"));
  if (!account && segs.length === 0) {
    throw fileLevelError(
      [
        {
          path: ["header", "account"],
          code: "missing_column",
          message: `the ${t.kind === "budget" ? "ledger" : "actuals"} file needs an account column (a header such as "Account", "Account Number" or "GL Account") or one column per segment (Fund, Function, Object…); name it in options.columns`,
        },
      ],
      "cannot read the file: no account column",
    );
  }
  if (!has("amount") && !has("debit") && !has("credit") && !has("encumbered")) {
    throw fileLevelError(
      [
        {
          path: ["header", "amount"],
          code: "missing_column",
          message: `the file needs an amount column (${t.kind === "budget" ? '"Amount", "Budget", "Revised Budget"' : '"Posted", "Actual", "Expended"'}, or Debit and Credit); name it in options.columns.${t.kind === "budget" ? "amount" : "posted"}`,
        },
      ],
      "cannot read the file: no amount column",
    );
  }
  if (t.kind === "actuals" && !has("period") && !has("date")) {
    throw fileLevelError(
      [
        {
          path: ["header", "period"],
          code: "missing_column",
          message: 'the actuals file needs a period column ("Period", "Month", "Fiscal Period") or a date column ("Posting Date"); name it in options.columns',
        },
      ],
      "cannot read the file: no period column",
    );
  }
  const totals = t.totals;
  const c = t.cols;
  const amountHeader = has("amount")?.header ?? [has("debit")?.header, has("credit")?.header].filter(Boolean).join(" − ");
  return {
    kind: t.kind,
    file: t.settings.file ?? null,
    rowCount: c.line.length,
    ...c,
    controlTotals: totals,
    errors: result.errors,
    stats: result.stats,
    columns: result.columns,
    accountColumn: account?.header ?? null,
    segmentColumns: account ? [] : t.segmentNames(),
    amountColumns: { amount: amountHeader || (has("encumbered") ? "(none)" : ""), encumbered: has("encumbered")?.header ?? null },
    calendar: t.settings.calendar,
    controlTotal: t.settings.controlTotal === undefined ? null : t.settings.controlTotal.toCents(),
    encoding: result.encoding,
    warnings: result.warnings,
  };
}

/**
 * @internal Segment columns can only be known after the header: the reader takes the segment
 * values in field order; the table names them in that order.
 */
export function segmentKeysOf(kind: "budget" | "actuals", options: LedgerOptions | undefined): string[] {
  const segs = options?.columns?.segments;
  return fields(kind, segs)
    .filter((x) => x.key.startsWith("seg:"))
    .map((x) => x.key);
}

/**
 * Reads a budget / general-ledger export or an actuals export into a {@link LedgerTable} (step 1;
 * {@link mapLedger} is step 2): the header is matched ignoring case and spaces (or by
 * `options.columns`), every row becomes a {@link LedgerRow} or a row error with its line, column
 * and reason (an amount that is text, a period that is not a month), and total rows (`Total`,
 * `Grand Total`) are kept apart as the file's own totals. Amounts are read to the cent from
 * `1234.56`, `1,234.56`, `$1,234.56`, `(1,234.56)`, `1234.56-` and `1234.56 CR` (negatives); a
 * third decimal is refused, never rounded.
 *
 * @param kind - `budget` (amount per account and year) or `actuals` (posted and encumbered per account and period)
 * @param input - the file as text, bytes or an ArrayBuffer
 * @param options - columns, fiscal year, calendar, control total (see {@link ledgerOptionsSchema})
 * @returns the rows, the total rows and the errors; the counts add up (`total = parsed + failed`)
 * @throws DistrictKitError when the file cannot be read (empty, binary, no account or amount column)
 * @example
 * ```ts
 * const t = parseLedger("budget", "Account,Fiscal Year,Amount\n100-2230-734-000-100,2027,\"1,200.00\"\n100-2230-735-000-100,2027,(50.00)\n100-2230-650-000-100,2027,n/a\nTotal,,1150.00");
 * t.amount; // => [120000, -5000]
 * t.controlTotals[0]?.amount; // => 115000
 * t.errors[0]?.message; // => "line 4, Amount: \"n/a\" is not an amount (expected e.g. 1234.56, 1,234.56, (12.00) or 12.00-)"
 * ```
 * @category Ledger
 */
export function parseLedger(kind: "budget" | "actuals", input: TextInput, options?: LedgerOptions): LedgerTable {
  // the file name is read from the caller's options under the one rule too (a getter or a Proxy)
  const file = guardInput(() => options?.file, ["options", "file"]);
  return guard(typeof file === "string" ? file : "file", () => {
    if (kind !== "budget" && kind !== "actuals")
      throw fileLevelError([{ path: ["kind"], code: "invalid_kind", message: `expected "budget" or "actuals", got ${JSON.stringify(kind)}` }], "unknown kind of file");
    const decoded = decodeText(input);
    const t = new LedgerTableReader(kind, options, decoded.encoding, decoded.warnings);
    t.setSegmentKeys(segmentKeysOf(kind, options));
    tokenize(t.reader, decoded.text, t.settings.delimiter ?? detectDelimiter(decoded.text));
    return finishTable(t);
  });
}

/**
 * Row `i` of a ledger table as one object.
 *
 * @param table - a table from {@link parseLedger}
 * @param i - the row's index (0 to `rowCount − 1`)
 * @returns the row
 * @throws DistrictKitError when `i` is not a row of the table
 * @example
 * ```ts
 * const t = parseLedger("budget", "Account,FY,Budget\n100-2230-734-000-100,2027,12.50");
 * ledgerRow(t, 0); // => { "line": 2, "account": "100-2230-734-000-100", "fiscalYear": 2027, "period": 0, "amount": 1250, "encumbered": 0, "description": null }
 * ```
 * @category Ledger
 */
export function ledgerRow(table: LedgerTable, i: number): LedgerRow {
  // the table is the caller's object: a getter or a Proxy trap that throws is wrapped (cause kept)
  return guardInput(() => {
    if (table === null || typeof table !== "object" || !Array.isArray(table.account) || !Number.isInteger(table.rowCount))
      throw DistrictKitError.argument(["table"], "expected a table read by parseLedger");
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= table.rowCount)
      throw DistrictKitError.argument(["i"], `expected a row index from 0 to ${table.rowCount - 1}, got ${typeof i === "number" ? String(i) : typeof i}`);
    const row = {
      line: table.line[i],
      account: table.account[i],
      fiscalYear: table.fiscalYear[i],
      period: table.period[i],
      amount: table.amount[i],
      encumbered: table.encumbered[i],
      description: table.description[i] ?? null,
    };
    // the table may have been changed since parseLedger made it: a cell that is not what parseLedger
    // writes (NaN, Infinity, a fraction of a cent) is refused at its column and row, never returned
    const checked = safeParseInput(ledgerRowSchema, row);
    if (!checked.success)
      throw new DistrictKitError(
        "INVALID_ARGUMENT",
        checked.error.issues.map((issue) => ({ path: ["table", ...issue.path, i], code: issue.code, message: issue.message })),
        "expected a table read by parseLedger",
        // a cell that is a caller's throwing getter or Proxy: its error stays the cause (the one rule)
        checked.error.cause === undefined ? undefined : { cause: checked.error.cause },
      );
    return checked.data;
  }, ["table"]);
}

/** A row as {@link parseLedger} writes it (whole cents, whole numbers). */
const ledgerRowSchema = z.object({
  line: z.number().int(),
  account: z.string(),
  fiscalYear: z.number().int(),
  period: z.number().int(),
  amount: z.number().int(),
  encumbered: z.number().int(),
  description: z.string().nullable(),
});
