// Scoring apps against a rubric: the public entry points (scoreApp, scoreApps) and the loop over
// the apps of a call. The work is split in four files, one concept each:
//
//   internal/prepare.ts      the rubric and options, validated and compiled once per call
//   internal/fastAnswers.ts  reading an app's answers into its row of a table of cells
//   internal/scoreRow.ts     scoring one row: the fast path (see its header)
//   internal/explanation.ts  the explanation of a result, built when first read
//
// How a call works, in plain words: the rubric is compiled once (criteria in a fixed order, each
// condition a small function, each criterion's flags and weight in typed arrays). Each app is then
// read into one row of a table of cells — for every criterion a status code and a normalized
// score, plus its evidence dates — by a fast pre-check that handles the common, well-formed app
// and falls back to the full check (which reports every problem with its path) when unsure.
// scoreRow walks the row once, criterion by criterion, and adds up the weights and scores; it
// keeps the codes, not sentences. A result's explanation is rebuilt from that row when a user
// reads it (by replaying the same loop), so scoring 10,000 apps × 80 criteria costs numbers, not
// 800,000 objects and sentences nobody reads.
//
// Why it is fast: no per-answer objects (typed arrays and small integer codes), conditions that
// depend only on the district and the date evaluated once per call (fixedConditions), every
// distinct condition evaluated once per app (a memo), shared frozen gate findings, and lazy
// explanations. The slow, obviously-correct reading of the same rules is in
// score.reference.prop.test.ts (a property compares the two on random rubrics and batches of
// apps); scorer.test.ts compares the fast pre-check with the full check.
//
// The warm-up (primeShapes, below): before the first call of a process, a few made-up apps are
// scored once so that every field of a result and of its explanation state has held each kind
// of value it can hold (null and numbers, whole and not; a rating and none; a tier and none).
// Otherwise V8 may meet a new kind of value in the middle of a large call, widen the field's
// representation, and throw the scoring loop's optimized code away; its author measured the
// V1 workload (10,000 apps × 80 criteria) about twice as slow for the rest of the process in one
// run out of four without it. It costs one scoring of five apps, once per process, and changes
// no result (score.reentrancy.test.ts tests the first call of a process).
import { DistrictKitError, guardInput } from "@districtkit/core";
import type { Cells } from "./internal/cells.js";
import { newCells } from "./internal/cells.js";
import type { RawIssue } from "./internal/checkApp.js";
import type { CondContext } from "./internal/compile.js";
import { fastPlan, prototypeIsClean, readApp } from "./internal/fastAnswers.js";
import { type Prepared, prepare } from "./internal/prepare.js";
import { newStore, scoreRow } from "./internal/scoreRow.js";
import type { ScoreResult } from "./result.js";
import type { Answer, ScoreOptions } from "./schema/answers.js";
import type { Condition } from "./schema/condition.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";

export { type Prepared, prepare } from "./internal/prepare.js";

