import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { K12_RUBRIC } from "./rubrics/k12.js";
import type { RubricInput } from "./schema/rubric.js";
import { scoreApp, scoreApps } from "./score.js";

const options = { asOf: "2026-07-01", district: { state: "IL" } } as const;

/** A rubric of choice criteria whose option "s<k>" scores k/100, so any normalized score can be answered. */
function choiceRubric(weights: readonly number[], unanswered: "exclude" | "unfavourable" | "neutral" = "exclude"): RubricInput {
  return {
    id: "t",
    title: "Test rubric",
    methodVersion: "1",
    scoring: { unanswered },
    criteria: weights.map((w, i) => ({
      id: `c${i}`,
      title: `Criterion ${i}`,
      domain: "other" as const,
      weight: w,
      kind: "choice" as const,
      options: [0, 50, 100].map((k) => ({ value: `s${k}`, score: k / 100 })),
    })),
  };
}

describe("scoreApp — published vectors (DOMAIN-vetting.md §12)", () => {
  // T10: computed from §2 — w = [0.4, 0.3, 0.2, 0.1], scores [1.0, missing, 0.5, 1.0]
  it("T10: exclude-and-renormalize 85.7, missing = 0 gives 60.0, missing = 0.5 gives 75.0, coverage 0.70", () => {
    const answers = { c0: { value: "s100" }, c2: { value: "s50" }, c3: { value: "s100" } };
    const app = { id: "a", name: "A", answers };
    const exclude = scoreApp(choiceRubric([0.4, 0.3, 0.2, 0.1], "exclude"), app, options);
    const zero = scoreApp(choiceRubric([0.4, 0.3, 0.2, 0.1], "unfavourable"), app, options);
    const half = scoreApp(choiceRubric([0.4, 0.3, 0.2, 0.1], "neutral"), app, options);
    expect(exclude.score).toBeCloseTo(85.714, 3);
    expect(zero.score).toBeCloseTo(60, 9);
    expect(half.score).toBeCloseTo(75, 9);
    for (const r of [exclude, zero, half]) expect(r.coverage).toBeCloseTo(0.7, 12);
    expect(exclude.missing).toEqual(["c1"]);
    expect(exclude.policy.unanswered).toBe("exclude");
    expect(zero.policy.unanswered).toBe("unfavourable");
  });

  // T5: AuditTAP issue #181 — 15 checks: 7 pass, 3 fail, 5 N/A, equal weights
  it("T5: N/A leaves the denominator (70 %); counting N/A as failing gives the defect's 46.7 %", () => {
    const rubric = choiceRubric(Array.from({ length: 15 }, () => 1));
    const answers: Record<string, { value: string }> = {};
    for (let i = 0; i < 15; i++) answers[`c${i}`] = { value: i < 7 ? "s100" : i < 10 ? "s0" : "notApplicable" };
    const r = scoreApp(rubric, { id: "a", name: "A", answers }, options);
    expect(r.score).toBeCloseTo(70, 9);
    expect(r.coverage).toBe(1);
    expect(r.contributions.filter((c) => c.status === "notApplicable")).toHaveLength(5);
    // the defect: N/A kept in the denominator as a zero
    const defect: Record<string, { value: string }> = {};
    for (let i = 0; i < 10; i++) defect[`c${i}`] = answers[`c${i}`]!;
    const d = scoreApp(
      choiceRubric(
        Array.from({ length: 15 }, () => 1),
        "unfavourable",
      ),
      { id: "a", name: "A", answers: defect },
      options,
    );
    expect(d.score).toBeCloseTo(46.667, 3);
  });
});

