/**
 * Whose data a roster column holds: a student's, a parent's or guardian's (OneRoster "agents"),
 * a staff member's, or no one's (ids of classes and schools, dates of the file).
 *
 * @category Tables
 */
export type RosterSubject = "student" | "parent" | "staff" | "other";

/**
 * One OneRoster column and the NDPA Exhibit B data category it falls in when it holds a
 * student's (or a parent's) data; `category: null` means the column is roster plumbing or not
 * student data at all.
 *
 * @category Tables
 */
export interface RosterFieldCategory {
  /** The OneRoster file, e.g. `users.csv`. */
  readonly file: string;
  /** The column, as OneRoster 1.2 names it. */
  readonly column: string;
  /** Whose rows it applies to. */
  readonly subject: RosterSubject;
  /** The Exhibit B category, or null when it is not student or parent data. */
  readonly category: string | null;
  /** Why, in a few words (the Exhibit B element it matches). */
  readonly why: string;
}

const STUDENT_USERS: readonly [string, string | null, string][] = [
  ["sourcedId", "Student Identifiers", "Provider/App assigned or roster id"],
  ["status", null, "roster record status"],
  ["dateLastModified", null, "roster record date"],
  ["enabledUser", null, "account switch"],
  ["orgSourcedIds", "Enrollment", "student school enrollment"],
  ["primaryOrgSourcedId", "Enrollment", "student school enrollment"],
  ["role", null, "the kind of user"],
  ["username", "Student Identifiers", "student app username"],
  ["userIds", "Student Identifiers", "ids in other systems"],
  ["givenName", "Student Name", "first name"],
  ["familyName", "Student Name", "last name"],
  ["middleName", "Student Name", "middle name"],
  ["preferredGivenName", "Student Name", "preferred first name"],
  ["preferredMiddleName", "Student Name", "preferred middle name"],
  ["preferredFamilyName", "Student Name", "preferred last name"],
  ["identifier", "Student Identifiers", "local (school district) id number"],
  ["userMasterIdentifier", "Student Identifiers", "state id number"],
  ["email", "Student Contact Information", "email"],
  ["sms", "Student Contact Information", "phone (text messages)"],
  ["phone", "Student Contact Information", "phone"],
  ["agentSourcedIds", "Parent/Guardian ID", "ids linking parents to the student"],
  ["grades", "Enrollment", "student grade level"],
  ["password", "Student Identifiers", "student app password"],
  ["resourceSourcedIds", "Student Program Membership", "resources (programs) assigned to the student"],
  ["pronouns", "Demographics", "other demographic information"],
];

const PARENT_USERS: readonly [string, string | null, string][] = [
  ["sourcedId", "Parent/Guardian ID", "parent id number (links parents to students)"],
  ["identifier", "Parent/Guardian ID", "parent id number"],
  ["userIds", "Parent/Guardian ID", "parent ids in other systems"],
  ["username", "Parent/Guardian ID", "parent account name"],
  ["givenName", "Parent/Guardian Name", "first name"],
  ["familyName", "Parent/Guardian Name", "last name"],
  ["middleName", "Parent/Guardian Name", "middle name"],
  ["preferredGivenName", "Parent/Guardian Name", "preferred first name"],
  ["preferredFamilyName", "Parent/Guardian Name", "preferred last name"],
  ["email", "Parent/Guardian Contact Information", "email"],
  ["sms", "Parent/Guardian Contact Information", "phone (text messages)"],
  ["phone", "Parent/Guardian Contact Information", "phone"],
  ["agentSourcedIds", "Parent/Guardian ID", "ids linking the parent to students"],
];

const DEMOGRAPHICS: readonly [string, string | null, string][] = [
  ["sourcedId", "Student Identifiers", "the student's roster id"],
  ["status", null, "roster record status"],
  ["dateLastModified", null, "roster record date"],
  ["birthDate", "Demographics", "date of birth"],
  ["sex", "Demographics", "gender"],
  ["americanIndianOrAlaskaNative", "Demographics", "ethnicity or race"],
  ["asian", "Demographics", "ethnicity or race"],
  ["blackOrAfricanAmerican", "Demographics", "ethnicity or race"],
  ["nativeHawaiianOrOtherPacificIslander", "Demographics", "ethnicity or race"],
  ["white", "Demographics", "ethnicity or race"],
  ["demographicRaceTwoOrMoreRaces", "Demographics", "ethnicity or race"],
  ["hispanicOrLatinoEthnicity", "Demographics", "ethnicity or race"],
  ["countryOfBirthCode", "Demographics", "place of birth"],
  ["stateOfBirthAbbreviation", "Demographics", "place of birth"],
  ["cityOfBirth", "Demographics", "place of birth"],
  ["publicSchoolResidenceStatus", "Enrollment", "other enrollment information (residence status)"],
];

