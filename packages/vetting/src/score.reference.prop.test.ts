import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appFor, rubricAndStatesArb, valueFor } from "../test/arbitraries.js";
import type { Decision } from "./result.js";
import type { RubricInput } from "./schema/rubric.js";
import { scoreApps } from "./score.js";

// The scoring loop (internal/scoreRow.ts) is a fast path: typed arrays, status codes, a second
// pass for the score, explanations built later. This is the slow, obviously-correct reading of
// the same rules — one criterion at a time, plain objects, the formula as written in the domain
// rules — and the property below holds the two to the same numbers, gates, lists and decision
// on random rubrics (simple kinds, gates, every unanswered policy) and batches of apps.

const options = { asOf: "2026-07-01", district: { state: "IL" } } as const;

interface Reference {
  score: number | null;
  coverage: number | null;
  bestCaseScore: number | null;
  decision: Decision;
  gatesFailed: string[];
  gatesUnresolved: string[];
  missing: string[];
}

/** The normalized score of an answer state, or null when it leaves the computation. */
function scoreOf(rubric: RubricInput, c: RubricInput["criteria"][number], state: string): number | null {
  const unanswered = rubric.scoring?.unanswered ?? "exclude";
  if (state === "unanswered") return unanswered === "exclude" ? null : unanswered === "unfavourable" ? 0 : 0.5;
  if (state === "unclear") return rubric.scoring?.unclearScore ?? 0;
  if (state === "better") return 1;
  // "mid": a level 2 on 1–4 is a third of the way; a "fair" choice is worth 0.5; the two-valued kinds have no middle (valueFor gives the worse answer)
  if (state === "mid") return c.kind === "level" ? 1 / 3 : c.kind === "choice" ? 0.5 : 0;
  return 0;
}

function referenceScore(rubric: RubricInput, states: readonly string[]): Reference {
  let weighted = 0;
  let weights = 0;
  let applicable = 0;
  let answered = 0;
  let best = 0;
  const gatesFailed: string[] = [];
  const gatesUnresolved: string[] = [];
  const missing: string[] = [];
  rubric.criteria.forEach((c, i) => {
    const state = states[i]!;
    if (state === "notApplicable") return; // out of everything
    const s = scoreOf(rubric, c, state);
    const definite = state === "better" || state === "mid" || state === "worse";
    let unresolvedGate = false;
    if (c.gate) {
      if (definite) {
        if (!(s! > 0)) gatesFailed.push(c.id);
      } else {
        gatesUnresolved.push(c.id);
        unresolvedGate = true;
      }
    }
    if (state === "unanswered" && (c.weight > 0 || c.gate)) missing.push(c.id);
    if (c.weight > 0) {
      applicable += c.weight;
      if (state !== "unanswered") answered += c.weight;
      best += c.weight * (state === "unanswered" || unresolvedGate ? 1 : s!);
      if (s !== null) {
        weighted += c.weight * s;
        weights += c.weight;
      }
    }
  });
  const score = weights > 0 ? Math.min(100, Math.max(0, (100 * weighted) / weights)) : null;
  const coverage = applicable > 0 ? answered / applicable : null;
  const bestCaseScore = applicable > 0 ? (100 * best) / applicable : null;
  const approveAt = rubric.decision?.approveAt ?? 0;
  const conditionalAt = rubric.decision?.conditionalAt ?? 0;
  const minCoverage = rubric.decision?.minCoverage ?? 0;
  let decision: Decision;
  if (gatesFailed.length > 0) decision = "denied";
  else if (gatesUnresolved.length > 0 || score === null || (coverage !== null && coverage < minCoverage)) decision = score !== null && score < conditionalAt ? "denied" : "needsInformation";
  else if (score >= approveAt) decision = "approved";
  else if (score >= conditionalAt) decision = "approvedWithConditions";
  else decision = "denied";
  return { score, coverage, bestCaseScore, decision, gatesFailed, gatesUnresolved, missing };
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

describe("the scoring loop agrees with the reference scorer", () => {
  it("score, coverage, best case, gates, missing answers and decision, app by app in a batch", () => {
    const batchArb = rubricAndStatesArb.chain(({ rubric, states }) =>
      fc.array(fc.shuffledSubarray(states, { minLength: states.length, maxLength: states.length }), { minLength: 0, maxLength: 4 }).map((more) => ({ rubric, batch: [states, ...more] })),
    );
    fc.assert(
      fc.property(batchArb, ({ rubric, batch }) => {
        const apps = batch.map((states, k) => ({ ...appFor(rubric, states), id: `app${k}` }));
        const results = scoreApps(rubric, apps, options);
        expect(results).toHaveLength(batch.length);
        batch.forEach((states, k) => {
          const fast = results[k]!;
          const ref = referenceScore(rubric, states);
          const where = `app ${k}, states ${states.join(",")}, values ${rubric.criteria.map((c, i) => JSON.stringify(valueFor(c, states[i]!))).join(",")}`;
          expect(close(fast.score, ref.score), `score ${fast.score} vs ${ref.score} (${where})`).toBe(true);
          expect(close(fast.coverage, ref.coverage), `coverage (${where})`).toBe(true);
          expect(close(fast.bestCaseScore, ref.bestCaseScore), `best case (${where})`).toBe(true);
          expect(fast.decision, where).toBe(ref.decision);
          expect(
            fast.gatesFailed.map((g) => g.criterion),
            where,
          ).toEqual(ref.gatesFailed);
          expect(
            fast.gatesUnresolved.map((g) => g.criterion),
            where,
          ).toEqual(ref.gatesUnresolved);
          expect([...fast.missing], where).toEqual(ref.missing);
          if (ref.score !== null) expect(fast.contributions.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(ref.score, 9);
        });
      }),
      { numRuns: 300 },
    );
  });
});
