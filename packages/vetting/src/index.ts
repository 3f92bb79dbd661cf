export { conditionSchema, stateCodeSchema, useModeSchema } from "./schema/condition.js";
export type { Condition, UseMode } from "./schema/condition.js";
export { acrAnswerSchema, conformanceTermSchema, documentAnswerSchema, studyAnswerSchema, wcagVersionSchema } from "./schema/evidence.js";
export type { AcrAnswer, ConformanceTerm, DocumentAnswer, StudyAnswer, WcagVersion } from "./schema/evidence.js";
export { criterionSchema, domainSchema } from "./schema/criterion.js";
export type { Criterion, CriterionInput, CriterionKind, Domain } from "./schema/criterion.js";
export { decisionSettingsSchema, rubricSchema, scoringSettingsSchema } from "./schema/rubric.js";
export type { Rubric, RubricInput, UnansweredPolicy } from "./schema/rubric.js";
export { ageRangeSchema, answerSchema, answerValueSchema, appSchema, districtContextSchema, scoreOptionsSchema } from "./schema/answers.js";
export type { Answer, App, AppInput, DistrictContext, DistrictContextInput, ScoreOptions } from "./schema/answers.js";
export { K12_RUBRIC } from "./rubrics/k12.js";
export { scoreApp, scoreApps } from "./score.js";
export { compileScorer } from "./scorer.js";
export type { Scorer } from "./scorer.js";
export { readAnswers } from "./sheet.js";
export type { AnswerSheet } from "./sheet.js";
export { DECISION_ORDER } from "./result.js";
export type { CriterionResult, CriterionStatus, Decision, DomainScore, GateFinding, ReReviewTrigger, ScoreResult } from "./result.js";
export { PRIVACY_RATING_CRITERIA, ratePrivacy } from "./rating.js";
export type { PrivacyRating, PrivacyRatingResult } from "./rating.js";
export { summarizeAcr } from "./accessibility.js";
export type { AcrSummary } from "./accessibility.js";
export { essaTier } from "./evidence.js";
export type { EssaTierResult } from "./evidence.js";
export { projectUnicornPledge } from "./interoperability.js";
export type { UnicornPledgeResult } from "./interoperability.js";
export { breachNotificationDeadlines, contractNoticeDeadlines } from "./deadlines.js";
export type { LawDeadline, LawDeadlinesResult } from "./deadlines.js";
export { COPPA_RULE_VERSIONS, coppaRuleInForce } from "./tables/coppa.js";
export type { CoppaRuleVersion } from "./tables/coppa.js";
export { ADA_TITLE_II_WEB_RULE, HHS_504_WEB_RULE, adaTitleIIComplianceDate } from "./tables/adaTitleII.js";
export type { AdaComplianceResult, WebRuleVersion } from "./tables/adaTitleII.js";
export { WCAG_CRITERIA, wcagCriteria } from "./tables/wcag.js";
export type { WcagCriterion } from "./tables/wcag.js";
export { CIS_CONTROLS_V8_1, EVIDENCE_MAX_AGE_MONTHS, ISO_27001_EDITIONS } from "./tables/security.js";
export { PROJECT_UNICORN_METRICS, PROJECT_UNICORN_PLEDGE_LEVEL } from "./tables/unicorn.js";
export { STATE_STUDENT_PRIVACY_LAWS } from "./tables/stateLaws.js";
export type { DeadlineRule, StateLawCheck, StateStudentPrivacyLaw } from "./tables/stateLaws.js";
export { HIGH_SENSITIVITY_CATEGORIES, STUDENT_DATA_CATEGORIES } from "./tables/dataCategories.js";
export { deriveRubric, prepareRubric, rubricChangesSchema } from "./derive.js";
export type { RubricChanges } from "./derive.js";
export { answerValueSchemaFor, appSchemaFor, questionnaireJsonSchema } from "./questionnaire.js";
export { decisionMatrixSchema, topsis, weightedSum } from "./mcda.js";
export type { DecisionMatrix, RankedAlternative, RankingResult, RankingRobustness } from "./mcda.js";
export { AHP_CONSISTENCY_THRESHOLD, AHP_RANDOM_INDEX, AHP_RECIPROCAL_TOLERANCE, ahpWeights } from "./ahp.js";
export type { AhpAdjustment, AhpMethod, AhpOptions, AhpResult } from "./ahp.js";
export { decisionRobustness, whatIfWeights } from "./robustness.js";
export type { DecisionFlip, DecisionRobustness, WhatIfResult, WhatIfRow } from "./robustness.js";
export { compareApps } from "./compare.js";
export type { AppComparison } from "./compare.js";
export { explainCriterion } from "./explain.js";
export { generateApps, generateAppsOptionsSchema } from "./generate.js";
export type { GenerateAppsOptions, GeneratedApps } from "./generate.js";
export { scoreTier, scoreTierSchema, scoreTiersSchema } from "./tiers.js";
export type { ScoreTier, ScoreTierResult } from "./tiers.js";
export { RISK_TIERS_VENDORSCORE_1, riskItemSchema, riskScore, riskScoreInputSchema, riskScoreOf } from "./risk.js";
export type { RiskContribution, RiskScoreInput, RiskScoreResult } from "./risk.js";
export { gradeCode, gradeSchema } from "./privacy/grades.js";
export {
  agreementSchema,
  agreementTypeSchema,
  approvalConditionsSchema,
  dataCategorySchema,
  dpaStatusSchema,
  nySupplementSchema,
  privacyRegisterSchema,
  vettingDecisionSchema,
} from "./privacy/schema.js";
export type { Agreement, AgreementInput, AgreementType, ApprovalConditions, DpaStatus, PrivacyRegister, PrivacyRegisterInput } from "./privacy/schema.js";
export { agreementStatusAt, listAgreementExpiries, reviewRegister } from "./privacy/status.js";
export type { AgreementExpiry, AgreementStatusAt, RegisterAppStatus } from "./privacy/status.js";
export { approvalFromScore } from "./privacy/fromScore.js";
export {
  approvedAppEntrySchema,
  approvedAppListSchema,
  contractNoticesSchema,
  nySupplementalInformationSchema,
  publicDocumentSchema,
  publishedRuleSchema,
} from "./privacy/documentSchemas.js";
export type { ApprovedAppEntry, ApprovedAppList, ContractNotices, NySupplementalInformation, PublicDocument, PublicationGap, PublishedRule } from "./privacy/documentSchemas.js";
export { buildApprovedAppList } from "./privacy/approvedList.js";
export { buildNySupplementalInformation } from "./privacy/nySupplement.js";
export { buildContractNotices } from "./privacy/contractNotices.js";
export { escapeHtml, renderPublicDocumentHtml } from "./privacy/html.js";
export { checkRosterSharing, sharedRosterSchema } from "./privacy/sharing.js";
export type { ExcessField, RosterSharingResult, SharedRosterInput, StudentFinding } from "./privacy/sharing.js";
export { findUnvettedApps, usageLineSchema } from "./privacy/unvetted.js";
export type { UnvettedApp, UnvettedAppsResult } from "./privacy/unvetted.js";
export { PUBLICATION_RULES, publicationRulesInForce } from "./tables/publicationRules.js";
export type { PublicationDeadline, PublicationField, PublicationRule } from "./tables/publicationRules.js";
export { ROSTER_FIELD_CATEGORIES } from "./tables/rosterFields.js";
export type { RosterFieldCategory, RosterSubject } from "./tables/rosterFields.js";
export { DATA_SENSITIVITY, UNKNOWN_DATA_SENSITIVITY } from "./tables/dataSensitivity.js";
export type { DataSensitivity } from "./tables/dataSensitivity.js";
