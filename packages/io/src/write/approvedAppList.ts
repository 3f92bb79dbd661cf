import { parseInput } from "@districtkit/core";
import { approvedAppListSchema } from "@districtkit/vetting";
import { guard } from "../internal/guard.js";
import { type CsvWriteOptions, toCsv } from "./csv.js";

const COLUMNS = [
  "App",
  "Vendor",
  "Vendor Address",
  "Purposes",
  "Data Elements",
  "Subprocessors",
  "Agreement",
  "Signed On",
  "Expires On",
  "Agreement URL",
  "Conditions",
  "New Since Last List",
] as const;

/**
 * Writes the approved-app list that `@districtkit/vetting`'s `buildApprovedAppList` returns as a
 * CSV for a website's table or a spreadsheet: one row per app cleared for student use, with its
 * vendor, purposes, data elements, subprocessors, agreement (kind, dates, link), the conditions
 * of its approval in words and whether it is new since the last list. Lists are joined with
 * `; `; an app approved with no student data says so in the agreement column. Cells a
 * spreadsheet would run as formulas are neutralised.
 *
 * @param list - an approved-app list as `buildApprovedAppList` returns it
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text
 * @throws DistrictKitError for something that is not an approved-app list
 * @example
 * ```ts
 * // a list as `buildApprovedAppList` returns it (one entry shown)
 * const entry = { appId: "readwell", appName: "ReadWell", vendor: "ReadWell Learning", vendorAddress: null, purposes: ["Reading practice"],
 *   dataElements: ["Student Name", "Enrollment"], subprocessors: [], noStudentData: false, conditions: ["only for grades K–8"], newSince: false,
 *   agreement: { id: "rw", type: "SDPC National DPA", signedOn: "2025-07-01", expiresOn: "2028-06-30", url: null } };
 * const list = { kind: "approvedAppList", title: "Approved apps", districtName: "Maple Valley SD", state: "OR", asOf: "2026-07-01", website: null,
 *   privacyContact: null, rules: [], gaps: [], summary: "", since: null, parentRightsUrl: null, entries: [entry],
 *   changes: { added: [], removed: [] }, withheld: [], notApproved: [], deadlines: [], reminders: [] };
 * const csv = writeApprovedAppList(list, { newline: "\n" });
 * csv.split("\n")[1]; // => "ReadWell,ReadWell Learning,,Reading practice,Student Name; Enrollment,,SDPC National DPA,2025-07-01,2028-06-30,,only for grades K–8,false"
 * writeApprovedAppList({ kind: "contractNotices" }); // throws
 * ```
 * @category Privacy register
 */
export function writeApprovedAppList(list: unknown, options: CsvWriteOptions = {}): string {
  return guard("approved-app list", () => {
    const l = parseInput(approvedAppListSchema, list, ["list"]);
    const join = (xs: readonly string[]): string => xs.join("; ");
    const rows = l.entries.map((e) => [
      e.appName,
      e.vendor,
      e.vendorAddress,
      join(e.purposes),
      join(e.dataElements),
      join(e.subprocessors),
      e.noStudentData ? "None needed: no student data" : (e.agreement?.type ?? (e.agreement === null ? null : "Agreement")),
      e.agreement?.signedOn,
      e.agreement?.expiresOn,
      e.agreement?.url,
      join(e.conditions),
      e.newSince,
    ]);
    return toCsv({ columns: COLUMNS, rows }, options);
  });
}
