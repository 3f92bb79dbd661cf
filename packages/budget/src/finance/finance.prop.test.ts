import { addDaysIso, Dec, DistrictKitError, Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xirr, xnpv } from "./datedFlows.js";
import { ipmt, ppmt } from "./interestPrincipal.js";
import { irr, npv } from "./netPresentValue.js";
import { fv, pmt, pv } from "./timeValue.js";

// rates as whole basis points (−50 % … 50 %), amounts as integer cents (never fc.double)
/** Runs a property body; a result beyond ±1e15 (which the functions refuse, with their name) skips the case. */
function inRange(body: () => void): void {
  try {
    body();
  } catch (e) {
    if (e instanceof DistrictKitError && e.issues[0]?.code === "out_of_range") {
      fc.pre(false);
      return;
    }
    throw e;
  }
}

const rateArb = fc.integer({ min: -5000, max: 5000 }).map((bp) => bp / 10000);
const nperArb = fc.integer({ min: 1, max: 120 });
const centsArb = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((c) => Money.fromCents(c));
const typeArb = fc.constantFrom(0 as const, 1 as const);
/** |a − b| within 1e-28 of the size of the sums behind them (34 digits, less what cancellation costs). */
const close = (a: Money, b: Money, scale: Dec) => expect(a.subtract(b).abs().toDecimal().lte(scale.times("1e-28").plus("1e-28"))).toBe(true);
/** The size of the terms of the equation: (|pv| + |pmt|·nper + |fv|) × the largest growth factor. */
const size = (rate: number, nper: number, ...amounts: Money[]) => {
  const q = new Dec(1 + Math.abs(rate)).pow(nper);
  return amounts
    .reduce((s, m) => s.plus(m.abs().toDecimal()), new Dec(0))
    .times(nper)
    .times(Dec.max(q, new Dec(1).div(new Dec(1 - Math.abs(rate)).pow(nper))));
};

describe("time value of money: PV, FV and PMT solve one equation", () => {
  it("FV of PV's value is the fv asked for, and PV of FV's value is the pv given (to 28 digits of the equation's terms)", () => {
    fc.assert(
      fc.property(rateArb, nperArb, centsArb, centsArb, typeArb, (rate, nper, payment, target, type) => {
        inRange(() => {
          const present = pv(rate, nper, payment, target, type);
          const scale = size(rate, nper, payment, target, present);
          close(fv(rate, nper, payment, present, type), target, scale);
          close(pv(rate, nper, payment, fv(rate, nper, payment, present, type), type), present, scale);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("the PMT that takes pv to fv, put back into FV and PV, gives fv and pv", () => {
    fc.assert(
      fc.property(rateArb, nperArb, centsArb, centsArb, typeArb, (rate, nper, present, future, type) => {
        inRange(() => {
          const payment = pmt(rate, nper, present, future, type);
          const scale = size(rate, nper, payment, future, present);
          close(fv(rate, nper, payment, present, type), future, scale);
          close(pv(rate, nper, payment, future, type), present, scale);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("each payment is its interest plus its principal; with payments at the end the principal parts repay −(pv + fv)", () => {
    fc.assert(
      fc.property(rateArb, fc.integer({ min: 1, max: 24 }), centsArb, centsArb, typeArb, (rate, nper, present, future, type) => {
        inRange(() => {
          const payment = pmt(rate, nper, present, future, type);
          const scale = size(rate, nper, payment, future, present);
          let principal = Money.ZERO;
          for (let per = 1; per <= nper; per++) {
            const i = ipmt(rate, per, nper, present, future, type);
            const p = ppmt(rate, per, nper, present, future, type);
            close(i.add(p), payment, scale);
            principal = principal.add(p);
          }
          if (type === 0) close(principal, present.add(future).negate(), scale);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("at a zero rate, PMT is −(pv + fv)/nper and FV is −(pv + pmt·nper), whatever the payment time", () => {
    fc.assert(
      fc.property(nperArb, centsArb, centsArb, typeArb, (nper, present, future, type) => {
        expect(pmt(0, nper, present, future, type).equals(present.add(future).divide(nper).negate())).toBe(true);
        expect(fv(0, nper, future, present, type).equals(present.add(future.multiply(nper)).negate())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("IRR and XIRR", () => {
  // an outlay then incomes that repay it with something to spare: one sign change, one rate
  // (incomes between 0 and 3 times the outlay each, adding up to at least a fiftieth of it)
  const flowsArb = fc
    .tuple(fc.integer({ min: 100_00, max: 10_000_000_00 }), fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 15 }))
    .filter(([, shares]) => shares.reduce((a, b) => a + b, 0) >= 20)
    .map(([outlay, shares]) => [Money.fromCents(-outlay), ...shares.map((k) => Money.fromCents(Math.round((outlay * k) / 1000)))]);

  it("the NPV at the IRR is zero (to a millionth of the largest flow), and NPV changes sign across it", () => {
    fc.assert(
      fc.property(flowsArb, (values) => {
        const r = irr(values);
        const scale = Math.max(...values.map((v) => Math.abs(v.toNumber())));
        const at = (rate: number) => values[0]!.add(npv(rate, values.slice(1))).toNumber();
        expect(Math.abs(r.npvAtRate.toNumber())).toBeLessThanOrEqual(1e-6 * scale);
        expect(Math.abs(at(r.rate))).toBeLessThanOrEqual(1e-6 * scale);
        expect(r.signChanges).toBe(1);
        // one sign change: NPV falls through zero as the rate rises
        const step = Math.max(1e-6, Math.abs(r.rate) * 1e-6);
        if (r.rate - step > -1) expect(at(r.rate - step)).toBeGreaterThan(at(r.rate + step));
      }),
      { numRuns: 200 },
    );
  });

  it("XIRR on flows exactly 365 days apart is IRR, and XNPV on them is v₀ + NPV", () => {
    fc.assert(
      fc.property(flowsArb, rateArb, (values, rate) => {
        const dates = values.map((_, i) => addDaysIso("2001-03-01", 365 * i));
        expect(Math.abs(xirr(values, dates).rate - irr(values).rate)).toBeLessThan(1e-9);
        close(xnpv(rate, values, dates), values[0]!.add(npv(rate, values.slice(1))), size(rate, values.length, ...values));
      }),
      { numRuns: 100 },
    );
  });
});
