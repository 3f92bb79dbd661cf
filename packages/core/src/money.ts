import { currencyFormat } from "./currencyFormat.js";
import { Dec } from "./decimal.js";
import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";
import { decimalRounding, ROUNDING_MODES, type RoundingMode } from "./rounding.js";

/**
 * What a {@link Money} can be made from: another Money, a decimal string (`"1234.56"`), a finite
 * JS number (converted through its shortest decimal form), or a decimal.js value.
 *
 * @category Money
 */
export type MoneyInput = Money | string | number | Dec;

/**
 * What a money amount can be multiplied or divided by: a number, a decimal string or a decimal.
 *
 * @category Money
 */
export type Factor = number | string | Dec | { readonly toDecimal: () => Dec };

/** The largest magnitude a Money may hold: a quadrillion dollars, far above any budget. */
const LIMIT = new Dec("1e15");
const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** A decimal text of whole cents small enough that its cents are a safe integer (13 digits of dollars). */
const WHOLE_CENTS_TEXT = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/;

function fail(message: string, path: readonly (string | number)[] = []): never {
  throw new DistrictKitError("INVALID_ARGUMENT", [{ path, code: "invalid_money", message }]);
}

function checked(d: Dec, original: unknown): Dec {
  if (!d.isFinite()) fail(`expected a finite amount, got ${describeValue(original)}`);
  if (d.abs().gt(LIMIT)) fail(`expected an amount of at most 1e15 in magnitude, got ${describeValue(original)}`);
  return d.isZero() ? new Dec(0) : d; // no negative zero
}

/**
 * The decimal text of a whole number of cents (a safe integer, not 0), as decimal.js's `toFixed()`
 * writes it: no trailing zeros, no exponent (`12345` → "123.45", `150` → "1.5", `-7` → "-0.07").
 */
function centsText(cents: number): string {
  const abs = cents < 0 ? -cents : cents;
  const sub = abs % 100; // exact on integers
  const whole = (abs - sub) / 100; // exact: a multiple of 100 divided by 100
  const sign = cents < 0 ? "-" : "";
  if (sub === 0) return `${sign}${whole}`;
  return sub % 10 === 0 ? `${sign}${whole}.${sub / 10}` : `${sign}${whole}.${sub < 10 ? "0" : ""}${sub}`;
}

/** @internal Turns a factor into a finite decimal or throws a DistrictKitError. */
export function toFactor(value: unknown, what = "factor"): Dec {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(`expected a finite ${what}, got ${describeValue(value)}`);
    return new Dec(value);
  }
  if (typeof value === "string") {
    const s = value.trim();
    if (!PLAIN_DECIMAL.test(s)) fail(`expected a decimal ${what} like "0.03", got ${describeValue(value)}`);
    return new Dec(s);
  }
  // reading an object may run a caller's getter, Proxy trap or toDecimal: one rule (DistrictKitError.wrap)
  const d = guardInput(
    () => {
      if (Dec.isDecimal(value)) return new Dec(value as Dec);
      if (typeof value === "object" && value !== null && typeof (value as { toDecimal?: unknown }).toDecimal === "function") {
        return toFactor((value as { toDecimal: () => Dec }).toDecimal(), what);
      }
      return undefined;
    },
    [],
    `the ${what}`,
  );
  if (d !== undefined) {
    if (!d.isFinite()) fail(`expected a finite ${what}, got ${d.toString()}`);
    return d;
  }
  return fail(`expected a ${what} (number or decimal string), got ${describeValue(value)}`);
}

/**
 * An exact amount of money (US dollars by default), immutable, backed by a 34-digit decimal.
 * Arithmetic never rounds; {@link Money.roundToCents} rounds where a rule says so, with the mode
 * explicit. It serialises to a decimal string (`"1234.56"`) and never holds NaN or Infinity.
 *
 * @example
 * ```ts
 * const price = Money.of("289.00");
 * const total = price.multiply(300).add(Money.of(1200)); // 87,900.00
 * total.format(); // => "$87,900.00"
 * JSON.stringify({ total }); // => '{"total":"87900"}'
 * ```
 * @category Money
 */
