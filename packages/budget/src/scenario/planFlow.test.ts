import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import type { BudgetModelInput } from "../schema/budget.js";
import { matchPlanLines, reconcilePlan } from "./planFlow.js";

const district = { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 60, locale: "rural" as const }] };
const fund = { id: "gf", name: "General fund", kind: "general" as const };

/** A budget whose software lines are the current licence contracts (so a plan's saving is the budget's saving). */
const contracts: BudgetModelInput = {
  district,
  budget: {
    name: "B",
    firstYear: 2027,
    years: 5,
    funds: [fund, { id: "c2", name: "E-Rate C2", kind: "erate", eRateCategory: "C2" }],
    lineItems: [
      { id: "reading", name: "Reading program (K–5)", category: "software", kind: "recurring", amount: "10944.00" },
      { id: "lms", name: "Learning management system", category: "software", kind: "recurring", amount: "6400.00", escalator: 0.03 },
      { id: "sis", name: "Student information system", category: "software", kind: "recurring", amount: "22000.00" },
      { id: "formative-a", name: "Formative assessment tool A", category: "software", kind: "per-unit", driver: "students", unitCost: "4.00" },
      { id: "firewall-sub", name: "Next-generation firewall subscription", category: "network", kind: "recurring", amount: "9500.00", planRefs: ["firewall subscription"] },
      { id: "firewall-hw", name: "Firewall appliance refresh", category: "network", kind: "one-time", amount: "18000.00", year: 2029 },
      { id: "wifi", name: "Wi-Fi access point refresh (96 × AP-515)", category: "network", kind: "one-time", amount: "62400.00", year: 2028, eRate: "C2" },
    ],
  },
};

const licencePlan = {
  type: "use-plan" as const,
  plan: "licence-plan",
  name: "optimized licence plan",
  fromYear: 2027,
  toYear: 2029,
  replaces: ["reading", "lms"],
  lines: [
    { id: "reading", name: "Software licences: ReadWell", category: "software", amounts: { "2027": "9120.00", "2028": "9120.00", "2029": "9120.00" } },
    { id: "lms", name: "Software licences: CourseCanopy LMS", category: "software", amounts: { "2027": "6000.00", "2028": "6180.00", "2029": "6365.40" } },
  ],
};

describe("matchPlanLines", () => {
  it("matches by the item's plan references first, then by product id or name, then by category keyword", () => {
    const m = matchPlanLines(contracts, {
      lines: [
        { id: "reading", name: "ReadWell", category: "software", refs: ["ReadWell"] },
        { id: "lms", name: "CourseCanopy LMS", category: "software", refs: ["CourseCanopy LMS"] },
        { id: "quickcheck", name: "QuickCheck", category: "software", refs: ["QuickCheck"], keywords: ["assessment"] },
      ],
    });
    expect(m.suggested).toEqual(["reading", "lms", "formative-a"]);
    expect(m.lines.map((l) => l.category)).toEqual(["software", "software", "software"]);
    expect(m.candidates.find((c) => c.itemId === "formative-a")!.matchedBy).toEqual([{ lineId: "quickcheck", reason: "category", on: "assessment" }]);
    expect(m.candidates.find((c) => c.itemId === "sis")!.suggested).toBe(false);
    expect(m.explanation).toBe("3 of 4 budget items in software match the plan's 3 lines (1 by category only: check it).");
  });

  it("keeps an item with plan references out of name matching (a firewall subscription is not a firewall)", () => {
    const m = matchPlanLines(contracts, { lines: [{ id: "ngfw", name: "Network equipment", category: "network", refs: ["Next-generation firewall", "firewall"] }] });
    expect(m.suggested).toEqual(["firewall-hw"]);
    const byRef = matchPlanLines(contracts, { lines: [{ id: "x", name: "X", category: "network", refs: ["Firewall Subscription"] }] });
    expect(byRef.candidates.filter((c) => c.suggested).map((c) => [c.itemId, c.matchedBy[0]!.reason])).toEqual([
      ["firewall-sub", "reference"],
      ["firewall-hw", "product"],
    ]);
  });

  it("gives a line the E-Rate category its items share, so a Wi-Fi refresh keeps its C2 discount", () => {
    const m = matchPlanLines(contracts, { lines: [{ id: "ap", name: "AP-515 Wi-Fi access point", category: "network", refs: ["AP-515"] }] });
    expect(m.lines).toEqual([{ lineId: "ap", itemIds: ["wifi"], eRate: "C2", category: "network" }]);
  });

  it("lists lines that replace nothing", () => {
    const m = matchPlanLines(contracts, { lines: [{ id: "ups", name: "3 kVA UPS", category: "network", refs: ["3 kVA UPS"] }] });
    expect(m.unmatched).toEqual(["ups"]);
    expect(m.suggested).toEqual([]);
  });

  it("treats a user's id as data", () => {
    const m = matchPlanLines(contracts, { lines: [{ id: "__proto__", name: "constructor", category: "software", refs: ["toString"] }] });
    expect(m.lines[0]!.lineId).toBe("__proto__");
    expect(m.suggested).toEqual([]);
  });

  it("reports every problem of a bad request", () => {
    expect(() => matchPlanLines(contracts, { lines: [{ id: "", name: "x" }] } as never)).toThrow(DistrictKitError);
  });
});

