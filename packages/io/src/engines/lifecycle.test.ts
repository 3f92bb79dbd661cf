import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { aggregateCohorts, deviceModelSchema, deviceSchema, forecastInputSchema } from "@districtkit/lifecycle";
import { describe, expect, it } from "vitest";
import { readGoogleAdminDevices } from "../formats/googleAdmin.js";
import { readSnipeItAssets } from "../formats/snipeIt.js";
import { inventoryFromExports } from "./lifecycle.js";

const data = join(import.meta.dirname, "../../../../examples/data");
const SCHOOLS = { "Maple Valley Elementary": "MVE", "Maple Valley Middle": "MVM", "Maple Valley High": "MVH", "District Office": "DO" };

describe("Snipe-IT and Google Admin → lifecycle inventory (the sample district)", () => {
  const snipe = readSnipeItAssets(readFileSync(join(data, "snipe-it/assets.csv")));
  const google = readGoogleAdminDevices(readFileSync(join(data, "google-admin/chrome-devices.csv")));
  const inventory = inventoryFromExports(
    { snipeIt: snipe.rows, googleAdmin: google.rows },
    { asOf: "2026-07-01", schools: SCHOOLS, roles: { "OptiPlex 7010": "lab" }, models: { "iPad 10th gen": { supportEnd: "2030-09-30" } } },
  );

  it("matches the Chromebooks by serial and keeps the one whose Snipe-IT row failed, from Google Admin", () => {
    expect(inventory.matching).toEqual({ bySerial: 479, byAssetTag: 0, snipeItOnly: 829, googleAdminOnly: 1 });
  });

  it("gives each Chromebook model its AUE month from the devices, as lifecycle wants it (YYYY-MM)", () => {
    const aue = Object.fromEntries(inventory.models.filter((m) => m.category === "chromebook").map((m) => [m.id, m.autoUpdateExpiration]));
    expect(aue).toEqual({ "Acme Chromebook 300": "2026-06", "Acme Chromebook 311 G2": "2031-06" });
    expect(inventory.models.find((m) => m.id === "iPad 10th gen")?.supportEnd).toBe("2030-09-30");
    expect(inventory.models.find((m) => m.id === "Latitude 3440")).toMatchObject({ category: "windows-laptop", warrantyYears: 4 });
  });

  it("validates every model and device with lifecycle's own schemas, and the result feeds a forecast", () => {
    for (const m of inventory.models) expect(deviceModelSchema.safeParse(m).success).toBe(true);
    for (const d of inventory.devices) expect(deviceSchema.safeParse(d).success).toBe(true);
    const input = forecastInputSchema.parse({ asOf: inventory.asOf, models: inventory.models, cohorts: inventory.cohorts, failure: { default: { failure: { kind: "annual", accident: 0.08 } } } });
    expect(input.cohorts.reduce((n, c) => n + c.count, 0)).toBe(inventory.devices.length);
  });

  it("accounts for every record: in a cohort or left out with its reason", () => {
    const records = snipe.rows.length + inventory.matching.googleAdminOnly;
    expect(inventory.devices.length + inventory.excluded.length).toBe(records);
    expect(inventory.cohorts.reduce((n, c) => n + c.count, 0)).toBe(inventory.devices.length);
    expect(new Set(inventory.excluded.map((e) => e.reason))).toEqual(new Set(["status lost"]));
    const hs = inventory.cohorts.find((c) => c.id === "Acme Chromebook 311 G2|MVH|student|FY2024");
    // all 300: the one whose Snipe-IT row has "13/45/2024" comes from Google Admin, dated by its enrollment (FY2024)
    expect(hs?.count).toBe(300);
    expect(inventory.explanation).toMatch(/^\d+ of 1309 devices in \d+ cohorts of 15 models/);
  });
});

describe("the cohorts of the devices are lifecycle's aggregateCohorts", () => {
  it("on the sample district: exactly aggregateCohorts over the returned models and devices (same JSON)", () => {
    const snipe = readSnipeItAssets(readFileSync(join(data, "snipe-it/assets.csv"))).rows;
    const google = readGoogleAdminDevices(readFileSync(join(data, "google-admin/chrome-devices.csv"))).rows;
    const calendar = { id: "texas", startMonth: 9, label: "end" as const, prefix: "FY" };
    for (const options of [
      { asOf: "2026-07-01", schools: SCHOOLS },
      { asOf: "2026-07-01", schools: SCHOOLS, calendar },
    ]) {
      const inventory = inventoryFromExports({ snipeIt: snipe, googleAdmin: google }, options);
      const reference = aggregateCohorts({ asOf: options.asOf, models: inventory.models, devices: inventory.devices, ...("calendar" in options ? { calendar } : {}) });
      expect(inventory.cohorts.length).toBeGreaterThan(10);
      expect(JSON.stringify(inventory.cohorts)).toBe(JSON.stringify(reference.cohorts));
    }
  });

  it('merges two groups that share a key text ("Acme" at "Chromebook|MS", "Acme|Chromebook" at "MS"), as aggregateCohorts does', () => {
    const row = (i: number, model: string, location: string, purchaseCost: string) => ({
      line: i + 2,
      assetTag: `T${i}`,
      attributes: {},
      model,
      location,
      purchaseDate: "2021-08-01",
      purchaseCost,
      category: "Chromebook",
    });
    const snipeIt = [row(0, "Acme", "Chromebook|MS", "100"), row(1, "Acme|Chromebook", "MS", "201"), row(2, "Acme", "Chromebook|MS", "100")];
    const inventory = inventoryFromExports({ snipeIt }, { asOf: "2026-07-01" });
    const reference = aggregateCohorts({ asOf: "2026-07-01", models: inventory.models, devices: inventory.devices });
    expect(JSON.stringify(inventory.cohorts)).toBe(JSON.stringify(reference.cohorts));
    expect(inventory.cohorts.map((c) => [c.id, c.model, c.count, c.unitCost?.toString()])).toEqual([["Acme|Chromebook|MS|student|FY2022", "Acme", 3, "133.67"]]);
  });
});

