import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { deriveRubric, prepareRubric } from "./derive.js";
import { answerValueSchemaFor, appSchemaFor, questionnaireJsonSchema } from "./questionnaire.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { scoreApp } from "./score.js";

describe("deriveRubric", () => {
  it("changes weights, turns gates on, adds criteria and records its parent", () => {
    const mine = deriveRubric(K12_RUBRIC, {
      id: "mv",
      methodVersion: "2026.1-mv.1",
      weights: { acr: 9 },
      gates: { mfaForAdmins: true },
      add: [{ id: "boardApproved", title: "Board approved", domain: "other", weight: 2, kind: "yesNo" }],
      remove: ["oneEdTechCertified"],
      scoring: { unanswered: "unfavourable" },
      decision: { approveAt: 80 },
    });
    expect(mine.basedOn).toEqual({ id: "districtkit-k12", methodVersion: "2026.1" });
    expect(mine.criteria.find((c) => c.id === "acr")!.weight).toBe(9);
    expect(mine.criteria.find((c) => c.id === "mfaForAdmins")!.gate).toBe(true);
    expect(mine.criteria.at(-1)!.id).toBe("boardApproved");
    expect(mine.criteria.some((c) => c.id === "oneEdTechCertified")).toBe(false);
    expect(mine.scoring).toEqual({ unanswered: "unfavourable", unclearScore: 0 });
    expect(mine.decision.approveAt).toBe(80);
    expect(mine.decision.conditionalAt).toBe(60);
    expect(K12_RUBRIC.criteria.find((c) => c.id === "acr")!.weight).toBe(5); // the base is untouched
    const r = scoreApp(mine, { id: "a", name: "A", answers: { mfaForAdmins: { value: "no" } } }, { asOf: "2026-07-01", district: { state: "OR" } });
    expect(r.decision).toBe("denied");
  });

  it("reports every unknown id, bad weight and invalid added criterion, and removals other criteria depend on", () => {
    try {
      deriveRubric(K12_RUBRIC, { id: "x", methodVersion: "1", weights: { ghost: 1 }, gates: { phantom: true }, add: [{ id: "bad", title: "", domain: "privacy", weight: 1, kind: "yesNo" }] });
      expect.unreachable();
    } catch (error) {
      expect((error as DistrictKitError).issues.map((i) => i.pathText)).toEqual(["changes.weights.ghost", "changes.gates.phantom", "changes.add[0].title"]);
    }
    expect(() => deriveRubric(K12_RUBRIC, { id: "x", methodVersion: "1", remove: ["collectsPII"] })).toThrow(/collectsPII/);
    expect(() => deriveRubric(K12_RUBRIC, { id: "x", methodVersion: "1", weights: { acr: -2 } })).toThrow(DistrictKitError);
    expect(() => deriveRubric(K12_RUBRIC, { id: "x", methodVersion: "1", add: [{ id: "acr", title: "Again", domain: "other", weight: 1, kind: "yesNo" }] })).toThrow(/duplicate/);
  });

  it("prepareRubric validates once and returns frozen data that scores the same", () => {
    const p = prepareRubric(K12_RUBRIC);
    expect(Object.isFrozen(p.criteria)).toBe(true);
    expect(p).toBe(K12_RUBRIC);
  });
});

describe("questionnaire", () => {
  it("gives each criterion's exact value schema", () => {
    const byId = (id: string) => K12_RUBRIC.criteria.find((c) => c.id === id)!;
    expect(answerValueSchemaFor(byId("sellsData")).safeParse("doesNot").success).toBe(true);
    expect(answerValueSchemaFor(byId("sellsData")).safeParse("yes").success).toBe(false);
    expect(answerValueSchemaFor(byId("unicorn.dataQuality")).safeParse(5).success).toBe(false);
    expect(answerValueSchemaFor(byId("iso27001")).safeParse({ present: true, edition: "2013" }).success).toBe(true);
    expect(answerValueSchemaFor(byId("piiCategories")).safeParse(["Student Work"]).success).toBe(true);
    expect(answerValueSchemaFor(byId("piiCategories")).safeParse(["Shoe size"]).success).toBe(false);
  });

  it("exports a JSON Schema with one titled property per criterion, refusing unknown criteria", () => {
    const schema = questionnaireJsonSchema(K12_RUBRIC) as { properties: { answers: { properties: Record<string, { title?: string; description?: string }>; additionalProperties: boolean } } };
    const props = schema.properties.answers.properties;
    expect(Object.keys(props)).toHaveLength(K12_RUBRIC.criteria.length);
    expect(props.sellsData!.title).toBe("Sells student data");
    expect(props.sellsData!.description).toMatch(/question 3\.4\.1/);
    expect(schema.properties.answers.additionalProperties).toBe(false);
    expect(appSchemaFor(K12_RUBRIC).safeParse({ id: "a", name: "A", answers: { ghost: { value: "yes" } } }).success).toBe(false);
  });
});
