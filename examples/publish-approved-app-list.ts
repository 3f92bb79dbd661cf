// Maple Valley's privacy register (examples/data/privacy/register.csv, one row per agreement)
// checked on the as-of date, the approved-app list Illinois' SOPPA would have the district post
// (with its gaps and deadlines), the roster really sent to WriteMate AI against its agreement, and
// the apps in use that the register does not clear.
// Run: node --conditions=@districtkit/source --import tsx examples/publish-approved-app-list.ts
import { readFileSync } from "node:fs";
import { readPrivacyRegister, readUsage, sharedRosterFromOneRoster, writeApprovedAppList } from "@districtkit/io";
import { buildApprovedAppList, checkRosterSharing, findUnvettedApps, renderPublicDocumentHtml, reviewRegister } from "@districtkit/vetting";

const file = (path: string): Uint8Array => readFileSync(new URL(`data/${path}`, import.meta.url));
const asOf = "2026-07-01";

const read = readPrivacyRegister(file("privacy/register.csv"));
console.log(`Register: ${read.stats.parsed} agreements read, ${read.errors.length} row errors`);
const register = { district: { name: "Maple Valley School District", state: "IL", website: "https://mvsd.example.org", privacyContact: "privacy@mvsd.example.org" }, agreements: read.rows };

console.log(`\nOn ${asOf}:`);
for (const a of reviewRegister(register, { asOf })) {
  console.log(`  ${a.appName.padEnd(22)} ${a.cleared ? "cleared    " : "not cleared"} ${a.status}${a.issues.length > 0 ? ` — ${a.issues[0]}` : ""}`);
}

const list = buildApprovedAppList(register, { asOf, since: "2026-01-15" });
console.log(`\n${list.summary}`);
for (const g of list.gaps) console.log(`  gap: ${g.appName ?? "the list"} — ${g.missing} (${g.citation})`);
for (const d of list.deadlines) console.log(`  deadline: ${d.explanation}`);
for (const a of list.changes.added) console.log(`  added since the last list: ${a.appName}`);
for (const r of list.changes.removed) console.log(`  removed since the last list: ${r.appName} (${r.reason})`);
const html = renderPublicDocumentHtml(list);
const csv = writeApprovedAppList(list);
console.log(`  the page to post: ${html.length} characters of self-contained HTML; the CSV: ${csv.trimEnd().split("\r\n").length - 1} apps`);

const roster = sharedRosterFromOneRoster("writemate-ai", {
  "users.csv": file("oneroster/users.csv"),
  "roles.csv": file("oneroster/roles.csv"),
  "enrollments.csv": file("oneroster/enrollments.csv"),
});
const check = checkRosterSharing(register, roster.shared, { asOf });
console.log(`\n${check.summary}`);
for (const f of check.findings) console.log(`  ${f}`);

const unvetted = findUnvettedApps(register, readUsage(file("licenses/usage.csv")).rows, { asOf });
console.log(`\n${unvetted.summary}`);
