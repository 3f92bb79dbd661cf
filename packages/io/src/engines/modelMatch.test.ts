import { readFileSync } from "node:fs";
import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { readSnipeItAssets } from "../formats/snipeIt.js";
import { inventoryFromExports } from "./lifecycle.js";
import { ASSUMED_LIFE_YEARS, matchDeviceModels, modelOptionsFromMatches } from "./modelMatch.js";

const data = (p: string): string => readFileSync(new URL(`../../../../examples/data/${p}`, import.meta.url), "utf8");
const catalogue = (JSON.parse(data("sample-district/devices.json")) as { models: { id: string; name?: string; category: string }[] }).models;
const snipe = readSnipeItAssets(data("snipe-it/assets.csv"));
const imported = inventoryFromExports({ snipeIt: snipe.rows }, { asOf: "2026-07-01", detail: "cohorts" });

describe("matchDeviceModels (the sample's Snipe-IT export against its model catalogue)", () => {
  const matches = matchDeviceModels({ imported: imported.models.map((m) => ({ name: m.name ?? m.id, category: m.category })), catalogue: catalogue as never });
  const of = (name: string) => matches.find((m) => m.name === name)!;

  it("matches exact names first, then normalized names holding the model number", () => {
    expect([of("Acme Chromebook 311 G2").status, of("Acme Chromebook 311 G2").matchId]).toEqual(["exact", "acme-cb311-g2"]);
    expect([of("Latitude 3440").status, of("Latitude 3440").matchId]).toEqual(["normalized", "latitude-3440"]);
    expect(of("AP-515").matchId).toBe("ap-515");
    expect(of("OptiPlex 7010").matchId).toBe("optiplex-7010");
    expect(of("iPad 9th gen").matchId).toBe("ipad-9");
    expect(of("Acme Chromebook 311 G2").explanation).toBe("Acme Chromebook 311 G2: same name as Acme Chromebook 311 G2 (AUE 2031-06), 4-year life.");
  });

  it("leaves a different model number unmatched, with candidates and the assumed life it gets", () => {
    const m = of("Latitude 5420");
    expect(m.status).toBe("unmatched");
    expect(
      m.candidates
        .slice(0, 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual(["latitude-3440", "latitude-5440"]);
    expect(m.assumedLifeYears).toBe(ASSUMED_LIFE_YEARS["windows-laptop"]);
    expect(m.explanation).toMatch(/is given the 4-year life assumed for its category/);
    expect(of("PA-440 Firewall").status).toBe("unmatched");
  });

  it("never matches across device categories, and treats names as data", () => {
    const [m] = matchDeviceModels({ imported: [{ name: "Acme Chromebook 311 G2", category: "ipad" }], catalogue: catalogue as never });
    expect(m!.status).toBe("unmatched");
    const [p] = matchDeviceModels({ imported: [{ name: "__proto__", category: "other" }, { name: "constructor" }], catalogue: catalogue as never });
    expect(p!.matchId).toBeNull();
  });

  it("gives the forecast the matched models' AUE, support end and life: the 2023 Chromebooks now retire at their AUE", () => {
    const confirmed = Object.fromEntries(matches.map((m) => [m.name, m.matchId]));
    const options = modelOptionsFromMatches(confirmed, catalogue, Object.fromEntries(matches.flatMap((m) => (m.category ? [[m.name, m.category]] : []))));
    expect(options.get("Acme Chromebook 311 G2")).toMatchObject({ autoUpdateExpiration: "2031-06", expectedLifeYears: 4 });
    expect(options.get("Latitude 5420")).toEqual({ expectedLifeYears: 4 });
    // plain data: it crosses to a worker (structured clone) and into JSON unchanged
    expect(structuredClone(Object.fromEntries(options))).toEqual(JSON.parse(JSON.stringify(Object.fromEntries(options))));
    expect(options.get("iPad 10th gen")!.repairCosts).toEqual({ screen: "149", charger: "20", case: "35" });
    const again = inventoryFromExports({ snipeIt: snipe.rows }, { asOf: "2026-07-01", detail: "cohorts", models: Object.fromEntries(options) });
    expect(again.models.find((m) => m.id === "Acme Chromebook 311 G2")).toMatchObject({ autoUpdateExpiration: "2031-06", expectedLifeYears: 4, unitPrice: expect.anything() });
  });

  it("reports a catalogue that is not valid", () => {
    expect(() => matchDeviceModels({ imported: [], catalogue: [{ id: "" }] } as never)).toThrow(DistrictKitError);
    expect(() => modelOptionsFromMatches({}, [{ id: 3 }])).toThrow(DistrictKitError);
  });
});
