import { describe, expect, it } from "vitest";
import { throwingProxy, thrown } from "../../core/test/thrown.js";
import { type BudgetModelInput, c2CycleFor, compareProjections, eRateProcurementRulesFor, measure, planFromProjection, prepareBudget, projectBudget, tabulate } from "./index.js";

// Regressions of issue #18 for budget, one per class of fault (the id cases are in
// ids.prop.test.ts).

const input: BudgetModelInput = {
  district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural", teachers: 8 }] },
  budget: {
    name: "B",
    firstYear: 2027,
    years: 2,
    funds: [{ id: "gf", name: "GF", kind: "general" }],
    lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "recurring", amount: "1000" }],
  },
};

describe("budget arguments of the wrong kind", () => {
  it("6. a null options object names the argument", () => {
    expect(thrown(() => projectBudget(input, undefined, null as never)).issues[0]?.path).toEqual(["options"]);
    expect(thrown(() => projectBudget(input, undefined, { detail: "all" } as never)).issues[0]?.path).toEqual(["options", "detail"]);
  });

  it("6. corrupted engine output passed back in is a DistrictKitError naming it", () => {
    const p = projectBudget(input);
    expect(thrown(() => measure(undefined as never, { kind: "total" })).issues[0]?.path).toEqual(["projection"]);
    expect(thrown(() => measure({ ...p, years: p.years.slice(1) }, { kind: "total" })).issues[0]?.path).toEqual(["projection"]);
    expect(thrown(() => measure({ ...p, years: p.years.map((y) => ({ ...y, total: null })) } as never, { kind: "total" })).issues[0]?.path).toEqual(["projection"]);
    expect(thrown(() => compareProjections(p, { ...p, years: [{ ...p.years[0]!, fiscalYear: Number.NaN }, p.years[1]!] })).issues[0]?.path).toEqual(["b"]);
    expect(thrown(() => compareProjections(p, { ...p, byFund: null } as never)).code).toBe("INVALID_ARGUMENT");
    expect(thrown(() => tabulate({ ...p, years: [null] } as never, "fund")).issues[0]?.path).toEqual(["projection"]);
    // found by the export fuzz (seed -1340622686): a year whose fiscal year became Infinity was copied into the rows
    expect(thrown(() => tabulate({ ...p, years: [{ ...p.years[0]!, fiscalYear: Number.POSITIVE_INFINITY }] }, "category")).issues[0]?.path).toEqual(["projection"]);
    expect(thrown(() => c2CycleFor(Symbol("x") as never)).issues[0]?.path).toEqual(["fundingYear"]);
  });

  it("7. a getter that throws in the input is wrapped with its cause", () => {
    const denied = new Error("denied");
    const error = thrown(() =>
      prepareBudget({
        ...input,
        get budget(): never {
          throw denied;
        },
      }),
    );
    expect([error.code, error.issues[0]?.code, error.cause]).toEqual(["INVALID_INPUT", "unreadable", denied]);
    const options = thrown(() =>
      projectBudget(input, undefined, {
        get detail(): never {
          throw denied;
        },
      }),
    );
    expect(options.cause).toBe(denied);
  });
});

describe("budget: the exports merged after the fuzz under the one rule", () => {
  const denied = new Error("denied");
  const hostile = throwingProxy([], denied);

  it("7. planFromProjection keeps the cause of a Proxy that throws", () => {
    const error = thrown(() => planFromProjection(hostile as never));
    expect(error.issues[0]?.path).toEqual(["projection"]);
    expect(error.cause).toBe(denied);
  });

  it("6/7. eRateProcurementRulesFor validates its year and the caller's editions", () => {
    expect(eRateProcurementRulesFor(2027).c2InstallFrom).toBe("04-01");
    expect(thrown(() => eRateProcurementRulesFor(Number.NaN, {} as never)).issues.map((i) => i.path[0])).toEqual(["fundingYear"]);
    expect(thrown(() => eRateProcurementRulesFor(2027, {} as never)).issues[0]?.path).toEqual(["rules"]);
    expect(thrown(() => eRateProcurementRulesFor(2027, [])).issues[0]?.path).toEqual(["rules"]);
    expect(thrown(() => eRateProcurementRulesFor(2027, hostile as never)).cause).toBe(denied);
  });
});

describe("budget: planFromProjection refuses a changed projection's year", () => {
  it("5. a NaN fiscal year is an error at its path, never a NaN row", () => {
    const p = projectBudget({
      district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" }] },
      budget: {
        name: "Plan",
        firstYear: 2027,
        years: 1,
        funds: [{ id: "gf", name: "General fund", kind: "general" }],
        lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "recurring", amount: "900", school: "a" }],
      },
    } as BudgetModelInput);
    expect(planFromProjection(p)).toHaveLength(1);
    const broken = { ...p, lines: p.lines.map((l) => ({ ...l, years: l.years.map((y) => ({ ...y, fiscalYear: Number.NaN })) })) };
    expect(thrown(() => planFromProjection(broken)).issues[0]?.pathText).toBe("projection.lines[0].years[0].fiscalYear");
  });
});
