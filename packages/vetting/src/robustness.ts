import { DistrictKitError, guardInput } from "@districtkit/core";
import { deriveRubric } from "./derive.js";
import type { Cells } from "./internal/cells.js";
import type { CompiledCriterion, CompiledRubric } from "./internal/compile.js";
import { DECISION_ORDER, type Decision, type ScoreResult } from "./result.js";
import type { ScoreOptions } from "./schema/answers.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";
import { type Prepared, prepare, scoreApps, scoreCells } from "./score.js";
import { readCells } from "./sheet.js";

/**
 * A weight change that flips a decision.
 *
 * @category Sensitivity
 */
export interface DecisionFlip {
  /** The criterion whose weight changes. */
  readonly criterion: string;
  /** Its title. */
  readonly title: string;
  /** Its weight now. */
  readonly fromWeight: number;
  /** The weight at which the decision changes (just past it, it has changed). */
  readonly toWeight: number;
  /** |to − from| / from. */
  readonly relativeChange: number;
  /** The decision past that weight. */
  readonly newDecision: Decision;
}

/**
 * How robust one app's decision is to the rubric's weights.
 *
 * @category Sensitivity
 */
export interface DecisionRobustness {
  /** The decision now. */
  readonly decision: Decision;
  /** What decided it: a hard gate (no weight can change it), missing information, or the score. */
  readonly decidedBy: "gate" | "information" | "score";
  /** Every single-weight change that flips it, smallest relative change first. */
  readonly flips: readonly DecisionFlip[];
  /** The smallest of them (null when no weight change flips the decision). */
  readonly mostSensitive: DecisionFlip | null;
  /** One sentence. */
  readonly explanation: string;
}

function withWeight(cr: CompiledRubric, index: number, weight: number): CompiledRubric {
  const criteria = cr.criteria.slice();
  const cc = criteria[index]!;
  const next: CompiledCriterion = { ...cc, weight, scored: weight > 0 && cc.c.kind !== "list" && cc.c.kind !== "text" };
  criteria[index] = next;
  return { ...cr, criteria };
}

/** Scores the one app read into `cells` (the weights change, the answers are read once). */
function scoreOne(p: Prepared, cells: Cells): ScoreResult {
  return scoreCells(p, cells, 1)[0]!;
}

/**
 * How robust an app's decision is: for each weighted criterion in the score, the weight (others
 * unchanged, not renormalized) at which the score crosses a decision threshold and the decision
 * changes — `w_k + δ` with `δ = (T·Σw − 100·Σws) / (100·s_k − T)` — verified by re-scoring just
 * past it. A decision made by a hard gate cannot be flipped by weights, and says so.
 *
 * @param rubric - the rubric
 * @param app - the app
 * @param options - `{ asOf, district }`
 * @returns the flips, smallest relative change first
 * @throws DistrictKitError for the same problems as {@link scoreApp}
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", decision: { approveAt: 75, conditionalAt: 60 }, criteria: [
 *   { id: "a", title: "A", domain: "privacy", weight: 4, kind: "yesNo" },
 *   { id: "b", title: "B", domain: "security", weight: 1, kind: "yesNo" },
 * ] };
 * const r = decisionRobustness(rubric, { id: "x", name: "X", answers: { a: { value: "yes" }, b: { value: "no" } } }, { asOf: "2026-07-01", district: { state: "IL" } });
 * r.decision; // => "approved"
 * r.mostSensitive?.criterion; // => "a"
 * r.mostSensitive?.toWeight; // => 3
 * r.mostSensitive?.newDecision; // => "approvedWithConditions"
 * ```
 * @category Sensitivity
 */
