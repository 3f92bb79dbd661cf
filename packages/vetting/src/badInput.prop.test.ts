import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../core/test/fuzz.js";
import * as v from "./index.js";

// Every public function of vetting, given malformed input, throws a DistrictKitError that says
// what was wrong — never a TypeError, never a NaN or Infinity in a result (issue #6, "Bad input").
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, "2025-02-30", "13/45/2024", "", null, undefined, "notApplicable", "unclear", { present: true }, [1, 2]),
);
const options = { asOf: "2026-07-01", district: { state: "IL" } };
const mini = { id: "m", title: "M", methodVersion: "1", criteria: [{ id: "a", title: "A", domain: "privacy", weight: 1, kind: "yesNo" }] };
/** An app whose answers are fuzzed values for real criteria of the built-in rubric. */
const fuzzedApp = fc
  .array(fc.tuple(fc.constantFrom(...v.K12_RUBRIC.criteria.map((c) => c.id), "ghost"), anything), { maxLength: 6 })
  .map((pairs) => ({ id: "x", name: "X", answers: Object.fromEntries(pairs.map(([k, val]) => [k, { value: val }])) }));

const calls: Record<string, (a: unknown, b: unknown, c: unknown) => unknown> = {
  scoreApp: (a) => v.scoreApp(v.K12_RUBRIC, a, options),
  "scoreApp(rubric)": (a) => v.scoreApp(a as never, { id: "x", name: "X", answers: {} }, options),
  "scoreApp(options)": (a) => v.scoreApp(mini as never, { id: "x", name: "X", answers: {} }, a as never),
  scoreApps: (a) => v.scoreApps(v.K12_RUBRIC, a as never, options),
  ratePrivacy: (a) => v.ratePrivacy(v.K12_RUBRIC, a),
  prepareRubric: (a) => v.prepareRubric(a as never),
  deriveRubric: (a) => v.deriveRubric(v.K12_RUBRIC, a as never),
  decisionRobustness: (a) => v.decisionRobustness(mini as never, a, options),
  whatIfWeights: (a, b) => v.whatIfWeights(mini as never, [{ id: "x", name: "X", answers: { a: { value: "yes" } } }], a as never, b as never),
  compareApps: (a) => v.compareApps(mini as never, a as never, options),
  explainCriterion: (a, b) => v.explainCriterion(a as never, b as never),
  weightedSum: (a) => v.weightedSum(a as never),
  topsis: (a) => v.topsis(a as never),
  ahpWeights: (a, b) => v.ahpWeights(a as never, b as never),
  essaTier: (a) => v.essaTier(a as never),
  summarizeAcr: (a, b) => v.summarizeAcr(a as never, b as never),
  projectUnicornPledge: (a, b) => v.projectUnicornPledge(a as never, b as never),
  breachNotificationDeadlines: (a) => v.breachNotificationDeadlines(a as never),
  contractNoticeDeadlines: (a) => v.contractNoticeDeadlines(a as never),
  adaTitleIIComplianceDate: (a) => v.adaTitleIIComplianceDate(a as never),
  coppaRuleInForce: (a) => v.coppaRuleInForce(a as never),
  questionnaireJsonSchema: (a) => v.questionnaireJsonSchema(a as never),
  generateApps: (a) => v.generateApps(a as never),
  riskScore: (a) => v.riskScore(a as never),
  "riskScore(items, tiers)": (a) => v.riskScore({ items: [{ id: "q", weight: 1, answer: 0.5 }], tiers: a as never }),
  riskScoreOf: (a, b) => v.riskScoreOf(a as never, b as never),
  scoreTier: (a, b) => v.scoreTier(a as never, b as never),
  "ahpWeights(typed, options)": (a) => v.ahpWeights([[1, 3], [0.33, 1]], a as never),
};

describe("vetting public functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(fc.property(anything, anything, anything, (a, b, c) => expectOnlyDistrictKitError(() => call(a, b, c))), { numRuns: 120 });
    });
  }

  it("scoreApp on fuzzed answer values of real criteria", () => {
    fc.assert(fc.property(fuzzedApp, (app) => expectOnlyDistrictKitError(() => v.scoreApp(v.K12_RUBRIC, app, options))), { numRuns: 400 });
  });

  it("an all-N/A questionnaire gives a null score with the reason, not an error", () => {
    const answers = Object.fromEntries(v.K12_RUBRIC.criteria.map((c) => [c.id, { value: "notApplicable" }]));
    const r = v.scoreApp(v.K12_RUBRIC, { id: "x", name: "X", answers }, options);
    expect(r.score).toBeNull();
    expect(r.decision).toBe("needsInformation");
    expect(r.reasons.some((x) => /Nothing could be scored/.test(x))).toBe(true);
  });
});
