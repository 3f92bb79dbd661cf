import { z } from "zod";
import { isDistrictKitError } from "./errors.js";
import { Money } from "./money.js";
import { Rate } from "./rate.js";

/**
 * The zod schema of an amount of money: a decimal string (`"1234.56"`) or a finite number in
 * the input, a {@link Money} in the output. Use it in every engine schema for amounts.
 *
 * @example
 * ```ts
 * moneySchema.parse("289.00").toString(); // => "289"
 * ```
 * @category Validation
 */
export const moneySchema = z
  .union([z.string(), z.number(), z.custom<Money>((v) => v instanceof Money)])
  .transform((value, ctx) => {
    try {
      return Money.of(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: isDistrictKitError(error) ? error.issues[0]!.message : "expected an amount", input: value });
      return z.NEVER;
    }
  })
  .describe("An amount of money as a decimal string, e.g. \"1234.56\"");

/**
 * The zod schema of an amount that must not be negative.
 *
 * @example
 * ```ts
 * nonNegativeMoneySchema.safeParse("-1").success; // => false
 * ```
 * @category Validation
 */
export const nonNegativeMoneySchema = moneySchema.refine((m) => !m.isNegative(), { error: "expected an amount ≥ 0" });

/**
 * The zod schema of a rate as a fraction (`0.03` or `"0.03"` is 3 %), above −100 %.
 *
 * @example
 * ```ts
 * rateSchema.parse(0.03).toPercentString(); // => "3%"
 * ```
 * @category Validation
 */
export const rateSchema = z
  .union([z.string(), z.number(), z.custom<Rate>((v) => v instanceof Rate)])
  .transform((value, ctx) => {
    try {
      return Rate.of(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: isDistrictKitError(error) ? error.issues[0]!.message : "expected a rate", input: value });
      return z.NEVER;
    }
  })
  .describe("A rate as a fraction, e.g. 0.03 for 3%");

/**
 * The zod schema of a fiscal year number (a whole number 1000–9998).
 *
 * @example
 * ```ts
 * fiscalYearSchema.parse(2027); // => 2027
 * ```
 * @category Validation
 */
export const fiscalYearSchema = z.number().int().min(1000).max(9998).describe("A fiscal year, named by its calendar's convention");

/**
 * The zod schema of a probability or share in [0, 1].
 *
 * @example
 * ```ts
 * probabilitySchema.safeParse(1.2).success; // => false
 * ```
 * @category Validation
 */
export const probabilitySchema = z.number().min(0).max(1);
