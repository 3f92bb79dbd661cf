import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOnlyDistrictKitError, hasBadNumber } from "../../core/test/fuzz.js";
import { smallDistrict } from "../test/fixtures.js";
import * as lc from "./index.js";

// Every public entry point of lifecycle, given malformed input, throws a DistrictKitError that
// lists what was wrong — never a TypeError, never NaN or Infinity in a result (issue #4, "Bad input").
const weird = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 1e300, "", "12.3.4", "2025-02-30", "13/45/2024", null, undefined, {}, [], true);
const anything = fc.oneof(fc.anything({ withNullPrototype: true, withDate: true, withMap: true }), weird);

/** The sample input with one field somewhere replaced by garbage. */
const corrupted = fc
  .tuple(fc.constantFrom("asOf", "horizonYears", "models", "cohorts", "failure", "policy", "growth", "spares", "refreshBudgetCap", "groupBy", "devices"), anything, fc.nat(5))
  .map(([key, value, depth]) => {
    const input = JSON.parse(JSON.stringify(smallDistrict())) as Record<string, unknown>;
    const target = input[key];
    if (depth > 0 && Array.isArray(target) && target.length > 0) {
      const item = target[depth % target.length] as Record<string, unknown>;
      const keys = Object.keys(item);
      item[keys[depth % keys.length]!] = value;
    } else input[key] = value;
    return input;
  });

const calls: Record<string, (a: unknown, b: unknown) => unknown> = {
  forecastReplacements: (a) => lc.forecastReplacements(a),
  simulateForecastChunk: (a, b) => lc.simulateForecastChunk(a, b),
  forecastMonteCarlo: (a, b) => lc.forecastMonteCarlo(a, b),
  mergeMonteCarloChunks: (a) => lc.mergeMonteCarloChunks(a as never),
  summarizeMonteCarlo: (a, b) => lc.summarizeMonteCarlo(a, b as never),
  aggregateCohorts: (a) => lc.aggregateCohorts(a),
  kaplanMeier: (a) => lc.kaplanMeier(a),
  fitWeibull: (a) => lc.fitWeibull(a),
  weibullSurvival: (a, b) => lc.weibullSurvival(a as never, b as number),
  weibullLife: (a) => lc.weibullLife(a as never),
  annualFailureProbabilities: (a, b) => lc.annualFailureProbabilities(a, b as number),
  survivalDataFromRepairs: (a, b) => lc.survivalDataFromRepairs(a, b),
  repairStatistics: (a) => lc.repairStatistics(a),
  fitFailureModelFromRepairs: (a) => lc.fitFailureModelFromRepairs(a),
  failureModelFromKaplanMeier: (a) => lc.failureModelFromKaplanMeier(a),
  generateInventory: (a) => lc.generateInventory(a),
  generateRepairHistory: (a) => lc.generateRepairHistory(a),
  aueCliff: (a) => lc.aueCliff(a),
  forecastToBudgetLines: (a) => lc.forecastToBudgetLines(a),
  planCappedRefresh: (a) => lc.planCappedRefresh(a),
  straightLine: (a, b) => lc.straightLine(a, b, 5),
  decliningBalance: (a, b) => lc.decliningBalance(a, b, 10, 1),
  depreciationSchedule: (a) => lc.depreciationSchedule(a),
  npv: (a, b) => lc.npv(a as number, b as never),
  compareLeaseVsBuy: (a) => lc.compareLeaseVsBuy(a),
  repairOrReplace: (a) => lc.repairOrReplace(a),
  optimalReplacementAge: (a) => lc.optimalReplacementAge(a),
  sizeSparePool: (a) => lc.sizeSparePool(a),
  totalCostOfOwnership: (a) => lc.totalCostOfOwnership(a),
  cohortKey: (a) => lc.cohortKey(a as never),
  weibullFrom: (a) => lc.weibullFrom(a),
  monteCarloChunkRanges: (a, b) => lc.monteCarloChunkRanges(a as number, b as number),
  survivalAt: (a, b) => lc.survivalAt(a as never, b as number),
  kaplanMeierAt: (a, b) => lc.kaplanMeierAt(a as never, b as number, b),
  weibullFitSurvival: (a, b) => lc.weibullFitSurvival(a, b as number),
  weibullFitQuantile: (a, b) => lc.weibullFitQuantile(a, b as number),
};

describe("lifecycle public functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(
        fc.property(fc.oneof(anything, corrupted), anything, (a, b) => {
          expectOnlyDistrictKitError(() => call(a, b), 4);
        }),
        { numRuns: 60 },
      );
    });
  }
  it("a corrupted forecast input is reported with a path, never a TypeError", () => {
    fc.assert(
      fc.property(corrupted, (input) => {
        try {
          const r = lc.forecastReplacements(input);
          expect(hasBadNumber(r, 4)).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(DistrictKitError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
