import { DistrictKitError } from "@districtkit/core";
import { c2FormulaCents } from "../erate/c2Formula.js";
import { c2CapFor, type ERateDiscountResult, eRateDiscount } from "../erate/discount.js";
import { type Fraction, mulFraction, toFraction } from "../internal/cents.js";
import { eRateYear } from "../internal/dates.js";
import type { Effective } from "../scenario/applyLevers.js";
import { c2CycleFor } from "../tables/c2BudgetCycles.js";
import type { CostTable } from "./costs.js";
import type { DriverTable } from "./drivers.js";
import { ERATE_C1, ERATE_NONE } from "./itemTable.js";
import type { ProjectionWarning } from "./types.js";

/** @internal What E-Rate pays per cell, the C2 cycles, and the cost E-Rate could not share. */
export interface ERatePass {
  /** Cents paid by E-Rate per cell. */
  readonly paid: Float64Array;
  readonly c1FundId: string | null;
  readonly c2FundId: string | null;
  readonly discount: ERateDiscountResult | null;
  readonly c1Percent: number | null;
  readonly c2Percent: number | null;
  readonly cycles: { cycle: string; budget: number; committedBefore: number; consumed: number }[];
  /**
   * What E-Rate did not share, added up by year × category × rule in first-seen order, with the
   * explanation of the first cell of each (as a projection reports it; the cells are not kept).
   */
  readonly blocked: { yi: number; category: string; rule: "c2-budget-exhausted" | "no-erate-fund" | "no-c2-cycle"; cents: number; explanation: string | (() => string) }[];
  readonly warnings: ProjectionWarning[];
}

const discountCache = new WeakMap<object, ERateDiscountResult | null>();

/** @internal The E-Rate funding year covering a district fiscal year (same start day, or the one its first day falls in). */
export function eRateYearOf(eff: Effective, year: number): number {
  return eRateYear(year, eff.model.district.calendar);
}

function districtDiscount(eff: Effective): ERateDiscountResult | null {
  const key = eff.model;
  if (discountCache.has(key)) return discountCache.get(key)!;
  let d: ERateDiscountResult | null = null;
  try {
    d = eRateDiscount({
      fundingYear: Math.max(2015, eRateYearOf(eff, eff.model.budget.firstYear)),
      schools: eff.model.district.schools,
      wholePercentRounding: eff.model.budget.eRate.wholePercentRounding,
    });
  } catch (error) {
    if (!(error instanceof DistrictKitError)) throw error;
    d = null;
  }
  discountCache.set(key, d);
  return d;
}

const c2Exhausted =
  (item: { readonly name: string }, cycleId: string): (() => string) =>
  () =>
    `${item.name}: the C2 five-year budget (${cycleId}) is exhausted; E-Rate does not share the cost above it`;

