/**
 * `@districtkit/io/xlsx` — Excel workbooks in and out: the budget template, ledger and actuals
 * exports saved as .xlsx, and the budget workbook whose totals are live formulas. A separate
 * entry: importing `@districtkit/io` never loads it, and it loads ExcelJS itself only when first
 * called (a dynamic import), so a web page ships it only when a user opens or saves a workbook.
 *
 * @packageDocumentation
 */

export type { XlsxSheetOption } from "./read.js";
export { parseLedgerXlsx, readBudgetTemplateXlsx, readLedgerXlsx } from "./read.js";
export type { BudgetWorkbookInput } from "./write.js";
export { CURRENCY_FORMAT, writeBudgetTemplateXlsx, writeBudgetWorkbook } from "./write.js";
