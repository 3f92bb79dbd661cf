import { compileRubric } from "../internal/compile.js";
import type { Condition } from "../schema/condition.js";
import type { CriterionInput } from "../schema/criterion.js";
import type { Rubric } from "../schema/rubric.js";
import { COPPA_RULE_VERSIONS } from "../tables/coppa.js";
import { STUDENT_DATA_CATEGORIES } from "../tables/dataCategories.js";
import { EVIDENCE_MAX_AGE_MONTHS, ISO_27001_EDITIONS } from "../tables/security.js";
import { STATE_STUDENT_PRIVACY_LAWS } from "../tables/stateLaws.js";
import { PROJECT_UNICORN_METRICS } from "../tables/unicorn.js";

const collectsPII: Condition = { type: "answer", criterion: "collectsPII", in: ["does"] };
const under13: Condition = {
  type: "any",
  of: [
    { type: "usersYoungerThan", age: 13 },
    { type: "answer", criterion: "under13Intended", in: ["yes"] },
  ],
};
const coppa2025 = COPPA_RULE_VERSIONS.find((v) => v.id === "2025")!;
const coppa2025Due: Condition = { type: "onOrAfter", date: coppa2025.complianceRequired! };

const practice = (id: string, title: string, weight: number, better: "does" | "doesNot", reference: string | undefined, notMet: string, extra: Partial<CriterionInput> = {}): CriterionInput =>
  ({
    id,
    title,
    domain: "privacy",
    weight,
    kind: "practice",
    better,
    ...(reference ? { reference } : {}),
    plain: { notMet, unclear: `The privacy policy is unclear on this: ${title.charAt(0).toLowerCase()}${title.slice(1)}.` },
    ...extra,
  }) as CriterionInput;

