// L1 (PERFORMANCE.md) measured in CPU time (process.cpuUsage), peer in the same run; the machine
// is shared, so wall time says little. Run:
//   node --expose-gc --conditions=@districtkit/source --import tsx packages/lifecycle/bench/l1cpu.ts [rounds]
// (with --expose-gc each case starts after a full collection, so it does not pay for the garbage
// of the case before it; the order alternates between rounds)
import { forecastReplacements, generateInventory } from "../src/index.js";
import { expandDevices, perDeviceExpected } from "../test/perDevice.js";

const inventory = generateInventory({ devices: 1_000_000, schools: 1800, models: 30, years: 10, seed: "L1" });
const devices = expandDevices(inventory);
const rounds = Number(process.argv[2] ?? 7);
const only = process.argv[3];

function cpu(f: () => unknown): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases: [string, () => unknown][] = [
  ["rows (school × model × year)", () => forecastReplacements({ ...inventory, groupBy: ["school", "model"] })],
  ["district totals", () => forecastReplacements(inventory)],
  ["per-device peer", () => perDeviceExpected(devices)],
];
const times = new Map<string, number[]>(cases.map(([k]) => [k, []]));
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
for (let r = 0; r < rounds; r++) {
  for (const [k, f] of r % 2 ? [...cases].reverse() : cases) {
    if (only && !k.startsWith(only)) continue;
    gc();
    times.get(k)!.push(cpu(f));
  }
}
const peerTimes = times.get("per-device peer")!;
const peer = peerTimes.length > 0 ? median(peerTimes) : undefined; // not run when a case prefix leaves it out
for (const [k, xs] of times) {
  if (xs.length === 0) continue;
  const m = median(xs);
  console.log(`${k.padEnd(32)} CPU median ${m.toFixed(0).padStart(6)} ms  (${xs.map((x) => x.toFixed(0)).join(" ")})  ${peer === undefined ? "" : `×peer ${(m / peer).toFixed(2)}`}`);
}
console.log(`cohorts: ${inventory.cohorts.length}`);
