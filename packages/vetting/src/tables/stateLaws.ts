/**
 * One check a state's student-privacy law asks of an app or its contract; the built-in rubric
 * turns each into a yes/no criterion that applies only in that state (and only when the app
 * collects student data).
 *
 * @category Tables
 */
export interface StateLawCheck {
  /** Criterion id (prefixed with the state, e.g. `ny.billOfRights`). */
  readonly id: string;
  /** Short title. */
  readonly title: string;
  /** The question put to the vendor or the reviewer. */
  readonly question: string;
  /** Weight in the built-in rubric. */
  readonly weight: number;
  /** Whether the built-in rubric makes it a hard gate in that state. */
  readonly gate: boolean;
  /** What a parent reads when it is not met. */
  readonly notMet: string;
}

/**
 * A deadline a state law attaches to an event, counted in calendar or business days.
 *
 * @category Tables
 */
export interface DeadlineRule {
  /** Rule id, e.g. `ny.contractorToDistrict`. */
  readonly id: string;
  /** The event that starts the clock. */
  readonly trigger: "breachDiscovered" | "breachNoticeReceived" | "contractSigned";
  /** Who must act. */
  readonly who: string;
  /** What they must do, in plain words. */
  readonly action: string;
  /** How many days they have. */
  readonly days: number;
  /** Calendar or business days (weekends skipped; holidays are not known here). */
  readonly dayType: "calendar" | "business";
  /** Only when the vendor (or the district itself) discovered the breach; absent: either. */
  readonly discoveredBy?: "vendor" | "district";
  /** Only when a third party caused the breach (true), only when it did not (false), or always (absent). */
  readonly thirdPartyCaused?: boolean;
  /** Only for these classes of data (absent: every class). */
  readonly dataClasses?: readonly ("studentInformation" | "directoryInformation" | "studentRecords" | "studentGeneratedContent")[];
  /** Figures in this rule that are secondary or conflicting. */
  readonly unconfirmed?: readonly string[];
  /** Citation. */
  readonly citation: string;
}

/**
 * A state's student-privacy law as the engine uses it: checks, dated deadlines and sources.
 *
 * @category Tables
 */
export interface StateStudentPrivacyLaw {
  /** Two-letter state code. */
  readonly state: string;
  /** Name of the law. */
  readonly name: string;
  /** Citation. */
  readonly citation: string;
  /** From when it applies (where the law dates its duties), else null. */
  readonly effective: string | null;
  /** What it asks of an app or its contract. */
  readonly checks: readonly StateLawCheck[];
  /** Deadlines that follow from events. */
  readonly deadlines: readonly DeadlineRule[];
  /** Other duties in plain words (for the reviewer's checklist). */
  readonly notes: readonly string[];
  /** Where the rules come from. */
  readonly sources: readonly string[];
}

/**
 * State student-privacy laws, keyed by state code: California SOPIPA, New York Education Law
 * §2-d (8 NYCRR Part 121), Illinois SOPPA, Connecticut, Colorado, Oregon OSIPA (unconfirmed:
 * not in the design notes) and Texas. Every figure is
 * data: the breach and posting deadlines are {@link DeadlineRule}s read by
 * {@link breachNotificationDeadlines} and {@link contractNoticeDeadlines}.
 *
 * Sources: NY 8 NYCRR §121.10 and §121.6
 * (http://nyrules.elaws.us/nycrr/title8_chapterii_subchaptere_part121_s121.10); Illinois 105 ILCS
 * 85/15 (https://ilga.gov/ftp/ILCS/Ch%200105/Act%200085/010500850K15.html); Connecticut
 * C.G.S. §10-234bb; Colorado C.R.S. 22-16-107/108; Texas HB 2087 (2017).
 *
 * @example
 * ```ts
 * STATE_STUDENT_PRIVACY_LAWS.NY?.deadlines.map((d) => d.days); // => [7, 10, 60, 60]
 * Object.keys(STATE_STUDENT_PRIVACY_LAWS); // => ["CA", "NY", "IL", "CT", "CO", "OR", "TX"]
 * ```
 * @category Tables
 */
