import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dollars, fileTotals, tieOutOf } from "./tieOut.js";

// The tie-out sentence must agree with the numbers beside it: every dollar figure it prints is one
// of the tie-out's figures, the parts it adds up equal the rows, and "ties out" is said exactly when
// the difference is zero.
const cents = fc.integer({ min: -5_000_000_000, max: 5_000_000_000 });
const parseDollars = (s: string): number => {
  const neg = s.startsWith("-");
  return (neg ? -1 : 1) * Math.round(Number(s.replace(/[-$,]/g, "")) * 100);
};

describe("tieOutOf: the sentence and the figures", () => {
  it("dollars() writes what Money's en-US format writes", () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(dollars(c)).toBe(Money.fromCents(c).format());
      }),
    );
  });

  it("the parts in the sentence add up to the rows it names, and it says 'ties out' exactly when the difference is zero", () => {
    fc.assert(
      fc.property(
        fc.record({ inLineItems: cents, negativeNet: fc.integer({ min: -1_000_000, max: 0 }), excluded: cents, unmapped: cents, unreadableRows: fc.nat(3) }),
        fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
        fc.constantFrom("budget", "actuals" as const),
        (f, off, kind) => {
          const rows = f.inLineItems + f.negativeNet + f.excluded + f.unmapped;
          const fileTotal = off === null ? null : rows + off;
          const t = tieOutOf({ kind, column: "Budget", fiscalYear: 2027, label: "FY2027", rows, ...f, fileTotal });
          const [lhs, rest] = t.explanation.split(" = ");
          expect(parseDollars(/add up to (-?\$[\d,.]+)/.exec(lhs!)![1]!)).toBe(t.rows.toCents());
          const parts = rest!
            .split(";")[0]!
            .split(" + ")
            .map((p) => parseDollars(p.split(" ")[0]!));
          expect(parts.reduce((s, p) => s + p, 0)).toBe(t.rows.toCents());
          expect(t.explanation.includes("ties out to the cent")).toBe(t.ties && fileTotal !== null);
          expect(t.ties).toBe(off === null || off === 0);
          if (off !== null && off !== 0) expect(t.explanation).toContain(`a difference of ${dollars(off)}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("fileTotals: which total rows are the file's total", () => {
  const row = (line: number, label: string, amount: number, fiscalYear = 0) => ({ line, label, amount, encumbered: 0, fiscalYear });
  it("a grand total wins over subtotals, which are reported", () => {
    const t = fileTotals({ controlTotal: null, controlTotals: [row(5, "Subtotal 2230", 100), row(9, "Grand Total", 250)] as never });
    expect(t.all).toBe(250);
    expect(t.issues).toEqual([{ kind: "subtotals-ignored", severity: "info", lines: [5], reason: expect.stringContaining("grand total") }]);
  });
  it("one total per fiscal year adds up; several unlabeled totals take the last one with a warning", () => {
    const perYear = fileTotals({ controlTotal: null, controlTotals: [row(5, "Total", 100, 2027), row(9, "Total", 250, 2028)] as never });
    expect([perYear.all, [...perYear.byYear]]).toEqual([
      350,
      [
        [2027, 100],
        [2028, 250],
      ],
    ]);
    const last = fileTotals({ controlTotal: null, controlTotals: [row(5, "Total", 100), row(9, "Total", 250)] as never });
    expect([last.all, last.issues[0]?.severity, last.issues[0]?.lines]).toEqual([250, "warning", [5]]);
  });
  it("a total given in the options wins", () => {
    expect(fileTotals({ controlTotal: 7, controlTotals: [row(5, "Grand Total", 100)] as never }).all).toBe(7);
  });
});
