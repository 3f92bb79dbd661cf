import { type CalendarItem, calendarToCsv, calendarToIcs, type DistrictCalendar, type DistrictCalendarInput, districtCalendar } from "@districtkit/io";
import { scoreApps } from "@districtkit/vetting";
import { type Plain, plain } from "../lib/plain.js";
import { problemsOf } from "../lib/problems.js";
import { readApps, rubricWithWeights, vettingState, withEdits } from "../lib/vettingEdits.js";
import type { VettingEdits } from "../state/schema.js";

/** The district's data files as the views hold them (any may be missing). */
export interface CalendarData {
  readonly district?: unknown;
  readonly budget?: unknown;
  readonly devices?: unknown;
  readonly licenses?: unknown;
  readonly apps?: unknown;
}

/**
 * The calendar input the sample district's files give: devices (models and cohorts), the licence
 * file's current contracts, the budget model (its restricted funds and its C2 cycle), the apps'
 * re-review dates scored with the built-in K-12 rubric under the analyst's vetting edits (the
 * answers, weights and state the Vetting view shows). Leases, E-Rate purchases and privacy
 * agreements are not in the sample files, so the calendar shows none.
 */
export function calendarInputFrom(data: CalendarData, asOf: string, vetting: VettingEdits = {}): DistrictCalendarInput {
  const input: { -readonly [K in keyof DistrictCalendarInput]: DistrictCalendarInput[K] } = { asOf };
  const dev = data.devices as { models?: unknown[]; cohorts?: unknown[] } | undefined;
  if (dev?.models && dev.cohorts) input.devices = { models: dev.models, cohorts: dev.cohorts };
  const lic = data.licenses as { currentContracts?: unknown[]; products?: { id: string; name: string }[] } | undefined;
  if (lic?.currentContracts) input.licences = { contracts: lic.currentContracts, products: (lic.products ?? []).map((p) => ({ id: p.id, name: p.name })) };
  if (data.district && data.budget) input.budget = { model: { district: data.district, budget: data.budget } };
  const loaded = readApps(data.apps);
  const state = vettingState(vetting, loaded?.state, (data.district as { state?: string } | undefined)?.state);
  // the built-in rubric's state rules need the district's state
  if (loaded && loaded.apps.length > 0 && state)
    input.reviews = scoreApps(rubricWithWeights(vetting.weights), withEdits(loaded.apps, vetting.answers), { asOf, district: { state } }).map((r) => ({
      appId: r.appId,
      appName: r.appName,
      decision: r.decision,
      reReview: r.reReview,
    }));
  return input;
}

/** The district's calendar of everything that expires, as of the district's date (every item in range: the view filters). */
export function calendarReport(data: CalendarData, asOf: string, vetting?: VettingEdits): { ok: true; value: Plain<DistrictCalendar>; ms: number } | { ok: false; problems: string[] } {
  try {
    const t0 = performance.now();
    const value = plain(
      districtCalendar({ ...calendarInputFrom(data, asOf, vetting), from: `${Number(asOf.slice(0, 4)) - 2}${asOf.slice(4)}`, to: `${Number(asOf.slice(0, 4)) + 15}${asOf.slice(4)}` }),
    );
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}

/** The items shown, as an iCalendar file or a CSV (written by `@districtkit/io`). */
export function calendarExport(items: readonly Plain<CalendarItem>[], asOf: string, format: "ics" | "csv"): { ok: true; text: string } | { ok: false; problems: string[] } {
  try {
    const list = items as never;
    return { ok: true, text: format === "ics" ? calendarToIcs({ asOf, items: list }, { name: "Maple Valley: everything that expires" }) : calendarToCsv({ items: list }) };
  } catch (e) {
    return { ok: false, problems: problemsOf(e) };
  }
}
