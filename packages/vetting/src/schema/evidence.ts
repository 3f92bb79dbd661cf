import { isoDateSchema } from "@districtkit/core";
import { z } from "zod";

/**
 * The zod schema of a document answer: a data privacy agreement, a SOC 2 report, an ISO/IEC 27001
 * certificate… `{ present: false }` says the vendor has none. `kind` is one of the criterion's
 * kinds (an NDPA, a SOC 2 Type II…), `issuedOn` the date it was signed or issued, `periodEnd`
 * the end of an audited period (SOC 2 Type II), `expiresOn` its stated expiry, `edition` the
 * standard's edition (`"2013"`, `"2022"`).
 *
 * @example
 * ```ts
 * documentAnswerSchema.parse({ present: true, kind: "ndpa", issuedOn: "2025-08-01", expiresOn: "2028-07-31" }).present; // => true
 * documentAnswerSchema.safeParse({ present: true, expiresOn: "2028-02-30" }).success; // => false
 * ```
 * @category Schemas
 */
export const documentAnswerSchema = z.discriminatedUnion("present", [
  z.strictObject({ present: z.literal(false) }),
  z.strictObject({
    present: z.literal(true),
    kind: z.string().min(1).optional(),
    issuedOn: isoDateSchema.optional(),
    periodEnd: isoDateSchema.optional(),
    expiresOn: isoDateSchema.optional(),
    edition: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
  }),
]);

/**
 * A document answer (see {@link documentAnswerSchema}).
 *
 * @category Answers
 */
export type DocumentAnswer = z.infer<typeof documentAnswerSchema>;

/**
 * The conformance terms of an Accessibility Conformance Report (VPAT® 2.x), per criterion. VPAT
 * 2.0 called "Partially Supports" *Supports with Exceptions*; both are accepted and counted as
 * partial. "Not Evaluated" is allowed only for AAA criteria in the WCAG edition, so an A or AA
 * criterion marked "Not Evaluated" (or missing) counts as not supported.
 *
 * @example
 * ```ts
 * conformanceTermSchema.parse("Partially Supports"); // => "Partially Supports"
 * ```
 * @category Schemas
 */
export const conformanceTermSchema = z.enum(["Supports", "Partially Supports", "Supports with Exceptions", "Does Not Support", "Not Applicable", "Not Evaluated"]);

/**
 * One ACR conformance term (see {@link conformanceTermSchema}).
 *
 * @category Answers
 */
export type ConformanceTerm = z.infer<typeof conformanceTermSchema>;

/**
 * The zod schema of a WCAG version (`"2.0"`, `"2.1"`, `"2.2"`).
 *
 * @example
 * ```ts
 * wcagVersionSchema.parse("2.1"); // => "2.1"
 * ```
 * @category Schemas
 */
export const wcagVersionSchema = z.enum(["2.0", "2.1", "2.2"]);

/**
 * A WCAG version.
 *
 * @category Accessibility
 */
export type WcagVersion = z.infer<typeof wcagVersionSchema>;

/**
 * The zod schema of an ACR answer (our summary of a vendor's Accessibility Conformance Report):
 * its date, edition (WCAG, 508, EU, INT), the WCAG version it reports against, how it was
 * evaluated, and the conformance term of each success criterion (`{"1.1.1": "Supports", …}`).
 * `{ present: false }` says there is no ACR.
 *
 * @example
 * ```ts
 * acrAnswerSchema.parse({ present: true, date: "2026-01-15", edition: "WCAG", wcagVersion: "2.1", method: "manualAndAssistiveTech", entries: { "1.1.1": "Supports" } }).present; // => true
 * ```
 * @category Schemas
 */
export const acrAnswerSchema = z.discriminatedUnion("present", [
  z.strictObject({ present: z.literal(false) }),
  z.strictObject({
    present: z.literal(true),
    date: isoDateSchema,
    edition: z.enum(["WCAG", "508", "EU", "INT"]).default("WCAG"),
    wcagVersion: wcagVersionSchema,
    method: z.enum(["manualAndAssistiveTech", "automatedOnly", "unknown"]).default("unknown"),
    entries: z.record(z.string().regex(/^\d\.\d{1,2}\.\d{1,2}$/, { error: "expected a WCAG success criterion number such as 1.4.3" }), conformanceTermSchema),
    url: z.string().min(1).optional(),
  }),
]);

/**
 * An ACR answer (see {@link acrAnswerSchema}).
 *
 * @category Answers
 */
export type AcrAnswer = z.infer<typeof acrAnswerSchema>;

/**
 * The zod schema of the facts of one study of an app's effect, from which the ESSA tier is
 * derived ({@link essaTier}): design, What Works Clearinghouse rating, whether the effect was
 * statistically significant and positive, the number of students and of sites, whether causal
 * studies found overriding negative effects, the study's date, and (for tier 4) whether an
 * evaluation is under way. `{ present: false }` says there is no study.
 *
 * @example
 * ```ts
 * studyAnswerSchema.parse({ present: true, design: "rct", wwcRating: "meetsWithoutReservations", significantPositive: true, n: 1200, sites: 9 }).present; // => true
 * ```
 * @category Schemas
 */
export const studyAnswerSchema = z.discriminatedUnion("present", [
  z.strictObject({ present: z.literal(false) }),
  z.strictObject({
    present: z.literal(true),
    design: z.enum(["rct", "quasiExperimental", "correlational", "logicModel"]),
    wwcRating: z.enum(["meetsWithoutReservations", "meetsWithReservations", "doesNotMeet", "notReviewed"]).default("notReviewed"),
    significantPositive: z.boolean().default(false),
    n: z.number().int().min(0).default(0),
    sites: z.number().int().min(0).default(0),
    negativeFindings: z.boolean().default(false),
    statisticalControls: z.boolean().default(false),
    evaluationUnderWay: z.boolean().default(false),
    studyDate: isoDateSchema.optional(),
    url: z.string().min(1).optional(),
  }),
]);

/**
 * A study answer (see {@link studyAnswerSchema}).
 *
 * @category Answers
 */
export type StudyAnswer = z.infer<typeof studyAnswerSchema>;
