import type { AccountMappingInput, FundInput, LineItemInput } from "@districtkit/budget";

// The playground's side of "Import your budget" (issue 16), as plain functions: the conditions
// of a mapping rule as a person types them, the line-item grid's rows and the validation message
// of each cell, the schools' rows, and the plan rows budget vs actual compares with. Nothing here
// computes an engine result: it turns what the analyst typed into the engines' typed inputs.

/** A mapping rule's conditions: segment → a code, a range, a prefix or a list of them. */
export type When = Readonly<Record<string, string | readonly string[]>>;

const PATTERN = /^(\*|[A-Za-z0-9]+\*?|[A-Za-z0-9]+-[A-Za-z0-9]+)$/;

/**
 * A rule's conditions as one line of text: `function 2580; object 530, 1000-1999`.
 *
 * @example whenToText({ function: "2580", object: ["734", "735"] }) // "function 2580; object 734, 735"
 */
export function whenToText(when: When | undefined): string {
  return Object.entries(when ?? {})
    .map(([seg, p]) => `${seg} ${typeof p === "string" ? p : p.join(", ")}`)
    .join("; ");
}

/**
 * Reads conditions typed as `segment code[, code…]; segment …` (an `=` or `:` after the segment
 * is accepted too). Empty text matches every account. Every problem is named, with the segments
 * the layout has.
 */
export function parseWhen(text: string, segments: readonly string[]): { ok: true; when: Record<string, string | string[]> } | { ok: false; reason: string } {
  const when: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  const parts = text
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z0-9]*)\s*[:=]?\s*(.*)$/.exec(part);
    if (!m) return { ok: false, reason: `"${part}": expected a segment name, then codes (e.g. "object 734, 735")` };
    const seg = m[1]!;
    if (!segments.includes(seg)) return { ok: false, reason: `"${seg}" is not a segment of the layout (it has ${segments.join(", ")})` };
    if (Object.hasOwn(when, seg)) return { ok: false, reason: `"${seg}" is given twice; list its codes once, separated by commas` };
    const codes = m[2]!
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    if (codes.length === 0) return { ok: false, reason: `"${seg}" has no code (e.g. "${seg} 734", a range "2800-2899", a prefix "73*")` };
    const bad = codes.find((c) => !PATTERN.test(c));
    if (bad !== undefined) return { ok: false, reason: `"${bad}" is not a code, a range ("2800-2899"), a prefix ("73*") or "*"` };
    when[seg] = codes.length === 1 ? codes[0]! : codes;
  }
  return { ok: true, when: { ...when } };
}

/** A mapping the analyst chose: a shipped one, or one edited from it. */
export interface MappingChoice {
  readonly preset: MappingPresetId;
  /** True once the analyst changed it (the preset is where it started). */
  readonly edited: boolean;
  readonly value: AccountMappingInput;
}

export const MAPPING_PRESETS = [
  { id: "maple-valley", label: "Maple Valley's chart (NCES layout; the sample ledger's mapping)" },
  { id: "nces", label: "NCES technology codes (most states' charts)" },
  { id: "sacs", label: "California SACS technology codes" },
  { id: "maple-valley-sacs", label: "Maple Valley in California SACS accounts (the sample's second ledger)" },
] as const;
export type MappingPresetId = (typeof MAPPING_PRESETS)[number]["id"];

const ledgerExamples = import.meta.glob<string>("../../../examples/data/ledger/*.{csv,json}", { query: "?raw", import: "default" });

async function exampleText(name: string): Promise<string> {
  const key = Object.keys(ledgerExamples).find((k) => k.endsWith(`/ledger/${name}`));
  if (!key) throw new Error(`the example file ${name} is not in this build`);
  return ledgerExamples[key]!();
}

/** A shipped mapping as editable JSON (a deep copy: the shipped ones are frozen). */
export async function loadPreset(id: MappingPresetId): Promise<AccountMappingInput> {
  // the shipped ones come from the worker: importing the budget package's namespace here would
  // put every export of it (the account-code tables…) in the first-load chunk
  if (id === "nces" || id === "sacs") return (await import("../worker/client.js")).engineWorker().mappingPreset(id);
  return JSON.parse(await exampleText(id === "maple-valley" ? "maple-valley-mapping.json" : "california-sacs-mapping.json")) as AccountMappingInput;
}

