// The line-item table of a projection, built on demand.
//
// How it works: the engine already holds every cell (item × year) in whole cents in typed arrays
// (its cost, units and unit price, what E-Rate paid). What is left is who pays each cell: the
// sequential fill of every restricted demand over its items, computed here once, eagerly, into
// two flat arrays (fund index, cents) with one contiguous range per cell — not one small array
// per cell. Each `ProjectionLine` then carries its item's scalar fields and total at once, and
// its `years` (ten `LineYear` objects a line: Money amounts, a by-fund record and a sentence) are
// built the first time they are read, by an own, enumerable getter that keeps what it built:
// reading, `JSON.stringify`, `structuredClone` and deep equality see the same plain values as
// before.
//
// Why it is fast: a district of 100,000 items over ten years has a million cells. Building every
// cell's objects and sentence for two scenarios kept some two million objects and strings alive
// at once, and garbage collection of that heap grew faster than the data (×20–30 from 10,000 to
// 100,000 items). Most callers of a large projection read its tables and a few lines; a line
// read costs what it did, once. `compareProjections` reads the cents directly (see `lineCents`).
import type { Money } from "@districtkit/core";
import { dollars, money as m, moneyOnce } from "../internal/cents.js";
import { removedIn } from "../scenario/applyLevers.js";
import type { Core } from "./core.js";
import type { LineYear, ProjectionLine } from "./types.js";

/** @internal Who pays each cell: E-Rate (from the E-Rate pass) first, then the range `[start[k], start[k] + count[k])` of the flat arrays, in fill order. */
export interface FundSplit {
  /** The E-Rate fund index of each item (−1: none). */
  readonly eRateFund: Int32Array;
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly fund: Int32Array;
  readonly cents: Float64Array;
}

/** @internal The fund split of every cell: restricted awards in rank order filled item by item inside each demand, the rest to the general fund. */
export function fundSplit(core: Core): FundSplit {
  const { n, costs, er, asg, fundIndex, gfIndex } = core;
  const cells = costs.cost.length;
  const c1 = er.c1FundId === null ? -1 : fundIndex.get(er.c1FundId)!;
  const c2 = er.c2FundId === null ? -1 : fundIndex.get(er.c2FundId)!;
  const eRateFund = new Int32Array(costs.items.length);
  for (let i = 0; i < costs.items.length; i++) eRateFund[i] = costs.items[i]!.eRate === "C1" ? c1 : c2;
  const start = new Int32Array(cells);
  const count = new Int32Array(cells);
  let fund = new Int32Array(Math.max(16, cells));
  let cents = new Float64Array(Math.max(16, cells));
  let used = 0;
  const add = (k: number, f: number, v: number): void => {
    // an E-Rate fund is never a restricted or the general fund: only this cell's range can hold f
    const s = start[k]!;
    const end = s + count[k]!;
    for (let j = s; j < end; j++) {
      if (fund[j] === f) {
        cents[j] = cents[j]! + v;
        return;
      }
    }
    if (used === fund.length) {
      const f2 = new Int32Array(used * 2);
      f2.set(fund);
      fund = f2;
      const c2x = new Float64Array(used * 2);
      c2x.set(cents);
      cents = c2x;
    }
    fund[used] = f;
    cents[used] = v;
    used++;
    count[k] = count[k]! + 1;
  };
  for (const dm of asg.demands) {
    const pays = [...dm.paid]
      .filter(([, v]) => v > 0)
      .sort((a, b) => asg.tranches[a[0]]!.rank - asg.tranches[b[0]]!.rank)
      .map(([ti, v]) => ({ fund: fundIndex.get(asg.restricted[asg.tranches[ti]!.fund]!.id)!, left: v }));
    let p = 0;
    for (const i of dm.items) {
      const k = i * n + dm.yi;
      start[k] = used; // each cell is in one demand: its entries are contiguous
      let need = costs.cost[k]! - er.paid[k]!; // the district share
      while (need > 0 && p < pays.length) {
        const take = Math.min(need, pays[p]!.left);
        add(k, pays[p]!.fund, take);
        pays[p]!.left -= take;
        need -= take;
        if (pays[p]!.left === 0) p++;
      }
      if (need > 0) add(k, gfIndex, need);
    }
  }
  return { eRateFund, start, count, fund: fund.subarray(0, used), cents: cents.subarray(0, used) };
}

/** @internal Adds every cell's fund split into `[(year × school) × fund]` (last school column: district-wide). */
export function schoolFundTable(core: Core, split: FundSplit): Float64Array {
  const { n, costs, er, Sn, F } = core;
  const out = new Float64Array(n * Sn * F);
  for (let i = 0; i < costs.items.length; i++) {
    const si = costs.school[i]!;
    const s = si < 0 ? Sn - 1 : si;
    for (let yi = 0; yi < n; yi++) {
      const k = i * n + yi;
      const row = (yi * Sn + s) * F;
      const e = er.paid[k]!;
      if (e !== 0) out[row + split.eRateFund[i]!] = out[row + split.eRateFund[i]!]! + e;
      const st = split.start[k]!;
      for (let j = st; j < st + split.count[k]!; j++) out[row + split.fund[j]!] = out[row + split.fund[j]!]! + split.cents[j]!;
    }
  }
  return out;
}

