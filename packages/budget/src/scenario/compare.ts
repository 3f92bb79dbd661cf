import { DistrictKitError, guardInput, Money } from "@districtkit/core";
import { dollars, moneyOnce } from "../internal/cents.js";
import { checkHorizon, readEngineOutput } from "../internal/engineOutput.js";
import { type LineCents, lineCents } from "../projection/lines.js";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import { lazily, type SchoolCents, schoolCentsOf } from "../projection/schoolCents.js";
import type { BudgetProjection } from "../projection/types.js";
import type { BudgetModel, BudgetModelInput } from "../schema/budget.js";
import type { ScenarioInput } from "../schema/scenario.js";

/**
 * An amount in two scenarios and the difference `b − a`.
 *
 * @category Scenarios
 */
export interface Delta {
  readonly a: Money;
  readonly b: Money;
  readonly delta: Money;
}

/**
 * One line item in two scenarios.
 *
 * @category Scenarios
 */
export interface LineDelta extends Delta {
  readonly itemId: string;
  readonly name: string;
  readonly category: string;
  /** `added` or `removed` by the scenario, `changed`, or `same`. */
  readonly status: "added" | "removed" | "changed" | "same";
  /** `b − a` by fiscal year. */
  readonly byYear: Readonly<Record<string, Money>>;
}

/**
 * Two projections side by side: `b − a` per year, category, fund, school and line. Every delta
 * table adds up to the total delta.
 *
 * @category Scenarios
 */
export interface ScenarioComparison {
  readonly a: { readonly id: string; readonly name: string };
  readonly b: { readonly id: string; readonly name: string };
  readonly total: Delta;
  readonly generalFundDraw: Delta;
  readonly years: readonly {
    readonly fiscalYear: number;
    readonly total: Delta;
    readonly byCategory: Readonly<Record<string, Delta>>;
    readonly byFund: Readonly<Record<string, Delta>>;
    readonly bySchool: Readonly<Record<string, Delta>>;
  }[];
  readonly byCategory: Readonly<Record<string, Delta>>;
  readonly byFund: Readonly<Record<string, Delta>>;
  /** Line by line (empty when either projection was made with `detail: "summary"`). */
  readonly lines: readonly LineDelta[];
  readonly explanation: string;
}

function delta(a: Money | undefined, b: Money | undefined): Delta {
  const x = a ?? Money.ZERO;
  const y = b ?? Money.ZERO;
  return { a: x, b: y, delta: y.subtract(x) };
}

function deltas(a: Readonly<Record<string, Money>>, b: Readonly<Record<string, Money>>): Record<string, Delta> {
  // keys are ids (user data): no prototype, and only own keys are read (`constructor` is not a fund)
  const out = Object.create(null) as Record<string, Delta>;
  // a's keys, then b's others (the order of a Set of both), without building the two lists and the Set
  for (const k of Object.keys(a)) out[k] = delta(a[k], Object.hasOwn(b, k) ? b[k] : undefined);
  for (const k of Object.keys(b)) if (!Object.hasOwn(out, k)) out[k] = delta(undefined, b[k]);
  return out;
}

/**
 * @internal The deltas of two school tables from their cents: what {@link deltas} gives for the
 * two records built from them (a's schools, then b's others; each amount the Money its record
 * would hold), without building the records.
 */
export function schoolDeltas(a: SchoolCents, b: SchoolCents): Record<string, Delta> {
  const out = Object.create(null) as Record<string, Delta>;
  const inB = new Map<string, number>();
  const same = a.ids === b.ids || (a.ids.length === b.ids.length && a.ids.every((id, s) => id === b.ids[s]));
  if (!same) b.ids.forEach((id, s) => inB.set(id, s));
  a.ids.forEach((id, s) => {
    const j = same ? s : (inB.get(id) ?? -1);
    out[id] = delta(moneyOnce(a.cents[a.offset + s]!), j < 0 ? undefined : moneyOnce(b.cents[b.offset + j]!));
  });
  if (!same) b.ids.forEach((id, s) => (Object.hasOwn(out, id) ? undefined : (out[id] = delta(undefined, moneyOnce(b.cents[b.offset + s]!)))));
  return out;
}

/**
 * Compares two projections of the same horizon: `b − a` per year, category, fund, school and
 * line item (added, removed, changed). The deltas add up to the total delta.
 *
 * @param a - the reference (usually the baseline)
 * @param b - the scenario
 * @returns the delta tables and a sentence naming the largest changes
 * @throws DistrictKitError when the horizons differ
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "5" }] },
 * };
 * const base = projectBudget(input);
 * const cut = projectBudget(input, { id: "cut", name: "Cut", levers: [{ type: "scale", item: "lms", percent: -0.2 }] });
 * compareProjections(base, cut).total.delta.toString(); // => "-200"
 * ```
 * @category Scenarios
 */
export function compareProjections(a: BudgetProjection, b: BudgetProjection): ScenarioComparison {
  return readEngineOutput("b", "two projections from projectBudget", () => compare(a, b));
}

