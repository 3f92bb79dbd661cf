import { type BudgetModel, c2CycleFor, ERATE_FILING_WINDOWS, ERATE_SERVICES, eRateFilingWindowFor, type ProcurementCalendarInput, projectBudget } from "@districtkit/budget";
import { addMonthsIso, allocate, convertFiscalYear, ERATE_CALENDAR, fiscalYearOf, Money } from "@districtkit/core";
import type { ERateSettings } from "../../state/schema.js";

// The E-Rate view's inputs drawn from the district's own data (pure functions, no signals: the
// e2e test builds the same inputs to check the view against the engines).

/** The funding year after the one the as-of date falls in (E-Rate years start on 1 July, named by their start). */
export function nextFundingYear(asOf: string): number {
  return fiscalYearOf(asOf, ERATE_CALENDAR) + 1;
}

/** The district fiscal year that pays for an E-Rate funding year (in the district's calendar). */
export function districtYearOf(model: BudgetModel, fundingYear: number): number {
  return convertFiscalYear(fundingYear, ERATE_CALENDAR, model.district.calendar);
}

/** A Form 471 window: USAC's, or the analyst's, or (until they enter one) the last published window moved to the year — marked as an estimate. */
export interface WindowChoice {
  readonly opens: string;
  readonly closes: string;
  readonly source: string;
  readonly kind: "published" | "entered" | "estimate";
}

export function windowFor(fundingYear: number, entered: ERateSettings["window"]): WindowChoice {
  const published = eRateFilingWindowFor(fundingYear);
  if (published) return { opens: published.form471Opens, closes: published.form471Closes, source: published.source, kind: "published" };
  if (entered) return { ...entered, source: "entered by the analyst in the playground", kind: "entered" };
  const last = ERATE_FILING_WINDOWS.reduce((a, w) => (w.fundingYear > a.fundingYear ? w : a));
  const years = fundingYear - last.fundingYear;
  return {
    opens: addMonthsIso(last.form471Opens, 12 * years),
    closes: addMonthsIso(last.form471Closes, 12 * years),
    source: `an estimate: the FY${last.fundingYear} window moved ${years} year${years === 1 ? "" : "s"} — USAC has not published FY${fundingYear}'s; enter its dates when it does`,
    kind: "estimate",
  };
}

/** A budget line of the baseline projection, with its cost by district fiscal year. */
export interface BaselineLine {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly school: string | null;
  readonly eRate: "C1" | "C2" | "ineligible";
  readonly cost: ReadonlyMap<number, string>;
}

const lineCache = new WeakMap<BudgetModel, BaselineLine[]>();

/** The budget's lines as the baseline projection costs them (the budget engine's `projectBudget`, no levers). */
export function baselineLines(model: BudgetModel): BaselineLine[] {
  const hit = lineCache.get(model);
  if (hit) return hit;
  const p = projectBudget(model, { id: "baseline", name: "Baseline", levers: [] });
  const lines = p.lines.map((l) => ({
    id: l.itemId,
    name: l.name,
    kind: l.kind,
    school: l.school,
    eRate: l.eRate,
    cost: new Map(l.years.filter((y) => !y.cost.isZero()).map((y) => [y.fiscalYear, y.cost.toString()])),
  }));
  lineCache.set(model, lines);
  return lines;
}

/** Words in an item's name that say which E-Rate service it is (first match wins). */
const SERVICE_WORDS: readonly (readonly [RegExp, string])[] = [
  [/school.?bus/i, "school-bus-wifi"],
  [/hotspot/i, "off-premises-hotspots"],
  [/next.generation firewall|ngfw/i, "next-generation-firewall"],
  [/firewall/i, "basic-firewall"],
  [/access point|wi-?fi/i, "wireless-access-points"],
  [/switch/i, "switches"],
  [/router/i, "routers"],
  [/cabl|\bracks?\b(?! server)/i, "cabling"],
  [/\bups\b|battery/i, "ups"],
  [/controller|wireless .*licen[cs]e/i, "wireless-controllers"],
  [/maintenance of internal|bmic/i, "basic-maintenance"],
  [/internet/i, "internet-access"],
  [/fib(er|re)|\bwan\b/i, "data-transmission"],
  [/voip|voice|phone/i, "voice"],
  [/chromebook|ipad|laptop|tablet/i, "end-user-devices"],
];

