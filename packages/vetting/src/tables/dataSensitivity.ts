/**
 * How sensitive one student data category is, on a 1–5 scale, with why.
 *
 * @category Tables
 */
export interface DataSensitivity {
  /** An NDPA Exhibit B category. */
  readonly category: string;
  /** 1 (usage metadata) to 5 (health, disability, discipline). */
  readonly weight: number;
  readonly why: string;
}

/**
 * The sensitivity of each student data category (SDPC NDPA Exhibit B names), used to rank apps in
 * use that were never vetted: 5 for the high-sensitivity classes of DistrictKit's vetting rules §4 — Special
 * Indicator (English learner, low income, health, disability, IEP/504, living situation) and
 * Conduct —; 4 for data protected by their own rules (survey responses under PPRA, demographics,
 * communications, transcripts); 3 for records that follow a student (assessment, attendance,
 * contact details, student work); 2 for directory-style data (name, ids, enrolment, schedule);
 * 1 for usage metadata. The scale beyond the high-sensitivity classes is this package's judgement:
 * edit it (the functions take a table) when your district weighs differently.
 *
 * Sources: DistrictKit's vetting rules §4 (high-sensitivity classes); PPRA's protected areas (§5);
 * FERPA directory information (names, enrolment, grade level) as the least sensitive records.
 *
 * @example
 * ```ts
 * DATA_SENSITIVITY.find((d) => d.category === "Special Indicator")?.weight; // => 5
 * DATA_SENSITIVITY.length; // => 23
 * ```
 * @category Tables
 */
export const DATA_SENSITIVITY: readonly DataSensitivity[] = [
  { category: "Special Indicator", weight: 5, why: "health, disability, IEP/504, English learner, low income, living situation" },
  { category: "Conduct", weight: 5, why: "discipline and behaviour records" },
  { category: "Student Survey Responses", weight: 4, why: "may touch PPRA's protected areas" },
  { category: "Communications", weight: 4, why: "messages a student writes" },
  { category: "Demographics", weight: 4, why: "birth date, race, place of birth" },
  { category: "Transcript", weight: 4, why: "grades and credits that follow a student" },
  { category: "Assessment", weight: 3, why: "test scores" },
  { category: "Attendance", weight: 3, why: "daily and class attendance" },
  { category: "Student Contact Information", weight: 3, why: "address, email, phone" },
  { category: "Parent/Guardian Contact Information", weight: 3, why: "a family's address, email, phone" },
  { category: "Student Work", weight: 3, why: "what a student creates" },
  { category: "Student Program Membership", weight: 3, why: "programmes that can reveal needs" },
  { category: "Transportation", weight: 3, why: "where a student is and when" },
  { category: "Other", weight: 3, why: "unspecified: treated as a middling risk" },
  { category: "Student In-App Performance", weight: 2, why: "progress inside one app" },
  { category: "Student Name", weight: 2, why: "directory information" },
  { category: "Student Identifiers", weight: 2, why: "ids, usernames, passwords" },
  { category: "Enrollment", weight: 2, why: "school and grade" },
  { category: "Schedule", weight: 2, why: "courses and teachers" },
  { category: "Parent/Guardian Name", weight: 2, why: "directory information about a family" },
  { category: "Parent/Guardian ID", weight: 2, why: "ids linking parents to students" },
  { category: "Application Use Statistics", weight: 1, why: "how the app is used" },
  { category: "Application Technology Meta Data", weight: 1, why: "IP addresses, cookies" },
];

/**
 * The sensitivity given to an app whose data is unknown: the highest, 5 — an app nobody vetted
 * could hold anything.
 *
 * @example
 * ```ts
 * UNKNOWN_DATA_SENSITIVITY; // => 5
 * ```
 * @category Tables
 */
export const UNKNOWN_DATA_SENSITIVITY = 5;
