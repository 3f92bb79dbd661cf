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

// ── Schemas (inputs; types are z.infer of them)
export { GRADES, gradeSchema, enrollmentYearSchema, schoolSchema, districtSchema } from "./schema/district.js";
export type { Grade, DistrictInput, District, School } from "./schema/district.js";
export { DEFAULT_CATEGORIES, BUILT_IN_DRIVERS } from "./schema/categories.js";
export { escalatorSchema, lineItemSchema } from "./schema/lineItem.js";
export type { LineItemInput, LineItem } from "./schema/lineItem.js";
export { trancheSchema, fundSchema } from "./schema/fund.js";
export type { FundInput, Fund } from "./schema/fund.js";
export { driverSeriesSchema, budgetSchema, budgetInputSchema } from "./schema/budget.js";
export type { BudgetInput, Budget, BudgetModelInput, BudgetModel } from "./schema/budget.js";
export { leverSchema, planLineSchema, scenarioSchema, metricSchema } from "./schema/scenario.js";
export type { LeverInput, Lever, PlanLineInput, ScenarioInput, Scenario, MetricInput, Metric } from "./schema/scenario.js";
export { averagingSchema, entrySchema, enrollmentOptionsSchema, enrollmentProjectionInputSchema } from "./schema/enrollment.js";
export type { EnrollmentOptionsInput, EnrollmentProjectionInput } from "./schema/enrollment.js";

// ── E-Rate: dated tables and rules
export { ERATE_DISCOUNT_MATRIX, C2_DISCOUNT_CAP, discountMatrixFor } from "./tables/eRateDiscountMatrix.js";
export type { DiscountBand, DiscountMatrixEdition } from "./tables/eRateDiscountMatrix.js";
export { C2_BUDGET_CYCLES, C2_SMALL_APPLICANT_MAX_ENTITIES, C2_HIGH_COST_LIBRARY_LOCALES, c2CycleFor } from "./tables/c2BudgetCycles.js";
export type { C2Cycle } from "./tables/c2BudgetCycles.js";
export { CEP_MULTIPLIERS, cepMultiplierFor } from "./tables/cep.js";
export { discountSchoolSchema, eRateDiscountInputSchema, eRateDiscount } from "./erate/discount.js";
export type { ERateDiscountInput, ERateDiscountResult } from "./erate/discount.js";
export { cepEligibilityInputSchema, cepEligibility } from "./erate/cep.js";
export type { CepEligibilityInput, CepEligibilityResult } from "./erate/cep.js";
export { legacyDiscountInputSchema, legacyWeightedDiscount } from "./erate/legacyDiscount.js";
export type { LegacyDiscountInput, LegacyDiscountResult } from "./erate/legacyDiscount.js";
export { eRateCostShareInputSchema, eRateCostShare } from "./erate/costShare.js";
export type { ERateCostShareInput, ERateCostShareResult } from "./erate/costShare.js";
export { c2BudgetInputSchema, c2Budget } from "./erate/c2Budget.js";
export type { C2BudgetInput, C2BudgetResult } from "./erate/c2Budget.js";
export { c2CycleInputSchema, trackC2Cycle } from "./erate/c2Cycle.js";
export type { C2CycleInput, C2CycleResult, C2CycleSchoolYear, C2CycleYear } from "./erate/c2Cycle.js";

// ── Enrollment projection (cohort survival)
export { projectEnrollment } from "./enrollment/projectEnrollment.js";
export type { EnrollmentProjection, GradeProgression, ProjectedEnrollmentYear } from "./enrollment/projectEnrollment.js";
export { districtEnrollmentInputSchema, projectDistrictEnrollment } from "./enrollment/projectDistrictEnrollment.js";
export type { DistrictEnrollmentInput, DistrictEnrollmentProjection } from "./enrollment/projectDistrictEnrollment.js";

// ── Multi-year projection and fund assignment
export { prepareBudget, safePrepareBudget } from "./projection/model.js";
export { projectBudget, safeProjectBudget } from "./projection/projectBudget.js";
export { tabulate } from "./projection/tabulate.js";
export type { TableDimension, ProjectionTable } from "./projection/tabulate.js";
export type {
  ProjectionOptions,
  BudgetProjection,
  ProjectionYear,
  ProjectionLine,
  LineYear,
  FundUse,
  TrancheUse,
  BlockedCost,
  ProjectionWarning,
  C2CycleUse,
} from "./projection/types.js";
export type { LeverEffect } from "./scenario/applyLevers.js";

// ── Scenarios: comparison, sensitivity (tornado), goal seek
export { measure } from "./scenario/metric.js";
export { compareProjections, compareScenarios } from "./scenario/compare.js";
export type { Delta, LineDelta, ScenarioComparison, ScenarioSet } from "./scenario/compare.js";
export { tornadoOptionsSchema, tornado, standardTornadoLevers } from "./scenario/tornado.js";
export type { TornadoOptions, TornadoRow, TornadoResult, StandardTornadoOptions } from "./scenario/tornado.js";
export { goalSeekOptionsSchema, goalSeek } from "./scenario/goalSeek.js";
export { planMatchRequestSchema, matchPlanLines, reconcilePlan } from "./scenario/planFlow.js";
export type { PlanMatchRequest, PlanMatchReason, PlanCandidate, PlanMatch, ReconciledLine, ReconciledYear, PlanReconciliation } from "./scenario/planFlow.js";
export type { GoalSeekOptions, GoalSeekResult } from "./scenario/goalSeek.js";

