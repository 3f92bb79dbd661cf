import { describe, expect, it } from "vitest";
import { DistrictKitError } from "./errors.js";
import { Money } from "./money.js";

describe("Money", () => {
  // M-1: DOMAIN-budget.md §9 (definitions of the rounding modes)
  it("rounds half away from zero by default and half-even on request (M-1)", () => {
    const inputs = ["2.345", "2.355", "0.125", "-0.125", "1.005"];
    expect(inputs.map((x) => Money.of(x).roundToCents().toFixed(2))).toEqual(["2.35", "2.36", "0.13", "-0.13", "1.01"]);
    expect(inputs.map((x) => Money.of(x).roundToCents("half-even").toFixed(2))).toEqual(["2.34", "2.36", "0.12", "-0.12", "1.00"]);
  });

  it("distinguishes half-ceil (ties toward +∞) from half-up", () => {
    expect(Money.of("-1.5").round(0, "half-ceil").toString()).toBe("-1");
    expect(Money.of("-1.5").round(0, "half-up").toString()).toBe("-2");
  });

  it("adds 0.1 and 0.2 exactly", () => {
    expect(Money.of("0.1").add("0.2").toString()).toBe("0.3");
    expect(Money.of(0.1).add(0.2).equals("0.3")).toBe(true);
  });

  it("keeps 34 significant digits on large sums", () => {
    const big = Money.of("999999999999999.99");
    expect(big.add("0.01").toString()).toBe("1000000000000000");
  });

  it.each([
    ["1,234.56", "1234.56"],
    ["$1234.5", "1234.5"],
    ["(12.00)", "-12"],
    ["-$12", "-12"],
    ["$-12", "-12"],
    [" 7 ", "7"],
    ["$1,000,000", "1000000"],
    [".5", "0.5"],
  ])("parses %j as %s", (text, expected) => {
    expect(Money.parse(text).toString()).toBe(expected);
  });

  it.each(["12.3.4", "1e400", "abc", "", "1,23.00", "$", "--1", "NaN", "Infinity", "(12"])("refuses to parse %j with a DistrictKitError", (text) => {
    expect(() => Money.parse(text)).toThrow(DistrictKitError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, "1e400", "12.3.4", null, undefined, {}, [], true, 1e16])("refuses Money.of(%j)", (value) => {
    let caught: unknown;
    try {
      Money.of(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DistrictKitError);
    expect((caught as DistrictKitError).issues.length).toBeGreaterThan(0);
  });

  it("refuses division by zero and non-finite factors", () => {
    expect(() => Money.of(1).divide(0)).toThrow(DistrictKitError);
    expect(() => Money.of(1).multiply(Number.NaN)).toThrow(DistrictKitError);
    expect(() => Money.of(1).multiply("1e400")).toThrow(DistrictKitError);
  });

  it("serialises to a decimal string and back", () => {
    const m = Money.of("1234.5600");
    expect(JSON.stringify({ m })).toBe('{"m":"1234.56"}');
    expect(Money.of(JSON.parse(JSON.stringify(m)) as string).equals(m)).toBe(true);
  });

  it("fails with a DistrictKitError, not Intl's RangeError, on a locale or options Intl rejects", () => {
    for (const [locale, options] of [
      ["!!", {}],
      ["en-US", { maximumFractionDigits: 99 }],
      ["en-US", { currency: "dollars" }],
    ] as const) {
      expect(() => Money.of("1").format(locale, options as Intl.NumberFormatOptions)).toThrow(DistrictKitError);
    }
  });

  it("formats the same with a formatter kept from an earlier call, whatever the options' history", () => {
    const opts = { maximumFractionDigits: 0 };
    expect(Money.of("1234.5").format("en-US", opts)).toBe("$1,235");
    expect(Money.of("1234.5").format("en-US", {})).toBe("$1,234.50");
    expect(Money.of("1234.5").format("en-US", { ...opts })).toBe("$1,235");
    for (let i = 0; i < 100; i++)
      expect(
        Money.of("1")
          .format("en-US", { minimumIntegerDigits: (i % 21) + 1 })
          .endsWith("1.00"),
      ).toBe(true);
    expect(Money.of("-2").format("en-US", { currencySign: "accounting" })).toBe("($2.00)");
    // options JSON cannot tell apart (undefined is dropped, NaN becomes null) are never mistaken for each other
    expect(Money.of("1234.5").format("en-US", { maximumFractionDigits: null as unknown as number })).toBe("$1,235");
    expect(() => Money.of("1234.5").format("en-US", { maximumFractionDigits: Number.NaN })).toThrow(DistrictKitError);
    expect(Money.of("1234.5").format("en-US", { minimumFractionDigits: undefined })).toBe("$1,234.50");
    expect(Money.of("1234.5").format("en-US", { style: undefined })).toBe(new Intl.NumberFormat("en-US", { currency: "USD", style: undefined }).format(1234.5));
  });

  it("formats with Intl in en-US dollars by default and other locales on request", () => {
    expect(Money.of("-1234.5").format()).toBe("-$1,234.50");
    expect(Money.of("1234.5").format("en-US", { currencySign: "accounting" })).toBe("$1,234.50");
    expect(Money.of("-1234.5").format("en-US", { currencySign: "accounting" })).toBe("($1,234.50)");
    expect(Money.of("1234.5").format("de-DE", { currency: "EUR" }).replace(/\s/g, " ")).toBe("1.234,50 €");
    // no float loss: 15+ significant digits survive formatting
    expect(Money.of("123456789012345.67").format()).toBe("$123,456,789,012,345.67");
  });

  it("never produces negative zero", () => {
    expect(Money.of("-0").toString()).toBe("0");
    expect(Money.of(5).subtract(5).negate().toString()).toBe("0");
  });

  it("sums, compares and picks min and max", () => {
    expect(Money.sum(["1.10", 2, Money.of("3.3")]).toString()).toBe("6.4");
    expect(Money.min(3, 1, 2).toString()).toBe("1");
    expect(Money.max(3, 1, 2).toString()).toBe("3");
    expect(Money.of(1).compare(2)).toBe(-1);
    expect(Money.fromCents(12345).toString()).toBe("123.45");
    expect(Money.of("12.345").toCents()).toBe(1235);
  });
});
