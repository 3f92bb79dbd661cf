// The line items of a projection as columns of numbers, compiled once per model.
//
// How it works: the engine's loops over a large budget (100,000 items) used to read each item
// object's fields — kind, school, category, E-Rate category, driver, escalator, years, the unit
// cost as cents — in every projection. Validated items come in many shapes (four kinds, each
// with or without a school, an escalator, a price year…), so each such read is a slow, generic
// property look-up, and a scenario comparison made several million of them. Here the fields the
// loops need are read once per item into typed arrays (one column per field; texts such as
// categories, drivers and escalators become small integer codes into a list), and every
// projection of the same model reads the columns.
//
// The model's table is kept per model object (a WeakMap, so it goes when the model goes).
// prepareBudget freezes the model it returns, so its items cannot change under the table; the
// table is also checked against the model's item list (same array, same length) before use. A
// scenario whose levers leave the items as they are uses the model's table as is; one that
// changes, removes or adds items gets a table of its own: rows of the model's own items are
// copied, the others compiled from their objects.
import type { Money } from "@districtkit/core";
import type { BudgetModel } from "../schema/budget.js";
import type { LineItem } from "../schema/lineItem.js";

/** @internal Item kinds as codes. */
export const PER_UNIT = 0;
/** @internal */
export const RECURRING = 1;
/** @internal */
export const ONE_TIME = 2;
/** @internal */
export const SERIES = 3;

/** @internal E-Rate categories as codes. */
export const ERATE_NONE = 0;
/** @internal */
export const ERATE_C1 = 1;
/** @internal */
export const ERATE_C2 = 2;

/** @internal Unit rounding as codes. */
export const ROUND_NEAREST = 0;
/** @internal */
export const ROUND_UP = 1;
/** @internal */
export const ROUND_NONE = 2;

/** @internal A list of texts (or escalator keys) and the code of each. */
export class Codes<K> {
  readonly values: K[] = [];
  readonly #index = new Map<K, number>();
  code(value: K): number {
    let c = this.#index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.#index.set(value, c);
    }
    return c;
  }
  /** The code of a value, or −1 when no item has it. */
  find(value: K): number {
    return this.#index.get(value) ?? -1;
  }
  copy(): Codes<K> {
    const out = new Codes<K>();
    for (const v of this.values) out.code(v);
    return out;
  }
}

/** @internal The items' fields as columns (index i: item i). */
export interface ItemTable {
  /** The items the rows were compiled from, in order. */
  readonly items: readonly LineItem[];
  readonly ids: string[];
  readonly kind: Uint8Array;
  /** Code into `categories`. */
  readonly category: Int32Array;
  readonly categories: Codes<string>;
  /** School index in the district (−1: district-wide). */
  readonly school: Int32Array;
  readonly eRate: Uint8Array;
  /** Whole cents (half-up) of the unit cost or amount; NaN for a series. */
  readonly baseCents: Float64Array;
  /** The price year (default: the first year of the horizon). */
  readonly priceYear: Int32Array;
  /** First and last fiscal year the item runs, and its cycle (a one-time item: its year, its year, 1). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly every: Int32Array;
  /** Code into `drivers` (−1: not a per-unit item). */
  readonly driver: Int32Array;
  readonly drivers: Codes<string>;
  readonly unitsPerDriver: Float64Array;
  readonly rounding: Uint8Array;
  /** Code into `escalators`: the escalator's rate or index name (absent: the rate 0). */
  readonly escalator: Int32Array;
  readonly escalators: Codes<string | number>;
  /** 1 when the item has an escalator. */
  readonly hasEscalator: Uint8Array;
  /** 1 when the item lists the restricted funds that may pay it. */
  readonly hasFunds: Uint8Array;
  /** A series' amounts as [year index, cents] in the record's key order (years outside the horizon kept, to report them). */
  readonly series: (readonly (readonly [number, number])[] | undefined)[];
}

