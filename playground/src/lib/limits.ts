import type { BudgetProjection, ProjectionWarning } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import { formatMoney } from "./format.js";
import type { Plain } from "./plain.js";

/**
 * The limits a projected plan breaks, by kind, with the fiscal years affected — what the budget
 * headline shows for every scenario. The engine decides that a limit is broken (its warning
 * codes `general-fund-over-limit`, `c2-over-budget`, `no-c2-cycle-figures`); the years and
 * amounts come from the same projection's figures: the general fund's draw by year against its
 * yearly limit, and the costs E-Rate did not share (`blocked`, rules `c2-budget-exhausted` and
 * `no-c2-cycle`). A unit test checks that both agree on the sample district.
 */
export type LimitKind = "general-fund-limit" | "c2-budget" | "no-c2-figures";

export interface LimitBreach {
  readonly kind: LimitKind;
  /** District fiscal years affected, ascending. */
  readonly years: readonly number[];
  /** Per year: the amount over the limit, or the cost E-Rate does not share (decimal strings). */
  readonly byYear: readonly { readonly fiscalYear: number; readonly amount: string; readonly detail: string }[];
  /** Sum of `byYear` (decimal string). */
  readonly total: string;
  /** What is broken, the years and the amount, in one sentence that agrees with `byYear`. */
  readonly sentence: string;
}

type PProjection = Plain<BudgetProjection>;

/** The engine's warning code for each kind of breach. */
export const LIMIT_WARNING: Readonly<Record<LimitKind, ProjectionWarning["code"]>> = {
  "general-fund-limit": "general-fund-over-limit",
  "c2-budget": "c2-over-budget",
  "no-c2-figures": "no-c2-cycle-figures",
};

/** "FY2028–FY2029, FY2033" (runs of consecutive years joined), or with `short` "FY28–FY29, FY33". */
export function yearRanges(years: readonly number[], short = false): string {
  const fy = (y: number) => (short ? `FY${String(y).slice(2)}` : `FY${y}`);
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? fy(a) : `${fy(a)}–${fy(b)}`)).join(", ");
}

const whole = (s: string) => formatMoney(s, { cents: false });

function blockedByYear(p: PProjection, rule: string): { fiscalYear: number; amount: string; detail: string }[] {
  const by = new Map<number, { sum: Money; items: string[] }>();
  for (const b of p.blocked) {
    if (b.rule !== rule) continue;
    const e = by.get(b.fiscalYear) ?? { sum: Money.ZERO, items: [] };
    e.sum = e.sum.add(b.amount);
    e.items.push(b.explanation);
    by.set(b.fiscalYear, e);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([fiscalYear, e]) => ({ fiscalYear, amount: e.sum.toString(), detail: e.items.join(" ") }));
}

/**
 * The limits one scenario's projection breaks (empty when it keeps them all).
 *
 * @param p - the projection (plain data, as the playground keeps it)
 * @param generalFundLimit - the general fund's yearly limit (decimal string), or null without one
 */
export function limitBreaches(p: PProjection, generalFundLimit: string | null): LimitBreach[] {
  const codes = new Set<string>(p.warnings.map((w) => w.code));
  const out: LimitBreach[] = [];
  const sum = (rows: readonly { amount: string }[]) => Money.sum(rows.map((r) => r.amount)).toString();

  if (codes.has(LIMIT_WARNING["general-fund-limit"]) && generalFundLimit !== null) {
    const limit = Money.of(generalFundLimit);
    const byYear = p.years.flatMap((y) => {
      const draw = Money.of(p.generalFund.byYear[String(y.fiscalYear)] ?? "0");
      return draw.greaterThan(limit)
        ? [{ fiscalYear: y.fiscalYear, amount: draw.subtract(limit).toString(), detail: `draw ${formatMoney(draw.toString())} against a limit of ${formatMoney(limit.toString())}` }]
        : [];
    });
    const worst = byYear.reduce<(typeof byYear)[number] | null>((m, r) => (m === null || Money.of(r.amount).greaterThan(m.amount) ? r : m), null);
    const years = byYear.map((r) => r.fiscalYear);
    out.push({
      kind: "general-fund-limit",
      years,
      byYear,
      total: sum(byYear),
      sentence:
        `The general-fund draw is over its yearly limit of ${whole(generalFundLimit)} in ${yearRanges(years)}` +
        (worst ? `: ${whole(sum(byYear))} over in all, most in FY${worst.fiscalYear} (${whole(worst.amount)}).` : "."),
    });
  }
  if (codes.has(LIMIT_WARNING["c2-budget"])) {
    const byYear = blockedByYear(p, "c2-budget-exhausted");
    const years = byYear.map((r) => r.fiscalYear);
    out.push({
      kind: "c2-budget",
      years,
      byYear,
      total: sum(byYear),
      sentence: `Category Two requests exceed the E-Rate five-year C2 budget in ${yearRanges(years)}: the district pays ${whole(sum(byYear))} above it in full, with no E-Rate share.`,
    });
  }
  if (codes.has(LIMIT_WARNING["no-c2-figures"])) {
    const byYear = blockedByYear(p, "no-c2-cycle");
    const years = byYear.map((r) => r.fiscalYear);
    const funding = p.years.filter((y) => years.includes(y.fiscalYear)).map((y) => y.eRateFundingYear);
    out.push({
      kind: "no-c2-figures",
      years,
      byYear,
      total: sum(byYear),
      sentence:
        `No E-Rate Category Two budget figures are known yet for ${yearRanges(years)}` +
        (funding.length ? ` (E-Rate funding years ${yearRanges(funding).replace(/FY/g, "")})` : "") +
        `: ${whole(sum(byYear))} of Category Two cost gets no E-Rate share until the figures are added.`,
    });
  }
  return out;
}
