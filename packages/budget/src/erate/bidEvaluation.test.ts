import { describe, expect, it } from "vitest";
import { evaluateBids } from "../index.js";

// Rule fixtures: 47 CFR 54.511(a) (price the primary factor); FCC 03-313 (Ysleta) para. 50 (the
// cost category weighs more than any other single factor); the Bureau upheld denials where price
// and "understanding of needs" were weighted 25 % each, and where price tied "knowledge of
// infrastructure" at 25 % (JD Supra, "FCC Decision Confirms Cost 'Primary Factor' Rule"; Kelley
// Drye, "FCC Denies Another E-Rate Appeal …").
const criteria = [
  { id: "price", name: "Price", weight: 30, price: true },
  { id: "exp", name: "Experience", weight: 25 },
  { id: "plan", name: "Installation plan", weight: 25 },
  { id: "local", name: "Local support", weight: 20 },
];
const bids = [
  {
    id: "a",
    vendor: "Acme Networks",
    price: "96000",
    scores: [
      { criterion: "exp", points: 6 },
      { criterion: "plan", points: 6 },
      { criterion: "local", points: 5 },
    ],
  },
  {
    id: "b",
    vendor: "Bolt IT",
    price: "104000",
    scores: [
      { criterion: "exp", points: 9 },
      { criterion: "plan", points: 8 },
      { criterion: "local", points: 9 },
    ],
  },
  {
    id: "c",
    vendor: "Crane Systems",
    price: "120000",
    scores: [
      { criterion: "exp", points: 10 },
      { criterion: "plan", points: 9 },
      { criterion: "local", points: 8 },
    ],
  },
  { id: "d", vendor: "Robobid LLC", price: "50000", disqualified: "no site-specific response" },
];

