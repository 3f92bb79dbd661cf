import { DISTRICT_CALENDAR, DistrictKitError, fiscalCalendarSchema, fiscalYearOf, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { aueLastDay } from "./forecast/resolve.js";
import { cohortSchema, deviceModelSchema, deviceSchema } from "./schema.js";

/**
 * Input of {@link aueCliff}.
 *
 * @example
 * ```ts
 * aueCliffInputSchema.parse({ asOf: "2026-07-01", models: [], cohorts: [] }).horizonYears; // => 10
 * ```
 * @category Forecast
 */
export const aueCliffInputSchema = z.object({
  asOf: isoDateSchema,
  calendar: fiscalCalendarSchema.optional(),
  horizonYears: z.number().int().min(1).max(30).default(10),
  models: z.array(deviceModelSchema),
  cohorts: z.array(cohortSchema).default([]),
  devices: z.array(deviceSchema).default([]),
});

/**
 * Devices losing Chromebook updates, by fiscal year.
 *
 * @category Forecast
 */
export interface AueCliffResult {
  /** Devices whose AUE had passed before the as-of date (still in the inventory). */
  readonly alreadyExpired: { readonly devices: number; readonly models: readonly { readonly model: string; readonly autoUpdateExpiration: string; readonly devices: number }[] };
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly devices: number;
    readonly models: readonly { readonly model: string; readonly autoUpdateExpiration: string; readonly devices: number }[];
  }[];
  /** The fiscal year in which the most devices lose updates (null when none do). */
  readonly peakFiscalYear: number | null;
  readonly explanation: string;
}

/**
 * The "AUE cliff": how many Chromebooks lose automatic updates in each fiscal year (the year that
 * contains the last day of their AUE month), by model, and how many already have. AUE is a
 * property of the model, not of the purchase date: buying an old model late buys fewer years.
 *
 * @param input - see {@link aueCliffInputSchema}
 * @returns devices by fiscal year and model
 * @throws DistrictKitError for invalid input or an unknown model
 * @example
 * ```ts
 * const cliff = aueCliff({
 *   asOf: "2026-07-01",
 *   models: [{ id: "cb300", category: "chromebook", unitPrice: "259", autoUpdateExpiration: "2026-06" }, { id: "cb311", category: "chromebook", unitPrice: "289", autoUpdateExpiration: "2031-06" }],
 *   cohorts: [{ model: "cb300", school: "ES", role: "student", purchaseFiscalYear: 2022, count: 110 }, { model: "cb311", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 300 }],
 * });
 * cliff.alreadyExpired.devices; // => 110
 * cliff.years.find((y) => y.fiscalYear === 2031)!.devices; // => 300
 * ```
 * @category Forecast
 */
export function aueCliff(input: unknown): AueCliffResult {
  const d = parseInput(aueCliffInputSchema, input);
  const calendar = d.calendar ?? DISTRICT_CALENDAR;
  const first = fiscalYearOf(d.asOf, calendar);
  const models = new Map(d.models.map((m) => [m.id, m]));
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const counts = new Map<string, number>();
  d.cohorts.forEach((c, i) => {
    if (!models.has(c.model)) issues.push({ path: ["cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` });
    else counts.set(c.model, (counts.get(c.model) ?? 0) + c.count);
  });
  d.devices.forEach((x, i) => {
    if (!models.has(x.model)) issues.push({ path: ["devices", i, "model"], code: "unknown_model", message: `unknown model "${x.model}"` });
    else if (x.status !== "lost" && x.status !== "retired") counts.set(x.model, (counts.get(x.model) ?? 0) + 1);
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const expired: { model: string; autoUpdateExpiration: string; devices: number }[] = [];
  const byYear = new Map<number, { model: string; autoUpdateExpiration: string; devices: number }[]>();
  for (const [id, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const m = models.get(id)!;
    if (!m.autoUpdateExpiration || n === 0) continue;
    const last = aueLastDay(m.autoUpdateExpiration);
    const fy = fiscalYearOf(last, calendar);
    const row = { model: id, autoUpdateExpiration: m.autoUpdateExpiration, devices: n };
    if (last < d.asOf) expired.push(row);
    else {
      const list = byYear.get(fy) ?? [];
      list.push(row);
      byYear.set(fy, list);
    }
  }
  const years = Array.from({ length: d.horizonYears }, (_, i) => {
    const fy = first + i;
    const list = byYear.get(fy) ?? [];
    return { fiscalYear: fy, devices: list.reduce((a, r) => a + r.devices, 0), models: list };
  });
  let peak: number | null = null;
  let peakN = 0;
  for (const y of years) if (y.devices > peakN) [peak, peakN] = [y.fiscalYear, y.devices];
  const expiredN = expired.reduce((a, r) => a + r.devices, 0);
  return {
    alreadyExpired: { devices: expiredN, models: expired },
    years,
    peakFiscalYear: peak,
    explanation:
      `${expiredN} Chromebooks are already past their Auto Update Expiration at ${d.asOf}` +
      (peak !== null ? `; the largest cliff is FY${peak}, when ${peakN} lose updates.` : "; no other Chromebook loses updates within the horizon."),
  };
}
