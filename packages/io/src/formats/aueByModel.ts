import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { guard } from "../internal/guard.js";
import { isoDayStringSchema } from "../schema/records.js";

/**
 * The Auto Update Expiration of one Chromebook model, as its devices report it.
 *
 * @category Google Admin
 */
export interface ModelAutoUpdateExpiration {
  /** The model name. */
  readonly model: string;
  /** The date most of its devices report (the earliest on a tie), or `null` when none reports one. */
  readonly autoUpdateExpiration: string | null;
  /** How many devices of the model were read. */
  readonly devices: number;
  /** How many of them report the chosen date. */
  readonly agreeing: number;
  /** Other dates reported by some of its devices (a mixed platform or a data-entry slip), with their counts. */
  readonly otherDates: readonly { readonly date: string; readonly devices: number }[];
}

const inputSchema = z.array(z.object({ model: z.string(), autoUpdateExpiration: isoDayStringSchema.optional() }));

/**
 * Groups devices by model and gives each model its Auto Update Expiration (AUE is a property of
 * the model's platform, so devices of one model should agree; disagreements are listed).
 *
 * @param devices - devices as {@link readGoogleAdminDevices} returns them (only `model` and `autoUpdateExpiration` are used)
 * @returns one entry per model, sorted by model name
 * @throws DistrictKitError when an entry has no model or a malformed date
 * @example
 * ```ts
 * const models = autoUpdateExpirationByModel([
 *   { model: "Acme 300", autoUpdateExpiration: "2026-06-30" },
 *   { model: "Acme 300", autoUpdateExpiration: "2026-06-30" },
 *   { model: "Acme 300" },
 * ]);
 * models[0]?.autoUpdateExpiration; // => "2026-06-30"
 * models[0]?.devices; // => 3
 * ```
 * @category Google Admin
 */
export function autoUpdateExpirationByModel(devices: readonly { readonly model: string; readonly autoUpdateExpiration?: string | undefined }[]): ModelAutoUpdateExpiration[] {
  return guard("devices", () => groupAutoUpdateExpiration(parseInput(inputSchema, devices, ["devices"])));
}

/** @internal {@link autoUpdateExpirationByModel} on devices already validated. */
export function groupAutoUpdateExpiration(list: readonly { readonly model: string; readonly autoUpdateExpiration?: string | undefined }[]): ModelAutoUpdateExpiration[] {
  const byModel = new Map<string, { devices: number; dates: Map<string, number> }>();
  for (const d of list) {
    let entry = byModel.get(d.model);
    if (!entry) byModel.set(d.model, (entry = { devices: 0, dates: new Map() }));
    entry.devices++;
    if (d.autoUpdateExpiration !== undefined) entry.dates.set(d.autoUpdateExpiration, (entry.dates.get(d.autoUpdateExpiration) ?? 0) + 1);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([model, entry]) => {
      const dates = [...entry.dates.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const [best, ...others] = dates;
      return {
        model,
        autoUpdateExpiration: best ? best[0] : null,
        devices: entry.devices,
        agreeing: best ? best[1] : 0,
        otherDates: others.map(([date, n]) => ({ date, devices: n })),
      };
    });
}
