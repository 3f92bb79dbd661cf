// The scaling benchmark of a list-taking entry point (issue 18, PERFORMANCE.md): the same call on
// inputs of 10,000 and of 100,000 elements made by a seeded generator; the ratio of the medians
// must stay ≤ 15× (near-linear: 10× the data, 10× the time, with room for noise and garbage
// collection; a quadratic entry point shows ×100).
//
// A package lists its cases in bench/scalingCases.ts (`scalingCase(name, make, run)`), and its
// bench/scaling.bench.ts calls `registerScaling(cases)`: one vitest bench group per case,
// `scaling <name>`, with one bench per size, so `pnpm bench` (scripts/bench.mjs) reports each median and the group's ratio
// (its `ratioToFastestInGroup`, with a line of its own for scaling groups). The helper also times
// each call itself, in wall and in CPU time (process.cpuUsage: on a shared, loaded machine CPU
// time is the steadier of the two), and prints one line per group when its larger size is done:
//
//   scaling reclaimableSeats: 10,000 → 9.1 ms (CPU 9.0), 100,000 → 96.3 ms (CPU 95.2); ×10.6 wall, ×10.6 CPU (≤ 15 ✓)
//
// and appends the same figures as a JSON line to .bench/scaling.jsonl (for reports). Inputs are
// built once per size, before its warm-up call, and dropped when its runs are done, so only one
// 100,000-element input is alive at a time. SCALING_ONLY=<text> in the environment keeps the groups
// whose name contains it. For a quick look in CPU time alone, outside vitest:
//   node --conditions=@districtkit/source --import tsx packages/core/bench/scalingScan.ts packages/<pkg>/bench/scalingCases.ts
import { appendFileSync, mkdirSync } from "node:fs";
import { bench, describe } from "vitest";

/** The ratio of the larger size's median to the smaller's that a near-linear entry point stays within. */
export const SCALING_LIMIT = 15;

/** The default sizes: 10,000 and 100,000 elements (`SCALING_SIZES=1000,10000` in the environment overrides them, for a quick scan). */
export const SCALING_SIZES: readonly [number, number] = sizesFrom(process.env["SCALING_SIZES"]) ?? [10_000, 100_000];

function sizesFrom(text: string | undefined): [number, number] | undefined {
  const xs = (text ?? "").split(",").map(Number);
  return xs.length === 2 && xs.every((x) => Number.isInteger(x) && x > 0) ? [xs[0]!, xs[1]!] : undefined;
}

/** Options of {@link scalingBench}. */
export interface ScalingOptions {
  /** The two sizes (default 10,000 and 100,000). */
  readonly sizes?: readonly [number, number];
  /** Measured calls per size (default 5; a warm-up call comes first). */
  readonly iterations?: number;
  /** The ratio allowed (default {@link SCALING_LIMIT}). */
  readonly limit?: number;
}

