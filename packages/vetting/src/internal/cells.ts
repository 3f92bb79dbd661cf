// The answers of apps as read for scoring, one row of n cells per app (n = the rubric's criteria):
// each answered criterion's status code and normalized score as if nothing had expired (expiry
// depends on the as-of date, applied when scoring), its answer's value, and per app the evidence
// dates and notes, a hash of the app's inputs and the fields scoring reads. The bulk scoring loop reads one
// app into a one-row table and scores it; an answer sheet (`readAnswers`) keeps every app's row,
// so re-scoring with other weights, gates, conditions or dates reads no answer again.
import type { Answer } from "../schema/answers.js";
import type { UseMode } from "../schema/condition.js";
import type { CompiledCriterion } from "./compile.js";
import { HASH_SEED, hashInt, hashText, hashValue } from "./hash.js";

/** One primitive answer value evaluated for one criterion (what scoreChecked derives from `evaluate`). */
export interface Entry {
  readonly code: number;
  readonly s: number;
  readonly validUntil: string | null;
  /** the detail as scoreChecked keeps it ("" = rebuild when read) */
  readonly detail: string | null;
  /** what hashValue hashes for this value; null for lists and objects (hashed from the value) */
  readonly text: string | null;
  /** hashText(the criterion's idHash, text) when text is not null */
  readonly hash: number;
}

/** Status code of a cell nobody answered. */
const UNANSWERED = 4;

export interface Cells {
  readonly n: number;
  /** status codes (met 0 … recorded 7, BAD 8 = the value does not fit its criterion), n per app */
  readonly code: Uint8Array;
  /** normalized scores, n per app */
  readonly s: Float64Array;
  /**
   * The answers' values as read (undefined = unanswered), n per app (answer sheets: what
   * conditions, the rating and evidence notes read later), or only the row being read (a scoring
   * call's table, valueStride 0)
   */
  readonly values: unknown[];
  /** n when every app's values are kept, 0 when only the row being read is */
  readonly valueStride: number;
  /**
   * The evidence of every app, flat: app i's entries are extStart[i] … extEnd[i] − 1, in rubric
   * order: the criterion, its last valid day (or null) as text and as the number YYYYMMDD (−1),
   * and its note ("" = rebuild when read, or null).
   */
  readonly extStart: Int32Array;
  readonly extEnd: Int32Array;
  readonly extJ: number[];
  readonly extValid: (string | null)[];
  readonly extDay: number[];
  readonly extDetail: (string | null)[];
  /** per app, the hash of its id, audience, use mode and answer values */
  readonly hash: Int32Array;
  readonly id: string[];
  readonly name: string[];
  readonly useMode: UseMode[];
  /** whether the app states its audience (1), or the district's ages apply (0) */
  readonly hasAudience: Uint8Array;
  /** the youngest user's age the app states, as given (only a whole 0–120 in a valid app) */
  readonly minAge: unknown[];
  /** the apps' answers (what a scoring call's explanations read evidence notes from; answer sheets keep values) */
  readonly answers: Readonly<Record<string, Answer>>[];
  /** the row being written */
  readonly row: { ext: (number | string | null)[]; sum: number; last: number; sorted: boolean };
}

export function newCells(n: number, apps: number, keepAnswers: boolean): Cells {
  return {
    n,
    code: new Uint8Array(n * apps).fill(UNANSWERED),
    s: new Float64Array(n * apps),
    values: new Array<unknown>(keepAnswers ? n * apps : n).fill(undefined),
    valueStride: keepAnswers ? n : 0,
    extStart: new Int32Array(apps),
    extEnd: new Int32Array(apps),
    extJ: [],
    extValid: [],
    extDay: [],
    extDetail: [],
    hash: new Int32Array(apps),
    id: new Array<string>(apps).fill(""),
    name: new Array<string>(apps).fill(""),
    useMode: new Array<UseMode>(apps).fill("studentLogin"),
    hasAudience: new Uint8Array(apps),
    minAge: new Array<unknown>(apps).fill(-1),
    answers: new Array<Readonly<Record<string, Answer>>>(apps).fill(NO_ANSWERS),
    row: { ext: [], sum: 0, last: -1, sorted: true },
  };
}

const NO_ANSWERS: Readonly<Record<string, Answer>> = Object.freeze({});