/** @internal Applies E-Rate C1 and C2 to the cost table. */
export function eRatePass(eff: Effective, costs: CostTable, drivers: DriverTable): ERatePass {
  const { budget, district } = eff.model;
  const n = budget.years;
  const paid = new Float64Array(costs.cost.length);
  const c1Fund = eff.funds.find((f) => f.kind === "erate" && f.eRateCategory === "C1");
  const c2Fund = eff.funds.find((f) => f.kind === "erate" && f.eRateCategory === "C2");
  const warnings: ProjectionWarning[] = [];
  const blocked: ERatePass["blocked"] = [];
  type Rule = ERatePass["blocked"][number]["rule"];
  // year × category × rule → its entry (nested: no key text per cell; E-Rate may block every C2 item)
  const blockedAt = new Map<string, Map<Rule, (ERatePass["blocked"][number] | undefined)[]>>();
  const block = (yi: number, category: string, rule: Rule, cents: number, explanation: (() => string) | string): void => {
    let byRule = blockedAt.get(category);
    if (!byRule) blockedAt.set(category, (byRule = new Map()));
    let byYear = byRule.get(rule);
    if (!byYear) byRule.set(rule, (byYear = []));
    const b = byYear[yi];
    if (b) b.cents += cents;
    else blocked.push((byYear[yi] = { yi, category, rule, cents, explanation: typeof explanation === "string" ? explanation : explanation() }));
  };
  const cycles: ERatePass["cycles"] = [];
  // the items' E-Rate categories and categories from their columns (itemTable.ts), not from each item object
  const t = costs.table;
  const categories = t.categories.values;
  const eRateItems: number[] = [];
  let hasC1 = false;
  let hasC2 = false;
  for (let i = 0; i < t.eRate.length; i++) {
    const e = t.eRate[i]!;
    if (e === ERATE_NONE) continue;
    eRateItems.push(i);
    if (e === ERATE_C1) hasC1 = true;
    else hasC2 = true;
  }
  if (!c1Fund && !c2Fund && !hasC1 && !hasC2) return { paid, c1FundId: null, c2FundId: null, discount: null, c1Percent: null, c2Percent: null, cycles, blocked, warnings };
  const computed = c1Fund?.discount !== undefined && c2Fund?.discount !== undefined ? null : districtDiscount(eff);
  const cap = c2CapFor(Math.max(2015, eRateYearOf(eff, budget.firstYear))) ?? 85;
  const pct = (cat: "C1" | "C2"): Fraction | null => {
    const fund = cat === "C1" ? c1Fund : c2Fund;
    if (!fund) return null;
    const override = eff.eRateDiscount[cat] ?? fund.discount;
    let f = override !== undefined ? override * 100 : computed ? (cat === "C1" ? computed.c1 : computed.c2) : null;
    if (f === null) return null;
    if (cat === "C2") f = Math.min(f, cap);
    return toFraction(f / 100 === 0 ? 0 : +(f / 100).toFixed(10));
  };
  const c1 = pct("C1");
  const c2 = pct("C2");
  for (const [cat, fund] of [
    ["C1", c1Fund],
    ["C2", c2Fund],
  ] as const) {
    if (!fund && (cat === "C1" ? hasC1 : hasC2)) {
      warnings.push({ code: "erate-item-without-fund", message: `some items are E-Rate ${cat} but the budget has no E-Rate ${cat} fund: the district pays their full cost` });
    }
  }
  const committedBefore = new Map<string, number>();
  for (const c of budget.eRate.c2CommittedBefore) {
    const cyc = c2CycleFor(c.fundingYear);
    if (cyc) committedBefore.set(cyc.id, (committedBefore.get(cyc.id) ?? 0) + c.amount.toCents());
  }
  // E-Rate's share is rounded once on a running total, never cell by cell: a C2 cell gets
  // round(d × the cycle's consumption through it) − round(d × the consumption before it), a C1
  // cell likewise on its fiscal year's C1 cost so far. So a cycle's C2 share is exactly
  // round(d × the budget it consumed) and a year's C1 share round(d × its C1 cost), however the
  // cost is cut into items (a plan's lines, a split purchase), and each cell stays within a cent
  // of its exact share. Rounding each cell could gain or lose a cent per cell: an exhausted cycle
  // paid more, or less, than the discount of its budget depending on how many cells consumed it.
  const state = new Map<string, { budget: number; consumed: number; paid: number }>();
  const warnedCycle = new Set<number>();
  let unconfirmedWarned = false;
  for (let yi = 0; yi < n; yi++) {
    const year = budget.firstYear + yi;
    const fy = eRateYearOf(eff, year);
    let c2State: { budget: number; consumed: number; paid: number } | null = null;
    let c1Cost = 0;
    let c1Paid = 0;
    let noCycleYear = -1;
    let cycleId = "";
    const noCycle = `no C2 cycle figures for E-Rate FY${fy}`;
    for (const i of eRateItems) {
      const k = i * n + yi;
      const cost = costs.cost[k]!;
      if (cost === 0) continue;
      const category = categories[t.category[i]!]!;
      if (t.eRate[i] === ERATE_C1) {
        if (c1) {
          c1Cost += cost;
          const through = mulFraction(c1Cost, c1);
          paid[k] = through - c1Paid;
          c1Paid = through;
        } else block(yi, category, "no-erate-fund", cost, () => `${costs.items[i]!.name} is E-Rate C1 but there is no E-Rate C1 fund`);
        continue;
      }
      if (!c2) {
        block(yi, category, "no-erate-fund", cost, () => `${costs.items[i]!.name} is E-Rate C2 but there is no E-Rate C2 fund`);
        continue;
      }
      if (c2State === null) {
        if (noCycleYear === yi) {
          block(yi, category, "no-c2-cycle", cost, noCycle);
          continue;
        }
        const cycle = c2CycleFor(fy);
        if (!cycle || cycle.basis !== "district-wide") {
          noCycleYear = yi;
          warnedCycle.add(fy);
          block(yi, category, "no-c2-cycle", cost, noCycle);
          continue;
        }
        if (cycle.unconfirmed && !unconfirmedWarned) {
          unconfirmedWarned = true;
          warnings.push({ code: "c2-figures-unconfirmed", message: `the ${cycle.id} C2 figures are from secondary sources (${cycle.source})` });
        }
        cycleId = cycle.id;
        const students = district.schools.map((s, si) => (s.kind === "school" ? Math.floor(drivers.studentsBySchool[si]![yi]! + 0.5) : 0));
        const formula = c2FormulaCents(cycle, students) ?? 0;
        let st = state.get(cycle.id);
        if (!st) {
          const known = budget.eRate.c2Budgets.find((b) => b.cycle === cycle.id);
          st = { budget: known ? Math.max(known.budget.toCents(), formula) : formula, consumed: 0, paid: 0 };
          state.set(cycle.id, st);
        } else if (formula > st.budget) st.budget = formula;
        c2State = st;
      }
      const before = committedBefore.get(cycleId) ?? 0;
      const remaining = Math.max(0, c2State.budget - before - c2State.consumed);
      const consumed = Math.min(cost, remaining);
      if (consumed > 0) {
        c2State.consumed += consumed;
        const through = mulFraction(c2State.consumed, c2);
        paid[k] = through - c2State.paid;
        c2State.paid = through;
      }
      if (consumed < cost) {
        block(yi, category, "c2-budget-exhausted", cost - consumed, c2Exhausted(costs.items[i]!, cycleId));
      }
    }
  }
  if (warnedCycle.size > 0) {
    const ys = [...warnedCycle].sort((a, b) => a - b);
    const early = ys.filter((y) => y <= 2020);
    const late = ys.filter((y) => y > 2020);
    const span = (xs: number[]) => (xs.length === 1 ? `FY${xs[0]}` : `FY${xs[0]}–FY${xs[xs.length - 1]}`);
    // FY2015–FY2020 budgets were per school (see trackC2Cycle); the projection models district-wide cycles only
    if (early.length > 0)
      warnings.push({
        code: "no-c2-cycle-figures",
        message: `E-Rate ${span(early)} had per-school (or no) Category Two budgets, which the projection does not model: C2 items in those years get no E-Rate share (track them with trackC2Cycle)`,
      });
    if (late.length > 0)
      warnings.push({
        code: "no-c2-cycle-figures",
        message: `no Category Two cycle figures are known for E-Rate ${span(late)} (the table ends with FY2026–FY2030): C2 items in those years get no E-Rate share until the figures are added`,
      });
  }
  for (const [cycle, st] of state) {
    const before = committedBefore.get(cycle) ?? 0;
    cycles.push({ cycle, budget: st.budget, committedBefore: before, consumed: st.consumed });
  }
  if (blocked.some((b) => b.rule === "c2-budget-exhausted")) warnings.push({ code: "c2-over-budget", message: "C2 requests exceed the five-year C2 budget; the district pays the excess in full" });
  const c1Percent = c1 ? (c1.num * 100) / c1.den : null;
  const c2Percent = c2 ? (c2.num * 100) / c2.den : null;
  return { paid, c1FundId: c1Fund?.id ?? null, c2FundId: c2Fund?.id ?? null, discount: computed, c1Percent, c2Percent, cycles, blocked, warnings };
}
