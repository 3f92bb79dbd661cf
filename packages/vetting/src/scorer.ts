import { DistrictKitError } from "@districtkit/core";
import type { ScoreResult } from "./result.js";
import type { ScoreOptions } from "./schema/answers.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";
import { prepare, scoreCells, scorePrepared } from "./score.js";
import { type AnswerSheet, sameQuestions, sheetState } from "./sheet.js";

/**
 * A rubric and scoring options validated and compiled once, for scoring app after app (a
 * portfolio re-scored on every edit, a questionnaire form scoring as the reviewer types, a bulk
 * import). Made by {@link compileScorer}; its results are exactly those of {@link scoreApps} and
 * {@link scoreApp} with the same rubric and options.
 *
 * @category Scoring
 */
export interface Scorer {
  /** The rubric's id. */
  readonly rubricId: string;
  /** The rubric's method version. */
  readonly methodVersion: string;
  /** The date everything is judged on. */
  readonly asOf: string;
  /**
   * Scores a list of apps, exactly as {@link scoreApps} does.
   *
   * @param apps - the apps
   * @returns one result per app, in the input order
   * @throws DistrictKitError listing every problem of every app with its path (`apps[3].answers.dpa.value…`)
   */
  scoreApps(apps: readonly unknown[]): ScoreResult[];
  /**
   * Scores one app, exactly as {@link scoreApp} does.
   *
   * @param app - the app and its answers
   * @returns the decision with its explanation
   * @throws DistrictKitError listing every problem with its path (`app.answers.dpa.value…`)
   */
  scoreApp(app: unknown): ScoreResult;
  /**
   * Scores the apps of an answer sheet ({@link readAnswers}) without reading their answers
   * again: exactly what `scoreApps` gives for the sheet's apps. A sheet read with a rubric whose
   * questions differ from this scorer's (another criterion, another answer kind) is read again
   * with this one.
   *
   * @param sheet - the sheet
   * @returns one result per app, in the sheet's order
   * @throws DistrictKitError for something that is not a sheet, and for a value that does not fit a criterion that applies (with its path, `apps[3].answers.dpa.value`); a sheet read again reports every problem `scoreApps` would
   */
  scoreSheet(sheet: AnswerSheet): ScoreResult[];
}

/**
 * Validates and compiles a rubric and the scoring options once, and returns a {@link Scorer}
 * whose `scoreApps` / `scoreApp` give exactly what {@link scoreApps} / {@link scoreApp} give with
 * the same rubric and options — the same values, the same JSON, the same errors — without
 * checking the rubric and options again on every call. Apps are still checked one by one: a
 * fast check accepts what the schemas accept, and anything else takes the full check, which
 * lists every problem with its path. The explanation of each result (per-criterion rows,
 * reasons, summary, re-review triggers) is built when first read.
 *
 * @param rubric - the rubric ({@link K12_RUBRIC}, one from {@link deriveRubric} or {@link prepareRubric}, or any valid rubric data)
 * @param options - `{ asOf, district: { state, population?, userAges? } }`
 * @returns the scorer
 * @throws DistrictKitError listing every problem of the rubric and the options
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [{ id: "sso", title: "Single sign-on", domain: "security", weight: 1, kind: "yesNo" }] };
 * const scorer = compileScorer(rubric, { asOf: "2026-07-01", district: { state: "NY" } });
 * const apps = [{ id: "a", name: "A", answers: { sso: { value: "yes" } } }, { id: "b", name: "B", answers: {} }];
 * scorer.scoreApps(apps).map((r) => r.score); // => [100, null]
 * scorer.scoreApp(apps[0]).decision; // => "approved"
 * JSON.stringify(scorer.scoreApps(apps)) === JSON.stringify(scoreApps(rubric, apps, { asOf: "2026-07-01", district: { state: "NY" } })); // => true
 * scorer.scoreApp({ id: "c", name: "C", answers: { sso: { value: "maybe" } } }); // throws
 * ```
 * @category Scoring
 */
export function compileScorer(rubric: Rubric | RubricInput, options: ScoreOptions): Scorer {
  const p = prepare(rubric, options);
  return Object.freeze({
    rubricId: p.cr.rubric.id,
    methodVersion: p.cr.rubric.methodVersion,
    asOf: p.asOf,
    scoreApps(apps: readonly unknown[]): ScoreResult[] {
      if (!Array.isArray(apps)) throw DistrictKitError.argument(["apps"], "expected a list of apps");
      return scorePrepared(p, apps);
    },
    scoreApp(app: unknown): ScoreResult {
      return scorePrepared(p, [app])[0]!;
    },
    scoreSheet(sheet: AnswerSheet): ScoreResult[] {
      const s = sheetState(sheet);
      if (s === undefined) throw DistrictKitError.argument(["sheet"], "expected an answer sheet made by readAnswers");
      return sameQuestions(s.cr, p.cr) ? scoreCells(p, s.cells, s.apps.length) : scorePrepared(p, s.apps);
    },
  });
}
