import { bench, describe } from "vitest";
import { generateApps } from "../src/generate.js";
import { prepareRubric } from "../src/derive.js";
import { scoreApps } from "../src/score.js";

// V1 (PERFORMANCE.md): score 10,000 apps × 80 criteria with explanations, target ≤ 50 ms median.
// The workload comes from the shipped seeded generator, so anyone can reproduce it.
const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const prepared = prepareRubric(rubric);
const options = { asOf, district: { state: "NY" } };

describe("V1: score 10,000 apps × 80 criteria with explanations", () => {
  bench(
    "scoreApps (prepared rubric)",
    () => {
      scoreApps(prepared, apps, options);
    },
    { iterations: 10, time: 2000 },
  );
  bench(
    "scoreApps (rubric validated in the call)",
    () => {
      scoreApps(rubric, apps, options);
    },
    { iterations: 10, time: 2000 },
  );
});
