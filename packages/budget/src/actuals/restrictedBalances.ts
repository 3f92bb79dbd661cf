import { Dec, daysBetween, fiscalYearOf, fiscalYearRange, type Money, parseInput } from "@districtkit/core";
import { dollars, money } from "../internal/cents.js";
import { shiftDate } from "../internal/dates.js";
import type { ProjectionWarning } from "../projection/types.js";
import { cents, periodStart, scaleCents } from "./periods.js";
import { type RestrictedBalancesInput, restrictedBalancesInputSchema } from "./schema.js";

/**
 * One award of a restricted fund against what has been obligated from it.
 *
 * @category Budget vs actual
 */
export interface AwardBalance {
  readonly fund: string;
  readonly id: string;
  readonly amount: Money;
  readonly availableFrom: string;
  readonly obligateBy: string;
  /** Posted + encumbered, assigned to this award (the award expiring first is used first). */
  readonly obligated: Money;
  readonly remaining: Money;
  /** Whole days from `asOf` to the deadline (negative once it has passed). */
  readonly daysLeft: number;
  /** Obligations per month needed to use the rest by the deadline (`null` once it has passed). */
  readonly neededPerMonth: Money | null;
  /** The fund's recent obligations per month (average over the last `ratePeriods` closed periods). */
  readonly recentPerMonth: Money;
  /** What the recent rate would obligate from this award by its deadline. */
  readonly projectedByDeadline: Money;
  /**
   * `fully-obligated`; `lapsed` (the deadline has passed with money left); `at-risk` (at the recent
   * rate, money is left at the deadline); `on-track`; `not-yet-available`.
   */
  readonly status: "fully-obligated" | "lapsed" | "at-risk" | "on-track" | "not-yet-available";
  readonly explanation: string;
}

/**
 * Restricted funds' remaining balances against their obligation deadlines.
 *
 * @category Budget vs actual
 */
export interface RestrictedBalancesResult {
  readonly asOf: string;
  readonly awards: readonly AwardBalance[];
  /** Money left on awards whose deadline has passed, or that the recent rate will not use in time. */
  readonly atRisk: Money;
  /** Obligations that no award of their fund could take (more than awarded, or outside every window). */
  readonly unfunded: readonly { readonly fund: string; readonly amount: Money; readonly explanation: string }[];
  /** The projection's lapse warnings (`restricted-money-lapses`), for the same money. */
  readonly warnings: readonly ProjectionWarning[];
  readonly explanation: string;
}

interface Award {
  fund: string;
  fundIndex: number;
  id: string;
  amount: number;
  from: string;
  by: string;
  used: number;
}

/**
 * Restricted funds' remaining balances against their obligation deadlines, from actuals:
 * each award (a tranche, or one year of an annual allocation over its window) takes the fund's
 * obligations (posted + encumbered), period by period, the award that expires first used first;
 * then, at `asOf`, what remains, the monthly rate needed to use it by the deadline, the fund's
 * recent rate, and a status (`lapsed`, `at-risk`, `on-track`, `fully-obligated`). Money that lapses
 * or will lapse at the recent rate is reported with the projection's own `restricted-money-lapses`
 * warning.
 *
 * @param input - funds, actuals, the day of the report (see {@link restrictedBalancesInputSchema})
 * @returns the balance of every award, and the money at risk
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const r = restrictedFundBalances({
 *   asOf: "2027-01-31",
 *   funds: [{ id: "grant", name: "State grant", kind: "grant", eligibleCategories: ["hardware"],
 *     tranches: [{ amount: "75000", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }] }],
 *   actuals: [5, 6, 7].map((period) => ({ fund: "grant", category: "hardware", fiscalYear: 2027, period, posted: "5000" })),
 * });
 * r.awards[0]?.remaining.toString(); // => "60000"
 * r.awards[0]?.status; // => "at-risk"
 * r.warnings[0]?.code; // => "restricted-money-lapses"
 * ```
 * @category Budget vs actual
 */
