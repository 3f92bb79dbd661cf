// Reading apps' answers into cells (cells.ts) for scoring. The fast pre-check accepts ONLY what
// checkApp (the hand form of appSchema) and evaluate (the hand form of answerValueSchemaFor)
// accept, evaluating each answer as it goes, and answers "not sure" (false) for anything else — a
// key it does not expect, a prototype it does not know — so the caller falls back to the full
// path, which reports every problem with its path. Primitive answers are evaluated once per
// distinct value per criterion (many apps share "does" / "no" / a date), with their hash. Answers
// are evaluated as if nothing had expired: expiry depends on the as-of date and is applied when
// scoring, so a reading serves every date.
import { DistrictKitError } from "@districtkit/core";
import type { Answer, App } from "../schema/answers.js";
import type { UseMode } from "../schema/condition.js";
import { beginRow, type Cells, type Entry, endRow, putCell } from "./cells.js";
import { checkApp, isTree, type RawIssue } from "./checkApp.js";
import type { CompiledRubric } from "./compile.js";
import { isIsoDay } from "./dates.js";
import { type Evaluation, evaluate, newEvaluation, type Status } from "./evaluate.js";
import { hashText } from "./hash.js";

/** Status codes (index into STATUS in internal/explanation.ts); 8 = the value does not fit its criterion. */
export const BAD = 8;
const CODE: Record<Status, number> = { met: 0, partlyMet: 1, notMet: 2, unclear: 3, unanswered: 4, notApplicable: 5, expired: 6, recorded: 7 };

/** Per-rubric state of reading answers, kept between calls. */
export interface FastPlan {
  readonly cr: CompiledRubric;
  readonly n: number;
  readonly index: ReadonlyMap<string, number>;
  /** criterion ids as property keys (interned: comparing one with an answer's key is a pointer check) */
  readonly ids: readonly string[];
  /**
   * per criterion, the values most answers are — the kind's words, "unclear", "notApplicable",
   * the whole numbers of a level scale — and their evaluations
   */
  readonly fixedValues: readonly (readonly (string | number)[])[];
  readonly fixedEntries: readonly (readonly Entry[])[];
  /** per criterion, other primitive values seen, evaluated */
  readonly caches: Map<unknown, Entry>[];
  readonly ev: Evaluation;
  lastDay: string;
}

const MAX_CACHE = 4096;
const plans = new WeakMap<CompiledRubric, FastPlan>();

/** The reading state for a compiled rubric (one per rubric). */
export function fastPlan(cr: CompiledRubric): FastPlan {
  const hit = plans.get(cr);
  if (hit) return hit;
  const n = cr.criteria.length;
  const ev = newEvaluation();
  const plan: FastPlan = {
    cr,
    n,
    index: new Map(cr.criteria.map((cc) => [cc.id, cc.index])),
    ids: cr.criteria.map((cc) => interned(cc.id)),
    fixedValues: [],
    fixedEntries: [],
    caches: cr.criteria.map(() => new Map<unknown, Entry>()),
    ev,
    lastDay: "",
  };
  for (const cc of cr.criteria) {
    const c = cc.c;
    const common: string[] = c.kind === "practice" ? ["doesNot", "does"] : c.kind === "yesNo" ? ["yes", "no"] : c.kind === "choice" ? c.options.map((o) => interned(o.value)) : [];
    const levels = c.kind === "level" && c.max - c.min <= 20 ? Array.from({ length: c.max - c.min + 1 }, (_, i) => c.min + i) : [];
    const values: (string | number)[] = [...common, "unclear", "notApplicable", ...levels];
    (plan.fixedValues as (string | number)[][]).push(values);
    (plan.fixedEntries as Entry[][]).push(values.map((v) => evaluated(plan, cc.index, v, true)));
  }
  plans.set(cr, plan);
  return plan;
}

