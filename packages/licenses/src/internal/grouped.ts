// One pooled quantity Q shared by one or more years, site licences chosen per year (the problem of
// dpPool.ts), solved exactly by Lagrangian reduced-cost fixing instead of whole Pareto frontiers.
//
//   minimise G(Q) + Σ_t Σ_{s ∈ S_t} F_ts   subject to   Q ≥ N_t = D_t − Σ_{s ∈ S_t} d_ts for every year t
//
// G (the envelope of the pooled seat curves, or of a mix's tuples) never falls as Q grows. Two facts make it small:
// - Schools of one year with the same site cost are interchangeable except for their seats, and the
//   larger ones are worth licensing first (exchange argument): a year's site set is one count per
//   price group, the largest schools of the group.
// - Split the range of Q into regions where one curve g is linear (between its key points; packs:
//   a lower line and a band). On a region [x0, x1] with slope π and g(Q) ≥ α + πQ, for multipliers
//   λ_t ≥ 0 every plan whose Q lies in the region costs at least
//     L = α + π·x0 + Σ_t [λ_t·D_t − λ_t·x1 + Σ_s min(0, F_ts − λ_t·d_ts)] + (x1 − x0)·min(π, Σ_t λ_t)
//   plus, for every school whose choice differs from "licensed iff F_ts < λ_t·d_ts", its |F_ts − λ_t·d_ts|
//   (this is the LP bound of the region; λ is chosen to balance the years at one pooled level).
//   A plan can only beat the incumbent U if those differences add up to less than U − L: only the
//   schools near their break-even can change, a few per price group. The site sets within that
//   budget are enumerated per year, and the best Q is found by scanning their pooled counts.
// Regions whose bound cannot beat the incumbent are skipped; the answer is exact. When the budget
// would admit too many sets (a weak bound), the caller falls back to the frontier method.
// Why it is fast: the bound leaves only the few schools near break-even free, and schools of one
// price group are counted instead of chosen. G may be a mix of options (its tuples, mix.ts, are the
// curves). Reference in the tests (grouped.prop.test.ts): enumeration of every site set priced
// directly, plus the whole-seat dynamic programme (dpPool.ts) on larger instances.
import type { CurveLike, Envelope } from "./curve.js";
import type { YearSchools } from "./dpPool.js";

interface Group {
  /** Site cost of every member. */
  readonly F: number;
  /** School indices (into the year's arrays), largest pool first. */
  readonly members: Int32Array;
  /** Seats of each member, same order. */
  readonly d: Float64Array;
  /** T[k] = seats removed by the first k members. */
  readonly T: Float64Array;
}

interface Prep {
  readonly D: number;
  /** Seats always pooled (no site option, or an unpriced one). */
  readonly N0: number;
  readonly groups: readonly Group[];
  /** Siteable schools by site cost per seat, increasing: ratio, cumulative seats and cost. */
  readonly ratio: Float64Array;
  readonly cumD: Float64Array;
  readonly cumF: Float64Array;
  readonly n: number;
}

const prepCache = new WeakMap<YearSchools, Prep>();

