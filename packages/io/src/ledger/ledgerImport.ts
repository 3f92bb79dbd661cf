// What mapping a ledger or actuals file gives (mapLedger, readLedger, readActuals): line items or
// actual rows, the groups behind them, every issue with its lines, and the tie-out to the file's
// own totals.
import type { LineItemInput } from "@districtkit/budget";
import type { Money } from "@districtkit/core";
import type { RowError } from "../readResult.js";

/**
 * A problem with a ledger found while mapping it — an account no rule maps, a duplicate account,
 * a negative net budget, a file that does not add up to its own total — with the file, every line
 * it concerns, the column, the value and the reason. Nothing is dropped without one of these.
 *
 * @category Ledger
 */
export interface LedgerIssue {
  /** `unmapped` (a code has no rule), `invalid-account` (not of the mapping's layout), `no-fiscal-year`, `duplicate-account`, `negative-net` (a group's year nets below zero: not a line item), `unbalanced` (rows ≠ the file's total), `mid-year` (actuals end before the year does), `several-years`, `subtotals-ignored`. */
  readonly kind: "unmapped" | "invalid-account" | "no-fiscal-year" | "duplicate-account" | "negative-net" | "unbalanced" | "mid-year" | "several-years" | "subtotals-ignored";
  /** `error`: money left out of the line items; `warning`: read, but check it; `info`: read as described. */
  readonly severity: "error" | "warning" | "info";
  readonly file: string | null;
  /** Every line it concerns, in file order. */
  readonly lines: readonly number[];
  readonly column: string | null;
  readonly value: string | null;
  /** The amount involved (the rows' sum; the difference for `unbalanced`), or null. */
  readonly amount: Money | null;
  readonly reason: string;
  /** The full sentence: `ledger.csv lines 12, 48: Account 100-2700-610-000-100: no category rule matches …`. */
  readonly message: string;
}

/**
 * The amount of one fund × category × school × fiscal year, with the rows that make it.
 *
 * @category Ledger
 */
export interface LedgerGroup {
  readonly fund: string;
  readonly category: string;
  readonly school: string | null;
  readonly eRate: "C1" | "C2" | null;
  readonly fiscalYear: number;
  /** Net budget (ledger) or posted amount (actuals). */
  readonly amount: Money;
  readonly encumbered: Money;
  readonly rows: number;
  /** Distinct account strings. */
  readonly accounts: readonly string[];
}

/**
 * How the file's amounts tie out, for one amount column and fiscal year (or all years): every
 * readable row's amount is in exactly one of line items, negative nets, excluded or unmapped —
 * `rows = inLineItems + negativeNet + excluded + unmapped` to the cent — and `rows` is compared
 * with the file's own total.
 *
 * @category Ledger
 */
export interface LedgerTieOut {
  /** The column (`Amount`, `Posted`, `Encumbered`…). */
  readonly column: string;
  /** The fiscal year, or null for the whole file. */
  readonly fiscalYear: number | null;
  /** Sum of every readable data row. */
  readonly rows: Money;
  readonly inLineItems: Money;
  readonly negativeNet: Money;
  readonly excluded: Money;
  readonly unmapped: Money;
  /** Data rows whose amount could not be read (their amounts are in no figure here). */
  readonly unreadableRows: number;
  /** The file's own total (its total row, or `controlTotal`), or null when it has none. */
  readonly fileTotal: Money | null;
  /** fileTotal − rows, or null without a file total. */
  readonly difference: Money | null;
  /** True when the rows equal the file's total to the cent (or there is no total to compare with). */
  readonly ties: boolean;
  readonly explanation: string;
}

/**
 * A mapped ledger or actuals file: budget line items (ledger) or actuals by period (actuals), the
 * groups behind them, every issue with its lines, and the tie-out to the file's own totals.
 *
 * @category Ledger
 */
export interface LedgerImport {
  readonly kind: "budget" | "actuals";
  readonly file: string | null;
  readonly mappingId: string;
  /** Budget line items (`series`, one per fund × category × school, amounts by fiscal year) — ledger files. */
  readonly lineItems: readonly LineItemInput[];
  /** Fund × category × school × year rows for `budgetVsActual` and `forecastAccuracy` (ledger files: the budget; actuals files: empty). */
  readonly plan: readonly { readonly fund: string; readonly category: string; readonly school: string | null; readonly fiscalYear: number; readonly amount: string }[];
  /** Posted and encumbered by fund × category × school × year × period — actuals files. */
  readonly actuals: readonly {
    readonly fund: string;
    readonly category: string;
    readonly school: string | null;
    readonly fiscalYear: number;
    readonly period: number;
    readonly posted: string;
    readonly encumbered: string;
  }[];
  readonly groups: readonly LedgerGroup[];
  /** Categories the mapping used that are not built into budget (add them to `budget.categories`). */
  readonly extraCategories: readonly string[];
  readonly fiscalYears: readonly number[];
  /** For actuals: the last period with rows, per fiscal year. */
  readonly lastPeriod: Readonly<Record<string, number>>;
  readonly issues: readonly LedgerIssue[];
  /** Rows the file could not read (from {@link parseLedger}). */
  readonly errors: readonly RowError[];
  /** The whole file, then each fiscal year; for actuals, posted then encumbered. */
  readonly tieOut: readonly LedgerTieOut[];
  /** Rows by what became of them: `mapped + excluded + unmapped + unreadable = data rows`. */
  readonly counts: { readonly dataRows: number; readonly mapped: number; readonly excluded: number; readonly unmapped: number; readonly unreadable: number; readonly totalRows: number };
  readonly explanation: string;
}
