/**
 * A code of a school-finance chart of accounts and what it means.
 *
 * @category Accounts
 */
export interface AccountCode {
  /** The code as written in an account string, e.g. `"2230"`, `"734"`. */
  readonly code: string;
  /** Its title in the handbook. */
  readonly name: string;
  /** Why it matters to a technology budget, or how the handbook uses it. */
  readonly note?: string;
  /** The edition the code belongs to when it is not the table's own (e.g. a 1990 code still used by some states). */
  readonly edition?: string;
  /** `true` when the code or title was taken from a secondary source and not checked against the handbook's own text. */
  readonly unconfirmed?: boolean;
}

/**
 * One dated edition of a code table: its dimensions (fund, function, object, program, level of
 * instruction, project) and where the codes come from.
 *
 * @category Accounts
 */
export interface AccountCodeTable {
  /** The handbook and edition, e.g. `NCES Financial Accounting for Local and State School Systems, 2014 Edition`. */
  readonly title: string;
  /** The edition's publication, `YYYY-MM`. */
  readonly published: string;
  /** Where the codes were read. */
  readonly sources: readonly string[];
  readonly fundTypes: readonly AccountCode[];
  readonly functions: readonly AccountCode[];
  readonly objects: readonly AccountCode[];
  readonly programs: readonly AccountCode[];
  readonly levelsOfInstruction: readonly AccountCode[];
  /** How the project/reporting dimension is used (its codes are assigned by each state). */
  readonly projectReporting: string;
}

// NCES, "Financial Accounting for Local and State School Systems: 2014 Edition" (NCES 2015-347,
// April 2015), chapter 6 and its "Quick Code Finder by Number/Category":
//   https://nces.ed.gov/pubs2015/fin_acct/codefinder.asp
// The same function, object and level-of-instruction codes are the option sets of the Common
// Education Data Standards (CEDS) elements "Financial Expenditure Function Code", "… Object Code"
// and "… Level of Instruction Code", which were used to check the titles below. The 2009
// edition's object descriptions (https://nces.ed.gov/pubs2009/fin_acct/chapter6_6.asp) carry the
// notes on technology: object 650 takes software below the capitalization threshold, and
// licences and fees for services such as online subscriptions are reported under 530.
// Only the codes a technology budget meets are listed, with their parents; the handbook has many more.
// "2800s": the 1990 edition's central support services (2800, data processing 2840) were
// replaced by 2580 Administrative Technology Services in the 2003 edition, but several state
// charts still use them; they are listed with their edition and marked unconfirmed against the
// 1990 text (NCES 90-096), which was not available to check.
/**
 * The NCES *Financial Accounting for Local and State School Systems* (2014 edition) codes that
 * matter to a technology budget: functions 2230 (instruction-related technology), 2580
 * (administrative technology services) and the older 2800s (central support, data processing);
 * objects 351, 432, 443, 530, 650, 734, 735 and their parents; programs; levels of instruction.
 * Dated data with its sources: a state's own chart is described by an {@link AccountMapping}.
 *
 * @example
 * ```ts
 * NCES_ACCOUNT_CODES.functions.find((f) => f.code === "2230")?.name; // => "Instruction-Related Technology"
 * NCES_ACCOUNT_CODES.objects.find((o) => o.code === "734")?.name; // => "Technology-Related Hardware"
 * ```
 * @category Accounts
 */
