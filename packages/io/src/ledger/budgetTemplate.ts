import { type BudgetProjection, type LineItemInput, lineItemSchema } from "@districtkit/budget";
import { DistrictKitError, type Money, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field, pick } from "../internal/field.js";
import { guard } from "../internal/guard.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult, RowError } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { attributesSchema, decimalStringSchema } from "../schema/records.js";
import { type CsvWriteOptions, writeCsv } from "../write/csv.js";

/**
 * The zod schema of one row of the DistrictKit budget template: one line item's amount in one
 * fiscal year (an item runs over as many rows as it has years).
 *
 * @example
 * ```ts
 * budgetTemplateRowSchema.parse({ line: 2, id: "lms", name: "LMS", category: "software", fiscalYear: 2027, amount: "9500", attributes: {} }).amount; // => "9500"
 * ```
 * @category Budget template
 */
export const budgetTemplateRowSchema = z.object({
  line: z.number().int().min(1),
  id: z.string().describe("Line item id (the same on every row of the item)"),
  name: z.string().describe("Line item name"),
  category: z.string().describe("Category: hardware, software, network, professional-development, support-staff, services, other, or one of the budget's own"),
  school: z.string().optional().describe("School id; empty for district-wide"),
  funds: z.array(z.string()).optional().describe("Restricted funds that may pay it (ids, separated by ;)"),
  eRate: z.string().optional().describe("E-Rate category: C1, C2, or empty for not eligible"),
  fiscalYear: z.number().int().describe("Fiscal year of the amount"),
  amount: decimalStringSchema.describe("Amount in that fiscal year"),
  source: z.string().optional().describe("Where the figure came from"),
  notes: z.string().optional().describe("Notes"),
  attributes: attributesSchema,
});

/**
 * One row of the budget template (see {@link budgetTemplateRowSchema}).
 *
 * @category Budget template
 */
export type BudgetTemplateRow = z.output<typeof budgetTemplateRowSchema>;

const KEYS = ["school", "funds", "eRate", "source", "notes"] as const;

/**
 * The DistrictKit budget template: `Item ID, Name, Category, School, Funds, E-Rate, Fiscal Year,
 * Amount, Source, Notes` — one row per line item and fiscal year. It is what
 * {@link writeBudgetTemplate} exports and {@link readBudgetTemplate} reads (CSV here; XLSX with the
 * same columns in `@districtkit/io/xlsx`).
 *
 * @example
 * ```ts
 * budgetTemplateFormat.fields.map((f) => f.header); // => ["Item ID", "Name", "Category", "School", "Funds", "E-Rate", "Fiscal Year", "Amount", "Source", "Notes"]
 * ```
 * @category Budget template
 */
export const budgetTemplateFormat: CsvFormat<BudgetTemplateRow> = {
  name: "DistrictKit budget template",
  fields: [
    field("id", "Item ID", "text", ["Line Item", "Line Item ID", "ID", "Item"], { requiredColumn: true, requiredValue: true }),
    field("name", "Name", "text", ["Item Name", "Description", "Line Item Name"], { requiredColumn: true, requiredValue: true }),
    field("category", "Category", "text", ["Budget Category"], { requiredColumn: true, requiredValue: true }),
    field("school", "School", "text", ["School ID", "Site", "Location"]),
    field("funds", "Funds", "list", ["Fund", "Restricted Funds", "Paid By"]),
    field("eRate", "E-Rate", "text", ["ERate", "E-Rate Category"]),
    field("fiscalYear", "Fiscal Year", "integer", ["FY", "Year"], { requiredColumn: true, requiredValue: true }),
    field("amount", "Amount", "money", ["Budget", "Cost", "Amount ($)"], { requiredColumn: true, requiredValue: true }),
    field("source", "Source", "text", []),
    field("notes", "Notes", "text", ["Note", "Comments"]),
  ],
  check: (v) => {
    const y = v.fiscalYear as number;
    if (y < 1000 || y > 9998) return { field: "fiscalYear", reason: `${y} is not a fiscal year (expected e.g. 2027)` };
    const e = v.eRate as string | undefined;
    if (e !== undefined && !/^(c1|c2|ineligible|none|no)$/i.test(e)) return { field: "eRate", reason: `${JSON.stringify(e)} is not an E-Rate category (expected C1, C2 or empty)` };
    return undefined;
  },
  build: (values, attributes, line) => {
    const e = values.eRate as string | undefined;
    const eRate = e === undefined || /^(ineligible|none|no)$/i.test(e) ? undefined : e.toUpperCase();
    return {
      line,
      id: values.id,
      name: values.name,
      category: values.category,
      fiscalYear: values.fiscalYear,
      amount: values.amount,
      ...pick({ ...values, eRate }, KEYS),
      attributes,
    } as BudgetTemplateRow;
  },
};