const centsCache = new WeakMap<Money, number>();
/** @internal Whole cents (half-up) of a Money, kept per Money (Money is immutable). */
export function centsOf(m: Money): number {
  let c = centsCache.get(m);
  if (c === undefined) {
    c = m.toCents("half-up");
    centsCache.set(m, c);
  }
  return c;
}

/** @internal A series' amounts: [year index, cents] in the record's key order. */
export function seriesCents(amounts: Readonly<Record<string, Money>>, first: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [k, v] of Object.entries(amounts)) out.push([Number(k) - first, centsOf(v)]);
  return out;
}

function allocate(items: readonly LineItem[], categories: Codes<string>, drivers: Codes<string>, escalators: Codes<string | number>): ItemTable {
  const k = items.length;
  return {
    items,
    ids: new Array<string>(k),
    kind: new Uint8Array(k),
    category: new Int32Array(k),
    categories,
    school: new Int32Array(k),
    eRate: new Uint8Array(k),
    baseCents: new Float64Array(k),
    priceYear: new Int32Array(k),
    start: new Int32Array(k),
    end: new Int32Array(k),
    every: new Int32Array(k),
    driver: new Int32Array(k),
    drivers,
    unitsPerDriver: new Float64Array(k),
    rounding: new Uint8Array(k),
    escalator: new Int32Array(k),
    escalators,
    hasEscalator: new Uint8Array(k),
    hasFunds: new Uint8Array(k),
    series: new Array<readonly (readonly [number, number])[] | undefined>(k),
  };
}

/** Compiles item `it` into row `i`. */
function compileRow(t: ItemTable, i: number, it: LineItem, schoolIndex: ReadonlyMap<string, number>, first: number, last: number): void {
  t.ids[i] = it.id;
  t.category[i] = t.categories.code(it.category);
  t.school[i] = it.school === undefined ? -1 : (schoolIndex.get(it.school) ?? -1);
  t.eRate[i] = it.eRate === "C1" ? ERATE_C1 : it.eRate === "C2" ? ERATE_C2 : ERATE_NONE;
  const e = it.escalator;
  t.escalator[i] = t.escalators.code(e === undefined ? 0 : typeof e === "number" ? e : e.index);
  t.hasEscalator[i] = e === undefined ? 0 : 1;
  t.hasFunds[i] = it.funds === undefined ? 0 : 1;
  t.priceYear[i] = it.priceYear ?? first;
  t.driver[i] = -1;
  t.unitsPerDriver[i] = 1;
  switch (it.kind) {
    case "series":
      t.kind[i] = SERIES;
      t.baseCents[i] = Number.NaN;
      t.series[i] = seriesCents(it.amounts, first);
      t.start[i] = first;
      t.end[i] = last;
      t.every[i] = 1;
      return;
    case "one-time":
      t.kind[i] = ONE_TIME;
      t.baseCents[i] = centsOf(it.amount);
      t.start[i] = it.year;
      t.end[i] = it.year;
      t.every[i] = 1;
      return;
    case "recurring":
      t.kind[i] = RECURRING;
      t.baseCents[i] = centsOf(it.amount);
      break;
    case "per-unit":
      t.kind[i] = PER_UNIT;
      t.baseCents[i] = centsOf(it.unitCost);
      t.driver[i] = t.drivers.code(it.driver);
      t.unitsPerDriver[i] = it.unitsPerDriver;
      t.rounding[i] = it.unitRounding === "nearest" ? ROUND_NEAREST : it.unitRounding === "up" ? ROUND_UP : ROUND_NONE;
      break;
  }
  t.start[i] = it.startYear ?? first;
  t.end[i] = it.endYear ?? last;
  t.every[i] = it.everyYears;
}

