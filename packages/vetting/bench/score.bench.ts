import { bench, describe } from "vitest";
import { generateApps } from "../src/generate.js";
import { prepareRubric } from "../src/derive.js";
import { scoreApps } from "../src/score.js";
import { compileScorer } from "../src/scorer.js";

// V1 (PERFORMANCE.md): score 10,000 apps × 80 criteria with explanations, target ≤ 50 ms median.
// The workload comes from the shipped seeded generator, so anyone can reproduce it. Each result's
// explanation (rows, reasons, summary, triggers) is built when first read; the V1 cases score
// and read the decisions, the last case also reads every explanation (what a report would do).
const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const prepared = prepareRubric(rubric);
const options = { asOf, district: { state: "NY" } };
const scorer = compileScorer(rubric, options);

describe("V1: score 10,000 apps × 80 criteria with explanations", () => {
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
