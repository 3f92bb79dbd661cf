// The V1 workload (PERFORMANCE.md: 10,000 apps × 80 criteria) and the scorers its benchmarks
// measure, made once for both harnesses: score.bench.ts (vitest bench, wall time) and v1cpu.ts
// (scripts/cpu-bench.mjs, CPU time). It comes from the shipped seeded generator, so anyone can
// reproduce it.
import { compileScorer, deriveRubric, generateApps, prepareRubric, readAnswers } from "@districtkit/vetting";

export const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
export const prepared = prepareRubric(rubric);
export const options = { asOf, district: { state: "NY" } };
export const scorer = compileScorer(rubric, options);
/** the answers read once, then scored by `scorer` and by `whatIf` */
export const sheet = readAnswers(rubric, apps);
/** a what-if of the rubric: two weights changed, a gate turned on (the same questions: the sheet serves it) */
export const whatIf = compileScorer(deriveRubric(rubric, { id: "what-if", methodVersion: "w.1", weights: { c1: 5, c2: 0.5 }, gates: { c9: true } }), options);
