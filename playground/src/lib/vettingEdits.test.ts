import { K12_RUBRIC } from "@districtkit/vetting";
import { describe, expect, it } from "vitest";
import { readApps, rubricWithWeights, vettingState, withEdits } from "./vettingEdits.js";

const apps = [
  { id: "a", name: "A", answers: { sellsData: { value: "doesNot", source: "policy §3" }, ads: { value: "no" } } },
  { id: "b", name: "B", answers: { ads: { value: "yes" } } },
];

describe("the analyst's vetting edits", () => {
  it("replace an answer's value (keeping its evidence), remove an answer on null, leave other apps as they are", () => {
    const out = withEdits(apps, { a: { sellsData: "does", ads: null } });
    expect(out[0]!.answers).toEqual({ sellsData: { value: "does", source: "policy §3" } });
    expect(out[1]).toBe(apps[1]);
    expect(apps[0]!.answers.sellsData!.value).toBe("doesNot");
  });

  it("put the analyst's weights in the built-in rubric, and leave it as it is without any", () => {
    expect(rubricWithWeights(undefined)).toBe(K12_RUBRIC);
    const id = K12_RUBRIC.criteria[0]!.id;
    const r = rubricWithWeights({ [id]: 42 });
    expect(r.criteria.find((c) => c.id === id)!.weight).toBe(42);
    expect(r.criteria.slice(1)).toEqual(K12_RUBRIC.criteria.slice(1));
  });

  it("read the apps file in both shapes, and take the analyst's state first", () => {
    expect(readApps(apps)?.apps).toHaveLength(2);
    expect(readApps({ apps, asOf: "2026-07-01", district: { state: "OR" } })).toMatchObject({ asOf: "2026-07-01", state: "OR" });
    expect(readApps({ nothing: true })).toBeNull();
    expect(vettingState({ state: "NY" }, "OR", "CA")).toBe("NY");
    expect(vettingState({}, undefined, "CA")).toBe("CA");
  });
});
