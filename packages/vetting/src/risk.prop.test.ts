import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RISK_TIERS_VENDORSCORE_1, riskScore } from "./risk.js";
import { scoreTier } from "./tiers.js";

const answerArb = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((k) => k / 4),
  fc.constantFrom("unanswered" as const, "notApplicable" as const, "text" as const),
);
const itemsArb = fc.array(fc.record({ weight: fc.integer({ min: 0, max: 10 }), answer: answerArb }), { minLength: 1, maxLength: 12 }).map((xs) => xs.map((x, i) => ({ id: `q${i}`, ...x })));
const policyArb = fc.constantFrom("unfavourable" as const, "neutral" as const, "exclude" as const);

describe("risk scores (INVARIANTS.md, vetting, with the direction reversed)", () => {
  it("a better answer (p up, or unanswered answered) never raises the risk nor moves it to a riskier tier", () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.integer({ min: 0, max: 4 }), policyArb, (items, at, better, unanswered) => {
        const k = at % items.length;
        const before = items[k]!.answer;
        const from = typeof before === "number" ? before : before === "unanswered" && unanswered === "unfavourable" ? 0 : null;
        if (from === null) return; // only answers in the computation at p = from are improved
        const to = Math.max(from, better / 4);
        const a = riskScore({ items, unanswered });
        const b = riskScore({ items: items.map((it, i) => (i === k ? { ...it, answer: to } : it)), unanswered });
        if (a.score === null) return;
        expect(b.score!).toBeLessThanOrEqual(a.score + 1e-9);
        expect(b.tier!.rank).toBeLessThanOrEqual(a.tier!.rank);
      }),
      { numRuns: 300 },
    );
  });

  it("contributions add up to the score, in [0, 100] or null; rescaling the weights changes nothing", () => {
    fc.assert(
      fc.property(itemsArb, policyArb, fc.integer({ min: 2, max: 7 }), (items, unanswered, c) => {
        const r = riskScore({ items, unanswered });
        if (r.score === null) {
          expect(r.contributions.every((x) => x.contribution === 0)).toBe(true);
          return;
        }
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.abs(r.contributions.reduce((s, x) => s + x.contribution, 0) - r.score)).toBeLessThan(1e-9);
        const scaled = riskScore({ items: items.map((it) => ({ ...it, weight: it.weight * c })), unanswered });
        expect(Math.abs(scaled.score! - r.score)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("tiers are monotone: a higher score is never in a lower tier, with either kind of bound", () => {
    const inclusiveUpper = [
      { label: "low", atMost: 20 },
      { label: "medium", above: 20, atMost: 50 },
      { label: "high", above: 50 },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (x, y) => {
        const [lo, hi] = x <= y ? [x / 100, y / 100] : [y / 100, x / 100];
        for (const tiers of [RISK_TIERS_VENDORSCORE_1, inclusiveUpper]) expect(scoreTier(lo, tiers).rank).toBeLessThanOrEqual(scoreTier(hi, tiers).rank);
      }),
      { numRuns: 300 },
    );
  });
});
