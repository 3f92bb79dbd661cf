import { Decimal } from "decimal.js";

/**
 * How a value is rounded, named for what happens to ties and to the rest.
 *
 * | mode | ties go | example |
 * |---|---|---|
 * | `half-up` (default) | away from zero | 2.345 → 2.35, −0.125 → −0.13 |
 * | `half-even` | to the even digit (banker's) | 2.345 → 2.34 |
 * | `half-ceil` | toward +∞ (dinero.js `halfUp`) | −1.5 → −1 |
 * | `half-down` | toward zero | 2.345 → 2.34 |
 * | `up` / `down` | away from / toward zero, always | |
 * | `ceil` / `floor` | toward +∞ / −∞, always | |
 *
 * @category Money
 */
export type RoundingMode = "half-up" | "half-even" | "half-ceil" | "half-down" | "up" | "down" | "ceil" | "floor";

/**
 * Every rounding mode, for schemas and pickers.
 *
 * @example
 * ```ts
 * ROUNDING_MODES.includes("half-even"); // => true
 * ```
 * @category Money
 */
export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "half-ceil", "half-down", "up", "down", "ceil", "floor"];

const TO_DECIMAL: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-ceil": Decimal.ROUND_HALF_CEIL,
  "half-down": Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** @internal decimal.js rounding constant for a mode. */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  return TO_DECIMAL[mode];
}
