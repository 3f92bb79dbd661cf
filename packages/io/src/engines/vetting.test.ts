import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { appSchema, K12_RUBRIC, scoreApp } from "@districtkit/vetting";
import { describe, expect, it } from "vitest";
import { readVettingAnswers, readVettingAnswersJson } from "../formats/vettingAnswers.js";
import { vettingAppsFromAnswers } from "./vetting.js";

const data = join(import.meta.dirname, "../../../../examples/data/vetting");
// a state without state-law criteria in the rubric (SAMPLE-DISTRICT.md names no state)
const options = { asOf: "2026-07-01", district: { state: "WA" as const } };

describe("questionnaire → vetting apps (the sample district's three apps)", () => {
  const fromCsv = vettingAppsFromAnswers(readVettingAnswers(readFileSync(join(data, "answers.csv"))).rows);
  const fromJson = vettingAppsFromAnswers(readVettingAnswersJson(readFileSync(join(data, "answers.json"))));

  it("builds the same apps from the CSV and the JSON, each valid for vetting's appSchema", () => {
    expect(fromCsv.apps).toEqual(fromJson.apps);
    expect(fromCsv.apps.map((a) => [a.id, a.name])).toEqual([
      ["readwell", "ReadWell"],
      ["quizblitz", "QuizBlitz"],
      ["writemate-ai", "WriteMate AI"],
    ]);
    for (const app of fromCsv.apps) expect(appSchema.safeParse(app).success).toBe(true);
    expect(fromCsv.unknownCriteria).toEqual([]);
  });

  it("rewrites answers in the rubric's words, with evidence, date and note", () => {
    const readWell = fromCsv.apps[0]!.answers;
    expect(readWell["sellsData"]).toEqual({ value: "doesNot", source: "Privacy policy §4", asOf: "2026-05-12" });
    expect(readWell["dpa"]?.value).toEqual({ present: true, kind: "ndpa" });
    expect(readWell["coppaThirdPartyConsent"]?.value).toBe("notApplicable");
    expect(readWell["dataLocation"]?.value).toBe("us");
    expect(readWell["piiCategories"]?.value).toEqual(["Student Name", "Student Identifiers", "Student In-App Performance"]);
    expect(readWell["acr"]?.value).toMatchObject({ present: true, wcagVersion: "2.1" });
    expect(fromCsv.apps[2]!.answers["dpa"]?.value).toEqual({ present: true, kind: "stateDpa" });
    expect(fromCsv.apps[1]!.answers["essaEvidence"]).toBeUndefined(); // left blank: unanswered
  });

  it("scores as SAMPLE-DISTRICT.md tells: ReadWell approved, QuizBlitz denied, WriteMate AI neither approved nor denied", () => {
    const decisions = fromCsv.apps.map((app) => scoreApp(K12_RUBRIC, app, options).decision);
    expect(decisions[0]).toBe("approved");
    expect(decisions[1]).toBe("denied");
    expect(["approvedWithConditions", "needsInformation"]).toContain(decisions[2]);
  });
});

describe("vettingAppsFromAnswers", () => {
  it("leaves out answers to criteria the rubric lacks, and lists them", () => {
    const r = vettingAppsFromAnswers([{ line: 2, app: "A", criterion: "favouriteColour", answer: "blue", attributes: {} }]);
    expect(r.apps[0]?.answers).toEqual({});
    expect(r.unknownCriteria).toEqual([{ app: "A", criterion: "favouriteColour" }]);
  });

  it("keeps a word it cannot place as written, for the scorer to report", () => {
    const r = vettingAppsFromAnswers([{ line: 2, app: "A", criterion: "targetedAds", answer: "sometimes", attributes: {} }]);
    expect(r.apps[0]?.answers["targetedAds"]?.value).toBe("sometimes");
    expect(() => scoreApp(K12_RUBRIC, r.apps[0]!, options)).toThrow(DistrictKitError);
  });

  it("refuses rows that are not questionnaire rows", () => {
    expect(() => vettingAppsFromAnswers([{ nope: 1 }] as never)).toThrow(DistrictKitError);
  });
});
