// The exact pooled-seat cover (cover.ts's problem) for small demand, by enumeration instead of
// branch and bound, so that small markets always end proven.
//
// How (in plain words):
// - The contracts that link years or roles — a multi-year contract (one quantity for every year
//   of its term) or one that earns free seats of another role — are LINKING columns. Their
//   quantities are enumerated, one column after another, each from 0 up to the most seats it can
//   usefully hold.
// - Once the linking quantities are fixed, every year is an independent one-year problem: the
//   linking contracts supply a fixed number of `any` seats and of each role's seats (paid, and free
//   seats rounded down); the one-year contracts of each key are mixed exactly into one cost curve
//   (mix.ts); and the year costs
//       min over u_r (seats bought under role r's one-year mix) of
//       Σ_r R_r(u_r) + A(max(0, Σ_r (P'_r − u_r) − a)),
//   with P'_r the role's demand left after the linking role seats, a the linking `any` seats and
//   A the one-year `any` mix: by Hall's theorem the `any` seats must cover what the role seats
//   leave, role by role summed. The role mixes are convolved once per year and residual demand.
// - Pruning: costs never fall with more seats and a year's cost never rises with more supply, so
//   while a column's quantity rises, once its cost plus the years' cost with every linking column
//   not yet fixed at its most seats reaches the best plan, no larger quantity can do better.
// The answer is exact (proven). The caller asks first whether the work is small (`smallCoverWork`).
// The reference in the tests (smallCover.prop.test.ts) is the enumeration of every quantity vector
// (test/bruteForceMix.ts's model); cover.prop.test.ts compares cover.ts the same way.
import type { CoverProblem, CoverSolution } from "./cover.js";
import { Mix } from "./mix.js";

const INF = Number.POSITIVE_INFINITY;
const ANY = 0b111;

/** Most elementary steps the enumerations of one problem may take (seats scanned and convolved). */
export const SMALL_COVER_WORK = 30_000_000;

interface YearPlan {
  /** One-year mix of each role (index r), or null. */
  readonly roleMix: readonly (Mix | null)[];
  /** Cover columns behind each role mix's columns. */
  readonly roleCols: readonly (readonly number[])[];
  readonly anyMix: Mix | null;
  readonly anyCols: readonly number[];
  /** Convolutions memoised by residual demand: value per total role seats bought, and the choices. */
  readonly conv: Map<string, { value: Float64Array; pick: Int32Array[] }>;
}

function demandOf(P: Float64Array, T: number, r: number, t: number): number {
  return P[r * T + t]!;
}

/** A linking contract, or several over the same years for the same roles mixed into one. */
interface Linking {
  readonly cols: readonly number[];
  readonly mix: Mix;
  readonly years: readonly number[];
  readonly roles: number;
  readonly free: CoverProblem["columns"][number]["free"];
}

/** Linking columns (multi-year or earning free seats) and the one-year columns of each year and key. */
function split(cover: CoverProblem, P: Float64Array): { linking: Linking[]; years: YearPlan[] } {
  const T = cover.T;
  let top = 1;
  for (let t = 0; t < T; t++) top = Math.max(top, demandOf(P, T, 0, t) + demandOf(P, T, 1, t) + demandOf(P, T, 2, t));
  const merged = (cols: readonly number[]): Mix | null =>
    cols.length === 0
      ? null
      : new Mix(
          cols.map((j) => cover.columns[j]!.mix.columns[0]!),
          top,
        );
  const groups = new Map<string, number[]>();
  const byYear: { roles: number[][]; any: number[] }[] = Array.from({ length: T }, () => ({ roles: [[], [], []], any: [] }));
  cover.columns.forEach((c, j) => {
    if (c.years.length !== 1 || c.free !== null) {
      // contracts over the same years for the same roles, without free seats, are one mixed quantity
      const key = c.free === null ? `${c.roles}|${c.years.join(",")}` : `free${j}`;
      const list = groups.get(key);
      if (list) list.push(j);
      else groups.set(key, [j]);
      return;
    }
    const t = c.years[0]!;
    if (c.roles === ANY) byYear[t]!.any.push(j);
    else byYear[t]!.roles[Math.log2(c.roles)]!.push(j);
  });
  const linking = [...groups.values()].map((cols) => {
    const c = cover.columns[cols[0]!]!;
    return { cols, mix: cols.length === 1 ? c.mix : merged(cols)!, years: c.years, roles: c.roles, free: c.free };
  });
  const years = byYear.map((y) => ({
    roleMix: y.roles.map(merged),
    roleCols: y.roles,
    anyMix: merged(y.any),
    anyCols: y.any,
    conv: new Map(),
  }));
  return { linking, years };
}

