// Maple Valley's enrolment and licence use from the files its systems export: a OneRoster 1.2
// roster (the SIS nightly export) counted by school, grade and role and turned into budget schools;
// the licence contract list and a usage export compared seat by seat; and the vetting questionnaire
// read into apps the vetting engine scores.
// Run: node --conditions=@districtkit/source --import tsx examples/import-roster.ts
import { readFileSync, readdirSync } from "node:fs";
import { districtSchema } from "@districtkit/budget";
import { K12_RUBRIC, scoreApp } from "@districtkit/vetting";
import { budgetSchoolsFromRoster, readLicenseContracts, readOneRoster, readUsage, readVettingAnswers, vettingAppsFromAnswers } from "@districtkit/io";

const dir = new URL("data/oneroster/", import.meta.url);
const file = (path: string): Uint8Array => readFileSync(new URL(`data/${path}`, import.meta.url));

// 1. The roster: every file of the folder (a zip's files work the same way)
const roster = readOneRoster(Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(new URL(name, dir))])));
console.log(`OneRoster: ${Object.entries(roster.stats.files).map(([f, s]) => `${f} ${s.parsed}`).join(", ")} rows; ${roster.errors.length} row errors`);
for (const w of roster.warnings) console.log(`  note: ${w}`);
console.log("Enrolment by school (active users):");
for (const s of roster.value.schools) {
  // counts is sorted by grade (an object's integer-like keys such as "10" would come before "09")
  const grades = roster.value.counts.filter((c) => c.schoolSourcedId === s.sourcedId && c.role === "student").map((c) => `${c.grade} ${c.count}`).join(", ");
  console.log(`  ${s.name.padEnd(24)} ${String(s.students).padStart(4)} students, ${String(s.teachers).padStart(2)} teachers   (${grades})`);
}
console.log(`  District: ${roster.value.totals.students} students, ${roster.value.totals.teachers} teachers; ${roster.value.excluded.inactiveUsers} withdrawn users left out`);

// 2. Budget schools: the roster gives the counts, the district gives locale and NSLP counts
const { schools, explanation } = budgetSchoolsFromRoster(roster.value, {
  fiscalYear: 2026,
  locale: "rural",
  nslpEligible: { "Maple Valley Elementary": 188, "Maple Valley Middle": 97, "Maple Valley High": 104 },
  ids: { "org-mve": "mves", "org-mvm": "mvms", "org-mvh": "mvhs" },
});
const district = districtSchema.parse({ name: "Maple Valley School District", asOf: "2026-07-01", schools });
console.log(`\nBudget: ${explanation} Validated as a district of ${district.schools.length} schools.`);

// 3. Licences: seats bought against users active since 1 March 2026
const contracts = readLicenseContracts(file("licenses/contracts.csv"));
const usage = readUsage(file("licenses/usage.csv"));
console.log(`\nLicences: ${contracts.stats.parsed} contracts, ${usage.stats.parsed} usage rows (columns matched: ${usage.columns.map((c) => `${c.field}←"${c.header}"`).join(", ")})`);
console.log("  product               seats  users  active  unused seats  renewal     notice");
for (const c of contracts.rows) {
  const users = usage.rows.filter((u) => u.product === c.product);
  if (users.length === 0) continue;
  const active = users.filter((u) => u.lastActive !== undefined && u.lastActive >= "2026-03-01").length;
  const seats = c.seats ?? 0;
  const unused = Math.max(0, seats - active);
  console.log(`  ${c.product.padEnd(20)} ${String(seats).padStart(6)} ${String(users.length).padStart(6)} ${String(active).padStart(7)} ${String(unused).padStart(6)} (${Math.round((100 * unused) / Math.max(seats, 1))} %)  ${c.renewalDate ?? "-"}  ${c.noticeDays ?? "-"} days`);
}

// 4. Vetting: the questionnaire as the vetting engine's apps
const answers = readVettingAnswers(file("vetting/answers.csv"));
const { apps, normalised } = vettingAppsFromAnswers(answers.rows);
console.log(`\nVetting: ${answers.stats.parsed} answers for ${apps.length} apps (${normalised.length} rewritten in the rubric's words, e.g. ${normalised[1]})`);
for (const app of apps) {
  const r = scoreApp(K12_RUBRIC, app, { asOf: "2026-07-01", district: { state: "WA" } });
  console.log(`  ${app.name.padEnd(14)} ${r.decision.padEnd(18)} score ${r.score === null ? "none" : r.score.toFixed(1)}, coverage ${r.coverage === null ? "none" : `${(100 * r.coverage).toFixed(0)} %`}`);
}
