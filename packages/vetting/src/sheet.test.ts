import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { issuesOf } from "../test/arbitraries.js";
import { deriveRubric } from "./derive.js";
import { generateApps } from "./generate.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { scoreApps } from "./score.js";
import { compileScorer } from "./scorer.js";
import { readAnswers } from "./sheet.js";

const sample = JSON.parse(readFileSync(new URL("../../../examples/data/sample-district/apps.json", import.meta.url), "utf8")) as { asOf: string; apps: unknown[] };
const options = { asOf: sample.asOf, district: { state: "NY" } };

describe("readAnswers and Scorer.scoreSheet", () => {
  it("score the sample district's apps exactly as scoreApps does, hash included", () => {
    const sheet = readAnswers(K12_RUBRIC, sample.apps);
    expect(sheet.rubricId).toBe(K12_RUBRIC.id);
    expect(sheet.appIds).toEqual(sample.apps.map((a) => (a as { id: string }).id));
    for (const state of ["NY", "CA", "IL", "TX"]) {
      const o = { asOf: sample.asOf, district: { state } };
      expect(JSON.stringify(compileScorer(K12_RUBRIC, o).scoreSheet(sheet))).toBe(JSON.stringify(scoreApps(K12_RUBRIC, sample.apps, o)));
    }
  });

  it("re-score with a derived rubric (weights, gates, thresholds) and another date as scoreApps would", () => {
    const sheet = readAnswers(K12_RUBRIC, sample.apps);
    const strict = deriveRubric(K12_RUBRIC, { id: "strict", methodVersion: "s.1", weights: { sellsData: 12, wcagClaim: 0 }, gates: { soc2: true }, decision: { approveAt: 90, conditionalAt: 70 } });
    const later = { asOf: "2028-01-15", district: { state: "CA", userAges: { min: 5, max: 12 } } };
    expect(JSON.stringify(compileScorer(strict, later).scoreSheet(sheet))).toBe(JSON.stringify(scoreApps(strict, sample.apps, later)));
  });

  it("read the apps again when the scorer's rubric asks other questions", () => {
    const sheet = readAnswers(K12_RUBRIC, sample.apps);
    const more = deriveRubric(K12_RUBRIC, { id: "more", methodVersion: "m.1", add: [{ id: "offline", title: "Works offline", domain: "other", weight: 2, kind: "yesNo" }] });
    expect(JSON.stringify(compileScorer(more, options).scoreSheet(sheet))).toBe(JSON.stringify(scoreApps(more, sample.apps, options)));
  });

  it("the sheet keeps its own list: changing the caller's array afterwards changes nothing", () => {
    const apps = sample.apps.slice();
    const sheet = readAnswers(K12_RUBRIC, apps);
    apps.pop();
    expect(compileScorer(K12_RUBRIC, options).scoreSheet(sheet)).toHaveLength(sample.apps.length);
    expect(Object.isFrozen(sheet)).toBe(true);
    expect(Object.isFrozen(sheet.appIds)).toBe(true);
  });

  it("report problems of shape when reading, with their paths", () => {
    const bad = [
      { id: "a", name: "A", answers: { nope: { value: "yes" } } },
      { id: "", name: "B", answers: { sellsData: { value: "doesNot", asOf: "2026-02-30" } } },
    ];
    expect(issuesOf(() => readAnswers(K12_RUBRIC, bad))).toEqual(issuesOf(() => scoreApps(K12_RUBRIC, bad, options)));
    expect(issuesOf(() => readAnswers(K12_RUBRIC, bad))!.map(([p]) => p)).toEqual(["apps[0].answers.nope", "apps[1].id", "apps[1].answers.sellsData.asOf"]);
    expect(issuesOf(() => readAnswers(K12_RUBRIC, "apps" as never))).toEqual([["apps", "expected a list of apps"]]);
  });

  it("report a value that does not fit its criterion when scoring, only where the criterion applies", () => {
    // ny.securityPlan applies only in New York, to apps that collect students' PII
    const ny = K12_RUBRIC.criteria.find((c) => c.id === "ny.securityPlan");
    expect(ny?.kind).toBe("yesNo");
    const apps = [{ id: "a", name: "A", answers: { collectsPII: { value: "does" }, [ny!.id]: { value: "perhaps" } } }];
    const sheet = readAnswers(K12_RUBRIC, apps);
    const inNy = issuesOf(() => compileScorer(K12_RUBRIC, options).scoreSheet(sheet));
    expect(inNy).toEqual(issuesOf(() => scoreApps(K12_RUBRIC, apps, options)));
    expect(inNy![0]![0]).toBe(`app.answers["ny.securityPlan"].value`);
    const il = { asOf: sample.asOf, district: { state: "IL" } };
    expect(compileScorer(K12_RUBRIC, il).scoreSheet(sheet)[0]!.appId).toBe("a");
    expect(scoreApps(K12_RUBRIC, apps, il)[0]!.appId).toBe("a");
  });

  it("refuse what is not a sheet", () => {
    const scorer = compileScorer(K12_RUBRIC, options);
    expect(issuesOf(() => scorer.scoreSheet({ rubricId: "k12", methodVersion: "x", appIds: [] }))).toEqual([["sheet", "expected an answer sheet made by readAnswers"]]);
    expect(issuesOf(() => scorer.scoreSheet(null as never))).toEqual([["sheet", "expected an answer sheet made by readAnswers"]]);
  });

  it("give every app's inputs a hash that follows every input and not the order of its answers", () => {
    const { rubric, apps } = generateApps({ apps: 40, criteria: 30, seed: "hash" });
    const scorer = compileScorer(rubric, options);
    const base = scorer.scoreSheet(readAnswers(rubric, apps)).map((r) => r.inputsHash);
    expect(new Set(base).size).toBe(40);
    const app = apps[0] as { id: string; name: string; answers: Record<string, { value: unknown }> };
    const reversed = { ...app, answers: Object.fromEntries(Object.entries(app.answers).reverse()) };
    expect(scorer.scoreApp(reversed).inputsHash).toBe(base[0]);
    const key = Object.keys(app.answers).find((k) => app.answers[k]!.value === "does" || app.answers[k]!.value === "doesNot")!;
    const flipped = { ...app, answers: { ...app.answers, [key]: { value: app.answers[key]!.value === "does" ? "doesNot" : "does" } } };
    const variants = [
      flipped,
      { ...app, id: "other" },
      { ...app, useMode: "teacherOnly" },
      { ...app, audience: { min: 14, max: 18 } },
      { ...app, answers: Object.fromEntries(Object.entries(app.answers).slice(1)) },
    ];
    for (const v of variants) expect(scorer.scoreApp(v).inputsHash).not.toBe(base[0]);
    expect(compileScorer(rubric, { ...options, asOf: "2026-07-02" }).scoreApp(app).inputsHash).not.toBe(base[0]);
    expect(compileScorer(rubric, { ...options, district: { state: "CA" } }).scoreApp(app).inputsHash).not.toBe(base[0]);
    expect(compileScorer(deriveRubric(rubric, { id: "w", methodVersion: "w", weights: { c1: 9 } }), options).scoreApp(app).inputsHash).not.toBe(base[0]);
  });

  it("show no evidence date for a criterion its condition takes out, even when it is answered", () => {
    // dpa (a document) applies only to apps that collect students' PII
    const app = { id: "a", name: "A", answers: { collectsPII: { value: "doesNot" }, dpa: { value: { present: true, kind: "ndpa", issuedOn: "2025-09-01", expiresOn: "2027-08-31" } } } };
    const [viaSheet] = compileScorer(K12_RUBRIC, options).scoreSheet(readAnswers(K12_RUBRIC, [app]));
    const row = viaSheet!.contributions.find((c) => c.criterion === "dpa")!;
    expect(row.status).toBe("notApplicable");
    expect(row.validUntil).toBeNull();
    expect(row.detail).toMatch(/^applies only when/);
    expect(viaSheet!.reReview.triggers.map((t) => t.criterion)).not.toContain("dpa");
    expect(JSON.stringify(viaSheet)).toBe(JSON.stringify(scoreApps(K12_RUBRIC, [app], options)[0]));
    const applies = { ...app, answers: { ...app.answers, collectsPII: { value: "does" } } };
    expect(scoreApps(K12_RUBRIC, [applies], options)[0]!.contributions.find((c) => c.criterion === "dpa")!.validUntil).toBe("2027-08-31");
  });

  it("give results whose lists are read-only data: empty lists and gate findings are shared and frozen", () => {
    const apps = [
      { id: "a", name: "A", answers: { sellsData: { value: "does" } } },
      { id: "b", name: "B", answers: { sellsData: { value: "does" } } },
    ];
    const [a, b] = compileScorer(K12_RUBRIC, options).scoreSheet(readAnswers(K12_RUBRIC, apps));
    const sells = a!.gatesFailed.find((g) => g.criterion === "sellsData")!;
    expect(sells).toBe(b!.gatesFailed.find((g) => g.criterion === "sellsData"));
    expect(Object.isFrozen(sells)).toBe(true);
    expect(a!.conditions).toEqual([]);
    expect(Object.isFrozen(a!.conditions)).toBe(true);
    expect(() => (a!.conditions as string[]).push("x")).toThrow(TypeError);
    expect(b!.conditions).toEqual([]); // nothing leaked into the other result
    expect(structuredClone(a)).toEqual(JSON.parse(JSON.stringify(a)));
  });
});
