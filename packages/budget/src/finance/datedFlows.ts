import { Dec, DistrictKitError, daysBetween, isoDateSchema, type Money, type MoneyInput, moneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { periodRate, result } from "./internal/args.js";
import { signChanges, solveRate } from "./internal/solve.js";
import { bothSigns, solution } from "./netPresentValue.js";
import type { RateSolution } from "./rateSolution.js";

const dated = z.object({ values: z.array(moneySchema).min(1).max(100_000), dates: z.array(isoDateSchema).min(1).max(100_000) }).superRefine((a, ctx) => {
  if (a.values.length !== a.dates.length) ctx.addIssue({ code: "custom", path: ["dates"], message: `expected one date per value (${a.values.length}), got ${a.dates.length}` });
  a.dates.forEach((d, i) => {
    if (i > 0 && d < a.dates[0]!) ctx.addIssue({ code: "custom", path: ["dates", i], message: `expected a date on or after the first date ${a.dates[0]} (Excel's rule), got ${d}` });
  });
});

const xnpvArgs = z.object({ rate: periodRate }).and(dated);
const xirrArgs = dated.and(z.object({ guess: z.number().finite().gt(-1).max(1e6).default(0.1) })).superRefine((a, ctx) => {
  if (a.values.length < 2) ctx.addIssue({ code: "custom", path: ["values"], message: "expected at least two values" });
  bothSigns(a.values, ctx, ["values"]);
});

/** @internal Σ v_i / (1 + r)^(days_i / 365), exact. */
function xnpvDec(r: Dec, values: readonly Money[], years: readonly Dec[]): Dec {
  const base = r.plus(1);
  let total = new Dec(0);
  values.forEach((v, i) => {
    total = total.plus(v.toDecimal().div(base.pow(years[i]!)));
  });
  return total;
}

/**
 * Excel's `XNPV`: the present value of flows on given dates, `Σ v_i / (1 + rate)^((d_i − d_1)/365)`
 * — the first date is "now", days are calendar days, a year is 365 days. Exact decimals (a
 * fractional power to 34 digits), not rounded.
 *
 * @param rate - the annual discount rate (a fraction above −1)
 * @param values - the flows
 * @param dates - their dates (ISO `YYYY-MM-DD`), none before the first
 * @returns the present value at the first date
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's XNPV example
 * xnpv(0.09, [-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).roundToCents().toString(); // => "2086.65"
 * ```
 * @category Financial functions
 */
export function xnpv(rate: number | string, values: readonly MoneyInput[], dates: readonly string[]): Money {
  const a = parseInput(xnpvArgs, { rate, values, dates });
  const years = a.dates.map((d) => new Dec(daysBetween(d, a.dates[0]!)).div(365));
  return result(xnpvDec(a.rate, a.values, years), "XNPV");
}

/**
 * Excel's `XIRR`: the annual rate at which flows on given dates have an XNPV of zero (see
 * {@link xnpv} for the day count). Solved as {@link irr} is — Newton's method from the guess,
 * a bisection on a grid of rates when it fails — and the result says which, with the exact
 * XNPV at the rate found (≈ 0).
 *
 * @param values - the flows, at least one negative and one positive
 * @param dates - their dates (ISO `YYYY-MM-DD`), none before the first
 * @param guess - where Newton's method starts (default 0.1, as Excel)
 * @returns the rate and how it was found
 * @throws DistrictKitError `INVALID_INPUT` for invalid flows or dates; `INFEASIBLE` when no rate above −100 % makes the XNPV zero
 * @example
 * ```ts
 * // Microsoft's XIRR example
 * xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).rate.toFixed(6); // => "0.373363"
 * ```
 * @category Financial functions
 */
export function xirr(values: readonly MoneyInput[], dates: readonly string[], guess?: number): RateSolution {
  const a = parseInput(xirrArgs, { values, dates, guess });
  const days = a.dates.map((d) => daysBetween(d, a.dates[0]!));
  const floats = a.values.map((v) => v.toNumber());
  const solved = solveRate(
    floats,
    days.map((d) => d / 365),
    a.guess,
  );
  if (solved === null) {
    throw new DistrictKitError("INFEASIBLE", [
      { path: ["values"], code: "no_rate", message: "no rate above −100 % makes the XNPV of these flows zero (it does not change sign between −99.9 % and 1,000,000 %), so they have no XIRR" },
    ]);
  }
  const residual = result(
    xnpvDec(
      new Dec(solved.rate),
      a.values,
      days.map((d) => new Dec(d).div(365)),
    ),
    "the XNPV at the XIRR",
  );
  return solution(solved, residual, signChanges(floats), "XIRR", "a year", a.guess);
}
