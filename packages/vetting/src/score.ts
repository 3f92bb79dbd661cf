import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { RawIssue } from "./internal/checkApp.js";
import { compileRubric, DOMAIN_LIST, type CompiledCriterion, type CompiledRubric, type CondContext } from "./internal/compile.js";
import { addMonthsDay } from "./internal/dates.js";
import { evaluate, newEvaluation } from "./internal/evaluate.js";
import { dayNumber, evidenceOf, newCells, type Cells } from "./internal/cells.js";
import { BAD, fastPlan, prototypeIsClean, readApp } from "./internal/fastAnswers.js";
import { hashInt, hashText, hex } from "./internal/hash.js";
import { rateWith, type PrivacyRatingResult } from "./rating.js";
import type { CriterionResult, Decision, DomainScore, GateFinding, ReReviewTrigger, ScoreResult } from "./result.js";
import { scoreOptionsSchema, type Answer, type DistrictContext, type ScoreOptions } from "./schema/answers.js";
import type { Condition } from "./schema/condition.js";
import type { Domain } from "./schema/criterion.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";


function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function points(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function plainNotMet(cc: CompiledCriterion, detail: string | null): string {
  if (detail === null) return (cc.said[0] ??= cc.c.plain?.notMet ?? `Not met: ${cc.c.title}.`);
  return cc.c.plain?.notMet ?? `Not met: ${cc.c.title}${detail ? ` (${detail})` : ""}.`;
}

function plainPartly(cc: CompiledCriterion, s: number, detail: string | null): string {
  return `Partly met (${Math.round(s * 100)} %): ${cc.c.title}${detail ? ` — ${detail}` : ""}.`;
}

function plainUnresolved(cc: CompiledCriterion, status: string, detail: string | null): string {
  if (detail === null) {
    const k = status === "expired" ? 1 : status === "unclear" ? 2 : 3;
    return (cc.said[k] ??= unresolvedText(cc, status, null));
  }
  return unresolvedText(cc, status, detail);
}

function unresolvedText(cc: CompiledCriterion, status: string, detail: string | null): string {
  if (status === "expired") return `The evidence has expired: ${cc.c.title}${detail ? ` — ${detail}` : ""}.`;
  if (status === "unclear") return cc.c.plain?.unclear ?? `The vendor's answer is unclear: ${cc.c.title}.`;
  return `Not answered yet: ${cc.c.title}.`;
}

/** @internal */
export interface Prepared {
  readonly cr: CompiledRubric;
  readonly district: DistrictContext;
  readonly asOf: string;
  readonly baseHash: number;
  /** asOf as the number YYYYMMDD */
  readonly asOfDay: number;
}

/** @internal */
export function prepare(rubric: unknown, options: unknown): Prepared {
  const issues: RawIssue[] = [];
  let cr: CompiledRubric | null = null;
  try {
    cr = compileRubric(rubric);
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    issues.push(...error.issues.map((i) => ({ path: [...i.path], code: i.code, message: i.message })));
  }
  let o: z.output<typeof scoreOptionsSchema> | null = null;
  try {
    o = parseInput(scoreOptionsSchema, options, ["options"]);
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    issues.push(...error.issues.map((i) => ({ path: [...i.path], code: i.code, message: i.message })));
  }
  if (!cr || !o) throw new DistrictKitError("INVALID_INPUT", issues);
  let h = hashText(Number.parseInt(cr.hash, 16) | 0, o.asOf);
  h = hashText(h, `${o.district.state}|${o.district.population ?? ""}|${o.district.specialDistrict}|${o.district.userAges.min}-${o.district.userAges.max}`);
  return { cr, district: o.district, asOf: o.asOf, baseHash: h, asOfDay: dayNumber(o.asOf) };
}

/**
 * Scores one app against a rubric on a date, for a district: applicability → hard gates →
 * weighted score over the scorable criteria → coverage → decision → explanation.
 *
 * - A criterion whose condition is false, or answered N/A, leaves the computation entirely.
 * - `score = 100 · Σ wⱼsⱼ / Σ wⱼ` over the scorable criteria (unanswered ones by the rubric's
 *   policy: excluded and reported as missing, counted 0, or counted 0.5); `null` when nothing is
 *   scorable — never 0 for "nothing answered". Each criterion's `contribution` is
 *   `100 · wⱼsⱼ / Σ wⱼ`, so the contributions add up to the score.
 * - A failed hard gate forces `denied`; no score outweighs it. An unanswered, unclear or expired
 *   gate forces `needsInformation`, as does coverage below the rubric's minimum — unless the
 *   score on the answers so far is already below `conditionalAt`, which is `denied` (so a better
 *   answer never makes a decision worse). `bestCaseScore` tells how far open answers could lift it.
 * - Otherwise `approved` from `approveAt`, `approvedWithConditions` from `conditionalAt` (or
 *   above `approveAt` when a criterion with a `conditionIfNotMet` is not fully met), else `denied`.
 * - The re-review date is the earliest of the periodic review and every piece of evidence's
 *   last valid day (DPA expiry, certificate expiry, ACR date + 2 years, SOC 2 period end + 12
 *   months, ISO 27001:2013 after 2025-10-31…).
 *
 * @param rubric - a rubric ({@link K12_RUBRIC}, one from {@link deriveRubric}, or any valid rubric data)
 * @param app - the app and its answers ({@link appSchema})
 * @param options - `{ asOf, district: { state, population?, userAges? } }`
 * @returns the decision with its explanation (plain data)
 * @throws DistrictKitError listing every problem: unknown criteria, answers that do not fit their criterion, bad dates, a bad rubric
 * @example
 * ```ts
 * const rubric = {
 *   id: "mini", title: "Mini", methodVersion: "1",
 *   criteria: [
 *     { id: "sellsData", title: "Sells data", domain: "privacy", weight: 3, kind: "practice", better: "doesNot", gate: true },
 *     { id: "encryption", title: "Encrypts data in transit", domain: "security", weight: 1, kind: "practice", better: "does" },
 *   ],
 * };
 * const r = scoreApp(rubric, { id: "q", name: "Quiz", answers: { sellsData: { value: "doesNot" }, encryption: { value: "does" } } }, { asOf: "2026-07-01", district: { state: "IL" } });
 * r.decision; // => "approved"
 * r.score; // => 100
 * r.contributions.map((c) => c.contribution); // => [75, 25]
 * scoreApp(rubric, { id: "q", name: "Quiz", answers: { sellsData: { value: "does" }, encryption: { value: "does" } } }, { asOf: "2026-07-01", district: { state: "IL" } }).decision; // => "denied"
 * scoreApp(rubric, { id: "q", name: "Quiz", answers: { nope: { value: "yes" } } }, { asOf: "2026-07-01", district: { state: "IL" } }); // throws
 * ```
 * @category Scoring
 */
export function scoreApp(rubric: Rubric | RubricInput, app: unknown, options: ScoreOptions): ScoreResult {
  return scoreApps(rubric, [app], options)[0]!;
}

/**
 * Scores a list of apps against one rubric (see {@link scoreApp}); the rubric and options are
 * validated once, every app is checked, and one error lists every problem of every app.
 *
 * @param rubric - the rubric
 * @param apps - the apps
 * @param options - `{ asOf, district }`
 * @returns one result per app, in the input order
 * @throws DistrictKitError listing every problem with its path (`apps[3].answers.dpa.value…`)
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [{ id: "sso", title: "Single sign-on", domain: "security", weight: 1, kind: "yesNo" }] };
 * const apps = [{ id: "a", name: "A", answers: { sso: { value: "yes" } } }, { id: "b", name: "B", answers: {} }];
 * scoreApps(rubric, apps, { asOf: "2026-07-01", district: { state: "NY" } }).map((r) => r.score); // => [100, null]
 * ```
 * @category Scoring
 */
export function scoreApps(rubric: Rubric | RubricInput, apps: readonly unknown[], options: ScoreOptions): ScoreResult[] {
  const p = prepare(rubric, options);
  if (!Array.isArray(apps)) throw DistrictKitError.argument(["apps"], "expected a list of apps");
  return scorePrepared(p, apps);
}

/**
 * @internal The scoring loop over apps, with the rubric and options already prepared: each app is
 * read into a one-row table of cells — by the fast pre-check, or by the full check (which reports
 * every problem of its shape with its path) when the pre-check is not sure — then scored.
 * `useFast = false` takes the full path for every app (tests compare the two).
 */
export function scorePrepared(p: Prepared, apps: readonly unknown[], useFast = true): ScoreResult[] {
  if (!primed) primeShapes();
  const issues: RawIssue[] = [];
  const out: ScoreResult[] = [];
  const n = p.cr.criteria.length;
  const single = apps.length === 1;
  const store = newStore(p, apps.length);
  const plan = fastPlan(p.cr);
  const fast = useFast && prototypeIsClean();
  const fixed = fixedConditions(p);
  // every app's evaluated answers are kept (explanations are rebuilt from them); its answers only while scored
  const cells = newCells(n, apps.length, false);
  const slots = new Array<Answer | undefined>(n).fill(undefined);
  for (let i = 0; i < apps.length; i++) {
    store.index = i;
    const read = readApp(plan, apps[i], cells, i, fast, single, issues, slots);
    if (read === 0) continue;
    // an app with problems of shape is still scored, to find its answers' problems too
    const r = scoreRow(p, cells, i, store, fixed, issues, single, i);
    if (read === 1 && r !== null && issues.length === 0) out.push(r);
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}

/** @internal Scores every app of a table of cells read with a rubric whose questions are p's. */
export function scoreCells(p: Prepared, cells: Cells, apps: number): ScoreResult[] {
  if (!primed) primeShapes();
  const issues: RawIssue[] = [];
  const out = new Array<ScoreResult>(apps);
  const store = newStore(p, apps);
  const fixed = fixedConditions(p);
  const single = apps === 1;
  for (let i = 0; i < apps; i++) {
    store.index = i;
    const r = scoreRow(p, cells, i, store, fixed, issues, single, i);
    if (r !== null) out[i] = r;
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}

let primed = false;

/**
 * Scores a few made-up apps once per process, before the first real call, so that each field of
 * a result and of its explanation state first holds every kind of value it can hold (null and
 * numbers whole and not, no evidence and evidence, a rating and none, a tier and none). V8 then
 * never has to widen a field's representation in the middle of a large call — which throws the
 * scoring loop's optimized code away, and the loop ran about twice as slow for the rest of the
 * process in one V1 run out of four before this.
 */
function primeShapes(): void {
  primed = true;
  const criteria = [
    { id: "p", title: "P", domain: "privacy", weight: 1, kind: "yesNo" },
    { id: "a", title: "A", domain: "privacy", weight: 2, kind: "practice", better: "doesNot", gate: true, appliesWhen: { type: "answer", criterion: "p", in: ["yes", "no"] } },
    { id: "d", title: "D", domain: "security", weight: 1, kind: "document", validForMonths: 12, conditionIfNotMet: "D first." },
  ];
  const apps = [
    { id: "1", name: "1", answers: {} },
    { id: "2", name: "2", answers: { p: { value: "yes" }, a: { value: "doesNot" }, d: { value: { present: true, issuedOn: "2026-01-01" } } } },
    { id: "3", name: "3", answers: { p: { value: "no" }, a: { value: "doesNot" }, d: { value: { present: false } } } },
    { id: "4", name: "4", answers: { p: { value: "yes" }, a: { value: "does" }, d: { value: "unclear" } } },
    { id: "5", name: "5", answers: { p: { value: "unclear" }, d: { value: { present: true, issuedOn: "2020-01-01" } } } },
  ];
  const options = { asOf: "2026-06-01", district: { state: "NY" } };
  try {
    for (const rating of [{ policyCriterion: "p", practiceCriteria: ["a"] }, undefined]) {
      const rubric = { id: "prime", title: "Prime", methodVersion: "0", tiers: [{ min: 50, label: "x" }], criteria, ...(rating ? { rating } : {}) };
      for (const r of scorePrepared(prepare(rubric, options), apps)) void r.summary;
    }
  } catch {
    // only a warm-up: whatever stops it (an Object.prototype with enumerable keys makes zod refuse
    // these objects) must not stop the caller's call
  }
}

/** Every empty list of a result (results are read-only data: one frozen empty list serves them all). */
const NONE: readonly never[] = Object.freeze([]);
const EV = newEvaluation();

function readsTheApp(cond: Condition): boolean {
  switch (cond.type) {
    case "answer":
    case "usersYoungerThan":
    case "useMode":
      return true;
    case "state":
    case "onOrAfter":
      return false;
    case "all":
    case "any":
      return cond.of.some(readsTheApp);
    case "not":
      return readsTheApp(cond.of);
  }
}

/**
 * Each criterion's condition when it is the same for every app of a call (it reads only the
 * district's state and the date): 0 false, 1 true, 2 unknown; -1 when it reads the app (its
 * answers, users' ages, use mode) or there is none.
 */
function fixedConditions(p: Prepared): Int8Array {
  const n = p.cr.criteria.length;
  const out = new Int8Array(n).fill(-1);
  const ctx: CondContext = { state: p.district.state, minAge: 0, useMode: "studentLogin", asOf: p.asOf, values: [], base: 0 };
  for (let j = 0; j < n; j++) {
    const cc = p.cr.criteria[j]!;
    if (cc.cond !== null && cc.c.appliesWhen !== undefined && !readsTheApp(cc.c.appliesWhen)) out[j] = cc.cond(ctx);
  }
  return out;
}

const STATUS: readonly CriterionResult["status"][] = ["met", "partlyMet", "notMet", "unclear", "unanswered", "notApplicable", "expired", "recorded"];
// gate codes; 4 = no gate, and out of the computation by the criterion's condition
const GATE: readonly CriterionResult["gate"][] = [null, "passed", "failed", "unresolved", null];

/**
 * What a result keeps so that its explanation — the per-criterion rows, the gate findings, the
 * reasons, the summary, the re-review triggers — is built when first read: scoring 10,000 apps
 * then costs numbers, not sentences nobody reads. Everything here is fixed at scoring time (the
 * app's evaluated answers in its row of cells, which criteria its condition took out, the
 * evidence dates), so a read gives the same data whenever it happens: the per-criterion codes
 * and scores are replayed from them by the scoring loop itself.
 */
interface ExplainState {
  /** the rubric and options it was scored with (rubric, date, unclear score) */
  readonly p: Prepared;
  /** its evaluated answers (row `row`): answers, evidence triples, name */
  readonly cells: Cells;
  readonly row: number;
  /** the scoring call's bits of criteria out by their condition (the app's at row × ⌈n/8⌉) */
  readonly na: Uint8Array;
  replayed: { readonly codes: Uint8Array; readonly scores: Float64Array } | null;
  readonly k: number;
  readonly score: number | null;
  readonly coverage: number | null;
  readonly decision: Decision;
  readonly gatesPassed: number;
  readonly gatesFailed: readonly GateFinding[];
  readonly gatesUnresolved: readonly GateFinding[];
  readonly missing: readonly string[];
  readonly conditions: readonly string[];
  rows: CriterionResult[] | null;
  explained: Explanation | null;
}

/** The explanation fields of a result built when first read. */
interface Explanation {
  readonly domains: Record<Domain, DomainScore>;
  readonly reasons: string[];
  readonly summary: string;
  readonly reReview: ScoreResult["reReview"];
}

const STATE = Symbol("vetting.explanation");
type WithState = { [STATE]?: ExplainState };

/** The evidence note of criterion j for an answer value, rebuilt (the scoring loop skips them). */
function detailAt(cr: CompiledRubric, value: unknown, asOf: string, unclearScore: number, j: number): string | null {
  if (value === undefined) return null;
  const e = newEvaluation();
  evaluate(cr.criteria[j]!, value, asOf, unclearScore, e);
  return e.detail;
}

/**
 * App `row`'s answer value for criterion j, for an explanation read after scoring: as read (an
 * answer sheet keeps the values), or from the app's answers (a scoring call keeps only the row
 * being read).
 */
function valueAt(cells: Cells, row: number, cr: CompiledRubric, j: number): unknown {
  if (cells.valueStride > 0) return cells.values[row * cells.valueStride + j];
  const answers = cells.answers[row]!;
  const id = cr.criteria[j]!.id;
  return Object.hasOwn(answers, id) ? answers[id]?.value : undefined;
}

// one getter per field for every result (own, enumerable accessors: JSON, structured clones and
// spreads see the values as data); the state sits under a non-enumerable symbol
function explained(self: WithState): Explanation | null {
  const st = self[STATE];
  if (st === undefined) return null;
  return (st.explained ??= explain(st));
}
function lazy<K extends keyof Explanation>(key: K): PropertyDescriptor {
  return {
    get(this: WithState): Explanation[K] | undefined {
      return explained(this)?.[key];
    },
    enumerable: true,
    configurable: true,
  };
}
const CONTRIBUTIONS: PropertyDescriptor = {
  get(this: WithState): CriterionResult[] {
    const st = this[STATE];
    if (st === undefined) return [];
    return (st.rows ??= materialize(st));
  },
  enumerable: true,
  configurable: true,
};
const DOMAINS = lazy("domains");
const REASONS = lazy("reasons");
const SUMMARY = lazy("summary");
const RE_REVIEW = lazy("reReview");
const HIDDEN: PropertyDescriptor & { value: unknown } = { value: null, writable: false, enumerable: false, configurable: false };

/** The app's [j, validUntil, detail] triple's detail and validUntil for criterion j, when it has one. */
function extraOf(extra: readonly (number | string | null)[] | null, j: number): number {
  if (extra) for (let e = 0; e < extra.length; e += 3) if (extra[e] === j) return e;
  return -1;
}

/**
 * Builds the per-criterion rows from the compact form the scoring loop keeps (status and gate
 * codes, normalized scores, evidence notes). Rows are built when first read, so scoring 10,000
 * apps does not allocate 800,000 objects nobody looks at; once read they are ordinary data.
 */
function materialize(st: ExplainState): CriterionResult[] {
  const { k } = st;
  const cr = st.p.cr;
  const extra = evidenceOf(st.cells, st.row);
  const { asOf } = st.p;
  const unclearScore = cr.rubric.scoring.unclearScore;
  const { codes, scores } = replayed(st);
  const n = cr.criteria.length;
  const rows = new Array<CriterionResult>(n);
  const validUntils = new Array<string | null>(n).fill(null);
  const details = new Array<string | null>(n).fill(null);
  if (extra) {
    for (let e = 0; e < extra.length; e += 3) {
      const j = extra[e] as number;
      if (codes[n + j] === 4) continue; // out by its condition: no evidence shown
      validUntils[j] = extra[e + 1] as string | null;
      const d = extra[e + 2] as string | null;
      details[j] = d === "" ? detailAt(cr, valueAt(st.cells, st.row, cr, j), asOf, unclearScore, j) : d;
    }
  }
  for (let j = 0; j < n; j++) {
    const cc = cr.criteria[j]!;
    const status = STATUS[codes[j]!]!;
    const sj = scores[j]!;
    const score = Number.isNaN(sj) ? null : sj;
    rows[j] = {
      criterion: cc.id,
      title: cc.c.title,
      domain: cc.c.domain,
      weight: cc.weight,
      status,
      score,
      contribution: score !== null && cc.weight > 0 && status !== "recorded" ? k * cc.weight * score : 0,
      gate: GATE[codes[n + j]!]!,
      validUntil: validUntils[j]!,
      detail: codes[n + j] === 4 ? cc.naDetail : details[j]!,
    };
  }
  return rows;
}

/**
 * The explanation of a scored app, rebuilt from the compact per-criterion codes in rubric order
 * (the same order, so the same sums and lists, as a single pass while scoring would give).
 */
function explain(st: ExplainState): Explanation {
  const { codes, scores } = replayed(st);
  const { score, coverage, decision, gatesFailed: failed, gatesUnresolved: unresolved, missing, conditions } = st;
  const cr = st.p.cr;
  const { asOf } = st.p;
  const extra = evidenceOf(st.cells, st.row);
  const unclearScore = cr.rubric.scoring.unclearScore;
  const rubric = cr.rubric;
  const n = cr.criteria.length;
  const detailOf = (j: number): string | null => detailAt(cr, valueAt(st.cells, st.row, cr, j), asOf, unclearScore, j);
  const triggers: ReReviewTrigger[] = [];
  const dW = [0, 0, 0, 0, 0, 0];
  const dN = [0, 0, 0, 0, 0, 0];
  const dA = [0, 0, 0, 0, 0, 0];
  const dAns = [0, 0, 0, 0, 0, 0];
  for (let j = 0; j < n; j++) {
    const code = codes[j]!;
    if (code === 5) continue; // not applicable (by its condition or answered N/A)
    const cc = cr.criteria[j]!;
    if (cc.scored) {
      const w = cc.weight;
      const d = cc.domainIndex;
      dA[d]! += w;
      if (code !== 4) dAns[d]! += w;
      const s = scores[j]!;
      if (!Number.isNaN(s)) {
        dW[d]! += w;
        dN[d]! += w * s;
      }
    }
  }
  // evidence dates still valid on the as-of date, in rubric order (the triples are in rubric order)
  if (extra) {
    for (let e = 0; e < extra.length; e += 3) {
      const j = extra[e] as number;
      const validUntil = extra[e + 1] as string | null;
      if (validUntil !== null && validUntil >= asOf && codes[j] !== 5) {
        const cc = cr.criteria[j]!;
        triggers.push({ on: validUntil, because: cc.validUntilPrefix + validUntil, criterion: cc.id });
      }
    }
  }
  const domains = {} as Record<Domain, DomainScore>;
  for (let d = 0; d < DOMAIN_LIST.length; d++) {
    domains[DOMAIN_LIST[d]!] = { score: dW[d]! > 0 ? (100 * dN[d]!) / dW[d]! : null, coverage: dA[d]! > 0 ? dAns[d]! / dA[d]! : null, weight: dA[d]! };
  }

  // the decision's reasons (the decision itself was made while scoring)
  const dec = rubric.decision;
  const reasons: string[] = [];
  if (failed.length > 0) {
    for (const f of failed) reasons.push(f.reason);
  } else if (unresolved.length > 0 || score === null || (coverage !== null && coverage < dec.minCoverage)) {
    if (score !== null && score < dec.conditionalAt) {
      reasons.push(`On the answers so far it scores ${points(score)} of 100, below the ${dec.conditionalAt} needed for approval with conditions.`);
      for (const u of unresolved) reasons.push(u.reason);
    } else {
      for (const u of unresolved) reasons.push(u.reason);
      if (score === null) reasons.push("Nothing could be scored yet: every question is unanswered or does not apply.");
      else if (coverage !== null && coverage < dec.minCoverage) reasons.push(`Only ${pct(coverage)} of what matters has been answered; at least ${pct(dec.minCoverage)} is needed to decide.`);
    }
  } else if (score < dec.conditionalAt) {
    reasons.push(`It scores ${points(score)} of 100, below the ${dec.conditionalAt} needed for approval with conditions.`);
  }
  // the three largest shortfalls (lost points), found without sorting every criterion
  const top = [-1, -1, -1];
  const topLost = [0, 0, 0];
  const k = st.k;
  if (score !== null) {
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      const w = cr.criteria[j]!.weight;
      if (!Number.isNaN(sj) && w > 0 && codes[j] !== 7) {
        const g = codes[n + j];
        if (sj < 1 && g !== 2 && g !== 3) {
          const lost = k * w * (1 - sj);
          for (let t = 0; t < 3; t++) {
            if (top[t] === -1 || lost > topLost[t]!) {
              for (let u = 2; u > t; u--) {
                top[u] = top[u - 1]!;
                topLost[u] = topLost[u - 1]!;
              }
              top[t] = j;
              topLost[t] = lost;
              break;
            }
          }
        }
      }
    }
  }
  for (const j of top) {
    if (j < 0) continue;
    const cc = cr.criteria[j]!;
    const status = STATUS[codes[j]!]!;
    const e = extraOf(extra, j);
    const d = e < 0 ? null : (extra![e + 2] as string | null);
    // rebuild an evidence note only where the sentence uses it (a criterion without its own plain text)
    const needs = status === "notMet" ? cc.c.plain?.notMet === undefined : status === "expired" || (status === "unclear" && cc.c.plain?.unclear === undefined);
    const detail = d === "" ? (needs ? detailOf(j) : null) : d;
    const text = status === "notMet" ? plainNotMet(cc, detail) : status === "partlyMet" ? plainPartly(cc, scores[j]!, detail) : plainUnresolved(cc, status, detail);
    if (!reasons.includes(text)) reasons.push(text);
  }
  if (missing.length > 0 && decision !== "denied") {
    const titles = missing.slice(0, 5).map((id) => cr.byId.get(id)!.c.title);
    reasons.push(`Still unanswered (${missing.length}): ${titles.join("; ")}${missing.length > 5 ? "; …" : ""}.`);
  }
  if (decision === "approved" || decision === "approvedWithConditions") {
    const gatesPassed = st.gatesPassed;
    reasons.unshift(`It scores ${points(score!)} of 100${gatesPassed > 0 ? ` and passes all ${gatesPassed} required check${gatesPassed === 1 ? "" : "s"}` : ""}.`);
  }

  const review = addMonthsDay(asOf, rubric.review.intervalMonths);
  triggers.push({ on: review, because: `periodic review every ${rubric.review.intervalMonths} months`, criterion: null });
  if (triggers.length > 1) triggers.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  const first = triggers[0]!;
  const label = LABELS[decision];
  const scoreText = score === null ? "no score yet" : `score ${points(score)} of 100`;
  const why =
    decision === "approvedWithConditions"
      ? conditions[0]
        ? ` — on condition: ${lower(conditions[0]).replace(/\.$/, "")}${conditions.length > 1 ? ` (and ${conditions.length - 1} more)` : ""}`
        : ""
      : decision === "approved"
        ? ""
        : reasons[0]
          ? ` — ${lower(reasons[0]).replace(/\.$/, "")}`
          : "";
  const summary = `${label}: ${st.cells.name[st.row]!} (${scoreText}${coverage === null ? "" : `, ${pct(coverage)} answered`})${why}. Review again by ${first.on}.`;
  return { domains, reasons, summary, reReview: { on: first.on, because: first.because, triggers } };
}

/**
 * @internal What a scoring call keeps: per app, which criteria its condition took out (bits;
 * everything else an explanation needs follows from the app's cells and the rubric), and the
 * per-criterion codes and scores of the app being scored (scratch, or an explanation's own).
 */
interface Store {
  /** ⌈n/8⌉ bytes per app: bit j set = criterion j not applicable by its condition */
  readonly na: Uint8Array;
  readonly naBytes: number;
  index: number;
  /** status codes then gate codes (2n) */
  readonly codes: Uint8Array;
  /** normalized scores (n; NaN = not in the computation) */
  readonly scores: Float64Array;
  /** replaying a scored app for its explanation: conditions come from the bits, nothing is reported */
  readonly replay: boolean;
  /** the rubric's criteria as flags and weights */
  readonly hot: Hot;
  /** the app's distinct conditions evaluated so far (-1: not yet) */
  readonly memo: Int8Array;
  /** gate findings by criterion × status code: without a note, by note, by the (primitive) answer value the note quotes */
  readonly plain: (GateFinding | undefined)[];
  readonly byNote: (Map<unknown, GateFinding> | undefined)[];
  readonly byValue: (Map<unknown, GateFinding> | undefined)[];
  /** the rubric and options of the call */
  readonly p: Prepared;
  /** what conditions read, app after app (each call its own: a call made from a getter of the apps' data leaves it alone) */
  readonly ctx: { -readonly [K in keyof CondContext]: CondContext[K] };
  /** the app's missing answers, gathered then copied */
  readonly missing: string[];
}

/** @internal */
function newStore(p: Prepared, apps: number): Store {
  const cr = p.cr;
  const n = cr.criteria.length;
  const naBytes = (n + 7) >> 3;
  return { na: new Uint8Array(naBytes * apps), naBytes, index: 0, codes: new Uint8Array(2 * n), scores: new Float64Array(n), replay: false, hot: hotOf(cr), memo: new Int8Array(cr.conditionCount), plain: [], byNote: [], byValue: [], p, ctx: { state: p.district.state, minAge: 0, useMode: "studentLogin", asOf: p.asOf, values: NO_VALUES, base: 0 }, missing: [] };
}

/** The per-criterion codes and scores of a scored app, replayed from its cells (once, on first read). */
function replayed(st: ExplainState): { readonly codes: Uint8Array; readonly scores: Float64Array } {
  if (st.replayed !== null) return st.replayed;
  const cr = st.p.cr;
  const n = cr.criteria.length;
  // the replays of one call share buffers, REPLAY_CHUNK apps each, made when first needed: reading
  // every explanation of 10,000 results then allocates 40 buffers, not 20,000
  let chunks = replayChunks.get(st.na);
  if (chunks === undefined) replayChunks.set(st.na, (chunks = new Map()));
  const c = Math.floor(st.row / REPLAY_CHUNK);
  let chunk = chunks.get(c);
  if (chunk === undefined) chunks.set(c, (chunk = { codes: new Uint8Array(2 * n * REPLAY_CHUNK), scores: new Float64Array(n * REPLAY_CHUNK) }));
  const at = st.row - c * REPLAY_CHUNK;
  const store: Store = {
    na: st.na,
    naBytes: (n + 7) >> 3,
    index: st.row,
    codes: chunk.codes.subarray(2 * n * at, 2 * n * (at + 1)),
    scores: chunk.scores.subarray(n * at, n * (at + 1)),
    replay: true,
    hot: hotOf(cr),
    memo: NO_MEMO,
    plain: NO_FINDINGS,
    byNote: NO_MAPS,
    byValue: NO_MAPS,
    p: st.p,
    ctx: REPLAY_CTX,
    missing: [],
  };
  scoreRow(st.p, st.cells, st.row, store, NO_FIXED, [], true, 0);
  return (st.replayed = { codes: store.codes, scores: store.scores });
}
const REPLAY_CHUNK = 256;
/** a scoring call's replay buffers, by the call's bits of criteria out by their condition (one per call) */
const replayChunks = new WeakMap<Uint8Array, Map<number, { codes: Uint8Array; scores: Float64Array }>>();
// a replay reports nothing and evaluates no condition: it never touches these
const NO_MEMO = new Int8Array(0);
const NO_FINDINGS: (GateFinding | undefined)[] = [];
const NO_MAPS: (Map<unknown, GateFinding> | undefined)[] = [];
const NO_VALUES: readonly unknown[] = [];
const REPLAY_CTX: { -readonly [K in keyof CondContext]: CondContext[K] } = { state: "", minAge: 0, useMode: "studentLogin", asOf: "", values: NO_VALUES, base: 0 };
const NO_FIXED = new Int8Array(0);

/**
 * @internal Scores app i of a table of cells (read with a rubric whose questions are p's):
 * applicability, expiry on the as-of date, gates, the weighted score, coverage and the decision;
 * the explanation is built from the compact codes when first read. A value that does not fit an
 * applicable criterion pushes its issue (with the path of app `index`) and gives null.
 */
function scoreRow(p: Prepared, cells: Cells, i: number, store: Store, fixed: Int8Array, issues: RawIssue[], single: boolean, index: number): ScoreResult | null {
  const { cr, asOf, district } = p;
  const rubric = cr.rubric;
  const n = cr.criteria.length;
  const b = i * n;
  const cellCode = cells.code;
  const cellS = cells.s;
  let e = cells.extStart[i]!;
  const eEnd = cells.extEnd[i]!;
  const extJ = cells.extJ;
  const extDay = cells.extDay;
  const extDetail = cells.extDetail;
  const asOfDay = p.asOfDay;
  const appName = cells.name[i]!;
  const replay = store.replay;
  const values = cells.values;
  const vb = i * cells.valueStride; // the app's values in cells.values
  const ctx = store.ctx;
  if (!replay) {
    ctx.minAge = cells.hasAudience[i] === 1 ? (cells.minAge[i] as number) : district.userAges.min;
    ctx.useMode = cells.useMode[i]!;
    ctx.values = values;
    ctx.base = vb;
  }
  // (unary + : a plain float for the compiler, not a tagged value; the scores below stay unboxed)
  const unclearScore = +rubric.scoring.unclearScore;
  const policy = rubric.scoring.unanswered;
  const unansweredS = policy === "unfavourable" ? 0 : policy === "neutral" ? 0.5 : -1;
  // the app's status codes then gate codes (2n), scores (n; NaN = not in the computation): scratch
  // while scoring, an explanation's own buffers when replaying
  const codes = store.codes;
  const scores = store.scores;
  const na = store.na;
  const naAt = store.index * store.naBytes;
  // (a replay may run while another call scores, from a getter of the apps' data: it reports nothing and touches no shared scratch)
  const missingScratch = store.missing;
  missingScratch.length = 0;
  let W = 0;
  let applicableW = 0;
  let answeredW = 0;
  let bestW = 0;
  let bestN = 0;
  let gatesFailed: GateFinding[] | null = null;
  let gatesUnresolved: GateFinding[] | null = null;
  let conditionSet: string[] | null = null;
  let gatesPassed = 0;
  let bad = false;

  const flags = store.hot.flags;
  const weights = store.hot.weight;
  // a local copy of the imported code: the loop reads it 800,000 times (some module loaders — vitest's
  // among them — turn every read of an imported binding into a property lookup)
  const badCode = BAD;
  const ids = store.hot.ids;
  const memo = store.memo;
  if (!replay && memo.length > 0) memo.fill(-1);
  for (let j = 0; j < n; j++) {
    const f = flags[j]!;
    // the evidence date and note of j, if it has them (in rubric order)
    let day = -1; // the last valid day, YYYYMMDD
    let detail: string | null = null;
    if ((f & EVIDENCE) !== 0 && e < eEnd && extJ[e] === j) {
      day = extDay[e]!;
      detail = extDetail[e]!;
      e++;
    }
    let code: number; // status code (STATUS)
    let s = Number.NaN; // NaN: not in the computation
    let evS = 0;
    let gate = 0; // 0 none, 1 passed, 2 failed, 3 unresolved, 4 not applicable by condition
    if ((f & HAS_COND) !== 0 && (replay ? (na[naAt + (j >> 3)]! & (1 << (j & 7))) !== 0 : (fixed[j] !== -1 ? fixed[j] : condition(cr.criteria[j]!, memo, ctx)) === 0)) {
      code = 5;
      gate = 4;
      if (!replay) na[naAt + (j >> 3)] = na[naAt + (j >> 3)]! | (1 << (j & 7));
    } else {
      code = cellCode[b + j]!;
      if (code === badCode) {
        pushValueIssue(p, cr.criteria[j]!, values[vb + j], issues, single ? ["app"] : ["apps", index]);
        bad = true;
        continue;
      }
      evS = cellS[b + j]!;
      if (day >= 0 && asOfDay > day) {
        code = 6; // expired on the as-of date
        evS = 0;
      }
    }
    if (code !== 5) {
      if ((f & GATED) !== 0) {
        const cc = cr.criteria[j]!;
        if (code <= 2) {
          // met, partly met, not met
          if (cc.gateMode === 1 ? evS > 0 : evS >= cc.gateMin) {
            gate = 1;
            gatesPassed++;
          } else {
            gate = 2;
            if (!replay) (gatesFailed ??= []).push(gateFinding(store, cc, code, detail, values[vb + j]));
          }
        } else if (code !== 7) {
          gate = 3;
          if (!replay) (gatesUnresolved ??= []).push(gateFinding(store, cc, code, detail, values[vb + j]));
        }
      }
      if (code === 4 && (f & NOTED) !== 0) missingScratch.push(ids[j]!);
      if ((f & SCORED) !== 0) {
        const w = weights[j]!;
        applicableW += w;
        let best: number;
        if (code === 4) {
          if (unansweredS >= 0) s = unansweredS;
          best = 1;
        } else {
          s = code === 3 ? unclearScore : evS;
          answeredW += w;
          best = gate === 3 ? 1 : s;
        }
        bestW += w;
        bestN += w * best;
        if (s === s) {
          W += w;
        }
      } else if (code !== 7 && code !== 4 && (f & GATED) === 0) {
        code = 7; // recorded
      }
      if ((f & CONDITIONAL) !== 0 && code !== 0 && code !== 1 && code !== 7) {
        const cond = cr.criteria[j]!.conditionIfNotMet!;
        if (!(conditionSet ??= []).includes(cond)) conditionSet.push(cond);
      }
    }
    codes[j] = code;
    codes[n + j] = gate;
    scores[j] = s;
  }
  if (replay || bad) return null;
  const missing: readonly string[] = missingScratch.length === 0 ? NONE : missingScratch.slice();

  let score: number | null = null;
  const k = W > 0 ? 100 / W : 0;
  if (W > 0) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      const w = weights[j]!;
      if (sj === sj && w > 0 && codes[j] !== 7) sum += k * w * sj;
    }
    score = Math.min(100, Math.max(0, sum));
  }
  const coverage = applicableW > 0 ? answeredW / applicableW : null;
  const bestCaseScore = bestW > 0 ? (100 * bestN) / bestW : null;

  // decision
  const dec = rubric.decision;
  const failed: readonly GateFinding[] = gatesFailed ?? NONE;
  const unresolved: readonly GateFinding[] = gatesUnresolved ?? NONE;
  let conditions: readonly string[] = NONE;
  let decision: Decision;
  if (failed.length > 0) decision = "denied";
  else if (unresolved.length > 0 || score === null || (coverage !== null && coverage < dec.minCoverage)) {
    // denied on what is known when the score is already too low: answering an open question better can only move it up
    decision = score !== null && score < dec.conditionalAt ? "denied" : "needsInformation";
  } else if (score >= dec.conditionalAt) {
    if (conditionSet !== null || score < dec.approveAt) {
      const list = conditionSet ?? [];
      if (score < dec.approveAt) list.push(dec.belowApproveCondition);
      conditions = list;
    }
    decision = conditions.length > 0 ? "approvedWithConditions" : "approved";
  } else decision = "denied";

  let tier: string | null = null;
  if (score !== null) {
    let best = -1;
    const tiers = rubric.tiers;
    for (let t = 0; t < tiers.length; t++) {
      const x = tiers[t]!;
      if (score >= x.min && x.min > best) {
        best = x.min;
        tier = x.label;
      }
    }
  }

  const st: ExplainState = { p, cells, row: i, na, replayed: null, k, score, coverage, decision, gatesPassed, gatesFailed: failed, gatesUnresolved: unresolved, missing, conditions, rows: null, explained: null };
  return new PlainResult(
    st,
    cells.id[i]!,
    appName,
    tier,
    bestCaseScore,
    rubric.rating ? rateWith(cr, (id) => values[vb + cr.byId.get(id)!.index]) : null,
    policyOf(rubric),
    rubric.id,
    rubric.methodVersion,
    asOf,
    hex(hashInt(p.baseHash, cells.hash[i]!)),
  );
}

