import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { phpAddMonths, phpDate, phpMonthsAndDays } from "./phpDate.js";

// PHP 8.2.36's DateTime::diff on 400 date pairs (both directions, many month ends), produced by
// packages/lifecycle/test/php/date-diff.php: "from to months days" with months = y·12 + m.
const PAIRS = readFileSync(new URL("../../test/php/date-diff.txt", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => l.split(" "));

describe("PHP date arithmetic (asset-system compatibility modes)", () => {
  it("counts months and days exactly as PHP 8.2's DateTime::diff on 400 pairs", () => {
    expect(PAIRS.length).toBe(400);
    for (const [from, to, months, days] of PAIRS) expect([from, to, phpMonthsAndDays(from!, to!)]).toEqual([from, to, { months: Number(months), days: Number(days) }]);
  });
  it("anchors the count at the receiver (PHP: 2011-05-01 → 2010-08-02 is 8 months 30 days, the reverse 8 months 29 days)", () => {
    expect(phpMonthsAndDays("2011-05-01", "2010-08-02")).toEqual({ months: 8, days: 30 });
    expect(phpMonthsAndDays("2010-08-02", "2011-05-01")).toEqual({ months: 8, days: 29 });
    expect(phpMonthsAndDays("2024-01-31", "2024-03-01")).toEqual({ months: 0, days: 30 });
  });
  it("lets the day overflow into the next month as PHP's +1 month does", () => {
    expect(phpAddMonths("2024-01-31", 1)).toBe("2024-03-02");
    expect(phpAddMonths("2024-02-29", 12)).toBe("2025-03-01");
    expect(phpAddMonths("2024-03-31", -1)).toBe("2024-03-02");
    expect(phpDate(2025, 2, 29)).toBe("2025-03-01");
    expect(phpDate(2010, 13, 31)).toBe("2011-01-31");
  });
});
