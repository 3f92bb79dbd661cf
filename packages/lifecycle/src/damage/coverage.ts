// The damage-coverage Monte Carlo. How it works, in plain words: one trial is one school year.
// The year's incidents across the fleet are drawn at once — N ~ Poisson(devices × total rate) —
// and each is given a device uniformly at random, a kind by its share of the rate and a cost
// drawn from that kind's observed costs (Poisson splitting: this is the same distribution as a
// Poisson count per device, at a cost proportional to incidents, not devices). Devices
// 0…nslpDevices−1 belong to NSLP-eligible families. Every option is priced on the same incidents
// (common random numbers), so differences between options are not noise of separate draws.
// Trial i draws only from createRng(seed).stream(i): chunks of trials run anywhere and merge to
// the same result as one run. Amounts are whole cents inside trials and Money in the summary.
import { createRng, DistrictKitError, Money, nonNegativeMoneySchema, parseInput, quantiles, samplePoisson } from "@districtkit/core";
import { z } from "zod";

const seedSchema = z.union([z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(200)]);
const share = z.number().min(0).max(1);
/** A charge to a family for one incident: an amount, or the repair's full cost. */
const chargeSchema = z.union([nonNegativeMoneySchema, z.literal("fullCost")]);

const optionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("selfInsurance"), id: z.string().min(1), name: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("protectionPlan"),
    id: z.string().min(1),
    name: z.string().min(1),
    /** Premium per device per year, paid by the district. */
    premiumPerDevice: nonNegativeMoneySchema,
    /** Paid on each claim before the plan pays (the deductible or co-pay). */
    copay: nonNegativeMoneySchema.default(Money.ZERO),
    /** Who pays the co-pay: the district, or the family. */
    copayPaidBy: z.enum(["district", "family"]).default("district"),
    /** The share of the cost above the co-pay the plan pays (1 = all of it). */
    coverageShare: share.default(1),
    /** The most the plan pays on one claim (absent: no cap). */
    capPerClaim: nonNegativeMoneySchema.optional(),
    /** Claims the plan accepts per device per year (absent: no limit); the rest are the district's. */
    claimsPerDeviceYear: z.number().int().min(0).max(100).optional(),
  }),
  z.strictObject({
    kind: z.literal("familyFee"),
    id: z.string().min(1),
    name: z.string().min(1),
    /** The yearly fee per device: standard, and the reduced fee for NSLP-eligible families. */
    annualFee: z.strictObject({ standard: nonNegativeMoneySchema, nslp: nonNegativeMoneySchema }),
    /** Charges for a device's 1st, 2nd, … incident of the year; incidents past the list pay its last entry. Empty: no charge. */
    strikes: z
      .array(z.strictObject({ standard: chargeSchema, nslp: chargeSchema }))
      .max(20)
      .default([]),
    /** The share of what families are billed (fees and charges) that is collected; the rest stays the district's cost. */
    collectionRate: share.default(1),
  }),
]);

/**
 * The zod schema of a damage-coverage comparison: the take-home fleet (devices, how many are held
 * by NSLP-eligible families), the incidents a device has in a year (kind, rate per device-year,
 * the costs observed — each incident's cost is drawn from them), and the options to compare:
 *
 * - `selfInsurance` — the district pays every repair;
 * - `protectionPlan` — a premium per device; per claim a co-pay (the district's or the family's),
 *   then the plan pays its coverage share of the rest up to a cap per claim, for up to a number
 *   of claims per device a year; whatever the plan does not pay is the district's;
 * - `familyFee` — a yearly fee per device with a reduced tier for NSLP-eligible families, and
 *   "strike" charges per incident (1st, 2nd, 3rd… of the year; an amount or the full cost, never
 *   more than the repair) with their own NSLP tier; a collection rate for what is billed.
 *
 * @example
 * ```ts
 * const input = damageCoverageInputSchema.parse({
 *   devices: 100, nslpDevices: 40, incidents: [{ kind: "screen", perDeviceYear: 0.1, costs: ["90"] }],
 *   options: [{ kind: "selfInsurance", id: "self", name: "Self-insure" }],
 * });
 * input.options[0]?.kind; // => "selfInsurance"
 * ```
 * @category Damage and repairs
 */
