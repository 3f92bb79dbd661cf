import type { Money } from "@districtkit/core";

/**
 * A rate found by {@link irr} or {@link xirr}, with how it was found.
 *
 * @category Financial functions
 */
export interface RateSolution {
  /** The rate, a fraction (`0.0866` = 8.66 %): per period for IRR, per 365-day year for XIRR. */
  readonly rate: number;
  /** The exact NPV (IRR) or XNPV (XIRR) of the flows at `rate`: the residual, close to zero. */
  readonly npvAtRate: Money;
  /** `newton` (Newton's method from the guess, as Excel) or `bisection` (a sign change found on a grid of rates, halved). */
  readonly method: "newton" | "bisection";
  /** Steps the method took. */
  readonly iterations: number;
  /** How many times the flows change sign: more than 1 means more than one rate may make the NPV zero. */
  readonly signChanges: number;
  /** One sentence. */
  readonly explanation: string;
}
