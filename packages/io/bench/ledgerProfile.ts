// A workload to profile the ledger import (not a benchmark): five reads of issue 16's workload. Run:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=@districtkit/source --import tsx packages/io/bench/ledgerProfile.ts [read|parse|map]
// then sum self time per function from the .cpuprofile.
import { mapLedger, parseLedger, readLedger } from "../src/index.js";
import { bytes, districtWide } from "./ledgerWorkload.js";

const mode = process.argv[2] ?? "read";
const table = mode === "map" ? parseLedger("budget", bytes) : null;
for (let i = 0; i < 5; i++) {
  if (mode === "read") readLedger(bytes, districtWide);
  else if (mode === "parse") parseLedger("budget", bytes);
  else mapLedger(table!, districtWide);
}