/** The E-Rate service a budget line or device model most likely is, from its name (null: none). */
export function guessService(name: string): string | null {
  for (const [re, service] of SERVICE_WORDS) if (re.test(name)) return service;
  return null;
}

export const SERVICE_NAME = new Map(ERATE_SERVICES.map((s) => [s.id, s.name]));
export const SERVICE_CATEGORY = new Map(ERATE_SERVICES.map((s) => [s.id, s.category]));

/** Services a budget may carry outside E-Rate that districts ask E-Rate to fund (the rulings moved them): checked too. */
const ASKED_ABOUT = new Set(["off-premises-hotspots", "school-bus-wifi", "next-generation-firewall"]);

/** The district's planned E-Rate items for a funding year: the budget's E-Rate lines, and lines whose name is an E-Rate service, costed in the district year that pays for it. */
export function plannedItems(model: BudgetModel, fundingYear: number, services: ERateSettings["services"]): { id: string; name: string; service: string; amount: string | null; eRate: string }[] {
  const year = districtYearOf(model, fundingYear);
  const chosen = new Map((services ?? []).map((s) => [s.item, s.service]));
  return baselineLines(model).flatMap((l) => {
    const guess = guessService(l.name);
    if (l.eRate === "ineligible" && (guess === null || !ASKED_ABOUT.has(guess))) return [];
    const service = chosen.get(l.id) ?? guess ?? (l.eRate === "C1" ? "internet-access" : "wireless-access-points");
    return [{ id: l.id, name: l.name, service, amount: l.cost.get(year) ?? null, eRate: l.eRate }];
  });
}

/** The funding year's purchases for the procurement calendar: the budget's E-Rate lines that cost something in it, with the planned Form 470 and contract days. */
export function calendarPurchases(model: BudgetModel, fundingYear: number, s: ERateSettings): NonNullable<ProcurementCalendarInput["purchases"]> {
  const year = districtYearOf(model, fundingYear);
  const chosen = new Map((s.services ?? []).map((x) => [x.item, x.service]));
  return baselineLines(model)
    .filter((l) => l.eRate !== "ineligible" && l.cost.has(year))
    .map((l) => {
      const service = chosen.get(l.id) ?? guessService(l.name);
      return {
        id: l.id,
        name: l.name,
        category: l.eRate as "C1" | "C2",
        kind: l.kind === "one-time" ? ("non-recurring" as const) : ("recurring" as const),
        amount: l.cost.get(year)!,
        ...(service !== null ? { service } : {}),
        ...(s.form470On ? { form470PostedOn: s.form470On } : {}),
        ...(s.contractOn ? { contractSignedOn: s.contractOn } : {}),
      };
    });
}

export type DrawdownRow = NonNullable<ERateSettings["requests"]>[number];

/**
 * The cycle's default requests: every C2 line of the budget in each funding year of the Category
 * Two cycle holding `fundingYear`, as planned requests at the budget's cost. A district-wide
 * one-time line of the same E-Rate service as equipment the inventory holds in the schools (the
 * access point refresh and the access points) is split among those schools by their unit counts,
 * to the cent; any other line stays district-wide.
 */