describe("evaluateBids", () => {
  it("refuses to name a winner when another factor weighs as much as price (the 25 %/25 % denials)", () => {
    const r = evaluateBids({
      criteria: [
        { id: "price", name: "Price", weight: 25, price: true },
        { id: "needs", name: "Understanding of needs", weight: 25 },
        { id: "x", name: "Other", weight: 50 },
      ],
      bids: [],
    });
    expect(r.compliant).toBe(false);
    expect(r.winner).toBeNull();
    expect(r.weightCheck.problems).toHaveLength(2);
    expect(r.explanation).toMatch(/^The weights break the rule/);
  });

  it("lets the other factors together outweigh price, scores bids and explains the winner", () => {
    const r = evaluateBids({ criteria, bids });
    expect(r.compliant).toBe(true);
    expect(r.weightCheck).toMatchObject({ priceWeightShare: 0.3, heaviestOther: { criterion: "exp", share: 0.25 }, othersCombinedShare: 0.7 });
    expect(r.bids.map((b) => b.id)).toEqual(["b", "c", "a"]);
    expect(r.disqualified).toEqual([{ id: "d", vendor: "Robobid LLC", reason: "no site-specific response" }]);
    // contributions add up to each total
    for (const b of r.bids) expect(b.contributions.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(b.total, 3);
    // b: 30·96/104 + 25·.9 + 25·.8 + 20·.9 = 27.6923 + 22.5 + 20 + 18 = 88.1923; c: 24 + 25 + 22.5 + 16 = 87.5; a: 30 + 15 + 15 + 10 = 70
    expect(r.bids.map((b) => b.total)).toEqual([88.1923, 87.5, 70]);
    expect(r.winner).toBe("b");
    expect(r.bids.find((b) => b.id === "a")!.lowestPrice).toBe(true);
    expect(r.explanation).toContain("Bolt IT scores 88.19 of 100 and wins, though Acme Networks is cheaper");
  });

  it("says how robust the choice is: the smallest one-weight change that ties a runner-up", () => {
    const r = evaluateBids({ criteria, bids });
    const rb = r.robustness!;
    // brute force over the same one-at-a-time changes (share k ± δ, others fixed)
    const shares = [0.3, 0.25, 0.25, 0.2];
    const s = {
      a: [1, 0.6, 0.6, 0.5],
      b: [96 / 104, 0.9, 0.8, 0.9],
      c: [0.8, 1, 0.9, 0.8],
    };
    const total = (x: number[], w: number[]) => x.reduce((acc, v, i) => acc + 100 * w[i]! * v, 0);
    let best = Infinity;
    for (const R of ["a", "c"] as const)
      for (let k = 0; k < 4; k++) {
        const d = (total(s.b, shares) - total(s[R], shares)) / (100 * (s[R][k]! - s.b[k]!));
        if (Number.isFinite(d) && shares[k]! + d >= 0) best = Math.min(best, Math.abs(d));
      }
    expect(Math.abs(rb.deltaPoints)).toBeCloseTo(best * 100, 2);
    expect(rb.sentence).toContain("would tie Bolt IT");
  });

  it("its sentence agrees with its numbers: with the weight it names, the runner-up ties the winner, at the share it names", () => {
    const r = evaluateBids({ criteria, bids });
    const rb = r.robustness!;
    const m = /if (.+)'s weight went from ([\d.]+) to ([\d.]+) \(its share of the total from ([\d.]+) % to ([\d.]+) %\), other weights unchanged/.exec(rb.sentence)!;
    expect(m).not.toBeNull();
    const k = criteria.findIndex((c) => c.name === m[1]);
    const total = criteria.reduce((a, c) => a + c.weight, 0);
    expect(Number(m[2])).toBe(criteria[k]!.weight);
    expect(Number(m[3])).toBeCloseTo(criteria[k]!.weight + (rb.deltaPoints / 100) * total, 1);
    expect(Number(m[4])).toBeCloseTo((100 * criteria[k]!.weight) / total, 2);
    // re-evaluated with the weight the sentence names: the runner-up and the winner tie
    const changed = criteria.map((c, i) => (i === k ? { ...c, weight: Number(m[3]) } : c));
    const again = evaluateBids({ criteria: changed, bids });
    const totalOf = (id: string) => again.bids.find((b) => b.id === id)!.total;
    expect(Math.abs(totalOf(rb.runnerUp) - totalOf(r.winner!))).toBeLessThan(0.02);
    expect(Number(m[5])).toBeCloseTo((100 * Number(m[3])) / changed.reduce((a, c) => a + c.weight, 0), 1);
    expect(Number(m[5])).toBeLessThanOrEqual(100);
  });

  it("reports a tie and breaks it by the lower price", () => {
    const r = evaluateBids({
      criteria: [
        { id: "price", name: "Price", weight: 2, price: true },
        { id: "q", name: "Quality", weight: 1 },
      ],
      bids: [
        { id: "x", vendor: "X", price: "100", scores: [{ criterion: "q", points: 5 }] },
        { id: "y", vendor: "Y", price: "200", scores: [{ criterion: "q", points: 10 }] },
      ],
    });
    // x: 2/3·1 + 1/3·.5 = .8333; y: 2/3·.5 + 1/3·1 = .6667 — no tie; make one
    expect(r.winner).toBe("x");
    const t = evaluateBids({
      criteria: [
        { id: "price", name: "Price", weight: 2, price: true },
        { id: "q", name: "Quality", weight: 1 },
      ],
      bids: [
        { id: "y", vendor: "Y", price: "200", scores: [{ criterion: "q", points: 8 }] },
        { id: "x", vendor: "X", price: "100", scores: [{ criterion: "q", points: 0 }] },
        { id: "z", vendor: "Z", price: "100", scores: [{ criterion: "q", points: 0 }] },
      ],
    });
    expect(t.winner).toBe("x");
    expect(t.tiedWithWinner).toEqual(["z"]);
  });

  it("lists every malformed part of the matrix", () => {
    expect(() =>
      evaluateBids({
        criteria: [{ id: "q", name: "Quality", weight: 1 }],
        bids: [
          {
            id: "a",
            vendor: "A",
            price: "1",
            scores: [
              { criterion: "nope", points: 1 },
              { criterion: "q", points: 99 },
            ],
          },
        ],
      }),
    ).toThrow(/exactly one criterion with price: true[\s\S]*unknown criterion "nope"[\s\S]*at most maxPoints/);
  });
});
