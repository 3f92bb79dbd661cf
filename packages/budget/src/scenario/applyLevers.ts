import { Dec, DistrictKitError, type Money } from "@districtkit/core";
import { type ItemTable, itemTableOf, PER_UNIT, SERIES, schoolIndexOf } from "../projection/itemTable.js";
import type { BudgetModel } from "../schema/budget.js";
import { BUILT_IN_DRIVERS, DEFAULT_CATEGORIES } from "../schema/categories.js";
import type { Fund } from "../schema/fund.js";
import type { LineItem } from "../schema/lineItem.js";
import type { Lever, Scenario } from "../schema/scenario.js";

/**
 * What one lever did: the items, funds or drivers it touched, in a sentence.
 *
 * @category Scenarios
 */
export interface LeverEffect {
  /** Position of the lever in the scenario. */
  readonly index: number;
  readonly type: Lever["type"];
  readonly label: string;
  /** Ids of the line items, funds, schools or drivers the lever touched. */
  readonly touched: readonly string[];
  readonly explanation: string;
}

/** @internal A scale lever as a rule. */
export interface ScaleRule {
  readonly at: number;
  readonly factor: Dec;
  readonly item: string | undefined;
  readonly category: string | undefined;
  readonly school: string | undefined;
}

/** @internal An inflation lever as a rule. */
export interface InflationRule {
  readonly at: number;
  readonly mode: "set" | "add";
  readonly rate: number;
  readonly item: string | undefined;
  readonly category: string | undefined;
  readonly index: string | undefined;
}

/** @internal The factor 1 (identity of an unscaled item). */
export const ONE_DEC = new Dec(1);

/** @internal The exact cost factor of an item (the product of the scale rules that match it). */
export function scaleOf(eff: Effective, item: LineItem): Dec {
  if (eff.scaleRules.length === 0) return ONE_DEC;
  const born = eff.addedAt.size === 0 ? -1 : (eff.addedAt.get(item.id) ?? -1);
  let f = ONE_DEC;
  for (const r of eff.scaleRules) {
    if (r.at < born) continue;
    if (r.item !== undefined && r.item !== item.id) continue;
    if (r.category !== undefined && r.category !== item.category) continue;
    if (r.school !== undefined && r.school !== item.school) continue;
    f = f.times(r.factor);
  }
  return f;
}

/** @internal The escalator adjustment of an item: an override rate and/or a delta. */
export function rateAdjustOf(eff: Effective, item: LineItem): { readonly override: number | undefined; readonly delta: number | undefined } {
  if (eff.inflationRules.length === 0 || item.kind === "series") return NO_ADJUST;
  const born = eff.addedAt.size === 0 ? -1 : (eff.addedAt.get(item.id) ?? -1);
  let override: number | undefined;
  let delta: number | undefined;
  for (const r of eff.inflationRules) {
    if (r.at < born) continue;
    if (r.item !== undefined && r.item !== item.id) continue;
    if (r.category !== undefined && r.category !== item.category) continue;
    if (r.index !== undefined && !(typeof item.escalator === "object" && item.escalator.index === r.index)) continue;
    if (r.mode === "set") {
      override = r.rate;
      delta = undefined;
    } else delta = (delta ?? 0) + r.rate;
  }
  return override === undefined && delta === undefined ? NO_ADJUST : { override, delta };
}
/** @internal No escalator adjustment (no inflation lever applies). */
export const NO_ADJUST = Object.freeze({ override: undefined, delta: undefined });

/** @internal The baseline with a scenario's levers applied. */
export interface Effective {
  readonly model: BudgetModel;
  readonly items: readonly LineItem[];
  readonly funds: readonly Fund[];
  /** Scale levers as rules (matched against items when costs are computed). */
  readonly scaleRules: readonly ScaleRule[];
  /** Inflation levers as rules, in order (a `set` clears earlier `add`s). */
  readonly inflationRules: readonly InflationRule[];
  /** Items added by a lever: id → lever index (rules before it do not touch it). */
  readonly addedAt: ReadonlyMap<string, number>;
  /** Fund id → exact factor on its amounts. */
  readonly fundScale: ReadonlyMap<string, Dec>;
  /** Enrollment levers in order: annual/once rate, optional school. */
  readonly enrollment: readonly { readonly rate: number; readonly mode: "annual" | "once"; readonly school: string | undefined }[];
  readonly eRateDiscount: { readonly C1?: number; readonly C2?: number };
  /** Driver series set by levers: key `${driver}|${school ?? ""}`. */
  readonly drivers: ReadonlyMap<string, Readonly<Record<string, number>>>;
  /** Items whose cost a lever removes in some fiscal years only (a windowed `remove`, a `use-plan`): item id → windows. */
  readonly removedYears: ReadonlyMap<string, readonly RemovedWindow[]>;
  readonly effects: readonly LeverEffect[];
}

