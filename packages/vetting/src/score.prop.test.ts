import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appFor, rubricAndStatesArb, valueFor } from "../test/arbitraries.js";
import { topsis, weightedSum } from "./mcda.js";
import { DECISION_ORDER } from "./result.js";
import type { RubricInput } from "./schema/rubric.js";
import { scoreApp } from "./score.js";

const options = { asOf: "2026-07-01", district: { state: "IL" } } as const;
const RANK = (d: string) => DECISION_ORDER.indexOf(d as never);

/** Brute force of DOMAIN-vetting.md §2: the score straight from the formula. */
function bruteScore(rubric: RubricInput, states: readonly string[]): number | null {
  const policy = rubric.scoring?.unanswered ?? "exclude";
  const unclear = rubric.scoring?.unclearScore ?? 0;
  let num = 0;
  let den = 0;
  rubric.criteria.forEach((c, i) => {
    const st = states[i]!;
    if (c.weight === 0 || st === "notApplicable") return;
    let s: number | null;
    if (st === "unanswered") s = policy === "exclude" ? null : policy === "unfavourable" ? 0 : 0.5;
    else if (st === "unclear") s = unclear;
    else if (st === "better") s = 1;
    else if (st === "mid") s = c.kind === "level" ? 1 / 3 : c.kind === "choice" ? 0.5 : 0;
    else s = 0;
    if (s === null) return;
    num += c.weight * s;
    den += c.weight;
  });
  return den === 0 ? null : (100 * num) / den;
}

