import { describe, expect, it } from "vitest";
import { formatCount, formatMoney, formatMoneyDelta, roundDecimalString } from "./format.js";

describe("money formatting from decimal strings", () => {
  it("groups thousands and keeps cents", () => {
    expect(formatMoney("1234567.8")).toBe("$1,234,567.80");
    expect(formatMoney("0")).toBe("$0.00");
    expect(formatMoney("-289")).toBe("−$289.00");
  });
  it("rounds half away from zero from the string, never through a float", () => {
    expect(roundDecimalString("1.005", 2)).toBe("1.01");
    expect(roundDecimalString("-0.125", 2)).toBe("-0.13");
    expect(roundDecimalString("99999999999999.995", 2)).toBe("100000000000000.00");
    expect(roundDecimalString("-0.001", 2)).toBe("0.00");
    expect(formatMoney("640000.49", { cents: false })).toBe("$640,000");
    expect(formatMoney("640000.5", { cents: false })).toBe("$640,001");
  });
  it("signs deltas", () => {
    expect(formatMoneyDelta("1200")).toBe("+$1,200.00");
    expect(formatMoneyDelta("-300")).toBe("−$300.00");
    expect(formatMoneyDelta("0.001")).toBe("$0.00");
  });
  it("formats counts", () => {
    expect(formatCount(1500)).toBe("1,500");
  });
});
