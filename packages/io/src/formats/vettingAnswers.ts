import { keyedRecordSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field, pick } from "../internal/field.js";
import { guard } from "../internal/guard.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { attributesSchema, isoDayStringSchema } from "../schema/records.js";
import { parseJsonInput } from "../write/json.js";

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
  line: z.number().int().min(0).describe("Line of the file where the row starts (0 when read from JSON)"),
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
  build: (values, attributes, line) => ({ line, app: values["app"], criterion: values["criterion"], ...pick(values, KEYS), attributes }) as VettingAnswerRow,
};

/**
 * Reads a vetting questionnaire filled as CSV: one row per app and criterion (`App, Criterion,
 * Answer, Evidence, Notes, Reviewer, Date`). An empty answer is kept as "not answered" (no
 * `answer`), never dropped. Group the rows by app with {@link groupVettingAnswers}.
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping, delimiter, date order
 * @returns the answers, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no app, criterion or answer column)
 * @example
 * ```ts
 * const csv = "App,Criterion,Answer\nQuizBlitz,targetedAds,does\nQuizBlitz,dpa,";
 * const { rows } = readVettingAnswers(csv);
 * rows.map((r) => r.answer ?? "(not answered)"); // => ["does", "(not answered)"]
 * ```
 * @category Vetting
 */
export function readVettingAnswers(input: TextInput, options?: ReadOptions): ReadResult<VettingAnswerRow> {
  return readCsv(vettingAnswerFormat, input, options);
}

const plainAnswer = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const answerObject = z
  .object({
    answer: z
      .union([plainAnswer, keyedRecordSchema(z.unknown())])
      .optional()
      .describe("The answer (absent or null: not answered); an object for a document, an ACR or a study"),
    evidence: z.string().optional().describe("Evidence: a link, a document, a quote"),
    notes: z.string().optional().describe("Reviewer's notes"),
    reviewer: z.string().optional().describe("Who answered"),
    answeredOn: isoDayStringSchema.optional().describe("When it was answered"),
  })
  .strict();

/**
 * The zod schema of a vetting questionnaire as JSON: apps, each with its answers by criterion id.
 * An answer is a plain value (`"does"`, `true`, `3`, a list of texts) or an object with `answer`,
 * `evidence`, `notes`, `reviewer` and `answeredOn`; any other object (`{ "present": true, … }`) is
 * the value itself (a document, an ACR, a study).
 *
 * @example
 * ```ts
 * vettingAnswersJsonSchema.safeParse({ apps: [{ app: "ReadWell", answers: { dpa: "NDPA", targetedAds: { answer: "doesNot" } } }] }).success; // => true
 * ```
 * @category Vetting
 */
export const vettingAnswersJsonSchema = z
  .object({
    apps: z.array(
      z
        .object({
          app: z.string().min(1).describe("App (product) name or id"),
          reviewer: z.string().optional().describe("Who answered (default for every answer)"),
          answeredOn: isoDayStringSchema.optional().describe("When it was answered (default for every answer)"),
          answers: keyedRecordSchema(z.union([plainAnswer, answerObject, keyedRecordSchema(z.unknown())]), z.string().min(1)).describe("Answers by criterion id"),
        })
        .passthrough(),
    ),
  })
  .passthrough();

/**
 * A vetting questionnaire as JSON (see {@link vettingAnswersJsonSchema}).
 *
 * @category Vetting
 */
export type VettingAnswersJson = z.input<typeof vettingAnswersJsonSchema>;

/**
 * The answers given for one app, by criterion, from a CSV or JSON questionnaire.
 *
 * @category Vetting
 */
export interface VettingAnswerSet {
  /** The app (product) name or id. */
  readonly app: string;
  /** One entry per criterion, in file order. `answer` is absent when the criterion was not answered. */
  readonly answers: readonly Omit<VettingAnswerRow, "app" | "attributes" | "line">[];
}

