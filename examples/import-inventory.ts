// Maple Valley's inventory from the files the technology office really has: a Snipe-IT asset export
// and a Google Admin Chrome device export. Read both (every bad row reported with its line), match
// them, give each Chromebook model its Auto Update Expiration, build lifecycle cohorts, and print a
// five-year replacement forecast — then export it as tidy CSV files.
// Run: node --conditions=@districtkit/source --import tsx examples/import-inventory.ts
import { readFileSync } from "node:fs";
import type { Money } from "@districtkit/core";
import { forecastTables, inventoryFromExports, readGoogleAdminDevices, readSnipeItAssets, toCsv } from "@districtkit/io";
import { forecastReplacements } from "@districtkit/lifecycle";

const file = (path: string): Uint8Array => readFileSync(new URL(`data/${path}`, import.meta.url));
const usd = (m: Money): string => m.format("en-US", { maximumFractionDigits: 0 });

// 1. Read the two exports (bytes, as a browser's File gives them)
const snipe = readSnipeItAssets(file("snipe-it/assets.csv"));
const google = readGoogleAdminDevices(file("google-admin/chrome-devices.csv"));
console.log(`Snipe-IT export: ${snipe.stats.total} rows, ${snipe.stats.parsed} read, ${snipe.stats.failed} refused; extra columns kept: ${snipe.unknownColumns.join(", ")}`);
for (const e of snipe.errors) console.log(`  ${e.message}`);
console.log(`Google Admin export: ${google.stats.parsed} Chromebooks read (${google.encoding})`);

// 2. One inventory: schools by location, a few facts no export holds (life, hand-entered support ends)
const life: Record<string, number> = { chromebook: 4, ipad: 5, "windows-laptop": 5, desktop: 6, "interactive-display": 7, network: 7, server: 6, other: 5 };
const inventory = inventoryFromExports(
  { snipeIt: snipe.rows, googleAdmin: google.rows },
  {
    asOf: "2026-07-01",
    schools: { "Maple Valley Elementary": "mves", "Maple Valley Middle": "mvms", "Maple Valley High": "mvhs", "District Office": "district-office" },
    roles: { "OptiPlex 7010": "lab" },
    models: { "iPad 10th gen": { supportEnd: "2031-09-30" }, "iPad 9th gen": { supportEnd: "2028-09-30" } },
  },
);
const models = inventory.models.map((m) => ({ ...m, expectedLifeYears: m.expectedLifeYears ?? life[m.category] ?? 5 }));
console.log(`\n${inventory.explanation}`);
for (const e of inventory.excluded) console.log(`  left out: ${e.source} line ${e.line} (${e.id}): ${e.reason}`);
console.log("Auto Update Expiration by Chromebook model (from the devices that report it):");
for (const m of models.filter((x) => x.autoUpdateExpiration !== undefined)) {
  const n = inventory.cohorts.filter((c) => c.model === m.id).reduce((s, c) => s + c.count, 0);
  console.log(`  ${m.id.padEnd(24)} AUE ${m.autoUpdateExpiration}  ${String(n).padStart(4)} devices  ${usd(m.unitPrice)} each`);
}

// 3. A five-year forecast with the sample district's failure assumptions
const assumptions = JSON.parse(readFileSync(new URL("data/sample-district/devices.json", import.meta.url), "utf8")) as { failure: unknown };
const forecast = forecastReplacements({ asOf: inventory.asOf, horizonYears: 5, models, cohorts: inventory.cohorts, failure: assumptions.failure, policy: { retireAtAue: true } });
console.log("\nReplacement forecast (expected)");
console.log("  year     retired  failed+lost  bought      capital");
for (const y of forecast.summary) {
  console.log(
    `  ${y.label}  ${y.plannedRetirements.toFixed(0).padStart(7)}  ${(y.failures + y.losses).toFixed(1).padStart(11)}  ${y.purchases.total.toFixed(0).padStart(6)}  ${usd(y.capital).padStart(11)}`,
  );
}
console.log("  Why the Chromebooks of FY2021–22 go first:");
for (const c of forecast.cohorts.filter((x) => x.model === "Acme Chromebook 300")) console.log(`   - ${c.explanation}`);

// 4. Export: tidy tables (one CSV per table), money as exact decimals
const tables = forecastTables(forecast);
console.log(
  `\nExport: ${Object.entries(tables)
    .map(([name, t]) => `${name}.csv (${t.rows.length} rows)`)
    .join(", ")}`,
);
console.log(toCsv({ columns: tables["spend"]!.columns, rows: tables["spend"]!.rows.slice(0, 4) }).trimEnd());
