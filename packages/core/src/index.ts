export { DistrictKitError, formatPath, guardInput, isDistrictKitError } from "./errors.js";
export type { DistrictKitErrorCode, DistrictKitIssue } from "./errors.js";
export { Dec } from "./decimal.js";
export { ROUNDING_MODES } from "./rounding.js";
export type { RoundingMode } from "./rounding.js";
export { Money } from "./money.js";
export type { Factor, MoneyInput } from "./money.js";
export { allocate, splitEvenly } from "./allocate.js";
export type { AllocateOptions, AllocationMethod } from "./allocate.js";
export { Rate, compoundFactor, escalate } from "./rate.js";
export type { EscalateOptions, EscalationRounding } from "./rate.js";
export { addDaysIso, addMonthsIso, compareIsoDates, dateParts, daysBetween, isIsoDate, isoDate, isoDateSchema } from "./isoDate.js";
export type { IsoDate } from "./isoDate.js";
export {
  DISTRICT_CALENDAR,
  ERATE_CALENDAR,
  FEDERAL_CALENDAR,
  convertFiscalYear,
  districtFiscalYearOfFundingYear,
  eRateFundingYearOf,
  fiscalCalendar,
  fiscalCalendarSchema,
  fiscalYearHorizon,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearsOverlapping,
  parseFiscalYearLabel,
} from "./fiscalYear.js";
export type { FiscalCalendar } from "./fiscalYear.js";
export { MoneySeries, NumberSeries } from "./series.js";
export { createRng } from "./random/rng.js";
export type { Rng } from "./random/rng.js";
export {
  sampleBinomial,
  sampleGamma,
  sampleNormal,
  samplePoisson,
  sampleTriangular,
  sampleUniform,
  sampleWeibull,
} from "./random/samplers.js";
export { quantile, quantiles } from "./quantile.js";
export { parseInput, safeParseInput, toJsonSchema } from "./validation.js";
export { fiscalYearSchema, keyedRecordSchema, moneySchema, nonNegativeMoneySchema, probabilitySchema, rateSchema } from "./schemas.js";
