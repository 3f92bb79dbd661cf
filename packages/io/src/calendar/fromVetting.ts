import { addDaysIso, isoDateSchema, moneySchema } from "@districtkit/core";
import { z } from "zod";
import { item } from "./internal.js";
import type { CalendarItem } from "./item.js";

/**
 * A vetting decision as the calendar takes it: the fields of vetting's `ScoreResult` it reads
 * (pass the results of `scoreApps` as they are).
 *
 * @example
 * ```ts
 * calendarReviewSchema.parse({ appId: "readwell", appName: "ReadWell", decision: "approved", reReview: { on: "2027-06-30", because: "annual review" } }).reReview.on; // => "2027-06-30"
 * ```
 * @category Calendar
 */
export const calendarReviewSchema = z.object({
  appId: z.string().min(1).max(200),
  appName: z.string().min(1).max(300),
  decision: z.string().max(100).optional(),
  reReview: z.object({ on: isoDateSchema, because: z.string().max(2000) }),
});

/**
 * A data-privacy or service agreement as the calendar takes it — the entry of a privacy
 * register: who it is with, when it expires, the notice the vendor needs, whether it renews by
 * itself, what it costs a year and how many students' data it covers.
 *
 * @example
 * ```ts
 * calendarAgreementSchema.parse({ id: "dpa-readwell", vendor: "ReadWell Inc.", expiresOn: "2027-06-30" }).noticeDays; // => 60
 * ```
 * @category Calendar
 */
export const calendarAgreementSchema = z.object({
  id: z.string().min(1).max(200),
  vendor: z.string().min(1).max(300),
  app: z.string().min(1).max(200).optional(),
  kind: z.string().min(1).max(100).default("data privacy agreement"),
  expiresOn: isoDateSchema,
  /** Days before expiry to start renewing (or to give notice); default 60. */
  noticeDays: z.number().int().min(0).max(3650).default(60),
  autoRenew: z.boolean().default(false),
  annualCost: moneySchema.optional(),
  students: z.number().int().min(0).max(1e9).optional(),
  source: z.string().max(500).optional(),
});

/** @internal Re-review items. */
export function reviewItems(reviews: readonly z.output<typeof calendarReviewSchema>[]): CalendarItem[] {
  return reviews.map((r) =>
    item({
      id: `vetting:re-review:${r.appId}`,
      date: r.reReview.on,
      lastDayToAct: r.reReview.on,
      kind: "vetting-review",
      source: "vetting",
      title: `${r.appName}: re-review`,
      action: `vet ${r.appName} again (${r.reReview.because})`,
      atStake: { amount: null, amountLabel: null, units: null, unit: null },
      explanation: `${r.appName}${r.decision ? ` (${r.decision})` : ""} is due for review on ${r.reReview.on}: ${r.reReview.because}.`,
      facts: [
        ["app", `${r.appName} (${r.appId})`],
        ["decision", r.decision ?? "—"],
        ["why then", r.reReview.because],
      ],
      refs: [{ kind: "app", id: r.appId }],
    }),
  );
}

/** @internal Agreement expiry items. */
export function agreementItems(agreements: readonly z.output<typeof calendarAgreementSchema>[]): CalendarItem[] {
  return agreements.map((a) => {
    const act = addDaysIso(a.expiresOn, -a.noticeDays);
    return item({
      id: `privacy:expiry:${a.id}`,
      date: a.expiresOn,
      lastDayToAct: act,
      kind: "agreement-expiry",
      source: "privacy",
      title: `${a.vendor}: ${a.kind} ${a.autoRenew ? "renews" : "expires"}`,
      action: a.autoRenew ? `review the terms or give notice by ${act}` : `renew the ${a.kind} (start by ${act}) or stop the data flowing on ${a.expiresOn}`,
      atStake: { amount: a.annualCost ?? null, amountLabel: a.annualCost ? "annual cost" : null, units: a.students ?? null, unit: a.students !== undefined ? "students' data" : null },
      explanation: `The ${a.kind} with ${a.vendor}${a.app ? ` (${a.app})` : ""} ${a.autoRenew ? "renews automatically" : "expires"} on ${a.expiresOn}; act ${a.noticeDays} days before, by ${act}.${a.source ? ` Source: ${a.source}.` : ""}`,
      facts: [
        ["vendor", a.vendor],
        ["agreement", `${a.kind} (${a.id})`],
        ["expires", a.expiresOn],
        ["notice", `${a.noticeDays} days`],
        ["renews by itself", a.autoRenew ? "yes" : "no"],
      ],
      refs: [{ kind: "agreement", id: a.id }, ...(a.app ? [{ kind: "app", id: a.app }] : [])],
    });
  });
}
