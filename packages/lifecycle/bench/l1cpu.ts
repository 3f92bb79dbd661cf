// L1 (PERFORMANCE.md) in CPU time, the per-device peer in the same run; the machine is shared, so
// wall time says little. Run from the repository root:
//   pnpm run bench:cpu packages/lifecycle/bench/l1cpu.ts [rounds] [case prefix] [--processes N [--built]]
// (scripts/cpu-bench.mjs: rounds in one process with a full collection before each case, or each
// case alone in N fresh processes; --built measures dist/, which this module reaches by importing
// the package by name)
import { forecastReplacements, generateInventory } from "@districtkit/lifecycle";
import { expandDevices, perDeviceExpected } from "../test/perDevice.js";

const inventory = generateInventory({ devices: 1_000_000, schools: 1800, models: 30, years: 10, seed: "L1" });
// the peer's 1,000,000 device objects are made by its first call: held by every case's process, they
// would make each of its collections mark them (in --processes mode, where collections are timed)
let devices: ReturnType<typeof expandDevices> | undefined;

/** The measured cases: the two forecast shapes and the per-device loop on the same inventory. */
export const cases: [string, () => unknown][] = [
  ["rows (school × model × year)", () => forecastReplacements({ ...inventory, groupBy: ["school", "model"] })],
  ["district totals", () => forecastReplacements(inventory)],
  ["per-device peer", () => perDeviceExpected((devices ??= expandDevices(inventory)))],
];
/** The case the others are compared with. */
export const peer = "per-device peer";
