import { bench, describe } from "vitest";
import { scoreApps } from "../src/score.js";
import { readAnswers } from "../src/sheet.js";
import { apps, options, prepared, rubric, scorer, sheet, whatIf } from "./v1Workload.js";

// V1 (PERFORMANCE.md): score 10,000 apps × 80 criteria with explanations, target ≤ 50 ms median,
// on the workload of v1Workload.ts. Each result's
// explanation (rows, reasons, summary, triggers) is built when first read; the V1 cases score
// and read the decisions, the last case also reads every explanation (what a report would do).
describe("V1: score 10,000 apps × 80 criteria with explanations", () => {
  bench(
    "scorer.scoreSheet (answers read once with readAnswers)",
    () => {
      scorer.scoreSheet(sheet);
    },
    { iterations: 20, time: 2000, warmupIterations: 5 },
  );
  bench(
    "what-if scorer (weights and a gate changed) .scoreSheet, same sheet",
    () => {
      whatIf.scoreSheet(sheet);
    },
    { iterations: 20, time: 2000, warmupIterations: 5 },
  );
  bench(
    "scorer.scoreSheet, then every result's reasons and summary read",
    () => {
      let n = 0;
      for (const r of scorer.scoreSheet(sheet)) n += r.reasons.length + r.summary.length;
      if (n === 0) throw new Error("no explanations");
    },
    { iterations: 5, time: 2000, warmupIterations: 2 },
  );
  bench(
    "readAnswers (reading and checking 800,000 answers once)",
    () => {
      readAnswers(rubric, apps);
    },
    { iterations: 10, time: 2000, warmupIterations: 3 },
  );
  bench(
    "compileScorer(…).scoreApps (rubric and options compiled once)",
    () => {
      scorer.scoreApps(apps);
    },
    { iterations: 10, time: 2000, warmupIterations: 3 },
  );
  bench(
    "scoreApps (prepared rubric)",
    () => {
      scoreApps(prepared, apps, options);
    },
    { iterations: 10, time: 2000, warmupIterations: 3 },
  );
  bench(
    "scoreApps (rubric validated in the call)",
    () => {
      scoreApps(rubric, apps, options);
    },
    { iterations: 10, time: 2000, warmupIterations: 3 },
  );
  bench(
    "scorer.scoreApps, then every result's reasons and summary read",
    () => {
      let n = 0;
      for (const r of scorer.scoreApps(apps)) n += r.reasons.length + r.summary.length;
      if (n === 0) throw new Error("no explanations");
    },
    { iterations: 5, time: 2000, warmupIterations: 2 },
  );
});
