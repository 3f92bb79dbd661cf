import fc from "fast-check";
import { describe, it } from "vitest";
import { moneyArb } from "../test/arbitraries.js";
import { escalate, Rate } from "./rate.js";

const rateArb = fc.integer({ min: -500, max: 2000 }).map((bp) => Rate.of((bp / 10000).toFixed(4)));

describe("escalator properties (INVARIANTS.md core)", () => {
  it("n years then m years at rate r equals n + m years at r (each-year rounding)", () => {
    fc.assert(
      fc.property(moneyArb(1_000_000_00), rateArb, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 }), (a, r, n, m) => {
        const first = escalate(a, r, n);
        const then = escalate(first[n - 1]!, r, m);
        const whole = escalate(a, r, n + m);
        return then[m - 1]!.equals(whole[n + m - 1]!);
      }),
    );
  });

  it("n then m equals n + m when rounding only at the end (exact growth)", () => {
    fc.assert(
      fc.property(moneyArb(1_000_000_00), rateArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (a, r, n, m) => {
        const exactN = a.multiply(r.growthFactor().pow(n));
        const twoStep = exactN.multiply(r.growthFactor().pow(m)).roundToCents();
        const direct = a.multiply(r.growthFactor().pow(n + m)).roundToCents();
        const viaApi = n + m === 0 ? a : escalate(a, r, n + m, { rounding: "at-end" })[n + m - 1]!;
        return twoStep.equals(direct) && viaApi.equals(direct);
      }),
    );
  });
});
