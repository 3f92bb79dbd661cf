import { DEFAULT_CATEGORIES, prepareBudget, type BudgetModel, type LeverInput, type ScenarioInput } from "@districtkit/budget";
import { fiscalYearRange } from "@districtkit/core";
import type { Scenario } from "../state/schema.js";

/** Validate the district and budget data once (the engine checks every reference). */
export function buildModel(district: unknown, budget: unknown): BudgetModel {
  return prepareBudget({ district, budget } as Parameters<typeof prepareBudget>[0]);
}

/** Every category the budget knows: the built-in ones and the budget's own. */
export function categoriesOf(model: BudgetModel): string[] {
  const used = new Set(model.budget.lineItems.map((i) => i.category));
  return [...new Set([...DEFAULT_CATEGORIES, ...model.budget.categories])].filter((c) => used.has(c) || model.budget.categories.includes(c));
}

/** The fiscal years of the budget's horizon. */
export function fiscalYearsOf(model: BudgetModel): number[] {
  return Array.from({ length: model.budget.years }, (_, i) => model.budget.firstYear + i);
}

/** Line items refreshed on a cycle (everyYears > 1): what the refresh-cycle lever changes. */
export function refreshItems(model: BudgetModel): { id: string; name: string; everyYears: number }[] {
  return model.budget.lineItems.filter((i) => i.everyYears > 1).map((i) => ({ id: i.id, name: i.name, everyYears: i.everyYears }));
}

/**
 * Translate the playground's levers into the budget engine's typed levers (data only: every
 * figure is then computed by `@districtkit/budget`).
 */
export function toEngineScenario(sc: Scenario, model: BudgetModel): ScenarioInput {
  const l = sc.levers;
  const levers: LeverInput[] = [];
  if (l.enrollmentChangePercent !== undefined && l.enrollmentChangePercent !== 0) {
    levers.push({ type: "enrollment-change", rate: l.enrollmentChangePercent / 100, mode: l.enrollmentMode ?? "once", label: "Enrollment change" });
  }
  if (l.inflationPercent !== undefined) levers.push({ type: "inflation", rate: l.inflationPercent / 100, mode: "set", label: "Inflation" });
  if (l.refreshCycleYears !== undefined) {
    for (const it of refreshItems(model)) levers.push({ type: "refresh-cycle", item: it.id, everyYears: l.refreshCycleYears, label: `Refresh cycle: ${it.name}` });
  }
  if (l.eRateDiscountPercent !== undefined) levers.push({ type: "erate-discount", category: "both", discount: l.eRateDiscountPercent / 100, label: "E-Rate discount" });
  if (l.grant) {
    const { start, end } = fiscalYearRange(l.grant.fiscalYear, model.district.calendar);
    levers.push({
      type: "add-fund",
      label: "Grant",
      fund: {
        id: "scenario-grant",
        name: `Grant (scenario), FY${l.grant.fiscalYear}`,
        kind: "grant",
        eligibleCategories: categoriesOf(model),
        tranches: [{ id: "scenario-grant", amount: l.grant.amount, availableFrom: start, obligateBy: end }],
        source: "a what-if lever of the playground",
      },
    });
  }
  for (const a of l.adjustments ?? []) {
    if (a.percent !== 0) levers.push({ type: "scale", category: a.category, percent: Math.max(-0.99, a.percent / 100), label: `${a.category} ${a.percent > 0 ? "+" : ""}${a.percent} %` });
  }
  for (const id of l.removeItems ?? []) levers.push({ type: "remove", item: id, label: "Cut" });
  for (const it of l.addItems ?? []) {
    levers.push({
      type: "add-item",
      label: `Add ${it.name}`,
      item:
        it.kind === "one-time"
          ? { id: it.id, name: it.name, category: it.category, kind: "one-time", amount: it.amount, year: it.fiscalYear }
          : { id: it.id, name: it.name, category: it.category, kind: "recurring", amount: it.amount, startYear: it.fiscalYear },
    });
  }
  // plans from the other engines: their yearly lines replace the budget items the analyst chose
  const flows = [
    { lever: l.deviceForecast, category: "hardware", prefix: "device-forecast", what: "lifecycle forecast" },
    { lever: l.licensePlan, category: "software", prefix: "licence-plan", what: "licence plan" },
  ];
  const years = new Set(fiscalYearsOf(model).map(String));
  const known = new Set(model.budget.lineItems.map((i) => i.id));
  for (const f of flows) {
    if (!f.lever) continue;
    for (const id of f.lever.replaces) if (known.has(id)) levers.push({ type: "remove", item: id, label: `Replaced by the ${f.what}` });
    for (const line of f.lever.lines) {
      const amounts = Object.fromEntries(Object.entries(line.amounts).filter(([y, v]) => years.has(y) && !v.startsWith("-")));
      if (Object.keys(amounts).length === 0) continue;
      levers.push({
        type: "add-item",
        label: f.what,
        item: { id: `${f.prefix}-${line.id}`.replace(/[^A-Za-z0-9_.-]/g, "-"), name: line.name, category: f.category, kind: "series", amounts, source: `${f.what} (${f.lever.note})` },
      });
    }
  }
  return { id: sc.id, name: sc.name, levers };
}
