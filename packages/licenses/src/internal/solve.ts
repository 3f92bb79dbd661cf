// The exact search for one product, in plain words (components of products linked by bundles:
// component.ts). Structure exploited:
// - products are independent except through bundles: solve each connected component alone, and
//   inside it enumerate the bundle contracts (few), caching each product's answer per covered years;
// - a product's district-wide / concurrent contracts cover whole years: enumerate them (few) and
//   cache the remaining site-or-seats problem per set of uncovered years;
// - when seat contracts share a role's seats across roles or years (an `any` option beside role
//   options, a multi-year commitment beside other seats, earned free seats), the pooled problem is
//   the general cover (general.ts) — first, for one pool with one multi-year commitment term on up
//   to 20 schools, the commitment search (commit.ts); otherwise each role's pooled seats of a year
//   are one pool whose cost is one option's curve or the exact mix of the year's one-year options
//   of that role (mix.ts);
// - without multi-year seat or site contracts, years are independent: solve each year alone;
// - what remains is the school problem (site licence or pooled seats at each school against the
//   pooled cost curves), solved exactly by reduced-cost fixing (grouped.ts), the Pareto frontier or
//   whole-seat DP (dpPool.ts), or branch and bound (pool1d.ts, schools.ts).
// Why it is fast: every step above cuts the problem into small independent pieces, each piece is
// bounded before it is searched, and answers are cached by the years they cover.
// References in the tests: optimize.mix.prop.test.ts compares with enumeration of every seat
// quantity vector and site set (test/bruteForceMix.ts); optimize.prop.test.ts with enumeration of
// contract sets (test/bruteForce.ts) and with HiGHS on seeded markets.
import { ROLES } from "../schema.js";
import { type CommitHooks, commitSearch } from "./commit.js";
import { type Curve, Envelope, seatsPaid } from "./curve.js";
import { dpWork, solveSharedPool, solveSharedPoolDP, type YearSchools } from "./dpPool.js";
import { generalPool, mixable } from "./general.js";
import { solveGroupedPool } from "./grouped.js";
import { Mix } from "./mix.js";
import { demandAt, type Model, type ProductModel, ROLE_COUNT, type SeatColumn, type SeatKey, type SeatVariant, type SiteVariant } from "./model.js";
import { solveOneSlot } from "./pool1d.js";
import { type PoolGroup, type SchoolPatterns, solveSchools } from "./schools.js";
import { better, bitsOf, type Choice, combine, EMPTY, INFEASIBLE, lazy, type Solved, withBound } from "./solved.js";
import { type FreeSchools, type PreparedYear, prepareYear } from "./yearSchools.js";

/** The one-year seat options of one key and year, mixed (mix.ts), and their columns. */
interface OneYearMix {
  readonly mix: Mix;
  /** The contract behind each column of the mix (null: not a purchase, e.g. committed seats). */
  readonly cols: readonly (SeatColumn | null)[];
}

interface Commitment {
  readonly v: SeatVariant;
  readonly block: number;
}

export class ProductSolver {
  /** One empty solver (assigned below the class, which says why). */
  static kept: ProductSolver | undefined;
  readonly #m: Model;
  readonly #p: ProductModel;
  readonly #maxNodes: number;
  readonly #memo = new Map<number, Solved>();
  readonly #poolMemo = new Map<number, Solved>();
  readonly #yearMemo = new Map<number, Solved>();
  readonly #coupled: boolean;
  readonly #dpPrep = new Map<string, PreparedYear | null>();

  #roleTotals: Float64Array | null = null;
  /** Seats of role r in year t over all schools. */
  #roleTotal(r: number, t: number): number {
    if (this.#roleTotals === null) {
      const { Y, S } = this.#m;
      const totals = new Float64Array(ROLE_COUNT * Y);
      for (let s = 0; s < S; s++) for (let rr = 0; rr < ROLE_COUNT; rr++) for (let tt = 0; tt < Y; tt++) totals[rr * Y + tt] = totals[rr * Y + tt]! + demandAt(this.#p, Y, s, rr, tt);
      this.#roleTotals = totals;
    }
    return this.#roleTotals[r * this.#m.Y + t]!;
  }

