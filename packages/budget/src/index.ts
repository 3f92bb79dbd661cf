/**
 * `@districtkit/budget` — multi-year district technology budgets: line items × drivers ×
 * escalators, E-Rate, restricted funds assigned exactly, enrollment by cohort survival, and
 * what-if scenarios. Pure functions; results are plain data (amounts are core's `Money`, which
 * serialises to a decimal string).
 *
 * Main entry points (names are stable):
 * - Model and projection: {@link prepareBudget} (validate once), {@link projectBudget}
 *   (a scenario → every fiscal year × category × fund × school, explained),
 *   {@link safePrepareBudget}, {@link safeProjectBudget}, {@link tabulate} (CSV-ready rows)
 * - Scenarios: {@link compareScenarios} / {@link compareProjections} (delta tables that add
 *   up), {@link tornado} with {@link standardTornadoLevers}, {@link goalSeek}, {@link measure};
 *   plans from other engines: {@link matchPlanLines} (which items a plan replaces) and
 *   {@link reconcilePlan} (what using it removes, adds and changes, year by year)
 * - E-Rate: {@link eRateDiscount} (district-wide rule), {@link cepEligibility},
 *   {@link legacyWeightedDiscount} (before FY2015 only), {@link eRateCostShare},
 *   {@link c2Budget}, {@link trackC2Cycle}; dated tables {@link ERATE_DISCOUNT_MATRIX},
 *   {@link C2_BUDGET_CYCLES}, {@link CEP_MULTIPLIERS}
 * - Enrollment: {@link projectEnrollment} (one history), {@link projectDistrictEnrollment} (every school)
 * - Per-device total cost of ownership: {@link annualizedTco}
 * - Data: the zod schemas ({@link budgetInputSchema}, {@link districtSchema},
 *   {@link budgetSchema}, {@link lineItemSchema}, {@link fundSchema}, {@link leverSchema},
 *   {@link scenarioSchema}, {@link metricSchema}) and {@link generateDistrict} (seeded)
 *
 * @packageDocumentation
 */

