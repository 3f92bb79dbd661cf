import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyArb, preciseMoneyArb } from "../test/arbitraries.js";
import { Dec } from "./decimal.js";
import { DistrictKitError } from "./errors.js";
import { Money } from "./money.js";
import { ROUNDING_MODES } from "./rounding.js";

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
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), (c) => {
        expect(Money.fromCents(c).toDecimal().equals(new Dec(c.toString()).div(100))).toBe(true);
      }),
    );
  });

  it("an amount from whole cents (its decimal built on first use) reads, prints and computes like one from its decimal", () => {
    const cents = fc.oneof(
      fc.integer(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.maxSafeInteger(),
      fc.constantFrom(1, -1, 10, -10, 99, 100, 101, -100, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
    );
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

  it("an amount read from a decimal text of whole cents (kept as cents) reads, prints and computes like the same text as a decimal", () => {
    // the fast path of Money.of("1234.5"): the reference is the decimal of the same text
    const text = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.oneof(fc.nat({ max: 9_999_999_999_999 }).map(String), fc.constantFrom("0", "00", "007", "9999999999999")),
        fc.constantFrom("", ".0", ".00", ".5", ".05", ".50", ".99", ".1", ".01"),
        fc.constantFrom("", " "),
      )
      .map(([sign, whole, frac, pad]) => `${pad}${sign}${whole}${frac}${pad}`);
    const modes = ROUNDING_MODES;
    fc.assert(
      fc.property(text, preciseMoneyArb, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...modes), (t, other, k, places, mode): void => {
        const fast = (): Money => Money.of(t); // a fresh amount for each reading
        const reference = Money.of(new Dec(t.trim()));
        expect(fast().toString()).toBe(reference.toString());
        expect(JSON.stringify(fast())).toBe(JSON.stringify(reference));
        expect(fast().format()).toBe(reference.format());
        expect(fast().toFixed(places, mode)).toBe(reference.toFixed(places, mode));
        expect(fast().toCents(mode)).toBe(reference.toCents(mode));
        expect(fast().toNumber()).toBe(reference.toNumber());
        expect([fast().isZero(), fast().isNegative(), fast().isPositive(), fast().isWholeCents()]).toEqual([
          reference.isZero(),
          reference.isNegative(),
          reference.isPositive(),
          reference.isWholeCents(),
        ]);
        expect(fast().compare(other)).toBe(reference.compare(other));
        expect(fast().add(other).toString()).toBe(reference.add(other).toString());
        expect(fast().subtract(other).toString()).toBe(reference.subtract(other).toString());
        // a product past the 1e15 limit fails on both paths
        const outcome = (f: () => string | number): unknown[] => {
          try {
            return ["ok", f()];
          } catch (error) {
            return ["error", (error as DistrictKitError).code];
          }
        };
        expect(outcome(() => fast().multiply(k).toString())).toEqual(outcome(() => reference.multiply(k).toString()));
        expect(outcome(() => fast().multiply(k).toCents())).toEqual(outcome(() => reference.multiply(k).toCents()));
        expect(fast().multiply("0.5").toString()).toBe(reference.multiply("0.5").toString());
        expect(fast().abs().toString()).toBe(reference.abs().toString());
        expect(fast().negate().toString()).toBe(reference.negate().toString());
        expect(fast().divide(3).toString()).toBe(reference.divide(3).toString());
        expect(fast().roundToCents(mode).toString()).toBe(reference.roundToCents(mode).toString());
        expect(fast().toDecimal().equals(reference.toDecimal())).toBe(true);
        expect(Object.is(fast().toNumber(), -0)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(Money.of("-0.00").isNegative()).toBe(false);
    expect(Money.of("12345678901234").toString()).toBe("12345678901234"); // 14 digits: the decimal path
    expect(Money.fromCents(7).multiply(Number.MAX_SAFE_INTEGER).toString()).toBe(Money.of(new Dec("0.07")).multiply(Number.MAX_SAFE_INTEGER).toString());
  });

  it("whole-cent amounts add, subtract, compare, negate and sum as integers exactly as decimals do (also mixed with decimal amounts and near the safe-integer edge)", () => {
    const cents = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger(), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    const eager = (c: number): Money => Money.of(new Dec(c).div(100));
    fc.assert(
      fc.property(
        cents,
        cents,
        fc.array(
          fc.oneof(
            cents.map((c) => ({ c })),
            preciseMoneyArb,
          ),
          { maxLength: 8 },
        ),
        (a, b, mixed): void => {
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
        },
      ),
    );
    expect(Money.ZERO.toString()).toBe("0");
    expect(JSON.stringify(Money.ZERO)).toBe('"0"');
    expect(Money.fromCents(-5).add(Money.fromCents(5)).negate().toString()).toBe("0");
    expect(Object.is(Money.ZERO.negate().toCents(), 0)).toBe(true); // no negative zero
    expect(Object.is(Money.fromCents(3).subtract(Money.fromCents(3)).negate().toCents(), 0)).toBe(true);
    expect(Money.sum([Money.fromCents(Number.MAX_SAFE_INTEGER), Money.fromCents(1)]).toString()).toBe("90071992547409.92");
  });
});
