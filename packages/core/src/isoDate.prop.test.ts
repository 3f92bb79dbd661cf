import { format, isValid, parse } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate, isoDateSchema, toLocal } from "./isoDate.js";

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

describe("toLocal (the fast path of every date computation)", () => {
  // the reference is date-fns' parse, which it replaces; zones where midnight can be skipped by a
  // daylight-saving change (Santiago, Beirut, Havana) and ones with odd offsets are included
  const zones = ["UTC", "America/New_York", "America/Santiago", "Asia/Beirut", "America/Havana", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia"];
  const dateArb = fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
    .filter(isIsoDate);
  it("gives the same instant as date-fns' parse, in every time zone", () => {
    const before = process.env["TZ"];
    try {
      for (const zone of zones) {
        process.env["TZ"] = zone;
        fc.assert(
          fc.property(dateArb, (text) => {
            expect(toLocal(text, "date").getTime()).toBe(parse(text, "yyyy-MM-dd", REFERENCE).getTime());
          }),
          { numRuns: 300 },
        );
        // the days around daylight-saving changes, every year 2020–2030
        for (let y = 2020; y <= 2030; y++) {
          for (const m of [3, 4, 9, 10, 11]) {
            for (let d = 1; d <= 30; d++) {
              const text = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
              expect(toLocal(text, "date").getTime()).toBe(parse(text, "yyyy-MM-dd", REFERENCE).getTime());
            }
          }
        }
      }
    } finally {
      if (before === undefined) delete process.env["TZ"];
      else process.env["TZ"] = before;
    }
  });
});