describe("vetting invariants (INVARIANTS.md)", () => {
  it("score is in [0, 100] or null (never 0 for nothing scorable), equals the formula, and contributions add up to it", () => {
    fc.assert(
      fc.property(rubricAndStatesArb, ({ rubric, states }) => {
        const r = scoreApp(rubric, appFor(rubric, states), options);
        const brute = bruteScore(rubric, states);
        if (brute === null) {
          expect(r.score).toBeNull();
        } else {
          expect(r.score).not.toBeNull();
          expect(r.score!).toBeGreaterThanOrEqual(0);
          expect(r.score!).toBeLessThanOrEqual(100);
          expect(r.score!).toBeCloseTo(brute, 9);
          expect(r.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(r.score!, 9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("N/A removes a criterion from numerator and denominator: the same as a rubric without it", () => {
    fc.assert(
      fc.property(rubricAndStatesArb, fc.nat(), ({ rubric, states }, k) => {
        const i = k % rubric.criteria.length;
        const na = states.map((s, j) => (j === i ? "notApplicable" : s));
        const withNa = scoreApp(rubric, appFor(rubric, na), options);
        const without: RubricInput = { ...rubric, criteria: rubric.criteria.filter((_, j) => j !== i) };
        if (without.criteria.length === 0) {
          expect(withNa.score).toBeNull();
          return;
        }
        const r = scoreApp(
          without,
          appFor(
            without,
            na.filter((_, j) => j !== i),
          ),
          options,
        );
        if (r.score === null) expect(withNa.score).toBeNull();
        else expect(withNa.score!).toBeCloseTo(r.score, 9);
        if (r.coverage === null) expect(withNa.coverage).toBeNull();
        else expect(withNa.coverage!).toBeCloseTo(r.coverage, 12);
      }),
      { numRuns: 200 },
    );
  });

  it("a failed hard gate is never outweighed: no score makes a gated app approved", () => {
    fc.assert(
      fc.property(rubricAndStatesArb, fc.nat(), ({ rubric, states }, k) => {
        const i = k % rubric.criteria.length;
        const gated: RubricInput = { ...rubric, criteria: rubric.criteria.map((c, j) => (j === i ? { ...c, gate: true } : c)) };
        const st = states.map((s, j) => (j === i ? "worse" : s === "worse" ? "better" : s));
        const r = scoreApp(gated, appFor(gated, st), options);
        expect(r.decision).toBe("denied");
        expect(r.gatesFailed.map((g) => g.criterion)).toContain(gated.criteria[i]!.id);
      }),
      { numRuns: 200 },
    );
  });

  it("improving one answer (to a definite answer scoring higher) never lowers the score nor worsens the decision", () => {
    // normalized score of a state for a criterion; "unclear" scores the rubric's unclearScore
    const sOf = (rubric: RubricInput, kind: string, state: string): number =>
      state === "better" ? 1 : state === "mid" ? (kind === "level" ? 1 / 3 : kind === "choice" ? 0.5 : 0) : state === "unclear" ? (rubric.scoring?.unclearScore ?? 0) : 0;
    fc.assert(
      fc.property(rubricAndStatesArb, fc.nat(), fc.constantFrom("mid", "better"), ({ rubric, states }, k, to) => {
        const i = k % rubric.criteria.length;
        const from = states[i]!;
        const c = rubric.criteria[i]!;
        if (!["worse", "unclear", "mid"].includes(from) || from === to) return;
        if (to === "mid" && c.kind !== "level" && c.kind !== "choice") return;
        if (sOf(rubric, c.kind, to) <= sOf(rubric, c.kind, from)) return;
        const before = scoreApp(rubric, appFor(rubric, states), options);
        const after = scoreApp(
          rubric,
          appFor(
            rubric,
            states.map((s, j) => (j === i ? to : s)),
          ),
          options,
        );
        if (before.score !== null) expect(after.score! + 1e-9).toBeGreaterThanOrEqual(before.score);
        expect(RANK(after.decision)).toBeGreaterThanOrEqual(RANK(before.decision));
        expect(valueFor(c, to)).not.toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it("rescaling every weight by a positive constant changes nothing", () => {
    fc.assert(
      fc.property(rubricAndStatesArb, fc.constantFrom(0.5, 2, 4, 1024, 1 / 64), ({ rubric, states }, factor) => {
        const scaled: RubricInput = { ...rubric, criteria: rubric.criteria.map((c) => ({ ...c, weight: c.weight * factor })) };
        const a = scoreApp(rubric, appFor(rubric, states), options);
        const b = scoreApp(scaled, appFor(scaled, states), options);
        expect(b.decision).toBe(a.decision);
        expect(b.score).toBe(a.score); // powers of two scale exactly
        expect(b.coverage).toBe(a.coverage);
        expect(b.conditions).toEqual(a.conditions);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(rubricAndStatesArb, fc.integer({ min: 1, max: 1000 }), ({ rubric, states }, f) => {
        const factor = f / 7;
        const scaled: RubricInput = { ...rubric, criteria: rubric.criteria.map((c) => ({ ...c, weight: c.weight * factor })) };
        const a = scoreApp(rubric, appFor(rubric, states), options);
        const b = scoreApp(scaled, appFor(scaled, states), options);
        if (a.score === null) expect(b.score).toBeNull();
        else expect(b.score!).toBeCloseTo(a.score, 9);
      }),
      { numRuns: 100 },
    );
  });

  const matrixArb = fc.record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 6 }) }).chain(({ m, n }) =>
    fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: m, maxLength: m }).filter((w) => w.some((x) => x > 0)),
      values: fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      benefit: fc.array(fc.boolean(), { minLength: m, maxLength: m }),
    }),
  );

  it("TOPSIS closeness is in [0, 1]", () => {
    fc.assert(
      fc.property(matrixArb, ({ weights, values, benefit }) => {
        const r = topsis({ weights, benefit, alternatives: values.map((v, i) => ({ id: `a${i}`, values: v })) });
        for (const a of r.ranking) {
          expect(a.score).toBeGreaterThanOrEqual(0);
          expect(a.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("the weighted-sum ranking does not depend on the order of the apps", () => {
    fc.assert(
      fc.property(matrixArb, fc.nat(), ({ weights, values }, rot) => {
        const alts = values.map((v, i) => ({ id: `a${i}`, values: v }));
        const k = rot % alts.length;
        const rotated = [...alts.slice(k), ...alts.slice(0, k)].reverse();
        const a = weightedSum({ weights, alternatives: alts });
        const b = weightedSum({ weights, alternatives: rotated });
        expect(b.ranking).toEqual(a.ranking);
        expect(b.ties).toEqual(a.ties);
      }),
    );
  });
});