export const damageCoverageInputSchema = z
  .strictObject({
    devices: z.number().int().min(0).max(1_000_000),
    nslpDevices: z.number().int().min(0).max(1_000_000).default(0),
    incidents: z.array(z.strictObject({ kind: z.string().min(1), perDeviceYear: z.number().min(0).max(10), costs: z.array(nonNegativeMoneySchema).min(1).max(100_000) })).min(1),
    options: z.array(optionSchema).min(1).max(20),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (v.nslpDevices > v.devices) ctx.issues.push({ code: "custom", path: ["nslpDevices"], message: `expected at most the ${v.devices} devices, got ${v.nslpDevices}`, input: v.nslpDevices });
    const seen = new Map<string, number>();
    v.options.forEach((o, i) => {
      const first = seen.get(o.id);
      if (first !== undefined) ctx.issues.push({ code: "custom", path: ["options", i, "id"], message: `duplicate option id ${JSON.stringify(o.id)} (also options[${first}])`, input: o.id });
      else seen.set(o.id, i);
    });
  });

/** A damage-coverage comparison as written by a caller. @category Damage and repairs */
export type DamageCoverageInput = z.input<typeof damageCoverageInputSchema>;
type Input = z.output<typeof damageCoverageInputSchema>;
type Option = Input["options"][number];

/**
 * What each trial records per option, in whole cents, in this order.
 *
 * @example
 * ```ts
 * DAMAGE_COVERAGE_PARTS.indexOf("familiesNslp"); // => 2
 * ```
 * @category Damage and repairs
 */
export const DAMAGE_COVERAGE_PARTS = ["district", "familiesStandard", "familiesNslp", "plan", "premiums"] as const;
const NP = DAMAGE_COVERAGE_PARTS.length;

/**
 * The options of a chunk run: seed and a range of trials `[trialStart, trialEnd)`.
 *
 * @example
 * ```ts
 * damageCoverageChunkOptionsSchema.parse({ seed: 1, trialStart: 0, trialEnd: 100 }).trialEnd; // => 100
 * ```
 * @category Damage and repairs
 */
export const damageCoverageChunkOptionsSchema = z.object({ seed: seedSchema, trialStart: z.number().int().min(0).max(10_000_000), trialEnd: z.number().int().min(1).max(10_000_000) }).check((ctx) => {
  if (ctx.value.trialEnd <= ctx.value.trialStart)
    ctx.issues.push({ code: "custom", path: ["trialEnd"], message: `expected trialEnd > trialStart (${ctx.value.trialStart})`, input: ctx.value.trialEnd });
});

/**
 * The raw result of a range of trials, plain numbers (safe to post from a worker):
 * `values[k]` is trial `trialStart + k`: the year's repair cost, then for each option (in input
 * order) its {@link DAMAGE_COVERAGE_PARTS} in whole cents.
 *
 * @category Damage and repairs
 */
export interface DamageCoverageChunk {
  readonly seed: number | string;
  readonly trialStart: number;
  readonly trialEnd: number;
  readonly options: readonly string[];
  readonly values: readonly (readonly number[])[];
}

interface Compiled {
  readonly devices: number;
  readonly nslp: number;
  readonly lambda: number;
  /** cumulative share of each kind */
  readonly cumulative: number[];
  readonly costs: number[][];
  readonly options: readonly Option[];
}

const cents = (m: Money): number => m.toCents();

function compile(input: Input): Compiled {
  const total = input.incidents.reduce((a, k) => a + k.perDeviceYear, 0);
  let acc = 0;
  const cumulative = input.incidents.map((k) => (acc += total > 0 ? k.perDeviceYear / total : 0));
  return { devices: input.devices, nslp: input.nslpDevices, lambda: input.devices * total, cumulative, costs: input.incidents.map((k) => k.costs.map(cents)), options: input.options };
}

