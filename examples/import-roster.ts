// Maple Valley's enrolment and licence use from the files its systems export: a OneRoster 1.2
// roster (the SIS nightly export) counted by school, grade and role and turned into budget schools
// and licence demand; the licence contract list and a usage export read into the licences engine's
// renewal calendar and reclaimable seats; and the vetting questionnaire read into apps it scores.
// Run: node --conditions=@districtkit/source --import tsx examples/import-roster.ts
import { readdirSync, readFileSync } from "node:fs";
import { districtSchema } from "@districtkit/budget";
import {
  budgetSchoolsFromRoster,
  licenseContractsToCurrent,
  licenseEnrollmentFromRoster,
  readLicenseContracts,
  readOneRoster,
  readUsage,
  readVettingAnswers,
  usageToLicenseUsers,
  vettingAppsFromAnswers,
} from "@districtkit/io";
import { demandFromRosters, reclaimableSeats, renewalCalendar } from "@districtkit/licenses";
import { K12_RUBRIC, scoreApp } from "@districtkit/vetting";

const dir = new URL("data/oneroster/", import.meta.url);
const file = (path: string): Uint8Array => readFileSync(new URL(`data/${path}`, import.meta.url));

// 1. The roster: every file of the folder (a zip's files work the same way)
const roster = readOneRoster(Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(new URL(name, dir))])));
console.log(
  `OneRoster: ${Object.entries(roster.stats.files)
    .map(([f, s]) => `${f} ${s.parsed}`)
    .join(", ")} rows; ${roster.errors.length} row errors`,
);
for (const w of roster.warnings) console.log(`  note: ${w}`);
console.log("Enrolment by school (active users):");
for (const s of roster.value.schools) {
  // counts is sorted by grade (an object's integer-like keys such as "10" would come before "09")
  const grades = roster.value.counts
    .filter((c) => c.schoolSourcedId === s.sourcedId && c.role === "student")
    .map((c) => `${c.grade} ${c.count}`)
    .join(", ");
  console.log(`  ${s.name.padEnd(24)} ${String(s.students).padStart(4)} students, ${String(s.teachers).padStart(2)} teachers   (${grades})`);
}
console.log(`  District: ${roster.value.totals.students} students, ${roster.value.totals.teachers} teachers; ${roster.value.excluded.users.length} users left out:`);
// every user in no school's count says why (inactive, no org, org not a school, org not in orgs.csv)
const reasons = new Map<string, number>();
for (const u of roster.value.excluded.users) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
for (const [reason, n] of reasons) console.log(`    ${reason}: ${n} (e.g. ${roster.value.excluded.users.find((u) => u.reason === reason)!.explanation})`);

// 2. Budget schools: the roster gives the counts, the district gives locale and NSLP counts
const { schools, explanation } = budgetSchoolsFromRoster(roster.value, {
  fiscalYear: 2026,
  locale: "rural",
  nslpEligible: { "Maple Valley Elementary": 188, "Maple Valley Middle": 97, "Maple Valley High": 104 },
  ids: { "org-mve": "mves", "org-mvm": "mvms", "org-mvh": "mvhs" },
});
const district = districtSchema.parse({ name: "Maple Valley School District", asOf: "2026-07-01", schools });
console.log(`\nBudget: ${explanation} Validated as a district of ${district.schools.length} schools.`);

// 3. Licences: the vendor-style contract list and usage export, into the licences engine's records
const names = JSON.parse(readFileSync(new URL("data/sample-district/licenses.json", import.meta.url), "utf8")) as { products: { id: string; name: string }[]; schools: { id: string; name: string }[] };
const products = Object.fromEntries(names.products.map((p) => [p.name, p.id]));
const licenceSchools = Object.fromEntries(names.schools.map((s) => [s.name, s.id]));
const contractFile = readLicenseContracts(file("licenses/contracts.csv"));
const usageFile = readUsage(file("licenses/usage.csv"));
console.log(`\nLicences: ${contractFile.stats.parsed} contract lines, ${usageFile.stats.parsed} usage rows (columns matched: ${usageFile.columns.map((c) => `${c.field}←"${c.header}"`).join(", ")})`);
const { contracts } = licenseContractsToCurrent(contractFile.rows, { products });
const { users } = usageToLicenseUsers(usageFile.rows, { products, schools: licenceSchools, source: "vendor usage export" });
console.log("Renewals as of 15 March 2026 (notice deadlines first):");
for (const r of renewalCalendar({ asOf: "2026-03-15", contracts }).slice(0, 4)) console.log(`  ${r.sentence}`);
console.log("Seats nobody used in the last 60 days (as of 30 June 2026):");
for (const r of reclaimableSeats({ asOf: "2026-06-30", users })) console.log(`  ${r.sentence}`);
const seats = licenseEnrollmentFromRoster(roster.value, { schools: { "org-mve": "mves", "org-mvm": "mvms", "org-mvh": "mvhs" } });
const k8 = demandFromRosters({ productId: "math", fiscalYears: [2027], enrollment: seats.enrollment, staff: seats.staff, adoption: { grades: { low: 0, high: 8 }, students: 1 } });
console.log(`K–8 math seats the roster calls for in FY2027: ${k8.reduce((n, c) => n + c.seats, 0)}`);

// 4. Vetting: the questionnaire as the vetting engine's apps
const answers = readVettingAnswers(file("vetting/answers.csv"));
const { apps, normalised } = vettingAppsFromAnswers(answers.rows);
console.log(`\nVetting: ${answers.stats.parsed} answers for ${apps.length} apps (${normalised.length} rewritten in the rubric's words, e.g. ${normalised[1]})`);
for (const app of apps) {
  const r = scoreApp(K12_RUBRIC, app, { asOf: "2026-07-01", district: { state: "WA" } });
  console.log(
    `  ${app.name.padEnd(14)} ${r.decision.padEnd(18)} score ${r.score === null ? "none" : r.score.toFixed(1)}, coverage ${r.coverage === null ? "none" : `${(100 * r.coverage).toFixed(0)} %`}`,
  );
}
