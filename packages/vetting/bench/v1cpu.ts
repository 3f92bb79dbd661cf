// V1 (PERFORMANCE.md) in CPU time; the machine is shared, so wall time says little. Run from the
// repository root:
//   pnpm run bench:cpu packages/vetting/bench/v1cpu.ts [rounds] [case prefix]
// (scripts/cpu-bench.mjs: a full collection before each case, the order alternating between rounds)
import { compileScorer, deriveRubric, generateApps, prepareRubric, readAnswers, scoreApps } from "../src/index.js";

const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const prepared = prepareRubric(rubric);
const options = { asOf, district: { state: "NY" } };
const scorer = compileScorer(rubric, options);
const sheet = readAnswers(rubric, apps);
// a what-if: two weights changed, a gate turned on (the same questions: the sheet serves it)
const whatIf = compileScorer(deriveRubric(rubric, { id: "what-if", methodVersion: "w.1", weights: { c1: 5, c2: 0.5 }, gates: { c9: true } }), options);
/** The measured cases: the V1 call a user makes, its variants, and reading every explanation. */
export const cases: [string, () => unknown][] = [
  ["compileScorer(…).scoreApps", () => scorer.scoreApps(apps)],
  ["scoreApps (prepared rubric)", () => scoreApps(prepared, apps, options)],
  ["scoreApps (rubric validated)", () => scoreApps(rubric, apps, options)],
  ["scorer.scoreSheet (answers read once)", () => scorer.scoreSheet(sheet)],
  ["what-if scorer.scoreSheet", () => whatIf.scoreSheet(sheet)],
  ["readAnswers (reading the sheet)", () => readAnswers(rubric, apps)],
  ["scoreSheet + every reason and summary read", () => { for (const r of scorer.scoreSheet(sheet)) void (r.reasons.length + r.summary.length); }],
  ["scorer + every reason and summary read", () => { for (const r of scorer.scoreApps(apps)) void (r.reasons.length + r.summary.length); }],
];
