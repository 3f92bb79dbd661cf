import { DistrictKitError, isoDateSchema, Money, parseInput, probabilitySchema } from "@districtkit/core";
import { z } from "zod";
import { dayNumber } from "../internal/days.js";
import { type RepairHistory, repairHistorySchema } from "../schema.js";
import { fitFailureModelFromRepairs, repairFilterSchema } from "../survival/repairs.js";

const DAYS_PER_YEAR = 365.25;

/**
 * Options of {@link forecastRepairs}.
 *
 * @example
 * ```ts
 * repairForecastOptionsSchema.parse({}).months; // => 12
 * ```
 * @category Damage and repairs
 */
export const repairForecastOptionsSchema = z.strictObject({
  /** The first month forecast (its first day is used); default the month after the history's as-of date. */
  from: isoDateSchema.optional(),
  months: z.number().int().min(1).max(36).default(12),
  /** The month the school year starts (7 = July): months are also numbered in the school year. */
  schoolYearStartMonth: z.number().int().min(1).max(12).default(7),
  /** A model × age cell uses its own rate only with at least this many device-years observed; else the model's rate. */
  minExposureYears: z.number().min(0).max(1e6).default(20),
  /** Parts stock: months between ordering and receiving parts, and the chance the stock covers a window. */
  leadTimeMonths: z.number().int().min(1).max(12).default(1),
  serviceLevel: probabilitySchema.default(0.9),
  filter: repairFilterSchema.default({}),
});

/**
 * One cell of the repair forecast: a month, a model and an age in whole years.
 *
 * @category Damage and repairs
 */
export interface RepairForecastCell {
  /** `YYYY-MM`. */
  readonly month: string;
  /** 1 = the first month of the school year. */
  readonly schoolMonth: number;
  readonly model: string;
  readonly ageYears: number;
  readonly devices: number;
  /** Repairs expected: devices × the cell's rate × the month's seasonal factor × the month's share of a year. */
  readonly expectedRepairs: number;
  /** Devices expected to fail beyond repair, from the model's fitted Weibull (conditional on surviving to the month). */
  readonly expectedReplacements: number;
  /** Which rate was used: the model at this age, or the model at all ages (too few device-years at this age). */
  readonly basis: "modelAge" | "model" | "fleet";
}

/**
 * A repair forecast: by month, model and age; by kind with a parts stock suggestion; the incidents
 * {@link compareDamageCoverage} takes; and the rates and seasonal factors behind it.
 *
 * @category Damage and repairs
 */
export interface RepairForecastResult {
  readonly from: string;
  readonly months: number;
  /** Devices in service at the history's as-of date (not replaced, not lost), the fleet forecast. */
  readonly devices: number;
  readonly cells: readonly RepairForecastCell[];
  readonly byMonth: readonly { readonly month: string; readonly schoolMonth: number; readonly expectedRepairs: number; readonly expectedReplacements: number }[];
  readonly byModel: readonly {
    readonly model: string;
    readonly devices: number;
    readonly expectedRepairs: number;
    readonly expectedReplacements: number;
    readonly failureModel: { readonly shape: number; readonly scale: number } | null;
  }[];
  /** Seasonal factor of each calendar month (1 = an average month), from tickets per device-day. */
  readonly seasonality: readonly { readonly month: number; readonly schoolMonth: number; readonly factor: number; readonly incidents: number; readonly exposureYears: number }[];
  /** Rates observed per model and age: repaired incidents per device-year. */
  readonly rates: readonly { readonly model: string; readonly ageYears: number; readonly exposureYears: number; readonly incidents: number; readonly perDeviceYear: number }[];
  /** Per kind of repair: incidents expected, mean cost, the most expected in one lead-time window and the stock that covers it at the service level. */
  readonly parts: readonly {
    readonly kind: string;
    readonly expected: number;
    readonly averageCost: Money;
    readonly peakWindow: string;
    readonly peakExpected: number;
    readonly suggestedStock: number;
  }[];
  /** Per kind: incidents per device-year over the forecast and the costs observed — the input of `compareDamageCoverage`. */
  readonly incidents: readonly { readonly kind: string; readonly perDeviceYear: number; readonly costs: readonly Money[] }[];
  readonly expectedRepairs: number;
  readonly expectedReplacements: number;
  readonly explanation: string;
}

