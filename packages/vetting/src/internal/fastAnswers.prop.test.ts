import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateArb } from "../../../core/test/arbitraries.js";
import { generateApps } from "../generate.js";
import { appSchemaFor } from "../questionnaire.js";
import { K12_RUBRIC } from "../rubrics/k12.js";
import { prepare, scorePrepared } from "../score.js";
import { appSchema, type Answer } from "../schema/answers.js";
import { BAD, fastApp, fastPlan } from "./fastAnswers.js";

// The fast pre-check accepts ONLY what the schemas accept (appSchema for the shape,
// appSchemaFor for values that fit their criteria); whatever it accepts scores exactly as the
// full path does, and whatever it is unsure of goes to the full path, which reports every issue.

const date = fc.oneof(isoDateArb, fc.constantFrom("2025-02-30", "2024-02-29", "0000-01-01", "2026-13-01", "26-01-01", "2026-1-01"));
const term = fc.constantFrom("Supports", "Partially Supports", "Does Not Support", "Not Applicable", "Not Evaluated", "Nope");
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("does", "doesNot", "yes", "no", "unclear", "notApplicable", "good", "fair", "poor", "maybe", "", "typeII", "2.1AA", true, false, 0, 1, 2, 3, 4, 5, 2.5, -1, -0, Number.NaN, null) },
  { weight: 2, arbitrary: date },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("Student Name", "Student Work", "Nonsense", 3 as unknown as string), { maxLength: 3 }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { present: fc.boolean(), kind: fc.constantFrom("full", "partial", "ndpa", ""), issuedOn: date, periodEnd: date, expiresOn: date, edition: fc.constantFrom("2013", "2022", "1999"), url: fc.constantFrom("https://x.example", ""), extra: fc.constant(1) },
      { requiredKeys: ["present"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { present: fc.boolean(), date, wcagVersion: fc.constantFrom("2.0", "2.1", "2.2", "3.0"), method: fc.constantFrom("manualAndAssistiveTech", "automatedOnly", "guess"), entries: fc.dictionary(fc.constantFrom("1.1.1", "1.4.3", "2.4.11", "9", "1.1"), term) },
      { requiredKeys: ["present"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { present: fc.boolean(), design: fc.constantFrom("rct", "quasiExperimental", "correlational", "logicModel", "anecdote"), wwcRating: fc.constantFrom("meetsWithoutReservations", "notReviewed", "great"), significantPositive: fc.oneof(fc.boolean(), fc.constant("yes")), n: fc.oneof(fc.nat(5000), fc.constant(-3)), sites: fc.nat(30) },
      { requiredKeys: ["present"] },
    ),
  },
);
const goodAnswerArb = fc.record({ value: valueArb, source: fc.constant("https://x"), asOf: isoDateArb, note: fc.constant("n") }, { requiredKeys: ["value"] });
const answerArb = fc.oneof(
  { weight: 40, arbitrary: goodAnswerArb },
  { weight: 4, arbitrary: fc.record({ value: valueArb, source: fc.constantFrom("https://x", ""), asOf: date, note: fc.constantFrom("n", 3 as unknown as string), oops: fc.constant(1) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constantFrom(null, "yes", [{ value: "yes" }], Object.assign([], { value: "yes" })) },
  { weight: 1, arbitrary: valueArb.map((value) => Object.assign(Object.create(null) as object, { value })) },
);

/** Apps answering `ids` (plus an unknown id), mostly well formed, with every kind of fault. */
function appsArb(ids: readonly string[]): fc.Arbitrary<unknown[]> {
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
      audience: fc.oneof(fc.record({ min: fc.integer({ min: -1, max: 20 }), max: fc.integer({ min: 0, max: 20 }) }), fc.record({ min: fc.nat(18), max: fc.nat(18), years: fc.constant(3) }), fc.constant("kids")),
      useMode: fc.constantFrom("studentLogin", "sometimes"),
      answers,
      extra: fc.constant(true),
    },
    { requiredKeys: ["answers"] },
  );
  return fc.array(fc.oneof({ weight: 12, arbitrary: good }, { weight: 4, arbitrary: faulty }, { weight: 1, arbitrary: fc.constantFrom(null, "app", [1]) }), { minLength: 1, maxLength: 3 });
}

function outcome(call: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(call()));
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    return error.issues.map((i) => [i.pathText, i.code, i.message]);
  }
}

const generated = generateApps({ apps: 1, criteria: 40, seed: "prop" }).rubric;
const rubrics = [
  { name: "the built-in K-12 rubric", rubric: K12_RUBRIC, options: { asOf: "2026-07-01", district: { state: "NY" } } },
  { name: "a generated rubric (every kind, conditions, gates)", rubric: generated, options: { asOf: "2026-07-01", district: { state: "NY", userAges: { min: 10, max: 18 } } } },
];

describe("the fast pre-check", () => {
  for (const { name, rubric, options } of rubrics) {
    const p = prepare(rubric, options);
    const ids = p.cr.criteria.map((cc) => cc.id);

    it(`scores exactly as the full path, or throws exactly its errors, on good and bad apps (${name})`, () => {
      fc.assert(
        fc.property(appsArb(ids), (apps) => {
          expect(outcome(() => scorePrepared(p, apps, true))).toEqual(outcome(() => scorePrepared(p, apps, false)));
        }),
        { numRuns: 700 },
      );
    }, 60_000);

    it(`accepts only what appSchema accepts, and only what appSchemaFor accepts when every value fits (${name})`, () => {
      const exact = appSchemaFor(rubric);
      const plan = fastPlan(p.cr, p.asOf);
      const slots = new Array<Answer | undefined>(ids.length).fill(undefined);
      let accepted = 0;
      fc.assert(
        fc.property(appsArb(ids), (apps) => {
          for (const app of apps) {
            if (!fastApp(plan, app, slots)) continue;
            accepted++;
            expect(appSchema.safeParse(app).success).toBe(true);
            const allFit = slots.every((a, j) => a === undefined || plan.entry[j]!.code !== BAD);
            if (allFit) expect(exact.safeParse(app).success).toBe(true);
          }
        }),
        { numRuns: 700 },
      );
      expect(accepted).toBeGreaterThan(200); // the generator reaches the accepting side too
    }, 60_000);
  }
});
