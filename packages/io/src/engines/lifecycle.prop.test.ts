// inventoryFromExports groups its validated devices into cohorts itself (cohortsOfDevices, the fast
// path); the reference is lifecycle's own aggregateCohorts over the same models and devices. The
// two must agree exactly: same cohorts, same fields in the same order, same unit costs to the cent.
import { aggregateCohorts } from "@districtkit/lifecycle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inventoryFromExports } from "./lifecycle.js";

// names with the key's separator "|" make two different groups share one lifecycle key ("Acme" at
// "Chromebook|MS" and "Acme|Chromebook" at "MS")
const MODELS = ["Acme Chromebook 300", "Acme|Chromebook", "Acme", "Latitude 3440", "iPad 9th gen", "OptiPlex|7010"];
const LOCATIONS = ["HS", "Chromebook|MS", "HS|North", "North", "MS", "Elementary|", "constructor", "__proto__"];

const asset = fc.record({
  model: fc.constantFrom(...MODELS),
  location: fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined }),
  purchaseDate: fc.option(
    fc.date({ min: new Date("2018-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    { nil: undefined },
  ),
  purchaseCost: fc.option(
    fc.integer({ min: 1, max: 250_000 }).map((c) => (c / 100).toFixed(c % 3 === 0 ? 0 : 2)),
    { nil: undefined },
  ),
  status: fc.constantFrom(undefined, "Deployed", "Ready to Deploy", "Archived", "Lost", "In repair"),
  category: fc.constantFrom(undefined, "Chromebook", "Laptop", "Tablet", "Desktop"),
});

describe("inventoryFromExports: cohorts of the devices", () => {
  it("are exactly lifecycle's aggregateCohorts over the returned models and devices", () => {
    fc.assert(
      fc.property(fc.array(asset, { maxLength: 80 }), fc.constantFrom(undefined, 1, 7, 10), fc.boolean(), (rows, startMonth, priced) => {
        const snipeIt = rows.map((r, i) => ({ line: i + 2, assetTag: `T${i}`, serial: `S${i}`, attributes: {}, ...definedOnly(r), model: r.model }));
        const options = {
          asOf: "2026-07-01",
          schools: { HS: "hs", "HS|North": "hs|north", North: "hs|north" },
          ...(priced ? { models: { Acme: { unitPrice: "300" } } } : {}),
          ...(startMonth === undefined ? {} : { calendar: { id: "c", startMonth, label: "end" as const, prefix: "FY" } }),
        };
        const inventory = inventoryFromExports({ snipeIt }, options);
        const reference = aggregateCohorts({ asOf: options.asOf, models: inventory.models, devices: inventory.devices, ...(options.calendar ? { calendar: options.calendar } : {}) });
        expect(JSON.stringify(inventory.cohorts)).toBe(JSON.stringify(reference.cohorts));
        expect(inventory.cohorts.reduce((a, c) => a + c.count, 0)).toBe(inventory.devices.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("inventoryFromExports: cohorts whose key texts collide", () => {
  it("merges two groups that share a lifecycle key, as aggregateCohorts does", () => {
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

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
