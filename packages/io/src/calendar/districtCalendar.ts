import { type BudgetModel, matchPlanLines } from "@districtkit/budget";
import { addDaysIso, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { c2Item, c2ItemsFromProjection, calendarBudgetSchema, calendarC2Schema, eRateItems, fundItems, projectForCalendar } from "./fromBudget.js";
import { calendarDevicesSchema, calendarLeaseSchema, deviceItems, leaseItems } from "./fromDevices.js";
import { calendarLicencesSchema, licenceItems } from "./fromLicences.js";
import { agreementItems, calendarAgreementSchema, calendarReviewSchema, reviewItems } from "./fromVetting.js";
import { inSection } from "./internal.js";
import { actBy, CALENDAR_KINDS, type CalendarItem, type CalendarKind, calendarItemSchema, statusAt } from "./item.js";
import { mergeItems } from "./merge.js";

/**
 * Input of {@link districtCalendar}: the as-of date, the window of days to show (default: a year
 * before the as-of date to five years after), how soon "act now" is (default 30 days), and each
 * engine's plain data — every part optional:
 *
 * | part | what it gives |
 * |---|---|
 * | `devices` | models and cohorts (lifecycle), the district's support-end rows and assignments: support ends by model with the cohorts' counts, paid extensions, last OS, end of sale, warranty ends |
 * | `leases` | lease returns, with notice and buyout |
 * | `licences` | current contracts (licenses): renewals with their notice deadlines |
 * | `budget` | the budget model (and a scenario): each restricted award's obligation and liquidation deadlines, from the budget engine's projection; and the budget lines each item affects |
 * | `c2` | a Category Two cycle (`planC2Drawdown`'s result): the cycle's end, the budget left; without it, the budget projection's C2 cycles |
 * | `eRate` | a procurement calendar input (`eRateProcurementCalendar`): the funding year's deadlines and each purchase's |
 * | `reviews` | vetting results (`scoreApps`): re-review dates |
 * | `agreements` | a privacy register's agreements: expiries |
 * | `custom` | the district's own items |
 *
 * @example
 * ```ts
 * districtCalendarInputSchema.parse({ asOf: "2026-07-01" }).actWithinDays; // => 30
 * ```
 * @category Calendar
 */
export const districtCalendarInputSchema = z.object({
  asOf: isoDateSchema,
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  actWithinDays: z.number().int().min(0).max(3650).default(30),
  devices: calendarDevicesSchema.optional(),
  leases: z.array(calendarLeaseSchema).max(100_000).default([]),
  licences: calendarLicencesSchema.optional(),
  budget: calendarBudgetSchema.optional(),
  c2: calendarC2Schema.optional(),
  eRate: z.unknown().optional(),
  reviews: z.array(calendarReviewSchema).max(100_000).default([]),
  agreements: z.array(calendarAgreementSchema).max(100_000).default([]),
  custom: z.array(calendarItemSchema).max(100_000).default([]),
});

/**
 * {@link districtCalendar}'s input as given.
 *
 * @category Calendar
 */
export type DistrictCalendarInput = z.input<typeof districtCalendarInputSchema>;

/**
 * A district's calendar of everything that expires.
 *
 * @category Calendar
 */
export interface DistrictCalendar {
  readonly asOf: string;
  /** The days shown: items whose last day to act (or date) falls outside are counted in `outside`. */
  readonly window: { readonly from: string; readonly to: string };
  /** In calendar order: last day to act (or date), date, kind, id. */
  readonly items: readonly CalendarItem[];
  /** Items per kind, in {@link CALENDAR_KINDS} order (kinds with none left out). */
  readonly counts: readonly { readonly kind: CalendarKind; readonly count: number }[];
  /** Items left out by the window, before and after it (nothing else is dropped). */
  readonly outside: { readonly before: number; readonly after: number };
  /** Ids changed to keep them unique (a custom item reusing an engine's id). */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Which parts were given. */
  readonly parts: readonly string[];
  readonly explanation: string;
}

const DEVICE_BUDGET_CATEGORY: Readonly<Record<string, string>> = { network: "network", server: "network" };
const DEVICE_WORD: Readonly<Record<string, string>> = {
  chromebook: "Chromebook",
  ipad: "iPad",
  "windows-laptop": "laptop",
  "mac-laptop": "laptop",
  desktop: "desktop",
  "interactive-display": "display",
  network: "network",
  server: "server",
  other: "device",
};

/** Budget lines each item affects: devices, licences, apps and purchases through the budget engine's plan matcher; funds through their eligible items and categories; C2 through the items' E-Rate category. */
function linkBudgetLines(model: BudgetModel, items: CalendarItem[], names: ReadonlyMap<string, { name: string; category?: string }>, productByName: ReadonlyMap<string, string>): CalendarItem[] {
  const cats = [...new Set(model.budget.lineItems.map((l) => l.category))];
  const lines: { id: string; name: string; category: string; refs: string[]; keywords: string[] }[] = [];
  items.forEach((it, i) => {
    const refs: string[] = [];
    const keywords: string[] = [];
    let category = "hardware";
    for (const r of it.refs) {
      if (r.kind === "model") {
        const m = names.get(`model:${r.id}`);
        refs.push(r.id, ...(m ? [m.name] : []));
        if (m?.category) {
          category = DEVICE_BUDGET_CATEGORY[m.category] ?? "hardware";
          keywords.push(DEVICE_WORD[m.category] ?? "device");
        }
      } else if (r.kind === "product") {
        refs.push(r.id, ...(names.has(`product:${r.id}`) ? [names.get(`product:${r.id}`)!.name] : []));
        category = "software";
      } else if (r.kind === "app") {
        const p = productByName.get(names.get(`app:${r.id}`)?.name.toLowerCase() ?? "");
        refs.push(r.id, ...(names.has(`app:${r.id}`) ? [names.get(`app:${r.id}`)!.name] : []), ...(p ? [p] : []));
        category = "software";
      } else if (r.kind === "purchase") {
        refs.push(r.id);
        category = "network";
      }
    }
    if (refs.length > 0) lines.push({ id: String(i), name: it.title.slice(0, 200), category, refs: refs.map((x) => x.slice(0, 200)).slice(0, 200), keywords });
  });
  const match = lines.length === 0 ? null : matchPlanLines(model, { lines, categories: cats });
  const byLine = new Map<string, { id: string; name: string; how: string }[]>();
  if (match) {
    const cand = new Map(match.candidates.map((c) => [c.itemId, c]));
    for (const l of match.lines) {
      // a match on a bare number or a two-letter word ("2" in "K–2") is noise, not a link; and
      // where an item is named, category guesses for the same calendar item are dropped
      const found = l.itemIds.flatMap((id) => {
        const c = cand.get(id)!;
        const m = c.matchedBy.find((x) => x.lineId === l.lineId)!;
        if (m.reason !== "category" && (/^\d+$/.test(m.on) || m.on.length < 3)) return [];
        const how = m.reason === "reference" ? `named in the item's planRefs ("${m.on}")` : m.reason === "product" ? `the item names "${m.on}"` : `a category guess ("${m.on}"): check it`;
        return [{ id, name: c.name, how, guess: m.reason === "category" }];
      });
      const named = found.filter((f) => !f.guess);
      byLine.set(
        l.lineId,
        (named.length > 0 ? named : found).map(({ id, name, how }) => ({ id, name, how })),
      );
    }
  }
  const funds = new Map(model.budget.funds.map((f) => [f.id, f]));
  return items.map((it, i) => {
    let links = byLine.get(String(i)) ?? [];
    const fundRef = it.refs.find((r) => r.kind === "fund");
    if (fundRef !== undefined) {
      const f = funds.get(fundRef.id);
      if (f) {
        const byItem = new Set(f.eligibleItems ?? []);
        const byCat = new Set(f.eligibleCategories ?? []);
        links = model.budget.lineItems
          .filter((l) => byItem.has(l.id) || byCat.has(l.category))
          .map((l) => ({ id: l.id, name: l.name, how: byItem.has(l.id) ? `${f.name} may pay this item` : `${f.name} may pay the ${l.category} category` }));
      }
    }
    if (it.kind === "c2-cycle-end") {
      links = model.budget.lineItems.filter((l) => l.eRate === "C2").map((l) => ({ id: l.id, name: l.name, how: "an E-Rate Category Two item" }));
    }
    return links.length === 0 ? it : { ...it, budgetLines: links };
  });
}

/**
 * One calendar of everything that expires in a district's technology office: device support ends
 * (by model, with the cohorts' counts and the replacement cost), paid support extensions, the last
 * OS a model runs, end of sale, warranty ends, lease returns, licence renewals with their notice
 * deadlines, each restricted award's obligation and liquidation deadlines (with the money that
 * would lapse), the end of the E-Rate Category Two cycle (with the budget left), the E-Rate
 * filing year's deadlines, vetting re-reviews and data-privacy agreement expiries — each with its
 * date, the last day to act, what is at stake in money and units, the action, the engine's
 * explanation and the budget lines it affects. Each part comes from the engine that owns it
 * (lifecycle's `supportEnds`, licenses' `renewalCalendar`, budget's projection and
 * `eRateProcurementCalendar`, vetting's results) as plain data; the calendar merges them, keeps
 * every item (ids made unique), sorts them and says, at the as-of date, which have passed, which
 * are overdue and which need action within `actWithinDays`. Nothing reads the clock.
 *
 * @param input - see {@link districtCalendarInputSchema}
 * @returns the items in calendar order, their counts, and what the window left out
 * @throws DistrictKitError listing every invalid field with its path (prefixed by the part it belongs to)
 * @example
 * ```ts
 * const cal = districtCalendar({
 *   asOf: "2026-07-01",
 *   devices: {
 *     models: [{ id: "cb300", name: "Acme Chromebook 300", category: "chromebook", unitPrice: "259", autoUpdateExpiration: "2027-06", replacementModel: "cb400" },
 *              { id: "cb400", name: "Acme Chromebook 400", category: "chromebook", unitPrice: "309", autoUpdateExpiration: "2036-06" }],
 *     cohorts: [{ model: "cb300", school: "es", role: "student", purchaseFiscalYear: 2022, count: 110 }],
 *     warranties: false,
 *   },
 *   licences: { contracts: [{ productId: "reading", annualCost: "10944", seats: 912, startDate: "2025-07-01", renewalDate: "2027-07-01", noticeDays: 90 }] },
 *   reviews: [{ appId: "quiz", appName: "QuizBlast", reReview: { on: "2027-01-15", because: "annual review" } }],
 * });
 * cal.items.map((i) => [i.kind, i.lastDayToAct, i.date]); // => [["vetting-review", "2027-01-15", "2027-01-15"], ["device-support-end", "2027-03-02", "2027-06-30"], ["licence-renewal", "2027-04-02", "2027-07-01"]]
 * cal.items[1]?.atStake.amount?.toString(); // => "33990"
 * ```
 * @category Calendar
 */
export function districtCalendar(input: DistrictCalendarInput): DistrictCalendar {
  const v = parseInput(districtCalendarInputSchema, input);
  const from = v.from ?? addDaysIso(v.asOf, -365);
  const to = v.to ?? addDaysIso(v.asOf, 5 * 365 + 1);
  const lists: CalendarItem[][] = [];
  const parts: string[] = [];
  const names = new Map<string, { name: string; category?: string }>();
  const productByName = new Map<string, string>();
  if (v.devices) {
    parts.push("devices");
    lists.push(deviceItems(v.asOf, v.devices));
    for (const m of v.devices.models as { id?: unknown; name?: unknown; category?: unknown }[]) {
      if (typeof m?.id === "string") names.set(`model:${m.id}`, { name: typeof m.name === "string" ? m.name : m.id, ...(typeof m.category === "string" ? { category: m.category } : {}) });
    }
  }
  if (v.leases.length > 0) {
    parts.push("leases");
    lists.push(leaseItems(v.leases));
  }
  if (v.licences) {
    parts.push("licences");
    lists.push(licenceItems(v.asOf, v.licences));
    for (const p of v.licences.products) {
      names.set(`product:${p.id}`, { name: p.name });
      productByName.set(p.name.toLowerCase(), p.id);
    }
  }
  let model: BudgetModel | undefined;
  if (v.budget) {
    parts.push("budget");
    const r = projectForCalendar(v.budget);
    model = r.model;
    lists.push(fundItems(r.model, r.projection));
    // the projection's C2 cycles, unless the caller gives its own drawdown's cycle
    if (!v.c2) lists.push(c2ItemsFromProjection(r.projection));
  }
  if (v.c2) {
    parts.push("c2");
    lists.push([c2Item(v.c2)]);
  }
  if (v.eRate !== undefined) {
    parts.push("eRate");
    lists.push(eRateItems(v.eRate));
  }
  if (v.reviews.length > 0) {
    parts.push("reviews");
    lists.push(reviewItems(v.reviews));
    for (const r of v.reviews) names.set(`app:${r.appId}`, { name: r.appName });
  }
  if (v.agreements.length > 0) {
    parts.push("agreements");
    lists.push(agreementItems(v.agreements));
  }
  if (v.custom.length > 0) {
    parts.push("custom");
    lists.push(v.custom);
  }
  const merged = mergeItems(lists);
  const soon = addDaysIso(v.asOf, v.actWithinDays);
  let before = 0;
  let after = 0;
  let shown: CalendarItem[] = [];
  for (const it of merged.items) {
    const d = actBy(it);
    if (d < from) before++;
    else if (d > to) after++;
    else shown.push({ ...it, status: statusAt(it, v.asOf, soon) });
  }
  if (model !== undefined) shown = inSection(["budget"], () => linkBudgetLines(model!, shown, names, productByName));
  const counts = CALENDAR_KINDS.map((kind) => ({ kind, count: shown.filter((i) => i.kind === kind).length })).filter((c) => c.count > 0);
  const overdue = shown.filter((i) => i.status === "overdue").length;
  const actNow = shown.filter((i) => i.status === "act-now").length;
  const next = shown.find((i) => i.status === "act-now" || i.status === "upcoming");
  return {
    asOf: v.asOf,
    window: { from, to },
    items: shown,
    counts,
    outside: { before, after },
    renamed: merged.renamed,
    parts,
    explanation:
      `${shown.length} dated items from ${from} to ${to} (${parts.join(", ") || "nothing given"}): ${overdue} overdue at ${v.asOf}, ${actNow} to act on within ${v.actWithinDays} days` +
      (next ? `; next: ${next.title}, act by ${actBy(next)}` : "") +
      (before + after > 0 ? `. ${before + after} items fall outside the window (${before} before, ${after} after).` : "."),
  };
}
