import { Dec } from "@districtkit/core";
import { mulFraction, toFraction } from "../internal/cents.js";
import { fyStart, shiftDate } from "../internal/dates.js";
import { FlowGraph, UNLIMITED } from "../internal/flow.js";
import type { Effective } from "../scenario/applyLevers.js";
import type { Fund } from "../schema/fund.js";
import type { CostTable } from "./costs.js";
import type { DriverTable } from "./drivers.js";

/** @internal One award of a restricted fund, in cents. */
export interface Tranche {
  readonly fund: number;
  readonly id: string;
  readonly awardYear: number | null;
  readonly amount: number;
  readonly availableFrom: string;
  readonly obligateBy: string;
  readonly liquidateBy: string;
  readonly carryover: { readonly capPercent: number; readonly after: string } | null;
  rank: number;
  /** Cents used per year index. */
  readonly used: Float64Array;
}

/** @internal A demand node: one year × category × set of eligible funds. */
export interface Demand {
  readonly yi: number;
  readonly category: string;
  readonly funds: readonly number[];
  amount: number;
  readonly items: number[];
  /** Cents paid per tranche index. */
  readonly paid: Map<number, number>;
  rule: "no-eligible-fund" | "outside-window" | "funds-exhausted" | null;
}

/** @internal The outcome of the fund assignment. */
export interface Assignment {
  readonly restricted: readonly Fund[];
  readonly tranches: readonly Tranche[];
  readonly demands: readonly Demand[];
  /** Restricted flow in cents (= what restricted funds pay). */
  readonly flow: number;
  readonly obligationDay: string;
}

function obligationDate(eff: Effective, year: number): string {
  const cal = eff.model.district.calendar;
  const od = eff.model.budget.options.obligationDay;
  const start = fyStart(year, cal);
  if (!od) return start;
  const startYear = Number(start.slice(0, 4));
  const calYear = od.month >= cal.startMonth ? startYear : startYear + 1;
  const lastDay = new Date(Date.UTC(calYear, od.month, 0)).getUTCDate();
  return `${String(calYear).padStart(4, "0")}-${String(od.month).padStart(2, "0")}-${String(Math.min(od.day, lastDay)).padStart(2, "0")}`;
}

/** @internal Expands restricted funds into tranches (annual allocations become one award a year). */
export function expandTranches(eff: Effective, restricted: readonly Fund[], drivers: DriverTable): Tranche[] {
  const { budget, district } = eff.model;
  const n = budget.years;
  const last = budget.firstYear + n - 1;
  const out: Tranche[] = [];
  restricted.forEach((f, fi) => {
    const sc = eff.fundScale.get(f.id);
    const scale = sc ? toFraction(sc) : null;
    const amountOf = (cents: number): number => (scale ? mulFraction(cents, scale) : cents);
    (f.tranches ?? []).forEach((t, ti) => {
      out.push({
        fund: fi,
        id: t.id ?? `${f.id}#${ti + 1}`,
        awardYear: t.awardYear ?? null,
        amount: amountOf(t.amount.toCents()),
        availableFrom: t.availableFrom,
        obligateBy: t.obligateBy,
        liquidateBy: t.liquidateBy ?? shiftDate(t.obligateBy, 0, 120),
        carryover: t.carryover ?? null,
        rank: 0,
        used: new Float64Array(n),
      });
    });
    if (f.annual) {
      const a = f.annual;
      for (let y = a.firstYear; y <= Math.min(a.lastYear ?? last, last); y++) {
        const yi = y - budget.firstYear;
        let cents: number;
        if (a.amount) cents = a.amount.toCents();
        else {
          const students = yi >= 0 ? Math.floor(drivers.students[yi]! + 0.5) : district.schools.reduce((s, x) => s + x.students, 0);
          cents = a.perStudent!.toDecimal().times(students).times(100).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
        }
        const start = fyStart(y, district.calendar);
        const obligateBy = shiftDate(start, a.windowMonths, -1);
        out.push({
          fund: fi,
          id: `${f.id}-FY${y}`,
          awardYear: y,
          amount: amountOf(cents),
          availableFrom: start,
          obligateBy,
          liquidateBy: shiftDate(obligateBy, 0, 120),
          carryover: null,
          rank: 0,
          used: new Float64Array(n),
        });
      }
    }
  });
  const order = out.map((_, i) => i);
  const expiry = eff.model.budget.options.fundOrder === "expiry-first";
  order.sort((a, b) => {
    const ta = out[a]!;
    const tb = out[b]!;
    const pa = restricted[ta.fund]!.preference;
    const pb = restricted[tb.fund]!.preference;
    const byExpiry = ta.obligateBy < tb.obligateBy ? -1 : ta.obligateBy > tb.obligateBy ? 1 : 0;
    return (expiry ? byExpiry || pa - pb : pa - pb || byExpiry) || ta.fund - tb.fund || (ta.availableFrom < tb.availableFrom ? -1 : ta.availableFrom > tb.availableFrom ? 1 : 0) || a - b;
  });
  order.forEach((ti, rank) => (out[ti]!.rank = rank));
  return out;
}

