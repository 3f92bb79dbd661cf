import { type BudgetModel, type BudgetProjection, C2_BUDGET_CYCLES, eRateFilingWindowFor, eRateProcurementCalendar, prepareBudget, projectBudget } from "@districtkit/budget";
import { addDaysIso, Money, moneySchema } from "@districtkit/core";
import { z } from "zod";
import { inSection, item } from "./internal.js";
import type { CalendarItem } from "./item.js";

/**
 * The budget part of a district calendar: the budget model (`{ district, budget }`, as the
 * budget engine takes it) and optionally a scenario; its restricted funds' awards come from the
 * engine's projection (amount, what is used, what would lapse), with their obligation and
 * liquidation deadlines.
 *
 * @example
 * ```ts
 * calendarBudgetSchema.safeParse({ model: {} }).success; // => true
 * ```
 * @category Calendar
 */
export const calendarBudgetSchema = z.object({
  model: z.unknown(),
  scenario: z.unknown().optional(),
});

/**
 * A Category Two cycle as the calendar takes it (the fields of `planC2Drawdown`'s result, or of
 * a projection's C2 cycle): the cycle, its last funding year, the budget, what is left and the
 * C2 discount.
 *
 * @example
 * ```ts
 * calendarC2Schema.parse({ cycle: "FY2026-FY2030", lastFundingYear: 2030, budget: "183831.84", remaining: "30231.84", discountPercent: 70 }).remaining.toString(); // => "30231.84"
 * ```
 * @category Calendar
 */
export const calendarC2Schema = z.object({
  cycle: z.string().min(1).max(50),
  lastFundingYear: z.number().int().min(2015).max(9998),
  budget: moneySchema,
  remaining: moneySchema,
  discountPercent: z.number().min(0).max(90),
});

/** @internal The budget model, validated once, and its projection. */
export function projectForCalendar(b: z.output<typeof calendarBudgetSchema>): { model: BudgetModel; projection: BudgetProjection } {
  const model = inSection(["budget", "model"], () => prepareBudget(b.model as never));
  const projection = inSection(["budget", "scenario"], () => projectBudget(model, b.scenario as never, { detail: "summary" }));
  return { model, projection };
}

/** @internal Each restricted award's obligation and liquidation deadlines, with the money used and the money that would lapse. */
export function fundItems(model: BudgetModel, projection: BudgetProjection): CalendarItem[] {
  const out: CalendarItem[] = [];
  for (const f of projection.funds) {
    if (f.kind === "general" || f.kind === "erate") continue;
    const def = model.budget.funds.find((x) => x.id === f.id);
    for (const t of f.tranches) {
      if (t.status === "expired-before-horizon") continue;
      const facts: [string, string][] = [
        ["fund", `${f.name} (${f.id})`],
        ["award", `${t.id}${t.awardYear !== null ? `, FY${t.awardYear}` : ""}`],
        ["amount", t.amount.format()],
        ["available", `${t.availableFrom} – obligate by ${t.obligateBy}, liquidate by ${t.liquidateBy}`],
        ["used in the plan", t.used.format()],
        ["not used", t.remaining.format()],
        ["eligible", [...(def?.eligibleCategories ?? []), ...(def?.eligibleItems ?? [])].join(", ") || "—"],
      ];
      const refs = [
        { kind: "fund", id: f.id },
        { kind: "tranche", id: t.id },
      ];
      const lapse = t.status === "lapses" && t.remaining.isPositive();
      out.push(
        item({
          id: `budget:obligate:${t.id}`,
          date: t.obligateBy,
          lastDayToAct: t.obligateBy,
          kind: "fund-obligation",
          source: "budget",
          title: `${f.name}${t.awardYear !== null ? ` FY${t.awardYear}` : ""}: obligate by ${t.obligateBy}`,
          action: lapse ? `obligate the ${t.remaining.format()} the plan leaves unused, or it lapses` : "obligate (sign the purchase orders and contracts for) what the award pays",
          atStake: { amount: lapse ? t.remaining : t.amount, amountLabel: lapse ? "would lapse unobligated" : "award to obligate", units: null, unit: null },
          explanation: `${t.explanation} ${f.explanation}`,
          facts,
          refs,
        }),
      );
      out.push(
        item({
          id: `budget:liquidate:${t.id}`,
          date: t.liquidateBy,
          lastDayToAct: t.liquidateBy,
          kind: "fund-liquidation",
          source: "budget",
          title: `${f.name}${t.awardYear !== null ? ` FY${t.awardYear}` : ""}: liquidate by ${t.liquidateBy}`,
          action: "pay every obligation of the award and draw the money down",
          atStake: { amount: t.used, amountLabel: "obligations to pay and draw down", units: null, unit: null },
          explanation: `Obligations of ${t.id} must be paid (liquidated) by ${t.liquidateBy}${t.liquidateBy === addDaysIso(t.obligateBy, 120) ? ", 120 days after the obligation deadline (the default when the award names no liquidation date)" : ""}.`,
          facts,
          refs,
        }),
      );
    }
  }
  return out;
}

