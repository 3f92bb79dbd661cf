import { createRng, DistrictKitError, fiscalYearLabel, Money, parseInput, quantiles, type Rng, sampleNormal } from "@districtkit/core";
import { z } from "zod";
import { type ForecastInput, forecastInputSchema } from "../schema.js";
import { compile } from "./compile.js";
import { type Compiled, canCollapseSchools } from "./compiled.js";
import { parseForecastInput } from "./parseInputFast.js";
import { F, makeSink, NF, scratchFor, simulate } from "./simulate.js";

/**
 * The yearly quantities each Monte Carlo trial records. Amounts (`capital`, `repair`,
 * `resaleCredit`, `net`) are in whole cents inside chunks and become {@link Money} in the summary.
 *
 * @example
 * ```ts
 * MONTE_CARLO_METRICS.includes("capital"); // => true
 * ```
 * @category Monte Carlo
 */
export const MONTE_CARLO_METRICS = [
  "inServiceEnd",
  "plannedRetirements",
  "failures",
  "losses",
  "purchases",
  "failureReplacements",
  "growthPurchases",
  "sparePurchases",
  "deferred",
  "repairIncidents",
  "capital",
  "repair",
  "resaleCredit",
  "net",
] as const;
/** A Monte Carlo metric name. @category Monte Carlo */
export type MonteCarloMetric = (typeof MONTE_CARLO_METRICS)[number];
const MONEY_METRICS = new Set<MonteCarloMetric>(["capital", "repair", "resaleCredit", "net"]);
const NM = MONTE_CARLO_METRICS.length;

const seedSchema = z.union([z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(200)]);

/**
 * A range of trials to run: `[trialStart, trialEnd)` with one seed. Trial i always draws from
 * `createRng(seed).stream(i)`, so chunks can run anywhere (a Web Worker each) and merge to the
 * same result as one run.
 *
 * @example
 * ```ts
 * monteCarloChunkOptionsSchema.parse({ seed: 42, trialStart: 0, trialEnd: 250 }).trialEnd; // => 250
 * ```
 * @category Monte Carlo
 */
export const monteCarloChunkOptionsSchema = z.object({ seed: seedSchema, trialStart: z.number().int().min(0).max(10_000_000), trialEnd: z.number().int().min(1).max(10_000_000) }).check((ctx) => {
  if (ctx.value.trialEnd <= ctx.value.trialStart)
    ctx.issues.push({ code: "custom", path: ["trialEnd"], message: `expected trialEnd > trialStart (${ctx.value.trialStart})`, input: ctx.value.trialEnd });
});

/**
 * Options of {@link forecastMonteCarlo}: seed, number of trials and the quantiles wanted.
 *
 * @example
 * ```ts
 * monteCarloOptionsSchema.parse({ seed: 1 }).probabilities; // => [0.1, 0.5, 0.9]
 * ```
 * @category Monte Carlo
 */
export const monteCarloOptionsSchema = z.object({
  seed: seedSchema,
  trials: z.number().int().min(1).max(1_000_000).default(1000),
  probabilities: z.array(z.number().min(0).max(1)).min(1).default([0.1, 0.5, 0.9]),
});
/** Monte Carlo options as written by a caller. @category Monte Carlo */
export type MonteCarloOptions = z.input<typeof monteCarloOptionsSchema>;

/**
 * The raw result of a range of trials: plain numbers, safe to post between a worker and the page.
 * `values[k]` holds trial `trialStart + k`: for each year (in order), one value per metric (in
 * {@link MONTE_CARLO_METRICS} order).
 *
 * @category Monte Carlo
 */
export interface MonteCarloChunk {
  readonly seed: number | string;
  readonly trialStart: number;
  readonly trialEnd: number;
  readonly years: readonly number[];
  readonly metrics: readonly MonteCarloMetric[];
  readonly values: readonly (readonly number[])[];
}

function record(totals: Float64Array, years: number): number[] {
  const out = new Array<number>(years * NM);
  for (let ti = 0; ti < years; ti++) {
    const b = ti * NF;
    const o = ti * NM;
    const cap = Math.round(totals[b + F.capital]!);
    const rep = Math.round(totals[b + F.repair]!);
    const res = Math.round(totals[b + F.resale]!);
    out[o] = totals[b + F.end]!;
    out[o + 1] = totals[b + F.planned]!;
    out[o + 2] = totals[b + F.failures]!;
    out[o + 3] = totals[b + F.losses]!;
    out[o + 4] = totals[b + F.buyPlanned]! + totals[b + F.buyFailure]! + totals[b + F.buyGrowth]! + totals[b + F.buySpares]!;
    out[o + 5] = totals[b + F.buyFailure]!;
    out[o + 6] = totals[b + F.buyGrowth]!;
    out[o + 7] = totals[b + F.buySpares]!;
    out[o + 8] = totals[b + F.deferred]!;
    out[o + 9] = totals[b + F.repairs]!;
    out[o + 10] = cap;
    out[o + 11] = rep;
    out[o + 12] = res;
    out[o + 13] = cap + rep - res;
  }
  return out;
}

