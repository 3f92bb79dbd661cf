// The pooled seats of one product when its seat contracts can share a role's seats: several
// contracts of one role in a year (packs of different sizes, a pack plus per-seat top-up, tiers
// plus packs), an `any`-role contract beside role contracts, a multi-year commitment beside other
// seats, or contracts that earn free seats of another role. The covering rows then sum every
// contract's seats (cover.ts: Hall rows per year and set of roles), which the one-contract-per-role
// search (solve.ts) does not model.
//
// How (in plain words):
// - Every cover below is solved first by smallCover.ts (the multi-year and entitlement quantities
//   enumerated, each year then split exactly; proven) while its step budget lasts, else by
//   cover.ts's branch and bound (proven unless its node limit stops it).
// - Without site licences the pooled demand of each role and year is fixed: one cover.
// - With site licences, each school chooses between a site licence and the pool. The plan is the
//   better of (a) the one-contract-per-role plan (solve.ts, feasible in the full model) and (b) the
//   same site licences with the pooled seats re-bought by the exact cover. Its lower bound is
//   Lagrangian: the cover's cost is at least α + Σ price(role, year) × pooled seats for every pooled
//   demand (cover.ts `line`), so every plan costs at least α + Σ over schools of the cheapest of
//   "site licences for some years, the priced pool for the rest" — schools are then independent.
//   The plan is reported proven only when that bound reaches its cost; else `best-found` with the gap.
//
// Why it is fast enough: the cover has a handful of columns and at most 7 rows a year; the bound is
// one pass over schools with a small table over sets of years per school.
import { ROLES } from "../schema.js";
import { type CoverColumn, CoverProblem, type CoverSolution } from "./cover.js";
import { seatsPaid } from "./curve.js";
import { Mix } from "./mix.js";
import { demandAt, type Model, type ProductModel, ROLE_COUNT, type SeatColumn, type SiteVariant } from "./model.js";
import { type Budget, SMALL_COVER_WORK, solveSmallCover } from "./smallCover.js";
import { type Choice, closes as closesAt, type Solved } from "./solved.js";

const INF = Number.POSITIVE_INFINITY;
/** Node budget of one exact cover solve (cover.ts) inside the general problem. */
const COVER_NODES = 300;
/** Schools up to which the general problem searches site choices exactly (else: plan and bound). */
const SEARCHED_SCHOOLS = 8;
/** Node budget of the school search of the general problem. */
const SCHOOL_NODES = 5_000;

const roleBits = (c: SeatColumn): number => (c.key === "any" ? 0b111 : 1 << ROLES.indexOf(c.key));

/** The seat columns active in plan year t. */
function activeIn(p: ProductModel, t: number): SeatColumn[] {
  return p.seatColumns.filter((c) => c.years.includes(t));
}

/**
 * Whether the pooled problem of `left` needs the general cover: in some year a contract earns free
 * seats, an `any` contract stands beside role contracts, or a multi-year contract beside another
 * one serving its roles. (One-year contracts of the same key alone are mixed exactly by solve.ts.)
 */
export function mixable(p: ProductModel, left: number, Y: number): boolean {
  for (let t = 0; t < Y; t++) {
    if (!((left >> t) & 1)) continue;
    const cols = activeIn(p, t);
    let any = false;
    let role = false;
    for (const c of cols) {
      if (c.entitlement !== null) return true;
      if (c.key === "any") any = true;
      else role = true;
      // a multi-year contract beside another contract of its key (or of every role)
      if (c.multiYear && cols.some((o) => o !== c && (o.key === c.key || o.key === "any" || c.key === "any"))) return true;
    }
    if (any && role) return true;
  }
  return false;
}

interface Built {
  readonly cover: CoverProblem;
  readonly cols: readonly SeatColumn[];
  /** Total demand per slot [r * Y + t] over the years of `left`. */
  readonly totals: Float64Array;
  /** What the small-demand enumeration (smallCover.ts) may still spend on this problem. */
  readonly small: Budget;
}

