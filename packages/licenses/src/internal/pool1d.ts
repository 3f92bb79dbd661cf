// The one-pool school problem, exactly: min Σ_{sited} F_s + g(N0 + Σ_{pooled} d_s), g the pooled
// seat cost (an envelope of seat options; non-convex: cliffs, minimums, fees, packs).
//
// Split the range of the pooled quantity N into regions. On a region [x0, x1] take the secant
// slope π of g and bounds lo ≤ g(N) − πN ≤ hi. Then for every school set whose N falls in the
// region, cost = πD + Σ_{sited}(F_s − π d_s) + (g(N) − πN): its minimum over the region is at
// least lo + πD + K, where K is an exact range knapsack (sited seats in [D − x1, D − x0]). The
// knapsack's solution gives a plan (an upper bound). A region whose bound cannot beat the best
// plan is closed; otherwise it is split (at a breakpoint of g). Where g is linear on a region,
// lo = hi and bound = plan: the region is solved. This is the "regime" argument made exact.
import { Envelope } from "./curve.js";
import { rangeKnapsack, rangeKnapsackLP } from "./knapsack.js";
import type { SchoolPatterns } from "./schools.js";

export interface Pool1DResult {
  readonly cost: number;
  readonly lowerBound: number;
  readonly proven: boolean;
  /** 1 where the school takes its site licence. */
  readonly site: Uint8Array;
  readonly nodes: number;
}

export function solvePool1D(F: Float64Array, d: Float64Array, N0: number, g: Envelope, integral: boolean, maxNodes: number): Pool1DResult {
  if (g.curves.length <= 1) return solveCurve(F, d, N0, g, integral, maxNodes, Number.POSITIVE_INFINITY);
  // min over S of F(S) + min_k g_k(N) = min over k of (min over S of F(S) + g_k(N)): one curve at a time
  let best: Pool1DResult | null = null;
  let lowerBound = Number.POSITIVE_INFINITY;
  let proven = true;
  let nodes = 0;
  for (const curve of g.curves) {
    const r = solveCurve(F, d, N0, new Envelope([curve]), integral, maxNodes, best?.cost ?? Number.POSITIVE_INFINITY);
    nodes += r.nodes;
    proven &&= r.proven;
    lowerBound = Math.min(lowerBound, r.lowerBound);
    if (best === null || r.cost < best.cost) best = r;
  }
  return { ...best!, lowerBound: Math.min(lowerBound, best!.cost), proven, nodes };
}

