import { Dec, Money } from "@districtkit/core";
import { type Fraction, mulFraction, mulRound, ONE, toFraction } from "../internal/cents.js";
import { ONE_DEC as DEC_ONE, type Effective, type RemovedWindow, rateAdjustOf, scaleOf } from "../scenario/applyLevers.js";
import type { LineItem } from "../schema/lineItem.js";
import type { DriverTable } from "./drivers.js";
import type { ProjectionWarning } from "./types.js";

/** @internal Costs of every item × year, in whole cents. Index: item × years + yearIndex. */
export interface CostTable {
  readonly items: readonly LineItem[];
  readonly n: number;
  readonly cost: Float64Array;
  /** Units (per-unit items), NaN otherwise. */
  readonly units: Float64Array;
  /** Escalated unit price / amount of the year before scaling, in cents (NaN where not applicable). */
  readonly price: Float64Array;
  /** School index per item (−1: district-wide). */
  readonly school: Int32Array;
  /** Exact scale factor per item (1 when no lever scales it). */
  readonly scale: readonly Dec[];
  /** The escalator rate per item in its last year (NaN: flat, no escalator), for explanations. */
  readonly lastRates: Float64Array;
  readonly warnings: ProjectionWarning[];
}

const rateFractions = new Map<number, Fraction>();
function growth(rate: number): Fraction {
  let f = rateFractions.get(rate);
  if (!f) {
    f = toFraction(new Dec(rate).plus(1));
    rateFractions.set(rate, f);
  }
  return f;
}

/** @internal The escalator rate of an item for the growth into fiscal year `year`. */
export function rateOf(eff: Effective, item: LineItem, year: number, adj: Adjust = rateAdjustOf(eff, item)): number {
  const d = adj.delta;
  if (d === undefined) return baseRateOf(eff, item, year, adj);
  const r = baseRateOf(eff, item, year, adj) + d;
  return r <= -1 ? -0.99 : +r.toFixed(12);
}
type Adjust = ReturnType<typeof rateAdjustOf>;

const indexCache = new WeakMap<object, Map<number, number>>();
function indexRate(idx: Readonly<Record<string, number>>, year: number): number {
  let c = indexCache.get(idx);
  if (!c) {
    c = new Map();
    indexCache.set(idx, c);
  }
  const hit = c.get(year);
  if (hit !== undefined) return hit;
  let best: number | undefined;
  let bestYear = -Infinity;
  for (const [k, v] of Object.entries(idx)) {
    const y = Number(k);
    if (y <= year && y > bestYear) {
      best = v;
      bestYear = y;
    }
  }
  c.set(year, best ?? 0);
  return best ?? 0;
}

const centsCache = new WeakMap<Money, number>();
function centsOf(m: Money): number {
  let c = centsCache.get(m);
  if (c === undefined) {
    c = m.toCents("half-up");
    centsCache.set(m, c);
  }
  return c;
}

function baseRateOf(eff: Effective, item: LineItem, year: number, adj: Adjust): number {
  const o = adj.override;
  if (o !== undefined) return o;
  const e = item.escalator;
  if (e === undefined) return 0;
  if (typeof e === "number") return e;
  const idx = eff.model.budget.escalators[e.index];
  if (idx === undefined) return 0;
  if (typeof idx === "number") return idx;
  return indexRate(idx, year);
}

/** The escalator of an item as a Map key: its rate, or its index name (a string never equals a number). */
function escalatorKey(item: LineItem): string | number {
  const e = item.escalator;
  return e === undefined ? 0 : typeof e === "number" ? e : e.index;
}

/** Rate tables by escalator, override and delta (nested Maps: no key text built per item). */
type RateTable = { from: number; rates: number[]; fractions: Fraction[] };
class RateTables {
  readonly #plain = new Map<string | number, RateTable>();
  readonly #adjusted = new Map<string | number, Map<number | undefined, Map<number | undefined, RateTable>>>();
  get(item: LineItem, adj: Adjust): RateTable | undefined {
    const k = escalatorKey(item);
    if (adj.override === undefined && adj.delta === undefined) return this.#plain.get(k);
    return this.#adjusted.get(k)?.get(adj.override)?.get(adj.delta);
  }
  set(item: LineItem, adj: Adjust, table: RateTable): void {
    const k = escalatorKey(item);
    if (adj.override === undefined && adj.delta === undefined) {
      this.#plain.set(k, table);
      return;
    }
    let byOverride = this.#adjusted.get(k);
    if (!byOverride) this.#adjusted.set(k, (byOverride = new Map()));
    let byDelta = byOverride.get(adj.override);
    if (!byDelta) byOverride.set(adj.override, (byDelta = new Map()));
    byDelta.set(adj.delta, table);
  }
}

