import { describe, expect, it } from "vitest";
import { formatCount, formatMoney, formatMoneyDelta, formatMoneyTick, roundDecimalString } from "./format.js";

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

describe("chart axis labels for money", () => {
  it("uses the largest unit reached, never $10000k or $10.0M", () => {
    expect(formatMoneyTick(10_000_000)).toBe("$10M");
    expect(formatMoneyTick(2_500_000)).toBe("$2.5M");
    expect(formatMoneyTick(1_250_000)).toBe("$1.25M");
    expect(formatMoneyTick(600_000)).toBe("$600k");
    expect(formatMoneyTick(2_500)).toBe("$2.5k");
    expect(formatMoneyTick(500)).toBe("$500");
    expect(formatMoneyTick(0)).toBe("$0");
    expect(formatMoneyTick(1_200_000_000)).toBe("$1.2B");
  });
  it("moves up a unit when rounding reaches 1,000 of the smaller one", () => {
    expect(formatMoneyTick(999_999)).toBe("$1M");
    expect(formatMoneyTick(999.7)).toBe("$1k");
  });
  it("signs negatives, and positives on request (change axes)", () => {
    expect(formatMoneyTick(-5_000)).toBe("−$5k");
    expect(formatMoneyTick(5_000, { signed: true })).toBe("+$5k");
    expect(formatMoneyTick(0, { signed: true })).toBe("$0");
    expect(formatMoneyTick(-0.4)).toBe("$0");
  });
  it("never prints NaN or Infinity", () => {
    expect(formatMoneyTick(Number.NaN)).toBe("");
    expect(formatMoneyTick(Number.POSITIVE_INFINITY)).toBe("");
  });
});