// what the scoring loop reads of each criterion, as flags in one byte
const SCORED = 1;
const GATED = 2;
/** reported as missing when unanswered (weighted, a gate, or read by a condition) */
const NOTED = 4;
const HAS_COND = 8;
const CONDITIONAL = 16;
/** a kind whose answers can carry evidence dates or notes (date, document, ACR, study) */
const EVIDENCE = 32;

interface Hot {
  readonly flags: Uint8Array;
  readonly weight: Float64Array;
  readonly ids: readonly string[];
}
const hots = new WeakMap<CompiledRubric, Hot>();

/** The criteria's flags and weights as typed arrays, made once per compiled rubric. */
function hotOf(cr: CompiledRubric): Hot {
  let hot = hots.get(cr);
  if (hot === undefined) {
    const n = cr.criteria.length;
    hot = { flags: new Uint8Array(n), weight: new Float64Array(n), ids: cr.criteria.map((cc) => cc.id) };
    for (let j = 0; j < n; j++) {
      const cc = cr.criteria[j]!;
      hot.weight[j] = cc.weight;
      hot.flags[j] =
        (cc.scored ? SCORED : 0) |
        (cc.gateMode !== 0 ? GATED : 0) |
        (cc.weight > 0 || cc.gateMode !== 0 || cc.referenced ? NOTED : 0) |
        (cc.cond !== null ? HAS_COND : 0) |
        (cc.conditionIfNotMet !== null ? CONDITIONAL : 0) |
        (cc.evidence ? EVIDENCE : 0);
    }
    hots.set(cr, hot);
  }
  return hot;
}

