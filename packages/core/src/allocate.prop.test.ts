import fc from "fast-check";
import { describe, it } from "vitest";
import { type AllocationMethod, allocate } from "./allocate.js";
import { Dec } from "./decimal.js";
import { Money } from "./money.js";

const weightsArb = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
const totalArb = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => Money.fromCents(c));
const methodArb = fc.constantFrom<AllocationMethod>("largest-remainder", "sequential", "largest-ratio");

describe("allocate properties (INVARIANTS.md core)", () => {
  it("parts add up exactly to the total", () => {
    fc.assert(fc.property(totalArb, weightsArb, methodArb, (t, w, method) => Money.sum(allocate(t, w, { method })).equals(t)));
  });

  // Strictly less than a cent for the default (largest remainder). The sequential and
  // largest-ratio orders can hand a leftover cent to a part whose share was already whole, so
  // for them the bound is "at most one cent" (as in moneyphp and dinero.js).
  it("each part is within one cent of its exact share", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, methodArb, (t, w, method) => {
        const sum = w.reduce((a, b) => a + b, 0);
        return allocate(t, w, { method }).every((p, i) => {
          const exact = t.toDecimal().times(w[i]!).div(sum);
          const gap = p.toDecimal().minus(exact).abs();
          return method === "largest-remainder" ? gap.lt(new Dec("0.01")) : gap.lte(new Dec("0.01"));
        });
      }),
    );
  });

  it("equal weights give parts differing by at most one cent; zero weights get zero", () => {
    fc.assert(
      fc.property(totalArb, fc.integer({ min: 1, max: 20 }), (t, n) => {
        const parts = allocate(
          t,
          Array.from({ length: n }, () => 1),
        ).map((p) => p.toCents());
        return Math.max(...parts) - Math.min(...parts) <= 1;
      }),
    );
    fc.assert(fc.property(totalArb, weightsArb, (t, w) => allocate(t, w).every((p, i) => w[i]! > 0 || p.isZero())));
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(totalArb, weightsArb, methodArb, (t, w, method) => {
        const a = allocate(t, w, { method }).map(String);
        const b = allocate(t, w, { method }).map(String);
        return a.join() === b.join();
      }),
    );
  });
});
