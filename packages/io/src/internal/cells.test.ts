import { isIsoDate } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDay } from "./cells.js";

describe("isIsoDay", () => {
  it("agrees with core's isIsoDate on any text shaped like a date, and on anything else", () => {
    const dateLike = fc
      .tuple(fc.integer({ min: 0, max: 10999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 }), fc.anything()), (v) => {
        expect(isIsoDay(v)).toBe(isIsoDate(v));
      }),
      { numRuns: 2000 },
    );
  });
});
