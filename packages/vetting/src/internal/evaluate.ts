// One answer → status and normalized score, with the value checked against its criterion's kind
// by hand (zod would cost microseconds an answer; `answerValueSchemaFor` is the same rule as a
// zod schema, and a property test keeps the two in agreement).
import { countAcr } from "../accessibility.js";
import { tierOnly } from "../evidence.js";
import type { ConformanceTerm } from "../schema/evidence.js";
import type { CompiledCriterion } from "./compile.js";
import { addMonthsDay, isIsoDay } from "./dates.js";

export type Status = "met" | "partlyMet" | "notMet" | "unclear" | "unanswered" | "notApplicable" | "expired" | "recorded";

/** Scratch output of {@link evaluate}, reused across calls. */
export interface Evaluation {
  status: Status;
  s: number;
  validUntil: string | null;
  detail: string | null;
  /** the problem with the value, when it does not fit the criterion */
  issue: string | null;
  /** extra path below `value` for the issue */
  issuePath: (string | number)[] | null;
  /** build the `detail` sentence (off in the bulk scoring loop; details are rebuilt when read) */
  wantDetail: boolean;
}

export function newEvaluation(): Evaluation {
  return { status: "unanswered", s: 0, validUntil: null, detail: null, issue: null, issuePath: null, wantDetail: true };
}

export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

function fail(out: Evaluation, issue: string, path: (string | number)[] | null = null): void {
  out.issue = issue;
  out.issuePath = path;
}

function scored(out: Evaluation, s: number): void {
  out.s = s;
  out.status = s >= 1 ? "met" : s <= 0 ? "notMet" : "partlyMet";
}

const TERMS = new Set<string>(["Supports", "Partially Supports", "Supports with Exceptions", "Does Not Support", "Not Applicable", "Not Evaluated"]);
const SC = /^\d\.\d{1,2}\.\d{1,2}$/;
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === "string" && v.length > 0;

/**
 * Evaluates `value` for criterion `cc` on `asOf`. The caller has handled "not applicable by
 * condition" and "unanswered". `unclearScore` comes from the rubric.
 */
export function evaluate(cc: CompiledCriterion, value: unknown, asOf: string, unclearScore: number, out: Evaluation): void {
  out.validUntil = null;
  out.detail = null;
  out.issue = null;
  out.issuePath = null;
  out.s = 0;
  if (value === "notApplicable") {
    out.status = "notApplicable";
    return;
  }
  if (value === "unclear") {
    out.status = "unclear";
    out.s = unclearScore;
    return;
  }
  const c = cc.c;
  switch (c.kind) {
    case "practice":
      if (value === c.better) scored(out, 1);
      else if (value === "does" || value === "doesNot") scored(out, 0);
      else fail(out, `expected "does", "doesNot", "unclear" or "notApplicable", got ${describe(value)}`);
      return;
    case "yesNo": {
      const v = value === true ? "yes" : value === false ? "no" : value;
      if (v === c.better) scored(out, 1);
      else if (v === "yes" || v === "no") scored(out, 0);
      else fail(out, `expected "yes", "no", "unclear" or "notApplicable", got ${describe(value)}`);
      return;
    }
    case "level":
      if (typeof value === "number" && Number.isInteger(value) && value >= c.min && value <= c.max) scored(out, (value - c.min) / (c.max - c.min));
      else fail(out, `expected a whole level from ${c.min} to ${c.max}, "unclear" or "notApplicable", got ${describe(value)}`);
      return;
    case "choice": {
      const s = typeof value === "string" ? cc.options!.get(value) : undefined;
      if (s !== undefined) scored(out, s);
      else fail(out, `expected one of ${c.options.map((o) => JSON.stringify(o.value)).join(", ")}, "unclear" or "notApplicable", got ${describe(value)}`);
      return;
    }
    case "date":
      if (!isIsoDay(value)) {
        fail(out, `expected an ISO date (YYYY-MM-DD), "unclear" or "notApplicable", got ${describe(value)}`);
        return;
      }
      if (c.freshForMonths === undefined) {
        scored(out, 1);
        return;
      }
      out.validUntil = addMonthsDay(value, c.freshForMonths);
      if (asOf > out.validUntil) {
        out.status = "expired";
        if (out.wantDetail) out.detail = `dated ${value}, more than ${c.freshForMonths} months before ${asOf}`;
      } else scored(out, 1);
      return;
    case "document":
      evaluateDocument(cc, value, asOf, out);
      return;
    case "acr":
      evaluateAcr(cc, value, asOf, out);
      return;
    case "study":
      evaluateStudy(cc, value, out);
      return;
    case "list":
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (typeof item !== "string") return fail(out, `expected a text, got ${describe(item)}`, [i]);
          if (cc.vocabulary && !cc.vocabulary.has(item)) return fail(out, `expected one of the rubric's ${cc.vocabulary.size} terms for this list, got ${describe(item)}`, [i]);
        }
        out.status = "recorded";
      } else fail(out, `expected a list of texts, "unclear" or "notApplicable", got ${describe(value)}`);
      return;
    case "text":
      if (typeof value === "string") out.status = "recorded";
      else fail(out, `expected a text, got ${describe(value)}`);
      return;
  }
}

function checkKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>, out: Evaluation): boolean {
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    if (!allowed.has(k)) {
      fail(out, `unexpected field "${k}" (expected ${[...allowed].join(", ")})`, [k]);
      return false;
    }
  }
  return true;
}

function checkAbsent(value: Record<string, unknown>, out: Evaluation): boolean {
  for (const k in value) {
    if (Object.hasOwn(value, k) && k !== "present") {
      fail(out, `unexpected field "${k}" when present is false`, [k]);
      return false;
    }
  }
  return true;
}

// field lists walked by index (a literal array in a for…of is a new array and iterator per answer)
const DOC_DATES = ["issuedOn", "periodEnd", "expiresOn"] as const;
const DOC_TEXTS = ["kind", "edition", "url"] as const;
const STUDY_FLAGS = ["significantPositive", "negativeFindings", "statisticalControls", "evaluationUnderWay"] as const;
const STUDY_COUNTS = ["n", "sites"] as const;
const DOC_KEYS = new Set(["present", "kind", "issuedOn", "periodEnd", "expiresOn", "edition", "url"]);

function evaluateDocument(cc: CompiledCriterion, value: unknown, asOf: string, out: Evaluation): void {
  if (!isPlain(value) || typeof value.present !== "boolean") {
    return fail(out, `expected a document { present: true, … } or { present: false }, "unclear" or "notApplicable", got ${describe(value)}`);
  }
  if (!value.present) {
    if (checkAbsent(value, out)) {
      scored(out, 0);
      out.detail = "none provided";
    }
    return;
  }
  if (!checkKeys(value, DOC_KEYS, out)) return;
  for (let i = 0; i < DOC_DATES.length; i++) {
    const k = DOC_DATES[i]!;
    if (value[k] !== undefined && !isIsoDay(value[k])) return fail(out, `expected an ISO date (YYYY-MM-DD), got ${describe(value[k])}`, [k]);
  }
  for (let i = 0; i < DOC_TEXTS.length; i++) {
    const k = DOC_TEXTS[i]!;
    if (value[k] !== undefined && !nonEmpty(value[k])) return fail(out, `expected a non-empty text, got ${describe(value[k])}`, [k]);
  }
  let s = 1;
  const kind = value.kind as string | undefined;
  if (cc.kinds) {
    const k = kind === undefined ? undefined : cc.kinds.get(kind);
    if (k === undefined) return fail(out, `expected kind to be one of ${[...cc.kinds.keys()].map((x) => JSON.stringify(x)).join(", ")}, got ${describe(kind)}`, ["kind"]);
    s = k;
  }
  let validUntil: string | null = (value.expiresOn as string | undefined) ?? null;
  let why = validUntil === null ? 0 : 1; // 1 stated expiry, 2 age, 3 edition
  const c = cc.c as Extract<typeof cc.c, { kind: "document" }>;
  if (c.validForMonths !== undefined) {
    const from = (value.periodEnd as string | undefined) ?? (value.issuedOn as string | undefined);
    if (from !== undefined) {
      const until = addMonthsDay(from, c.validForMonths);
      if (validUntil === null || until < validUntil) {
        validUntil = until;
        why = 2;
      }
    }
  }
  const edition = value.edition as string | undefined;
  if (cc.editions && edition !== undefined) {
    const e = cc.editions.get(edition);
    if (e === undefined) return fail(out, `expected edition to be one of ${[...cc.editions.keys()].map((x) => JSON.stringify(x)).join(", ")}, got ${describe(edition)}`, ["edition"]);
    s = Math.min(s, e.score);
    if (e.validUntil !== null && (validUntil === null || e.validUntil < validUntil)) {
      validUntil = e.validUntil;
      why = 3;
    }
  }
  out.validUntil = validUntil;
  const expired = validUntil !== null && asOf > validUntil;
  if (expired) out.status = "expired";
  else scored(out, s);
  if (!out.wantDetail) return;
  const whyText =
    why === 1
      ? "its stated expiry"
      : why === 2
        ? `${c.validForMonths} months after ${value.periodEnd !== undefined ? "the end of the audited period" : "its date"} (${(value.periodEnd ?? value.issuedOn) as string})`
        : `the end of validity of the ${edition} edition`;
  const label = kind === undefined ? "document" : (c.kinds?.find((k) => k.value === kind)?.label ?? kind);
  out.detail = expired ? `${label} expired on ${validUntil} (${whyText})` : validUntil === null ? `${label} on file` : `${label} valid until ${validUntil} (${whyText})`;
}

