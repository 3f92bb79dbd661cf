// The scaling cases of a package in CPU time, outside vitest (scaling.ts says what a case is):
//   node --expose-gc --conditions=@districtkit/source --import tsx packages/core/bench/scalingScan.ts <cases module> [rounds]
// e.g. packages/licenses/bench/scalingCases.ts. For each case: the input of each size is built,
// the call runs once to warm up, then `rounds` times (default 3) after a full garbage collection
// each; the line printed gives the medians (wall and CPU) and the ratio, as `pnpm bench` does.
// SCALING_SIZES and SCALING_ONLY work as in the benchmarks; the figures go to .bench/scaling.jsonl too.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { cpuNow, kept, record, SCALING_LIMIT, SCALING_SIZES, type ScalingCase, scalingFigures, scalingLine } from "./scaling.js";

const [file, roundsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: scalingScan.ts <cases module> [rounds]");
  process.exit(2);
}
const mod = (await import(pathToFileURL(resolve(file)).href)) as { scalingCases: readonly ScalingCase[] };
const rounds = Number(roundsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
for (const c of mod.scalingCases) {
  if (!kept(c.name)) continue;
  const sizes = c.options?.sizes ?? SCALING_SIZES;
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  try {
    for (const [k, size] of sizes.entries()) {
      let input: unknown = c.make(size);
      await c.run(input);
      for (let r = 0; r < rounds; r++) {
        gc();
        const w = performance.now();
        const t = cpuNow();
        await c.run(input);
        cpu[k]!.push(cpuNow() - t);
        wall[k]!.push(performance.now() - w);
      }
      input = undefined;
    }
  } catch (error) {
    console.log(`scaling ${c.name}: failed — ${String(error).split("\n").slice(0, 3).join(" ")}`);
    continue;
  }
  const f = scalingFigures(c.name, sizes, wall, cpu, c.options?.limit ?? SCALING_LIMIT);
  console.log(scalingLine(f));
  record(f, "scalingScan (CPU)");
}
