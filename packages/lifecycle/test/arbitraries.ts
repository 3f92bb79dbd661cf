// fast-check arbitraries for lifecycle inputs (reusable by other packages' tests).
import fc from "fast-check";
import type { CohortInput, DeviceModelInput, ForecastInputData } from "../src/schema.js";

/** A fixed catalogue of models covering the rules (cycle, AUE, support end, warranty, residual). */
export const MODELS: DeviceModelInput[] = [
  { id: "cb", category: "chromebook", unitPrice: "300", priceGrowth: 0.03, expectedLifeYears: 4, autoUpdateExpiration: "2030-06", replacementModel: "cb2", residualCurve: [0.5, 0.3, 0.2, 0.1] },
  { id: "cb2", category: "chromebook", unitPrice: "320", expectedLifeYears: 4, autoUpdateExpiration: "2040-06", averageRepairCost: "80" },
  { id: "ipad", category: "ipad", unitPrice: "329", expectedLifeYears: 5, supportEnd: "2031-09-30", averageRepairCost: "99" },
  { id: "lap", category: "windows-laptop", unitPrice: "849.99", warrantyYears: 4, expectedLifeYears: 6 },
];

export const cohortArb: fc.Arbitrary<CohortInput> = fc.record({
  model: fc.constantFrom("cb", "cb2", "ipad", "lap"),
  school: fc.constantFrom("A", "B"),
  role: fc.constantFrom("student" as const, "staff" as const),
  purchaseFiscalYear: fc.integer({ min: 2018, max: 2027 }),
  count: fc.integer({ min: 0, max: 400 }),
});

const failureArb = fc.oneof(
  fc.record({ kind: fc.constant("annual" as const), malfunction: fc.integer({ min: 0, max: 20 }).map((x) => x / 100), accident: fc.integer({ min: 0, max: 20 }).map((x) => x / 100) }),
  fc.record({ kind: fc.constant("weibull" as const), shape: fc.integer({ min: 5, max: 40 }).map((x) => x / 10), scale: fc.integer({ min: 2, max: 15 }) }),
);

/** A small random forecast input (asOf 2026-07-01 → FY2027). */
export const forecastInputArb: fc.Arbitrary<ForecastInputData> = fc
  .record({
    cohorts: fc.array(cohortArb, { minLength: 1, maxLength: 6 }),
    failure: failureArb,
    loss: fc.integer({ min: 0, max: 10 }).map((x) => x / 100),
    repairRate: fc.integer({ min: 0, max: 30 }).map((x) => x / 100),
    horizonYears: fc.integer({ min: 1, max: 8 }),
    leadMonths: fc.integer({ min: 0, max: 12 }),
    warranty: fc.boolean(),
  })
  .map((r) => ({
    asOf: "2026-07-01",
    horizonYears: r.horizonYears,
    models: MODELS,
    cohorts: r.cohorts,
    failure: { default: { failure: r.failure, lossRate: r.loss, repairRate: r.repairRate, repairCost: "50" } },
    policy: { leadMonths: r.leadMonths, retireAtWarrantyEnd: r.warranty },
  }));
