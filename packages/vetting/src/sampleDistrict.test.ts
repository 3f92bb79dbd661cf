import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { appSchemaFor } from "./questionnaire.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { appSchema, districtContextSchema } from "./schema/answers.js";
import { scoreApps } from "./score.js";

// examples/data/sample-district/apps.json — SAMPLE-DISTRICT.md "Apps to vet"
const data = JSON.parse(readFileSync(new URL("../../../examples/data/sample-district/apps.json", import.meta.url), "utf8")) as {
  asOf: string;
  district: unknown;
  apps: unknown[];
};

describe("sample district apps", () => {
  it("are valid: the district context, every app by appSchema and by the K-12 rubric's exact schema", () => {
    expect(districtContextSchema.safeParse(data.district).success).toBe(true);
    const exact = appSchemaFor(K12_RUBRIC);
    for (const app of data.apps) {
      expect(appSchema.safeParse(app).success).toBe(true);
      expect(exact.safeParse(app).success).toBe(true);
    }
  });

  it("decide as SAMPLE-DISTRICT.md says: the reading app approved, the ad-supported quiz denied with reasons, the AI assistant approved with conditions", () => {
    const [reading, quiz, ai] = scoreApps(K12_RUBRIC, data.apps, { asOf: data.asOf, district: data.district as never });
    expect(reading!.decision).toBe("approved");
    expect(reading!.rating?.rating).toBe("pass");
    expect(quiz!.decision).toBe("denied");
    expect(quiz!.gatesFailed.map((g) => g.criterion)).toEqual(["targetedAds", "dpa"]);
    expect(quiz!.reasons[0]).toMatch(/ads/);
    expect(ai!.decision).toBe("approvedWithConditions");
    expect(ai!.conditions).toHaveLength(2);
    expect(ai!.conditions.join(" ")).toMatch(/COPPA/);
    expect(ai!.conditions.join(" ")).toMatch(/Accessibility Conformance Report/);
    // the re-review comes from expiring evidence, not only the annual review
    expect(reading!.reReview.triggers.map((t) => t.criterion)).toEqual(["pentestDate", "soc2", null, "acr", "dpa"]);
  });
});
