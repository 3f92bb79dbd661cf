import { Dec, Money, moneySchema, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

const rateSchema = z.number().gt(-0.99).max(10);

function discount(amount: Money, rate: number, t: number): Money {
  return amount.divide(new Dec(1 + rate).pow(t));
}

/**
 * Excel's `NPV(rate, v₁…v_k) = Σ v_i/(1+rate)^i`: the FIRST value is already discounted one
 * period. A flow at time 0 is added outside: `PV = v₀ + NPV(rate, v₁…)`. Unrounded.
 *
 * @param rate - the discount rate per period (> −0.99)
 * @param values - the flows at the end of periods 1…k
 * @returns the present value
 * @throws DistrictKitError for a bad rate or amount
 * @example
 * ```ts
 * npv(0.1, ["-10000", "3000", "4200", "6800"]).toFixed(2); // => "1188.44"
 * ```
 * @category Lease vs buy
 */
export function npv(rate: number, values: readonly unknown[]): Money {
  const r = parseInput(rateSchema, rate, ["rate"]);
  const vs = parseInput(z.array(moneySchema), values, ["values"]);
  return Money.sum(vs.map((v, i) => discount(v, r, i + 1)));
}

/**
 * Input of {@link compareLeaseVsBuy} (amounts per device).
 *
 * @example
 * ```ts
 * leaseVsBuyInputSchema.parse({ units: 1, purchasePrice: "329", years: 4, discountRate: 0.03, leasePayments: ["90", "90", "90", "90"] }).residualValue.toString(); // => "0"
 * ```
 * @category Lease vs buy
 */
export const leaseVsBuyInputSchema = z.object({
  units: z.number().int().min(1).max(10_000_000),
  purchasePrice: nonNegativeMoneySchema,
  years: z.number().int().min(1).max(30),
  discountRate: rateSchema,
  /** Lease payments per year, paid in advance (at t = 0 … n − 1). */
  leasePayments: z.array(nonNegativeMoneySchema).min(1),
  /** Resale or buyback value at the end (R_n), for the bought device and for a bought-out leased one. */
  residualValue: nonNegativeMoneySchema.default(() => Money.ZERO),
  /** Buyout at the end of the lease (B, e.g. $1 per device); absent: the lessor takes the devices back. */
  buyout: nonNegativeMoneySchema.optional(),
});
/** Input of {@link compareLeaseVsBuy} as written by a caller. @category Lease vs buy */
export type LeaseVsBuyInput = z.input<typeof leaseVsBuyInputSchema>;

/**
 * Lease vs buy, for all units.
 *
 * @category Lease vs buy
 */
export interface LeaseVsBuyResult {
  /** `P₀ − R_n/(1+r)^n`, × units. */
  readonly presentValueBuy: Money;
  /** `Σ L_t/(1+r)^t [+ B/(1+r)^n − R_n/(1+r)^n]`, × units. */
  readonly presentValueLease: Money;
  readonly cheaper: "buy" | "lease" | "equal";
  /** PV_lease − PV_buy (positive: buying is cheaper). */
  readonly difference: Money;
  /** The rate where both are equal (null when none in (−99 %, 1000 %)). */
  readonly breakEvenRate: number | null;
  readonly totals: { readonly buyCash: Money; readonly leaseCash: Money };
  readonly explanation: string;
}

/**
 * Compares leasing with buying devices by present value (Excel's convention: a purchase and
 * lease payments in advance sit at t = 0, outside NPV), with an optional end-of-lease buyout
 * and resale, and the break-even discount rate (1-D root).
 *
 * @param input - see {@link leaseVsBuyInputSchema}
 * @returns both present values, the cheaper option, the break-even rate and cash totals
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const r = compareLeaseVsBuy({ units: 100, purchasePrice: "329", years: 4, discountRate: 0.03, leasePayments: ["90", "90", "90", "90"], buyout: "1", residualValue: "40" });
 * r.cheaper; // => "buy"
 * r.presentValueBuy.roundToCents().toString(); // => "29346.05"
 * ```
 * @category Lease vs buy
 */
export function compareLeaseVsBuy(input: unknown): LeaseVsBuyResult {
  const d = parseInput(leaseVsBuyInputSchema, input);
  const n = d.years;
  const pvBuy = (r: number): Money => d.purchasePrice.subtract(discount(d.residualValue, r, n)).multiply(d.units);
  const pvLease = (r: number): Money => {
    let pv = Money.sum(d.leasePayments.map((l, t) => discount(l, r, t)));
    if (d.buyout) pv = pv.add(discount(d.buyout, r, n)).subtract(discount(d.residualValue, r, n));
    return pv.multiply(d.units);
  };
  const buy = pvBuy(d.discountRate);
  const lease = pvLease(d.discountRate);
  const diff = lease.subtract(buy);
  const f = (r: number): number => pvLease(r).subtract(pvBuy(r)).toNumber();
  let breakEven: number | null = null;
  // scan for a sign change, then bisect
  const grid = [-0.9, -0.5, -0.2, -0.1, 0, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
  for (let i = 0; i + 1 < grid.length && breakEven === null; i++) {
    let a = grid[i]!;
    let b = grid[i + 1]!;
    let fa = f(a);
    const fb = f(b);
    if (fa === 0) breakEven = a;
    else if (fa * fb < 0) {
      for (let k = 0; k < 60; k++) {
        const m = (a + b) / 2;
        const fm = f(m);
        if (fa * fm <= 0) b = m;
        else {
          a = m;
          fa = fm;
        }
      }
      breakEven = (a + b) / 2;
    }
  }
  const cheaper = diff.isZero() ? "equal" : diff.isPositive() ? "buy" : "lease";
  const buyCash = d.purchasePrice.subtract(d.residualValue).multiply(d.units);
  const leaseCash = Money.sum(d.leasePayments)
    .add(d.buyout ? d.buyout.subtract(d.residualValue) : Money.ZERO)
    .multiply(d.units);
  return {
    presentValueBuy: buy,
    presentValueLease: lease,
    cheaper,
    difference: diff,
    breakEvenRate: breakEven,
    totals: { buyCash, leaseCash },
    explanation: `At ${(d.discountRate * 100).toFixed(2)} %, buying costs ${buy.roundToCents().format()} and leasing ${lease.roundToCents().format()} in present value for ${d.units} devices over ${n} years: ${cheaper === "equal" ? "the same" : `${cheaper} is cheaper by ${diff.abs().roundToCents().format()}`}${breakEven !== null ? `; they are equal at a discount rate of ${(breakEven * 100).toFixed(2)} %` : ""}.`,
  };
}
