import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";
import { Money, type MoneyInput } from "./money.js";

function checkYear(year: number, path: readonly (string | number)[] = ["year"]): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw DistrictKitError.argument(path, `expected a fiscal year (a whole number 1000–9999), got ${describeValue(year)}`);
  }
}

/** The years a caller asks for: a list of fiscal years (each checked), or every year of the series. */
function yearList(years: unknown, own: () => number[]): number[] {
  if (years === undefined) return own();
  return guardInput(
    () => {
      if (!Array.isArray(years)) throw DistrictKitError.argument(["years"], `expected a list of fiscal years, got ${describeValue(years)}`);
      const out = [...(years as unknown[])];
      out.forEach((y, i) => checkYear(y as number, ["years", i]));
      return out as number[];
    },
    ["years"],
    "the years",
  );
}

/** Checks that a value is a series of the class (a brand check: not a look-alike, a Proxy or a plain object). */
function seriesArgument<T>(value: unknown, cls: { owns(value: unknown): value is T }, name: string): T {
  if (!cls.owns(value)) throw DistrictKitError.argument(["other"], `expected a ${name}, got ${describeValue(value)}`);
  return value;
}

/** Runs a caller's callback on each value: it must be a function; what it throws is wrapped (the one rule). */
function callback<F>(fn: unknown): F {
  if (typeof fn !== "function") throw DistrictKitError.argument(["fn"], `expected a function, got ${describeValue(fn)}`);
  return ((...args: unknown[]) => guardInput(() => (fn as (...a: unknown[]) => unknown)(...args), ["fn"], "the callback's result")) as F;
}

/** The largest magnitude a NumberSeries value may have (as for Money): sums of thousands of them stay finite. */
const NUMBER_LIMIT = 1e15;

function checkNumber(v: number, year: number): number {
  if (!Number.isFinite(v) || Math.abs(v) > NUMBER_LIMIT) throw DistrictKitError.argument([year], `expected a finite number of magnitude at most 1e15, got ${describeValue(v)}`);
  return v;
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

  /** @internal Whether a value is a MoneySeries (a brand check: a Proxy or a look-alike is not one). */
  static owns(value: unknown): value is MoneySeries {
    return typeof value === "object" && value !== null && #values in value;
  }

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
    // reading the caller's record, map or iterable may throw (a getter, a Proxy): one rule
    const pairs = guardInput(
      () => [...(entries instanceof Map || Symbol.iterator in Object(entries) ? (entries as Iterable<readonly [number, MoneyInput]>) : Object.entries(entries as Record<string, MoneyInput>))],
      [],
      "the entries",
    ) as (readonly [number | string, MoneyInput])[];
    for (const pair of pairs) {
      if (!Array.isArray(pair) || guardInput(() => pair.length, [], "the entries") !== 2) throw DistrictKitError.argument([], `expected [year, value] pairs, got ${describeValue(pair)}`);
      const [y, v] = guardInput(() => [pair[0], pair[1]], [], "the entries") as unknown as readonly [unknown, never];
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
    for (const [y, v] of seriesArgument(other, MoneySeries, "MoneySeries").entries()) map.set(y, (map.get(y) ?? Money.ZERO).add(v));
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
    return this.add(seriesArgument(other, MoneySeries, "MoneySeries").map((m) => m.negate()));
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
    const f = callback<typeof fn>(fn);
    return new MoneySeries(new Map([...this.#values].map(([y, v]) => [y, Money.of(f(v, y))])));
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
    if (from !== undefined) checkYear(from, ["from"]);
    if (to !== undefined) checkYear(to, ["to"]);
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
    return yearList(years, () => this.years()).map((y) => ({ fiscalYear: y, amount: this.get(y).toString() }));
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

  /** @internal Whether a value is a NumberSeries (a brand check: a Proxy or a look-alike is not one). */
  static owns(value: unknown): value is NumberSeries {
    return typeof value === "object" && value !== null && #values in value;
  }

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
    const pairs = guardInput(
      () => [...(entries instanceof Map || Symbol.iterator in Object(entries) ? (entries as Iterable<readonly [number, number]>) : Object.entries(entries as Record<string, number>))],
      [],
      "the entries",
    ) as (readonly [number | string, number])[];
    for (const pair of pairs) {
      if (!Array.isArray(pair) || guardInput(() => pair.length, [], "the entries") !== 2) throw DistrictKitError.argument([], `expected [year, value] pairs, got ${describeValue(pair)}`);
      const [y, v] = guardInput(() => [pair[0], pair[1]], [], "the entries") as unknown as readonly [unknown, never];
      const year = typeof y === "number" || (typeof y === "string" && /^\d+$/.test(y)) ? Number(y) : Number.NaN;
      checkYear(year);
      if (typeof v !== "number") throw DistrictKitError.argument([year], `expected a finite number, got ${describeValue(v)}`);
      checkNumber(v, year);
      map.set(year, checkNumber((map.get(year) ?? 0) + v, year));
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
    for (const [y, v] of seriesArgument(other, NumberSeries, "NumberSeries").entries()) map.set(y, checkNumber((map.get(y) ?? 0) + v, y));
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
    const f = callback<typeof fn>(fn);
    return NumberSeries.from([...this.#values].map(([y, v]) => [y, f(v, y)] as const));
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
    return yearList(years, () => this.years()).map((y) => ({ fiscalYear: y, value: this.get(y) }));
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
