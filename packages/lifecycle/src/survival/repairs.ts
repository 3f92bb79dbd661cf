import { DistrictKitError, type DistrictKitIssue, Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { daysFrom } from "../internal/days.js";
import { type RepairHistory, repairHistorySchema, type SurvivalObservation } from "../schema.js";
import { columnsOf } from "./columns.js";
import { type KaplanMeierResult, kaplanMeierOf } from "./kaplanMeier.js";
import { fitWeibullOf, type WeibullFitResult } from "./weibull.js";

const DAYS_PER_YEAR = 365.25;

/**
 * Which devices of a repair history to use: by model and/or role (all when absent).
 *
 * @example
 * ```ts
 * repairFilterSchema.parse({ models: ["cb311"] }).models; // => ["cb311"]
 * ```
 * @category Survival
 */
export const repairFilterSchema = z.object({
  models: z.array(z.string().min(1)).optional(),
  roles: z.array(z.string().min(1)).optional(),
});

function validated(history: unknown): RepairHistory {
  const h = parseInput(repairHistorySchema, history, ["history"]);
  const issues: Omit<DistrictKitIssue, "pathText">[] = [];
  if (h.observationStart >= h.asOf) {
    issues.push({ path: ["history", "observationStart"], code: "invalid_range", message: `expected an observation start before the as-of date ${h.asOf}, got "${h.observationStart}"` });
  }
  const byId = new Map<string, number>();
  h.devices.forEach((d, i) => {
    if (byId.has(d.id)) issues.push({ path: ["history", "devices", i, "id"], code: "duplicate", message: `duplicate device id "${d.id}"` });
    byId.set(d.id, i);
    if (d.purchaseDate > h.asOf)
      issues.push({ path: ["history", "devices", i, "purchaseDate"], code: "future_date", message: `expected a purchase date on or before ${h.asOf}, got "${d.purchaseDate}"` });
  });
  h.tickets.forEach((t, i) => {
    const d = byId.get(t.deviceId);
    if (d === undefined) {
      issues.push({ path: ["history", "tickets", i, "deviceId"], code: "unknown_device", message: `unknown device "${t.deviceId}"` });
      return;
    }
    const device = h.devices[d]!;
    if (t.date < device.purchaseDate) {
      issues.push({ path: ["history", "tickets", i, "date"], code: "before_purchase", message: `expected a ticket on or after the device's purchase date ${device.purchaseDate}, got "${t.date}"` });
    }
    if (t.date > h.asOf) issues.push({ path: ["history", "tickets", i, "date"], code: "future_date", message: `expected a ticket on or before ${h.asOf}, got "${t.date}"` });
    if (t.date < h.observationStart) {
      issues.push({ path: ["history", "tickets", i, "date"], code: "outside_observation", message: `expected a ticket on or after the observation start ${h.observationStart}, got "${t.date}"` });
    }
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  return h;
}

function selected(h: RepairHistory, filter: z.infer<typeof repairFilterSchema>): RepairHistory["devices"] {
  const models = filter.models && new Set(filter.models);
  const roles = filter.roles && new Set<string>(filter.roles);
  return h.devices.filter((d) => (!models || models.has(d.model)) && (!roles || roles.has(d.role)));
}

/**
 * Turns a repair history into survival observations, in years of age: a device's first
 * `replaced` ticket is a failure at that age; a `lost` ticket censors it there; a device still in
 * service is right-censored at the as-of date; a device bought before the observation started
 * enters late, at its age on that day.
 *
 * @param history - a repair history ({@link repairHistorySchema})
 * @param filter - models and roles to keep ({@link repairFilterSchema})
 * @returns one observation per device
 * @throws DistrictKitError listing unknown devices, tickets before purchase or outside the window, future dates
 * @example
 * ```ts
 * const obs = survivalDataFromRepairs({
 *   observationStart: "2024-07-01", asOf: "2026-07-01",
 *   devices: [{ id: "D1", model: "cb", purchaseDate: "2022-07-01" }, { id: "D2", model: "cb", purchaseDate: "2025-07-01" }],
 *   tickets: [{ id: "T1", deviceId: "D1", date: "2025-07-01", kind: "liquid", cost: "0", outcome: "replaced" }],
 * });
 * obs.map((o) => [+o.time.toFixed(2), o.failed, +o.entry.toFixed(2)]); // => [[3, true, 2], [1, false, 0]]
 * ```
 * @category Survival
 */
export function survivalDataFromRepairs(history: unknown, filter: unknown = {}): SurvivalObservation[] {
  const h = validated(history);
  const f = parseInput(repairFilterSchema, filter, ["filter"]);
  return observationsOf(h, selected(h, f));
}

function observationsOf(h: RepairHistory, devices: RepairHistory["devices"]): SurvivalObservation[] {
  const ends = new Map<string, { date: string; failed: boolean }>();
  for (const t of h.tickets) {
    if (t.outcome === "repaired") continue;
    const prev = ends.get(t.deviceId);
    if (!prev || t.date < prev.date) ends.set(t.deviceId, { date: t.date, failed: t.outcome === "replaced" });
  }
  return devices.map((d) => {
    const end = ends.get(d.id);
    const time = daysFrom(end ? end.date : h.asOf, d.purchaseDate) / DAYS_PER_YEAR;
    const entry = Math.max(0, daysFrom(h.observationStart, d.purchaseDate) / DAYS_PER_YEAR);
    return { time, failed: end?.failed ?? false, entry: Math.min(entry, time) };
  });
}

/**
 * Repair statistics of a history: incidents per device-year of observed exposure and the mean
 * cost, overall and by kind (screen, keyboard…). Feeds `repairRate` and `repairCost` of the
 * failure assumptions.
 *
 * @category Survival
 */
export interface RepairStatistics {
  readonly devices: number;
  /** Observed device-years (from entry to failure, loss or the as-of date). */
  readonly exposureYears: number;
  readonly repairedIncidents: number;
  readonly incidentsPerDeviceYear: number;
  readonly averageRepairCost: Money;
  readonly byKind: readonly { readonly kind: string; readonly incidents: number; readonly perDeviceYear: number; readonly averageCost: Money }[];
  readonly replaced: number;
  readonly lost: number;
  readonly lossRatePerDeviceYear: number;
  readonly explanation: string;
}

/**
 * Computes repair statistics from a repair history (repaired tickets per device-year of exposure,
 * mean cost by kind, losses per device-year).
 *
 * @param history - a repair history
 * @param filter - models and roles to keep
 * @returns the statistics
 * @throws DistrictKitError for an invalid history
 * @example
 * ```ts
 * const s = repairStatistics({
 *   observationStart: "2025-07-01", asOf: "2026-07-01",
 *   devices: [{ id: "D1", model: "cb", purchaseDate: "2024-07-01" }, { id: "D2", model: "cb", purchaseDate: "2024-07-01" }],
 *   tickets: [{ id: "T1", deviceId: "D1", date: "2025-09-01", kind: "screen", cost: "89", outcome: "repaired" }],
 * });
 * s.repairedIncidents; // => 1
 * s.averageRepairCost.toString(); // => "89"
 * ```
 * @category Survival
 */
export function repairStatistics(history: unknown, filter: unknown = {}): RepairStatistics {
  const h = validated(history);
  const f = parseInput(repairFilterSchema, filter, ["filter"]);
  const devices = selected(h, f);
  const ids = new Set(devices.map((d) => d.id));
  const obs = observationsOf(h, devices);
  const exposure = obs.reduce((a, o) => a + (o.time - o.entry), 0);
  const kinds = new Map<string, Money[]>();
  let replaced = 0;
  let lost = 0;
  const all: Money[] = [];
  for (const t of h.tickets) {
    if (!ids.has(t.deviceId)) continue;
    if (t.outcome === "replaced") replaced++;
    else if (t.outcome === "lost") lost++;
    else {
      all.push(t.cost);
      const list = kinds.get(t.kind) ?? [];
      list.push(t.cost);
      kinds.set(t.kind, list);
    }
  }
  const per = (n: number): number => (exposure > 0 ? n / exposure : 0);
  const mean = (xs: Money[]): Money => (xs.length > 0 ? Money.sum(xs).divide(xs.length).roundToCents() : Money.ZERO);
  const rate = per(all.length);
  return {
    devices: devices.length,
    exposureYears: exposure,
    repairedIncidents: all.length,
    incidentsPerDeviceYear: rate,
    averageRepairCost: mean(all),
    byKind: [...kinds.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([kind, xs]) => ({ kind, incidents: xs.length, perDeviceYear: per(xs.length), averageCost: mean(xs) })),
    replaced,
    lost,
    lossRatePerDeviceYear: per(lost),
    explanation: `${devices.length} devices observed for ${exposure.toFixed(1)} device-years: ${all.length} repairs (${rate.toFixed(3)} per device-year, mean ${mean(all).format()}), ${replaced} replaced, ${lost} lost.`,
  };
}

/**
 * A failure model fitted from repair history.
 *
 * @category Survival
 */
export interface RepairFit {
  /** The fitted Weibull, ready for a forecast's failure assumptions (ages in years). */
  readonly failure: { readonly kind: "weibull"; readonly shape: number; readonly scale: number };
  readonly weibull: WeibullFitResult;
  /** The empirical curve of the same data, to compare with the fit. */
  readonly kaplanMeier: KaplanMeierResult;
  /** The same curve as a failure model (`kind: "kaplan-meier"`, ages in years) for a forecast. */
  readonly empirical: { readonly kind: "kaplan-meier"; readonly times: readonly number[]; readonly survival: readonly number[] };
  readonly statistics: RepairStatistics;
  readonly explanation: string;
}

/**
 * Fits a failure model from repair history: a Weibull by maximum likelihood with
 * right-censoring (devices still in service) and late entry (devices bought before records
 * began), the Kaplan–Meier curve of the same observations, and repair statistics.
 *
 * @param history - a repair history
 * @param filter - models and roles to keep
 * @returns the fitted model, the fit, the empirical curve, the statistics
 * @throws DistrictKitError for an invalid history, or `INFEASIBLE` when no device failed
 * @example
 * ```ts
 * const history = generateRepairHistory({ devices: 400, seed: 3, failure: { shape: 2, scale: 5 } });
 * const fit = fitFailureModelFromRepairs(history);
 * fit.failure.kind; // => "weibull"
 * fit.weibull.lateEntries > 0; // => true
 * ```
 * @category Survival
 */
export function fitFailureModelFromRepairs(history: unknown, filter: unknown = {}): RepairFit {
  const h = validated(history);
  const f = parseInput(repairFilterSchema, filter, ["filter"]);
  const obs = observationsOf(h, selected(h, f));
  if (obs.length === 0) throw new DistrictKitError("INFEASIBLE", [{ path: ["filter"], code: "no_devices", message: "no device of the history matches the filter" }]);
  const cols = columnsOf(obs);
  const weibull = fitWeibullOf(cols, 0.95);
  const km = kaplanMeierOf(cols, 0.95);
  const statistics = repairStatistics(h, f);
  return {
    failure: { kind: "weibull", shape: weibull.shape, scale: weibull.scale },
    weibull,
    kaplanMeier: km,
    empirical: failureModelFromKaplanMeier(km),
    statistics,
    explanation: `${weibull.explanation} ${statistics.explanation}`,
  };
}

/**
 * Turns a Kaplan–Meier result into an empirical failure model (`kind: "kaplan-meier"`) that a
 * forecast's failure assumptions accept; times must be ages in years. An empty curve (no failure)
 * becomes S = 1 at the last observed time.
 *
 * @param km - a result of {@link kaplanMeier}
 * @returns the failure model
 * @throws DistrictKitError for a malformed curve
 * @example
 * ```ts
 * const km = kaplanMeier({ failures: [1.5, 2.5, 3.5], censored: [4] });
 * failureModelFromKaplanMeier(km).survival; // => [0.75, 0.5, 0.25]
 * ```
 * @category Survival
 */
export function failureModelFromKaplanMeier(km: unknown): { readonly kind: "kaplan-meier"; readonly times: number[]; readonly survival: number[] } {
  const k = parseInput(z.object({ steps: z.array(z.object({ time: z.number().nonnegative().max(1000), survival: z.number().min(0).max(1) })), lastTime: z.number().nonnegative() }), km, ["km"]);
  if (k.steps.length === 0) return { kind: "kaplan-meier", times: [Math.min(1000, k.lastTime)], survival: [1] };
  return { kind: "kaplan-meier", times: k.steps.map((s) => s.time), survival: k.steps.map((s) => s.survival) };
}
