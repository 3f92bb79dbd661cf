export { CALENDAR_CSV_COLUMNS, calendarToCsv } from "./calendar/csv.js";
export type { DistrictCalendar, DistrictCalendarInput } from "./calendar/districtCalendar.js";
export { districtCalendar, districtCalendarInputSchema } from "./calendar/districtCalendar.js";
export { calendarBudgetSchema, calendarC2Schema } from "./calendar/fromBudget.js";
export { calendarDevicesSchema, calendarLeaseSchema } from "./calendar/fromDevices.js";
export { calendarLicencesSchema } from "./calendar/fromLicences.js";
export { calendarAgreementSchema, calendarReviewSchema } from "./calendar/fromVetting.js";
export type { CalendarIcsOptions } from "./calendar/ics.js";
export { calendarToIcs } from "./calendar/ics.js";
export type { CalendarItem, CalendarItemInput, CalendarKind } from "./calendar/item.js";
export { CALENDAR_KINDS, calendarItemSchema } from "./calendar/item.js";
export type { MergedCalendar } from "./calendar/merge.js";
export { mergeCalendarItems } from "./calendar/merge.js";
export type { CsvFormat, FieldKind, FieldSpec } from "./csvFormat.js";
export type { DecodedText, TextEncodingName, TextInput } from "./decode.js";
export { decodeText } from "./decode.js";
export type { BudgetRosterOptions, BudgetSchoolsFromRoster } from "./engines/budget.js";
export { budgetGradeOf, budgetRosterOptionsSchema, budgetSchoolsFromRoster } from "./engines/budget.js";
export type { LicenseImportOptions, SkippedRow } from "./engines/licenses.js";
export { licenseContractsToCurrent, licenseEnrollmentFromRoster, licenseImportOptionsSchema, usageToLicenseUsers } from "./engines/licenses.js";
export type { InventoryExclusion, InventoryExports, InventoryImport, InventoryOptions } from "./engines/lifecycle.js";
export { inventoryFromExports, inventoryOptionsSchema } from "./engines/lifecycle.js";
export type { ModelMatch, ModelMatchInput } from "./engines/modelMatch.js";
export { ASSUMED_LIFE_YEARS, matchDeviceModels, modelMatchInputSchema, modelOptionsFromMatches } from "./engines/modelMatch.js";
export type { SharedRosterImport } from "./engines/rosterSharing.js";
export { sharedRosterFromOneRoster } from "./engines/rosterSharing.js";
export type { VettingAppsImport } from "./engines/vetting.js";
export { vettingAppsFromAnswers } from "./engines/vetting.js";
export type { ModelAutoUpdateExpiration } from "./formats/aueByModel.js";
export { autoUpdateExpirationByModel } from "./formats/aueByModel.js";
export type { GoogleAdminDevice } from "./formats/googleAdmin.js";
export { googleAdminDeviceFormat, googleAdminDeviceSchema, readGoogleAdminDevices } from "./formats/googleAdmin.js";
export type { LicenseContract, UsageRecord } from "./formats/licenses.js";
export { licenseContractFormat, licenseContractSchema, readLicenseContracts, readUsage, usageFormat, usageRecordSchema } from "./formats/licenses.js";
export type { EnrollmentCounts, OneRosterResult } from "./formats/oneRoster.js";
export { enrollmentCountsSchema, readOneRoster } from "./formats/oneRoster.js";
export { readOneRosterZip } from "./formats/oneRosterZip.js";
export type { PrivacyRegisterRow } from "./formats/privacyRegister.js";
export { privacyRegisterFormat, readPrivacyRegister, writePrivacyRegister } from "./formats/privacyRegister.js";
export type { SnipeItAsset } from "./formats/snipeIt.js";
export { readSnipeItAssets, snipeItAssetFormat, snipeItAssetSchema } from "./formats/snipeIt.js";
export type { VettingAnswerRow, VettingAnswerSet, VettingAnswersJson } from "./formats/vettingAnswers.js";
export {
  groupVettingAnswers,
  readVettingAnswers,
  readVettingAnswersJson,
  vettingAnswerFormat,
  vettingAnswerRowSchema,
  vettingAnswersJsonSchema,
} from "./formats/vettingAnswers.js";
export type { GenerateGoogleAdminExportOptions } from "./generate.js";
export { generateGoogleAdminExport, generateGoogleAdminExportOptionsSchema } from "./generate.js";
export type { BudgetTemplateImport, BudgetTemplateRow } from "./ledger/budgetTemplate.js";
export { budgetTemplateFormat, budgetTemplateFromProjection, budgetTemplateRowSchema, readBudgetTemplate, writeBudgetTemplate } from "./ledger/budgetTemplate.js";
export type { GenerateLedgerExportOptions } from "./ledger/generate.js";
export { generateLedgerExport, generateLedgerExportOptionsSchema } from "./ledger/generate.js";
export type { LedgerGroup, LedgerImport, LedgerIssue, LedgerTieOut } from "./ledger/ledgerImport.js";
export { mapLedger } from "./ledger/mapLedger.js";
export type { BudgetFromLedgerOptions, LedgerPreview, LedgerPreviewRow } from "./ledger/readLedger.js";
export { budgetFromLedger, budgetFromLedgerOptionsSchema, previewLedger, readActuals, readLedger } from "./ledger/readLedger.js";
export type { LedgerOptions, MapLedgerOptions } from "./ledger/schema.js";
// ── Bring your own budget: ledger, actuals and the budget template (issue 16); XLSX in "@districtkit/io/xlsx"
export { ledgerColumnsSchema, ledgerOptionsSchema, mapLedgerOptionsSchema } from "./ledger/schema.js";
export type { ControlTotalRow, LedgerRow, LedgerTable } from "./ledger/table.js";
export { ledgerRow, parseLedger } from "./ledger/table.js";
export { readCsv } from "./readCsv.js";
export type { ChunkSource } from "./readCsvStream.js";
export { readCsvStream } from "./readCsvStream.js";
export type { Attributes, ColumnMatch, ReadResult, ReadStats, RowError } from "./readResult.js";
export type { ReadOptions } from "./schema/readOptions.js";
export { readOptionsSchema } from "./schema/readOptions.js";
export { attributesSchema, decimalStringSchema, isoDayStringSchema } from "./schema/records.js";
export { writeApprovedAppList } from "./write/approvedAppList.js";
export type { BudgetComparisonInput, BudgetComparisonOptions } from "./write/budgetComparison.js";
export { budgetComparisonCsv, budgetComparisonSchema, budgetComparisonTable } from "./write/budgetComparison.js";
export type { CellValue, CsvTable, CsvWriteOptions } from "./write/csv.js";
export { toCsv, writeCsv } from "./write/csv.js";
export { forecastTables } from "./write/forecastTables.js";
export type { JsonExportOptions } from "./write/json.js";
export { exportJson, parseJsonInput } from "./write/json.js";
export { neutraliseFormula } from "./write/neutralise.js";
export type { TidyOptions } from "./write/tidy.js";
export { resultToCsvFiles, tidyTables } from "./write/tidy.js";
