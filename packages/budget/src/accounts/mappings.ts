import type { AccountMappingInput } from "./schema.js";

const TECH_FUNCTIONS = ["2230", "2580", "2800-2899"];

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// Codes and titles: NCES, Financial Accounting for Local and State School Systems, 2014 Edition
// (NCES 2015-347), https://nces.ed.gov/pubs2015/fin_acct/codefinder.asp — see NCES_ACCOUNT_CODES.
// The layout (fund-function-object-location-program, e.g. 100-2230-734-001-100) is the common
// order of the handbook's dimensions in state charts built on it; fund and location codes are the
// district's own, so the fund and school rules here are a starting point to edit.
/**
 * An account mapping for charts built on the NCES handbook (2014 edition): account strings
 * `fund-function-object-location-program` (`100-2230-734-001-100`), technology objects and
 * functions mapped to DistrictKit categories (734 → hardware, 735 → software, 650 → hardware
 * supplies, 443 device leases → hardware, 432 and 351 → services, 530 → network, or software for
 * online subscriptions charged to instruction, staff in 2230/2580/2800s → support-staff…), fund
 * 100–199 → the general fund, location 000 → district-wide. Salaries and benefits outside the
 * technology functions are excluded (out of scope, counted in the tie-out); every other account
 * is reported as unmapped. Copy it and edit the fund and school rules for your district.
 *
 * @example
 * ```ts
 * const c = compileAccountMapping(NCES_TECHNOLOGY_MAPPING);
 * c.classify("100-2230-734-000-100").category; // => "hardware"
 * c.classify("100-1000-530-000-100").category; // => "software"
 * ```
 * @category Accounts
 */
export const NCES_TECHNOLOGY_MAPPING: AccountMappingInput = deepFreeze({
  id: "nces-2014-technology",
  name: "NCES 2014 chart (fund-function-object-location-program), technology codes",
  source: "NCES Financial Accounting for Local and State School Systems, 2014 Edition (NCES 2015-347), https://nces.ed.gov/pubs2015/fin_acct/codefinder.asp",
  layout: {
    separator: "-",
    segments: [
      { name: "fund", role: "fund", width: 3, label: "Fund" },
      { name: "function", role: "function", width: 4, label: "Function" },
      { name: "object", role: "object", width: 3, label: "Object" },
      { name: "location", role: "location", width: 3, label: "Location" },
      { name: "program", role: "program", width: 3, label: "Program" },
    ],
  },
  categories: [
    { when: { object: "734" }, category: "hardware", name: "Technology-related hardware" },
    { when: { object: "735" }, category: "software", name: "Technology software" },
    {
      when: { object: "650" },
      category: "hardware",
      name: "Technology supplies",
      note: "650 also takes software below the capitalization threshold: add a rule on program or project to move it to software",
    },
    { when: { object: "443" }, category: "hardware", name: "Computer and equipment leases" },
    { when: { object: "432" }, category: "services", name: "Technology repairs and maintenance" },
    { when: { object: "351" }, category: "services", name: "Data-processing and coding services" },
    {
      when: { object: ["530"], function: ["1000-1999", "2220"] },
      category: "software",
      name: "Online subscriptions and licences",
      note: "NCES reports licences and fees for services such as online subscriptions under 530",
    },
    { when: { object: "530" }, category: "network", name: "Communications (telephone, data, internet)" },
    { when: { object: "330", function: ["2213", ...TECH_FUNCTIONS] }, category: "professional-development", name: "Technology training" },
    { when: { object: "580", function: TECH_FUNCTIONS }, category: "professional-development", name: "Technology staff travel" },
    { when: { object: "100-299", function: TECH_FUNCTIONS }, category: "support-staff", name: "Technology staff salaries and benefits" },
    { when: { object: ["300-399", "400-499"], function: TECH_FUNCTIONS }, category: "services", name: "Technology purchased services" },
    { when: { function: TECH_FUNCTIONS }, category: "other", name: "Other technology costs" },
    { when: { object: "100-299" }, exclude: "salaries and benefits outside the technology functions (2230, 2580, 2800s)" },
  ],
  funds: [{ when: { fund: "100-199" }, fund: "general-fund", note: "the general fund; add your special revenue funds (grants) here" }],
  schools: [{ when: { location: "000" }, school: null, note: "district-wide; add a rule per school location code" }],
  codeNames: {
    function: {
      "1000": "Instruction",
      "2213": "Instructional Staff Training",
      "2220": "Library/Media Services",
      "2230": "Instruction-Related Technology",
      "2580": "Administrative Technology Services",
      "2840": "Data Processing Services",
    },
    object: {
      "330": "Employee Training and Development Services",
      "351": "Data-Processing and Coding Services",
      "432": "Technology-Related Repairs and Maintenance",
      "443": "Rentals of Computers and Related Equipment",
      "530": "Communications",
      "580": "Travel",
      "650": "Supplies-Technology Related",
      "734": "Technology-Related Hardware",
      "735": "Technology Software",
    },
  },
});

