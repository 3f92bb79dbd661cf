// Exact choice of a pattern (site licences over the years, or pooled seats) for every school,
// given the pooled groups' cost curves: branch and bound with a Lagrangian bound. Each pooled
// group's cost g(max over its years of the seats pooled) is bounded below by a supporting line of
// the convex hull of g; with a line per group the bound separates by school, so the best response
// of each free school is a simple minimum. When the best response costs exactly its bound, the node
// is solved (this is the "regime" argument: inside one bracket the seat price is a constant and each
// school takes a site licence iff it is cheaper than its seats).
import type { Hull } from "./curve.js";

export interface SchoolPatterns {
  /** Weighted cost of each pattern (site licences it buys). */
  readonly cost: number[];
  /** Seats each pattern sends to each pooled slot (group × year). */
  readonly usage: Float64Array[];
}

export interface PoolGroup {
  /** The slots (group-years) this group's single quantity must cover. */
  readonly slots: readonly number[];
  /** Cheapest weighted cost of covering n seats (Infinity past the capacity). */
  readonly evalCost: (n: number) => number;
  readonly hull: Hull;
  readonly cap: number;
}

export interface SchoolSolution {
  readonly cost: number;
  readonly lowerBound: number;
  readonly proven: boolean;
  readonly choice: Int32Array;
  readonly nodes: number;
}

interface Options {
  readonly maxNodes: number;
  readonly integral: boolean;
}

