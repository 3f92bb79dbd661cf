import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field, pick } from "../internal/field.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { attributesSchema, decimalStringSchema, isoDayStringSchema } from "../schema/records.js";

/** The longest notice period and term a contract row may give (ten years, as the licence engine allows). */
const MAX_NOTICE_DAYS = 3650;
const MAX_TERM_MONTHS = 120;

/**
 * The zod schema of one line of a licence contract list, as {@link readLicenseContracts} returns it.
 *
 * @example
 * ```ts
 * licenseContractSchema.parse({ line: 2, product: "ReadWell", seats: 900, attributes: {} }).seats; // => 900
 * ```
 * @category Licences
 */
export const licenseContractSchema = z.object({
  line: z.number().int().min(1).describe("Line of the file where the row starts"),
  product: z.string().describe("Product name"),
  vendor: z.string().optional().describe("Vendor"),
  plan: z.string().optional().describe("Plan, edition or SKU"),
  pricing: z.string().optional().describe("How the price is counted: per seat, per student, site…"),
  school: z.string().optional().describe("School the contract covers, when not district-wide"),
  seats: z.number().int().min(0).optional().describe("Seats (licences) bought"),
  unitPrice: decimalStringSchema.optional().describe("Price per seat per year"),
  annualCost: decimalStringSchema.optional().describe("Total cost per year"),
  termMonths: z.number().int().min(0).max(MAX_TERM_MONTHS).optional().describe("Contract term in months"),
  startDate: isoDayStringSchema.optional().describe("Start of the term"),
  endDate: isoDayStringSchema.optional().describe("End of the term"),
  renewalDate: isoDayStringSchema.optional().describe("Renewal date"),
  noticeDays: z.number().int().min(0).max(MAX_NOTICE_DAYS).optional().describe("Days of notice needed to cancel before renewal"),
  autoRenew: z.boolean().optional().describe("Renews automatically unless cancelled"),
  attributes: attributesSchema,
});

/**
 * One line of a licence contract list (see {@link licenseContractSchema}).
 *
 * @category Licences
 */
export type LicenseContract = z.output<typeof licenseContractSchema>;

const CONTRACT_KEYS = ["vendor", "plan", "pricing", "school", "seats", "unitPrice", "annualCost", "termMonths", "startDate", "endDate", "renewalDate", "noticeDays", "autoRenew"] as const;

/**
 * The licence contract list format: product, plan, seats, price, term, renewal date and notice
 * days, under the headers vendors and districts commonly use. Every vendor differs: set a
 * `mapping` for yours.
 *
 * @example
 * ```ts
 * licenseContractFormat.fields.map((f) => f.key).includes("noticeDays"); // => true
 * ```
 * @category Licences
 */
export const licenseContractFormat: CsvFormat<LicenseContract> = {
  name: "licence contract list",
  fields: [
    field("product", "Product", "text", ["Product Name", "Application", "App", "Software", "Title", "Service"], { requiredColumn: true, requiredValue: true }),
    field("vendor", "Vendor", "text", ["Publisher", "Supplier", "Provider", "Company"]),
    field("plan", "Plan", "text", ["Edition", "SKU", "Tier", "License Type", "Licence Type", "Subscription"]),
    field("pricing", "Pricing", "text", ["Pricing Model", "Price Basis", "Unit", "Per"]),
    field("school", "School", "text", ["Site", "Building", "Location"]),
    field("seats", "Seats", "count", ["Quantity", "Qty", "Licenses", "Licences", "Seats Purchased", "Licenses Purchased", "Purchased Seats"]),
    field("unitPrice", "Unit Price", "money", ["Price", "Price per Seat", "Cost per Seat", "Per Seat Price", "Unit Cost", "Price Per License"]),
    field("annualCost", "Annual Cost", "money", ["Total", "Total Cost", "Annual Total", "Contract Value", "Amount", "Yearly Cost"]),
    field("termMonths", "Term Months", "count", ["Term", "Term (months)", "Contract Term", "Length (months)"]),
    field("startDate", "Start Date", "date", ["Start", "Term Start", "Contract Start", "Begin Date"]),
    field("endDate", "End Date", "date", ["End", "Term End", "Contract End", "Expiration", "Expiration Date", "Expires"]),
    field("renewalDate", "Renewal Date", "date", ["Renewal", "Renews", "Next Renewal"]),
    field("noticeDays", "Notice Days", "count", ["Notice", "Notice Period", "Notice Period (days)", "Cancellation Notice Days", "Days Notice"]),
    field("autoRenew", "Auto Renew", "boolean", ["Auto-Renew", "Auto Renewal", "Automatic Renewal", "Evergreen"]),
  ],
  // a bad cell (2147483648 days) is a row error, not a date beyond the calendar later on
  check: (values) =>
    typeof values["noticeDays"] === "number" && values["noticeDays"] > MAX_NOTICE_DAYS
      ? { field: "noticeDays", reason: `is ${values["noticeDays"]} days (expected at most ${MAX_NOTICE_DAYS}, ten years)` }
      : typeof values["termMonths"] === "number" && values["termMonths"] > MAX_TERM_MONTHS
        ? { field: "termMonths", reason: `is ${values["termMonths"]} months (expected at most ${MAX_TERM_MONTHS}, ten years)` }
        : undefined,
  build: (values, attributes, line) => ({ line, product: values["product"], ...pick(values, CONTRACT_KEYS), attributes }) as LicenseContract,
};

