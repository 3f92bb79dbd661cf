import { Dec, Money } from "@districtkit/core";
import { type Fraction, mulFraction, mulRound, ONE, toFraction } from "../internal/cents.js";
import { ONE_DEC as DEC_ONE, type Effective, NO_ADJUST, type RemovedWindow, rateAdjustOf, scaleOf } from "../scenario/applyLevers.js";
import type { LineItem } from "../schema/lineItem.js";
import type { DriverTable } from "./drivers.js";
import { type ItemTable, itemTableOf, PER_UNIT, ROUND_NEAREST, ROUND_NONE, ROUND_UP, SERIES } from "./itemTable.js";
import type { ProjectionWarning } from "./types.js";

/** @internal Costs of every item × year, in whole cents. Index: item × years + yearIndex. */
export interface CostTable {
  readonly items: readonly LineItem[];
  /** The items' fields as columns (codes for categories, E-Rate categories…). */
  readonly table: ItemTable;
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

type Adjust = ReturnType<typeof rateAdjustOf>;

/** @internal The escalator rate of an item for the growth into fiscal year `year`. */
export function rateOf(eff: Effective, item: LineItem, year: number, adj: Adjust = rateAdjustOf(eff, item)): number {
  return rateFor(eff, escalatorKey(item), year, adj);
}

/** The rate of an escalator (its key: a rate, or an index name) for the growth into `year`, with a lever's adjustment. */
function rateFor(eff: Effective, key: string | number, year: number, adj: Adjust): number {
  const d = adj.delta;
  if (d === undefined) return baseRateFor(eff, key, year, adj);
  const r = baseRateFor(eff, key, year, adj) + d;
  return r <= -1 ? -0.99 : +r.toFixed(12);
}

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

/** An item without an escalator has the key 0: the same rate as an escalator of 0. */
function baseRateFor(eff: Effective, key: string | number, year: number, adj: Adjust): number {
  const o = adj.override;
  if (o !== undefined) return o;
  if (typeof key === "number") return key;
  const idx = eff.model.budget.escalators[key];
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
  get(k: string | number, adj: Adjust): RateTable | undefined {
    if (adj.override === undefined && adj.delta === undefined) return this.#plain.get(k);
    return this.#adjusted.get(k)?.get(adj.override)?.get(adj.delta);
  }
  set(k: string | number, adj: Adjust, table: RateTable): void {
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

/** The rates (and growth factors) of an escalator for the growth into each year from `from` to `last`. */
function rateTable(eff: Effective, key: string | number, from: number, last: number, adj: Adjust): RateTable {
  const table: RateTable = { from, rates: [], fractions: [] };
  for (let yy = from; yy <= last; yy++) {
    const r = rateFor(eff, key, yy, adj);
    table.rates.push(r);
    table.fractions.push(r === 0 ? ONE : growth(r));
  }
  return table;
}

function inWindow(ws: readonly RemovedWindow[], year: number): boolean {
  for (const w of ws) if (year >= w.from && year <= w.to) return true;
  return false;
}

type Scale = { readonly dec: Dec; readonly fraction: Fraction };
const NO_SCALE: Scale = { dec: DEC_ONE, fraction: ONE };

/**
 * @internal Computes every cell's cost.
 *
 * How it works: the items' fields are read from their columns (itemTable.ts), not from the item
 * objects. What the levers do to an item is worked out once per kind of item rather than once per
 * item when no lever names an item and none added one: a scale factor then depends only on the
 * item's category and school, an inflation adjustment only on its category and escalator.
 * Prices are escalated year by year from the price year with each escalator's table of yearly
 * growth factors (kept per escalator and adjustment), in whole cents rounded half-up each year
 * (or exactly, rounded at the end, when the budget says so). The simple form this replaces reads
 * every field from the item objects; it is the reference in costs.prop.test.ts, and a property
 * asks both for the same table to the cent.
 */
export function computeCosts(eff: Effective, drivers: DriverTable, detail = true): CostTable {
  const { budget, district } = eff.model;
  const n = budget.years;
  const first = budget.firstYear;
  const last = first + n - 1;
  const items = eff.items;
  const t = itemTableOf(eff.model, items);
  const cost = new Float64Array(items.length * n);
  // units and prices are kept only for line-item explanations
  const units = detail ? new Float64Array(items.length * n).fill(Number.NaN) : new Float64Array(0);
  const price = detail ? new Float64Array(items.length * n).fill(Number.NaN) : new Float64Array(0);
  const scales = new Array<Dec>(items.length);
  const lastRates = new Float64Array(items.length).fill(Number.NaN);
  const warnings: ProjectionWarning[] = [];
  const atEnd = budget.options.escalationRounding === "at-end";
  const rateTables = new RateTables();
  const escalators = t.escalators.values;
  // driver values per driver code: one row of n years per school (row school + 1), made when first needed (NaN: no value)
  const S = district.schools.length + 1;
  const driverValues = t.drivers.values.map(() => new Float64Array(S * n));
  const driverDone = t.drivers.values.map(() => new Uint8Array(S));
  // what levers do, per kind of item, when no lever names an item or added one (else per item)
  const scaleByKind = eff.addedAt.size === 0 && eff.scaleRules.every((r) => r.item === undefined);
  const adjustByKind = eff.addedAt.size === 0 && eff.inflationRules.every((r) => r.item === undefined);
  const E = escalators.length;
  const scaleMemo = new Map<number, Scale>();
  const adjustMemo = new Map<number, Adjust>();
  const scaleOfRow = (i: number): Scale => {
    if (eff.scaleRules.length === 0) return NO_SCALE;
    const key = t.category[i]! * S + t.school[i]! + 1;
    let s = scaleByKind ? scaleMemo.get(key) : undefined;
    if (s === undefined) {
      const dec = scaleOf(eff, items[i]!);
      s = dec === DEC_ONE || dec.eq(1) ? { dec, fraction: ONE } : { dec, fraction: toFraction(dec) };
      if (scaleByKind) scaleMemo.set(key, s);
    }
    return s;
  };
  // the adjustment of an item, and its rate table, by kind of item: no inflation lever, the
  // escalator alone decides; else its category and escalator (when adjustByKind)
  const noInflation = eff.inflationRules.length === 0;
  const kindKey = (i: number): number => (noInflation ? t.escalator[i]! : adjustByKind ? t.category[i]! * E + t.escalator[i]! : -1);
  const adjustOfRow = (i: number, key: number): Adjust => {
    if (noInflation) return NO_ADJUST;
    if (key < 0) return rateAdjustOf(eff, items[i]!);
    let a = adjustMemo.get(key);
    if (a === undefined) {
      a = rateAdjustOf(eff, items[i]!);
      adjustMemo.set(key, a);
    }
    return a;
  };
  const tableMemo = new Map<number, RateTable>();

  for (let i = 0; i < items.length; i++) {
    const s = scaleOfRow(i);
    const sc = s.dec;
    const scale = s.fraction;
    scales[i] = sc;
    const base = i * n;
    let anyInHorizon = false;
    // fiscal years in which a lever removes this item's cost (a windowed remove, a plan that replaces it)
    const windows = eff.removedYears.size === 0 ? undefined : eff.removedYears.get(items[i]!.id);
    const kind = t.kind[i]!;
    if (kind === SERIES) {
      const amounts = t.series[i]!;
      for (const [yi, cents] of amounts) {
        if (yi < 0 || yi >= n) continue;
        anyInHorizon = true;
        if (windows !== undefined && inWindow(windows, first + yi)) continue;
        if (detail) price[base + yi] = cents;
        cost[base + yi] = mulFraction(cents, scale);
      }
      if (!anyInHorizon && amounts.length > 0) {
        const item = items[i]!;
        warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) has no amount inside FY${first}–FY${last} in this scenario` });
      }
      if (t.hasEscalator[i] === 1) {
        const item = items[i]!;
        warnings.push({
          code: "series-escalator-ignored",
          message: `${item.name} (${item.id}) is a series of nominal yearly amounts: its escalator is not applied (the engine that produced the series priced each year)`,
        });
      }
      continue;
    }
    const priceYear = t.priceYear[i]!;
    const kk = kindKey(i);
    const adj = adjustOfRow(i, kk);
    const start = t.start[i]!;
    const end = t.end[i]!;
    const every = t.every[i]!;
    const school = t.school[i]!;
    // escalate year by year from the price year (rates memoised per escalator, override and delta)
    const key = escalators[t.escalator[i]!]!;
    let tbl = kk < 0 ? rateTables.get(key, adj) : tableMemo.get(kk);
    if (!tbl) {
      tbl = rateTables.get(key, adj);
      if (!tbl) {
        tbl = rateTable(eff, key, Math.min(priceYear, first) + 1, last, adj);
        rateTables.set(key, adj, tbl);
      }
      if (kk >= 0) tableMemo.set(kk, tbl);
    }
    if (priceYear + 1 < tbl.from) tbl = rateTable(eff, key, priceYear + 1, last, adj);
    const perUnit = kind === PER_UNIT;
    let driverSeries: Float64Array | undefined;
    const row = (school + 1) * n;
    if (perUnit) {
      const d = t.driver[i]!;
      driverSeries = driverValues[d]!;
      if (driverDone[d]![school + 1] === 0) {
        const name = t.drivers.values[d]!;
        for (let yi = 0; yi < n; yi++) driverSeries[row + yi] = drivers.value(name, school, yi) ?? Number.NaN;
        driverDone[d]![school + 1] = 1;
      }
    }
    const rounding = t.rounding[i]!;
    const perDriver = t.unitsPerDriver[i]!;
    let p = t.baseCents[i]!;
    let exact: Dec | null = null;
    if (atEnd) {
      const item = items[i]! as LineItem & { kind: "per-unit" | "recurring" | "one-time" };
      exact = (item.kind === "per-unit" ? item.unitCost : item.amount).toDecimal();
    }
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
      if (perUnit) {
        const raw = driverSeries![row + yi]!;
        if (raw !== raw) {
          const item = items[i]! as LineItem & { kind: "per-unit" };
          warnings.push({
            code: "missing-driver-value",
            message: `${item.name} (${item.id}): driver "${item.driver}" has no value${school >= 0 ? ` for ${item.school}` : ""} in FY${year}; counted as 0`,
          });
          if (detail) units[base + yi] = 0;
          continue;
        }
        const x = raw * perDriver;
        const u = rounding === ROUND_NEAREST ? Math.floor(x + 0.5) : rounding === ROUND_UP ? Math.ceil(x - 1e-9) : x;
        if (detail) units[base + yi] = u;
        if (exact || rounding === ROUND_NONE) {
          const e = (exact ?? new Dec(p).div(100)).times(u).times(sc);
          cost[base + yi] = Money.of(e).toCents("half-up");
        } else cost[base + yi] = mulFraction(mulRound(p, u, 1), scale);
      } else if (exact) cost[base + yi] = Money.of(exact.times(sc)).toCents("half-up");
      else cost[base + yi] = mulFraction(p, scale);
    }
    lastRates[i] = lastRate === 0 && t.hasEscalator[i] === 0 && adj.override === undefined && adj.delta === undefined ? Number.NaN : lastRate;
    if (!anyInHorizon) {
      const item = items[i]!;
      warnings.push({ code: "item-outside-horizon", message: `${item.name} (${item.id}) does not run inside FY${first}–FY${last} in this scenario` });
    }
  }
  return { items, table: t, n, cost, units, price, school: t.school, scale: scales, lastRates, warnings };
}
