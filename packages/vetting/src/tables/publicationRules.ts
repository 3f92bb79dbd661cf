import { isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { stateCodeSchema } from "../schema/condition.js";

/**
 * Where a publication rule finds what it requires, in the register: a field of each agreement
 * (`vendorAddress`, `url`, `purposes`, `dataElements`, `subprocessors`, `expiresOn`, or one of New
 * York's supplemental fields), a field of the district (`parentRightsUrl`), or nothing the
 * register holds (`outsideRegister`: the district publishes it from elsewhere, e.g. its breach list).
 *
 * @category Tables
 */
export type PublicationField =
  | "vendorAddress"
  | "url"
  | "purposes"
  | "dataElements"
  | "subprocessors"
  | "expiresOn"
  | "nySupplement.subcontractorOversight"
  | "nySupplement.dataAtExpiration"
  | "nySupplement.accuracyChallenge"
  | "nySupplement.storage"
  | "nySupplement.encryption"
  | "district.parentRightsUrl"
  | "outsideRegister";

/**
 * When a published item is due: a number of days after an agreement is signed (the day count and
 * day type live in {@link STATE_STUDENT_PRIVACY_LAWS}, under `deadlineRule`), or a number of days
 * after the start of each calendar or fiscal year (counting the first day of the year as day 1,
 * the earlier reading).
 *
 * @category Tables
 */
export type PublicationDeadline =
  | { readonly trigger: "contractSigned"; readonly deadlineRule: string }
  | { readonly trigger: "periodStart"; readonly period: "calendarYear" | "fiscalYear"; readonly days: number };

/**
 * One thing a state's student-privacy law makes a district publish (or send), with where it comes
 * from and from when it applies.
 *
 * @category Tables
 */
export interface PublicationRule {
  /** Rule id, e.g. `il.operators`. */
  readonly id: string;
  /** Two-letter state code. */
  readonly state: string;
  /** The document it shapes: the approved-app list, New York's supplemental information, or Connecticut's notice of a contract. */
  readonly document: "approvedAppList" | "nySupplementalInformation" | "contractNotice";
  /** What the district must publish or do, in plain words. */
  readonly requirement: string;
  /** The section it comes from. */
  readonly citation: string;
  /** The first day the duty applies (ISO). */
  readonly effective: string;
  /** What of the register it needs, per agreement or for the district. */
  readonly fields: readonly PublicationField[];
  /** When it is due, if the law sets a time. */
  readonly deadline?: PublicationDeadline;
  /** Parts of the rule taken from a secondary source or not confirmed in the statute's text. */
  readonly unconfirmed: readonly string[];
  /** Where the rule comes from. */
  readonly sources: readonly string[];
}

const IL_SOURCES = [
  "105 ILCS 85/27, text at https://lawserver.com/law/state/illinois/il-statutes/105_ilcs_85_27",
  "KTJ Law, 'The Student Online Personal Protection Act (SOPPA)' — https://www.ktjlaw.com/blog/the-student-online-personal-protection-act-soppa/",
];
const NY_SOURCES = [
  "8 NYCRR §121.3(c), quoted at https://studiosourceyearbooks.com/?page_id=1116 and in district postings (e.g. https://www.whufsd.org/parents/data_privacy_and_security/information_regarding_third-_party_contractors)",
  "NYSED, Part 121 as adopted — https://www.counsel.nysed.gov/rules/indices-fulltext/2020/010",
];
const CT_SOURCES = [
  "C.G.S. §10-234bb — https://instalawyer.io/laws/connecticut-general-statutes/section-10-234bb-contracts-between",
  "DistrictKit's vetting rules §6 (five business days; casetext, C.G.S. §10-234bb)",
];

/**
 * What state student-privacy laws make a district publish about the apps it shares student data
 * with, as dated data — never constants in code. Each rule says which document it shapes, what it
 * needs from the register, when it is due, and its section:
 *
 * - **Illinois, SOPPA — 105 ILCS 85/27** (school duties, in force from 2021-07-01, P.A. 101-516):
 *   post a plain-language explanation of the data elements (27(a)(1)); the operators with written
 *   agreements, a copy of each and each operator's business address (27(a)(2)); each operator's
 *   subcontractors (27(a)(3)); how parents exercise their rights (27(a)(4)); the list of breaches
 *   (27(a)(5)). An agreement is posted within 10 days of signing, and items (1), (3), (4), (5) are
 *   refreshed within 30 days of the start of each calendar and fiscal year.
 * - **New York, Education Law §2-d and 8 NYCRR Part 121**: the Parents' Bill of Rights is
 *   published with supplemental information for each contract under which a contractor receives
 *   student data — the exclusive purposes, how subcontractors are held to the rules, the
 *   contract's duration and what happens to the data at its end, how a parent challenges the
 *   data's accuracy, where the data is stored and how it is protected, and encryption in motion
 *   and at rest (§121.3(c)(1)–(6)).
 * - **Connecticut, C.G.S. §10-234bb** (contracts from 2018-07-01): within five business days of
 *   executing a new or renewed contract, notify students and parents electronically and post the
 *   notice and the contract; §10-234cc sets the duties of operators that the notice points to.
 *
 * Sources are listed on each rule; figures from a secondary source are marked `unconfirmed`
 * (the day type of Illinois' 10 days is read as calendar days, the earlier deadline).
 *
 * @example
 * ```ts
 * PUBLICATION_RULES.filter((r) => r.state === "IL").map((r) => r.citation).slice(0, 2); // => ["105 ILCS 85/27(a)(1)", "105 ILCS 85/27(a)(2)"]
 * PUBLICATION_RULES.find((r) => r.id === "ny.supplement.encryption")?.citation; // => "8 NYCRR §121.3(c)(6)"
 * ```
 * @category Tables
 */
export const PUBLICATION_RULES: readonly PublicationRule[] = [
  {
    id: "il.dataElements",
    state: "IL",
    document: "approvedAppList",
    requirement: "Explain in plain language the data elements of covered information the district collects, keeps or discloses, how it uses them, and to whom and why it discloses them.",
    citation: "105 ILCS 85/27(a)(1)",
    effective: "2021-07-01",
    fields: ["dataElements", "purposes"],
    deadline: { trigger: "periodStart", period: "calendarYear", days: 30 },
    unconfirmed: [],
    sources: IL_SOURCES,
  },
  {
    id: "il.operators",
    state: "IL",
    document: "approvedAppList",
    requirement: "List the operators the district has written agreements with, with a copy of each agreement (redactions allowed) and each operator's business address.",
    citation: "105 ILCS 85/27(a)(2)",
    effective: "2021-07-01",
    fields: ["url", "vendorAddress"],
    deadline: { trigger: "contractSigned", deadlineRule: "il.postAgreement" },
    unconfirmed: ["the 10-day posting window and its day type come from secondary sources (KTJ Law; DistrictKit's vetting rules §6)"],
    sources: IL_SOURCES,
  },
  {
    id: "il.subcontractors",
    state: "IL",
    document: "approvedAppList",
    requirement: "For each operator, list the subcontractors to whom covered information may be disclosed, or link to the operator's page that lists them.",
    citation: "105 ILCS 85/27(a)(3)",
    effective: "2021-07-01",
    fields: ["subprocessors"],
    deadline: { trigger: "periodStart", period: "calendarYear", days: 30 },
    unconfirmed: [],
    sources: IL_SOURCES,
  },
  {
    id: "il.parentRights",
    state: "IL",
    document: "approvedAppList",
    requirement: "Describe the procedures parents use to inspect, review and correct their child's covered information.",
    citation: "105 ILCS 85/27(a)(4)",
    effective: "2021-07-01",
    fields: ["district.parentRightsUrl"],
    deadline: { trigger: "periodStart", period: "calendarYear", days: 30 },
    unconfirmed: [],
    sources: IL_SOURCES,
  },
  {
    id: "il.breaches",
    state: "IL",
    document: "approvedAppList",
    requirement: "List the breaches of covered information (number of students, date or date range, and for an operator's breach its name).",
    citation: "105 ILCS 85/27(a)(5)",
    effective: "2021-07-01",
    fields: ["outsideRegister"],
    deadline: { trigger: "periodStart", period: "calendarYear", days: 30 },
    unconfirmed: [],
    sources: IL_SOURCES,
  },
  {
    id: "il.refreshFiscalYear",
    state: "IL",
    document: "approvedAppList",
    requirement: "Update the data elements, subcontractors, parents' procedures and breach list within 30 days of the start of each fiscal year (and of each calendar year).",
    citation: "105 ILCS 85/27",
    effective: "2021-07-01",
    fields: [],
    deadline: { trigger: "periodStart", period: "fiscalYear", days: 30 },
    unconfirmed: ["the subsection letter of the twice-yearly update and whether day 30 counts the first day (KTJ Law reads it as 'by January 30')"],
    sources: IL_SOURCES,
  },
  {
    id: "ny.billOfRights",
    state: "NY",
    document: "nySupplementalInformation",
    requirement:
      "Publish the Parents' Bill of Rights for Data Privacy and Security on the district's website and include it, with the supplemental information, in every contract under which a contractor receives student data.",
    citation: "N.Y. Educ. Law §2-d(3); 8 NYCRR §121.3",
    effective: "2020-01-29",
    fields: [],
    unconfirmed: ["the effective date of Part 121 (adopted by the Board of Regents in January 2020)"],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.purposes",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "The exclusive purposes for which the contractor will use the student data, as the contract defines them.",
    citation: "8 NYCRR §121.3(c)(1)",
    effective: "2020-01-29",
    fields: ["purposes"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.subcontractors",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "How the contractor will make sure its subcontractors, and anyone else it discloses the data to, follow the data protection and security requirements of state and federal law.",
    citation: "8 NYCRR §121.3(c)(2)",
    effective: "2020-01-29",
    fields: ["nySupplement.subcontractorOversight"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.duration",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "The contract's duration and expiry date, and what happens to the student data when it expires (returned, and/or destroyed — when and how).",
    citation: "8 NYCRR §121.3(c)(3)",
    effective: "2020-01-29",
    fields: ["expiresOn", "nySupplement.dataAtExpiration"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.accuracy",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "If and how a parent, student or eligible student may challenge the accuracy of the student data collected.",
    citation: "8 NYCRR §121.3(c)(4)",
    effective: "2020-01-29",
    fields: ["nySupplement.accuracyChallenge"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.storage",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "Where the student data will be stored (described so as to protect security) and the protections taken to mitigate security and privacy risks.",
    citation: "8 NYCRR §121.3(c)(5)",
    effective: "2020-01-29",
    fields: ["nySupplement.storage"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ny.supplement.encryption",
    state: "NY",
    document: "nySupplementalInformation",
    requirement: "How the data will be protected with encryption while in motion and at rest.",
    citation: "8 NYCRR §121.3(c)(6)",
    effective: "2020-01-29",
    fields: ["nySupplement.encryption"],
    unconfirmed: [],
    sources: NY_SOURCES,
  },
  {
    id: "ct.contractNotice",
    state: "CT",
    document: "contractNotice",
    requirement:
      "Within five business days of executing a new or renewed contract that shares student information, records or student-generated content, notify the students and parents affected electronically, and post the notice and the contract on the board's website.",
    citation: "C.G.S. §10-234bb",
    effective: "2018-07-01",
    fields: ["url", "dataElements", "purposes"],
    deadline: { trigger: "contractSigned", deadlineRule: "ct.contractNotice" },
    unconfirmed: ["the subsection letter of the notice duty within §10-234bb"],
    sources: CT_SOURCES,
  },
  {
    id: "ct.operatorDuties",
    state: "CT",
    document: "contractNotice",
    requirement:
      "The operator may use student data only for the school purposes of the contract: no targeted advertising, no profiles beyond school purposes, no sale (the duties the notice refers parents to).",
    citation: "C.G.S. §10-234cc",
    effective: "2018-07-01",
    fields: [],
    unconfirmed: ["the wording of §10-234cc is summarised from DistrictKit's vetting rules §6, not read from the statute here"],
    sources: ["DistrictKit's vetting rules §6 (Connecticut, operators: no targeted ads, profiling or sale)"],
  },
];

/**
 * The publication rules of a state in force on a date (their `effective` date on or before it),
 * for one document or all.
 *
 * @param state - two-letter code
 * @param asOf - the date (ISO)
 * @param document - only the rules of this document (absent: all)
 * @returns the rules, in table order
 * @throws DistrictKitError for a state code, date or document that is not valid
 * @example
 * ```ts
 * publicationRulesInForce("IL", "2021-06-30").length; // => 0
 * publicationRulesInForce("IL", "2026-07-01").length; // => 6
 * publicationRulesInForce("NY", "2026-07-01", "nySupplementalInformation").length; // => 7
 * ```
 * @category Tables
 */
export function publicationRulesInForce(state: string, asOf: string, document?: PublicationRule["document"]): PublicationRule[] {
  const s = parseInput(stateCodeSchema, state, ["state"]);
  const d = parseInput(isoDateSchema, asOf, ["asOf"]);
  const doc = parseInput(z.enum(["approvedAppList", "nySupplementalInformation", "contractNotice"]).optional(), document, ["document"]);
  return PUBLICATION_RULES.filter((r) => r.state === s && r.effective <= d && (doc === undefined || r.document === doc));
}
