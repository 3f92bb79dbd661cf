// Small forecast inputs shared by tests.
import type { ForecastInputData } from "../src/schema.js";

export function smallDistrict(overrides: Partial<ForecastInputData> = {}): ForecastInputData {
  return {
    asOf: "2026-07-01",
    horizonYears: 6,
    models: [
      { id: "cb-old", category: "chromebook", unitPrice: "259", autoUpdateExpiration: "2026-06", replacementModel: "cb-new", residualCurve: [0.6, 0.4, 0.25, 0.1] },
      { id: "cb-new", category: "chromebook", unitPrice: "309", priceGrowth: 0.03, autoUpdateExpiration: "2036-06", expectedLifeYears: 4, residualCurve: [0.6, 0.4, 0.25, 0.15, 0.05] },
      { id: "ipad", category: "ipad", unitPrice: "329", expectedLifeYears: 5, averageRepairCost: "99" },
      { id: "display", category: "interactive-display", unitPrice: "2900", expectedLifeYears: 7 },
    ],
    cohorts: [
      { model: "cb-old", school: "ES", role: "student", purchaseFiscalYear: 2022, count: 110 },
      { model: "cb-new", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 300, unitCost: "289" },
      { model: "ipad", school: "MS", role: "student", purchaseFiscalYear: 2025, count: 240 },
      { model: "display", school: "HS", role: "staff", purchaseFiscalYear: 2020, count: 20 },
    ],
    failure: {
      default: { failure: { kind: "annual", malfunction: 0.02, accident: 0.01 }, lossRate: 0.01, repairRate: 0.05, repairCost: "60" },
      rules: [{ match: { category: "chromebook" }, failure: { kind: "weibull", shape: 1.8, scale: 7 }, lossRate: 0.02, repairRate: 0.2 }],
    },
    ...overrides,
  };
}
