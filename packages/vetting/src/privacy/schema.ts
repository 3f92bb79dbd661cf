import { isoDateSchema } from "@districtkit/core";
import { z } from "zod";
import { stateCodeSchema } from "../schema/condition.js";
import { STUDENT_DATA_CATEGORIES } from "../tables/dataCategories.js";
import { gradeSchema } from "./grades.js";

/**
 * The status of a data privacy agreement (DPA) as a register records it:
 *
 * - `none` — no agreement, none asked for;
 * - `requested` — asked of the vendor, not signed yet;
 * - `signed` — signed by both sides (in force from `signedOn` until `expiresOn`);
 * - `expired` — was signed, is no longer in force;
 * - `approvedNoStudentData` — approved with no agreement because the app receives no student data.
 *
 * A register may say `signed` for an agreement whose expiry date has passed: the status on a
 * date is always derived from the dates ({@link agreementStatusAt}), never read from the column.
 *
 * @example
 * ```ts
 * dpaStatusSchema.options; // => ["none", "requested", "signed", "expired", "approvedNoStudentData"]
 * ```
 * @category Privacy register
 */
export const dpaStatusSchema = z.enum(["none", "requested", "signed", "expired", "approvedNoStudentData"]);

/**
 * A DPA status (see {@link dpaStatusSchema}).
 *
 * @category Privacy register
 */
export type DpaStatus = z.infer<typeof dpaStatusSchema>;

/**
 * The kind of agreement: the SDPC National Data Privacy Agreement signed with this district
 * (`sdpcNdpa`), a vendor's general offer of an NDPA signed elsewhere and accepted by this district
 * (Exhibit E, `ndpaGeneralOffer`), a state's model DPA (`stateDpa`, with its `state`), the vendor's
 * own terms or click-wrap (`vendorTerms`), a contract the district wrote (`districtContract`) or
 * anything else (`other`).
 *
 * @example
 * ```ts
 * agreementTypeSchema.parse("sdpcNdpa"); // => "sdpcNdpa"
 * ```
 * @category Privacy register
 */
export const agreementTypeSchema = z.enum(["sdpcNdpa", "ndpaGeneralOffer", "stateDpa", "vendorTerms", "districtContract", "other"]);

/**
 * A kind of agreement (see {@link agreementTypeSchema}).
 *
 * @category Privacy register
 */
export type AgreementType = z.infer<typeof agreementTypeSchema>;

/**
 * The zod schema of a student data category: one of the SDPC NDPA Exhibit B categories
 * ({@link STUDENT_DATA_CATEGORIES}).
 *
 * @example
 * ```ts
 * dataCategorySchema.safeParse("Student Name").success; // => true
 * dataCategorySchema.safeParse("Shoe size").success; // => false
 * ```
 * @category Privacy register
 */
export const dataCategorySchema = z.string().refine((c) => STUDENT_DATA_CATEGORIES.includes(c), {
  error: (issue) => `expected an NDPA Exhibit B data category (${STUDENT_DATA_CATEGORIES.slice(0, 4).join(", ")}…), got ${JSON.stringify(issue.input)}`,
});

/**
 * The zod schema of the conditions a vetting decision attaches to an approval:
 *
 * - `grades` — the grades that may use the app (absent: every grade);
 * - `under13` — `allowed`, `withParentalConsent` (only students listed in `consentOnFile`) or
 *   `notAllowed` (COPPA: an app not meant for children);
 * - `optOuts` — students whose families opted out (their ids as the roster writes them);
 * - `teacherOnly` — teacher accounts only: no student data goes to the app;
 * - `notes` — anything else, in words (a pilot, a grant, a school).
 *
 * @example
 * ```ts
 * approvalConditionsSchema.parse({ grades: ["6", "7", "8"] }).grades; // => ["06", "07", "08"]
 * approvalConditionsSchema.parse({}).under13; // => "allowed"
 * ```
 * @category Privacy register
 */
export const approvalConditionsSchema = z.strictObject({
  grades: z.array(gradeSchema).min(1).optional(),
  under13: z.enum(["allowed", "withParentalConsent", "notAllowed"]).default("allowed"),
  consentOnFile: z.array(z.string().min(1)).default([]),
  optOuts: z.array(z.string().min(1)).default([]),
  teacherOnly: z.boolean().default(false),
  notes: z.array(z.string().min(1)).default([]),
});

/**
 * The conditions of an approval, as validated (see {@link approvalConditionsSchema}).
 *
 * @category Privacy register
 */
export type ApprovalConditions = z.output<typeof approvalConditionsSchema>;

/**
 * The zod schema of New York's supplemental information about one contract (8 NYCRR §121.3(c)),
 * in the district's words: how the vendor makes its subcontractors follow the rules, what happens
 * to the data when the contract ends, how a parent challenges the data's accuracy, where the
 * data is stored and how it is protected, and how it is encrypted in motion and at rest. The
 * exclusive purposes and the expiry date come from the agreement itself.
 *
 * @example
 * ```ts
 * nySupplementSchema.parse({ storage: "AWS us-east-1" }).storage; // => "AWS us-east-1"
 * ```
 * @category Privacy register
 */
export const nySupplementSchema = z.strictObject({
  subcontractorOversight: z.string().min(1).optional(),
  dataAtExpiration: z.string().min(1).optional(),
  accuracyChallenge: z.string().min(1).optional(),
  storage: z.string().min(1).optional(),
  encryption: z.string().min(1).optional(),
});

/**
 * The decision of the app's vetting (see `@districtkit/vetting`'s `scoreApp`).
 *
 * @example
 * ```ts
 * vettingDecisionSchema.parse("approvedWithConditions"); // => "approvedWithConditions"
 * ```
 * @category Privacy register
 */