/**
 * The budget template read back: its line items (kind `series`, amounts by fiscal year), the rows,
 * and every problem with its line.
 *
 * @category Budget template
 */
export interface BudgetTemplateImport {
  /** Line items, validated by budget's `lineItemSchema`, in the order they first appear. */
  readonly lineItems: readonly LineItemInput[];
  /** The rows as read, and the row errors of the read. */
  readonly read: ReadResult<BudgetTemplateRow>;
  /** Every problem: the read's row errors, then items that disagree across their rows or fail the line-item schema. */
  readonly errors: readonly RowError[];
}

/**
 * @internal Groups template rows into series line items; conflicting rows are refused with their line.
 */
export function templateItems(rows: readonly BudgetTemplateRow[], file: string | undefined, headerOf: (key: string) => string): { lineItems: LineItemInput[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (line: number, key: string | null, value: string | null, reason: string): void => {
    const column = key === null ? null : headerOf(key);
    errors.push({ ...(file ? { file } : {}), line, column, value, reason, message: `${file ? `${file} ` : ""}line ${line}${column ? `, ${column}` : ""}: ${reason}` });
  };
  const items = new Map<string, { first: BudgetTemplateRow; amounts: Record<string, string>; lines: Record<string, number> }>();
  for (const r of rows) {
    let it = items.get(r.id);
    if (!it) {
      items.set(r.id, (it = { first: r, amounts: Object.create(null) as Record<string, string>, lines: Object.create(null) as Record<string, number> }));
    } else {
      const f = it.first;
      const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
      const diff = (["name", "category", "school", "funds", "eRate"] as const).find((k) => !same(f[k], r[k]));
      if (diff) {
        fail(
          r.line,
          diff,
          diff === "funds" ? (r.funds ?? []).join("; ") : ((r[diff] as string | undefined) ?? ""),
          `differs from line ${f.line} of the same item "${r.id}" (${JSON.stringify(f[diff] ?? "")}); every row of an item has the same ${diff}`,
        );
        continue;
      }
    }
    const y = String(r.fiscalYear);
    if (it.lines[y] !== undefined) {
      fail(r.line, "fiscalYear", y, `item "${r.id}" already has an amount for FY${y} on line ${it.lines[y]}; one row per item and year (this row was not added)`);
      continue;
    }
    it.lines[y] = r.line;
    it.amounts[y] = r.amount;
  }
  const lineItems: LineItemInput[] = [];
  for (const { first, amounts } of items.values()) {
    const item: Record<string, unknown> = {
      id: first.id,
      name: first.name,
      category: first.category,
      ...(first.school !== undefined ? { school: first.school } : {}),
      kind: "series",
      amounts: { ...amounts },
      ...(first.funds !== undefined && first.funds.length > 0 ? { funds: first.funds } : {}),
      ...(first.eRate !== undefined ? { eRate: first.eRate } : {}),
      ...(first.source !== undefined ? { source: first.source } : {}),
      ...(first.notes !== undefined ? { notes: first.notes } : {}),
    };
    const ok = safeParseInput(lineItemSchema, item, ["lineItems", first.id]);
    if (!ok.success) {
      for (const i of ok.error.issues) fail(first.line, null, null, `item "${first.id}": ${i.pathText}: ${i.message}`);
      continue;
    }
    lineItems.push(item as LineItemInput);
  }
  errors.sort((a, b) => a.line - b.line);
  return { lineItems, errors };
}

/**
 * Reads the DistrictKit budget template (CSV): one row per line item and fiscal year, grouped into
 * `series` line items that `@districtkit/budget` projects as given. Rows of one item must agree on
 * its name, category, school, funds and E-Rate category, and give each year once; every refused
 * row is in `errors` with its line, column and reason.
 *
 * @param input - the file as text, bytes or an ArrayBuffer
 * @param options - column mapping, delimiter (as every CSV reader)
 * @returns the line items, the rows and the errors
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, a required column missing)
 * @example
 * ```ts
 * const r = readBudgetTemplate("Item ID,Name,Category,Fiscal Year,Amount\nlms,LMS,software,2027,9500\nlms,LMS,software,2028,\"9,880.00\"");
 * r.lineItems[0]; // => { "id": "lms", "name": "LMS", "category": "software", "kind": "series", "amounts": { "2027": "9500", "2028": "9880" } }
 * ```
 * @category Budget template
 */
export function readBudgetTemplate(input: TextInput, options?: ReadOptions): BudgetTemplateImport {
  return guard("budget template", () => {
    const read = readCsv(budgetTemplateFormat, input, options);
    const headerOf = (key: string): string => read.columns.find((c) => c.field === key)?.header ?? budgetTemplateFormat.fields.find((f) => f.key === key)!.header;
    const { lineItems, errors } = templateItems(read.rows, undefined, headerOf);
    return { lineItems, read, errors: [...read.errors, ...errors].sort((a, b) => a.line - b.line) };
  });
}

/**
 * @internal Template rows of line items (series and one-time items; others need a projection).
 */
export function templateRows(lineItems: readonly LineItemInput[]): BudgetTemplateRow[] {
  if (!Array.isArray(lineItems)) throw DistrictKitError.argument(["lineItems"], "expected an array of line items");
  const rows: BudgetTemplateRow[] = [];
  let line = 2;
  lineItems.forEach((raw, i) => {
    const ok = safeParseInput(lineItemSchema, raw, ["lineItems", i]);
    if (!ok.success) throw ok.error;
    const it = ok.data;
    let years: [string, Money][];
    if (it.kind === "series") years = Object.entries(it.amounts).sort(([a], [b]) => Number(a) - Number(b));
    else if (it.kind === "one-time") years = [[String(it.year), it.amount]];
    else throw DistrictKitError.argument(["lineItems", i, "kind"], `a ${it.kind} item has no yearly amounts of its own: write a projection's items with budgetTemplateFromProjection`);
    for (const [y, amount] of years) {
      rows.push({
        line: line++,
        id: it.id,
        name: it.name,
        category: it.category,
        ...(it.school !== undefined ? { school: it.school } : {}),
        ...(it.funds !== undefined && it.funds.length > 0 ? { funds: [...it.funds] } : {}),
        ...(it.eRate !== "ineligible" ? { eRate: it.eRate } : {}),
        fiscalYear: Number(y),
        amount: amount.toString(),
        ...(it.source !== undefined ? { source: it.source } : {}),
        ...(it.notes !== undefined ? { notes: it.notes } : {}),
        attributes: {},
      });
    }
  });
  return rows;
}

/**
 * Writes line items as the DistrictKit budget template (CSV): one row per item and fiscal year.
 * `series` and `one-time` items are written as they are; for recurring or per-unit items, write a
 * projection's items ({@link budgetTemplateFromProjection}). Reading the file back gives the same
 * items (as `series`).
 *
 * @param lineItems - line items of kind `series` or `one-time`
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text
 * @throws DistrictKitError for an invalid item or an item without yearly amounts
 * @example
 * ```ts
 * writeBudgetTemplate([{ id: "lms", name: "LMS", category: "software", kind: "series", amounts: { "2027": "9500" } }], { newline: "\n" });
 * // => "Item ID,Name,Category,School,Funds,E-Rate,Fiscal Year,Amount,Source,Notes\nlms,LMS,software,,,,2027,9500,,\n"
 * ```
 * @category Budget template
 */
export function writeBudgetTemplate(lineItems: readonly LineItemInput[], options: CsvWriteOptions = {}): string {
  return guard("line items", () => writeCsv(budgetTemplateFormat, templateRows(lineItems), options));
}

/**
 * A projection's cost lines as `series` line items (the yearly cost of every line, escalators,
 * drivers and levers applied), ready for the budget template: what the budget will cost, in the
 * form an analyst edits in a spreadsheet. Years with no cost are left out.
 *
 * @param projection - a projection made with `detail: "items"` (the default)
 * @returns series line items, one per projected line
 * @throws DistrictKitError when the projection has no line items
 * @example
 * ```ts
 * import { projectBudget } from "@districtkit/budget";
 * const p = projectBudget({
 *   district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }] },
 *   budget: { name: "Plan", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "General fund", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "9.50", escalator: 0.04 }] },
 * });
 * budgetTemplateFromProjection(p)[0]?.amounts; // => { "2027": "950", "2028": "988" }
 * ```
 * @category Budget template
 */
export function budgetTemplateFromProjection(projection: BudgetProjection): LineItemInput[] {
  return guard("projection", () => {
    if (projection === null || typeof projection !== "object" || !Array.isArray(projection.lines)) throw DistrictKitError.argument(["projection"], "expected a budget projection");
    if (projection.lines.length === 0 && projection.years.some((y) => !y.total.isZero()))
      throw DistrictKitError.argument(["projection", "lines"], 'the projection has no line items: project with detail "items" (the default)');
    return projection.lines.map((l) => {
      const amounts: Record<string, string> = {};
      for (const y of l.years) if (!y.cost.isZero()) amounts[String(y.fiscalYear)] = y.cost.toString();
      return {
        id: l.itemId,
        name: l.name,
        category: l.category,
        ...(l.school !== null ? { school: l.school } : {}),
        kind: "series" as const,
        amounts,
        ...(l.eRate !== "ineligible" ? { eRate: l.eRate } : {}),
      };
    });
  });
}