/** A criterion's condition for the app being scored, each distinct condition evaluated once per app. */
function condition(cc: CompiledCriterion, memo: Int8Array, ctx: CondContext): number {
  const k = cc.condIndex;
  let r = memo[k]!;
  if (r === -1) memo[k] = r = cc.cond!(ctx);
  return r;
}

/**
 * A gate finding (failed: status code ≤ 2; unresolved otherwise), frozen and shared: the same
 * criterion, status and evidence note — or, for a note quoting the evidence (an expired date, a
 * document's age), the same primitive answer value — is the same finding for every app of a call.
 */
function gateFinding(store: Store, cc: CompiledCriterion, code: number, detail: string | null, value: unknown): GateFinding {
  const at = cc.index * 8 + code;
  if (detail === null) return (store.plain[at] ??= newFinding(cc, code, null));
  let cache: Map<unknown, GateFinding> | undefined;
  let key: unknown = detail;
  if (detail === "") {
    // the note quotes the answer: the same primitive value, the same finding (objects are not remembered)
    key = value;
    if (key !== null && typeof key !== "object" && key !== undefined) cache = store.byValue[at] ??= new Map<unknown, GateFinding>();
  } else cache = store.byNote[at] ??= new Map<unknown, GateFinding>();
  let finding = cache?.get(key);
  if (finding === undefined) {
    finding = newFinding(cc, code, detail === "" ? detailAt(store.p.cr, value, store.p.asOf, store.p.cr.rubric.scoring.unclearScore, cc.index) : detail);
    if (cache !== undefined && cache.size < 4096) cache.set(key, finding);
  }
  return finding;
}