export function decisionRobustness(rubric: Rubric | RubricInput, app: unknown, options: ScoreOptions): DecisionRobustness {
  const p = prepare(rubric, options);
  const a = readCells(p.cr, [app]);
  const base = scoreOne(p, a);
  if (base.gatesFailed.length > 0) {
    return {
      decision: base.decision,
      decidedBy: "gate",
      flips: [],
      mostSensitive: null,
      explanation: `Decided by a failed hard gate (${base.gatesFailed.map((g) => g.title).join(", ")}): no weight change can flip it.`,
    };
  }
  if (base.decision === "needsInformation") {
    return { decision: base.decision, decidedBy: "information", flips: [], mostSensitive: null, explanation: "Decided by missing or unresolved information: answer the open questions first." };
  }
  const rows = base.contributions;
  let W = 0;
  let N = 0;
  for (const r of rows) {
    if (r.score !== null && r.weight > 0 && r.status !== "recorded") {
      W += r.weight;
      N += r.weight * r.score;
    }
  }
  const flips: DecisionFlip[] = [];
  const thresholds = [p.cr.rubric.decision.approveAt, p.cr.rubric.decision.conditionalAt];
  rows.forEach((r, k) => {
    if (r.score === null || r.weight <= 0 || r.status === "recorded") return;
    const found = new Map<string, DecisionFlip>();
    for (const T of thresholds) {
      const denom = 100 * r.score - T;
      if (denom === 0) continue;
      const delta = (T * W - 100 * N) / denom;
      const to = r.weight + delta;
      if (!Number.isFinite(to) || to < 0) continue;
      // move just past the crossing, in the direction that takes the score across T
      const up = Math.sign(100 * r.score - (base.score ?? 0));
      if (up === 0) continue;
      const dir = (base.score ?? 0) >= T ? -up : up;
      const probe = Math.max(0, to + dir * Math.max(1e-9, to * 1e-9));
      const after = scoreOne({ ...p, cr: withWeight(p.cr, k, probe) }, a);
      if (after.decision === base.decision) continue;
      const flip: DecisionFlip = { criterion: r.criterion, title: r.title, fromWeight: r.weight, toWeight: to, relativeChange: Math.abs(delta) / r.weight, newDecision: after.decision };
      const prev = found.get(after.decision);
      if (!prev || flip.relativeChange < prev.relativeChange) found.set(after.decision, flip);
    }
    flips.push(...found.values());
  });
  flips.sort((x, y) => x.relativeChange - y.relativeChange || (x.criterion < y.criterion ? -1 : 1));
  const most = flips[0] ?? null;
  return {
    decision: base.decision,
    decidedBy: "score",
    flips,
    mostSensitive: most,
    explanation: most
      ? `The decision (${base.decision}) changes to ${most.newDecision} if the weight of "${most.title}" goes from ${most.fromWeight} to ${round(most.toWeight)} (${Math.round(most.relativeChange * 100)} % change), all other weights unchanged.`
      : `No change of a single weight flips the decision (${base.decision}).`,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * One app before and after a what-if on the weights.
 *
 * @category Sensitivity
 */
export interface WhatIfRow {
  /** The app. */
  readonly appId: string;
  /** Decision and score with the rubric's weights. */
  readonly before: { readonly decision: Decision; readonly score: number | null };
  /** Decision and score with the changed weights. */
  readonly after: { readonly decision: Decision; readonly score: number | null };
  /** after − before (null when either is null). */
  readonly scoreChange: number | null;
  /** Whether the decision changed, and in which direction. */
  readonly decisionChange: "same" | "better" | "worse";
}

/**
 * The result of {@link whatIfWeights}.
 *
 * @category Sensitivity
 */
export interface WhatIfResult {
  /** One row per app, in the input order. */
  readonly rows: readonly WhatIfRow[];
  /** How many decisions changed. */
  readonly changed: number;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * Re-scores apps with some weights changed and shows what moves: each app's score and decision
 * before and after.
 *
 * @param rubric - the rubric
 * @param apps - the apps
 * @param weights - new weights by criterion id
 * @param options - `{ asOf, district }`
 * @returns one row per app
 * @throws DistrictKitError for unknown criterion ids, negative weights, or the problems {@link scoreApps} reports
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [
 *   { id: "a", title: "A", domain: "privacy", weight: 3, kind: "yesNo" },
 *   { id: "b", title: "B", domain: "security", weight: 1, kind: "yesNo" },
 * ] };
 * const w = whatIfWeights(rubric, [{ id: "x", name: "X", answers: { a: { value: "yes" }, b: { value: "no" } } }], { b: 3 }, { asOf: "2026-07-01", district: { state: "IL" } });
 * w.rows[0]?.after; // => { "decision": "denied", "score": 50 }
 * w.changed; // => 1
 * ```
 * @category Sensitivity
 */
export function whatIfWeights(rubric: Rubric | RubricInput, apps: readonly unknown[], weights: Readonly<Record<string, number>>, options: ScoreOptions): WhatIfResult {
  if (weights === null || typeof weights !== "object" || Array.isArray(weights))
    throw DistrictKitError.argument(["weights"], `expected the new weights by criterion id, got ${weights === null ? "null" : Array.isArray(weights) ? "an array" : typeof weights}`);
  const given = guardInput(() => ({ ...weights }), ["weights"], "the weights");
  const before = scoreApps(rubric, apps, options);
  const base = prepare(rubric, options).cr.rubric;
  const changed = deriveRubric(base, { id: `${base.id}-what-if`, title: `${base.title} (what-if)`, methodVersion: `${base.methodVersion}+what-if`, weights: given });
  const after = scoreApps(changed, apps, options);
  const rows = before.map((b, i): WhatIfRow => {
    const a = after[i]!;
    const d = DECISION_ORDER.indexOf(a.decision) - DECISION_ORDER.indexOf(b.decision);
    return {
      appId: b.appId,
      before: { decision: b.decision, score: b.score },
      after: { decision: a.decision, score: a.score },
      scoreChange: a.score === null || b.score === null ? null : a.score - b.score,
      decisionChange: d === 0 ? "same" : d > 0 ? "better" : "worse",
    };
  });
  const n = rows.filter((r) => r.decisionChange !== "same").length;
  return {
    rows,
    changed: n,
    explanation: `${n} of ${rows.length} decision${rows.length === 1 ? "" : "s"} change with the new weights (${Object.entries(given)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", ")}).`,
  };
}
