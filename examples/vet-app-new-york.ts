// A New York district vets the same AI writing assistant Maple Valley looked at: Education Law
// §2-d adds hard requirements (the Parents' Bill of Rights in the contract, a data security and
// privacy plan, breach notice within 7 days), and its breach deadlines are dated rules.
// Run: node --conditions=@districtkit/source --import tsx examples/vet-app-new-york.ts
import { readFileSync } from "node:fs";
import { type AppInput, breachNotificationDeadlines, coppaRuleInForce, deriveRubric, K12_RUBRIC, questionnaireJsonSchema, STATE_STUDENT_PRIVACY_LAWS, scoreApp } from "@districtkit/vetting";

const data = JSON.parse(readFileSync(new URL("data/sample-district/apps.json", import.meta.url), "utf8")) as { asOf: string; apps: AppInput[] };
const writemate = data.apps.find((a) => a.id === "writemate-ai")!;
const district = { name: "Cedar Ridge Central School District (fictional)", state: "NY", population: 64_000, userAges: { min: 5, max: 18 } };
const options = { asOf: data.asOf, district };

// 1. The vendor's answers as Maple Valley (Oregon) collected them: the New York checks are unanswered.
const first = scoreApp(K12_RUBRIC, writemate, options);
console.log(`${district.name}, ${district.state} — vetting ${first.appName} as of ${data.asOf}`);
console.log(`\nWith the answers collected in Oregon: ${first.summary}`);
for (const g of first.gatesUnresolved) console.log(`  open hard requirement: ${g.reason}`);
const nyChecks = STATE_STUDENT_PRIVACY_LAWS.NY!.checks;
console.log(`  New York questions to send the vendor: ${nyChecks.map((c) => c.id).join(", ")}`);

// 2. The vendor answers the New York questions (the plan arrives; the contract gets the Bill of Rights).
const answered: AppInput = {
  ...writemate,
  answers: {
    ...writemate.answers,
    "ny.billOfRights": { value: "yes", source: "contract Exhibit C: Parents' Bill of Rights and supplemental information", asOf: "2026-06-28" },
    "ny.securityPlan": { value: "yes", source: "Data Security and Privacy Plan v2, 7 elements", asOf: "2026-06-28" },
    "ny.nistCsf": { value: "yes", source: "plan §3 maps practices to NIST CSF 2.0", asOf: "2026-06-28" },
    "ny.breachNotice7Days": { value: "no", source: "contract §9 says 'without undue delay' (no 7-day commitment)", asOf: "2026-06-28" },
    coppaConsent: { value: "yes", source: "district COPPA authorization form, school use only", asOf: "2026-06-30" },
  },
};
const second = scoreApp(K12_RUBRIC, answered, options);
console.log(`\nAfter the New York answers: ${second.summary}`);
for (const c of second.conditions) console.log(`  condition: ${c}`);
for (const r of second.reasons.slice(1, 4)) console.log(`  note: ${r}`);

// 3. The district makes the 7-day breach notice a hard requirement of its own rubric.
const cedar = deriveRubric(K12_RUBRIC, {
  id: "cedar-ridge",
  methodVersion: "2026.1-cr.1",
  gates: { "ny.breachNotice7Days": true, mfaForAdmins: true },
  conditions: { "ny.breachNotice7Days": "Sign the district's data privacy addendum with the 7-day breach notice before use." },
});
const third = scoreApp(cedar, answered, options);
console.log(`\nWith Cedar Ridge's rubric (${cedar.id} ${cedar.methodVersion}): ${third.summary}`);

// 4. If a breach happens: the vendor discovers it on 2026-11-25 (Thanksgiving week) and tells the district on 2026-12-01.
const breach = breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-11-25", noticeReceivedOn: "2026-12-01" });
console.log(`\nBreach deadlines under ${breach.law}:`);
for (const d of breach.deadlines) console.log(`  by ${d.due}: ${d.who} must ${d.action} (${d.days} ${d.dayType} days, ${d.citation})`);

// 5. COPPA in force, and the vendor questionnaire as JSON Schema
console.log(`\nCOPPA: ${coppaRuleInForce(data.asOf).explanation}`);
const schema = questionnaireJsonSchema(cedar);
const questions = Object.keys((schema.properties as { answers: { properties: Record<string, unknown> } }).answers.properties).length;
console.log(`Vendor questionnaire: "${schema.title}" — ${questions} questions, ${JSON.stringify(schema).length.toLocaleString("en-US")} characters of JSON Schema.`);
