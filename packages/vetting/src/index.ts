export type { AcrSummary } from "./accessibility.js";
export { summarizeAcr } from "./accessibility.js";
export type { AhpAdjustment, AhpMethod, AhpOptions, AhpResult } from "./ahp.js";
export { AHP_CONSISTENCY_THRESHOLD, AHP_RANDOM_INDEX, AHP_RECIPROCAL_TOLERANCE, ahpWeights } from "./ahp.js";
export type { AppComparison } from "./compare.js";
export { compareApps } from "./compare.js";
export type { LawDeadline, LawDeadlinesResult } from "./deadlines.js";
export { breachNotificationDeadlines, contractNoticeDeadlines } from "./deadlines.js";
export type { RubricChanges } from "./derive.js";
export { deriveRubric, prepareRubric, rubricChangesSchema } from "./derive.js";
export type { EssaTierResult } from "./evidence.js";
export { essaTier } from "./evidence.js";
export { explainCriterion } from "./explain.js";
export type { GenerateAppsOptions, GeneratedApps } from "./generate.js";
export { generateApps, generateAppsOptionsSchema } from "./generate.js";
export type { UnicornPledgeResult } from "./interoperability.js";
export { projectUnicornPledge } from "./interoperability.js";
export type { DecisionMatrix, RankedAlternative, RankingResult, RankingRobustness } from "./mcda.js";
export { decisionMatrixSchema, topsis, weightedSum } from "./mcda.js";
export { buildApprovedAppList } from "./privacy/approvedList.js";
export { buildContractNotices } from "./privacy/contractNotices.js";
export type { ApprovedAppEntry, ApprovedAppList, ContractNotices, NySupplementalInformation, PublicationGap, PublicDocument, PublishedRule } from "./privacy/documentSchemas.js";
export {
  approvedAppEntrySchema,
  approvedAppListSchema,
  contractNoticesSchema,
  nySupplementalInformationSchema,
  publicDocumentSchema,
  publishedRuleSchema,
} from "./privacy/documentSchemas.js";
export { approvalFromScore } from "./privacy/fromScore.js";
export { gradeCode, gradeSchema } from "./privacy/grades.js";
export { escapeHtml, renderPublicDocumentHtml } from "./privacy/html.js";
export { buildNySupplementalInformation } from "./privacy/nySupplement.js";
export type { Agreement, AgreementInput, AgreementType, ApprovalConditions, DpaStatus, PrivacyRegister, PrivacyRegisterInput } from "./privacy/schema.js";
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
export type { ExcessField, RosterSharingResult, SharedRosterInput, StudentFinding } from "./privacy/sharing.js";
export { checkRosterSharing, sharedRosterSchema } from "./privacy/sharing.js";
export type { AgreementExpiry, AgreementStatusAt, RegisterAppStatus } from "./privacy/status.js";
export { agreementStatusAt, listAgreementExpiries, reviewRegister } from "./privacy/status.js";
export type { UnvettedApp, UnvettedAppsResult } from "./privacy/unvetted.js";
export { findUnvettedApps, usageLineSchema } from "./privacy/unvetted.js";
export { answerValueSchemaFor, appSchemaFor, questionnaireJsonSchema } from "./questionnaire.js";
export type { PrivacyRating, PrivacyRatingResult } from "./rating.js";
export { PRIVACY_RATING_CRITERIA, ratePrivacy } from "./rating.js";
export type { CriterionResult, CriterionStatus, Decision, DomainScore, GateFinding, ReReviewTrigger, ScoreResult } from "./result.js";
export { DECISION_ORDER } from "./result.js";
export type { RiskContribution, RiskScoreInput, RiskScoreResult } from "./risk.js";
export { RISK_TIERS_VENDORSCORE_1, riskItemSchema, riskScore, riskScoreInputSchema, riskScoreOf } from "./risk.js";
export type { DecisionFlip, DecisionRobustness, WhatIfResult, WhatIfRow } from "./robustness.js";
export { decisionRobustness, whatIfWeights } from "./robustness.js";
export { K12_RUBRIC } from "./rubrics/k12.js";
export type { Answer, App, AppInput, DistrictContext, DistrictContextInput, ScoreOptions } from "./schema/answers.js";
export { ageRangeSchema, answerSchema, answerValueSchema, appSchema, districtContextSchema, scoreOptionsSchema } from "./schema/answers.js";
export type { Condition, UseMode } from "./schema/condition.js";
export { conditionSchema, stateCodeSchema, useModeSchema } from "./schema/condition.js";
export type { Criterion, CriterionInput, CriterionKind, Domain } from "./schema/criterion.js";
export { criterionSchema, domainSchema } from "./schema/criterion.js";
export type { AcrAnswer, ConformanceTerm, DocumentAnswer, StudyAnswer, WcagVersion } from "./schema/evidence.js";
export { acrAnswerSchema, conformanceTermSchema, documentAnswerSchema, studyAnswerSchema, wcagVersionSchema } from "./schema/evidence.js";
export type { Rubric, RubricInput, UnansweredPolicy } from "./schema/rubric.js";
export { decisionSettingsSchema, rubricSchema, scoringSettingsSchema } from "./schema/rubric.js";
export { scoreApp, scoreApps } from "./score.js";
export type { Scorer } from "./scorer.js";
export { compileScorer } from "./scorer.js";
export type { AnswerSheet } from "./sheet.js";
export { readAnswers } from "./sheet.js";
export type { AdaComplianceResult, WebRuleVersion } from "./tables/adaTitleII.js";
export { ADA_TITLE_II_WEB_RULE, adaTitleIIComplianceDate, HHS_504_WEB_RULE } from "./tables/adaTitleII.js";
export type { CoppaRuleVersion } from "./tables/coppa.js";
export { COPPA_RULE_VERSIONS, coppaRuleInForce } from "./tables/coppa.js";
export { HIGH_SENSITIVITY_CATEGORIES, STUDENT_DATA_CATEGORIES } from "./tables/dataCategories.js";
export type { DataSensitivity } from "./tables/dataSensitivity.js";
export { DATA_SENSITIVITY, UNKNOWN_DATA_SENSITIVITY } from "./tables/dataSensitivity.js";
export type { PublicationDeadline, PublicationField, PublicationRule } from "./tables/publicationRules.js";
export { PUBLICATION_RULES, publicationRulesInForce } from "./tables/publicationRules.js";
export type { RosterFieldCategory, RosterSubject } from "./tables/rosterFields.js";
export { ROSTER_FIELD_CATEGORIES } from "./tables/rosterFields.js";
export { CIS_CONTROLS_V8_1, EVIDENCE_MAX_AGE_MONTHS, ISO_27001_EDITIONS } from "./tables/security.js";
export type { DeadlineRule, StateLawCheck, StateStudentPrivacyLaw } from "./tables/stateLaws.js";
export { STATE_STUDENT_PRIVACY_LAWS } from "./tables/stateLaws.js";
export { PROJECT_UNICORN_METRICS, PROJECT_UNICORN_PLEDGE_LEVEL } from "./tables/unicorn.js";
export type { WcagCriterion } from "./tables/wcag.js";
export { WCAG_CRITERIA, wcagCriteria } from "./tables/wcag.js";
export type { ScoreTier, ScoreTierResult } from "./tiers.js";
export { scoreTier, scoreTierSchema, scoreTiersSchema } from "./tiers.js";
