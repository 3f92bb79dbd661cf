import { addDaysIso } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUPPORT_END_TABLE, supportEnds } from "./index.js";

describe("supportEnds properties", () => {
  it("property: a district row replacing a built-in moves every covered model's support end by the same days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (shift) => {
        const base = supportEnds({ asOf: "2026-07-01", models: [{ id: "lab", category: "desktop", unitPrice: "1" }], assignments: [{ model: "lab", entry: "windows-10" }] });
        const w10 = SUPPORT_END_TABLE.find((e) => e.id === "windows-10")!;
        const moved = supportEnds({
          asOf: "2026-07-01",
          models: [{ id: "lab", category: "desktop", unitPrice: "1" }],
          assignments: [{ model: "lab", entry: "windows-10" }],
          table: [{ ...w10, extended: undefined, supportEnd: addDaysIso(w10.supportEnd!, shift) }],
        });
        expect(moved.models[0]!.supportEnd).toBe(addDaysIso(base.models[0]!.supportEnd!, shift));
        expect(moved.models[0]!.daysToSupportEnd).toBe(base.models[0]!.daysToSupportEnd! + shift);
      }),
      { numRuns: 100 },
    );
  });
});