/** @internal The end of a C2 cycle, with the unused budget and the last Form 471 window of the cycle as the last day to act. */
export function c2Item(c: z.output<typeof calendarC2Schema>): CalendarItem {
  const end = `${c.lastFundingYear + 1}-06-30`;
  const w = eRateFilingWindowFor(c.lastFundingYear);
  const eRateShare = c.remaining.isPositive() ? c.remaining.multiply(Math.min(c.discountPercent, 85)).divide(100).roundToCents() : Money.ZERO;
  return item({
    id: `erate:c2-cycle-end:${c.cycle}`,
    date: end,
    lastDayToAct: w ? w.form471Closes : null,
    kind: "c2-cycle-end",
    source: "erate",
    title: `E-Rate C2 cycle ${c.cycle} ends`,
    action: c.remaining.isPositive()
      ? `request the ${c.remaining.format()} of C2 budget left before the cycle ends — ${w ? `the FY${c.lastFundingYear} window closes ${w.form471Closes}` : `in the FY${c.lastFundingYear} Form 471 window (not yet published)`}`
      : "the cycle's budget is spent; plan the next cycle",
    atStake: {
      amount: c.remaining.isPositive() ? c.remaining : Money.ZERO,
      amountLabel: c.remaining.isPositive() ? `unused C2 budget, pre-discount (E-Rate would pay ${eRateShare.format()})` : "nothing left",
      units: null,
      unit: null,
    },
    explanation:
      `The ${c.cycle} C2 budget is ${c.budget.format()} (pre-discount); ${c.remaining.format()} is left. Unused budget does not carry into the next cycle. ` +
      (w ? `The last Form 471 of the cycle is due ${w.form471Closes}.` : `The FY${c.lastFundingYear} filing window is not published yet (FY2025 closed 2025-03-26, FY2026 2026-04-01).`),
    facts: [
      ["cycle", c.cycle],
      ["budget", c.budget.format()],
      ["remaining", c.remaining.format()],
      ["C2 discount", `${Math.min(c.discountPercent, 85)} %`],
      ["cycle ends", end],
    ],
    refs: [{ kind: "c2-cycle", id: c.cycle }],
  });
}

/** @internal The E-Rate procurement calendar's milestones (the budget engine's), each an item. */
export function eRateItems(input: unknown): CalendarItem[] {
  const cal = inSection(["eRate"], () => eRateProcurementCalendar(input as never));
  const purchases = new Map(cal.purchases.map((p) => [p.id, p]));
  return cal.milestones.map((m) => {
    const p = m.purchase !== null ? purchases.get(m.purchase) : undefined;
    const warnings = p?.warnings ?? [];
    return item({
      id: `erate:FY${cal.fundingYear}:${m.id}`,
      date: m.date,
      lastDayToAct: m.date,
      kind: "erate-deadline",
      source: "erate",
      title: m.title,
      action: m.action,
      atStake: { amount: p?.amount ?? null, amountLabel: p?.amount ? "pre-discount request" : null, units: null, unit: null },
      explanation: `${p ? p.explanation : cal.explanation}${warnings.length ? ` Warnings: ${warnings.map((w) => w.message).join(" ")}` : ""}`,
      facts: [
        ["rule", m.rule],
        ["funding year", `FY${cal.fundingYear}`],
        ["window", `${cal.window.form471Opens} – ${cal.window.form471Closes} (${cal.window.source})`],
      ],
      refs: [{ kind: "funding-year", id: `FY${cal.fundingYear}` }, ...(m.purchase ? [{ kind: "purchase", id: m.purchase }] : [])],
    });
  });
}

/** @internal The C2 cycles of the budget projection (their budget and what the plan leaves), each an end-of-cycle item. */
export function c2ItemsFromProjection(projection: BudgetProjection): CalendarItem[] {
  const out: CalendarItem[] = [];
  for (const u of projection.eRate.c2Cycles) {
    const cycle = C2_BUDGET_CYCLES.find((c) => c.id === u.cycle);
    if (cycle === undefined) continue;
    const it = c2Item({ cycle: u.cycle, lastFundingYear: cycle.lastFundingYear, budget: u.budget, remaining: u.remaining, discountPercent: projection.eRate.c2Percent ?? 0 });
    out.push({
      ...it,
      explanation: `${it.explanation} From the budget projection: ${u.explanation}`,
      facts: [...it.facts, ["committed before the plan", u.committedBefore.format()], ["used by the plan", u.consumed.format()]],
    });
  }
  return out;
}
