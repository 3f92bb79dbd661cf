import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { type CalendarItem, type CalendarItemInput, calendarItemSchema, compareItems } from "./item.js";

/**
 * What {@link mergeCalendarItems} returns: every item of every list, in calendar order, and the
 * ids it had to change to keep them unique.
 *
 * @category Calendar
 */
export interface MergedCalendar {
  readonly items: readonly CalendarItem[];
  /** Items whose id was already taken, with the id each was given (`id~2`, `id~3`…). */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

/** @internal Merge already-valid lists: concatenate, make ids unique, sort (stable). */
export function mergeItems(lists: readonly (readonly CalendarItem[])[]): MergedCalendar {
  const seen = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const out: CalendarItem[] = [];
  for (const list of lists) {
    for (const item of list) {
      let id = item.id;
      if (seen.has(id)) {
        let n = 2;
        while (seen.has(`${item.id}~${n}`)) n++;
        id = `${item.id}~${n}`;
        renamed.push({ from: item.id, to: id });
      }
      seen.add(id);
      out.push(id === item.id ? item : { ...item, id });
    }
  }
  out.sort(compareItems);
  return { items: out, renamed };
}

/**
 * Merges calendar item lists (each engine's, the district's own) into one calendar: nothing is
 * dropped — an id already taken gets a suffix (`~2`) and is reported — and the items are in
 * calendar order: by the last day to act (or the date when there is nothing to do before it),
 * then the date, the kind ({@link CALENDAR_KINDS} order) and the id.
 *
 * @param lists - lists of items (validated with {@link calendarItemSchema})
 * @returns every item, sorted, and the renamed ids
 * @throws DistrictKitError listing every invalid item with its path
 * @example
 * ```ts
 * const a = { id: "x", date: "2027-07-01", kind: "custom", source: "district", title: "A", action: "a", explanation: "" };
 * const m = mergeCalendarItems([[a], [{ ...a, date: "2027-01-01", title: "B" }]]);
 * m.items.map((i) => [i.id, i.title]); // => [["x~2", "B"], ["x", "A"]]
 * ```
 * @category Calendar
 */
export function mergeCalendarItems(lists: readonly (readonly CalendarItemInput[])[]): MergedCalendar {
  const parsed = parseInput(z.array(z.array(calendarItemSchema)), lists);
  return mergeItems(parsed);
}
