// One pooled quantity Q shared by one or more years, site licences chosen per year: exact by
// dynamic programming. For each year, K_t(r) = the cheapest set of site licences that removes at
// least r seats from the pool (a covering knapsack over whole seats, O(schools × seats)); then
// cost(Q) = G(Q) + Σ_t K_t(D_t − Q), scanned over every Q. G is the pooled cost (non-convex is
// fine: every Q is evaluated).

export interface YearSchools {
  /** Site cost minus pool cost of each free school. */
  readonly F: Float64Array;
  /** Seats each free school sends to the pool. */
  readonly d: Float64Array;
  /** Seats always pooled (schools with no site option). */
  readonly N0: number;
}

interface Table {
  /** suffix[r] = min cost to remove at least r seats; arg[r] = exact weight achieving it. */
  readonly suffix: Float64Array;
  readonly arg: Int32Array;
  readonly bits: Uint32Array;
  readonly words: number;
  readonly W: number;
}

function table(y: YearSchools): Table {
  const n = y.F.length;
  let W = 0;
  for (let i = 0; i < n; i++) W += y.d[i]!;
  const best = new Float64Array(W + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  const words = (W + 32) >>> 5;
  const bits = new Uint32Array(n * words);
  let reach = 0;
  for (let i = 0; i < n; i++) {
    const wi = y.d[i]!;
    const ci = y.F[i]!;
    if (!Number.isFinite(ci) || wi <= 0) continue;
    reach += wi;
    const base = i * words;
    for (let x = reach; x >= wi; x--) {
      const v = best[x - wi]! + ci;
      if (v < best[x]!) {
        best[x] = v;
        bits[base + (x >>> 5)] = bits[base + (x >>> 5)]! | (1 << (x & 31));
      }
    }
  }
  const suffix = new Float64Array(W + 2).fill(Number.POSITIVE_INFINITY);
  const arg = new Int32Array(W + 2).fill(-1);
  for (let x = W; x >= 0; x--) {
    if (best[x]! <= suffix[x + 1]!) {
      suffix[x] = best[x]!;
      arg[x] = x;
    } else {
      suffix[x] = suffix[x + 1]!;
      arg[x] = arg[x + 1]!;
    }
  }
  return { suffix, arg, bits, words, W };
}

function reconstruct(t: Table, y: YearSchools, w: number): Uint8Array {
  const n = y.F.length;
  const take = new Uint8Array(n);
  let x = w;
  for (let i = n - 1; i >= 0 && x > 0; i--) {
    if ((t.bits[i * t.words + (x >>> 5)]! >>> (x & 31)) & 1) {
      take[i] = 1;
      x -= y.d[i]!;
    }
  }
  return take;
}

/** Work of the tables: Σ schools × seats. */
export function dpWork(years: readonly YearSchools[]): number {
  let work = 0;
  for (const y of years) {
    let W = 0;
    for (const x of y.d) W += x;
    work += y.F.length * (W + 1);
  }
  return work;
}

interface Frontier {
  /** Seats removed (increasing) and cost (increasing) of each Pareto point. */
  readonly W: Float64Array;
  readonly C: Float64Array;
  /** Rebuild the chosen schools of point j. */
  readonly take: (j: number) => Uint8Array;
}

/**
 * The Pareto frontier (most seats removed for the money) of site-licence sets. Schools with the
 * same site cost form a group; inside a group only the largest-pool schools are worth licensing
 * first (exchange argument: a cheaper-or-equal site that removes more seats never hurts, since the
 * pool's cost never falls as it grows), so each group contributes a prefix. Frontiers of groups are
 * merged (Minkowski sum, then Pareto pruning). Null when the frontier grows past `limit` points.
 */
function frontier(y: YearSchools, limit: number, ub: number): Frontier | null {
  const n = y.F.length;
  const byCost = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y.F[i]!) || y.d[i]! <= 0) continue;
    const members = byCost.get(y.F[i]!);
    if (members) members.push(i);
    else byCost.set(y.F[i]!, [i]);
  }
  const groups = [...byCost.entries()].map(([F, members]) => ({ F, members: members.sort((a, b) => y.d[b]! - y.d[a]! || a - b) }));
  let W = [0];
  let C = [0];
  const levels: { parent: Int32Array; k: Int32Array }[] = [];
  for (const g of groups) {
    const T = [0];
    for (const i of g.members) T.push(T[T.length - 1]! + y.d[i]!);
    // k-way merge of the lists "the frontier so far plus the k largest schools of this group"
    // (each sorted by cost), keeping the points that remove more seats than every cheaper one
    const K = T.length;
    const head = new Int32Array(K);
    const heap = new Int32Array(K);
    let hn = 0;
    const key = (k: number): number => C[head[k]!]! + k * g.F;
    const less = (x: number, y: number): boolean => {
      const a = key(x);
      const b = key(y);
      return a < b || (a === b && W[head[x]!]! + T[x]! > W[head[y]!]! + T[y]!);
    };
    const push = (k: number): void => {
      let i = hn++;
      heap[i] = k;
      while (i > 0) {
        const parentIx = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parentIx]!)) break;
        const t = heap[i]!;
        heap[i] = heap[parentIx]!;
        heap[parentIx] = t;
        i = parentIx;
      }
    };
    const pop = (): number => {
      const top = heap[0]!;
      heap[0] = heap[--hn]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let s2 = i;
        if (l < hn && less(heap[l]!, heap[s2]!)) s2 = l;
        if (r < hn && less(heap[r]!, heap[s2]!)) s2 = r;
        if (s2 === i) break;
        const t = heap[i]!;
        heap[i] = heap[s2]!;
        heap[s2] = t;
        i = s2;
      }
      return top;
    };
    for (let k = 0; k < K; k++) if (k * g.F <= ub) push(k);
    const nw: number[] = [];
    const nc: number[] = [];
    const parent: number[] = [];
    const kk: number[] = [];
    let top = -1;
    let steps = 0;
    while (hn > 0) {
      if (++steps > limit * 40) return null;
      const k = pop();
      const a = head[k]!;
      const w = W[a]! + T[k]!;
      if (w > top) {
        top = w;
        nw.push(w);
        nc.push(C[a]! + k * g.F);
        parent.push(a);
        kk.push(k);
      }
      if (a + 1 < W.length && C[a + 1]! + k * g.F <= ub) {
        head[k] = a + 1;
        push(k);
      }
    }
    if (nw.length > limit) return null;
    W = nw;
    C = nc;
    levels.push({ parent: Int32Array.from(parent), k: Int32Array.from(kk) });
  }
  return {
    W: Float64Array.from(W),
    C: Float64Array.from(C),
    take: (j: number) => {
      const take = new Uint8Array(n);
      let at = j;
      for (let lv = levels.length - 1; lv >= 0; lv--) {
        const k = levels[lv]!.k[at]!;
        for (let x = 0; x < k; x++) take[groups[lv]!.members[x]!] = 1;
        at = levels[lv]!.parent[at]!;
      }
      return take;
    },
  };
}

