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

// Scaling groups (packages/core/bench/scaling.ts): the larger size's median over the smaller's,
// which a near-linear entry point keeps within 15× (issue 18).
const scaling = new Map();
for (const row of rows) if (row.group.includes("scaling ")) (scaling.get(row.group) ?? scaling.set(row.group, []).get(row.group)).push(row);
if (scaling.size > 0) {
  console.log("\nScaling (median of the larger size / median of the smaller, limit ×15)");
  const size = (row) => Number(row.name.replace(/[^0-9]/g, ""));
  for (const [group, list] of scaling) {
    const [a, b] = list.sort((p, q) => size(p) - size(q));
    if (!a || !b) continue;
    const ratio = b.medianMs / a.medianMs;
    console.log(
      `  ×${ratio.toFixed(1).padEnd(6)} ${ratio <= 15 ? "ok  " : "OVER"} ${a.medianMs.toFixed(2).padStart(10)} → ${b.medianMs.toFixed(2).padStart(10)} ms  ${group.replace(/^.*scaling /, "")}`,
    );
  }
}
