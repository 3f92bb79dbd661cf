#!/usr/bin/env node
import { resolve } from "node:path";
// `pnpm run bench:cpu <cases module> [rounds] [case prefix]`: the CPU-time companion of `pnpm bench`
// for shared, noisy machines, where wall-clock medians say little. The module (for example
// packages/lifecycle/bench/l1cpu.ts) exports `cases` — a list of [name, function] — and may export
// `peer`, the name of the case the others are compared with. Each round runs every case once
// (the order alternates between rounds, so no case always pays for the one before it), after a
// full garbage collection (the script runs with --expose-gc), and records process.cpuUsage();
// the output is each case's median, every round's figure, and its ratio to the peer.
import { pathToFileURL } from "node:url";

const [file, roundsArg, only] = process.argv.slice(2);
if (!file) {
  console.error("usage: pnpm run bench:cpu <cases module> [rounds] [case prefix]");
  process.exit(2);
}
const mod = await import(pathToFileURL(resolve(file)).href);
const cases = mod.cases.filter(([name]) => !only || name.startsWith(only));
const rounds = Number(roundsArg ?? 9);
const gc = globalThis.gc ?? (() => {});
const times = new Map(cases.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of r % 2 ? [...cases].reverse() : cases) {
    gc();
    const t = process.cpuUsage();
    f();
    const d = process.cpuUsage(t);
    times.get(name).push((d.user + d.system) / 1000);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peer = mod.peer !== undefined && times.get(mod.peer)?.length ? median(times.get(mod.peer)) : undefined;
const width = Math.max(...cases.map(([name]) => name.length));
for (const [name, xs] of times) {
  const m = median(xs);
  const ratio = peer === undefined ? "" : `  ×peer ${(m / peer).toFixed(2)}`;
  console.log(`${name.padEnd(width)}  CPU median ${m.toFixed(1).padStart(7)} ms  (${xs.map((x) => x.toFixed(0)).join(" ")})${ratio}`);
}
