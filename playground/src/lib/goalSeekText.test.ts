import { readFileSync } from "node:fs";
import { goalSeek, prepareBudget } from "@districtkit/budget";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./format.js";
import { goalSeekAnswer, goalSeekEffect } from "./goalSeekText.js";
import { plain } from "./plain.js";

const sample = (f: string) => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${f}`, import.meta.url), "utf8")) as unknown;
const model = prepareBudget({ district: sample("district.json"), budget: sample("budget.json") } as Parameters<typeof prepareBudget>[0]);
const pct = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, "")} %`;

describe("goal seek in plain words", () => {
  it("says that the inflation it seeks replaces the scenario's inflation, with or without a rate of its own", () => {
    expect(goalSeekEffect("inflation", { inflationPercent: 3 })).toContain("replaces the scenario's inflation (3 % a year)");
    expect(goalSeekEffect("inflation", {})).toContain("replaces the scenario's inflation");
    expect(goalSeekEffect("erate", { eRateDiscountPercent: 80 })).toContain("replaces the scenario's E-Rate discount (80 %)");
    expect(goalSeekEffect("enrollment", { enrollmentChangePercent: -10, enrollmentMode: "once" })).toContain("on top of the scenario's own enrollment change (−10 %, once)");
  });

  it("answers from the figures, in the analyst's words, not the engine's parameter names", () => {
    const target = model.budget.funds
      .find((f) => f.kind === "general")!
      .yearlyLimit!.multiply(model.budget.years)
      .toString();
    const r = plain(
      goalSeek(model, {
        lever: { type: "inflation", rate: 0.03, mode: "set" },
        parameter: "rate",
        range: { min: 0, max: 0.15 },
        metric: { kind: "general-fund-draw", aggregate: "sum" },
        target,
        constraint: "at-most",
        seek: "max",
      }),
    );
    expect(r.found).toBe(true);
    expect(r.explanation).toMatch(/rate|horizon|towards/); // the engine's own sentence: what the playground does not show
    const text = goalSeekAnswer(r, {
      leverLabel: "inflation rate on every line",
      metricLabel: "the general-fund draw over all years",
      seek: "max",
      constraint: "at-most",
      target,
      range: { min: 0, max: 0.15 },
      format: pct,
    });
    expect(text).toContain(`is ${pct(r.value!)}`);
    expect(text).toContain(`is then ${formatMoney(r.metricAtValue!, { cents: false })}`);
    expect(text).toContain(`at most ${formatMoney(target, { cents: false })}`);
    expect(text).not.toMatch(/\brate =|towards (max|min)|horizon|parameter|binding/);
  });

  it("says when no value in the range meets the target", () => {
    const text = goalSeekAnswer(
      { found: false, value: null, metricAtValue: null, binding: "infeasible", monotone: true, evaluations: [] },
      { leverLabel: "E-Rate discount", metricLabel: "the total cost over all years", seek: "max", constraint: "at-most", target: "1", range: { min: 0, max: 0.9 }, format: pct },
    );
    expect(text).toBe("No E-Rate discount between 0 % and 90 % keeps the total cost over all years at most $1.");
  });
});
