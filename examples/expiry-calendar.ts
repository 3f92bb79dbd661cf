// Maple Valley's calendar of everything that expires, as of the district's date (no clock is read):
// device support ends and warranties from the inventory, licence renewals with their notice
// deadlines, the state grant's and Title IV-A's obligation and liquidation deadlines, the E-Rate
// Category Two cycle, app re-reviews, a lease and a privacy agreement entered by hand — merged,
// in the order they need action, then written as an iCalendar file and a CSV.
// Run: node --conditions=@districtkit/source --import tsx examples/expiry-calendar.ts
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { calendarToCsv, calendarToIcs, districtCalendar } from "@districtkit/io";
import { K12_RUBRIC, scoreApps } from "@districtkit/vetting";

const read = (name: string): any => JSON.parse(readFileSync(new URL(`./data/sample-district/${name}.json`, import.meta.url), "utf8"));
const district = read("district");
const devices = read("devices");
const licenses = read("licenses");
const apps = read("apps");
const asOf: string = district.asOf;

const calendar = districtCalendar({
  asOf,
  devices: { models: devices.models, cohorts: devices.cohorts },
  licences: { contracts: licenses.currentContracts, products: licenses.products },
  budget: { model: { district, budget: read("budget") } },
  reviews: scoreApps(K12_RUBRIC, apps.apps, { asOf, district: { state: district.state } }),
  // not in the sample files: a lease and a data-privacy agreement, as a district would enter them
  leases: [{ id: "ms-ipads", name: "Middle-school iPad lease", count: 240, returnOn: "2029-06-30", noticeDays: 90, buyoutPerDevice: "40" }],
  agreements: [{ id: "dpa-readwell", vendor: "ReadWell Learning, Inc.", app: "readwell", expiresOn: "2027-06-30", noticeDays: 60, students: 912 }],
});

console.log(calendar.explanation);
console.log("");
const label = { passed: "passed ", overdue: "OVERDUE", "act-now": "ACT NOW", upcoming: "       " } as const;
for (const it of calendar.items) {
  const stake = [it.atStake.amount ? it.atStake.amount.format() : null, it.atStake.units !== null ? `${it.atStake.units} ${it.atStake.unit}` : null].filter(Boolean).join(", ");
  console.log(`${label[it.status]} act by ${it.lastDayToAct ?? "—         "}  ${it.date}  ${it.title}${stake ? `  [${stake}]` : ""}`);
  if (it.status === "overdue" || it.status === "act-now") console.log(`          → ${it.action}${it.budgetLines.length ? ` (budget: ${it.budgetLines.map((l) => l.name).join(", ")})` : ""}`);
}

const dir = tmpdir();
writeFileSync(join(dir, "maple-valley-calendar.ics"), calendarToIcs(calendar, { name: "Maple Valley: everything that expires" }));
writeFileSync(join(dir, "maple-valley-calendar.csv"), calendarToCsv(calendar));
console.log("");
console.log(`Wrote ${calendar.items.length} items to ${join(dir, "maple-valley-calendar.ics")} and .csv (import the .ics into any calendar app).`);
