import { addDaysIso, addMonthsIso, compareIsoDates, daysBetween, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { currentContractSchema } from "./schema.js";

/**
 * The zod schema of {@link renewalCalendar}'s input: the as-of date, the contracts, the milestone
 * days before each renewal (default 120/90/60/30) and how close a notice deadline must be to say
 * "act now" (default 30 days).
 *
 * @example
 * ```ts
 * renewalCalendarInputSchema.parse({ asOf: "2026-07-01", contracts: [] }).milestones; // => [120, 90, 60, 30]
 * ```
 * @category Renewals
 */
export const renewalCalendarInputSchema = z.object({
  asOf: isoDateSchema,
  contracts: z.array(currentContractSchema),
  milestones: z.array(z.number().int().min(0).max(3650)).default([120, 90, 60, 30]),
  actWithinDays: z.number().int().min(0).max(3650).default(30),
});

/**
 * One contract on the renewal calendar.
 *
 * @category Renewals
 */
export interface RenewalEntry {
  readonly productId: string;
  readonly contractId: string | null;
  /** The next renewal on or after the as-of date (rolled forward by the term when auto-renewed). */
  readonly renewalDate: string;
  /** Renewal date − notice period: the last day to give notice. */
  readonly noticeDeadline: string;
  readonly daysToNotice: number;
  readonly daysToRenewal: number;
  readonly autoRenew: boolean;
  readonly status: "notice-passed" | "act-now" | "upcoming";
  readonly milestones: readonly { readonly daysBefore: number; readonly date: string; readonly passed: boolean }[];
  /** An auto-renewal warning, when the notice deadline is near or passed. */
  readonly warning: string | null;
  readonly sentence: string;
}

/**
 * A renewal calendar: for each contract, the next renewal date, the notice deadline (renewal −
 * notice days), milestones 120/90/60/30 days before, and a warning when an auto-renewing
 * contract's notice deadline is within `actWithinDays` or has passed. Everything is computed from
 * the as-of date given (no clock is read). Sorted by notice deadline.
 *
 * @param input - see {@link renewalCalendarInputSchema}
 * @returns the entries, soonest notice deadline first
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const [e] = renewalCalendar({
 *   asOf: "2026-03-01",
 *   contracts: [{ productId: "read", annualCost: 10944, startDate: "2024-07-01", renewalDate: "2026-07-01", noticeDays: 90, autoRenew: true }],
 * });
 * [e?.noticeDeadline, e?.daysToNotice, e?.status]; // => ["2026-04-02", 32, "upcoming"]
 * ```
 * @category Renewals
 */
export function renewalCalendar(input: unknown): RenewalEntry[] {
  const r = parseInput(renewalCalendarInputSchema, input);
  return r.contracts
    .map((c) => {
      let renewal = c.renewalDate;
      let rolled = 0;
      while (c.autoRenew && compareIsoDates(renewal, r.asOf) < 0 && rolled < 100) {
        renewal = addMonthsIso(renewal, 12 * c.termYears);
        rolled++;
      }
      const noticeDeadline = addDaysIso(renewal, -c.noticeDays);
      const daysToNotice = daysBetween(noticeDeadline, r.asOf);
      const daysToRenewal = daysBetween(renewal, r.asOf);
      const status: RenewalEntry["status"] = daysToNotice < 0 ? "notice-passed" : daysToNotice <= r.actWithinDays ? "act-now" : "upcoming";
      const milestones = [...r.milestones]
        .sort((a, b) => b - a)
        .map((d) => {
          const date = addDaysIso(renewal, -d);
          return { daysBefore: d, date, passed: compareIsoDates(date, r.asOf) < 0 };
        });
      const warning =
        c.autoRenew && status !== "upcoming"
          ? status === "notice-passed"
            ? `The notice deadline (${noticeDeadline}) has passed: ${c.productId} renews automatically on ${renewal}.`
            : `Give notice by ${noticeDeadline} (${daysToNotice} days) or ${c.productId} renews automatically on ${renewal}.`
          : null;
      return {
        productId: c.productId,
        contractId: c.id ?? null,
        renewalDate: renewal,
        noticeDeadline,
        daysToNotice,
        daysToRenewal,
        autoRenew: c.autoRenew,
        status,
        milestones,
        warning,
        sentence:
          `${c.productId}: renews ${renewal}${rolled > 0 ? ` (auto-renewed ${rolled}×)` : ""}${c.autoRenew ? " automatically" : ""}; ` +
          `notice due ${noticeDeadline} (${c.noticeDays} days before), ${daysToNotice >= 0 ? `in ${daysToNotice} days` : `${-daysToNotice} days ago`}.`,
      };
    })
    .sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline) || a.productId.localeCompare(b.productId));
}
