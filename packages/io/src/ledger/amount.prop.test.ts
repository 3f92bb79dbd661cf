import { isDistrictKitError, Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBadAmount, parseCents } from "./amount.js";

// parseCents is a fast path; Money.parse is its reference (after the two notations only ledgers
// use — a trailing minus and a CR mark — are rewritten as a leading minus).
function reference(text: string): number | "bad" {
  let t = text
    .trim()
    .replace(/^usd\s*/i, "")
    .replace(/\s*usd$/i, "");
  let neg = false;
  if (/^\(.*\)$/.test(t)) {
    neg = true;
    t = t.slice(1, -1).trim();
  }
  if (/\s*cr$/i.test(t)) {
    neg = !neg;
    t = t.replace(/\s*cr$/i, "");
  } else t = t.replace(/\s*dr$/i, "");
  if (/^[^-+].*-$/.test(t)) {
    neg = !neg;
    t = t.slice(0, -1).trim();
  }
  try {
    const m = Money.parse(neg ? `-${t}` : t);
    if (!m.isWholeCents()) return "bad";
    return m.toCents();
  } catch (e) {
    if (!isDistrictKitError(e)) throw e;
    return "bad";
  }
}

const formatted = fc
  .tuple(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.constantFrom("plain", "grouped", "dollar", "parens", "trailing", "cr", "usd", "onedecimal", "nodecimal"))
  .map(([c, style]) => {
    const a = Math.abs(c);
    const whole = String(Math.floor(a / 100));
    const frac = String(a % 100).padStart(2, "0");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const neg = c < 0;
    switch (style) {
      case "plain":
        return { text: `${neg ? "-" : ""}${whole}.${frac}`, cents: c };
      case "grouped":
        return { text: `${neg ? "-" : ""}${grouped}.${frac}`, cents: c };
      case "dollar":
        return { text: `${neg ? "-" : ""}$${grouped}.${frac}`, cents: c };
      case "parens":
        return { text: neg ? `(${grouped}.${frac})` : `${grouped}.${frac}`, cents: c };
      case "trailing":
        return { text: `${grouped}.${frac}${neg ? "-" : ""}`, cents: c };
      case "cr":
        return { text: `${grouped}.${frac}${neg ? " CR" : ""}`, cents: c };
      case "usd":
        return { text: `USD ${neg ? "-" : ""}${whole}.${frac}`, cents: c };
      case "onedecimal":
        return { text: `${neg ? "-" : ""}${whole}.${frac[0]}`, cents: (neg ? -1 : 1) * (Math.floor(a / 100) * 100 + Number(frac[0]) * 10) };
      default:
        return { text: `${neg ? "-" : ""}${whole}`, cents: (neg ? -1 : 1) * Math.floor(a / 100) * 100 };
    }
  });

describe("parseCents (ledger amounts to whole cents)", () => {
  it("reads every notation a finance export uses, exactly", () => {
    fc.assert(
      fc.property(formatted, ({ text, cents }) => {
        expect(parseCents(text)).toBe(cents === 0 ? 0 : cents);
      }),
      { numRuns: 400 },
    );
  });
  it("agrees with Money.parse (the reference) on any text made of amount characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("1", "2", "0", "9", ",", ".", "-", "(", ")", "$", " "), minLength: 1, maxLength: 14 }), (raw) => {
        const text = raw.trim();
        if (text === "") return;
        const fast = parseCents(text);
        const ref = reference(text);
        if (ref === "bad") expect(isBadAmount(fast)).toBe(true);
        else expect(fast).toBe(ref === 0 ? 0 : ref);
      }),
      { numRuns: 1000 },
    );
  });
  it.each([
    ["1,234.56", 123456],
    ["(1,234.56)", -123456],
    ["1234.56-", -123456],
    ["12.00 CR", -1200],
    ["$0.10", 10],
    [".5", 50],
    ["1.500", 150],
  ])("reads %s as %i cents", (text, cents) => expect(parseCents(text)).toBe(cents));
  it.each([
    ["TBD", "expected e.g."],
    ["-", "no digits"],
    ["1,23.00", "misplaced thousands separator"],
    ["12.345", "fractions of a cent"],
    ["1.234,56", "European notation"],
    ["12 34", "expected e.g."],
    ["(-1)", "a sign inside parentheses"],
    ["(+12.00)", "a sign inside parentheses"],
  ])("refuses %s (%s)", (text, why) => {
    const r = parseCents(text);
    expect(isBadAmount(r) && r.reason).toContain(why);
  });
});
