// A multi-year seat commitment beside yearly seat options and one-year site licences (the shape
// commit.ts describes) on few schools, solved exactly by enumeration: every committed quantity q
// and, in every year, every set of schools taking their site licence.
//
// How (in plain words):
// - A year's site sets matter only through the seats they leave to the pool R and what they cost
//   c: the sets are enumerated once (2^n for n schools that choose) and only the cheapest cost for
//   each R is kept, then only the pairs no other beats on both (fewer seats left and cheaper).
// - The yearly seats' exact cost g(k) (the year's cheapest mix, buying up allowed) is tabulated for
//   every k up to the year's demand.
// - Then for every q from 0 to the largest yearly demand, the plan with q committed seats costs
//   C(q) + Σ_t min over the year's pairs of (c + g(max(0, R − q))): the cheapest q is the optimum.
// It runs only when that work (pairs × quantities, over the years) is within a budget, so it is
// exact and fast on few schools — where the relaxation's search can stall on the schools'
// integrality (a cost nearly flat in q).
// References in the tests: commitLp.prop.test.ts (equal to enumeration of every quantity and every
// site set, priced from scratch), commit.prop.test.ts (its tiny markets are answered here; equal to
// test/bruteForceMix.ts to the cent) and optimize.multiYear.test.ts (6-school markets equal to HiGHS).
import type { YearSchools } from "./dpPool.js";
import type { Mix } from "./mix.js";

/** Most work (pairs × quantities, summed over the years) the enumeration may do. */
export const ENUM_WORK = 20_000_000;
/** Most schools that choose, in any year. */
export const ENUM_SCHOOLS = 12;

/** One year: fixed costs, the schools that choose, the yearly mix. */
export interface EnumYear {
  readonly base: number;
  readonly schools: YearSchools;
  readonly mix: Mix;
}

/** The cheapest site cost for each number of seats left to the pool, as undominated pairs. */
function frontier(s: YearSchools): { R: Int32Array; c: Float64Array } {
  const n = s.F.length;
  const best = new Map<number, number>();
  for (let mask = 0; mask < 1 << n; mask++) {
    let R = s.N0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      if ((mask >> i) & 1) c += s.F[i]!;
      else R += s.d[i]!;
    }
    const old = best.get(R);
    if (old === undefined || c < old) best.set(R, c);
  }
  // by seats left, ascending: keep a pair only when it is cheaper than every pair leaving fewer
  const keys = [...best.keys()].sort((a, b) => a - b);
  const R: number[] = [];
  const c: number[] = [];
  let cheapest = Number.POSITIVE_INFINITY;
  for (const k of keys) {
    const v = best.get(k)!;
    if (v < cheapest) {
      cheapest = v;
      R.push(k);
      c.push(v);
    }
  }
  return { R: Int32Array.from(R), c: Float64Array.from(c) };
}

/**
 * The cheapest committed quantity and its cost (the years of the term only), or null when the
 * work would exceed the budget. `commitCost(q)` is what q committed seats cost over the term.
 */
export function enumerateCommitment(years: readonly EnumYear[], qTop: number, commitCost: (q: number) => number): { q: number; cost: number } | null {
  if (years.some((y) => y.schools.F.length > ENUM_SCHOOLS)) return null;
  const fronts = years.map((y) => frontier(y.schools));
  let work = 0;
  for (const f of fronts) work += f.R.length * (qTop + 1);
  if (work > ENUM_WORK) return null;
  // each year's yearly seats at exact cost, for every count up to its demand
  const g = years.map((y, k) => {
    const f = fronts[k]!;
    const top = f.R.length > 0 ? f.R[f.R.length - 1]! : 0;
    const out = new Float64Array(top + 1);
    for (let x = 1; x <= top; x++) out[x] = y.mix.eval(x);
    return out;
  });
  let bestQ = -1;
  let best = Number.POSITIVE_INFINITY;
  for (let q = 0; q <= qTop; q++) {
    let cost = q > 0 ? commitCost(q) : 0;
    for (let k = 0; k < years.length && cost < best; k++) {
      const { R, c } = fronts[k]!;
      const gk = g[k]!;
      let yc = Number.POSITIVE_INFINITY;
      for (let i = 0; i < R.length; i++) {
        const need = R[i]! - q;
        const v = c[i]! + (need > 0 ? gk[need]! : 0);
        if (v < yc) yc = v;
      }
      cost += years[k]!.base + yc;
    }
    if (cost < best) {
      best = cost;
      bestQ = q;
    }
  }
  return bestQ < 0 ? null : { q: bestQ, cost: best };
}
