export { aggregateInputSchema } from "./aggregateInput.js";
export type { AueCliffResult } from "./aueCliff.js";
export { aueCliff, aueCliffInputSchema } from "./aueCliff.js";
export type { BudgetLine } from "./budgetLines.js";
export { budgetLinesSourceSchema, forecastToBudgetLines } from "./budgetLines.js";
export { parseCohorts } from "./cohortList.js";
export type { AggregateCohortsResult } from "./cohorts.js";
export { aggregateCohorts, cohortKey } from "./cohorts.js";
export type { DamageCoverageChunk, DamageCoverageInput, DamageCoverageOptionResult, DamageCoverageResult } from "./damage/coverage.js";
export {
  compareDamageCoverage,
  DAMAGE_COVERAGE_PARTS,
  damageCoverageChunkOptionsSchema,
  damageCoverageInputSchema,
  damageCoverageOptionsSchema,
  mergeDamageCoverageChunks,
  simulateDamageCoverageChunk,
  summarizeDamageCoverage,
} from "./damage/coverage.js";
export type { RepairForecastCell, RepairForecastResult } from "./damage/repairForecast.js";
export { forecastRepairs, repairForecastOptionsSchema } from "./damage/repairForecast.js";
export type { DepreciationSchedule } from "./depreciation.js";
export { decliningBalance, depreciationSchedule, depreciationScheduleInputSchema, straightLine } from "./depreciation.js";
export type { RetirementRule } from "./forecast/compiled.js";
export { forecastReplacements } from "./forecast/expected.js";
export type { MetricSummary, MonteCarloChunk, MonteCarloMetric, MonteCarloOptions, MonteCarloResult } from "./forecast/monteCarlo.js";
export {
  forecastMonteCarlo,
  MONTE_CARLO_METRICS,
  mergeMonteCarloChunks,
  monteCarloChunkOptionsSchema,
  monteCarloChunkRanges,
  monteCarloOptionsSchema,
  simulateForecastChunk,
  summarizeMonteCarlo,
} from "./forecast/monteCarlo.js";
export type { CategorySpend, CohortPlan, ForecastCounts, ForecastResult, ForecastRow, ForecastSpend, ForecastYear } from "./forecast/result.js";
export type { GenerateInventoryOptions, GenerateRepairHistoryOptions } from "./generate.js";
export { generateInventory, generateInventoryOptionsSchema, generateRepairHistory, generateRepairHistoryOptionsSchema } from "./generate.js";
export type { LeaseVsBuyInput, LeaseVsBuyResult } from "./leaseVsBuy.js";
export { compareLeaseVsBuy, leaseVsBuyInputSchema, npv } from "./leaseVsBuy.js";
export type { OptimalReplacementResult } from "./optimalReplacement.js";
export { optimalReplacementAge, optimalReplacementInputSchema } from "./optimalReplacement.js";
export type { CappedPlanInput, CappedPlanResult } from "./refreshPlan/cappedPlan.js";
export { cappedPlanInputSchema, planCappedRefresh } from "./refreshPlan/cappedPlan.js";
export type { RepairOrReplaceResult } from "./repairOrReplace.js";
export { repairOrReplace, repairOrReplaceInputSchema } from "./repairOrReplace.js";
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
export type { SparePoolResult } from "./spares.js";
export { sizeSparePool, sparePoolInputSchema } from "./spares.js";
export type { ModelSupportEnd, SupportEndBasis, SupportEndEntry, SupportEndEntryInput, SupportEndsInput, SupportEndsResult } from "./supportEnds.js";
export { supportEndEntrySchema, supportEnds, supportEndsInputSchema } from "./supportEnds.js";
export type { AnnualFailureProbabilities } from "./survival/annual.js";
export { annualFailureProbabilities } from "./survival/annual.js";
export type { Interval, KaplanMeierInput, KaplanMeierResult, KaplanMeierStep } from "./survival/kaplanMeier.js";
export { kaplanMeier, kaplanMeierInputSchema, survivalAt } from "./survival/kaplanMeier.js";
export type { KaplanMeierPoint } from "./survival/kaplanMeierAt.js";
export { kaplanMeierAt, kaplanMeierAtOptionsSchema } from "./survival/kaplanMeierAt.js";
export type { RepairFit, RepairStatistics } from "./survival/repairs.js";
export { failureModelFromKaplanMeier, fitFailureModelFromRepairs, repairFilterSchema, repairStatistics, survivalDataFromRepairs } from "./survival/repairs.js";
export type { WeibullFitInput, WeibullFitResult, WeibullParameters } from "./survival/weibull.js";
export { fitWeibull, weibullFitInputSchema, weibullFrom, weibullLife, weibullParametrizationSchema, weibullSurvival } from "./survival/weibull.js";
export type { WeibullCovariance, WeibullEstimate } from "./survival/weibullIntervals.js";
export { weibullFitQuantile, weibullFitSummarySchema, weibullFitSurvival } from "./survival/weibullIntervals.js";
export { CAPITALIZATION_THRESHOLDS } from "./tables/capitalization.js";
export { NETWORK_GEAR_SUPPORT_TEMPLATE, SUPPORT_END_TABLE } from "./tables/supportEnds.js";
export type { TcoResult } from "./tco.js";
export { TCO_CATEGORIES, tcoInputSchema, totalCostOfOwnership } from "./tco.js";