function answerText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  // a list or an object (a document, an ACR, a study) travels as JSON text, as it would in a CSV cell
  const text = typeof value === "object" ? JSON.stringify(value) : String(value).trim();
  return text === "" ? undefined : text;
}

function isWrapper(raw: unknown): raw is z.output<typeof answerObject> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && answerObject.safeParse(raw).success;
}

/**
 * Reads a vetting questionnaire saved as JSON (see {@link vettingAnswersJsonSchema}) into the same
 * rows as the CSV reader (line 0: JSON has no lines), so both feed {@link groupVettingAnswers}.
 *
 * @param input - the JSON as text, bytes, an `ArrayBuffer`, or already parsed
 * @returns one row per app and criterion
 * @throws DistrictKitError for text that is not JSON, or JSON that does not match (every issue with its path)
 * @example
 * ```ts
 * const rows = readVettingAnswersJson({ apps: [{ app: "ReadWell", reviewer: "T. C.", answers: { dpa: "NDPA", acr: { answer: true, evidence: "ACR 2025" } } }] });
 * rows.map((r) => [r.criterion, r.answer, r.reviewer]); // => [["dpa", "NDPA", "T. C."], ["acr", "true", "T. C."]]
 * ```
 * @category Vetting
 */
export function readVettingAnswersJson(input: TextInput | VettingAnswersJson): VettingAnswerRow[] {
  return guard("vetting answers", () => {
    const value =
      typeof input === "object" && input !== null && !(input instanceof Uint8Array) && !(input instanceof ArrayBuffer)
        ? parseInput(vettingAnswersJsonSchema, input)
        : parseJsonInput(vettingAnswersJsonSchema, input as TextInput);
    const rows: VettingAnswerRow[] = [];
    for (const app of value.apps) {
      for (const [criterion, raw] of Object.entries(app.answers)) {
        const o: z.output<typeof answerObject> = isWrapper(raw) ? raw : { answer: raw as z.output<typeof plainAnswer> };
        const answer = answerText(o.answer);
        const reviewer = o.reviewer ?? app.reviewer;
        const answeredOn = o.answeredOn ?? app.answeredOn;
        rows.push({
          line: 0,
          app: app.app,
          criterion,
          ...(answer === undefined ? {} : { answer }),
          ...(o.evidence === undefined ? {} : { evidence: o.evidence }),
          ...(o.notes === undefined ? {} : { notes: o.notes }),
          ...(reviewer === undefined ? {} : { reviewer }),
          ...(answeredOn === undefined ? {} : { answeredOn }),
          attributes: {},
        });
      }
    }
    return rows;
  });
}

/**
 * Groups questionnaire rows by app (apps in order of first appearance); a criterion answered twice
 * for one app keeps its last answer.
 *
 * @param rows - rows from {@link readVettingAnswers} or {@link readVettingAnswersJson}
 * @returns one answer set per app
 * @throws DistrictKitError when a row has no app or criterion
 * @example
 * ```ts
 * const sets = groupVettingAnswers(readVettingAnswers("App,Criterion,Answer\nA,dpa,NDPA\nB,dpa,none\nA,acr,yes").rows);
 * sets.map((s) => [s.app, s.answers.length]); // => [["A", 2], ["B", 1]]
 * ```
 * @category Vetting
 */
export function groupVettingAnswers(rows: readonly VettingAnswerRow[]): VettingAnswerSet[] {
  return guard("vetting answers", () => {
    const list = parseInput(z.array(vettingAnswerRowSchema.partial({ line: true, attributes: true })), rows, ["rows"]);
    const byApp = new Map<string, Map<string, Omit<VettingAnswerRow, "app" | "attributes" | "line">>>();
    for (const { app, line: _line, attributes: _attributes, ...answer } of list) {
      let set = byApp.get(app);
      if (!set) byApp.set(app, (set = new Map()));
      set.delete(answer.criterion);
      set.set(answer.criterion, answer);
    }
    return [...byApp.entries()].map(([app, answers]) => ({ app, answers: [...answers.values()] }));
  });
}