/** The figures of one scaling group, as printed and appended to .bench/scaling.jsonl. */
export interface ScalingFigures {
  readonly name: string;
  readonly sizes: readonly [number, number];
  readonly wallMs: readonly [number, number];
  readonly cpuMs: readonly [number, number];
  readonly ratioWall: number;
  readonly ratioCpu: number;
  readonly limit: number;
  readonly ok: boolean;
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The figures of a scaling group from its samples: medians and ratios; `ok` when the CPU or the wall ratio is within the limit. */
export function scalingFigures(
  name: string,
  sizes: readonly [number, number],
  wall: readonly [readonly number[], readonly number[]],
  cpu: readonly [readonly number[], readonly number[]],
  limit = SCALING_LIMIT,
): ScalingFigures {
  const wallMs = [median(wall[0]), median(wall[1])] as const;
  const cpuMs = [median(cpu[0]), median(cpu[1])] as const;
  // a call too quick for the CPU clock (1 µs steps on Linux, coarser elsewhere) counts as 1 µs
  const ratioWall = wallMs[1] / Math.max(wallMs[0], 1e-3);
  const ratioCpu = cpuMs[1] / Math.max(cpuMs[0], 1e-3);
  return { name, sizes, wallMs, cpuMs, ratioWall, ratioCpu, limit, ok: Math.min(ratioWall, ratioCpu) <= limit };
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** One line saying the figures. */
export function scalingLine(f: ScalingFigures): string {
  const [a, b] = f.sizes.map((n) => n.toLocaleString("en-US"));
  return (
    `scaling ${f.name}: ${a} → ${ms(f.wallMs[0])} ms (CPU ${ms(f.cpuMs[0])}), ${b} → ${ms(f.wallMs[1])} ms (CPU ${ms(f.cpuMs[1])}); ` +
    `×${f.ratioWall.toFixed(1)} wall, ×${f.ratioCpu.toFixed(1)} CPU (≤ ${f.limit} ${f.ok ? "✓" : "✗ OVER"})`
  );
}

/** CPU time of this process so far, in milliseconds. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * One scaling case: an entry point, what grows, how to build an input of a size, and the call.
 */
export interface ScalingCase<T = unknown> {
  /** The entry point and what grows, e.g. `reclaimableSeats (usage records)`. */
  readonly name: string;
  /** Builds the input of a size (seeded: the same size gives the same input). */
  readonly make: (size: number) => T;
  /** The call measured (a returned promise is awaited). */
  readonly run: (input: T) => unknown;
  readonly options?: ScalingOptions;
}

/** A typed {@link ScalingCase} (the input type flows from `make` to `run`). */
export function scalingCase<T>(name: string, make: (size: number) => T, run: (input: T) => unknown, options: ScalingOptions = {}): ScalingCase {
  return { name, make, run: run as (input: unknown) => unknown, options };
}

/** Whether SCALING_ONLY (a text in the environment) keeps this case. */
export function kept(name: string): boolean {
  const only = process.env["SCALING_ONLY"];
  return only === undefined || only === "" || name.includes(only);
}

/** Appends figures to .bench/scaling.jsonl (a convenience for reports; the printed line is the result). */
export function record(f: ScalingFigures, how: string): void {
  try {
    mkdirSync(".bench", { recursive: true });
    appendFileSync(".bench/scaling.jsonl", `${JSON.stringify({ ...f, how, date: new Date().toISOString() })}\n`);
  } catch {
    // nothing: the line printed is the report
  }
}

/**
 * Registers the scaling benchmark of each case: a vitest bench group `scaling <name>` with the
 * call at the two sizes.
 *
 * @param cases - the cases of a package (its bench/scalingCases.ts)
 */
export function registerScaling(cases: readonly ScalingCase[]): void {
  for (const c of cases) if (kept(c.name)) scalingBench(c);
}

function scalingBench(c: ScalingCase): void {
  const options = c.options ?? {};
  const sizes = options.sizes ?? SCALING_SIZES;
  const limit = options.limit ?? SCALING_LIMIT;
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  describe(`scaling ${c.name}`, () => {
    sizes.forEach((size, k) => {
      let input: unknown;
      let measuring = false;
      bench(
        `${size.toLocaleString("en-US")} elements`,
        async () => {
          const w = performance.now();
          const t = cpuNow();
          await c.run(input); // a promise (readCsvStream) is measured to its end
          if (!measuring) return;
          cpu[k]!.push(cpuNow() - t);
          wall[k]!.push(performance.now() - w);
        },
        {
          iterations: options.iterations ?? 5,
          time: 0,
          warmupIterations: 1,
          warmupTime: 0,
          setup: (_task, mode) => {
            if (mode === "warmup") input = c.make(size);
            else measuring = true;
          },
          teardown: (_task, mode) => {
            if (mode !== "run") return;
            measuring = false;
            input = undefined;
            if (k !== 1) return;
            const f = scalingFigures(c.name, sizes, wall, cpu, limit);
            console.log(scalingLine(f));
            record(f, "vitest bench");
          },
        },
      );
    });
  });
}
