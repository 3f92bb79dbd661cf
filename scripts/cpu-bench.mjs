#!/usr/bin/env node
// `pnpm run bench:cpu <cases module> [rounds] [case prefix] [--processes N] [--built]`: the CPU-time
// companion of `pnpm bench` for shared, noisy machines, where wall-clock medians say little. The
// module (for example packages/lifecycle/bench/l1cpu.ts) exports `cases` — a list of [name,
// function] — and may export `peer`, the name of the case the others are compared with.
//
// Two ways to measure, both in process.cpuUsage() (every thread of the process, so the garbage
// collector's helper threads count):
//
// - Rounds (the default): one process; each round runs every case once (the order alternating
//   between rounds, so no case always pays for the one before it), after a full garbage collection
//   (the script runs with --expose-gc). Prints each case's median, every round's figure, and its
//   ratio to the peer. Quick, but one process's figures are one draw: V8's collector and compiler
//   settle differently from one process to the next, and the same code has read 141 ms in one
//   process and 340 ms in the next (L1 rows, 2026-12-04, one core).
// - `--processes N`: each case runs alone in N fresh processes (the cases alternating); each process
//   makes `--warmup` calls (default 6), then `--calls` measured calls (default 10), one per turn of
//   the event loop like an application's, with no forced collection, and reports its CPU time over
//   them divided by their number — each call's cost with its share of collecting the garbage of the
//   calls before it. Prints the median over the processes, their range, and the ratio to the
//   peer's. This is the figure to compare with a target.
//
// `--built` measures the published build (`dist/`) instead of the sources: the child processes run
// without the `@districtkit/source` condition, so a cases module that imports its package by name
// (`@districtkit/licenses`) gets what users install — run `pnpm -r build` first. (The sources run
// through tsx, which keeps function names by wrapping every function it creates: a cost the
// published build does not have, about 5 % of P1.)
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    processes: { type: "string" },
    calls: { type: "string", default: "10" },
    warmup: { type: "string", default: "6" },
    built: { type: "boolean", default: false },
    child: { type: "string" },
  },
});
// the rounds may be left out: `bench:cpu <module> P1 --processes 5` names a case prefix
const [file, second, third] = positionals;
const [roundsArg, only] = second !== undefined && !/^\d+$/.test(second) ? [undefined, second] : [second, third];
if (!file) {
  console.error("usage: pnpm run bench:cpu <cases module> [rounds] [case prefix] [--processes N [--calls M] [--warmup W]] [--built]");
  process.exit(2);
}
const wholeNumber = (text, name, least = 1) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) {
    console.error(`bench:cpu: ${name} must be a whole number ≥ ${least}, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

if (opts.child !== undefined) {
  // a child of --processes: one case, warm-up calls, then the measured calls; prints the CPU time
  // per measured call
  const mod = await import(pathToFileURL(resolve(file)).href);
  const found = mod.cases.find(([name]) => name === opts.child);
  if (!found) throw new Error(`bench:cpu: no case named ${JSON.stringify(opts.child)} in ${file}`);
  const f = found[1];
  const turn = () => new Promise((done) => setImmediate(done));
  for (let i = 0; i < wholeNumber(opts.warmup, "--warmup", 0); i++) {
    f();
    await turn();
  }
  // the process's CPU time over all the measured calls and the event-loop turns between them (where
  // V8 finishes collections it started during a call), divided by the number of calls
  const calls = wholeNumber(opts.calls, "--calls");
  const t = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    f();
    await turn();
  }
  console.log(JSON.stringify(cpuMs(t) / calls));
  process.exit(0);
}

if (opts.built && opts.processes === undefined) {
  console.error("bench:cpu: --built measures in child processes; give --processes N");
  process.exit(2);
}

const mod = await import(pathToFileURL(resolve(file)).href);
const cases = mod.cases.filter(([name]) => !only || name.startsWith(only));
const width = Math.max(...cases.map(([name]) => name.length));

/** Prints each case's median, its figures (`detail`) and its ratio to the peer's median. */
function report(times, label, detail) {
  const peer = mod.peer !== undefined && times.get(mod.peer)?.length ? median(times.get(mod.peer)) : undefined;
  for (const [name, xs] of times) {
    const m = median(xs);
    const ratio = peer === undefined ? "" : `  ×peer ${(m / peer).toFixed(2)}`;
    console.log(`${name.padEnd(width)}  ${label} ${m.toFixed(1).padStart(7)} ms  (${detail(xs)})${ratio}`);
  }
}
const figures = (xs) => xs.map((x) => x.toFixed(0)).join(" ");

if (opts.processes === undefined) {
  const rounds = roundsArg === undefined ? 9 : wholeNumber(roundsArg, "rounds");
  const gc = globalThis.gc ?? (() => {});
  const times = new Map(cases.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of r % 2 ? [...cases].reverse() : cases) {
      gc();
      const t = process.cpuUsage();
      f();
      times.get(name).push(cpuMs(t));
    }
  }
  report(times, "CPU median", figures);
} else {
  const processes = wholeNumber(opts.processes, "--processes");
  wholeNumber(opts.calls, "--calls");
  wholeNumber(opts.warmup, "--warmup", 0);
  // the children run this script with the parent's Node options (tsx, --expose-gc, …); --built
  // drops the sources' export condition, so package imports resolve to dist/
  // (`--conditions=@districtkit/source`, or `--conditions`/`-C` followed by it)
  const execArgv = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i];
    if (opts.built && a === "--conditions=@districtkit/source") continue;
    if (opts.built && (a === "--conditions" || a === "-C") && process.execArgv[i + 1] === "@districtkit/source") i++;
    else execArgv.push(a);
  }
  const script = fileURLToPath(import.meta.url);
  const perCall = new Map(cases.map(([name]) => [name, []]));
  for (let p = 0; p < processes; p++) {
    for (const [name] of p % 2 ? [...cases].reverse() : cases) {
      const args = [...execArgv, script, file, "--child", name, "--calls", opts.calls, "--warmup", opts.warmup];
      const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      const last = r.stdout.trim().split("\n").pop() ?? "";
      const ms = Number(last);
      if (r.status !== 0 || last === "" || !Number.isFinite(ms)) {
        process.stderr.write(r.stderr);
        console.error(`bench:cpu: the process measuring ${JSON.stringify(name)} failed (exit ${r.status})`);
        process.exit(1);
      }
      perCall.get(name).push(ms);
    }
  }
  console.log(`${opts.built ? "built package" : "sources"}: CPU time per call, median of ${processes} processes (${opts.warmup} warm-up + ${opts.calls} measured calls each)`);
  report(perCall, "CPU", (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `processes ${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)}: ${figures(xs)}`;
  });
}