export function restrictedFundBalances(input: RestrictedBalancesInput): RestrictedBalancesResult {
  const o = parseInput(restrictedBalancesInputSchema, input, ["input"]);
  const cal = o.calendar;
  const asOfYear = fiscalYearOf(o.asOf, cal);
  const restricted = o.funds.map((f, i) => ({ f, i })).filter(({ f }) => f.kind !== "general" && f.kind !== "erate");
  const maxYear = Math.max(asOfYear, ...o.actuals.map((a) => a.fiscalYear));
  const awards: Award[] = [];
  const notes: string[] = [];
  for (const { f, i } of restricted) {
    (f.tranches ?? []).forEach((t, ti) => awards.push({ fund: f.id, fundIndex: i, id: t.id ?? `${f.id}#${ti + 1}`, amount: t.amount.toCents(), from: t.availableFrom, by: t.obligateBy, used: 0 }));
    if (f.annual) {
      const a = f.annual;
      for (let y = a.firstYear; y <= Math.min(a.lastYear ?? maxYear, maxYear); y++) {
        let amount: number;
        if (a.amount) amount = a.amount.toCents();
        else if (o.students !== undefined) amount = a.perStudent!.toDecimal().times(o.students).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
        else {
          notes.push(`${f.name}: allocated per student, but no student count was given; its awards are not followed`);
          break;
        }
        const start = fiscalYearRange(y, cal).start;
        awards.push({ fund: f.id, fundIndex: i, id: `${f.id}-FY${y}`, amount, from: start, by: shiftDate(start, a.windowMonths, -1), used: 0 });
      }
    }
  }
  // obligations by fund and period, in time order
  const obligations = new Map<string, Map<string, number>>(); // fund → period start → cents
  for (const a of o.actuals) {
    const start = periodStart(a.fiscalYear, a.period, cal);
    if (start > o.asOf) continue;
    let m = obligations.get(a.fund);
    if (!m) obligations.set(a.fund, (m = new Map()));
    m.set(start, (m.get(start) ?? 0) + cents(a.posted) + cents(a.encumbered));
  }
  const unfunded: { fund: string; amount: Money; explanation: string }[] = [];
  const recent = new Map<string, number>();
  const asOfPeriodStart = `${o.asOf.slice(0, 7)}-01`;
  for (const { f } of restricted) {
    const m = obligations.get(f.id);
    const list = awards.filter((a) => a.fund === f.id).sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
    let over = 0;
    let rate = 0;
    if (m) {
      const starts = [...m.keys()].sort();
      for (const s of starts) {
        let need = m.get(s)!;
        const end = shiftDate(s, 1, -1);
        for (const a of list) {
          if (need <= 0) break;
          if (a.from > end || a.by < s) continue;
          const take = Math.min(need, a.amount - a.used);
          if (take > 0) {
            a.used += take;
            need -= take;
          }
        }
        if (need > 0) over += need;
      }
      // recent rate: the last `ratePeriods` periods before the month of asOf
      let sum = 0;
      for (let k = 1; k <= o.ratePeriods; k++) sum += m.get(shiftDate(asOfPeriodStart, -k, 0)) ?? 0;
      rate = scaleCents(sum, 1, o.ratePeriods);
    }
    recent.set(f.id, rate);
    if (over > 0)
      unfunded.push({ fund: f.id, amount: money(over), explanation: `${f.name}: ${dollars(over)} obligated beyond what its awards could take (more than awarded, or outside every award's window).` });
  }
  const warnings: ProjectionWarning[] = [];
  let atRisk = 0;
  const out: AwardBalance[] = awards.map((a) => {
    const fund = o.funds[a.fundIndex]!;
    const remaining = a.amount - a.used;
    const daysLeft = daysBetween(a.by, o.asOf);
    const rate = recent.get(a.fund) ?? 0;
    // whole months left, counting the rest of the current one
    const monthsLeft = daysLeft < 0 ? 0 : Math.max(1, Math.round(daysLeft / (365.25 / 12)));
    const projected = Math.min(remaining, rate * monthsLeft);
    let status: AwardBalance["status"];
    if (remaining === 0) status = "fully-obligated";
    else if (daysLeft < 0) status = "lapsed";
    else if (a.from > o.asOf) status = "not-yet-available";
    else status = projected < remaining ? "at-risk" : "on-track";
    const needed = daysLeft < 0 ? null : scaleCents(remaining, 1, monthsLeft);
    if (status === "lapsed" || status === "at-risk") {
      const short = status === "lapsed" ? remaining : remaining - projected;
      atRisk += short;
      warnings.push({
        code: "restricted-money-lapses",
        message:
          status === "lapsed"
            ? `${fund.name} (${a.id}): ${dollars(remaining)} was not obligated by ${a.by} and has lapsed`
            : `${fund.name} (${a.id}): at the recent rate of ${dollars(rate)} a month, ${dollars(short)} lapses unless obligated by ${a.by}`,
        path: ["funds", a.fundIndex],
      });
    }
    const explanation =
      `${a.id}: ${dollars(a.amount)} available ${a.from} – ${a.by}; ${dollars(a.used)} obligated (posted + encumbered), ${dollars(remaining)} left` +
      (status === "fully-obligated"
        ? "; fully obligated."
        : status === "lapsed"
          ? `; the deadline passed ${-daysLeft} day${daysLeft === -1 ? "" : "s"} before ${o.asOf}: it has lapsed.`
          : status === "not-yet-available"
            ? `; not available until ${a.from}.`
            : `; ${daysLeft} days (about ${monthsLeft} month${monthsLeft === 1 ? "" : "s"}) left: ${dollars(needed!)} a month is needed, the fund's recent rate is ${dollars(rate)} a month` +
              (status === "at-risk" ? `, so ${dollars(remaining - projected)} would lapse.` : ", enough to use it in time."));
    return {
      fund: a.fund,
      id: a.id,
      amount: money(a.amount),
      availableFrom: a.from,
      obligateBy: a.by,
      obligated: money(a.used),
      remaining: money(remaining),
      daysLeft,
      neededPerMonth: needed === null ? null : money(needed),
      recentPerMonth: money(rate),
      projectedByDeadline: money(projected),
      status,
      explanation,
    };
  });
  const atRiskAwards = out.filter((a) => a.status === "lapsed" || a.status === "at-risk");
  const explanation =
    (awards.length === 0
      ? `No restricted award to follow as of ${o.asOf}.`
      : `As of ${o.asOf}: ${out.length} restricted award${out.length === 1 ? "" : "s"}, ${dollars(out.reduce((s, a) => s + a.remaining.toCents(), 0))} not yet obligated; ` +
        (atRiskAwards.length === 0 ? "none at risk of lapsing." : `${dollars(atRisk)} at risk of lapsing (${atRiskAwards.map((a) => a.id).join(", ")}).`)) +
    (notes.length > 0 ? ` ${notes.join("; ")}.` : "") +
    (unfunded.length > 0 ? ` ${unfunded.map((u) => u.explanation).join(" ")}` : "");
  return { asOf: o.asOf, awards: out, atRisk: money(atRisk), unfunded, warnings, explanation };
}