describe("reconcilePlan", () => {
  it("replaces the contracts' cost in the plan's years only: the scenario changes by exactly optimized − current", () => {
    const r = reconcilePlan(contracts, { id: "s", name: "S" }, licencePlan);
    const before = projectBudget(contracts);
    const after = projectBudget(contracts, r.scenario);
    // the plan's years: current contracts out, plan in
    const current = (y: number) => before.lines.filter((l) => l.itemId === "reading" || l.itemId === "lms").reduce((a, l) => a.add(l.years[y - 2027]!.cost), Money.ZERO);
    const optimized = (y: number) => licencePlan.lines.reduce((a, l) => a.add(Money.of((l.amounts as Record<string, string>)[String(y)] ?? "0")), Money.ZERO);
    for (const y of [2027, 2028, 2029]) {
      const change = after.years[y - 2027]!.byCategory["software"]!.subtract(before.years[y - 2027]!.byCategory["software"]!);
      expect(change.toString()).toBe(optimized(y).subtract(current(y)).toString());
    }
    // after the plan's years the budget's own lines continue, unchanged
    for (const y of [2030, 2031]) expect(after.years[y - 2027]!.total.equals(before.years[y - 2027]!.total)).toBe(true);
    expect(r.years.map((y) => y.fiscalYear)).toEqual([2027, 2028, 2029]);
    expect(r.years[0]).toMatchObject({ removed: Money.of("17344"), added: Money.of("15120"), net: Money.of("-2224") });
    expect(r.net.toString()).toBe(r.added.subtract(r.removed).toString());
    expect(r.lines.map((l) => [l.itemId, l.status])).toEqual([
      ["reading", "replaced"],
      ["lms", "replaced"],
      ["licence-plan:reading", "added"],
      ["licence-plan:lms", "added"],
    ]);
  });

  it("says in words what the numbers say", () => {
    const r = reconcilePlan(contracts, { id: "s", name: "Renewal" }, licencePlan);
    expect(r.explanation).toBe(
      `Using the optimized licence plan in “Renewal” for FY2027–FY2029: 2 budget items replaced ($${fmt(r.removed)} removed), 2 plan lines added ($${fmt(r.added)}); the scenario's total falls by $${fmt(r.net.negate())}.`,
    );
  });

  it("changes nothing more when the same plan is used twice, and replaces an older plan of the same id", () => {
    const once = reconcilePlan(contracts, { id: "s", name: "S" }, licencePlan);
    const twice = reconcilePlan(contracts, once.scenario, licencePlan);
    expect(twice.unchanged).toBe(true);
    expect(twice.net.isZero()).toBe(true);
    expect(twice.scenario).toEqual(once.scenario);
    expect(twice.explanation).toMatch(/changes nothing/);
    const cheaper = { ...licencePlan, lines: [{ ...licencePlan.lines[0]!, amounts: { "2027": "1000.00" } }] };
    const swapped = reconcilePlan(contracts, once.scenario, cheaper);
    expect((swapped.scenario.levers ?? []).filter((l) => l.type === "use-plan")).toHaveLength(1);
    expect(swapped.lines.find((l) => l.itemId === "licence-plan:lms")!.status).toBe("dropped");
    const fresh = projectBudget(contracts, reconcilePlan(contracts, { id: "s", name: "S" }, cheaper).scenario);
    expect(projectBudget(contracts, swapped.scenario).total.equals(fresh.total)).toBe(true);
  });

  it("keeps the E-Rate discount when a plan line replacing C2 Wi-Fi is C2 itself, and reports the general-fund change", () => {
    const lever = (eRate: "C2" | "ineligible") => ({
      type: "use-plan" as const,
      plan: "devices",
      name: "device forecast",
      fromYear: 2027,
      toYear: 2031,
      replaces: ["wifi"],
      lines: [{ id: "ap", name: "AP-515", category: "network", eRate, amounts: { "2028": "62400.00" } }],
    });
    const kept = reconcilePlan(contracts, { id: "s", name: "S" }, lever("C2"));
    expect(kept.net.isZero()).toBe(true);
    expect(kept.generalFund.isZero()).toBe(true);
    const lost = reconcilePlan(contracts, { id: "s", name: "S" }, lever("ineligible"));
    expect(lost.net.isZero()).toBe(true);
    expect(lost.generalFund.isPositive()).toBe(true);
    expect(lost.explanation).toContain(`the general-fund draw rises by $${fmt(lost.generalFund)}`);
  });

  it("a plan that buys the same Wi-Fi for the same money in two lines changes no fund's draw (the exhausted C2 cycle's E-Rate share is rounded once)", () => {
    // one school: the FY2026–FY2030 C2 budget is the $30,175 floor; 70 % C2; a $40,000 AP refresh exhausts it
    const wifi: BudgetModelInput = {
      district,
      budget: {
        name: "B",
        firstYear: 2027,
        years: 1,
        funds: [fund, { id: "c2", name: "E-Rate C2", kind: "erate", eRateCategory: "C2", discount: 0.7 }],
        lineItems: [{ id: "wifi", name: "Wi-Fi refresh", category: "network", kind: "one-time", amount: "40000.00", year: 2027, eRate: "C2" }],
      },
    };
    const split = {
      type: "use-plan" as const,
      plan: "devices",
      name: "device forecast",
      fromYear: 2027,
      toYear: 2027,
      replaces: ["wifi"],
      lines: [
        { id: "cables", name: "Patch cables", category: "network", eRate: "C2" as const, amounts: { "2027": "0.05" } },
        { id: "ap", name: "AP-515", category: "network", eRate: "C2" as const, amounts: { "2027": "39999.95" } },
      ],
    };
    const r = reconcilePlan(wifi, { id: "s", name: "S" }, split);
    expect(r.net.toString()).toBe("0");
    // rounded cell by cell, E-Rate paid 0.04 (70 % of 5 ¢ = 3.5 ¢) + 21,122.47 (70 % of $30,174.95 = $21,122.465) = $21,122.51, a cent above 70 % of the budget
    expect(r.generalFund.toString()).toBe("0");
    expect(r.byFund).toEqual({});
    expect(r.explanation).toBe("Using the device forecast in “S” for FY2027: 1 budget item replaced ($40,000.00 removed), 2 plan lines added ($40,000.00); the scenario's total does not change.");
    const p = projectBudget(wifi, r.scenario);
    expect(p.byFund.c2!.toString()).toBe("21122.5"); // 70 % × $30,175.00
    expect(p.lines.filter((l) => l.itemId.startsWith("devices:")).map((l) => l.years[0]!.byFund.c2?.toString())).toEqual(["0.04", "21122.46"]);
  });

  it("names the other funds whose draw changes when the general-fund change differs from the net change", () => {
    const lever = {
      type: "use-plan" as const,
      plan: "devices",
      name: "device forecast",
      fromYear: 2028,
      toYear: 2028,
      replaces: ["wifi"],
      lines: [{ id: "ap", name: "AP-515", category: "network", eRate: "ineligible" as const, amounts: { "2028": "50000.00" } }],
    };
    const r = reconcilePlan(contracts, { id: "s", name: "S" }, lever);
    const c2 = r.byFund.c2!;
    expect(c2.isNegative()).toBe(true);
    expect(r.generalFund.add(c2).equals(r.net)).toBe(true);
    expect(Money.sum(Object.values(r.byFund)).equals(r.net)).toBe(true);
    for (const y of r.years) expect(Money.sum(Object.values(y.byFund)).equals(y.net)).toBe(true);
    expect(r.explanation).toContain(`the general-fund draw rises by $${fmt(r.generalFund)} (E-Rate C2 $${fmt(c2.negate())} less)`);
  });

  it("says when E-Rate pays the same in all but in other years (the general fund's yearly change then differs from the net change)", () => {
    // the $30,175 C2 budget is consumed in FY2027 instead of FY2028: the same E-Rate money, a year earlier
    const lever = {
      type: "use-plan" as const,
      plan: "devices",
      name: "device forecast",
      fromYear: 2027,
      toYear: 2028,
      replaces: ["wifi"],
      lines: [{ id: "ap", name: "AP-515", category: "network", eRate: "C2" as const, amounts: { "2027": "30175.00", "2028": "32225.00" } }],
    };
    const r = reconcilePlan(contracts, { id: "s", name: "S" }, lever);
    expect(r.net.isZero()).toBe(true);
    expect(r.generalFund.isZero()).toBe(true);
    const moved = r.years.map((y) => y.byFund.c2!.toString());
    expect(moved).toEqual(["24140", "-24140"]); // 80 % of $30,175
    expect(r.years.map((y) => y.generalFund.add(y.byFund.c2!).equals(y.net))).toEqual([true, true]);
    expect(r.explanation).toContain(
      "the scenario's total does not change; E-Rate C2 pays the same over the horizon but moves between years (FY2027 +$24,140.00, FY2028 −$24,140.00), so in those years the general-fund change differs from the net change.",
    );
  });

  it("a windowed remove lever takes an item out of some years only, and its line says so", () => {
    const p = projectBudget(contracts, { id: "s", name: "S", levers: [{ type: "remove", item: "sis", fromYear: 2029, label: "Move to the state SIS" }] });
    const sis = p.lines.find((l) => l.itemId === "sis")!;
    expect(sis.years.map((y) => y.cost.toString())).toEqual(["22000", "22000", "0", "0", "0"]);
    expect(sis.years[2]!.explanation).toBe("FY2029: removed by “Move to the state SIS”.");
  });

  it("lists every problem of a plan that does not fit the budget", () => {
    const bad = { ...licencePlan, replaces: ["nope", "lms", "lms"], lines: [{ id: "x", name: "X", category: "toys", amounts: { "2031": "1" } }] };
    try {
      reconcilePlan(contracts, { id: "s", name: "S" }, bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DistrictKitError);
      expect((e as DistrictKitError).issues.map((i) => i.pathText)).toEqual([
        "scenario.levers[0].replaces[0]",
        "scenario.levers[0].replaces[2]",
        "scenario.levers[0].lines[0].category",
        "scenario.levers[0].lines[0].amounts",
      ]);
    }
    expect(() => reconcilePlan(contracts, { id: "s", name: "S" }, { type: "remove", item: "lms" })).toThrow(/use-plan/);
  });

  it("refuses two plans of the same id in one scenario", () => {
    expect(() => projectBudget(prepareBudget(contracts), { id: "s", name: "S", levers: [licencePlan, licencePlan] })).toThrow(/already uses a plan "licence-plan"/);
  });
});

function fmt(m: Money): string {
  return m.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
