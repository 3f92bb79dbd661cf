// Every function against LibreOffice Calc's value for the same formula (fixtures computed by
// LibreOffice 7.4 headless; the command is in test/libreOfficeFinance.ts, the generator in
// scripts/financeFixtures.mjs). LibreOffice computes in binary doubles and prints 15 significant
// digits; DistrictKit computes the closed forms in 34-digit decimals, so amounts agree to about
// 1e-12 relative. IRR and XIRR are iterative in both: rates agree to 1e-9.
import type { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { LIBREOFFICE_FINANCE_CASES } from "../../test/libreOfficeFinance.js";
import { xirr, xnpv } from "./datedFlows.js";
import { ipmt, ppmt } from "./interestPrincipal.js";
import { irr, npv } from "./netPresentValue.js";
import { fv, pmt, pv } from "./timeValue.js";

type Call = (...args: never[]) => Money | { rate: number; npvAtRate: Money };
const FUNCTIONS: Record<string, Call> = { pmt, pv, fv, ipmt, ppmt, npv, irr, xnpv, xirr } as unknown as Record<string, Call>;

describe("Excel financial functions against LibreOffice Calc", () => {
  it("has fixtures for every function", () => {
    expect(new Set(LIBREOFFICE_FINANCE_CASES.map((c) => c.fn))).toEqual(new Set(Object.keys(FUNCTIONS)));
  });

  it.each(LIBREOFFICE_FINANCE_CASES.map((c) => [c.formula, c] as const))("%s", (_formula, c) => {
    const result = FUNCTIONS[c.fn]!(...(c.args as never[]));
    const expected = Number(c.expected);
    if (c.fn === "irr" || c.fn === "xirr") {
      const r = result as { rate: number; npvAtRate: Money };
      expect(Math.abs(r.rate - expected)).toBeLessThan(1e-9);
      expect(Math.abs(r.npvAtRate.toNumber())).toBeLessThan(1e-6);
    } else {
      const got = (result as Money).toNumber();
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)) + 1e-9);
    }
  });
});
