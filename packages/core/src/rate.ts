import { Dec } from "./decimal.js";
import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";
import { Money, type MoneyInput, toFactor } from "./money.js";
import type { RoundingMode } from "./rounding.js";

/**
 * A rate (a share or a yearly growth), held exactly: `Rate.percent(3)` is 0.03. Rates above
 * −100 % only (a rate of −100 % or less would wipe out or flip an amount).
 *
 * @example
 * ```ts
 * const inflation = Rate.percent(3);
 * Money.of(100).multiply(inflation).toString(); // => "3"
 * inflation.toPercentString(); // => "3%"
 * ```
 * @category Rates
 */
export class Rate {
  readonly #value: Dec;

  private constructor(value: Dec) {
    this.#value = value;
  }

  /** A rate of zero. */
  static readonly ZERO: Rate = new Rate(new Dec(0));

  /**
   * A rate from a fraction (`0.03` is 3 %).
   *
   * @param fraction - the rate as a fraction: a number, a decimal string or a decimal
   * @returns the rate
   * @throws DistrictKitError when not finite or not above −1
   * @example
   * ```ts
   * Rate.of("0.025").toPercentString(); // => "2.5%"
   * ```
   */
  static of(fraction: number | string | Dec | Rate): Rate {
    if (guardInput(() => fraction instanceof Rate, [], "the rate")) return fraction as Rate;
    const d = toFactor(fraction, "rate");
    if (d.lte(-1)) throw DistrictKitError.argument([], `expected a rate above -100%, got ${d.times(100).toFixed()}%`);
    if (d.abs().gt(1000)) throw DistrictKitError.argument([], `expected a rate of at most 100000%, got ${d.times(100).toFixed()}%`);
    return new Rate(d);
  }

  /**
   * A rate from a percentage (`3` is 3 %).
   *
   * @param percent - the rate in percent
   * @returns the rate
   * @example
   * ```ts
   * Rate.percent(3).toNumber(); // => 0.03
   * ```
   */
  static percent(percent: number | string | Dec): Rate {
    return Rate.of(toFactor(percent, "percentage").div(100));
  }

  /**
   * The rate as an exact decimal fraction.
   *
   * @returns the fraction
   * @example
   * ```ts
   * Rate.percent(3).toDecimal().toString(); // => "0.03"
   * ```
   */
  toDecimal(): Dec {
    return new Dec(this.#value);
  }

  /**
   * The rate as a JS number (for charts and counts).
   *
   * @returns the fraction as a number
   * @example
   * ```ts
   * Rate.of("0.5").toNumber(); // => 0.5
   * ```
   */
  toNumber(): number {
    return this.#value.toNumber();
  }

  /**
   * The rate as a percentage string (`"3%"`, `"2.5%"`).
   *
   * @returns the percentage text
   * @example
   * ```ts
   * Rate.of(0.07).toPercentString(); // => "7%"
   * ```
   */
  toPercentString(): string {
    return `${this.#value.times(100).toFixed()}%`;
  }

  /**
   * JSON form: the fraction as a decimal string.
   *
   * @returns the decimal string
   * @example
   * ```ts
   * JSON.stringify(Rate.percent(3)); // => '"0.03"'
   * ```
   */
  toJSON(): string {
    return this.#value.toFixed();
  }

  /**
   * `1 + rate`, the yearly growth factor.
   *
   * @returns the factor
   * @example
   * ```ts
   * Rate.percent(3).growthFactor().toString(); // => "1.03"
   * ```
   */
  growthFactor(): Dec {
    return this.#value.plus(1);
  }
}

/**
 * When the cents of an escalated series are rounded.
 *
 * - `each-year` (default): each year's amount is rounded to the cent and the next year grows
 *   from the rounded amount — what a district's budget book shows.
 * - `at-end`: amounts grow exactly and each year is rounded only for display; after a few years
 *   the cents can differ from `each-year`.
 *
 * @category Rates
 */
export type EscalationRounding = "each-year" | "at-end";

/**
 * Options for {@link escalate}.
 *
 * @category Rates
 */
export interface EscalateOptions {
  /** When cents are rounded (default `each-year`). */
  readonly rounding?: EscalationRounding;
  /** The rounding mode (default `half-up`). */
  readonly mode?: RoundingMode;
}

/**
 * Grows an amount by a yearly rate, compounding once a year, and returns the amount of each
 * year `1 … years` (year 0 is the amount itself and is not repeated). The rounding policy is
 * explicit: see {@link EscalationRounding}.
 *
 * @param amount - the starting amount (year 0)
 * @param rate - the yearly rate, or one rate per year (length `years`)
 * @param years - how many years to grow (a non-negative integer)
 * @param options - rounding policy and mode
 * @returns the amounts of years 1 … `years`, each in whole cents
 * @throws DistrictKitError for a negative or fractional number of years, or a rate list of the wrong length
 * @example
 * ```ts
 * escalate(Money.of(100000), Rate.percent(3), 3).map(String); // => ["103000", "106090", "109272.7"]
 * ```
 * @category Rates
 */
export function escalate(amount: MoneyInput, rate: Rate | number | string | readonly (Rate | number | string)[], years: number, options: EscalateOptions = {}): Money[] {
  if (!Number.isInteger(years) || years < 0 || years > 1000) {
    throw DistrictKitError.argument(["years"], `expected a whole number of years from 0 to 1000, got ${describeValue(years)}`);
  }
  if (!Array.isArray(rate) && typeof rate !== "number" && typeof rate !== "string" && !guardInput(() => rate instanceof Rate, ["rate"], "the rate")) {
    throw DistrictKitError.argument(["rate"], `expected a rate or one rate per year, got ${describeValue(rate)}`);
  }
  if (options === null || typeof options !== "object") throw DistrictKitError.argument(["options"], `expected options (an object), got ${describeValue(options)}`);
  const rates: Rate[] = Array.isArray(rate)
    ? guardInput(() => [...(rate as readonly (Rate | number | string)[])], ["rate"], "the rates").map((r) => Rate.of(r))
    : Array.from({ length: years }, () => Rate.of(rate as Rate | number | string));
  if (rates.length !== years) {
    throw DistrictKitError.argument(["rate"], `expected ${years} yearly rates, got ${rates.length}`);
  }
  const { mode = "half-up", rounding = "each-year" } = guardInput(() => ({ mode: options.mode, rounding: options.rounding }), ["options"], "the options");
  if (rounding !== "each-year" && rounding !== "at-end") throw DistrictKitError.argument(["options", "rounding"], `expected "each-year" or "at-end", got ${describeValue(rounding)}`);
  const eachYear = rounding === "each-year";
  const out: Money[] = [];
  let current = Money.of(amount);
  if (eachYear) current = current.roundToCents(mode);
  for (const r of rates) {
    current = current.multiply(r.growthFactor());
    if (eachYear) current = current.roundToCents(mode);
    out.push(eachYear ? current : current.roundToCents(mode));
  }
  return out;
}

/**
 * The exact compound growth factor `Π (1 + rate_i)` over a number of years.
 *
 * @param rate - the yearly rate
 * @param years - a non-negative whole number of years
 * @returns the factor as an exact decimal
 * @example
 * ```ts
 * compoundFactor(Rate.percent(10), 2).toString(); // => "1.21"
 * ```
 * @category Rates
 */
export function compoundFactor(rate: Rate | number | string, years: number): Dec {
  if (!Number.isInteger(years) || years < 0 || years > 1000) {
    throw DistrictKitError.argument(["years"], `expected a whole number of years from 0 to 1000, got ${describeValue(years)}`);
  }
  return Rate.of(rate).growthFactor().pow(years);
}
