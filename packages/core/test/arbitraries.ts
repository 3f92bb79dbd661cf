import fc from "fast-check";
import { Money } from "../src/money.js";

/** Money from integer cents (never fc.double, which produces NaN). */
export const moneyArb = (maxCents = 1_000_000_000_00): fc.Arbitrary<Money> => fc.integer({ min: -maxCents, max: maxCents }).map((c) => Money.fromCents(c));

/** Money with sub-cent digits (up to 6 decimals), for rounding properties. */
export const preciseMoneyArb: fc.Arbitrary<Money> = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }).map((micros) => Money.of((micros / 1_000_000).toFixed(6)));

/** Calendar dates from 1990 to 2100 as ISO strings. */
export const isoDateArb: fc.Arbitrary<string> = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
