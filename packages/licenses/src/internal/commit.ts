// A multi-year seat commitment beside yearly seat options: one product whose seat contracts all
// serve the same roles (one pool), one commitment term (one or more options over the same block of
// years, mixed), one-year site licences. The commitment's quantity q is one number for its whole
// term; yearly options top it up.
//
// How (in plain words):
// - Few schools: every committed quantity and every site set, exact (commitEnum.ts).
// - Else, with a constant price a committed seat, the branch and bound over the linear relaxation
//   (commitLp.ts), on any number of schools; when it proves, that is the answer. Otherwise, on up
//   to 20 schools, the exact search below; on more, the best plan found with the relaxation's bound
//   (the caller also runs the general search and keeps the better plan and the higher bound).
// - For a fixed q every year is independent: its pool costs the cheapest mix of the year's options
//   for the seats above q — a one-year mix with q free seats as one more option — against the
//   schools' site licences, which the fast one-year path solves exactly. So a plan with q costs
//   T(q) = C(q) + Σ_t V_t(q).
// - Lower bound (Lagrangian): split the commitment's cost over its years with weights w_t ≥ 0,
//   Σ w_t = 1. Every plan costs Σ_t [w_t C(q) + V_t(q)] ≥ Σ_t min over q_t of [w_t C(q_t) + V_t(q_t)],
//   and each term is again a one-year mix (the commitment priced w_t × its cost as one more option).
// - With a constant price a seat (C(q) = π·q), branch and bound over intervals [lo, hi] of q: lo
//   seats are free in every year (π·lo paid once), the rest priced w_t × C and capped at hi − lo;
//   split at the median of the years' own choices. Otherwise the bound is taken over all q and the
//   weights move towards the years whose own choice is dearest (subgradient steps).
// - Upper bound: T(q) at the quantities the years chose, and at 0.
// - Proven when the bound reaches the best T(q); else the relaxation's plan and bound, or no answer.
// Why it is fast: every step is a one-year mix solved by the fast path, a few per year; it replaces
// the general search's enumeration of every school's site pattern.
// References in the tests: commit.prop.test.ts compares with enumeration of every seat quantity
// vector and site set (test/bruteForceMix.ts) on random markets of this shape.
import { ROLES } from "../schema.js";
import { enumerateCommitment } from "./commitEnum.js";
import { commitLpSearch, type LpYear } from "./commitLp.js";
import { Curve } from "./curve.js";
import { Mix, type MixColumn } from "./mix.js";
import { demandAt, type Model, type ProductModel, ROLE_COUNT, type SeatColumn } from "./model.js";
import { type Choice, closes as closesAt, type Solved } from "./solved.js";
import type { PreparedYear } from "./yearSchools.js";

const INF = Number.POSITIVE_INFINITY;
/** Subgradient steps on the split of the commitment's cost. */
const ROUNDS = 4;

/** What the search asks of the product solver. */
export interface CommitHooks {
  /**
   * Year t with the pooled seats of `roles` priced by `mix`, whose columns are `cols` (null: a
   * column that is not a purchase, such as the committed seats); null when too large.
   */
  year(t: number, roles: readonly number[], mix: Mix, cols: readonly (SeatColumn | null)[]): Solved | null;
  /** The purchases holding q seats under the commitment's mix. */
  commitChoices(mix: Mix, cols: readonly SeatColumn[], q: number): Choice[];
  /** Year t's schools for the pool of `roles` (null: a school nothing covers). */
  prepared(t: number, roles: readonly number[]): PreparedYear | null;
}

const roleBits = (c: SeatColumn): number => (c.key === "any" ? 0b111 : 1 << ROLES.indexOf(c.key));
const columnOf = (c: SeatColumn): MixColumn => ({ curves: c.variants.map((v) => v.curves[c.block]!) });
/** The column priced w × its cost, holding at most `cap` seats. */
const scaled = (col: MixColumn, w: number, cap = INF): MixColumn => ({
  curves: col.curves.map((cv) => new Curve(cv.parts.map((p) => ({ s: cap < p.s.max ? { ...p.s, max: cap } : p.s, w: p.w * w })))),
});
/** Whether every variant prices seats at a constant price (no minimum, fee, maximum or brackets). */
const linear = (col: MixColumn): boolean => col.curves.every((cv) => cv.parts.every((p) => p.s.type === 0 && p.s.min === 0 && p.s.fee === 0 && p.s.max === INF));
/** Nodes of the search over the commitment's quantity (each a one-year mix per year). */
const COMMIT_NODES = 200;
/**
 * Nodes of the relaxation's branch and bound (commitLp.ts): one per 2,000 of the caller's node
 * limit (100 at the default 200,000; with its exact node solve every P1 term proves in fewer), at
 * most this many.
 */