/**
 * @internal Per-item values that do not change between scenarios, for the model's own items
 * (index i of `model.budget.lineItems`), kept per model: whole cents of the unit cost or amount,
 * the school index, and a series' amounts as year indexes and cents. An item a lever changed or
 * added is a new object and is read directly.
 */
interface Compiled {
  readonly baseCents: Float64Array;
  readonly school: Int32Array;
  readonly series: (readonly [number, number][] | undefined)[];
  readonly done: Uint8Array;
}
const compiledByModel = new WeakMap<object, Compiled>();
function compiledOf(model: Effective["model"]): Compiled {
  let c = compiledByModel.get(model);
  if (!c) {
    const k = model.budget.lineItems.length;
    c = { baseCents: new Float64Array(k), school: new Int32Array(k), series: new Array(k), done: new Uint8Array(k) };
    compiledByModel.set(model, c);
  }
  return c;
}

/** A series' amounts inside the horizon: [year index, cents] in the record's key order (years outside are kept as −1 to report them). */
function seriesCents(item: LineItem & { kind: "series" }, first: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [k, v] of Object.entries(item.amounts)) out.push([Number(k) - first, centsOf(v)]);
  return out;
}

function inWindow(ws: readonly RemovedWindow[], year: number): boolean {
  for (const w of ws) if (year >= w.from && year <= w.to) return true;
  return false;
}

