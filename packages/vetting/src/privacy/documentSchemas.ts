import { z } from "zod";

/**
 * The zod schema of a publication rule as a document cites it (see {@link PUBLICATION_RULES}).
 *
 * @example
 * ```ts
 * publishedRuleSchema.safeParse({ id: "il.operators", requirement: "List the operators…", citation: "105 ILCS 85/27(a)(2)", effective: "2021-07-01", unconfirmed: [], sources: [] }).success; // => true
 * ```
 * @category Public documents
 */
export const publishedRuleSchema = z.object({
  id: z.string(),
  requirement: z.string(),
  citation: z.string(),
  effective: z.string(),
  unconfirmed: z.array(z.string()),
  sources: z.array(z.string()),
});

/** A rule as cited by a document. @category Public documents */
export type PublishedRule = z.infer<typeof publishedRuleSchema>;

const gapSchema = z.object({
  appId: z.string().nullable(),
  appName: z.string().nullable(),
  rule: z.string(),
  citation: z.string(),
  missing: z.string(),
});

/** Information a rule requires that the register lacks. @category Public documents */
export interface PublicationGap {
  /** The app the entry is missing it for, or null for the list as a whole. */
  readonly appId: string | null;
  readonly appName: string | null;
  /** The rule's id and citation. */
  readonly rule: string;
  readonly citation: string;
  /** What is missing, in words. */
  readonly missing: string;
}

const districtShape = {
  title: z.string(),
  districtName: z.string(),
  state: z.string(),
  asOf: z.string(),
  website: z.string().nullable(),
  privacyContact: z.string().nullable(),
  rules: z.array(publishedRuleSchema),
  gaps: z.array(gapSchema),
  summary: z.string(),
};

/**
 * The zod schema of one app of the published approved-app list.
 *
 * @example
 * ```ts
 * approvedAppEntrySchema.shape.noStudentData.parse(true); // => true
 * ```
 * @category Public documents
 */
export const approvedAppEntrySchema = z.object({
  appId: z.string(),
  appName: z.string(),
  vendor: z.string().nullable(),
  vendorAddress: z.string().nullable(),
  purposes: z.array(z.string()),
  dataElements: z.array(z.string()),
  subprocessors: z.array(z.string()),
  agreement: z.object({ id: z.string(), type: z.string().nullable(), signedOn: z.string().nullable(), expiresOn: z.string().nullable(), url: z.string().nullable() }).nullable(),
  noStudentData: z.boolean(),
  conditions: z.array(z.string()),
  newSince: z.boolean(),
});

/** One app of the published list. @category Public documents */
export type ApprovedAppEntry = z.infer<typeof approvedAppEntrySchema>;

/**
 * The zod schema of the approved-app list as data (what {@link buildApprovedAppList} returns and
 * {@link renderPublicDocumentHtml} prints).
 *
 * @example
 * ```ts
 * approvedAppListSchema.shape.kind.parse("approvedAppList"); // => "approvedAppList"
 * ```
 * @category Public documents
 */
export const approvedAppListSchema = z.object({
  kind: z.literal("approvedAppList"),
  ...districtShape,
  since: z.string().nullable(),
  parentRightsUrl: z.string().nullable(),
  entries: z.array(approvedAppEntrySchema),
  changes: z.object({
    added: z.array(z.object({ appId: z.string(), appName: z.string(), on: z.string().nullable() })),
    removed: z.array(z.object({ appId: z.string(), appName: z.string(), reason: z.string() })),
  }),
  withheld: z.array(z.object({ appId: z.string(), appName: z.string(), decision: z.string().nullable(), status: z.string(), reason: z.string() })),
  notApproved: z.array(z.object({ appId: z.string(), appName: z.string(), decision: z.string().nullable(), reason: z.string() })),
  deadlines: z.array(z.object({ rule: z.string(), citation: z.string(), appId: z.string().nullable(), due: z.string(), explanation: z.string() })),
  reminders: z.array(z.string()),
});

/** The approved-app list as data. @category Public documents */
export type ApprovedAppList = z.infer<typeof approvedAppListSchema>;

/**
 * The zod schema of New York's supplemental information, one block per contract.
 *
 * @example
 * ```ts
 * nySupplementalInformationSchema.shape.kind.parse("nySupplementalInformation"); // => "nySupplementalInformation"
 * ```
 * @category Public documents
 */
export const nySupplementalInformationSchema = z.object({
  kind: z.literal("nySupplementalInformation"),
  ...districtShape,
  contracts: z.array(
    z.object({
      agreementId: z.string(),
      appId: z.string(),
      appName: z.string(),
      vendor: z.string().nullable(),
      signedOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      items: z.array(z.object({ rule: z.string(), citation: z.string(), label: z.string(), text: z.string().nullable() })),
      complete: z.boolean(),
    }),
  ),
});

/** New York's supplemental information as data. @category Public documents */
export type NySupplementalInformation = z.infer<typeof nySupplementalInformationSchema>;

/**
 * The zod schema of Connecticut's notices of new and renewed contracts.
 *
 * @example
 * ```ts
 * contractNoticesSchema.shape.kind.parse("contractNotice"); // => "contractNotice"
 * ```
 * @category Public documents
 */
export const contractNoticesSchema = z.object({
  kind: z.literal("contractNotice"),
  ...districtShape,
  since: z.string(),
  notices: z.array(
    z.object({
      agreementId: z.string(),
      appId: z.string(),
      appName: z.string(),
      vendor: z.string().nullable(),
      signedOn: z.string(),
      renewal: z.boolean(),
      dataElements: z.array(z.string()),
      purposes: z.array(z.string()),
      url: z.string().nullable(),
      notifyBy: z.string().nullable(),
      pastDue: z.boolean(),
    }),
  ),
});

/** Connecticut's contract notices as data. @category Public documents */
export type ContractNotices = z.infer<typeof contractNoticesSchema>;

/**
 * The zod schema of any public document of the register (the three above, told apart by `kind`).
 *
 * @example
 * ```ts
 * publicDocumentSchema.safeParse({ kind: "letter" }).success; // => false
 * ```
 * @category Public documents
 */
export const publicDocumentSchema = z.discriminatedUnion("kind", [approvedAppListSchema, nySupplementalInformationSchema, contractNoticesSchema]);

/** Any public document of the register. @category Public documents */
export type PublicDocument = z.infer<typeof publicDocumentSchema>;
