import { Dec, DistrictKitError, Money, type MoneyInput, moneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { periodRate, result } from "./internal/args.js";
import { signChanges, solveRate } from "./internal/solve.js";
import type { RateSolution } from "./rateSolution.js";

/** @internal Σ v_i / (1 + r)^i for i = 1…n (Excel's NPV), exact. */
export function npvDec(r: Dec, values: readonly Money[]): Dec {
  const base = r.plus(1);
  let total = new Dec(0);
  let factor = new Dec(1);
  for (const v of values) {
    factor = factor.times(base);
    total = total.plus(v.toDecimal().div(factor));
  }
  return total;
}

const flows = z.array(moneySchema).min(1).max(100_000);

/** @internal Needs money out and money in, as Excel's IRR and XIRR do. */
export function bothSigns(values: readonly Money[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  if (!values.some((v) => v.isPositive()) || !values.some((v) => v.isNegative())) {
    ctx.addIssue({ code: "custom", path, message: "expected at least one negative and one positive value (money out and money in): without both no rate makes the NPV zero" });
  }
}

const npvArgs = z.object({ rate: periodRate, values: flows });
const irrArgs = z.object({ values: flows.min(2), guess: z.number().finite().gt(-1).max(1e6).default(0.1) }).superRefine((a, ctx) => bothSigns(a.values, ctx, ["values"]));

/**
 * Excel's `NPV`: `Σ v_i / (1 + rate)^i` for i = 1…n — the FIRST value is already discounted one
 * period; add a flow at time 0 outside (`v₀ + npv(rate, [v₁…])`). Exact decimals, not rounded.
 * The same function as `@districtkit/lifecycle`'s `npv`, kept here beside {@link irr}.
 *
 * @param rate - discount rate per period (a fraction above −1)
 * @param values - the flows at the ends of periods 1…n
 * @returns the present value
 * @throws DistrictKitError (`INVALID_INPUT`) listing every invalid argument
 * @example
 * ```ts
 * // Microsoft's NPV example: a $10,000 investment a year from now, then $3,000, $4,200 and $6,800
 * npv(0.1, [-10000, 3000, 4200, 6800]).roundToCents().toString(); // => "1188.44"
 * ```
 * @category Financial functions
 */
export function npv(rate: number | string, values: readonly MoneyInput[]): Money {
  const a = parseInput(npvArgs, { rate, values });
  return result(npvDec(a.rate, a.values), "NPV");
}

/**
 * Excel's `IRR`: the rate per period at which the flows' NPV is zero, flows at times 0, 1, …, n
 * (`Σ v_i / (1 + r)^i = 0`, the first flow undiscounted). Found by Newton's method from the
 * guess, as Excel does, with a bisection on a grid of rates when Newton fails; the result says
 * which, with the exact NPV at the rate found (≈ 0). Flows that change sign more than once may
 * have several rates: the result counts the sign changes, and another guess may find another.
 *
 * @param values - the flows, at least one negative and one positive (the first at time 0)
 * @param guess - where Newton's method starts (default 0.1, as Excel)
 * @returns the rate and how it was found
 * @throws DistrictKitError `INVALID_INPUT` for invalid flows (fewer than two, or all of one sign); `INFEASIBLE` when no rate above −100 % makes the NPV zero
 * @example
 * ```ts
 * // Microsoft's IRR example: −$70,000 now, then five years of income
 * const r = irr([-70000, 12000, 15000, 18000, 21000, 26000]);
 * r.rate.toFixed(4); // => "0.0866"
 * irr([-70000, 12000, 15000, 18000, 21000]).rate.toFixed(4); // => "-0.0212"
 * irr([-70000, 12000, 15000], -0.1).rate.toFixed(4); // => "-0.4435"
 * irr([-100, 150, -60]); // throws
 * ```
 * @category Financial functions
 */
export function irr(values: readonly MoneyInput[], guess?: number): RateSolution {
  const a = parseInput(irrArgs, { values, guess });
  const floats = a.values.map((v) => v.toNumber());
  const times = floats.map((_, i) => i);
  const solved = solveRate(floats, times, a.guess);
  const changes = signChanges(floats);
  if (solved === null) {
    throw new DistrictKitError("INFEASIBLE", [
      { path: ["values"], code: "no_rate", message: "no rate above −100 % makes the NPV of these flows zero (it does not change sign between −99.9 % and 1,000,000 %), so they have no IRR" },
    ]);
  }
  const residual = result(a.values[0]!.toDecimal().plus(npvDec(new Dec(solved.rate), a.values.slice(1))), "the NPV at the IRR");
  return solution(solved, residual, changes, "IRR", "a period", a.guess);
}

/** @internal The result and its sentence. */
export function solution(solved: { rate: number; method: "newton" | "bisection"; iterations: number }, residual: Money, changes: number, name: string, per: string, guess: number): RateSolution {
  const pct = (x: number) => `${(x * 100).toFixed(4).replace(/\.?0+$/, "")} %`;
  return {
    rate: solved.rate,
    npvAtRate: residual,
    method: solved.method,
    iterations: solved.iterations,
    signChanges: changes,
    explanation:
      `${name} ${pct(solved.rate)} ${per} (${solved.method === "newton" ? `Newton's method from the guess ${pct(guess)}` : "a change of sign found on a grid of rates, then halved"}, ${solved.iterations} step${solved.iterations === 1 ? "" : "s"}; ` +
      `the ${name === "IRR" ? "NPV" : "XNPV"} at that rate is ${(residual.roundToCents().isZero() ? Money.ZERO : residual.roundToCents()).format()}). ` +
      (changes <= 1 ? "The flows change sign once, so no other rate makes it zero." : `The flows change sign ${changes} times, so other rates may make it zero too; another guess may find them.`),
  };
}
