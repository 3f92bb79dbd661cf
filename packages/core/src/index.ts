export type { AllocateOptions, AllocationMethod } from "./allocate.js";
export { allocate, splitEvenly } from "./allocate.js";
export { Dec } from "./decimal.js";
export type { DistrictKitErrorCode, DistrictKitIssue } from "./errors.js";
export { DistrictKitError, formatPath, guardInput, isDistrictKitError } from "./errors.js";
export type { FiscalCalendar } from "./fiscalYear.js";
export {
  convertFiscalYear,
  DISTRICT_CALENDAR,
  districtFiscalYearOfFundingYear,
  ERATE_CALENDAR,
  eRateFundingYearOf,
  FEDERAL_CALENDAR,
  fiscalCalendar,
  fiscalCalendarSchema,
  fiscalYearHorizon,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearsOverlapping,
  parseFiscalYearLabel,
} from "./fiscalYear.js";
export type { IsoDate } from "./isoDate.js";
export { addDaysIso, addMonthsIso, compareIsoDates, dateParts, daysBetween, isIsoDate, isoDate, isoDateSchema } from "./isoDate.js";
export type { Factor, MoneyInput } from "./money.js";
export { Money } from "./money.js";
export { quantile, quantiles } from "./quantile.js";
export type { Rng } from "./random/rng.js";
export { createRng } from "./random/rng.js";
export {
  sampleBinomial,
  sampleGamma,
  sampleNormal,
  samplePoisson,
  sampleTriangular,
  sampleUniform,
  sampleWeibull,
} from "./random/samplers.js";
export type { EscalateOptions, EscalationRounding } from "./rate.js";
export { compoundFactor, escalate, Rate } from "./rate.js";
export type { RoundingMode } from "./rounding.js";
export { ROUNDING_MODES } from "./rounding.js";
export { fiscalYearSchema, keyedRecordSchema, moneySchema, nonNegativeMoneySchema, probabilitySchema, rateSchema } from "./schemas.js";
export { MoneySeries, NumberSeries } from "./series.js";
export { parseInput, safeParseInput, toJsonSchema } from "./validation.js";