function compare(a: BudgetProjection, b: BudgetProjection): ScenarioComparison {
  checkHorizon(a, "a");
  checkHorizon(b, "b");
  if (a.firstYear !== b.firstYear || a.lastYear !== b.lastYear) {
    throw new DistrictKitError("INVALID_ARGUMENT", [{ path: ["b"], message: `expected the same horizon (FY${a.firstYear}–FY${a.lastYear}), got FY${b.firstYear}–FY${b.lastYear}` }]);
  }
  const years = a.years.map((ya, i) => {
    const yb = b.years[i]!;
    const ca = schoolCentsOf(ya);
    const cb = schoolCentsOf(yb);
    // two school tables nobody has built yet: their deltas from the engine's cents, when first read (schoolCents.ts)
    if (ca !== undefined && cb !== undefined) {
      const schools = lazily(() => schoolDeltas(ca, cb));
      return {
        fiscalYear: ya.fiscalYear,
        total: delta(ya.total, yb.total),
        byCategory: deltas(ya.byCategory, yb.byCategory),
        byFund: deltas(ya.byFund, yb.byFund),
        get bySchool(): Record<string, Delta> {
          return schools();
        },
      };
    }
    return {
      fiscalYear: ya.fiscalYear,
      total: delta(ya.total, yb.total),
      byCategory: deltas(ya.byCategory, yb.byCategory),
      byFund: deltas(ya.byFund, yb.byFund),
      bySchool: deltas(ya.bySchool, yb.bySchool),
    };
  });
  const total = delta(a.total, b.total);
  const gf = delta(a.generalFund.draw, b.generalFund.draw);
  const ca = lineCents(a.lines);
  const cb = lineCents(b.lines);
  const { lines, top } = ca && cb && ca.n === a.years.length && cb.n === a.years.length ? lineDeltasFromCents(a, b, ca, cb) : lineDeltas(a, b);
  return {
    a: { id: a.scenario.id, name: a.scenario.name },
    b: { id: b.scenario.id, name: b.scenario.name },
    total,
    generalFundDraw: gf,
    years,
    byCategory: deltas(a.byCategory, b.byCategory),
    byFund: deltas(a.byFund, b.byFund),
    lines,
    explanation:
      `${b.scenario.name} vs ${a.scenario.name}, FY${a.firstYear}–FY${a.lastYear}: total ${dollars(total.delta.toCents())}, general-fund draw ${dollars(gf.delta.toCents())}` +
      (top.length > 0 ? `; largest changes: ${top.map((l) => `${l.name} ${dollars(l.delta.toCents())}`).join(", ")}.` : "."),
  };
}

/**
 * @internal Line deltas from the lines' Money (any two projections): every line of either, in the
 * order of `a` then the lines only `b` has, and the three largest changes (by |delta|, first
 * listed first among equals). The simple reference of {@link lineDeltasFromCents}.
 */
export function lineDeltas(a: BudgetProjection, b: BudgetProjection): { lines: LineDelta[]; top: LineDelta[] } {
  const lines: LineDelta[] = [];
  if (a.lines.length > 0 || b.lines.length > 0) {
    const la = new Map(a.lines.map((l) => [l.itemId, l]));
    const lb = new Map(b.lines.map((l) => [l.itemId, l]));
    for (const id of new Set([...la.keys(), ...lb.keys()])) {
      const x = la.get(id);
      const y = lb.get(id);
      const d = delta(x?.total, y?.total);
      const byYear: Record<string, Money> = {};
      a.years.forEach((yr, i) => (byYear[String(yr.fiscalYear)] = (y?.years[i]?.cost ?? Money.ZERO).subtract(x?.years[i]?.cost ?? Money.ZERO)));
      const changed = Object.values(byYear).some((v) => !v.isZero());
      lines.push({ itemId: id, name: (y ?? x)!.name, category: (y ?? x)!.category, status: !x ? "added" : !y ? "removed" : changed ? "changed" : "same", byYear, ...d });
    }
  }
  const top = [...lines]
    .filter((l) => !l.delta.isZero())
    .sort((p, q) => q.delta.abs().compare(p.delta.abs()))
    .slice(0, 3);
  return { lines, top };
}

/**
 * @internal Line deltas of two projections this engine built, read from their cents (lineCents):
 * the same lines, statuses and top three as {@link lineDeltas}, without reading (and so building)
 * every line's years. Differences per year are whole-cent subtractions of safe integers (each
 * cell is below 2^53 cents, and so is the difference of two); each line's `byYear` record is made
 * from them when first read, by an own enumerable getter, like a projection line's `years`. The
 * three largest changes are kept in one pass (a line replaces a kept one only when strictly
 * larger, so the first listed wins a tie, as the stable sort of the reference does).
 */
