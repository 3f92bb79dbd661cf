// A workload to profile L1 (not a benchmark): ten forecasts of the L1 inventory. Run:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --conditions=@districtkit/source --import tsx packages/lifecycle/bench/profile.ts [rows|totals]
// then sum self time per function from the .cpuprofile.
import { forecastReplacements, generateInventory } from "../src/index.js";

const inventory = generateInventory({ devices: 1_000_000, schools: 1800, models: 30, years: 10, seed: "L1" });
const mode = process.argv[2] ?? "rows";
for (let i = 0; i < 10; i++) {
  if (mode === "rows") forecastReplacements({ ...inventory, groupBy: ["school", "model"] });
  else forecastReplacements(inventory);
}