  /** [this product's index], shared by its choices (read-only). */
  readonly #own: readonly number[];

  constructor(model: Model, product: ProductModel, maxNodes: number) {
    this.#own = [product.index];
    this.#m = model;
    this.#p = product;
    this.#maxNodes = maxNodes;
    this.#coupled = product.seats.some((v) => v.multiYear) || product.sites.some((v) => v.multiYear);
  }

  /** Best plan for the product when the years in `covered` are already covered (bundle, commitment). */
  solve(covered: number): Solved {
    const need = this.#p.demandMask & ~covered & ~this.#p.committedMask;
    const hit = this.#memo.get(need);
    if (hit) return hit;
    const r = need === 0 ? EMPTY : this.#coverage(need);
    this.#memo.set(need, r);
    return r;
  }

  #coverage(need: number): Solved {
    const Y = this.#m.Y;
    const p = this.#p;
    let best: Solved = INFEASIBLE;
    let lb = Number.POSITIVE_INFINITY;
    let proven = true;
    const flat: { choice: Choice; mask: number }[] = [];
    for (const v of p.districts) {
      v.blocks.forEach((b, bi) => {
        if ((b.mask & need) !== 0 && Number.isFinite(v.cost[bi]!)) {
          flat.push({ mask: b.mask, choice: { kind: "district", variant: v, block: bi, productIndices: [p.index], cash: v.cash[bi]!, cost: v.cost[bi]! } });
        }
      });
    }
    for (const v of p.concurrent) {
      v.blocks.forEach((b, bi) => {
        const years = bitsOf(b.mask & need, Y);
        if (years.length === 0 || years.some((t) => p.peak[t]! < 0)) return;
        const peak = Math.max(...years.map((t) => p.peak[t]!));
        const curve = v.curves[bi]!;
        const got = curve.best(peak);
        if (!Number.isFinite(got.cost)) return;
        const cash = v.cash(bi, got.qty);
        const paid = seatsPaid(v.schedules[b.years[0]!]!, got.qty);
        flat.push({ mask: b.mask, choice: { kind: "concurrent", variant: v, block: bi, productIndices: [p.index], need: peak, paid, cash, cost: got.cost } });
      });
    }
    const years = bitsOf(need, Y);
    const rec = (k: number, left: number, acc: number, chosen: Choice[]): void => {
      // the contracts chosen so far already cost as much as the best plan: no cheaper plan here
      if (acc >= best.cost) return;
      if (k === years.length) {
        const rest = this.#pool(left);
        const total = acc + rest.cost;
        lb = Math.min(lb, acc + rest.lowerBound);
        proven &&= rest.proven;
        if (total < best.cost) best = combine([rest], acc, chosen);
        return;
      }
      const t = years[k]!;
      if (((left >> t) & 1) === 0) return rec(k + 1, left, acc, chosen);
      rec(k + 1, left, acc, chosen);
      for (const f of flat) {
        if ((f.mask >> t) & 1) rec(k + 1, left & ~f.mask, acc + f.choice.cost, [...chosen, f.choice]);
      }
    };
    rec(0, need, 0, []);
    return withBound(best, Math.min(lb, best.cost), proven && best.proven);
  }

  #pool(left: number): Solved {
    if (left === 0) return EMPTY;
    const hit = this.#poolMemo.get(left);
    if (hit) return hit;
    let r: Solved;
    if (mixable(this.#p, left, this.#m.Y)) {
      // one pool with a multi-year commitment beside yearly options: the commitment search
      // (commit.ts) when it proves; else seat contracts that can share a role's seats in some year
      // (a mix, `any` beside role options, a commitment beside yearly seats, earned free seats):
      // the general cover; when the commitment search has a plan it did not prove, the better plan
      // of the two and the higher of their bounds (both bound the same problem)
      const c = commitSearch(this.#m, this.#p, left, this.#commitHooks, this.#m.integral, this.#maxNodes);
      if (c?.proven) r = c;
      else {
        const g = generalPool(this.#m, this.#p, left, this.#maxNodes, () => this.#restricted(left), this.#own);
        r = c === null ? g : better(c, g, this.#m.integral);
      }
    } else r = this.#restricted(left);
    this.#poolMemo.set(left, r);
    return r;
  }

  readonly #commitHooks: CommitHooks = {
    year: (t, roles, mix, cols) => this.#dpRun([t], { roles: [...roles], fn: new Envelope(mix.curves), variants: [], blocks: [], mix: { mix, cols } }, Number.POSITIVE_INFINITY),
    commitChoices: (mix, cols, q) => this.#mixChoices({ mix, cols }, q),
    prepared: (t, roles) => this.#prepared(t, roles),
  };

  /** Year t's schools for the pool of `roles`, cached. */
  #prepared(t: number, roles: readonly number[]): PreparedYear | null {
    const key = `${t}|${roles.join(",")}`;
    let prep = this.#dpPrep.get(key);
    if (prep === undefined) {
      prep = prepareYear(this.#m, this.#p, t, roles, (v, block, s) => this.#siteChoice(v, block, s));
      this.#dpPrep.set(key, prep);
    }
    return prep;
  }

  /** The pooled problem where each role's seats of a year are bought under one seat contract. */
  #restricted(left: number): Solved {
    let r: Solved;
    if (!this.#coupled) {
      r = combine(bitsOf(left, this.#m.Y).map((t) => this.#year(t)));
    } else {
      r = this.#coupledPool(left);
    }
    return r;
  }

  #modes(t: number, commitments: readonly Commitment[]): ("any" | "role")[] {
    const covering = commitments.filter((c) => c.v.blocks[c.block]!.years.includes(t));
    if (covering.some((c) => c.v.key === "any")) return covering.some((c) => c.v.key !== "any") ? [] : ["any"];
    if (covering.length > 0) return ["role"];
    const out: ("any" | "role")[] = [];
    const oneYear = this.#p.seats.filter((v) => !v.multiYear && v.blocks.some((b) => b.years[0] === t));
    if (oneYear.some((v) => v.key === "any")) out.push("any");
    if (oneYear.some((v) => v.key !== "any") || out.length === 0) out.push("role");
    return out;
  }

  #year(t: number): Solved {
    const hit = this.#yearMemo.get(t);
    if (hit) return hit;
    let best: Solved = INFEASIBLE;
    let lb = Number.POSITIVE_INFINITY;
    let proven = true;
    let nodes = 0;
    for (const mode of this.#modes(t, [])) {
      const r = this.#run([t], [], new Map([[t, mode]]));
      lb = Math.min(lb, r.lowerBound);
      proven &&= r.proven;
      nodes += r.nodes;
      if (r.cost < best.cost) best = r;
    }
    const out = withBound(best, Math.min(lb, best.cost), proven && best.proven, nodes);
    this.#yearMemo.set(t, out);
    return out;
  }

  #coupledPool(left: number): Solved {
    const Y = this.#m.Y;
    const years = bitsOf(left, Y);
    const pairs: Commitment[] = [];
    for (const v of this.#p.seats) {
      if (!v.multiYear) continue;
      v.blocks.forEach((b, block) => {
        if ((b.mask & left) !== 0) pairs.push({ v, block });
      });
    }
    let best: Solved = INFEASIBLE;
    let lb = Number.POSITIVE_INFINITY;
    let proven = true;
    let nodes = 0;
    const overlap = (a: Commitment, b: Commitment): boolean => a.v.key === b.v.key && (a.v.blocks[a.block]!.mask & b.v.blocks[b.block]!.mask) !== 0;
    const recC = (k: number, chosen: Commitment[]): void => {
      if (k === pairs.length) {
        const modeLists = years.map((t) => this.#modes(t, chosen));
        if (modeLists.some((l) => l.length === 0)) return;
        const separable = !this.#p.sites.some((v) => v.multiYear);
        const touched = separable ? years.filter((t) => chosen.some((c) => c.v.blocks[c.block]!.years.includes(t))) : years;
        const untouched = years.filter((t) => !touched.includes(t));
        const rest = combine(untouched.map((t) => this.#year(t)));
        const recM = (j: number, modes: Map<number, "any" | "role">): void => {
          if (j === years.length) {
            // only a plan cheaper than the best so far matters: the rest of the years are fixed
            const cut = best.cost - rest.cost;
            const r0 = touched.length === 0 ? EMPTY : this.#run(touched, chosen, modes, Number.isNaN(cut) ? Number.POSITIVE_INFINITY : cut);
            const r = combine([r0, rest]);
            lb = Math.min(lb, r.lowerBound);
            proven &&= r.proven;
            nodes += r.nodes;
            if (r.cost < best.cost) best = r;
            return;
          }
          if (!touched.includes(years[j]!)) return recM(j + 1, modes);
          for (const m of modeLists[j]!) recM(j + 1, new Map(modes).set(years[j]!, m));
        };
        recM(0, new Map());
        return;
      }
      recC(k + 1, chosen);
      const c = pairs[k]!;
      if (!chosen.some((x) => overlap(x, c))) recC(k + 1, [...chosen, c]);
    };
    recC(0, []);
    return withBound(best, Math.min(lb, best.cost), proven && best.proven, nodes);
  }

  /** The DP path of #run: one group (roles, years, cost curve), sites chosen per school and year. */
  #dpRun(years: readonly number[], g: { roles: number[]; fn: Envelope; variants: SeatVariant[]; blocks: number[]; mix: OneYearMix | null }, cutoff: number): Solved | null {
    const m = this.#m;
    const fixed: Choice[] = [];
    let fixedCost = 0;
    const perYear: YearSchools[] = [];
    const freeIdx: FreeSchools[] = [];
    for (const t of years) {
      const prep = this.#prepared(t, g.roles);
      if (prep === null) return INFEASIBLE;
      fixed.push(...prep.fixed);
      fixedCost += prep.fixedCost;
      perYear.push(prep.schools);
      freeIdx.push(prep.idx);
    }
    const G = (q: number): number => g.fn.eval(q);
    const grouped = solveGroupedPool(perYear, g.fn, m.integral, cutoff - fixedCost);
    // nothing in this branch costs less than the cutoff (proven): a bound, no plan
    if (grouped !== null && grouped.cutoff) return { cost: Number.POSITIVE_INFINITY, lowerBound: cutoff, proven: true, choices: [], nodes: 0 };
    let r = grouped ?? solveSharedPool(perYear, G, g.fn.cap);
    if (r === null) {
      if (dpWork(perYear) > 150_000_000) return null;
      r = solveSharedPoolDP(perYear, G, g.fn.cap);
    }
    if (!Number.isFinite(r.cost)) return INFEASIBLE;
    const site = r.site;
    return lazy({ cost: fixedCost + r.cost, lowerBound: fixedCost + r.cost, proven: true, nodes: 0 }, () => {
      const choices: Choice[] = [...fixed];
      site.forEach((take, k) => {
        const f = freeIdx[k]!;
        take.forEach((x, j) => x && choices.push(this.#siteChoice(f.v[j]!, f.bi[j]!, f.s[j]!)));
      });
      // pooled need per year, then the seat purchase
      let need = 0;
      years.forEach((_, k) => {
        let n = perYear[k]!.N0;
        site[k]!.forEach((x, j) => (n += x ? 0 : perYear[k]!.d[j]!));
        need = Math.max(need, n);
      });
      if (need > 0) choices.push(...(g.mix === null ? [this.#seatChoice(g, need)] : this.#mixChoices(g.mix, need)));
      return choices;
    });
  }

  #siteChoice(v: SiteVariant, block: number, s: number): Choice {
    const per = v.perSchool[s]!;
    return { kind: "site", variant: v, block, productIndices: this.#own, schoolIndex: s, cash: per.cash[block]!, cost: per.cost[block]! };
  }

  readonly #mixMemo = new Map<string, OneYearMix | null>();

  /**
   * The mix of the one-year seat options of `key` starting in year t, when two or more of them can
   * be cheaper together than any one alone for some need up to `top` (else null: the envelope of
   * the single options is exact).
   */
  #mixOf(key: SeatKey, t: number, top: number): OneYearMix | null {
    const id = `${key}|${t}|${top}`;
    const hit = this.#mixMemo.get(id);
    if (hit !== undefined) return hit;
    const cols = this.#p.seatColumns.filter((c) => !c.multiYear && c.key === key && c.years[0] === t);
    let out: OneYearMix | null = null;
    if (cols.length > 1) {
      const mix = new Mix(
        cols.map((c) => ({ curves: c.variants.map((v) => v.curves[c.block]!) })),
        top,
      );
      const mixes = mix.curves.some((tc) => tc.picks.filter((x) => x !== null).length > 1);
      if (mixes) out = { mix, cols };
    }
    this.#mixMemo.set(id, out);
    return out;
  }

  /** The seat purchases covering `need` seats with a mix: one per option used. */
  #mixChoices(g: OneYearMix, need: number): Choice[] {
    const out: Choice[] = [];
    for (const part of g.mix.compose(need)) {
      const col = g.cols[part.column];
      if (!col) continue;
      const v = col.variants[part.variant]!;
      const block = v.blocks[col.block]!;
      const cash = v.cash(col.block, part.qty);
      out.push({
        kind: "seat",
        variant: v,
        block: col.block,
        productIndices: this.#own,
        key: v.key,
        need,
        paid: seatsPaid(v.schedules[block.years[0]!]!, part.qty),
        cash,
        cost: v.curves[col.block]!.exact(part.qty),
      });
    }
    return out;
  }

  #seatChoice(g: { fn: Envelope; variants: SeatVariant[]; blocks: number[] }, need: number): Choice {
    const b = g.fn.best(need);
    const v = g.variants[b.index]!;
    const bi = g.blocks[b.index]!;
    const block = v.blocks[bi]!;
    const cash = v.cash(bi, b.qty);
    return { kind: "seat", variant: v, block: bi, productIndices: [this.#p.index], key: v.key, need, paid: seatsPaid(v.schedules[block.years[0]!]!, b.qty), cash, cost: b.cost };
  }

  /** The school problem for the given years, seat commitments and pooling mode of each year. */
  #run(years: readonly number[], commitments: readonly Commitment[], modes: ReadonlyMap<number, "any" | "role">, cutoff = Number.POSITIVE_INFINITY): Solved {
    const m = this.#m;
    const p = this.#p;
    const Y = m.Y;
    const S = m.S;
    const yearSet = new Set(years);
    const pooledAt = (s: number, r: number, t: number): number => demandAt(p, Y, s, r, t);

    // Groups and their slots (group × year).
    interface G {
      roles: number[];
      years: number[];
      fn: Envelope;
      commitment: Commitment | null;
      variants: SeatVariant[];
      blocks: number[];
      mix: OneYearMix | null;
    }
    const groups: G[] = [];
    for (const c of commitments) {
      const ys = c.v.blocks[c.block]!.years.filter((t) => yearSet.has(t));
      if (ys.length === 0) continue;
      const roles = c.v.key === "any" ? [0, 1, 2] : [ROLES.indexOf(c.v.key)];
      groups.push({ roles, years: ys, fn: new Envelope([c.v.curves[c.block]!]), commitment: c, variants: [c.v], blocks: [c.block], mix: null });
    }
    for (const t of years) {
      const mode = modes.get(t)!;
      const keys: SeatKey[] = mode === "any" ? ["any"] : [...ROLES];
      for (const key of keys) {
        const roles = key === "any" ? [0, 1, 2] : [ROLES.indexOf(key)];
        if (commitments.some((c) => c.v.key === key && c.v.blocks[c.block]!.years.includes(t))) continue;
        let total = 0;
        for (const r of roles) total += this.#roleTotal(r, t);
        if (total === 0) continue;
        const variants: SeatVariant[] = [];
        const blocks: number[] = [];
        const curves: Curve[] = [];
        for (const v of p.seats) {
          if (v.multiYear || v.key !== key) continue;
          const bi = v.blocks.findIndex((b) => b.years[0] === t);
          if (bi < 0) continue;
          variants.push(v);
          blocks.push(bi);
          curves.push(v.curves[bi]!);
        }
        const mix = this.#mixOf(key, t, total);
        groups.push({ roles, years: [t], fn: mix === null ? new Envelope(curves) : new Envelope(mix.mix.curves), commitment: null, variants, blocks, mix });
      }
    }
    const slotOf = new Map<string, number>();
    const slotInfo: { g: number; t: number }[] = [];
    groups.forEach((g, gi) => {
      for (const t of g.years) {
        slotOf.set(`${gi}|${t}`, slotInfo.length);
        slotInfo.push({ g: gi, t });
      }
    });
    const nSlots = slotInfo.length;
    // Which slot a (role, year) of pooled seats goes to.
    const slotFor = (r: number, t: number): number => {
      for (let gi = 0; gi < groups.length; gi++) {
        const g = groups[gi]!;
        if (g.roles.includes(r) && g.years.includes(t)) return slotOf.get(`${gi}|${t}`)!;
      }
      return -1;
    };
    const roleSlot = new Int32Array(ROLE_COUNT * Y).fill(-1);
    for (const t of years) for (let r = 0; r < ROLE_COUNT; r++) roleSlot[r * Y + t] = slotFor(r, t);

    // One pooled group over every year of the run, 1-year site licences only: exact DP.
    if (groups.length === 1 && !p.sites.some((v) => v.multiYear) && groups[0]!.years.length === years.length) {
      const r = this.#dpRun(years, groups[0]!, cutoff);
      if (r !== null) return r;
    }
    // Patterns per school.
    interface Pat {
      sites: { v: SiteVariant; block: number }[];
      pooled: number; // mask of years pooled
      cost: number;
    }
    const schoolPatterns: SchoolPatterns[] = [];
    const patternInfo: Pat[][] = [];
    let infeasible = false;
    for (let s = 0; s < S && !infeasible; s++) {
      const need = years.map((t) => {
        let n = 0;
        for (let r = 0; r < ROLE_COUNT; r++) n += pooledAt(s, r, t);
        return n;
      });
      const pats: Pat[] = [];
      const rec = (k: number, covered: number, sites: { v: SiteVariant; block: number }[], cost: number, pooled: number): void => {
        if (k === years.length) {
          pats.push({ sites, pooled, cost });
          return;
        }
        const t = years[k]!;
        if ((covered >> t) & 1 || need[k] === 0) return rec(k + 1, covered, sites, cost, pooled);
        rec(k + 1, covered, sites, cost, pooled | (1 << t));
        for (const v of p.sites) {
          const per = v.perSchool[s];
          if (!per) continue;
          v.blocks.forEach((b, bi) => {
            if (!b.years.includes(t) || (!v.multiYear && b.years[0] !== t)) return;
            if (v.multiYear && b.years.some((y) => y < t && yearSet.has(y) && !((covered >> y) & 1) && need[years.indexOf(y)]! > 0)) return;
            if (!Number.isFinite(per.cost[bi]!)) return;
            const ok = b.years.every((y) => !yearSet.has(y) || need[years.indexOf(y)]! <= v.maxSeats);
            if (!ok) return;
            rec(k + 1, covered | b.mask, [...sites, { v, block: bi }], cost + per.cost[bi]!, pooled);
          });
        }
      };
      rec(0, 0, [], 0, 0);
      const usage = pats.map((pat) => {
        const u = new Float64Array(nSlots);
        for (const t of years) {
          if (!((pat.pooled >> t) & 1)) continue;
          for (let r = 0; r < ROLE_COUNT; r++) {
            const d = pooledAt(s, r, t);
            if (d === 0) continue;
            const slot = roleSlot[r * Y + t]!;
            if (slot < 0) {
              pat.cost = Number.POSITIVE_INFINITY;
              continue;
            }
            u[slot] = u[slot]! + d;
          }
        }
        return u;
      });
      // drop infeasible and dominated patterns
      const keep: number[] = [];
      pats.forEach((pat, i) => {
        if (!Number.isFinite(pat.cost)) return;
        const dominated = pats.some((q, j) => {
          if (j === i || !Number.isFinite(q.cost)) return false;
          if (q.cost > pat.cost) return false;
          const uq = usage[j]!;
          const ui = usage[i]!;
          for (let k = 0; k < nSlots; k++) if (uq[k]! > ui[k]!) return false;
          let same = q.cost === pat.cost;
          for (let k = 0; k < nSlots && same; k++) if (uq[k] !== ui[k]) same = false;
          return !same || j < i;
        });
        if (!dominated) keep.push(i);
      });
      if (keep.length === 0) infeasible = true;
      patternInfo.push(keep.map((i) => pats[i]!));
      schoolPatterns.push({ cost: keep.map((i) => pats[i]!.cost), usage: keep.map((i) => usage[i]!) });
    }
    if (infeasible) return INFEASIBLE;

    let totalMax = 0;
    for (const sc of schoolPatterns) {
      let m2 = 0;
      for (const u of sc.usage) for (let k = 0; k < nSlots; k++) m2 = Math.max(m2, u[k]!);
      totalMax += m2;
    }
    const poolGroups: PoolGroup[] = groups.map((g, gi) => ({
      slots: g.years.map((t) => slotOf.get(`${gi}|${t}`)!),
      evalCost: (n: number) => g.fn.eval(n),
      hull: g.fn.hull(Math.max(1, Math.ceil(totalMax))),
      cap: g.fn.cap,
    }));
    const sol =
      nSlots === 1 ? solveOneSlot(schoolPatterns, groups[0]!.fn, m.integral, this.#maxNodes) : solveSchools(schoolPatterns, poolGroups, nSlots, { maxNodes: this.#maxNodes, integral: m.integral });
    if (!Number.isFinite(sol.cost)) return { ...INFEASIBLE, nodes: sol.nodes };

    // Rebuild the chosen purchases.
    const choices: Choice[] = [];
    const n = new Float64Array(nSlots);
    patternInfo.forEach((pats, s) => {
      const pat = pats[sol.choice[s]!]!;
      const u = schoolPatterns[s]!.usage[sol.choice[s]!]!;
      for (let k = 0; k < nSlots; k++) n[k] = n[k]! + u[k]!;
      for (const { v, block } of pat.sites) {
        const per = v.perSchool[s]!;
        choices.push({ kind: "site", variant: v, block, productIndices: [p.index], schoolIndex: s, cash: per.cash[block]!, cost: per.cost[block]! });
      }
    });
    groups.forEach((g, gi) => {
      let need = 0;
      for (const t of g.years) need = Math.max(need, n[slotOf.get(`${gi}|${t}`)!]!);
      if (need === 0) return;
      if (g.mix !== null) {
        choices.push(...this.#mixChoices(g.mix, need));
        return;
      }
      const b = g.fn.best(need);
      const v = g.variants[b.index]!;
      const bi = g.blocks[b.index]!;
      const block = v.blocks[bi]!;
      const cash = v.cash(bi, b.qty);
      choices.push({
        kind: "seat",
        variant: v,
        block: bi,
        productIndices: [p.index],
        key: v.key,
        need,
        paid: seatsPaid(v.schedules[block.years[0]!]!, b.qty),
        cash,
        cost: b.cost,
      });
    });
    return { cost: sol.cost, lowerBound: sol.lowerBound, proven: sol.proven, choices, nodes: sol.nodes };
  }
}

/**
 * One empty solver held by the class for the life of the module.
 *
 * Why: V8 forgets a hidden class once the last object that has it is collected, and throws away the
 * optimized code that checks it ("weak objects" deoptimizations). Every optimizeLicenses call makes
 * its solver objects afresh and drops them all when it returns, so after the next garbage collection
 * the whole solver was re-optimized on every call: P1 spent about a fifth of its time there, and a
 * call never ran at the speed of a warm one.
 *
 * How: a solver refers to its whole model, so this empty one is held; each small solver class (Mix,
 * TupleCurve, Curve, Envelope, Hull, RangeHull, YearLp, CoverProblem, the tuple walk) holds its
 * latest instance in a static property its constructor sets, so the hidden class is always alive and
 * is the one new instances get, even after a field's representation changed. Class properties, not
 * module constants or arrays: bundlers drop a constant, or an array, that no code reads (tsup made
 * such a constant a dead local; rollup and Vite remove the writes), but keep a write to a class that
 * is used. Checked by test/builtPackage.test.ts: the built package, traced, loses no solver code this
 * way.
 */
ProductSolver.kept = new ProductSolver({ Y: 0, S: 0 } as Model, { index: 0, seats: [], sites: [] } as unknown as ProductModel, 0);
