import { DistrictKitError, parseInput, probabilitySchema } from "@districtkit/core";
import { z } from "zod";

/**
 * The zod schema of {@link peakConcurrency}'s input: sessions in any consistent time unit
 * (minutes since midnight, epoch milliseconds…), each optionally tagged with a day for daily
 * peaks, the percentile of daily peaks wanted, and how a session's end counts:
 *
 * - `intervals: "half-open"` (the default): a session is `[start, end)` — it no longer counts at
 *   its end, so a session ending when another starts does not overlap it (logs that record the
 *   logout time);
 * - `intervals: "closed"`: a session is `[start, end]` — it still counts at its end, so back-to-back
 *   sessions overlap at the instant they meet and the peak can be higher (logs whose times are
 *   rounded, where "ends 09:00" and "starts 09:00" may share the minute).
 *
 * @example
 * ```ts
 * const input = concurrencyInputSchema.parse({ sessions: [{ start: 480, end: 510 }] });
 * [input.percentile, input.intervals]; // => [0.95, "half-open"]
 * ```
 * @category Concurrency
 */
export const concurrencyInputSchema = z.object({
  sessions: z.array(z.object({ start: z.number().finite(), end: z.number().finite(), day: z.string().optional() }).refine((s) => s.end >= s.start, { error: "expected end ≥ start", path: ["end"] })),
  percentile: probabilitySchema.default(0.95),
  /** `half-open` (default): `[start, end)`; `closed`: `[start, end]`. */
  intervals: z.enum(["half-open", "closed"]).default("half-open"),
});

/**
 * Peak concurrent use from session logs by a sweep line. By default sessions are half-open
 * `[start, end)`: at equal times ends are processed before starts, so back-to-back sessions do not
 * overlap and a zero-length session counts for nothing. With `intervals: "closed"` sessions are
 * `[start, end]`: at equal times starts are processed before ends, so sessions that touch overlap at
 * that instant and a zero-length session counts once — the peak can only be higher. Reports the
 * peak, the time spent at each level (over the span from the first start to the last end; an
 * instant has no duration, so both conventions give the same times), the peak of each day, and
 * the chosen percentile of daily peaks by nearest rank (the ⌈p·n⌉-th smallest: licences are whole).
 *
 * @param input - see {@link concurrencyInputSchema}
 * @returns peak, time at each level, daily peaks and their percentile, and the convention used
 * @throws DistrictKitError listing every invalid session
 * @example
 * ```ts
 * // LC-1: [08:00,08:30) [08:10,08:50) [08:20,08:25) [08:30,09:00) [08:45,09:10) [09:00,09:20), in minutes
 * const sessions = [[480, 510], [490, 530], [500, 505], [510, 540], [525, 550], [540, 560]].map(([start, end]) => ({ start, end }));
 * const r = peakConcurrency({ sessions });
 * [r.peak, r.timeAtLevel.map((x) => [x.level, x.duration])]; // => [3, [[0, 0], [1, 20], [2, 50], [3, 10]]]
 * // closed intervals: 08:30 and 09:00 each join a session that ends with one that starts
 * peakConcurrency({ sessions, intervals: "closed" }).peak; // => 3
 * peakConcurrency({ sessions: [{ start: 0, end: 10 }, { start: 10, end: 20 }], intervals: "closed" }).peak; // => 2
 * ```
 * @category Concurrency
 */
export function peakConcurrency(input: unknown): {
  readonly peak: number;
  readonly span: number;
  readonly timeAtLevel: readonly { readonly level: number; readonly duration: number }[];
  readonly dailyPeaks: readonly { readonly day: string; readonly peak: number }[];
  readonly percentilePeak: number;
  readonly intervals: "half-open" | "closed";
  readonly sentence: string;
} {
  const r = parseInput(concurrencyInputSchema, input);
  const closed = r.intervals === "closed";
  // at equal times: half-open processes ends (−1) first, closed processes starts (+1) first
  const order = closed ? -1 : 1;
  const sweep = (sessions: readonly { start: number; end: number }[]) => {
    const events: [number, number][] = [];
    for (const s of sessions) if (s.end > s.start || (closed && s.end === s.start)) events.push([s.start, 1], [s.end, -1]);
    events.sort((a, b) => a[0] - b[0] || order * (a[1] - b[1]));
    let level = 0;
    let peak = 0;
    const time = new Map<number, number>();
    for (let i = 0; i < events.length; i++) {
      const [t, delta] = events[i]!;
      level += delta;
      if (level > peak) peak = level;
      const next = events[i + 1];
      if (next && next[0] > t) time.set(level, (time.get(level) ?? 0) + (next[0] - t));
    }
    return { peak, time, span: events.length ? events[events.length - 1]![0] - events[0]![0] : 0 };
  };
  const all = sweep(r.sessions);
  const timeAtLevel = Array.from({ length: all.peak + 1 }, (_, level) => ({ level, duration: all.time.get(level) ?? 0 }));
  const days = new Map<string, { start: number; end: number }[]>();
  for (const s of r.sessions) {
    const day = s.day ?? "all";
    const list = days.get(day);
    if (list) list.push(s);
    else days.set(day, [s]);
  }
  const dailyPeaks = [...days.entries()].map(([day, list]) => ({ day, peak: sweep(list).peak })).sort((a, b) => a.day.localeCompare(b.day));
  const sorted = dailyPeaks.map((d) => d.peak).sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(r.percentile * sorted.length - 1e-9));
  const percentilePeak = sorted.length === 0 ? 0 : sorted[rank - 1]!;
  return {
    peak: all.peak,
    span: all.span,
    timeAtLevel,
    dailyPeaks,
    percentilePeak,
    intervals: r.intervals,
    sentence: `Peak ${all.peak} concurrent sessions (${closed ? "closed [start, end]" : "half-open [start, end)"} intervals); ${Math.round(r.percentile * 100)}th percentile of ${dailyPeaks.length} daily peak${dailyPeaks.length === 1 ? "" : "s"} (nearest rank): ${percentilePeak}.`,
  };
}