export function lineDeltasFromCents(a: BudgetProjection, b: BudgetProjection, ca: LineCents, cb: LineCents): { lines: LineDelta[]; top: LineDelta[] } {
  const n = ca.n;
  const keys = a.years.map((yr) => String(yr.fiscalYear));
  const lines: LineDelta[] = [];
  const top: LineDelta[] = [];
  const topAbs: number[] = [];
  const push = (id: string, i: number, j: number): void => {
    const x = i < 0 ? undefined : a.lines[i]!;
    const y = j < 0 ? undefined : b.lines[j]!;
    let changed = false;
    for (let yi = 0; yi < n; yi++) {
      const va = i < 0 ? 0 : ca.cost[i * n + yi]!;
      const vb = j < 0 ? 0 : cb.cost[j * n + yi]!;
      if (va !== vb) {
        changed = true;
        break;
      }
    }
    const ta = i < 0 ? 0 : ca.total[i]!;
    const tb = j < 0 ? 0 : cb.total[j]!;
    let byYear: Record<string, Money> | undefined;
    const line: LineDelta = {
      itemId: id,
      name: (y ?? x)!.name,
      category: (y ?? x)!.category,
      status: !x ? "added" : !y ? "removed" : changed ? "changed" : "same",
      get byYear(): Record<string, Money> {
        if (byYear === undefined) {
          byYear = {};
          for (let yi = 0; yi < n; yi++) byYear[keys[yi]!] = moneyOnce((j < 0 ? 0 : cb.cost[j * n + yi]!) - (i < 0 ? 0 : ca.cost[i * n + yi]!));
        }
        return byYear;
      },
      a: x?.total ?? Money.ZERO,
      b: y?.total ?? Money.ZERO,
      delta: moneyOnce(tb - ta),
    };
    lines.push(line);
    const abs = Math.abs(tb - ta);
    if (abs === 0) return;
    let at = top.length;
    while (at > 0 && abs > topAbs[at - 1]!) at--;
    if (at < 3) {
      top.splice(at, 0, line);
      topAbs.splice(at, 0, abs);
      if (top.length > 3) {
        top.pop();
        topAbs.pop();
      }
    }
  };
  // the engine's line ids are unique (validated items; levers refuse an id that exists), so each
  // id is one line on each side; the usual case — the same items in the same order — needs no Map
  const sameOrder = a.lines.length === b.lines.length && a.lines.every((l, i) => l.itemId === b.lines[i]!.itemId);
  if (sameOrder) {
    for (let i = 0; i < a.lines.length; i++) push(a.lines[i]!.itemId, i, i);
  } else {
    const inB = new Map<string, number>();
    for (let j = 0; j < b.lines.length; j++) inB.set(b.lines[j]!.itemId, j);
    const inA = new Set<string>();
    for (let i = 0; i < a.lines.length; i++) {
      const id = a.lines[i]!.itemId;
      inA.add(id);
      push(id, i, inB.get(id) ?? -1);
    }
    for (let j = 0; j < b.lines.length; j++) if (!inA.has(b.lines[j]!.itemId)) push(b.lines[j]!.itemId, -1, j);
  }
  return { lines, top };
}

/**
 * The result of {@link compareScenarios}: every projection and each one compared with the first.
 *
 * @category Scenarios
 */
export interface ScenarioSet {
  readonly projections: readonly BudgetProjection[];
  /** `comparisons[i]` compares `projections[0]` with `projections[i + 1]`. */
  readonly comparisons: readonly ScenarioComparison[];
}

/**
 * Projects two or more scenarios of one budget and compares each with the first (usually the
 * baseline), validating the budget once.
 *
 * @param input - `{ district, budget }` or a prepared model
 * @param scenarios - the scenarios, the reference first
 * @param options - `detail: "summary"` to skip line items
 * @returns the projections and the comparisons
 * @throws DistrictKitError for invalid input or fewer than one scenario
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "5" }] },
 * };
 * const set = compareScenarios(input, [
 *   { id: "base", name: "Baseline" },
 *   { id: "drop", name: "Enrollment −10 %", levers: [{ type: "enrollment-change", rate: -0.1, mode: "once" }] },
 * ]);
 * set.comparisons[0]?.total.delta.toString(); // => "-100"
 * ```
 * @category Scenarios
 */
export function compareScenarios(input: BudgetModelInput | BudgetModel, scenarios: readonly ScenarioInput[], options: { readonly detail?: "items" | "summary" } = {}): ScenarioSet {
  const model = prepareBudget(input);
  if (!Array.isArray(scenarios)) throw DistrictKitError.argument(["scenarios"], "expected at least one scenario");
  scenarios = guardInput(() => scenarios.slice(), ["scenarios"], "the scenarios"); // the caller's list, read once
  if (scenarios.length === 0) throw DistrictKitError.argument(["scenarios"], "expected at least one scenario");
  const projections = scenarios.map((s) => projectBudget(model, s, options));
  return { projections, comparisons: projections.slice(1).map((p) => compareProjections(projections[0]!, p)) };
}
