import { describe, expect, it } from "vitest";
import { PRIVACY_RATING_CRITERIA, ratePrivacy } from "./rating.js";
import { K12_RUBRIC } from "./rubrics/k12.js";
import { scoreApp } from "./score.js";

const six = (value: string) => Object.fromEntries(PRIVACY_RATING_CRITERIA.map((id) => [id, { value }]));
const app = (answers: Record<string, { value: string }>) => ({ id: "a", name: "A", answers });
const policy = { privacyPolicyAvailable: { value: "yes" } };

// T7: Common Sense "Privacy Ratings" rules (https://privacy.commonsense.org/resource/privacy-ratings), DOMAIN-vetting.md §3, §12
describe("ratePrivacy — T7 (Common Sense-style rating)", () => {
  it("a) all six doesNot → pass", () => {
    expect(ratePrivacy(K12_RUBRIC, app({ ...policy, ...six("doesNot") })).rating).toBe("pass");
  });
  it("b) five doesNot and one unclear → warning", () => {
    expect(ratePrivacy(K12_RUBRIC, app({ ...policy, ...six("doesNot"), crossAppTracking: { value: "unclear" } })).rating).toBe("warning");
  });
  it("c) sellsData = does, others doesNot → warning", () => {
    const r = ratePrivacy(K12_RUBRIC, app({ ...policy, ...six("doesNot"), sellsData: { value: "does" } }));
    expect(r.rating).toBe("warning");
    expect(r.reasons[0]).toMatch(/sells student data/);
  });
  it("d) no product privacy policy → fail", () => {
    expect(ratePrivacy(K12_RUBRIC, app({ privacyPolicyAvailable: { value: "no" }, ...six("doesNot") })).rating).toBe("fail");
  });
  it("e) all six unclear → fail (reading of 'discloses nothing about the six', unconfirmed)", () => {
    expect(ratePrivacy(K12_RUBRIC, app({ ...policy, ...six("unclear") })).rating).toBe("fail");
  });
  it("is kept apart from the score: a gated app can score high and still be denied with a warning", () => {
    const answers = Object.fromEntries(K12_RUBRIC.criteria.filter((c) => c.kind === "practice").map((c) => [c.id, { value: c.kind === "practice" ? c.better : "yes" }]));
    const r = scoreApp(K12_RUBRIC, app({ ...answers, ...policy, sellsData: { value: "does" } }), { asOf: "2026-07-01", district: { state: "CA" } });
    expect(r.rating?.rating).toBe("warning");
    expect(r.decision).toBe("denied");
  });
});