function checkLoad(load: unknown, servers: unknown): { a: number; m: number } {
  const a = parseInput(z.number().finite().min(0).max(1e9), load, ["load"]);
  const m = parseInput(z.number().int().min(0).max(10_000_000), servers, ["licenses"]);
  return { a, m };
}

/**
 * The natural log of the Erlang B blocking probability, by a log-space recursion that stays
 * accurate where B underflows: with `L_m = −ln B(A, m)`, `L_0 = 0` and
 * `L_m = L_{m−1} + ln(m/A) + ln(1 + exp(−L_{m−1} − ln(m/A)))`.
 *
 * @param load - offered load A in erlangs (arrival rate × mean holding time), ≥ 0
 * @param licenses - m, the number of concurrent licences
 * @returns ln B(A, m) (0 when m = 0; −Infinity never: A = 0 gives 0 for m = 0, else −Infinity is
 *   avoided by returning the log of the smallest positive double)
 * @throws DistrictKitError for a negative load or a fractional licence count
 * @example
 * ```ts
 * Math.abs(erlangBLog(20, 100) - -84.1661482002) < 1e-9; // => true
 * ```
 * @category Concurrency
 */
export function erlangBLog(load: number, licenses: number): number {
  const { a, m } = checkLoad(load, licenses);
  if (m === 0) return 0;
  if (a === 0) return Math.log(Number.MIN_VALUE);
  // ln(k/A) as ln k − ln A: for a load near the smallest double, k/A overflows to Infinity
  const lnA = Math.log(a);
  let L = 0;
  for (let k = 1; k <= m; k++) {
    const x = Math.log(k) - lnA;
    const s = -L - x;
    L = s > 0 ? L + x + s + Math.log1p(Math.exp(-s)) : L + x + Math.log1p(Math.exp(s));
  }
  return -L;
}

/**
 * The Erlang B blocking probability `B(A, m)`: the share of requests refused when m concurrent
 * licences serve Poisson arrivals with offered load A erlangs (`B(A,0) = 1`,
 * `B(A,m) = A·B(A,m−1) / (m + A·B(A,m−1))`). Insensitive to the holding-time distribution;
 * assumes a large population (Engset for small ones). K-12 use is bell-driven, so prefer
 * measured peaks or the timetable and use this as a cross-check.
 *
 * @param load - offered load in erlangs
 * @param licenses - concurrent licences
 * @returns the blocking probability in [0, 1]
 * @throws DistrictKitError for a negative load or a fractional licence count
 * @example
 * ```ts
 * erlangB(5, 1); // => 0.8333333333333334
 * erlangB(200, 190); // => 0.08869684386923561
 * // within one ulp of the published 0.5379631686320729 (the suites' recursions round differently)
 * Math.abs(erlangB(20, 10) - 0.5379631686320729) < 1e-15; // => true
 * ```
 * @category Concurrency
 */
export function erlangB(load: number, licenses: number): number {
  const { a, m } = checkLoad(load, licenses);
  let b = 1;
  for (let k = 1; k <= m; k++) b = (a * b) / (k + a * b);
  if (b === 0 && m > 0 && a > 0) return Math.exp(erlangBLog(a, m));
  return b;
}

/**
 * The smallest number of concurrent licences whose Erlang B blocking is at most a target, with
 * the carried load `A·(1 − B)` and the utilization `A·(1 − B)/m`.
 *
 * @param input - `arrivalRate` (sessions per unit time), `meanHoldingTime` (same unit), `targetBlocking` (e.g. 0.01)
 * @returns licences, offered load, blocking, carried load and utilization
 * @throws DistrictKitError for bad rates or a target outside (0, 1]
 * @example
 * ```ts
 * licensesForBlocking({ arrivalRate: 2, meanHoldingTime: 10, targetBlocking: 0.01 }).licenses; // => 30
 * ```
 * @category Concurrency
 */
export function licensesForBlocking(input: unknown): {
  readonly licenses: number;
  readonly offeredLoad: number;
  readonly blocking: number;
  readonly carriedLoad: number;
  readonly utilization: number;
  readonly sentence: string;
} {
  const r = parseInput(
    z.object({
      arrivalRate: z.number().finite().min(0).max(1e7),
      meanHoldingTime: z.number().finite().min(0).max(1e7),
      targetBlocking: z.number().gt(0).max(1),
    }),
    input,
  );
  const a = r.arrivalRate * r.meanHoldingTime;
  if (a > 1e7) throw DistrictKitError.argument(["arrivalRate"], "offered load above 10,000,000 erlangs");
  let b = 1;
  let m = 0;
  while (b > r.targetBlocking) {
    m++;
    b = (a * b) / (m + a * b);
    if (m > 20_000_000) throw new DistrictKitError("INFEASIBLE", [{ path: ["targetBlocking"], message: "no licence count up to 20,000,000 reaches the target" }]);
  }
  const carried = a * (1 - b);
  return {
    licenses: m,
    offeredLoad: a,
    blocking: b,
    carriedLoad: carried,
    utilization: m === 0 ? 0 : carried / m,
    sentence: `${m} concurrent licences keep blocking at ${(b * 100).toFixed(2)}% for ${a.toFixed(1)} erlangs offered (Erlang B, Poisson arrivals).`,
  };
}