/** Copies row `j` of `from` into row `i` of `to` (the code lists of `to` extend those of `from`). */
function copyRow(to: ItemTable, i: number, from: ItemTable, j: number): void {
  to.ids[i] = from.ids[j]!;
  to.kind[i] = from.kind[j]!;
  to.category[i] = from.category[j]!;
  to.school[i] = from.school[j]!;
  to.eRate[i] = from.eRate[j]!;
  to.baseCents[i] = from.baseCents[j]!;
  to.priceYear[i] = from.priceYear[j]!;
  to.start[i] = from.start[j]!;
  to.end[i] = from.end[j]!;
  to.every[i] = from.every[j]!;
  to.driver[i] = from.driver[j]!;
  to.unitsPerDriver[i] = from.unitsPerDriver[j]!;
  to.rounding[i] = from.rounding[j]!;
  to.escalator[i] = from.escalator[j]!;
  to.hasEscalator[i] = from.hasEscalator[j]!;
  to.hasFunds[i] = from.hasFunds[j]!;
  to.series[i] = from.series[j];
}

/** Copies rows [0, count) of `from` into `to` at once. */
function copyPrefix(to: ItemTable, from: ItemTable, count: number): void {
  to.kind.set(from.kind.subarray(0, count));
  to.category.set(from.category.subarray(0, count));
  to.school.set(from.school.subarray(0, count));
  to.eRate.set(from.eRate.subarray(0, count));
  to.baseCents.set(from.baseCents.subarray(0, count));
  to.priceYear.set(from.priceYear.subarray(0, count));
  to.start.set(from.start.subarray(0, count));
  to.end.set(from.end.subarray(0, count));
  to.every.set(from.every.subarray(0, count));
  to.driver.set(from.driver.subarray(0, count));
  to.unitsPerDriver.set(from.unitsPerDriver.subarray(0, count));
  to.rounding.set(from.rounding.subarray(0, count));
  to.escalator.set(from.escalator.subarray(0, count));
  to.hasEscalator.set(from.hasEscalator.subarray(0, count));
  to.hasFunds.set(from.hasFunds.subarray(0, count));
  for (let i = 0; i < count; i++) {
    to.series[i] = from.series[i];
    to.ids[i] = from.ids[i]!;
  }
}

const byModel = new WeakMap<BudgetModel, ItemTable>();

/** @internal School id → index in the district (the index an item's `school` column holds). */
export function schoolIndexOf(model: BudgetModel): Map<string, number> {
  return new Map(model.district.schools.map((s, i) => [s.id, i]));
}

/** @internal The table of the model's own items (compiled on first use, then kept with the model). */
export function modelItemTable(model: BudgetModel): ItemTable {
  const items = model.budget.lineItems;
  const hit = byModel.get(model);
  if (hit !== undefined && hit.items === items && hit.items.length === items.length) return hit;
  const first = model.budget.firstYear;
  const last = first + model.budget.years - 1;
  const t = allocate(items, new Codes(), new Codes(), new Codes());
  const schools = schoolIndexOf(model);
  for (let i = 0; i < items.length; i++) compileRow(t, i, items[i]!, schools, first, last);
  byModel.set(model, t);
  return t;
}

/**
 * @internal The table of a scenario's items: the model's own when the levers left the list as it
 * is (the same item objects in the same order); otherwise a new table, rows of the model's own
 * items copied and the others (changed or added by levers) compiled.
 */
export function itemTableOf(model: BudgetModel, items: readonly LineItem[]): ItemTable {
  const base = modelItemTable(model);
  const own = base.items;
  if (items === own) return base;
  let prefix = 0;
  const limit = Math.min(own.length, items.length);
  while (prefix < limit && own[prefix] === items[prefix]) prefix++;
  if (prefix === own.length && prefix === items.length) return base;
  const t = allocate(items, base.categories.copy(), base.drivers.copy(), base.escalators.copy());
  copyPrefix(t, base, prefix);
  const first = model.budget.firstYear;
  const last = first + model.budget.years - 1;
  let rowOf: Map<LineItem, number> | undefined;
  let schools: Map<string, number> | undefined;
  for (let i = prefix; i < items.length; i++) {
    const it = items[i]!;
    if (rowOf === undefined) {
      rowOf = new Map();
      for (let j = prefix; j < own.length; j++) rowOf.set(own[j]!, j);
    }
    const j = rowOf.get(it);
    if (j !== undefined) copyRow(t, i, base, j);
    else compileRow(t, i, it, (schools ??= schoolIndexOf(model)), first, last);
  }
  return t;
}