const LP_NODES = 1_000;
const LP_NODES_PER = 2_000;
/**
 * Schools up to which the search runs: on large markets (P1's 200 schools) its bound closes too
 * slowly for the one-year solves it costs, and the general search answers instead.
 */
const COMMIT_SCHOOLS = 20;
/** The yearly options' mix of a product-year (for a given top), shared by the searches of its masks. */
const yearMixes = new WeakMap<ProductModel, Map<string, Mix>>();
function yearMix(p: ProductModel, t: number, top: number, cols: readonly SeatColumn[]): Mix {
  let byKey = yearMixes.get(p);
  if (byKey === undefined) {
    byKey = new Map();
    yearMixes.set(p, byKey);
  }
  const key = `${t}|${top}|${cols.map((c) => `${c.optionIndex}:${c.block}`).join(",")}`;
  let mix = byKey.get(key);
  if (mix === undefined) {
    mix = new Mix(cols.map(columnOf), top);
    byKey.set(key, mix);
  }
  return mix;
}

/** q seats at no cost: the committed seats seen from one year. */
const freeSeats = (q: number): MixColumn => ({
  curves: [new Curve([{ s: { type: 0, unit: 0, tiers: [], packSize: 1, packPrice: 0, min: 0, max: q, fee: 0 }, w: 1 }])],
});

