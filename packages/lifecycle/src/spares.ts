import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { poissonQuantile } from "./internal/math.js";

/**
 * Input of {@link sizeSparePool}.
 *
 * @example
 * ```ts
 * sparePoolInputSchema.parse({ devices: 600, incidentsPerDeviceYear: 0.2, turnaroundDays: 5 }).schoolDays; // => 180
 * ```
 * @category Spares
 */
export const sparePoolInputSchema = z.object({
  devices: z.number().int().min(0).max(100_000_000),
  /** Repair incidents per device per year (r). */
  incidentsPerDeviceYear: z.number().min(0).max(50),
  /** Turnaround of a repair, in school days (d). */
  turnaroundDays: z.number().positive().max(365),
  /** School days in a year (D). */
  schoolDays: z.number().int().min(1).max(366).default(180),
  serviceLevel: z.number().min(0.5).max(0.99999).default(0.95),
});

/**
 * A spare pool size with how it was obtained.
 *
 * @category Spares
 */
export interface SparePoolResult {
  /** Little's law: mean devices out for repair, `L = N·r·d/D`. */
  readonly meanOutOfService: number;
  /** Smallest k with P(Poisson(L) ≤ k) ≥ service level. */
  readonly spares: number;
  /** P(Poisson(L) ≤ spares). */
  readonly serviceLevelAchieved: number;
  /** The 10 % rule of thumb, for comparison. */
  readonly ruleOfThumb: number;
  readonly explanation: string;
}

/**
 * Sizes a spare (loaner) pool: Little's law gives the mean number of devices out of service,
 * `L = N·r·d/D`; the pool is the smallest k with `P(Poisson(L) ≤ k)` at the service level.
 *
 * @param input - see {@link sparePoolInputSchema}
 * @returns the pool size and the reasoning
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const s = sizeSparePool({ devices: 900, incidentsPerDeviceYear: 0.2, turnaroundDays: 5 });
 * s.meanOutOfService; // => 5
 * s.spares; // => 9
 * ```
 * @category Spares
 */
export function sizeSparePool(input: unknown): SparePoolResult {
  const d = parseInput(sparePoolInputSchema, input);
  const L = (d.devices * d.incidentsPerDeviceYear * d.turnaroundDays) / d.schoolDays;
  const q = poissonQuantile(L, d.serviceLevel);
  return {
    meanOutOfService: L,
    spares: q.k,
    serviceLevelAchieved: q.cdf,
    ruleOfThumb: Math.ceil(d.devices * 0.1),
    explanation: `${d.devices} devices × ${d.incidentsPerDeviceYear} repairs a year × ${d.turnaroundDays} days out ÷ ${d.schoolDays} school days = ${L.toFixed(2)} devices out on average (Little's law); ${q.k} spares cover demand on ${(q.cdf * 100).toFixed(1)} % of days (target ${(d.serviceLevel * 100).toFixed(1)} %), against ${Math.ceil(d.devices * 0.1)} by the 10 % rule of thumb.`,
  };
}