/** Starts writing app i's row: every cell unanswered. */
export function beginRow(cells: Cells, i: number): void {
  const b = i * cells.n;
  cells.code.fill(UNANSWERED, b, b + cells.n);
  const vb = i * cells.valueStride;
  cells.values.fill(undefined, vb, vb + cells.n);
  // (each table keeps its own row state: a call made from a getter while a row is read uses another table)
  const row = cells.row;
  row.ext.length = 0;
  row.sum = 0;
  row.last = -1;
  row.sorted = true;
}

/** Writes criterion cc's answer value (evaluated as `e`) into app i's row. */
export function putCell(cells: Cells, i: number, cc: CompiledCriterion, e: Entry, value: unknown): void {
  const j = cc.index;
  const at = i * cells.n + j;
  cells.code[at] = e.code;
  cells.s[at] = e.s;
  cells.values[i * cells.valueStride + j] = value;
  const row = cells.row;
  // one term per answer, added: the hash does not depend on the order answers come in
  row.sum = (row.sum + (e.text !== null ? e.hash : hashValue(cc.idHash, value))) | 0;
  if (cc.evidence && e.code !== BAD_CODE && (e.validUntil !== null || e.detail !== null)) {
    if (j < row.last) row.sorted = false;
    row.last = j;
    row.ext.push(j, e.validUntil, e.detail);
  }
}

const BAD_CODE = 8;

/** Ends app i's row: its fields, its evidence triples (in rubric order) and its hash. */
export function endRow(cells: Cells, i: number, id: string, name: string, useMode: UseMode, hasAudience: boolean, minAge: unknown, answers: Readonly<Record<string, Answer>>): void {
  cells.id[i] = id;
  cells.name[i] = name;
  cells.useMode[i] = useMode;
  cells.hasAudience[i] = hasAudience ? 1 : 0;
  cells.minAge[i] = hasAudience ? minAge : -1;
  cells.answers[i] = answers;
  const row = cells.row;
  const ext = row.ext;
  // (rows are ended once each, in order: the flat lists only grow)
  cells.extStart[i] = cells.extJ.length;
  if (ext.length > 0) {
    let order: number[] | null = null;
    if (!row.sorted) {
      order = [];
      for (let e = 0; e < ext.length; e += 3) order.push(e);
      order.sort((x, y) => (ext[x] as number) - (ext[y] as number));
    }
    for (let t = 0; t < ext.length; t += 3) {
      const e = order === null ? t : order[t / 3]!;
      const validUntil = ext[e + 1] as string | null;
      cells.extJ.push(ext[e] as number);
      cells.extValid.push(validUntil);
      cells.extDay.push(validUntil === null ? -1 : dayNumber(validUntil));
      cells.extDetail.push(ext[e + 2] as string | null);
    }
  }
  cells.extEnd[i] = cells.extJ.length;
  let h = hashText(HASH_SEED, id);
  h = hashText(h, audienceText(hasAudience ? minAge : -1, useMode));
  cells.hash[i] = hashInt(h, row.sum);
}

/** YYYY-MM-DD as the number YYYYMMDD (the same order as the text). */
export function dayNumber(day: string): number {
  const c = (k: number): number => day.charCodeAt(k) - 48;
  return (((c(0) * 10 + c(1)) * 10 + c(2)) * 10 + c(3)) * 10000 + (c(5) * 10 + c(6)) * 100 + c(8) * 10 + c(9);
}

/** App i's evidence as [j, validUntil, detail] triples in rubric order, or null (for explanations). */
export function evidenceOf(cells: Cells, i: number): (number | string | null)[] | null {
  const start = cells.extStart[i]!;
  const end = cells.extEnd[i]!;
  if (start === end) return null;
  const out: (number | string | null)[] = [];
  for (let e = start; e < end; e++) out.push(cells.extJ[e]!, cells.extValid[e]!, cells.extDetail[e]!);
  return out;
}

const audienceTexts = new Map<string, string[]>();

/** `${minAge}|${useMode}` (hashed into every result), made once per age and use mode. */
function audienceText(minAge: unknown, useMode: string): string {
  if (typeof minAge !== "number" || !Number.isInteger(minAge) || minAge < -1 || minAge > 120) return `${String(minAge)}|${useMode}`;
  let byAge = audienceTexts.get(useMode);
  if (byAge === undefined) {
    byAge = [];
    if (audienceTexts.size < 16) audienceTexts.set(useMode, byAge);
  }
  return (byAge[minAge + 1] ??= `${minAge}|${useMode}`);
}
