import type { FundInput, LineItemInput } from "@districtkit/budget";
import { signal } from "@preact/signals";
import { toEngineScenario } from "../../lib/budgetModel.js";
import { modelFrom } from "../../lib/budgetRun.js";
import {
  formatOf,
  type GridContext,
  generalFundOf,
  itemsFromRows,
  loadPreset,
  type MappingPresetId,
  planRows,
  problemCount,
  rowsFromItems,
  type StoredFile,
  schoolRowsFrom,
  schoolsFromRows,
  validateRows,
  validateSchools,
} from "../../lib/ledgerImport.js";
import { datasets, reloadSample, setImported } from "../../lib/sample.js";
import { type BudgetImport, budgetImport, emptyImport, updateImport } from "../../state/budgetImport.js";
import { appState } from "../../state/store.js";
import { engineWorker } from "../../worker/client.js";
import type { LedgerFileSummary, LedgerKind } from "../../worker/ledgerTasks.js";

// What the steps of "Import your budget" do: read a file (in the worker), map it, make the line
// items, use them in the Budget tab, export. The view's components call these.

/** A file read in the worker: its summary, or why it could not be read (with its headers when known). */
export type OpenFile = { ok: true; summary: LedgerFileSummary } | { ok: false; problems: string[]; headers: string[]; sheets: string[] };

/** The ledger and actuals files as read in the worker this session (read again from the kept bytes after a reload). */
export const openFiles = signal<Partial<Record<LedgerKind, OpenFile>>>({});
/** The file the mapping step shows (the one chosen last). */
export const mapKind = signal<LedgerKind>("budget");
/** True while the worker reads or maps. */
export const busy = signal<string | null>(null);

const fileKey = (kind: LedgerKind): "budgetFile" | "actualsFile" => (kind === "budget" ? "budgetFile" : "actualsFile");

/** The funds of the budget in use (the sample's, or an earlier import's): the mapping's funds must be among them. */
export function fundsInUse(): FundInput[] {
  return ((datasets.value.budget?.data as { funds?: FundInput[] } | undefined)?.funds ?? []) as FundInput[];
}

/** The schools of the import (as edited), or of the district in use. */
export function schoolRowsNow(s: BudgetImport = budgetImport.value) {
  return s.schools ?? schoolRowsFrom(datasets.value.district?.data);
}

/** The horizon's fiscal years. */
export function horizonYears(s: BudgetImport = budgetImport.value): number[] {
  return s.horizon ? Array.from({ length: s.horizon.years }, (_, i) => s.horizon!.firstYear + i) : [];
}

const BUILT_IN = ["hardware", "software", "network", "professional-development", "support-staff", "services", "other"];

/** What the grid is checked against. */
export function gridContext(s: BudgetImport = budgetImport.value): GridContext {
  const schools = schoolRowsNow(s).map((r) => ({ id: r.id, name: r.name }));
  return { years: horizonYears(s), categories: [...new Set([...BUILT_IN, ...s.categories])], schools, funds: fundsInUse() };
}

/** Open a kept ledger or actuals file in the worker (a copy of its bytes crosses: the kept ones stay here). */
export async function openInWorker(kind: LedgerKind, file: StoredFile): Promise<OpenFile> {
  busy.value = `Reading ${file.name}…`;
  try {
    const r = await engineWorker().ledgerOpen(kind, {
      name: file.name,
      bytes: file.bytes.slice(0),
      format: file.format,
      ...(Object.keys(file.columns).length ? { columns: file.columns } : {}),
      ...(file.fiscalYear !== undefined ? { fiscalYear: file.fiscalYear } : {}),
      ...(file.sheet !== undefined ? { sheet: file.sheet } : {}),
    });
    const open: OpenFile = r.ok ? { ok: true, summary: r.value } : { ok: false, problems: r.problems, headers: r.headers ?? [], sheets: r.sheets ?? [] };
    openFiles.value = { ...openFiles.value, [kind]: open };
    return open;
  } finally {
    busy.value = null;
  }
}

/**
 * Keep a chosen ledger or actuals file and read it; the mapping starts from `preset` when none is
 * chosen yet. Opens the mapping step.
 */
export async function chooseLedgerFile(kind: LedgerKind, name: string, bytes: ArrayBuffer, preset: MappingPresetId = "nces"): Promise<void> {
  const file: StoredFile = { name, format: formatOf(name), bytes, columns: {} };
  const mapping = budgetImport.value.mapping ?? { preset, edited: false, value: await loadPreset(preset) };
  mapKind.value = kind;
  updateImport((s) => ({ ...s, [fileKey(kind)]: file, mapping, step: "map", ...(kind === "budget" ? { source: "ledger" as const } : {}) }));
  await openInWorker(kind, file);
}

