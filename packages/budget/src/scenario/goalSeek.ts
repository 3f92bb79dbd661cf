import { DistrictKitError, Money, moneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { dollars } from "../internal/cents.js";
import { runCore } from "../projection/core.js";
import { prepareBudget } from "../projection/model.js";
import type { BudgetModel, BudgetModelInput } from "../schema/budget.js";
import { type Lever, leverSchema, metricSchema, scenarioSchema } from "../schema/scenario.js";
import { checkMetric, coreShape, describeMetric, metricOfCore } from "./metric.js";

/**
 * Options of {@link goalSeek}.
 *
 * @example
 * ```ts
 * const o = goalSeekOptionsSchema.parse({ lever: { type: "enrollment-change", rate: 0 }, parameter: "rate",
 *   range: { min: -0.2, max: 0 }, metric: { kind: "general-fund-draw" }, target: "100000", seek: "min" });
 * o.constraint; // => "at-most"
 * ```
 * @category Scenarios
 */
export const goalSeekOptionsSchema = z
  .object({
    /** The scenario the lever is added to (default: the baseline). */
    scenario: scenarioSchema.optional(),
    /** The lever to move; its `parameter` field is replaced by the value searched. */
    lever: leverSchema,
    /** The numeric field of the lever to search: `rate`, `percent`, `discount`, `years`, `everyYears`. */
    parameter: z.enum(["rate", "percent", "discount", "years", "everyYears"]),
    range: z.object({ min: z.number().min(-1e6).max(1e6), max: z.number().min(-1e6).max(1e6) }),
    metric: metricSchema,
    target: moneySchema,
    /** The metric must stay `at-most` (default) or `at-least` the target. */
    constraint: z.enum(["at-most", "at-least"]).default("at-most"),
    /** Which end of the range to push towards: `min` (e.g. the largest decline) or `max`. */
    seek: z.enum(["min", "max"]),
    /** Stop when the bracket is this narrow (default 1e-4; whole numbers for years). */
    tolerance: z.number().gt(0).max(1).default(1e-4),
  })
  .superRefine((o, ctx) => {
    if (o.range.min >= o.range.max) ctx.addIssue({ code: "custom", path: ["range"], message: `expected min < max, got ${o.range.min} … ${o.range.max}` });
    if (!(o.parameter in o.lever)) ctx.addIssue({ code: "custom", path: ["parameter"], message: `a ${o.lever.type} lever has no "${o.parameter}" field` });
  });

/**
 * Options of {@link goalSeek} as given.
 *
 * @category Scenarios
 */
export type GoalSeekOptions = z.input<typeof goalSeekOptionsSchema>;

/**
 * The answer of a goal seek.
 *
 * @category Scenarios
 */
export interface GoalSeekResult {
  /** Whether some value in the range meets the target. */
  readonly found: boolean;
  /** The value of the lever's parameter furthest towards `seek` that still meets the target. */
  readonly value: number | null;
  readonly metricAtValue: Money | null;
  /** `target` (the target binds), `range-end` (the whole way to the end of the range meets it), `infeasible`. */
  readonly binding: "target" | "range-end" | "infeasible";
  /** The lever at the value found (add it to a scenario). */
  readonly lever: Lever | null;
  /** Every evaluation, in order. */
  readonly evaluations: readonly { readonly value: number; readonly metric: Money; readonly meets: boolean }[];
  /** False when the scan saw the target met, missed, then met again (the answer is the first crossing). */
  readonly monotone: boolean;
  readonly explanation: string;
}

/**
 * Goal seek: the value of one lever's parameter, as far towards `seek` as possible, that keeps a
 * metric at most (or at least) a target — e.g. "the largest enrollment decline that keeps the
 * general-fund draw under $X". Scans the range, then bisects the first crossing to `tolerance`
 * (whole numbers for `years` and `everyYears`).
 *
 * @param input - `{ district, budget }` or a prepared model
 * @param options - lever, parameter, range, metric, target, constraint, direction
 * @returns the value, the metric there, what binds, and every evaluation
 * @throws DistrictKitError for invalid options
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 1000, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 1, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "per-unit", driver: "students", unitCost: "10" }] },
 * };
 * // how much can enrollment grow before the LMS costs more than $11,000?
 * const r = goalSeek(input, { lever: { type: "enrollment-change", rate: 0, mode: "once" }, parameter: "rate",
 *   range: { min: 0, max: 0.5 }, metric: { kind: "total" }, target: "11000", seek: "max" });
 * r.binding; // => "target"
 * Math.round((r.value ?? 0) * 1000) / 1000; // => 0.1
 * ```
 * @category Scenarios
 */
export function goalSeek(input: BudgetModelInput | BudgetModel, options: GoalSeekOptions): GoalSeekResult {
  const model = prepareBudget(input);
  const o = parseInput(goalSeekOptionsSchema, options, ["options"]);
  const base = o.scenario ?? { id: "baseline", name: "Baseline", levers: [] as Lever[] };
  const integer = o.parameter === "years" || o.parameter === "everyYears";
  const target = o.target.roundToCents().toCents();
  const evaluations: { value: number; metric: Money; meets: boolean }[] = [];
  let metric: ReturnType<typeof checkMetric> | null = null;
  const leverAt = (x: number): Lever => parseInput(leverSchema, { ...o.lever, [o.parameter]: x }, ["options", "lever"]);
  const evaluate = (x: number): boolean => {
    let p: ReturnType<typeof runCore>;
    try {
      p = runCore(model, { ...base, levers: [...base.levers, leverAt(x)] }, false);
    } catch (error) {
      if (error instanceof DistrictKitError)
        throw new DistrictKitError(
          error.code,
          error.issues.map((i) => ({ ...i, path: ["options", "lever", ...i.path.slice(3)] })),
          `the lever is invalid at ${o.parameter} = ${x}`,
        );
      throw error;
    }
    metric ??= checkMetric(coreShape(p), o.metric, ["options", "metric"]);
    const v = metricOfCore(p, metric);
    const meets = o.constraint === "at-most" ? v <= target : v >= target;
    evaluations.push({ value: x, metric: Money.fromCents(v), meets });
    return meets;
  };
  const lo = integer ? Math.ceil(o.range.min) : o.range.min;
  const hi = integer ? Math.floor(o.range.max) : o.range.max;
  const far = o.seek === "min" ? lo : hi;
  const near = o.seek === "min" ? hi : lo;
  const steps = integer ? Math.min(16, Math.max(1, hi - lo)) : 16;
  const grid = Array.from({ length: steps + 1 }, (_, i) => {
    const x = near + ((far - near) * i) / steps;
    return integer ? Math.round(x) : x;
  }).filter((x, i, a) => a.indexOf(x) === i);
  const meets = grid.map(evaluate);
  const firstOk = meets.indexOf(true);
  const what = describeMetric(metric!);
  const cmp = o.constraint === "at-most" ? "≤" : "≥";
  if (firstOk < 0) {
    return {
      found: false,
      value: null,
      metricAtValue: null,
      binding: "infeasible",
      lever: null,
      evaluations,
      monotone: true,
      explanation: `No ${o.parameter} in ${lo} … ${hi} keeps the ${what} ${cmp} ${dollars(target)}.`,
    };
  }
  let switches = 0;
  for (let i = 1; i < meets.length; i++) if (meets[i] !== meets[i - 1]) switches++;
  let j = firstOk;
  while (j + 1 < grid.length && meets[j + 1]) j++;
  const monotone = switches <= 1;
  const result = (x: number, binding: "target" | "range-end"): GoalSeekResult => {
    const e = [...evaluations].reverse().find((v) => v.value === x)!;
    const lever = leverAt(x);
    return {
      found: true,
      value: x,
      metricAtValue: e.metric,
      binding,
      lever,
      evaluations,
      monotone,
      explanation:
        binding === "range-end"
          ? `${o.parameter} can go all the way to ${x} (the end of the range): the ${what} is ${e.metric.format()}, ${cmp} ${dollars(target)}.`
          : `${o.parameter} = ${integer ? x : +x.toFixed(6)} is the furthest value towards ${o.seek} that keeps the ${what} ${cmp} ${dollars(target)} (${e.metric.format()} there).`,
    };
  };
  if (j === grid.length - 1) return result(grid[j]!, "range-end");
  let good = grid[j]!;
  let bad = grid[j + 1]!;
  const tol = integer ? 1 : o.tolerance;
  for (let it = 0; it < 60 && Math.abs(bad - good) > tol; it++) {
    const mid = integer ? Math.round((good + bad) / 2) : (good + bad) / 2;
    if (mid === good || mid === bad) break;
    if (evaluate(mid)) good = mid;
    else bad = mid;
  }
  return result(good, "target");
}