function newFinding(cc: CompiledCriterion, code: number, detail: string | null): GateFinding {
  return Object.freeze({ criterion: cc.id, title: cc.c.title, reason: code <= 2 ? plainNotMet(cc, detail) : plainUnresolved(cc, STATUS[code]!, detail) });
}

const policies = new WeakMap<Rubric, ScoreResult["policy"]>();

/** The rubric's scoring policy as results show it: one frozen object per rubric, shared by its results. */
function policyOf(rubric: Rubric): ScoreResult["policy"] {
  let p = policies.get(rubric);
  if (p === undefined) {
    const dec = rubric.decision;
    p = Object.freeze({ unanswered: rubric.scoring.unanswered, unclearScore: rubric.scoring.unclearScore, approveAt: dec.approveAt, conditionalAt: dec.conditionalAt, minCoverage: dec.minCoverage });
    policies.set(rubric, p);
  }
  return p;
}

/** The problem of a value that does not fit its (applicable) criterion, with its path. */
function pushValueIssue(p: Prepared, cc: CompiledCriterion, value: unknown, issues: RawIssue[], path: (string | number)[]): void {
  const ev = EV;
  ev.wantDetail = false;
  evaluate(cc, value, p.asOf, p.cr.rubric.scoring.unclearScore, ev);
  issues.push({ path: ev.issuePath ? [...path, "answers", cc.id, "value", ...ev.issuePath] : [...path, "answers", cc.id, "value"], code: "invalid_answer", message: ev.issue ?? "does not fit its criterion" });
}

