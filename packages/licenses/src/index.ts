export { concurrencyInputSchema, erlangB, erlangBLog, licensesForBlocking, peakConcurrency } from "./concurrency.js";
export type { UsageRecord } from "./demand.js";
export { demandFromRosters, demandFromUsage, rosterDemandInputSchema, usageDemandInputSchema, usageRecordSchema } from "./demand.js";
export type { DistrictLicenseData } from "./districtData.js";
export { buildLicensePlanInput, districtLicenseDataSchema } from "./districtData.js";
export type { GenerateLicenseMarketOptions } from "./generate.js";
export { generateLicenseMarket, generateLicenseMarketOptionsSchema } from "./generate.js";
export type { Alternative, BoughtUp, ProductExplanation, SiteBreakEven } from "./internal/explain.js";
export type { LicenseBudgetLine, LicensePlanResult, Payment, ProductPlan, ProductYear, Purchase } from "./optimize.js";
export { optimizeLicenses } from "./optimize.js";
export type { PriceCliff } from "./pricing.js";
export {
  cheapestCover,
  districtLicensePrice,
  escalatedPrice,
  escalationSeries,
  fullTimeEquivalents,
  optionSeatCost,
  priceCliffs,
  scheduleCost,
  siteLicensePrice,
} from "./pricing.js";
export type { ReclaimResult } from "./recommend.js";
export {
  findOverlaps,
  overlapInputSchema,
  reclaimableSeats,
  reclaimInputSchema,
  rightSizeSeats,
  seatsForUtilization,
  utilizationInputSchema,
  utilizationMetrics,
} from "./recommend.js";
export type { RenewalEntry } from "./renewals.js";
export { renewalCalendar, renewalCalendarInputSchema } from "./renewals.js";
export * from "./schema.js";
export type { FteFormula } from "./tables/fte.js";
export { CITE_ADOBE_FTE_FORMULA } from "./tables/fte.js";
