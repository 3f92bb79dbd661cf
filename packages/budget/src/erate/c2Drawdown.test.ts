import { Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { planC2Drawdown } from "../index.js";

// The sample district (SAMPLE-DISTRICT.md): 392 / 231 / 289 students, 70 % discount; FY2026–30
// multiplier $201.57 (DOMAIN-budget §3.1) → 912 × 201.57 = $183,831.84.
const schools = [
  { id: "mves", name: "Maple Valley Elementary", students: 392 },
  { id: "mvms", name: "Maple Valley Middle", students: 231 },
  { id: "mvhs", name: "Maple Valley High", students: 289 },
];

describe("planC2Drawdown", () => {
  it("draws the cycle's budget down by status, year and building, with the discount applied", () => {
    const d = planC2Drawdown({
      schools,
      discountPercent: 70,
      requests: [
        { id: "wifi-es", name: "ES Wi-Fi", building: "mves", fundingYear: 2027, amount: "40000", status: "planned" },
        { id: "sw-hs", name: "HS switches", building: "mvhs", fundingYear: 2026, amount: "45600", status: "committed" },
        { id: "cab", name: "Cabling", building: "district", fundingYear: 2026, amount: "25000.01", status: "requested" },
        { id: "wifi-hs", name: "HS Wi-Fi", building: "mvhs", fundingYear: 2028, amount: "90000", status: "planned" },
      ],
    });
    expect(d.budget.toString()).toBe("183831.84");
    expect(d.requests.map((r) => [r.id, r.fits])).toEqual([
      ["sw-hs", true],
      ["cab", true],
      ["wifi-es", true],
      ["wifi-hs", false],
    ]);
    expect(d.requests[3]!.overBy.toString()).toBe("16768.17");
    expect(d.overBudget.toString()).toBe("16768.17");
    expect(d.warnings[0]).toContain("HS Wi-Fi (planned, FY2028, $90,000.00) goes $16,768.17 beyond");
    // every request splits to the cent; years and buildings add up to the totals
    for (const r of d.requests) expect(r.eRatePays.add(r.districtPays).equals(r.amount)).toBe(true);
    expect(Money.sum(d.years.map((y) => y.total)).equals(d.totals.committed.add(d.totals.requested).add(d.totals.planned))).toBe(true);
    expect(Money.sum(d.buildings.map((b) => b.districtPays)).equals(d.totals.districtPays)).toBe(true);
    expect(d.requests.find((r) => r.id === "cab")!.eRatePays.toString()).toBe("17500.01"); // 70 % of 25,000.01 = 17,500.007 → half-up
    expect(d.years.map((y) => y.districtFiscalYear)).toEqual([2027, 2028, 2029, 2030, 2031]);
    expect(d.years.at(-1)!.remaining.equals(d.remaining)).toBe(true);
    expect(d.buildings.find((b) => b.building === "mvhs")!.aboveIndicativeShare).toBe(true);
    expect([d.fromYear, d.toYear]).toEqual([2027, 2031]);
  });

  it("gives plan lines for the budget's use-plan lever: pre-discount C2, or the district's share", () => {
    const req = [{ id: "r", name: "R", building: "mvms", fundingYear: 2026, amount: "10000", status: "planned" as const }];
    const pre = planC2Drawdown({ schools, discountPercent: 90, requests: req });
    expect(pre.discountPercent).toBe(85); // C2 cap
    expect(pre.planLines).toEqual([{ id: "c2-mvms", name: "E-Rate C2 internal connections — Maple Valley Middle", category: "network", school: "mvms", eRate: "C2", amounts: { "2027": "10000" } }]);
    const share = planC2Drawdown({ schools, discountPercent: 90, requests: req, lineAmounts: "district-share" });
    expect(share.planLines[0]).toMatchObject({ eRate: "ineligible", amounts: { "2027": "1500" } });
  });

  it("refuses requests outside the cycle or for unknown buildings", () => {
    expect(() => planC2Drawdown({ schools, discountPercent: 70, requests: [{ id: "x", name: "X", building: "nowhere", fundingYear: 2031, amount: "1", status: "planned" }] })).toThrow(
      /unknown building "nowhere"[\s\S]*FY2026-FY2030 cycle, got FY2031/,
    );
    expect(() => planC2Drawdown({ fundingYear: 2019, schools, discountPercent: 70, requests: [] } as never)).toThrow();
  });
});
