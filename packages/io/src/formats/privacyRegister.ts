import { parseInput } from "@districtkit/core";
import { type Agreement, type AgreementInput, agreementSchema, gradeCode, privacyRegisterSchema, STUDENT_DATA_CATEGORIES } from "@districtkit/vetting";
import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field } from "../internal/field.js";
import { guard } from "../internal/guard.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult, RowError } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { type CsvWriteOptions, toCsv } from "../write/csv.js";

/**
 * One row of a registry-style CSV as {@link privacyRegisterFormat} reads it: each field's typed
 * value by its key (`appName`, `status`, `signedOn`…) and the row's line. {@link readPrivacyRegister}
 * turns it into an agreement.
 *
 * @category Privacy register
 */
export type PrivacyRegisterRow = Readonly<Record<string, unknown>> & { readonly line: number };

/** The columns of a registry-style CSV, in the order they are written. */
const FIELDS = [
  field("id", "Agreement ID", "text", ["Agreement", "DPA ID", "Contract ID", "Agreement Id"]),
  field("appName", "App", "text", ["App Name", "Product", "Product Name", "Application", "Resource", "Resource Name", "Software", "Tool"], { requiredColumn: true, requiredValue: true }),
  field("appId", "App ID", "text", ["Product ID", "appId", "Resource ID"]),
  field("vendor", "Vendor", "text", ["Company", "Company Name", "Provider", "Publisher", "Operator", "Vendor Name"]),
  field("vendorAddress", "Vendor Address", "text", ["Business Address", "Company Address", "Operator Address", "Address"]),
  field("status", "Status", "text", ["DPA Status", "Agreement Status", "Contract Status"], { requiredColumn: true, requiredValue: true }),
  field("type", "Agreement Type", "text", ["Type", "DPA Type", "Contract Type"]),
  field("state", "Agreement State", "text", ["DPA State", "State"]),
  field("requestedOn", "Requested On", "date", ["Requested", "Date Requested", "Request Date"]),
  field("signedOn", "Signed On", "date", ["Signed", "Date Signed", "Signed Date", "Date Approved", "Effective Date", "Start Date"]),
  field("expiresOn", "Expires On", "date", ["Expires", "Expiration", "Expiration Date", "Expiry", "Expiry Date", "End Date"]),
  field("renews", "Renews", "text", ["Renewal Of", "Replaces"]),
  field("dataElements", "Data Elements", "text", ["Data Categories", "Student Data", "Data Shared", "Data Elements Allowed"]),
  field("purposes", "Purposes", "text", ["Purpose", "Used For", "Use", "Description of Services"]),
  field("subprocessors", "Subprocessors", "text", ["Subcontractors", "Sub-processors", "Third Parties"]),
  field("url", "Agreement URL", "text", ["URL", "Link", "Agreement Link", "Copy of Agreement", "DPA Link"]),
  field("decision", "Decision", "text", ["Vetting Decision", "Approval", "Approval Status"]),
  field("decidedOn", "Decided On", "date", ["Decision Date", "Approved On", "Reviewed On"]),
  field("grades", "Grades", "text", ["Allowed Grades", "Grade Levels", "Grade Limits"]),
  field("under13", "Under 13", "text", ["Under13", "Under-13", "Students Under 13", "COPPA"]),
  field("consentOnFile", "Consent On File", "text", ["Parental Consent On File"]),
  field("optOuts", "Opt-Outs", "text", ["Opt Outs", "Opted Out", "Optouts"]),
  field("teacherOnly", "Teacher Only", "boolean", ["Teacher Accounts Only", "Teachers Only"]),
  field("conditionNotes", "Conditions", "text", ["Conditions of Use", "Approval Conditions"]),
  field("subcontractorOversight", "NY Subcontractor Oversight", "text", ["Subcontractor Oversight"]),
  field("dataAtExpiration", "NY Data At Expiration", "text", ["Data At Expiration", "Data at Contract End"]),
  field("accuracyChallenge", "NY Accuracy Challenge", "text", ["Accuracy Challenge", "Challenge Accuracy"]),
  field("storage", "NY Storage", "text", ["Storage", "Data Storage"]),
  field("encryption", "NY Encryption", "text", ["Encryption"]),
  field("notes", "Notes", "text", ["Note", "Comments", "Comment"]),
] as const;