describe('cohorts alone (detail: "cohorts", for large exports)', () => {
  it("gives the same cohorts and exclusions as validating every device with lifecycle's schemas", () => {
    const snipe = readSnipeItAssets(readFileSync(join(data, "snipe-it/assets.csv"))).rows;
    const google = readGoogleAdminDevices(readFileSync(join(data, "google-admin/chrome-devices.csv"))).rows;
    const options = { asOf: "2026-07-01", schools: SCHOOLS };
    const full = inventoryFromExports({ snipeIt: snipe, googleAdmin: google }, options);
    const lean = inventoryFromExports({ snipeIt: snipe, googleAdmin: google }, { ...options, detail: "cohorts" });
    expect(lean.devices).toEqual([]);
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(plain(lean.cohorts)).toEqual(plain(full.cohorts));
    expect(lean.excluded).toEqual(full.excluded);
    expect(lean.explanation).toBe(full.explanation);
  });
});

describe("inventoryFromExports on small cases", () => {
  const asset = (tag: string, extra: Record<string, unknown> = {}) => ({
    line: 2,
    assetTag: tag,
    model: "Acme Chromebook 300",
    category: "Chromebook",
    location: "HS",
    purchaseDate: "2021-08-01",
    purchaseCost: "259",
    attributes: {},
    ...extra,
  });

  it("leaves out a model with no price, listing every device, unless the price is given", () => {
    const rows = [asset("A", { purchaseCost: undefined }), asset("B", { purchaseCost: undefined })].map(({ purchaseCost: _c, ...r }) => r);
    const without = inventoryFromExports({ snipeIt: rows }, { asOf: "2026-07-01" });
    expect(without.devices).toEqual([]);
    expect(without.excluded.map((e) => e.reason)).toEqual(['model "Acme Chromebook 300" has no price', 'model "Acme Chromebook 300" has no price']);
    const given = inventoryFromExports({ snipeIt: rows }, { asOf: "2026-07-01", models: { "acme chromebook 300": { unitPrice: "249" } } });
    expect(given.devices).toHaveLength(2);
    expect(given.models[0]?.unitPrice.toString()).toBe("249");
  });

  it("leaves out devices bought after the inventory date, and spares by status", () => {
    const r = inventoryFromExports({ snipeIt: [asset("A", { purchaseDate: "2026-08-01" }), asset("B", { status: "Ready to Deploy" })] }, { asOf: "2026-07-01" });
    expect(r.excluded[0]?.reason).toBe("bought 2026-08-01, after the inventory date 2026-07-01");
    expect(r.devices[0]).toMatchObject({ id: "B", role: "spare", status: "spare" });
  });

  it("takes a Google-only device's school from its org unit (longest prefix) and its purchase date from enrollment", () => {
    const g = {
      line: 2,
      serialNumber: "X1",
      model: "Acme Chromebook 300",
      orgUnitPath: "/Students/High/Grade 9",
      firstEnrollmentTime: "2021-09-01",
      autoUpdateExpiration: "2026-06-30",
      attributes: {},
    };
    const r = inventoryFromExports(
      { googleAdmin: [g] },
      { asOf: "2026-07-01", schools: { "/Students": "district", "/Students/High": "MVH" }, models: { "Acme Chromebook 300": { unitPrice: "259" } } },
    );
    expect(r.devices[0]).toMatchObject({ id: "X1", school: "MVH", role: "student", purchaseDate: "2021-09-01", osSupportEnd: "2026-06-30" });
    expect(r.models[0]?.autoUpdateExpiration).toBe("2026-06");
  });

  it("validates rows that did not come from a reader, with their path", () => {
    try {
      inventoryFromExports({ snipeIt: [{ line: 2, model: "x", purchaseDate: "2021-02-30", attributes: {} }] } as never, { asOf: "2026-07-01" });
      expect.unreachable();
    } catch (error) {
      expect((error as DistrictKitError).issues[0]?.pathText).toBe("exports.snipeIt[0].purchaseDate");
    }
  });

  it("refuses invalid options with their path", () => {
    try {
      inventoryFromExports({}, { asOf: "2026-13-01", roles: { x: "teacher" } } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      expect((error as DistrictKitError).issues.map((i) => i.pathText).sort()).toEqual(["options.asOf", "options.roles.x"]);
    }
  });
});
