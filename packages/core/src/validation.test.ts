import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DistrictKitError } from "./errors.js";
import { isoDateSchema } from "./isoDate.js";
import { moneySchema, rateSchema } from "./schemas.js";
import { parseInput, safeParseInput, toJsonSchema } from "./validation.js";

const inventory = z.object({
  devices: z.array(z.object({ id: z.string().min(1), purchaseDate: isoDateSchema, price: moneySchema, count: z.number().int().min(0) })),
  inflation: rateSchema,
});

describe("validation", () => {
  it("lists every problem with a readable path and what was found", () => {
    try {
      parseInput(inventory, {
        devices: [
          { id: "a", purchaseDate: "2024-01-01", price: "289", count: 1 },
          { id: "", purchaseDate: "13/45/2024", price: "12.3.4", count: -2 },
        ],
        inflation: "abc",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      const e = error as DistrictKitError;
      expect(e.code).toBe("INVALID_INPUT");
      expect(e.issues.map((i) => i.pathText)).toEqual(["devices[1].id", "devices[1].purchaseDate", "devices[1].price", "devices[1].count", "inflation"]);
      expect(e.issues[1]!.message).toBe('expected an ISO date (YYYY-MM-DD), got "13/45/2024"');
      expect(e.message).toContain("devices[1].purchaseDate");
    }
  });

  it("turns money and rate inputs into Money and Rate", () => {
    const out = parseInput(inventory, { devices: [{ id: "a", purchaseDate: "2024-02-29", price: 289.5, count: 3 }], inflation: 0.03 });
    expect(out.devices[0]!.price.toString()).toBe("289.5");
    expect(out.inflation.toPercentString()).toBe("3%");
  });

  it("prefixes paths with a root and offers a non-throwing variant", () => {
    const r = safeParseInput(z.number(), "x", ["budget", "students"]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.pathText).toBe("budget.students");
  });

  it("never throws anything but a DistrictKitError, whatever the input", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true }), (x) => {
        try {
          parseInput(inventory, x);
        } catch (error) {
          expect(error).toBeInstanceOf(DistrictKitError);
          expect((error as DistrictKitError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("exports a JSON Schema of the input", () => {
    const schema = toJsonSchema(inventory) as { properties: { devices: { type: string } } };
    expect(schema.properties.devices.type).toBe("array");
  });
});