/** Read the budget template (CSV or XLSX) into the grid; its years become the horizon. */
export async function chooseTemplate(name: string, bytes: ArrayBuffer): Promise<string[]> {
  busy.value = `Reading ${name}…`;
  try {
    const file: StoredFile = { name, format: formatOf(name), bytes, columns: {} };
    const r = await engineWorker().templateRead({ name, bytes: bytes.slice(0), format: file.format });
    if (!r.ok) return r.problems;
    const items = r.value.lineItems as LineItemInput[];
    if (items.length === 0) return [`${name} has no line item that could be read`, ...r.value.errors.slice(0, 20).map((e) => e.message)];
    const years = items.flatMap((i) => (i.kind === "series" ? Object.keys(i.amounts).map(Number) : i.kind === "one-time" ? [i.year] : []));
    const first = Math.min(...years);
    const last = Math.max(...years);
    const funds = fundsInUse();
    updateImport((s) => ({
      ...s,
      source: "template",
      budgetFile: file,
      horizon: { firstYear: first, years: last - first + 1, carryForward: false },
      name: s.name || `Budget from ${name}`,
      rows: rowsFromItems(items, generalFundOf(funds)),
      categories: [...new Set(items.map((i) => i.category).filter((c) => !BUILT_IN.includes(c)))],
      notes: r.value.errors.slice(0, 50).map((e) => e.message),
      historyPlan: [],
      budgetRead: {
        explanation: `${name}: ${r.value.rows} rows, ${items.length} line items over FY${first}–FY${last}${r.value.errorCount ? `, ${r.value.errorCount} rows refused (listed below)` : ""}.`,
        tieOut: [],
      },
      schools: s.schools ?? schoolRowsFrom(datasets.value.district?.data),
      applied: s.applied === "yes" ? "changed" : s.applied,
      step: "schools",
    }));
    return [];
  } finally {
    busy.value = null;
  }
}

/** Make the grid's line items from the budget file under the mapping and the horizon. */
export async function makeLineItems(): Promise<string[]> {
  const s = budgetImport.value;
  if (!s.mapping || !s.horizon) return ["choose a mapping and the budget's years first"];
  busy.value = "Mapping the ledger…";
  try {
    const funds = fundsInUse();
    const name = s.name || `Budget from ${s.budgetFile?.name ?? "the ledger"}`;
    const r = await engineWorker().ledgerBudget(s.mapping.value, {
      name,
      funds,
      firstYear: s.horizon.firstYear,
      years: s.horizon.years,
      carryForward: s.horizon.carryForward,
      generalFund: generalFundOf(funds),
    });
    if (!r.ok) return r.problems;
    const v = r.value;
    updateImport((x) => ({
      ...x,
      name,
      rows: rowsFromItems(v.lineItems as LineItemInput[], generalFundOf(funds)),
      categories: [...v.categories],
      notes: [...v.notes],
      historyPlan: [...v.historyPlan],
      budgetRead: { explanation: v.explanation, tieOut: v.tieOut.map((t) => ({ column: t.column, fiscalYear: t.fiscalYear, ties: t.ties, explanation: t.explanation })) },
      schools: x.schools ?? schoolRowsFrom(datasets.value.district?.data),
      applied: x.applied === "yes" ? "changed" : x.applied,
      step: "schools",
    }));
    return [];
  } finally {
    busy.value = null;
  }
}

/** Map the actuals file with the same mapping (budget vs actual then uses them). */
export async function mapActuals(): Promise<string[]> {
  const s = budgetImport.value;
  if (!s.mapping) return ["choose a mapping first"];
  busy.value = "Mapping the actuals…";
  try {
    const r = await engineWorker().ledgerActuals(s.mapping.value, generalFundOf(fundsInUse()));
    if (!r.ok) return r.problems;
    const v = r.value;
    updateImport((x) => ({
      ...x,
      actuals: [...v.actuals],
      actualsRead: {
        explanation: v.explanation,
        tieOut: v.tieOut.map((t) => ({ column: t.column, fiscalYear: t.fiscalYear, ties: t.ties, explanation: t.explanation })),
        lastPeriod: { ...v.lastPeriod },
        fiscalYears: [...v.fiscalYears],
      },
      bva: { ...x.bva, fiscalYear: x.bva.fiscalYear ?? (v.fiscalYears.length ? v.fiscalYears[v.fiscalYears.length - 1]! : null) },
    }));
    return [];
  } finally {
    busy.value = null;
  }
}

