// Maple Valley's software licences: what do the current contracts cost over FY2027–FY2029, what is
// the cheapest plan that still covers every school, role and year (proven optimal), which seats
// can be reclaimed now, and which products overlap?
// Run: node --conditions=@districtkit/source --import tsx examples/licenses-optimize.ts
import { readFileSync } from "node:fs";
import { buildLicensePlanInput, findOverlaps, optimizeLicenses, reclaimableSeats, utilizationMetrics } from "@districtkit/licenses";

const read = (name: string): any => JSON.parse(readFileSync(new URL(`./data/sample-district/${name}`, import.meta.url), "utf8"));
const data = read("licenses.json");
const usage = read("usage.json");

// Demand: rosters × adoption for most products, devices as given, and ReadWell from usage
// (students active in the last 60 days of the school year, plus a 5 % buffer).
const input = buildLicensePlanInput(data, usage.users);
const plan = optimizeLicenses(input);

const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padL = (s: string, n: number): string => (s.length >= n ? s : " ".repeat(n - s.length) + s);

console.log(`Maple Valley software licences, FY${plan.years[0]}–FY${plan.years[plan.years.length - 1]}`);
console.log(`  current contracts: ${plan.currentCost?.format()}`);
console.log(`  optimal plan:      ${plan.totalCost.format()} (${plan.status}${plan.beyondHorizonCost.isZero() ? "" : `; ${plan.beyondHorizonCost.format()} more in later years of multi-year terms`})`);
console.log(`  saving:            ${plan.savings?.format()}`);
console.log("");
console.log("The plan:");
for (const p of plan.purchases) {
  console.log(`  ${pad(p.productIds.join("+"), 11)} ${pad(p.kind, 9)} ${padL(p.total.format(), 11)}  ${p.description}`);
}
console.log("");
console.log("Why, product by product:");
for (const p of plan.products) {
  console.log(`  ${p.explanation.summary}`);
  for (const b of p.explanation.siteBreakEven.filter((x) => x.fiscalYear === plan.years[0])) console.log(`      ${b.sentence}`);
  for (const b of p.explanation.boughtUp) console.log(`      ${b.sentence}`);
  for (const c of p.explanation.priceCliffs) console.log(`      ${c.sentence}`);
  if (p.explanation.whatWouldChange) console.log(`      ${p.explanation.whatWouldChange}`);
  if (p.explanation.current) console.log(`      Current contract ${p.explanation.current.cost.format()} → plan ${p.explanation.current.plan.format()}.`);
}

console.log("");
console.log("Seats to reclaim now (inactive for 60+ days at the end of the school year):");
const prices: Record<string, string> = { reading: "12.00", quickcheck: "3.50", pollpro: "60.00" };
for (const r of reclaimableSeats({ asOf: usage.asOf, inactiveDays: 60, users: usage.users, seatPrices: prices })) console.log(`  ${r.sentence}`);

console.log("");
console.log("Overlapping products:");
const spend = data.currentContracts.map((c: any) => {
  const users = usage.users.filter((u: any) => u.productId === c.productId);
  const active = users.filter((u: any) => u.lastActive !== null && u.lastActive >= "2026-05-01").length;
  return { productId: c.productId, annualCost: c.annualCost, seats: c.seats ?? 0, activeUsers: users.length > 0 ? active : (c.seats ?? 0) };
});
for (const o of findOverlaps({ products: data.products, spend })) console.log(`  ${o.sentence}`);
const reading = spend.find((s: any) => s.productId === "reading");
console.log(`  ReadWell today: ${utilizationMetrics({ seats: reading.seats, activeUsers: reading.activeUsers, cost: reading.annualCost }).sentence}`);
console.log("");
console.log(plan.explanation);
