import { createRng, DistrictKitError, parseInput, type Rng } from "@districtkit/core";
import { z } from "zod";
import { isoFromParts } from "./internal/cells.js";
import { guard } from "./internal/guard.js";

/**
 * The zod schema of the options of {@link generateGoogleAdminExport}.
 *
 * @example
 * ```ts
 * generateGoogleAdminExportOptionsSchema.parse({ devices: 10, seed: 1 }).headers; // => "gam"
 * ```
 * @category Generators
 */
export const generateGoogleAdminExportOptionsSchema = z
  .object({
    devices: z.number().int().min(0).max(5_000_000).describe("Number of device rows"),
    seed: z.union([z.number().int(), z.string()]).describe("Seed of the random stream"),
    schools: z.number().int().min(1).max(5000).default(3).describe("Number of schools (org units)"),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .default("2026-07-01")
      .describe("Export date; last syncs fall before it"),
    headers: z.enum(["gam", "console"]).default("gam").describe("GAM camelCase headers or the Admin console's words"),
    errorRate: z.number().min(0).max(1).default(0).describe("Share of rows given a deliberate mistake (bad date, missing serial)"),
  })
  .strict();

/**
 * Options of {@link generateGoogleAdminExport}.
 *
 * @category Generators
 */
export type GenerateGoogleAdminExportOptions = z.input<typeof generateGoogleAdminExportOptionsSchema>;

/** Fictional Chromebook models with their (fictional) Auto Update Expiration. */
const MODELS = [
  { model: "Acme Chromebook 300", aue: [2026, 6], made: 2020 },
  { model: "Acme Chromebook 311 G2", aue: [2031, 6], made: 2023 },
  { model: "Bolt Chromebook 14e", aue: [2028, 6], made: 2021 },
  { model: "Bolt Chromebook 11 G9 EE", aue: [2029, 6], made: 2022 },
  { model: "Cirrus Chromebook x360", aue: [2033, 6], made: 2024 },
  { model: "Cirrus Chromebook 3100", aue: [2027, 6], made: 2019 },
] as const;

const GAM = [
  "deviceId",
  "serialNumber",
  "status",
  "lastSync",
  "annotatedUser",
  "annotatedLocation",
  "annotatedAssetId",
  "notes",
  "model",
  "osVersion",
  "orgUnitPath",
  "autoUpdateExpiration",
  "orderNumber",
  "manufactureDate",
  "firstEnrollmentTime",
  "macAddress",
];
const CONSOLE = [
  "Device ID",
  "Serial Number",
  "Status",
  "Last Sync",
  "Annotated User",
  "Annotated Location",
  "Annotated Asset ID",
  "Notes",
  "Model",
  "OS Version",
  "Org Unit Path",
  "Auto Update Expiration",
  "Order Number",
  "Manufacture Date",
  "First Enrollment Time",
  "MAC Address",
];
const NOTES = ["", "", "", "", "", "", "Cracked screen, replaced 2025-03", "Loaner", "Keyboard replaced", "Charger missing"];
const STATUS = ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "DEPROVISIONED", "DISABLED"];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

function hex(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(rng.next() * 16)];
  return s;
}

function day(rng: Rng, year: number): string {
  const month = 1 + Math.floor(rng.next() * 12);
  return isoFromParts(year, month, 1 + Math.floor(rng.next() * 28))!;
}

/**
 * Generates a realistic, made-up Google Admin (GAM or console) Chrome device export as CSV text,
 * the same for the same seed — the workload of the I1 import benchmark and of fuzz tests. Models,
 * AUE dates, org units, notes with commas (quoted cells) and statuses vary like a real fleet's.
 *
 * @param options - number of devices, seed, schools, header style, share of deliberately bad rows
 * @returns the CSV text (header and one row per device, CRLF line breaks)
 * @throws DistrictKitError for invalid options
 * @example
 * ```ts
 * const csv = generateGoogleAdminExport({ devices: 50, seed: 7 });
 * readGoogleAdminDevices(csv).stats.parsed; // => 50
 * generateGoogleAdminExport({ devices: 50, seed: 7 }) === csv; // => true
 * ```
 * @category Generators
 */
export function generateGoogleAdminExport(options: GenerateGoogleAdminExportOptions): string {
  return guard("options", () => {
    const o = parseInput(generateGoogleAdminExportOptionsSchema, options, ["options"]);
    const asOfYear = Number(o.asOf.slice(0, 4));
    if (!(asOfYear >= 2000 && asOfYear <= 9000)) throw DistrictKitError.argument(["options", "asOf"], "expected a year 2000–9000");
    const rng = createRng(o.seed).stream("google-admin-export");
    const units = Array.from({ length: o.schools }, (_, i) => `/Students/School ${String(i + 1).padStart(3, "0")}`);
    const lines: string[] = [(o.headers === "gam" ? GAM : CONSOLE).join(",")];
    for (let i = 0; i < o.devices; i++) {
      const m = pick(rng, MODELS);
      const bought = Math.min(asOfYear, m.made + Math.floor(rng.next() * 3));
      const unit = pick(rng, units);
      const tag = `T${String(i + 1).padStart(7, "0")}`;
      let serial = `${m.model.slice(0, 1)}${hex(rng, 9).toUpperCase()}`;
      let lastSync = `${day(rng, asOfYear - (rng.next() < 0.1 ? 1 : 0))}T${String(Math.floor(rng.next() * 24)).padStart(2, "0")}:14:07.000Z`;
      if (lastSync > o.asOf) lastSync = `${o.asOf}T07:00:00.000Z`;
      const note = pick(rng, NOTES);
      if (o.errorRate > 0 && rng.next() < o.errorRate) {
        if (rng.next() < 0.5) serial = "";
        else lastSync = "13/45/2024";
      }
      const aue = isoFromParts(m.aue[0], m.aue[1], 30)!;
      lines.push(
        [
          `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
          serial,
          pick(rng, STATUS),
          lastSync,
          rng.next() < 0.7 ? `s${String(100000 + Math.floor(rng.next() * 900000))}@students.example.org` : "",
          unit.slice(10),
          tag,
          note.includes(",") ? `"${note}"` : note,
          m.model,
          `${120 + Math.floor(rng.next() * 8)}.0.${6000 + Math.floor(rng.next() * 400)}.${Math.floor(rng.next() * 200)}`,
          unit,
          aue,
          `PO-${bought}-${String(1 + Math.floor(rng.next() * 40)).padStart(3, "0")}`,
          day(rng, bought - 1),
          day(rng, bought),
          hex(rng, 12),
        ].join(","),
      );
    }
    return `${lines.join("\r\n")}\r\n`;
  });
}
