import { type BudgetModel, DEFAULT_CATEGORIES, type LeverInput, type PlanLineInput, prepareBudget, type ScenarioInput } from "@districtkit/budget";
import { fiscalYearRange } from "@districtkit/core";
import type { PlanFlowLever, Scenario } from "../state/schema.js";

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

/** Items a shift moves meaningfully: one-time purchases and items refreshed on a cycle of 2+ years. */
export function shiftableItems(model: BudgetModel): { id: string; name: string; category: string; when: string }[] {
  return model.budget.lineItems
    .filter((i) => i.kind === "one-time" || i.everyYears > 1)
    .map((i) => ({ id: i.id, name: i.name, category: i.category, when: i.kind === "one-time" ? `FY${i.year}` : `every ${i.everyYears} years from FY${i.startYear ?? model.budget.firstYear}` }));
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
  for (const sh of l.shifts ?? []) {
    if (sh.years === 0) continue;
    const by = `${sh.years > 0 ? "later" : "earlier"} by ${Math.abs(sh.years)} year${Math.abs(sh.years) === 1 ? "" : "s"}`;
    if (sh.item !== undefined) levers.push({ type: "delay", item: sh.item, years: sh.years, label: `Shift ${itemName(model, sh.item)} ${by}` });
    else
      for (const it of shiftableItems(model).filter((i) => i.category === sh.category)) levers.push({ type: "delay", item: it.id, years: sh.years, label: `Shift the ${sh.category} refreshes ${by}` });
  }
  // plans from the other views: in their years, their lines replace the budget items chosen
  for (const f of PLAN_FLOWS) {
    const flow = l[f.key];
    if (flow) levers.push(planLever(f, flow, model));
  }
  return { id: sc.id, name: sc.name, levers };
}

/** The plans another view can flow into a scenario: the lever key, the engine's plan id and words. */
export const PLAN_FLOWS = [
  { key: "deviceForecast", plan: "device-forecast", name: "device refresh forecast", category: "hardware" },
  { key: "licensePlan", plan: "licence-plan", name: "optimized licence plan", category: "software" },
  { key: "eRateC2", plan: "erate-c2-drawdown", name: "E-Rate C2 drawdown", category: "network" },
] as const;
export type PlanFlowDef = (typeof PLAN_FLOWS)[number];

function itemName(model: BudgetModel, id: string): string {
  return model.budget.lineItems.find((i) => i.id === id)?.name ?? id;
}

/**
 * A plan of another view as the budget engine's `use-plan` lever: the years are the plan's own
 * (default: the years its lines pay in), clipped to the budget's horizon; the items it replaces
 * are those the analyst ticked that this budget has.
 */
export function planLever(def: PlanFlowDef, flow: PlanFlowLever, model: BudgetModel): Extract<LeverInput, { type: "use-plan" }> {
  const first = model.budget.firstYear;
  const last = first + model.budget.years - 1;
  const paid = flow.lines.flatMap((x) => Object.keys(x.amounts).map(Number));
  const fromYear = Math.max(first, flow.fromYear ?? (paid.length ? Math.min(...paid) : first));
  const toYear = Math.max(fromYear, Math.min(last, flow.toYear ?? (paid.length ? Math.max(...paid) : last)));
  const known = new Set(model.budget.lineItems.map((i) => i.id));
  const lines: PlanLineInput[] = flow.lines.map((x) => ({
    id: x.id,
    name: x.name,
    category: x.category ?? def.category,
    eRate: x.eRate ?? "ineligible",
    amounts: Object.fromEntries(Object.entries(x.amounts).filter(([y, v]) => Number(y) >= fromYear && Number(y) <= toYear && !v.startsWith("-"))),
  }));
  return {
    type: "use-plan",
    plan: def.plan,
    name: def.name,
    label: `${def.name[0]!.toUpperCase()}${def.name.slice(1)} (${flow.note})`,
    fromYear,
    toYear,
    replaces: flow.replaces.filter((id) => known.has(id)),
    lines,
  };
}
