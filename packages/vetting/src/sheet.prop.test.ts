import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateArb } from "../../core/test/arbitraries.js";
import { appsArb, outcome } from "../test/arbitraries.js";
import { deriveRubric } from "./derive.js";
import { generateApps } from "./generate.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { scoreApps } from "./score.js";
import { compileScorer } from "./scorer.js";
import { readAnswers } from "./sheet.js";

// An answer sheet is a reading of the apps: scoring it gives exactly what scoreApps gives on the
// apps — the same JSON (inputsHash included) or the same problems — with the rubric it was read
// with and with any rubric derived from it, on any date, for any district.

const generated = generateApps({ apps: 1, criteria: 40, seed: "prop" }).rubric;
const stateArb = fc.constantFrom("NY", "CA", "IL", "TX", "CO");
const optionsArb = fc.record({
  asOf: isoDateArb,
  district: fc.record({ state: stateArb, userAges: fc.tuple(fc.nat(18), fc.nat(18)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })) }, { requiredKeys: ["state"] }),
});

describe("answer sheets", () => {
  for (const [name, rubric] of [
    ["the built-in K-12 rubric", K12_RUBRIC],
    ["a generated rubric (every kind, conditions, gates)", generated],
  ] as const) {
    const ids = (rubric.criteria as readonly { id: string }[]).map((c) => c.id);
    it(`score good and bad apps as scoreApps does, or report a part of its problems (${name})`, () => {
      fc.assert(
        fc.property(appsArb(ids), optionsArb, (apps, options) => {
          const direct = outcome(() => scoreApps(rubric, apps, options));
          const viaSheet = outcome(() => compileScorer(rubric, options).scoreSheet(readAnswers(rubric, apps)));
          if (!Array.isArray(direct) || !Array.isArray(direct[0])) {
            expect(viaSheet).toEqual(direct); // results (or an empty list)
            return;
          }
          // scoreApps lists shape and value problems in one error; a sheet reports shape problems
          // when reading and value problems when scoring: never a problem scoreApps does not report
          expect(Array.isArray(viaSheet) && viaSheet.every((i) => Array.isArray(i))).toBe(true);
          for (const issue of viaSheet as unknown[]) expect(direct).toContainEqual(issue);
          let read = true;
          try {
            readAnswers(rubric, apps);
          } catch {
            read = false;
          }
          if (read) expect(viaSheet).toEqual(direct);
        }),
        { numRuns: 400 },
      );
    }, 60_000);
  }

  it("re-score with any derived rubric, date and district exactly as scoreApps does on the apps", () => {
    const w = generateApps({ apps: 40, criteria: 30, seed: "sheet" });
    const sheet = readAnswers(w.rubric, w.apps);
    const ids = w.rubric.criteria.map((c) => c.id);
    const changesArb = fc.record(
      {
        weights: fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 20, noNaN: true })), { maxKeys: 6 }),
        gates: fc.dictionary(fc.constantFrom(...ids), fc.oneof(fc.boolean(), fc.record({ minScore: fc.double({ min: 0, max: 1, noNaN: true }) })), { maxKeys: 4 }),
        conditions: fc.dictionary(fc.constantFrom(...ids), fc.constantFrom("Sign the DPA first.", null), { maxKeys: 3 }),
        scoring: fc.record({ unanswered: fc.constantFrom("exclude", "unfavourable", "neutral"), unclearScore: fc.double({ min: 0, max: 1, noNaN: true }) }, { requiredKeys: [] }),
        decision: fc
          .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([a, b, minCoverage]) => ({ approveAt: Math.max(a, b), conditionalAt: Math.min(a, b), minCoverage })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(changesArb, optionsArb, (changes, options) => {
        const derived = deriveRubric(w.rubric, { id: "d", methodVersion: "d.1", ...changes });
        expect(JSON.stringify(compileScorer(derived, options).scoreSheet(sheet))).toBe(JSON.stringify(scoreApps(derived, w.apps, options)));
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
