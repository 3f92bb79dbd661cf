import Papa from "papaparse";
import { bench, describe } from "vitest";
import { generateGoogleAdminExport, inventoryFromExports, readGoogleAdminDevices } from "../src/index.js";

// I1 (PERFORMANCE.md): a 100,000-row Google Admin Chrome device export (GAM headers, quoted notes,
// CRLF), made by the seeded generator that ships with the package, read into validated device
// records; the peer is papaparse alone tokenising the same text (no header handling, no types).
const csv = generateGoogleAdminExport({ devices: 100_000, seed: 1, schools: 30 });
const bytes = new TextEncoder().encode(csv);
const options = { iterations: 10, time: 2000, warmupIterations: 2 };

// sanity: every row is read, none fails (a silent drop would make the benchmark meaningless)
const check = readGoogleAdminDevices(csv);
if (check.stats.parsed !== 100_000 || check.stats.failed !== 0) throw new Error(`I1 workload: expected 100,000 devices, got ${JSON.stringify(check.stats)}`);

describe("I1 import 100,000-row Google Admin export", () => {
  bench(
    "readGoogleAdminDevices (decode, header aliases, typed and validated rows)",
    () => {
      readGoogleAdminDevices(bytes);
    },
    options,
  );
  bench(
    "papaparse alone (peer: tokenise only)",
    () => {
      Papa.parse<string[]>(csv);
    },
    options,
  );
});

describe("I1+ the same export into lifecycle cohorts (models and cohorts validated by lifecycle's schemas)", () => {
  const prices = { models: Object.fromEntries([...new Set(check.rows.map((r) => r.model))].map((m) => [m, { unitPrice: "289" }])) };
  bench(
    "readGoogleAdminDevices + inventoryFromExports (detail: cohorts)",
    () => {
      inventoryFromExports({ googleAdmin: readGoogleAdminDevices(bytes).rows }, { asOf: "2026-07-01", detail: "cohorts", ...prices });
    },
    options,
  );
});