export const NCES_ACCOUNT_CODES: AccountCodeTable = Object.freeze({
  title: "NCES Financial Accounting for Local and State School Systems, 2014 Edition (NCES 2015-347)",
  published: "2015-04",
  sources: [
    "https://nces.ed.gov/pubs2015/fin_acct/codefinder.asp",
    "https://nces.ed.gov/pubs2009/fin_acct/chapter6_6.asp (object descriptions; the technology objects are unchanged in 2014)",
    "Common Education Data Standards option sets: Financial Expenditure Function / Object / Level of Instruction Code",
  ],
  fundTypes: [
    { code: "general", name: "General Fund", note: "the chief operating fund; states number it (often 100 or 01)" },
    { code: "special-revenue", name: "Special Revenue Funds", note: "restricted or committed revenue: federal and state grants (Title I-A, Title IV-A, ESSER…)" },
    { code: "capital-projects", name: "Capital Projects Funds", note: "bond-funded acquisitions, e.g. a network refresh paid by a technology bond" },
    { code: "debt-service", name: "Debt Service Funds" },
    { code: "permanent", name: "Permanent Funds" },
  ],
  functions: [
    { code: "1000", name: "Instruction", note: "classroom devices and instructional software are often charged here" },
    { code: "2200", name: "Support Services-Instruction" },
    { code: "2213", name: "Instructional Staff Training", note: "technology professional development" },
    { code: "2220", name: "Library/Media Services" },
    { code: "2230", name: "Instruction-Related Technology", note: "technology support of instruction: devices, software, staff who support them" },
    { code: "2500", name: "Central Services" },
    { code: "2580", name: "Administrative Technology Services", note: "district data processing, networks, administrative systems and their staff" },
    { code: "2800", name: "Support Services-Central", note: "1990 edition; replaced by 2500/2580 in 2003, still used by some state charts", edition: "1990", unconfirmed: true },
    { code: "2840", name: "Data Processing Services", note: "1990 edition; the predecessor of 2580", edition: "1990", unconfirmed: true },
    { code: "2900", name: "Other Support Services" },
    { code: "4000", name: "Facilities Acquisition and Construction", note: "infrastructure such as cabling in new construction" },
  ],
  objects: [
    { code: "100", name: "Personal Services-Salaries" },
    { code: "200", name: "Personal Services-Employee Benefits" },
    { code: "300", name: "Purchased Professional and Technical Services" },
    { code: "330", name: "Employee Training and Development Services" },
    { code: "340", name: "Other Professional Services" },
    { code: "350", name: "Technical Services" },
    { code: "351", name: "Data-Processing and Coding Services", note: "contracted data processing, hosting and coding" },
    { code: "352", name: "Other Technical Services" },
    { code: "430", name: "Repairs and Maintenance Services" },
    { code: "432", name: "Technology-Related Repairs and Maintenance", note: "service agreements and repairs of technology hardware" },
    { code: "440", name: "Rentals" },
    { code: "443", name: "Rentals of Computers and Related Equipment", note: "device and equipment leases" },
    { code: "530", name: "Communications", note: "telephone, data and internet services; licences and fees for services such as online subscriptions are reported here" },
    { code: "580", name: "Travel" },
    { code: "600", name: "Supplies" },
    { code: "610", name: "General Supplies" },
    { code: "650", name: "Supplies-Technology Related", note: "technology supplies and software below the capitalization threshold" },
    { code: "730", name: "Equipment" },
    { code: "734", name: "Technology-Related Hardware", note: "hardware above the capitalization threshold" },
    { code: "735", name: "Technology Software", note: "software above the capitalization threshold" },
    { code: "810", name: "Dues and Fees" },
  ],
  programs: [
    { code: "100", name: "Regular Elementary/Secondary Education Programs" },
    { code: "200", name: "Special Programs" },
    { code: "300", name: "Vocational and Technical Programs" },
    { code: "400", name: "Other Instructional Programs-Elementary/Secondary" },
    { code: "500", name: "Nonpublic School Programs" },
    { code: "600", name: "Adult/Continuing Education Programs" },
    { code: "700", name: "Community/Junior College Education Programs" },
    { code: "800", name: "Community Services Programs" },
    { code: "900", name: "Cocurricular and Extracurricular Activities" },
  ],
  levelsOfInstruction: [
    { code: "10", name: "Elementary" },
    { code: "11", name: "Prekindergarten" },
    { code: "12", name: "Kindergarten" },
    { code: "19", name: "Other Elementary" },
    { code: "20", name: "Middle" },
    { code: "30", name: "Secondary" },
    { code: "37", name: "Elementary and Secondary Combined" },
    { code: "40", name: "Postsecondary" },
    { code: "41", name: "Programs for Adult/Continuing" },
    { code: "42", name: "Community/Junior College" },
    { code: "50", name: "School Wide" },
    { code: "60", name: "Early Learning Program" },
  ],
  projectReporting: "a three-digit dimension for local, state and federal projects (a grant award, a bond project); the codes are assigned by each state or district, so a mapping names them",
} satisfies AccountCodeTable);