/** The pooled problem of `left` when it has the shape above, proven; else null. */
export function commitSearch(m: Model, p: ProductModel, left: number, hooks: CommitHooks, integral: boolean, maxNodes: number): Solved | null {
  const { Y, S } = m;
  const years: number[] = [];
  for (let t = 0; t < Y; t++) if ((left >> t) & 1) years.push(t);
  // roles with demand, and each year's pooled total of them
  let demandRoles = 0;
  const total = new Float64Array(Y);
  for (const t of years)
    for (let s = 0; s < S; s++)
      for (let r = 0; r < ROLE_COUNT; r++) {
        const d = demandAt(p, Y, s, r, t);
        if (d > 0) {
          demandRoles |= 1 << r;
          total[t] = total[t]! + d;
        }
      }
  if (p.sites.some((v) => v.multiYear && v.blocks.some((b) => (b.mask & left) !== 0))) return null;
  const inLeft = p.seatColumns.filter((c) => c.years.some((t) => t < Y && (left >> t) & 1));
  // earned free seats link roles (a contract of a role without demand can earn seats of one with)
  if (inLeft.some((c) => c.entitlement !== null)) return null;
  const active = inLeft.filter((c) => (roleBits(c) & demandRoles) !== 0);
  const eff = new Set(active.map((c) => roleBits(c) & demandRoles));
  if (eff.size !== 1) return null;
  const bits = [...eff][0]!;
  const roles = [0, 1, 2].filter((r) => (bits >> r) & 1);
  const commits = active.filter((c) => c.multiYear);
  if (commits.length === 0 || commits.some((c) => c.mask !== commits[0]!.mask)) return null;
  const B = years.filter((t) => (commits[0]!.mask >> t) & 1);
  if (B.length === 0) return null;
  // roles outside the pool have demand: those schools take site licences (the year path does it)
  const yearCols = (t: number): SeatColumn[] => active.filter((c) => !c.multiYear && c.years[0] === t);
  const top = Math.max(1, ...years.map((t) => total[t]!));
  const commitMix = new Mix(commits.map(columnOf), top);
  const closes = (lb: number, ub: number): boolean => closesAt(lb, ub, integral);

  // years outside the term: one-year mixes
  const plain: Solved[] = [];
  for (const t of years) {
    if (B.includes(t)) continue;
    const cols = yearCols(t);
    if (cols.length === 0) return null;
    const r = hooks.year(t, roles, new Mix(cols.map(columnOf), top), cols);
    if (r === null || !r.proven) return null;
    plain.push(r);
  }
  let plainCost = 0;
  let nodes = 0;
  for (const r of plain) {
    plainCost += r.cost;
    nodes += r.nodes;
  }
  if (!Number.isFinite(plainCost)) return null;

  // T(q): exact plan with q committed seats
  const evalMemo = new Map<number, { cost: number; parts: Solved[] } | null>();
  const planAt = (q: number): { cost: number; parts: Solved[] } | null => {
    const hit = evalMemo.get(q);
    if (hit !== undefined) return hit;
    let cost = q > 0 ? commitMix.eval(q) : 0;
    const parts: Solved[] = [];
    let out: { cost: number; parts: Solved[] } | null = { cost, parts };
    for (const t of B) {
      const cols = yearCols(t);
      const mixCols = q > 0 ? [freeSeats(q), ...cols.map(columnOf)] : cols.map(columnOf);
      if (mixCols.length === 0) {
        out = null;
        break;
      }
      const r = hooks.year(t, roles, new Mix(mixCols, top), q > 0 ? [null, ...cols] : cols);
      if (r === null || !r.proven) {
        out = null;
        break;
      }
      nodes += r.nodes;
      cost += r.cost;
      parts.push(r);
    }
    if (out !== null) out = { cost, parts };
    evalMemo.set(q, out);
    return out;
  };

  let bestQ = -1;
  let best = INF;
  const offer = (q: number): void => {
    const r = planAt(q);
    if (r !== null && r.cost < best) {
      best = r.cost;
      bestQ = q;
    }
  };
  /** The proven plan at q (its cost closes against the bound). */
  const done = (q: number, bound: number): Solved | null => {
    const plan = planAt(q);
    if (plan === null || !closes(bound, plan.cost)) return null;
    return finish(plain, plainCost, nodes, plan, () => (q > 0 ? hooks.commitChoices(commitMix, commits, q) : []));
  };

  // the Lagrangian bound over splits w of the commitment's cost, on the quantities [lo, hi]: with a
  // constant price π a seat, C(q) = π·lo + C(q − lo), so lo seats are free in every year and the
  // rest is priced w_t × C, at most hi − lo of them; otherwise only [0, top] (no branching)
  const flat = commits.every((c) => linear(columnOf(c)));
  const w = new Float64Array(Y);
  for (const t of B) w[t] = 1 / B.length;
  const bound = (lo: number, hi: number): { lb: number; qs: number[]; paid: number[] } | null => {
    let lb = plainCost + (lo > 0 ? commitMix.eval(lo) : 0);
    const qs: number[] = [];
    const paid: number[] = [];
    for (const t of B) {
      const cols = yearCols(t);
      const head: MixColumn[] = [];
      const heads: (SeatColumn | null)[] = [];
      if (lo > 0) {
        head.push(freeSeats(lo));
        heads.push(null);
      }
      if (hi > lo) {
        for (const c of commits) head.push(scaled(columnOf(c), w[t]!, hi - lo));
        heads.push(...commits);
      }
      const r = hooks.year(t, roles, new Mix([...head, ...cols.map(columnOf)], top), [...heads, ...cols]);
      if (r === null || !r.proven) return null;
      nodes += r.nodes;
      lb += r.cost;
      // the commitment seats this year chose beyond lo, and what they cost unscaled
      let x = 0;
      for (const ch of r.choices) if (ch.kind === "seat" && commits.some((c) => c.variants.includes(ch.variant as never))) x += ch.paid ?? 0;
      qs.push(lo + x);
      paid.push(lo + x > 0 ? commitMix.eval(lo + x) : 0);
    }
    return { lb, qs, paid };
  };
  let lb = Number.NEGATIVE_INFINITY;
  let lpBound = Number.NEGATIVE_INFINITY;
  // each year of the term: its schools and its yearly mix
  const lpYears: LpYear[] = [];
  for (const t of B) {
    const prep = hooks.prepared(t, roles);
    const cols = yearCols(t);
    if (prep === null || cols.length === 0) break;
    lpYears.push({ base: prep.fixedCost, schools: prep.schools, mix: yearMix(p, t, top, cols) });
  }
  const qTop = Math.max(...B.map((t) => total[t]!));
  if (lpYears.length === B.length) {
    // few schools: every quantity and site set (commitEnum.ts), exact
    const e = enumerateCommitment(lpYears, qTop, (q) => commitMix.eval(q));
    if (e !== null) {
      const r = done(e.q, e.cost);
      if (r !== null) return r;
    }
  }
  if (flat && lpYears.length === B.length) {
    // the relaxation's branch and bound (commitLp.ts): it proves most terms on any number of schools
    const r = commitLpSearch(
      { pi: commitMix.eval(1), years: lpYears, qTop, plain: 0, integral, exact: (q) => planAt(q)?.cost ?? null },
      { q: -1, cost: INF },
      Math.max(1, Math.min(LP_NODES, Math.floor(maxNodes / LP_NODES_PER))),
    );
    if (r !== null && r.q >= 0) {
      offer(r.q);
      if (bestQ >= 0 && closes(r.lowerBound, best)) return done(bestQ, r.lowerBound);
      lpBound = r.lowerBound;
    }
  }
  // not proven: on many schools, the best plan with the relaxation's bound (the exact search below
  // closes too slowly there); else the exact search, and that answer if it fails
  const unproven = (): Solved | null => {
    if (bestQ < 0 || !Number.isFinite(lpBound)) return null;
    const q = bestQ;
    const plan = planAt(q)!;
    return finish(plain, plainCost, nodes, plan, () => (q > 0 ? hooks.commitChoices(commitMix, commits, q) : []), plainCost + Math.min(lpBound, plan.cost));
  };
  if (S > COMMIT_SCHOOLS) return unproven();
  offer(0);
  if (flat) {
    // branch and bound over intervals of q, splitting at the median of the years' choices
    const stack: { lo: number; hi: number }[] = [{ lo: 0, hi: qTop }];
    let open = Number.POSITIVE_INFINITY;
    let visited = 0;
    const leftOver: number[] = [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (++visited > COMMIT_NODES) return unproven();
      const r = bound(node.lo, node.hi);
      if (r === null) return unproven();
      for (const q of r.qs) offer(q);
      if (closes(r.lb, best)) continue;
      if (node.lo >= node.hi) {
        // a single quantity: its bound is the plan's cost
        leftOver.push(r.lb);
        continue;
      }
      const sorted = [...r.qs].sort((a, b) => a - b);
      const at = Math.min(node.hi - 1, Math.max(node.lo, sorted[(sorted.length - 1) >> 1]!));
      stack.push({ lo: at + 1, hi: node.hi }, { lo: node.lo, hi: at });
    }
    for (const x of leftOver) open = Math.min(open, x);
    lb = Math.min(open, best);
  } else {
    let step = 0.5 / B.length;
    for (let round = 0; round < ROUNDS; round++) {
      // no cap: a minimum or whole packs can make holding more seats than the demand the best buy
      const r = bound(0, INF);
      if (r === null) return unproven();
      if (r.lb > lb) lb = r.lb;
      for (const q of r.qs) offer(q);
      if (closes(lb, best)) break;
      // subgradient: more weight to the years whose chosen commitment costs more than the average
      const mean = r.paid.reduce((a, x) => a + x, 0) / r.paid.length;
      const spread = Math.max(...r.paid.map((x) => Math.abs(x - mean)));
      if (spread === 0) break;
      B.forEach((t, i) => (w[t] = Math.max(0, w[t]! + (step * (r.paid[i]! - mean)) / spread)));
      const sum = B.reduce((a, t) => a + w[t]!, 0);
      if (sum <= 0) break;
      for (const t of B) w[t] = w[t]! / sum;
      step /= 2;
    }
  }
  if (bestQ < 0 || !closes(lb, best)) return unproven();
  return done(bestQ, lb);
}

/** The plan of a search: proven, or (with `open`, a lower bound below its cost) not. */
function finish(plain: readonly Solved[], plainCost: number, nodes: number, plan: { cost: number; parts: Solved[] }, commitChoices: () => Choice[], open?: number): Solved {
  const parts = [...plain, ...plan.parts];
  const cost = plainCost + plan.cost;
  return {
    cost,
    lowerBound: open === undefined ? cost : Math.min(open, cost),
    proven: open === undefined,
    nodes,
    get choices(): readonly Choice[] {
      const out: Choice[] = [];
      for (const r of parts) out.push(...r.choices);
      out.push(...commitChoices());
      return out;
    },
  };
}
