import { describe, expect, it } from "vitest";
import { summarizeAcr } from "./accessibility.js";
import { breachNotificationDeadlines, contractNoticeDeadlines } from "./deadlines.js";
import { essaTier } from "./evidence.js";
import { projectUnicornPledge } from "./interoperability.js";
import { adaTitleIIComplianceDate } from "./tables/adaTitleII.js";
import { COPPA_RULE_VERSIONS, coppaRuleInForce } from "./tables/coppa.js";
import { wcagCriteria } from "./tables/wcag.js";

describe("Project Unicorn pledge", () => {
  // T14: Project Unicorn pledge rule; min-over-metrics reading (DOMAIN-vetting.md §9, §12)
  it("T14: levels [2, 3, 1, 2, 2, 2, 2, 2, 2, 2] → minimum 1 → fails the Level 2 pledge", () => {
    const r = projectUnicornPledge([2, 3, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(r.minimum).toBe(1);
    expect(r.meets).toBe(false);
    expect(projectUnicornPledge([2, 2, 2, 2, 2, 2, 2, 2, 2, 4]).meets).toBe(true);
  });
});

describe("COPPA Rule versions (DOMAIN-vetting.md §5)", () => {
  it("dates the 2025 amendments: published 2025-04-22, effective 2025-06-23, compliance 2026-04-22", () => {
    const v = COPPA_RULE_VERSIONS.find((x) => x.id === "2025")!;
    expect([v.published, v.effective, v.complianceRequired]).toEqual(["2025-04-22", "2025-06-23", "2026-04-22"]);
    expect(coppaRuleInForce("2025-06-22").version?.id).toBe("2013");
    expect(coppaRuleInForce("2025-06-23").version?.id).toBe("2025");
    expect(coppaRuleInForce("2026-04-21").complianceRequired).toBe(false);
    expect(coppaRuleInForce("2026-04-22").complianceRequired).toBe(true);
    expect(coppaRuleInForce("1999-01-01").version).toBeNull();
  });
});

describe("ADA Title II web rule (DOMAIN-vetting.md §7)", () => {
  it("reads the version in force at asOf: the 2024 final rule, then the 2026 interim final rule", () => {
    const at = (asOf: string, population: number, specialDistrict = false) => adaTitleIIComplianceDate({ asOf, population, specialDistrict }).complianceDate;
    expect(at("2026-04-19", 50_000)).toBe("2026-04-24");
    expect(at("2026-04-19", 49_999)).toBe("2027-04-26");
    expect(at("2026-04-20", 50_000)).toBe("2027-04-26");
    expect(at("2026-04-20", 49_999)).toBe("2028-04-26");
    expect(at("2026-04-20", 900_000, true)).toBe("2028-04-26");
    expect(at("2024-04-23", 10)).toBeNull();
    const r = adaTitleIIComplianceDate({ asOf: "2026-07-01", population: 11_800 });
    expect(r.inEffect).toBe(false);
    expect(r.daysRemaining).toBe(665);
    expect(r.standard).toBe("WCAG 2.1 AA");
  });
});

describe("WCAG criteria counts (DOMAIN-vetting.md §7)", () => {
  it("2.1 AA = 50 (30 A + 20 AA); 2.2 AA = 55 (31 A + 24 AA) without 4.1.1", () => {
    expect(wcagCriteria("2.1", "A")).toHaveLength(30);
    expect(wcagCriteria("2.1", "AA")).toHaveLength(50);
    expect(wcagCriteria("2.2", "A")).toHaveLength(31);
    expect(wcagCriteria("2.2", "AA")).toHaveLength(55);
    expect(wcagCriteria("2.2", "AA").some((c) => c.id === "4.1.1")).toBe(false);
    expect(
      wcagCriteria("2.2", "AA")
        .filter((c) => c.since === "2.2")
        .map((c) => c.id)
        .sort(),
    ).toEqual(["2.4.11", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8"]);
  });

  it("counts a missing entry or 'Not Evaluated' as not evaluated, never as Supports; an ACR older than 2 years is stale", () => {
    const s = summarizeAcr(
      { present: true, date: "2024-06-30", wcagVersion: "2.1", entries: { "1.1.1": "Supports", "1.4.3": "Not Evaluated", "2.1.1": "Supports with Exceptions" } },
      { asOf: "2026-07-01" },
    );
    expect(s.counts).toEqual({ supports: 1, partiallySupports: 1, doesNotSupport: 0, notApplicable: 0, notEvaluated: 48 });
    expect(s.supportedShare).toBeCloseTo(1.5 / 50, 12);
    expect(s.stale).toBe(true);
    expect(summarizeAcr({ present: true, date: "2024-07-01", wcagVersion: "2.1", entries: {} }, { asOf: "2026-07-01" }).stale).toBe(false);
  });
});

describe("ESSA tiers from study facts (DOMAIN-vetting.md §9)", () => {
  const rct = { present: true, design: "rct", wwcRating: "meetsWithoutReservations", significantPositive: true, n: 350, sites: 2 } as const;
  it("tier 1 needs ≥ 350 students at ≥ 2 sites; tier 2 accepts 'with reservations'; negative findings rule out 1–3", () => {
    expect(essaTier(rct).tier).toBe(1);
    expect(essaTier({ ...rct, n: 349 }).tier).toBe(3);
    expect(essaTier({ ...rct, sites: 1 }).tier).toBe(3);
    expect(essaTier({ ...rct, wwcRating: "meetsWithReservations" }).tier).toBe(2);
    expect(essaTier({ ...rct, design: "quasiExperimental", wwcRating: "meetsWithReservations" }).tier).toBe(2);
    expect(essaTier({ ...rct, negativeFindings: true }).tier).toBeNull();
    expect(essaTier({ ...rct, significantPositive: false }).tier).toBeNull();
    expect(essaTier({ present: true, design: "correlational", significantPositive: true, statisticalControls: true }).tier).toBe(3);
    expect(essaTier({ present: true, design: "correlational", significantPositive: true }).tier).toBeNull();
    expect(essaTier({ present: true, design: "logicModel", evaluationUnderWay: false }).tier).toBeNull();
  });
});

describe("state-law deadlines (DOMAIN-vetting.md §6)", () => {
  it("New York: vendor ≤ 7 days after discovery, CPO ≤ 10 days and parents ≤ 60 days after the vendor's notice", () => {
    const r = breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-12-28", noticeReceivedOn: "2027-01-03" });
    expect(r.deadlines.map((d) => [d.rule, d.due])).toEqual([
      ["ny.contractorToDistrict", "2027-01-04"],
      ["ny.districtToCpo", "2027-01-13"],
      ["ny.districtToParents", "2027-03-04"],
    ]);
    const pending = breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-12-28" });
    expect(pending.deadlines[1]!.due).toBeNull();
    const own = breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-12-28", discoveredBy: "district" });
    expect(own.deadlines.map((d) => [d.rule, d.due])).toEqual([["ny.districtToParentsOwnDiscovery", "2027-02-26"]]);
  });

  it("Illinois: 30 days, or 60 when a third party caused it; Connecticut: 30 or 60 days by data class", () => {
    expect(breachNotificationDeadlines({ state: "IL", discoveredOn: "2026-09-01" }).deadlines.map((d) => d.due)).toEqual(["2026-10-01"]);
    expect(breachNotificationDeadlines({ state: "CT", discoveredOn: "2026-09-01" }).deadlines.map((d) => d.due)).toEqual(["2026-10-01"]);
    expect(breachNotificationDeadlines({ state: "CT", discoveredOn: "2026-09-01", dataClass: "studentRecords" }).deadlines.map((d) => d.due)).toEqual(["2026-10-31"]);
    expect(breachNotificationDeadlines({ state: "WY", discoveredOn: "2026-09-01" }).deadlines).toEqual([]);
  });

  it("Connecticut counts 5 business days over a weekend; Illinois posts within 10 days", () => {
    // 2026-07-10 is a Friday: Mon 13 … Fri 17
    expect(contractNoticeDeadlines({ state: "CT", signedOn: "2026-07-10" }).deadlines[0]!.due).toBe("2026-07-17");
    expect(contractNoticeDeadlines({ state: "IL", signedOn: "2026-07-10" }).deadlines[0]!.due).toBe("2026-07-20");
  });
});