/** The smallest k with P(Poisson(λ) ≤ k) ≥ p. */
function poissonQuantile(lambda: number, p: number): number {
  if (lambda <= 0) return 0;
  let k = 0;
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  while (cdf < p && k < 1e6) {
    k++;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/** Year and month (1–12) `k` months after `y-m`. */
function plusMonths(y: number, m: number, k: number): [number, number] {
  const i = y * 12 + (m - 1) + k;
  return [Math.floor(i / 12), (i % 12) + 1];
}
const monthDay = (y: number, m: number): number => Date.UTC(y, m - 1, 1) / 86_400_000;
const label = (y: number, m: number): string => `${y}-${String(m).padStart(2, "0")}`;

/**
 * Forecasts repairs from ticket history by model, age and month of the school year, for the
 * devices still in service: the rate of repaired incidents per device-year of each model at each
 * age (the model's rate at all ages where an age has too few device-years), times a seasonal
 * factor per calendar month (tickets per device-day in that month over the average), times the
 * month's share of a year. Devices failing beyond repair come from each model's Weibull fitted to
 * the same history (`fitFailureModelFromRepairs`: censoring and late entry). Per kind of repair
 * (screen, keyboard…): incidents expected, and the parts stock that covers the busiest lead-time
 * window at the service level (a Poisson quantile). The `incidents` it returns go to
 * {@link compareDamageCoverage} as they are.
 *
 * @param history - a repair history ({@link repairHistorySchema})
 * @param options - see {@link repairForecastOptionsSchema}
 * @returns the forecast
 * @throws DistrictKitError for an invalid history or options, or no device in service
 * @example
 * ```ts
 * const history = generateRepairHistory({ devices: 300, seed: 4 });
 * const f = forecastRepairs(history, { from: "2027-07-01", months: 12 });
 * f.byMonth.length; // => 12
 * f.byMonth[0]?.schoolMonth; // => 1
 * Math.abs(f.byMonth.reduce((a, m) => a + m.expectedRepairs, 0) - f.expectedRepairs) < 1e-9; // => true
 * ```
 * @category Damage and repairs
 */
export function forecastRepairs(history: unknown, options: unknown = {}): RepairForecastResult {
  const h: RepairHistory = parseInput(repairHistorySchema, history, ["history"]);
  const o = parseInput(repairForecastOptionsSchema, options, ["options"]);
  if (h.observationStart >= h.asOf) throw DistrictKitError.argument(["history", "observationStart"], `expected an observation start before the as-of date ${h.asOf}, got "${h.observationStart}"`);
  const devices = h.devices.filter((d) => (!o.filter.models || o.filter.models.includes(d.model)) && (!o.filter.roles || o.filter.roles.includes(d.role)));
  const byId = new Map(devices.map((d) => [d.id, d] as const));
  const ended = new Map<string, string>();
  for (const t of h.tickets) if (t.outcome !== "repaired" && byId.has(t.deviceId) && (ended.get(t.deviceId) ?? "9999") > t.date) ended.set(t.deviceId, t.date);

  // exposure by model × age year and by calendar month; incidents likewise
  const start0 = dayNumber(h.observationStart);
  const asOf = dayNumber(h.asOf);
  const cellKey = (model: string, age: number): string => `${model}\u0000${age}`;
  const exposure = new Map<string, number>(); // days
  const modelExposure = new Map<string, number>();
  const monthExposure = new Array<number>(12).fill(0);
  for (const d of devices) {
    const p = dayNumber(d.purchaseDate);
    const a = Math.max(p, start0);
    const b = Math.min(asOf, ended.has(d.id) ? dayNumber(ended.get(d.id)!) : asOf);
    if (b <= a) continue;
    modelExposure.set(d.model, (modelExposure.get(d.model) ?? 0) + (b - a));
    let t = a;
    while (t < b) {
      const age = Math.floor((t - p) / DAYS_PER_YEAR);
      const next = Math.min(b, p + Math.ceil((age + 1) * DAYS_PER_YEAR));
      const end = next > t ? next : b;
      exposure.set(cellKey(d.model, age), (exposure.get(cellKey(d.model, age)) ?? 0) + (end - t));
      t = end;
    }
    const startDate = new Date(a * 86_400_000);
    let [y, m] = [startDate.getUTCFullYear(), startDate.getUTCMonth() + 1];
    while (monthDay(y, m) < b) {
      const [ny, nm] = plusMonths(y, m, 1);
      monthExposure[m - 1]! += Math.min(monthDay(ny, nm), b) - Math.max(monthDay(y, m), a);
      [y, m] = [ny, nm];
    }
  }
  const incidents = new Map<string, number>();
  const modelIncidents = new Map<string, number>();
  const monthIncidents = new Array<number>(12).fill(0);
  const kindCosts = new Map<string, Money[]>();
  let totalIncidents = 0;
  for (const t of h.tickets) {
    const d = byId.get(t.deviceId);
    if (d === undefined || t.outcome !== "repaired" || t.date < h.observationStart || t.date > h.asOf) continue;
    const age = Math.floor((dayNumber(t.date) - dayNumber(d.purchaseDate)) / DAYS_PER_YEAR);
    incidents.set(cellKey(d.model, age), (incidents.get(cellKey(d.model, age)) ?? 0) + 1);
    modelIncidents.set(d.model, (modelIncidents.get(d.model) ?? 0) + 1);
    monthIncidents[Number(t.date.slice(5, 7)) - 1]! += 1;
    const list = kindCosts.get(t.kind) ?? [];
    list.push(t.cost);
    kindCosts.set(t.kind, list);
    totalIncidents++;
  }
  const totalExposureDays = [...modelExposure.values()].reduce((x, y) => x + y, 0);
  const fleetRate = totalExposureDays > 0 ? totalIncidents / (totalExposureDays / DAYS_PER_YEAR) : 0;
  const averagePerDay = totalExposureDays > 0 ? totalIncidents / totalExposureDays : 0;
  const schoolMonthOf = (calendarMonth: number): number => ((calendarMonth - o.schoolYearStartMonth + 12) % 12) + 1;
  const seasonality = monthExposure.map((e, i) => ({
    month: i + 1,
    schoolMonth: schoolMonthOf(i + 1),
    factor: e > 0 && averagePerDay > 0 ? monthIncidents[i]! / e / averagePerDay : 1,
    incidents: monthIncidents[i]!,
    exposureYears: e / DAYS_PER_YEAR,
  }));
  const rates = [...exposure.entries()]
    .map(([k, e]) => {
      const [model, age] = k.split("\u0000") as [string, string];
      const n = incidents.get(k) ?? 0;
      return { model, ageYears: Number(age), exposureYears: e / DAYS_PER_YEAR, incidents: n, perDeviceYear: n / (e / DAYS_PER_YEAR) };
    })
    .sort((a, b) => (a.model === b.model ? a.ageYears - b.ageYears : a.model < b.model ? -1 : 1));
  const rateOf = (model: string, age: number): { rate: number; basis: RepairForecastCell["basis"] } => {
    const e = (exposure.get(cellKey(model, age)) ?? 0) / DAYS_PER_YEAR;
    if (e >= o.minExposureYears && e > 0) return { rate: (incidents.get(cellKey(model, age)) ?? 0) / e, basis: "modelAge" };
    const me = (modelExposure.get(model) ?? 0) / DAYS_PER_YEAR;
    if (me >= o.minExposureYears && me > 0) return { rate: (modelIncidents.get(model) ?? 0) / me, basis: "model" };
    return { rate: fleetRate, basis: "fleet" };
  };

  // the failure model of each model, fitted to the same history
  const inService = devices.filter((d) => !ended.has(d.id));
  if (inService.length === 0) throw new DistrictKitError("INFEASIBLE", [{ path: ["history", "devices"], code: "no_devices", message: "no device of the history is in service at its as-of date" }]);
  const models = [...new Set(inService.map((d) => d.model))].sort();
  const weibull = new Map<string, { shape: number; scale: number } | null>();
  for (const m of models) {
    try {
      const fit = fitFailureModelFromRepairs(h, { ...o.filter, models: [m] });
      weibull.set(m, Number.isFinite(fit.failure.shape) && Number.isFinite(fit.failure.scale) ? { shape: fit.failure.shape, scale: fit.failure.scale } : null);
    } catch (e) {
      if (!(e instanceof DistrictKitError)) throw e;
      weibull.set(m, null); // no failure observed: no replacement forecast for this model
    }
  }
  const survival = (w: { shape: number; scale: number }, age: number): number => Math.exp(-((Math.max(0, age) / w.scale) ** w.shape));

  const [fy, fm] = o.from === undefined ? plusMonths(Number(h.asOf.slice(0, 4)), Number(h.asOf.slice(5, 7)), 1) : [Number(o.from.slice(0, 4)), Number(o.from.slice(5, 7))];
  const cells: RepairForecastCell[] = [];
  const byMonth: RepairForecastResult["byMonth"][number][] = [];
  for (let k = 0; k < o.months; k++) {
    const [y, cal] = plusMonths(fy, fm, k);
    const month = label(y, cal);
    const s = monthDay(y, cal);
    const [ny, nm] = plusMonths(y, cal, 1);
    const days = monthDay(ny, nm) - s;
    const factor = seasonality[cal - 1]!.factor;
    const group = new Map<string, { model: string; age: number; n: number; repairs: number; replacements: number; basis: RepairForecastCell["basis"] }>();
    for (const d of inService) {
      const p = dayNumber(d.purchaseDate);
      if (p >= s + days) continue; // bought after this month
      const a0 = Math.max(0, s - p) / DAYS_PER_YEAR;
      const a1 = (s + days - p) / DAYS_PER_YEAR;
      const age = Math.floor((a0 + a1) / 2);
      const { rate, basis } = rateOf(d.model, age);
      const w = weibull.get(d.model) ?? null;
      const key = cellKey(d.model, age);
      const g = group.get(key) ?? { model: d.model, age, n: 0, repairs: 0, replacements: 0, basis };
      g.n++;
      g.repairs += rate * factor * (Math.min(days, s + days - p) / DAYS_PER_YEAR);
      if (w !== null) {
        const s0 = survival(w, a0);
        g.replacements += s0 > 0 ? 1 - survival(w, a1) / s0 : 1;
      }
      group.set(key, g);
    }
    let rm = 0;
    let pm = 0;
    for (const g of [...group.values()].sort((a, b) => (a.model === b.model ? a.age - b.age : a.model < b.model ? -1 : 1))) {
      cells.push({ month, schoolMonth: schoolMonthOf(cal), model: g.model, ageYears: g.age, devices: g.n, expectedRepairs: g.repairs, expectedReplacements: g.replacements, basis: g.basis });
      rm += g.repairs;
      pm += g.replacements;
    }
    byMonth.push({ month, schoolMonth: schoolMonthOf(cal), expectedRepairs: rm, expectedReplacements: pm });
  }
  const expectedRepairs = byMonth.reduce((a, m) => a + m.expectedRepairs, 0);
  const expectedReplacements = byMonth.reduce((a, m) => a + m.expectedReplacements, 0);
  const byModel = models.map((m) => {
    const cs = cells.filter((c) => c.model === m);
    return {
      model: m,
      devices: inService.filter((d) => d.model === m).length,
      expectedRepairs: cs.reduce((a, c) => a + c.expectedRepairs, 0),
      expectedReplacements: cs.reduce((a, c) => a + c.expectedReplacements, 0),
      failureModel: weibull.get(m) ?? null,
    };
  });
  const kinds = [...kindCosts.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const L = Math.min(o.leadTimeMonths, o.months);
  const parts = kinds.map(([kind, costs]) => {
    const sharePart = costs.length / totalIncidents;
    let peak = -1;
    let peakAt = 0;
    for (let k = 0; k + L <= byMonth.length; k++) {
      const x = byMonth.slice(k, k + L).reduce((a, m) => a + m.expectedRepairs, 0) * sharePart;
      if (x > peak + 1e-12) {
        peak = x;
        peakAt = k;
      }
    }
    const window = L === 1 ? byMonth[peakAt]!.month : `${byMonth[peakAt]!.month} to ${byMonth[peakAt + L - 1]!.month}`;
    return {
      kind,
      expected: expectedRepairs * sharePart,
      averageCost: Money.sum(costs).divide(costs.length).roundToCents(),
      peakWindow: window,
      peakExpected: peak,
      suggestedStock: poissonQuantile(peak, o.serviceLevel),
    };
  });
  const years = o.months / 12;
  const incidentsOut = kinds.map(([kind, costs]) => ({ kind, perDeviceYear: (expectedRepairs * (costs.length / totalIncidents)) / inService.length / years, costs }));
  const busiest = [...byMonth].sort((a, b) => b.expectedRepairs - a.expectedRepairs)[0]!;
  const last = byMonth[byMonth.length - 1]!.month;
  const explanation =
    `${inService.length} devices in service on ${h.asOf}: ${expectedRepairs.toFixed(1)} repairs expected from ${byMonth[0]!.month} to ${last} ` +
    `(busiest ${busiest.month}, month ${busiest.schoolMonth} of the school year, ${busiest.expectedRepairs.toFixed(1)}), and ${expectedReplacements.toFixed(1)} devices beyond repair by each model's fitted Weibull. ` +
    `Rates are repaired tickets per device-year of each model at each age (${totalIncidents} tickets over ${(totalExposureDays / DAYS_PER_YEAR).toFixed(1)} device-years from ${h.observationStart} to ${h.asOf}); an age with fewer than ${o.minExposureYears} device-years uses the model's rate.`;
  return {
    from: `${label(fy, fm)}-01`,
    months: o.months,
    devices: inService.length,
    cells,
    byMonth,
    byModel,
    seasonality,
    rates,
    parts,
    incidents: incidentsOut,
    expectedRepairs,
    expectedReplacements,
    explanation,
  };
}