/** The sample district's ledger exports (examples/data/ledger/), with the mapping each is read with. */
export const EXAMPLE_LEDGERS = [
  { id: "budget", file: "maple-valley-budget.csv", what: "ledger", label: "Maple Valley's budget export (FY2023–FY2027, NCES accounts)", preset: "maple-valley" },
  { id: "sacs", file: "california-sacs-budget.csv", what: "ledger", label: "Maple Valley's FY2027 budget in California SACS accounts", preset: "maple-valley-sacs" },
  { id: "actuals", file: "maple-valley-actuals.csv", what: "actuals", label: "Maple Valley's actuals (monthly, through December 2026)", preset: "maple-valley" },
] as const;

/** An example ledger file's bytes. */
export async function exampleBytes(file: string): Promise<ArrayBuffer> {
  return new TextEncoder().encode(await exampleText(file)).buffer as ArrayBuffer;
}

// ── Columns

/** The columns of a ledger or actuals file the reader needs, and what each is for. */
export const COLUMN_FIELDS = {
  budget: [
    { key: "account", label: "Account string", hint: "e.g. 100-2230-734-001-100" },
    { key: "fiscalYear", label: "Fiscal year", hint: "2027, FY2027 or 2026-27; leave to the reader, or give the year below" },
    { key: "amount", label: "Budget amount", hint: "Revised Budget, Adopted Budget, Amount…" },
    { key: "description", label: "Description", hint: "optional" },
  ],
  actuals: [
    { key: "account", label: "Account string", hint: "e.g. 100-2230-734-001-100" },
    { key: "fiscalYear", label: "Fiscal year", hint: "optional when the period is a month such as 2026-09" },
    { key: "period", label: "Period or month", hint: "1–12 of the fiscal year, or 2026-09 / Sep 2026" },
    { key: "posted", label: "Posted (expended)", hint: "Expended, Actual, Posted…" },
    { key: "encumbered", label: "Encumbered", hint: "optional" },
  ],
} as const;

/** A file as kept in this browser: its bytes and how to read it. */
export interface StoredFile {
  readonly name: string;
  readonly format: "csv" | "xlsx";
  readonly bytes: ArrayBuffer;
  /** Column names the analyst picked (field → header); the reader finds the others itself. */
  readonly columns: Readonly<Record<string, string>>;
  readonly fiscalYear?: number;
  readonly sheet?: string;
}

export function formatOf(name: string): "csv" | "xlsx" {
  return /\.xlsx$/i.test(name) ? "xlsx" : "csv";
}

// ── The line-item grid

/** One row of the line-item grid: what the analyst sees and types (amounts as typed). */
export interface GridRow {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  /** A school id, or "" for district-wide. */
  readonly school: string;
  /** The fund that pays it (the ledger's fund coding): the general fund or a restricted fund. */
  readonly fund: string;
  readonly eRate: "C1" | "C2" | "ineligible";
  /** Fiscal year → the amount as typed ("" or absent: nothing that year). */
  readonly amounts: Readonly<Record<string, string>>;
  readonly source?: string;
  readonly notes?: string;
}

/** Field of a grid cell: a column name, or `y2027` for an amount. */
export type GridField = "name" | "category" | "school" | "fund" | "eRate" | `y${number}`;

/**
 * An amount as typed: `1234.56`, `1,234.56`, `$1,234.56` (at most two decimals); empty is no
 * amount. A negative or anything else is refused with the reason.
 */
export function parseAmount(text: string): { ok: true; value: string | null } | { ok: false; reason: string } {
  const t = text.trim().replace(/^\$\s*/, "");
  if (t === "") return { ok: true, value: null };
  if (/^-|^\(.*\)$|-$/.test(t)) return { ok: false, reason: `${text.trim()} is below zero: a line item's yearly amount cannot be negative (lower it, or remove the row)` };
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return { ok: false, reason: `"${text.trim()}" is not a dollar amount (e.g. 1234.56 or 1,234.56; at most two decimals)` };
  const plainText = t.replace(/,/g, "").replace(/^0+(?=\d)/, "");
  if (plainText.replace(/\..*$/, "").length > 13) return { ok: false, reason: `${text.trim()} is larger than any budget line` };
  return { ok: true, value: plainText.replace(/\.0*$/, "").replace(/(\.\d*?)0+$/, "$1") };
}

/** The grid's rows of line items (series or one-time) over the horizon's years. */
export function rowsFromItems(items: readonly LineItemInput[], generalFund: string): GridRow[] {
  return items.map((it) => {
    const amounts: Record<string, string> = {};
    if (it.kind === "series") for (const [y, v] of Object.entries(it.amounts)) amounts[y] = String(v);
    else if (it.kind === "one-time") amounts[String(it.year)] = String(it.amount);
    return {
      id: it.id,
      name: it.name,
      category: it.category,
      school: it.school ?? "",
      fund: it.funds?.[0] ?? generalFund,
      eRate: it.eRate ?? "ineligible",
      amounts,
      ...(it.source !== undefined ? { source: it.source } : {}),
      ...(it.notes !== undefined ? { notes: it.notes } : {}),
    };
  });
}

