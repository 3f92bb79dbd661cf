// PERFORMANCE.md L1–L3, built by the package's seeded generators; each workload's peer runs in
// the same group so `pnpm bench` prints the ratio.
import { bench, describe } from "vitest";
import { fitWeibull, forecastMonteCarlo, forecastReplacements, generateInventory, generateRepairHistory, survivalDataFromRepairs } from "../src/index.js";
import { expandDevices, perDeviceExpected, perDeviceMonteCarlo } from "../test/perDevice.js";

// 1,000,000 devices, 1,800 schools, 30 models, purchases over 10 fiscal years, 10-year horizon
const inventory = generateInventory({ devices: 1_000_000, schools: 1800, models: 30, years: 10, seed: "L1" });
const devices = expandDevices(inventory);
const tenfold = { ...inventory, cohorts: inventory.cohorts.map((c) => ({ ...c, count: c.count * 10 })) };

// Measured (CPU time, median of 44 rounds, shared 2-core machine; bench/l1cpu.ts, which measures
// CPU time rather than this file's wall time): rows 178 ms, district totals 78 ms, per-device
// peer 364 ms (×0.49 and ×0.21); before the L1 work 530 ms and 266 ms. Target 200 ms. On
// 2026-12-04 (a slower day for the same code: 215 ms) rows built by object literals per grouping:
// 257 → 215 ms back to back in l1cpu.ts, 193 → 139 ms in one process (README, Performance).
describe("L1 expected forecast, 1,000,000 devices, per school × model × year", () => {
  bench(
    "forecastReplacements (cohorts), 66k school × model × year rows with Money amounts",
    () => {
      forecastReplacements({ ...inventory, groupBy: ["school", "model"] });
    },
    { iterations: 5, time: 2000 },
  );
  bench(
    "forecastReplacements (cohorts), district totals and cohort plans (the peer's output and more)",
    () => {
      forecastReplacements(inventory);
    },
    { iterations: 5, time: 2000 },
  );
  bench(
    "forecastReplacements (cohorts), district totals, 10,000,000 devices in the same cohorts (cost follows cohorts, not devices)",
    () => {
      forecastReplacements(tenfold);
    },
    { iterations: 5, time: 2000 },
  );
  bench(
    "per-device loop (peer; district totals as plain numbers)",
    () => {
      perDeviceExpected(devices);
    },
    { iterations: 3, time: 2000 },
  );
});

// L2: 1,000 trials at district level; the peer simulates each device on a 10,000-device slice
// for 10 trials — multiply its time by 100 (devices) × 100 (trials) to compare.
const slice = expandDevices(inventory, 10_000);
describe("L2 Monte Carlo, 1,000 trials, P10/P50/P90, district level", () => {
  bench(
    "forecastMonteCarlo (cohorts, 1,000 trials)",
    () => {
      forecastMonteCarlo(inventory, { seed: 2027, trials: 1000 });
    },
    { iterations: 3, time: 3000 },
  );
  bench(
    "per-device simulation, 10,000-device slice, 10 trials (peer; ×10,000 to scale)",
    () => {
      perDeviceMonteCarlo(slice, 10, 2027);
    },
    { iterations: 3, time: 2000 },
  );
});

// L3: Weibull fit with right-censoring (and late entry) on 100,000 repair records
const history = generateRepairHistory({ devices: 100_000, seed: "L3", failure: { shape: 2, scale: 5 } });
const observations = survivalDataFromRepairs(history);
const columns = { times: observations.map((o) => o.time), failed: observations.map((o) => o.failed), entries: observations.map((o) => o.entry) };
describe("L3 Weibull fit, 100,000 censored records (late entry too)", () => {
  bench(
    "fitWeibull, columns (profile equation)",
    () => {
      fitWeibull(columns);
    },
    { iterations: 10, time: 2000 },
  );
  bench(
    "fitWeibull, observation objects",
    () => {
      fitWeibull({ observations });
    },
    { iterations: 5, time: 2000 },
  );
});
