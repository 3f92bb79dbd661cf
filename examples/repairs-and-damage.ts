// Maple Valley's repair tickets (examples/data/sample-district/repairs.json) forecast by model, age
// and month of the school year, with the parts to stock; then three ways to pay for damage to the
// take-home fleet compared by a seeded Monte Carlo: self-insurance, a protection plan and a family
// fee with a reduced fee for NSLP-eligible families and strike charges.
// Run: node --conditions=@districtkit/source --import tsx examples/repairs-and-damage.ts
import { readFileSync } from "node:fs";
import { compareDamageCoverage, forecastRepairs } from "@districtkit/lifecycle";

const history: unknown = JSON.parse(readFileSync(new URL("data/sample-district/repairs.json", import.meta.url), "utf8"));
const forecast = forecastRepairs(history, { months: 12 });
console.log(forecast.explanation);
for (const m of forecast.byModel)
  console.log(`  ${m.model.padEnd(14)} ${String(m.devices).padStart(4)} devices  ${m.expectedRepairs.toFixed(1).padStart(5)} repairs  ${m.expectedReplacements.toFixed(1).padStart(5)} beyond repair`);
console.log("Parts to keep (covers the busiest month 9 times in 10):");
for (const p of forecast.parts)
  console.log(`  ${p.kind.padEnd(9)} ${p.expected.toFixed(1).padStart(5)} a year, mean ${p.averageCost.format()}; stock ${p.suggestedStock} (busiest ${p.peakWindow}: ${p.peakExpected.toFixed(1)})`);

// NSLP-eligible students as the district file counts them (389 of 912): the same share of devices
const district = JSON.parse(readFileSync(new URL("data/sample-district/district.json", import.meta.url), "utf8")) as { schools: { students: number; nslpEligible: number }[] };
const share = district.schools.reduce((a, s) => a + s.nslpEligible, 0) / district.schools.reduce((a, s) => a + s.students, 0);
const nslpDevices = Math.round(forecast.devices * share);
console.log(`\n${nslpDevices} of ${forecast.devices} devices with NSLP-eligible families (${(share * 100).toFixed(1)} % of students)`);
const result = compareDamageCoverage(
  {
    devices: forecast.devices,
    nslpDevices,
    incidents: forecast.incidents,
    options: [
      { kind: "selfInsurance", id: "self", name: "Self-insurance" },
      { kind: "protectionPlan", id: "plan", name: "Accidental-damage plan at $14 a device", premiumPerDevice: "14", copay: "25", copayPaidBy: "district", capPerClaim: "250", claimsPerDeviceYear: 2 },
      {
        kind: "familyFee",
        id: "fee",
        name: "Family fee ($25; $5 with NSLP)",
        annualFee: { standard: "25", nslp: "5" },
        strikes: [
          { standard: "0", nslp: "0" },
          { standard: "50", nslp: "15" },
          { standard: "fullCost", nslp: "50" },
        ],
        collectionRate: 0.85,
      },
    ],
  },
  { seed: 2027, trials: 2000 },
);
console.log(`\n${result.summary}`);
for (const o of [...result.options].sort((a, b) => a.rank - b.rank)) console.log(`  ${o.rank}. ${o.explanation}`);
