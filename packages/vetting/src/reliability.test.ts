import { describe, expect, it } from "vitest";
import { thrown } from "../../core/test/thrown.js";
import { compileScorer, explainCriterion, K12_RUBRIC, readAnswers, riskScore, riskScoreOf, scoreApp, scoreApps, summarizeAcr, topsis, wcagCriteria, weightedSum, whatIfWeights } from "./index.js";

// Regressions of issue #18 for vetting, one per class of fault (the id cases are in
// ids.prop.test.ts).

const options = { asOf: "2026-07-01", district: { state: "IL" as const } };

describe("vetting inputs that are cyclic, extreme or hostile", () => {
  it("4. a cyclic document answer or ACR entries are an issue at the answer's path, not a stack overflow", () => {
    const dpa: Record<string, unknown> = { present: true, issuedOn: "2025-01-01" };
    dpa["self"] = dpa;
    const acr: Record<string, unknown> = { present: true, date: "2025-03-01", wcagVersion: "2.1", entries: { "1.1.1": "Supports" } };
    (acr["entries"] as Record<string, unknown>)["1.1.2"] = acr;
    const app = (answers: Record<string, unknown>) => ({ id: "x", name: "X", answers });
    for (const [call, path] of [
      [() => scoreApp(K12_RUBRIC, app({ dpa: { value: dpa } }), options), "app.answers.dpa.value"],
      [() => scoreApps(K12_RUBRIC, [app({}), app({ acr: { value: acr } })], options), "apps[1].answers.acr.value"],
      [() => readAnswers(K12_RUBRIC, [app({ acr: { value: acr } })]), "app.answers.acr.value"],
    ] as const) {
      const error = thrown(call);
      expect([error.issues[0]?.pathText, error.issues[0]?.code]).toEqual([path, "cycle"]);
    }
    expect(thrown(() => summarizeAcr(acr as never, { asOf: "2026-07-01" })).issues[0]?.pathText).toBe('acr.entries["1.1.2"]');
    // nested deeper than any answer: refused the same way
    let deep: Record<string, unknown> = { present: true };
    for (let i = 0; i < 40; i++) deep = { present: true, inner: deep };
    expect(thrown(() => scoreApp(K12_RUBRIC, app({ dpa: { value: deep } }), options)).issues[0]?.code).toBe("cycle");
  });

  it("5. TOPSIS and the weighted sum with a weight of 1e308 are refused, never NaN", () => {
    const m = {
      weights: [1e308, 1],
      alternatives: [
        { id: "a", values: [1, 2] },
        { id: "b", values: [2, 1] },
      ],
    };
    expect(thrown(() => topsis(m)).issues[0]?.pathText).toBe("weights[0]");
    expect(
      thrown(() =>
        weightedSum({
          ...m,
          weights: [1, 1],
          alternatives: [
            { id: "a", values: [1e200, 1] },
            { id: "b", values: [1, 1] },
          ],
        }),
      ).issues[0]?.pathText,
    ).toBe("alternatives[0].values[0]");
    const ok = topsis({ ...m, weights: [1e100, 1] });
    expect(ok.ranking.every((r) => Number.isFinite(r.score))).toBe(true);
  });

  it("1. the weighted sum's robustness does not depend on the ids of tied alternatives (found by the export fuzz's id property)", () => {
    // T2 (Wikipedia "Weighted sum model"): A2 and A3 tie above A1; both are A1's neighbours (renamed,
    // A3 comes first among the tied: only the last of them was compared with A1)
    const alternatives = [
      { id: "A1", values: [25, 20, 15, 30] },
      { id: "A2", values: [10, 30, 20, 30] },
      { id: "A3", values: [30, 10, 30, 10] },
    ];
    const weights = [0.2, 0.15, 0.4, 0.25];
    const a = weightedSum({ weights, alternatives });
    const b = weightedSum({ weights, alternatives: alternatives.map((x) => ({ ...x, id: x.id === "A2" ? "valueOf" : x.id === "A3" ? "__proto__" : "constructor" })) });
    expect(a.robustness).toMatchObject({ criterion: 2, between: ["A3", "A1"] });
    expect(a.robustness?.relative).toBeCloseTo(1 / 12, 12);
    expect(b.robustness).toMatchObject({ criterion: 2, relative: a.robustness?.relative, between: ["__proto__", "constructor"] });
  });

  it("1. wcagCriteria and explainCriterion read their tables by own key", () => {
    expect(thrown(() => wcagCriteria("constructor" as never, "AA")).issues[0]?.path).toEqual(["version"]);
    expect(thrown(() => wcagCriteria("2.1", "B" as never)).issues[0]?.path).toEqual(["level"]);
    const r = scoreApp(K12_RUBRIC, { id: "x", name: "X", answers: {} }, options);
    const corrupted = { ...r, contributions: r.contributions.map((c) => ({ ...c, status: "constructor" })) };
    expect(thrown(() => explainCriterion(corrupted as never, r.contributions[0]!.criterion)).issues[0]?.path).toEqual(["result"]);
  });

  it("7. a getter that throws in an app is wrapped with its cause, on the fast path and the full one", () => {
    const denied = new Error("denied");
    const app = {
      id: "x",
      name: "X",
      get answers(): never {
        throw denied;
      },
    };
    for (const call of [() => scoreApp(K12_RUBRIC, app, options), () => scoreApps(K12_RUBRIC, [app], options), () => compileScorer(K12_RUBRIC, options).scoreApps([app])]) {
      const error = thrown(call);
      expect([error.code, error.issues[0]?.code, error.cause]).toEqual(["INVALID_INPUT", "unreadable", denied]);
    }
  });
});

