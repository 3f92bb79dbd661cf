import { Money, type MoneyInput, parseInput } from "@districtkit/core";
import { z } from "zod";
import { amount, optionalAmount, paymentType, periodRate, periods, result } from "./internal/args.js";
import { fvDec, pmtDec } from "./timeValue.js";

const perArgs = z
  .object({ rate: periodRate, per: z.number().int().min(1), nper: periods.gt(0, { error: "expected a number of payments above 0" }), pv: amount, fv: optionalAmount, type: paymentType })
  .refine((a) => a.per <= a.nper, { path: ["per"], error: (issue) => `expected a payment number from 1 to nper, got ${(issue.input as { per?: unknown }).per}` });

/** The interest part of payment `per` (Excel's IPMT), in decimals, and the whole payment. */
function split(rate: number | string, per: number, nper: number, pv: MoneyInput, fv: MoneyInput | undefined, type: 0 | 1 | undefined) {
  const a = parseInput(perArgs, { rate, per, nper, pv, fv, type });
  const r = a.rate;
  const f = a.fv === undefined ? Money.ZERO.toDecimal() : a.fv.toDecimal();
  const payment = pmtDec(r, a.nper, a.pv.toDecimal(), f, a.type);
  let interest: ReturnType<typeof fvDec>;
  if (a.type === 0) {
    // interest accrued in period `per` on the balance left after per − 1 payments
    interest = fvDec(r, a.per - 1, payment, a.pv.toDecimal(), 0).times(r);
  } else if (a.per === 1) {
    // the first payment in advance is made before any interest accrues
    interest = r.times(0);
  } else {
    // a payment at the start of period `per` pays the interest of period per − 1, accrued on the
    // balance left after payment per − 1
    interest = fvDec(r, a.per - 2, payment, a.pv.toDecimal(), 1)
      .minus(payment)
      .times(r);
  }
  return { payment, interest };
}

/**
 * Excel's `IPMT`: the interest part of payment number `per` of a loan or annuity paid by
 * {@link pmt}. With payments at the end of periods, the interest of period `per` on the balance
 * left after `per − 1` payments; with payments at the beginning (`type` 1), payment 1 holds no
 * interest and payment `per` pays the interest of period `per − 1` (as Excel and LibreOffice).
 * Excel's signs (a loan received gives negative interest); exact decimals.
 *
 * @param rate - interest rate per period (a fraction above −1)
 * @param per - the payment, 1…nper
 * @param nper - number of payments (> 0)
 * @param pv - present value
 * @param fv - future value after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the interest part of that payment
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument (`per` outside 1…nper too)
 * @example
 * ```ts
 * // Microsoft's IPMT examples: $8,000 at 10 % a year over 3 years
 * ipmt(0.1 / 12, 1, 3 * 12, 8000).roundToCents().toString(); // => "-66.67"
 * ipmt(0.1, 3, 3, 8000).roundToCents().toString(); // => "-292.45"
 * ```
 * @category Financial functions
 */
export function ipmt(rate: number | string, per: number, nper: number, pv: MoneyInput, fv?: MoneyInput, type?: 0 | 1): Money {
  return result(split(rate, per, nper, pv, fv, type).interest, "IPMT");
}

/**
 * Excel's `PPMT`: the principal part of payment number `per`: `PMT − IPMT` (see {@link ipmt} for
 * the conventions). With payments at the end of periods the principal parts of all payments add
 * up to `−(pv + fv)` — for a loan repaid to zero, to `−pv`. Exact decimals.
 *
 * @param rate - interest rate per period (a fraction above −1)
 * @param per - the payment, 1…nper
 * @param nper - number of payments (> 0)
 * @param pv - present value
 * @param fv - future value after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the principal part of that payment
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's PPMT examples
 * ppmt(0.1 / 12, 1, 2 * 12, 2000).roundToCents().toString(); // => "-75.62"
 * ppmt(0.08, 10, 10, 200000).roundToCents().toString(); // => "-27598.05"
 * ```
 * @category Financial functions
 */
export function ppmt(rate: number | string, per: number, nper: number, pv: MoneyInput, fv?: MoneyInput, type?: 0 | 1): Money {
  const s = split(rate, per, nper, pv, fv, type);
  return result(s.payment.minus(s.interest), "PPMT");
}
