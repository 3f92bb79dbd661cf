import fc from "fast-check";
import type { AppInput } from "../src/schema/answers.js";
import type { CriterionInput } from "../src/schema/criterion.js";
import type { RubricInput } from "../src/schema/rubric.js";

/** A scorable criterion of a simple kind, with an integer weight and maybe a gate. */
export const criterionArb = (i: number): fc.Arbitrary<CriterionInput> =>
  fc
    .record({
      kind: fc.constantFrom("practice", "yesNo", "level", "choice"),
      weight: fc.integer({ min: 0, max: 20 }),
      gate: fc.integer({ min: 0, max: 4 }).map((g) => g === 0),
      better: fc.constantFrom("does", "doesNot"),
    })
    .map(({ kind, weight, gate, better }): CriterionInput => {
      const base = { id: `c${i}`, title: `Criterion ${i}`, domain: (["privacy", "security", "accessibility", "other"] as const)[i % 4]!, weight, ...(gate ? { gate: true } : {}) };
      if (kind === "practice") return { ...base, kind, better: better as "does" | "doesNot" };
      if (kind === "yesNo") return { ...base, kind };
      if (kind === "level") return { ...base, kind, min: 1, max: 4 };
      return { ...base, kind: "choice", options: [{ value: "good", score: 1 }, { value: "fair", score: 0.5 }, { value: "poor", score: 0 }] };
    });

/** A small rubric (1–8 criteria) with a random unanswered policy and thresholds. */
export const rubricArb: fc.Arbitrary<RubricInput> = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    unanswered: fc.constantFrom("exclude", "unfavourable", "neutral"),
    unclearScore: fc.constantFrom(0, 0.25, 0.5),
    approveAt: fc.integer({ min: 50, max: 95 }),
    gap: fc.integer({ min: 0, max: 40 }),
    minCoverage: fc.constantFrom(0, 0.5, 0.8),
  })
  .chain(({ n, unanswered, unclearScore, approveAt, gap, minCoverage }) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => criterionArb(i))).map(
      (criteria): RubricInput => ({
        id: "prop",
        title: "Property rubric",
        methodVersion: "1",
        criteria,
        scoring: { unanswered, unclearScore },
        decision: { approveAt, conditionalAt: Math.max(0, approveAt - gap), minCoverage },
      }),
    ),
  );

/** Answer states an app can give (index into the kind's values; -1 unanswered). */
export const answerStateArb = fc.constantFrom("better", "worse", "mid", "unclear", "notApplicable", "unanswered");

/** The value for a state and a criterion. */
export function valueFor(c: CriterionInput, state: string): unknown {
  if (state === "unclear" || state === "notApplicable") return state;
  switch (c.kind) {
    case "practice":
      return state === "better" ? c.better : c.better === "does" ? "doesNot" : "does";
    case "yesNo":
      return state === "better" ? "yes" : "no";
    case "level":
      return state === "better" ? 4 : state === "mid" ? 2 : 1;
    case "choice":
      return state === "better" ? "good" : state === "mid" ? "fair" : "poor";
    default:
      return "unclear";
  }
}

/** An app answering a rubric with the given states. */
export function appFor(rubric: RubricInput, states: readonly string[]): AppInput {
  const answers: Record<string, { value: unknown }> = {};
  rubric.criteria.forEach((c, i) => {
    const st = states[i % states.length] ?? "unanswered";
    if (st !== "unanswered") answers[c.id] = { value: valueFor(c, st) };
  });
  return { id: "app", name: "App", answers } as AppInput;
}

/** A rubric and an app's answer states. */
export const rubricAndStatesArb = rubricArb.chain((rubric) =>
  fc.array(answerStateArb, { minLength: rubric.criteria.length, maxLength: rubric.criteria.length }).map((states) => ({ rubric, states })),
);
