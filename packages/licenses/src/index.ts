export * from "./schema.js";
export { CITE_ADOBE_FTE_FORMULA } from "./tables/fte.js";
export type { FteFormula } from "./tables/fte.js";
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
export type { PriceCliff } from "./pricing.js";
export { optimizeLicenses } from "./optimize.js";
export type { LicenseBudgetLine, LicensePlanResult, Payment, ProductPlan, ProductYear, Purchase } from "./optimize.js";
export type { Alternative, BoughtUp, ProductExplanation, SiteBreakEven } from "./internal/explain.js";
export { generateLicenseMarket, generateLicenseMarketOptionsSchema } from "./generate.js";
export type { GenerateLicenseMarketOptions } from "./generate.js";