describe("vetting: riskScoreOf reads a score result through a schema", () => {
  const result = scoreApp(
    K12_RUBRIC,
    { id: "a", name: "A", answers: { privacyPolicyAvailable: { value: "yes" }, sellsData: { value: "doesNot" } } },
    { asOf: "2026-07-01", district: { state: "OR" } },
  );

  it("5. a NaN weight in a changed result is an error at its path, never a NaN risk", () => {
    const broken = { ...result, contributions: result.contributions.map((c, i) => (i === 0 ? { ...c, weight: Number.NaN } : c)) };
    expect(thrown(() => riskScoreOf(broken)).issues.map((i) => i.pathText)).toEqual(["result.contributions[0].weight"]);
    expect(Number.isFinite(riskScoreOf(result).score)).toBe(true);
  });

  it("7. a criterion that is a throwing getter is wrapped with its cause", () => {
    const denied = new Error("denied");
    const first = {
      ...result.contributions[0]!,
      get criterion(): string {
        throw denied;
      },
    };
    const error = thrown(() => riskScoreOf({ ...result, contributions: [first, ...result.contributions.slice(1)] }));
    expect(error.cause).toBe(denied);
    expect(thrown(() => riskScoreOf(null as never)).issues[0]?.path).toEqual(["result"]);
  });
});

describe("vetting: riskScore and whatIfWeights on extreme or missing input", () => {
  it("5. weights near the largest number give a finite risk (weights are scaled before they are added)", () => {
    const r = riskScore({
      items: [
        { id: "a", weight: 1.7e308, answer: 0 },
        { id: "b", weight: 1.7e308, answer: 1 },
      ],
    });
    expect(r.score).toBe(50);
    expect(r.contributions.map((c) => c.contribution)).toEqual([50, 0]);
  });

  it("6. whatIfWeights without weights names the argument", () => {
    const app = { id: "a", name: "A", answers: { privacyPolicyAvailable: { value: "yes" } } };
    expect(thrown(() => whatIfWeights(K12_RUBRIC, [app], undefined as never, { asOf: "2026-07-01", district: { state: "OR" } })).issues[0]?.path).toEqual(["weights"]);
  });
});
