import { Dec, type Money, type MoneyInput, parseInput } from "@districtkit/core";
import { z } from "zod";
import { amount, growth, optionalAmount, paymentType, periodRate, periods, result } from "./internal/args.js";

// The time-value-of-money equation behind Excel's PV, FV and PMT (one equation, solved for each
// of its unknowns): with q = (1 + rate)^nper,
//   pv·q + pmt·(1 + rate·type)·(q − 1)/rate + fv = 0      (rate ≠ 0)
//   pv + pmt·nper + fv = 0                                 (rate = 0)
// Money paid out is negative, money received positive (Excel's sign convention). Computed in
// 34-digit decimals; the result is not rounded (round a booked amount with `roundToCents()`).

/** @internal FV of the equation, in decimals. */
export function fvDec(r: Dec, n: Dec | number, pmt: Dec, pv: Dec, type: 0 | 1): Dec {
  if (r.isZero()) return pv.plus(pmt.times(n)).negated();
  const q = growth(r, n);
  return pv
    .times(q)
    .plus(pmt.times(r.times(type).plus(1)).times(q.minus(1)).div(r))
    .negated();
}

/** @internal PMT of the equation, in decimals (n > 0). */
export function pmtDec(r: Dec, n: Dec | number, pv: Dec, fv: Dec, type: 0 | 1): Dec {
  if (r.isZero()) return pv.plus(fv).div(n).negated();
  const q = growth(r, n);
  return fv
    .plus(pv.times(q))
    .times(r)
    .div(r.times(type).plus(1).times(q.minus(1)))
    .negated();
}

const pmtArgs = z.object({ rate: periodRate, nper: periods.gt(0, { error: "expected a number of payments above 0" }), pv: amount, fv: optionalAmount, type: paymentType });
const pvArgs = z.object({ rate: periodRate, nper: periods, pmt: amount, fv: optionalAmount, type: paymentType });
const fvArgs = z.object({ rate: periodRate, nper: periods, pmt: amount, pv: optionalAmount, type: paymentType });

const dec = (m: Money | undefined): Dec => (m === undefined ? new Dec(0) : m.toDecimal());

/**
 * Excel's `PMT`: the payment per period of a loan or an annuity with a constant rate,
 * `−(fv + pv·q)·rate / ((1 + rate·type)·(q − 1))` with `q = (1 + rate)^nper` (`−(pv + fv)/nper`
 * at a zero rate). Excel's signs: a loan received (positive `pv`) gives a negative payment.
 * Exact decimals, not rounded.
 *
 * @param rate - interest rate per period (a fraction above −1: `0.08 / 12` for 8 % a year paid monthly)
 * @param nper - number of payments (> 0; Excel allows a fraction)
 * @param pv - present value (what the loan is worth now)
 * @param fv - future value after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the payment per period
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's PMT example: $10,000 at 8 % a year over 10 months
 * pmt(0.08 / 12, 10, 10000).roundToCents().toString(); // => "-1037.03"
 * pmt(0.08 / 12, 10, 10000, 0, 1).roundToCents().toString(); // => "-1030.16"
 * ```
 * @category Financial functions
 */
export function pmt(rate: number | string, nper: number, pv: MoneyInput, fv?: MoneyInput, type?: 0 | 1): Money {
  const a = parseInput(pmtArgs, { rate, nper, pv, fv, type });
  return result(pmtDec(a.rate, a.nper, a.pv.toDecimal(), dec(a.fv), a.type), "PMT");
}

/**
 * Excel's `PV`: what a series of equal payments (and a final `fv`) is worth now,
 * `−(fv + pmt·(1 + rate·type)·(q − 1)/rate) / q` with `q = (1 + rate)^nper` (`−(fv + pmt·nper)`
 * at a zero rate). Payments made (negative) give a positive present value. Exact decimals.
 *
 * @param rate - interest rate per period (a fraction above −1)
 * @param nper - number of periods (≥ 0)
 * @param pmt - the payment each period
 * @param fv - future value after the last payment (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the present value
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's PV example: an annuity paying $500 a month for 20 years at 8 % a year
 * pv(0.08 / 12, 12 * 20, 500).roundToCents().toString(); // => "-59777.15"
 * ```
 * @category Financial functions
 */
export function pv(rate: number | string, nper: number, pmt: MoneyInput, fv?: MoneyInput, type?: 0 | 1): Money {
  const a = parseInput(pvArgs, { rate, nper, pmt, fv, type });
  const r = a.rate;
  const f = dec(a.fv);
  const p = a.pmt.toDecimal();
  if (r.isZero()) return result(f.plus(p.times(a.nper)).negated(), "PV");
  const q = growth(r, a.nper);
  return result(
    f
      .plus(p.times(r.times(a.type).plus(1)).times(q.minus(1)).div(r))
      .div(q)
      .negated(),
    "PV",
  );
}

/**
 * Excel's `FV`: the value after `nper` periods of a present value and equal payments,
 * `−(pv·q + pmt·(1 + rate·type)·(q − 1)/rate)` with `q = (1 + rate)^nper` (`−(pv + pmt·nper)` at
 * a zero rate). Money paid in (negative) grows into a positive future value. Exact decimals.
 *
 * @param rate - interest rate per period (a fraction above −1)
 * @param nper - number of periods (≥ 0)
 * @param pmt - the payment each period
 * @param pv - the present value (default 0)
 * @param type - 0: payments at the end of each period (default), 1: at the beginning
 * @returns the future value
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's FV example: $500 now and $200 at the start of each month for 10 months at 6 % a year
 * fv(0.06 / 12, 10, -200, -500, 1).roundToCents().toString(); // => "2581.4"
 * ```
 * @category Financial functions
 */
export function fv(rate: number | string, nper: number, pmt: MoneyInput, pv?: MoneyInput, type?: 0 | 1): Money {
  const a = parseInput(fvArgs, { rate, nper, pmt, pv, type });
  return result(fvDec(a.rate, a.nper, a.pmt.toDecimal(), dec(a.pv), a.type), "FV");
}