const privacy: CriterionInput[] = [
  {
    id: "privacyPolicyAvailable",
    title: "Product-specific privacy policy available",
    domain: "privacy",
    weight: 3,
    kind: "yesNo",
    gate: true,
    reference: "0.1.1",
    question: "Is there a privacy policy specific to this product, published where parents can read it?",
    plain: { notMet: "There is no privacy policy for this product that parents can read.", unclear: "We could not find a privacy policy for this product." },
  },
  practice("sellsData", "Sells student data", 5, "doesNot", "3.4.1", "The company says it sells or may sell student data.", { gate: true, laws: ["SOPIPA", "NY Ed Law 2-d", "SOPPA", "CT", "TX"] }),
  practice("thirdPartyMarketing", "Uses data for third-party marketing", 4, "doesNot", "3.2.4", "The company lets other companies use student data to market to students or families."),
  practice("targetedAds", "Shows targeted (behavioral) advertising", 5, "doesNot", "10.3.1", "The app shows students ads targeted on what they do, which student-privacy laws forbid.", {
    gate: true,
    laws: ["SOPIPA", "NY Ed Law 2-d", "SOPPA", "CT", "TX"],
  }),
  practice("thirdPartyTracking", "Allows third-party tracking", 3, "doesNot", "10.4.1", "Other companies can track students while they use the app."),
  practice("crossAppTracking", "Tracks users across other sites and apps", 3, "doesNot", "10.4.2", "The app follows students across other websites and apps."),
  practice("commercialProfiling", "Builds profiles for commercial purposes", 4, "doesNot", "10.4.3", "The company builds profiles of students for purposes other than school."),
  {
    id: "collectsPII",
    title: "Collects students' personal information",
    domain: "privacy",
    weight: 0,
    kind: "practice",
    better: "doesNot",
    reference: "2.1.1",
    question: "Does the product collect personally identifiable information about students?",
  },
  {
    id: "piiCategories",
    title: "Student data categories collected",
    domain: "privacy",
    weight: 0,
    kind: "list",
    vocabulary: [...STUDENT_DATA_CATEGORIES],
    appliesWhen: collectsPII,
    question: "Which categories of student data does the product collect (NDPA Exhibit B names)?",
  },
  { id: "under13Intended", title: "Intended for children under 13", domain: "privacy", weight: 0, kind: "yesNo", reference: "1.8.1" },
  { id: "studentsIntended", title: "Intended for students", domain: "privacy", weight: 0, kind: "yesNo", reference: "1.8.5" },
  practice("aiTrainingOnStudentData", "Uses student data to train AI models", 4, "doesNot", undefined, "The company may use what students type or upload to train its AI models.", {
    appliesWhen: collectsPII,
  }),
  practice("deletionOnRequest", "Deletes student data on the school's request", 3, "does", "6.5.4", "The company does not promise to delete student data when the school asks.", {
    appliesWhen: collectsPII,
    laws: ["FERPA", "SOPIPA"],
  }),
  practice("retentionLimit", "Keeps student data only as long as needed", 2, "does", undefined, "The company does not limit how long it keeps student data.", { appliesWhen: collectsPII }),
  practice("deleteAtContractEnd", "Returns or deletes data when the contract ends", 3, "does", undefined, "The company does not promise to delete student data when the contract ends.", {
    appliesWhen: collectsPII,
  }),
  {
    id: "dpa",
    title: "Signed data privacy agreement",
    domain: "privacy",
    weight: 6,
    kind: "document",
    gate: true,
    appliesWhen: collectsPII,
    kinds: [
      { value: "ndpa", label: "SDPC National Data Privacy Agreement", score: 1 },
      { value: "stateDpa", label: "State data privacy agreement", score: 1 },
      { value: "exhibitE", label: "NDPA Exhibit E general offer, signed by the district", score: 1 },
      { value: "vendorTerms", label: "Vendor's own terms, reviewed by the district", score: 0.5 },
    ],
    question: "Is there a signed data privacy agreement (NDPA, state DPA, Exhibit E general offer, or reviewed vendor terms)? Give the signing and expiry dates.",
    plain: { notMet: "There is no signed data privacy agreement that protects student data." },
    conditionIfNotMet: "Sign a data privacy agreement before any student data is shared.",
  },
  { id: "subprocessors", title: "Subprocessors receiving student data", domain: "privacy", weight: 0, kind: "list", appliesWhen: collectsPII },
  {
    id: "schoolOfficialTerms",
    title: "Acts as a FERPA school official",
    domain: "privacy",
    weight: 4,
    kind: "yesNo",
    appliesWhen: collectsPII,
    laws: ["FERPA"],
    question: "Does the vendor agree to act as a school official: under the district's direct control, using data only for the authorized purposes, with no redisclosure without permission?",
    plain: { notMet: "The company does not accept the limits federal law (FERPA) puts on a school's contractors." },
  },
  {
    id: "parentAccess",
    title: "Parents can review and correct their child's data",
    domain: "privacy",
    weight: 2,
    kind: "yesNo",
    appliesWhen: collectsPII,
    laws: ["FERPA"],
    plain: { notMet: "Parents cannot see or correct the data the app keeps about their child." },
  },
  {
    id: "coppaConsent",
    title: "Verifiable parental consent or school authorization for children under 13",
    domain: "privacy",
    weight: 4,
    kind: "yesNo",
    appliesWhen: under13,
    laws: ["COPPA"],
    question: "For users under 13, does the vendor obtain verifiable parental consent, or rely on the school's authorization for school use only, with a COPPA notice?",
    plain: { notMet: "The app does not get a parent's or the school's permission before children under 13 use it." },
    conditionIfNotMet: "Students under 13 may use it only after the school's COPPA authorization or their parents' consent is on file.",
  },
  {
    id: "coppaRetentionPolicy",
    title: "Written data-retention policy (COPPA 2025)",
    domain: "privacy",
    weight: 2,
    kind: "yesNo",
    appliesWhen: { type: "all", of: [under13, coppa2025Due] },
    laws: ["COPPA 2025"],
    source: coppa2025.source,
    plain: { notMet: "The company has no written policy limiting how long it keeps children's data, which the 2025 COPPA rule requires." },
  },
  {
    id: "coppaSecurityProgram",
    title: "Written information-security program (COPPA 2025)",
    domain: "privacy",
    weight: 2,
    kind: "yesNo",
    appliesWhen: { type: "all", of: [under13, coppa2025Due] },
    laws: ["COPPA 2025"],
    source: coppa2025.source,
    plain: { notMet: "The company has no written security program for children's data, which the 2025 COPPA rule requires." },
  },
  {
    id: "coppaThirdPartyConsent",
    title: "Separate consent before disclosing children's data to third parties (COPPA 2025)",
    domain: "privacy",
    weight: 2,
    kind: "yesNo",
    appliesWhen: { type: "all", of: [under13, coppa2025Due] },
    laws: ["COPPA 2025"],
    source: coppa2025.source,
    question:
      "Does the vendor obtain separate verifiable parental consent before disclosing children's data to third parties for targeted ads or other non-integral uses (or make no such disclosures)?",
    plain: { notMet: "The company may share children's data with other companies without asking parents separately." },
  },
  {
    id: "ppraProtectedSurveys",
    title: "Surveys students on PPRA-protected topics",
    domain: "privacy",
    weight: 2,
    kind: "practice",
    better: "doesNot",
    laws: ["PPRA"],
    question:
      "Does the app survey students on political affiliations, mental or psychological problems, sex behaviour or attitudes, illegal or demeaning behaviour, critical appraisals of close family, privileged relationships, religious practices, or income?",
    plain: { notMet: "The app asks students about sensitive topics that federal law (PPRA) protects." },
    conditionIfNotMet: "Parents get notice and a chance to opt their child out before surveys on protected topics.",
  },
];