const cache = new WeakMap<YearSchools, { f: Frontier; ub: number } | null>();

/** Index of the cheapest frontier point removing at least r seats (−1: none). */
function atLeast(f: Frontier, r: number): number {
  if (r <= 0) return 0;
  let lo = 0;
  let hi = f.W.length - 1;
  if (f.W[hi]! < r) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.W[mid]! >= r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function solveSharedPool(years: readonly YearSchools[], G: (q: number) => number, cap: number): { cost: number; site: Uint8Array[]; Q: number } | null {
  const fronts: Frontier[] = [];
  // pooling every seat is a plan when the seat options can supply it: no set of sites costing more
  // than it can be part of the optimum (past the capacity there is no such bound)
  let poolAll = 0;
  for (const y of years) {
    let n = y.N0;
    for (const x of y.d) n += x;
    poolAll = Math.max(poolAll, n);
  }
  const ub = poolAll <= cap ? G(poolAll) : Number.POSITIVE_INFINITY;
  for (const y of years) {
    const hit = cache.get(y);
    let f = hit !== undefined && (hit === null || hit.ub >= ub) ? (hit?.f ?? null) : undefined;
    if (f === undefined) {
      f = frontier(y, 200_000, Number.isFinite(ub) ? ub * (1 + 1e-12) + 1 : Number.POSITIVE_INFINITY);
      cache.set(y, f === null ? null : { f, ub: Number.isFinite(ub) ? ub : Number.POSITIVE_INFINITY });
    }
    if (f === null) return null;
    fronts.push(f);
  }
  const D = years.map((y) => y.N0 + y.d.reduce((a, x) => a + x, 0));
  const qMin = Math.max(0, ...years.map((y) => y.N0));
  const qMax = Math.min(Math.max(0, ...D), cap);
  // the cost of the sites is a step function of q; the pool's cost never falls as q grows:
  // only the left end of each step can be optimal
  const candidates = new Set<number>([qMin]);
  fronts.forEach((f, i) => {
    for (let j = 0; j < f.W.length; j++) {
      const q = D[i]! - f.W[j]!;
      if (q >= qMin && q <= qMax) candidates.add(q);
    }
  });
  let best = Number.POSITIVE_INFINITY;
  let bestQ = -1;
  for (const q of candidates) {
    if (q > qMax) continue;
    let c = 0;
    for (let i = 0; i < years.length && c < best; i++) {
      const j = atLeast(fronts[i]!, D[i]! - q);
      c = j < 0 ? Number.POSITIVE_INFINITY : c + fronts[i]!.C[j]!;
    }
    if (c >= best) continue;
    c += q > 0 ? G(q) : 0;
    if (c < best || (c === best && q < bestQ)) {
      best = c;
      bestQ = q;
    }
  }
  if (bestQ < 0) return { cost: Number.POSITIVE_INFINITY, site: years.map((y) => new Uint8Array(y.F.length)), Q: 0 };
  const site = years.map((_, i) => fronts[i]!.take(atLeast(fronts[i]!, D[i]! - bestQ)));
  return { cost: best, site, Q: bestQ };
}

export function solveSharedPoolDP(years: readonly YearSchools[], G: (q: number) => number, cap: number): { cost: number; site: Uint8Array[]; Q: number } {
  const tables = years.map(table);
  const D = years.map((y, i) => y.N0 + tables[i]!.W);
  const qMin = Math.max(0, ...years.map((y) => y.N0));
  const qMax = Math.min(Math.max(0, ...D), cap);
  let best = Number.POSITIVE_INFINITY;
  let bestQ = -1;
  for (let q = qMin; q <= qMax; q++) {
    let c = q > 0 ? G(q) : 0;
    if (!Number.isFinite(c)) continue;
    for (let i = 0; i < years.length && c < best; i++) {
      const need = D[i]! - q;
      c += need <= 0 ? 0 : tables[i]!.suffix[need]!;
    }
    if (c < best) {
      best = c;
      bestQ = q;
    }
  }
  if (bestQ < 0) return { cost: Number.POSITIVE_INFINITY, site: years.map((y) => new Uint8Array(y.F.length)), Q: 0 };
  const site = years.map((y, i) => {
    const need = D[i]! - bestQ;
    return need <= 0 ? new Uint8Array(y.F.length) : reconstruct(tables[i]!, y, tables[i]!.arg[need]!);
  });
  return { cost: best, site, Q: bestQ };
}
