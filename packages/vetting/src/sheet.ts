import { DistrictKitError, guardInput } from "@districtkit/core";
import { type Cells, newCells } from "./internal/cells.js";
import type { RawIssue } from "./internal/checkApp.js";
import { type CompiledRubric, compileRubric } from "./internal/compile.js";
import { fastPlan, prototypeIsClean, readApp } from "./internal/fastAnswers.js";
import type { Answer } from "./schema/answers.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";

/**
 * Apps' answers checked and read once against a rubric's questions, for scoring again and again
 * with {@link Scorer.scoreSheet}: the same portfolio under other weights, gates, conditions,
 * thresholds, district or date (a what-if, a weight slider, a robustness sweep) costs arithmetic,
 * not reading 800,000 answers again. Made by {@link readAnswers}; opaque apart from the fields
 * below.
 *
 * A sheet is a reading of the apps as they were when read: it keeps each answer's evaluation
 * and value (what conditions, the privacy rating and evidence notes read), so changing an app
 * afterwards changes nothing it scores — read the apps again to score a change. (An object
 * value, such as a document, is kept as the same object: do not change its fields.)
 *
 * @category Scoring
 */
export interface AnswerSheet {
  /** The id of the rubric the answers were read with. */
  readonly rubricId: string;
  /** Its method version. */
  readonly methodVersion: string;
  /** The apps' ids, in the input order. */
  readonly appIds: readonly string[];
}

/** @internal What a sheet holds. */
interface SheetState {
  readonly cr: CompiledRubric;
  readonly cells: Cells;
  /** the apps as given (a copy of the list), for reading them again with a rubric whose questions differ */
  readonly apps: readonly unknown[];
}

const sheets = new WeakMap<AnswerSheet, SheetState>();

/** @internal The state of a sheet made by readAnswers, or undefined. */
export function sheetState(sheet: unknown): SheetState | undefined {
  return sheet !== null && typeof sheet === "object" ? sheets.get(sheet as AnswerSheet) : undefined;
}

/**
 * @internal Whether answers read with `read` are read the same way by `scoring`: the same
 * criteria in the same order, each answer defined the same way (weights, gates, conditions and
 * texts may differ).
 */
export function sameQuestions(read: CompiledRubric, scoring: CompiledRubric): boolean {
  if (read === scoring) return true;
  const a = read.criteria;
  const b = scoring.criteria;
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j]!.evalKey !== b[j]!.evalKey) return false;
  return true;
}

/** @internal Reads apps into cells; throws every problem of their shape with its path. */
export function readCells(cr: CompiledRubric, apps: readonly unknown[]): Cells {
  const n = cr.criteria.length;
  const cells = newCells(n, apps.length, true);
  const plan = fastPlan(cr);
  const fast = prototypeIsClean();
  const issues: RawIssue[] = [];
  const slots = new Array<Answer | undefined>(n).fill(undefined);
  const single = apps.length === 1;
  for (let i = 0; i < apps.length; i++) readApp(plan, apps[i], cells, i, fast, single, issues, slots);
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return cells;
}

/**
 * Checks and reads apps' answers against a rubric's questions once, into an {@link AnswerSheet}
 * that {@link Scorer.scoreSheet} scores — with this rubric or any rubric asking the same
 * questions (one from {@link deriveRubric} changing weights, gates, conditions, thresholds) — in
 * a fraction of the time of reading the apps again. Every answer is evaluated here (its status
 * and normalized score as if nothing had expired, its evidence dates); the as-of date, the
 * district, applicability, gates and weights are applied when scoring.
 *
 * Problems of shape (not an app, no id, an answer to a criterion the rubric does not have, a
 * date that is not a date…) are reported here; a value that does not fit its criterion (a
 * level out of range, an unknown choice) is reported when scoring, and only where the criterion
 * applies — exactly as {@link scoreApps} does.
 *
 * @param rubric - the rubric whose questions the answers answer
 * @param apps - the apps ({@link appSchema})
 * @returns the sheet
 * @throws DistrictKitError listing every problem of the rubric, or of the apps' shape, with its path (`apps[3].answers.dpa.asOf…`)
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [
 *   { id: "sso", title: "Single sign-on", domain: "security", weight: 1, kind: "yesNo" },
 *   { id: "dpa", title: "Signed DPA", domain: "privacy", weight: 1, kind: "yesNo" },
 * ] };
 * const apps = [{ id: "a", name: "A", answers: { sso: { value: "yes" }, dpa: { value: "no" } } }];
 * const sheet = readAnswers(rubric, apps);
 * sheet.appIds; // => ["a"]
 * const options = { asOf: "2026-07-01", district: { state: "NY" } };
 * compileScorer(rubric, options).scoreSheet(sheet)[0]?.score; // => 50
 * const dpaFirst = deriveRubric(rubric, { id: "m2", methodVersion: "2", weights: { dpa: 3 } });
 * compileScorer(dpaFirst, options).scoreSheet(sheet)[0]?.score; // => 25
 * readAnswers(rubric, [{ id: "b", name: "B", answers: { nope: { value: "yes" } } }]); // throws
 * ```
 * @category Scoring
 */
export function readAnswers(rubric: Rubric | RubricInput, apps: readonly unknown[]): AnswerSheet {
  const cr = compileRubric(rubric);
  if (!Array.isArray(apps)) throw DistrictKitError.argument(["apps"], "expected a list of apps");
  const list = guardInput(() => apps.slice(), ["apps"], "the apps"); // a Proxy of a list: the one rule
  const cells = readCells(cr, list);
  const sheet: AnswerSheet = Object.freeze({ rubricId: cr.rubric.id, methodVersion: cr.rubric.methodVersion, appIds: Object.freeze(cells.id.slice()) });
  sheets.set(sheet, { cr, cells, apps: list });
  return sheet;
}
