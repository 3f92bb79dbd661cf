import { Dec, DistrictKitError, Money, moneySchema, rateSchema } from "@districtkit/core";
import { z } from "zod";

/** @internal A rate per period as a fraction above −100 % (`0.05` or `"0.05"`), read exactly as a decimal. */
export const periodRate = rateSchema.transform((r) => r.toDecimal());

/** @internal Excel's `type`: 0 = payments at the end of each period (the default), 1 = at the beginning. */
export const paymentType = z.union([z.literal(0), z.literal(1)], { error: "expected 0 (payments at the end of each period) or 1 (at the beginning)" }).default(0);

/** @internal A number of periods ≥ 0 (Excel allows a fraction). */
export const periods = z.number({ error: "expected a number of periods" }).finite().min(0, { error: "expected a number of periods ≥ 0" }).max(100_000);

/** @internal An amount (a decimal string, a number or a Money), absent = 0. */
export const amount = moneySchema;

/** @internal An amount that defaults to 0. */
export const optionalAmount = moneySchema.optional();

/** @internal `(1 + r)^n`, exact to 34 significant digits. */
export function growth(r: Dec, n: Dec | number): Dec {
  return r.plus(1).pow(n);
}

const LIMIT = new Dec("1e15");

/** @internal The result as Money, or a DistrictKitError naming the function when it is beyond what an amount holds (±1e15). */
export function result(d: Dec, name: string): Money {
  if (d.abs().gt(LIMIT)) {
    throw new DistrictKitError("INVALID_ARGUMENT", [
      { path: [], code: "out_of_range", message: `${name} is ${d.toSignificantDigits(4).toExponential()}, beyond the ±1e15 an amount can hold: check the rate per period and the number of periods` },
    ]);
  }
  return Money.of(d);
}
