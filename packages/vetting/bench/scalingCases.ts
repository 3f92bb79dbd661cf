// The scaling cases of the vetting package (issue 18; packages/core/bench/scaling.ts): every entry
// point that takes a list that can be long, with a seeded generator of its input (the same size
// and seed give the same input). Apps of a large review (generateApps: 10 criteria each, so the
// answers are ten times the apps), a rubric of many criteria (its 2,000-criterion cap: the
// elements are then answers, 50 apps × the criteria), decision matrices. ahpWeights (at most 30
// criteria) and projectUnicornPledge (its 10 metrics) are bounded by their validation: not listed.
import { createRng } from "@districtkit/core";
import { scalingCase } from "../../core/bench/scaling.js";
import { compareApps, compileScorer, decisionRobustness, deriveRubric, generateApps, prepareRubric, readAnswers, scoreApps, topsis, weightedSum, whatIfWeights } from "../src/index.js";

/** n apps answering a rubric of 10 criteria. */
const review = (n: number, seed: string) => generateApps({ apps: n, criteria: 10, seed });
/** 50 apps answering a rubric of n / 50 criteria (n answers). */
const wideReview = (n: number, seed: string) => generateApps({ apps: 50, criteria: Math.round(n / 50), seed });
const options = (asOf: string) => ({ asOf, district: { state: "NY" } });

/** n alternatives × 10 criteria. */
function matrix(n: number, seed: number) {
  const rng = createRng(seed);
  const weights = Array.from({ length: 10 }, () => 0.1 + rng.next());
  return {
    weights,
    benefit: weights.map((_, j) => j % 3 !== 0),
    normalize: "max" as const,
    alternatives: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, values: weights.map(() => Math.round(1 + rng.next() * 999)) })),
  };
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase(
    "scoreApps (apps × 10 criteria)",
    (n) => review(n, "score"),
    ({ rubric, apps, asOf }) => scoreApps(rubric, apps, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "scoreApps (answers: 50 apps × criteria grow)",
    (n) => wideReview(n, "wide"),
    ({ rubric, apps, asOf }) => scoreApps(rubric, apps, options(asOf)),
  ),
  scalingCase(
    "compileScorer + scoreApps (apps × 10 criteria)",
    (n) => review(n, "scorer"),
    ({ rubric, apps, asOf }) => compileScorer(rubric, options(asOf)).scoreApps(apps),
    { iterations: 3 },
  ),
  scalingCase(
    "readAnswers (apps × 10 criteria)",
    (n) => review(n, "sheet"),
    ({ rubric, apps }) => readAnswers(rubric, apps),
  ),
  scalingCase(
    "compareApps (apps × 10 criteria)",
    (n) => review(n, "compare"),
    ({ rubric, apps, asOf }) => compareApps(rubric, apps, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "whatIfWeights (apps × 10 criteria)",
    (n) => review(n, "what-if"),
    ({ rubric, apps, asOf }) => whatIfWeights(rubric, apps, { c1: 5, c2: 0.5 }, options(asOf)),
    { iterations: 3 },
  ),
  scalingCase(
    "decisionRobustness (answers: one app, criteria grow to 2,000)",
    (n) => generateApps({ apps: 1, criteria: Math.round(n / 50), seed: "robust" }),
    ({ rubric, apps, asOf }) => decisionRobustness(rubric, apps[0], options(asOf)),
    { iterations: 3 },
  ),
  scalingCase("prepareRubric (criteria grow to 2,000; × 50 elements)", (n) => wideReview(n, "prepare").rubric, prepareRubric),
  scalingCase(
    "deriveRubric (criteria grow to 2,000, every weight changed)",
    (n) => {
      const { rubric } = wideReview(n, "derive");
      return { rubric, weights: Object.fromEntries(rubric.criteria.map((c, i) => [c.id, 1 + (i % 5)])) };
    },
    ({ rubric, weights }) => deriveRubric(rubric, { id: "w", methodVersion: "w.1", weights }),
  ),
  scalingCase("weightedSum (alternatives × 10 criteria)", (n) => matrix(n / 10, 1), weightedSum),
  scalingCase("topsis (alternatives × 10 criteria)", (n) => matrix(n / 10, 2), topsis),
  scalingCase("generateApps (apps × 10 criteria)", (n) => ({ apps: n / 10, criteria: 10, seed: "generate" }), generateApps),
];