const ENROLLMENTS: readonly [string, string | null, string][] = [
  ["sourcedId", null, "the enrolment record's id"],
  ["status", null, "roster record status"],
  ["dateLastModified", null, "roster record date"],
  ["classSourcedId", "Schedule", "student scheduled courses"],
  ["schoolSourcedId", "Enrollment", "student school enrollment"],
  ["userSourcedId", "Student Identifiers", "the student's roster id"],
  ["role", null, "the kind of member"],
  ["primary", null, "primary teacher flag"],
  ["beginDate", "Schedule", "course dates"],
  ["endDate", "Schedule", "course dates"],
];

const NOT_STUDENT_FILES = [
  "orgs.csv",
  "classes.csv",
  "courses.csv",
  "academicSessions.csv",
  "manifest.csv",
  "roles.csv",
  "resources.csv",
  "classResources.csv",
  "courseResources.csv",
  "lineItems.csv",
  "categories.csv",
];

/**
 * OneRoster 1.2 columns and the SDPC NDPA Exhibit B categories they fall in, for checking what a
 * roster sync really shares against what an agreement allows: names → Student Name, usernames,
 * local and state ids and passwords → Student Identifiers, email and phone → Student Contact
 * Information, grades and schools → Enrollment, class enrolments → Schedule, birth date, sex, race
 * and place of birth (demographics.csv) → Demographics; a parent's (agent's) name, ids and contact
 * details → the Parent/Guardian categories. Roster plumbing (status, modification dates, ids of
 * classes and schools) and staff rows are not student data (`category: null`). Columns not in the
 * table are reported as unmapped, never assumed harmless; OneRoster `metadata.*` extension columns
 * fall in `Other`.
 *
 * Sources: 1EdTech OneRoster 1.2 CSV binding (users.csv, demographics.csv, enrollments.csv
 * columns; the sample roster in examples/data/oneroster/); SDPC NDPA Exhibit B "Schedule of Data"
 * (e.g. https://lawinsider.com/clause/description-of-services/_5 quoting it: "Student Identifiers —
 * Local (School district) ID number, State ID number, Provider/App assigned student ID number,
 * Student app username, Student app passwords").
 *
 * @example
 * ```ts
 * ROSTER_FIELD_CATEGORIES.find((f) => f.file === "users.csv" && f.column === "email" && f.subject === "student")?.category; // => "Student Contact Information"
 * ROSTER_FIELD_CATEGORIES.find((f) => f.file === "demographics.csv" && f.column === "birthDate")?.category; // => "Demographics"
 * ```
 * @category Tables
 */
export const ROSTER_FIELD_CATEGORIES: readonly RosterFieldCategory[] = [
  ...STUDENT_USERS.map(([column, category, why]) => ({ file: "users.csv", column, subject: "student" as const, category, why })),
  ...PARENT_USERS.map(([column, category, why]) => ({ file: "users.csv", column, subject: "parent" as const, category, why })),
  ...DEMOGRAPHICS.map(([column, category, why]) => ({ file: "demographics.csv", column, subject: "student" as const, category, why })),
  ...ENROLLMENTS.map(([column, category, why]) => ({ file: "enrollments.csv", column, subject: "student" as const, category, why })),
];

/** The category of a roster column for a subject: a row of the table, `"not student data"`, or undefined (unmapped). */
export function rosterFieldCategory(file: string, column: string, subject: RosterSubject): RosterFieldCategory | "not student data" | undefined {
  const f = file.split(/[\\/]/).pop()!.toLowerCase();
  const c = column.trim().toLowerCase();
  if (subject === "staff" || subject === "other") return "not student data";
  if (NOT_STUDENT_FILES.some((n) => n.toLowerCase() === f)) return "not student data";
  const row = ROSTER_FIELD_CATEGORIES.find((r) => r.file.toLowerCase() === f && r.column.toLowerCase() === c && r.subject === subject);
  if (row) return row;
  if (c.startsWith("metadata.")) return { file, column, subject, category: "Other", why: "an extension column: check what it holds" };
  // parent rows of users.csv: plumbing columns are shared with the student table
  if (subject === "parent") {
    const plumbing = ROSTER_FIELD_CATEGORIES.find((r) => r.file.toLowerCase() === f && r.column.toLowerCase() === c && r.subject === "student" && r.category === null);
    if (plumbing) return { ...plumbing, subject };
  }
  return undefined;
}
