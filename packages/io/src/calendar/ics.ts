import { addDaysIso, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { escapeIcsText, foldIcsLine } from "./icsText.js";
import { type CalendarItem, type CalendarItemInput, calendarItemSchema } from "./item.js";

const icsOptionsSchema = z.object({
  name: z.string().min(1).max(300).default("DistrictKit: everything that expires"),
  stamp: isoDateSchema.optional(),
  uidDomain: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,200}$/)
    .default("districtkit"),
});

/**
 * Options of {@link calendarToIcs}.
 *
 * @category Calendar
 */
export interface CalendarIcsOptions {
  /** The calendar's name (X-WR-CALNAME, shown by most calendar apps); default "DistrictKit: everything that expires". */
  readonly name?: string;
  /** The DTSTAMP of every event, as YYYY-MM-DD (midnight UTC); default the calendar's as-of date. */
  readonly stamp?: string;
  /** Domain appended to each item id to make the UID (letters, digits, `.` and `-`; default `districtkit`). */
  readonly uidDomain?: string;
}

const icsInputSchema = z.object({ asOf: isoDateSchema.optional(), items: z.array(calendarItemSchema).max(2_000_000) });

function basicDate(iso: string): string {
  return iso.replaceAll("-", "");
}

function nextDay(iso: string): string {
  return basicDate(addDaysIso(iso, 1));
}

function describe(it: CalendarItem): string {
  const stake: string[] = [];
  if (it.atStake.amount !== null) stake.push(`${it.atStake.amount.format()}${it.atStake.amountLabel ? ` (${it.atStake.amountLabel})` : ""}`);
  if (it.atStake.units !== null) stake.push(`${it.atStake.units.toLocaleString("en-US")} ${it.atStake.unit ?? "units"}`);
  const lines = [
    `Date: ${it.date}`,
    `Last day to act: ${it.lastDayToAct ?? "nothing to do before the date"}`,
    `Action: ${it.action}`,
    ...(stake.length > 0 ? [`At stake: ${stake.join("; ")}`] : []),
    "",
    it.explanation,
    ...(it.budgetLines.length > 0 ? ["", `Budget lines: ${it.budgetLines.map((l) => l.name).join(", ")}`] : []),
  ];
  return lines.join("\n");
}

function event(out: string[], uid: string, stamp: string, day: string, summary: string, it: CalendarItem): void {
  out.push(
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(day)}`,
    `DTEND;VALUE=DATE:${nextDay(day)}`,
    `SUMMARY:${escapeIcsText(summary)}`,
    `DESCRIPTION:${escapeIcsText(describe(it))}`,
    `CATEGORIES:${escapeIcsText(it.kind)}`,
    "TRANSP:TRANSPARENT",
    `X-DISTRICTKIT-KIND:${escapeIcsText(it.kind)}`,
    `X-DISTRICTKIT-ITEM:${escapeIcsText(it.id)}`,
    "END:VEVENT",
  );
}

/**
 * Writes calendar items as an iCalendar file (RFC 5545) that calendar apps import: one all-day
 * event per item on its date, and, when the last day to act comes before the date, a second
 * all-day event "Act by: …" on that day (UID `<id>#act@…`), so the deadline that matters shows up
 * where people look. Each event's description carries the action, what is at stake, the
 * explanation and the budget lines. Lines end with CRLF, are folded at 75 octets and text is
 * escaped as the RFC says. Nothing reads the clock: DTSTAMP is `stamp` or the calendar's as-of date.
 *
 * @param calendar - `{ items, asOf? }` (a {@link DistrictCalendar} as it is)
 * @param options - the calendar's name, the DTSTAMP day, the UID domain
 * @returns the .ics text
 * @throws DistrictKitError listing every invalid item or option with its path, or when neither `stamp` nor `asOf` is given
 * @example
 * ```ts
 * const ics = calendarToIcs({ asOf: "2026-07-01", items: [{ id: "x", date: "2027-07-01", kind: "custom", source: "district", title: "Board vote; budget", action: "vote", explanation: "" }] });
 * ics.split("\r\n").filter((l) => l.startsWith("SUMMARY") || l.startsWith("DTSTART")); // => ["DTSTART;VALUE=DATE:20270701", "SUMMARY:Board vote\\; budget"]
 * ```
 * @category Calendar
 */
export function calendarToIcs(calendar: { readonly asOf?: string; readonly items: readonly CalendarItemInput[] }, options: CalendarIcsOptions = {}): string {
  const v = parseInput(icsInputSchema, calendar);
  const o = parseInput(icsOptionsSchema, options);
  const day = o.stamp ?? v.asOf;
  if (day === undefined) parseInput(z.object({ stamp: isoDateSchema }), {});
  const stamp = `${basicDate(day!)}T000000Z`;
  const out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//DistrictKit//Calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeIcsText(o.name)}`];
  for (const it of v.items) {
    event(out, `${it.id}@${o.uidDomain}`, stamp, it.date, it.title, it);
    if (it.lastDayToAct !== null && it.lastDayToAct < it.date) event(out, `${it.id}#act@${o.uidDomain}`, stamp, it.lastDayToAct, `Act by: ${it.title}`, it);
  }
  out.push("END:VCALENDAR");
  return out.map(foldIcsLine).join("\r\n") + "\r\n";
}