export class Money {
  /** The amount, or undefined until first needed when the amount was made from whole cents. */
  #dec: Dec | undefined;
  /**
   * Whole cents (a safe integer) for an amount made from whole cents — still valid once `#dec`
   * is built, so the integer paths stay open — and undefined for an amount made from a decimal
   * (not NaN: a field that may hold a non-integer number keeps every amount's cents in a box).
   */
  readonly #cents: number | undefined;

  private constructor(value: Dec | undefined, cents?: number) {
    this.#dec = value;
    this.#cents = cents;
  }

  /**
   * The amount as a decimal. An amount made by {@link Money.fromCents} builds it on first use:
   * engines make hundreds of thousands of amounts that are only ever printed, and the division
   * that builds the decimal costs more than everything else about them.
   */
  get #value(): Dec {
    return this.#dec ?? (this.#dec = new Dec(this.#cents!).div(100));
  }

  /** Zero dollars. */
  static readonly ZERO: Money = new Money(undefined, 0);

  /**
   * Makes an amount from a Money, a decimal string, a finite number or a decimal.
   *
   * @param value - the amount (`"1234.56"`, `1234.56`, …); strings must be plain decimals — use
   *   {@link Money.parse} for `"$1,234.56"` or `"(12.00)"`
   * @returns the amount
   * @throws DistrictKitError (`INVALID_ARGUMENT`) for NaN, Infinity, `"12.3.4"`, `"1e400"`,
   *   magnitudes above 1e15, or anything that is not an amount
   * @example
   * ```ts
   * Money.of("0.10").add(Money.of("0.20")).toString(); // => "0.3"
   * ```
   */
  static of(value: MoneyInput | unknown): Money {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) fail(`expected a finite amount, got ${describeValue(value)}`);
      return new Money(checked(new Dec(value), value));
    }
    if (typeof value === "string") {
      const s = value.trim();
      // "1234.5", "-7.25": kept as whole cents, the decimal built on first use (like fromCents), so
      // amounts read from files and JSON add, compare and print as integers
      const w = WHOLE_CENTS_TEXT.exec(s);
      if (w !== null) {
        const cents = Number(w[2]) * 100 + (w[3] === undefined ? 0 : w[3].length === 1 ? Number(w[3]) * 10 : Number(w[3]));
        return cents === 0 ? Money.ZERO : new Money(undefined, w[1] === "-" ? -cents : cents);
      }
      if (!PLAIN_DECIMAL.test(s)) fail(`expected a decimal amount like "1234.56", got ${describeValue(value)}`);
      return new Money(checked(new Dec(s), value));
    }
    // a brand check (no Proxy trap runs; a Proxy of a Money is not one); isDecimal reads the
    // value, and a Proxy or a getter of the caller's may throw
    if (Money.isMoney(value)) return value;
    try {
      if (Dec.isDecimal(value)) return new Money(checked(new Dec(value as Dec), value));
    } catch (error) {
      throw DistrictKitError.wrap(error, [], "the amount");
    }
    return fail(`expected an amount (decimal string or finite number), got ${describeValue(value)}`);
  }

  /**
   * Makes an amount from a whole number of cents.
   *
   * @param cents - an integer number of cents (or a bigint)
   * @returns the amount
   * @throws DistrictKitError when `cents` is not a safe integer
   * @example
   * ```ts
   * Money.fromCents(12345).toString(); // => "123.45"
   * ```
   */
  static fromCents(cents: number | bigint): Money {
    if (typeof cents === "bigint") return new Money(checked(new Dec(cents.toString()).div(100), cents));
    if (!Number.isSafeInteger(cents)) fail(`expected a whole number of cents, got ${describeValue(cents)}`);
    // A safe integer of cents (|c| < 2^53 ≈ 9.007e15) is always finite and below the 1e15-dollar
    // limit, so the general checks are skipped: engines build millions of amounts this way.
    // The decimal is built on first use (see #value); printing needs only the integer.
    return cents === 0 ? Money.ZERO : new Money(undefined, cents);
  }

  /**
   * Reads an amount written the way people write money: `"1,234.56"`, `"$1234.5"`, `"-$12"`,
   * `"(12.00)"` (accounting negative), `" 7 "`. Thousands separators must be in the right places.
   *
   * @param text - the text to read
   * @returns the amount
   * @throws DistrictKitError with the text that could not be read
   * @example
   * ```ts
   * Money.parse("(1,234.50)").toString(); // => "-1234.5"
   * Money.parse("$1234.5").toFixed(2);     // => "1234.50"
   * ```
   */
  static parse(text: unknown): Money {
    if (typeof text !== "string") return fail(`expected text like "$1,234.56", got ${describeValue(text)}`);
    let s = text.trim();
    let negative = false;
    if (/^\(.*\)$/.test(s)) {
      negative = true;
      s = s.slice(1, -1).trim();
    }
    if (s.startsWith("-")) {
      negative = !negative;
      s = s.slice(1).trim();
    } else if (s.startsWith("+")) s = s.slice(1).trim();
    if (s.startsWith("$")) s = s.slice(1).trim();
    if (!negative && s.startsWith("-")) {
      negative = true;
      s = s.slice(1).trim();
    }
    const grouped = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
    const plain = /^(\d+\.?\d*|\.\d+)$/;
    if (!grouped.test(s) && !plain.test(s)) {
      return fail(`expected an amount like "1,234.56", "$1234.5" or "(12.00)", got ${describeValue(text)}`);
    }
    const d = new Dec(s.replace(/,/g, ""));
    return new Money(checked(negative ? d.neg() : d, text));
  }

  /**
   * Adds amounts exactly, in any order (the result does not depend on it).
   *
   * @param amounts - the amounts to add
   * @returns their sum (zero for none)
   * @example
   * ```ts
   * Money.sum([Money.of(1), Money.of("2.50")]).toString(); // => "3.5"
   * ```
   */
  static sum(amounts: Iterable<MoneyInput>): Money {
    if (amounts === null || typeof amounts !== "object" || typeof guardInput(() => (amounts as { [Symbol.iterator]?: unknown })[Symbol.iterator], [], "the amounts") !== "function") {
      fail(`expected a list of amounts, got ${describeValue(amounts)}`);
    }
    // Whole cents add as integers while every amount is one made from cents and the total stays
    // a safe integer (exact, and far inside the 1e15-dollar limit); decimals from there on.
    let cents = 0;
    let total: Dec | undefined;
    try {
      for (const a of amounts) {
        const m = Money.of(a);
        const mc = m.#cents;
        if (total === undefined && mc !== undefined && Number.isSafeInteger(cents + mc)) {
          cents += mc;
          continue;
        }
        total = (total ?? new Dec(cents).div(100)).plus(m.#value);
      }
    } catch (error) {
      throw DistrictKitError.wrap(error, [], "the amounts"); // an iterator of the caller's that throws
    }
    if (total === undefined) return Money.fromCents(cents);
    return new Money(checked(total, total));
  }

  /**
   * The smallest of one or more amounts.
   *
   * @param first - an amount
   * @param rest - more amounts
   * @returns the smallest
   * @example
   * ```ts
   * Money.min(Money.of(3), Money.of(2)).toString(); // => "2"
   * ```
   */
  static min(first: MoneyInput, ...rest: MoneyInput[]): Money {
    return rest.reduce<Money>((m, x) => (Money.of(x).lessThan(m) ? Money.of(x) : m), Money.of(first));
  }

  /**
   * The largest of one or more amounts.
   *
   * @param first - an amount
   * @param rest - more amounts
   * @returns the largest
   * @example
   * ```ts
   * Money.max(Money.of(3), Money.of(2)).toString(); // => "3"
   * ```
   */
  static max(first: MoneyInput, ...rest: MoneyInput[]): Money {
    return rest.reduce<Money>((m, x) => (Money.of(x).greaterThan(m) ? Money.of(x) : m), Money.of(first));
  }

  /**
   * Tells whether a value is a Money (a brand check: it never throws, and a Proxy is not one).
   *
   * @param value - anything
   * @returns true for a Money
   * @example
   * ```ts
   * Money.isMoney(Money.ZERO); // => true
   * ```
   */
  static isMoney(value: unknown): value is Money {
    return typeof value === "object" && value !== null && #cents in value;
  }

  /**
   * `this + other`, exactly.
   *
   * @param other - the amount to add
   * @returns the sum
   * @example
   * ```ts
   * Money.of(1).add("0.05").toString(); // => "1.05"
   * ```
   */
  add(other: MoneyInput): Money {
    const o = Money.of(other);
    const a = this.#cents;
    const b = o.#cents;
    if (a !== undefined && b !== undefined && Number.isSafeInteger(a + b)) return Money.fromCents(a + b);
    return new Money(checked(this.#value.plus(o.#value), "the sum"));
  }

  /**
   * `this − other`, exactly.
   *
   * @param other - the amount to take away
   * @returns the difference
   * @example
   * ```ts
   * Money.of(1).subtract("0.05").toString(); // => "0.95"
   * ```
   */
  subtract(other: MoneyInput): Money {
    const o = Money.of(other);
    const a = this.#cents;
    const b = o.#cents;
    if (a !== undefined && b !== undefined && Number.isSafeInteger(a - b)) return Money.fromCents(a - b);
    return new Money(checked(this.#value.minus(o.#value), "the difference"));
  }

  /**
   * `this × factor`, exactly (34 significant digits); round afterwards where a rule says so.
   *
   * @param factor - a count, a rate, a decimal string or a {@link Rate}
   * @returns the product
   * @example
   * ```ts
   * Money.of("289").multiply(300).toString(); // => "86700"
   * ```
   */
  multiply(factor: Factor): Money {
    const c = this.#cents;
    if (c !== undefined && typeof factor === "number" && Number.isSafeInteger(factor) && Number.isSafeInteger(c * factor)) return Money.fromCents(c * factor);
    return new Money(checked(this.#value.times(toFactor(factor)), "the product"));
  }

  /**
   * `this ÷ divisor`, to 34 significant digits.
   *
   * @param divisor - a non-zero number or decimal
   * @returns the quotient
   * @throws DistrictKitError when the divisor is zero
   * @example
   * ```ts
   * Money.of(100).divide(4).toString(); // => "25"
   * ```
   */
  divide(divisor: Factor): Money {
    const d = toFactor(divisor, "divisor");
    if (d.isZero()) fail("cannot divide an amount by zero");
    return new Money(checked(this.#value.div(d), "the quotient"));
  }

  /**
   * How many times `other` goes into this amount, as a plain ratio (for shares and percentages).
   *
   * @param other - a non-zero amount
   * @returns `this / other` as a decimal
   * @throws DistrictKitError when `other` is zero
   * @example
   * ```ts
   * Money.of(25).ratioTo(Money.of(100)).toNumber(); // => 0.25
   * ```
   */
  ratioTo(other: MoneyInput): Dec {
    const o = Money.of(other).#value;
    if (o.isZero()) fail("cannot take a ratio to a zero amount");
    return this.#value.div(o);
  }

  /**
   * `−this`.
   *
   * @returns the negated amount
   * @example
   * ```ts
   * Money.of(5).negate().toString(); // => "-5"
   * ```
   */
  negate(): Money {
    const c = this.#cents;
    if (c !== undefined) return c === 0 ? this : new Money(undefined, -c); // no negative zero
    return new Money(this.#value.isZero() ? this.#value : this.#value.neg());
  }

  /**
   * `|this|`.
   *
   * @returns the absolute amount
   * @example
   * ```ts
   * Money.of(-5).abs().toString(); // => "5"
   * ```
   */
  abs(): Money {
    const c = this.#cents;
    if (c !== undefined) return c < 0 ? new Money(undefined, -c) : this;
    return new Money(this.#value.abs());
  }

  /**
   * Rounds to whole cents with a named mode (half-up, away from zero, by default).
   *
   * @param mode - the rounding mode; see {@link RoundingMode}
   * @returns the amount in whole cents
   * @example
   * ```ts
   * Money.of("2.345").roundToCents().toString();            // => "2.35"
   * Money.of("2.345").roundToCents("half-even").toString(); // => "2.34"
   * ```
   */
  roundToCents(mode: RoundingMode = "half-up"): Money {
    return this.round(2, mode);
  }

  /**
   * Rounds to a number of decimal places with a named mode.
   *
   * @param places - decimal places (0 for whole dollars)
   * @param mode - the rounding mode (half-up by default)
   * @returns the rounded amount
   * @example
   * ```ts
   * Money.of("1499.5").round(0).toString(); // => "1500"
   * ```
   */
  round(places: number, mode: RoundingMode = "half-up"): Money {
    if (!Number.isInteger(places) || places < 0 || places > 20) fail(`expected 0–20 decimal places, got ${describeValue(places)}`);
    if (!ROUNDING_MODES.includes(mode)) fail(`expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${describeValue(mode)}`);
    return new Money(checked(this.#value.toDecimalPlaces(places, decimalRounding(mode)), "the rounded amount"));
  }

  /**
   * Tells whether the amount is a whole number of cents.
   *
   * @returns true when no fraction of a cent remains
   * @example
   * ```ts
   * Money.of("1.005").isWholeCents(); // => false
   * ```
   */
  isWholeCents(): boolean {
    if (this.#cents !== undefined) return true;
    return this.#value.times(100).isInteger();
  }

  /**
   * The amount in cents, after rounding to cents with `mode`.
   *
   * @param mode - rounding mode (half-up by default)
   * @returns a safe integer number of cents
   * @example
   * ```ts
   * Money.of("12.345").toCents(); // => 1235
   * ```
   */
  toCents(mode: RoundingMode = "half-up"): number {
    if (!ROUNDING_MODES.includes(mode)) fail(`expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${describeValue(mode)}`);
    if (this.#cents !== undefined) return this.#cents;
    return this.#value.times(100).toDecimalPlaces(0, decimalRounding(mode)).toNumber();
  }

  /**
   * Compares two amounts.
   *
   * @param other - the amount to compare with
   * @returns −1, 0 or 1
   * @example
   * ```ts
   * Money.of(1).compare(Money.of(2)); // => -1
   * ```
   */
  compare(other: MoneyInput): -1 | 0 | 1 {
    const o = Money.of(other);
    const a = this.#cents;
    const b = o.#cents;
    if (a !== undefined && b !== undefined) return a < b ? -1 : a > b ? 1 : 0;
    return this.#value.comparedTo(o.#value) as -1 | 0 | 1;
  }

  /**
   * Tells whether two amounts are equal (`"1.50"` equals `"1.5"`).
   *
   * @param other - the amount to compare with
   * @returns true when equal
   * @example
   * ```ts
   * Money.of("1.50").equals("1.5"); // => true
   * ```
   */
  equals(other: MoneyInput): boolean {
    return this.compare(other) === 0;
  }

  /**
   * `this < other`.
   *
   * @param other - the amount to compare with
   * @returns true when smaller
   * @example
   * ```ts
   * Money.of(1).lessThan(2); // => true
   * ```
   */
  lessThan(other: MoneyInput): boolean {
    return this.compare(other) < 0;
  }

  /**
   * `this > other`.
   *
   * @param other - the amount to compare with
   * @returns true when larger
   * @example
   * ```ts
   * Money.of(2).greaterThan(1); // => true
   * ```
   */
  greaterThan(other: MoneyInput): boolean {
    return this.compare(other) > 0;
  }

  /**
   * `this ≤ other`.
   *
   * @param other - the amount to compare with
   * @returns true when smaller or equal
   * @example
   * ```ts
   * Money.of(2).lessThanOrEqual(2); // => true
   * ```
   */
  lessThanOrEqual(other: MoneyInput): boolean {
    return this.compare(other) <= 0;
  }

  /**
   * `this ≥ other`.
   *
   * @param other - the amount to compare with
   * @returns true when larger or equal
   * @example
   * ```ts
   * Money.of(2).greaterThanOrEqual(3); // => false
   * ```
   */
  greaterThanOrEqual(other: MoneyInput): boolean {
    return this.compare(other) >= 0;
  }

  /**
   * Tells whether the amount is zero.
   *
   * @returns true for zero
   * @example
   * ```ts
   * Money.of("0.00").isZero(); // => true
   * ```
   */
  isZero(): boolean {
    if (this.#cents !== undefined) return this.#cents === 0;
    return this.#value.isZero();
  }

  /**
   * Tells whether the amount is below zero.
   *
   * @returns true for a negative amount
   * @example
   * ```ts
   * Money.of(-1).isNegative(); // => true
   * ```
   */
  isNegative(): boolean {
    if (this.#cents !== undefined) return this.#cents < 0;
    return this.#value.isNegative() && !this.#value.isZero();
  }

  /**
   * Tells whether the amount is above zero.
   *
   * @returns true for a positive amount
   * @example
   * ```ts
   * Money.of(1).isPositive(); // => true
   * ```
   */
  isPositive(): boolean {
    if (this.#cents !== undefined) return this.#cents > 0;
    return this.#value.isPositive() && !this.#value.isZero();
  }

  /**
   * The exact decimal value (a copy; DistrictKit's {@link Dec} constructor).
   *
   * @returns the decimal
   * @example
   * ```ts
   * Money.of("1.10").toDecimal().toFixed(2); // => "1.10"
   * ```
   */
  toDecimal(): Dec {
    return new Dec(this.#value);
  }

  /**
   * The exact amount as a plain decimal string, without exponent or trailing zeros (`"1234.5"`).
   *
   * @returns the decimal string
   * @example
   * ```ts
   * Money.of(1234.5).toString(); // => "1234.5"
   * ```
   */
  toString(): string {
    if (this.#dec === undefined) return centsText(this.#cents!);
    return this.#dec.toFixed();
  }

  /**
   * The amount with a fixed number of decimals, rounded with `mode`.
   *
   * @param places - decimals (2 by default)
   * @param mode - rounding mode (half-up by default)
   * @returns the decimal string
   * @example
   * ```ts
   * Money.of(3).toFixed(); // => "3.00"
   * ```
   */
  toFixed(places = 2, mode: RoundingMode = "half-up"): string {
    if (!Number.isInteger(places) || places < 0 || places > 20) fail(`expected 0–20 decimal places, got ${describeValue(places)}`);
    if (!ROUNDING_MODES.includes(mode)) fail(`expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${describeValue(mode)}`);
    const c = this.#cents;
    if (c !== undefined && places >= 2) {
      // whole cents need no rounding at two places or more: the digits, then zeros
      const abs = c < 0 ? -c : c;
      const sub = abs % 100;
      return `${c < 0 ? "-" : ""}${(abs - sub) / 100}.${sub < 10 ? "0" : ""}${sub}${"0".repeat(places - 2)}`;
    }
    return this.#value.toFixed(places, decimalRounding(mode));
  }

  /**
   * JSON form: the exact decimal string, so a JSON round-trip loses nothing.
   *
   * @returns the decimal string
   * @example
   * ```ts
   * JSON.stringify(Money.of("0.1")); // => '"0.1"'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /**
   * The amount as a JS number — for charts and statistics only, never for further money
   * arithmetic (it may lose digits past 15 significant figures).
   *
   * @returns a finite number
   * @example
   * ```ts
   * Money.of("12.5").toNumber(); // => 12.5
   * ```
   */
  toNumber(): number {
    return this.#value.toNumber();
  }

  /**
   * Formats for people with `Intl.NumberFormat` (en-US dollars by default), from the exact
   * decimal string, so no digit is lost to floating point.
   *
   * @param locale - a BCP 47 locale (`"en-US"` by default)
   * @param options - `Intl.NumberFormat` options (currency USD, 2 decimals by default)
   * @returns the formatted amount
   * @throws DistrictKitError when Intl rejects the locale or the options
   * @example
   * ```ts
   * Money.of("-1234.5").format();                          // => "-$1,234.50"
   * Money.of("1234.5").format("en-US", { currencySign: "accounting", maximumFractionDigits: 0 });
   * Money.of("1234.5").format("not a locale!");            // throws
   * ```
   */
  format(locale = "en-US", options: Intl.NumberFormatOptions = {}): string {
    const nf = currencyFormat(locale, options);
    return (nf.format as unknown as (v: string) => string)(this.toString());
  }
}