function build(m: Model, p: ProductModel, left: number): Built {
  const { Y, S } = m;
  const totals = new Float64Array(ROLE_COUNT * Y);
  for (let t = 0; t < Y; t++) {
    if (!((left >> t) & 1)) continue;
    for (let s = 0; s < S; s++) for (let r = 0; r < ROLE_COUNT; r++) totals[r * Y + t] = totals[r * Y + t]! + demandAt(p, Y, s, r, t);
  }
  const roleMasks = Array.from({ length: Y }, (_, t) => {
    let mask = 0;
    for (let r = 0; r < ROLE_COUNT; r++) if (totals[r * Y + t]! > 0) mask |= 1 << r;
    return mask;
  });
  const cols = p.seatColumns.filter((c) => c.years.some((t) => t < Y && (left >> t) & 1));
  const columns: CoverColumn[] = cols.map((c) => {
    const years = c.years.filter((t) => t < Y && (left >> t) & 1);
    const bits = roleBits(c);
    let top = 0;
    for (const t of years) {
      let n = 0;
      for (let r = 0; r < ROLE_COUNT; r++) if ((bits >> r) & 1) n += totals[r * Y + t]!;
      top = Math.max(top, n);
      // seats bought to earn free seats: up to the free role's demand × per / free
      if (c.entitlement !== null) top = Math.max(top, Math.ceil((totals[c.entitlement.role * Y + t]! * c.entitlement.per) / c.entitlement.free));
    }
    return {
      mix: new Mix([{ curves: c.variants.map((v) => v.curves[c.block]!) }], top),
      years,
      roles: bits,
      free: c.entitlement,
    };
  });
  return { cover: new CoverProblem(Y, roleMasks, columns, totals, m.integral), cols, totals, small: { left: SMALL_COVER_WORK } };
}

/** The exact cover of demand P: by enumeration when that is small (proven), else cover.ts's search. */
function coverSolve(b: Built, P: Float64Array, maxNodes: number): CoverSolution {
  return solveSmallCover(b.cover, P, b.small) ?? b.cover.solve(P, maxNodes);
}

/** The seat purchases of a cover solution: each column's quantity under its cheapest variant. */
function seatChoices(b: Built, sol: CoverSolution, own: readonly number[]): Choice[] {
  const out: Choice[] = [];
  sol.q.forEach((q, j) => {
    if (q <= 0) return;
    const col = b.cols[j]!;
    const mix = b.cover.columns[j]!.mix;
    for (const part of mix.compose(q)) {
      const v = col.variants[part.variant]!;
      const block = v.blocks[col.block]!;
      const cash = v.cash(col.block, part.qty);
      out.push({
        kind: "seat",
        variant: v,
        block: col.block,
        productIndices: own,
        key: v.key,
        need: q,
        paid: seatsPaid(v.schedules[block.years[0]!]!, part.qty),
        cash,
        cost: v.curves[col.block]!.exact(part.qty),
      });
    }
  });
  return out;
}

/**
 * A price per pooled seat of each slot [r * Y + t] valid for every plan: a contract j holding q seats
 * costs at least rate_j × q × (its years in `left`), where rate_j is its least cost per seat-year
 * (from each tuple's convex relaxation, at its breakpoints: the average of a linear piece is
 * monotone), and it supplies at most (1 + free_j/per_j) × q seats a year to all roles together. So
 * every plan pays at least, each year, the cheapest rate per supplied seat × that year's pooled
 * seats (the covering row of all roles). Priced per seat of every role alike.
 */
function seatRates(b: Built, left: number, Y: number): Float64Array {
  const yearRate = new Float64Array(Y).fill(INF);
  b.cover.columns.forEach((c) => {
    const n = c.years.length;
    if (n === 0) return;
    let rate = INF;
    const top = Math.max(1, Math.min(b.cover.U[b.cover.columns.indexOf(c)]!, c.mix.cap));
    for (const tc of c.mix.curves) {
      for (const q of [...tc.keyPoints(top), top]) {
        if (q < 1 || q > tc.cap) continue;
        const v = tc.relaxed(q) / q;
        if (v < rate) rate = v;
      }
    }
    const supply = 1 + (c.free === null ? 0 : c.free.free / c.free.per);
    const perSeat = rate / n / supply;
    for (const t of c.years) if (perSeat < yearRate[t]!) yearRate[t] = perSeat;
  });
  const prices = new Float64Array(ROLE_COUNT * Y);
  for (let t = 0; t < Y; t++) {
    if (!((left >> t) & 1)) continue;
    const r = Number.isFinite(yearRate[t]!) ? Math.max(0, yearRate[t]!) : 0;
    for (let k = 0; k < ROLE_COUNT; k++) prices[k * Y + t] = r;
  }
  return prices;
}

