import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import { field, pick } from "../internal/field.js";
import { attributesSchema, isoDayStringSchema } from "../schema/records.js";

/**
 * The zod schema of one answer of a vetting questionnaire filled as CSV (one row per app × criterion).
 *
 * @example
 * ```ts
 * vettingAnswerRowSchema.parse({ line: 2, app: "ReadWell", criterion: "privacy.dpa", answer: "yes", attributes: {} }).answer; // => "yes"
 * ```
 * @category Vetting
 */
export const vettingAnswerRowSchema = z.object({
  line: z.number().int().min(1).describe("Line of the file where the row starts"),
  app: z.string().describe("App (product) name or id"),
  criterion: z.string().describe("Criterion id of the rubric"),
  answer: z.string().optional().describe("The answer as written: yes, no, does, doesNot, unclear, n/a, a level, a number… (absent: not answered yet)"),
  evidence: z.string().optional().describe("Evidence: a link, a document, a quote"),
  notes: z.string().optional().describe("Reviewer's notes"),
  reviewer: z.string().optional().describe("Who answered"),
  answeredOn: isoDayStringSchema.optional().describe("When it was answered"),
  attributes: attributesSchema,
});

/**
 * One answer of a vetting questionnaire (see {@link vettingAnswerRowSchema}).
 *
 * @category Vetting
 */
export type VettingAnswerRow = z.output<typeof vettingAnswerRowSchema>;

const KEYS = ["answer", "evidence", "notes", "reviewer", "answeredOn"] as const;

/**
 * The vetting questionnaire CSV format: one row per app and criterion.
 *
 * @example
 * ```ts
 * vettingAnswerFormat.fields.map((f) => f.key).slice(0, 3); // => ["app", "criterion", "answer"]
 * ```
 * @category Vetting
 */
export const vettingAnswerFormat: CsvFormat<VettingAnswerRow> = {
  name: "vetting questionnaire",
  fields: [
    field("app", "App", "text", ["App Name", "Application", "Product", "Tool", "App ID", "appId"], { requiredColumn: true, requiredValue: true }),
    field("criterion", "Criterion", "text", ["Criterion ID", "criterionId", "Question", "Question ID", "Requirement", "Item"], { requiredColumn: true, requiredValue: true }),
    field("answer", "Answer", "text", ["Response", "Value", "Rating", "Result"], { requiredColumn: true }),
    field("evidence", "Evidence", "text", ["Source", "Link", "URL", "Documentation"]),
    field("notes", "Notes", "text", ["Note", "Comment", "Comments"]),
    field("reviewer", "Reviewer", "text", ["Reviewed By", "Answered By"]),
    field("answeredOn", "Answered On", "date", ["Date", "Review Date", "Answered"]),
  ],
  build: (values, attributes, line) =>
    ({ line, app: values["app"], criterion: values["criterion"], ...pick(values, KEYS), attributes }) as VettingAnswerRow,
};
