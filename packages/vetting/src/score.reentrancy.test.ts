import { describe, expect, it, vi } from "vitest";
import { issuesOf } from "../test/arbitraries.js";
import type { RubricInput } from "./schema/rubric.js";
import { scoreApp, scoreApps } from "./score.js";
import { compileScorer } from "./scorer.js";
import { readAnswers } from "./sheet.js";

// Inputs a careful caller rarely sends but a library must survive: answers whose getters call the
// engine again, audiences that are not valid, a polluted Object.prototype on the first call, and
// apps changed after an answer sheet read them. Found by a review of the answer-sheet change.

const options = { asOf: "2026-07-01", district: { state: "NY" } };
const other: RubricInput = { id: "o", title: "O", methodVersion: "1", criteria: [{ id: "z", title: "Z", domain: "privacy", weight: 1, kind: "yesNo" }] };
const scoreOther = (): unknown => scoreApp(other, { id: "q", name: "Q", answers: { z: { value: "yes" } } }, options);

describe("the engine called again from an answer's getter", () => {
  it("while an app is read: the outer app keeps its evidence dates (expiry still applies) and its hash", () => {
    const rubric: RubricInput = {
      id: "r",
      title: "R",
      methodVersion: "1",
      criteria: [
        { id: "cert", title: "Cert", domain: "security", weight: 1, kind: "date", freshForMonths: 12 },
        { id: "sso", title: "SSO", domain: "security", weight: 1, kind: "yesNo" },
      ],
    };
    const plain = { id: "x", name: "X", answers: { cert: { value: "2020-01-01" }, sso: { value: "yes" } } };
    const tricky = {
      id: "x",
      name: "X",
      answers: {
        cert: { value: "2020-01-01" },
        sso: {
          get value() {
            scoreOther();
            return "yes";
          },
        },
      },
    };
    const a = scoreApp(rubric, plain, options);
    const b = scoreApp(rubric, tricky, options);
    expect(b.contributions.map((c) => c.status)).toEqual(["expired", "met"]);
    expect(b.decision).toBe("denied");
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("while an app is scored: the outer app's conditions still read its own answers", () => {
    const rubric: RubricInput = {
      id: "r",
      title: "R",
      methodVersion: "1",
      criteria: [
        { id: "c0", title: "C0", domain: "privacy", weight: 1, kind: "practice", better: "doesNot" },
        { id: "c1", title: "C1", domain: "privacy", weight: 1, kind: "yesNo", appliesWhen: { type: "answer", criterion: "c0", in: ["does"] } },
        { id: "c2", title: "C2", domain: "privacy", weight: 1, kind: "yesNo", appliesWhen: { type: "answer", criterion: "c0", in: ["does", "unclear"] } },
      ],
    };
    const app = {
      id: "x",
      name: "X",
      answers: {
        c0: {
          get value() {
            scoreOther();
            return "doesNot";
          },
        },
        c2: { value: "no" },
      },
    };
    const r = scoreApp(rubric, app, options);
    expect(r.contributions.map((c) => c.status)).toEqual(["met", "notApplicable", "notApplicable"]);
    expect(r.decision).toBe("approved");
  });
});

describe("an audience that is not valid", () => {
  it("is reported, and conditions on the users' age read its minimum as given (as they always did)", () => {
    const rubric: RubricInput = {
      id: "r",
      title: "R",
      methodVersion: "1",
      criteria: [
        { id: "a", title: "A", domain: "privacy", weight: 1, kind: "yesNo" },
        { id: "b", title: "B", domain: "privacy", weight: 1, kind: "yesNo", appliesWhen: { type: "usersYoungerThan", age: 13 } },
      ],
    };
    const app = (audience: unknown) => ({ id: "x", name: "X", audience, answers: { a: { value: "yes" }, b: { value: "maybe" } } });
    // 14.5 is not < 13: b does not apply, its value is not checked
    expect(issuesOf(() => scoreApps(rubric, [app({ min: 14.5, max: 18 })], options))).toEqual([["app.audience.min", "expected a whole age from 0 to 120, got 14.5"]]);
    // -1 is < 13: b applies, and its value is reported too
    expect(issuesOf(() => scoreApps(rubric, [app({ min: -1, max: 18 })], options))!.map(([p]) => p)).toEqual(["app.audience.min", "app.answers.b.value"]);
  });
});

describe("the first call of a process", () => {
  it("scores even when Object.prototype has an enumerable key by then (the one-time warm-up may not stop it)", async () => {
    vi.resetModules();
    const fresh = await import("./index.js");
    const rubric: RubricInput = { id: "r", title: "R", methodVersion: "1", criteria: [{ id: "a", title: "A", domain: "privacy", weight: 1, kind: "yesNo" }] };
    const scorer = fresh.compileScorer(rubric, options);
    const sheet = fresh.readAnswers(rubric, [{ id: "x", name: "X", answers: { a: { value: "yes" } } }]);
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      expect(scorer.scoreSheet(sheet)[0]!.score).toBe(100);
    } finally {
      delete proto.polluted;
    }
  });
});

describe("an answer sheet", () => {
  it("is a reading of the apps as they were: an answer changed afterwards changes nothing it scores", () => {
    const rubric: RubricInput = {
      id: "r",
      title: "R",
      methodVersion: "1",
      rating: { policyCriterion: "policy", practiceCriteria: ["ads"] },
      criteria: [
        { id: "policy", title: "Policy", domain: "privacy", weight: 1, kind: "yesNo" },
        { id: "ads", title: "Ads", domain: "privacy", weight: 1, kind: "practice", better: "doesNot" },
        { id: "pii", title: "PII", domain: "privacy", weight: 1, kind: "yesNo", appliesWhen: { type: "answer", criterion: "ads", in: ["does"] } },
      ],
    };
    const apps = [{ id: "x", name: "X", answers: { policy: { value: "yes" }, ads: { value: "doesNot" }, pii: { value: "no" } } }];
    const asRead = structuredClone(apps);
    const sheet = readAnswers(rubric, apps);
    apps[0]!.answers.ads.value = "does";
    const r = compileScorer(rubric, options).scoreSheet(sheet)[0]!;
    expect(JSON.stringify(r)).toBe(JSON.stringify(scoreApps(rubric, asRead, options)[0]));
    expect(r.rating?.rating).toBe("pass");
    expect(r.contributions.map((c) => c.status)).toEqual(["met", "met", "notApplicable"]);
  });
});
