import { DistrictKitError, fiscalYearLabel, type Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { dollars, money, moneyOnce } from "../internal/cents.js";
import { fyEnd, fyStart } from "../internal/dates.js";
import type { BudgetModel, BudgetModelInput } from "../schema/budget.js";
import { type ScenarioInput, scenarioSchema } from "../schema/scenario.js";
import { runCore } from "./core.js";
import { baseStudents } from "./drivers.js";
import { eRateYearOf } from "./eRatePass.js";
import { fundSplit, projectionLines, schoolFundTable } from "./lines.js";
import { prepareBudget } from "./model.js";
import { lazily, recordSchoolCents, type SchoolCents } from "./schoolCents.js";
import type { BlockedCost, BudgetProjection, FundUse, ProjectionLine, ProjectionOptions, ProjectionWarning, ProjectionYear, TrancheUse } from "./types.js";

function keyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const optionsSchema = z.object({ detail: z.enum(["items", "summary"]).optional() }, { error: "expected options (an object)" });

const BASELINE: ScenarioInput = { id: "baseline", name: "Baseline", levers: [] };
// m: shared amounts (few distinct per table); moneyOnce: the per-school tables, mostly distinct amounts
const m = money;

/** A record keyed by ids (user data): no prototype, so `__proto__` or `constructor` is an ordinary own key. */
function record<T>(keys: readonly string[], values: (k: string, i: number) => T): Record<string, T> {
  const out = keyed<T>();
  keys.forEach((k, i) => (out[k] = values(k, i)));
  return out;
}

/**
 * Projects a scenario of a district technology budget over its horizon: every line item × fiscal
 * year (escalated per item, drivers from the enrollment projection or given series), E-Rate C1
 * and C2 shares (C2 within the cycle budget), restricted funds assigned exactly to minimise the
 * general-fund draw (eligibility, award windows, expiry order, carryover and category caps),
 * lapse risk, and the reason for every figure. Amounts are whole cents, half-up, and every table
 * adds up: Σ categories = Σ funds = Σ schools = the year's total.
 *
 * @param input - `{ district, budget }`, or a model from {@link prepareBudget} (not validated again)
 * @param scenario - levers on top of the baseline (default: the baseline itself)
 * @param options - `detail: "summary"` to skip the line-item table
 * @returns the projection (plain data; `JSON.stringify` writes amounts as decimal strings)
 * @throws DistrictKitError listing every invalid field, or levers naming unknown items, funds or schools
 * @example
 * ```ts
 * const model = prepareBudget({
 *   district: { name: "Tiny USD", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 40, locale: "rural", teachers: 8 }] },
 *   budget: { name: "Plan", firstYear: 2027, years: 3,
 *     funds: [
 *       { id: "gf", name: "General fund", kind: "general" },
 *       { id: "grant", name: "State grant", kind: "grant", eligibleCategories: ["hardware"],
 *         tranches: [{ amount: "5000", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }] },
 *     ],
 *     lineItems: [
 *       { id: "laptops", name: "Teacher laptops", category: "hardware", kind: "per-unit", driver: "teachers", unitCost: "800" },
 *       { id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "6", escalator: 0.03 },
 *     ] },
 * });
 * const p = projectBudget(model);
 * p.years[0]?.total.toString();              // => "7000"
 * p.years[0]?.byFund;                         // => { "gf": "2000", "grant": "5000" }
 * p.years[1]?.byCategory.software.toString(); // => "618"
 * p.generalFund.draw.toString();              // => "16055"
 * ```
 * @category Projection
 */
export function projectBudget(input: BudgetModelInput | BudgetModel, scenario: ScenarioInput = BASELINE, options: ProjectionOptions = {}): BudgetProjection {
  const model = prepareBudget(input);
  const sc = parseInput(scenarioSchema, scenario, ["scenario"]);
  const detail = parseInput(optionsSchema, options, ["options"]).detail ?? "items";
  const core = runCore(model, sc, detail === "items");
  const { eff, n, first, drivers, costs, er, asg, general, categories, allCategories, schoolIds, fundIds, gfIndex, catIndex, C, F, Sn, byCat, bySchool, byCatFund } = core;
  const { budget, district } = model;
  const yearKeys = Array.from({ length: n }, (_, i) => String(first + i));
  // line items with their fund split (sequential fill inside each demand group); each line's years are built when read (lines.ts)
  let lines: ProjectionLine[] = [];
  let bySchoolFund: Float64Array | null = null;
  if (detail === "items") {
    const split = fundSplit(core);
    bySchoolFund = schoolFundTable(core, split);
    lines = projectionLines(core, split);
  }

  // tables per year
  const usedCats = allCategories.filter((_, c) => categories.includes(allCategories[c]!) || Array.from({ length: n }, (_, yi) => byCat[yi * C + c]!).some((v) => v !== 0));
  const years: ProjectionYear[] = [];
  let grand = 0;
  const catTotals = new Float64Array(C);
  const fundTotals = new Float64Array(F);
  const schoolTotals = new Float64Array(Sn);
  const gfByYear: Record<string, Money> = {};
  for (let yi = 0; yi < n; yi++) {
    let total = 0;
    const fundYear = new Float64Array(F);
    const byCategoryFund = keyed<Record<string, Money>>();
    for (const cat of usedCats) {
      const c = catIndex.get(cat)!;
      total += byCat[yi * C + c]!;
      catTotals[c] = catTotals[c]! + byCat[yi * C + c]!;
      const row = keyed<Money>();
      for (let f = 0; f < F; f++) {
        const v = byCatFund[(yi * C + c) * F + f]!;
        fundYear[f] = fundYear[f]! + v;
        if (v !== 0) row[fundIds[f]!] = m(v);
      }
      byCategoryFund[cat] = row;
    }
    for (let f = 0; f < F; f++) fundTotals[f] = fundTotals[f]! + fundYear[f]!;
    for (let s = 0; s < Sn; s++) schoolTotals[s] = schoolTotals[s]! + bySchool[yi * Sn + s]!;
    grand += total;
    gfByYear[yearKeys[yi]!] = m(fundYear[gfIndex]!);
    // bySchool (and bySchoolFund) are built when first read (schoolCents.ts): own enumerable getters
    const schoolCents: SchoolCents = { ids: schoolIds, cents: bySchool, offset: yi * Sn, built: false };
    const schools = lazily(() => {
      schoolCents.built = true;
      return record(schoolIds, (_, s) => moneyOnce(bySchool[yi * Sn + s]!));
    });
    const schoolFunds = lazily(() =>
      bySchoolFund
        ? record(schoolIds, (_, sIdx) => {
            const out = keyed<Money>();
            for (let f = 0; f < F; f++) {
              const v = bySchoolFund[(yi * Sn + sIdx) * F + f]!;
              if (v !== 0) out[fundIds[f]!] = moneyOnce(v);
            }
            return out;
          })
        : keyed<Record<string, Money>>(),
    );
    const year: ProjectionYear = {
      fiscalYear: first + yi,
      label: fiscalYearLabel(first + yi, district.calendar),
      eRateFundingYear: eRateYearOf(eff, first + yi),
      total: m(total),
      byCategory: record(usedCats, (c) => m(byCat[yi * C + catIndex.get(c)!]!)),
      byFund: record(fundIds, (_, f) => m(fundYear[f]!)),
      get bySchool(): Record<string, Money> {
        return schools();
      },
      byCategoryFund,
      get bySchoolFund(): Record<string, Record<string, Money>> {
        return schoolFunds();
      },
      students: drivers.students[yi]!,
      explanation: yearSentence(
        first + yi,
        total,
        usedCats.map((c) => [c, byCat[yi * C + catIndex.get(c)!]!] as const),
        fundIds.map((_, k) => [eff.funds[k]!.name, fundYear[k]!] as const),
      ),
    };
    recordSchoolCents(year, schoolCents);
    years.push(year);
  }

  // funds
  const endDate = fyEnd(first + n - 1, district.calendar);
  const startDate = fyStart(first, district.calendar);
  const warnings: ProjectionWarning[] = [...costs.warnings, ...er.warnings];
  let lapsingTotal = 0;
  const funds: FundUse[] = eff.funds.map((f, fi) => {
    const byYear = record(yearKeys, (_, yi) => {
      let v = 0;
      for (let c = 0; c < C; c++) v += byCatFund[(yi * C + c) * F + fi]!;
      return m(v);
    });
    const ri = asg.restricted.indexOf(f);
    let lapsing = 0;
    const tranches: TrancheUse[] =
      ri < 0
        ? []
        : asg.tranches
            .filter((t) => t.fund === ri)
            .map((t) => {
              const used = t.used.reduce((a, b) => a + b, 0);
              const remaining = t.amount - used;
              const status: TrancheUse["status"] =
                remaining === 0 ? "fully-used" : t.obligateBy < startDate ? "expired-before-horizon" : t.obligateBy <= endDate ? "lapses" : "available-after-horizon";
              if (status === "lapses") lapsing += remaining;
              return {
                id: t.id,
                awardYear: t.awardYear,
                amount: m(t.amount),
                availableFrom: t.availableFrom,
                obligateBy: t.obligateBy,
                liquidateBy: t.liquidateBy,
                used: m(used),
                byYear: record(yearKeys, (_, yi) => m(t.used[yi]!)),
                remaining: m(remaining),
                status,
                explanation:
                  `${t.id}: ${dollars(t.amount)} available ${t.availableFrom} – ${t.obligateBy}; ${dollars(used)} assigned` +
                  (status === "lapses"
                    ? `; ${dollars(remaining)} lapses unless obligated by ${t.obligateBy} (no eligible cost left in its window).`
                    : status === "expired-before-horizon"
                      ? `; its window closed before FY${first} (nothing in the horizon can use it).`
                      : status === "available-after-horizon"
                        ? `; ${dollars(remaining)} still available after the horizon.`
                        : "; fully used."),
              };
            });
    lapsingTotal += lapsing;
    if (lapsing > 0)
      warnings.push({ code: "restricted-money-lapses", message: `${f.name}: ${dollars(lapsing)} of restricted money lapses unobligated within the horizon`, path: ["budget", "funds", fi] });
    const paid = fundTotals[fi]!;
    if (f.kind === "general" && f.yearlyLimit) {
      const limit = f.yearlyLimit.toCents();
      yearKeys.forEach((y) => {
        const v = gfByYear[y]!.toCents();
        if (v > limit) warnings.push({ code: "general-fund-over-limit", message: `FY${y}: the general-fund draw ${dollars(v)} exceeds its limit ${dollars(limit)} by ${dollars(v - limit)}` });
      });
    }
    const explanation =
      f.kind === "general"
        ? `${f.name} pays whatever E-Rate and restricted funds may not: ${dollars(paid)} over the horizon.`
        : f.kind === "erate"
          ? `${f.name} pays ${f.eRateCategory === "C1" ? (er.c1Percent ?? 0) : (er.c2Percent ?? 0)} % of E-Rate ${f.eRateCategory} items${f.eRateCategory === "C2" ? " within the five-year C2 budget" : ""}: ${dollars(paid)}.`
          : `${f.name} pays eligible categories (${(f.eligibleCategories ?? []).join(", ") || "listed items"}) inside each award's window: ${dollars(paid)} assigned${lapsing > 0 ? `, ${dollars(lapsing)} lapses` : ""}.`;
    return { id: f.id, name: f.name, kind: f.kind, paid: m(paid), byYear, tranches, lapsing: m(lapsing), explanation };
  });

  // blocked costs: by year × category × rule
  // year × category × rule, in first-seen order (nested Maps: no key text per entry; E-Rate may block every C2 item)
  type Blocked = { yi: number; category: string; rule: BlockedCost["rule"]; cents: number; explanation: string };
  const blockedList: Blocked[] = [];
  const blockedMap = new Map<string, Map<string, (Blocked | undefined)[]>>();
  const addBlocked = (yi: number, category: string, rule: BlockedCost["rule"], cents: number, explanation: string | (() => string)): void => {
    if (cents <= 0) return;
    let byRule = blockedMap.get(category);
    if (!byRule) blockedMap.set(category, (byRule = new Map()));
    let byYear = byRule.get(rule);
    if (!byYear) byRule.set(rule, (byYear = []));
    const b = byYear[yi];
    if (b) b.cents += cents;
    else blockedList.push((byYear[yi] = { yi, category, rule, cents, explanation: typeof explanation === "string" ? explanation : explanation() }));
  };
  for (const b of er.blocked) addBlocked(b.yi, b.category, b.rule, b.cents, b.explanation);
  const ruleText = {
    "no-eligible-fund": "no restricted fund may pay this category (or the items are limited to other funds)",
    "outside-window": "eligible restricted funds exist, but none is available (inside its obligation window) this year",
    "funds-exhausted": "eligible restricted money in its window is used up (or capped) by costs that expire earlier or rank first",
  } as const;
  for (const dm of asg.demands) {
    if (dm.rule === null) continue;
    let p = 0;
    for (const v of dm.paid.values()) p += v;
    addBlocked(dm.yi, dm.category, dm.rule, dm.amount - p, ruleText[dm.rule]);
  }
  const blocked: BlockedCost[] = blockedList
    .sort((a, b) => a.yi - b.yi || a.category.localeCompare(b.category) || a.rule.localeCompare(b.rule))
    .map((b) => ({
      fiscalYear: first + b.yi,
      category: b.category,
      rule: b.rule,
      amount: m(b.cents),
      explanation: `FY${first + b.yi} ${b.category}: ${dollars(b.cents)} to the general fund — ${b.explanation}.`,
    }));

  const enrollmentBySchool = lazily(() =>
    record(
      district.schools.map((s) => s.id),
      (_, si) => record(yearKeys, (__, yi) => drivers.studentsBySchool[si]![yi]!),
    ),
  );
  const gfDraw = fundTotals[gfIndex]!;
  const eRatePaid = eff.funds.reduce((a, f, fi) => (f.kind === "erate" ? a + fundTotals[fi]! : a), 0);
  const restrictedPaid = grand - gfDraw - eRatePaid;
  const pct = (x: number): string => (grand === 0 ? "0" : ((x / grand) * 100).toFixed(1));
  return {
    scenario: { id: sc.id, name: sc.name, levers: sc.levers, effects: eff.effects },
    firstYear: first,
    lastYear: first + n - 1,
    years,
    total: m(grand),
    byCategory: record(usedCats, (c) => m(catTotals[catIndex.get(c)!]!)),
    byFund: record(fundIds, (_, f) => m(fundTotals[f]!)),
    bySchool: record(schoolIds, (_, s) => moneyOnce(schoolTotals[s]!)),
    generalFund: { id: general.id, draw: m(gfDraw), byYear: gfByYear },
    lines,
    funds,
    blocked,
    eRate: {
      discount: er.discount,
      c1Percent: er.c1Percent,
      c2Percent: er.c2Percent,
      c2Cycles: er.cycles.map((c) => ({
        cycle: c.cycle,
        budget: m(c.budget),
        committedBefore: m(c.committedBefore),
        consumed: m(c.consumed),
        remaining: m(Math.max(0, c.budget - c.committedBefore - c.consumed)),
        explanation: `${c.cycle}: budget ${dollars(c.budget)} (pre-discount, raised with enrollment, never lowered), ${dollars(c.committedBefore)} committed before the horizon, ${dollars(c.consumed)} consumed in it; ${dollars(Math.max(0, c.budget - c.committedBefore - c.consumed))} left, which does not carry into the next cycle.`,
      })),
    },
    enrollment: {
      byYear: record(yearKeys, (_, yi) => drivers.students[yi]!),
      // built when first read, like each year's bySchool
      get bySchool(): Record<string, Record<string, number>> {
        return enrollmentBySchool();
      },
      methods: baseStudents(model).methods,
    },
    lapsing: m(lapsingTotal),
    warnings,
    rules: {
      escalationRounding: budget.options.escalationRounding,
      fundOrder: budget.options.fundOrder,
      obligationDay: asg.obligationDay,
      rounding: "each cell is rounded half-up to the cent; totals are sums of rounded cells",
      assignment: "exact min-cost max-flow: the largest restricted coverage (smallest general-fund draw); ties: money expiring first (or by preference), then earlier years",
    },
    explanation:
      `${sc.name}, FY${first}–FY${first + n - 1}: ${dollars(grand)} in all; general fund ${dollars(gfDraw)} (${pct(gfDraw)} %), ` +
      `E-Rate ${dollars(eRatePaid)} (${pct(eRatePaid)} %), restricted funds ${dollars(restrictedPaid)} (${pct(restrictedPaid)} %)` +
      (lapsingTotal > 0 ? `; ${dollars(lapsingTotal)} of restricted money lapses unobligated.` : "."),
  };
}

function yearSentence(year: number, total: number, cats: readonly (readonly [string, number])[], funds: readonly (readonly [string, number])[]): string {
  const pct = (x: number): string => (total === 0 ? "0" : ((x / total) * 100).toFixed(1));
  const top = [...cats]
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  const payers = funds.filter(([, v]) => v > 0).map(([f, v]) => `${f} ${dollars(v)} (${pct(v)} %)`);
  return `FY${year}: ${dollars(total)}${top.length > 0 ? `, mostly ${top.map(([c, v]) => `${c} ${dollars(v)}`).join(", ")}` : ""}; paid by ${payers.length > 0 ? payers.join(", ") : "nobody (nothing is due)"}.`;
}

/**
 * Like {@link projectBudget}, without throwing: `{ success: true, data }` or
 * `{ success: false, error }` with every problem and its path.
 *
 * @param input - `{ district, budget }` or a prepared model
 * @param scenario - levers on top of the baseline
 * @param options - `detail`
 * @returns the outcome
 * @example
 * ```ts
 * const r = safeProjectBudget({ district: {}, budget: {} });
 * r.success ? r.data.total.toString() : r.error.issues.length > 0; // => true
 * ```
 * @category Projection
 */
export function safeProjectBudget(input: unknown, scenario?: ScenarioInput, options?: ProjectionOptions): { success: true; data: BudgetProjection } | { success: false; error: DistrictKitError } {
  try {
    return { success: true, data: projectBudget(input as BudgetModelInput, scenario, options) };
  } catch (error) {
    if (error instanceof DistrictKitError) return { success: false, error };
    throw error;
  }
}
