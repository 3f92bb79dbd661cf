// Independent checks of a plan: does it cover every demand cell, and what do simple heuristics
// (one option alone per product; greedy site-or-seats) cost on the same instance.
import { Money } from "@districtkit/core";
import type { LicensePlanResult } from "../src/optimize.js";
import { escalatedPrice, optionSeatCost } from "../src/pricing.js";
import { type LicensePlanInput, licensePlanInputSchema, type PricingOption } from "../src/schema.js";

export function checkCoverage(raw: unknown, plan: LicensePlanResult): string[] {
  const input = licensePlanInputSchema.parse(raw);
  const problems: string[] = [];
  const full = (pid: string, fy: number): boolean =>
    plan.purchases.some((p) => ["district", "concurrent", "bundle", "committed"].includes(p.kind) && p.productIds.includes(pid) && p.fiscalYears.includes(fy));
  const site = (pid: string, sid: string, fy: number): boolean => plan.purchases.some((p) => p.kind === "site" && p.productIds[0] === pid && p.schoolId === sid && p.fiscalYears.includes(fy));
  const pooled = new Map<string, number>(); // pid|fy|role → seats
  for (const d of input.demand) {
    if (d.seats === 0 || full(d.productId, d.fiscalYear) || site(d.productId, d.schoolId, d.fiscalYear)) continue;
    const k = `${d.productId}|${d.fiscalYear}|${d.role}`;
    pooled.set(k, (pooled.get(k) ?? 0) + d.seats);
  }
  // every year, every set of roles gets its pooled seats from the seat purchases that can serve it
  // (Hall's condition): paid seats serve their role (or every role for `any`), earned free seats
  // ⌊free × paid / per⌋ only theirs
  const ROLE_BITS: Record<string, number> = { student: 1, teacher: 2, staff: 4, any: 7 };
  const names = ["student", "teacher", "staff"];
  const cells = new Set([...pooled.keys()].map((k) => k.split("|").slice(0, 2).join("|")));
  for (const cell of cells) {
    const [pid, fyText] = cell.split("|") as [string, string];
    const fy = Number(fyText);
    const supplies: { mask: number; n: number }[] = [];
    for (const p of plan.purchases) {
      if (p.kind !== "seat" || p.productIds[0] !== pid || !p.fiscalYears.includes(fy)) continue;
      const n = p.seatsBought ?? 0;
      supplies.push({ mask: ROLE_BITS[p.role ?? "any"]!, n });
      const o = input.options.find((x) => x.id === p.optionId);
      if (o && o.kind === "seat" && o.entitlement) supplies.push({ mask: ROLE_BITS[o.entitlement.role]!, n: Math.floor((o.entitlement.freeSeats * n) / o.entitlement.perPaidSeats) });
    }
    for (let R = 1; R < 8; R++) {
      let want = 0;
      for (let r = 0; r < 3; r++) if ((R >> r) & 1) want += pooled.get(`${pid}|${fy}|${names[r]}`) ?? 0;
      if (want === 0) continue;
      let have = 0;
      for (const x of supplies) if (x.mask & R) have += x.n;
      if (have < want) problems.push(`${pid}|${fy}|${names.filter((_, r) => (R >> r) & 1).join("+")}: ${want} pooled, ${have} bought`);
    }
  }
  return problems;
}

function blocksOf(o: PricingOption, Y: number): number[][] {
  const out: number[][] = [];
  for (let s = 0; s < Y; s += o.termYears) out.push(Array.from({ length: o.termYears }, (_, k) => s + k));
  return out;
}

function total(input: LicensePlanInput, pid: string, t: number, roles?: readonly string[]): number {
  return input.demand.filter((d) => d.productId === pid && d.fiscalYear === input.firstYear + t && (!roles || roles.includes(d.role))).reduce((a, d) => a + d.seats, 0);
}