/**
 * @internal Assigns the district share of every cell to restricted funds exactly (min-cost max
 * flow: the largest restricted coverage, i.e. the smallest general-fund draw; ties broken by
 * expiry/preference, then earlier years). What restricted funds do not pay falls to the general fund.
 */
export function assignFunds(eff: Effective, costs: CostTable, eRatePaid: Float64Array, drivers: DriverTable, keepItems = true): Assignment {
  const { budget } = eff.model;
  const n = budget.years;
  const restricted = eff.funds.filter((f) => f.kind !== "general" && f.kind !== "erate");
  const tranches = expandTranches(eff, restricted, drivers);
  const dates = Array.from({ length: n }, (_, yi) => obligationDate(eff, budget.firstYear + yi));

  // demand groups: year × category × eligible fund set
  const byItemList = restricted.some((f) => (f.eligibleItems ?? []).length > 0);
  // each fund's eligible items as a set: a fund may list thousands, looked up once per item
  const eligibleItems = restricted.map((f) => new Set(f.eligibleItems ?? []));
  const eligibleFor = (it: (typeof costs.items)[number]): number[] =>
    restricted
      .map((f, fi) => ({ f, fi }))
      .filter(({ f, fi }) => ((f.eligibleCategories ?? []).includes(it.category) || eligibleItems[fi]!.has(it.id)) && (it.funds === undefined || it.funds.includes(f.id)))
      .map(({ fi }) => fi);
  // the items' categories as codes (itemTable.ts): an item object is read only when it lists funds
  const t = costs.table;
  const categories = t.categories.values;
  const byCategory: (number[] | undefined)[] = [];
  const itemFunds: number[][] = new Array<number[]>(costs.items.length);
  for (let i = 0; i < costs.items.length; i++) {
    if (byItemList || t.hasFunds[i] === 1) {
      itemFunds[i] = eligibleFor(costs.items[i]!);
      continue;
    }
    const c = t.category[i]!;
    itemFunds[i] = byCategory[c] ??= eligibleFor(costs.items[i]!);
  }
  // group = category × eligible fund set, numbered in first-seen order; looked up by category and
  // list object first (items of one category share one list), by the list's text only once per pair
  const groups = new Map<string, number>();
  const keyOf = new Map<number[], string>();
  const byPair: (Map<number[], number> | undefined)[] = [];
  const itemGroup = new Int32Array(costs.items.length);
  for (let i = 0; i < costs.items.length; i++) {
    const c = t.category[i]!;
    const list = itemFunds[i]!;
    let byList = byPair[c];
    if (!byList) byPair[c] = byList = new Map();
    let g = byList.get(list);
    if (g === undefined) {
      let fk = keyOf.get(list);
      if (fk === undefined) {
        fk = list.join(",");
        keyOf.set(list, fk);
      }
      const key = `${categories[c]!}|${fk}`;
      g = groups.get(key);
      if (g === undefined) {
        g = groups.size;
        groups.set(key, g);
      }
      byList.set(list, g);
    }
    itemGroup[i] = g;
  }
  const G = groups.size;
  const demands: Demand[] = [];
  const byKey: (Demand | undefined)[] = new Array<Demand | undefined>(G * n);
  for (let i = 0; i < costs.items.length; i++) {
    for (let yi = 0; yi < n; yi++) {
      const d = costs.cost[i * n + yi]! - eRatePaid[i * n + yi]!; // the district share
      if (d <= 0) continue;
      const key = yi * G + itemGroup[i]!;
      let dm = byKey[key];
      if (!dm) {
        dm = { yi, category: categories[t.category[i]!]!, funds: itemFunds[i]!, amount: 0, items: [], paid: new Map(), rule: null };
        byKey[key] = dm;
        demands.push(dm);
      }
      dm.amount += d;
      if (keepItems) dm.items.push(i);
    }
  }

  const g = new FlowGraph();
  const S = g.node();
  const T = g.node();
  const tNode = tranches.map(() => g.node());
  const sourceArcs = tranches.map((t, ti) => g.arc(S, tNode[ti]!, t.amount, 0));
  void sourceArcs;
  const carryNode = tranches.map((t, ti) => {
    if (!t.carryover) return -1;
    const c = g.node();
    const capCents = Math.floor(new Dec(t.amount).times(t.carryover.capPercent).div(100).toNumber());
    g.arc(tNode[ti]!, c, capCents, 0);
    return c;
  });
  const capNodes = tranches.map((t, ti) => {
    const caps = restricted[t.fund]!.categoryCaps ?? [];
    return caps.map((cap) => {
      const c = g.node();
      g.arc(tNode[ti]!, c, Math.floor(new Dec(t.amount).times(cap.maxPercent).div(100).toNumber()), 0);
      return { node: c, categories: new Set(cap.categories) };
    });
  });
  const arcs: { demand: number; tranche: number; arc: number }[] = [];
  const byFund = new Map<number, number[]>();
  tranches.forEach((t, ti) => {
    const list = byFund.get(t.fund);
    if (list) list.push(ti);
    else byFund.set(t.fund, [ti]);
  });
  demands.forEach((dm, di) => {
    if (dm.funds.length === 0) {
      dm.rule = "no-eligible-fund";
      return;
    }
    const date = dates[dm.yi]!;
    let node = -1;
    for (const fi of dm.funds) {
      for (const ti of byFund.get(fi) ?? []) {
        const t = tranches[ti]!;
        if (date < t.availableFrom || date > t.obligateBy) continue;
        if (node < 0) {
          node = g.node();
          g.arc(node, T, dm.amount, 0);
        }
        const cap = capNodes[ti]!.find((c) => c.categories.has(dm.category));
        const from = cap ? cap.node : t.carryover && date > t.carryover.after ? carryNode[ti]! : tNode[ti]!;
        arcs.push({ demand: di, tranche: ti, arc: g.arc(from, node, UNLIMITED, t.rank * (n + 1) + dm.yi) });
      }
    }
    if (node < 0) dm.rule = "outside-window";
  });
  const [flow] = arcs.length > 0 ? g.solve(S, T) : [0];
  for (const a of arcs) {
    const f = g.flow(a.arc);
    if (f <= 0) continue;
    const dm = demands[a.demand]!;
    dm.paid.set(a.tranche, (dm.paid.get(a.tranche) ?? 0) + f);
    tranches[a.tranche]!.used[dm.yi] = tranches[a.tranche]!.used[dm.yi]! + f;
  }
  for (const dm of demands) {
    if (dm.rule !== null) continue;
    let p = 0;
    for (const v of dm.paid.values()) p += v;
    if (p < dm.amount) dm.rule = "funds-exhausted";
  }
  return {
    restricted,
    tranches,
    demands,
    flow,
    obligationDay: budget.options.obligationDay ? `${budget.options.obligationDay.month}/${budget.options.obligationDay.day}` : "the first day of each fiscal year",
  };
}