// ── Seeded generator (benchmarks, tests, demos)
export { generateDistrict } from "./generate/generateDistrict.js";
export type { GenerateDistrictOptions } from "./generate/generateDistrict.js";

// ── Total cost of ownership (per device, DOMAIN-budget.md §7)
export { annualizedTcoInputSchema, annualizedTco } from "./tco/annualizedTco.js";
export type { AnnualizedTcoInput, AnnualizedTcoResult } from "./tco/annualizedTco.js";

// ── Excel-convention financial functions (PMT, PV, FV, IPMT, PPMT, NPV, IRR, XNPV, XIRR)
export { pmt, pv, fv } from "./finance/timeValue.js";
export { ipmt, ppmt } from "./finance/interestPrincipal.js";
export { npv, irr } from "./finance/netPresentValue.js";
export { xnpv, xirr } from "./finance/datedFlows.js";
export type { RateSolution } from "./finance/rateSolution.js";

// ── Account codes (NCES 2014, state charts as data) and budget vs actual (issue 16)
export { NCES_ACCOUNT_CODES } from "./accounts/ncesCodes.js";
export type { AccountCode, AccountCodeTable } from "./accounts/ncesCodes.js";
export { accountLayoutSchema, accountMappingSchema, accountRuleSchema, accountSegmentSchema, codePatternSchema, fundRuleSchema, schoolRuleSchema } from "./accounts/schema.js";
export type { AccountMapping, AccountMappingInput, CodePattern } from "./accounts/schema.js";
export { CALIFORNIA_SACS_MAPPING, NCES_TECHNOLOGY_MAPPING } from "./accounts/mappings.js";
export { compileAccountMapping } from "./accounts/classify.js";
export type { AccountClassification, AccountClassifier, AccountDecision } from "./accounts/classify.js";
export { actualRowSchema, budgetVsActualInputSchema, forecastAccuracyInputSchema, planRowSchema, restrictedBalancesInputSchema } from "./actuals/schema.js";
export type { BudgetVsActualInput, ForecastAccuracyInput, RestrictedBalancesInput } from "./actuals/schema.js";
export { budgetVsActual } from "./actuals/budgetVsActual.js";
export type { BudgetVsActualCell, BudgetVsActualResult, BudgetVsActualTotals, PeriodVariance, ProjectionMethod, YearEndProjection } from "./actuals/budgetVsActual.js";
export { forecastAccuracy } from "./actuals/forecastAccuracy.js";
export type { AccuracyFigures, AccuracyYear, ForecastAccuracyResult } from "./actuals/forecastAccuracy.js";
export { restrictedFundBalances } from "./actuals/restrictedBalances.js";
export type { AwardBalance, RestrictedBalancesResult } from "./actuals/restrictedBalances.js";
export { planFromProjection } from "./actuals/planFromProjection.js";
export type { PlanRow } from "./actuals/planFromProjection.js";
// ── E-Rate operations: filing windows, procurement calendar, eligibility by date, bid evaluation, C2 drawdown, equipment rules
export { ERATE_FILING_WINDOWS, eRateFilingWindowFor } from "./tables/eRateFilingWindows.js";
export type { ERateFilingWindow } from "./tables/eRateFilingWindows.js";
export { ERATE_PROCUREMENT_RULES, eRateProcurementRulesFor } from "./tables/eRateProcurementRules.js";
export type { ERateProcurementRules } from "./tables/eRateProcurementRules.js";
export { ERATE_ELIGIBILITY_EDITIONS, ERATE_SERVICES } from "./tables/eRateEligibility.js";
export type { ERateEligibilityEdition, ERateService } from "./tables/eRateEligibility.js";
export { ERATE_EQUIPMENT_RULES } from "./tables/eRateEquipmentRules.js";
export type { ERateEquipmentRules } from "./tables/eRateEquipmentRules.js";
export { procurementCalendarInputSchema, eRateProcurementCalendar } from "./erate/procurementCalendar.js";
export type { ProcurementCalendarInput, ProcurementCalendarResult, ProcurementMilestone, ProcurementWarning } from "./erate/procurementCalendar.js";
export { eligibilityEditionSchema, eligibilityCheckInputSchema, recheckInputSchema, checkERateEligibility, recheckERateEligibility } from "./erate/eligibility.js";
export type { EligibilityCheckInput, EligibilityCheckResult, EligibilityLine, EligibilityRecheck, RecheckInput } from "./erate/eligibility.js";
export { bidEvaluationInputSchema, evaluateBids } from "./erate/bidEvaluation.js";
export type { BidEvaluationInput, BidEvaluationResult, ScoredBid } from "./erate/bidEvaluation.js";
export { c2DrawdownInputSchema, planC2Drawdown } from "./erate/c2Drawdown.js";
export type { C2DrawdownInput, C2DrawdownRequest, C2DrawdownResult } from "./erate/c2Drawdown.js";
export { equipmentRulesInputSchema, checkEquipmentRules } from "./erate/equipmentRules.js";
export type { EquipmentFinding, EquipmentRulesInput, EquipmentRulesResult } from "./erate/equipmentRules.js";
