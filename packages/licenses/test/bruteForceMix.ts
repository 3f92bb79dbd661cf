// Brute-force reference for the full covering model on tiny one-product markets: every set of site
// licences (school × block), then every vector of seat quantities (one per seat contract: option ×
// block), each quantity from 0 to a bound past which holding more seats never helps. A vector is
// feasible when, every year, every set of roles gets at least its pooled demand from the contracts
// that can serve it (Hall's condition for the transport of seats to roles): paid seats of a role
// contract serve its role, of an `any` contract every role, earned free seats ⌊free × paid / per⌋
// only their role. A contract's cost is the cheapest of its variants (yearly, prepaid) at exactly
// that quantity. Shares only the price compilation with the optimizer, not its search.

import { purchase } from "../src/internal/curve.js";
import { compileModel, demandAt } from "../src/internal/model.js";
import { licensePlanInputSchema } from "../src/schema.js";

const ROLE_BITS: Record<string, number> = { student: 1, teacher: 2, staff: 4, any: 7 };

export function bruteForceMixCost(raw: unknown, maxVectors = 400_000): number {
  const input = licensePlanInputSchema.parse(raw);
  const m = compileModel(input);
  if (m.products.length !== 1 || m.bundles.length > 0) return Number.NaN;
  const p = m.products[0]!;
  if (p.districts.length > 0 || p.concurrent.length > 0) return Number.NaN;
  const { Y, S } = m;
  const need = p.demandMask & ~p.committedMask;
  const years = Array.from({ length: Y }, (_, t) => t).filter((t) => (need >> t) & 1);
  // site bits: school × site variant × block
  const sites: { s: number; mask: number; cost: number }[] = [];
  for (const v of p.sites) {
    v.blocks.forEach((bl, bi) => {
      for (let s = 0; s < S; s++) {
        const per = v.perSchool[s];
        if (!per || !Number.isFinite(per.cost[bi]!)) continue;
        let ok = true;
        for (const t of bl.years) {
          if (t >= Y) continue;
          let n = 0;
          for (let r = 0; r < 3; r++) n += demandAt(p, Y, s, r, t);
          if (n > v.maxSeats) ok = false;
        }
        if (ok) sites.push({ s, mask: bl.mask, cost: per.cost[bi]! });
      }
    });
  }
  if (sites.length > 6) return Number.NaN;
  // seat contracts with their exact cost at each quantity
  const cols = p.seatColumns
    .filter((c) => c.years.some((t) => t < Y && (need >> t) & 1))
    .map((c) => {
      const serve = ROLE_BITS[c.key]!;
      let top = 0;
      let total = 0;
      for (const t of c.years) {
        if (t >= Y) continue;
        let n = 0;
        for (let s = 0; s < S; s++) for (let r = 0; r < 3; r++) if ((serve >> r) & 1 || (c.entitlement && c.entitlement.role === r)) n += demandAt(p, Y, s, r, t);
        total = Math.max(total, n);
      }
      const e = c.entitlement;
      if (e) total = Math.max(total, Math.ceil((total * e.per) / e.free));
      top = total;
      for (const v of c.variants) {
        const sch = v.schedules[v.blocks[c.block]!.years[0]!]!;
        top = Math.max(top, sch.min, ...sch.tiers.map((x) => x.from), sch.type === 3 ? Math.ceil(total / sch.packSize) * sch.packSize : 0);
      }
      const cost = Array.from({ length: top + 1 }, (_, q) => {
        if (q === 0) return 0;
        let best = Number.POSITIVE_INFINITY;
        for (const v of c.variants) {
          const bl = v.blocks[c.block]!;
          let x = 0;
          for (const t of bl.years) x += (v.prepaid ? m.weight(bl.years[0]!) : m.weight(t)) * purchase(v.schedules[t]!, q);
          if (x < best) best = x;
        }
        return best;
      });
      return { serve, years: c.years, free: e, cost };
    });
  let vectors = 1;
  for (const c of cols) vectors *= c.cost.length;
  if (vectors * 2 ** sites.length > maxVectors) return Number.NaN;
  let best = Number.POSITIVE_INFINITY;
  for (let set = 0; set < 2 ** sites.length; set++) {
    let siteCost = 0;
    const sited = new Uint8Array(S * Y);
    sites.forEach((x, k) => {
      if (!((set >> k) & 1)) return;
      siteCost += x.cost;
      for (let t = 0; t < Y; t++) if ((x.mask >> t) & 1) sited[x.s * Y + t] = 1;
    });
    if (siteCost >= best) continue;
    const pooled = years.map((t) =>
      [0, 1, 2].map((r) => {
        let n = 0;
        for (let s = 0; s < S; s++) if (!sited[s * Y + t]) n += demandAt(p, Y, s, r, t);
        return n;
      }),
    );
    const q = new Array<number>(cols.length).fill(0);
    const feasible = (): boolean =>
      years.every((t, k) => {
        const supplies: { mask: number; n: number }[] = [];
        cols.forEach((c, j) => {
          if (!c.years.includes(t) || q[j] === 0) return;
          supplies.push({ mask: c.serve, n: q[j]! });
          if (c.free) supplies.push({ mask: 1 << c.free.role, n: Math.floor((c.free.free * q[j]!) / c.free.per) });
        });
        for (let R = 1; R < 8; R++) {
          let want = 0;
          for (let r = 0; r < 3; r++) if ((R >> r) & 1) want += pooled[k]![r]!;
          let have = 0;
          for (const x of supplies) if (x.mask & R) have += x.n;
          if (have < want) return false;
        }
        return true;
      });
    const rec = (j: number, acc: number): void => {
      if (acc >= best) return;
      if (j === cols.length) {
        if (feasible()) best = acc;
        return;
      }
      const c = cols[j]!;
      for (let x = 0; x < c.cost.length; x++) {
        q[j] = x;
        rec(j + 1, acc + c.cost[x]!);
      }
      q[j] = 0;
    };
    rec(0, siteCost);
  }
  return best;
}
