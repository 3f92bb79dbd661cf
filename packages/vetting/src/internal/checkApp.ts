// Structural check of one app (the shape of appSchema) by hand, for speed; the value of each
// answer is checked against its criterion in evaluate.ts. appSchema is the same rule in zod, and
// a property test keeps the two in agreement.
import type { Answer, App } from "../schema/answers.js";
import type { CompiledRubric } from "./compile.js";
import { isIsoDay } from "./dates.js";
import { describe } from "./evaluate.js";

export interface RawIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

const APP_KEYS = new Set(["id", "name", "vendor", "url", "description", "audience", "useMode", "answers"]);
const ANSWER_KEYS = new Set(["value", "source", "asOf", "note"]);
const USE_MODES = new Set(["teacherOnly", "noLogin", "studentLogin", "installed"]);
const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isAge = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 120;

function isValue(v: unknown): boolean {
  if (typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => typeof x === "string");
  return isPlain(v) && isTree(v);
}

/** The deepest an object answer may nest (a document, a study or an ACR is 2–3 levels deep). */
const MAX_DEPTH = 16;

/**
 * @internal Whether an object answer is a tree: it does not contain itself (a cycle) and nests at
 * most {@link MAX_DEPTH} levels. Every reader of answer values recurses into them.
 */
export function isTree(v: unknown, up: object[] = []): boolean {
  if (v === null || typeof v !== "object") return true;
  if (up.includes(v) || up.length >= MAX_DEPTH) return false;
  up.push(v);
  let ok = true;
  if (Array.isArray(v)) {
    for (const x of v) if (!(ok = isTree(x, up))) break;
  } else {
    for (const k in v) if (Object.hasOwn(v, k) && !(ok = isTree((v as Record<string, unknown>)[k], up))) break;
  }
  up.pop();
  return ok;
}

/** Checks one answer's shape; pushes issues; true when sound. */
function checkAnswer(a: unknown, id: string, path: (string | number)[], issues: RawIssue[]): boolean {
  if (!isPlain(a)) {
    issues.push({ path: [...path, "answers", id], code: "invalid_type", message: `expected an answer { value, source?, asOf?, note? }, got ${describe(a)}` });
    return false;
  }
  let ok = true;
  for (const k in a) {
    if (k !== "value" && k !== "source" && k !== "asOf" && k !== "note" && Object.hasOwn(a, k)) ok = false;
  }
  const v = a.value;
  const source = a.source;
  const asOf = a.asOf;
  const note = a.note;
  if (
    ok &&
    (typeof v === "string" || isValue(v)) &&
    (source === undefined || (typeof source === "string" && source !== "")) &&
    (asOf === undefined || isIsoDay(asOf)) &&
    (note === undefined || typeof note === "string")
  ) {
    return true;
  }
  const push = (p: (string | number)[], message: string, code = "invalid_type") => issues.push({ path: [...path, "answers", id, ...p], code, message });
  for (const k in a) if (!ANSWER_KEYS.has(k) && Object.hasOwn(a, k)) push([k], `unexpected field "${k}"`, "unrecognized_keys");
  if (isPlain(v) && !isTree(v)) push(["value"], `the value contains itself (a cycle) or nests deeper than ${MAX_DEPTH} levels: it cannot be read`, "cycle");
  else if (!("value" in a) || !isValue(v)) push(["value"], `expected a text, a finite number, true/false, a list of texts or an object, got ${describe(v)}`);
  if (source !== undefined && (typeof source !== "string" || source === "")) push(["source"], `expected a non-empty text (a link or a reference), got ${describe(source)}`);
  if (asOf !== undefined && !isIsoDay(asOf)) push(["asOf"], `expected an ISO date (YYYY-MM-DD), got ${describe(asOf)}`);
  if (note !== undefined && typeof note !== "string") push(["note"], `expected a text, got ${describe(note)}`);
  return false;
}

/**
 * Checks an app's shape; pushes issues. Returns the app (defaults filled) whenever it and its
 * answers are objects — even with issues, so that the answers' values can be checked too (the
 * caller discards results when there are issues); null when there is nothing to read.
 */
export function checkApp(raw: unknown, path: (string | number)[], rubric: CompiledRubric, issues: RawIssue[], slots?: (Answer | undefined)[]): App | null {
  const push = (p: (string | number)[], message: string, code = "invalid_type") => issues.push({ path: [...path, ...p], code, message });
  if (!isPlain(raw)) {
    push([], `expected an app object { id, name, answers }, got ${describe(raw)}`);
    return null;
  }
  for (const k in raw) if (Object.hasOwn(raw, k) && !APP_KEYS.has(k)) push([k], `unexpected field "${k}"`, "unrecognized_keys");
  if (typeof raw.id !== "string" || raw.id.length === 0) push(["id"], `expected a non-empty text, got ${describe(raw.id)}`);
  if (typeof raw.name !== "string" || raw.name.length === 0) push(["name"], `expected a non-empty text, got ${describe(raw.name)}`);
  for (const k of ["vendor", "url"] as const) if (raw[k] !== undefined && (typeof raw[k] !== "string" || raw[k] === "")) push([k], `expected a non-empty text, got ${describe(raw[k])}`);
  if (raw.description !== undefined && typeof raw.description !== "string") push(["description"], `expected a text, got ${describe(raw.description)}`);
  if (raw.useMode !== undefined && !USE_MODES.has(raw.useMode as string))
    push(["useMode"], `expected "teacherOnly", "noLogin", "studentLogin" or "installed", got ${describe(raw.useMode)}`, "invalid_value");
  const audience = raw.audience;
  if (audience !== undefined) {
    if (!isPlain(audience)) push(["audience"], `expected { min, max } ages, got ${describe(audience)}`);
    else {
      for (const k in audience) if (Object.hasOwn(audience, k) && k !== "min" && k !== "max") push(["audience", k], `unexpected field "${k}"`, "unrecognized_keys");
      if (!isAge(audience.min)) push(["audience", "min"], `expected a whole age from 0 to 120, got ${describe(audience.min)}`);
      if (!isAge(audience.max)) push(["audience", "max"], `expected a whole age from 0 to 120, got ${describe(audience.max)}`);
      if (isAge(audience.min) && isAge(audience.max) && audience.min > audience.max) push(["audience", "max"], "expected min ≤ max", "custom");
    }
  }
  const answers = raw.answers;
  if (!isPlain(answers)) push(["answers"], `expected an object of answers keyed by criterion id, got ${describe(answers)}`);
  else {
    if (slots) slots.fill(undefined);
    const proto: unknown = Object.getPrototypeOf(answers);
    const plainProto = proto === Object.prototype || proto === null;
    for (const id in answers) {
      if (!plainProto && !Object.hasOwn(answers, id)) continue;
      const a = answers[id];
      const cc = rubric.byId.get(id);
      if (cc === undefined) {
        if (!Object.hasOwn(answers, id)) continue; // an enumerable property inherited from a polluted Object.prototype
        push(["answers", id], `no criterion "${id}" in rubric "${rubric.rubric.id}" ${rubric.rubric.methodVersion}`, "unknown_criterion");
        checkAnswer(a, id, path, issues);
        continue;
      }
      if (checkAnswer(a, id, path, issues) && slots) slots[cc.index] = a as Answer;
    }
  }
  if (!isPlain(answers)) return null;
  return (raw.useMode === undefined ? { ...raw, useMode: "studentLogin" } : raw) as unknown as App;
}
