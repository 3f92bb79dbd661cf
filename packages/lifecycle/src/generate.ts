import { addDaysIso, createRng, fiscalYearOf, isoDateSchema, keyedRecordSchema, Money, parseInput, type Rng, samplePoisson } from "@districtkit/core";
import { z } from "zod";
import { daysFrom } from "./internal/days.js";
import type { CohortInput, DeviceCategory, DeviceModelInput, DeviceRole, ForecastInputData, RepairHistoryInput } from "./schema.js";
import { deviceRoleSchema } from "./schema.js";

/**
 * Options of {@link generateInventory}.
 *
 * @example
 * ```ts
 * generateInventoryOptionsSchema.parse({ devices: 1000, seed: 1 }).schools; // => 10
 * ```
 * @category Generators
 */
export const generateInventoryOptionsSchema = z.object({
  devices: z.number().int().min(0).max(50_000_000),
  schools: z.number().int().min(1).max(100_000).default(10),
  models: z.number().int().min(1).max(1000).default(10),
  /** Purchase years spread over this many fiscal years before the as-of date. */
  years: z.number().int().min(1).max(30).default(10),
  seed: z.union([z.number().int(), z.string().min(1)]),
  asOf: isoDateSchema.default("2026-07-01"),
  horizonYears: z.number().int().min(1).max(30).default(10),
});
/** Options of {@link generateInventory} as written by a caller. @category Generators */
export type GenerateInventoryOptions = z.input<typeof generateInventoryOptionsSchema>;

const KINDS: { category: DeviceCategory; role: DeviceRole; price: number; life: number; weight: number }[] = [
  { category: "chromebook", role: "student", price: 290, life: 4, weight: 5 },
  { category: "ipad", role: "student", price: 330, life: 5, weight: 3 },
  { category: "windows-laptop", role: "staff", price: 850, life: 5, weight: 1 },
  { category: "desktop", role: "lab", price: 780, life: 6, weight: 1 },
  { category: "interactive-display", role: "staff", price: 2900, life: 7, weight: 0.3 },
  { category: "network", role: "infrastructure", price: 650, life: 7, weight: 0.4 },
];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng.next() * xs.length)]!;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder, ties by index). */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]![1]]! += 1;
  return parts;
}

/**
 * A seeded synthetic inventory for benchmarks and tests: `models` device models across
 * categories (Chromebooks with AUE months, iPads, laptops, desktops, displays, network gear),
 * `schools` schools each using 3–6 models bought in 2–4 of the last `years` fiscal years, and
 * exactly `devices` devices, as cohorts; with default failure assumptions. The result is a
 * complete forecast input. Same options, same inventory.
 *
 * @param options - see {@link generateInventoryOptionsSchema}
 * @returns a forecast input (plain data)
 * @throws DistrictKitError for invalid options
 * @example
 * ```ts
 * const inv = generateInventory({ devices: 5000, schools: 12, models: 8, years: 6, seed: 1 });
 * inv.cohorts!.reduce((n, c) => n + c.count, 0); // => 5000
 * forecastReplacements(inv).summary.length; // => 10
 * ```
 * @category Generators
 */
