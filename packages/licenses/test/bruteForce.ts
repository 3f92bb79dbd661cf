// Brute-force reference for tiny instances: enumerate every set of contracts (bundle, district,
// site at each school, seat option) block by block, then every way of serving each year's pooled
// seats (one option per role, or one `any` option for all roles), buy each seat contract's
// quantity by scanning every quantity from the need upward. Shares only the price compilation
// with the optimizer, not its search.

import { purchase } from "../src/internal/curve.js";
import { compileModel, demandAt, type FlatVariant, type SeatVariant, type SiteVariant } from "../src/internal/model.js";
import { licensePlanInputSchema } from "../src/schema.js";

interface Bit {
  readonly kind: "bundle" | "district" | "site" | "seat";
  readonly product: number[];
  readonly mask: number;
  readonly cost: number;
  readonly school?: number;
  readonly seat?: { v: SeatVariant; block: number };
  readonly site?: SiteVariant;
  readonly block: number;
}

export function bruteForceCost(raw: unknown): number {
  const input = licensePlanInputSchema.parse(raw);
  const m = compileModel(input);
  const Y = m.Y;
  const S = m.S;
  const bits: Bit[] = [];
  const pIndex = (id: string): number => m.products.findIndex((p) => p.id === id);
  for (const b of m.bundles as FlatVariant[]) {
    if (b.option.kind !== "bundle") continue;
    const ps = b.option.productIds.map(pIndex);
    b.blocks.forEach((bl, bi) => Number.isFinite(b.cost[bi]!) && bits.push({ kind: "bundle", product: ps, mask: bl.mask, cost: b.cost[bi]!, block: bi }));
  }
  for (const p of m.products) {
    for (const v of p.districts) v.blocks.forEach((bl, bi) => Number.isFinite(v.cost[bi]!) && bits.push({ kind: "district", product: [p.index], mask: bl.mask, cost: v.cost[bi]!, block: bi }));
    for (const v of p.sites) {
      v.blocks.forEach((bl, bi) => {
        for (let s = 0; s < S; s++) {
          const per = v.perSchool[s];
          if (!per || !Number.isFinite(per.cost[bi]!)) continue;
          let ok = true;
          let any = false;
          for (const t of bl.years) {
            if (t >= Y) continue;
            let n = 0;
            for (let r = 0; r < 3; r++) n += demandAt(p, Y, s, r, t);
            if (n > v.maxSeats) ok = false;
            if (n > 0) any = true;
          }
          if (ok && any) bits.push({ kind: "site", product: [p.index], mask: bl.mask, cost: per.cost[bi]!, school: s, site: v, block: bi });
        }
      });
    }
    for (const v of p.seats) v.blocks.forEach((bl, bi) => bits.push({ kind: "seat", product: [p.index], mask: bl.mask, cost: 0, seat: { v, block: bi }, block: bi }));
  }
  if (bits.length > 14) return Number.NaN;
  let best = Number.POSITIVE_INFINITY;
  for (let set = 0; set < 2 ** bits.length; set++) {
    const on = bits.filter((_, k) => (set >> k) & 1);
    let cost = on.reduce((a, b) => a + b.cost, 0);
    if (cost >= best) continue;
    let ok = true;
    for (const p of m.products) {
      const need = p.demandMask & ~p.committedMask;
      let full = 0;
      for (const b of on) if ((b.kind === "bundle" || b.kind === "district") && b.product.includes(p.index)) full |= b.mask;
      // pooled residual per year and role
      const years = Array.from({ length: Y }, (_, t) => t).filter((t) => (need >> t) & 1 && !((full >> t) & 1));
      const residual = years.map((t) =>
        [0, 1, 2].map((r) => {
          let n = 0;
          for (let s = 0; s < S; s++) {
            const sited = on.some((b) => b.kind === "site" && b.product[0] === p.index && b.school === s && (b.mask >> t) & 1);
            if (!sited) n += demandAt(p, Y, s, r, t);
          }
          return n;
        }),
      );
      const seats = on.filter((b) => b.kind === "seat" && b.product[0] === p.index);
      // every way to serve each year: one any-option for all roles, or one role-option per role
      const perYear: { serve: number[]; need: number[] }[][] = years.map((t, j) => {
        const res = residual[j]!;
        const active = seats.map((b, k) => ({ b, k })).filter(({ b }) => (b.mask >> t) & 1);
        const out: { serve: number[]; need: number[] }[] = [];
        if (res.every((x) => x === 0)) return [{ serve: [], need: [] }];
        for (const { b, k } of active) if (b.seat!.v.key === "any") out.push({ serve: [k], need: [res[0]! + res[1]! + res[2]!] });
        const roleChoices: { k: number; n: number }[][] = [0, 1, 2].map((r) =>
          res[r] === 0 ? [{ k: -1, n: 0 }] : active.filter(({ b }) => b.seat!.v.key === ["student", "teacher", "staff"][r]).map(({ k }) => ({ k, n: res[r]! })),
        );
        for (const a of roleChoices[0]!)
          for (const b of roleChoices[1]!)
            for (const c of roleChoices[2]!) {
              const serve: number[] = [];
              const n: number[] = [];
              for (const x of [a, b, c])
                if (x.k >= 0) {
                  serve.push(x.k);
                  n.push(x.n);
                }
              out.push({ serve, need: n });
            }
        return out;
      });
      // mode rule: a multi-year any-option forces the any-mode in its years, a role one the role-mode
      let bestP = Number.POSITIVE_INFINITY;
      const rec = (j: number, needBy: number[]): void => {
        if (j === years.length) {
          let c = 0;
          seats.forEach((b, k) => {
            const n = needBy[k]!;
            if (n === 0) return;
            const { v, block } = b.seat!;
            const bl = v.blocks[block]!;
            let cheapest = Number.POSITIVE_INFINITY;
            const lastStart = v.schedules[bl.years[0]!]!.tiers.reduce((a, t) => Math.max(a, t.from), 0);
            for (let q = n; q <= Math.max(n, lastStart); q++) {
              let cq = 0;
              for (const t of bl.years) cq += (v.prepaid ? m.weight(bl.years[0]!) : m.weight(t)) * purchase(v.schedules[t]!, q);
              if (cq < cheapest) cheapest = cq;
            }
            c += cheapest;
          });
          bestP = Math.min(bestP, c);
          return;
        }
        for (const opt of perYear[j]!) {
          const t = years[j]!;
          // a multi-year seat contract switched on serves its key in every year of its block
          const forced = seats.map((b, k) => ({ b, k })).filter(({ b }) => b.seat!.v.multiYear && (b.mask >> t) & 1);
          if (forced.some(({ k }) => !opt.serve.includes(k)) && opt.serve.length > 0) continue;
          if (forced.length > 0 && opt.serve.length === 0) {
            /* nothing pooled this year */
          }
          const next = [...needBy];
          opt.serve.forEach((k, i) => (next[k] = Math.max(next[k]!, opt.need[i]!)));
          rec(j + 1, next);
        }
      };
      rec(
        0,
        seats.map(() => 0),
      );
      if (!Number.isFinite(bestP)) {
        ok = false;
        break;
      }
      cost += bestP;
    }
    if (ok && cost < best) best = cost;
  }
  return best;
}
