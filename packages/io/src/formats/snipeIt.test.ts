import { describe, expect, it } from "vitest";
import { writeCsv } from "../write/csv.js";
import { readSnipeItAssets, snipeItAssetFormat } from "./snipeIt.js";

// Headers of Snipe-IT's importer (Admin › Import; see grokability/snipe-it, app/Importer/AssetImporter.php)
// as districts fill them, and of its list export.
const importer = [
  "Asset Tag,Item Name,Serial Number,Model Name,Model Number,Category,Manufacturer,Location,Purchase Date,Purchase Cost,Warranty Months,Asset EOL Date,Status,Order Number,Supplier,Notes",
  "MVH-0001,HS Chromebook 1,ACF52408D7,Acme Chromebook 311 G2,CB311-G2,Chromebook,Acme,Maple Valley High,1/23/23,$289.00,36,6/30/31,Deployed,PO-24-0117,K12 Tech Supply,",
  'MVH-0002,HS Chromebook 2,AC0174105E,Acme Chromebook 311 G2,CB311-G2,Chromebook,Acme,Maple Valley High,2023-01-23,"1,289.50",36,2031-06-30,Deployed,PO-24-0117,K12 Tech Supply,"Screen replaced, 2025"',
  "MVE-0003,,DE77B1,Latitude 3440,3440,Laptop,Dell,Maple Valley Elementary,Jan 23 2023,849,48 months,,Deployed,,,",
].join("\r\n");

describe("Snipe-IT importer headers", () => {
  it("reads importer headers, US short dates, $ and thousands separators, and '48 months'", () => {
    const r = readSnipeItAssets(importer);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.purchaseDate, x.purchaseCost, x.warrantyMonths, x.eolDate])).toEqual([
      ["2023-01-23", "289", 36, "2031-06-30"], // a two-digit year up to 68 is 20xx (6/30/31 is 2031, not 1931)
      ["2023-01-23", "1289.5", 36, "2031-06-30"],
      ["2023-01-23", "849", 48, undefined],
    ]);
    expect(r.rows[1]?.notes).toBe("Screen replaced, 2025");
    expect(r.rows[0]?.name).toBe("HS Chromebook 1");
  });

  it("reads day-first dates when told to, and says so when a date cannot be day-first", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Purchase Date\nT1,Acme,23/1/23\nT2,Acme,1/23/23", { dateOrder: "dmy" });
    expect(r.rows.map((x) => x.purchaseDate)).toEqual(["2023-01-23"]);
    expect(r.errors[0]?.message).toBe('line 3, Purchase Date: "1/23/23" is not a date (expected YYYY-MM-DD or D/M/YYYY)');
  });

  it("gives every bad cell of a row its own error, and counts the row once", () => {
    const r = readSnipeItAssets("Asset Tag,Model,Purchase Date,Purchase Cost,Warranty Months\nT1,Acme,2/30/2024,12.3.4,-3\nT2,Acme,,,");
    expect(r.stats).toEqual({ total: 2, parsed: 1, failed: 1, blankLines: 0 });
    expect(r.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [2, "Purchase Date", '"2/30/2024" is not a date (expected YYYY-MM-DD or M/D/YYYY)'],
      [2, "Purchase Cost", '"12.3.4" is not an amount (expected e.g. 1234.56 or $1,234.56)'],
      [2, "Warranty Months", '"-3" is negative (expected a count ≥ 0)'],
    ]);
  });

  it("writes what it reads under the importer's own headers", () => {
    const rows = readSnipeItAssets(importer).rows;
    const csv = writeCsv(snipeItAssetFormat, rows);
    expect(csv.split("\r\n")[0]).toBe(
      "Asset Tag,Asset Name,Serial,Model,Model Number,Category,Manufacturer,Company,Location,Status,Checked Out To,Purchase Date,Purchase Cost,Order Number,Supplier,Warranty Months,Warranty Expires,Asset EOL Date,Notes",
    );
    expect(readSnipeItAssets(csv).rows).toEqual(rows.map((row) => ({ ...row, line: row.line })));
  });
});
