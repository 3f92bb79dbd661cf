// The B2 peer (PERFORMANCE.md): the same projection with plain JS numbers (float dollars) —
// escalation compounding per year with Math.round to cents, driver × unit cost, E-Rate shares,
// tables by year × category × school × fund, restricted funds assigned greedily (expiring first).
// Inexact by design: it shows what exact decimals cost.
import type { BudgetModel } from "../src/schema/budget.js";

export function projectPlainNumbers(model: BudgetModel): { total: number; byYear: Float64Array } {
  const { budget, district } = model;
  const n = budget.years;
  const first = budget.firstYear;
  const cats = ["hardware", "software", "network", "professional-development", "support-staff", "services", "other", ...budget.categories];
  const catIndex = new Map(cats.map((c, i) => [c, i]));
  const schoolIndex = new Map(district.schools.map((s, i) => [s.id, i]));
  const S = district.schools.length + 1;
  const C = cats.length;
  const byCat = new Float64Array(n * C);
  const bySchool = new Float64Array(n * S);
  const eRate = new Float64Array(n * C);
  const totalStudents = district.schools.reduce((a, s) => a + s.students, 0);
  const teachers = district.schools.reduce((a, s) => a + s.teachers, 0);
  const staff = district.schools.reduce((a, s) => a + s.staff, 0) + district.centralStaff;
  const discount = 0.7;
  const last = first + n - 1;
  for (const it of budget.lineItems) {
    const c = catIndex.get(it.category)!;
    const s = it.school === undefined ? S - 1 : schoolIndex.get(it.school)!;
    const rate = typeof it.escalator === "number" ? it.escalator : 0;
    if (it.kind === "series") {
      for (const [k, v] of Object.entries(it.amounts)) {
        const yi = Number(k) - first;
        if (yi < 0 || yi >= n) continue;
        const x = v.toNumber();
        byCat[yi * C + c] = byCat[yi * C + c]! + x;
        bySchool[yi * S + s] = bySchool[yi * S + s]! + x;
      }
      continue;
    }
    const school = it.school === undefined ? null : district.schools[s]!;
    let p = (it.kind === "per-unit" ? it.unitCost : it.amount).toNumber();
    const start = it.kind === "one-time" ? it.year : (it.startYear ?? first);
    const end = it.kind === "one-time" ? it.year : (it.endYear ?? last);
    const every = it.kind === "one-time" ? 1 : it.everyYears;
    for (let yi = 0; yi < n; yi++) {
      const year = first + yi;
      if (yi > 0) p = Math.round(p * (1 + rate) * 100) / 100;
      if (year < start || year > end || (year - start) % every !== 0) continue;
      let cost = p;
      if (it.kind === "per-unit") {
        const d =
          it.driver === "students"
            ? school
              ? school.students
              : totalStudents
            : it.driver === "teachers"
              ? school
                ? school.teachers
                : teachers
              : it.driver === "staff"
                ? school
                  ? school.staff
                  : staff
                : 1;
        cost = Math.round(p * Math.round(d * it.unitsPerDriver) * 100) / 100;
      }
      byCat[yi * C + c] = byCat[yi * C + c]! + cost;
      bySchool[yi * S + s] = bySchool[yi * S + s]! + cost;
      if (it.eRate !== "ineligible") eRate[yi * C + c] = eRate[yi * C + c]! + Math.round(cost * discount * 100) / 100;
    }
  }
  // greedy restricted assignment: funds in expiry order, eligible categories, one window per year
  const restricted = budget.funds.filter((f) => f.kind !== "general" && f.kind !== "erate");
  const left = restricted.map((f) => (f.tranches ?? []).reduce((a, t) => a + t.amount.toNumber(), 0) + (f.annual?.amount ? f.annual.amount.toNumber() * n : 0));
  const byYear = new Float64Array(n);
  let total = 0;
  for (let yi = 0; yi < n; yi++) {
    for (let c = 0; c < C; c++) {
      let need = byCat[yi * C + c]! - eRate[yi * C + c]!;
      for (let f = 0; f < restricted.length && need > 0; f++) {
        if (!(restricted[f]!.eligibleCategories ?? []).includes(cats[c]!)) continue;
        const take = Math.min(need, left[f]!);
        left[f] = left[f]! - take;
        need -= take;
      }
      byYear[yi] = byYear[yi]! + byCat[yi * C + c]!;
    }
    total += byYear[yi]!;
  }
  return { total, byYear };
}