function prepare(y: YearSchools): Prep {
  const hit = prepCache.get(y);
  if (hit) return hit;
  const n = y.F.length;
  let D = y.N0;
  let N0 = y.N0;
  const byCost = new Map<number, number[]>();
  const siteable: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = y.d[i]!;
    D += d;
    if (!Number.isFinite(y.F[i]!)) {
      N0 += d;
      continue;
    }
    if (d <= 0) continue;
    siteable.push(i);
    const list = byCost.get(y.F[i]!);
    if (list) list.push(i);
    else byCost.set(y.F[i]!, [i]);
  }
  const groups: Group[] = [];
  for (const [F, list] of [...byCost.entries()].sort((a, b) => a[0] - b[0])) {
    sortBySeatsDesc(list, y.d);
    const k = list.length;
    const members = new Int32Array(k);
    const d = new Float64Array(k);
    const T = new Float64Array(k + 1);
    for (let j = 0; j < k; j++) {
      members[j] = list[j]!;
      d[j] = y.d[list[j]!]!;
      T[j + 1] = T[j]! + d[j]!;
    }
    groups.push({ F, members, d, T });
  }
  const r = new Float64Array(n);
  for (const i of siteable) r[i] = y.F[i]! / y.d[i]!;
  if (groups.length <= 16) {
    // inside a group the cost per seat rises as the seats fall: merge the groups' orders
    const heads = new Int32Array(groups.length);
    for (let j = 0; j < siteable.length; j++) {
      let bestG = -1;
      let bestI = -1;
      for (let g = 0; g < groups.length; g++) {
        const h = heads[g]!;
        const members = groups[g]!.members;
        if (h >= members.length) continue;
        const i = members[h]!;
        if (bestG < 0 || r[i]! < r[bestI]! || (r[i] === r[bestI] && i < bestI)) {
          bestG = g;
          bestI = i;
        }
      }
      heads[bestG] = heads[bestG]! + 1;
      siteable[j] = bestI;
    }
  } else siteable.sort((a, b) => r[a]! - r[b]! || a - b);
  const m = siteable.length;
  const ratio = new Float64Array(m);
  const cumD = new Float64Array(m + 1);
  const cumF = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) {
    const i = siteable[j]!;
    ratio[j] = r[i]!;
    cumD[j + 1] = cumD[j]! + y.d[i]!;
    cumF[j + 1] = cumF[j]! + y.F[i]!;
  }
  const out = { D, N0, groups, ratio, cumD, cumF, n: m };
  prepCache.set(y, out);
  return out;
}

/** How many members (largest first) have F < λ·d: the members licensed at multiplier λ. */
function countBelow(g: Group, lambda: number): number {
  let lo = 0;
  let hi = g.members.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.F < lambda * g.d[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const keyCache = new WeakMap<CurveLike, Map<number, number[]>>();
/** curve.keyPoints(top), kept per curve (the curves live as long as the compiled model). */
function keyPointsOf(curve: CurveLike, top: number): number[] {
  let byTop = keyCache.get(curve);
  if (byTop === undefined) keyCache.set(curve, (byTop = new Map()));
  let keys = byTop.get(top);
  if (keys === undefined) byTop.set(top, (keys = curve.keyPoints(top)));
  return keys;
}

/** Sorts school indices by seats, largest first, ties by index (a numeric sort of packed keys). */
function sortBySeatsDesc(list: number[], d: Float64Array): void {
  const n = list.length;
  let top = 0;
  let ok = true;
  for (const i of list) {
    if (d[i]! > top) top = d[i]!;
    if (i >= 1_048_576 || !Number.isInteger(d[i]!)) ok = false;
  }
  if (!ok || top >= 2 ** 32) {
    list.sort((a, b) => d[b]! - d[a]! || a - b);
    return;
  }
  const keys = new Float64Array(n);
  for (let j = 0; j < n; j++) keys[j] = (top - d[list[j]!]!) * 1_048_576 + list[j]!;
  keys.sort();
  for (let j = 0; j < n; j++) list[j] = keys[j]! % 1_048_576;
}

/** The smallest multiplier at which the LP relaxation of the year pools at most q seats. */
function lambdaAt(p: Prep, q: number): number {
  const r = p.D - q;
  if (r <= 0) return 0;
  if (p.cumD[p.n]! < r) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = p.n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.cumD[mid + 1]! >= r) hi = mid;
    else lo = mid + 1;
  }
  return p.ratio[lo]!;
}

/** λ·D + Σ_s min(0, F_s − λ·d_s). */
function phi(p: Prep, lambda: number): number {
  let lo = 0;
  let hi = p.n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.ratio[mid]! < lambda) lo = mid + 1;
    else hi = mid;
  }
  return lambda * (p.D - p.cumD[lo]!) + p.cumF[lo]!;
}

export interface GroupedResult {
  readonly cost: number;
  readonly site: Uint8Array[];
  readonly Q: number;
  /** True when no plan costs less than the cutoff (then cost is Infinity and there is no plan). */
  readonly cutoff: boolean;
}

/** Scratch of the sort by pooled count (grown as needed; every cell read is written first). */
let keyScratch: Float64Array = new Float64Array(1024);

/**
 * Scratch of solveGroupedPool's enumeration, one entry per year (grown as needed and reused by
 * every call; every cell read is written first in the same enumeration): the combos' pooled counts
 * N, site costs C and group counts K (nG per combo), and the list by pooled count (LN, LC, Lidx).
 * Nothing of it is returned: a plan's counts are copied out (slice).
 */
