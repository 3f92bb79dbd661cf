// L1 (PERFORMANCE.md) in CPU time, the per-device peer in the same run; the machine is shared, so
// wall time says little. Run from the repository root:
//   pnpm run bench:cpu packages/lifecycle/bench/l1cpu.ts [rounds] [case prefix]
// (scripts/cpu-bench.mjs: a full collection before each case, the order alternating between rounds)
import { forecastReplacements, generateInventory } from "../src/index.js";
import { expandDevices, perDeviceExpected } from "../test/perDevice.js";

const inventory = generateInventory({ devices: 1_000_000, schools: 1800, models: 30, years: 10, seed: "L1" });
const devices = expandDevices(inventory);

/** The measured cases: the two forecast shapes and the per-device loop on the same inventory. */
export const cases: [string, () => unknown][] = [
  ["rows (school × model × year)", () => forecastReplacements({ ...inventory, groupBy: ["school", "model"] })],
  ["district totals", () => forecastReplacements(inventory)],
  ["per-device peer", () => perDeviceExpected(devices)],
];
/** The case the others are compared with. */
export const peer = "per-device peer";
