import * as core from "@districtkit/core";
import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import { fuzzEveryExport, hasBadNumber } from "../../core/test/fuzz.js";
import { scalingCases } from "../bench/scalingCases.js";
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

// Every export, read from index.ts (a new export is fuzzed without anyone adding it here), with
// the examples' calls and a small district as seeds (issue #18).
await fuzzEveryExport({
  scaling: {
    cases: scalingCases.map((c) => c.name),
    exempt: {
      compareLeaseVsBuy: "compares a handful of acquisition options over a few years",
    },
  },
  name: "@districtkit/lifecycle",
  exports: lc,
  dir: new URL("..", import.meta.url),
  modules: { "@districtkit/core": core, "@districtkit/lifecycle": lc, zod },
  seeds: { forecastReplacements: [[smallDistrict()]], planCappedRefresh: [[{ ...smallDistrict(), refreshBudgetCap: { "2027": "50000" } }]] },
  allow: {},
});

describe("lifecycle public functions on malformed input", () => {
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