describe("scoreApp — pipeline", () => {
  it("a score exactly on a threshold decides as written (46 of 92 weighted points is 50, not 49.999…)", () => {
    // found by the reference property: adding each contribution 100·w·s/92 gives 49.999999999999986,
    // which read "below 50" and denied an app whose open gates should ask for information
    const weights = [4, 17, 18, 18, 16, 19];
    const rubric: RubricInput = {
      id: "edge",
      title: "Edge",
      methodVersion: "1",
      criteria: weights.map((weight, i) => ({ id: `c${i}`, title: `C${i}`, domain: "privacy" as const, weight, kind: "yesNo" as const, gate: i === 0 || i === 5 })),
      scoring: { unanswered: "neutral", unclearScore: 0.5 },
      decision: { approveAt: 50, conditionalAt: 50, minCoverage: 0 },
    };
    const answers = { c0: { value: "unclear" }, c4: { value: "unclear" }, c5: { value: "unclear" } };
    const r = scoreApp(rubric, { id: "a", name: "A", answers }, options);
    expect(r.score).toBe(50);
    expect(r.decision).toBe("needsInformation");
    // without the gates, the same half-way answers reach "approve at 50" exactly: approved
    const noGates: RubricInput = { ...rubric, criteria: rubric.criteria.map((c) => ({ ...c, gate: false })) };
    const unclear = Object.fromEntries(weights.map((_, i) => [`c${i}`, { value: "unclear" }]));
    const approved = scoreApp(noGates, { id: "b", name: "B", answers: unclear }, options);
    expect([approved.score, approved.decision]).toEqual([50, "approved"]);
  });

  it("returns a null score, never 0, when nothing is scorable, and asks for information", () => {
    const rubric = choiceRubric([1, 2]);
    const none = scoreApp(rubric, { id: "a", name: "A", answers: {} }, options);
    expect(none.score).toBeNull();
    expect(none.decision).toBe("needsInformation");
    expect(none.coverage).toBe(0);
    const allNa = scoreApp(rubric, { id: "a", name: "A", answers: { c0: { value: "notApplicable" }, c1: { value: "notApplicable" } } }, options);
    expect(allNa.score).toBeNull();
    expect(allNa.coverage).toBeNull();
    expect(allNa.decision).toBe("needsInformation");
    expect(allNa.reasons.join(" ")).toMatch(/Nothing could be scored/);
  });

  it("contributions add up to the score and name each criterion", () => {
    const r = scoreApp(choiceRubric([3, 1, 2]), { id: "a", name: "A", answers: { c0: { value: "s100" }, c1: { value: "s50" }, c2: { value: "s0" } } }, options);
    const sum = r.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(r.score!, 12);
    expect(r.contributions.map((c) => c.contribution)).toEqual([50, (100 * 0.5) / 6, 0]);
  });

  it("a failed hard gate denies an app whatever its score", () => {
    const rubric: RubricInput = {
      id: "g",
      title: "G",
      methodVersion: "1",
      criteria: [
        { id: "sells", title: "Sells data", domain: "privacy", weight: 1, kind: "practice", better: "doesNot", gate: true },
        { id: "big", title: "Everything else", domain: "other", weight: 1000, kind: "yesNo" },
      ],
    };
    const r = scoreApp(rubric, { id: "a", name: "A", answers: { sells: { value: "does" }, big: { value: "yes" } } }, options);
    expect(r.score!).toBeGreaterThan(99);
    expect(r.decision).toBe("denied");
    expect(r.gatesFailed.map((g) => g.criterion)).toEqual(["sells"]);
    expect(r.contributions[0]!.gate).toBe("failed");
  });

  it("an unclear or unanswered hard gate asks for information; an expired one too", () => {
    const rubric: RubricInput = {
      id: "g",
      title: "G",
      methodVersion: "1",
      criteria: [
        { id: "dpa", title: "Signed DPA", domain: "privacy", weight: 1, kind: "document", gate: true },
        { id: "x", title: "X", domain: "other", weight: 9, kind: "yesNo" },
      ],
    };
    const base = { id: "a", name: "A" };
    expect(scoreApp(rubric, { ...base, answers: { x: { value: "yes" } } }, options).decision).toBe("needsInformation");
    expect(scoreApp(rubric, { ...base, answers: { dpa: { value: "unclear" }, x: { value: "yes" } } }, options).decision).toBe("needsInformation");
    const expired = scoreApp(rubric, { ...base, answers: { dpa: { value: { present: true, expiresOn: "2026-06-30" } }, x: { value: "yes" } } }, options);
    expect(expired.decision).toBe("needsInformation");
    expect(expired.contributions[0]!.status).toBe("expired");
    expect(expired.gatesUnresolved[0]!.reason).toMatch(/expired/);
    const valid = scoreApp(rubric, { ...base, answers: { dpa: { value: { present: true, expiresOn: "2026-07-01" } }, x: { value: "yes" } } }, options);
    expect(valid.decision).toBe("approved");
    expect(valid.reReview.on).toBe("2026-07-01");
  });

  it("denies an app with an open gate when its score so far is below the conditional threshold", () => {
    const rubric: RubricInput = {
      id: "g",
      title: "G",
      methodVersion: "1",
      criteria: [
        { id: "gate", title: "Gate", domain: "privacy", weight: 1, kind: "yesNo", gate: true },
        { id: "x", title: "X", domain: "other", weight: 9, kind: "yesNo" },
      ],
    };
    const r = scoreApp(rubric, { id: "a", name: "A", answers: { gate: { value: "unclear" }, x: { value: "no" } } }, options);
    expect(r.bestCaseScore).toBeCloseTo(10, 9);
    expect(r.decision).toBe("denied");
  });

  it("applies criteria by state, by users' ages and by other answers; unknown answers keep a criterion in", () => {
    const ny = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers: { collectsPII: { value: "does" } } }, { asOf: "2026-07-01", district: { state: "NY" } });
    const status = (r: typeof ny, id: string) => r.contributions.find((c) => c.criterion === id)!.status;
    expect(status(ny, "ny.billOfRights")).toBe("unanswered");
    expect(status(ny, "il.writtenAgreement")).toBe("notApplicable");
    const teens = scoreApp(K12_RUBRIC, { id: "a", name: "A", audience: { min: 14, max: 18 }, answers: { under13Intended: { value: "no" } } }, options);
    expect(status(teens, "coppaConsent")).toBe("notApplicable");
    expect(status(teens, "dpa")).toBe("unanswered"); // collectsPII unanswered → unknown → still applies
    const noData = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers: { collectsPII: { value: "doesNot" } } }, options);
    expect(status(noData, "dpa")).toBe("notApplicable");
    expect(noData.contributions.find((c) => c.criterion === "dpa")!.detail).toMatch(/applies only when/);
  });

  it("COPPA 2025 duties apply from the compliance date (2026-04-22)", () => {
    const app = { id: "a", name: "A", answers: {} };
    const before = scoreApp(K12_RUBRIC, app, { asOf: "2026-04-21", district: { state: "IL" } });
    const after = scoreApp(K12_RUBRIC, app, { asOf: "2026-04-22", district: { state: "IL" } });
    const status = (r: typeof before) => r.contributions.find((c) => c.criterion === "coppaRetentionPolicy")!.status;
    expect(status(before)).toBe("notApplicable");
    expect(status(after)).toBe("unanswered");
  });

  it("re-review is the earliest of the annual review, DPA expiry, SOC 2 period end + 12 months, ACR + 2 years, ISO 27001:2013 end", () => {
    const answers = {
      dpa: { value: { present: true, kind: "ndpa", expiresOn: "2028-06-30" } },
      collectsPII: { value: "does" },
      soc2: { value: { present: true, kind: "typeII", periodEnd: "2025-09-30" } },
      iso27001: { value: { present: true, edition: "2022", issuedOn: "2025-01-10" } },
      acr: { value: { present: true, date: "2024-08-01", wcagVersion: "2.1", entries: {} } },
    };
    const r = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers }, options);
    expect(r.reReview.on).toBe("2026-08-01");
    expect(r.reReview.triggers.map((t) => [t.on, t.criterion])).toEqual([
      ["2026-08-01", "acr"],
      ["2026-09-30", "soc2"],
      ["2027-07-01", null],
      ["2028-01-10", "iso27001"],
      ["2028-06-30", "dpa"],
    ]);
    const old = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers: { iso27001: { value: { present: true, edition: "2013", issuedOn: "2024-01-10" } } } }, options);
    const iso = old.contributions.find((c) => c.criterion === "iso27001")!;
    expect(iso.status).toBe("expired");
    expect(iso.validUntil).toBe("2025-10-31");
    const soc2Stale = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers: { soc2: { value: { present: true, kind: "typeII", periodEnd: "2025-06-30" } } } }, options);
    expect(soc2Stale.contributions.find((c) => c.criterion === "soc2")!.status).toBe("expired");
  });

  it("is deterministic: same inputs, same hash; a changed answer changes the hash", () => {
    const app = { id: "a", name: "A", answers: { c0: { value: "s100" } } };
    const a = scoreApp(choiceRubric([1]), app, options);
    const b = scoreApp(choiceRubric([1]), structuredClone(app), options);
    expect(a).toEqual(b);
    expect(scoreApp(choiceRubric([1]), { ...app, answers: { c0: { value: "s50" } } }, options).inputsHash).not.toBe(a.inputsHash);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    // plain data: a structured clone (postMessage to a worker) keeps every row
    const clone = structuredClone(a);
    expect(clone.contributions).toEqual(a.contributions);
    expect(Object.keys(a)).toContain("contributions");
  });
});

