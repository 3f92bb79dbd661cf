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

export function solveSharedPool(years: readonly YearSchools[], G: (q: number) => number, cap: number): { cost: number; site: Uint8Array[]; Q: number } {
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
