// A district-wide portfolio what-if: the technology office keeps every app it has vetted (here
// the three sample apps plus 10,000 generated ones standing in for a state consortium's list)
// and asks what a stricter rubric and a later review date would do to the decisions. The answers
// are read and checked once (readAnswers); each what-if is then a re-score: no answer is read again
// (a warm re-score of 10,000 apps takes about 40 ms; the first calls in a process are slower).
// Run: node --conditions=@districtkit/source --import tsx examples/vetting-portfolio-what-if.ts
import { readFileSync } from "node:fs";
import { compileScorer, deriveRubric, generateApps, K12_RUBRIC, readAnswers, type ScoreResult } from "@districtkit/vetting";

const data = JSON.parse(readFileSync(new URL("data/sample-district/apps.json", import.meta.url), "utf8")) as {
  asOf: string;
  district: { name: string; state: string; population: number; userAges: { min: number; max: number } };
  apps: { id: string; name: string }[];
};
const options = { asOf: data.asOf, district: data.district };

// 1. Read the sample apps once; score them with the built-in rubric and with a stricter one.
const sheet = readAnswers(K12_RUBRIC, data.apps);
const strict = deriveRubric(K12_RUBRIC, {
  id: "maple-valley-strict",
  methodVersion: "2026.1-mv.2",
  weights: { acr: 10, wcagClaim: 6 }, // accessibility evidence counts double
  gates: { mfaForAdmins: true }, // MFA for administrators becomes a hard gate
  decision: { approveAt: 80, conditionalAt: 65 },
});
const later = { ...options, asOf: "2027-09-01" }; // next school year: evidence ages, certificates expire
const runs: [string, ScoreResult[]][] = [
  [`K-12 rubric, ${options.asOf}`, compileScorer(K12_RUBRIC, options).scoreSheet(sheet)],
  [`strict rubric, ${options.asOf}`, compileScorer(strict, options).scoreSheet(sheet)],
  [`strict rubric, ${later.asOf}`, compileScorer(strict, later).scoreSheet(sheet)],
];
console.log(`${data.district.name}: the same answers under three what-ifs`);
for (let i = 0; i < sheet.appIds.length; i++) {
  console.log(`\n${runs[0]![1][i]!.appName}`);
  for (const [name, results] of runs) {
    const r = results[i]!;
    console.log(`  ${name.padEnd(28)} ${r.decision.padEnd(22)} ${r.score === null ? "  —  " : r.score.toFixed(1).padStart(5)}  ${r.reasons[0] ?? ""}`);
  }
}

// 2. A portfolio the size of a state list: read once, then each what-if is a re-score.
const big = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const bigOptions = { asOf: big.asOf, district: { state: data.district.state } };
let t = performance.now();
const bigSheet = readAnswers(big.rubric, big.apps);
const readMs = performance.now() - t;
const count = (results: ScoreResult[]): string => {
  const n: Record<string, number> = {};
  for (const r of results) n[r.decision] = (n[r.decision] ?? 0) + 1;
  return Object.entries(n)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
};
t = performance.now();
const base = compileScorer(big.rubric, bigOptions).scoreSheet(bigSheet);
const baseMs = performance.now() - t;
const gated = deriveRubric(big.rubric, { id: "gated", methodVersion: "g.1", gates: { c1: true, c2: true }, weights: { c3: 5 } });
t = performance.now();
const what = compileScorer(gated, bigOptions).scoreSheet(bigSheet);
const whatMs = performance.now() - t;
console.log(`\n10,000 generated apps × 80 questions (read and checked once in ${readMs.toFixed(0)} ms):`);
console.log(`  as generated:                ${count(base)}  (${baseMs.toFixed(0)} ms)`);
console.log(`  two more gates, c3 weight 5: ${count(what)}  (${whatMs.toFixed(0)} ms)`);
console.log(`  decisions that changed: ${base.filter((r, i) => r.decision !== what[i]!.decision).length}`);
