// V1 (PERFORMANCE.md) in CPU time; the machine is shared, so wall time says little. Run from the
// repository root:
//   pnpm run bench:cpu packages/vetting/bench/v1cpu.ts [rounds] [case prefix] [--processes N [--built]]
// (scripts/cpu-bench.mjs: rounds in one process with a full collection before each case, or each
// case alone in N fresh processes; --built measures dist/, which this module reaches by importing
// the package by name)
import { readAnswers, scoreApps } from "@districtkit/vetting";
import { apps, options, prepared, rubric, scorer, sheet, whatIf } from "./v1Workload.js";

/** The measured cases: the V1 call a user makes, its variants, and reading every explanation. */
export const cases: [string, () => unknown][] = [
  ["compileScorer(…).scoreApps", () => scorer.scoreApps(apps)],
  ["scoreApps (prepared rubric)", () => scoreApps(prepared, apps, options)],
  ["scoreApps (rubric validated)", () => scoreApps(rubric, apps, options)],
  ["scorer.scoreSheet (answers read once)", () => scorer.scoreSheet(sheet)],
  ["what-if scorer.scoreSheet", () => whatIf.scoreSheet(sheet)],
  ["readAnswers (reading the sheet)", () => readAnswers(rubric, apps)],
  [
    "scoreSheet + every reason and summary read",
    () => {
      for (const r of scorer.scoreSheet(sheet)) void (r.reasons.length + r.summary.length);
    },
  ],
  [
    "scorer + every reason and summary read",
    () => {
      for (const r of scorer.scoreApps(apps)) void (r.reasons.length + r.summary.length);
    },
  ],
];