/** Runs trials on a compiled model (internal). */
export function runTrials(c: Compiled, seed: number | string, trialStart: number, trialEnd: number): number[][] {
  const root = createRng(seed);
  const sc = scratchFor(c);
  const totals = new Float64Array(c.horizon * NF);
  const sink = makeSink({ totals });
  const values: number[][] = [];
  const uncertain = c.models.some((m) => m.priceGrowthSd > 0);
  const prices = uncertain ? new Float64Array(c.priceCents.length) : c.priceCents;
  for (let i = trialStart; i < trialEnd; i++) {
    totals.fill(0);
    const rng = root.stream(i);
    if (uncertain) drawPrices(c, rng.stream("price-growth"), prices);
    simulate(c, rng, sink, sc, prices);
    values.push(record(totals, c.horizon));
  }
  return values;
}

/** One trial's price path: per model a growth rate from Normal(priceGrowth, sd), compounded from the quote year, rounded to the cent. */
function drawPrices(c: Compiled, rng: Rng, out: Float64Array): void {
  const H = c.horizon;
  c.models.forEach((m, mi) => {
    if (m.priceGrowthSd === 0) {
      for (let ti = 0; ti < H; ti++) out[mi * H + ti] = c.priceCents[mi * H + ti]!;
      return;
    }
    const g = Math.min(1, Math.max(-0.5, sampleNormal(rng, m.priceGrowth, m.priceGrowthSd)));
    const base = m.unitPrice.toNumber() * 100;
    for (let ti = 0; ti < H; ti++) out[mi * H + ti] = Math.round(base * (1 + g) ** (c.years[ti]! - c.priceBaseYear[mi]!));
  });
}

/** Compiles a forecast input for a district-level Monte Carlo run (schools merged when nothing depends on them). */
export function compileForMonteCarlo(input: ForecastInput): Compiled {
  return compile(input, { collapseSchools: canCollapseSchools(input) });
}

/**
 * Runs the trials `[trialStart, trialEnd)` of a Monte Carlo forecast: per trial, year and
 * cohort, `failures ~ Binomial(alive, q(age))` then `losses ~ Binomial(alive − failures, lossRate)`,
 * repairs ~ Poisson, with core's exact samplers; replacements re-enter as new cohorts; models with
 * a `priceGrowthSd` draw one growth rate per trial (the trial's own child stream). Cohorts,
 * never devices: schools are merged when no rule depends on them. Trial i draws only from
 * `createRng(seed).stream(i)`, so the result of a trial does not depend on the chunking — run
 * chunks in Web Workers and {@link mergeMonteCarloChunks} them.
 *
 * @param input - a forecast input ({@link forecastInputSchema}); `groupBy` is ignored (district level)
 * @param options - seed and trial range ({@link monteCarloChunkOptionsSchema})
 * @returns the chunk: plain numbers per trial, year and metric
 * @throws DistrictKitError for an invalid input or range
 * @example
 * ```ts
 * const input = {
 *   asOf: "2026-07-01", horizonYears: 2,
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300" }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 500 }],
 *   failure: { default: { failure: { kind: "annual", accident: 0.1 } } },
 * };
 * const whole = simulateForecastChunk(input, { seed: 7, trialStart: 0, trialEnd: 20 });
 * const parts = mergeMonteCarloChunks([
 *   simulateForecastChunk(input, { seed: 7, trialStart: 10, trialEnd: 20 }),
 *   simulateForecastChunk(input, { seed: 7, trialStart: 0, trialEnd: 10 }),
 * ]);
 * JSON.stringify(parts.values) === JSON.stringify(whole.values); // => true
 * ```
 * @category Monte Carlo
 */
export function simulateForecastChunk(input: unknown, options: unknown): MonteCarloChunk {
  const data = parseForecastInput(input, ["input"]);
  const opts = parseInput(monteCarloChunkOptionsSchema, options, ["options"]);
  const c = compileForMonteCarlo(data);
  return { seed: opts.seed, trialStart: opts.trialStart, trialEnd: opts.trialEnd, years: c.years, metrics: [...MONTE_CARLO_METRICS], values: runTrials(c, opts.seed, opts.trialStart, opts.trialEnd) };
}

const chunkSchema = z.object({
  seed: seedSchema,
  trialStart: z.number().int().min(0),
  trialEnd: z.number().int().min(1),
  years: z.array(z.number().int()),
  metrics: z.array(z.string()),
  values: z.array(z.array(z.number())),
});