const ACR_KEYS = new Set(["present", "date", "edition", "wcagVersion", "method", "entries", "url"]);
const EDITIONS = new Set(["WCAG", "508", "EU", "INT"]);
const VERSIONS = new Set(["2.0", "2.1", "2.2"]);
const METHODS = new Set(["manualAndAssistiveTech", "automatedOnly", "unknown"]);

function evaluateAcr(cc: CompiledCriterion, value: unknown, asOf: string, out: Evaluation): void {
  if (!isPlain(value) || typeof value.present !== "boolean") {
    return fail(out, `expected an ACR { present: true, date, wcagVersion, entries } or { present: false }, "unclear" or "notApplicable", got ${describe(value)}`);
  }
  if (!value.present) {
    if (checkAbsent(value, out)) {
      scored(out, 0);
      out.detail = "no Accessibility Conformance Report";
    }
    return;
  }
  if (!checkKeys(value, ACR_KEYS, out)) return;
  if (!isIsoDay(value.date)) return fail(out, `expected an ISO date (YYYY-MM-DD), got ${describe(value.date)}`, ["date"]);
  if (value.edition !== undefined && !EDITIONS.has(value.edition as string)) return fail(out, `expected "WCAG", "508", "EU" or "INT", got ${describe(value.edition)}`, ["edition"]);
  if (!VERSIONS.has(value.wcagVersion as string)) return fail(out, `expected "2.0", "2.1" or "2.2", got ${describe(value.wcagVersion)}`, ["wcagVersion"]);
  if (value.method !== undefined && !METHODS.has(value.method as string))
    return fail(out, `expected "manualAndAssistiveTech", "automatedOnly" or "unknown", got ${describe(value.method)}`, ["method"]);
  if (value.url !== undefined && !nonEmpty(value.url)) return fail(out, `expected a non-empty text, got ${describe(value.url)}`, ["url"]);
  const entries = value.entries;
  if (!isPlain(entries)) return fail(out, `expected an object of success criterion → conformance term, got ${describe(entries)}`, ["entries"]);
  for (const k in entries) {
    if (!Object.hasOwn(entries, k)) continue;
    if (!SC.test(k)) return fail(out, "expected a WCAG success criterion number such as 1.4.3", ["entries", k]);
    if (!TERMS.has(entries[k] as string))
      return fail(out, `expected a conformance term ("Supports", "Partially Supports", "Does Not Support", "Not Applicable", "Not Evaluated"), got ${describe(entries[k])}`, ["entries", k]);
  }
  const c = cc.c as Extract<typeof cc.c, { kind: "acr" }>;
  const counted = countAcr(entries as Record<string, ConformanceTerm>, c.wcagVersion, c.partialCredit, false);
  out.validUntil = addMonthsDay(value.date as string, c.validForMonths);
  if (asOf > out.validUntil) {
    out.status = "expired";
    if (out.wantDetail) out.detail = `ACR of ${value.date as string} is older than ${c.validForMonths} months`;
    return;
  }
  const factor = value.method === "automatedOnly" ? c.automatedOnlyFactor : 1;
  const share = counted.share === null ? 1 : counted.share;
  scored(out, share * factor);
  if (out.wantDetail)
    out.detail = `${counted.supports} of ${counted.applicable} WCAG ${c.wcagVersion} A/AA criteria supported, ${counted.partial} partially (ACR of ${value.date as string}, valid until ${out.validUntil})`;
}