/** What the grid is checked against: the horizon, the categories, schools and funds. */
export interface GridContext {
  readonly years: readonly number[];
  readonly categories: readonly string[];
  readonly schools: readonly { readonly id: string; readonly name: string }[];
  readonly funds: readonly FundInput[];
}

/** Problems of one row, by field (a field with no problem is absent). */
export type RowProblems = Partial<Record<GridField, string>>;

/**
 * The validation message of every cell of the grid, by row: a name is needed, the category and
 * school must be the budget's, a restricted fund must be allowed to pay the category under the
 * budget's rules, every amount must read as dollars, and a row needs an amount in some year.
 */
export function validateRows(rows: readonly GridRow[], ctx: GridContext): RowProblems[] {
  const schoolIds = new Set(ctx.schools.map((s) => s.id));
  const funds = new Map(ctx.funds.map((f) => [f.id, f] as const));
  const names = new Map<string, number>();
  return rows.map((r, i) => {
    const p: RowProblems = {};
    const name = r.name.trim();
    if (name === "") p.name = "a line item needs a name";
    else {
      const key = `${name.toLowerCase()}\u0000${r.school}\u0000${r.fund}`;
      const first = names.get(key);
      if (first !== undefined) p.name = `the same name, school and fund as row ${first + 1}: merge the two rows or rename one`;
      else names.set(key, i);
    }
    if (!ctx.categories.includes(r.category)) p.category = `"${r.category}" is not a category of the budget (${ctx.categories.join(", ")})`;
    if (r.school !== "" && !schoolIds.has(r.school)) p.school = `"${r.school}" is not one of the district's schools: add it under Schools, or pick one`;
    const f = funds.get(r.fund);
    if (!f) p.fund = `"${r.fund}" is not one of the budget's funds (${ctx.funds.map((x) => x.id).join(", ")})`;
    else if (f.kind !== "general" && f.kind !== "erate" && !(f.eligibleCategories ?? []).includes(r.category) && !(f.eligibleItems ?? []).includes(r.id)) {
      p.fund = `${f.name} may not pay ${r.category} under the budget's rules (it pays ${(f.eligibleCategories ?? []).join(", ") || "named items only"}): pick another fund`;
    }
    let any = false;
    for (const y of ctx.years) {
      const t = r.amounts[String(y)] ?? "";
      const a = parseAmount(t);
      if (!a.ok) p[`y${y}`] = a.reason;
      else if (a.value !== null && a.value !== "0") any = true;
    }
    if (!any && ctx.years.every((y) => p[`y${y}`] === undefined) && ctx.years.length > 0) p[`y${ctx.years[0]!}`] = "the row has no amount in any year: type one, or remove the row";
    return p;
  });
}

/** How many cells have a problem. */
export function problemCount(problems: readonly RowProblems[]): number {
  return problems.reduce((n, p) => n + Object.keys(p).length, 0);
}

/**
 * The grid's rows as budget line items (`series`, amounts by fiscal year of the horizon), for
 * rows without problems. A row paid by the general fund (or an E-Rate fund, which the projection
 * assigns) names no fund; a restricted fund is named in `funds`.
 */
export function itemsFromRows(rows: readonly GridRow[], ctx: GridContext): LineItemInput[] {
  const funds = new Map(ctx.funds.map((f) => [f.id, f] as const));
  return rows.map((r) => {
    const amounts: Record<string, string> = {};
    for (const y of ctx.years) {
      const a = parseAmount(r.amounts[String(y)] ?? "");
      if (a.ok && a.value !== null) amounts[String(y)] = a.value;
    }
    const f = funds.get(r.fund);
    const restricted = f !== undefined && f.kind !== "general" && f.kind !== "erate";
    return {
      id: r.id,
      name: r.name.trim(),
      category: r.category,
      ...(r.school !== "" ? { school: r.school } : {}),
      kind: "series" as const,
      amounts,
      ...(restricted ? { funds: [r.fund] } : {}),
      ...(r.eRate !== "ineligible" ? { eRate: r.eRate } : {}),
      ...(r.source !== undefined ? { source: r.source } : {}),
      ...(r.notes !== undefined ? { notes: r.notes } : {}),
    };
  });
}