/**
 * Scores one app against a rubric on a date, for a district: applicability → hard gates →
 * weighted score over the scorable criteria → coverage → decision → explanation.
 *
 * - A criterion whose condition is false, or answered N/A, leaves the computation entirely.
 * - `score = 100 · Σ wⱼsⱼ / Σ wⱼ` over the scorable criteria (unanswered ones by the rubric's
 *   policy: excluded and reported as missing, counted 0, or counted 0.5); `null` when nothing is
 *   scorable — never 0 for "nothing answered". Each criterion's `contribution` is
 *   `100 · wⱼsⱼ / Σ wⱼ`, so the contributions add up to the score.
 * - A failed hard gate forces `denied`; no score outweighs it. An unanswered, unclear or expired
 *   gate forces `needsInformation`, as does coverage below the rubric's minimum — unless the
 *   score on the answers so far is already below `conditionalAt`, which is `denied` (so a better
 *   answer never makes a decision worse). `bestCaseScore` tells how far open answers could lift it.
 * - Otherwise `approved` from `approveAt`, `approvedWithConditions` from `conditionalAt` (or
 *   above `approveAt` when a criterion with a `conditionIfNotMet` is not fully met), else `denied`.
 * - The re-review date is the earliest of the periodic review and every piece of evidence's
 *   last valid day (DPA expiry, certificate expiry, ACR date + 2 years, SOC 2 period end + 12
 *   months, ISO 27001:2013 after 2025-10-31…).
 *
 * @param rubric - a rubric ({@link K12_RUBRIC}, one from {@link deriveRubric}, or any valid rubric data)
 * @param app - the app and its answers ({@link appSchema})
 * @param options - `{ asOf, district: { state, population?, userAges? } }`
 * @returns the decision with its explanation (plain data)
 * @throws DistrictKitError listing every problem: unknown criteria, answers that do not fit their criterion, bad dates, a bad rubric
 * @example
 * ```ts
 * const rubric = {
 *   id: "mini", title: "Mini", methodVersion: "1",
 *   criteria: [
 *     { id: "sellsData", title: "Sells data", domain: "privacy", weight: 3, kind: "practice", better: "doesNot", gate: true },
 *     { id: "encryption", title: "Encrypts data in transit", domain: "security", weight: 1, kind: "practice", better: "does" },
 *   ],
 * };
 * const r = scoreApp(rubric, { id: "q", name: "Quiz", answers: { sellsData: { value: "doesNot" }, encryption: { value: "does" } } }, { asOf: "2026-07-01", district: { state: "IL" } });
 * r.decision; // => "approved"
 * r.score; // => 100
 * r.contributions.map((c) => c.contribution); // => [75, 25]
 * scoreApp(rubric, { id: "q", name: "Quiz", answers: { sellsData: { value: "does" }, encryption: { value: "does" } } }, { asOf: "2026-07-01", district: { state: "IL" } }).decision; // => "denied"
 * scoreApp(rubric, { id: "q", name: "Quiz", answers: { nope: { value: "yes" } } }, { asOf: "2026-07-01", district: { state: "IL" } }); // throws
 * ```
 * @category Scoring
 */
export function scoreApp(rubric: Rubric | RubricInput, app: unknown, options: ScoreOptions): ScoreResult {
  return scoreApps(rubric, [app], options)[0]!;
}

/**
 * Scores a list of apps against one rubric (see {@link scoreApp}); the rubric and options are
 * validated once, every app is checked, and one error lists every problem of every app.
 *
 * @param rubric - the rubric
 * @param apps - the apps
 * @param options - `{ asOf, district }`
 * @returns one result per app, in the input order
 * @throws DistrictKitError listing every problem with its path (`apps[3].answers.dpa.value…`)
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [{ id: "sso", title: "Single sign-on", domain: "security", weight: 1, kind: "yesNo" }] };
 * const apps = [{ id: "a", name: "A", answers: { sso: { value: "yes" } } }, { id: "b", name: "B", answers: {} }];
 * scoreApps(rubric, apps, { asOf: "2026-07-01", district: { state: "NY" } }).map((r) => r.score); // => [100, null]
 * ```
 * @category Scoring
 */
export function scoreApps(rubric: Rubric | RubricInput, apps: readonly unknown[], options: ScoreOptions): ScoreResult[] {
  const p = prepare(rubric, options);
  if (!Array.isArray(apps)) throw DistrictKitError.argument(["apps"], "expected a list of apps");
  return scorePrepared(p, apps);
}

/**
 * @internal The scoring loop over apps, with the rubric and options already prepared: each app is
 * read into a one-row table of cells — by the fast pre-check, or by the full check (which reports
 * every problem of its shape with its path) when the pre-check is not sure — then scored.
 * `useFast = false` takes the full path for every app (tests compare the two).
 */