type Mutable = { -readonly [K in keyof ScoreResult]: ScoreResult[K] };

/**
 * Builds a result in the published key order, the explanation fields as shared accessors. A
 * constructor (V8 sizes its objects to hold every field inline) whose prototype is
 * Object.prototype: results are ordinary objects, as if written `{ … }`.
 */
function initResult(
  this: Mutable,
  st: ExplainState,
  appId: string,
  appName: string,
  tier: string | null,
  bestCaseScore: number | null,
  rating: PrivacyRatingResult | null,
  policy: ScoreResult["policy"],
  rubricId: string,
  methodVersion: string,
  asOf: string,
  inputsHash: string,
): void {
  HIDDEN.value = st;
  Object.defineProperty(this, STATE, HIDDEN);
  HIDDEN.value = null;
  this.appId = appId;
  this.appName = appName;
  this.decision = st.decision;
  this.tier = tier;
  this.score = st.score;
  this.coverage = st.coverage;
  this.bestCaseScore = bestCaseScore;
  this.rating = rating;
  this.gatesFailed = st.gatesFailed;
  this.gatesUnresolved = st.gatesUnresolved;
  Object.defineProperty(this, "contributions", CONTRIBUTIONS);
  Object.defineProperty(this, "domains", DOMAINS);
  this.missing = st.missing;
  this.conditions = st.conditions;
  Object.defineProperty(this, "reasons", REASONS);
  Object.defineProperty(this, "summary", SUMMARY);
  Object.defineProperty(this, "reReview", RE_REVIEW);
  this.policy = policy;
  this.rubricId = rubricId;
  this.methodVersion = methodVersion;
  this.asOf = asOf;
  this.inputsHash = inputsHash;
}
const PlainResult = initResult as unknown as new (...args: Parameters<typeof initResult>) => ScoreResult;
PlainResult.prototype = Object.prototype;

const LABELS: Record<Decision, string> = { approved: "Approved", approvedWithConditions: "Approved with conditions", denied: "Denied", needsInformation: "Needs more information" };
