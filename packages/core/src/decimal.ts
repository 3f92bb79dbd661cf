import { Decimal } from "decimal.js";

/**
 * DistrictKit's own decimal.js constructor: 34 significant digits, half-up rounding, and exponent
 * limits wide enough for any amount. The global `Decimal` configuration is never touched, so an
 * application's own decimal.js settings cannot change DistrictKit's results, nor ours theirs.
 *
 * The one exception to DistrictKit's promise of one `DistrictKitError` and never NaN: `Dec` is
 * decimal.js's own constructor, so it keeps decimal.js's contract (it throws decimal.js's errors
 * and can hold NaN or Infinity). Amounts go through `Money`, which refuses both.
 *
 * @example
 * ```ts
 * new Dec("0.1").plus("0.2").toString(); // => "0.3"
 * ```
 * @category Money
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

/**
 * An instance of DistrictKit's decimal constructor {@link Dec}.
 *
 * @category Money
 */
export type Dec = Decimal;
