import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { isoDateArb } from "../../core/test/arbitraries.js";
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
      return {
        ...base,
        kind: "choice",
        options: [
          { value: "good", score: 1 },
          { value: "fair", score: 0.5 },
          { value: "poor", score: 0 },
        ],
      };
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
export const rubricAndStatesArb = rubricArb.chain((rubric) => fc.array(answerStateArb, { minLength: rubric.criteria.length, maxLength: rubric.criteria.length }).map((states) => ({ rubric, states })));

// Apps of every shape, good and faulty (the fast pre-check and answer sheets are tested on them).
const date = fc.oneof(isoDateArb, fc.constantFrom("2025-02-30", "2024-02-29", "0000-01-01", "2026-13-01", "26-01-01", "2026-1-01"));
const term = fc.constantFrom("Supports", "Partially Supports", "Does Not Support", "Not Applicable", "Not Evaluated", "Nope");
const valueArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "does",
      "doesNot",
      "yes",
      "no",
      "unclear",
      "notApplicable",
      "good",
      "fair",
      "poor",
      "maybe",
      "",
      "typeII",
      "2.1AA",
      true,
      false,
      0,
      1,
      2,
      3,
      4,
      5,
      2.5,
      -1,
      -0,
      Number.NaN,
      null,
    ),
  },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("Student Name", "Student Work", "Nonsense", 3 as unknown as string), { maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        present: fc.boolean(),
        kind: fc.constantFrom("full", "partial", "ndpa", ""),
        issuedOn: date,
        periodEnd: date,
        expiresOn: date,
        edition: fc.constantFrom("2013", "2022", "1999"),
        url: fc.constantFrom("https://x.example", ""),
        extra: fc.constant(1),
      },
      { requiredKeys: ["present"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        present: fc.boolean(),
        date,
        wcagVersion: fc.constantFrom("2.0", "2.1", "2.2", "3.0"),
        method: fc.constantFrom("manualAndAssistiveTech", "automatedOnly", "guess"),
        entries: fc.dictionary(fc.constantFrom("1.1.1", "1.4.3", "2.4.11", "9", "1.1"), term),
      },
      { requiredKeys: ["present"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        present: fc.boolean(),
        design: fc.constantFrom("rct", "quasiExperimental", "correlational", "logicModel", "anecdote"),
        wwcRating: fc.constantFrom("meetsWithoutReservations", "notReviewed", "great"),
        significantPositive: fc.oneof(fc.boolean(), fc.constant("yes")),
        n: fc.oneof(fc.nat(5000), fc.constant(-3)),
        sites: fc.nat(30),
      },
      { requiredKeys: ["present"] },
    ),
  },
);
const goodAnswerArb = fc.record({ value: valueArb, source: fc.constant("https://x"), asOf: isoDateArb, note: fc.constant("n") }, { requiredKeys: ["value"] });
const answerArb = fc.oneof(
  { weight: 40, arbitrary: goodAnswerArb },
  {
    weight: 4,
    arbitrary: fc.record({ value: valueArb, source: fc.constantFrom("https://x", ""), asOf: date, note: fc.constantFrom("n", 3 as unknown as string), oops: fc.constant(1) }, { requiredKeys: [] }),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, "yes", [{ value: "yes" }], Object.assign([], { value: "yes" })) },
  { weight: 1, arbitrary: valueArb.map((value) => Object.assign(Object.create(null) as object, { value })) },
);

/** Apps answering `ids` (plus an unknown id), mostly well formed, with every kind of fault. */
export function appsArb(ids: readonly string[]): fc.Arbitrary<unknown[]> {
  const answers = fc.oneof(
    { weight: 30, arbitrary: fc.dictionary(fc.constantFrom(...ids), answerArb, { maxKeys: 12 }) },
    { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...ids, "ghost"), answerArb, { maxKeys: 12 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...ids), answerArb, { maxKeys: 4 }).map((d) => Object.assign(Object.create(null) as object, d)) },
    { weight: 1, arbitrary: fc.constantFrom(null, [], "none") },
  );
  const good = fc.record(
    {
      id: fc.constantFrom("a", "b"),
      name: fc.constantFrom("A", "B"),
      vendor: fc.constant("V"),
      url: fc.constant("https://v.example"),
      description: fc.constant("d"),
      audience: fc.tuple(fc.nat(18), fc.nat(18)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
      useMode: fc.constantFrom("studentLogin", "teacherOnly", "noLogin", "installed"),
      answers,
    },
    { requiredKeys: ["id", "name", "answers"] },
  );
  const faulty = fc.record(
    {
      id: fc.constantFrom("a", "", 3),
      name: fc.constantFrom("A", ""),
      vendor: fc.constantFrom("V", ""),
      url: fc.constantFrom("https://v.example", 7),
      description: fc.constantFrom("d", null),
      audience: fc.oneof(
        fc.record({ min: fc.integer({ min: -1, max: 20 }), max: fc.integer({ min: 0, max: 20 }) }),
        fc.record({ min: fc.nat(18), max: fc.nat(18), years: fc.constant(3) }),
        fc.constant("kids"),
      ),
      useMode: fc.constantFrom("studentLogin", "sometimes"),
      answers,
      extra: fc.constant(true),
    },
    { requiredKeys: ["answers"] },
  );
  return fc.array(fc.oneof({ weight: 12, arbitrary: good }, { weight: 4, arbitrary: faulty }, { weight: 1, arbitrary: fc.constantFrom(null, "app", [1]) }), { minLength: 1, maxLength: 3 });
}

/** What a call gives as plain data: its result's JSON, or its error's issues as [path, code, message]. */
export function outcome(call: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(call()));
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    return error.issues.map((i) => [i.pathText, i.code, i.message]);
  }
}

/** The [path, message] pairs of the DistrictKitError a call throws, or null when it does not throw. */
export function issuesOf(call: () => unknown): [string, string][] | null {
  try {
    call();
  } catch (error) {
    if (error instanceof DistrictKitError) return error.issues.map((i) => [i.pathText, i.message]);
    throw error;
  }
  return null;
}