export function defaultRequests(model: BudgetModel, fundingYear: number, devices?: unknown): DrawdownRow[] {
  const cycle = c2CycleFor(fundingYear);
  if (!cycle) return [];
  const schools = new Set(model.district.schools.map((s) => s.id));
  const schoolName = new Map(model.district.schools.map((s) => [s.id, s.name]));
  const cohorts = c2Cohorts(devices, undefined).filter((c) => schools.has(c.school));
  const rows: DrawdownRow[] = [];
  for (const l of baselineLines(model)) {
    if (l.eRate !== "C2") continue;
    const service = guessService(l.name);
    // units of the same service per school, in the district's school order
    const units = new Map<string, number>();
    if (l.school === null && l.kind === "one-time" && service !== null) for (const c of cohorts) if (c.service === service) units.set(c.school, (units.get(c.school) ?? 0) + c.count);
    const split = model.district.schools.filter((s) => units.has(s.id)).map((s) => [s.id, units.get(s.id)!] as const);
    for (let fy = cycle.firstFundingYear; fy <= cycle.lastFundingYear; fy++) {
      const cost = l.cost.get(districtYearOf(model, fy));
      if (cost === undefined) continue;
      const base = `${l.id}-${fy}`
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 60);
      if (split.length > 1) {
        const parts = allocate(
          cost,
          split.map(([, n]) => n),
        );
        split.forEach(([school, n], i) => {
          rows.push({
            id: `${base}-${school}`.slice(0, 80),
            name: `${l.name}: ${n} at ${schoolName.get(school) ?? school}`,
            building: school,
            fundingYear: String(fy),
            amount: parts[i]!.toString(),
            status: "planned",
            from: l.id,
          });
        });
        continue;
      }
      rows.push({
        id: base,
        name: l.name,
        building: l.school !== null && schools.has(l.school) ? l.school : split.length === 1 ? split[0]![0] : "district",
        fundingYear: String(fy),
        amount: cost,
        status: "planned",
        from: l.id,
      });
    }
  }
  return rows;
}

/** Default bid matrix: the criteria of the guide (price first) and three example bids to replace with the district's own. */
export const DEFAULT_CRITERIA: NonNullable<ERateSettings["criteria"]> = [
  { id: "price", name: "Price of eligible goods and services", weight: "40" },
  { id: "experience", name: "Experience and references", weight: "30" },
  { id: "plan", name: "Installation plan", weight: "30" },
];
export const DEFAULT_BIDS: NonNullable<ERateSettings["bids"]> = [
  { id: "acme", vendor: "Acme Networks", price: "168600", points: ["6", "7"] },
  { id: "bolt", vendor: "Bolt IT", price: "181000", points: ["9", "9"] },
  { id: "cedar", vendor: "Cedar Cabling", price: "174500", points: ["8", "6"] },
];

/** A C2 cohort of the device inventory: its model is a Category Two service. */
export interface C2Cohort {
  readonly key: string;
  readonly name: string;
  readonly school: string;
  readonly model: string;
  /** The E-Rate service its model is. */
  readonly service: string;
  readonly count: number;
  readonly cost: string;
  readonly installedFiscalYear: number;
  /** The fiscal year the lifecycle plan retires it: bought + the model's expected life, or the Devices tab's refresh cycle. */
  readonly planRetire: number;
}

interface DeviceData {
  readonly models?: readonly { id: string; name: string; category?: string; expectedLifeYears?: number; eRate?: string | null }[];
  readonly cohorts?: readonly { model: string; school: string; purchaseFiscalYear: number; count: number; unitCost?: string }[];
}

/** The inventory's cohorts whose model is Category Two equipment (the model's eRate flag, else its name). */
export function c2Cohorts(devices: unknown, cycleYears: number | undefined): C2Cohort[] {
  const d = (devices ?? {}) as DeviceData;
  const models = new Map((d.models ?? []).map((m) => [m.id, m]));
  return (d.cohorts ?? []).flatMap((c) => {
    const m = models.get(c.model);
    if (!m) return [];
    const service = guessService(m.name);
    const isC2 = m.eRate === "C2" || (m.eRate !== "ineligible" && service !== null && SERVICE_CATEGORY.get(service) === "C2");
    if (!isC2) return [];
    const life = cycleYears ?? m.expectedLifeYears ?? 5;
    return [
      {
        key: `${c.model}@${c.school}@${c.purchaseFiscalYear}`,
        name: m.name,
        school: c.school,
        model: c.model,
        service: service ?? "",
        count: c.count,
        cost: Money.of(c.unitCost ?? "0")
          .multiply(c.count)
          .toString(),
        installedFiscalYear: c.purchaseFiscalYear,
        planRetire: c.purchaseFiscalYear + life,
      },
    ];
  });
}