export function solveSchools(schools: readonly SchoolPatterns[], groups: readonly PoolGroup[], nSlots: number, options: Options): SchoolSolution {
  const S = schools.length;
  const G = groups.length;
  const slotGroup = new Int32Array(nSlots).fill(-1);
  groups.forEach((g, gi) => g.slots.forEach((s) => (slotGroup[s] = gi)));

  // Order: schools with the most seats at stake first.
  const weight = schools.map((sc) => {
    let m = 0;
    for (const u of sc.usage) for (let k = 0; k < nSlots; k++) m = Math.max(m, u[k]!);
    const costs = sc.cost;
    return m + (Math.max(...costs) - Math.min(...costs)) * 1e-9;
  });
  const order = schools.map((_, i) => i).filter((i) => schools[i]!.cost.length > 1);
  order.sort((a, b) => weight[b]! - weight[a]! || a - b);
  const fixedSingle = schools.map((_, i) => i).filter((i) => schools[i]!.cost.length === 1);

  // Minimum usage per slot over the remaining schools (suffix sums along `order`), for capacity pruning.
  const minUse = new Float64Array((order.length + 1) * nSlots);
  for (let d = order.length - 1; d >= 0; d--) {
    const sc = schools[order[d]!]!;
    for (let k = 0; k < nSlots; k++) {
      let m = Number.POSITIVE_INFINITY;
      for (const u of sc.usage) if (u[k]! < m) m = u[k]!;
      minUse[d * nSlots + k] = minUse[(d + 1) * nSlots + k]! + m;
    }
  }

  const choice = new Int32Array(S);
  const fixedUsage = new Float64Array(nSlots);
  let fixedCost = 0;
  for (const i of fixedSingle) {
    choice[i] = 0;
    fixedCost += schools[i]!.cost[0]!;
    for (let k = 0; k < nSlots; k++) fixedUsage[k] = fixedUsage[k]! + schools[i]!.usage[0]![k]!;
  }

  const evaluate = (ch: Int32Array): number => {
    let total = 0;
    const n = new Float64Array(nSlots);
    for (let i = 0; i < S; i++) {
      const sc = schools[i]!;
      total += sc.cost[ch[i]!]!;
      const u = sc.usage[ch[i]!]!;
      for (let k = 0; k < nSlots; k++) n[k] = n[k]! + u[k]!;
    }
    for (const g of groups) {
      let m = 0;
      for (const s of g.slots) if (n[s]! > m) m = n[s]!;
      if (m > 0) total += g.evalCost(m);
    }
    return total;
  };

  let best = Number.POSITIVE_INFINITY;
  const bestChoice = new Int32Array(S);
  const eps = (v: number): number => 1e-9 * Math.abs(v) + 1e-6;
  const canPrune = (bound: number): boolean => {
    if (!Number.isFinite(best)) return false;
    if (options.integral) return Math.ceil(bound - eps(bound)) >= best;
    return bound >= best - eps(best);
  };

  const lambda = new Float64Array(nSlots);
  const alpha = new Float64Array(G);
  const target = new Float64Array(G);
  const star = new Int32Array(G);
  const respUsage = new Float64Array(nSlots);
  const trial = new Int32Array(S);

  /** Bound of the node at depth d (schools order[d..] free), filling `trial` with best responses. */
  // Weights of each group's slots (a point of the simplex): β·max_t N_t ≥ β·Σ_t w_t N_t.
  const wts = new Float64Array(nSlots);
  groups.forEach((g) => g.slots.forEach((sl) => (wts[sl] = 1 / g.slots.length)));
  const bestW = new Float64Array(nSlots);
  const bound = (d: number, rounds: number): number => {
    let bestBound = Number.NEGATIVE_INFINITY;
    bestW.set(wts);
    for (let round = 0; round < rounds; round++) {
      lambda.fill(0);
      let constant = fixedCost;
      for (let gi = 0; gi < G; gi++) {
        const g = groups[gi]!;
        const line = g.hull.line(target[gi]!);
        alpha[gi] = line.alpha;
        constant += line.alpha;
        for (const sl of g.slots) {
          lambda[sl] = line.beta * wts[sl]!;
          constant += lambda[sl]! * fixedUsage[sl]!;
        }
      }
      respUsage.set(fixedUsage);
      let free = 0;
      for (let j = d; j < order.length; j++) {
        const i = order[j]!;
        const sc = schools[i]!;
        let bp = 0;
        let bv = Number.POSITIVE_INFINITY;
        for (let p = 0; p < sc.cost.length; p++) {
          const u = sc.usage[p]!;
          let v = sc.cost[p]!;
          for (let k = 0; k < nSlots; k++) v += lambda[k]! * u[k]!;
          if (v < bv) {
            bv = v;
            bp = p;
          }
        }
        free += bv;
        trial[i] = bp;
        const u = sc.usage[bp]!;
        for (let k = 0; k < nSlots; k++) respUsage[k] = respUsage[k]! + u[k]!;
      }
      const b = constant + free;
      if (b > bestBound) {
        bestBound = b;
        bestW.set(wts);
      }
      // next round: supporting lines at the response's quantities; weights toward the largest year
      const step = 1 / (2 + round);
      for (let gi = 0; gi < G; gi++) {
        const g = groups[gi]!;
        let m = -1;
        let arg = star[gi]!;
        for (const sl of g.slots) {
          if (respUsage[sl]! > m) {
            m = respUsage[sl]!;
            arg = sl;
          }
        }
        target[gi] = Math.max(0, m);
        star[gi] = arg;
        if (g.slots.length > 1) for (const sl of g.slots) wts[sl] = (1 - step) * wts[sl]! + (sl === arg ? step : 0);
      }
    }
    wts.set(bestW);
    return bestBound;
  };

  const initTargets = (): void => {
    for (let gi = 0; gi < G; gi++) {
      const g = groups[gi]!;
      let m = -1;
      let arg = g.slots[0] ?? 0;
      for (const s of g.slots) {
        let n = fixedUsage[s]!;
        for (const i of order) n += Math.max(...schools[i]!.usage.map((u) => u[s]!));
        if (n > m) {
          m = n;
          arg = s;
        }
      }
      target[gi] = Math.max(0, m);
      star[gi] = arg;
    }
  };

  const tryIncumbent = (d: number): number => {
    for (let j = 0; j < d; j++) trial[order[j]!] = choice[order[j]!]!;
    for (const i of fixedSingle) trial[i] = 0;
    const v = evaluate(trial);
    if (v < best) {
      best = v;
      bestChoice.set(trial);
    }
    return v;
  };

  // Root: bound, a first incumbent, then a local search to tighten the incumbent.
  initTargets();
  const rootBound = order.length === 0 ? Number.NEGATIVE_INFINITY : bound(0, 40);
  if (order.length === 0) {
    const v = evaluate(choice);
    return { cost: v, lowerBound: v, proven: true, choice, nodes: 1 };
  }
  tryIncumbent(0);
  if (Number.isFinite(best)) {
    const cur = new Int32Array(bestChoice);
    let improved = true;
    for (let pass = 0; improved && pass < 3; pass++) {
      improved = false;
      for (const i of order) {
        const keep = cur[i]!;
        for (let p = 0; p < schools[i]!.cost.length; p++) {
          if (p === keep) continue;
          cur[i] = p;
          const v = evaluate(cur);
          if (v < best - eps(best)) {
            best = v;
            bestChoice.set(cur);
            improved = true;
          } else cur[i] = bestChoice[i]!;
        }
      }
    }
  }

  let nodes = 0;
  let aborted = false;
  const saveTarget = new Float64Array(G);
  const saveStar = new Int32Array(G);

  const dive = (d: number): void => {
    if (aborted) return;
    nodes++;
    if (nodes > options.maxNodes) {
      aborted = true;
      return;
    }
    // capacity: even the smallest usage of the free schools must fit each group
    for (let gi = 0; gi < G; gi++) {
      const g = groups[gi]!;
      for (const s of g.slots) if (fixedUsage[s]! + minUse[d * nSlots + s]! > g.cap) return;
    }
    if (d === order.length) {
      tryIncumbent(d);
      return;
    }
    const b = bound(d, 6);
    if (canPrune(b)) return;
    const v = tryIncumbent(d);
    if (v <= b + eps(b)) return; // the best response is optimal for this node
    const i = order[d]!;
    const sc = schools[i]!;
    // children in order of reduced cost under the current prices
    const keys = sc.cost.map((c, p) => {
      let v2 = c;
      const u = sc.usage[p]!;
      for (let k = 0; k < nSlots; k++) v2 += lambda[k]! * u[k]!;
      return [v2, p] as const;
    });
    keys.sort((a, c) => a[0] - c[0] || a[1] - c[1]);
    saveTarget.set(target);
    saveStar.set(star);
    const myTarget = Float64Array.from(target);
    const myStar = Int32Array.from(star);
    const myW = Float64Array.from(wts);
    for (const [, p] of keys) {
      choice[i] = p;
      fixedCost += sc.cost[p]!;
      const u = sc.usage[p]!;
      for (let k = 0; k < nSlots; k++) fixedUsage[k] = fixedUsage[k]! + u[k]!;
      target.set(myTarget);
      star.set(myStar);
      wts.set(myW);
      dive(d + 1);
      fixedCost -= sc.cost[p]!;
      for (let k = 0; k < nSlots; k++) fixedUsage[k] = fixedUsage[k]! - u[k]!;
      if (aborted) return;
    }
  };

  if (!canPrune(rootBound)) dive(0);
  const lowerBound = aborted ? Math.min(rootBound, best) : best;
  return { cost: best, lowerBound, proven: !aborted, choice: bestChoice, nodes };
}
