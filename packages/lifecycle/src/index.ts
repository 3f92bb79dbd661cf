export {
  autoUpdateExpirationSchema,
  cohortSchema,
  deviceCategorySchema,
  deviceModelSchema,
  deviceRoleSchema,
  deviceSchema,
  failureAssumptionsSchema,
  failureModelSchema,
  forecastInputSchema,
  growthRuleSchema,
  matchSchema,
  refreshPolicySchema,
  repairHistorySchema,
  repairTicketSchema,
  sparePolicySchema,
  survivalObservationSchema,
} from "./schema.js";
export type {
  Cohort,
  CohortInput,
  Device,
  DeviceCategory,
  DeviceModel,
  DeviceModelInput,
  DeviceRole,
  FailureAssumptions,
  FailureModel,
  FailureModelInput,
  ForecastInput,
  ForecastInputData,
  GrowthRule,
  Match,
  RefreshPolicy,
  RepairHistory,
  RepairHistoryInput,
  RepairTicket,
  SparePolicy,
  SurvivalObservation,
  SurvivalObservationInput,
} from "./schema.js";
export { aggregateCohorts, aggregateInputSchema, cohortKey } from "./cohorts.js";
export type { AggregateCohortsResult } from "./cohorts.js";
export { kaplanMeier, kaplanMeierInputSchema, survivalAt } from "./survival/kaplanMeier.js";
export type { Interval, KaplanMeierInput, KaplanMeierResult, KaplanMeierStep } from "./survival/kaplanMeier.js";
export { kaplanMeierAt, kaplanMeierAtOptionsSchema } from "./survival/kaplanMeierAt.js";
export type { KaplanMeierPoint } from "./survival/kaplanMeierAt.js";
export { fitWeibull, weibullFitInputSchema, weibullFrom, weibullLife, weibullParametrizationSchema, weibullSurvival } from "./survival/weibull.js";
export type { WeibullFitInput, WeibullFitResult, WeibullParameters } from "./survival/weibull.js";
export { weibullFitQuantile, weibullFitSummarySchema, weibullFitSurvival } from "./survival/weibullIntervals.js";
export type { WeibullCovariance, WeibullEstimate } from "./survival/weibullIntervals.js";
export { annualFailureProbabilities } from "./survival/annual.js";
export type { AnnualFailureProbabilities } from "./survival/annual.js";
export { forecastReplacements } from "./forecast/expected.js";
export type { CategorySpend, CohortPlan, ForecastCounts, ForecastResult, ForecastRow, ForecastSpend, ForecastYear } from "./forecast/result.js";
export type { RetirementRule } from "./forecast/compiled.js";
export {
  MONTE_CARLO_METRICS,
  forecastMonteCarlo,
  mergeMonteCarloChunks,
  monteCarloChunkOptionsSchema,
  monteCarloChunkRanges,
  monteCarloOptionsSchema,
  simulateForecastChunk,
  summarizeMonteCarlo,
} from "./forecast/monteCarlo.js";
export type { MetricSummary, MonteCarloChunk, MonteCarloMetric, MonteCarloOptions, MonteCarloResult } from "./forecast/monteCarlo.js";
export { failureModelFromKaplanMeier, fitFailureModelFromRepairs, repairFilterSchema, repairStatistics, survivalDataFromRepairs } from "./survival/repairs.js";
export type { RepairFit, RepairStatistics } from "./survival/repairs.js";
export { generateInventory, generateInventoryOptionsSchema, generateRepairHistory, generateRepairHistoryOptionsSchema } from "./generate.js";
export type { GenerateInventoryOptions, GenerateRepairHistoryOptions } from "./generate.js";
export { aueCliff, aueCliffInputSchema } from "./aueCliff.js";
export type { AueCliffResult } from "./aueCliff.js";
export { budgetLinesSourceSchema, forecastToBudgetLines } from "./budgetLines.js";
export type { BudgetLine } from "./budgetLines.js";
export { cappedPlanInputSchema, planCappedRefresh } from "./refreshPlan/cappedPlan.js";
export type { CappedPlanInput, CappedPlanResult } from "./refreshPlan/cappedPlan.js";
export { decliningBalance, depreciationSchedule, depreciationScheduleInputSchema, straightLine } from "./depreciation.js";
export type { DepreciationSchedule } from "./depreciation.js";
export { compareLeaseVsBuy, leaseVsBuyInputSchema, npv } from "./leaseVsBuy.js";
export type { LeaseVsBuyInput, LeaseVsBuyResult } from "./leaseVsBuy.js";
export { optimalReplacementAge, optimalReplacementInputSchema } from "./optimalReplacement.js";
export type { OptimalReplacementResult } from "./optimalReplacement.js";
export { repairOrReplace, repairOrReplaceInputSchema } from "./repairOrReplace.js";
export type { RepairOrReplaceResult } from "./repairOrReplace.js";
export { sizeSparePool, sparePoolInputSchema } from "./spares.js";
export type { SparePoolResult } from "./spares.js";
export { TCO_CATEGORIES, tcoInputSchema, totalCostOfOwnership } from "./tco.js";
export type { TcoResult } from "./tco.js";
export { CAPITALIZATION_THRESHOLDS } from "./tables/capitalization.js";
export { supportEnds, supportEndEntrySchema, supportEndsInputSchema } from "./supportEnds.js";
export type { ModelSupportEnd, SupportEndBasis, SupportEndEntry, SupportEndEntryInput, SupportEndsInput, SupportEndsResult } from "./supportEnds.js";
export { NETWORK_GEAR_SUPPORT_TEMPLATE, SUPPORT_END_TABLE } from "./tables/supportEnds.js";
export {
  DAMAGE_COVERAGE_PARTS,
  compareDamageCoverage,
  damageCoverageChunkOptionsSchema,
  damageCoverageInputSchema,
  damageCoverageOptionsSchema,
  mergeDamageCoverageChunks,
  simulateDamageCoverageChunk,
  summarizeDamageCoverage,
} from "./damage/coverage.js";
export type { DamageCoverageChunk, DamageCoverageInput, DamageCoverageOptionResult, DamageCoverageResult } from "./damage/coverage.js";
export { forecastRepairs, repairForecastOptionsSchema } from "./damage/repairForecast.js";
export type { RepairForecastCell, RepairForecastResult } from "./damage/repairForecast.js";
