// The tie-out of a mapped ledger: which of the file's total rows is its own total (a grand total, one
// total per fiscal year, or the last of several), and the sentence that accounts for every cent of a
// column — rows = line items (or actuals) + negative nets + excluded + unmapped — against that total.
// Amounts are whole cents (safe integers: mapLedger refuses files whose sums would not be).
import { Money } from "@districtkit/core";
import type { LedgerTieOut } from "./ledgerImport.js";
import type { LedgerTable } from "./table.js";

/** `$1,234.56` / `-$1,234.56` from cents, as Money's en-US format writes it, without Intl (called once per issue). */
export function dollars(c: number): string {
  const neg = c < 0;
  const a = neg ? -c : c;
  const whole = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = a % 100;
  return `${neg ? "-" : ""}$${whole}.${cents < 10 ? "0" : ""}${cents}`;
}

/** A note about the file's total rows (as mapLedger reports it, with the account column added). */
export interface TotalRowsNote {
  readonly kind: "subtotals-ignored";
  readonly severity: "warning" | "info";
  readonly lines: readonly number[];
  readonly reason: string;
}

/** The file's own totals, in cents: the whole file, per fiscal year when it prints one per year, and the encumbered column. */
export interface FileTotals {
  readonly all: number | null;
  readonly byYear: ReadonlyMap<number, number>;
  readonly allEncumbered: number | null;
  readonly issues: readonly TotalRowsNote[];
}

/**
 * Which total rows are the file's total: the last "grand" total when there is one (the other total
 * rows are subtotals); else one total row; else one per fiscal year when each names a different
 * year; else the last one (the others reported as subtotals). A total given in the options wins.
 */
export function fileTotals(table: Pick<LedgerTable, "controlTotals" | "controlTotal">): FileTotals {
  const totals = table.controlTotals;
  const issues: TotalRowsNote[] = [];
  let all: number | null = null;
  let allEncumbered: number | null = null;
  const byYear = new Map<number, number>();
  const grand = totals.filter((t) => /grand/i.test(t.label));
  const pick = grand.length > 0 ? [grand[grand.length - 1]!] : totals;
  if (pick.length === 1) {
    all = pick[0]!.amount;
    allEncumbered = pick[0]!.encumbered;
  } else if (pick.length > 1) {
    const perYear = pick.every((t) => t.fiscalYear !== 0) && new Set(pick.map((t) => t.fiscalYear)).size === pick.length;
    if (perYear) {
      for (const t of pick) byYear.set(t.fiscalYear, t.amount);
      all = pick.reduce((s, t) => s + t.amount, 0);
      allEncumbered = pick.reduce((s, t) => s + t.encumbered, 0);
    } else {
      const last = pick[pick.length - 1]!;
      all = last.amount;
      allEncumbered = last.encumbered;
      issues.push({
        kind: "subtotals-ignored",
        severity: "warning",
        lines: pick.slice(0, -1).map((t) => t.line),
        reason: `several total rows; the last one (line ${last.line}, "${last.label}") is taken as the file's total and the others as subtotals`,
      });
    }
  }
  if (grand.length > 0 && totals.length > grand.length) {
    issues.push({
      kind: "subtotals-ignored",
      severity: "info",
      lines: totals.filter((t) => !grand.includes(t)).map((t) => t.line),
      reason: "subtotal rows, not data: the grand total is the file's total",
    });
  }
  if (table.controlTotal !== null) all = table.controlTotal;
  return { all, byYear, allEncumbered, issues };
}

/** One column of one year (or the whole file) in cents, as mapLedger sums it. */
export interface TieOutFigures {
  readonly kind: "budget" | "actuals";
  readonly column: string;
  readonly fiscalYear: number | null;
  /** "the file", or the fiscal year's label. */
  readonly label: string;
  readonly rows: number;
  readonly inLineItems: number;
  readonly negativeNet: number;
  readonly excluded: number;
  readonly unmapped: number;
  readonly unreadableRows: number;
  readonly fileTotal: number | null;
}

/** The tie-out of one column: its figures as Money, whether it equals the file's total, and the sentence that says so with the same figures. */
export function tieOutOf(f: TieOutFigures): LedgerTieOut {
  const difference = f.fileTotal === null ? null : f.fileTotal - f.rows;
  const parts = [`${dollars(f.inLineItems)} in ${f.kind === "budget" ? "line items" : "actuals"}`];
  if (f.negativeNet !== 0) parts.push(`${dollars(f.negativeNet)} in negative nets`);
  if (f.excluded !== 0) parts.push(`${dollars(f.excluded)} excluded by the mapping`);
  if (f.unmapped !== 0) parts.push(`${dollars(f.unmapped)} unmapped`);
  const unreadable = f.unreadableRows > 0 ? ` (${f.unreadableRows} row${f.unreadableRows === 1 ? "" : "s"} could not be read; see errors)` : "";
  const explanation =
    `${f.column}, ${f.label}: the rows add up to ${dollars(f.rows)} = ${parts.join(" + ")}` +
    (f.fileTotal === null
      ? "; the file prints no total to compare with."
      : difference === 0
        ? `; the file's own total is ${dollars(f.fileTotal)}: it ties out to the cent.`
        : `; the file's own total is ${dollars(f.fileTotal)}: a difference of ${dollars(difference!)}${unreadable}.`);
  return {
    column: f.column,
    fiscalYear: f.fiscalYear,
    rows: Money.fromCents(f.rows),
    inLineItems: Money.fromCents(f.inLineItems),
    negativeNet: Money.fromCents(f.negativeNet),
    excluded: Money.fromCents(f.excluded),
    unmapped: Money.fromCents(f.unmapped),
    unreadableRows: f.unreadableRows,
    fileTotal: f.fileTotal === null ? null : Money.fromCents(f.fileTotal),
    difference: difference === null ? null : Money.fromCents(difference),
    ties: difference === null || difference === 0,
    explanation,
  };
}