const stateCriteria: CriterionInput[] = Object.values(STATE_STUDENT_PRIVACY_LAWS).flatMap((law) =>
  law.checks.map(
    (check): CriterionInput => ({
      id: check.id,
      title: check.title,
      domain: "privacy",
      weight: check.weight,
      kind: "yesNo",
      gate: check.gate,
      appliesWhen: { type: "all", of: [{ type: "state", in: [law.state] }, collectsPII] },
      laws: [law.name],
      question: check.question,
      plain: { notMet: check.notMet },
      source: law.sources[0] ?? law.citation,
      reference: law.citation,
    }),
  ),
);

const security: CriterionInput[] = [
  {
    id: "encryptionInTransit",
    title: "Encrypts data in transit",
    domain: "security",
    weight: 4,
    kind: "practice",
    better: "does",
    reference: "8.5.1",
    plain: { notMet: "Data is not encrypted on its way between students' devices and the company." },
  },
  {
    id: "encryptionAtRest",
    title: "Encrypts stored data",
    domain: "security",
    weight: 3,
    kind: "practice",
    better: "does",
    reference: "8.6.1",
    plain: { notMet: "Student data is not encrypted where the company stores it." },
  },
  {
    id: "breachNotice",
    title: "Promises to notify the district of a breach",
    domain: "security",
    weight: 3,
    kind: "practice",
    better: "does",
    reference: "8.7.1",
    plain: { notMet: "The company does not promise to tell the district if student data is breached." },
  },
  {
    id: "mfaForAdmins",
    title: "Multi-factor authentication for administrators",
    domain: "security",
    weight: 4,
    kind: "yesNo",
    question: "Do the vendor's staff and the district's administrator accounts sign in with multi-factor authentication? (CISA's K-12 toolkit lists MFA first; a candidate hard gate.)",
    plain: { notMet: "Administrator accounts are not protected by multi-factor sign-in." },
  },
  {
    id: "ssoSupported",
    title: "Single sign-on (Google, Microsoft, Clever, ClassLink)",
    domain: "security",
    weight: 2,
    kind: "yesNo",
    plain: { notMet: "Students cannot sign in with their school account (no single sign-on)." },
  },
  {
    id: "soc2",
    title: "SOC 2 report",
    domain: "security",
    weight: 3,
    kind: "document",
    kinds: [
      { value: "typeII", label: "SOC 2 Type II (controls operated over a period)", score: 1 },
      { value: "typeI", label: "SOC 2 Type I (controls designed, on one date)", score: 0.6 },
    ],
    validForMonths: EVIDENCE_MAX_AGE_MONTHS.soc2AfterPeriodEnd,
    question: "Provide the latest SOC 2 report: its type and the end of the audited period (or a bridge letter).",
    plain: { notMet: "There is no current independent security audit (SOC 2)." },
  },
  {
    id: "iso27001",
    title: "ISO/IEC 27001 certificate",
    domain: "security",
    weight: 2,
    kind: "document",
    validForMonths: EVIDENCE_MAX_AGE_MONTHS.iso27001Certificate,
    editions: ISO_27001_EDITIONS.map((e) => ({ value: e.edition, label: `ISO/IEC 27001:${e.edition}`, ...(e.validUntil ? { validUntil: e.validUntil } : {}), score: 1 })),
    question: "Provide the ISO/IEC 27001 certificate: edition, issue and expiry dates, scope.",
    plain: { notMet: "There is no current ISO 27001 security certificate." },
  },
  {
    id: "pentestDate",
    title: "Independent penetration test within the last year",
    domain: "security",
    weight: 2,
    kind: "date",
    freshForMonths: EVIDENCE_MAX_AGE_MONTHS.pentest,
    plain: { notMet: "The app's security has not been tested by outsiders in the last year." },
  },
  {
    id: "breachHistory",
    title: "Breach history",
    domain: "security",
    weight: 3,
    kind: "choice",
    options: [
      { value: "none", label: "No breach of customer data in the last 5 years", score: 1 },
      { value: "disclosedResolved", label: "A breach, disclosed and resolved", score: 0.5 },
      { value: "undisclosedOrOpen", label: "A breach not disclosed promptly, or not resolved", score: 0 },
    ],
    plain: { notMet: "The company had a data breach that it did not disclose promptly or has not resolved." },
  },
  {
    id: "dataLocation",
    title: "Where student data is stored",
    domain: "security",
    weight: 1,
    kind: "choice",
    options: [
      { value: "us", label: "United States", score: 1 },
      { value: "other", label: "Outside the United States", score: 0.5 },
    ],
    appliesWhen: collectsPII,
  },
];

