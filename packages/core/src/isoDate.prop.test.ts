import { format, isValid, parse } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateSchema } from "./isoDate.js";

// The reference: date-fns parses the text and formats it back; a real day survives unchanged.
const REFERENCE = new Date(2000, 0, 1, 12);
function referenceIsIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = parse(text, "yyyy-MM-dd", REFERENCE);
  return isValid(d) && format(d, "yyyy-MM-dd") === text;
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
const pad = (n: number, w: number) => String(n).padStart(w, "0");

describe("isIsoDate", () => {
  it("agrees with date-fns' parse-and-format on any YYYY-MM-DD-shaped text", () => {
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const text = `${y}-${m}-${d}`;
        expect(isIsoDate(text)).toBe(referenceIsIsoDate(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on plausible dates, month ends and leap days included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isIsoDate(text)).toBe(referenceIsIsoDate(text));
        expect(isoDateSchema.safeParse(text).success).toBe(referenceIsIsoDate(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("knows the Gregorian leap years", () => {
    expect([isIsoDate("2024-02-29"), isIsoDate("2100-02-29"), isIsoDate("2000-02-29"), isIsoDate("2025-02-29")]).toEqual([true, false, true, false]);
    expect([isIsoDate("0050-01-31"), isIsoDate("2026-04-31"), isIsoDate("2026-13-01"), isIsoDate("2026-00-10")]).toEqual([true, false, false, false]);
  });
});
