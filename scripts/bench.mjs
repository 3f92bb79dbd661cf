#!/usr/bin/env node
// `pnpm bench`: runs every package's vitest benchmarks (PERFORMANCE.md) and writes the medians,
// with each workload's ratio to the other entries of its group, to .bench/medians.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
mkdirSync(join(root, ".bench"), { recursive: true });
const raw = join(root, ".bench", "raw.json");
const extra = process.argv.slice(2);
const r = spawnSync(join(root, "node_modules", ".bin", "vitest"), ["bench", "--run", `--outputJson=${raw}`, ...extra], { cwd: root, stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

const data = JSON.parse(readFileSync(raw, "utf8"));
const rows = [];
for (const file of data.files ?? []) {
  for (const group of file.groups ?? []) {
    const fastest = Math.min(...group.benchmarks.map((b) => b.median));
    for (const b of group.benchmarks) {
      rows.push({
        file: file.filepath.replace(root, ""),
        group: group.fullName,
        name: b.name,
        medianMs: +b.median.toFixed(4),
        samples: b.sampleCount,
        ratioToFastestInGroup: +(b.median / fastest).toFixed(2),
      });
    }
  }
}
const out = { date: new Date().toISOString(), node: process.version, results: rows };
writeFileSync(join(root, ".bench", "medians.json"), JSON.stringify(out, null, 2));
console.log("\nMedians (ms) — written to .bench/medians.json");
for (const row of rows) console.log(`${row.medianMs.toFixed(3).padStart(12)}  ×${String(row.ratioToFastestInGroup).padEnd(7)} ${row.group} > ${row.name}`);
