import { describe, expect, it } from "vitest";
import { checkERateEligibility, ERATE_SERVICES, recheckERateEligibility } from "../index.js";

// Fixtures (sources in src/tables/eRateEligibility.ts): school-bus Wi-Fi eligible in FY2024
// (FCC 23-92), hotspots eligible for FY2025 under FCC 24-76 (July 2024), both ineligible from
// FY2025 under FCC 25-62 / 25-63 adopted 2025-09-30, pending FY2025 requests denied.
describe("E-Rate eligibility by date", () => {
  const items = [
    { id: "bus", service: "school-bus-wifi", amount: "15300" },
    { id: "hot", service: "off-premises-hotspots", amount: "42600" },
    { id: "aps", service: "wireless-access-points", amount: "62400" },
    { id: "cb", service: "end-user-devices", amount: "86700" },
    { id: "ngfw", service: "next-generation-firewall", amount: "6500" },
  ];

  it("judges each item under the rulings adopted by the day", () => {
    const at = (fundingYear: number, rulesAsOf: string) => checkERateEligibility({ fundingYear, rulesAsOf, items }).items.map((i) => i.eligible);
    expect(at(2023, "2023-03-01")).toEqual([false, false, true, false, false]);
    expect(at(2024, "2024-01-15")).toEqual([true, false, true, false, false]);
    expect(at(2025, "2025-01-15")).toEqual([true, true, true, false, false]);
    expect(at(2025, "2025-10-01")).toEqual([false, false, true, false, false]);
    expect(at(2024, "2025-10-01")).toEqual([true, false, true, false, false]); // FY2024 bus Wi-Fi is not clawed back
    const r = checkERateEligibility({ fundingYear: 2025, rulesAsOf: "2025-10-01", items });
    expect(r.items[1]?.decidedBy?.edition).toBe("fcc-25-62-25-63-off-premises");
    expect(r.items[2]?.category).toBe("C2");
    expect(r.eligibleAmount.toString()).toBe("62400");
    expect(r.ineligibleAmount.toString()).toBe("151100");
    expect(r.explanation).toContain("1 of 5 items are eligible for FY2025");
  });

  it("re-checks a plan made under one rule under another, naming the ruling", () => {
    const r = recheckERateEligibility({ fundingYear: 2025, from: "2025-01-15", to: "2025-10-01", items });
    expect(r.changed.map((c) => c.id)).toEqual(["bus", "hot"]);
    expect(r.lostAmount.toString()).toBe("57900");
    expect(r.changed[0]?.because).toContain("FCC 25-62 and FCC 25-63");
    expect(recheckERateEligibility({ fundingYear: 2025, from: "2025-10-01", to: "2025-01-15", items }).gainedAmount.toString()).toBe("57900");
  });

  it("takes the district's own rulings and services as data", () => {
    const r = checkERateEligibility({
      fundingYear: 2027,
      rulesAsOf: "2026-12-15",
      services: [{ id: "cyber-pilot-firewall", name: "Pilot firewall", category: null }],
      editions: [
        {
          id: "hypothetical",
          adopted: "2026-12-01",
          title: "A later ruling",
          source: "test",
          changes: [
            { service: "basic-firewall", eligible: false, fromFundingYear: 2027 },
            { service: "cyber-pilot-firewall", eligible: false, fromFundingYear: 2027 },
          ],
        },
      ],
      items: [
        { id: "fw", service: "basic-firewall" },
        { id: "p", service: "cyber-pilot-firewall" },
      ],
    });
    expect(r.items.map((i) => [i.eligible, i.decidedBy?.edition])).toEqual([
      [false, "hypothetical"],
      [false, "hypothetical"],
    ]);
    expect(() => checkERateEligibility({ fundingYear: 2026, rulesAsOf: "2026-01-01", items: [{ id: "x", service: "laser-tag" }] })).toThrow(/unknown service "laser-tag"/);
    expect(ERATE_SERVICES.length).toBeGreaterThan(15);
  });
});
