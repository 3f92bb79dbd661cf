// The schools of one product-year as the one-pool solvers (grouped.ts, dpPool.ts) see them: a
// school with demand of a role outside the pool must take its cheapest site licence (fixed); one
// without a site licence pools all its seats (N0); the others choose between their cheapest site
// licence (price F) and pooling their seats (d). Only the cheapest site licence of a school
// matters when it takes one, so this is exact.

import type { YearSchools } from "./dpPool.js";
import { demandAt, type Model, type ProductModel, ROLE_COUNT, type SiteVariant } from "./model.js";
import type { Choice } from "./solved.js";

/** The schools of one year that choose between a site licence and the pool (parallel arrays). */
export interface FreeSchools {
  readonly s: Int32Array;
  readonly v: readonly SiteVariant[];
  readonly bi: Int32Array;
}

/** One year prepared: site licences that must be bought, and the schools that choose. */
export interface PreparedYear {
  readonly fixed: Choice[];
  readonly fixedCost: number;
  readonly schools: YearSchools;
  readonly idx: FreeSchools;
}

/** The year's schools for a pool of `roles` (null when a school can be covered by nothing). */
export function prepareYear(m: Model, p: ProductModel, t: number, roles: readonly number[], siteChoice: (v: SiteVariant, block: number, s: number) => Choice): PreparedYear | null {
  const Y = m.Y;
  const fixed: Choice[] = [];
  let fixedCost = 0;
  const F = new Float64Array(m.S);
  const d = new Float64Array(m.S);
  const idxS = new Int32Array(m.S);
  const idxB = new Int32Array(m.S);
  const idxV: SiteVariant[] = [];
  let n = 0;
  let N0 = 0;
  const pooledRole = [0, 1, 2].map((r) => roles.includes(r));
  const siteBlocks = p.sites.map((v) => v.blocks.findIndex((b) => b.years[0] === t));
  for (let s = 0; s < m.S; s++) {
    let total = 0;
    let pooled = 0;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const x = demandAt(p, Y, s, r, t);
      total += x;
      if (pooledRole[r]) pooled += x;
    }
    if (total === 0) continue;
    let bestK = -1;
    let bestCost = 0;
    for (let k = 0; k < p.sites.length; k++) {
      const v = p.sites[k]!;
      const per = v.perSchool[s];
      if (!per || total > v.maxSeats) continue;
      const bi = siteBlocks[k]!;
      if (bi < 0 || !Number.isFinite(per.cost[bi]!)) continue;
      if (bestK < 0 || per.cost[bi]! < bestCost) {
        bestK = k;
        bestCost = per.cost[bi]!;
      }
    }
    if (pooled < total) {
      if (bestK < 0) return null;
      fixedCost += bestCost;
      fixed.push(siteChoice(p.sites[bestK]!, siteBlocks[bestK]!, s));
      continue;
    }
    if (bestK < 0) N0 += pooled;
    else {
      F[n] = bestCost;
      d[n] = pooled;
      idxS[n] = s;
      idxB[n] = siteBlocks[bestK]!;
      idxV.push(p.sites[bestK]!);
      n++;
    }
  }
  return { fixed, fixedCost, schools: { F: F.subarray(0, n), d: d.subarray(0, n), N0 }, idx: { s: idxS, v: idxV, bi: idxB } };
}
