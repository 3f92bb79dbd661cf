import { DistrictKitError, type Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { xirr, xnpv } from "./datedFlows.js";
import { ipmt, ppmt } from "./interestPrincipal.js";
import { irr, npv } from "./netPresentValue.js";
import { fv, pmt, pv } from "./timeValue.js";

const cents = (m: Money) => m.roundToCents().toString();

function failure(f: () => unknown): DistrictKitError {
  try {
    f();
  } catch (e) {
    if (e instanceof DistrictKitError) return e;
    throw e;
  }
  throw new Error("nothing was thrown");
}

// Published examples of Microsoft Support's function pages ("PMT function", "PV function",
// "FV function", "IPMT function", "PPMT function", "NPV function", "IRR function", "XNPV function",
// "XIRR function" — https://support.microsoft.com/en-US/excel/functions/<name>-function), with the
// results those pages print (rounded to cents, or to the percent shown).
describe("Microsoft's published Excel examples", () => {
  it("PMT: $10,000 at 8 % over 10 months; a $50,000 savings goal over 18 years at 6 %", () => {
    expect(cents(pmt(0.08 / 12, 10, 10000))).toBe("-1037.03");
    expect(cents(pmt(0.08 / 12, 10, 10000, 0, 1))).toBe("-1030.16");
    expect(cents(pmt(0.06 / 12, 18 * 12, 0, 50000))).toBe("-129.08");
  });

  it("PV: $500 a month for 20 years at 8 % is worth $59,777.15 now", () => {
    expect(cents(pv(0.08 / 12, 12 * 20, 500, 0, 0))).toBe("-59777.15");
  });

  it("FV: the four examples", () => {
    expect(cents(fv(0.06 / 12, 10, -200, -500, 1))).toBe("2581.4");
    expect(cents(fv(0.12 / 12, 12, -1000))).toBe("12682.5");
    expect(cents(fv(0.11 / 12, 35, -2000, 0, 1))).toBe("82846.25");
    expect(cents(fv(0.06 / 12, 12, -100, -1000, 1))).toBe("2301.4");
  });

  it("IPMT: the first month's and the last year's interest on $8,000 at 10 %", () => {
    expect(cents(ipmt(0.1 / 12, 1, 3 * 12, 8000))).toBe("-66.67");
    expect(cents(ipmt(0.1, 3, 3, 8000))).toBe("-292.45");
  });

  it("PPMT: the first month's principal on $2,000 at 10 %; the last year's on $200,000 at 8 %", () => {
    expect(cents(ppmt(0.1 / 12, 1, 2 * 12, 2000))).toBe("-75.62");
    expect(cents(ppmt(0.08, 10, 10, 200000))).toBe("-27598.05");
  });

  it("NPV: $1,188.44 and, with the initial cost outside, $1,922.06 − $40,000 = −$3,749.47 (to the cent as printed)", () => {
    expect(cents(npv(0.1, [-10000, 3000, 4200, 6800]))).toBe("1188.44");
    expect(cents(npv(0.08, [8000, 9200, 10000, 12000, 14500]).add(-40000))).toBe("1922.06");
    expect(cents(npv(0.08, [8000, 9200, 10000, 12000, 14500, -9000]).add(-40000))).toBe("-3749.47");
  });

  it("IRR: −2.1 % after four years, 8.7 % after five, −44.4 % after two with a guess of −10 %", () => {
    const values = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(irr(values.slice(0, 5)).rate.toFixed(3)).toBe("-0.021");
    expect(irr(values).rate.toFixed(3)).toBe("0.087");
    expect(irr(values.slice(0, 3), -0.1).rate.toFixed(3)).toBe("-0.444");
  });

  it("XNPV 2,086.65 and XIRR 0.373362535 (the page prints 9 digits) on the same dated flows", () => {
    const values = [-10000, 2750, 4250, 3250, 2750];
    const dates = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"];
    expect(cents(xnpv(0.09, values, dates))).toBe("2086.65");
    expect(Math.abs(xirr(values, dates).rate - 0.373362535)).toBeLessThan(5e-9);
  });
});

describe("exact where Excel is exact", () => {
  it("keeps 34 significant digits and rounds nothing (round a booked amount yourself)", () => {
    // 50-digit reference (Python decimal): −103.27971564849679522331212777412465172978…
    expect(pmt("0.005", 12, 1200).toString()).toBe("-103.279715648496795223312127774124");
    expect(pmt(0, 3, 100).toString()).toBe("-33.33333333333333333333333333333333");
    expect(fv(0, 4, -25, -100).toString()).toBe("200");
  });

  it("reads a rate given as a decimal string exactly", () => {
    expect(pmt("0.1", 2, "1000").toString()).toBe(pmt(0.1, 2, 1000).toString());
    // 1000 × 1.03^10 exactly
    expect(fv("0.03", 10, 0, -1000).toString()).toBe("1343.91637934412192049");
  });
});

describe("Excel's argument conventions, validated", () => {
  it("lists every invalid argument with its name", () => {
    const e = failure(() => pmt(-2, 0, "ten", 0, 3 as never));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues.map((i) => i.pathText)).toEqual(["rate", "nper", "pv", "type"]);
    expect(e.issues.find((i) => i.pathText === "type")!.message).toContain("expected 0 (payments at the end of each period) or 1 (at the beginning)");
  });

  it("refuses a payment number outside 1…nper, NaN and Infinity", () => {
    expect(failure(() => ipmt(0.1, 4, 3, 8000)).issues[0]!.pathText).toBe("per");
    expect(failure(() => ppmt(0.1, 0, 3, 8000)).issues[0]!.pathText).toBe("per");
    expect(failure(() => pv(Number.NaN, 3, 100)).issues[0]!.pathText).toBe("rate");
    expect(failure(() => fv(0.1, Number.POSITIVE_INFINITY, 100)).issues[0]!.pathText).toBe("nper");
  });

  it("needs money out and in for IRR and XIRR, and one date per value on or after the first", () => {
    expect(failure(() => irr([100, 200])).issues[0]!.message).toContain("at least one negative and one positive value");
    expect(failure(() => irr([-100])).code).toBe("INVALID_INPUT");
    const e = failure(() => xirr([-100, 50, 60], ["2024-01-01", "2023-12-31"]));
    expect(e.issues.map((i) => i.pathText).sort()).toEqual(["dates", "dates[1]"]);
    expect(failure(() => xnpv(0.1, [1, 2], ["2024-01-01", "2024-02-30"])).issues[0]!.pathText).toBe("dates[1]");
  });

  it("throws INFEASIBLE when no rate makes the NPV zero", () => {
    // −100 + 150x − 60x² < 0 for every x = 1/(1 + r) > 0
    const e = failure(() => irr([-100, 150, -60]));
    expect(e.code).toBe("INFEASIBLE");
    expect(e.issues[0]!.message).toContain("no rate above −100 %");
    expect(failure(() => xirr([-100, 150, -60], ["2024-01-01", "2025-01-01", "2026-01-01"])).code).toBe("INFEASIBLE");
  });
});