/**
 * Merges chunks of one Monte Carlo run (any order) into one chunk covering a contiguous range of
 * trials. The merged values equal those of a single run over the same range.
 *
 * @param chunks - results of {@link simulateForecastChunk} with the same seed and years
 * @returns one chunk
 * @throws DistrictKitError for no chunks, different seeds or years, overlapping or missing trials
 * @example
 * ```ts
 * mergeMonteCarloChunks([]); // throws
 * ```
 * @category Monte Carlo
 */
export function mergeMonteCarloChunks(chunks: readonly unknown[]): MonteCarloChunk {
  const list = parseInput(z.array(chunkSchema).min(1, { error: "expected at least one chunk" }), chunks, ["chunks"]);
  const sorted = [...list].sort((a, b) => a.trialStart - b.trialStart);
  const first = sorted[0]!;
  const issues: { path: (string | number)[]; message: string }[] = [];
  const metricsText = MONTE_CARLO_METRICS.join();
  sorted.forEach((ch, i) => {
    if (ch.seed !== first.seed) issues.push({ path: ["chunks", i, "seed"], message: `expected seed ${JSON.stringify(first.seed)} like the others, got ${JSON.stringify(ch.seed)}` });
    if (ch.years.join() !== first.years.join()) issues.push({ path: ["chunks", i, "years"], message: "expected the same fiscal years in every chunk" });
    if (ch.metrics.join() !== metricsText) issues.push({ path: ["chunks", i, "metrics"], message: "expected the metrics of this version of the package" });
    if (ch.values.length !== ch.trialEnd - ch.trialStart) issues.push({ path: ["chunks", i, "values"], message: `expected ${ch.trialEnd - ch.trialStart} trials, got ${ch.values.length}` });
    if (i > 0 && ch.trialStart !== sorted[i - 1]!.trialEnd) {
      issues.push({ path: ["chunks", i, "trialStart"], message: `expected trials to continue at ${sorted[i - 1]!.trialEnd} (no gap, no overlap), got ${ch.trialStart}` });
    }
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_ARGUMENT", issues);
  return {
    seed: first.seed,
    trialStart: first.trialStart,
    trialEnd: sorted[sorted.length - 1]!.trialEnd,
    years: first.years,
    metrics: [...MONTE_CARLO_METRICS],
    values: sorted.flatMap((ch) => ch.values),
  };
}

/**
 * One metric of one year across trials: the mean and the requested quantiles (R type 7).
 *
 * @category Monte Carlo
 */
export interface MetricSummary<T> {
  readonly mean: T;
  /** One value per requested probability, in order. */
  readonly quantiles: readonly T[];
  readonly min: T;
  readonly max: T;
}

/**
 * The Monte Carlo forecast summary, per fiscal year: every metric's mean and quantiles (counts
 * as numbers, amounts as {@link Money} rounded to the cent).
 *
 * @category Monte Carlo
 */
export interface MonteCarloResult {
  readonly seed: number | string;
  readonly trials: number;
  readonly probabilities: readonly number[];
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly label: string;
    readonly counts: Readonly<Record<Exclude<MonteCarloMetric, "capital" | "repair" | "resaleCredit" | "net">, MetricSummary<number>>>;
    readonly spend: Readonly<Record<"capital" | "repair" | "resaleCredit" | "net", MetricSummary<Money>>>;
  }[];
  readonly explanation: string;
}

/**
 * Summarises a (merged) chunk: for each year and metric the mean, min, max and quantiles at the
 * requested probabilities by R's type 7 rule (core's `quantiles`).
 *
 * @param chunk - a chunk from {@link simulateForecastChunk} or {@link mergeMonteCarloChunks}
 * @param probabilities - default P10, P50, P90
 * @returns the summary
 * @throws DistrictKitError for a malformed chunk or a probability outside [0, 1]
 * @example
 * ```ts
 * const chunk = simulateForecastChunk({
 *   asOf: "2026-07-01", horizonYears: 1,
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300" }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 1000 }],
 *   failure: { default: { failure: { kind: "annual", accident: 0.1 } } },
 * }, { seed: 1, trialStart: 0, trialEnd: 200 });
 * const s = summarizeMonteCarlo(chunk);
 * const [p10, p50, p90] = s.years[0]!.counts.failures.quantiles;
 * p10 <= p50 && p50 <= p90; // => true
 * ```
 * @category Monte Carlo
 */
export function summarizeMonteCarlo(chunk: unknown, probabilities: readonly number[] = [0.1, 0.5, 0.9]): MonteCarloResult {
  const ch = parseInput(chunkSchema, chunk, ["chunk"]);
  const probs = parseInput(z.array(z.number().min(0).max(1)).min(1), probabilities, ["probabilities"]);
  const T = ch.values.length;
  if (T === 0) throw DistrictKitError.argument(["chunk", "values"], "expected at least one trial");
  const Y = ch.years.length;
  for (let k = 0; k < T; k++) {
    if (ch.values[k]!.length !== Y * NM) throw DistrictKitError.argument(["chunk", "values", k], `expected ${Y * NM} values per trial, got ${ch.values[k]!.length}`);
  }
  const column = new Float64Array(T);
  const years = ch.years.map((fy, ti) => {
    const counts: Record<string, MetricSummary<number>> = {};
    const spend: Record<string, MetricSummary<Money>> = {};
    MONTE_CARLO_METRICS.forEach((metric, m) => {
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let k = 0; k < T; k++) {
        const v = ch.values[k]![ti * NM + m]!;
        column[k] = v;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      const mean = sum / T;
      const qs = quantiles(column, probs);
      if (MONEY_METRICS.has(metric)) {
        const money = (x: number): Money => Money.fromCents(Math.round(x));
        spend[metric] = { mean: money(mean), quantiles: qs.map(money), min: money(min), max: money(max) };
      } else counts[metric] = { mean, quantiles: qs, min, max };
    });
    return { fiscalYear: fy, label: fiscalYearLabel(fy), counts: counts as MonteCarloResult["years"][number]["counts"], spend: spend as MonteCarloResult["years"][number]["spend"] };
  });
  const pct = probs.map((p) => `P${Math.round(p * 1000) / 10}`).join("/");
  return {
    seed: ch.seed,
    trials: T,
    probabilities: probs,
    years,
    explanation: `${T} Monte Carlo trials (seed ${JSON.stringify(ch.seed)}, trial i on its own stream): binomial failures then losses per cohort and year, Poisson repairs; ${pct} by R's type 7 rule.`,
  };
}

/**
 * The Monte Carlo replacement forecast in one call: runs `trials` trials (as one chunk) and
 * summarises them with P10/P50/P90 (or the probabilities asked). Same seed, same result.
 *
 * @param input - a forecast input ({@link forecastInputSchema})
 * @param options - seed, trials, probabilities ({@link monteCarloOptionsSchema})
 * @returns the summary per fiscal year
 * @throws DistrictKitError for invalid input or options
 * @example
 * ```ts
 * const r = forecastMonteCarlo({
 *   asOf: "2026-07-01", horizonYears: 2,
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300" }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 300 }],
 *   failure: { default: { failure: { kind: "annual", accident: 0.08 } } },
 * }, { seed: 42, trials: 500 });
 * r.trials; // => 500
 * Math.abs(r.years[0]!.counts.failures.mean - 24) < 1.5; // => true
 * ```
 * @category Monte Carlo
 */
export function forecastMonteCarlo(input: unknown, options: unknown): MonteCarloResult {
  const data = parseForecastInput(input, ["input"]);
  const opts = parseInput(monteCarloOptionsSchema, options, ["options"]);
  const c = compileForMonteCarlo(data);
  const chunk: MonteCarloChunk = { seed: opts.seed, trialStart: 0, trialEnd: opts.trials, years: c.years, metrics: [...MONTE_CARLO_METRICS], values: runTrials(c, opts.seed, 0, opts.trials) };
  return summarizeMonteCarlo(chunk, opts.probabilities);
}

/**
 * Splits `trials` into `chunks` contiguous ranges of nearly equal size, for Web Workers: run each
 * with {@link simulateForecastChunk}, then {@link mergeMonteCarloChunks} and
 * {@link summarizeMonteCarlo}. Chunks carry plain numbers only (safe for `postMessage`);
 * summaries and forecasts contain {@link Money} — send those as JSON.
 *
 * @param trials - total number of trials (≥ 1)
 * @param chunks - number of ranges (≥ 1; fewer when there are fewer trials)
 * @returns the ranges, in order
 * @throws DistrictKitError for a bad count
 * @example
 * ```ts
 * monteCarloChunkRanges(1000, 3); // => [{ "trialStart": 0, "trialEnd": 334 }, { "trialStart": 334, "trialEnd": 667 }, { "trialStart": 667, "trialEnd": 1000 }]
 * ```
 * @category Monte Carlo
 */
export function monteCarloChunkRanges(trials: number, chunks: number): { trialStart: number; trialEnd: number }[] {
  const t = parseInput(z.number().int().min(1).max(10_000_000), trials, ["trials"]);
  const k = Math.min(t, parseInput(z.number().int().min(1).max(1024), chunks, ["chunks"]));
  const out: { trialStart: number; trialEnd: number }[] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    const end = start + Math.ceil((t - start) / (k - i));
    out.push({ trialStart: start, trialEnd: end });
    start = end;
  }
  return out;
}
