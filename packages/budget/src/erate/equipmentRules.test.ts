import { describe, expect, it } from "vitest";
import { checkEquipmentRules, ERATE_EQUIPMENT_RULES } from "../index.js";

// Rules (src/tables/eRateEquipmentRules.ts): disposal no sooner than 5 years after installation
// (FCC 10-175, from 2011-01-03); transfer no sooner than 3 years after purchase unless the location
// closed (47 CFR 54.513(c)); a move among the entities the request served is not a transfer (USAC).
describe("checkEquipmentRules", () => {
  const items = [
    { id: "aps", name: "Access points", building: "mvhs", servedEntities: ["mvhs", "mvms"], purchasedOn: "2021-06-15", installedOn: "2021-08-01", count: 96, cost: "62400" },
    { id: "sw", name: "Switches", building: "mves", installedFiscalYear: 2024, count: 8, cost: "30400" },
  ];

  it("flags a C2 item retired or disposed of before five years, and lets it go after", () => {
    const r = checkEquipmentRules({
      items,
      plan: [
        { item: "aps", action: "recycle", on: "2026-07-31" },
        { item: "aps", action: "trade-in", on: "2026-08-01", count: 48 },
        { item: "sw", action: "retire", fiscalYear: 2028 },
        { item: "sw", action: "sell", fiscalYear: 2030 },
      ],
    });
    expect(r.findings.map((f) => [f.code, f.severity, f.allowedFrom])).toEqual([
      ["early-disposal", "violation", "2026-08-01"],
      ["allowed", "ok", "2026-08-01"],
      // installed in FY2024: taken as 2024-06-30, the latest it can be
      ["early-retirement", "early", "2029-06-30"],
      ["allowed", "ok", "2029-06-30"],
    ]);
    expect(r.findings[1]!.cost?.toString()).toBe("31200");
    expect(r.findings[2]!.explanation).toContain("may not be disposed of before 2029-06-30");
    expect(r.flagged).toHaveLength(2);
    expect(ERATE_EQUIPMENT_RULES.disposalYears).toBe(5);
  });

  it("tells in-district moves, early transfers and closed-school transfers apart", () => {
    const r = checkEquipmentRules({
      items,
      plan: [
        { item: "aps", action: "transfer", on: "2022-01-10", to: "mvms", count: 10 },
        { item: "aps", action: "transfer", on: "2024-06-14", to: "mves", count: 10 },
        { item: "aps", action: "transfer", on: "2024-06-14", to: "mves", count: 10, locationClosed: true },
        { item: "aps", action: "transfer", on: "2024-06-15", to: "mves", count: 10 },
      ],
    });
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ["not-a-transfer", "ok"],
      ["transfer-too-soon", "violation"],
      ["transfer-closed-location", "notice"],
      ["transfer-allowed", "notice"],
    ]);
    expect(r.findings[1]!.allowedFrom).toBe("2024-06-15");
    expect(r.explanation).toBe("4 plan steps checked: 1 break an equipment rule, 0 retire equipment early, 2 need a notice or records, 1 are fine.");
  });

  it("lists unknown items and steps without a date", () => {
    expect(() =>
      checkEquipmentRules({
        items,
        plan: [
          { item: "nope", action: "retire", on: "2026-01-01" },
          { item: "aps", action: "transfer", on: "2026-01-01" },
        ] as never,
      }),
    ).toThrow(/to|nope/);
  });
});
