import { readFileSync } from "node:fs";
import { prepareBudget, projectBudget } from "@districtkit/budget";
import { describe, expect, it } from "vitest";
import { formatMoney } from "./format.js";
import { limitBreaches, yearRanges } from "./limits.js";
import { plain } from "./plain.js";

const sample = (f: string) => JSON.parse(readFileSync(new URL(`../../../examples/data/sample-district/${f}`, import.meta.url), "utf8")) as unknown;
const model = prepareBudget({ district: sample("district.json"), budget: sample("budget.json") } as Parameters<typeof prepareBudget>[0]);
const limit = model.budget.funds.find((f) => f.kind === "general")?.yearlyLimit?.toString() ?? null;

describe("limit breaches shown in the budget headline", () => {
  const p = plain(projectBudget(model));
  const breaches = limitBreaches(p, limit);
  const of = (k: string) => breaches.find((b) => b.kind === k);

  it("finds the general-fund years the engine warns about, and only those", () => {
    const warned = p.warnings.filter((w) => w.code === "general-fund-over-limit").map((w) => Number(/FY(\d{4})/.exec(w.message)![1]));
    expect(warned.length).toBeGreaterThan(0);
    expect(of("general-fund-limit")?.years).toEqual(warned);
    // each year's excess is the draw minus the limit, as the engine's message says
    for (const r of of("general-fund-limit")!.byYear) {
      const w = p.warnings.find((x) => x.code === "general-fund-over-limit" && x.message.startsWith(`FY${r.fiscalYear}:`))!;
      expect(w.message).toContain(`by ${formatMoney(r.amount)}`);
    }
  });

  it("finds the years E-Rate does not share Category Two cost: over the C2 budget, and without C2 figures", () => {
    expect(of("c2-budget")?.years).toEqual([...new Set(p.blocked.filter((b) => b.rule === "c2-budget-exhausted").map((b) => b.fiscalYear))]);
    expect(of("no-c2-figures")?.years).toEqual([...new Set(p.blocked.filter((b) => b.rule === "no-c2-cycle").map((b) => b.fiscalYear))]);
    expect(of("no-c2-figures")!.years.length).toBeGreaterThan(0);
    expect(of("no-c2-figures")!.sentence).toContain("E-Rate funding years");
  });

  it("says the years and the amount its rows add up to", () => {
    for (const b of breaches) {
      const cents = b.byYear.reduce((a, r) => a + Math.round(Number(r.amount) * 100), 0);
      expect(Math.round(Number(b.total) * 100)).toBe(cents);
      expect(b.sentence).toContain(yearRanges(b.years));
      if (b.byYear.length > 0) expect(b.sentence).toContain(formatMoney(b.total, { cents: false }));
    }
  });

  it("reports nothing the engine did not warn about", () => {
    const quiet = { ...p, warnings: [] };
    expect(limitBreaches(quiet, limit)).toEqual([]);
    // without a yearly limit there is no general-fund breach to show
    expect(limitBreaches(p, null).map((b) => b.kind)).not.toContain("general-fund-limit");
  });
});

describe("year ranges", () => {
  it("joins runs of consecutive years", () => {
    expect(yearRanges([2033, 2028, 2029, 2034, 2035, 2031])).toBe("FY2028–FY2029, FY2031, FY2033–FY2035");
    expect(yearRanges([2028, 2029], true)).toBe("FY28–FY29");
    expect(yearRanges([])).toBe("");
  });
});
