// The explanation of a scored app — its per-criterion rows, domain scores, reasons, summary and
// re-review date — built from the compact codes the scoring loop (scoreRow.ts) keeps, when a
// result's explanation field is first read. Plain code on purpose: it runs once per result read,
// not once per answer scored, so it favours clarity (the order of the rubric, one sentence at a
// time) over speed; the sentences are checked against the numbers beside them in score.test.ts.
import type { CriterionResult, Decision, DomainScore, GateFinding, ReReviewTrigger, ScoreResult } from "../result.js";
import type { Domain } from "../schema/criterion.js";
import { type Cells, evidenceOf } from "./cells.js";
import { type CompiledCriterion, type CompiledRubric, DOMAIN_LIST } from "./compile.js";
import { addMonthsDay } from "./dates.js";
import { evaluate, newEvaluation } from "./evaluate.js";
import type { Prepared } from "./prepare.js";

/** A scored app's per-criterion status and gate codes (2n) and normalized scores (n; NaN = out of the computation). */
export interface Replayed {
  readonly codes: Uint8Array;
  readonly scores: Float64Array;
}

export const STATUS: readonly CriterionResult["status"][] = ["met", "partlyMet", "notMet", "unclear", "unanswered", "notApplicable", "expired", "recorded"];
// gate codes; 4 = no gate, and out of the computation by the criterion's condition
export const GATE: readonly CriterionResult["gate"][] = [null, "passed", "failed", "unresolved", null];

/**
 * What a result keeps so that its explanation — the per-criterion rows, the gate findings, the
 * reasons, the summary, the re-review triggers — is built when first read: scoring 10,000 apps
 * then costs numbers, not sentences nobody reads. Everything here is fixed at scoring time (the
 * app's evaluated answers in its row of cells, which criteria its condition took out, the
 * evidence dates), so a read gives the same data whenever it happens: the per-criterion codes
 * and scores are replayed from them by the scoring loop itself.
 */
export interface ExplainState {
  /** the rubric and options it was scored with (rubric, date, unclear score) */
  readonly p: Prepared;
  /** its evaluated answers (row `row`): answers, evidence triples, name */
  readonly cells: Cells;
  readonly row: number;
  /** the scoring call's bits of criteria out by their condition (the app's at row × ⌈n/8⌉) */
  readonly na: Uint8Array;
  replayed: Replayed | null;
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
export interface Explanation {
  readonly domains: Record<Domain, DomainScore>;
  readonly reasons: string[];
  readonly summary: string;
  readonly reReview: ScoreResult["reReview"];
}

/** The evidence note of criterion j for an answer value, rebuilt (the scoring loop skips them). */
export function detailAt(cr: CompiledRubric, value: unknown, asOf: string, unclearScore: number, j: number): string | null {
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
export function materialize(st: ExplainState, replay: Replayed): CriterionResult[] {
  const { k } = st;
  const cr = st.p.cr;
  const extra = evidenceOf(st.cells, st.row);
  const { asOf } = st.p;
  const unclearScore = cr.rubric.scoring.unclearScore;
  const { codes, scores } = replay;
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
export function explain(st: ExplainState, replay: Replayed): Explanation {
  const { codes, scores } = replay;
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

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function points(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function plainNotMet(cc: CompiledCriterion, detail: string | null): string {
  if (detail === null) return (cc.said[0] ??= cc.c.plain?.notMet ?? `Not met: ${cc.c.title}.`);
  return cc.c.plain?.notMet ?? `Not met: ${cc.c.title}${detail ? ` (${detail})` : ""}.`;
}

function plainPartly(cc: CompiledCriterion, s: number, detail: string | null): string {
  return `Partly met (${Math.round(s * 100)} %): ${cc.c.title}${detail ? ` — ${detail}` : ""}.`;
}

export function plainUnresolved(cc: CompiledCriterion, status: string, detail: string | null): string {
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

const LABELS: Record<Decision, string> = { approved: "Approved", approvedWithConditions: "Approved with conditions", denied: "Denied", needsInformation: "Needs more information" };