export function scorePrepared(p: Prepared, apps: readonly unknown[], useFast = true): ScoreResult[] {
  if (!primed) primeShapes();
  apps = guardInput(() => apps.slice(), ["apps"], "the apps"); // the caller's list, read once (a Proxy of one: the one rule)
  const issues: RawIssue[] = [];
  const out: ScoreResult[] = [];
  const n = p.cr.criteria.length;
  const single = apps.length === 1;
  const store = newStore(p, apps.length);
  const plan = fastPlan(p.cr);
  const fast = useFast && prototypeIsClean();
  const fixed = fixedConditions(p);
  // every app's evaluated answers are kept (explanations are rebuilt from them); its answers only while scored
  const cells = newCells(n, apps.length, false);
  const slots = new Array<Answer | undefined>(n).fill(undefined);
  for (let i = 0; i < apps.length; i++) {
    store.index = i;
    const read = readApp(plan, apps[i], cells, i, fast, single, issues, slots);
    if (read === 0) continue;
    // an app with problems of shape is still scored, to find its answers' problems too
    const r = scoreRow(p, cells, i, store, fixed, issues, single, i);
    if (read === 1 && r !== null && issues.length === 0) out.push(r);
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}

/** @internal Scores every app of a table of cells read with a rubric whose questions are p's. */
export function scoreCells(p: Prepared, cells: Cells, apps: number): ScoreResult[] {
  if (!primed) primeShapes();
  const issues: RawIssue[] = [];
  const out = new Array<ScoreResult>(apps);
  const store = newStore(p, apps);
  const fixed = fixedConditions(p);
  const single = apps === 1;
  for (let i = 0; i < apps; i++) {
    store.index = i;
    const r = scoreRow(p, cells, i, store, fixed, issues, single, i);
    if (r !== null) out[i] = r;
  }
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return out;
}

let primed = false;

/**
 * Scores a few made-up apps once per process, before the first real call, so that each field of
 * a result and of its explanation state first holds every kind of value it can hold (null and
 * numbers whole and not, no evidence and evidence, a rating and none, a tier and none). V8 then
 * never has to widen a field's representation in the middle of a large call — which throws the
 * scoring loop's optimized code away, and the loop ran about twice as slow for the rest of the
 * process in one V1 run out of four before this.
 */
function primeShapes(): void {
  primed = true;
  const criteria = [
    { id: "p", title: "P", domain: "privacy", weight: 1, kind: "yesNo" },
    { id: "a", title: "A", domain: "privacy", weight: 2, kind: "practice", better: "doesNot", gate: true, appliesWhen: { type: "answer", criterion: "p", in: ["yes", "no"] } },
    { id: "d", title: "D", domain: "security", weight: 1, kind: "document", validForMonths: 12, conditionIfNotMet: "D first." },
  ];
  const apps = [
    { id: "1", name: "1", answers: {} },
    { id: "2", name: "2", answers: { p: { value: "yes" }, a: { value: "doesNot" }, d: { value: { present: true, issuedOn: "2026-01-01" } } } },
    { id: "3", name: "3", answers: { p: { value: "no" }, a: { value: "doesNot" }, d: { value: { present: false } } } },
    { id: "4", name: "4", answers: { p: { value: "yes" }, a: { value: "does" }, d: { value: "unclear" } } },
    { id: "5", name: "5", answers: { p: { value: "unclear" }, d: { value: { present: true, issuedOn: "2020-01-01" } } } },
  ];
  const options = { asOf: "2026-06-01", district: { state: "NY" } };
  try {
    for (const rating of [{ policyCriterion: "p", practiceCriteria: ["a"] }, undefined]) {
      const rubric = { id: "prime", title: "Prime", methodVersion: "0", tiers: [{ min: 50, label: "x" }], criteria, ...(rating ? { rating } : {}) };
      for (const r of scorePrepared(prepare(rubric, options), apps)) void r.summary;
    }
  } catch {
    // only a warm-up: whatever stops it (an Object.prototype with enumerable keys makes zod refuse
    // these objects) must not stop the caller's call
  }
}

function readsTheApp(cond: Condition): boolean {
  switch (cond.type) {
    case "answer":
    case "usersYoungerThan":
    case "useMode":
      return true;
    case "state":
    case "onOrAfter":
      return false;
    case "all":
    case "any":
      return cond.of.some(readsTheApp);
    case "not":
      return readsTheApp(cond.of);
  }
}

/**
 * Each criterion's condition when it is the same for every app of a call (it reads only the
 * district's state and the date): 0 false, 1 true, 2 unknown; -1 when it reads the app (its
 * answers, users' ages, use mode) or there is none.
 */
function fixedConditions(p: Prepared): Int8Array {
  const n = p.cr.criteria.length;
  const out = new Int8Array(n).fill(-1);
  const ctx: CondContext = { state: p.district.state, minAge: 0, useMode: "studentLogin", asOf: p.asOf, values: [], base: 0 };
  for (let j = 0; j < n; j++) {
    const cc = p.cr.criteria[j]!;
    if (cc.cond !== null && cc.c.appliesWhen !== undefined && !readsTheApp(cc.c.appliesWhen)) out[j] = cc.cond(ctx);
  }
  return out;
}