/** @internal The cents behind a projection's lines, for readers that need numbers only (`compareProjections`). */
export interface LineCents {
  /** The line objects as built, in order (a reader checks it has these very lines). */
  readonly lines: readonly ProjectionLine[];
  /** Years in the horizon. */
  readonly n: number;
  /** Cost per cell: line index × n + year index. */
  readonly cost: Float64Array;
  /** Each line's total. */
  readonly total: Float64Array;
}

const centsByLines = new WeakMap<readonly ProjectionLine[], LineCents>();

/**
 * @internal The cents of a projection's lines when `lines` is exactly the list this engine built
 * (same array, same length, same line objects); otherwise undefined and the caller reads the Money.
 */
export function lineCents(lines: readonly ProjectionLine[]): LineCents | undefined {
  const c = centsByLines.get(lines);
  if (c === undefined || c.lines.length !== lines.length) return undefined;
  for (let i = 0; i < lines.length; i++) if (lines[i] !== c.lines[i]) return undefined;
  return c;
}

/** @internal The projection's lines: scalar fields now, each line's `years` on first read. */
export function projectionLines(core: Core, split: FundSplit): ProjectionLine[] {
  const { eff, n, first, costs, er, fundIds } = core;
  const items = costs.items;
  const totals = new Float64Array(items.length);
  const lines: ProjectionLine[] = new Array<ProjectionLine>(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    let total = 0;
    for (let k = i * n; k < i * n + n; k++) total += costs.cost[k]!;
    totals[i] = total;
    let years: readonly LineYear[] | undefined;
    lines[i] = {
      itemId: it.id,
      name: it.name,
      category: it.category,
      school: it.school ?? null,
      kind: it.kind,
      eRate: it.eRate,
      total: moneyOnce(total),
      get years(): readonly LineYear[] {
        return years ?? (years = lineYears(i));
      },
    };
  }
  centsByLines.set(lines, { lines: lines.slice(), n, cost: costs.cost, total: totals });
  return lines;

  function lineYears(i: number): LineYear[] {
    const it = items[i]!;
    const scaled = costs.scale[i]!.eq(1) ? "" : ` × ${costs.scale[i]!.toString()} (levers)`;
    const lr = costs.lastRates[i]!;
    const esc = lr !== lr ? "" : `, ${+(lr * 100).toFixed(4)} %/yr`;
    const eRateNote =
      it.eRate === "C1" && er.c1Percent !== null
        ? ` (E-Rate C1 pays ${er.c1Percent} %)`
        : it.eRate === "C2" && er.c2Percent !== null
          ? ` (E-Rate C2 pays ${er.c2Percent} % of what fits in the five-year C2 budget)`
          : it.eRate !== "ineligible"
            ? ` (E-Rate ${it.eRate}, but the budget has no E-Rate ${it.eRate} fund)`
            : "";
    const what = it.kind === "per-unit" ? ` ${it.driver}${it.unitsPerDriver !== 1 ? ` (× ${it.unitsPerDriver})` : ""} × ` : it.kind === "series" ? "series amount " : "amount ";
    const years: LineYear[] = new Array<LineYear>(n);
    for (let yi = 0; yi < n; yi++) {
      const k = i * n + yi;
      const cost = costs.cost[k]!;
      const u = costs.units[k]!;
      const pr = costs.price[k]!;
      const byFund = Object.create(null) as Record<string, Money>;
      let who = "";
      const e = er.paid[k]!;
      const pay = (f: number, v: number): void => {
        const id = fundIds[f]!;
        byFund[id] = m(v);
        who += `${who === "" ? "" : ", "}${id} ${dollars(v)}`;
      };
      if (e !== 0) pay(split.eRateFund[i]!, e);
      const st = split.start[k]!;
      for (let j = st; j < st + split.count[k]!; j++) pay(split.fund[j]!, split.cents[j]!);
      const year = first + yi;
      const removed = cost === 0 && pr !== pr ? removedIn(eff, it.id, year) : undefined;
      const explanation = removed
        ? `FY${year}: removed by “${removed.label}”.`
        : cost === 0 && pr !== pr
          ? `FY${year}: not scheduled.`
          : `FY${year}: ${it.kind === "per-unit" ? u : ""}${what}${dollars(pr)}${it.kind === "series" ? "" : esc}${scaled} = ${dollars(cost)}; paid by ${who || "nobody (zero)"}${cost > 0 ? eRateNote : ""}.`;
      years[yi] = { fiscalYear: year, cost: m(cost), byFund, units: u !== u ? null : u, unitCost: pr !== pr ? null : m(pr), explanation };
    }
    return years;
  }
}
