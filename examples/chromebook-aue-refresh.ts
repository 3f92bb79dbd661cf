// The Chromebook "AUE cliff" at Maple Valley: which devices lose updates when, what to do with a
// broken one near its AUE, a flattened refresh plan, and lease vs buy for the replacements.
// Run: node --conditions=@districtkit/source --import tsx examples/chromebook-aue-refresh.ts
import { readFileSync } from "node:fs";
import { aueCliff, compareLeaseVsBuy, planCappedRefresh, repairOrReplace, sizeSparePool } from "@districtkit/lifecycle";

const devices = JSON.parse(readFileSync(new URL("data/sample-district/devices.json", import.meta.url), "utf8")) as {
  asOf: string;
  models: { id: string; category: string; unitPrice: string; autoUpdateExpiration?: string }[];
  cohorts: { model: string; school: string; role: string; purchaseFiscalYear: number; count: number }[];
};

// 1. The AUE cliff
const cliff = aueCliff(devices);
console.log("Chromebooks losing automatic updates");
console.log(`  already past AUE: ${cliff.alreadyExpired.devices} (${cliff.alreadyExpired.models.map((m) => `${m.model}, AUE ${m.autoUpdateExpiration}`).join("; ")})`);
for (const y of cliff.years.filter((x) => x.devices > 0)) console.log(`  FY${y.fiscalYear}: ${y.devices} (${y.models.map((m) => m.model).join(", ")})`);
console.log(`  ${cliff.explanation}\n`);

// 2. A cracked screen on a Chromebook three months before its AUE, and one on a newer model
console.log("Repair or replace?");
for (const c of [
  { what: "Chromebook 300, 5 years old, AUE in 3 months", repairCost: "79", replacementPrice: "309", ageYears: 5, lifeYears: 6, monthsToSupportEnd: 3 },
  { what: "Chromebook 311 G2, 3 years old, AUE in 5 years", repairCost: "89", replacementPrice: "309", ageYears: 3, lifeYears: 4, monthsToSupportEnd: 60 },
  { what: "Chromebook 311 G2, 1 year old, liquid damage", repairCost: "140", replacementPrice: "309", ageYears: 1, lifeYears: 4, monthsToSupportEnd: 84 },
]) {
  const { what, ...input } = c;
  const r = repairOrReplace(input);
  console.log(`  ${what}: ${r.decision.toUpperCase()} — ${r.explanation}`);
}

// 3. Flatten the Chromebook refresh: each cohort between age 3 and its AUE (or age 6)
const price = (id: string): string => devices.models.find((m) => m.id === id)!.unitPrice;
const aueYear = (id: string): number | undefined => {
  const aue = devices.models.find((m) => m.id === id)!.autoUpdateExpiration;
  return aue ? Number(aue.slice(0, 4)) + (Number(aue.slice(5, 7)) >= 7 ? 2 : 1) : undefined;
};
const chromebooks = devices.cohorts.filter((c) => c.model.startsWith("acme-cb") && c.role === "student");
const plan = planCappedRefresh({
  firstFiscalYear: 2027,
  horizonYears: 6,
  minAgeYears: 3,
  maxAgeYears: 6,
  cohorts: chromebooks.map((c) => {
    const deadline = aueYear(c.model);
    return {
      id: `${c.model}@${c.school} FY${c.purchaseFiscalYear}`,
      count: c.count,
      purchaseFiscalYear: c.purchaseFiscalYear,
      unitPrice: price("acme-cb400"),
      ...(deadline ? { deadlineFiscalYear: deadline } : {}),
    };
  }),
});
console.log(`\nFlattened Chromebook refresh (${plan.explanation})`);
for (const y of plan.years)
  console.log(`  FY${y.fiscalYear}: ${String(y.units).padStart(3)} units  ${y.cost.format()}  ${y.allocations.map((a) => `${a.units} × ${a.cohort}${a.forced ? " (deadline)" : ""}`).join(", ")}`);

// 4. Lease or buy the 300 replacements?
const lease = compareLeaseVsBuy({ units: 300, purchasePrice: "309", years: 4, discountRate: 0.035, leasePayments: ["84", "84", "84", "84"], buyout: "1", residualValue: "30" });
console.log(`\nLease vs buy for 300 Chromebooks: ${lease.explanation}`);

// 5. Loaners for the student fleet
const spares = sizeSparePool({ devices: 810, incidentsPerDeviceYear: 0.21, turnaroundDays: 5 });
console.log(`Spare pool: ${spares.explanation}`);
