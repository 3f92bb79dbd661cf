import { DistrictKitError } from "./errors.js";
import { describeValue } from "./describe.js";
import { Money, type MoneyInput } from "./money.js";

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw DistrictKitError.argument(["year"], `expected a fiscal year (a whole number 1000–9999), got ${describeValue(year)}`);
  }
}

/**
 * An immutable yearly series of money: fiscal year → amount. Years not present read as zero.
 * Engines exchange costs in this shape (a device refresh forecast becomes budget line items).
 *
 * @example
 * ```ts
 * const refresh = MoneySeries.from({ 2027: "86700", 2028: "12000" });
 * refresh.add(MoneySeries.from({ 2028: "500" })).get(2028).toString(); // => "12500"
 * refresh.sum().toString(); // => "98700"
 * ```
 * @category Series
 */
export class MoneySeries {
  readonly #values: ReadonlyMap<number, Money>;

  private constructor(values: Map<number, Money>) {
    this.#values = values;
  }

  /** The empty series. */
  static readonly EMPTY: MoneySeries = new MoneySeries(new Map());

  /**
   * Builds a series from a record, a map or `[year, amount]` pairs.
   *
   * @param entries - the amounts by fiscal year
   * @returns the series
   * @throws DistrictKitError for a year that is not a whole number or an amount that is not money
   * @example
   * ```ts
   * MoneySeries.from([[2027, 100], [2028, "110.50"]]).years(); // => [2027, 2028]
   * ```
   */
  static from(entries: Readonly<Record<number, MoneyInput>> | ReadonlyMap<number, MoneyInput> | Iterable<readonly [number, MoneyInput]>): MoneySeries {
    if (entries === null || typeof entries !== "object") throw DistrictKitError.argument([], `expected a record, a map or [year, amount] pairs, got ${describeValue(entries)}`);
    const map = new Map<number, Money>();
    const pairs: Iterable<readonly [number | string, MoneyInput]> =
      entries instanceof Map || Symbol.iterator in Object(entries)
        ? (entries as Iterable<readonly [number, MoneyInput]>)
        : Object.entries(entries as Record<string, MoneyInput>);
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2) throw DistrictKitError.argument([], `expected [year, value] pairs, got ${describeValue(pair)}`);
      const [y, v] = pair as unknown as readonly [unknown, never];
      const year = typeof y === "number" || (typeof y === "string" && /^\d+$/.test(y)) ? Number(y) : Number.NaN;
      checkYear(year);
      map.set(year, (map.get(year) ?? Money.ZERO).add(Money.of(v)));
    }
    return new MoneySeries(new Map([...map].sort((a, b) => a[0] - b[0])));
  }

  /**
   * The amount of a year (zero when absent).
   *
   * @param year - the fiscal year
   * @returns the amount
   * @example
   * ```ts
   * MoneySeries.EMPTY.get(2027).isZero(); // => true
   * ```
   */
  get(year: number): Money {
    return this.#values.get(year) ?? Money.ZERO;
  }

  /**
   * A copy with one year set.
   *
   * @param year - the fiscal year
   * @param amount - its amount
   * @returns the new series
   * @example
   * ```ts
   * MoneySeries.EMPTY.set(2027, 5).get(2027).toString(); // => "5"
   * ```
   */
  set(year: number, amount: MoneyInput): MoneySeries {
    checkYear(year);
    const map = new Map(this.#values);
    map.set(year, Money.of(amount));
    return new MoneySeries(new Map([...map].sort((a, b) => a[0] - b[0])));
  }

  /**
   * The years present, ascending.
   *
   * @returns the years
   * @example
   * ```ts
   * MoneySeries.from({ 2028: 1, 2027: 2 }).years(); // => [2027, 2028]
   * ```
   */
  years(): number[] {
    return [...this.#values.keys()];
  }

  /**
   * Adds another series year by year (the union of years).
   *
   * @param other - the series to add
   * @returns the sum
   * @example
   * ```ts
   * MoneySeries.from({ 2027: 1 }).add(MoneySeries.from({ 2028: 2 })).years(); // => [2027, 2028]
   * ```
   */
  add(other: MoneySeries): MoneySeries {
    const map = new Map(this.#values);
    for (const [y, v] of other.entries()) map.set(y, (map.get(y) ?? Money.ZERO).add(v));
    return new MoneySeries(new Map([...map].sort((a, b) => a[0] - b[0])));
  }

  /**
   * Subtracts another series year by year.
   *
   * @param other - the series to take away
   * @returns the difference (`this − other`)
   * @example
   * ```ts
   * MoneySeries.from({ 2027: 5 }).subtract(MoneySeries.from({ 2027: 2 })).get(2027).toString(); // => "3"
   * ```
   */
  subtract(other: MoneySeries): MoneySeries {
    return this.add(other.map((m) => m.negate()));
  }

  /**
   * Applies a function to every amount.
   *
   * @param fn - maps an amount (and its year) to a new amount
   * @returns the new series
   * @example
   * ```ts
   * MoneySeries.from({ 2027: "10.005" }).map((m) => m.roundToCents()).get(2027).toString(); // => "10.01"
   * ```
   */
  map(fn: (amount: Money, year: number) => MoneyInput): MoneySeries {
    return new MoneySeries(new Map([...this.#values].map(([y, v]) => [y, Money.of(fn(v, y))])));
  }

  /**
   * The total over all years, or over `[from, to]`.
   *
   * @param from - first year included (optional)
   * @param to - last year included (optional)
   * @returns the exact total
   * @example
   * ```ts
   * MoneySeries.from({ 2027: 1, 2028: 2, 2029: 3 }).sum(2028, 2029).toString(); // => "5"
   * ```
   */
  sum(from?: number, to?: number): Money {
    let total = Money.ZERO;
    for (const [y, v] of this.#values) if ((from === undefined || y >= from) && (to === undefined || y <= to)) total = total.add(v);
    return total;
  }

  /**
   * The `[year, amount]` pairs, ascending by year.
   *
   * @returns the entries
   * @example
   * ```ts
   * [...MoneySeries.from({ 2027: 1 }).entries()]; // [[2027, Money(1)]]
   * ```
   */
  entries(): [number, Money][] {
    return [...this.#values];
  }

  /**
   * Rows for a CSV or a table: `{ fiscalYear, amount }` with the amount as a decimal string.
   *
   * @param years - the years to include, zero-filled (default: the years present)
   * @returns the rows
   * @example
   * ```ts
   * MoneySeries.from({ 2027: 1 }).toRows([2027, 2028]); // [{ fiscalYear: 2027, amount: "1" }, { fiscalYear: 2028, amount: "0" }]
   * ```
   */
  toRows(years?: readonly number[]): { fiscalYear: number; amount: string }[] {
    return (years ?? this.years()).map((y) => ({ fiscalYear: y, amount: this.get(y).toString() }));
  }

  /**
   * JSON form: a record of year → decimal string.
   *
   * @returns the record
   * @example
   * ```ts
   * JSON.stringify(MoneySeries.from({ 2027: "1.50" })); // => '{"2027":"1.5"}'
   * ```
   */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.#values].map(([y, v]) => [String(y), v.toString()]));
  }
}

/**
 * An immutable yearly series of plain numbers (students, devices, seats): fiscal year → number.
 *
 * @example
 * ```ts
 * const students = NumberSeries.from({ 2027: 912, 2028: 903 });
 * students.map((n) => n * 2).get(2028); // => 1806
 * ```
 * @category Series
 */
export class NumberSeries {
  readonly #values: ReadonlyMap<number, number>;

  private constructor(values: Map<number, number>) {
    this.#values = values;
  }

  /**
   * Builds a series from a record, a map or pairs; every value must be finite.
   *
   * @param entries - the values by fiscal year
   * @returns the series
   * @throws DistrictKitError for a non-finite value or a bad year
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 912 }).get(2027); // => 912
   * ```
   */
  static from(entries: Readonly<Record<number, number>> | ReadonlyMap<number, number> | Iterable<readonly [number, number]>): NumberSeries {
    if (entries === null || typeof entries !== "object") throw DistrictKitError.argument([], `expected a record, a map or [year, value] pairs, got ${describeValue(entries)}`);
    const map = new Map<number, number>();
    const pairs: Iterable<readonly [number | string, number]> =
      entries instanceof Map || Symbol.iterator in Object(entries)
        ? (entries as Iterable<readonly [number, number]>)
        : Object.entries(entries as Record<string, number>);
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2) throw DistrictKitError.argument([], `expected [year, value] pairs, got ${describeValue(pair)}`);
      const [y, v] = pair as unknown as readonly [unknown, never];
      const year = typeof y === "number" || (typeof y === "string" && /^\d+$/.test(y)) ? Number(y) : Number.NaN;
      checkYear(year);
      if (typeof v !== "number" || !Number.isFinite(v)) throw DistrictKitError.argument([year], `expected a finite number, got ${describeValue(v)}`);
      map.set(year, (map.get(year) ?? 0) + v);
    }
    return new NumberSeries(new Map([...map].sort((a, b) => a[0] - b[0])));
  }

  /**
   * The value of a year (zero when absent).
   *
   * @param year - the fiscal year
   * @returns the value
   * @example
   * ```ts
   * NumberSeries.from({}).get(2027); // => 0
   * ```
   */
  get(year: number): number {
    return this.#values.get(year) ?? 0;
  }

  /**
   * The years present, ascending.
   *
   * @returns the years
   * @example
   * ```ts
   * NumberSeries.from({ 2028: 1, 2027: 1 }).years(); // => [2027, 2028]
   * ```
   */
  years(): number[] {
    return [...this.#values.keys()];
  }

  /**
   * Adds another series year by year.
   *
   * @param other - the series to add
   * @returns the sum
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 1 }).add(NumberSeries.from({ 2027: 2 })).get(2027); // => 3
   * ```
   */
  add(other: NumberSeries): NumberSeries {
    const map = new Map(this.#values);
    for (const [y, v] of other.entries()) map.set(y, (map.get(y) ?? 0) + v);
    return new NumberSeries(new Map([...map].sort((a, b) => a[0] - b[0])));
  }

  /**
   * Applies a function to every value; the results must be finite.
   *
   * @param fn - maps a value (and its year) to a new value
   * @returns the new series
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 3 }).map((n) => n + 1).get(2027); // => 4
   * ```
   */
  map(fn: (value: number, year: number) => number): NumberSeries {
    return NumberSeries.from([...this.#values].map(([y, v]) => [y, fn(v, y)] as const));
  }

  /**
   * The total over all years.
   *
   * @returns the sum
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 1, 2028: 2 }).sum(); // => 3
   * ```
   */
  sum(): number {
    let s = 0;
    for (const v of this.#values.values()) s += v;
    return s;
  }

  /**
   * The `[year, value]` pairs, ascending.
   *
   * @returns the entries
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 1 }).entries(); // => [[2027, 1]]
   * ```
   */
  entries(): [number, number][] {
    return [...this.#values];
  }

  /**
   * Rows for a CSV or a table.
   *
   * @param years - the years to include, zero-filled (default: the years present)
   * @returns `{ fiscalYear, value }` rows
   * @example
   * ```ts
   * NumberSeries.from({ 2027: 1 }).toRows(); // [{ fiscalYear: 2027, value: 1 }]
   * ```
   */
  toRows(years?: readonly number[]): { fiscalYear: number; value: number }[] {
    return (years ?? this.years()).map((y) => ({ fiscalYear: y, value: this.get(y) }));
  }

  /**
   * JSON form: a record of year → number.
   *
   * @returns the record
   * @example
   * ```ts
   * JSON.stringify(NumberSeries.from({ 2027: 1 })); // => '{"2027":1}'
   * ```
   */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.#values].map(([y, v]) => [String(y), v]));
  }
}
