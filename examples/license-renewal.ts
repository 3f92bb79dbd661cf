// Maple Valley's licence renewals: notice deadlines as of the planning date (no clock is read),
// auto-renewal warnings, and how many seats each renewal should be right-sized to from usage.
// Run: node --conditions=@districtkit/source --import tsx examples/license-renewal.ts
import { readFileSync } from "node:fs";
import { renewalCalendar, rightSizeSeats, seatsForUtilization, utilizationMetrics } from "@districtkit/licenses";

const read = (name: string): any => JSON.parse(readFileSync(new URL(`./data/sample-district/${name}`, import.meta.url), "utf8"));
const data = read("licenses.json");
const usage = read("usage.json");

console.log(`Renewal calendar as of ${data.planningDate}`);
for (const e of renewalCalendar({ asOf: data.planningDate, contracts: data.currentContracts })) {
  const flag = e.status === "notice-passed" ? "PASSED " : e.status === "act-now" ? "ACT NOW" : "       ";
  console.log(`  ${flag} ${e.noticeDeadline}  ${e.sentence}`);
  if (e.warning) console.log(`          ! ${e.warning}`);
  const next = e.milestones.find((m) => !m.passed);
  if (next) console.log(`          next milestone: ${next.daysBefore} days before renewal, ${next.date}`);
}

console.log("");
console.log("Right-sizing at renewal (users active since 1 May 2026, 10 % buffer, 90 % utilization target):");
for (const c of data.currentContracts) {
  const users = usage.users.filter((u: any) => u.productId === c.productId);
  if (users.length === 0) continue;
  const active = users.filter((u: any) => u.lastActive !== null && u.lastActive >= "2026-05-01").length;
  const m = utilizationMetrics({ seats: c.seats, activeUsers: active, cost: c.annualCost });
  console.log(
    `  ${c.productId.padEnd(11)} owns ${String(c.seats).padStart(4)} seats, ${String(active).padStart(4)} active → renew ${rightSizeSeats(active, 0.1)} (buffer) or ${seatsForUtilization(active, 0.9)} (90 % target); ` +
      `${m.costPerActiveUser?.format()} per active user, idle seats cost ${m.idleCostPerYear.format()} a year`,
  );
}