describe("scoreApps — bad input", () => {
  it("an app without id or name is reported (it used to escape as a TypeError from the hash)", () => {
    try {
      scoreApps(K12_RUBRIC, [{ answers: { sellsData: { value: "maybe" } } }, { id: "b", name: "B", answers: {} }], options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      expect((error as DistrictKitError).issues.map((i) => i.pathText)).toEqual(["apps[0].id", "apps[0].name", "apps[0].answers.sellsData.value"]);
    }
  });

  it("lists every problem of every app with its path", () => {
    try {
      scoreApps(
        K12_RUBRIC,
        [
          { id: "a", name: "A", answers: { nope: { value: "yes" }, sellsData: { value: "maybe" } } },
          { id: "", name: "B", answers: { dpa: { value: { present: true, kind: "handshake", expiresOn: "2026-02-30" } }, pentestDate: { value: "13/45/2024" } } },
          { id: "c", name: "C", answers: { "unicorn.dataQuality": { value: 7 }, acr: { value: { present: true, date: "2026-01-01", wcagVersion: "3.0", entries: {} } } } },
        ],
        options,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      const paths = (error as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toEqual([
        "apps[0].answers.nope",
        "apps[0].answers.sellsData.value",
        "apps[1].id",
        "apps[1].answers.dpa.value.expiresOn",
        "apps[1].answers.pentestDate.value",
        "apps[2].answers.acr.value.wcagVersion",
        'apps[2].answers["unicorn.dataQuality"].value',
      ]);
    }
  });

  it("refuses a rubric whose conditions or rating refer to missing criteria, duplicate ids and bad weights", () => {
    const bad = {
      id: "b",
      title: "B",
      methodVersion: "1",
      criteria: [
        { id: "a", title: "A", domain: "privacy", weight: -1, kind: "yesNo" },
        { id: "a", title: "A again", domain: "privacy", weight: 1, kind: "yesNo", appliesWhen: { type: "answer", criterion: "ghost", in: ["yes"] } },
        { id: "n", title: "N", domain: "privacy", weight: Number.NaN, kind: "yesNo" },
      ],
      rating: { policyCriterion: "ghost", practiceCriteria: ["a"] },
    };
    try {
      scoreApp(bad as never, { id: "x", name: "X", answers: {} }, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DistrictKitError);
      const paths = (error as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toContain("rubric.criteria[0].weight");
      expect(paths).toContain("rubric.criteria[2].weight");
    }
    const noNaN = { ...bad, criteria: bad.criteria.slice(0, 2).map((c) => ({ ...c, weight: 1 })) };
    try {
      scoreApp(noNaN as never, { id: "x", name: "X", answers: {} }, options);
      expect.unreachable();
    } catch (error) {
      const paths = (error as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toEqual(["rubric.criteria[1].id", "rubric.criteria[1].appliesWhen.criterion", "rubric.rating.policyCriterion"]);
    }
  });

  it("refuses dates that are not dates in the options", () => {
    expect(() => scoreApp(K12_RUBRIC, { id: "x", name: "X", answers: {} }, { asOf: "2026-02-30", district: { state: "IL" } })).toThrow(DistrictKitError);
    expect(() => scoreApp(K12_RUBRIC, { id: "x", name: "X", answers: {} }, { asOf: "2026-07-01", district: { state: "Illinois" } })).toThrow(DistrictKitError);
  });
});