const TIER_LABELS = ["No ESSA tier", "Tier 1 — Strong", "Tier 2 — Moderate", "Tier 3 — Promising", "Tier 4 — Demonstrates a Rationale"];
const STUDY_KEYS = new Set(["present", "design", "wwcRating", "significantPositive", "n", "sites", "negativeFindings", "statisticalControls", "evaluationUnderWay", "studyDate", "url"]);
const DESIGNS = new Set(["rct", "quasiExperimental", "correlational", "logicModel"]);
const WWC = new Set(["meetsWithoutReservations", "meetsWithReservations", "doesNotMeet", "notReviewed"]);

function evaluateStudy(cc: CompiledCriterion, value: unknown, out: Evaluation): void {
  if (!isPlain(value) || typeof value.present !== "boolean") {
    return fail(out, `expected a study { present: true, design, … } or { present: false }, "unclear" or "notApplicable", got ${describe(value)}`);
  }
  if (!value.present) {
    if (checkAbsent(value, out)) {
      scored(out, 0);
      out.detail = "no study of the app's effect";
    }
    return;
  }
  if (!checkKeys(value, STUDY_KEYS, out)) return;
  if (!DESIGNS.has(value.design as string)) return fail(out, `expected "rct", "quasiExperimental", "correlational" or "logicModel", got ${describe(value.design)}`, ["design"]);
  if (value.wwcRating !== undefined && !WWC.has(value.wwcRating as string))
    return fail(out, `expected a WWC rating ("meetsWithoutReservations", "meetsWithReservations", "doesNotMeet", "notReviewed"), got ${describe(value.wwcRating)}`, ["wwcRating"]);
  for (let i = 0; i < STUDY_FLAGS.length; i++) {
    const k = STUDY_FLAGS[i]!;
    if (value[k] !== undefined && typeof value[k] !== "boolean") return fail(out, `expected true or false, got ${describe(value[k])}`, [k]);
  }
  for (let i = 0; i < STUDY_COUNTS.length; i++) {
    const k = STUDY_COUNTS[i]!;
    const v = value[k];
    if (v !== undefined && !(typeof v === "number" && Number.isSafeInteger(v) && v >= 0)) return fail(out, `expected a whole number ≥ 0, got ${describe(v)}`, [k]);
  }
  if (value.studyDate !== undefined && !isIsoDay(value.studyDate)) return fail(out, `expected an ISO date (YYYY-MM-DD), got ${describe(value.studyDate)}`, ["studyDate"]);
  if (value.url !== undefined && !nonEmpty(value.url)) return fail(out, `expected a non-empty text, got ${describe(value.url)}`, ["url"]);
  const tier = tierOnly({
    present: true,
    design: value.design as "rct",
    wwcRating: (value.wwcRating as "notReviewed" | undefined) ?? "notReviewed",
    significantPositive: (value.significantPositive as boolean | undefined) ?? false,
    n: (value.n as number | undefined) ?? 0,
    sites: (value.sites as number | undefined) ?? 0,
    negativeFindings: (value.negativeFindings as boolean | undefined) ?? false,
    statisticalControls: (value.statisticalControls as boolean | undefined) ?? false,
    evaluationUnderWay: (value.evaluationUnderWay as boolean | undefined) ?? false,
  });
  const c = cc.c as Extract<typeof cc.c, { kind: "study" }>;
  scored(out, tier === null ? 0 : c.tierScores[tier - 1]!);
  out.detail = TIER_LABELS[tier ?? 0]!;
}
