// Three apps Maple Valley's teachers asked for: a well-known reading program, a free quiz game
// supported by ads, and a new AI writing assistant. Which may be used with students, on what
// conditions, why — in words a parent understands — and when to look again.
// Run: node --conditions=@districtkit/source --import tsx examples/vetting-apps.ts
import { readFileSync } from "node:fs";
import { adaTitleIIComplianceDate, compareApps, contractNoticeDeadlines, decisionRobustness, deriveRubric, explainCriterion, K12_RUBRIC, scoreApps, whatIfWeights } from "@districtkit/vetting";

const data = JSON.parse(readFileSync(new URL("data/sample-district/apps.json", import.meta.url), "utf8")) as {
  asOf: string;
  district: { name: string; state: string; population: number; userAges: { min: number; max: number } };
  apps: { id: string; name: string }[];
};
const options = { asOf: data.asOf, district: data.district };
const label = { approved: "APPROVED", approvedWithConditions: "APPROVED WITH CONDITIONS", denied: "DENIED", needsInformation: "NEEDS MORE INFORMATION" } as const;

console.log(`${data.district.name} (${data.district.state}) — app vetting as of ${data.asOf}, rubric ${K12_RUBRIC.id} ${K12_RUBRIC.methodVersion}`);
const results = scoreApps(K12_RUBRIC, data.apps, options);
for (const r of results) {
  console.log(`\n${r.appName}: ${label[r.decision]}`);
  console.log(`  score ${r.score === null ? "none" : r.score.toFixed(1)} of 100 (${r.tier}), ${Math.round((r.coverage ?? 0) * 100)} % of what matters answered; privacy rating: ${r.rating?.rating}`);
  for (const reason of r.reasons.slice(0, 5)) console.log(`  - ${reason}`);
  for (const c of r.conditions) console.log(`  condition: ${c}`);
  console.log(`  review again by ${r.reReview.on} (${r.reReview.because})`);
}

// How the AI assistant's accessibility line was computed, in one sentence
const ai = results.find((r) => r.appId === "writemate-ai")!;
console.log(`\nWhy "${ai.appName}" has an accessibility condition:\n  ${explainCriterion(ai, "acr")}`);

// How robust is ReadWell's approval to the weights?
const readwell = data.apps.find((a) => a.id === "readwell")!;
console.log(`\nRobustness of ReadWell's approval: ${decisionRobustness(K12_RUBRIC, readwell, options).explanation}`);

// What if the district doubled the weight of accessibility evidence?
const what = whatIfWeights(K12_RUBRIC, data.apps, { acr: 10, wcagClaim: 6 }, options);
console.log(`\nWhat if accessibility evidence counted double? ${what.explanation}`);
for (const row of what.rows) console.log(`  ${row.appId}: ${row.before.decision} ${row.before.score?.toFixed(1)} → ${row.after.decision} ${row.after.score?.toFixed(1)}`);

// A district rubric: MFA for administrators becomes a hard gate
const maple = deriveRubric(K12_RUBRIC, { id: "maple-valley", methodVersion: "2026.1-mv.1", gates: { mfaForAdmins: true } });
const strict = scoreApps(maple, data.apps, options);
console.log(`\nWith Maple Valley's own rubric (${maple.id} ${maple.methodVersion}, based on ${maple.basedOn?.id} ${maple.basedOn?.methodVersion}, MFA required):`);
for (const r of strict) console.log(`  ${r.appName}: ${label[r.decision]}`);

// Side by side (TOPSIS helps choose between candidates; it never approves one)
const cmp = compareApps(K12_RUBRIC, data.apps, options);
console.log("\nSide by side, by domain score (weighted sum | TOPSIS):");
for (const a of cmp.apps) {
  const ws = cmp.weightedSum.ranking.find((x) => x.id === a.appId)!;
  const tp = cmp.topsis.ranking.find((x) => x.id === a.appId)!;
  console.log(
    `  ${a.appName.padEnd(13)} privacy ${fmt(a.domainScores.privacy)}  security ${fmt(a.domainScores.security)}  accessibility ${fmt(a.domainScores.accessibility)}  | rank ${ws.rank} | rank ${tp.rank} (closeness ${tp.score.toFixed(3)})`,
  );
}
console.log(`  ${cmp.note}`);

// Dates the law attaches to the district
const ada = adaTitleIIComplianceDate({ asOf: data.asOf, population: data.district.population });
console.log(`\nADA Title II: ${ada.explanation}`);
const law = contractNoticeDeadlines({ state: data.district.state, signedOn: "2026-06-15" });
console.log(`${law.law ?? "State law"}: ${law.deadlines.length === 0 ? "no posting deadline after signing the WriteMate AI agreement" : law.deadlines.map((d) => d.explanation).join(" ")}.`);
const ct = contractNoticeDeadlines({ state: "CT", signedOn: "2026-06-15" });
console.log(`(Had the district been in Connecticut: ${ct.deadlines[0]?.explanation})`);

function fmt(x: number | null): string {
  return x === null ? "  – " : x.toFixed(0).padStart(4);
}