export type { AccountClassification, AccountClassifier, AccountDecision } from "./accounts/classify.js";
export { compileAccountMapping } from "./accounts/classify.js";
export { CALIFORNIA_SACS_MAPPING, NCES_TECHNOLOGY_MAPPING } from "./accounts/mappings.js";
export type { AccountCode, AccountCodeTable } from "./accounts/ncesCodes.js";
// ── Account codes (NCES 2014, state charts as data) and budget vs actual (issue 16)
export { NCES_ACCOUNT_CODES } from "./accounts/ncesCodes.js";
export type { AccountMapping, AccountMappingInput, CodePattern } from "./accounts/schema.js";
export { accountLayoutSchema, accountMappingSchema, accountRuleSchema, accountSegmentSchema, codePatternSchema, fundRuleSchema, schoolRuleSchema } from "./accounts/schema.js";
export type { BudgetVsActualCell, BudgetVsActualResult, BudgetVsActualTotals, PeriodVariance, ProjectionMethod, YearEndProjection } from "./actuals/budgetVsActual.js";
export { budgetVsActual } from "./actuals/budgetVsActual.js";
export type { AccuracyFigures, AccuracyYear, ForecastAccuracyResult } from "./actuals/forecastAccuracy.js";
export { forecastAccuracy } from "./actuals/forecastAccuracy.js";
export type { PlanRow } from "./actuals/planFromProjection.js";
export { planFromProjection } from "./actuals/planFromProjection.js";
export type { AwardBalance, RestrictedBalancesResult } from "./actuals/restrictedBalances.js";
export { restrictedFundBalances } from "./actuals/restrictedBalances.js";
export type { BudgetVsActualInput, ForecastAccuracyInput, RestrictedBalancesInput } from "./actuals/schema.js";
export { actualRowSchema, budgetVsActualInputSchema, forecastAccuracyInputSchema, planRowSchema, restrictedBalancesInputSchema } from "./actuals/schema.js";
export type { DistrictEnrollmentInput, DistrictEnrollmentProjection } from "./enrollment/projectDistrictEnrollment.js";
export { districtEnrollmentInputSchema, projectDistrictEnrollment } from "./enrollment/projectDistrictEnrollment.js";
export type { EnrollmentProjection, GradeProgression, ProjectedEnrollmentYear } from "./enrollment/projectEnrollment.js";
// ── Enrollment projection (cohort survival)
export { projectEnrollment } from "./enrollment/projectEnrollment.js";
export type { BidEvaluationInput, BidEvaluationResult, ScoredBid } from "./erate/bidEvaluation.js";
export { bidEvaluationInputSchema, evaluateBids } from "./erate/bidEvaluation.js";
export type { C2BudgetInput, C2BudgetResult } from "./erate/c2Budget.js";
export { c2Budget, c2BudgetInputSchema } from "./erate/c2Budget.js";
export type { C2CycleInput, C2CycleResult, C2CycleSchoolYear, C2CycleYear } from "./erate/c2Cycle.js";
export { c2CycleInputSchema, trackC2Cycle } from "./erate/c2Cycle.js";
export type { C2DrawdownInput, C2DrawdownRequest, C2DrawdownResult } from "./erate/c2Drawdown.js";
export { c2DrawdownInputSchema, planC2Drawdown } from "./erate/c2Drawdown.js";
export type { CepEligibilityInput, CepEligibilityResult } from "./erate/cep.js";
export { cepEligibility, cepEligibilityInputSchema } from "./erate/cep.js";
export type { ERateCostShareInput, ERateCostShareResult } from "./erate/costShare.js";
export { eRateCostShare, eRateCostShareInputSchema } from "./erate/costShare.js";
export type { ERateDiscountInput, ERateDiscountResult } from "./erate/discount.js";
export { discountSchoolSchema, eRateDiscount, eRateDiscountInputSchema } from "./erate/discount.js";
export type { EligibilityCheckInput, EligibilityCheckResult, EligibilityLine, EligibilityRecheck, RecheckInput } from "./erate/eligibility.js";
export { checkERateEligibility, eligibilityCheckInputSchema, eligibilityEditionSchema, recheckERateEligibility, recheckInputSchema } from "./erate/eligibility.js";
export type { EquipmentFinding, EquipmentRulesInput, EquipmentRulesResult } from "./erate/equipmentRules.js";
export { checkEquipmentRules, equipmentRulesInputSchema } from "./erate/equipmentRules.js";
export type { LegacyDiscountInput, LegacyDiscountResult } from "./erate/legacyDiscount.js";
export { legacyDiscountInputSchema, legacyWeightedDiscount } from "./erate/legacyDiscount.js";
export type { ProcurementCalendarInput, ProcurementCalendarResult, ProcurementMilestone, ProcurementWarning } from "./erate/procurementCalendar.js";
export { eRateProcurementCalendar, procurementCalendarInputSchema } from "./erate/procurementCalendar.js";
export { xirr, xnpv } from "./finance/datedFlows.js";
export { ipmt, ppmt } from "./finance/interestPrincipal.js";
export { irr, npv } from "./finance/netPresentValue.js";
export type { RateSolution } from "./finance/rateSolution.js";
// ── Excel-convention financial functions (PMT, PV, FV, IPMT, PPMT, NPV, IRR, XNPV, XIRR)
export { fv, pmt, pv } from "./finance/timeValue.js";
export type { GenerateDistrictOptions } from "./generate/generateDistrict.js";

