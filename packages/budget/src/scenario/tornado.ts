import { DistrictKitError, guardInput, Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { dollars } from "../internal/cents.js";
import { runCore } from "../projection/core.js";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import type { BudgetModel, BudgetModelInput } from "../schema/budget.js";
import { type Lever, leverSchema, metricSchema, scenarioSchema } from "../schema/scenario.js";
import { checkMetric, coreShape, describeMetric, metricOfCore } from "./metric.js";

/**
 * Options of {@link tornado}: the levers, each at a low and a high setting, and the metric.
 *
 * @example
 * ```ts
 * tornadoOptionsSchema.parse({ levers: [] }).metric.kind; // => "total"
 * ```
 * @category Scenarios
 */
export const tornadoOptionsSchema = z.object({
  /** The scenario the levers are added to (default: the baseline). */
  scenario: scenarioSchema.optional(),
  levers: z.array(z.object({ id: z.string().min(1), label: z.string().min(1), low: leverSchema, high: leverSchema })).max(100),
  metric: metricSchema.default({ kind: "total", aggregate: "sum" }),
});

/**
 * Options of {@link tornado} as given.
 *
 * @category Scenarios
 */
export type TornadoOptions = z.input<typeof tornadoOptionsSchema>;

/**
 * One bar of a tornado chart.
 *
 * @category Scenarios
 */
export interface TornadoRow {
  readonly id: string;
  readonly label: string;
  readonly low: { readonly value: Money; readonly delta: Money };
  readonly high: { readonly value: Money; readonly delta: Money };
  /** `|high − low|`: the bar's width; rows are sorted by it, widest first. */
  readonly swing: Money;
}

/**
 * A tornado (one-at-a-time sensitivity) of a metric.
 *
 * @category Scenarios
 */
export interface TornadoResult {
  readonly metric: string;
  readonly base: Money;
  readonly rows: readonly TornadoRow[];
  readonly explanation: string;
}

/**
 * One-at-a-time sensitivity (a tornado chart): the metric with each lever at its low and its
 * high setting on top of the base scenario, sorted by swing (widest first).
 *
 * @param input - `{ district, budget }` or a prepared model
 * @param options - the levers (low/high), the metric, the base scenario
 * @returns the base value and one row per lever, widest swing first
 * @throws DistrictKitError for invalid input or levers
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [
 *       { id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "5" },
 *       { id: "net", name: "Internet", category: "network", kind: "recurring", amount: "1000" },
 *     ] },
 * };
 * const t = tornado(input, { levers: [
 *   { id: "enr", label: "Enrollment ±10 %", low: { type: "enrollment-change", rate: -0.1, mode: "once" }, high: { type: "enrollment-change", rate: 0.1, mode: "once" } },
 *   { id: "net", label: "Internet ±20 %", low: { type: "scale", item: "net", percent: -0.2 }, high: { type: "scale", item: "net", percent: 0.2 } },
 * ] });
 * t.rows.map((r) => r.id);  // => ["net", "enr"]
 * t.rows[0]?.swing.toString(); // => "800"
 * ```
 * @category Scenarios
 */
export function tornado(input: BudgetModelInput | BudgetModel, options: TornadoOptions): TornadoResult {
  const model = prepareBudget(input);
  const o = parseInput(tornadoOptionsSchema, options, ["options"]);
  const base = o.scenario ?? { id: "baseline", name: "Baseline", levers: [] as Lever[] };
  const baseCore = runCore(model, base, false);
  const metric = checkMetric(coreShape(baseCore), o.metric, ["options", "metric"]);
  const b = metricOfCore(baseCore, metric);
  const run = (l: Lever, i: number, side: string): number => {
    try {
      return metricOfCore(runCore(model, { ...base, levers: [...base.levers, l] }, false), metric);
    } catch (error) {
      if (error instanceof DistrictKitError)
        throw new DistrictKitError(
          error.code,
          error.issues.map((x) => ({ ...x, path: ["options", "levers", i, side, ...x.path.slice(3)] })),
        );
      throw error;
    }
  };
  const rows: TornadoRow[] = o.levers.map((l, i) => {
    const lo = run(l.low, i, "low");
    const hi = run(l.high, i, "high");
    return {
      id: l.id,
      label: l.label,
      low: { value: Money.fromCents(lo), delta: Money.fromCents(lo - b) },
      high: { value: Money.fromCents(hi), delta: Money.fromCents(hi - b) },
      swing: Money.fromCents(Math.abs(hi - lo)),
    };
  });
  rows.sort((x, y) => y.swing.compare(x.swing));
  const top = rows[0];
  return {
    metric: describeMetric(metric),
    base: Money.fromCents(b),
    rows,
    explanation: `Base ${describeMetric(metric)}: ${dollars(b)}.` + (top ? ` The widest swing is ${top.label} (${dollars(top.swing.toCents())}).` : ""),
  };
}

/**
 * Options of {@link standardTornadoLevers}.
 *
 * @category Scenarios
 */
export interface StandardTornadoOptions {
  /** Enrollment change a year, ± (default 0.01 = 1 % a year). */
  readonly enrollmentRate?: number;
  /** Inflation, ± percentage points as a fraction (default 0.01). */
  readonly inflationPoints?: number;
  /** Category cost, ± (default 0.10). */
  readonly categoryPercent?: number;
  /** E-Rate discount, ± (default 0.10). */
  readonly eRatePoints?: number;
  /** Restricted fund amounts, ± (default 0.20). */
  readonly fundPercent?: number;
  /** How many levers at most (default 12). */
  readonly max?: number;
}

/**
 * The usual tornado levers of a budget, ready for {@link tornado}: enrollment ±1 %/yr,
 * inflation ±1 point, each used category ±10 %, the E-Rate discount ±10 points, each restricted
 * fund ±20 %, and ±1 year on each refresh cycle — the first `max` (12) of them.
 *
 * @param input - `{ district, budget }` or a prepared model
 * @param options - the sizes of the swings and how many levers
 * @returns lever pairs `{ id, label, low, high }`
 * @throws DistrictKitError for invalid input
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "5" }] },
 * };
 * standardTornadoLevers(input).map((l) => l.id); // => ["enrollment", "inflation", "category:software"]
 * ```
 * @category Scenarios
 */
export function standardTornadoLevers(input: BudgetModelInput | BudgetModel, options: StandardTornadoOptions = {}): { id: string; label: string; low: Lever; high: Lever }[] {
  const model = prepareBudget(input);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw DistrictKitError.argument(["options"], "expected an options object");
  options = guardInput(() => ({ ...options }), ["options"], "the options"); // read once: a getter or Proxy that throws is wrapped
  const num = (v: unknown, d: number, name: string): number => {
    if (v === undefined) return d;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v >= 1)
      throw DistrictKitError.argument(["options", name], `expected a number in [0, 1), got ${typeof v === "number" ? String(v) : typeof v}`);
    return v;
  };
  const er = num(options.enrollmentRate, 0.01, "enrollmentRate");
  const inf = num(options.inflationPoints, 0.01, "inflationPoints");
  const cat = num(options.categoryPercent, 0.1, "categoryPercent");
  const ep = num(options.eRatePoints, 0.1, "eRatePoints");
  const fp = num(options.fundPercent, 0.2, "fundPercent");
  const max = options.max ?? 12;
  if (!Number.isInteger(max) || max < 1 || max > 100) throw DistrictKitError.argument(["options", "max"], `expected a whole number 1–100, got ${typeof max === "number" ? String(max) : typeof max}`);
  const pct = (x: number): string => `${+(x * 100).toFixed(2)} %`;
  const out: { id: string; label: string; low: Lever; high: Lever }[] = [];
  const b = model.budget;
  out.push({ id: "enrollment", label: `Enrollment ±${pct(er)} a year`, low: { type: "enrollment-change", rate: -er, mode: "annual" }, high: { type: "enrollment-change", rate: er, mode: "annual" } });
  out.push({
    id: "inflation",
    label: `Inflation ±${+(inf * 100).toFixed(2)} percentage point${inf === 0.01 ? "" : "s"}`,
    low: { type: "inflation", rate: -inf, mode: "add" },
    high: { type: "inflation", rate: inf, mode: "add" },
  });
  for (const c of [...new Set(b.lineItems.map((it) => it.category))]) {
    out.push({ id: `category:${c}`, label: `${c} ±${pct(cat)}`, low: { type: "scale", category: c, percent: -cat }, high: { type: "scale", category: c, percent: cat } });
  }
  if (b.funds.some((f) => f.kind === "erate")) {
    const d = projectBudget(model, undefined, { detail: "summary" }).eRate;
    const current = Math.max(d.c1Percent ?? 0, d.c2Percent ?? 0) / 100;
    out.push({
      id: "erate",
      label: `E-Rate discount ±${+(ep * 100).toFixed(0)} percentage points`,
      low: { type: "erate-discount", category: "both", discount: Math.max(0, +(current - ep).toFixed(4)) },
      high: { type: "erate-discount", category: "both", discount: Math.min(0.9, +(current + ep).toFixed(4)) },
    });
  }
  for (const f of b.funds.filter((x) => x.kind !== "general" && x.kind !== "erate")) {
    out.push({ id: `fund:${f.id}`, label: `${f.name} ±${pct(fp)}`, low: { type: "scale-fund", fund: f.id, percent: -fp }, high: { type: "scale-fund", fund: f.id, percent: fp } });
  }
  for (const it of b.lineItems) {
    if ((it.kind === "recurring" || it.kind === "per-unit") && it.everyYears > 1) {
      out.push({
        id: `cycle:${it.id}`,
        label: `${it.name} refresh ${it.everyYears - 1}–${it.everyYears + 1} years`,
        low: { type: "refresh-cycle", item: it.id, everyYears: Math.max(1, it.everyYears - 1) },
        high: { type: "refresh-cycle", item: it.id, everyYears: it.everyYears + 1 },
      });
    }
  }
  return out.slice(0, max);
}