export function generateInventory(options: unknown): ForecastInputData & { cohorts: CohortInput[]; models: DeviceModelInput[] } {
  const o = parseInput(generateInventoryOptionsSchema, options, ["options"]);
  const rng = createRng(o.seed).stream("inventory");
  const firstYear = fiscalYearOf(o.asOf);
  const totalWeight = KINDS.reduce((a, k) => a + k.weight, 0);
  const models: DeviceModelInput[] = [];
  const kindOf: number[] = [];
  for (let m = 0; m < o.models; m++) {
    // categories in proportion to their weight, deterministic order
    let u = ((m + 0.5) / o.models) * totalWeight;
    let k = 0;
    while (k < KINDS.length - 1 && u > KINDS[k]!.weight) u -= KINDS[k++]!.weight;
    const kind = KINDS[k]!;
    const price = Math.round(kind.price * (0.8 + 0.4 * rng.next()));
    const id = `M${String(m + 1).padStart(3, "0")}`;
    const model: DeviceModelInput = {
      id,
      name: `${kind.category} model ${m + 1}`,
      category: kind.category,
      unitPrice: String(price),
      priceGrowth: 0.02,
      warrantyYears: kind.category === "windows-laptop" ? 4 : 1,
      expectedLifeYears: kind.life,
      averageRepairCost: String(Math.round(price * 0.25)),
      residualCurve: [0.6, 0.45, 0.3, 0.2, 0.1, 0.05, 0],
    };
    if (kind.category === "chromebook") {
      const aueYear = firstYear - 3 + Math.floor(rng.next() * 10);
      model.autoUpdateExpiration = `${aueYear}-06`;
    }
    models.push(model);
    kindOf.push(k);
  }
  // successors: every model is replaced by the newest model of its category (Chromebooks never by a model past AUE)
  const newest = new Map<DeviceCategory, string>();
  models.forEach((m) => {
    const prev = newest.get(m.category);
    const prevModel = prev ? models.find((x) => x.id === prev) : undefined;
    if (!prevModel || (m.autoUpdateExpiration ?? "") > (prevModel.autoUpdateExpiration ?? "")) newest.set(m.category, m.id);
  });
  models.forEach((m) => {
    const succ = newest.get(m.category)!;
    if (succ !== m.id) m.replacementModel = succ;
  });
  const slots: { school: string; model: number; year: number }[] = [];
  const weights: number[] = [];
  for (let s = 0; s < o.schools; s++) {
    const school = `S${String(s + 1).padStart(5, "0")}`;
    const k = Math.min(o.models, 3 + Math.floor(rng.next() * 4));
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(Math.floor(rng.next() * o.models));
    for (const m of [...chosen].sort((a, b) => a - b)) {
      const nYears = Math.min(o.years, 2 + Math.floor(rng.next() * 3));
      const ys = new Set<number>();
      while (ys.size < nYears) ys.add(firstYear - 1 - Math.floor(rng.next() * o.years));
      for (const y of [...ys].sort((a, b) => a - b)) {
        slots.push({ school, model: m, year: y });
        weights.push(KINDS[kindOf[m]!]!.weight * (0.5 + rng.next()));
      }
    }
  }
  const counts = o.devices > 0 ? split(o.devices, weights) : weights.map(() => 0);
  const cohorts: CohortInput[] = [];
  slots.forEach((sl, i) => {
    if (counts[i]! === 0) return;
    cohorts.push({ model: models[sl.model]!.id, school: sl.school, role: KINDS[kindOf[sl.model]!]!.role, purchaseFiscalYear: sl.year, count: counts[i]! });
  });
  return {
    asOf: o.asOf,
    horizonYears: o.horizonYears,
    models,
    cohorts,
    failure: {
      default: { failure: { kind: "annual", malfunction: 0.03, accident: 0.01 }, lossRate: 0.005, repairRate: 0.05 },
      rules: [
        { match: { category: "chromebook" }, failure: { kind: "weibull", shape: 1.8, scale: 7 }, lossRate: 0.02, repairRate: 0.18 },
        { match: { category: "ipad" }, failure: { kind: "weibull", shape: 1.5, scale: 8 }, lossRate: 0.015, repairRate: 0.12 },
      ],
    },
  };
}

/**
 * Options of {@link generateRepairHistory}. `devices` is a number (synthetic Chromebooks bought
 * evenly over the five years before `asOf`) or a list of devices.
 *
 * @example
 * ```ts
 * generateRepairHistoryOptionsSchema.parse({ devices: 10, seed: 1 }).repairRate; // => 0.2
 * ```
 * @category Generators
 */
export const generateRepairHistoryOptionsSchema = z.object({
  devices: z.union([
    z.number().int().min(0).max(10_000_000),
    z.array(z.object({ id: z.string().min(1), model: z.string().min(1), school: z.string().optional(), role: deviceRoleSchema.default("student"), purchaseDate: isoDateSchema })),
  ]),
  seed: z.union([z.number().int(), z.string().min(1)]),
  observationStart: isoDateSchema.default("2024-07-01"),
  asOf: isoDateSchema.default("2026-07-01"),
  /** True failure law (years); per model with `failureByModel`. */
  failure: z.object({ shape: z.number().positive().max(50), scale: z.number().positive().max(100) }).default({ shape: 2, scale: 6 }),
  failureByModel: keyedRecordSchema(z.object({ shape: z.number().positive().max(50), scale: z.number().positive().max(100) })).prefault({}), // model ids are data
  repairRate: z.number().min(0).max(20).default(0.2),
  lossRate: z.number().min(0).max(1).default(0.02),
  kinds: z
    .array(z.object({ kind: z.string().min(1), cost: z.number().nonnegative(), weight: z.number().positive() }))
    .min(1)
    .default([
      { kind: "screen", cost: 89, weight: 5 },
      { kind: "keyboard", cost: 60, weight: 2 },
      { kind: "charger", cost: 25, weight: 2 },
      { kind: "liquid", cost: 140, weight: 1 },
    ]),
});
/** Options of {@link generateRepairHistory} as written by a caller. @category Generators */
export type GenerateRepairHistoryOptions = z.input<typeof generateRepairHistoryOptionsSchema>;

