import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyArb, preciseMoneyArb } from "../test/arbitraries.js";
import { DistrictKitError } from "./errors.js";
import { Dec } from "./decimal.js";
import { Money } from "./money.js";

describe("Money properties (INVARIANTS.md core)", () => {
  it("a + b − b == a exactly", () => {
    fc.assert(fc.property(preciseMoneyArb, preciseMoneyArb, (a, b) => a.add(b).subtract(b).equals(a)));
  });

  it("sum is independent of order", () => {
    fc.assert(
      fc.property(fc.array(preciseMoneyArb, { maxLength: 30 }), fc.integer(), (xs, seed) => {
        const shuffled = [...xs].sort(() => 0).reverse();
        const rotated = xs.length ? [...xs.slice(seed % xs.length), ...xs.slice(0, seed % xs.length)] : xs;
        const s = Money.sum(xs);
        return s.equals(Money.sum(shuffled)) && s.equals(Money.sum(rotated));
      }),
    );
  });

  it("parse(format(x)) == x for amounts in whole cents", () => {
    fc.assert(fc.property(moneyArb(), (m) => Money.parse(m.format()).equals(m)));
  });

  it("JSON round-trip is lossless and amounts serialise as strings", () => {
    fc.assert(
      fc.property(preciseMoneyArb, (m) => {
        const text = JSON.stringify({ m });
        const back = JSON.parse(text) as { m: unknown };
        return typeof back.m === "string" && Money.of(back.m).equals(m);
      }),
    );
  });

  it("rounding to cents moves by at most half a cent and lands on whole cents", () => {
    fc.assert(
      fc.property(preciseMoneyArb, fc.constantFrom("half-up", "half-even", "half-ceil", "half-down") as fc.Arbitrary<"half-up">, (m, mode) => {
        const r = m.roundToCents(mode);
        return r.isWholeCents() && r.subtract(m).abs().lessThanOrEqual("0.005");
      }),
    );
  });

  it("no operation returns NaN or Infinity: bad operands throw DistrictKitError", () => {
    fc.assert(
      fc.property(moneyArb(), fc.anything(), (m, x) => {
        for (const op of [() => m.add(x as never), () => m.multiply(x as never), () => m.divide(x as never), () => Money.of(x), () => Money.parse(x)]) {
          try {
            const r = op();
            const text = r.toString();
            expect(text).not.toMatch(/NaN|Infinity/);
          } catch (error) {
            expect(error).toBeInstanceOf(DistrictKitError);
          }
        }
      }),
    );
  });

  it("fromCents(c) is exactly c / 100, for every safe integer and bigint", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER)), (c): void => {
        const m = Money.fromCents(c);
        expect(m.toDecimal().equals(new Dec(c).div(100))).toBe(true);
        expect(m.toCents()).toBe(c === 0 ? 0 : c);
        expect(Object.is(m.toNumber(), -0)).toBe(false);
      }),
    );
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (c) => {
      expect(Money.fromCents(c).toDecimal().equals(new Dec(c.toString()).div(100))).toBe(true);
    }));
  });

  it("an amount from whole cents (its decimal built on first use) reads, prints and computes like one from its decimal", () => {
    const cents = fc.oneof(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger(), fc.constantFrom(1, -1, 10, -10, 99, 100, 101, -100, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(cents, preciseMoneyArb, (c, other): void => {
        const eager = Money.of(new Dec(c).div(100));
        // a fresh lazy amount for each reading, so each one is the first use
        expect(Money.fromCents(c).toString()).toBe(eager.toString());
        expect(JSON.stringify(Money.fromCents(c))).toBe(JSON.stringify(eager));
        expect(Money.fromCents(c).format()).toBe(eager.format());
        expect(Money.fromCents(c).toFixed(2)).toBe(eager.toFixed(2));
        expect(Money.fromCents(c).toCents()).toBe(eager.toCents());
        expect(Money.fromCents(c).toCents("half-even")).toBe(eager.toCents("half-even"));
        expect(Money.fromCents(c).toNumber()).toBe(eager.toNumber());
        expect(Money.fromCents(c).isZero()).toBe(eager.isZero());
        expect(Money.fromCents(c).isNegative()).toBe(eager.isNegative());
        expect(Money.fromCents(c).compare(other)).toBe(eager.compare(other));
        expect(other.compare(Money.fromCents(c))).toBe(other.compare(eager));
        expect(Money.fromCents(c).add(other).toString()).toBe(eager.add(other).toString());
        expect(Money.fromCents(c).negate().toString()).toBe(eager.negate().toString());
        // and after the decimal is built, the same again
        const lazy = Money.fromCents(c);
        lazy.add(other);
        expect(lazy.toString()).toBe(eager.toString());
        expect(lazy.toCents()).toBe(eager.toCents());
      }),
    );
    expect(() => Money.fromCents(5).toCents("sideways" as "half-up")).toThrow(DistrictKitError);
  });

  it("whole-cent amounts add, subtract, compare, negate and sum as integers exactly as decimals do (also mixed with decimal amounts and near the safe-integer edge)", () => {
    const cents = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    const eager = (c: number): Money => Money.of(new Dec(c).div(100));
    fc.assert(
      fc.property(cents, cents, fc.array(fc.oneof(cents.map((c) => ({ c })), preciseMoneyArb), { maxLength: 8 }), (a, b, mixed): void => {
        const [x, y] = [Money.fromCents(a), Money.fromCents(b)];
        expect(x.add(y).toString()).toBe(eager(a).add(eager(b)).toString());
        expect(x.subtract(y).toString()).toBe(eager(a).subtract(eager(b)).toString());
        expect(Money.fromCents(a).add(Money.fromCents(b)).toCents()).toBe(eager(a).add(eager(b)).toCents());
        expect(x.compare(y)).toBe(eager(a).compare(eager(b)));
        expect(x.equals(y)).toBe(a === b);
        expect(Money.fromCents(a).negate().toString()).toBe(eager(a).negate().toString());
        expect(Money.fromCents(a).negate().isNegative()).toBe(eager(a).negate().isNegative());
        expect(Money.fromCents(a).isZero()).toBe(a === 0);
        expect(Money.ZERO.add(Money.fromCents(a)).toString()).toBe(eager(a).toString());
        const lazyList = mixed.map((m) => (m instanceof Money ? m : Money.fromCents(m.c)));
        const eagerList = mixed.map((m) => (m instanceof Money ? m : eager(m.c)));
        expect(Money.sum([x, y, ...lazyList]).toString()).toBe(Money.sum([eager(a), eager(b), ...eagerList]).toString());
        expect(Money.sum(lazyList).toString()).toBe(eagerList.reduce((t, m) => t.add(m), Money.of(0)).toString());
      }),
    );
    expect(Money.ZERO.toString()).toBe("0");
    expect(JSON.stringify(Money.ZERO)).toBe('"0"');
    expect(Money.fromCents(-5).add(Money.fromCents(5)).negate().toString()).toBe("0");
    expect(Object.is(Money.ZERO.negate().toCents(), 0)).toBe(true); // no negative zero
    expect(Object.is(Money.fromCents(3).subtract(Money.fromCents(3)).negate().toCents(), 0)).toBe(true);
    expect(Money.sum([Money.fromCents(Number.MAX_SAFE_INTEGER), Money.fromCents(1)]).toString()).toBe("90071992547409.92");
  });
});