/**
 * The registry-style CSV format of a privacy register: one row per agreement, under the headers
 * district registries and the SDPC resource registry export commonly use (`Product Name`,
 * `Company`, `Status`, `Date Approved`, `Expiration Date`…). Lists (data elements, grades,
 * purposes, subprocessors, opt-outs, conditions) are separated by `;` (data elements and grades
 * also by `,`). Set a `mapping` for other headers.
 *
 * @example
 * ```ts
 * privacyRegisterFormat.fields.map((f) => f.header).slice(0, 3); // => ["Agreement ID", "App", "App ID"]
 * ```
 * @category Privacy register
 */
export const privacyRegisterFormat: CsvFormat<PrivacyRegisterRow> = {
  name: "privacy register",
  fields: FIELDS,
  build: (values, _attributes, line) => {
    const raw: Record<string, unknown> = { line };
    for (const f of FIELDS) if (values[f.key] !== undefined) raw[f.key] = values[f.key];
    return raw as PrivacyRegisterRow;
  },
};

function alnum(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return /^[a-z]/.test(s) ? s : `app-${s || "unnamed"}`;
}

const STATUS: ReadonlyMap<string, Agreement["status"]> = new Map([
  ...["none", "no", "nodpa", "notsigned", "noagreement"].map((k) => [k, "none"] as const),
  ...["requested", "pending", "sent", "inprogress", "awaitingsignature", "awaitingvendor", "inreview"].map((k) => [k, "requested"] as const),
  ...["signed", "active", "executed", "current", "approved", "inforce"].map((k) => [k, "signed"] as const),
  ...["expired", "inactive", "terminated", "lapsed", "ended"].map((k) => [k, "expired"] as const),
  ...["approvednostudentdata", "nostudentdata", "nopii", "approvednodata", "nodatacollected", "approvednodatacollected"].map((k) => [k, "approvedNoStudentData"] as const),
]);

const TYPES: ReadonlyMap<string, NonNullable<Agreement["type"]>> = new Map([
  ...["ndpa", "sdpcndpa", "nationaldpa", "sdpcnationaldpa", "nationaldataprivacyagreement", "sdpc"].map((k) => [k, "sdpcNdpa"] as const),
  ...["exhibite", "generaloffer", "ndpageneraloffer", "ndpaexhibite", "generalofferofterms"].map((k) => [k, "ndpaGeneralOffer"] as const),
  ...["statedpa", "statemodeldpa", "stateagreement"].map((k) => [k, "stateDpa"] as const),
  ...["vendorterms", "termsofservice", "tos", "clickwrap", "vendor", "vendorsterms", "privacypolicy", "termsofuse"].map((k) => [k, "vendorTerms"] as const),
  ...["districtcontract", "contract", "districtagreement", "boardcontract"].map((k) => [k, "districtContract"] as const),
  ["other", "other"],
]);

const DECISIONS: ReadonlyMap<string, NonNullable<Agreement["decision"]>> = new Map([
  ...["approved", "yes", "approvedforuse"].map((k) => [k, "approved"] as const),
  ...["approvedwithconditions", "conditional", "approvedwithconditionaluse", "conditionalapproval", "conditionaluse", "conditionallyapproved"].map((k) => [k, "approvedWithConditions"] as const),
  ...["denied", "notapproved", "rejected", "no", "unapproved"].map((k) => [k, "denied"] as const),
  ...["needsinformation", "needsinfo", "pending", "underreview", "inreview", "moreinformationneeded"].map((k) => [k, "needsInformation"] as const),
]);

const UNDER13: ReadonlyMap<string, Agreement["conditions"]["under13"]> = new Map([
  ...["allowed", "yes", "y", "true", "ok"].map((k) => [k, "allowed"] as const),
  ...["notallowed", "no", "n", "false", "13", "13plus", "13only", "over13only"].map((k) => [k, "notAllowed"] as const),
  ...["withparentalconsent", "consent", "parentalconsent", "withconsent", "consentrequired"].map((k) => [k, "withParentalConsent"] as const),
]);

const CATEGORIES = new Map(STUDENT_DATA_CATEGORIES.map((c) => [alnum(c), c] as const));

