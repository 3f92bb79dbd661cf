import { describe, expect, it } from "vitest";
import { z } from "zod";
import { throwingProxy, thrown } from "../test/thrown.js";
import * as core from "./index.js";

// Regressions of issue #18 ("ids that are JavaScript words, inputs a district really has at
// scale, and one error type at every door"), one per class of fault, for core's exports.

const denied = new Error("denied");
const hostileProxy = <T extends object>(target: T): T => throwingProxy(target, denied);

describe("1. ids are data: keyedRecordSchema", () => {
  it("keeps __proto__, constructor and an empty key as own keys, and reads nothing inherited", () => {
    const prices = core.keyedRecordSchema(core.nonNegativeMoneySchema).parse(JSON.parse('{"__proto__": "12", "constructor": "3", "": "1"}'));
    expect(Object.keys(prices)).toEqual(["__proto__", "constructor", ""]);
    expect(prices["__proto__"]?.toString()).toBe("12");
    expect(prices["toString"]).toBeUndefined();
    expect(JSON.stringify(prices)).toBe('{"__proto__":"12","constructor":"3","":"1"}');
  });

  it("reports a bad value and a bad key with their paths, and writes its JSON Schema as a record", () => {
    const schema = core.keyedRecordSchema(z.number().min(0), z.string().min(2));
    const error = core.safeParseInput(schema, JSON.parse('{"__proto__": -1, "x": 1}'), ["byFund"]);
    expect(error.success ? [] : error.error.issues.map((i) => i.pathText)).toEqual(["byFund.__proto__", "byFund.x"]);
    expect(core.toJsonSchema(z.object({ byFund: schema.describe("by fund") }))).toMatchObject({
      properties: { byFund: { type: "object", additionalProperties: { type: "number", minimum: 0 }, description: "by fund" } },
    });
  });
});

describe("3. dates out of range", () => {
  it("addDaysIso and addMonthsIso with huge offsets are DistrictKitErrors naming the offset, not RangeErrors", () => {
    expect(thrown(() => core.addDaysIso("2026-07-01", 2 ** 31)).issues[0]?.path).toEqual(["days"]);
    expect(thrown(() => core.addDaysIso("2026-07-01", -(2 ** 31))).issues[0]?.path).toEqual(["days"]);
    expect(thrown(() => core.addMonthsIso("2026-07-01", 2 ** 31)).issues[0]?.path).toEqual(["months"]);
    expect(thrown(() => core.addDaysIso("9999-12-31", 1)).issues[0]?.message).toMatch(/0001–9999/);
    expect(core.addDaysIso("0001-01-01", 3_652_058)).toBe("9999-12-31");
  });
});

describe("5. no NaN or Infinity", () => {
  it("MoneySeries#toRows and NumberSeries#toRows refuse NaN years", () => {
    const s = core.MoneySeries.from({ 2027: "10" });
    expect(thrown(() => s.toRows([Number.NaN])).issues[0]?.path).toEqual(["years", 0]);
    expect(thrown(() => core.NumberSeries.from({ 2027: 1 }).toRows([2027, Number.POSITIVE_INFINITY])).issues[0]?.path).toEqual(["years", 1]);
  });

  it("a NumberSeries sum cannot overflow", () => {
    expect(
      thrown(() =>
        core.NumberSeries.from([
          [2027, 1e308],
          [2027, 1e308],
        ]),
      ).code,
    ).toBe("INVALID_ARGUMENT");
    expect(thrown(() => core.NumberSeries.from({ 2027: 1e300 })).issues[0]?.message).toMatch(/1e15/);
  });

  it("quantiles of values near ±1.8e308 stay finite", () => {
    const [median, lower] = core.quantiles([-1.7e308, 1.7e308], [0.5, 0.25]);
    expect(median).toBe(0);
    expect(lower).toBeCloseTo(-8.5e307, -300);
  });
});

describe("6. wrong-kind arguments name the argument", () => {
  it("a null options object, a missing calendar or Rng, a non-series", () => {
    expect(thrown(() => core.fiscalYearRange(2027, null as never)).issues[0]?.path).toEqual(["calendar"]);
    expect(thrown(() => core.convertFiscalYear(2027, core.DISTRICT_CALENDAR, undefined as never)).issues[0]?.path).toEqual(["to"]);
    expect(thrown(() => core.sampleNormal(undefined as never, 0, 1)).issues[0]?.path).toEqual(["rng"]);
    expect(thrown(() => core.sampleBinomial({ next: () => 2, nextUint32: () => 0, stream: () => null } as never, 10, 0.5)).issues[0]?.path).toEqual(["rng"]);
    expect(thrown(() => core.MoneySeries.from({ 2027: "1" }).add({ 2027: "1" } as never)).issues[0]?.path).toEqual(["other"]);
    expect(thrown(() => core.MoneySeries.from({ 2027: "1" }).map(null as never)).issues[0]?.path).toEqual(["fn"]);
    expect(thrown(() => core.allocate("10", [1, 1], null as never)).issues[0]?.path).toEqual(["options"]);
    expect(thrown(() => core.escalate("10", 0.03, 2, null as never)).issues[0]?.path).toEqual(["options"]);
    expect(thrown(() => core.fiscalCalendar("FY" as never)).issues[0]?.path).toEqual(["options"]);
    expect(thrown(() => core.toJsonSchema(undefined as never)).issues[0]?.path).toEqual(["schema"]);
  });

  it("a parsed calendar prefix is text, not a pattern", () => {
    const cal = core.fiscalCalendar({ prefix: "FY(" });
    expect(core.parseFiscalYearLabel("FY(2027", cal)).toBe(2027);
  });
});

describe("7. a caller's throwing getter or Proxy: one DistrictKitError, the original as cause", () => {
  it("Money, series, calendars, allocation, Rng and parsing all wrap it", () => {
    const calls: (() => unknown)[] = [
      () => core.Money.of(hostileProxy({})),
      () => core.Money.sum(hostileProxy([1, 2])),
      () => core.Money.of(1).multiply(hostileProxy({ toDecimal: () => new core.Dec(1) })),
      () => core.MoneySeries.from(hostileProxy({ 2027: "1" })),
      () =>
        core.fiscalCalendar({
          get startMonth(): number {
            throw denied;
          },
        }),
      () => core.fiscalYearOf("2026-07-01", hostileProxy({ ...core.DISTRICT_CALENDAR })),
      () => core.allocate("10", hostileProxy([1, 2])),
      () => core.sampleUniform(hostileProxy({ next: () => 0.5, nextUint32: () => 1, stream: () => null }) as never),
      () =>
        core.parseInput(z.object({ a: z.number() }), {
          get a(): number {
            throw denied;
          },
        }),
      () => core.quantiles(hostileProxy([1, 2]), [0.5]),
      () =>
        core.MoneySeries.from({ 2027: "1" }).map(() => {
          throw denied;
        }),
    ];
    calls.forEach((call, i) => {
      const error = thrown(call);
      expect([i, error.code, error.issues[0]?.code, error.cause]).toEqual([i, "INVALID_INPUT", "unreadable", denied]);
    });
  });

  it("a Proxy of a Money is not a Money (brand checks), and predicates never throw", () => {
    expect(core.Money.isMoney(new Proxy(core.Money.of(1), {}))).toBe(false);
    expect(thrown(() => core.Money.of(new Proxy(core.Money.of(1), {}))).code).toBe("INVALID_ARGUMENT");
    expect(core.isDistrictKitError(hostileProxy({}))).toBe(false);
    expect(core.DistrictKitError.wrap(hostileProxy({})).cause).toBeDefined();
  });
});