// ── Seeded generator (benchmarks, tests, demos)
export { generateDistrict } from "./generate/generateDistrict.js";
// ── Multi-year projection and fund assignment
export { prepareBudget, safePrepareBudget } from "./projection/model.js";
export { projectBudget, safeProjectBudget } from "./projection/projectBudget.js";
export type { ProjectionTable, TableDimension } from "./projection/tabulate.js";
export { tabulate } from "./projection/tabulate.js";
export type {
  BlockedCost,
  BudgetProjection,
  C2CycleUse,
  FundUse,
  LineYear,
  ProjectionLine,
  ProjectionOptions,
  ProjectionWarning,
  ProjectionYear,
  TrancheUse,
} from "./projection/types.js";
export type { LeverEffect } from "./scenario/applyLevers.js";
export type { Delta, LineDelta, ScenarioComparison, ScenarioSet } from "./scenario/compare.js";
export { compareProjections, compareScenarios } from "./scenario/compare.js";
export type { GoalSeekOptions, GoalSeekResult } from "./scenario/goalSeek.js";
export { goalSeek, goalSeekOptionsSchema } from "./scenario/goalSeek.js";
// ── Scenarios: comparison, sensitivity (tornado), goal seek
export { measure } from "./scenario/metric.js";
export type { PlanCandidate, PlanMatch, PlanMatchReason, PlanMatchRequest, PlanReconciliation, ReconciledLine, ReconciledYear } from "./scenario/planFlow.js";
export { matchPlanLines, planMatchRequestSchema, reconcilePlan } from "./scenario/planFlow.js";
export type { StandardTornadoOptions, TornadoOptions, TornadoResult, TornadoRow } from "./scenario/tornado.js";
export { standardTornadoLevers, tornado, tornadoOptionsSchema } from "./scenario/tornado.js";
export type { Budget, BudgetInput, BudgetModel, BudgetModelInput } from "./schema/budget.js";
export { budgetInputSchema, budgetSchema, driverSeriesSchema } from "./schema/budget.js";
export { BUILT_IN_DRIVERS, DEFAULT_CATEGORIES } from "./schema/categories.js";
export type { District, DistrictInput, Grade, School } from "./schema/district.js";
// ── Schemas (inputs; types are z.infer of them)
export { districtSchema, enrollmentYearSchema, GRADES, gradeSchema, schoolSchema } from "./schema/district.js";
export type { EnrollmentOptionsInput, EnrollmentProjectionInput } from "./schema/enrollment.js";
export { averagingSchema, enrollmentOptionsSchema, enrollmentProjectionInputSchema, entrySchema } from "./schema/enrollment.js";
export type { Fund, FundInput } from "./schema/fund.js";
export { fundSchema, trancheSchema } from "./schema/fund.js";
export type { LineItem, LineItemInput } from "./schema/lineItem.js";
export { escalatorSchema, lineItemSchema } from "./schema/lineItem.js";
export type { Lever, LeverInput, Metric, MetricInput, PlanLineInput, Scenario, ScenarioInput } from "./schema/scenario.js";
export { leverSchema, metricSchema, planLineSchema, scenarioSchema } from "./schema/scenario.js";
export type { C2Cycle } from "./tables/c2BudgetCycles.js";
export { C2_BUDGET_CYCLES, C2_HIGH_COST_LIBRARY_LOCALES, C2_SMALL_APPLICANT_MAX_ENTITIES, c2CycleFor } from "./tables/c2BudgetCycles.js";
export { CEP_MULTIPLIERS, cepMultiplierFor } from "./tables/cep.js";
export type { DiscountBand, DiscountMatrixEdition } from "./tables/eRateDiscountMatrix.js";
// ── E-Rate: dated tables and rules
export { C2_DISCOUNT_CAP, discountMatrixFor, ERATE_DISCOUNT_MATRIX } from "./tables/eRateDiscountMatrix.js";
export type { ERateEligibilityEdition, ERateService } from "./tables/eRateEligibility.js";
export { ERATE_ELIGIBILITY_EDITIONS, ERATE_SERVICES } from "./tables/eRateEligibility.js";
export type { ERateEquipmentRules } from "./tables/eRateEquipmentRules.js";
export { ERATE_EQUIPMENT_RULES } from "./tables/eRateEquipmentRules.js";
export type { ERateFilingWindow } from "./tables/eRateFilingWindows.js";
// ── E-Rate operations: filing windows, procurement calendar, eligibility by date, bid evaluation, C2 drawdown, equipment rules
export { ERATE_FILING_WINDOWS, eRateFilingWindowFor } from "./tables/eRateFilingWindows.js";
export type { ERateProcurementRules } from "./tables/eRateProcurementRules.js";
export { ERATE_PROCUREMENT_RULES, eRateProcurementRulesFor } from "./tables/eRateProcurementRules.js";
export type { AnnualizedTcoInput, AnnualizedTcoResult } from "./tco/annualizedTco.js";
// ── Total cost of ownership (per device, DOMAIN-budget.md §7)
export { annualizedTco, annualizedTcoInputSchema } from "./tco/annualizedTco.js";
