import type * as ExcelJS from "exceljs";

/**
 * A tiny evaluator of the formulas DistrictKit writes: `SUM(range, range, …)` over the same or
 * another sheet, references (`'Sheet'!B3`) and `+`/`−` between terms. It reads the workbook's
 * numbers and formulas (not the cached results) and computes every formula from scratch, so a
 * test can check that the formulas give the engine's figures without a spreadsheet program.
 */
export class SumEvaluator {
  private readonly memo = new Map<string, number>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** The computed value of a cell (`sheet`, `B3`). */
  value(sheet: string, address: string): number {
    const key = `${sheet}!${address}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const ws = this.wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const v = ws.getCell(address).value as unknown;
    let out: number;
    if (v === null || v === undefined || v === "") out = 0;
    else if (typeof v === "number") out = v;
    else if (typeof v === "object" && v !== null && "formula" in v) out = this.evaluate(sheet, (v as { formula: string }).formula);
    else if (typeof v === "string")
      out = 0; // text counts as nothing in a SUM
    else throw new Error(`cannot evaluate ${key}: ${JSON.stringify(v)}`);
    this.memo.set(key, out);
    return out;
  }

  /** Evaluates a formula (without its leading `=`) on a sheet. */
  evaluate(sheet: string, formula: string): number {
    let total = 0;
    for (const { sign, term } of splitTerms(formula)) total += sign * this.term(sheet, term);
    return total;
  }

  private term(sheet: string, term: string): number {
    const sum = /^SUM\((.*)\)$/.exec(term);
    if (sum) return splitArgs(sum[1]!).reduce((s, arg) => s + this.range(sheet, arg), 0);
    return this.range(sheet, term);
  }

  private range(sheet: string, ref: string): number {
    const m = /^(?:'((?:[^']|'')+)'!|([A-Za-z0-9 ]+)!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim());
    if (!m) throw new Error(`cannot read the reference ${ref}`);
    const s = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? sheet);
    const c1 = col(m[3]!);
    const r1 = Number(m[4]);
    const c2 = m[5] ? col(m[5]) : c1;
    const r2 = m[6] ? Number(m[6]) : r1;
    let total = 0;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) total += this.value(s, `${letters(c)}${r}`);
    return total;
  }
}

function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function letters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Top-level `+`/`-` terms of a formula (outside parentheses and quoted sheet names). */
function splitTerms(f: string): { sign: number; term: string }[] {
  const out: { sign: number; term: string }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  let sign = 1;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i]!;
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && (ch === "+" || ch === "-") && i > start) {
      out.push({ sign, term: f.slice(start, i) });
      sign = ch === "-" ? -1 : 1;
      start = i + 1;
    }
  }
  out.push({ sign, term: f.slice(start) });
  return out;
}

/** Top-level comma-separated arguments. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "'") quoted = !quoted;
    else if (!quoted && s[i] === ",") {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}
