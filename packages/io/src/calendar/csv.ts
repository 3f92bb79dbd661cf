import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { type CsvWriteOptions, toCsv } from "../write/csv.js";
import { type CalendarItemInput, calendarItemSchema } from "./item.js";

/**
 * The columns {@link calendarToCsv} writes, in order.
 *
 * @example
 * ```ts
 * CALENDAR_CSV_COLUMNS.slice(0, 3); // => ["last day to act", "date", "status"]
 * ```
 * @category Calendar
 */
export const CALENDAR_CSV_COLUMNS = ["last day to act", "date", "status", "kind", "source", "title", "action", "amount", "amount is", "units", "unit", "budget lines", "explanation", "id"] as const;

const csvInputSchema = z.object({ items: z.array(calendarItemSchema).max(2_000_000) });

/**
 * Writes calendar items as CSV for a spreadsheet: one row per item, in the order given (a
 * {@link DistrictCalendar}'s items are in calendar order), amounts as decimal strings, budget
 * lines joined with "; ", and cells a spreadsheet would run as formulas neutralised (as
 * {@link toCsv} does).
 *
 * @param calendar - `{ items }` (a {@link DistrictCalendar} as it is)
 * @param options - byte-order mark, line break, separator
 * @returns the CSV text with the {@link CALENDAR_CSV_COLUMNS} header
 * @throws DistrictKitError listing every invalid item with its path
 * @example
 * ```ts
 * const csv = calendarToCsv({ items: [{ id: "x", date: "2027-07-01", lastDayToAct: "2027-04-02", kind: "licence-renewal", source: "licenses", title: "ReadWell renews", action: "give notice", explanation: "", atStake: { amount: "10944", units: 912, unit: "seats" } }] }, { newline: "\n" });
 * csv.split("\n")[1]; // => "2027-04-02,2027-07-01,upcoming,licence-renewal,licenses,ReadWell renews,give notice,10944,,912,seats,,,x"
 * ```
 * @category Calendar
 */
export function calendarToCsv(calendar: { readonly items: readonly CalendarItemInput[] }, options: CsvWriteOptions = {}): string {
  const v = parseInput(csvInputSchema, calendar);
  return toCsv(
    {
      columns: CALENDAR_CSV_COLUMNS,
      rows: v.items.map((it) => [
        it.lastDayToAct,
        it.date,
        it.status,
        it.kind,
        it.source,
        it.title,
        it.action,
        it.atStake.amount,
        it.atStake.amountLabel,
        it.atStake.units,
        it.atStake.unit,
        it.budgetLines.map((l) => l.name).join("; "),
        it.explanation,
        it.id,
      ]),
    },
    options,
  );
}
