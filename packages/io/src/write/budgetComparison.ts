import { guardInput, keyedRecordSchema, Money, moneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { guard } from "../internal/guard.js";
import { type CsvTable, type CsvWriteOptions, toCsv } from "./csv.js";

const amount = moneySchema;
const deltaSchema = z.object({ a: amount, b: amount }).passthrough();
const byKey = keyedRecordSchema(deltaSchema); // ids (a fund called __proto__) are data

/**
 * The zod schema of a budget comparison as {@link budgetComparisonTable} reads it — the shape of
 * `@districtkit/budget`'s scenario comparison, or any data of that shape: the two scenarios'
 * names, and per fiscal year the total and the amounts by category, fund or school, each as
 * `{ a, b }` (amounts as `Money` or decimal strings). Other fields are ignored.
 *
 * @example
 * ```ts
 * budgetComparisonSchema.safeParse({ a: { name: "Baseline" }, b: { name: "Delay refresh" }, years: [{ fiscalYear: 2027, total: { a: "100", b: "90" } }] }).success; // => true
 * ```
 * @category Writing
 */
export const budgetComparisonSchema = z
  .object({
    a: z.object({ name: z.string() }).passthrough().describe("The first scenario (usually the baseline)"),
    b: z.object({ name: z.string() }).passthrough().describe("The scenario compared with it"),
    years: z
      .array(
        z
          .object({
            fiscalYear: z.number().int(),
            label: z.string().optional(),
            total: deltaSchema,
            byCategory: byKey.optional(),
            byFund: byKey.optional(),
            bySchool: byKey.optional(),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();

/**
 * A budget comparison as {@link budgetComparisonTable} reads it (see {@link budgetComparisonSchema}).
 *
 * @category Writing
 */
export type BudgetComparisonInput = z.input<typeof budgetComparisonSchema>;

/**
 * Options of {@link budgetComparisonTable}.
 *
 * @category Writing
 */
export interface BudgetComparisonOptions {
  /** Which breakdowns to list, in order (default: category, fund, school — those present). */
  readonly sections?: readonly ("category" | "fund" | "school")[];
  /** Column headers `FY2027 A`/`FY2027 B` instead of the scenarios' names (default false). */
  readonly stableHeaders?: boolean;
}

const SECTION_KEY = { category: "byCategory", fund: "byFund", school: "bySchool" } as const;
const SECTION_LABEL = { category: "Category", fund: "Fund", school: "School" } as const;

function cell(m: Money): string {
  // to the cent for a spreadsheet; an amount with more digits is written exactly, never rounded away
  return m.isWholeCents() ? m.toFixed(2) : m.toString();
}

/**
 * Lays out a budget scenario comparison for a spreadsheet: one row per category, fund and school
 * (and a total row), and for every fiscal year three columns — scenario A, scenario B and the
 * change (B − A) — then the same three for the whole horizon. Amounts are exact (two decimals);
 * every row's horizon total is the exact sum of its years, and the total row is the comparison's
 * own yearly totals.
 *
 * @param comparison - a comparison of two budget scenarios (see {@link budgetComparisonSchema})
 * @param options - which sections, and stable or named headers
 * @returns the table (write it with {@link toCsv}, or use {@link budgetComparisonCsv})
 * @throws DistrictKitError when the comparison lacks the scenarios' names, the years or their totals
 * @example
 * ```ts
 * const table = budgetComparisonTable({
 *   a: { name: "Baseline" }, b: { name: "Delay refresh" },
 *   years: [
 *     { fiscalYear: 2027, total: { a: "1000", b: "800" }, byCategory: { devices: { a: "600", b: "400" }, software: { a: "400", b: "400" } } },
 *     { fiscalYear: 2028, total: { a: "1000", b: "1300" }, byCategory: { devices: { a: "600", b: "900" }, software: { a: "400", b: "400" } } },
 *   ],
 * });
 * table.columns.slice(0, 5); // => ["Section", "Name", "FY2027 Baseline", "FY2027 Delay refresh", "FY2027 Change"]
 * table.rows[0]; // => ["Category", "devices", "600.00", "400.00", "-200.00", "600.00", "900.00", "300.00", "1200.00", "1300.00", "100.00"]
 * table.rows.at(-1)?.slice(-3); // => ["2000.00", "2100.00", "100.00"]
 * ```
 * @category Writing
 */
export function budgetComparisonTable(comparison: BudgetComparisonInput | object, options: BudgetComparisonOptions = {}): CsvTable {
  return guard("comparison", () => tableOf(quickComparison(comparison) ?? parseInput(budgetComparisonSchema, comparison, ["comparison"]), options));
}

/**
 * The table through zod (every input; the reference of the fast path in
 * budgetComparison.prop.test.ts). Not exported from the package.
 */
export function budgetComparisonTableReference(comparison: BudgetComparisonInput | object, options: BudgetComparisonOptions = {}): CsvTable {
  return guard("comparison", () => tableOf(parseInput(budgetComparisonSchema, comparison, ["comparison"]), options));
}

type Delta = { readonly a: Money; readonly b: Money };
type Keyed = Readonly<Record<string, Delta>>;
interface Read {
  readonly a: { readonly name: string };
  readonly b: { readonly name: string };
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly label?: string | undefined;
    readonly total: Delta;
    readonly byCategory?: Keyed | undefined;
    readonly byFund?: Keyed | undefined;
    readonly bySchool?: Keyed | undefined;
  }[];
}

/** The table from a read comparison. */
function tableOf(c: Read, options: BudgetComparisonOptions): CsvTable {
  const sections = options.sections ?? (["category", "fund", "school"] as const);
  const nameA = options.stableHeaders ? "A" : c.a.name;
  const nameB = options.stableHeaders ? "B" : c.b.name;
  const years = c.years;
  const columns = ["Section", "Name"];
  for (const y of years) {
    const label = y.label ?? `FY${y.fiscalYear}`;
    columns.push(`${label} ${nameA}`, `${label} ${nameB}`, `${label} Change`);
  }
  columns.push(`Total ${nameA}`, `Total ${nameB}`, "Total Change");
  const rows: string[][] = [];
  const addRow = (section: string, name: string, per: readonly (Delta | undefined)[]) => {
    const row = [section, name];
    let ta = Money.ZERO;
    let tb = Money.ZERO;
    for (const d of per) {
      const a = d?.a ?? Money.ZERO;
      const b = d?.b ?? Money.ZERO;
      ta = ta.add(a);
      tb = tb.add(b);
      row.push(cell(a), cell(b), cell(b.subtract(a)));
    }
    row.push(cell(ta), cell(tb), cell(tb.subtract(ta)));
    rows.push(row);
  };
  for (const section of sections) {
    const key = SECTION_KEY[section];
    const names = new Set<string>(); // in order of first appearance (a district may have thousands of schools)
    for (const y of years) for (const n of Object.keys(y[key] ?? {})) names.add(n);
    for (const n of names)
      addRow(
        SECTION_LABEL[section],
        n,
        years.map((y) => y[key]?.[n]),
      );
  }
  addRow(
    "Total",
    "All",
    years.map((y) => y.total),
  );
  return { columns, rows };
}

// The fast path, in plain words: most of the time on a large comparison went to zod walking it.
// The usual input (plain objects and arrays, amounts as strings, numbers or Money) is read here by
// hand, each amount through Money.of as zod's money schema does (core keeps a whole-cent amount as
// cents and adds such amounts as integers); anything else — another shape, an amount Money refuses,
// a getter that throws — returns null and goes through zod, so every problem is reported as before.
// budgetComparison.prop.test.ts compares the two paths.
const plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

const amountOf = (v: unknown): Money | null => (typeof v === "string" || typeof v === "number" || v instanceof Money ? Money.of(v) : null);

function deltaOf(v: unknown): Delta | null {
  if (!plain(v)) return null;
  const a = amountOf(v.a);
  const b = amountOf(v.b);
  return a === null || b === null ? null : { a, b };
}

function keyedOf(v: unknown): Keyed | null | undefined {
  if (v === undefined) return undefined;
  if (!plain(v)) return null;
  const out = Object.create(null) as Record<string, Delta>;
  for (const k of Object.keys(v)) {
    const d = deltaOf(v[k]);
    if (d === null) return null;
    out[k] = d;
  }
  return out;
}

function quickComparison(c: unknown): Read | null {
  try {
    if (!plain(c) || !plain(c.a) || !plain(c.b) || typeof c.a.name !== "string" || typeof c.b.name !== "string") return null;
    const ys = c.years;
    if (!Array.isArray(ys) || ys.length === 0 || Object.getPrototypeOf(ys) !== Array.prototype) return null;
    const years: Read["years"][number][] = [];
    for (const y of ys as unknown[]) {
      if (!plain(y) || !Number.isInteger(y.fiscalYear) || (y.label !== undefined && typeof y.label !== "string")) return null;
      const total = deltaOf(y.total);
      const byCategory = keyedOf(y.byCategory);
      const byFund = keyedOf(y.byFund);
      const bySchool = keyedOf(y.bySchool);
      if (total === null || byCategory === null || byFund === null || bySchool === null) return null;
      years.push({ fiscalYear: y.fiscalYear as number, label: y.label as string | undefined, total, byCategory, byFund, bySchool });
    }
    return { a: { name: c.a.name }, b: { name: c.b.name }, years };
  } catch {
    return null; // an amount Money refuses, or a getter or Proxy that throws: zod's path reports it
  }
}

/**
 * Writes a budget scenario comparison as a spreadsheet-friendly CSV (see
 * {@link budgetComparisonTable}), with a UTF-8 byte-order mark so Excel reads it right.
 *
 * @param comparison - a comparison of two budget scenarios
 * @param options - sections, headers, and CSV options (the BOM is on unless `bom: false`)
 * @returns the CSV text
 * @throws DistrictKitError when the comparison cannot be read
 * @example
 * ```ts
 * const csv = budgetComparisonCsv({ a: { name: "A" }, b: { name: "B" }, years: [{ fiscalYear: 2027, total: { a: "10", b: "12.5" } }] }, { bom: false, newline: "\n" });
 * csv; // => "Section,Name,FY2027 A,FY2027 B,FY2027 Change,Total A,Total B,Total Change\nTotal,All,10.00,12.50,2.50,10.00,12.50,2.50\n"
 * ```
 * @category Writing
 */
export function budgetComparisonCsv(comparison: BudgetComparisonInput | object, options: BudgetComparisonOptions & CsvWriteOptions = {}): string {
  const o = guardInput(() => ({ ...options }), ["options"], "the options");
  return toCsv(budgetComparisonTable(comparison, o), { ...o, bom: o.bom ?? true });
}
