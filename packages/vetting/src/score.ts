import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { checkApp, type RawIssue } from "./internal/checkApp.js";
import { compileRubric, DOMAIN_LIST, type CompiledCriterion, type CompiledRubric, type CondContext } from "./internal/compile.js";
import { addMonthsDay } from "./internal/dates.js";
import { evaluate, newEvaluation, type Evaluation } from "./internal/evaluate.js";
import { HASH_SEED, hashText, hex } from "./internal/hash.js";
import { rateWith } from "./rating.js";
import type { CriterionResult, Decision, DomainScore, GateFinding, ReReviewTrigger, ScoreResult } from "./result.js";
import { scoreOptionsSchema, type Answer, type App, type DistrictContext, type ScoreOptions } from "./schema/answers.js";
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
  return cc.c.plain?.notMet ?? `Not met: ${cc.c.title}${detail ? ` (${detail})` : ""}.`;
}

function plainPartly(cc: CompiledCriterion, s: number, detail: string | null): string {
  return `Partly met (${Math.round(s * 100)} %): ${cc.c.title}${detail ? ` — ${detail}` : ""}.`;
}

function plainUnresolved(cc: CompiledCriterion, status: string, detail: string | null): string {
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
  return { cr, district: o.district, asOf: o.asOf, baseHash: h };
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
  const issues: RawIssue[] = [];
  const out: ScoreResult[] = [];
  const ev = newEvaluation();
  const slots: (Answer | undefined)[] = new Array<Answer | undefined>(p.cr.criteria.length).fill(undefined);
  const single = apps.length === 1;
  const store = newStore(p.cr.criteria.length, apps.length, 0);
  for (let i = 0; i < apps.length; i++) {
    store.index = i;
    const path = single ? ["app"] : ["apps", i];
    const before = issues.length;
    const app = checkApp(apps[i], path, p.cr, issues, slots);
    if (!app) continue;
    const r = scoreChecked(p, app, slots, ev, issues, path, store);
    if (r && issues.length === before) out.push(r);
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}

/** Hashes an answer value: primitives as text, arrays in order, objects by sorted keys. */
function hashValue(h: number, v: unknown): number {
  if (typeof v === "string") return hashText(h, v);
  if (typeof v === "number" || typeof v === "boolean") return hashText(h, String(v));
  if (Array.isArray(v)) {
    h = hashText(h, "[");
    for (const x of v) h = hashValue(h, x);
    return hashText(h, "]");
  }
  if (v !== null && typeof v === "object") {
    // key order does not matter: per-field hashes are combined by addition
    let sum = 0;
    for (const k in v) {
      if (Object.hasOwn(v, k)) sum = (sum + hashValue(hashText(HASH_SEED, k), (v as Record<string, unknown>)[k])) | 0;
    }
    return hashText(hashText(h, "{"), String(sum));
  }
  return hashText(h, "");
}

// per-domain accumulators, reused across apps (the engine is synchronous)
const dW = new Float64Array(DOMAIN_LIST.length);
const dN = new Float64Array(DOMAIN_LIST.length);
const dA = new Float64Array(DOMAIN_LIST.length);
const dAns = new Float64Array(DOMAIN_LIST.length);

const STATUS: readonly CriterionResult["status"][] = ["met", "partlyMet", "notMet", "unclear", "unanswered", "notApplicable", "expired", "recorded"];
function statusCode(s: CriterionResult["status"]): number {
  return s === "met" ? 0 : s === "partlyMet" ? 1 : s === "notMet" ? 2 : s === "unclear" ? 3 : s === "unanswered" ? 4 : s === "notApplicable" ? 5 : s === "expired" ? 6 : 7;
}
// gate codes; 4 = no gate, and out of the computation by the criterion's condition
const GATE: readonly CriterionResult["gate"][] = [null, "passed", "failed", "unresolved", null];

/**
 * Builds the per-criterion rows from the compact form the scoring loop keeps (status and gate
 * codes, normalized scores, evidence notes). Rows are built when first read, so scoring 10,000
 * apps does not allocate 800,000 objects nobody looks at; once read they are ordinary data.
 */
function materialize(cr: CompiledRubric, codes: Uint8Array, scores: Float64Array, k: number, extra: readonly (number | string | null)[] | null, detailOf: (j: number) => string | null): CriterionResult[] {
  const n = cr.criteria.length;
  const rows = new Array<CriterionResult>(n);
  const validUntils = new Array<string | null>(n).fill(null);
  const details = new Array<string | null>(n).fill(null);
  if (extra) {
    for (let e = 0; e < extra.length; e += 3) {
      const j = extra[e] as number;
      validUntils[j] = extra[e + 1] as string | null;
      const d = extra[e + 2] as string | null;
      details[j] = d === "" ? detailOf(j) : d;
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

/** @internal Where the scoring loop keeps each app's compact per-criterion results. */
export interface Store {
  readonly codes: Uint8Array;
  readonly scores: Float64Array;
  index: number;
}

/** @internal */
export function newStore(n: number, apps: number, index: number): Store {
  return { codes: new Uint8Array(2 * n * apps), scores: new Float64Array(n * apps), index };
}

/** @internal Scores an app whose shape has been checked (answers in `slots`); pushes value issues. */
export function scoreChecked(p: Prepared, app: App, slots: readonly (Answer | undefined)[], ev: Evaluation, issues: RawIssue[], path: (string | number)[], store: Store = newStore(p.cr.criteria.length, 1, 0)): ScoreResult | null {
  const { cr, asOf, district } = p;
  const rubric = cr.rubric;
  const audience = app.audience !== null && typeof app.audience === "object" ? app.audience : district.userAges;
  const ctx: CondContext = { state: district.state, minAge: audience.min, useMode: app.useMode, asOf, slots };
  const unclearScore = rubric.scoring.unclearScore;
  const policy = rubric.scoring.unanswered;
  const unansweredS = policy === "unfavourable" ? 0 : policy === "neutral" ? 0.5 : -1;
  const n = cr.criteria.length;
  // views into one buffer per call (one backing store for all apps, not two per app)
  const codes = store.codes.subarray(2 * n * store.index, 2 * n * (store.index + 1)); // status codes, then gate codes
  const scores = store.scores.subarray(n * store.index, n * (store.index + 1)); // NaN = not in the computation
  let extra: (number | string | null)[] | null = null; // [j, validUntil, detail] triples ("" = rebuild the detail when read)
  let W = 0;
  let N = 0;
  let applicableW = 0;
  let answeredW = 0;
  let bestW = 0;
  let bestN = 0;
  dW.fill(0);
  dN.fill(0);
  dA.fill(0);
  dAns.fill(0);
  let gatesFailed: GateFinding[] | null = null;
  let gatesUnresolved: GateFinding[] | null = null;
  const missing: string[] = [];
  let conditionSet: string[] | null = null;
  const triggers: ReReviewTrigger[] = [];
  let gatesPassed = 0;
  let h = hashText(p.baseHash, app.id);
  h = hashText(h, `${ctx.minAge}|${app.useMode}`);
  let bad = false;

  const answers = app.answers;
  const detailOf = (j: number): string | null => {
    const cc = cr.criteria[j]!;
    const a = Object.hasOwn(answers, cc.id) ? answers[cc.id] : undefined;
    if (a === undefined) return null;
    const e = newEvaluation();
    evaluate(cc, a.value, asOf, unclearScore, e);
    return e.detail;
  };
  for (let j = 0; j < n; j++) {
    const cc = cr.criteria[j]!;
    const c = cc.c;
    const a = slots[j];
    h = a === undefined ? hashText(h, "") : hashValue(h, a.value);
    let status: CriterionResult["status"];
    let s: number | null = null;
    let gate: CriterionResult["gate"] = null;
    let validUntil: string | null = null;
    let detail: string | null = null;
    let byCondition = false;
    if (cc.cond !== null && cc.cond(ctx) === 0) {
      status = "notApplicable";
      byCondition = true;
    } else if (a === undefined) {
      status = "unanswered";
    } else {
      ev.wantDetail = false;
      evaluate(cc, a.value, asOf, unclearScore, ev);
      if (ev.issue !== null) {
        issues.push({ path: ev.issuePath ? [...path, "answers", cc.id, "value", ...ev.issuePath] : [...path, "answers", cc.id, "value"], code: "invalid_answer", message: ev.issue });
        bad = true;
        continue;
      }
      status = ev.status;
      validUntil = ev.validUntil;
      detail = ev.detail ?? (ev.validUntil !== null || status === "expired" || c.kind === "document" || c.kind === "acr" ? "" : null);
    }
    if (status !== "notApplicable") {
      if (cc.gateMode !== 0) {
        if (status === "met" || status === "partlyMet" || status === "notMet") {
          const ok = cc.gateMode === 1 ? ev.s > 0 : ev.s >= cc.gateMin;
          if (ok) {
            gate = "passed";
            gatesPassed++;
          } else {
            gate = "failed";
            (gatesFailed ??= []).push({ criterion: cc.id, title: c.title, reason: plainNotMet(cc, detail === "" ? detailOf(j) : detail) });
          }
        } else if (status !== "recorded") {
          gate = "unresolved";
          (gatesUnresolved ??= []).push({ criterion: cc.id, title: c.title, reason: plainUnresolved(cc, status, detail === "" ? detailOf(j) : detail) });
        }
      }
      if (status === "unanswered" && (cc.weight > 0 || cc.gateMode !== 0 || cc.referenced)) missing.push(cc.id);
      if (cc.scored) {
        const w = cc.weight;
        const d = cc.domainIndex;
        applicableW += w;
        dA[d]! += w;
        let best: number;
        if (status === "unanswered") {
          if (unansweredS >= 0) s = unansweredS;
          best = 1;
        } else {
          s = status === "unclear" ? unclearScore : ev.s;
          answeredW += w;
          dAns[d]! += w;
          best = gate === "unresolved" ? 1 : s;
        }
        bestW += w;
        bestN += w * best;
        if (s !== null) {
          W += w;
          N += w * s;
          dW[d]! += w;
          dN[d]! += w * s;
        }
      } else if (status !== "recorded" && status !== "unanswered" && cc.gateMode === 0) {
        status = "recorded";
      }
      const cond = c.conditionIfNotMet;
      if (cond !== undefined && status !== "met" && status !== "partlyMet" && status !== "recorded" && !(conditionSet ??= []).includes(cond)) conditionSet.push(cond);
      if (validUntil !== null && validUntil >= asOf) triggers.push({ on: validUntil, because: cc.validUntilPrefix + validUntil, criterion: cc.id });
    }
    codes[j] = statusCode(status);
    codes[n + j] = byCondition ? 4 : gate === null ? 0 : gate === "passed" ? 1 : gate === "failed" ? 2 : 3;
    scores[j] = s === null ? Number.NaN : s;
    if (validUntil !== null || detail !== null) {
      (extra ??= []).push(j, validUntil, detail);
    }
  }
  if (bad) return null;

  let score: number | null = null;
  // the three largest shortfalls (lost points), found without sorting every criterion
  const top = [-1, -1, -1];
  const topLost = [0, 0, 0];
  const k = W > 0 ? 100 / W : 0;
  if (W > 0) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      const w = cr.criteria[j]!.weight;
      if (!Number.isNaN(sj) && w > 0 && codes[j] !== 7) {
        sum += k * w * sj;
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
    score = Math.min(100, Math.max(0, sum));
  }
  const coverage = applicableW > 0 ? answeredW / applicableW : null;
  const bestCaseScore = bestW > 0 ? (100 * bestN) / bestW : null;
  const domains = {} as Record<Domain, DomainScore>;
  for (let d = 0; d < DOMAIN_LIST.length; d++) {
    domains[DOMAIN_LIST[d]!] = { score: dW[d]! > 0 ? (100 * dN[d]!) / dW[d]! : null, coverage: dA[d]! > 0 ? dAns[d]! / dA[d]! : null, weight: dA[d]! };
  }
  const failed = gatesFailed ?? [];
  const unresolved = gatesUnresolved ?? [];

  // decision
  const dec = rubric.decision;
  const reasons: string[] = [];
  let decision: Decision;
  const conditions: string[] = [];
  if (failed.length > 0) {
    decision = "denied";
    for (const g of failed) reasons.push(g.reason);
  } else if (unresolved.length > 0 || score === null || (coverage !== null && coverage < dec.minCoverage)) {
    if (score !== null && score < dec.conditionalAt) {
      // denied on what is known: answering an open question better can only move it up
      decision = "denied";
      reasons.push(`On the answers so far it scores ${points(score)} of 100, below the ${dec.conditionalAt} needed for approval with conditions.`);
      for (const g of unresolved) reasons.push(g.reason);
    } else {
      decision = "needsInformation";
      for (const g of unresolved) reasons.push(g.reason);
      if (score === null) reasons.push("Nothing could be scored yet: every question is unanswered or does not apply.");
      else if (coverage !== null && coverage < dec.minCoverage) reasons.push(`Only ${pct(coverage)} of what matters has been answered; at least ${pct(dec.minCoverage)} is needed to decide.`);
    }
  } else if (score >= dec.conditionalAt) {
    if (conditionSet) conditions.push(...conditionSet);
    if (score < dec.approveAt) conditions.push(dec.belowApproveCondition);
    decision = conditions.length > 0 ? "approvedWithConditions" : "approved";
  } else {
    decision = "denied";
    reasons.push(`It scores ${points(score)} of 100, below the ${dec.conditionalAt} needed for approval with conditions.`);
  }
  for (const j of top) {
    if (j < 0) continue;
    const cc = cr.criteria[j]!;
    const status = STATUS[codes[j]!]!;
    let d: string | null = null;
    if (extra) for (let e = 0; e < extra.length; e += 3) if (extra[e] === j) d = extra[e + 2] as string | null;
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
    reasons.unshift(`It scores ${points(score!)} of 100${gatesPassed > 0 ? ` and passes all ${gatesPassed} required check${gatesPassed === 1 ? "" : "s"}` : ""}.`);
  }

  let tier: string | null = null;
  if (score !== null) {
    let best = -1;
    for (const t of rubric.tiers) {
      if (score >= t.min && t.min > best) {
        best = t.min;
        tier = t.label;
      }
    }
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
  const summary = `${label}: ${app.name} (${scoreText}${coverage === null ? "" : `, ${pct(coverage)} answered`})${why}. Review again by ${first.on}.`;
  let rows: CriterionResult[] | null = null;
  const result = {
    appId: app.id,
    appName: app.name,
    decision,
    tier,
    score,
    coverage,
    bestCaseScore,
    rating: rubric.rating ? rateWith(cr, (id) => slots[cr.byId.get(id)!.index]) : null,
    gatesFailed: failed,
    gatesUnresolved: unresolved,
    contributions: null as unknown as CriterionResult[],
    domains,
    missing,
    conditions,
    reasons,
    summary,
    reReview: { on: first.on, because: first.because, triggers },
    policy: { unanswered: policy, unclearScore, approveAt: dec.approveAt, conditionalAt: dec.conditionalAt, minCoverage: dec.minCoverage },
    rubricId: rubric.id,
    methodVersion: rubric.methodVersion,
    asOf,
    inputsHash: hex(h),
  };
  Object.defineProperty(result, "contributions", {
    get: (): CriterionResult[] => (rows ??= materialize(cr, codes, scores, k, extra, detailOf)),
    enumerable: true,
    configurable: true,
  });
  return result;
}

const LABELS: Record<Decision, string> = { approved: "Approved", approvedWithConditions: "Approved with conditions", denied: "Denied", needsInformation: "Needs more information" };