/** A new, unused item id (`added-1`, `added-2`…). */
export function newItemId(rows: readonly GridRow[]): string {
  const used = new Set(rows.map((r) => r.id));
  let n = 1;
  while (used.has(`added-${n}`)) n++;
  return `added-${n}`;
}

/** Fill every empty amount after `fromYear` with that year's amount (flat), row by row. */
export function repeatYear(rows: readonly GridRow[], fromYear: number, years: readonly number[]): GridRow[] {
  return rows.map((r) => {
    const v = r.amounts[String(fromYear)];
    if (v === undefined || v.trim() === "") return r;
    const amounts = { ...r.amounts };
    for (const y of years) if (y > fromYear && (amounts[String(y)] ?? "").trim() === "") amounts[String(y)] = v;
    return { ...r, amounts };
  });
}

/** The budget rows of the grid for budget vs actual: fund × category × school × year (the ledger's fund coding). */
export function planRows(rows: readonly GridRow[], years: readonly number[]): { fund: string; category: string; school: string | null; fiscalYear: number; amount: string }[] {
  const out: { fund: string; category: string; school: string | null; fiscalYear: number; amount: string }[] = [];
  for (const r of rows) {
    for (const y of years) {
      const a = parseAmount(r.amounts[String(y)] ?? "");
      if (a.ok && a.value !== null) out.push({ fund: r.fund, category: r.category, school: r.school === "" ? null : r.school, fiscalYear: y, amount: a.value });
    }
  }
  return out;
}

// ── Schools

/** One row of the schools table: the counts as typed, and the school's other fields kept as they were. */
export interface SchoolRow {
  readonly id: string;
  readonly name: string;
  readonly students: string;
  readonly nslpEligible: string;
  readonly locale: "urban" | "rural";
  /** The school's other fields (grades, teachers, enrollment history, CEP…), kept. */
  readonly rest: Readonly<Record<string, unknown>>;
}

export type SchoolField = "id" | "name" | "students" | "nslpEligible";

export function schoolRowsFrom(district: unknown): SchoolRow[] {
  const schools = (district as { schools?: Record<string, unknown>[] } | undefined)?.schools ?? [];
  return schools.map((s) => {
    const { id, name, students, nslpEligible, locale, ...rest } = s;
    return {
      id: String(id ?? ""),
      name: String(name ?? ""),
      students: students === undefined ? "" : String(students),
      nslpEligible: nslpEligible === undefined ? "" : String(nslpEligible),
      locale: locale === "urban" ? "urban" : "rural",
      rest,
    };
  });
}

function count(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  return /^\d{1,7}$/.test(t) ? Number(t) : null;
}

/** The validation message of every cell of the schools table. */
export function validateSchools(rows: readonly SchoolRow[]): Partial<Record<SchoolField, string>>[] {
  const ids = new Map<string, number>();
  return rows.map((r, i) => {
    const p: Partial<Record<SchoolField, string>> = {};
    if (!/^[a-z0-9][a-z0-9-]*$/.test(r.id)) p.id = "an id is lowercase letters, digits and dashes (the mapping's school rules name it)";
    else if (ids.has(r.id)) p.id = `the same id as row ${ids.get(r.id)! + 1}`;
    else ids.set(r.id, i);
    if (r.name.trim() === "") p.name = "a school needs a name";
    const students = count(r.students);
    if (students === null) p.students = `"${r.students}" is not a number of students (a whole number)`;
    const hasCep = r.rest.cep !== undefined;
    if (r.nslpEligible.trim() === "") {
      if (!hasCep) p.nslpEligible = "the E-Rate discount needs the NSLP-eligible students (free and reduced-price lunch)";
    } else {
      const n = count(r.nslpEligible);
      if (n === null) p.nslpEligible = `"${r.nslpEligible}" is not a number of students (a whole number)`;
      else if (students !== null && n > students) p.nslpEligible = `more than the school's ${students} students`;
      else if (hasCep) p.nslpEligible = "a CEP school's discount comes from its identified student percentage: leave this empty";
    }
    return p;
  });
}

/** The schools as the district's `schools` (rows without problems). */
export function schoolsFromRows(rows: readonly SchoolRow[]): Record<string, unknown>[] {
  return rows.map((r) => {
    const n = count(r.nslpEligible);
    return { id: r.id, name: r.name.trim(), ...r.rest, students: count(r.students) ?? 0, ...(n !== null ? { nslpEligible: n } : {}), locale: r.locale };
  });
}

/** The general fund of a budget's funds (the first of kind `general`). */
export function generalFundOf(funds: readonly FundInput[]): string {
  return funds.find((f) => f.kind === "general")?.id ?? "general-fund";
}