/** @internal Fiscal years `from`–`to` (inclusive) in which a lever removes an item's cost. */
export interface RemovedWindow {
  readonly from: number;
  readonly to: number;
  /** The lever's label, for the line's explanation. */
  readonly label: string;
}

/** @internal The window that removes an item's cost in `year`, if any. */
export function removedIn(eff: Effective, itemId: string, year: number): RemovedWindow | undefined {
  if (eff.removedYears.size === 0) return undefined;
  const ws = eff.removedYears.get(itemId);
  if (ws === undefined) return undefined;
  for (const w of ws) if (year >= w.from && year <= w.to) return w;
  return undefined;
}

function shiftRecord(r: Readonly<Record<string, Money>>, years: number): Record<string, Money> {
  const out: Record<string, Money> = {};
  for (const [k, v] of Object.entries(r)) out[String(Number(k) + years)] = v;
  return out;
}

function describeLever(l: Lever): string {
  switch (l.type) {
    case "enrollment-change":
      return `enrollment ${l.rate >= 0 ? "+" : ""}${(l.rate * 100).toFixed(1)} %${l.mode === "annual" ? " a year" : " once"}${l.school ? ` at ${l.school}` : ""}`;
    case "inflation":
      return `inflation ${l.mode === "add" ? (l.rate >= 0 ? "+" : "") : ""}${(l.rate * 100).toFixed(1)} ${l.mode === "add" ? "points" : "%"}${l.item ? ` on ${l.item}` : l.category ? ` on ${l.category}` : l.index ? ` for index ${l.index}` : ""}`;
    case "scale":
      return `${l.percent >= 0 ? "+" : ""}${(l.percent * 100).toFixed(1)} % on ${l.item ?? l.category ?? l.school ?? "everything"}`;
    case "delay":
      return `move ${l.item} ${l.years >= 0 ? "later" : "earlier"} by ${Math.abs(l.years)} year${Math.abs(l.years) === 1 ? "" : "s"}`;
    case "remove":
      return l.fromYear === undefined && l.toYear === undefined ? `remove ${l.item}` : `remove ${l.item} in ${yearSpan(l.fromYear, l.toYear)}`;
    case "add-item":
      return `add ${l.item.name}`;
    case "add-fund":
      return `add fund ${l.fund.name}`;
    case "scale-fund":
      return `${l.percent >= 0 ? "+" : ""}${(l.percent * 100).toFixed(1)} % on fund ${l.fund}`;
    case "erate-discount":
      return `E-Rate ${l.category === "both" ? "C1 and C2" : l.category} discount ${(l.discount * 100).toFixed(0)} %`;
    case "refresh-cycle":
      return `refresh ${l.item} every ${l.everyYears} years`;
    case "replace-series":
      return `new yearly amounts for ${l.item}`;
    case "driver":
      return `driver ${l.driver}${l.school ? ` at ${l.school}` : ""} set`;
    case "use-plan":
      return `${l.name}, ${yearSpan(l.fromYear, l.toYear)}`;
  }
}

function yearSpan(from: number | undefined, to: number | undefined): string {
  if (from !== undefined && to !== undefined) return from === to ? `FY${from}` : `FY${from}–FY${to}`;
  return from !== undefined ? `FY${from} onwards` : `up to FY${to!}`;
}

/** @internal The id a `use-plan` line gets as a line item: `<plan>:<line>`. */
export function planItemId(plan: string, line: string): string {
  return `${plan}:${line}`;
}

