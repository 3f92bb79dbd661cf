import { z } from "zod";
import type { CsvFormat } from "../csvFormat.js";
import type { TextInput } from "../decode.js";
import { field, pick } from "../internal/field.js";
import { readCsv } from "../readCsv.js";
import type { ReadResult } from "../readResult.js";
import type { ReadOptions } from "../schema/readOptions.js";
import { attributesSchema, decimalStringSchema, isoDayStringSchema } from "../schema/records.js";

/**
 * The zod schema of one asset of a Snipe-IT export, as {@link readSnipeItAssets} returns it
 * (money as a decimal string, dates as `YYYY-MM-DD`, unknown columns in `attributes`).
 *
 * @example
 * ```ts
 * snipeItAssetSchema.parse({ line: 2, assetTag: "MVH-0001", model: "Acme Chromebook 311 G2", attributes: {} }).assetTag; // => "MVH-0001"
 * ```
 * @category Snipe-IT
 */
export const snipeItAssetSchema = z.object({
  line: z.number().int().min(1).describe("Line of the file where the row starts"),
  assetTag: z.string().optional().describe("Asset tag"),
  name: z.string().optional().describe("Asset name"),
  serial: z.string().optional().describe("Serial number"),
  model: z.string().describe("Model name"),
  modelNumber: z.string().optional().describe("Model number"),
  category: z.string().optional().describe("Category (Chromebook, Laptop…)"),
  manufacturer: z.string().optional().describe("Manufacturer"),
  company: z.string().optional().describe("Company"),
  location: z.string().optional().describe("Location (school)"),
  status: z.string().optional().describe("Status label"),
  assignedTo: z.string().optional().describe("Checked out to"),
  purchaseDate: isoDayStringSchema.optional().describe("Purchase date"),
  purchaseCost: decimalStringSchema.optional().describe("Purchase cost"),
  orderNumber: z.string().optional().describe("Order number"),
  supplier: z.string().optional().describe("Supplier"),
  warrantyMonths: z.number().int().min(0).optional().describe("Warranty in months"),
  warrantyExpires: isoDayStringSchema.optional().describe("Warranty expiry date"),
  eolDate: isoDayStringSchema.optional().describe("Asset end-of-life date"),
  notes: z.string().optional().describe("Notes"),
  attributes: attributesSchema,
});

/**
 * One asset of a Snipe-IT export (see {@link snipeItAssetSchema}).
 *
 * @category Snipe-IT
 */
export type SnipeItAsset = z.output<typeof snipeItAssetSchema>;

const KEYS = [
  "assetTag",
  "name",
  "serial",
  "model",
  "modelNumber",
  "category",
  "manufacturer",
  "company",
  "location",
  "status",
  "assignedTo",
  "purchaseDate",
  "purchaseCost",
  "orderNumber",
  "supplier",
  "warrantyMonths",
  "warrantyExpires",
  "eolDate",
  "notes",
] as const;

/**
 * The Snipe-IT asset CSV format: the headers of its importer and of its list export, with their
 * aliases (`Asset Tag`, `Serial`/`Serial Number`, `Model`/`Model Name`, `Purchase Date`,
 * `Purchase Cost`, `Warranty`/`Warranty Months`, `Asset EOL Date`, `Status`…).
 *
 * @example
 * ```ts
 * snipeItAssetFormat.fields.find((f) => f.key === "eolDate")?.header; // => "Asset EOL Date"
 * ```
 * @category Snipe-IT
 */
export const snipeItAssetFormat: CsvFormat<SnipeItAsset> = {
  name: "Snipe-IT asset export",
  fields: [
    field("assetTag", "Asset Tag", "text", ["asset_tag", "Tag", "Asset Tag Number", "Asset #"]),
    field("name", "Asset Name", "text", ["Name", "Item Name"]),
    field("serial", "Serial", "text", ["Serial Number", "Serial No", "Serial No.", "S/N", "SN"]),
    field("model", "Model", "text", ["Model Name", "Asset Model", "model_name"], { requiredColumn: true, requiredValue: true }),
    field("modelNumber", "Model Number", "text", ["Model No.", "Model No", "Model #", "model_number"]),
    field("category", "Category", "text", ["Category Name", "Asset Category"]),
    field("manufacturer", "Manufacturer", "text", ["Manufacturer Name", "Make", "Vendor"]),
    field("company", "Company", "text", ["Company Name"]),
    field("location", "Location", "text", ["Location Name", "Current Location", "Default Location", "rtd_location", "School", "Site"]),
    field("status", "Status", "text", ["Status Label", "Status Name", "status_label"]),
    field("assignedTo", "Checked Out To", "text", ["Assigned To", "Full Name", "Username", "User"]),
    field("purchaseDate", "Purchase Date", "date", ["Purchased", "Date Purchased", "Order Date"]),
    field("purchaseCost", "Purchase Cost", "money", ["Cost", "Price", "Unit Cost", "Purchase Price"]),
    field("orderNumber", "Order Number", "text", ["Order #", "PO Number", "PO", "Purchase Order"]),
    field("supplier", "Supplier", "text", ["Supplier Name"]),
    field("warrantyMonths", "Warranty Months", "count", ["Warranty", "Warranty (months)", "warranty_months"]),
    field("warrantyExpires", "Warranty Expires", "date", ["Warranty Expiration", "Warranty End", "Warranty End Date"]),
    field("eolDate", "Asset EOL Date", "date", ["EOL Date", "EOL", "asset_eol_date", "End of Life", "End of Life Date"]),
    field("notes", "Notes", "text", ["Note", "Comments"]),
  ],
  requireOneOf: [["assetTag", "serial"]],
  check: (values) =>
    values["assetTag"] === undefined && values["serial"] === undefined ? { field: "assetTag", reason: "is empty, and so is the serial (a row needs an asset tag or a serial)" } : undefined,
  build: (values, attributes, line) => ({ line, ...pick(values, KEYS), attributes }) as SnipeItAsset,
};

/**
 * Reads a Snipe-IT asset export (or import) CSV: every row becomes an asset or an error with its
 * line, column and reason; dates such as `1/23/23`, `2023-01-23` or `Jan 23, 2023` become ISO dates.
 *
 * @param input - the file as text, bytes or an `ArrayBuffer`
 * @param options - column mapping (e.g. `{ mapping: { assetTag: "Tag #" } }`), delimiter, date order
 * @returns the assets, the errors and the counts
 * @throws DistrictKitError when the file cannot be read at all (empty, binary, no Model column…)
 * @example
 * ```ts
 * const csv = "Asset Tag,Model,Purchase Date,Purchase Cost\nMVH-0001,Acme Chromebook 311 G2,8/15/23,$289.00";
 * const { rows } = readSnipeItAssets(csv);
 * rows[0]?.purchaseDate; // => "2023-08-15"
 * rows[0]?.purchaseCost; // => "289"
 * ```
 * @category Snipe-IT
 */
export function readSnipeItAssets(input: TextInput, options?: ReadOptions): ReadResult<SnipeItAsset> {
  return readCsv(snipeItAssetFormat, input, options);
}
