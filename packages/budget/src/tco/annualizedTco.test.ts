import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { annualizedTco } from "./annualizedTco.js";

describe("annualizedTco", () => {
  // T-1: DOMAIN-budget.md §9 — formula of §7 (illustration, not a CoSN figure)
  it("gives $102.50 per device per year for a $300 device with a $30 licence, $20 residual, 4 years, $25/yr (T-1)", () => {
    const t = annualizedTco({ acquisition: "300", oneTime: "30", residual: "20", lifeYears: 4, annualRecurring: "25" });
    expect(t.perYear.toFixed(2)).toBe("102.50");
    expect(t.overLife.toFixed(2)).toBe("410.00");
    expect(t.explanation).toMatch(/\$102\.50 per device per year/);
  });
  it("refuses a residual above the cost and a life of zero", () => {
    expect(() => annualizedTco({ acquisition: "300", residual: "400", lifeYears: 4 })).toThrow(DistrictKitError);
    expect(() => annualizedTco({ acquisition: "300", lifeYears: 0 })).toThrow(DistrictKitError);
  });
});