/** Pooled seats per slot [r * Y + t] when the schools and years in `sited` hold site licences. */
function pooledDemand(m: Model, p: ProductModel, left: number, sited: (s: number, t: number) => boolean): Float64Array {
  const { Y, S } = m;
  const P = new Float64Array(ROLE_COUNT * Y);
  for (let t = 0; t < Y; t++) {
    if (!((left >> t) & 1)) continue;
    for (let s = 0; s < S; s++) {
      if (sited(s, t)) continue;
      for (let r = 0; r < ROLE_COUNT; r++) P[r * Y + t] = P[r * Y + t]! + demandAt(p, Y, s, r, t);
    }
  }
  return P;
}

interface Pattern {
  /** Years (bits) covered by site licences. */
  readonly mask: number;
  readonly siteCost: number;
  readonly sites: readonly { readonly v: SiteVariant; readonly block: number }[];
  /** Site cost + the priced pool of the school's other years. */
  readonly value: number;
}

/** One school's seats and priced pool per year, into `seats` and `pool`; returns its years with demand (bits). */
function schoolPool(p: ProductModel, Y: number, years: readonly number[], s: number, prices: Float64Array, seats: Float64Array, pool: Float64Array): number {
  seats.fill(0);
  pool.fill(0);
  let demandMask = 0;
  for (const t of years) {
    for (let r = 0; r < ROLE_COUNT; r++) {
      const d = demandAt(p, Y, s, r, t);
      seats[t] = seats[t]! + d;
      pool[t] = pool[t]! + prices[r * Y + t]! * d;
    }
    if (seats[t]! > 0) demandMask |= 1 << t;
  }
  return demandMask;
}

/**
 * The cheapest site cost covering each set of years M (bits) at school s, into `cover` (Infinity: no
 * set of its site licences covers M); `how`, when given, receives the licences of each.
 */
function siteCovers(
  p: ProductModel,
  Y: number,
  left: number,
  s: number,
  seats: Float64Array,
  demandMask: number,
  cover: Float64Array,
  how: ({ v: SiteVariant; block: number }[] | null)[] | null,
): void {
  const full = 1 << Y;
  cover.fill(INF);
  cover[0] = 0;
  if (how !== null) how[0] = [];
  for (const v of p.sites) {
    const per = v.perSchool[s];
    if (!per) continue;
    v.blocks.forEach((bl, bi) => {
      const mk = bl.mask & left & demandMask;
      if (mk === 0 || !Number.isFinite(per.cost[bi]!)) return;
      for (const t of bl.years) if (t < Y && seats[t]! > v.maxSeats) return;
      const c = per.cost[bi]!;
      for (let M = full - 1; M >= 0; M--) {
        if (cover[M]! + c < cover[M | mk]!) {
          cover[M | mk] = cover[M]! + c;
          if (how !== null) how[M | mk] = [...how[M]!, { v, block: bi }];
        }
      }
    });
  }
}

/** The years of `left`, increasing. */
const yearsOf = (left: number, Y: number): number[] => Array.from({ length: Y }, (_, t) => t).filter((t) => (left >> t) & 1);

/**
 * Each school with demand in `left`: its site patterns (cheapest set of site licences covering each
 * set of years, and none), by priced value, cheapest first.
 */
export function patternsBySchool(m: Model, p: ProductModel, left: number, prices: Float64Array): { s: number; patterns: Pattern[] }[] {
  const { Y, S } = m;
  const years = yearsOf(left, Y);
  const full = 1 << Y;
  const out: { s: number; patterns: Pattern[] }[] = [];
  const pool = new Float64Array(Y);
  const seats = new Float64Array(Y);
  const cover = new Float64Array(full);
  for (let s = 0; s < S; s++) {
    const demandMask = schoolPool(p, Y, years, s, prices, seats, pool);
    if (demandMask === 0) continue;
    const how: ({ v: SiteVariant; block: number }[] | null)[] = new Array(full).fill(null);
    siteCovers(p, Y, left, s, seats, demandMask, cover, how);
    const patterns: Pattern[] = [];
    for (let M = 0; M < full; M++) {
      if (!Number.isFinite(cover[M]!) || (M & ~demandMask) !== 0) continue;
      let value = cover[M]!;
      for (const t of years) if (!((M >> t) & 1)) value += pool[t]!;
      patterns.push({ mask: M, siteCost: cover[M]!, sites: how[M]!, value });
    }
    patterns.sort((a, b) => a.value - b.value);
    out.push({ s, patterns });
  }
  return out;
}

