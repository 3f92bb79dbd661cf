import { readFileSync } from "node:fs";
import { parseInput } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { fitFailureModelFromRepairs, forecastInputSchema, forecastReplacements, generateRepairHistory, repairHistorySchema } from "../src/index.js";
import { SAMPLE_REPAIR_OPTIONS } from "./sampleRepairOptions.js";

const dir = new URL("../../../examples/data/sample-district/", import.meta.url);
const devices = JSON.parse(readFileSync(new URL("devices.json", dir), "utf8")) as Record<string, unknown>;
const repairs = JSON.parse(readFileSync(new URL("repairs.json", dir), "utf8")) as Record<string, unknown>;

describe("sample district data (examples/data/sample-district)", () => {
  it("devices.json is a valid forecast input with the SAMPLE-DISTRICT.md inventory", () => {
    const input = parseInput(forecastInputSchema, devices);
    expect(input.cohorts.reduce((n, c) => n + c.count, 0)).toBe(1310);
    const count = (model: string): number => input.cohorts.filter((c) => c.model === model && c.role !== "spare").reduce((n, c) => n + c.count, 0);
    expect([count("acme-cb311-g2"), count("acme-cb300"), count("ipad-10"), count("ipad-9"), count("latitude-3440")]).toEqual([300, 150, 240, 120, 62]);
    const r = forecastReplacements(devices);
    expect(r.summary).toHaveLength(10);
  });
  it("repairs.json is a valid repair history, regenerated exactly by the package's seeded generator", () => {
    parseInput(repairHistorySchema, repairs);
    const again = generateRepairHistory(SAMPLE_REPAIR_OPTIONS);
    expect({ devices: repairs.devices, tickets: repairs.tickets }).toEqual(JSON.parse(JSON.stringify({ devices: again.devices, tickets: again.tickets })));
  });
  it("the Chromebook failure model in devices.json is the (rounded) Weibull fit of repairs.json", () => {
    const fit = fitFailureModelFromRepairs(repairs, { models: ["acme-cb311-g2", "acme-cb300"] });
    expect(fit.failure.shape).toBeCloseTo(1.77, 2);
    expect(fit.failure.scale).toBeCloseTo(6.55, 2);
  });
  it("the empirical Kaplan–Meier model of the same repairs runs in a forecast (the last estimate held beyond the data)", () => {
    const fit = fitFailureModelFromRepairs(repairs, { models: ["acme-cb311-g2", "acme-cb300"] });
    const input = parseInput(forecastInputSchema, devices);
    const r = forecastReplacements({ ...devices, failure: { ...(devices.failure as object), rules: [{ match: { category: "chromebook" }, failure: fit.empirical }] } });
    expect(r.failureModels[1]).toMatch(/Kaplan–Meier/);
    expect(r.summary[0]!.failures).toBeGreaterThan(0);
    expect(input.models.length).toBeGreaterThan(0);
  });
});