export const vettingDecisionSchema = z.enum(["denied", "needsInformation", "approvedWithConditions", "approved"]);

/**
 * The zod schema of one agreement of the register (one row of a registry-style CSV): the app and
 * its vendor, the agreement's status, kind, dates and the data elements it allows, what the app
 * is used for, the vendor's subprocessors, a link to a copy, the vetting decision and its
 * conditions, and New York's supplemental information.
 *
 * @example
 * ```ts
 * const a = agreementSchema.parse({
 *   id: "readwell-2025", appId: "readwell", appName: "ReadWell", status: "signed", type: "sdpcNdpa",
 *   signedOn: "2025-07-01", expiresOn: "2028-06-30", dataElements: ["Student Name", "Enrollment"],
 * });
 * a.conditions.under13; // => "allowed"
 * agreementSchema.safeParse({ id: "x", appId: "x", appName: "X", status: "signed" }).success; // => false
 * ```
 * @category Privacy register
 */
export const agreementSchema = z
  .strictObject({
    id: z.string().min(1),
    appId: z.string().min(1),
    appName: z.string().min(1),
    vendor: z.string().min(1).optional(),
    vendorAddress: z.string().min(1).optional(),
    status: dpaStatusSchema,
    type: agreementTypeSchema.optional(),
    /** The state whose model agreement it is (for `stateDpa`). */
    state: stateCodeSchema.optional(),
    requestedOn: isoDateSchema.optional(),
    signedOn: isoDateSchema.optional(),
    expiresOn: isoDateSchema.optional(),
    /** The id of the agreement this one renews (Connecticut's "new or renewed contract"). */
    renews: z.string().min(1).optional(),
    dataElements: z.array(dataCategorySchema).default([]),
    purposes: z.array(z.string().min(1)).default([]),
    subprocessors: z.array(z.string().min(1)).default([]),
    /** A link to a copy of the agreement (Illinois posts a copy of each). */
    url: z.string().min(1).optional(),
    decision: vettingDecisionSchema.optional(),
    decidedOn: isoDateSchema.optional(),
    conditions: approvalConditionsSchema.default({ under13: "allowed", consentOnFile: [], optOuts: [], teacherOnly: false, notes: [] }),
    nySupplement: nySupplementSchema.optional(),
    notes: z.string().optional(),
  })
  .check((ctx) => {
    const a = ctx.value;
    const issue = (path: string, message: string): void => {
      ctx.issues.push({ code: "custom", path: [path], message, input: a[path as keyof typeof a] });
    };
    if (a.status === "signed" && a.signedOn === undefined) issue("signedOn", "expected the date the agreement was signed (status is signed)");
    if (a.signedOn !== undefined && a.expiresOn !== undefined && a.expiresOn < a.signedOn) issue("expiresOn", `expected an expiry on or after the signing date ${a.signedOn}, got "${a.expiresOn}"`);
    if (a.status === "approvedNoStudentData" && a.dataElements.length > 0) issue("dataElements", "expected no data elements: the app is approved because it receives no student data");
    if (a.type === "stateDpa" && a.state === undefined) issue("state", "expected the state whose model agreement this is (type is stateDpa)");
  });

/**
 * One agreement, as validated (see {@link agreementSchema}).
 *
 * @category Privacy register
 */
export type Agreement = z.output<typeof agreementSchema>;

/**
 * One agreement, as written.
 *
 * @category Privacy register
 */
export type AgreementInput = z.input<typeof agreementSchema>;

/**
 * The zod schema of a privacy register: the district (name, state, website, privacy contact, the
 * month its fiscal year starts) and its agreements, one per row. Agreement ids are unique.
 *
 * @example
 * ```ts
 * const r = privacyRegisterSchema.parse({ district: { name: "Maple Valley SD", state: "IL" }, agreements: [] });
 * r.district.fiscalYearStartMonth; // => 7
 * ```
 * @category Privacy register
 */
export const privacyRegisterSchema = z
  .strictObject({
    description: z.string().optional(),
    asOf: isoDateSchema.optional(),
    district: z.strictObject({
      name: z.string().min(1),
      state: stateCodeSchema,
      website: z.string().min(1).optional(),
      privacyContact: z.string().min(1).optional(),
      /** Where parents find how to review and correct their child's data (Illinois: 105 ILCS 85/27(a)(4)). */
      parentRightsUrl: z.string().min(1).optional(),
      fiscalYearStartMonth: z.number().int().min(1).max(12).default(7),
    }),
    agreements: z.array(agreementSchema),
  })
  // runs even when some rows are invalid (`when`), so a duplicate id is reported with the rest
  .superRefine(
    (value, ctx) => {
      const seen = new Map<string, number>();
      const rows: unknown = (value as { agreements?: unknown }).agreements;
      if (!Array.isArray(rows)) return;
      rows.forEach((a: unknown, i) => {
        const id = typeof a === "object" && a !== null ? (a as { id?: unknown }).id : undefined;
        if (typeof id !== "string") return;
        const first = seen.get(id);
        if (first !== undefined) ctx.addIssue({ code: "custom", path: ["agreements", i, "id"], message: `duplicate agreement id ${JSON.stringify(id)} (also agreements[${first}])`, input: id });
        else seen.set(id, i);
      });
    },
    { when: () => true },
  );

/**
 * A privacy register, as validated (see {@link privacyRegisterSchema}).
 *
 * @category Privacy register
 */
export type PrivacyRegister = z.output<typeof privacyRegisterSchema>;

/**
 * A privacy register, as written.
 *
 * @category Privacy register
 */
export type PrivacyRegisterInput = z.input<typeof privacyRegisterSchema>;
