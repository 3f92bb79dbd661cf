import fc from "fast-check";
import { describe, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../core/test/fuzz.js";
import * as licenses from "./index.js";

// Every public function of @districtkit/licenses, given malformed input, throws a DistrictKitError
// that says what was wrong — never a TypeError, never NaN or Infinity in a result (issue #5, "Bad input").
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, "1e400", "12.3.4", null, undefined, "2025-02-30", "", 1e300, -1, [], {}),
  fc.record({ type: fc.constantFrom("unit", "allUnits", "incremental", "packs"), unitPrice: fc.anything(), tiers: fc.anything(), packSize: fc.anything() }),
  fc.record({ kind: fc.constantFrom("seat", "site", "district", "bundle", "concurrent"), id: fc.string(), productId: fc.string(), schedule: fc.anything() }),
);

const calls: Record<string, (a: unknown, b: unknown, c: unknown) => unknown> = {
  optimizeLicenses: (a) => licenses.optimizeLicenses(a),
  scheduleCost: (a, b) => licenses.scheduleCost(a, b as number),
  optionSeatCost: (a, b, c) => licenses.optionSeatCost(a, b as number, c as number),
  cheapestCover: (a, b) => licenses.cheapestCover(a, b as number),
  priceCliffs: (a) => licenses.priceCliffs(a),
  escalatedPrice: (a, b, c) => licenses.escalatedPrice(a as never, b as never, c as number),
  escalationSeries: (a, b, c) => licenses.escalationSeries(a as never, b as never, c as number),
  fullTimeEquivalents: (a) => licenses.fullTimeEquivalents(a),
  districtLicensePrice: (a, b) => licenses.districtLicensePrice(a, b as never),
  siteLicensePrice: (a, b) => licenses.siteLicensePrice(a, b as number),
  demandFromRosters: (a) => licenses.demandFromRosters(a),
  demandFromUsage: (a) => licenses.demandFromUsage(a),
  buildLicensePlanInput: (a, b) => licenses.buildLicensePlanInput(a, b),
  reclaimableSeats: (a) => licenses.reclaimableSeats(a),
  rightSizeSeats: (a, b, c) => licenses.rightSizeSeats(a as number, b as number, c as number),
  seatsForUtilization: (a, b) => licenses.seatsForUtilization(a as number, b as number),
  utilizationMetrics: (a) => licenses.utilizationMetrics(a),
  findOverlaps: (a) => licenses.findOverlaps(a),
  renewalCalendar: (a) => licenses.renewalCalendar(a),
  peakConcurrency: (a) => licenses.peakConcurrency(a),
  erlangB: (a, b) => licenses.erlangB(a as number, b as number),
  erlangBLog: (a, b) => licenses.erlangBLog(a as number, b as number),
  licensesForBlocking: (a) => licenses.licensesForBlocking(a),
  generateLicenseMarket: (a) => licenses.generateLicenseMarket(a as never),
};

describe("licenses public functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(
        fc.property(anything, anything, anything, (a, b, c) => {
          expectOnlyDistrictKitError(() => call(a, b, c), 4);
        }),
        { numRuns: 120 },
      );
    });
  }
});