const accessibility: CriterionInput[] = [
  {
    id: "wcagClaim",
    title: "WCAG conformance claim",
    domain: "accessibility",
    weight: 3,
    kind: "choice",
    options: [
      { value: "2.2AA", label: "WCAG 2.2 AA", score: 1 },
      { value: "2.1AA", label: "WCAG 2.1 AA", score: 1 },
      { value: "2.0AA", label: "WCAG 2.0 AA", score: 0.5 },
      { value: "partial", label: "Partial conformance", score: 0.25 },
      { value: "none", label: "No claim", score: 0 },
    ],
    laws: ["ADA Title II (28 CFR 35.200)", "Section 504"],
    plain: { notMet: "The company does not claim the app meets the accessibility standard (WCAG 2.1 AA) the law requires." },
  },
  {
    id: "acr",
    title: "Accessibility Conformance Report (ACR)",
    domain: "accessibility",
    weight: 5,
    kind: "acr",
    wcagVersion: "2.1",
    validForMonths: EVIDENCE_MAX_AGE_MONTHS.acr,
    laws: ["ADA Title II (28 CFR 35.200)"],
    question: "Provide an Accessibility Conformance Report (VPAT® 2.x, WCAG edition) with a conformance term for each WCAG 2.1 A and AA criterion, its date and how it was evaluated.",
    plain: { notMet: "The company has not shown a current report on how well students with disabilities can use the app." },
    conditionIfNotMet: "The vendor provides a current Accessibility Conformance Report before wider use; until then, teachers keep an accessible alternative ready for students with disabilities.",
  },
  {
    id: "accessibilityContact",
    title: "Accessibility contact or team",
    domain: "accessibility",
    weight: 1,
    kind: "yesNo",
    plain: { notMet: "There is no one at the company to contact about accessibility problems." },
  },
  {
    id: "accessibilityRoadmap",
    title: "Public accessibility statement and roadmap",
    domain: "accessibility",
    weight: 1,
    kind: "yesNo",
    plain: { notMet: "The company has no public plan for fixing accessibility problems." },
  },
];