/** The most seats column j can use under demand P (its rows' demand; with free seats, what earns them all). */
function upTo(c: Pick<Linking, "years" | "roles" | "free" | "mix">, T: number, P: Float64Array): number {
  let u = 0;
  for (const t of c.years) {
    let n = 0;
    for (let r = 0; r < 3; r++) if ((c.roles >> r) & 1) n += demandOf(P, T, r, t);
    if (c.free !== null) n = Math.max(n, Math.ceil((demandOf(P, T, c.free.role, t) * c.free.per) / c.free.free));
    u = Math.max(u, n);
  }
  return Math.min(u, c.mix.cap);
}

/** Elementary steps the enumeration may still take, shared by the calls on one problem. */
export interface Budget {
  left: number;
}

/**
 * The cheapest cover of demand P ([r * T + t]), exact; null when the enumeration would take more
 * steps than the budget has left (the caller then uses cover.ts's search). The steps taken are
 * taken off the budget; a call that runs out empties it, so later calls give up at once.
 */
export function solveSmallCover(cover: CoverProblem, P: Float64Array, pool: Budget = { left: SMALL_COVER_WORK }): CoverSolution | null {
  if (pool.left <= 0) return null;
  const budget = pool.left;
  const T = cover.T;
  const J = cover.columns.length;
  const { linking, years } = split(cover, P);
  const L = linking.length;
  const U = linking.map((g) => upTo(g, T, P));
  let nodes = 0;
  let steps = 0;

  // supplies of the linking columns in year t: any seats and role seats (paid + free)
  const supplies = (q: ArrayLike<number>, t: number): { a: number; s: number[] } => {
    let a = 0;
    const s = [0, 0, 0];
    for (let i = 0; i < L; i++) {
      const c = linking[i]!;
      const x = q[i]!;
      if (x <= 0 || !c.years.includes(t)) continue;
      if (c.roles === ANY) a += x;
      else {
        const r = Math.log2(c.roles);
        s[r] = s[r]! + x;
      }
      if (c.free !== null) s[c.free.role] = s[c.free.role]! + Math.floor((c.free.free * x) / c.free.per);
    }
    return { a, s };
  };

  const convFor = (y: YearPlan, res: readonly number[]): { value: Float64Array; pick: Int32Array[] } => {
    const key = res.join(",");
    const hit = y.conv.get(key);
    if (hit) return hit;
    steps += (res[0]! + 1) * (res[1]! + 1) * (res[2]! + 1);
    // min-plus convolution of the role mixes, role r limited to res[r] seats (more never helps)
    let value = Float64Array.of(0);
    const pick: Int32Array[] = [];
    for (let r = 0; r < 3; r++) {
      const mix = y.roleMix[r];
      const top = mix === null ? 0 : res[r]!;
      const next = new Float64Array(value.length + top).fill(INF);
      const arg = new Int32Array(value.length + top);
      for (let u = 0; u <= top; u++) {
        const c = u === 0 ? 0 : mix!.eval(u);
        if (!Number.isFinite(c)) continue;
        for (let k = 0; k < value.length; k++) {
          const v = value[k]! + c;
          if (v < next[k + u]!) {
            next[k + u] = v;
            arg[k + u] = u;
          }
        }
      }
      value = next;
      pick.push(arg);
    }
    const out = { value, pick };
    y.conv.set(key, out);
    return out;
  };

  /** Year t's cost with the linking supplies of q, and (when asked) what each one-year column holds. */
  const yearCost = (t: number, q: ArrayLike<number>, hold?: Float64Array): number => {
    const y = years[t]!;
    const { a, s } = supplies(q, t);
    const res = [0, 1, 2].map((r) => Math.max(0, demandOf(P, T, r, t) - s[r]!));
    const tot = res[0]! + res[1]! + res[2]!;
    if (tot === 0) return 0;
    const { value, pick } = convFor(y, res);
    let best = INF;
    let bestK = -1;
    const kTop = Math.min(value.length - 1, tot);
    steps += kTop + 1;
    for (let k = 0; k <= kTop; k++) {
      const rest = tot - k - a;
      const any = rest <= 0 ? 0 : y.anyMix === null ? INF : y.anyMix.eval(rest);
      const v = value[k]! + any;
      if (v < best) {
        best = v;
        bestK = k;
      }
      if (rest <= 0) break;
    }
    if (hold !== undefined && bestK >= 0) {
      let k = bestK;
      const u = [0, 0, 0];
      for (let r = 2; r >= 0; r--) {
        u[r] = pick[r]![k]!;
        k -= u[r]!;
      }
      const place = (mix: Mix | null, cols: readonly number[], n: number): void => {
        if (mix === null || n <= 0) return;
        for (const part of mix.compose(n)) hold[cols[part.column]!] = part.qty;
      };
      for (let r = 0; r < 3; r++) place(y.roleMix[r]!, y.roleCols[r]!, u[r]!);
      place(y.anyMix, y.anyCols, tot - bestK - a);
    }
    return best;
  };

  const yearsCost = (q: ArrayLike<number>): number => {
    let c = 0;
    for (let t = 0; t < T && Number.isFinite(c); t++) c += yearCost(t, q);
    return c;
  };

  const q = new Float64Array(L);
  const bestQ = new Float64Array(L);
  let best = INF;
  const rec = (i: number, acc: number): void => {
    nodes++;
    if (steps > budget) return;
    if (i === L) {
      const c = acc + yearsCost(q);
      if (c < best) {
        best = c;
        bestQ.set(q);
      }
      return;
    }
    const col = linking[i]!.mix;
    // the years' cost with columns i … L−1 at their most seats: the least they can cost from here
    for (let k = i; k < L; k++) q[k] = U[k]!;
    const floor = yearsCost(q);
    for (let k = i + 1; k < L; k++) q[k] = 0;
    for (let x = 0; x <= U[i]!; x++) {
      const c = x === 0 ? 0 : col.eval(x);
      if (!Number.isFinite(c)) continue;
      // column costs never fall with more seats: no larger x can beat the best plan either
      if (acc + c + floor >= best) break;
      q[i] = x;
      rec(i + 1, acc + c);
    }
    q[i] = 0;
  };
  rec(0, 0);
  pool.left = steps > budget ? 0 : pool.left - steps;
  if (steps > budget) return null;
  if (!Number.isFinite(best)) return { cost: INF, q: [], proven: true, nodes };
  const hold = new Float64Array(J);
  linking.forEach((g, i) => {
    if (bestQ[i]! <= 0) return;
    if (g.cols.length === 1) hold[g.cols[0]!] = bestQ[i]!;
    else for (const part of g.mix.compose(bestQ[i]!)) hold[g.cols[part.column]!] = part.qty;
  });
  for (let t = 0; t < T; t++) yearCost(t, bestQ, hold);
  return { cost: cover.costOf(hold), q: Array.from(hold), proven: true, nodes };
}
