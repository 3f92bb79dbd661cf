import { generateInventory } from "@districtkit/lifecycle";
import { bench, describe } from "vitest";
import { type DistrictCalendarInput, districtCalendar } from "../src/index.js";

// Issue 20: the calendar of a 1,000,000-device, 300-contract district (target ≤ 200 ms). The
// inventory is lifecycle's seeded generator (1,000,000 devices as cohorts); 300 licence contracts
// renewing on spread dates with 30–120 days' notice. The calendar validates the cohorts (a hand
// check for plain cohorts, zod for the rest), resolves support ends, tallies the cohorts per model
// and merges and sorts every item. On a machine shared by other jobs, compare CPU time
// (process.cpuUsage) too: wall time there measures the other jobs.
const inv = generateInventory({ devices: 1_000_000, schools: 1500, models: 40, years: 8, seed: 1 });
const contracts = Array.from({ length: 300 }, (_, i) => ({
  id: `c${i}`,
  productId: `p${i % 120}`,
  annualCost: `${1000 + ((i * 7919) % 90_000)}.${String(i % 100).padStart(2, "0")}`,
  seats: 50 + ((i * 31) % 5000),
  startDate: "2025-07-01",
  renewalDate: `${2026 + (i % 4)}-${String(1 + (i % 12)).padStart(2, "0")}-01`,
  noticeDays: 30 + (i % 4) * 30,
}));
const input: DistrictCalendarInput = { asOf: "2026-07-01", devices: { models: inv.models, cohorts: inv.cohorts }, licences: { contracts } };
const options = { iterations: 10, time: 2000, warmupIterations: 2 };

// sanity: the workload is what it says (a silent drop would make the benchmark meaningless)
const devices = inv.cohorts.reduce((n, c) => n + c.count, 0);
const check = districtCalendar(input);
if (devices !== 1_000_000 || check.items.filter((i) => i.kind === "licence-renewal").length + check.outside.before + check.outside.after < 300) {
  throw new Error(`calendar workload: ${devices} devices, ${check.items.length} items`);
}

describe(`C1 calendar of a 1,000,000-device (${inv.cohorts.length} cohorts, ${inv.models.length} models), 300-contract district (target ≤ 200 ms)`, () => {
  bench(
    "districtCalendar (devices and licences)",
    () => {
      districtCalendar(input);
    },
    options,
  );
});