function solveCurve(F: Float64Array, d: Float64Array, N0: number, g: Envelope, integral: boolean, maxNodes: number, incumbent: number): Pool1DResult {
  const n = F.length;
  let D = N0;
  for (let i = 0; i < n; i++) D += d[i]!;
  const cap = g.cap;
  const top = Math.min(D, cap);
  const site = new Uint8Array(n);
  const evalPlan = (take: Uint8Array): number => {
    let cost = 0;
    let N = N0;
    for (let i = 0; i < n; i++) {
      if (take[i]) cost += F[i]!;
      else N += d[i]!;
    }
    return cost + (N > 0 ? g.eval(N) : 0);
  };
  if (top < N0) return { cost: Number.POSITIVE_INFINITY, lowerBound: Number.POSITIVE_INFINITY, proven: true, site, nodes: 0 };
  if (n === 0) {
    const v = N0 > 0 ? g.eval(N0) : 0;
    return { cost: v, lowerBound: v, proven: true, site, nodes: 0 };
  }
  const curveKeys = g.curves.map((c) => c.keyPoints(top));
  const keySet = new Set<number>([N0, top]);
  for (const ks of curveKeys) for (const k of ks) if (k >= N0 && k <= top) keySet.add(k);
  // where two curves cross between keys, the envelope bends: add the crossing points
  let sorted = [...keySet].sort((a, b) => a - b);
  const linear = g.curves.filter((cv) => !cv.isPacks);
  if (linear.length > 1) {
    for (let j = 0; j + 1 < sorted.length; j++) {
      const a = sorted[j]!;
      const b = sorted[j + 1]!;
      if (b - a <= 1) continue;
      const va = linear.map((cv) => cv.eval(a));
      const vb = linear.map((cv) => cv.eval(b));
      for (let x = 0; x < linear.length; x++) {
        for (let y = x + 1; y < linear.length; y++) {
          const da = va[x]! - va[y]!;
          const db = vb[x]! - vb[y]!;
          if (!Number.isFinite(da) || !Number.isFinite(db) || da === db || Math.sign(da) === Math.sign(db)) continue;
          const cross = a + ((b - a) * da) / (da - db);
          for (const k of [Math.floor(cross), Math.floor(cross) + 1]) if (k > a && k < b) keySet.add(k);
        }
      }
    }
    sorted = [...keySet].sort((a, b) => a - b);
  }
  const eps = (v: number): number => 1e-9 * Math.abs(v) + 1e-7;
  let best = incumbent;
  let found = false;
  const bestSite = new Uint8Array(n);
  const consider = (take: Uint8Array): void => {
    const v = evalPlan(take);
    if (v < best) {
      best = v;
      found = true;
      bestSite.set(take);
    }
  };
  const closes = (bound: number): boolean => {
    if (!Number.isFinite(best)) return false;
    if (integral) return Math.ceil(bound - eps(bound)) >= best;
    return bound >= best - eps(best);
  };
  interface Region {
    x0: number;
    x1: number;
    pi: number;
    lo: number;
    hi: number;
    lp: number;
  }
  const c = new Float64Array(n);
  const region = (x0: number, x1: number): Region | null => {
    const g0 = x0 > 0 ? g.eval(x0) : 0;
    const g1 = x1 > 0 ? g.eval(x1) : 0;
    const pi = x1 > x0 ? (g1 - g0) / (x1 - x0) : 0;
    const { lo, hi } = g.regionBounds(x0, x1, pi, curveKeys);
    if (!Number.isFinite(lo)) return null;
    for (let i = 0; i < n; i++) c[i] = F[i]! - pi * d[i]!;
    const lp = lo + pi * D + rangeKnapsackLP(c, d, D - x1, D - x0);
    if (!Number.isFinite(lp)) return null;
    return { x0, x1, pi, lo, hi, lp };
  };
  let nodes = 0;
  let complete = true;
  let openBound = Number.POSITIVE_INFINITY;
  const queue: Region[] = [];
  for (let j = 0; j + 1 < sorted.length || (j === 0 && sorted.length === 1); j++) {
    const r = region(sorted[j]!, sorted[Math.min(j + 1, sorted.length - 1)]!);
    if (r) queue.push(r);
  }
  queue.sort((a, b) => b.lp - a.lp); // pop the most promising first
  while (queue.length > 0) {
    const r = queue.pop()!;
    if (closes(r.lp)) continue;
    if (nodes > maxNodes) {
      complete = false;
      openBound = Math.min(openBound, r.lp);
      continue;
    }
    nodes++;
    for (let i = 0; i < n; i++) c[i] = F[i]! - r.pi * d[i]!;
    const k = rangeKnapsack(c, d, D - r.x1, D - r.x0, Math.max(1000, maxNodes - nodes));
    nodes += k.nodes;
    if (!Number.isFinite(k.cost)) {
      if (!k.complete) {
        complete = false;
        openBound = Math.min(openBound, r.lp);
      }
      continue;
    }
    consider(k.take);
    if (!k.complete) {
      complete = false;
      openBound = Math.min(openBound, r.lp);
      continue;
    }
    const bound = r.lo + r.pi * D + k.cost;
    if (closes(bound) || r.hi - r.lo <= eps(r.hi) || r.x0 === r.x1) continue;
    // g is not linear here (packs): split at the middle, on a pack boundary
    const k0 = g.curves[0]?.packSize ?? 1;
    let split = Math.floor((r.x0 + r.x1) / 2);
    if (k0 > 1 && r.x1 - r.x0 > 2 * k0) split = Math.max(r.x0, Math.floor(split / k0) * k0);
    for (const [a, b] of [
      [r.x0, split],
      [split + 1, r.x1],
    ] as const) {
      const sub = region(a, b);
      if (sub) {
        sub.lp = Math.max(sub.lp, bound);
        queue.push(sub);
      }
    }
    queue.sort((a, b) => b.lp - a.lp);
  }
  const cost = found ? best : Number.POSITIVE_INFINITY;
  const lowerBound = complete ? best : Math.min(best, openBound);
  return { cost, lowerBound, proven: complete, site: bestSite, nodes };
}

/**
 * One pooled group in one year (one slot): each school pools its seats or takes its cheapest site
 * licence; the schools that can do either are solved by solvePool1D.
 */
export function solveOneSlot(
  schools: readonly SchoolPatterns[],
  g: Envelope,
  integral: boolean,
  maxNodes: number,
): { cost: number; lowerBound: number; proven: boolean; choice: Int32Array; nodes: number } {
  const choice = new Int32Array(schools.length);
  const free: number[] = [];
  const poolIdx: number[] = [];
  const siteIdx: number[] = [];
  let N0 = 0;
  let fixed = 0;
  schools.forEach((sc, s) => {
    let pool = -1;
    let site = -1;
    sc.cost.forEach((c, p) => {
      if (sc.usage[p]![0]! > 0) {
        if (pool < 0 || c < sc.cost[pool]!) pool = p;
      } else if (site < 0 || c < sc.cost[site]!) site = p;
    });
    if (pool >= 0 && site >= 0) {
      free.push(s);
      poolIdx.push(pool);
      siteIdx.push(site);
    } else if (pool >= 0) {
      choice[s] = pool;
      N0 += sc.usage[pool]![0]!;
      fixed += sc.cost[pool]!;
    } else {
      choice[s] = site;
      fixed += sc.cost[site]!;
    }
  });
  const F = Float64Array.from(free.map((s, j) => schools[s]!.cost[siteIdx[j]!]! - schools[s]!.cost[poolIdx[j]!]!));
  const d = Float64Array.from(free.map((s, j) => schools[s]!.usage[poolIdx[j]!]![0]!));
  const base = fixed + free.reduce((a, s, j) => a + schools[s]!.cost[poolIdx[j]!]!, 0);
  const r = solvePool1D(F, d, N0, g, integral, maxNodes);
  free.forEach((s, j) => (choice[s] = r.site[j] ? siteIdx[j]! : poolIdx[j]!));
  return { cost: base + r.cost, lowerBound: base + r.lowerBound, proven: r.proven, choice, nodes: r.nodes };
}