/**
 * A seeded synthetic repair history: for each device, a failure age drawn from the true Weibull
 * conditionally on surviving to the start of observation (late entry), a loss age at the loss
 * rate, repaired incidents as a Poisson process over the observed exposure (kind and cost by
 * weight, cost ±10 %). Devices alive at `asOf` have no end ticket (right-censored). Output is
 * plain JSON valid for {@link repairHistorySchema}.
 *
 * @param options - see {@link generateRepairHistoryOptionsSchema}
 * @returns a repair history
 * @throws DistrictKitError for invalid options
 * @example
 * ```ts
 * const h = generateRepairHistory({ devices: 50, seed: 9 });
 * h.devices.length; // => 50
 * h.tickets.every((t) => t.date >= "2024-07-01" && t.date <= "2026-07-01"); // => true
 * ```
 * @category Generators
 */
export function generateRepairHistory(options: unknown): RepairHistoryInput & { devices: { id: string; model: string; purchaseDate: string }[] } {
  const o = parseInput(generateRepairHistoryOptionsSchema, options, ["options"]);
  const rng = createRng(o.seed).stream("repairs");
  let devices: { id: string; model: string; school?: string | undefined; role: DeviceRole; purchaseDate: string }[];
  if (typeof o.devices === "number") {
    const span = 5 * 365;
    devices = Array.from({ length: o.devices }, (_, i) => ({
      id: `D${String(i + 1).padStart(6, "0")}`,
      model: "chromebook",
      role: "student" as const,
      purchaseDate: addDaysIso(o.asOf, -1 - Math.floor(rng.next() * span)),
    }));
  } else devices = o.devices.map((d) => ({ ...d }));
  const tickets: RepairHistoryInput["tickets"] = [];
  const weightSum = o.kinds.reduce((a, k) => a + k.weight, 0);
  const lossHazard = o.lossRate >= 1 ? Infinity : -Math.log(1 - o.lossRate);
  let n = 0;
  const dateAt = (purchase: string, age: number): string => addDaysIso(purchase, Math.round(age * 365.25));
  for (const d of devices) {
    const w = o.failureByModel[d.model] ?? o.failure;
    const end = daysFrom(o.asOf, d.purchaseDate) / 365.25;
    const entry = Math.max(0, daysFrom(o.observationStart, d.purchaseDate) / 365.25);
    if (end <= entry) continue;
    const u = 1 - rng.next();
    const tFail = w.scale * ((entry / w.scale) ** w.shape - Math.log(u)) ** (1 / w.shape);
    const tLoss = entry + (lossHazard === Infinity ? 0 : -Math.log(1 - rng.next()) / lossHazard);
    const stop = Math.min(tFail, tLoss, end);
    const incidents = samplePoisson(rng, o.repairRate * (stop - entry));
    const ages = Array.from({ length: incidents }, () => entry + rng.next() * (stop - entry)).sort((a, b) => a - b);
    for (const age of ages) {
      let x = rng.next() * weightSum;
      let kind = o.kinds[0]!;
      for (const k of o.kinds) {
        if (x < k.weight) {
          kind = k;
          break;
        }
        x -= k.weight;
      }
      const cents = Math.round(kind.cost * 100 * (0.9 + 0.2 * rng.next()));
      tickets.push({
        id: `R${String(++n).padStart(6, "0")}`,
        deviceId: d.id,
        date: clampDate(dateAt(d.purchaseDate, age), o.observationStart, o.asOf),
        kind: kind.kind,
        cost: Money.fromCents(cents).toString(),
        outcome: "repaired",
      });
    }
    if (stop < end) {
      const failed = tFail <= tLoss;
      tickets.push({
        id: `R${String(++n).padStart(6, "0")}`,
        deviceId: d.id,
        date: clampDate(dateAt(d.purchaseDate, stop), o.observationStart, o.asOf),
        kind: failed ? pick(rng, ["liquid", "board", "screen"]) : "lost",
        cost: "0",
        outcome: failed ? "replaced" : "lost",
      });
    }
  }
  tickets.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { observationStart: o.observationStart, asOf: o.asOf, devices: devices.map(({ school, ...d }) => (school === undefined ? d : { ...d, school })), tickets };
}

function clampDate(d: string, lo: string, hi: string): string {
  return d < lo ? lo : d > hi ? hi : d;
}