/**
 * Reads a licence contract list (product, plan, seats, price, term, renewal date, notice days).
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping (your vendor's headers), delimiter, date order
 * @returns the contract lines, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no product column)
 * @example
 * ```ts
 * const csv = "App,Qty,Cost per Seat,Renews,Notice (days)\nReadWell,900,$8.50,7/1/2027,60";
 * const { rows } = readLicenseContracts(csv, { mapping: { noticeDays: "Notice (days)" } });
 * rows[0]?.seats; // => 900
 * rows[0]?.noticeDays; // => 60
 * rows[0]?.renewalDate; // => "2027-07-01"
 * ```
 * @category Licences
 */
export function readLicenseContracts(input: TextInput, options?: ReadOptions): ReadResult<LicenseContract> {
  return readCsv(licenseContractFormat, input, options);
}

/**
 * The zod schema of one line of a usage export (who used which product, and when last), as {@link readUsage} returns it.
 *
 * @example
 * ```ts
 * usageRecordSchema.parse({ line: 2, product: "ReadWell", user: "s1", attributes: {} }).user; // => "s1"
 * ```
 * @category Licences
 */
export const usageRecordSchema = z.object({
  line: z.number().int().min(1).describe("Line of the file where the row starts"),
  product: z.string().describe("Product name"),
  user: z.string().describe("User id, login or e-mail"),
  role: z.string().optional().describe("student, teacher, staff…"),
  school: z.string().optional().describe("School"),
  grade: z.string().optional().describe("Grade"),
  lastActive: isoDayStringSchema.optional().describe("Last day the user was active (absent: never)"),
  minutes: z.number().int().min(0).optional().describe("Minutes of use in the period"),
  attributes: attributesSchema,
});

/**
 * One line of a usage export (see {@link usageRecordSchema}).
 *
 * @category Licences
 */
export type UsageRecord = z.output<typeof usageRecordSchema>;

const USAGE_KEYS = ["role", "school", "grade", "lastActive", "minutes"] as const;

/**
 * The usage export format: product, user, role, school, last active date (an empty date means
 * the user never signed in). Set a `mapping` for your vendor's headers.
 *
 * @example
 * ```ts
 * usageFormat.fields.find((f) => f.key === "lastActive")?.header; // => "Last Active"
 * ```
 * @category Licences
 */
export const usageFormat: CsvFormat<UsageRecord> = {
  name: "usage export",
  fields: [
    field("product", "Product", "text", ["Product Name", "Application", "App", "Software", "Title", "Service"], { requiredColumn: true, requiredValue: true }),
    field("user", "User", "text", ["User ID", "Username", "User Name", "Email", "E-mail", "User Email", "Email Address", "Student Email", "Login", "Student ID", "sourcedId", "Account"], {
      requiredColumn: true,
      requiredValue: true,
    }),
    field("role", "Role", "text", ["User Role", "User Type", "Type"]),
    field("school", "School", "text", ["Site", "Building", "Location", "School Name"]),
    field("grade", "Grade", "text", ["Grade Level", "Grades"]),
    field("lastActive", "Last Active", "date", ["Last Active Date", "Last Login", "Last Sign In", "Last Signed In", "Last Used", "Last Activity", "Last Seen", "Last Access"]),
    field("minutes", "Minutes", "count", ["Minutes Used", "Time (min)", "Usage Minutes", "Total Minutes"]),
  ],
  build: (values, attributes, line) => ({ line, product: values["product"], user: values["user"], ...pick(values, USAGE_KEYS), attributes }) as UsageRecord,
};

/**
 * Reads a usage export: one row per user and product, with the last active date.
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping (your vendor's headers), delimiter, date order
 * @returns the usage lines, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no product or user column)
 * @example
 * ```ts
 * const { rows, stats } = readUsage("product,email,role,last login\nReadWell,ada@mvsd.example,student,\n");
 * stats.parsed; // => 1
 * rows[0]?.user; // => "ada@mvsd.example"
 * rows[0]?.lastActive === undefined; // => true
 * ```
 * @category Licences
 */
export function readUsage(input: TextInput, options?: ReadOptions): ReadResult<UsageRecord> {
  return readCsv(usageFormat, input, options);
}
