import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field } from "../internal/field.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { attributesSchema, isoDayStringSchema } from "../schema/records.js";

/**
 * The zod schema of one Chrome device of a Google Admin console or GAM export, as
 * {@link readGoogleAdminDevices} returns it. `autoUpdateExpiration` is the last day of updates
 * (a month alone, `June 2031`, means its last day).
 *
 * @example
 * ```ts
 * googleAdminDeviceSchema.parse({ line: 2, serialNumber: "5CD1", model: "Acme Chromebook 300", attributes: {} }).model; // => "Acme Chromebook 300"
 * ```
 * @category Google Admin
 */
export const googleAdminDeviceSchema = z.object({
  line: z.number().int().min(1).describe("Line of the file where the row starts"),
  serialNumber: z.string().describe("Serial number"),
  model: z.string().describe("Model as Google reports it"),
  status: z.string().optional().describe("ACTIVE, DEPROVISIONED, DISABLED…"),
  orgUnitPath: z.string().optional().describe("Organizational unit, e.g. /Students/High"),
  lastSync: isoDayStringSchema.optional().describe("Day of the last sync"),
  autoUpdateExpiration: isoDayStringSchema.optional().describe("Last day of Chrome OS updates (AUE)"),
  orderNumber: z.string().optional().describe("Order number"),
  manufactureDate: isoDayStringSchema.optional().describe("Manufacture date"),
  firstEnrollmentTime: isoDayStringSchema.optional().describe("Day the device was first enrolled"),
  annotatedAssetId: z.string().optional().describe("Asset id entered by an administrator"),
  annotatedLocation: z.string().optional().describe("Location entered by an administrator"),
  annotatedUser: z.string().optional().describe("User entered by an administrator"),
  deviceId: z.string().optional().describe("Google's device id"),
  osVersion: z.string().optional().describe("Chrome OS version"),
  notes: z.string().optional().describe("Notes"),
  attributes: attributesSchema,
});

/**
 * One Chrome device of a Google Admin export (see {@link googleAdminDeviceSchema}).
 *
 * @category Google Admin
 */
export type GoogleAdminDevice = z.output<typeof googleAdminDeviceSchema>;

/**
 * The Google Admin / GAM Chrome device CSV format: console headers (`Serial Number`, `Org Unit
 * Path`, `Auto Update Expiration`…), Directory API and GAM names (`serialNumber`,
 * `autoUpdateThrough`, `autoupdateexpiration`, `orgUnitPath`, `annotatedAssetId`…) and `AUE`.
 *
 * @example
 * ```ts
 * googleAdminDeviceFormat.fields[0]?.key; // => "serialNumber"
 * ```
 * @category Google Admin
 */
export const googleAdminDeviceFormat: CsvFormat<GoogleAdminDevice> = {
  name: "Google Admin Chrome device export",
  fields: [
    field("serialNumber", "Serial Number", "text", ["Serial", "serial_number", "SN"], { requiredColumn: true, requiredValue: true }),
    field("model", "Model", "text", ["Device Model", "model_name"], { requiredColumn: true, requiredValue: true }),
    field("status", "Status", "text", ["Device Status", "State"]),
    field("orgUnitPath", "Org Unit Path", "text", ["Organizational Unit", "Org Unit", "OU", "Organization Unit Path", "OrgUnit"]),
    field("lastSync", "Last Sync", "date", ["Last Sync Time", "Last Synced", "lastSyncTime"]),
    field("autoUpdateExpiration", "Auto Update Expiration", "monthEndDate", [
      "autoUpdateThrough",
      "Auto Update Through",
      "AUE",
      "AUE Date",
      "Auto Update Expiration Date",
      "Auto-update expiration",
      "Auto update expiration (AUE)",
      "autoUpdateExpirationDate",
      "Support End Date",
      "supportEndDate",
    ]),
    field("orderNumber", "Order Number", "text", ["Order #", "PO Number"]),
    field("manufactureDate", "Manufacture Date", "date", ["Manufactured", "Manufacturing Date"]),
    field("firstEnrollmentTime", "First Enrollment Time", "date", ["Enrollment Time", "Enrollment Date", "First Enrollment", "lastEnrollmentTime", "Last Enrollment Time"]),
    field("annotatedAssetId", "Annotated Asset ID", "text", ["Asset ID", "Asset Id", "Asset Tag"]),
    field("annotatedLocation", "Annotated Location", "text", ["Location"]),
    field("annotatedUser", "Annotated User", "text", ["User", "Assigned User"]),
    field("deviceId", "Device ID", "text", ["Device Id"]),
    field("osVersion", "OS Version", "text", ["Chrome OS Version", "ChromeOS Version"]),
    field("notes", "Notes", "text", ["Note"]),
  ],
  // one object literal of a fixed shape: fast to build for 100,000 rows
  build: (v, attributes, line) =>
    ({
      line,
      serialNumber: v["serialNumber"],
      model: v["model"],
      status: v["status"],
      orgUnitPath: v["orgUnitPath"],
      lastSync: v["lastSync"],
      autoUpdateExpiration: v["autoUpdateExpiration"],
      orderNumber: v["orderNumber"],
      manufactureDate: v["manufactureDate"],
      firstEnrollmentTime: v["firstEnrollmentTime"],
      annotatedAssetId: v["annotatedAssetId"],
      annotatedLocation: v["annotatedLocation"],
      annotatedUser: v["annotatedUser"],
      deviceId: v["deviceId"],
      osVersion: v["osVersion"],
      notes: v["notes"],
      attributes,
    }) as GoogleAdminDevice,
};

/**
 * Reads a Google Admin console or GAM Chrome device export: serial number, model, org unit,
 * status, last sync, Auto Update Expiration (AUE), order number, manufacture date and the
 * annotated asset id, location and user. Every row becomes a device or an error with its line.
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping, delimiter, date order
 * @returns the devices, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no serial or model column)
 * @example
 * ```ts
 * const csv = "serialNumber,model,orgUnitPath,autoUpdateThrough\n5CD1,Acme Chromebook 300,/Students/Elementary,2026-06-30";
 * readGoogleAdminDevices(csv).rows[0]?.autoUpdateExpiration; // => "2026-06-30"
 * readGoogleAdminDevices("Serial Number,Model,AUE\nX1,Acme Chromebook 311 G2,June 2031").rows[0]?.autoUpdateExpiration; // => "2031-06-30"
 * ```
 * @category Google Admin
 */
export function readGoogleAdminDevices(input: TextInput, options?: ReadOptions): ReadResult<GoogleAdminDevice> {
  return readCsv(googleAdminDeviceFormat, input, options);
}