function charge(c: Money | "fullCost", cost: number): number {
  return c === "fullCost" ? cost : Math.min(cost, cents(c));
}

function trial(c: Compiled, seed: number | string, i: number): number[] {
  const rng = createRng(seed).stream(i);
  const n = c.lambda > 0 ? samplePoisson(rng, c.lambda) : 0;
  const device = new Int32Array(n);
  const cost = new Float64Array(n);
  const nth = new Int32Array(n); // the incident's number for its device this year (1, 2, …)
  const count = new Map<number, number>();
  let repair = 0;
  for (let k = 0; k < n; k++) {
    const d = Math.floor(rng.next() * c.devices);
    const u = rng.next();
    let kind = c.cumulative.findIndex((x) => u < x);
    if (kind < 0) kind = c.cumulative.length - 1;
    const list = c.costs[kind]!;
    const x = list[Math.floor(rng.next() * list.length)]!;
    device[k] = d;
    cost[k] = x;
    const m = (count.get(d) ?? 0) + 1;
    count.set(d, m);
    nth[k] = m;
    repair += x;
  }
  const out = [repair];
  for (const o of c.options) {
    let district = 0;
    let standard = 0;
    let nslp = 0;
    let plan = 0;
    let premiums = 0;
    if (o.kind === "selfInsurance") district = repair;
    else if (o.kind === "protectionPlan") {
      premiums = cents(o.premiumPerDevice) * c.devices;
      district += premiums;
      const copay = cents(o.copay);
      const cap = o.capPerClaim === undefined ? Infinity : cents(o.capPerClaim);
      for (let k = 0; k < n; k++) {
        const x = cost[k]!;
        if (o.claimsPerDeviceYear !== undefined && nth[k]! > o.claimsPerDeviceYear) {
          district += x;
          continue;
        }
        const co = Math.min(copay, x);
        const pays = Math.min(cap, Math.round((x - co) * o.coverageShare));
        plan += pays;
        if (o.copayPaidBy === "family") {
          if (device[k]! < c.nslp) nslp += co;
          else standard += co;
          district += x - co - pays;
        } else district += x - pays;
      }
    } else {
      const rate = o.collectionRate;
      const feeNslp = Math.round(cents(o.annualFee.nslp) * c.nslp * rate);
      const feeStandard = Math.round(cents(o.annualFee.standard) * (c.devices - c.nslp) * rate);
      nslp += feeNslp;
      standard += feeStandard;
      district = repair - feeNslp - feeStandard;
      if (o.strikes.length > 0) {
        for (let k = 0; k < n; k++) {
          const s = o.strikes[Math.min(nth[k]!, o.strikes.length) - 1]!;
          const isNslp = device[k]! < c.nslp;
          const billed = charge(isNslp ? s.nslp : s.standard, cost[k]!);
          const paid = Math.round(billed * rate);
          if (isNslp) nslp += paid;
          else standard += paid;
          district -= paid;
        }
      }
    }
    out.push(district, standard, nslp, plan, premiums);
  }
  return out;
}

/**
 * Runs a range of trials of a damage-coverage comparison (one school year each). Trial i draws
 * only from `createRng(seed).stream(i)`: any split into chunks, merged with
 * {@link mergeDamageCoverageChunks}, gives the same values as one run.
 *
 * @param input - the comparison ({@link damageCoverageInputSchema})
 * @param options - seed and trial range ({@link damageCoverageChunkOptionsSchema})
 * @returns the chunk, plain numbers in cents
 * @throws DistrictKitError for invalid input or options
 * @example
 * ```ts
 * const input = { devices: 50, incidents: [{ kind: "screen", perDeviceYear: 0.2, costs: ["80"] }], options: [{ kind: "selfInsurance", id: "self", name: "Self" }] };
 * const chunk = simulateDamageCoverageChunk(input, { seed: 7, trialStart: 0, trialEnd: 3 });
 * chunk.values.length; // => 3
 * chunk.values[0]?.[0] === chunk.values[0]?.[1]; // => true
 * ```
 * @category Damage and repairs
 */
