import { readFileSync } from "node:fs";
import { DistrictKitError, Money, toJsonSchema } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { type BudgetModelInput, budgetInputSchema } from "../schema/budget.js";
import { prepareBudget } from "./model.js";
import { projectBudget } from "./projectBudget.js";

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../examples/data/sample-district/${name}`, import.meta.url), "utf8"));
const sample = { district: read("district.json"), budget: read("budget.json") } as BudgetModelInput;

const district = { name: "Test USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural" as const, teachers: 8, staff: 3 }] };
const gf = { id: "gf", name: "General fund", kind: "general" as const };
const input = (lineItems: unknown[], funds: unknown[] = [], years = 3, extra: Record<string, unknown> = {}): BudgetModelInput =>
  ({ district, budget: { name: "Plan", firstYear: 2027, years, lineItems, funds: [gf, ...funds], ...extra } }) as BudgetModelInput;
const money = (m: Money | undefined): string => (m ?? Money.ZERO).toFixed(2);

describe("sample district data", () => {
  it("validates against the budget schemas", () => {
    const r = budgetInputSchema.safeParse(sample);
    expect(r.success).toBe(true);
  });

  it("projects ten years that add up by category, fund and school, with the 70 % E-Rate discount", () => {
    const p = projectBudget(sample);
    expect(p.years).toHaveLength(10);
    expect(p.eRate.discount?.c1).toBe(70);
    for (const y of p.years) {
      const sum = (r: Readonly<Record<string, Money>>): string => Money.sum(Object.values(r)).toFixed(2);
      expect(sum(y.byCategory)).toBe(y.total.toFixed(2));
      expect(sum(y.byFund)).toBe(y.total.toFixed(2));
      expect(sum(y.bySchool)).toBe(y.total.toFixed(2));
    }
    expect(Money.sum(p.years.map((y) => y.total)).toFixed(2)).toBe(p.total.toFixed(2));
    expect(p.lines).toHaveLength(62);
    expect(Money.sum(Object.values(p.years[0]!.bySchoolFund).flatMap((r) => Object.values(r))).toFixed(2)).toBe(p.years[0]!.total.toFixed(2));
    expect(Object.keys(p.enrollment.bySchool)).toEqual(["mves", "mvms", "mvhs"]);
    expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity|null,"total"/);
  });

  it("pays internet access at 70 % from E-Rate C1", () => {
    const p = projectBudget(sample);
    const internet = p.lines.find((l) => l.itemId === "internet")!;
    expect(money(internet.years[0]!.byFund["erate-c1"])).toBe("16800.00");
  });

  it("uses the one-time state grant before it expires and reports the C2 budget", () => {
    const p = projectBudget(sample);
    const grant = p.funds.find((f) => f.id === "state-tech-grant")!;
    expect(grant.tranches[0]!.status).toBe("fully-used");
    expect(money(grant.byYear["2027"])).toBe("75000.00");
    expect(money(p.eRate.c2Cycles[0]!.budget)).toBe("183831.84"); // 912 × $201.57
  });
});

describe("projectBudget: costs", () => {
  // M-7: DOMAIN-budget.md §9 — computed from §8 (each year rounded half-up, grown from the rounded amount)
  it("escalates $100,000 at 3 % a year, rounding each year to the cent (M-7)", () => {
    const p = projectBudget(input([{ id: "x", name: "X", category: "services", kind: "recurring", amount: "100000", escalator: 0.03 }], [], 6));
    expect(p.lines[0]!.years.map((y) => y.cost.toFixed(2))).toEqual(["100000.00", "103000.00", "106090.00", "109272.70", "112550.88", "115927.41"]);
    expect(p.rules.escalationRounding).toBe("each-year");
  });

  it("grows exactly and rounds once with escalationRounding at-end", () => {
    const p = projectBudget(input([{ id: "x", name: "X", category: "services", kind: "recurring", amount: "0.35", escalator: 0.05 }], [], 4, { options: { escalationRounding: "at-end" } }));
    // 0.35 × 1.05ⁿ exactly, rounded once: 0.37, 0.39, 0.41
    expect(p.lines[0]!.years.map((y) => y.cost.toFixed(2))).toEqual(["0.35", "0.37", "0.39", "0.41"]);
    const q = projectBudget(input([{ id: "x", name: "X", category: "services", kind: "recurring", amount: "0.10", escalator: 0.05 }], [], 4, { options: { escalationRounding: "at-end" } }));
    const e = projectBudget(input([{ id: "x", name: "X", category: "services", kind: "recurring", amount: "0.10", escalator: 0.05 }], [], 4));
    expect(q.lines[0]!.years[3]!.cost.toFixed(2)).toBe("0.12");
    expect(e.lines[0]!.years[3]!.cost.toFixed(2)).toBe("0.13"); // 0.10 → 0.11 → 0.12 → 0.13 rounding each year
  });

  it("multiplies a driver by the unit cost with whole units by default, up or exact on request", () => {
    const items = [
      { id: "n", name: "N", category: "hardware", kind: "per-unit", driver: "students", unitsPerDriver: 0.125, unitCost: "10" },
      { id: "u", name: "U", category: "hardware", kind: "per-unit", driver: "students", unitsPerDriver: 0.125, unitCost: "10", unitRounding: "up" },
      { id: "e", name: "E", category: "hardware", kind: "per-unit", driver: "students", unitsPerDriver: 0.125, unitCost: "10", unitRounding: "none" },
    ];
    const p = projectBudget(input(items, [], 1));
    expect(p.lines.map((l) => [l.years[0]!.units, l.years[0]!.cost.toFixed(2)])).toEqual([
      [13, "130.00"],
      [13, "130.00"],
      [12.5, "125.00"],
    ]);
  });

  it("repeats a refresh every N years and places one-time items in their year", () => {
    const p = projectBudget(
      input([
        { id: "r", name: "Refresh", category: "hardware", kind: "recurring", amount: "1000", everyYears: 2 },
        { id: "o", name: "Once", category: "hardware", kind: "one-time", amount: "500", year: 2028 },
        { id: "s", name: "Series", category: "hardware", kind: "series", amounts: { "2029": "70.005" } },
      ]),
    );
    expect(p.years.map((y) => y.total.toFixed(2))).toEqual(["1000.00", "500.00", "1070.01"]);
    expect(p.lines[0]!.years[1]!.explanation).toMatch(/not scheduled/);
  });
});

describe("projectBudget: fund assignment", () => {
  it("beats a greedy: the grant that can pay software pays software, not hardware", () => {
    // Greedy in expiry order would spend A on hardware and leave software to the general fund.
    const funds = [
      { id: "A", name: "A", kind: "grant", eligibleCategories: ["hardware", "software"], tranches: [{ amount: "100", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }] },
      { id: "B", name: "B", kind: "grant", eligibleCategories: ["hardware"], tranches: [{ amount: "100", availableFrom: "2026-07-01", obligateBy: "2028-06-30" }] },
    ];
    const p = projectBudget(
      input(
        [
          { id: "hw", name: "HW", category: "hardware", kind: "one-time", amount: "100", year: 2027 },
          { id: "sw", name: "SW", category: "software", kind: "one-time", amount: "100", year: 2027 },
        ],
        funds,
        1,
      ),
    );
    expect(money(p.generalFund.draw)).toBe("0.00");
    expect(money(p.lines[1]!.years[0]!.byFund.A)).toBe("100.00");
    expect(money(p.lines[0]!.years[0]!.byFund.B)).toBe("100.00");
  });

  it("uses money that expires first, and reports what lapses", () => {
    const funds = [
      { id: "late", name: "Late", kind: "grant", eligibleCategories: ["software"], tranches: [{ amount: "300", availableFrom: "2026-07-01", obligateBy: "2029-09-30" }] },
      { id: "soon", name: "Soon", kind: "grant", eligibleCategories: ["software"], tranches: [{ amount: "300", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }] },
    ];
    const p = projectBudget(input([{ id: "sw", name: "SW", category: "software", kind: "recurring", amount: "100" }], funds));
    const soon = p.funds.find((f) => f.id === "soon")!;
    const late = p.funds.find((f) => f.id === "late")!;
    expect(money(soon.paid)).toBe("200.00"); // FY2027 and FY2028 (obligated 1 July 2027 ≤ 30 Sep 2027)
    expect(soon.tranches[0]!.status).toBe("lapses");
    expect(money(soon.lapsing)).toBe("100.00");
    expect(money(late.paid)).toBe("100.00");
    expect(p.warnings.some((w) => w.code === "restricted-money-lapses")).toBe(true);
    expect(money(p.lapsing)).toBe("100.00");
  });

  it("never pays outside a window and says which rule sent the cost to the general fund", () => {
    const funds = [{ id: "g", name: "G", kind: "grant", eligibleCategories: ["hardware"], tranches: [{ amount: "10000", availableFrom: "2026-07-01", obligateBy: "2027-06-30" }] }];
    const p = projectBudget(
      input(
        [
          { id: "hw", name: "HW", category: "hardware", kind: "recurring", amount: "100" },
          { id: "sv", name: "SV", category: "services", kind: "recurring", amount: "50" },
        ],
        funds,
        2,
      ),
    );
    expect(money(p.years[1]!.byFund.g)).toBe("0.00");
    const rules = p.blocked.map((b) => `${b.fiscalYear} ${b.category} ${b.rule}`);
    expect(rules).toEqual(["2027 services no-eligible-fund", "2028 hardware outside-window", "2028 services no-eligible-fund"]);
  });

  it("expands an annual allocation into 27-month awards and honours a category cap", () => {
    const funds = [
      {
        id: "t4",
        name: "Title IV-A",
        kind: "grant",
        eligibleCategories: ["hardware", "professional-development"],
        annual: { amount: "1000", firstYear: 2027 },
        categoryCaps: [{ categories: ["hardware"], maxPercent: 15 }],
      },
    ];
    const p = projectBudget(input([{ id: "hw", name: "HW", category: "hardware", kind: "one-time", amount: "5000", year: 2027 }], funds, 1));
    const t = p.funds[1]!.tranches[0]!;
    expect([t.availableFrom, t.obligateBy, t.liquidateBy]).toEqual(["2026-07-01", "2028-09-30", "2029-01-28"]);
    expect(money(t.used)).toBe("150.00");
    expect(t.status).toBe("available-after-horizon");
  });

  it("limits spending after the carryover date to the carryover cap", () => {
    const funds = [
      {
        id: "t1",
        name: "Title I",
        kind: "grant",
        eligibleCategories: ["software"],
        tranches: [{ amount: "1000", availableFrom: "2026-07-01", obligateBy: "2028-09-30", carryover: { capPercent: 15, after: "2027-09-30" } }],
      },
    ];
    const p = projectBudget(input([{ id: "sw", name: "SW", category: "software", kind: "one-time", amount: "1000", year: 2029 }], funds, 3));
    // FY2029 costs are obligated 1 July 2028: after the carryover date, so at most 15 %
    expect(money(p.funds[1]!.paid)).toBe("150.00");
  });

  it("pays E-Rate C2 within the cycle budget and sends the excess to the district", () => {
    const funds = [{ id: "c2", name: "E-Rate C2", kind: "erate", eRateCategory: "C2" }];
    // 100 students × $201.57 = $20,157 < floor $30,175 → $30,175 budget (hybrid, small district)
    const p = projectBudget(input([{ id: "ap", name: "APs", category: "network", kind: "one-time", amount: "40000", year: 2027, eRate: "C2" }], funds, 1));
    expect(money(p.eRate.c2Cycles[0]!.budget)).toBe("30175.00");
    expect(money(p.years[0]!.byFund.c2)).toBe(Money.of("30175").multiply("0.7").toFixed(2));
    expect(p.blocked[0]!.rule).toBe("c2-budget-exhausted");
    expect(p.warnings.map((w) => w.code)).toContain("c2-over-budget");
  });

  it("says the per-school FY2015–FY2020 C2 budgets are not projected, and names trackC2Cycle", () => {
    const funds = [{ id: "c2", name: "E-Rate C2", kind: "erate", eRateCategory: "C2" }];
    // district FY2021 = E-Rate FY2020 (per school, transition year)
    const p = projectBudget({
      district,
      budget: {
        name: "Plan",
        firstYear: 2021,
        years: 1,
        lineItems: [{ id: "ap", name: "APs", category: "network", kind: "one-time", amount: "1000", year: 2021, eRate: "C2" }],
        funds: [gf, ...funds],
      },
    } as BudgetModelInput);
    expect(p.blocked[0]!.rule).toBe("no-c2-cycle");
    expect(p.warnings.find((w) => w.code === "no-c2-cycle-figures")!.message).toBe(
      "E-Rate FY2020 had per-school (or no) Category Two budgets, which the projection does not model: C2 items in those years get no E-Rate share (track them with trackC2Cycle)",
    );
  });

  it("starts from the C2 budget USAC shows for the cycle, raised only by enrollment", () => {
    const funds = [{ id: "c2", name: "E-Rate C2", kind: "erate", eRateCategory: "C2" }];
    const items = [{ id: "ap", name: "APs", category: "network", kind: "one-time", amount: "40000", year: 2027, eRate: "C2" }];
    const p = projectBudget(input(items, funds, 1, { eRate: { c2Budgets: [{ cycle: "FY2026-FY2030", budget: "50000" }] } }));
    expect(money(p.eRate.c2Cycles[0]!.budget)).toBe("50000.00");
    expect(p.blocked.some((b) => b.rule === "c2-budget-exhausted")).toBe(false);
    expect(money(p.years[0]!.byFund.c2)).toBe("28000.00");
  });

  it("takes a discount override on the E-Rate fund and caps C2 at 85 %", () => {
    const funds = [
      { id: "c1", name: "C1", kind: "erate", eRateCategory: "C1", discount: 0.9 },
      { id: "c2", name: "C2", kind: "erate", eRateCategory: "C2", discount: 0.9 },
    ];
    const p = projectBudget(
      input(
        [
          { id: "net", name: "Internet", category: "network", kind: "recurring", amount: "1000", eRate: "C1" },
          { id: "ap", name: "APs", category: "network", kind: "one-time", amount: "1000", year: 2027, eRate: "C2" },
        ],
        funds,
        1,
      ),
    );
    expect([p.eRate.c1Percent, p.eRate.c2Percent]).toEqual([90, 85]);
    expect(money(p.years[0]!.byFund.c2)).toBe("850.00");
  });
});

describe("tabulate", () => {
  it("lays every table out as rows whose amounts add up to the year's total", async () => {
    const { tabulate } = await import("./tabulate.js");
    const p = projectBudget(sample);
    for (const by of ["category", "fund", "school", "category-fund", "school-fund", "line", "line-fund"] as const) {
      const t = tabulate(p, by);
      const y2030 = t.rows.filter((r) => r.fiscalYear === 2030).map((r) => Money.of(r.amount as string));
      expect(Money.sum(y2030).toFixed(2)).toBe(p.years[3]!.total.toFixed(2));
      expect(t.columns.at(-1)).toBe("amount");
    }
    expect(() => tabulate(p, "galaxy" as never)).toThrow(DistrictKitError);
  });
});

describe("schemas", () => {
  it("export a JSON Schema of the whole input for tools in other languages", () => {
    const js = toJsonSchema(budgetInputSchema);
    expect(js.type).toBe("object");
    expect(JSON.stringify(js)).toMatch(/lineItems/);
  });
});

describe("projectBudget: bad input", () => {
  it("lists every problem with its path", () => {
    const bad = {
      district: {
        name: "D",
        asOf: "2026-07-01",
        schools: [
          { id: "a", name: "A", students: -5, locale: "rural" },
          { id: "b", name: "B", students: 10, nslpEligible: 11, locale: "urban" },
        ],
      },
      budget: {
        name: "P",
        firstYear: 2027,
        years: 3,
        funds: [
          gf,
          {
            id: "g",
            name: "G",
            kind: "grant",
            eligibleCategories: ["hardware", "toys"],
            tranches: [
              { amount: "1", availableFrom: "2026-07-01", obligateBy: "2027-06-30" },
              { amount: "1", availableFrom: "2027-01-01", obligateBy: "2027-12-31" },
            ],
          },
        ],
        lineItems: [
          { id: "x", name: "X", category: "gadgets", kind: "recurring", amount: "1" },
          { id: "y", name: "Y", category: "software", kind: "one-time", amount: "1", year: 2035, funds: ["g", "nope"] },
          { id: "z", name: "Z", category: "hardware", kind: "per-unit", driver: "robots", unitCost: "1", school: "q" },
        ],
      },
    };
    try {
      prepareBudget(bad as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DistrictKitError);
      const paths = (e as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toEqual(expect.arrayContaining(["district.schools[0].students", "district.schools[1].nslpEligible", "budget.funds[1].tranches[1]"]));
    }
    // the cross-reference checks run once the shapes are valid
    const shapes = structuredClone(bad);
    shapes.district.schools[0]!.students = 5;
    shapes.district.schools[1]!.nslpEligible = 1;
    const grant = shapes.budget.funds[1] as { tranches: unknown[] };
    grant.tranches = [grant.tranches[0]];
    try {
      prepareBudget(shapes as never);
      expect.unreachable();
    } catch (e) {
      const paths = (e as DistrictKitError).issues.map((i) => i.pathText);
      expect(paths).toEqual(
        expect.arrayContaining([
          "budget.funds[1].eligibleCategories[1]",
          "budget.lineItems[0].category",
          "budget.lineItems[1].year",
          "budget.lineItems[1].funds[0]",
          "budget.lineItems[1].funds[1]",
          "budget.lineItems[2].driver",
          "budget.lineItems[2].school",
        ]),
      );
    }
  });

  it("requires exactly one general fund", () => {
    expect(() =>
      prepareBudget({ district, budget: { name: "P", firstYear: 2027, years: 1, lineItems: [], funds: [{ id: "x", name: "X", kind: "grant", eligibleCategories: ["other"], tranches: [] }] } }),
    ).toThrow(/exactly one fund of kind "general"/);
  });

  it("refuses levers that name unknown items", () => {
    expect(() => projectBudget(input([]), { id: "s", name: "S", levers: [{ type: "remove", item: "ghost" }] })).toThrow(DistrictKitError);
  });
});

describe("projectBudget: series items", () => {
  it("uses a series' nominal amounts as given and warns when it carries an escalator", () => {
    const model: BudgetModelInput = {
      district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
      budget: {
        name: "B",
        firstYear: 2027,
        years: 2,
        funds: [{ id: "gf", name: "GF", kind: "general" }],
        lineItems: [{ id: "refresh", name: "Refresh", category: "hardware", kind: "series", amounts: { "2027": "1000", "2028": "2000" }, escalator: 0.05 }],
      },
    };
    const p = projectBudget(model);
    expect(p.years.map((y) => y.total.toString())).toEqual(["1000", "2000"]);
    expect(p.warnings.map((w) => w.code)).toContain("series-escalator-ignored");
  });
});
