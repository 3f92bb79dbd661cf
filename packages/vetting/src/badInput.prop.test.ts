import * as core from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import { expectOnlyDistrictKitError, fuzzEveryExport } from "../../core/test/fuzz.js";
import { scalingCases } from "../bench/scalingCases.js";
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

// Every export, read from index.ts (a new export is fuzzed without anyone adding it here), with
// the examples' calls as seeds (issue #18).
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      ahpWeights: "a pairwise matrix is n × n by nature and AHP is used with a handful of criteria (Saaty's scale tops out near 9 to 15)",
      explainCriterion: "explains one criterion of one result",
      projectUnicornPledge: "takes exactly the 10 Project Unicorn metric levels (its validation rejects any other length)",
      answerValueSchemaFor: "builds the schema of one criterion's answer",
      appSchemaFor: "built once per rubric from its criteria (tens to a few hundred); the apps it then checks are measured by scoreApps and readAnswers",
      questionnaireJsonSchema: "built once per rubric from its criteria (tens to a few hundred)",
      ratePrivacy: "rates one app from its handful of practice answers",
      riskScoreOf: "reads one score result (its criteria: tens to a few hundred)",
      scoreApp: "scores one app; the batch entry points scoreApps and scoreSheet have cases",
      compileScorer: "compiled once per rubric (tens to a few hundred criteria); the scorer's batch call is measured by scoreApps",
      scoreTier: "looks a score up in a handful of tiers",
    },
  },
  name: "@districtkit/vetting",
  exports: v,
  dir: new URL("..", import.meta.url),
  modules: { "@districtkit/core": core, "@districtkit/vetting": v, zod },
  seeds: {
    scoreApp: [
      [v.K12_RUBRIC, { id: "x", name: "X", answers: {} }, options],
      [mini, { id: "x", name: "X", answers: { a: { value: "yes" } } }, options],
    ],
  },
  allow: {},
});

describe("vetting public functions on malformed input", () => {
  it("scoreApp on fuzzed answer values of real criteria", () => {
    fc.assert(
      fc.property(fuzzedApp, (app) => expectOnlyDistrictKitError(() => v.scoreApp(v.K12_RUBRIC, app, options))),
      { numRuns: 400 },
    );
  });

  it("an all-N/A questionnaire gives a null score with the reason, not an error", () => {
    const answers = Object.fromEntries(v.K12_RUBRIC.criteria.map((c) => [c.id, { value: "notApplicable" }]));
    const r = v.scoreApp(v.K12_RUBRIC, { id: "x", name: "X", answers }, options);
    expect(r.score).toBeNull();
    expect(r.decision).toBe("needsInformation");
    expect(r.reasons.some((x) => /Nothing could be scored/.test(x))).toBe(true);
  });
});
