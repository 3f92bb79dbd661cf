import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { compareDamageCoverage } from "./coverage.js";
import { forecastRepairs } from "./repairForecast.js";

const history = JSON.parse(readFileSync(join(import.meta.dirname, "../../../../examples/data/sample-district/repairs.json"), "utf8")) as Record<string, unknown>;

describe("the sample district's repair history (2024-07-01 to 2026-07-01)", () => {
  const f = forecastRepairs(history);

  it("forecasts the 12 months after the as-of date, numbered in the July school year", () => {
    expect(f.from).toBe("2026-08-01");
    expect(f.byMonth.map((m) => m.month)).toEqual(["2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07"]);
    expect(f.byMonth.map((m) => m.schoolMonth)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]);
    expect(f.devices).toBe(635);
  });

  it("cells, months and models add up to the same totals", () => {
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(f.cells.map((c) => c.expectedRepairs))).toBeCloseTo(f.expectedRepairs, 9);
    expect(sum(f.byModel.map((m) => m.expectedRepairs))).toBeCloseTo(f.expectedRepairs, 9);
    expect(sum(f.byMonth.map((m) => m.expectedReplacements))).toBeCloseTo(f.expectedReplacements, 9);
    expect(sum(f.byModel.map((m) => m.devices))).toBe(f.devices);
    expect(sum(f.parts.map((p) => p.expected))).toBeCloseTo(f.expectedRepairs, 9);
    for (const m of f.byMonth) expect(sum(f.cells.filter((c) => c.month === m.month).map((c) => c.devices))).toBe(f.devices);
  });

  it("uses the model × age rate where there are enough device-years, and says so", () => {
    const cell = f.cells.find((c) => c.month === "2026-08" && c.basis === "modelAge")!;
    const rate = f.rates.find((r) => r.model === cell.model && r.ageYears === cell.ageYears)!;
    expect(rate.exposureYears).toBeGreaterThanOrEqual(20);
    const thin = f.cells.find((c) => c.basis === "model")!;
    expect(f.rates.find((r) => r.model === thin.model && r.ageYears === thin.ageYears)?.exposureYears ?? 0).toBeLessThan(20);
    const aug = f.seasonality[7]!;
    expect(cell.expectedRepairs).toBeCloseTo(cell.devices * rate.perDeviceYear * aug.factor * (31 / 365.25), 9);
  });

  it("seasonal factors average the tickets: Σ factor × exposure = Σ tickets × (exposure-weighted mean 1)", () => {
    const tickets = f.seasonality.reduce((a, s) => a + s.incidents, 0);
    const exposure = f.seasonality.reduce((a, s) => a + s.exposureYears, 0);
    expect(f.seasonality.reduce((a, s) => a + s.factor * s.exposureYears, 0) / exposure).toBeCloseTo(1, 9);
    expect(tickets).toBe(297);
  });

  it("suggests parts that cover the busiest month at 90 %, and feeds the damage comparison", () => {
    const screen = f.parts[0]!;
    expect(screen.kind).toBe("screen");
    expect(screen.suggestedStock).toBeGreaterThanOrEqual(Math.ceil(screen.peakExpected));
    const r = compareDamageCoverage({ devices: f.devices, incidents: f.incidents, options: [{ kind: "selfInsurance", id: "self", name: "Self-insurance" }] }, { seed: 1, trials: 500 });
    expect(r.expectedIncidents).toBeCloseTo(f.expectedRepairs, 6);
  });

  it("explains itself with its own figures", () => {
    const busiest = [...f.byMonth].sort((a, b) => b.expectedRepairs - a.expectedRepairs)[0]!;
    expect(f.explanation).toContain(`${f.devices} devices in service on 2026-07-01: ${f.expectedRepairs.toFixed(1)} repairs expected from 2026-08 to 2027-07`);
    expect(f.explanation).toContain(`busiest ${busiest.month}, month ${busiest.schoolMonth} of the school year, ${busiest.expectedRepairs.toFixed(1)}`);
    expect(f.explanation).toContain(`${f.expectedReplacements.toFixed(1)} devices beyond repair`);
  });
});

describe("small histories", () => {
  const small = {
    observationStart: "2024-07-01",
    asOf: "2026-07-01",
    devices: Array.from({ length: 10 }, (_, i) => ({ id: `D${i}`, model: "cb", purchaseDate: "2024-07-01" })),
    tickets: [
      { id: "T1", deviceId: "D0", date: "2024-10-01", kind: "screen", cost: "90", outcome: "repaired" },
      { id: "T2", deviceId: "D1", date: "2025-10-01", kind: "screen", cost: "110", outcome: "repaired" },
      { id: "T3", deviceId: "D2", date: "2025-11-01", kind: "keyboard", cost: "60", outcome: "repaired" },
    ],
  };

  it("falls back to the model's rate for an age with too few device-years, and forecasts no replacement without a failure", () => {
    const f = forecastRepairs(small, { months: 1, minExposureYears: 5 });
    expect(f.cells).toHaveLength(1);
    expect(f.cells[0]!.basis).toBe("model"); // age 2: never observed
    expect(f.byModel[0]!.failureModel).toBeNull();
    expect(f.expectedReplacements).toBe(0);
  });

  it("refuses an as-of date before the observation start, and a history with every device gone", () => {
    expect(() => forecastRepairs({ ...small, observationStart: "2027-01-01" })).toThrow(DistrictKitError);
    const gone = { ...small, tickets: small.devices.map((d, i) => ({ id: `L${i}`, deviceId: d.id, date: "2025-01-01", kind: "lost", cost: "0", outcome: "lost" })) };
    expect(() => forecastRepairs(gone)).toThrow(DistrictKitError);
    expect(() => forecastRepairs(small, { months: 0 })).toThrow(DistrictKitError);
  });
});
