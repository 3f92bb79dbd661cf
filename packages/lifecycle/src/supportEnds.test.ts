import { isDistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { NETWORK_GEAR_SUPPORT_TEMPLATE, SUPPORT_END_TABLE, supportEndEntrySchema, supportEnds } from "./index.js";

// Published dates (sources in src/tables/supportEnds.ts): Windows 10 end of support 2025-10-14
// (Microsoft Lifecycle); iPadOS 26 (2025-09-15) drops the 7th-generation iPad, whose last
// iPadOS is 18 (Apple's compatibility list); every Intel MacBook Air stops at macOS 15.
const models = [
  { id: "cb300", name: "Acme Chromebook 300", category: "chromebook", unitPrice: "259", autoUpdateExpiration: "2026-06" },
  { id: "ipad-9", name: "iPad 9th gen", category: "ipad", unitPrice: "309", supportEnd: "2028-09-30" },
  { id: "ipad-7", name: "iPad (7th generation)", category: "ipad", unitPrice: "309" },
  { id: "lab", name: "Lab desktop", category: "desktop", unitPrice: "780" },
  { id: "sw48", name: "48-port PoE switch", category: "network", unitPrice: "3800" },
] as const;

describe("supportEnds", () => {
  it("holds the published dates with their sources", () => {
    const byId = new Map(SUPPORT_END_TABLE.map((e) => [e.id, e]));
    expect(byId.get("windows-10")?.supportEnd).toBe("2025-10-14");
    expect(byId.get("windows-10")?.extended?.periods.at(-1)?.through).toBe("2028-10-10");
    expect(byId.get("ipad-7th-gen")).toMatchObject({ lastSupportedOs: "iPadOS 18", featureUpdatesEnd: "2025-09-15" });
    expect(byId.get("ipad-6th-gen")).toMatchObject({ lastSupportedOs: "iPadOS 17", featureUpdatesEnd: "2024-09-16" });
    expect(byId.get("mac-intel-macbook-air")).toMatchObject({ lastSupportedOs: "macOS 15 Sequoia", estimated: true });
    for (const e of SUPPORT_END_TABLE) expect(supportEndEntrySchema.safeParse(e).success).toBe(true);
    for (const e of SUPPORT_END_TABLE) expect(e.source.length).toBeGreaterThan(10);
    expect(supportEndEntrySchema.safeParse(NETWORK_GEAR_SUPPORT_TEMPLATE).success).toBe(true);
  });

  it("finds each model's support end: AUE, the model's date, an assignment, a table row by name", () => {
    const r = supportEnds({
      asOf: "2026-07-01",
      models: [...models],
      assignments: [{ model: "lab", entry: "windows-10" }],
      table: [{ id: "sw48-eol", platform: "network", product: "48-port switch", models: ["sw48"], endOfSale: "2026-01-31", supportEnd: "2031-01-31", source: "vendor EoL notice" }],
    });
    expect(r.models.map((m) => [m.model, m.supportEnd, m.basis, m.status])).toEqual([
      ["cb300", "2026-06-30", "auto-update-expiration", "ended"],
      ["ipad-9", "2028-09-30", "model", "supported"],
      ["ipad-7", null, "table", "unknown"],
      ["lab", "2025-10-14", "assigned", "ended"],
      ["sw48", "2031-01-31", "table", "supported"],
    ]);
    expect(r.models[2]?.explanation).toContain("iPadOS 18");
    expect(r.models[4]?.endOfSale).toBe("2026-01-31");
    // the forecast can take the filled-in models: the switch now carries its support end
    expect(r.modelsWithSupportEnds.find((m) => m.id === "sw48")?.supportEnd).toBe("2031-01-31");
    expect(r.modelsWithSupportEnds.find((m) => m.id === "cb300")?.supportEnd).toBeUndefined();
    expect(r.explanation).toMatch(/^At 2026-07-01, 2 of 5 models are past their support end, 0 end within 365 days, and 1 have no known support end/);
  });

  it("gives the paid extension's yearly periods with the prices the district entered", () => {
    const r = supportEnds({
      asOf: "2025-09-01",
      models: [{ id: "lab", category: "desktop", unitPrice: "780" }],
      assignments: [{ model: "lab", entry: "windows-10" }],
      table: [
        {
          ...SUPPORT_END_TABLE.find((e) => e.id === "windows-10")!,
          extended: {
            name: "ESU (education)",
            periods: [
              { through: "2026-10-13", pricePerDevice: "1" },
              { through: "2027-10-12", pricePerDevice: "2" },
              { through: "2028-10-10", pricePerDevice: "4" },
            ],
          },
        },
      ],
    });
    expect(r.replaced).toEqual(["windows-10"]);
    const ext = r.models[0]!.extended!;
    expect(ext.periods.map((p) => [p.from, p.through, p.pricePerDevice?.toString()])).toEqual([
      ["2025-10-15", "2026-10-13", "1"],
      ["2026-10-14", "2027-10-12", "2"],
      ["2027-10-13", "2028-10-10", "4"],
    ]);
    expect(r.models[0]!.status).toBe("ending-soon");
    expect(r.models[0]!.daysToSupportEnd).toBe(43);
  });

  it("refuses duplicate rows, unknown assignments and rows without a source, listing each", () => {
    try {
      supportEnds({
        asOf: "2026-07-01",
        models: [{ id: "a", category: "desktop", unitPrice: "1" }],
        assignments: [{ model: "b", entry: "nope" }],
        table: [
          { id: "x", platform: "other", product: "X", source: "s" },
          { id: "x", platform: "other", product: "X", source: "s" },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(isDistrictKitError(e)).toBe(true);
      expect((e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."))).toEqual(["table.1.id", "assignments.0.model", "assignments.0.entry"]);
    }
    expect(() => supportEnds({ asOf: "2026-07-01", models: [], table: [{ id: "x", platform: "other", product: "X", source: "" }] })).toThrow(/source/);
  });
});
