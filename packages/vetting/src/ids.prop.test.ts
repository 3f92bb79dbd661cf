import { isDistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonical, renameDeep, renamingArb } from "../../core/test/ids.js";
import { appFor, rubricAndStatesArb } from "../test/arbitraries.js";
import { compareApps, scoreApp, scoreApps, whatIfWeights } from "./index.js";

// Ids are data (issue #18): a criterion or an app whose id is `__proto__`, `constructor`,
// `hasOwnProperty`… or long Unicode is an ordinary key. Renaming every criterion id of a random
// rubric (and the answers keyed by them) changes no score, contribution or decision.

/** Hashes of the inputs (the ids are part of them): left out of the comparison. */
const HASHES = ["inputsHash", "rubricHash"];
const options = { asOf: "2026-07-01", district: { state: "IL" } };

// criterion ids follow a pattern (a letter first; letters, digits, '.', '_', '-'): the JavaScript
// words that fit it (constructor, toString, valueOf, hasOwnProperty, prototype…), used for app ids too
const CRITERION_ID = /^[A-Za-z][A-Za-z0-9._-]*$/;
/** A call's result, or its DistrictKitError's issues, written canonically with the renaming undone. */
function outcome(call: () => unknown, map?: ReadonlyMap<string, string>): string {
  try {
    return canonical(call(), map, HASHES);
  } catch (error) {
    if (!isDistrictKitError(error)) throw error;
    return `error ${canonical(error.issues, map)}`;
  }
}

const caseArb = rubricAndStatesArb.chain(({ rubric, states }) =>
  renamingArb([...rubric.criteria.map((c) => c.id), "app", "app2"], false, (id) => CRITERION_ID.test(id)).map((map) => ({ rubric, states, map })),
);

describe("vetting ids are data", () => {
  it("renaming every criterion id leaves the score, its contributions and the decision unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ rubric, states, map }) => {
        const app = appFor(rubric, states);
        const a = scoreApp(rubric, app, options);
        const b = scoreApp(renameDeep(rubric, map), renameDeep(app, map), options);
        expect(canonical(b, map, HASHES)).toBe(canonical(a, undefined, HASHES));
        expect([b.score, b.decision]).toEqual([a.score, a.decision]);
      }),
      { numRuns: 150 },
    );
  });

  it("renaming ids leaves scoreApps, compareApps and whatIfWeights unchanged", () => {
    fc.assert(
      fc.property(caseArb, ({ rubric, states, map }) => {
        const apps = [appFor(rubric, states), { ...appFor(rubric, [...states].reverse()), id: "app2", name: "Other" }];
        const r = renameDeep(rubric, map);
        const as = renameDeep(apps, map);
        const weights = Object.fromEntries(rubric.criteria.map((c) => [c.id, 2]));
        expect(outcome(() => scoreApps(r, as, options), map)).toBe(outcome(() => scoreApps(rubric, apps, options)));
        expect(outcome(() => compareApps(r, as, options), map)).toBe(outcome(() => compareApps(rubric, apps, options)));
        expect(outcome(() => whatIfWeights(r, as, renameDeep(weights, map), options), map)).toBe(outcome(() => whatIfWeights(rubric, apps, weights, options)));
      }),
      { numRuns: 60 },
    );
  });
});