// Layout: California School Accounting Manual (CSAM), Procedure 301 "Overview of the Standardized
// Account Code Structure" (SACS) and 5 CCR §15060: Fund (2 digits), Resource (4), Project Year (1),
// Goal (4), Function (4), Object (4), School (3, optional in SACS), written here in the order
// districts print them (01-0000-0-1110-1000-4400-001). CDE, https://www.cde.ca.gov/fg/ac/sa/
// Codes used below (CSAM procedures 325 and 330, and the SACS resource list): function 2420
// Instructional Library, Media, and Technology; 7700 Information Technology (formerly Data
// Processing); objects 1000–3999 salaries and benefits, 4300 Materials and Supplies, 4400
// Noncapitalized Equipment, 5200 Travel and Conferences, 5600 Rentals, Leases, Repairs, and
// Noncapitalized Improvements, 5800 Professional/Consulting Services and Operating Expenditures,
// 5900 Communications, 6400 Equipment, 6500 Equipment Replacement; resources 0000–1999
// unrestricted, 4127 ESSA Title IV, Part A. These titles were checked against secondary sources
// (district SACS code books), not the current CSAM text: verify against your county office's chart.
/**
 * An account mapping for California's Standardized Account Code Structure (SACS, California School
 * Accounting Manual): `fund-resource-projectYear-goal-function-object-school`
 * (`01-0000-0-1110-2420-4400-001`). Technology objects in functions 2420 (instructional library,
 * media and technology) and 7700 (information technology) map to DistrictKit categories; fund 01
 * with an unrestricted resource (0000–1999) → the general fund, resource 4127 (Title IV-A) →
 * `title-iv-a`; school 000 → district-wide. A second state's chart as data: copy and edit.
 *
 * @example
 * ```ts
 * const c = compileAccountMapping(CALIFORNIA_SACS_MAPPING);
 * const r = c.classify("01-4127-0-1110-2420-4400-000");
 * [r.category, r.fund, r.school]; // => ["hardware", "title-iv-a", null]
 * ```
 * @category Accounts
 */
export const CALIFORNIA_SACS_MAPPING: AccountMappingInput = deepFreeze({
  id: "california-sacs-technology",
  name: "California SACS (fund-resource-projectYear-goal-function-object-school), technology codes",
  source: "California School Accounting Manual, Procedure 301 (Standardized Account Code Structure); 5 CCR §15060; https://www.cde.ca.gov/fg/ac/sa/",
  layout: {
    separator: "-",
    segments: [
      { name: "fund", role: "fund", width: 2, label: "Fund" },
      { name: "resource", role: "resource", width: 4, label: "Resource" },
      { name: "projectYear", role: "other", width: 1, label: "Project year" },
      { name: "goal", role: "goal", width: 4, label: "Goal" },
      { name: "function", role: "function", width: 4, label: "Function" },
      { name: "object", role: "object", width: 4, label: "Object" },
      { name: "school", role: "location", width: 3, label: "School" },
    ],
  },
  categories: [
    { when: { object: ["4400", "6400", "6500"], function: ["1000", "2420", "7700"] }, category: "hardware", name: "Technology equipment" },
    { when: { object: "4300", function: ["2420", "7700"] }, category: "hardware", name: "Technology supplies" },
    {
      when: { object: "5800", function: ["1000", "2420", "7700"] },
      category: "software",
      name: "Software licences and subscriptions",
      note: "(unconfirmed) licences and subscriptions are usually charged to 5800; check your chart",
    },
    { when: { object: "5900" }, category: "network", name: "Communications (telephone, data, internet)" },
    { when: { object: "5600", function: ["2420", "7700"] }, category: "services", name: "Technology repairs, rentals and leases" },
    { when: { object: "5200", function: ["2420", "7700"] }, category: "professional-development", name: "Technology staff travel and conferences" },
    { when: { object: "1000-3999", function: ["2420", "7700"] }, category: "support-staff", name: "Technology staff salaries and benefits" },
    { when: { function: ["2420", "7700"] }, category: "other", name: "Other technology costs" },
    { when: { object: "1000-3999" }, exclude: "salaries and benefits outside the technology functions (2420, 7700)" },
  ],
  funds: [
    { when: { fund: "01", resource: "0000-1999" }, fund: "general-fund", note: "unrestricted resources of the general fund" },
    { when: { fund: "01", resource: "4127" }, fund: "title-iv-a", note: "ESSA Title IV, Part A (Student Support and Academic Enrichment)" },
  ],
  schools: [{ when: { school: "000" }, school: null, note: "district-wide; add a rule per school site code" }],
  codeNames: {
    function: { "1000": "Instruction", "2420": "Instructional Library, Media, and Technology", "7700": "Information Technology" },
    object: {
      "4300": "Materials and Supplies",
      "4400": "Noncapitalized Equipment",
      "5200": "Travel and Conferences",
      "5600": "Rentals, Leases, Repairs, and Noncapitalized Improvements",
      "5800": "Professional/Consulting Services and Operating Expenditures",
      "5900": "Communications",
      "6400": "Equipment",
      "6500": "Equipment Replacement",
    },
    resource: { "0000": "Unrestricted", "4127": "ESSA: Title IV, Part A, Student Support and Academic Enrichment" },
  },
});
