import { isoDateSchema, moneySchema } from "@districtkit/core";
import { z } from "zod";

/**
 * The kinds of dated item a district calendar holds, in the order a day's items are listed.
 *
 * @example
 * ```ts
 * CALENDAR_KINDS.includes("licence-renewal"); // => true
 * ```
 * @category Calendar
 */
export const CALENDAR_KINDS = [
  "erate-deadline",
  "fund-obligation",
  "fund-liquidation",
  "c2-cycle-end",
  "licence-renewal",
  "agreement-expiry",
  "lease-return",
  "device-support-end",
  "device-extension",
  "device-last-os",
  "device-end-of-sale",
  "device-warranty-end",
  "vetting-review",
  "custom",
] as const;

/**
 * A calendar item's kind.
 *
 * @category Calendar
 */
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

const text = z.string().min(1).max(2000);

/**
 * One dated item of a district calendar: what happens on `date` (a support end, a renewal, a
 * fund's deadline), the last day to act on it (null when there is nothing to do before it),
 * what is at stake in money and units, the action, the engine's explanation with the facts
 * behind it, what it refers to (model, product, fund, app…) and the budget lines it affects.
 *
 * @example
 * ```ts
 * const item = calendarItemSchema.parse({ id: "x", date: "2027-07-01", lastDayToAct: "2027-04-02", kind: "licence-renewal", source: "licenses",
 *   title: "ReadWell renews", action: "right-size or give notice", explanation: "…", atStake: { amount: "10944", amountLabel: "annual cost", units: 912, unit: "seats" } });
 * item.atStake.amount?.toString(); // => "10944"
 * item.budgetLines; // => []
 * ```
 * @category Calendar
 */
export const calendarItemSchema = z.object({
  /** Unique within a calendar (and stable from run to run: it becomes the iCalendar UID). */
  id: z.string().min(1).max(500),
  date: isoDateSchema,
  lastDayToAct: isoDateSchema.nullable().default(null),
  kind: z.enum(CALENDAR_KINDS),
  /** The engine (or the district) the item comes from. */
  source: z.enum(["lifecycle", "licenses", "budget", "erate", "vetting", "privacy", "district"]),
  title: text,
  action: text,
  atStake: z
    .object({
      amount: moneySchema.nullable().default(null),
      amountLabel: z.string().max(300).nullable().default(null),
      units: z.number().int().min(0).max(1e12).nullable().default(null),
      unit: z.string().max(100).nullable().default(null),
    })
    .default({ amount: null, amountLabel: null, units: null, unit: null }),
  explanation: z.string().max(20_000),
  /** Label → value rows behind the explanation (rule, inputs, source). */
  facts: z
    .array(z.tuple([z.string().max(200), z.string().max(2000)]))
    .max(200)
    .default([]),
  /** What the item is about, as the engines name it. */
  refs: z
    .array(z.object({ kind: z.string().min(1).max(50), id: z.string().min(1).max(500) }))
    .max(1000)
    .default([]),
  /** Budget lines the item affects, with how each was found. */
  budgetLines: z
    .array(z.object({ id: z.string().min(1).max(500), name: z.string().max(500), how: z.string().max(500) }))
    .max(10_000)
    .default([]),
  /** Relative to the calendar's as-of date (set by the calendar; `upcoming` when given without one). */
  status: z.enum(["passed", "overdue", "act-now", "upcoming"]).default("upcoming"),
});

/**
 * A calendar item as given (amounts as strings or Money).
 *
 * @category Calendar
 */
export type CalendarItemInput = z.input<typeof calendarItemSchema>;
/**
 * A calendar item.
 *
 * @category Calendar
 */
export type CalendarItem = z.output<typeof calendarItemSchema>;

const KIND_ORDER = new Map<string, number>(CALENDAR_KINDS.map((k, i) => [k, i]));

/** @internal The day an item is filed under: its last day to act, else its date. */
export function actBy(item: Pick<CalendarItem, "date" | "lastDayToAct">): string {
  return item.lastDayToAct ?? item.date;
}

/** @internal Calendar order: last day to act (else date), then date, kind, id. */
export function compareItems(a: CalendarItem, b: CalendarItem): number {
  const x = actBy(a);
  const y = actBy(b);
  if (x !== y) return x < y ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const k = KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!;
  if (k !== 0) return k;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** @internal An item's status at an as-of date. */
export function statusAt(item: Pick<CalendarItem, "date" | "lastDayToAct">, asOf: string, soon: string): CalendarItem["status"] {
  const act = actBy(item);
  if (act < asOf) return item.date < asOf ? "passed" : "overdue";
  return act <= soon ? "act-now" : "upcoming";
}