describe("IRR and XIRR explain how they found the rate", () => {
  it("says the method, the steps and the exact NPV at the rate, which agree with the fields", () => {
    const r = irr([-329000, 90000, 90000, 90000, 90000, 20000]);
    expect(r.method).toBe("newton");
    expect(r.signChanges).toBe(1);
    expect(Math.abs(r.npvAtRate.toNumber())).toBeLessThan(1e-6);
    expect(r.explanation).toContain(`IRR ${(r.rate * 100).toFixed(4)} % a period`);
    expect(r.explanation).toContain(`${r.iterations} steps`);
    expect(r.explanation).toContain("the NPV at that rate is $0.00");
    expect(r.explanation).toContain("no other rate makes it zero");
  });

  it("warns that flows changing sign twice may have another rate, and finds it from another guess", () => {
    // −100 + 230/(1 + r) − 132/(1 + r)² = 0 at r = 10 % and r = 20 %
    const a = irr([-100, 230, -132], 0.05);
    const b = irr([-100, 230, -132], 0.3);
    expect([a.rate.toFixed(10), b.rate.toFixed(10)]).toEqual(["0.1000000000", "0.2000000000"]);
    expect(a.signChanges).toBe(2);
    expect(a.explanation).toContain("change sign 2 times, so other rates may make it zero too");
  });

  it("falls back to halving a bracket when Newton's method leaves the domain", () => {
    // from a guess of 5 000 %, Newton's first step lands below −100 %
    const r = irr([-1000, 0, 0, 0, 2500], 50);
    expect(r.method).toBe("bisection");
    expect(r.rate).toBeCloseTo(0.257433429682936, 12);
    expect(r.explanation).toContain("a change of sign found on a grid of rates, then halved");
  });
});