/** @internal Computes every cell's cost. */
export function computeCosts(eff: Effective, drivers: DriverTable, detail = true): CostTable {
  const { budget, district } = eff.model;
  const n = budget.years;
  const first = budget.firstYear;
  const items = eff.items;
  const cost = new Float64Array(items.length * n);
  // units and prices are kept only for line-item explanations
  const units = detail ? new Float64Array(items.length * n).fill(Number.NaN) : new Float64Array(0);
  const price = detail ? new Float64Array(items.length * n).fill(Number.NaN) : new Float64Array(0);
  const scales: Dec[] = [];
  const lastRates = new Float64Array(items.length).fill(Number.NaN);
  const schoolOf = new Int32Array(items.length);
  const warnings: ProjectionWarning[] = [];
  const schoolIndex = new Map(district.schools.map((s, i) => [s.id, i]));
  const atEnd = budget.options.escalationRounding === "at-end";
  const rateTables = new RateTables();
  const modelItems = eff.model.budget.lineItems;
  const compiled = compiledOf(eff.model);
  const driverCache = new Map<string, (number | undefined)[][]>();
  const last = first + n - 1;

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const sc = scaleOf(eff, item);
    scales.push(sc);
    const scale = sc === DEC_ONE || sc.eq(1) ? ONE : toFraction(sc);
    const base = i * n;
    let anyInHorizon = false;
    // fiscal years in which a lever removes this item's cost (a windowed remove, a plan that replaces it)
    const windows = eff.removedYears.size === 0 ? undefined : eff.removedYears.get(item.id);
    const own = i < modelItems.length && modelItems[i] === item; // the model's own item, unchanged by levers
    if (own && compiled.done[i] === 0) {
      compiled.school[i] = item.school === undefined ? -1 : schoolIndex.get(item.school)!;
      if (item.kind === "series") compiled.series[i] = seriesCents(item, first);
      else compiled.baseCents[i] = centsOf(item.kind === "per-unit" ? item.unitCost : item.amount);
      compiled.done[i] = 1;
    }
    if (item.kind === "series") {
      schoolOf[i] = own ? compiled.school[i]! : item.school === undefined ? -1 : schoolIndex.get(item.school)!;
      const amounts = own ? compiled.series[i]! : seriesCents(item, first);
      for (const [yi, cents] of amounts) {
        if (yi < 0 || yi >= n) continue;
        anyInHorizon = true;
        if (windows !== undefined && inWindow(windows, first + yi)) continue;
        if (detail) price[base + yi] = cents;
        cost[base + yi] = mulFraction(cents, scale);
      }
      if (!anyInHorizon && amounts.length > 0) warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) has no amount inside FY${first}–FY${last} in this scenario` });
      if (item.escalator !== undefined)
        warnings.push({
          code: "series-escalator-ignored",
          message: `${item.name} (${item.id}) is a series of nominal yearly amounts: its escalator is not applied (the engine that produced the series priced each year)`,
        });
      continue;
    }
    const priceYear = item.priceYear ?? first;
    const baseCents = own ? compiled.baseCents[i]! : centsOf(item.kind === "per-unit" ? item.unitCost : item.amount);
    const adj = rateAdjustOf(eff, item);
    const exactBase = item.kind === "per-unit" ? item.unitCost : item.amount;
    const start = item.kind === "one-time" ? item.year : (item.startYear ?? first);
    const end = item.kind === "one-time" ? item.year : (item.endYear ?? last);
    const every = item.kind === "one-time" ? 1 : item.everyYears;
    const school = own ? compiled.school[i]! : item.school === undefined ? -1 : schoolIndex.get(item.school)!;
    schoolOf[i] = school;
    // escalate year by year from the price year (rates memoised per escalator, override and delta)
    let table = rateTables.get(item, adj);
    if (!table) {
      table = { from: Math.min(priceYear, first) + 1, rates: [], fractions: [] };
      for (let yy = table.from; yy <= last; yy++) {
        const r = rateOf(eff, item, yy, adj);
        table.rates.push(r);
        table.fractions.push(r === 0 ? ONE : growth(r));
      }
      rateTables.set(item, adj, table);
    } else if (priceYear + 1 < table.from) {
      table = { from: priceYear + 1, rates: [], fractions: [] };
      for (let yy = table.from; yy <= last; yy++) {
        const r = rateOf(eff, item, yy, adj);
        table.rates.push(r);
        table.fractions.push(r === 0 ? ONE : growth(r));
      }
    }
    const tbl = table;
    let driverSeries: (number | undefined)[] | undefined;
    if (item.kind === "per-unit") {
      let bySchool = driverCache.get(item.driver);
      if (!bySchool) {
        bySchool = [];
        driverCache.set(item.driver, bySchool);
      }
      driverSeries = bySchool[school + 1];
      if (!driverSeries) {
        driverSeries = new Array<number | undefined>(n);
        for (let yi = 0; yi < n; yi++) driverSeries[yi] = drivers.value(item.driver, school, yi);
        bySchool[school + 1] = driverSeries;
      }
    }
    let p = baseCents;
    let exact = atEnd ? exactBase.toDecimal() : null;
    let y = priceYear;
    let lastRate = tbl.rates[Math.max(first, priceYear + 1) - tbl.from] ?? 0;

    for (let yi = 0; yi < n; yi++) {
      const year = first + yi;
      while (y < year) {
        y++;
        const r = tbl.rates[y - tbl.from]!;
        lastRate = r;
        if (r !== 0) {
          if (exact) exact = exact.times(new Dec(r).plus(1));
          else {
            const f = tbl.fractions[y - tbl.from]!;
            p = mulRound(p, f.num, f.den);
          }
        }
      }
      if (year < start || year > end || (year - start) % every !== 0) continue;
      anyInHorizon = true;
      if (windows !== undefined && inWindow(windows, year)) continue;
      const unitPrice = exact ? exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP).times(100).toNumber() : p;
      if (detail) price[base + yi] = unitPrice;
      if (item.kind === "per-unit") {
        const raw = driverSeries![yi];
        if (raw === undefined) {
          warnings.push({
            code: "missing-driver-value",
            message: `${item.name} (${item.id}): driver "${item.driver}" has no value${school >= 0 ? ` for ${item.school}` : ""} in FY${year}; counted as 0`,
          });
          if (detail) units[base + yi] = 0;
          continue;
        }
        const x = raw * item.unitsPerDriver;
        const u = item.unitRounding === "nearest" ? Math.floor(x + 0.5) : item.unitRounding === "up" ? Math.ceil(x - 1e-9) : x;
        if (detail) units[base + yi] = u;
        if (exact || item.unitRounding === "none") {
          const e = (exact ?? new Dec(p).div(100)).times(u).times(sc);
          cost[base + yi] = Money.of(e).toCents("half-up");
        } else cost[base + yi] = mulFraction(mulRound(p, u, 1), scale);
      } else if (exact) cost[base + yi] = Money.of(exact.times(sc)).toCents("half-up");
      else cost[base + yi] = mulFraction(p, scale);
    }
    lastRates[i] = lastRate === 0 && item.escalator === undefined && adj.override === undefined && adj.delta === undefined ? Number.NaN : lastRate;
    if (!anyInHorizon) warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) does not run inside FY${first}–FY${last} in this scenario` });
  }
  return { items, n, cost, units, price, school: schoolOf, scale: scales, lastRates, warnings };
}