/** Whether enumerating an ordinary object's keys with for…in can only give its own keys. */
export function prototypeIsClean(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** The same text as an interned string (what property keys are). */
function interned(text: string): string {
  return Object.keys({ [text]: 0 })[0]!;
}

const isAge = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 120;

function ordinary(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function evaluated(plan: FastPlan, j: number, value: unknown, primitive: boolean): Entry {
  const ev = plan.ev;
  const cc = plan.cr.criteria[j]!;
  ev.wantDetail = false;
  // "" is before every date: nothing expires here (scoring applies the as-of date)
  evaluate(cc, value, "", plan.cr.rubric.scoring.unclearScore, ev);
  const kind = cc.c.kind;
  const detail = ev.detail ?? (ev.validUntil !== null || kind === "document" || kind === "acr" ? "" : null);
  const text = !primitive ? null : typeof value === "string" ? value : String(value);
  return { code: ev.issue !== null ? BAD : CODE[ev.status], s: ev.s, validUntil: ev.validUntil, detail, text, hash: text === null ? 0 : hashText(cc.idHash, text) };
}

/** A primitive answer value evaluated for criterion j, once per distinct value. */
function primitive(plan: FastPlan, j: number, v: string | number | boolean): Entry {
  const cache = plan.caches[j]!;
  let e = cache.get(v);
  if (e === undefined) {
    e = evaluated(plan, j, v, true);
    if (cache.size < MAX_CACHE) cache.set(v, e);
  }
  return e;
}

/**
 * Checks and reads one app into row i of `cells` on the fast path: true when the app is certainly
 * valid in shape (its answers are evaluated, BAD where a value does not fit its criterion — fine
 * when the criterion does not apply); false when the full path must decide (the row is then
 * unfinished).
 */
export function fastApp(plan: FastPlan, raw: unknown, cells: Cells, i: number): boolean {
  if (!ordinary(raw)) return false;
  for (const k in raw) {
    if (k !== "id" && k !== "name" && k !== "answers" && k !== "useMode" && k !== "vendor" && k !== "url" && k !== "description" && k !== "audience") return false;
  }
  const id = raw.id;
  const name = raw.name;
  if (typeof id !== "string" || id.length === 0 || typeof name !== "string" || name.length === 0) return false;
  const useMode = raw.useMode;
  if (useMode !== undefined && useMode !== "studentLogin" && useMode !== "teacherOnly" && useMode !== "noLogin" && useMode !== "installed") return false;
  const vendor = raw.vendor;
  if (vendor !== undefined && (typeof vendor !== "string" || vendor === "")) return false;
  const url = raw.url;
  if (url !== undefined && (typeof url !== "string" || url === "")) return false;
  if (raw.description !== undefined && typeof raw.description !== "string") return false;
  const audience = raw.audience;
  let minAge = -1;
  if (audience !== undefined) {
    if (!ordinary(audience)) return false;
    for (const k in audience) if (k !== "min" && k !== "max") return false;
    const min = audience.min;
    const max = audience.max;
    if (!isAge(min) || !isAge(max) || min > max) return false;
    minAge = min;
  }
  const answers = raw.answers;
  if (!ordinary(answers)) return false;
  beginRow(cells, i);
  const criteria = plan.cr.criteria;
  const put = putCell; // (a local: some module loaders make each read of an import a lookup)
  const { index, ids, fixedValues, fixedEntries } = plan;
  const n = plan.n;
  let next = 0; // answers usually come in rubric order: try the next criterion's id first
  for (const key in answers) {
    const j: number | undefined = next < n && key === ids[next] ? next : next + 1 < n && key === ids[next + 1] ? next + 1 : index.get(key);
    if (j === undefined) return false;
    next = j + 1;
    const a = answers[key] as Record<string, unknown> | null;
    if (a === null || typeof a !== "object" || Array.isArray(a)) return false;
    for (const k in a) if (k !== "value" && k !== "source" && k !== "asOf" && k !== "note") return false;
    const source = a.source;
    if (source !== undefined && (typeof source !== "string" || source === "")) return false;
    const day = a.asOf;
    if (day !== undefined && day !== plan.lastDay) {
      if (!isIsoDay(day)) return false;
      plan.lastDay = day;
    }
    if (a.note !== undefined && typeof a.note !== "string") return false;
    const v: unknown = a.value;
    let e: Entry | undefined;
    if (typeof v === "string" || typeof v === "number") {
      if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) return false;
      const fv = fixedValues[j]!;
      for (let f = 0; f < fv.length; f++) {
        if (fv[f] === v) {
          e = fixedEntries[j]![f]!;
          break;
        }
      }
      e ??= primitive(plan, j, v);
    } else if (typeof v === "boolean") {
      e = primitive(plan, j, v);
    } else if (typeof v === "object" && v !== null) {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
      } else if (!isTree(v)) return false; // a cycle: the full check says where
      e = evaluated(plan, j, v, false);
    } else {
      return false;
    }
    put(cells, i, criteria[j]!, e, v);
  }
  endRow(cells, i, id, name, (useMode ?? "studentLogin") as UseMode, minAge >= 0, minAge, answers as Record<string, Answer>);
  return true;
}

/**
 * Reads app i (the input's `apps[i]`; `single`: the input is one app) into row i of `cells`: the
 * fast pre-check, or the full check, which pushes every problem of the app's shape with its path.
 * Returns 0 when there is nothing to read (not an app, no answers object), 1 when it was read
 * without a new problem, 2 when it was read and has problems of shape (its values can still be
 * scored, to list their problems too).
 */
export function readApp(plan: FastPlan, raw: unknown, cells: Cells, i: number, fast: boolean, single: boolean, issues: RawIssue[], slots: (Answer | undefined)[]): 0 | 1 | 2 {
  try {
    return readAppOnce(plan, raw, cells, i, fast, single, issues, slots);
  } catch (error) {
    // the app is the caller's object: a getter or Proxy that throws is the one rule's (its cause kept)
    throw DistrictKitError.wrap(error, single ? ["app"] : ["apps", i], "the app");
  }
}

function readAppOnce(plan: FastPlan, raw: unknown, cells: Cells, i: number, fast: boolean, single: boolean, issues: RawIssue[], slots: (Answer | undefined)[]): 0 | 1 | 2 {
  if (fast && fastApp(plan, raw, cells, i)) return 1;
  const before = issues.length;
  const app = checkApp(raw, single ? ["app"] : ["apps", i], plan.cr, issues, slots);
  if (!app) return 0;
  readChecked(plan, app, slots, cells, i);
  return issues.length > before ? 2 : 1;
}

/**
 * Reads an app the full check has been through (`checkApp`, answers by criterion index in
 * `slots`) into row i of `cells`, every value evaluated as the full check's `evaluate` does.
 */
function readChecked(plan: FastPlan, app: App, slots: readonly (Answer | undefined)[], cells: Cells, i: number): void {
  beginRow(cells, i);
  const criteria = plan.cr.criteria;
  for (let j = 0; j < plan.n; j++) {
    const a = slots[j];
    if (a === undefined) continue;
    const v: unknown = a.value;
    putCell(cells, i, criteria[j]!, evaluated(plan, j, v, v === null || typeof v !== "object"), v);
  }
  // an audience that is not valid is an issue of the app; its min is still what conditions read, as given
  const audience = app.audience as unknown;
  const stated = audience !== null && typeof audience === "object";
  endRow(cells, i, typeof app.id === "string" ? app.id : "", typeof app.name === "string" ? app.name : "", app.useMode, stated, stated ? (audience as { min?: unknown }).min : -1, app.answers);
}