function splitList(text: string, commas: boolean): string[] {
  return text
    .split(commas ? /[;,\n]/ : /[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A state DPA written as "IL DPA", "Illinois DPA"… gives its state (two letters only). */
function stateOfType(text: string): string | undefined {
  const m = /^\s*([A-Za-z]{2})[\s-]*(n?dpa|state dpa|model dpa)\s*$/i.exec(text);
  return m ? m[1]!.toUpperCase() : undefined;
}

interface Problem {
  readonly field: string;
  readonly reason: string;
}

/** A raw row as an agreement, or its problems (each with the field it concerns). */
function agreementOf(raw: PrivacyRegisterRow): { agreement: AgreementInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = (k: string): string | undefined => (raw[k] === undefined ? undefined : String(raw[k]));
  const lookup = <T>(k: string, table: ReadonlyMap<string, T>, expected: string): T | undefined => {
    const t = text(k);
    if (t === undefined) return undefined;
    const v = table.get(alnum(t));
    if (v === undefined) problems.push({ field: k, reason: `${JSON.stringify(t)} is not ${expected}` });
    return v;
  };
  const appName = text("appName")!;
  const status = lookup("status", STATUS, "a DPA status (none, requested, signed, expired, approved — no student data)");
  const typeText = text("type");
  let type: Agreement["type"];
  let state = text("state")?.trim().toUpperCase();
  if (typeText !== undefined) {
    type = TYPES.get(alnum(typeText));
    const named = stateOfType(typeText);
    if (type === undefined && named !== undefined) type = "stateDpa";
    if (type === undefined)
      problems.push({ field: "type", reason: `${JSON.stringify(typeText)} is not a kind of agreement (NDPA, Exhibit E general offer, state DPA, vendor terms, district contract, other)` });
    if (type === "stateDpa" && state === undefined) state = named;
  }
  if (state !== undefined && !/^[A-Z]{2}$/.test(state)) {
    problems.push({ field: "state", reason: `${JSON.stringify(text("state"))} is not a two-letter state code` });
    state = undefined;
  }
  const decision = lookup("decision", DECISIONS, "a vetting decision (approved, approved with conditions, denied, needs information)");
  const under13 = lookup("under13", UNDER13, "allowed, not allowed, or with parental consent");
  const dataElements: string[] = [];
  for (const token of splitList(text("dataElements") ?? "", true)) {
    const c = CATEGORIES.get(alnum(token));
    if (c === undefined) problems.push({ field: "dataElements", reason: `${JSON.stringify(token)} is not an NDPA Exhibit B data category (e.g. Student Name, Enrollment, Assessment)` });
    else if (!dataElements.includes(c)) dataElements.push(c);
  }
  const grades: string[] = [];
  for (const token of splitList(text("grades") ?? "", true)) {
    const range = /^(k|kg|\d{1,2})\s*[-–]\s*(\d{1,2})$/i.exec(token);
    if (range) {
      const lo = alnum(range[1]!) === "k" || alnum(range[1]!) === "kg" ? 0 : Number(range[1]);
      const hi = Number(range[2]);
      if (lo > hi || hi > 13) problems.push({ field: "grades", reason: `${JSON.stringify(token)} is not a range of grades` });
      else for (let g = lo; g <= hi; g++) grades.push(g === 0 ? "KG" : String(g).padStart(2, "0"));
      continue;
    }
    const g = gradeCode(token);
    if (g === null) problems.push({ field: "grades", reason: `${JSON.stringify(token)} is not a grade (K, 1–12, or a range such as 6–8)` });
    else grades.push(g);
  }
  const ny = {
    ...(text("subcontractorOversight") === undefined ? {} : { subcontractorOversight: text("subcontractorOversight")! }),
    ...(text("dataAtExpiration") === undefined ? {} : { dataAtExpiration: text("dataAtExpiration")! }),
    ...(text("accuracyChallenge") === undefined ? {} : { accuracyChallenge: text("accuracyChallenge")! }),
    ...(text("storage") === undefined ? {} : { storage: text("storage")! }),
    ...(text("encryption") === undefined ? {} : { encryption: text("encryption")! }),
  };
  const appId = text("appId") ?? slug(appName);
  const agreement: AgreementInput = {
    id: text("id") ?? "",
    appId,
    appName,
    ...(text("vendor") === undefined ? {} : { vendor: text("vendor")! }),
    ...(text("vendorAddress") === undefined ? {} : { vendorAddress: text("vendorAddress")! }),
    status: status ?? "none",
    ...(type === undefined ? {} : { type }),
    ...(state === undefined ? {} : { state }),
    ...(text("requestedOn") === undefined ? {} : { requestedOn: text("requestedOn")! }),
    ...(text("signedOn") === undefined ? {} : { signedOn: text("signedOn")! }),
    ...(text("expiresOn") === undefined ? {} : { expiresOn: text("expiresOn")! }),
    ...(text("renews") === undefined ? {} : { renews: text("renews")! }),
    dataElements,
    purposes: splitList(text("purposes") ?? "", false),
    subprocessors: splitList(text("subprocessors") ?? "", false),
    ...(text("url") === undefined ? {} : { url: text("url")! }),
    ...(decision === undefined ? {} : { decision }),
    ...(text("decidedOn") === undefined ? {} : { decidedOn: text("decidedOn")! }),
    conditions: {
      ...(grades.length > 0 ? { grades } : {}),
      under13: under13 ?? "allowed",
      consentOnFile: splitList(text("consentOnFile") ?? "", true),
      optOuts: splitList(text("optOuts") ?? "", true),
      teacherOnly: raw["teacherOnly"] === true,
      notes: splitList(text("conditionNotes") ?? "", false),
    },
    ...(Object.keys(ny).length > 0 ? { nySupplement: ny } : {}),
    ...(text("notes") === undefined ? {} : { notes: text("notes")! }),
  };
  return { agreement, problems };
}

/** Problems of a row: what could not be read, then what the register's schema refuses (each once). */
function rowProblems(agreement: AgreementInput, read: readonly Problem[]): Problem[] {
  const out = [...read];
  const check = agreementSchema.safeParse(agreement);
  if (!check.success) {
    for (const i of check.error.issues) {
      const f = fieldOfPath(i.path);
      // a value already refused while reading was left out of the agreement: do not report it twice
      if (read.some((p) => p.field === f)) continue;
      out.push({ field: f, reason: i.message });
    }
  }
  return out;
}

/** Which CSV field a zod issue path of an agreement concerns. */
function fieldOfPath(path: readonly PropertyKey[]): string {
  const [head, second] = path;
  if (head === "conditions") return second === "notes" ? "conditionNotes" : String(second ?? "grades");
  if (head === "nySupplement") return String(second ?? "storage");
  return String(head ?? "appName");
}

/**
 * Reads a registry-style CSV of data privacy agreements — one row per agreement — into agreements
 * of `@districtkit/vetting`'s privacy register: status, kind, dates, data elements (NDPA Exhibit
 * B names), purposes, subprocessors, the vetting decision and its conditions (grades such as
 * `6-8`, under 13, opt-outs, teacher only), New York's supplemental information. Words are read
 * the way registries write them (`Active` → signed, `Exhibit E` → the NDPA general offer,
 * `IL DPA` → Illinois' state DPA, `Conditional` → approved with conditions). Every row becomes an
 * agreement or row errors with its line, column and reason — a status that is not one, a data
 * category that is not in Exhibit B, a signed row without its date, an expiry before signing, a
 * duplicate agreement id — and the counts add up (`total = parsed + failed`). Without an
 * `Agreement ID` column, ids are `appId-signedOn` (or `-requestedOn`, or `-line`).
 *
 * Build the register with `{ district, agreements: result.rows }`.
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping, delimiter, date order
 * @returns the agreements, the row errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no app or status column)
 * @example
 * ```ts
 * const csv = [
 *   "Product Name,Company,Status,Agreement Type,Date Approved,Expiration Date,Data Elements,Decision,Grades",
 *   "ReadWell,ReadWell Learning,Active,NDPA,7/1/2025,6/30/2028,Student Name; Enrollment,Approved,K-8",
 *   "QuizBlast,QuizBlast Media,None,,,,,Denied,",
 *   "PhotoFix,PhotoFix Inc.,Signed,Vendor terms,,,Faces,Approved,",
 * ].join("\n");
 * const { rows, errors, stats } = readPrivacyRegister(csv);
 * rows.map((a) => [a.id, a.status, a.conditions?.grades?.length ?? 0]); // => [["readwell-2025-07-01", "signed", 9], ["quizblast-line-3", "none", 0]]
 * errors.map((e) => `${e.line} ${e.column}`); // => ["4 Data Elements", "4 Date Approved"]
 * errors[0]?.reason; // => "\"Faces\" is not an NDPA Exhibit B data category (e.g. Student Name, Enrollment, Assessment)"
 * stats; // => { "total": 3, "parsed": 2, "failed": 1, "blankLines": 0 }
 * ```
 * @category Privacy register
 */
export function readPrivacyRegister(input: TextInput, options?: ReadOptions): ReadResult<AgreementInput> {
  return guard("privacy register", () => {
    const first = readCsv(privacyRegisterFormat, input, options);
    const header = new Map(first.columns.map((c) => [c.field, c.header] as const));
    const errors: RowError[] = [...first.errors];
    const rows: AgreementInput[] = [];
    const ids = new Map<string, number>();
    let failed = first.stats.failed;
    const fail = (raw: PrivacyRegisterRow, problems: readonly Problem[]): void => {
      failed++;
      for (const p of problems) {
        const column = header.get(p.field) ?? null;
        const value = raw[p.field] === undefined ? null : String(raw[p.field]);
        const where = column === null ? `line ${raw.line}` : `line ${raw.line}, ${column}`;
        errors.push({ line: raw.line, column, value, reason: p.reason, message: `${where}: ${p.reason}` });
      }
    };
    for (const raw of first.rows) {
      const { agreement, problems: read } = agreementOf(raw);
      const explicit = agreement.id !== "";
      if (!explicit) agreement.id = `${agreement.appId}-${agreement.signedOn ?? agreement.requestedOn ?? `line-${raw.line}`}`;
      const problems = rowProblems(agreement, read);
      if (problems.length > 0) {
        fail(raw, problems);
        continue;
      }
      const seen = ids.get(agreement.id);
      if (seen !== undefined) {
        if (explicit) {
          fail(raw, [{ field: "id", reason: `duplicate agreement id ${JSON.stringify(agreement.id)} (first on line ${seen})` }]);
          continue;
        }
        let n = 2;
        while (ids.has(`${agreement.id}-${n}`)) n++;
        agreement.id = `${agreement.id}-${n}`;
      }
      ids.set(agreement.id, raw.line);
      rows.push(agreement);
    }
    errors.sort((a, b) => a.line - b.line);
    return { ...first, rows, errors, stats: { ...first.stats, parsed: rows.length, failed } };
  });
}

const LABELS: Readonly<Record<string, string>> = {
  sdpcNdpa: "NDPA",
  ndpaGeneralOffer: "Exhibit E",
  stateDpa: "State DPA",
  vendorTerms: "Vendor terms",
  districtContract: "District contract",
  other: "Other",
};

/**
 * Writes a privacy register (or its agreements) as a registry-style CSV, one row per agreement,
 * under {@link privacyRegisterFormat}'s headers — the inverse of {@link readPrivacyRegister}:
 * reading the output gives the same agreements (lists are joined with `; `, so a purpose or a
 * subprocessor must not itself contain `;`). Cells a spreadsheet would run as formulas are
 * neutralised.
 *
 * @param register - a privacy register, or an array of agreements
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text
 * @throws DistrictKitError for an invalid register
 * @example
 * ```ts
 * const csv = writePrivacyRegister([{ id: "rw", appId: "readwell", appName: "ReadWell", status: "signed", type: "sdpcNdpa", signedOn: "2025-07-01", dataElements: ["Student Name"] }], { newline: "\n" });
 * csv.split("\n")[1]; // => "rw,ReadWell,readwell,,,signed,NDPA,,,2025-07-01,,,Student Name,,,,,,,allowed,,,false,,,,,,,"
 * readPrivacyRegister(csv).rows[0]?.signedOn; // => "2025-07-01"
 * ```
 * @category Privacy register
 */
export function writePrivacyRegister(register: unknown, options: CsvWriteOptions = {}): string {
  return guard("privacy register", () => {
    const agreements: Agreement[] = Array.isArray(register) ? parseInput(z.array(agreementSchema), register, ["agreements"]) : parseInput(privacyRegisterSchema, register, ["register"]).agreements;
    const join = (xs: readonly string[]): string => xs.join("; ");
    const rows = agreements.map((a) => [
      a.id,
      a.appName,
      a.appId,
      a.vendor,
      a.vendorAddress,
      a.status,
      a.type === undefined ? undefined : LABELS[a.type],
      a.state,
      a.requestedOn,
      a.signedOn,
      a.expiresOn,
      a.renews,
      join(a.dataElements),
      join(a.purposes),
      join(a.subprocessors),
      a.url,
      a.decision,
      a.decidedOn,
      join(a.conditions.grades ?? []),
      a.conditions.under13,
      join(a.conditions.consentOnFile),
      join(a.conditions.optOuts),
      a.conditions.teacherOnly,
      join(a.conditions.notes),
      a.nySupplement?.subcontractorOversight,
      a.nySupplement?.dataAtExpiration,
      a.nySupplement?.accuracyChallenge,
      a.nySupplement?.storage,
      a.nySupplement?.encryption,
      a.notes,
    ]);
    return toCsv({ columns: FIELDS.map((f) => f.header), rows }, options);
  });
}