/** @internal Applies validated levers to a validated model; throws for references to unknown ids. */
export function applyLevers(model: BudgetModel, scenario: Scenario): Effective {
  // the model's own list (frozen) until a lever changes it: then a copy (the columns of an unchanged list are the model's, itemTable.ts)
  let items: readonly LineItem[] = model.budget.lineItems;
  // the levers that touch many items read the list's columns (itemTable.ts: the model's own while
  // the list is the model's; else built from it, kept until the list changes), not each item object
  let cached: { readonly items: readonly LineItem[]; readonly n: number; readonly table: ItemTable } | undefined;
  const columns = (): ItemTable => {
    if (cached === undefined || cached.items !== items || cached.n !== items.length) cached = { items, n: items.length, table: itemTableOf(model, items) };
    return cached.table;
  };
  let schoolPositions: Map<string, number> | undefined;
  const schoolAt = (): Map<string, number> => (schoolPositions ??= schoolIndexOf(model));
  const ownItems = (): LineItem[] => (items === model.budget.lineItems ? (items = [...items]) : items) as LineItem[];
  let funds: Fund[] = [...model.budget.funds];
  const scaleRules: ScaleRule[] = [];
  const inflationRules: InflationRule[] = [];
  const addedAt = new Map<string, number>();
  const fundScale = new Map<string, Dec>();
  const enrollment: { rate: number; mode: "annual" | "once"; school: string | undefined }[] = [];
  const eRateDiscount: { C1?: number; C2?: number } = {};
  const drivers = new Map<string, Record<string, number>>();
  const removedYears = new Map<string, RemovedWindow[]>();
  const plans = new Set<string>();
  const effects: LeverEffect[] = [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  const schools = new Set(model.district.schools.map((s) => s.id));
  const categories = new Set([...DEFAULT_CATEGORIES, ...model.budget.categories]);
  const driverIds = new Set([...BUILT_IN_DRIVERS, ...model.budget.drivers.map((d) => d.id)]);
  const escalators = new Set(Object.keys(model.budget.escalators));

  scenario.levers.forEach((l, i) => {
    const path = ["levers", i];
    const bad = (field: string, message: string): void => void issues.push({ path: [...path, field], message });
    const findItem = (id: string): number => {
      const k = items.findIndex((it) => it.id === id);
      if (k < 0) bad("item", `unknown line item "${id}"`);
      return k;
    };
    const touched: string[] = [];
    const addWindow = (itemId: string, w: RemovedWindow): void => {
      const ws = removedYears.get(itemId);
      if (ws === undefined) removedYears.set(itemId, [w]);
      else ws.push(w);
    };
    switch (l.type) {
      case "enrollment-change":
        if (l.school !== undefined && !schools.has(l.school)) bad("school", `unknown school "${l.school}"`);
        enrollment.push({ rate: l.rate, mode: l.mode, school: l.school });
        {
          const t = columns();
          const students = t.drivers.find("students");
          const sch = l.school === undefined ? -2 : (schoolAt().get(l.school) ?? -3);
          for (let k = 0; k < t.ids.length; k++)
            if (t.kind[k] === PER_UNIT && t.driver[k] === students && (l.school === undefined || t.school[k] === -1 || t.school[k] === sch)) touched.push(t.ids[k]!);
        }
        break;
      case "inflation": {
        if (l.category !== undefined && !categories.has(l.category)) bad("category", `unknown category "${l.category}"`);
        if (l.index !== undefined && !escalators.has(l.index)) bad("index", `unknown escalator index "${l.index}"`);
        if (l.item !== undefined) findItem(l.item);
        inflationRules.push({ at: i, mode: l.mode, rate: l.rate, item: l.item, category: l.category, index: l.index });
        const t = columns();
        const cat = l.category === undefined ? -2 : t.categories.find(l.category);
        for (let k = 0; k < t.ids.length; k++) {
          if (t.kind[k] === SERIES) continue;
          if (l.item !== undefined && t.ids[k] !== l.item) continue;
          if (l.category !== undefined && t.category[k] !== cat) continue;
          if (l.index !== undefined && t.escalators.values[t.escalator[k]!] !== l.index) continue;
          touched.push(t.ids[k]!);
        }
        break;
      }
      case "scale": {
        if (l.category !== undefined && !categories.has(l.category)) bad("category", `unknown category "${l.category}"`);
        if (l.school !== undefined && !schools.has(l.school)) bad("school", `unknown school "${l.school}"`);
        if (l.item !== undefined) findItem(l.item);
        const f = new Dec(l.percent).plus(1);
        scaleRules.push({ at: i, factor: f, item: l.item, category: l.category, school: l.school });
        const t = columns();
        const cat = l.category === undefined ? -2 : t.categories.find(l.category);
        const sch = l.school === undefined ? -2 : (schoolAt().get(l.school) ?? -3);
        for (let k = 0; k < t.ids.length; k++) {
          if (l.item !== undefined && t.ids[k] !== l.item) continue;
          if (l.category !== undefined && t.category[k] !== cat) continue;
          if (l.school !== undefined && t.school[k] !== sch) continue;
          touched.push(t.ids[k]!);
        }
        break;
      }
      case "delay": {
        const k = findItem(l.item);
        if (k < 0) break;
        const it = items[k]!;
        const first = model.budget.firstYear;
        let moved: LineItem;
        if (it.kind === "one-time") moved = { ...it, year: it.year + l.years };
        else if (it.kind === "series") moved = { ...it, amounts: shiftRecord(it.amounts, l.years) };
        else moved = { ...it, startYear: (it.startYear ?? first) + l.years, ...(it.endYear !== undefined ? { endYear: it.endYear + l.years } : {}) };
        items = items.map((x, j) => (j === k ? moved : x));
        touched.push(it.id);
        break;
      }
      case "remove": {
        const k = findItem(l.item);
        if (k < 0) break;
        if (l.fromYear === undefined && l.toYear === undefined) items = items.filter((_, j) => j !== k);
        else {
          const from = l.fromYear ?? model.budget.firstYear;
          const to = l.toYear ?? model.budget.firstYear + model.budget.years - 1;
          if (from > to) bad("toYear", `expected toYear (${to}) not before fromYear (${from})`);
          else addWindow(l.item, { from, to, label: l.label ?? describeLever(l) });
        }
        touched.push(l.item);
        break;
      }
      case "add-item": {
        const it = l.item;
        if (items.some((x) => x.id === it.id)) bad("item", `a line item "${it.id}" already exists`);
        if (!categories.has(it.category)) bad("item", `unknown category "${it.category}"`);
        if (it.school !== undefined && !schools.has(it.school)) bad("item", `unknown school "${it.school}"`);
        if (it.kind === "per-unit" && !driverIds.has(it.driver)) bad("item", `unknown driver "${it.driver}"`);
        if (typeof it.escalator === "object" && !escalators.has(it.escalator.index)) bad("item", `unknown escalator index "${it.escalator.index}"`);
        for (const fid of it.funds ?? []) {
          const f = funds.find((x) => x.id === fid);
          if (!f) bad("item", `unknown fund "${fid}"`);
          else if (!(f.eligibleCategories ?? []).includes(it.category) && !(f.eligibleItems ?? []).includes(it.id)) bad("item", `fund "${fid}" may not pay category "${it.category}"`);
        }
        ownItems().push(it); // this function's own array: no copy per added item
        addedAt.set(it.id, i);
        touched.push(it.id);
        break;
      }
      case "add-fund": {
        const f = l.fund;
        if (funds.some((x) => x.id === f.id)) bad("fund", `a fund "${f.id}" already exists`);
        if (f.kind === "general") bad("fund", "a scenario cannot add a second general fund");
        if (f.kind === "erate" && funds.some((x) => x.kind === "erate" && x.eRateCategory === f.eRateCategory)) bad("fund", `an E-Rate ${f.eRateCategory} fund already exists`);
        for (const c of f.eligibleCategories ?? []) if (!categories.has(c)) bad("fund", `unknown category "${c}"`);
        funds = [...funds, f];
        touched.push(f.id);
        break;
      }
      case "scale-fund": {
        const f = funds.find((x) => x.id === l.fund);
        if (!f) bad("fund", `unknown fund "${l.fund}"`);
        else if (f.kind === "general" || f.kind === "erate") bad("fund", `"${l.fund}" is not a restricted fund; use erate-discount for E-Rate`);
        else {
          fundScale.set(f.id, (fundScale.get(f.id) ?? new Dec(1)).times(new Dec(l.percent).plus(1)));
          touched.push(f.id);
        }
        break;
      }
      case "erate-discount":
        if (l.category !== "C2") eRateDiscount.C1 = l.discount;
        if (l.category !== "C1") eRateDiscount.C2 = l.discount;
        touched.push(...funds.filter((f) => f.kind === "erate" && (l.category === "both" || f.eRateCategory === l.category)).map((f) => f.id));
        break;
      case "refresh-cycle": {
        const k = findItem(l.item);
        if (k < 0) break;
        const it = items[k]!;
        if (it.kind === "one-time" || it.kind === "series") {
          bad("item", `"${l.item}" is a ${it.kind} item; a refresh cycle applies to recurring and per-unit items`);
          break;
        }
        items = items.map((x, j) => (j === k ? { ...it, everyYears: l.everyYears } : x));
        touched.push(it.id);
        break;
      }
      case "replace-series": {
        const k = findItem(l.item);
        if (k < 0) break;
        const it = items[k]!;
        if (it.kind !== "series") {
          bad("item", `"${l.item}" is a ${it.kind} item; replace-series applies to series items`);
          break;
        }
        items = items.map((x, j) => (j === k ? { ...it, amounts: l.amounts } : x));
        touched.push(it.id);
        break;
      }
      case "driver":
        if (l.school !== undefined && !schools.has(l.school)) bad("school", `unknown school "${l.school}"`);
        drivers.set(`${l.driver}|${l.school ?? ""}`, l.values);
        for (const it of items) if (it.kind === "per-unit" && it.driver === l.driver) touched.push(it.id);
        break;
      case "use-plan": {
        if (plans.has(l.plan)) bad("plan", `the scenario already uses a plan "${l.plan}"; a scenario uses one plan of an id (replace the lever instead of adding a second)`);
        plans.add(l.plan);
        if (l.fromYear > l.toYear) {
          bad("toYear", `expected toYear (${l.toYear}) not before fromYear (${l.fromYear})`);
          break;
        }
        const window: RemovedWindow = { from: l.fromYear, to: l.toYear, label: l.label ?? describeLever(l) };
        // the items' ids once (a plan may replace and add hundreds of lines against thousands of items)
        const ids = new Set(items.map((x) => x.id));
        const replaced = new Set<string>();
        l.replaces.forEach((rid, r) => {
          if (replaced.has(rid)) return void issues.push({ path: [...path, "replaces", r], message: `"${rid}" is listed twice` });
          replaced.add(rid);
          if (!ids.has(rid)) return void issues.push({ path: [...path, "replaces", r], message: `unknown line item "${rid}"` });
          addWindow(rid, window);
          touched.push(rid);
        });
        const lineIds = new Set<string>();
        l.lines.forEach((line, j) => {
          const at = (field: string | number, message: string): void => void issues.push({ path: [...path, "lines", j, field], message });
          const itemId = planItemId(l.plan, line.id);
          if (lineIds.has(line.id)) at("id", `a line "${line.id}" is listed twice`);
          else if (ids.has(itemId)) at("id", `a line item "${itemId}" already exists`);
          lineIds.add(line.id);
          if (!categories.has(line.category)) at("category", `unknown category "${line.category}"`);
          if (line.school !== undefined && !schools.has(line.school)) at("school", `unknown school "${line.school}"`);
          for (const y of Object.keys(line.amounts)) {
            const fy = Number(y);
            if (fy < l.fromYear || fy > l.toYear) at("amounts", `FY${y} is outside the plan's years FY${l.fromYear}–FY${l.toYear}`);
          }
          const item: LineItem = {
            id: itemId,
            name: line.name,
            category: line.category,
            ...(line.school !== undefined ? { school: line.school } : {}),
            kind: "series",
            amounts: line.amounts,
            everyYears: 1,
            eRate: line.eRate,
            source: `${l.name} (${window.label})`,
          };
          ownItems().push(item);
          ids.add(itemId);
          addedAt.set(itemId, i);
          touched.push(itemId);
        });
        break;
      }
    }
    const label = l.label ?? describeLever(l);
    effects.push({
      index: i,
      type: l.type,
      label,
      touched,
      explanation: `${label}: touches ${touched.length === 0 ? "nothing" : touched.length > 6 ? `${touched.slice(0, 6).join(", ")} and ${touched.length - 6} more` : touched.join(", ")}.`,
    });
  });
  if (issues.length > 0)
    throw new DistrictKitError(
      "INVALID_INPUT",
      issues.map((x) => ({ ...x, path: ["scenario", ...x.path] })),
    );
  return { model, items, funds, scaleRules, inflationRules, addedAt, fundScale, enrollment, eRateDiscount, drivers, removedYears, effects };
}