/**
 * The value patternsBySchool lists first for each school with demand in `left` (the same schools,
 * in order), without listing the patterns — the bound needs no more, and on large markets the
 * search over patterns never runs. Fast path: the same cover table and sums, the least value kept
 * as the set of years is scanned (no pattern objects, licence lists or sort). Reference in the
 * tests (general.prop.test.ts): patternsBySchool's first value.
 */
export function cheapestBySchool(m: Model, p: ProductModel, left: number, prices: Float64Array): Float64Array {
  const { Y, S } = m;
  const years = yearsOf(left, Y);
  const full = 1 << Y;
  const out = new Float64Array(S);
  let n = 0;
  const pool = new Float64Array(Y);
  const seats = new Float64Array(Y);
  const cover = new Float64Array(full);
  for (let s = 0; s < S; s++) {
    const demandMask = schoolPool(p, Y, years, s, prices, seats, pool);
    if (demandMask === 0) continue;
    siteCovers(p, Y, left, s, seats, demandMask, cover, null);
    let least = INF;
    for (let M = 0; M < full; M++) {
      if (!Number.isFinite(cover[M]!) || (M & ~demandMask) !== 0) continue;
      let value = cover[M]!;
      for (const t of years) if (!((M >> t) & 1)) value += pool[t]!;
      if (value < least) least = value;
    }
    out[n++] = least;
  }
  return out.subarray(0, n);
}

/**
 * The general pooled problem of one product over the years of `left` (see the header).
 *
 * @param restricted - the one-contract-per-role answer (a feasible plan), computed when needed
 */
