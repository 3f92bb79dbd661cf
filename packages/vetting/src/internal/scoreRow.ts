// Scoring one app's row of cells: the fast path of vetting (score.ts says how a call is put together).
//
// The algorithm, in plain words, for each criterion j in rubric order:
//   1. if its condition says it does not apply to this app, it is "not applicable" and leaves the
//      computation (a bit per criterion remembers that, for the explanation);
//   2. otherwise its status and normalized score s come from the cells (read once, earlier), and
//      evidence past its last valid day on the as-of date turns it into "expired" with s = 0;
//   3. a gate passes when s is high enough, fails when the answer is definite and too low, and is
//      unresolved when the answer is unclear, unanswered or expired;
//   4. a weighted criterion adds its weight to the applicable weight (coverage), to the answered
//      weight if answered, and w·s to the score when s counts under the unanswered policy.
// Then score = 100 · Σ wⱼsⱼ / Σ wⱼ (a second pass over the kept scores; the sum is divided once,
// so a score that is exactly a threshold — 46 of 92 weighted points against "approve at 50" —
// is exactly 50, not 49.999…, and decides as written; each criterion's contribution 100·wⱼsⱼ/Σw
// adds up to it within rounding), coverage, the best case and the decision.
//
// Why it is fast: the loop reads flags and weights from typed arrays (hotOf), status codes and
// scores from the cells, and writes codes and scores into reused typed arrays; it allocates
// nothing per criterion (gate findings are frozen and shared by criterion, status and note), and
// a result's explanation fields are accessors that replay this same loop on first read (with
// `store.replay` set, it only recomputes codes and scores) — so explanations and scores can
// never disagree. The reference it is compared with: ../score.reference.prop.test.ts.

import { type PrivacyRatingResult, rateWith } from "../rating.js";
import type { CriterionResult, Decision, GateFinding, ScoreResult } from "../result.js";
import type { Rubric } from "../schema/rubric.js";
import type { Cells } from "./cells.js";
import type { RawIssue } from "./checkApp.js";
import type { CompiledCriterion, CompiledRubric, CondContext } from "./compile.js";
import { evaluate, newEvaluation } from "./evaluate.js";
import { detailAt, type ExplainState, type Explanation, explain, materialize, plainNotMet, plainUnresolved, type Replayed, STATUS } from "./explanation.js";
import { BAD } from "./fastAnswers.js";
import { hashInt, hex } from "./hash.js";
import type { Prepared } from "./prepare.js";

/** Every empty list of a result (results are read-only data: one frozen empty list serves them all). */
const NONE: readonly never[] = Object.freeze([]);
const EV = newEvaluation();

const STATE = Symbol("vetting.explanation");
type WithState = { [STATE]?: ExplainState };

// one getter per field for every result (own, enumerable accessors: JSON, structured clones and
// spreads see the values as data); the state sits under a non-enumerable symbol
function explained(self: WithState): Explanation | null {
  const st = self[STATE];
  if (st === undefined) return null;
  return (st.explained ??= explain(st, replayed(st)));
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
    return (st.rows ??= materialize(st, replayed(st)));
  },
  enumerable: true,
  configurable: true,
};
const DOMAINS = lazy("domains");
const REASONS = lazy("reasons");
const SUMMARY = lazy("summary");
const RE_REVIEW = lazy("reReview");
const HIDDEN: PropertyDescriptor & { value: unknown } = { value: null, writable: false, enumerable: false, configurable: false };

/**
 * @internal What a scoring call keeps: per app, which criteria its condition took out (bits;
 * everything else an explanation needs follows from the app's cells and the rubric), and the
 * per-criterion codes and scores of the app being scored (scratch, or an explanation's own).
 */
export interface Store {
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

/** A scoring call's store for `apps` apps. */
export function newStore(p: Prepared, apps: number): Store {
  const cr = p.cr;
  const n = cr.criteria.length;
  const naBytes = (n + 7) >> 3;
  return {
    na: new Uint8Array(naBytes * apps),
    naBytes,
    index: 0,
    codes: new Uint8Array(2 * n),
    scores: new Float64Array(n),
    replay: false,
    hot: hotOf(cr),
    memo: new Int8Array(cr.conditionCount),
    plain: [],
    byNote: [],
    byValue: [],
    p,
    ctx: { state: p.district.state, minAge: 0, useMode: "studentLogin", asOf: p.asOf, values: NO_VALUES, base: 0 },
    missing: [],
  };
}

/** The per-criterion codes and scores of a scored app, replayed from its cells (once, on first read). */
function replayed(st: ExplainState): Replayed {
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
export function scoreRow(p: Prepared, cells: Cells, i: number, store: Store, fixed: Int8Array, issues: RawIssue[], single: boolean, index: number): ScoreResult | null {
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
  const k = W > 0 ? 100 / W : 0; // an explanation's contribution of w·s is k·w·s
  if (W > 0) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      const w = weights[j]!;
      if (sj === sj && w > 0 && codes[j] !== 7) sum += w * sj;
    }
    score = Math.min(100, Math.max(0, (100 * sum) / W));
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

  const st: ExplainState = {
    p,
    cells,
    row: i,
    na,
    replayed: null,
    k,
    score,
    coverage,
    decision,
    gatesPassed,
    gatesFailed: failed,
    gatesUnresolved: unresolved,
    missing,
    conditions,
    rows: null,
    explained: null,
  };
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
  issues.push({
    path: ev.issuePath ? [...path, "answers", cc.id, "value", ...ev.issuePath] : [...path, "answers", cc.id, "value"],
    code: "invalid_answer",
    message: ev.issue ?? "does not fit its criterion",
  });
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
