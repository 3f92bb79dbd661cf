import { applyLevers, type Effective } from "../scenario/applyLevers.js";
import type { BudgetModel } from "../schema/budget.js";
import type { Scenario } from "../schema/scenario.js";
import { type CostTable, computeCosts } from "./costs.js";
import { type DriverTable, driverTable } from "./drivers.js";
import { type ERatePass, eRatePass } from "./eRatePass.js";
import { type Assignment, assignFunds } from "./funding.js";
import { ERATE_C1 } from "./itemTable.js";

/** @internal Everything a projection computes, in cents, before the result is built. */
export interface Core {
  readonly eff: Effective;
  readonly n: number;
  readonly first: number;
  readonly drivers: DriverTable;
  readonly costs: CostTable;
  readonly er: ERatePass;
  readonly asg: Assignment;
  readonly general: Effective["funds"][number];
  readonly categories: readonly string[];
  readonly allCategories: readonly string[];
  readonly schoolIds: readonly string[];
  readonly schoolIndex: ReadonlyMap<string, number>;
  readonly fundIds: readonly string[];
  readonly fundIndex: ReadonlyMap<string, number>;
  readonly gfIndex: number;
  readonly catIndex: ReadonlyMap<string, number>;
  readonly C: number;
  readonly F: number;
  readonly Sn: number;
  /** [year × category] */
  readonly byCat: Float64Array;
  /** [year × school] (last column: district-wide) */
  readonly bySchool: Float64Array;
  /** [(year × category) × fund] */
  readonly byCatFund: Float64Array;
}

/** @internal Runs the engine on a validated model and scenario. */
export function runCore(model: BudgetModel, sc: Scenario, detail = true): Core {
  const eff = applyLevers(model, sc);
  const { budget, district } = model;
  const n = budget.years;
  const first = budget.firstYear;
  const drivers = driverTable(eff);
  const costs = computeCosts(eff, drivers, detail);
  const er = eRatePass(eff, costs, drivers);
  // the district's share of a cell is its cost less what E-Rate pays: read where needed, not kept in a third array of every cell
  const asg = assignFunds(eff, costs, er.paid, drivers, detail);
  const general = eff.funds.find((f) => f.kind === "general")!;
  const t = costs.table; // the items' categories and E-Rate categories as codes (itemTable.ts)
  const categorySet = new Set(model.budget.categories);
  const seen = new Uint8Array(t.categories.values.length);
  for (let i = 0; i < t.category.length; i++) {
    const c = t.category[i]!;
    if (seen[c] === 1) continue;
    seen[c] = 1;
    categorySet.add(t.categories.values[c]!);
  }
  const categories = [...categorySet];
  const allCategories = [...new Set(["hardware", "software", "network", "professional-development", "support-staff", "services", "other", ...categories])];
  const schoolIds = [...district.schools.map((s) => s.id), "district"];
  const schoolIndex = new Map(district.schools.map((s, i) => [s.id, i]));
  const fundIds = eff.funds.map((f) => f.id);
  const fundIndex = new Map(fundIds.map((id, i) => [id, i]));
  const gfIndex = fundIndex.get(general.id)!;
  const catIndex = new Map(allCategories.map((c, i) => [c, i]));
  const C = allCategories.length;
  const F = fundIds.length;
  const Sn = schoolIds.length;

  // aggregates in cents
  const byCat = new Float64Array(n * C);
  const bySchool = new Float64Array(n * Sn);
  const byCatFund = new Float64Array(n * C * F);
  const catOf = t.categories.values.map((c) => catIndex.get(c) ?? -1);
  const c1Fund = er.c1FundId === null ? -1 : fundIndex.get(er.c1FundId)!;
  const c2Fund = er.c2FundId === null ? -1 : fundIndex.get(er.c2FundId)!;
  for (let i = 0; i < costs.items.length; i++) {
    const c = catOf[t.category[i]!]!;
    const si = costs.school[i]!;
    const s = si < 0 ? Sn - 1 : si;
    for (let yi = 0; yi < n; yi++) {
      const k = i * n + yi;
      const cost = costs.cost[k]!;
      if (cost === 0) continue;
      byCat[yi * C + c] = byCat[yi * C + c]! + cost;
      bySchool[yi * Sn + s] = bySchool[yi * Sn + s]! + cost;
      const e = er.paid[k]!;
      if (e !== 0) {
        const f = t.eRate[i] === ERATE_C1 ? c1Fund : c2Fund;
        byCatFund[(yi * C + c) * F + f] = byCatFund[(yi * C + c) * F + f]! + e;
      }
    }
  }
  for (const dm of asg.demands) {
    const c = catIndex.get(dm.category)!;
    let restrictedPaid = 0;
    for (const [ti, cents] of dm.paid) {
      const fid = asg.restricted[asg.tranches[ti]!.fund]!.id;
      byCatFund[(dm.yi * C + c) * F + fundIndex.get(fid)!] = byCatFund[(dm.yi * C + c) * F + fundIndex.get(fid)!]! + cents;
      restrictedPaid += cents;
    }
    byCatFund[(dm.yi * C + c) * F + gfIndex] = byCatFund[(dm.yi * C + c) * F + gfIndex]! + dm.amount - restrictedPaid;
  }

  return { eff, n, first, drivers, costs, er, asg, general, categories, allCategories, schoolIds, schoolIndex, fundIds, fundIndex, gfIndex, catIndex, C, F, Sn, byCat, bySchool, byCatFund };
}
