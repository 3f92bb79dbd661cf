import { type AccountMapping, type AccountMappingInput, type BudgetInput, budgetSchema, compileAccountMapping, type FundInput, type LineItemInput } from "@districtkit/budget";
import { DistrictKitError, guardInput, Money, parseInput, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import type { TextInput } from "../decode.js";
import { guard } from "../internal/guard.js";
import type { LedgerImport, LedgerTieOut } from "./ledgerImport.js";
import { mapLedger } from "./mapLedger.js";
import type { LedgerOptions, MapLedgerOptions } from "./schema.js";
import { type LedgerTable, ledgerRow, parseLedger } from "./table.js";

/**
 * Splits the caller's options into reading and mapping options, under the one rule (a getter or a
 * Proxy that throws is wrapped, cause kept). The XLSX ledger reader uses it too.
 */
export function splitLedgerOptions<O extends LedgerOptions & MapLedgerOptions>(options: O | undefined): { read: Omit<O, "generalFund" | "idPrefix">; map: MapLedgerOptions } {
  return guardInput(() => {
    if (options !== undefined && options !== null && typeof options !== "object") throw DistrictKitError.argument(["options"], "expected an options object or nothing");
    const { generalFund, idPrefix, ...read } = options ?? ({} as O);
    const map: MapLedgerOptions = {};
    if (generalFund !== undefined) map.generalFund = generalFund;
    if (idPrefix !== undefined) map.idPrefix = idPrefix;
    return { read, map };
  }, ["options"]);
}

/**
 * Reads a budget or general-ledger export whose rows carry an account string
 * (`100-2230-734-001-100`) and maps it, in one call: {@link parseLedger} then {@link mapLedger}.
 * Rows become `series` line items by fund × category × school (amounts by fiscal year); every
 * unmapped code, unreadable amount, duplicate account and negative net is reported with its file,
 * lines, column and reason; the tie-out compares the rows with the file's own total to the cent.
 *
 * @param input - the file as text, bytes or an ArrayBuffer
 * @param mapping - the account mapping (see `accountMappingSchema` in `@districtkit/budget`)
 * @param options - columns, fiscal year, calendar, control total, file name; and the general fund's id
 * @returns the line items, plan rows, issues, errors and tie-out
 * @throws DistrictKitError when the file cannot be read at all, or the mapping or options are invalid
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const csv = "Account,Fiscal Year,Revised Budget\n100-2230-734-000-100,2027,\"12,000.00\"\n100-2580-530-000-100,2027,2400\nGrand Total,,14400";
 * const r = readLedger(csv, NCES_TECHNOLOGY_MAPPING, { file: "ledger.csv" });
 * r.lineItems.map((i) => [i.category, (i as { amounts: Record<string, string> }).amounts["2027"]]); // => [["hardware", "12000"], ["network", "2400"]]
 * r.tieOut[0]?.explanation; // => "Revised Budget, the file: the rows add up to $14,400.00 = $14,400.00 in line items; the file's own total is $14,400.00: it ties out to the cent."
 * ```
 * @category Ledger
 */
export function readLedger(input: TextInput, mapping: AccountMappingInput | AccountMapping, options?: LedgerOptions & MapLedgerOptions): LedgerImport {
  const { read, map } = splitLedgerOptions(options);
  return mapLedger(parseLedger("budget", input, read), mapping, map);
}

/**
 * Reads an actuals export — posted and encumbered amounts by account and period (a `Period` of the
 * fiscal year, a month such as `2026-09`, or a posting date) — and maps it with the same account
 * mapping: {@link parseLedger} then {@link mapLedger}. The result's `actuals` are what
 * `budgetVsActual`, `forecastAccuracy` and `restrictedFundBalances` take; a year whose actuals end
 * before its last period is reported (`mid-year`), not padded.
 *
 * @param input - the file as text, bytes or an ArrayBuffer
 * @param mapping - the account mapping
 * @param options - columns, calendar, control total, file name
 * @returns actual rows by fund × category × school × year × period, issues, errors and tie-out
 * @throws DistrictKitError when the file cannot be read at all, or the mapping or options are invalid
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const csv = "Account,Period,Fiscal Year,Expended,Encumbered\n100-2230-734-000-100,1,2027,500.00,0\n100-2230-734-000-100,2,2027,250.00,100.00";
 * const r = readActuals(csv, NCES_TECHNOLOGY_MAPPING);
 * r.actuals.map((a) => [a.period, a.posted, a.encumbered]); // => [[1, "500", "0"], [2, "250", "100"]]
 * r.lastPeriod; // => { "2027": 2 }
 * r.issues[0]?.kind; // => "mid-year"
 * ```
 * @category Ledger
 */
export function readActuals(input: TextInput, mapping: AccountMappingInput | AccountMapping, options?: LedgerOptions & MapLedgerOptions): LedgerImport {
  const { read, map } = splitLedgerOptions(options);
  return mapLedger(parseLedger("actuals", input, read), mapping, map);
}

/**
 * One row of a ledger preview: the row as read, its account split into the layout's segments, and
 * where the mapping sends it.
 *
 * @category Ledger
 */
export interface LedgerPreviewRow {
  readonly line: number;
  readonly account: string;
  /** The codes by segment name (empty when the account is not of the layout). */
  readonly segments: Readonly<Record<string, string>>;
  readonly fiscalYear: number | null;
  readonly period: number | null;
  readonly amount: Money;
  readonly encumbered: Money;
  readonly status: "mapped" | "excluded" | "unmapped" | "invalid";
  readonly category: string | null;
  readonly fund: string | null;
  readonly school: string | null;
  readonly reason: string | null;
  readonly explanation: string;
}

/**
 * A preview of a ledger under a mapping: the first rows, classified, and the live tie-out of the
 * whole file — what a mapping screen shows while the user edits the mapping.
 *
 * @category Ledger
 */
export interface LedgerPreview {
  /** The columns found and the header each came from. */
  readonly columns: LedgerTable["columns"];
  readonly rows: readonly LedgerPreviewRow[];
  /** The whole file's tie-out under this mapping (the first entry: all years, the amount column). */
  readonly tieOut: readonly LedgerTieOut[];
  readonly counts: LedgerImport["counts"];
  /** How many distinct accounts are unmapped or not of the layout, and their money. */
  readonly unmapped: { readonly accounts: number; readonly amount: Money };
  readonly explanation: string;
}

/**
 * Previews a read ledger or actuals file under a mapping: the first `rows` rows with their segments
 * and classification, and the tie-out of the whole file (so a user editing the mapping sees every
 * change at once). Pure data in and out: run it in a Web Worker on a table from {@link parseLedger}.
 *
 * @param table - a file read by {@link parseLedger}
 * @param mapping - the account mapping being edited
 * @param rows - how many rows to show (default 20)
 * @returns the rows, the tie-out and the counts
 * @throws DistrictKitError for an invalid table or mapping
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const t = parseLedger("budget", "Account,FY,Budget\n100-2230-734-0-100,2027,10\n100-9999-999-000-100,2027,5");
 * const p = previewLedger(t, NCES_TECHNOLOGY_MAPPING, 5);
 * p.rows.map((r) => [r.segments.location, r.status]); // => [["000", "mapped"], ["000", "unmapped"]]
 * p.unmapped.amount.toString(); // => "5"
 * ```
 * @category Ledger
 */
export function previewLedger(table: LedgerTable, mapping: AccountMappingInput | AccountMapping, rows = 20): LedgerPreview {
  return guard("ledger", () => {
    if (!Number.isInteger(rows) || rows < 0 || rows > 10_000) throw DistrictKitError.argument(["rows"], `expected a number of rows from 0 to 10,000, got ${String(rows)}`);
    const result = mapLedger(table, mapping);
    const c = compileAccountMapping(mapping);
    const m = c.mapping;
    const rebuild =
      table.accountColumn === null && table.segmentColumns.length > 0
        ? (a: string): string => {
            const parts = a.split("\u001f");
            return m.layout.segments.map((s) => parts[table.segmentColumns.indexOf(s.name)] ?? "").join(m.layout.separator);
          }
        : (a: string): string => a;
    const out: LedgerPreviewRow[] = Array.from({ length: Math.min(rows, table.rowCount) }, (_, i) => ledgerRow(table, i)).map((r) => {
      const account = rebuild(r.account);
      const k = c.classify(account);
      return {
        line: r.line,
        account,
        segments: k.segments,
        fiscalYear: r.fiscalYear !== 0 ? r.fiscalYear : k.fiscalYear,
        period: r.period === 0 ? null : r.period,
        amount: Money.fromCents(r.amount),
        encumbered: Money.fromCents(r.encumbered),
        status: k.status,
        category: k.category,
        fund: k.fund,
        school: k.school,
        reason: k.reason,
        explanation: k.explanation,
      };
    });
    const missed = result.issues.filter((i) => i.kind === "unmapped" || i.kind === "invalid-account" || i.kind === "no-fiscal-year");
    const amount = missed.reduce((s, i) => s + (i.amount?.toCents() ?? 0), 0);
    return { columns: table.columns, rows: out, tieOut: result.tieOut, counts: result.counts, unmapped: { accounts: missed.length, amount: Money.fromCents(amount) }, explanation: result.explanation };
  });
}

/**
 * The zod schema of the options of {@link budgetFromLedger}.
 *
 * @example
 * ```ts
 * budgetFromLedgerOptionsSchema.parse({ name: "FY2027 budget", funds: [{ id: "general-fund", name: "General fund", kind: "general" }] }).name; // => "FY2027 budget"
 * ```
 * @category Ledger
 */
export const budgetFromLedgerOptionsSchema = z.object({
  name: z.string().min(1),
  /** The budget's funds (the fund ids the mapping's fund rules name). */
  funds: z.array(z.unknown()).min(1),
  /** First fiscal year of the horizon (default: the ledger's first year). */
  firstYear: z.number().int().min(1000).max(9998).optional(),
  /** Years of the horizon (default: through the ledger's last year). */
  years: z.number().int().min(1).max(30).optional(),
});

/**
 * Options of {@link budgetFromLedger} as given.
 *
 * @category Ledger
 */
export type BudgetFromLedgerOptions = { readonly name: string; readonly funds: readonly FundInput[]; readonly firstYear?: number; readonly years?: number };

/**
 * A budget (`@districtkit/budget`'s `budgetSchema`) from a mapped ledger: its line items, the
 * categories the mapping added, and the funds you give; a line item whose ledger fund cannot pay it
 * under the budget's rules (a general or E-Rate fund, or a grant not eligible for its category) is
 * kept, paid by the general fund, and listed in `notes`. Validated by budget's own schema.
 *
 * @param ledger - the result of {@link readLedger} or {@link mapLedger}
 * @param options - the budget's name and funds, and the horizon
 * @returns the budget (input form) and notes on what was changed
 * @throws DistrictKitError when the budget schema refuses the result (listing every problem)
 * @example
 * ```ts
 * import { NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
 * const ledger = readLedger("Account,FY,Budget\n100-2230-734-000-100,2027,1200", NCES_TECHNOLOGY_MAPPING);
 * const { budget } = budgetFromLedger(ledger, { name: "FY2027", funds: [{ id: "general-fund", name: "General fund", kind: "general" }] });
 * [budget.firstYear, budget.years, budget.lineItems.length]; // => [2027, 1, 1]
 * ```
 * @category Ledger
 */
export function budgetFromLedger(ledger: LedgerImport, options: BudgetFromLedgerOptions): { readonly budget: BudgetInput; readonly notes: readonly string[] } {
  return guard("ledger", () => {
    if (ledger === null || typeof ledger !== "object" || !Array.isArray(ledger.lineItems) || !Array.isArray(ledger.fiscalYears))
      throw DistrictKitError.argument(["ledger"], "expected the result of readLedger or mapLedger");
    const o = parseInput(budgetFromLedgerOptionsSchema, options, ["options"]);
    const funds = o.funds as FundInput[];
    if (ledger.fiscalYears.length === 0 && o.firstYear === undefined) throw DistrictKitError.argument(["ledger", "fiscalYears"], "the ledger has no fiscal year: give options.firstYear");
    const first = o.firstYear ?? ledger.fiscalYears[0]!;
    const years = o.years ?? Math.max(1, (ledger.fiscalYears[ledger.fiscalYears.length - 1] ?? first) - first + 1);
    const byId = new Map(funds.map((f) => [f.id, f] as const));
    const notes: string[] = [];
    const lineItems: LineItemInput[] = ledger.lineItems.map((raw) => {
      const item = raw as LineItemInput & { funds?: string[] };
      if (!item.funds || item.funds.length === 0) return item;
      const ok = item.funds.filter((id) => {
        const f = byId.get(id);
        if (!f) {
          notes.push(`${item.id}: fund "${id}" is not one of the budget's funds; the general fund pays it`);
          return false;
        }
        if (f.kind === "general" || f.kind === "erate") {
          notes.push(`${item.id}: fund "${id}" is a ${f.kind} fund, not a restricted one; the projection assigns it`);
          return false;
        }
        if (!(f.eligibleCategories ?? []).includes(item.category) && !(f.eligibleItems ?? []).includes(item.id)) {
          notes.push(`${item.id}: fund "${id}" may not pay ${item.category} under the budget's rules; the general fund pays it unless you make it eligible`);
          return false;
        }
        return true;
      });
      const { funds: _drop, ...rest } = item;
      void _drop;
      return (ok.length > 0 ? { ...rest, funds: ok } : rest) as LineItemInput;
    });
    const budget: BudgetInput = { name: o.name, firstYear: first, years, categories: [...ledger.extraCategories], lineItems, funds };
    const checked = safeParseInput(budgetSchema, budget, ["budget"]);
    if (!checked.success) throw checked.error;
    return { budget, notes };
  });
}