/** The district and budget the import makes, checked by the budget engine (every problem listed). */
export function assemble(s: BudgetImport = budgetImport.value): { ok: true; district: unknown; budget: unknown; origin: string } | { ok: false; problems: string[] } {
  const ctx = gridContext(s);
  const rows = s.rows ?? [];
  const schoolRows = schoolRowsNow(s);
  const problems: string[] = [];
  const cells = problemCount(validateRows(rows, ctx));
  if (cells > 0) problems.push(`${cells} cell${cells === 1 ? "" : "s"} of the line items need${cells === 1 ? "s" : ""} a look (step 4)`);
  const schoolProblems = validateSchools(schoolRows).reduce((n, p) => n + Object.keys(p).length, 0);
  if (schoolProblems > 0) problems.push(`${schoolProblems} cell${schoolProblems === 1 ? "" : "s"} of the schools need${schoolProblems === 1 ? "s" : ""} a look (step 3)`);
  if (rows.length === 0) problems.push("the budget has no line item");
  if (!s.horizon) problems.push("the budget's years are not set");
  if (problems.length) return { ok: false, problems };
  const baseDistrict = (datasets.value.district?.data ?? {}) as Record<string, unknown>;
  const baseBudget = (datasets.value.budget?.data ?? {}) as Record<string, unknown>;
  // the budget keeps the budget in use's settings (escalators, enrollment, E-Rate, funds); its
  // own custom drivers are left out (they are series of the sample's items, not of these)
  const { lineItems: _l, categories: _c, name: _n, firstYear: _f, years: _y, drivers: _d, ...settings } = baseBudget;
  const district = { ...baseDistrict, schools: schoolsFromRows(schoolRows) };
  const budget = {
    ...settings,
    name: s.name || "Imported budget",
    firstYear: s.horizon!.firstYear,
    years: s.horizon!.years,
    categories: [...s.categories],
    funds: fundsInUse(),
    lineItems: itemsFromRows(rows, ctx),
  };
  const m = modelFrom(district, budget);
  if (!m.ok) return { ok: false, problems: m.problems };
  const files = s.budgetFile?.name ?? "";
  const how = s.source === "template" ? "the budget template" : s.mapping ? `mapped with ${s.mapping.value.name ?? s.mapping.preset}${s.mapping.edited ? " (edited)" : ""}` : "";
  return { ok: true, district, budget, origin: `${files || "the import"}${how ? `, ${how}` : ""}` };
}

/** Use the import in the Budget tab (and every view that reads the district and its budget). */
export function useImport(): { ok: true; text: string } | { ok: false; problems: string[] } {
  const a = assemble();
  if (!a.ok) return a;
  setImported("district", "the Your ledger tab (its schools and enrollment)", a.district);
  setImported("budget", a.origin, a.budget);
  updateImport((s) => ({ ...s, applied: "yes" }));
  const items = (a.budget as { lineItems: unknown[] }).lineItems.length;
  return { ok: true, text: `The Budget tab now projects ${items} line items from ${a.origin}, with ${schoolRowsNow().length} schools.` };
}

/** Forget the import (kept files, mapping, edits); the sample's district and budget come back if the import was in use. */
export async function startOver(): Promise<void> {
  const was = budgetImport.value.applied !== "no";
  budgetImport.value = emptyImport();
  openFiles.value = {};
  const imported = (["district", "budget"] as const).filter((n) => datasets.value[n]?.source === "imported");
  if (was && imported.length) await reloadSample(imported);
}

/** The plan budget vs actual compares with: the ledger's past budgets and the grid's years. */
export function comparisonPlan(s: BudgetImport = budgetImport.value) {
  const years = horizonYears(s);
  return [...s.historyPlan.filter((p) => !years.includes(p.fiscalYear)), ...planRows(s.rows ?? [], years)];
}

/** Save bytes or text as a file on the analyst's machine (a blob: URL; nothing is uploaded). */
export function saveFile(fileName: string, data: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The budget workbook of the budget in use: every scenario (the baseline first), their
 * differences, and budget vs actual when actuals are imported; written in the worker.
 */
export async function exportWorkbook(): Promise<string[]> {
  const district = datasets.value.district?.data;
  const budget = datasets.value.budget?.data;
  const m = modelFrom(district, budget);
  if (!m.ok) return m.problems;
  const s = budgetImport.value;
  busy.value = "Writing the workbook…";
  try {
    const scenarios = appState.value.scenarios.map((sc) => toEngineScenario(sc, m.model));
    const fy = s.bva.fiscalYear;
    const actuals = s.actuals && fy !== null ? { fiscalYear: fy, plan: comparisonPlan(s), actuals: [...s.actuals], projection: s.bva.projection } : undefined;
    const r = await engineWorker().budgetWorkbook({
      district,
      budget,
      scenarios: JSON.parse(JSON.stringify(scenarios)),
      title: String((budget as { name?: string }).name ?? "Budget"),
      ...(actuals ? { actuals } : {}),
    });
    if (!r.ok) return r.problems;
    saveFile("districtkit-budget.xlsx", r.value, XLSX);
    return [];
  } finally {
    busy.value = null;
  }
}

/** The budget in use as the DistrictKit budget template (CSV or .xlsx). */
export async function exportTemplate(format: "csv" | "xlsx"): Promise<string[]> {
  const r = await engineWorker().templateExport(datasets.value.district?.data, datasets.value.budget?.data, format);
  if (!r.ok) return r.problems;
  if (format === "csv") saveFile("districtkit-budget-template.csv", r.value.csv ?? "", "text/csv");
  else saveFile("districtkit-budget-template.xlsx", r.value.bytes ?? new Uint8Array(), XLSX);
  return [];
}
