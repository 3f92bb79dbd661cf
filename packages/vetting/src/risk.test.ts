import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { RISK_TIERS_VENDORSCORE_1, riskScore, riskScoreOf } from "./risk.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { scoreApp } from "./score.js";
import { scoreTier } from "./tiers.js";

function issues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DistrictKitError);
    return (e as DistrictKitError).issues.map((i) => `${i.pathText}: ${i.message}`);
  }
  throw new Error("nothing was thrown");
}

describe("tiers with inclusive bounds on either side", () => {
  it("a risk exactly on a bound is the bound (24 of 60 risk points is 40, tier high — not 39.999…, medium)", () => {
    // summing the six contributions 100·w/60 gives 39.99999999999999 in floating point; the score divides once
    const weights = [18, 14, 15, 9, 1, 3];
    const answers = [1, 0, 1, 0, 0, 1];
    const r = riskScore({ items: weights.map((weight, i) => ({ id: `q${i}`, weight, answer: answers[i]! })) });
    expect(r.score).toBe(40);
    expect(r.tier?.label).toBe("high");
    expect(r.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(40, 12);
  });

  // OpenRisk vendorscore/1 (DOMAIN-vetting.md §2): critical ≥ 70, high ≥ 40, medium ≥ 20, low < 20
  it("puts each vendorscore/1 edge in the tier above it", () => {
    expect([70, 69.99, 40, 39.99, 20, 19.99, 0, 100].map((s) => scoreTier(s, RISK_TIERS_VENDORSCORE_1).label)).toEqual(["critical", "high", "high", "medium", "medium", "low", "low", "critical"]);
    expect(scoreTier(20, RISK_TIERS_VENDORSCORE_1).rule).toBe("20 ≤ score < 40");
  });

  it("puts the edge in the tier below it when the upper bound is the inclusive one", () => {
    const tiers = [
      { label: "low", atMost: 20 },
      { label: "medium", above: 20, atMost: 50 },
      { label: "high", above: 50 },
    ];
    expect([20, 20.001, 50, 50.001].map((s) => scoreTier(s, tiers).label)).toEqual(["low", "medium", "medium", "high"]);
    expect(scoreTier(50, tiers).rule).toBe("20 < score ≤ 50");
    expect(scoreTier(50, tiers).rank).toBe(1);
  });

  it("refuses tiers that leave a score out or hold one twice, and a score outside 0–100", () => {
    expect(
      issues(() =>
        scoreTier(5, [
          { label: "low", atMost: 20 },
          { label: "high", atLeast: 20 },
        ]),
      ),
    ).toEqual(['tiers[1]: tiers "low" (score ≤ 20) and "high" (20 ≤ score) overlap: a score can be in one tier only']);
    expect(
      issues(() =>
        scoreTier(5, [
          { label: "low", below: 20 },
          { label: "high", above: 20 },
        ]),
      ),
    ).toEqual(['tiers[1]: no tier holds a score of 20: between "low" (score < 20) and "high" (20 < score)']);
    expect(
      issues(() =>
        scoreTier(5, [
          { label: "low", below: 20 },
          { label: "high", atLeast: 30 },
        ]),
      ),
    ).toEqual(['tiers[1]: no tier holds a score of 20 to 30: between "low" (score < 20) and "high" (30 ≤ score)']);
    expect(issues(() => scoreTier(5, [{ label: "mid", atLeast: 10 }]))).toEqual(["tiers[0]: no tier holds a score of 10 or less: the tiers must start at 0"]);
    expect(issues(() => scoreTier(5, [{ label: "x", atLeast: 40, above: 40 }]))).toEqual(["tiers[0].above: expected one lower bound: atLeast (≥) or above (>), not both"]);
    expect(issues(() => scoreTier(5, [{ label: "x", above: 40, below: 40 }, { label: "y" }]))[0]).toContain('tier "x" holds no score');
    expect(issues(() => scoreTier(101, RISK_TIERS_VENDORSCORE_1))[0]).toMatch(/^score:/);
  });
});

describe("riskScore (OpenRisk vendorscore/1: higher is riskier)", () => {
  it("scores 100·Σw(1 − p)/Σw: unanswered as p = 0, N/A out, weight 0 and free text never scored", () => {
    const r = riskScore({
      items: [
        { id: "encryption", weight: 3, answer: 1 },
        { id: "mfa", weight: 2, answer: 0 },
        { id: "sso", weight: 2, answer: 0.5 },
        { id: "breachPlan", weight: 1, answer: "unanswered" },
        { id: "pentest", weight: 4, answer: "notApplicable" },
        { id: "bonus", weight: 0, answer: 0 },
        { id: "notes", weight: 1, answer: "text" },
      ],
    });
    // Σw = 3 + 2 + 2 + 1 = 8; risk = 100·(0 + 2 + 1 + 1)/8 = 50
    expect(r.score).toBe(50);
    expect(r.contributions.map((c) => [c.id, c.status, c.contribution])).toEqual([
      ["encryption", "scored", 0],
      ["mfa", "scored", 25],
      ["sso", "scored", 12.5],
      ["breachPlan", "unanswered", 12.5],
      ["pentest", "notApplicable", 0],
      ["bonus", "notScored", 0],
      ["notes", "notScored", 0],
    ]);
    expect(r.contributions.reduce((s, c) => s + c.contribution, 0)).toBe(r.score);
    expect(r.missing).toEqual(["breachPlan"]);
    expect(r.tier?.label).toBe("high");
    expect(r.explanation).toBe(
      "Risk 50 of 100 (higher is riskier), tier high (40 ≤ risk < 70); 4 questions scored, 1 unanswered counted as unfavourable (p = 0), 1 not applicable, 2 never scored (weight 0 or free text).",
    );
  });

  it("offers the neutral and exclude policies for unanswered questions", () => {
    const items = [
      { id: "a", weight: 1, answer: 1 },
      { id: "b", weight: 1, answer: "unanswered" as const },
    ];
    expect([riskScore({ items }).score, riskScore({ items, unanswered: "neutral" }).score, riskScore({ items, unanswered: "exclude" }).score]).toEqual([50, 25, 0]);
  });

  it("is null, never 0, when nothing is scorable", () => {
    const r = riskScore({
      items: [
        { id: "a", weight: 1, answer: "notApplicable" },
        { id: "b", weight: 0, answer: 1 },
      ],
    });
    expect([r.score, r.tier]).toEqual([null, null]);
    expect(r.explanation).toBe("No risk score: nothing was scorable (0 questions scored, 1 not applicable, 1 never scored (weight 0 or free text)).");
  });

  it("takes tiers with inclusive upper bounds, and says the rule in the sentence", () => {
    const r = riskScore({
      items: [{ id: "a", weight: 1, answer: 0.8 }],
      tiers: [
        { label: "acceptable", atMost: 20 },
        { label: "review", above: 20 },
      ],
    });
    expect(r.score).toBeCloseTo(20, 12);
    expect(r.tier?.label).toBe(r.score! <= 20 ? "acceptable" : "review");
  });

  it("refuses duplicate ids, a p outside [0, 1], a negative weight", () => {
    expect(
      issues(() =>
        riskScore({
          items: [
            { id: "a", weight: 1, answer: 1 },
            { id: "a", weight: -1, answer: 2 },
          ],
        }),
      ).map((m) => m.split(":")[0]),
    ).toEqual(["items[1].weight", "items[1].answer", "items[1].id"]);
  });
});

describe("riskScoreOf a vetting result", () => {
  it("is 100 − the score under a rubric whose unanswered policy is unfavourable", () => {
    const rubric = { ...K12_RUBRIC, scoring: { unanswered: "unfavourable" as const, unclearScore: 0 } };
    const result = scoreApp(
      rubric,
      { id: "a", name: "A", answers: { privacyPolicyAvailable: { value: "yes" }, sellsData: { value: "doesNot" }, targetedAds: { value: "unclear" } } },
      { asOf: "2026-07-01", district: { state: "OR" } },
    );
    const risk = riskScoreOf(result);
    expect(risk.score! + result.score!).toBeCloseTo(100, 9);
    expect(risk.explanation).toContain(`Risk ${Math.round(risk.score! * 10) / 10} of 100`);
    expect(() => riskScoreOf({} as never)).toThrow(DistrictKitError);
  });
});
