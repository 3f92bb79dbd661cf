import { parseInput } from "@districtkit/core";
import { type AppInput, appSchema, type Criterion, K12_RUBRIC, type Rubric, rubricSchema } from "@districtkit/vetting";
import { z } from "zod";
import { groupVettingAnswers, type VettingAnswerRow, type VettingAnswerSet } from "../formats/vettingAnswers.js";
import { parseDateText } from "../internal/cells.js";
import { guard } from "../internal/guard.js";

/**
 * What {@link vettingAppsFromAnswers} returns: apps ready for `@districtkit/vetting`'s `scoreApp`,
 * and how each written answer was read.
 *
 * @category Vetting
 */
export interface VettingAppsImport {
  /** One app per app of the questionnaire, validated by vetting's `appSchema`. */
  readonly apps: readonly AppInput[];
  /** Answers whose criterion is not in the rubric: left out of the app (the scorer refuses them) and listed here. */
  readonly unknownCriteria: readonly { readonly app: string; readonly criterion: string }[];
  /** Answers rewritten to the rubric's words (`"Yes"` → `"yes"`, `"does not"` → `"doesNot"`, `"NDPA"` → a document), one line each. */
  readonly normalised: readonly string[];
}

const NA = new Set(["n/a", "na", "notapplicable", "not applicable", "none applicable"]);
const UNCLEAR = new Set(["unclear", "unknown", "?", "not stated", "unsure"]);
const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);
const DOES = new Set(["does", "yes", "true", "y"]);
const DOES_NOT = new Set(["doesnot", "does not", "doesn't", "no", "false", "n"]);
const ABSENT = new Set(["no", "none", "absent", "false", "n", "not present", "missing"]);

function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return /^[a-z]/.test(s) ? s : `app-${s || "unnamed"}`;
}

/** Letters and digits only, lower case: "State DPA", "stateDpa" and "state-dpa" compare equal. */
function alnum(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function jsonValue(text: string): unknown {
  if (!/^[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The rubric's value for a written answer, or the text as written when nothing fits (the scorer reports it). */
function valueFor(criterion: Criterion, text: string): unknown {
  const json = jsonValue(text);
  if (json !== undefined) return json;
  const lower = text.trim().toLowerCase();
  if (NA.has(lower)) return "notApplicable";
  if (UNCLEAR.has(lower)) return "unclear";
  switch (criterion.kind) {
    case "practice":
      return DOES.has(lower) ? "does" : DOES_NOT.has(lower) ? "doesNot" : text;
    case "yesNo":
      return YES.has(lower) ? "yes" : NO.has(lower) ? "no" : text;
    case "level":
      return /^\d+$/.test(lower) ? Number(lower) : text;
    case "choice": {
      const option = criterion.options.find((o) => o.value.toLowerCase() === lower || o.label?.toLowerCase() === lower);
      return option ? option.value : text;
    }
    case "date":
      return parseDateText(text, "mdy", false) ?? text;
    case "list":
      return ABSENT.has(lower) ? [] : text.split(/\s*[;,]\s*/).filter((s) => s !== "");
    case "document": {
      if (ABSENT.has(lower)) return { present: false };
      if (YES.has(lower)) return { present: true };
      const key = alnum(text);
      const kind = criterion.kinds?.find((k) => alnum(k.value) === key || (k.label !== undefined && alnum(k.label) === key));
      return kind ? { present: true, kind: kind.value } : text;
    }
    default:
      // acr, study: a JSON object, or absent
      return ABSENT.has(lower) ? { present: false } : text;
  }
}

const inputSchema = z.union([
  z.array(z.object({ app: z.string(), answers: z.array(z.object({ criterion: z.string() }).passthrough()) }).passthrough()),
  z.array(z.object({ app: z.string(), criterion: z.string() }).passthrough()),
]);

/**
 * Turns a filled questionnaire (CSV rows from {@link readVettingAnswers}, JSON rows from
 * {@link readVettingAnswersJson}, or answer sets from {@link groupVettingAnswers}) into the apps
 * `@districtkit/vetting` scores: each answer is rewritten in the rubric's words for its criterion
 * (`Yes` → `yes`, `does not` → `doesNot`, `NDPA` → a DPA document, `n/a` → `notApplicable`,
 * `6/1/2026` → an ISO date; a cell holding JSON is taken as the value itself, for an ACR or a
 * study); the evidence becomes the answer's `source`, the date its `asOf`, the notes its `note`.
 * An empty answer stays unanswered. Validated by vetting's own `appSchema`.
 *
 * @param answers - rows or answer sets
 * @param rubric - the rubric whose criteria give each answer's kind (default: vetting's `K12_RUBRIC`)
 * @returns the apps, the answers to criteria the rubric lacks, and each rewrite
 * @throws DistrictKitError for rows that are not questionnaire rows or an invalid rubric
 * @example
 * ```ts
 * const { rows } = readVettingAnswers("App,Criterion,Answer,Evidence\nQuizBlitz,targetedAds,Does,Policy §5\nQuizBlitz,dpa,none,\nQuizBlitz,privacyPolicyAvailable,Yes,");
 * const { apps } = vettingAppsFromAnswers(rows);
 * apps[0]?.answers["targetedAds"]; // => { "value": "does", "source": "Policy §5" }
 * apps[0]?.answers["dpa"]?.value; // => { "present": false }
 * ```
 * @category Vetting
 */
export function vettingAppsFromAnswers(answers: readonly VettingAnswerRow[] | readonly VettingAnswerSet[], rubric?: unknown): VettingAppsImport {
  return guard("vetting answers", () => {
    const list = parseInput(inputSchema, answers, ["answers"]);
    const r: Rubric = rubric === undefined ? K12_RUBRIC : parseInput(rubricSchema, rubric, ["rubric"]);
    const criteria = new Map<string, Criterion>(r.criteria.map((c) => [c.id, c]));
    const sets: VettingAnswerSet[] = list.length > 0 && "answers" in list[0]! ? (answers as VettingAnswerSet[]) : groupVettingAnswers(answers as VettingAnswerRow[]);
    const unknownCriteria: { app: string; criterion: string }[] = [];
    const normalised: string[] = [];
    const ids = new Map<string, number>();
    const apps = sets.map((set, i) => {
      let id = slug(set.app);
      const n = (ids.get(id) ?? 0) + 1;
      ids.set(id, n);
      if (n > 1) id = `${id}-${n}`;
      const out = Object.create(null) as Record<string, { value: unknown; source?: string; asOf?: string; note?: string }>; // criterion ids are data
      for (const a of set.answers) {
        if (a.answer === undefined) continue;
        const criterion = criteria.get(a.criterion);
        if (criterion === undefined) {
          // the scorer refuses answers to criteria its rubric lacks: list them instead
          unknownCriteria.push({ app: set.app, criterion: a.criterion });
          continue;
        }
        const value = valueFor(criterion, a.answer);
        if (typeof value !== "string" || value !== a.answer) normalised.push(`${set.app}, ${a.criterion}: ${JSON.stringify(a.answer)} → ${JSON.stringify(value)}`);
        out[a.criterion] = {
          value,
          ...(a.evidence === undefined ? {} : { source: a.evidence }),
          ...(a.answeredOn === undefined ? {} : { asOf: a.answeredOn }),
          ...(a.notes === undefined ? {} : { note: a.notes }),
        };
      }
      return parseInput(appSchema, { id, name: set.app, answers: out }, ["apps", i]) as AppInput;
    });
    return { apps, unknownCriteria, normalised };
  });
}
