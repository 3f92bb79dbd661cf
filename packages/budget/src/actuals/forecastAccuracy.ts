import { type Money, parseInput } from "@districtkit/core";
import { dollars, money } from "../internal/cents.js";
import { cents, dict } from "./periods.js";
import { type ForecastAccuracyInput, forecastAccuracyInputSchema } from "./schema.js";

/**
 * What was budgeted and what was spent in one year (or one category of it).
 *
 * @category Budget vs actual
 */
export interface AccuracyFigures {
  readonly budgeted: Money;
  /** Posted in the year (encumbrances excluded: they are not spent yet). */
  readonly spent: Money;
  /** spent − budgeted (positive: overspent). */
  readonly difference: Money;
  /** difference ÷ budgeted (e.g. `-0.042` for 4.2 % under); `null` when nothing was budgeted. */
  readonly percentError: number | null;
}

/**
 * The accuracy of one year's budget.
 *
 * @category Budget vs actual
 */
export interface AccuracyYear extends AccuracyFigures {
  readonly fiscalYear: number;
  /** Whether the actuals reach the year's last period (only complete years count in the mean). */
  readonly complete: boolean;
  readonly byCategory: Readonly<Record<string, AccuracyFigures>>;
  readonly explanation: string;
}

/**
 * How well past budgets forecast spending, year by year.
 *
 * @category Budget vs actual
 */
export interface ForecastAccuracyResult {
  readonly years: readonly AccuracyYear[];
  /** Mean of |percentError| over complete years with a budget; `null` when there is none. */
  readonly meanAbsolutePercentError: number | null;
  /** Mean of percentError over the same years (negative: budgets ran high). */
  readonly bias: number | null;
  readonly explanation: string;
}

function figures(b: number, s: number): AccuracyFigures {
  return { budgeted: money(b), spent: money(s), difference: money(s - b), percentError: b === 0 ? null : (s - b) / b };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * The accuracy of past forecasts: for each fiscal year with a budget, what was budgeted against
 * what was spent (posted), in total and by category, the percentage error, and over the complete
 * years the mean absolute percentage error and the bias (do budgets run high or low?).
 *
 * @param input - plan rows and actual rows of past years (see {@link forecastAccuracyInputSchema})
 * @returns one entry per year, and the summary
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const r = forecastAccuracy({
 *   plan: [{ fund: "gf", category: "hardware", fiscalYear: 2026, amount: "10000" }],
 *   actuals: [{ fund: "gf", category: "hardware", fiscalYear: 2026, period: 12, posted: "9500" }],
 * });
 * r.years[0]?.difference.toString(); // => "-500"
 * r.years[0]?.percentError; // => -0.05
 * r.meanAbsolutePercentError; // => 0.05
 * ```
 * @category Budget vs actual
 */
export function forecastAccuracy(input: ForecastAccuracyInput): ForecastAccuracyResult {
  const o = parseInput(forecastAccuracyInputSchema, input, ["input"]);
  const budget = new Map<number, Record<string, number>>();
  const spent = new Map<number, Record<string, number>>();
  const last = new Map<number, number>();
  const at = (m: Map<number, Record<string, number>>, y: number): Record<string, number> => {
    let r = m.get(y);
    if (!r) m.set(y, (r = dict<number>()));
    return r;
  };
  for (const p of o.plan) {
    const r = at(budget, p.fiscalYear);
    r[p.category] = (r[p.category] ?? 0) + cents(p.amount);
  }
  for (const a of o.actuals) {
    const r = at(spent, a.fiscalYear);
    r[a.category] = (r[a.category] ?? 0) + cents(a.posted);
    last.set(a.fiscalYear, Math.max(last.get(a.fiscalYear) ?? 0, a.period));
  }
  const years: AccuracyYear[] = [...budget.keys()]
    .sort((a, b) => a - b)
    .map((fy) => {
      const b = budget.get(fy)!;
      const s = spent.get(fy) ?? dict<number>();
      const cats = [...new Set([...Object.keys(b), ...Object.keys(s)])].sort();
      const byCategory = dict<AccuracyFigures>();
      let tb = 0;
      let ts = 0;
      for (const c of cats) {
        byCategory[c] = figures(b[c] ?? 0, s[c] ?? 0);
        tb += b[c] ?? 0;
        ts += s[c] ?? 0;
      }
      const complete = last.get(fy) === 12;
      const f = figures(tb, ts);
      const worst = cats.filter((c) => byCategory[c]!.percentError !== null).sort((x, y) => Math.abs(byCategory[y]!.percentError!) - Math.abs(byCategory[x]!.percentError!))[0];
      const explanation =
        `FY${fy}: ${dollars(tb)} budgeted, ${dollars(ts)} spent${complete ? "" : ` so far (actuals end at period ${last.get(fy) ?? 0})`}` +
        (f.percentError === null ? "." : `, ${pct(Math.abs(f.percentError))} ${f.percentError <= 0 ? "under" : "over"} budget`) +
        (worst && complete ? `; the largest miss: ${worst} (${pct(byCategory[worst]!.percentError!)}).` : ".");
      return { fiscalYear: fy, complete, ...f, byCategory, explanation: explanation.replace(/\.\.$/, ".") };
    });
  const scored = years.filter((y) => y.complete && y.percentError !== null);
  const mape = scored.length === 0 ? null : scored.reduce((a, y) => a + Math.abs(y.percentError!), 0) / scored.length;
  const bias = scored.length === 0 ? null : scored.reduce((a, y) => a + y.percentError!, 0) / scored.length;
  const explanation =
    scored.length === 0
      ? "No complete year with a budget to score yet."
      : `Over ${scored.length} complete year${scored.length === 1 ? "" : "s"} (${scored.map((y) => `FY${y.fiscalYear}`).join(", ")}), spending missed the budget by ${pct(mape!)} on average; budgets ran ${bias! < 0 ? "high" : bias! > 0 ? "low" : "exactly"}${bias === 0 ? "" : ` (mean error ${pct(bias!)})`}.`;
  return { years, meanAbsolutePercentError: mape, bias, explanation };
}
