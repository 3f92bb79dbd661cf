import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appsArb, outcome } from "../../test/arbitraries.js";
import { generateApps } from "../generate.js";
import { appSchemaFor } from "../questionnaire.js";
import { K12_RUBRIC } from "../rubrics/k12.js";
import { appSchema } from "../schema/answers.js";
import { prepare, scorePrepared } from "../score.js";
import { newCells } from "./cells.js";
import { BAD, fastApp, fastPlan } from "./fastAnswers.js";

// The fast pre-check accepts ONLY what the schemas accept (appSchema for the shape,
// appSchemaFor for values that fit their criteria); whatever it accepts scores exactly as the
// full path does, and whatever it is unsure of goes to the full path, which reports every issue.

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
      const plan = fastPlan(p.cr);
      const cells = newCells(ids.length, 1, true);
      let accepted = 0;
      fc.assert(
        fc.property(appsArb(ids), (apps) => {
          for (const app of apps) {
            if (!fastApp(plan, app, cells, 0)) continue;
            accepted++;
            expect(appSchema.safeParse(app).success).toBe(true);
            const allFit = cells.code.every((c) => c !== BAD);
            if (allFit) expect(exact.safeParse(app).success).toBe(true);
          }
        }),
        { numRuns: 700 },
      );
      expect(accepted).toBeGreaterThan(200); // the generator reaches the accepting side too
    }, 60_000);
  }
});
