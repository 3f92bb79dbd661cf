import { addDaysIso } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../core/test/fuzz.js";
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

  it("junk in any field of a valid input throws only a DistrictKitError", () => {
    const valid = {
      asOf: "2026-07-01",
      models: [{ id: "lab", category: "desktop", unitPrice: "1" }],
      assignments: [{ model: "lab", entry: "windows-10" }],
      table: [
        { id: "x", platform: "network", product: "X", models: ["lab"], supportEnd: "2030-01-01", extended: { name: "E", periods: [{ through: "2031-01-01", pricePerDevice: "5" }] }, source: "s" },
      ],
    };
    const junk = fc.oneof(fc.anything({ withNullPrototype: true }), fc.constantFrom(Number.NaN, "2025-02-30", "", null, -1, "__proto__", [], {}));
    fc.assert(
      fc.property(fc.nat(), junk, (k, j) => {
        const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
        const paths: { parent: Record<string, unknown>; key: string }[] = [];
        const walk = (v: unknown, d: number): void => {
          if (d > 6 || v === null || typeof v !== "object") return;
          for (const key of Object.keys(v)) {
            paths.push({ parent: v as Record<string, unknown>, key });
            walk((v as Record<string, unknown>)[key], d + 1);
          }
        };
        walk(copy, 0);
        const p = paths[k % paths.length]!;
        p.parent[p.key] = j;
        expectOnlyDistrictKitError(() => supportEnds(copy as never));
      }),
      { numRuns: 200 },
    );
  });
});
