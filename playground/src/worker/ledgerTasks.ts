import {
  type AccountMappingInput,
  type BudgetVsActualResult,
  budgetVsActual,
  CALIFORNIA_SACS_MAPPING,
  type ForecastAccuracyResult,
  type FundInput,
  forecastAccuracy,
  type LineItemInput,
  NCES_TECHNOLOGY_MAPPING,
  prepareBudget,
  projectBudget,
  type RestrictedBalancesResult,
  restrictedFundBalances,
  type ScenarioInput,
} from "@districtkit/budget";
import {
  budgetFromLedger,
  budgetTemplateFromProjection,
  decodeText,
  type LedgerImport,
  type LedgerIssue,
  type LedgerOptions,
  type LedgerPreview,
  type LedgerTable,
  type LedgerTieOut,
  mapLedger,
  parseLedger,
  previewLedger,
  type RowError,
  readBudgetTemplate,
  writeBudgetTemplate,
} from "@districtkit/io";
import Papa from "papaparse";
import { type Plain, plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";

// "Import your budget" (issue 16), the worker's side: a ledger or actuals file is read once
// (parseLedger, or parseLedgerXlsx with ExcelJS loaded here on first use), kept here as its plain
// column table, and mapped again on every edit of the account mapping (previewLedger / mapLedger)
// without sending the rows back and forth. The XLSX library never reaches the main thread.

export type LedgerKind = "budget" | "actuals";
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A file as the view sends it: its name, bytes, and how to read it. */
export interface LedgerFileInput {
  readonly name: string;
  readonly bytes: ArrayBuffer;
  readonly format: "csv" | "xlsx";
  /** Column names the reader does not know (`ledgerColumnsSchema`). */
  readonly columns?: LedgerOptions["columns"];
  /** The fiscal year of every row, for a file without a year column. */
  readonly fiscalYear?: number;
  readonly sheet?: string;
}

/** What the view shows once a file is read: its headers, the columns found, the row errors. */
export interface LedgerFileSummary {
  readonly kind: LedgerKind;
  readonly file: string;
  readonly format: "csv" | "xlsx";
  /** Every header of the file (or sheet), in order. */
  readonly headers: readonly string[];
  /** The sheets of a workbook (empty for CSV). */
  readonly sheets: readonly string[];
  readonly columns: LedgerTable["columns"];
  readonly rowCount: number;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly controlTotals: number;
  readonly fiscalYears: readonly number[];
  readonly warnings: readonly string[];
  /** A few account strings of the file, to describe its layout from. */
  readonly sampleAccounts: readonly string[];
}

const MAX_LIST = 300;
const tables = new Map<LedgerKind, LedgerTable>();

async function attempt<T>(fn: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/** The header row of a CSV file (papaparse on the decoded text's first record). */
function csvHeaders(bytes: ArrayBuffer): string[] {
  const { text } = decodeText(bytes);
  const first = Papa.parse<string[]>(text.slice(0, 65536), { preview: 1, skipEmptyLines: true });
  return (first.data[0] ?? []).map((h) => h.trim()).filter((h) => h !== "");
}

/** The sheets of a workbook and the header row of the chosen (or first) sheet. */
async function xlsxHeaders(bytes: ArrayBuffer, sheet: string | undefined): Promise<{ sheets: string[]; headers: string[] }> {
  const mod = await import("exceljs");
  const Excel = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = (sheet !== undefined ? wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase()) : undefined) ?? wb.worksheets[0];
  const headers: string[] = [];
  if (ws) {
    for (let r = 1; r <= Math.min(ws.rowCount, 20) && headers.length === 0; r++) {
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
        const t = cell.text.trim();
        if (t !== "") headers.push(t);
      });
    }
  }
  return { sheets, headers };
}

/**
 * Read a ledger (budget) or actuals file into a table kept in the worker; returns its headers,
 * the columns found and the rows it could not read. A file-level problem (no account column…)
 * comes back as problems, with the headers when they could be read, so the view can offer them.
 */