const interoperability: CriterionInput[] = [
  { id: "lti13", title: "LTI 1.3 launch from the LMS", domain: "interoperability", weight: 1, kind: "yesNo", appliesWhen: { type: "useMode", in: ["studentLogin", "installed"] } },
  { id: "oneRoster", title: "OneRoster 1.2 rostering", domain: "interoperability", weight: 1, kind: "yesNo", appliesWhen: { type: "useMode", in: ["studentLogin", "installed"] } },
  { id: "rosteringService", title: "Clever or ClassLink rostering", domain: "interoperability", weight: 1, kind: "yesNo", appliesWhen: { type: "useMode", in: ["studentLogin", "installed"] } },
  { id: "oneEdTechCertified", title: "1EdTech certified", domain: "interoperability", weight: 0.5, kind: "yesNo" },
  ...PROJECT_UNICORN_METRICS.map(
    (m): CriterionInput => ({
      id: `unicorn.${m.id}`,
      title: `Project Unicorn: ${m.title}`,
      domain: "interoperability",
      weight: 0.3,
      kind: "level",
      min: 1,
      max: 4,
      source: "https://projectunicorn.org/project-unicorn-rubric",
    }),
  ),
];

const evidence: CriterionInput[] = [
  {
    id: "essaEvidence",
    title: "Evidence of impact (ESSA tier)",
    domain: "evidence",
    weight: 4,
    kind: "study",
    tierScores: [1, 0.8, 0.6, 0.3],
    question: "Give the best study of the product's effect on student outcomes: design, WWC rating, significance, number of students and sites, negative findings, date.",
    plain: { notMet: "There is no study showing the app helps students learn." },
  },
];

const RUBRIC_INPUT = {
  id: "districtkit-k12",
  title: "DistrictKit K-12 app vetting rubric",
  methodVersion: "2026.1",
  description:
    "Privacy (Common Sense-style practices, DPA, FERPA, COPPA incl. the 2025 rule, PPRA, state laws), security evidence, accessibility (WCAG 2.1 AA, ACR), interoperability (LTI, OneRoster, rostering, Project Unicorn) and ESSA evidence. Unanswered criteria are excluded and reported as missing; unclear answers score 0.",
  criteria: [...privacy, ...stateCriteria, ...security, ...accessibility, ...interoperability, ...evidence],
  scoring: { unanswered: "exclude", unclearScore: 0 },
  decision: { approveAt: 75, conditionalAt: 60, minCoverage: 0.8, belowApproveCondition: "Pilot use only, in the classes that asked for it; review again before wider use." },
  tiers: [
    { min: 85, label: "strong" },
    { min: 70, label: "adequate" },
    { min: 50, label: "weak" },
    { min: 0, label: "poor" },
  ],
  review: { intervalMonths: 12 },
  rating: { policyCriterion: "privacyPolicyAvailable", practiceCriteria: ["sellsData", "thirdPartyMarketing", "targetedAds", "thirdPartyTracking", "crossAppTracking", "commercialProfiling"] },
};

/**
 * The built-in K-12 rubric (`districtkit-k12`, method version `2026.1`), as data: privacy
 * (Common Sense-style practice questions — selling data, third-party marketing, targeted ads,
 * tracking, profiling — a signed DPA with the data categories it covers, FERPA school-official
 * terms, COPPA consent and the 2025 rule's retention, security-program and third-party consent
 * duties from its compliance date, PPRA, and per-state checks for CA, NY, IL, CT, CO, OR and TX),
 * security (encryption, MFA, SSO, SOC 2 age, ISO 27001 edition, penetration test, breach
 * history), accessibility (WCAG claim, ACR with per-criterion terms and its age), interoperability
 * (LTI 1.3, OneRoster, Clever/ClassLink, 1EdTech, Project Unicorn levels) and evidence (ESSA tier
 * from study facts). Hard gates: a product privacy policy, no sale of data, no targeted ads, a
 * signed DPA when the app collects student data, and the state gates (NY Bill of Rights, IL
 * written agreement, CT contract terms). Derive a district's own with {@link deriveRubric}.
 * Frozen and pre-validated.
 *
 * @example
 * ```ts
 * K12_RUBRIC.methodVersion; // => "2026.1"
 * K12_RUBRIC.criteria.filter((c) => c.gate === true).map((c) => c.id); // => ["privacyPolicyAvailable", "sellsData", "targetedAds", "dpa", "ny.billOfRights", "il.writtenAgreement", "ct.contractTerms"]
 * ```
 * @category Rubric
 */
export const K12_RUBRIC: Rubric = compileRubric(RUBRIC_INPUT, ["K12_RUBRIC"]).rubric;
