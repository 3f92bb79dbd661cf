import { describe, expect, it } from "vitest";
import { DistrictKitError } from "./errors.js";
import { MoneySeries, NumberSeries } from "./series.js";

describe("MoneySeries and NumberSeries", () => {
  it("adds, subtracts, maps, sums and reads absent years as zero", () => {
    const a = MoneySeries.from({ 2027: "100.10", 2028: "200" });
    const b = MoneySeries.from([
      [2028, "0.05"],
      [2029, 1],
    ]);
    const s = a.add(b);
    expect(s.years()).toEqual([2027, 2028, 2029]);
    expect(s.get(2028).toString()).toBe("200.05");
    expect(s.get(2030).isZero()).toBe(true);
    expect(s.sum().toString()).toBe("301.15");
    expect(s.subtract(b).sum().equals(a.sum())).toBe(true);
    expect(s.toRows([2027, 2030])).toEqual([
      { fiscalYear: 2027, amount: "100.1" },
      { fiscalYear: 2030, amount: "0" },
    ]);
    expect(JSON.stringify(a)).toBe('{"2027":"100.1","2028":"200"}');
  });

  it("counts series refuse non-finite values and bad years", () => {
    expect(
      NumberSeries.from({ 2027: 912 })
        .add(NumberSeries.from({ 2027: 1 }))
        .get(2027),
    ).toBe(913);
    expect(() => NumberSeries.from({ 2027: Number.NaN })).toThrow(DistrictKitError);
    expect(() => MoneySeries.from({ 27: 1 })).toThrow(DistrictKitError);
    expect(() => MoneySeries.from({ 2027: "x" })).toThrow(DistrictKitError);
  });
});