export const STATE_STUDENT_PRIVACY_LAWS: Readonly<Record<string, StateStudentPrivacyLaw>> = {
  CA: {
    state: "CA",
    name: "Student Online Personal Information Protection Act (SOPIPA)",
    citation: "Cal. Bus. & Prof. Code §22584",
    effective: null,
    checks: [
      {
        id: "ca.sopipa",
        title: "SOPIPA duties (no targeted ads, no non-K-12 profiling, no sale, reasonable security, deletion on request)",
        question:
          "Does the operator comply with SOPIPA: no targeted advertising, no profiles for non-K-12 purposes, no sale of student information, reasonable security, deletion at the school's request?",
        weight: 3,
        gate: false,
        notMet: "The company does not confirm it follows California's student privacy law (SOPIPA).",
      },
    ],
    deadlines: [],
    notes: [],
    sources: ["Cal. Bus. & Prof. Code §22584 (SOPIPA, SB 1177, 2014)"],
  },
  NY: {
    state: "NY",
    name: "New York Education Law §2-d and 8 NYCRR Part 121",
    citation: "N.Y. Educ. Law §2-d; 8 NYCRR Part 121",
    effective: null,
    checks: [
      {
        id: "ny.billOfRights",
        title: "Parents' Bill of Rights and supplemental information attached to the contract",
        question: "Does the contract (click-wrap included) attach the district's Parents' Bill of Rights for Data Privacy and Security and the supplemental information the district publishes?",
        weight: 3,
        gate: true,
        notMet: "The contract does not include the Parents' Bill of Rights that New York law requires.",
      },
      {
        id: "ny.securityPlan",
        title: "Data security and privacy plan (7 elements)",
        question:
          "Has the vendor provided a data security and privacy plan covering contract requirements, safeguards, Bill of Rights compliance, staff training, subcontractor management, incident handling, and return or deletion at contract end?",
        weight: 3,
        gate: false,
        notMet: "The company has not given the district the data security and privacy plan New York requires.",
      },
      {
        id: "ny.nistCsf",
        title: "Practices aligned to the NIST Cybersecurity Framework",
        question: "Are the vendor's data security practices aligned with the NIST Cybersecurity Framework?",
        weight: 1,
        gate: false,
        notMet: "The company does not say its security follows the NIST Cybersecurity Framework.",
      },
      {
        id: "ny.breachNotice7Days",
        title: "Breach notice to the district within 7 calendar days",
        question: "Does the contract commit the vendor to notify the district of a breach no later than 7 calendar days after discovery, and to pay the cost of notifying parents?",
        weight: 2,
        gate: false,
        notMet: "The contract does not promise to tell the district about a breach within 7 days.",
      },
    ],
    deadlines: [
      {
        id: "ny.contractorToDistrict",
        trigger: "breachDiscovered",
        discoveredBy: "vendor",
        who: "the vendor",
        action: "notify the district of the breach",
        days: 7,
        dayType: "calendar",
        citation: "8 NYCRR §121.10",
      },
      {
        id: "ny.districtToCpo",
        trigger: "breachNoticeReceived",
        who: "the district",
        action: "report the breach to the NYSED Chief Privacy Officer",
        days: 10,
        dayType: "calendar",
        citation: "8 NYCRR §121.10",
      },
      {
        id: "ny.districtToParents",
        trigger: "breachNoticeReceived",
        who: "the district",
        action: "notify affected parents and eligible students (the vendor pays the cost)",
        days: 60,
        dayType: "calendar",
        citation: "8 NYCRR §121.10",
      },
      {
        id: "ny.districtToParentsOwnDiscovery",
        trigger: "breachDiscovered",
        discoveredBy: "district",
        who: "the district",
        action: "notify affected parents and eligible students when the district itself discovered the breach",
        days: 60,
        dayType: "calendar",
        citation: "8 NYCRR §121.10",
      },
    ],
    notes: ["No sale of student data and no use for marketing.", "Some districts require an annual addendum for every tool with student logins."],
    sources: ["http://nyrules.elaws.us/nycrr/title8_chapterii_subchaptere_part121_s121.10", "http://nyrules.elaws.us/nycrr/title8_chapterii_subchaptere_part121_s121.6"],
  },
  IL: {
    state: "IL",
    name: "Student Online Personal Protection Act (SOPPA)",
    citation: "105 ILCS 85",
    effective: null,
    checks: [
      {
        id: "il.writtenAgreement",
        title: "Written agreement before any transfer of student data",
        question:
          "Is there a written agreement (click-wrap allowed) listing the data categories, the service, the FERPA school-official statement and who pays for a breach, signed before any student data is shared?",
        weight: 3,
        gate: true,
        notMet: "There is no written agreement with the company, which Illinois law requires before any student data is shared.",
      },
      {
        id: "il.subprocessors",
        title: "Subcontractors listed for the district to publish",
        question: "Has the vendor listed every subcontractor that receives student data, for the district to publish?",
        weight: 2,
        gate: false,
        notMet: "The company has not listed the other companies that receive student data.",
      },
      {
        id: "il.breachCosts",
        title: "Breach costs allocated in the agreement",
        question: "Does the agreement say the vendor reimburses the district's costs of a breach the vendor caused?",
        weight: 1,
        gate: false,
        notMet: "The agreement does not say who pays if the company causes a data breach.",
      },
    ],
    deadlines: [
      {
        id: "il.postAgreement",
        trigger: "contractSigned",
        who: "the district",
        action: "post the agreement (copy, vendor's business address, data elements, subcontractors) on its website",
        days: 10,
        dayType: "calendar",
        unconfirmed: ["dayType"],
        citation: "105 ILCS 85",
      },
      {
        id: "il.parentsNotified",
        trigger: "breachDiscovered",
        who: "the district",
        action: "notify parents of the breach",
        days: 30,
        dayType: "calendar",
        thirdPartyCaused: false,
        unconfirmed: ["dayType"],
        citation: "105 ILCS 85",
      },
      {
        id: "il.parentsNotifiedThirdParty",
        trigger: "breachDiscovered",
        who: "the district",
        action: "notify parents of a breach a third party caused",
        days: 60,
        dayType: "calendar",
        thirdPartyCaused: true,
        unconfirmed: ["dayType"],
        citation: "105 ILCS 85",
      },
    ],
    notes: [
      "Refresh the posted list of operators twice a year: by 30 January and within 30 days of the start of the fiscal year.",
      "Post the data elements collected, the operators with agreements, subcontractors, parents' rights procedures and the list of breaches.",
    ],
    sources: ["https://ilga.gov/ftp/ILCS/Ch%200105/Act%200085/010500850K15.html", "https://www.ktjlaw.com/blog/the-student-online-personal-protection-act-soppa/"],
  },
  CT: {
    state: "CT",
    name: "Connecticut student data privacy law",
    citation: "C.G.S. §10-234aa–dd",
    effective: null,
    checks: [
      {
        id: "ct.contractTerms",
        title: "Contract terms required by §10-234bb",
        question:
          "Does the contract state that student data is not the contractor's property, how deletion is requested, that use is limited to the contract, how records are reviewed and corrected, and the security actions taken?",
        weight: 3,
        gate: true,
        notMet: "The contract lacks terms Connecticut law requires (the data stays the district's, deletion, limited use, security).",
      },
    ],
    deadlines: [
      {
        id: "ct.contractNotice",
        trigger: "contractSigned",
        who: "the district",
        action: "notify students and parents electronically of the new or renewed contract",
        days: 5,
        dayType: "business",
        citation: "C.G.S. §10-234bb",
      },
      {
        id: "ct.breachStudentInformation",
        trigger: "breachDiscovered",
        who: "the vendor",
        action: "report the breach of student information to the district",
        days: 30,
        dayType: "calendar",
        dataClasses: ["studentInformation"],
        citation: "C.G.S. §10-234aa–dd",
      },
      {
        id: "ct.breachRecords",
        trigger: "breachDiscovered",
        who: "the vendor",
        action: "report the breach of directory information, student records or student-generated content to the district",
        days: 60,
        dayType: "calendar",
        dataClasses: ["directoryInformation", "studentRecords", "studentGeneratedContent"],
        citation: "C.G.S. §10-234aa–dd",
      },
    ],
    notes: ["Operators: no targeted ads, no profiling, no sale."],
    sources: [
      "https://casetext.com/statute/general-statutes-of-connecticut/title-10-education-and-culture/chapter-170-boards-of-education/section-10-234bb-contracts-between-boards-of-education-and-contractors-re-student-data-requirements",
    ],
  },
  CO: {
    state: "CO",
    name: "Student Data Transparency and Security Act",
    citation: "C.R.S. 22-16-101 ff.",
    effective: "2016-08-10",
    checks: [
      {
        id: "co.contractCompliance",
        title: "Contract meets C.R.S. 22-16-108 to 110",
        question: "For a contract signed on or after 2016-08-10, does it require compliance with C.R.S. 22-16-108 to 110 (use, security, deletion, breach duties)?",
        weight: 2,
        gate: false,
        notMet: "The contract does not commit the company to Colorado's student data rules.",
      },
      {
        id: "co.policyChangeNotice",
        title: "Notice before material privacy-policy changes",
        question: "Does the provider notify the district before making a material change to its privacy policy?",
        weight: 2,
        gate: false,
        notMet: "The company does not promise to warn the district before changing its privacy policy.",
      },
    ],
    deadlines: [],
    notes: [
      "Post the data elements and the list of school service contract providers with each contract.",
      "A provider's notice of a material privacy-policy change triggers a new review.",
      "Contract and on-demand providers are treated differently.",
    ],
    sources: ["https://lexace.ai/us/statute/colorado/22-16-107", "http://cde.state.co.us/dataprivacyandsecurity-3"],
  },
  OR: {
    state: "OR",
    name: "Oregon Student Information Protection Act (OSIPA)",
    citation: "ORS 336.184",
    effective: null,
    checks: [
      {
        id: "or.osipa",
        title: "OSIPA duties (no targeted ads, no non-K-12 profiles, no sale, reasonable security, deletion on request)",
        question:
          "Does the operator comply with ORS 336.184: no targeted advertising, no profiles for non-K-12 purposes, no sale of student information, reasonable security, deletion at the district's request?",
        weight: 3,
        gate: false,
        notMet: "The company does not confirm it follows Oregon's student privacy law (OSIPA).",
      },
    ],
    deadlines: [],
    notes: ["Modelled on California's SOPIPA. This entry is not from the published rules table DistrictKit was built on: unconfirmed, check ORS 336.184."],
    sources: ["ORS 336.184 (Oregon Student Information Protection Act, 2015) — unconfirmed secondary reading"],
  },
  TX: {
    state: "TX",
    name: "Texas student privacy law (HB 2087, 2017)",
    citation: "Tex. Educ. Code §32.151 ff.",
    effective: null,
    checks: [
      {
        id: "tx.operatorDuties",
        title: "Operator duties (no targeted ads, no non-educational profiles, no sale, security, deletion)",
        question: "Does the operator comply with Texas Education Code §32.151 ff.: no targeted advertising, no non-educational profiles, no sale, reasonable security and deletion duties?",
        weight: 2,
        gate: false,
        notMet: "The company does not confirm it follows Texas's student privacy law.",
      },
    ],
    deadlines: [],
    notes: [],
    sources: ["https://www.legis.state.tx.us/tlodocs/85R/billtext/html/HB02087F.HTM"],
  },
};