interface Combos {
  N: Float64Array;
  C: Float64Array;
  K: Int32Array;
  LN: Float64Array;
  LC: Float64Array;
  Lidx: Int32Array;
  len: number;
}
const comboPool: Combos[] = [];

/** Most site sets enumerated in one region before giving up (the caller then uses the frontier). */
const COMBO_LIMIT = 60_000; // < 2^20 (the sort key below)

/**
 * Exact minimum of G(Q) + Σ_t (site costs of year t) with Q covering every year's pooled seats, or
 * null when the reduced-cost enumeration would be too large.
 */
export function solveGroupedPool(years: readonly YearSchools[], env: Envelope, integral: boolean, cutoff = Number.POSITIVE_INFINITY): GroupedResult | null {
  const T = years.length;
  const preps = years.map(prepare);
  const cap = env.cap;
  let Qmin = 0;
  let Dmax = 0;
  for (const p of preps) {
    if (p.N0 > Qmin) Qmin = p.N0;
    if (p.D > Dmax) Dmax = p.D;
  }
  const Qmax = Math.min(Dmax, cap);
  const none = (): GroupedResult => ({ cost: Number.POSITIVE_INFINITY, site: years.map((y) => new Uint8Array(y.F.length)), Q: 0, cutoff: false });
  if (cutoff === Number.NEGATIVE_INFINITY) return { ...none(), cutoff: true };
  if (Qmin > Qmax) return none();

  const eps = (v: number): number => 1e-9 * Math.abs(v) + 1e-7;
  // incumbent: a count per group per year, and Q (a cutoff acts as an incumbent without a plan)
  let best = cutoff;
  let bestQ = -1;
  let bestK: Int32Array[] = preps.map((p) => new Int32Array(p.groups.length));
  const G = (q: number): number => (q > 0 ? env.eval(q) : 0);
  const offer = (cost: number, q: number, ks: Int32Array[]): void => {
    if (cost < best || (cost === best && q < bestQ)) {
      best = cost;
      bestQ = q;
      bestK = ks.map((k) => k.slice());
    }
  };
  const closes = (bound: number): boolean => {
    if (!Number.isFinite(best)) return false;
    if (integral) return Math.ceil(bound - eps(bound)) >= best;
    return bound >= best - eps(best);
  };

  // every school licensed (nothing pooled), when possible
  if (Qmin === 0) {
    let c = 0;
    const ks = preps.map((p) => Int32Array.from(p.groups, (g) => g.members.length));
    preps.forEach((p) => p.groups.forEach((g) => (c += g.F * g.members.length)));
    offer(c, 0, ks);
  }
  // everything pooled
  if (Dmax <= cap)
    offer(
      G(Dmax),
      Dmax,
      preps.map((p) => new Int32Array(p.groups.length)),
    );

  interface Region {
    readonly curve: CurveLike;
    readonly x0: number;
    readonly x1: number;
    readonly pi: number;
    readonly alpha: number;
    readonly L: number;
    readonly lambda: Float64Array;
  }
  const lam = new Float64Array(T);
  /** The best multipliers of the region being built (copied into it once). */
  const bestLamBuf = new Float64Array(T);
  /** λ_t(q) for every year into `out`; returns their sum. */
  const at = (q: number, out: Float64Array): number => {
    let sum = 0;
    for (let t = 0; t < T; t++) sum += out[t] = lambdaAt(preps[t]!, q);
    return sum;
  };
  const bound = (x0: number, x1: number, pi: number, alpha: number, lambda: Float64Array | readonly number[]): number => {
    let sum = 0;
    let L = alpha + pi * x0;
    for (let t = 0; t < T; t++) {
      const l = lambda[t]!;
      if (!Number.isFinite(l)) return Number.POSITIVE_INFINITY;
      sum += l;
      L += phi(preps[t]!, l) - l * x1;
    }
    return L + (x1 - x0) * Math.min(pi, sum);
  };
  const regionOf = (curve: CurveLike, keys: readonly number[], x0: number, x1: number): Region | null => {
    const g0 = curve.eval(x0);
    const g1 = curve.eval(x1);
    if (!Number.isFinite(g0)) return null;
    const pi = x1 > x0 && Number.isFinite(g1) ? Math.max(0, (g1 - g0) / (x1 - x0)) : 0;
    // between two key points a curve is linear on the integers (packs: bounded by its lower line)
    const lo = curve.isPacks ? curve.regionBounds(x0, x1, pi, keys).lo : Math.min(g0 - pi * x0, Number.isFinite(g1) ? g1 - pi * x1 : Number.POSITIVE_INFINITY);
    if (!Number.isFinite(lo)) return null;
    // multipliers: every year at one pooled level q where Σ λ_t(q) meets π (the LP optimum)
    let bestL = Number.NEGATIVE_INFINITY;
    let found = false;
    const tryLam = (l: Float64Array): void => {
      const L = bound(x0, x1, pi, lo, l);
      if (L > bestL) {
        bestL = L;
        found = true;
        bestLamBuf.set(l);
      }
    };
    if (at(x1, lam) >= pi || x0 === x1) tryLam(lam);
    else if (at(x0, lam) <= pi) tryLam(lam);
    else {
      let a = x0; // Λ(a) > π
      let b = x1; // Λ(b) < π
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (at(mid, lam) > pi) a = mid;
        else b = mid;
      }
      at(a, lam);
      tryLam(lam);
      const la = lam.slice();
      at(b, lam);
      tryLam(lam);
      // the convex combination of the two whose multipliers add up to π
      let sa = 0;
      let sb = 0;
      for (let t = 0; t < T; t++) {
        sa += la[t]!;
        sb += lam[t]!;
      }
      if (sa > sb && Number.isFinite(sa)) {
        const theta = (pi - sb) / (sa - sb);
        for (let t = 0; t < T; t++) lam[t] = lam[t]! + theta * (la[t]! - lam[t]!);
        tryLam(lam);
      }
    }
    if (!Number.isFinite(bestL) || !found) return null;
    return { curve, x0, x1, pi, alpha: lo, L: bestL, lambda: bestLamBuf.slice() };
  };

  const regions: Region[] = [];
  const lowQ = Math.max(1, Qmin);
  for (const curve of env.curves) {
    const top = Math.min(Qmax, curve.cap);
    if (top < lowQ) continue;
    const keys = keyPointsOf(curve, top);
    const pts = [lowQ];
    for (const k of keys) if (k > lowQ && k < top) pts.push(k);
    if (top > lowQ) pts.push(top);
    for (let j = 0; j + 1 < pts.length || (j === 0 && pts.length === 1); j++) {
      const r = regionOf(curve, keys, pts[j]!, pts[Math.min(j + 1, pts.length - 1)]!);
      if (r) regions.push(r);
    }
  }

  // threshold plans (a good incumbent): at each region's multipliers, license iff F < λ·d
  const kStar = (p: Prep, lambda: number, out: Int32Array): number => {
    let W = 0;
    p.groups.forEach((g, b) => {
      const k = countBelow(g, lambda);
      out[b] = k;
      W += g.T[k]!;
    });
    return W;
  };
  const ksBuf = preps.map((p) => new Int32Array(p.groups.length));
  regions.sort((a, b) => a.L - b.L);
  for (const r of regions) {
    // regions come by increasing bound: once one cannot beat the incumbent, none after it can
    if (closes(r.L)) break;
    let q = 0;
    let c = 0;
    for (let t = 0; t < T; t++) {
      const p = preps[t]!;
      const W = kStar(p, r.lambda[t]!, ksBuf[t]!);
      p.groups.forEach((g, b) => (c += g.F * ksBuf[t]![b]!));
      q = Math.max(q, p.D - W);
    }
    q = Math.max(q, Qmin);
    // priced with the region's own curve: at least the envelope (see the note at the end)
    if (q <= r.curve.cap) offer(c + (q > 0 ? r.curve.eval(q) : 0), q, ksBuf);
  }

  // per-year enumeration buffers
  // (module-level scratch, see comboPool; the first T entries, `len` combos each)
  while (comboPool.length < T)
    comboPool.push({ N: new Float64Array(64), C: new Float64Array(64), K: new Int32Array(64), LN: new Float64Array(64), LC: new Float64Array(64), Lidx: new Int32Array(64), len: 0 });
  const combos = comboPool.slice(0, T);
  // Enumerate with a small budget first, then widen it: plans left out cost at least L + budget,
  // so the region is closed as soon as the incumbent is within the budget of L.
  type Scratch = { klo: Int32Array; khi: Int32Array; maxRest: Float64Array; k: Int32Array; exOff: Int32Array; ex: Float64Array };
  let scratchOf: Scratch[] | null = null;
  const enumerate = (r: Region, budget: number): boolean | null => {
    const scratch = (scratchOf ??= preps.map((p) => ({
      klo: new Int32Array(p.groups.length),
      khi: new Int32Array(p.groups.length),
      maxRest: new Float64Array(p.groups.length + 1),
      k: new Int32Array(p.groups.length),
      exOff: new Int32Array(p.groups.length),
      ex: new Float64Array(64),
    })));
    let total = 0;
    for (let t = 0; t < T; t++) {
      const p = preps[t]!;
      const l = r.lambda[t]!;
      const need = p.D - r.x1; // seats that must be removed
      const nG = p.groups.length;
      // allowed counts per group and their excess over the threshold choice (scratch per year)
      const sc = scratch[t]!;
      const { klo, khi, maxRest, k, exOff } = sc;
      // each group's excesses sit at exOff[b] … in one buffer per year
      let exLen = 0;
      for (let b = 0; b < nG; b++) {
        const g = p.groups[b]!;
        const ks = countBelow(g, l);
        let lo = ks;
        let acc = 0;
        while (lo > 0) {
          const c = l * g.d[lo - 1]! - g.F;
          if (acc + c >= budget) break;
          acc += c;
          lo--;
        }
        let hi = ks;
        acc = 0;
        while (hi < g.members.length) {
          const c = g.F - l * g.d[hi]!;
          if (acc + c >= budget) break;
          acc += c;
          hi++;
        }
        const o = exLen;
        exLen += hi - lo + 1;
        if (sc.ex.length < exLen) {
          const grown = new Float64Array(Math.max(exLen, 2 * sc.ex.length));
          grown.set(sc.ex.subarray(0, o));
          sc.ex = grown;
        }
        const ex = sc.ex;
        ex[o + ks - lo] = 0;
        for (let k = ks - 1; k >= lo; k--) ex[o + k - lo] = ex[o + k - lo + 1]! + (l * g.d[k]! - g.F);
        for (let k = ks + 1; k <= hi; k++) ex[o + k - lo] = ex[o + k - lo - 1]! + (g.F - l * g.d[k - 1]!);
        klo[b] = lo;
        khi[b] = hi;
        exOff[b] = o;
      }
      const exAll = sc.ex;
      // most seats the groups from b on can still remove
      maxRest[nG] = 0;
      for (let b = nG - 1; b >= 0; b--) maxRest[b] = maxRest[b + 1]! + p.groups[b]!.T[khi[b]!]!;
      const cb = combos[t]!;
      cb.len = 0;
      let overflow = false;
      const dfs = (b: number, W: number, C: number, ex: number): void => {
        if (overflow) return;
        if (W + maxRest[b]! < need) return;
        if (b === nG) {
          if (++total > COMBO_LIMIT) {
            overflow = true;
            return;
          }
          const i = cb.len;
          if (i === cb.N.length) {
            const N = new Float64Array(2 * i);
            N.set(cb.N);
            cb.N = N;
            const C = new Float64Array(2 * i);
            C.set(cb.C);
            cb.C = C;
            cb.LN = new Float64Array(2 * i);
            cb.LC = new Float64Array(2 * i);
            cb.Lidx = new Int32Array(2 * i);
          }
          if (cb.K.length < (i + 1) * nG) {
            const K = new Int32Array(Math.max(2 * cb.K.length, (i + 1) * nG));
            K.set(cb.K.subarray(0, i * nG));
            cb.K = K;
          }
          cb.N[i] = p.D - W;
          cb.C[i] = C;
          for (let j = 0; j < nG; j++) cb.K[i * nG + j] = k[j]!;
          cb.len = i + 1;
          return;
        }
        const g = p.groups[b]!;
        const o = exOff[b]! - klo[b]!;
        const lo = klo[b]!;
        for (let kk = lo; kk <= khi[b]!; kk++) {
          const x = ex + exAll[o + kk]!;
          if (x >= budget) continue;
          k[b] = kk;
          dfs(b + 1, W + g.T[kk]!, C + kk * g.F, x);
        }
      };
      dfs(0, 0, 0, 0);
      if (overflow) return null;
      if (cb.len === 0) return false;
    }
    // per year: combos by pooled count, with the running cheapest
    const lists = combos.map((cb) => {
      const Ns = cb.N.subarray(0, cb.len);
      const Cs = cb.C;
      // by pooled count (a numeric sort of N·2^20 + index); equal counts keep the cheaper last,
      // which is the one pick() returns
      if (keyScratch.length < Ns.length) keyScratch = new Float64Array(Math.max(Ns.length, 2 * keyScratch.length));
      const keys = keyScratch.subarray(0, Ns.length);
      for (let i = 0; i < Ns.length; i++) keys[i] = Ns[i]! * 1_048_576 + i;
      keys.sort();
      const { LN, LC, Lidx } = cb;
      let m = 0;
      for (let j = 0; j < keys.length; j++) {
        const i = keys[j]! % 1_048_576;
        const c = Cs[i]!;
        if (m > 0 && c >= LC[m - 1]!) continue;
        LN[m] = Ns[i]!;
        LC[m] = c;
        Lidx[m] = i;
        m++;
      }
      return { N: LN.subarray(0, m), C: LC.subarray(0, m), idx: Lidx.subarray(0, m) };
    });
    const pick = (list: { N: Float64Array }, q: number): number => {
      // last entry with N ≤ q
      if (list.N[0]! > q) return -1;
      let lo = 0;
      let hi = list.N.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list.N[mid]! <= q) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const cands = new Set<number>([Math.max(r.x0, Qmin)]);
    for (const list of lists) for (const n of list.N) if (n > r.x0 && n <= r.x1) cands.add(n);
    const at = new Int32Array(T);
    for (const q of cands) {
      let c = 0;
      for (let t = 0; t < T && c < best; t++) {
        const j = pick(lists[t]!, q);
        if (j < 0) {
          c = Number.POSITIVE_INFINITY;
          break;
        }
        at[t] = j;
        c += lists[t]!.C[j]!;
      }
      if (!(c < best) && !(c === best && q < bestQ)) continue;
      c += q > 0 ? r.curve.eval(q) : 0;
      if (c < best || (c === best && q < bestQ)) {
        offer(
          c,
          q,
          preps.map((p, t) => {
            const i = lists[t]!.idx[at[t]!]!;
            const nG = p.groups.length;
            return combos[t]!.K.slice(i * nG, (i + 1) * nG);
          }),
        );
      }
    }
    return true;
  };
  for (const r of regions) {
    if (closes(r.L)) break;
    const full = best - r.L + eps(best);
    if (!Number.isFinite(full)) return null;
    let budget = Math.min(full, Math.max(full / 64, eps(best) + 1));
    for (;;) {
      const ok = enumerate(r, budget);
      if (ok === null) return null;
      if (budget >= full || closes(r.L + budget)) break;
      // the incumbent improved: a budget of best − L now closes the region; widen toward it
      const need = best - r.L + eps(best);
      budget = Math.min(full, need <= 4 * budget ? need : 4 * budget);
    }
  }
  if (bestQ < 0) return Number.isFinite(cutoff) ? { ...none(), cutoff: true } : none();
  const site = years.map((y, t) => {
    const take = new Uint8Array(y.F.length);
    preps[t]!.groups.forEach((g, b) => {
      for (let k = 0; k < bestK[t]![b]!; k++) take[g.members[k]!] = 1;
    });
    return take;
  });
  // Plans found in a curve's regions are priced with that curve, an upper bound of the envelope;
  // the optimum is priced exactly in the regions of its cheapest curve, so the incumbent's price is
  // exact at the end. The plan's cost is recomputed with the envelope all the same.
  let sites = 0;
  preps.forEach((p, t) => p.groups.forEach((g, b) => (sites += g.F * bestK[t]![b]!)));
  const exact = sites + G(bestQ);
  return { cost: Math.min(best, exact), site, Q: bestQ, cutoff: false };
}
