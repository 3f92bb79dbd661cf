// V1 (PERFORMANCE.md) measured in CPU time (process.cpuUsage); the machine is shared, so wall
// time says little. Run:
//   node --expose-gc --conditions=@districtkit/source --import tsx packages/vetting/bench/v1cpu.ts [rounds] [case prefix]
// (with --expose-gc each case starts after a full collection; the order alternates between rounds)
import { compileScorer, generateApps, prepareRubric, scoreApps } from "../src/index.js";

const { rubric, apps, asOf } = generateApps({ apps: 10_000, criteria: 80, seed: "V1" });
const prepared = prepareRubric(rubric);
const options = { asOf, district: { state: "NY" } };
const scorer = compileScorer(rubric, options);
const rounds = Number(process.argv[2] ?? 9);
const only = process.argv[3];

function cpu(f: () => unknown): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cases: [string, () => unknown][] = [
  ["compileScorer(…).scoreApps", () => scorer.scoreApps(apps)],
  ["scoreApps (prepared rubric)", () => scoreApps(prepared, apps, options)],
  ["scoreApps (rubric validated)", () => scoreApps(rubric, apps, options)],
  ["scorer + every reason and summary read", () => { for (const r of scorer.scoreApps(apps)) void (r.reasons.length + r.summary.length); }],
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
for (const [k, xs] of times) {
  if (xs.length === 0) continue;
  const m = median(xs);
  console.log(`${k.padEnd(36)} CPU median ${m.toFixed(1).padStart(7)} ms  (${xs.map((x) => x.toFixed(0)).join(" ")})`);
}