/** Cost (cents) of covering product `pid` with option `o` alone, or Infinity. */
function alone(input: LicensePlanInput, pid: string, o: PricingOption): number {
  const Y = input.years;
  const roles = [...new Set(input.demand.filter((d) => d.productId === pid && d.seats > 0).map((d) => d.role))];
  let cost = Money.ZERO;
  for (const block of blocksOf(o, Y)) {
    const inH = block.filter((t) => t < Y);
    if (inH.every((t) => total(input, pid, t) === 0)) continue;
    if (o.kind === "seat") {
      if (o.role !== "any" && (roles.length > 1 || roles[0] !== o.role)) return Number.POSITIVE_INFINITY;
      const need = Math.max(...inH.map((t) => total(input, pid, t)));
      const candidates = [need, ...(o.schedule.type === "allUnits" ? o.schedule.tiers.map((x) => x.from).filter((f) => f > need) : [])];
      let best: Money | null = null;
      for (const q of candidates) {
        let c = Money.ZERO;
        let ok = true;
        for (const t of block) {
          const v = optionSeatCost(o, q, t);
          if (v === null) ok = false;
          else c = c.add(v.roundToCents());
        }
        if (ok && (best === null || c.lessThan(best))) best = c;
      }
      if (best === null) return Number.POSITIVE_INFINITY;
      cost = cost.add(best);
    } else if (o.kind === "site") {
      for (const s of input.schools) {
        const any = inH.some((t) => input.demand.some((d) => d.productId === pid && d.schoolId === s.id && d.fiscalYear === input.firstYear + t && d.seats > 0));
        if (!any) continue;
        for (const t of block) cost = cost.add(escalatedPrice(o.price!, o.escalator, t, o.escalatorRounding).roundToCents());
      }
    } else if (o.kind === "district" && o.pricing.type === "flat") {
      for (const t of block) cost = cost.add(escalatedPrice(o.pricing.price, o.escalator, t, o.escalatorRounding).roundToCents());
    } else return Number.POSITIVE_INFINITY;
  }
  return cost.toCents();
}

/** Heuristic plan costs in cents (each a feasible plan of the same model). */
export function heuristicCosts(raw: unknown): number[] {
  const input = licensePlanInputSchema.parse(raw);
  const Y = input.years;
  // 1. cheapest single option per product
  let single = 0;
  for (const p of input.products) {
    const opts = input.options.filter((o) => o.kind !== "bundle" && o.productId === p.id);
    single += Math.min(...opts.map((o) => alone(input, p.id, o)));
  }
  const out = [single];
  // 2. greedy per product and year: the first seat option as the pool, a site licence wherever
  // its price is below the pool's list price × the school's seats (1-year options only)
  let greedy = 0;
  for (const p of input.products) {
    const seat = input.options.find((o) => o.kind === "seat" && o.productId === p.id && o.role === "any" && o.termYears === 1);
    const site = input.options.find((o) => o.kind === "site" && o.productId === p.id && o.termYears === 1);
    if (!seat || seat.kind !== "seat") return out;
    for (let t = 0; t < Y; t++) {
      const D = total(input, p.id, t);
      if (D === 0) continue;
      const listPrice = (optionSeatCost(seat, D, t) ?? Money.ZERO).divide(Math.max(1, D));
      let pooledSeats = 0;
      for (const s of input.schools) {
        const n = input.demand.filter((d) => d.productId === p.id && d.schoolId === s.id && d.fiscalYear === input.firstYear + t).reduce((a, d) => a + d.seats, 0);
        if (n === 0) continue;
        const price = site && site.kind === "site" ? escalatedPrice(site.price!, site.escalator, t, site.escalatorRounding).roundToCents() : null;
        if (price && price.lessThan(listPrice.multiply(n))) greedy += price.toCents();
        else pooledSeats += n;
      }
      if (pooledSeats > 0) {
        const candidates = [pooledSeats, ...(seat.schedule.type === "allUnits" ? seat.schedule.tiers.map((x) => x.from).filter((f) => f > pooledSeats) : [])];
        greedy += Math.min(...candidates.map((q) => optionSeatCost(seat, q, t)?.toCents() ?? Number.POSITIVE_INFINITY));
      }
    }
  }
  out.push(greedy);
  return out;
}