export function generalPool(m: Model, p: ProductModel, left: number, nodeLimit: number, restricted: () => Solved, own: readonly number[]): Solved {
  const { Y, S } = m;
  // each cover solve and the school search get a share of the node limit: past it the answer is
  // the best plan found, reported with its bound
  const maxNodes = Math.min(nodeLimit, COVER_NODES);
  const b = build(m, p, left);
  const closes = (lb: number, ub: number): boolean => closesAt(lb, ub, m.integral);
  const usableSites = p.sites.some((v) => v.blocks.some((bl) => (bl.mask & left) !== 0));
  if (!usableSites) {
    const sol = coverSolve(
      b,
      pooledDemand(m, p, left, () => false),
      maxNodes,
    );
    if (sol.proven) {
      if (!Number.isFinite(sol.cost)) return { cost: INF, lowerBound: INF, proven: true, choices: [], nodes: sol.nodes };
      return { cost: sol.cost, lowerBound: sol.cost, proven: true, choices: seatChoices(b, sol, own), nodes: sol.nodes };
    }
    // past the node limit: the better of its plan and the one-contract-per-role plan, with the bound
    const base = restricted();
    const useBase = base.cost <= sol.cost;
    const cost = useBase ? base.cost : sol.cost;
    if (!Number.isFinite(cost)) return { cost: INF, lowerBound: INF, proven: true, choices: [], nodes: sol.nodes + base.nodes };
    const prices = seatRates(b, left, Y);
    let lb = 0;
    for (let k = 0; k < prices.length; k++) lb += prices[k]! * b.totals[k]!;
    const lowerBound = Math.min(cost, lb);
    return { cost, lowerBound, proven: closes(lowerBound, cost), choices: useBase ? base.choices : seatChoices(b, sol, own), nodes: sol.nodes + base.nodes };
  }

  // (a) the one-contract-per-role plan, (b) its site licences with the pool re-bought exactly
  const base = restricted();
  let cost = base.cost;
  let choices: readonly Choice[] = Number.isFinite(base.cost) ? base.choices : [];
  let nodes = base.nodes;
  // re-buying the pool exactly pays only on small markets (cover.ts nodes cost about a millisecond)
  if (Number.isFinite(base.cost) && S <= SEARCHED_SCHOOLS) {
    const sites = choices.filter((c) => c.kind === "site");
    const sited = new Uint8Array(S * Y);
    let siteCost = 0;
    for (const c of sites) {
      siteCost += c.cost;
      for (const t of c.variant.blocks[c.block]!.years) if (t < Y) sited[c.schoolIndex! * Y + t] = 1;
    }
    const P = pooledDemand(m, p, left, (s, t) => sited[s * Y + t] === 1);
    const sol = coverSolve(b, P, maxNodes);
    nodes += sol.nodes;
    if (siteCost + sol.cost < cost) {
      cost = siteCost + sol.cost;
      choices = [...sites, ...seatChoices(b, sol, own)];
    }
  }

  if (!Number.isFinite(cost)) {
    // no one-contract-per-role plan (seat maximums): every school pooled, mixes allowed
    const sol = coverSolve(b, b.totals, maxNodes);
    nodes += sol.nodes;
    if (Number.isFinite(sol.cost)) {
      cost = sol.cost;
      choices = seatChoices(b, sol, own);
    }
  }
  if (!Number.isFinite(cost)) return { cost: INF, lowerBound: INF, proven: true, choices: [], nodes };

  // the bound: Σ_s min over site patterns of (site cost + rate × pooled seats of the other years)
  const prices = seatRates(b, left, Y);
  const alpha = 0;
  const cheapest = cheapestBySchool(m, p, left, prices);
  let lb = alpha;
  for (let i = 0; i < cheapest.length; i++) lb += cheapest[i]!;
  if (!Number.isFinite(lb) || closes(lb, cost)) return { cost, lowerBound: Math.min(cost, lb), proven: true, choices, nodes };
  if (cheapest.length > SEARCHED_SCHOOLS) return { cost, lowerBound: Math.min(cost, lb), proven: false, choices, nodes };
  const schools = patternsBySchool(m, p, left, prices);

  // branch and bound over the schools' patterns (cheapest priced first); a leaf's pool is
  // re-bought exactly by the cover
  const n = schools.length;
  const rest = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) rest[i] = rest[i + 1]! + schools[i]!.patterns[0]!.value;
  const pick = new Int32Array(n);
  const leafMemo = new Map<string, number>();
  let complete = true;
  let bestPick: Int32Array | null = null;
  let bestSol: CoverSolution | null = null;
  const leaf = (): void => {
    const sited = (s: number, t: number): boolean => {
      const i = schoolAt[s]!;
      return i >= 0 && ((schools[i]!.patterns[pick[i]!]!.mask >> t) & 1) === 1;
    };
    let siteCost = 0;
    for (let i = 0; i < n; i++) siteCost += schools[i]!.patterns[pick[i]!]!.siteCost;
    const P = pooledDemand(m, p, left, sited);
    const key = Array.from(P).join(",");
    let poolCost = leafMemo.get(key);
    let sol: CoverSolution | null = null;
    if (poolCost === undefined) {
      sol = coverSolve(b, P, maxNodes);
      nodes += sol.nodes;
      if (!sol.proven) complete = false;
      poolCost = sol.cost;
      leafMemo.set(key, poolCost);
    }
    if (siteCost + poolCost < cost) {
      cost = siteCost + poolCost;
      bestPick = Int32Array.from(pick);
      bestSol = sol ?? coverSolve(b, P, maxNodes);
    }
  };
  const schoolAt = new Int32Array(S).fill(-1);
  schools.forEach((sc, i) => (schoolAt[sc.s] = i));
  let visited = 0;
  const dfs = (i: number, acc: number): void => {
    if (!complete) return;
    if (closes(alpha + acc + rest[i]!, cost)) return;
    if (++visited > Math.min(nodeLimit, SCHOOL_NODES)) {
      complete = false;
      return;
    }
    if (i === n) return leaf();
    const pats = schools[i]!.patterns;
    for (let k = 0; k < pats.length && complete; k++) {
      pick[i] = k;
      dfs(i + 1, acc + pats[k]!.value);
    }
  };
  dfs(0, 0);
  nodes += visited;
  if (bestPick !== null && bestSol !== null) {
    const chosen: Int32Array = bestPick;
    const sol: CoverSolution = bestSol;
    const siteChoices: Choice[] = [];
    schools.forEach((sc, i) => {
      for (const x of sc.patterns[chosen[i]!]!.sites) {
        const per = x.v.perSchool[sc.s]!;
        siteChoices.push({ kind: "site", variant: x.v, block: x.block, productIndices: own, schoolIndex: sc.s, cash: per.cash[x.block]!, cost: per.cost[x.block]! });
      }
    });
    choices = [...siteChoices, ...seatChoices(b, sol, own)];
  }
  if (complete) return { cost, lowerBound: cost, proven: true, choices, nodes };
  const lowerBound = Math.min(cost, lb);
  return { cost, lowerBound, proven: closes(lowerBound, cost), choices, nodes };
}
