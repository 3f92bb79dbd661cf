/**
 * Student data categories, by the names of the SDPC National Data Privacy Agreement, Exhibit B
 * ("Schedule of Data"). The tail of the list is unconfirmed. The
 * high-sensitivity classes are Special Indicator (ELL, low income, health, disability, IEP/504,
 * living situation), Conduct, and health data.
 *
 * Source: SDPC / A4L National Privacy Clause Set — https://privacy.a4l.org/national-privacy-clause-set/
 *
 * @example
 * ```ts
 * STUDENT_DATA_CATEGORIES.includes("Student Work"); // => true
 * ```
 * @category Tables
 */
export const STUDENT_DATA_CATEGORIES: readonly string[] = [
  "Application Technology Meta Data",
  "Application Use Statistics",
  "Assessment",
  "Attendance",
  "Communications",
  "Conduct",
  "Demographics",
  "Enrollment",
  "Parent/Guardian Contact Information",
  "Parent/Guardian ID",
  "Parent/Guardian Name",
  "Schedule",
  "Special Indicator",
  "Student Contact Information",
  "Student Identifiers",
  "Student Name",
  "Student In-App Performance",
  "Student Program Membership",
  "Student Survey Responses",
  "Student Work",
  "Transcript",
  "Transportation",
  "Other",
];

/**
 * The high-sensitivity student data categories (a data-minimization flag when an app collects
 * them without needing them).
 *
 * @example
 * ```ts
 * HIGH_SENSITIVITY_CATEGORIES; // => ["Special Indicator", "Conduct"]
 * ```
 * @category Tables
 */
export const HIGH_SENSITIVITY_CATEGORIES: readonly string[] = ["Special Indicator", "Conduct"];