export async function ledgerOpen(kind: LedgerKind, input: LedgerFileInput): Promise<Outcome<LedgerFileSummary> & { headers?: string[]; sheets?: string[] }> {
  let headers: string[] = [];
  let sheets: string[] = [];
  try {
    if (input.format === "xlsx") ({ headers, sheets } = await xlsxHeaders(input.bytes, input.sheet));
    else headers = csvHeaders(input.bytes);
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
  const options: LedgerOptions = { file: input.name, ...(input.columns ? { columns: input.columns } : {}), ...(input.fiscalYear !== undefined ? { fiscalYear: input.fiscalYear } : {}) };
  const r = await attempt(async () => {
    if (input.format === "xlsx") {
      const { parseLedgerXlsx } = await import("@districtkit/io/xlsx");
      return parseLedgerXlsx(kind, input.bytes, { ...options, ...(input.sheet !== undefined ? { sheet: input.sheet } : {}) });
    }
    return parseLedger(kind, input.bytes, options);
  });
  if (!r.ok) {
    tables.delete(kind);
    return { ...r, headers, sheets };
  }
  const t = r.value;
  tables.set(kind, t);
  const seen = new Set<string>();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from a file's text on purpose
  for (let i = 0; i < t.rowCount && seen.size < 5; i++) seen.add(t.account[i]!.replace(/\u001f/g, " | "));
  return {
    ok: true,
    value: {
      kind,
      file: input.name,
      format: input.format,
      headers,
      sheets,
      columns: plain(t.columns),
      rowCount: t.rowCount,
      errors: plain(t.errors.slice(0, MAX_LIST)),
      errorCount: t.errors.length,
      controlTotals: t.controlTotals.length,
      fiscalYears: [...new Set(t.fiscalYear.filter((y) => y !== 0))].sort((a, b) => a - b),
      warnings: [...t.warnings],
      sampleAccounts: [...seen],
    },
  };
}

/** A ledger mapped under the mapping being edited: the preview rows, the tie-out, the issues. */
export interface LedgerPreviewOut {
  readonly preview: Plain<LedgerPreview>;
  readonly issues: readonly Plain<LedgerIssue>[];
  readonly issueCount: number;
  readonly fiscalYears: readonly number[];
  readonly extraCategories: readonly string[];
  readonly explanation: string;
}

function tableOf(kind: LedgerKind): LedgerTable {
  const t = tables.get(kind);
  if (!t) throw new Error(`no ${kind === "budget" ? "budget" : "actuals"} file is open: choose it again`);
  return t;
}

/** The first rows classified, the tie-out of the whole file and its issues, under a mapping (run on every edit). */
export function ledgerPreview(kind: LedgerKind, mapping: AccountMappingInput, rows: number): Promise<Outcome<LedgerPreviewOut>> {
  return attempt(() => {
    const t = tableOf(kind);
    const preview = previewLedger(t, mapping, rows);
    const mapped = mapLedger(t, mapping);
    return {
      preview: plain(preview),
      issues: plain(mapped.issues.slice(0, MAX_LIST)),
      issueCount: mapped.issues.length,
      fiscalYears: [...mapped.fiscalYears],
      extraCategories: [...mapped.extraCategories],
      explanation: mapped.explanation,
    };
  });
}

type PlanRowOut = { fund: string; category: string; school: string | null; fiscalYear: number; amount: string };
type ActualRowOut = LedgerImport["actuals"][number];

/** What "make the budget" gives: draft line items for the grid, what was done to them, and the ledger's own figures. */
export interface LedgerBudgetOut {
  readonly lineItems: readonly LineItemInput[];
  readonly categories: readonly string[];
  readonly notes: readonly string[];
  /** The ledger's budget rows before the horizon (past budgets, for forecast accuracy). */
  readonly historyPlan: readonly PlanRowOut[];
  readonly tieOut: readonly Plain<LedgerTieOut>[];
  readonly counts: LedgerImport["counts"];
  readonly fiscalYears: readonly number[];
  readonly explanation: string;
}

/**
 * The budget file mapped into line items over a horizon (`budgetFromLedger`), trimmed to the
 * horizon's years; with `carryForward`, years after the ledger's last repeat its amounts (flat),
 * and the item's notes say so.
 */
export function ledgerBudget(
  mapping: AccountMappingInput,
  options: { name: string; funds: readonly FundInput[]; firstYear: number; years: number; carryForward: boolean; generalFund: string },
): Promise<Outcome<LedgerBudgetOut>> {
  return attempt(() => {
    const ledger = mapLedger(tableOf("budget"), mapping, { generalFund: options.generalFund });
    const { budget, notes } = budgetFromLedger(ledger, { name: options.name, funds: options.funds, firstYear: options.firstYear, years: options.years });
    const first = options.firstYear;
    const last = first + options.years - 1;
    const lastLedgerYear = ledger.fiscalYears.length ? ledger.fiscalYears[ledger.fiscalYears.length - 1]! : first;
    const out: LineItemInput[] = [];
    const dropped: string[] = [];
    for (const raw of budget.lineItems as LineItemInput[]) {
      if (raw.kind !== "series") {
        out.push(raw);
        continue;
      }
      const amounts: Record<string, string> = {};
      for (const [y, v] of Object.entries(raw.amounts)) if (Number(y) >= first && Number(y) <= last) amounts[y] = String(v);
      let carried = 0;
      const from = raw.amounts[String(lastLedgerYear)];
      if (options.carryForward && from !== undefined) {
        for (let y = lastLedgerYear + 1; y <= last; y++) {
          if (y >= first && amounts[String(y)] === undefined) {
            amounts[String(y)] = String(from);
            carried++;
          }
        }
      }
      if (Object.keys(amounts).length === 0) {
        dropped.push(raw.name);
        continue;
      }
      const note = carried > 0 ? `FY${lastLedgerYear + 1}–FY${last} repeat the ledger's FY${lastLedgerYear} amount (carried forward, flat)` : undefined;
      out.push({ ...raw, amounts, ...(note ? { notes: raw.notes ? `${raw.notes}; ${note}` : note } : {}) });
    }
    const allNotes = [...notes];
    if (dropped.length > 0)
      allNotes.push(
        `${dropped.length} line item${dropped.length === 1 ? " has" : "s have"} no amount in FY${first}–FY${last} and ${dropped.length === 1 ? "is" : "are"} left out of the budget (kept in the past budgets for forecast accuracy): ${dropped.slice(0, 6).join("; ")}${dropped.length > 6 ? "; …" : ""}`,
      );
    return {
      lineItems: out,
      categories: [...(budget.categories ?? [])],
      notes: allNotes,
      historyPlan: ledger.plan.filter((p) => p.fiscalYear < first).map((p) => ({ ...p })),
      tieOut: plain(ledger.tieOut),
      counts: { ...ledger.counts },
      fiscalYears: [...ledger.fiscalYears],
      explanation: ledger.explanation,
    };
  });
}

/** The actuals file mapped: posted and encumbered by fund × category × school × year × period. */
export interface LedgerActualsOut {
  readonly actuals: readonly ActualRowOut[];
  readonly lastPeriod: Readonly<Record<string, number>>;
  readonly fiscalYears: readonly number[];
  readonly tieOut: readonly Plain<LedgerTieOut>[];
  readonly counts: LedgerImport["counts"];
  readonly explanation: string;
}

export function ledgerActuals(mapping: AccountMappingInput, generalFund: string): Promise<Outcome<LedgerActualsOut>> {
  return attempt(() => {
    const r = mapLedger(tableOf("actuals"), mapping, { generalFund });
    return {
      actuals: r.actuals.map((a) => ({ ...a })),
      lastPeriod: { ...r.lastPeriod },
      fiscalYears: [...r.fiscalYears],
      tieOut: plain(r.tieOut),
      counts: { ...r.counts },
      explanation: r.explanation,
    };
  });
}

/**
 * A shipped account mapping as editable JSON (a deep copy: the shipped ones are frozen). Here, in
 * the worker, so the main thread's first-load chunk never holds the account-code tables.
 */
export function mappingPreset(id: "nces" | "sacs"): AccountMappingInput {
  return JSON.parse(JSON.stringify(id === "nces" ? NCES_TECHNOLOGY_MAPPING : CALIFORNIA_SACS_MAPPING)) as AccountMappingInput;
}

/** A DistrictKit budget template (CSV or XLSX) read into line items, with every refused row. */
export async function templateRead(input: LedgerFileInput): Promise<Outcome<{ lineItems: readonly LineItemInput[]; errors: readonly RowError[]; errorCount: number; rows: number }>> {
  return attempt(async () => {
    const r = input.format === "xlsx" ? await (await import("@districtkit/io/xlsx")).readBudgetTemplateXlsx(input.bytes) : readBudgetTemplate(input.bytes);
    return { lineItems: plain(r.lineItems) as LineItemInput[], errors: plain(r.errors.slice(0, MAX_LIST)), errorCount: r.errors.length, rows: r.read.stats.total };
  });
}

/** Budget vs actual for a year, the accuracy of past budgets, and restricted balances. */
export interface ActualsReport {
  readonly bva: Plain<BudgetVsActualResult>;
  readonly accuracy: Plain<ForecastAccuracyResult>;
  readonly balances: Plain<RestrictedBalancesResult> | null;
}

export function actualsReport(input: {
  fiscalYear: number;
  plan: readonly PlanRowOut[];
  actuals: readonly ActualRowOut[];
  projection: "seasonal" | "straight-line";
  funds: readonly FundInput[];
  students: number;
}): Promise<Outcome<ActualsReport>> {
  return attempt(() => {
    const bva = budgetVsActual({ fiscalYear: input.fiscalYear, plan: input.plan as never, actuals: input.actuals as never, projection: input.projection });
    const accuracy = forecastAccuracy({ plan: input.plan.filter((p) => p.fiscalYear < input.fiscalYear) as never, actuals: input.actuals.filter((a) => a.fiscalYear < input.fiscalYear) as never });
    // restricted money as of the end of the last month of actuals (posted + encumbered = obligated)
    let balances: Plain<RestrictedBalancesResult> | null = null;
    if (bva.throughMonth !== null && input.funds.some((f) => f.kind !== "general" && f.kind !== "erate")) {
      const [y, m] = bva.throughMonth.split("-").map(Number) as [number, number];
      const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      balances = plain(restrictedFundBalances({ asOf: end, funds: input.funds as never, actuals: input.actuals.filter((a) => a.fiscalYear === input.fiscalYear) as never, students: input.students }));
    }
    return { bva: plain(bva), accuracy: plain(accuracy), balances };
  });
}

function modelOf(district: unknown, budget: unknown) {
  return prepareBudget({ district, budget } as Parameters<typeof prepareBudget>[0]);
}

/** Line items for the budget template: series and one-time items as they are, others from a baseline projection. */
function templateItems(district: unknown, budget: unknown): LineItemInput[] {
  const items = ((budget as { lineItems?: LineItemInput[] }).lineItems ?? []) as LineItemInput[];
  if (items.every((i) => i.kind === "series" || i.kind === "one-time")) return items;
  return budgetTemplateFromProjection(projectBudget(modelOf(district, budget)));
}

/** The budget as the DistrictKit template: CSV text, or .xlsx bytes. */
export async function templateExport(district: unknown, budget: unknown, format: "csv" | "xlsx"): Promise<Outcome<{ csv?: string; bytes?: Uint8Array }>> {
  return attempt(async () => {
    const items = templateItems(district, budget);
    if (format === "csv") return { csv: writeBudgetTemplate(items) };
    const { writeBudgetTemplateXlsx } = await import("@districtkit/io/xlsx");
    return { bytes: await writeBudgetTemplateXlsx(items) };
  });
}

/**
 * The budget workbook: the scenarios projected here (the baseline first), their differences and,
 * with actuals, budget vs actual — every total a live SUM formula (`writeBudgetWorkbook`).
 */
export async function budgetWorkbook(input: {
  district: unknown;
  budget: unknown;
  scenarios: readonly ScenarioInput[];
  title: string;
  actuals?: { fiscalYear: number; plan: readonly PlanRowOut[]; actuals: readonly ActualRowOut[]; projection: "seasonal" | "straight-line" };
}): Promise<Outcome<Uint8Array>> {
  return attempt(async () => {
    const model = modelOf(input.district, input.budget);
    const projections = input.scenarios.map((s) => projectBudget(model, s));
    const bva = input.actuals
      ? budgetVsActual({ fiscalYear: input.actuals.fiscalYear, plan: input.actuals.plan as never, actuals: input.actuals.actuals as never, projection: input.actuals.projection })
      : undefined;
    const { writeBudgetWorkbook } = await import("@districtkit/io/xlsx");
    return writeBudgetWorkbook({ projections, ...(bva ? { budgetVsActual: bva } : {}), title: input.title });
  });
}