export function simulateDamageCoverageChunk(input: unknown, options: unknown): DamageCoverageChunk {
  const data = parseInput(damageCoverageInputSchema, input, ["input"]);
  const o = parseInput(damageCoverageChunkOptionsSchema, options, ["options"]);
  const c = compile(data);
  const values: number[][] = [];
  for (let i = o.trialStart; i < o.trialEnd; i++) values.push(trial(c, o.seed, i));
  return { seed: o.seed, trialStart: o.trialStart, trialEnd: o.trialEnd, options: data.options.map((x) => x.id), values };
}

const chunkSchema = z.object({
  seed: seedSchema,
  trialStart: z.number().int().min(0),
  trialEnd: z.number().int().min(1),
  options: z.array(z.string()),
  values: z.array(z.array(z.number().finite())),
});

/**
 * Merges chunks of one damage-coverage run (in any order) into one covering a contiguous range.
 *
 * @param chunks - results of {@link simulateDamageCoverageChunk} with the same seed and options
 * @returns one chunk
 * @throws DistrictKitError for no chunks, different seeds or options, gaps or overlaps
 * @example
 * ```ts
 * mergeDamageCoverageChunks([]); // throws
 * ```
 * @category Damage and repairs
 */
export function mergeDamageCoverageChunks(chunks: readonly unknown[]): DamageCoverageChunk {
  const list = parseInput(z.array(chunkSchema).min(1, { error: "expected at least one chunk" }), chunks, ["chunks"]);
  const sorted = [...list].sort((a, b) => a.trialStart - b.trialStart);
  const first = sorted[0]!;
  const issues: { path: (string | number)[]; message: string }[] = [];
  sorted.forEach((ch, i) => {
    if (ch.seed !== first.seed) issues.push({ path: ["chunks", i, "seed"], message: `expected seed ${JSON.stringify(first.seed)} like the others, got ${JSON.stringify(ch.seed)}` });
    if (ch.options.join("\u0000") !== first.options.join("\u0000")) issues.push({ path: ["chunks", i, "options"], message: "expected the same options in every chunk" });
    if (ch.values.length !== ch.trialEnd - ch.trialStart) issues.push({ path: ["chunks", i, "values"], message: `expected ${ch.trialEnd - ch.trialStart} trials, got ${ch.values.length}` });
    if (i > 0 && ch.trialStart !== sorted[i - 1]!.trialEnd)
      issues.push({ path: ["chunks", i, "trialStart"], message: `expected trials to continue at ${sorted[i - 1]!.trialEnd} (no gap, no overlap), got ${ch.trialStart}` });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_ARGUMENT", issues);
  return { seed: first.seed, trialStart: first.trialStart, trialEnd: sorted[sorted.length - 1]!.trialEnd, options: first.options, values: sorted.flatMap((c) => c.values) };
}

/**
 * One option of a damage-coverage comparison, summarised over the trials.
 *
 * @category Damage and repairs
 */
export interface DamageCoverageOptionResult {
  readonly id: string;
  readonly name: string;
  readonly kind: Option["kind"];
  /** The district's expected net cost in a year (repairs it pays, premiums, less fees and charges collected). */
  readonly districtExpected: Money;
  /** The district's cost exceeded in one year in ten (90th percentile). */
  readonly districtP90: Money;
  /** What families pay in an average year: all, standard-fee families, NSLP-eligible families. */
  readonly familiesExpected: Money;
  readonly familiesStandardExpected: Money;
  readonly familiesNslpExpected: Money;
  /** Per device held by an NSLP-eligible family and by another family, in an average year. */
  readonly perNslpDevice: Money;
  readonly perStandardDevice: Money;
  /** What the plan pays in claims in an average year, and the premiums (protection plans). */
  readonly planExpected: Money;
  readonly premiums: Money;
  /** 1 = the lowest expected district cost. */
  readonly rank: number;
  /** The option in words a board reads; every figure is the one beside it. */
  readonly explanation: string;
}

/**
 * A damage-coverage comparison: each option's costs and who pays them, ranked by the district's
 * expected cost.
 *
 * @category Damage and repairs
 */
export interface DamageCoverageResult {
  readonly seed: number | string;
  readonly trials: number;
  /** The fleet's repair cost in an average year (the same incidents under every option). */
  readonly repairExpected: Money;
  readonly repairP90: Money;
  readonly expectedIncidents: number;
  readonly options: readonly DamageCoverageOptionResult[];
  /** The comparison in words: which option costs the district least on average and in a bad year. */
  readonly summary: string;
}

const money = (c: number): Money => Money.fromCents(c);
const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Summarises the trials of a damage-coverage comparison: per option the district's expected cost
 * and P90, what families pay (standard and NSLP tiers, per device), what the plan pays against
 * its premiums, a rank and a paragraph for the board.
 *
 * @param input - the comparison the chunk was run on
 * @param chunk - the merged trials
 * @returns the summary
 * @throws DistrictKitError for a chunk of other options, or invalid input
 * @example
 * ```ts
 * const input = { devices: 10, incidents: [{ kind: "screen", perDeviceYear: 0, costs: ["80"] }], options: [{ kind: "selfInsurance", id: "self", name: "Self" }] };
 * const r = summarizeDamageCoverage(input, simulateDamageCoverageChunk(input, { seed: 1, trialStart: 0, trialEnd: 10 }));
 * r.options[0]?.districtExpected.toString(); // => "0"
 * ```
 * @category Damage and repairs
 */
export function summarizeDamageCoverage(input: unknown, chunk: unknown): DamageCoverageResult {
  const data = parseInput(damageCoverageInputSchema, input, ["input"]);
  const ch = parseInput(chunkSchema, chunk, ["chunk"]);
  const ids = data.options.map((o) => o.id);
  if (ch.options.join("\u0000") !== ids.join("\u0000") || ch.values.some((v) => v.length !== 1 + NP * ids.length)) {
    throw DistrictKitError.argument(["chunk", "options"], `expected a chunk of the options ${ids.join(", ")}, got ${ch.options.join(", ") || "none"}`);
  }
  if (ch.values.length === 0) throw DistrictKitError.argument(["chunk", "values"], "expected at least one trial");
  const col = (j: number): number[] => ch.values.map((v) => v[j]!);
  const p90 = (xs: number[]): number => Math.round(quantiles(xs, [0.9])[0]!);
  const repair = col(0);
  const totalRate = data.incidents.reduce((a, k) => a + k.perDeviceYear, 0);
  const standardDevices = data.devices - data.nslpDevices;
  const rows = data.options.map((o, i) => {
    const b = 1 + i * NP;
    const district = col(b);
    const standard = mean(col(b + 1));
    const nslp = mean(col(b + 2));
    return {
      o,
      district: mean(district),
      p90: p90(district),
      standard,
      nslp,
      plan: mean(col(b + 3)),
      premiums: mean(col(b + 4)),
    };
  });
  const order = [...rows].sort((a, b) => a.district - b.district);
  const results: DamageCoverageOptionResult[] = rows.map((r) => {
    const districtExpected = money(Math.round(r.district));
    const districtP90 = money(r.p90);
    const familiesStandardExpected = money(Math.round(r.standard));
    const familiesNslpExpected = money(Math.round(r.nslp));
    const familiesExpected = familiesStandardExpected.add(familiesNslpExpected);
    const perNslpDevice = data.nslpDevices > 0 ? familiesNslpExpected.divide(data.nslpDevices).roundToCents() : Money.ZERO;
    const perStandardDevice = standardDevices > 0 ? familiesStandardExpected.divide(standardDevices).roundToCents() : Money.ZERO;
    const planExpected = money(Math.round(r.plan));
    const premiums = money(Math.round(r.premiums));
    const parts = [`${r.o.name}: the district expects to pay ${districtExpected.format()} a year; in one year in ten it pays more than ${districtP90.format()}.`];
    if (familiesExpected.isZero()) parts.push("Families pay nothing.");
    else
      parts.push(
        `Families pay ${familiesExpected.format()} a year: ${perStandardDevice.format()} per device for standard-fee families, ${perNslpDevice.format()} per device for NSLP-eligible families.`,
      );
    if (r.o.kind === "protectionPlan") parts.push(`The plan pays ${planExpected.format()} in claims for ${premiums.format()} in premiums.`);
    return {
      id: r.o.id,
      name: r.o.name,
      kind: r.o.kind,
      districtExpected,
      districtP90,
      familiesExpected,
      familiesStandardExpected,
      familiesNslpExpected,
      perNslpDevice,
      perStandardDevice,
      planExpected,
      premiums,
      rank: order.indexOf(r) + 1,
      explanation: parts.join(" "),
    };
  });
  const best = results.find((r) => r.rank === 1)!;
  const safest = [...results].sort((a, b) => a.districtP90.compare(b.districtP90))[0]!;
  const repairExpected = money(Math.round(mean(repair)));
  return {
    seed: ch.seed,
    trials: ch.values.length,
    repairExpected,
    repairP90: money(p90(repair)),
    expectedIncidents: data.devices * totalRate,
    options: results,
    summary:
      `Over ${ch.values.length} simulated school years of ${data.devices} devices (${(data.devices * totalRate).toFixed(0)} incidents and ${repairExpected.format()} of repairs expected a year), ` +
      `${best.name} costs the district least on average (${best.districtExpected.format()})` +
      (safest.id === best.id ? " and in a bad year." : `; ${safest.name} costs it least in a bad year (P90 ${safest.districtP90.format()}).`),
  };
}

/**
 * Options of {@link compareDamageCoverage}: seed and number of trials.
 *
 * @example
 * ```ts
 * damageCoverageOptionsSchema.parse({ seed: 1 }).trials; // => 2000
 * ```
 * @category Damage and repairs
 */
export const damageCoverageOptionsSchema = z.object({ seed: seedSchema, trials: z.number().int().min(1).max(1_000_000).default(2000) });

/**
 * Compares ways to pay for device damage — self-insurance, a protection plan (premium, co-pay,
 * coverage share, cap and claim limit), a family fee schedule (a reduced tier for NSLP-eligible
 * families, strike charges) — by a seeded Monte Carlo over a school year's incidents: expected
 * cost and P90 for the district, what families and the plan pay, and a paragraph per option a
 * board reads. The same as {@link simulateDamageCoverageChunk} over `[0, trials)` then
 * {@link summarizeDamageCoverage}.
 *
 * @param input - the comparison ({@link damageCoverageInputSchema})
 * @param options - seed and trials ({@link damageCoverageOptionsSchema})
 * @returns the summary
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const r = compareDamageCoverage({
 *   devices: 1000, nslpDevices: 400,
 *   incidents: [{ kind: "screen", perDeviceYear: 0.1, costs: ["90"] }],
 *   options: [
 *     { kind: "selfInsurance", id: "self", name: "Self-insurance" },
 *     { kind: "familyFee", id: "fee", name: "Family fee", annualFee: { standard: "20", nslp: "0" } },
 *   ],
 * }, { seed: 1, trials: 200 });
 * r.options.map((o) => [o.id, o.rank]); // => [["self", 2], ["fee", 1]]
 * r.options[1]?.familiesExpected.toString(); // => "12000"
 * ```
 * @category Damage and repairs
 */
export function compareDamageCoverage(input: unknown, options: unknown): DamageCoverageResult {
  const o = parseInput(damageCoverageOptionsSchema, options, ["options"]);
  return summarizeDamageCoverage(input, simulateDamageCoverageChunk(input, { seed: o.seed, trialStart: 0, trialEnd: o.trials }));
}
