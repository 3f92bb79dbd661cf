// The year loop shared by the expected forecast (rng = null: expected values) and the Monte
// Carlo forecast (binomial and Poisson draws from core's samplers). Internal.
import { type Rng, sampleBinomial, samplePoisson } from "@districtkit/core";
import { poissonQuantile } from "../internal/math.js";
import { CATEGORIES, type Compiled, ROLES, RULES } from "./compiled.js";

/** Fields accumulated per year (and per row group). */
export const F = {
  start: 0,
  planned: 1,
  failures: 2,
  losses: 3,
  notReplaced: 4,
  buyPlanned: 5,
  buyFailure: 6,
  buyGrowth: 7,
  buySpares: 8,
  end: 9,
  deferred: 10,
  repairs: 11,
  capital: 12,
  repair: 13,
  resale: 14,
  sparesRequired: 15,
} as const;
export const NF = 16;
/** category accumulator kinds: capital planned, failure, growth, spares, repair (cents) */
export const NK = 6;

export interface Deferral {
  ti: number;
  slot: number;
  units: number;
}
export interface Shortfall {
  ti: number;
  capCents: number;
  forcedCents: number;
  slots: number[];
}

export interface Sink {
  totals: Float64Array; // H × NF
  rowOf: Int32Array | undefined; // slot → row
  rows: Float64Array | undefined; // H × R × NF (year-major: one year's rows lie together)
  cat: Float64Array | undefined; // CATEGORIES × H × NK
  retired: Float64Array | undefined; // initialCount × H planned retirements of initial cohorts
  byRule: Float64Array | undefined; // H × RULES planned retirements by rule
  bought: Float64Array | undefined; // models × H units purchased
  deferrals: Deferral[] | undefined;
  shortfalls: Shortfall[] | undefined;
}

/**
 * Sinks are instances of one class with every field present, in one order: the expected and Monte
 * Carlo forecasts pass objects of one hidden class to the same code, and (unlike an object literal
 * made once per call) that hidden class outlives each forecast, so V8 compiles the code once.
 */
class SinkImpl implements Sink {
  static kept: SinkImpl | undefined;
  totals: Float64Array;
  rowOf: Int32Array | undefined;
  rows: Float64Array | undefined;
  cat: Float64Array | undefined;
  retired: Float64Array | undefined;
  byRule: Float64Array | undefined;
  bought: Float64Array | undefined;
  deferrals: Deferral[] | undefined;
  shortfalls: Shortfall[] | undefined;
  constructor(parts: { totals: Float64Array } & Partial<Omit<Sink, "totals">>) {
    this.totals = parts.totals;
    this.rowOf = parts.rowOf;
    this.rows = parts.rows;
    this.cat = parts.cat;
    this.retired = parts.retired;
    this.byRule = parts.byRule;
    this.bought = parts.bought;
    this.deferrals = parts.deferrals;
    this.shortfalls = parts.shortfalls;
  }
}

export function makeSink(parts: { totals: Float64Array } & Partial<Omit<Sink, "totals">>): Sink {
  return new SinkImpl(parts);
}

export interface Scratch {
  alive: Float64Array;
  active: Int32Array;
  isActive: Uint8Array;
  /** how many entries of `active` are in use */
  nActive: number;
  plannedIn: Float64Array;
  growthIn: Float64Array;
  failIn: Float64Array;
  fleet: Float64Array;
  lambda: Float64Array;
  candidates: number[];
  /** category index of each model */
  modelCat: Int32Array;
}

/** Per-run work arrays (a class for the same reason as the sink). */
class ScratchImpl implements Scratch {
  static kept: ScratchImpl | undefined;
  alive: Float64Array;
  active: Int32Array;
  isActive: Uint8Array;
  nActive = 0;
  plannedIn: Float64Array;
  growthIn: Float64Array;
  failIn: Float64Array;
  fleet: Float64Array;
  lambda: Float64Array;
  candidates: number[] = [];
  modelCat: Int32Array;
  constructor(slots: number, groups: number, schools: number, repairClasses: number, modelCat: Int32Array) {
    this.alive = new Float64Array(slots);
    this.active = new Int32Array(slots);
    this.isActive = new Uint8Array(slots);
    this.plannedIn = new Float64Array(groups);
    this.growthIn = new Float64Array(groups);
    this.failIn = new Float64Array(groups);
    this.fleet = new Float64Array(schools * ROLES.length);
    this.lambda = new Float64Array(repairClasses);
    this.modelCat = modelCat;
  }
}

/**
 * One empty sink and scratch kept for the life of the module. V8 forgets a hidden class once the
 * last object that has it is collected, and throws away the optimized code that checks it; without
 * these, every forecast after a garbage collection re-optimized the whole simulation (measured:
 * about a third of L1's CPU time went to the optimizing compiler).
 */
SinkImpl.kept = new SinkImpl({ totals: new Float64Array(0) });
ScratchImpl.kept = new ScratchImpl(0, 0, 0, 0, new Int32Array(0));

export function scratchFor(c: Compiled): Scratch {
  return new ScratchImpl(
    c.n,
    c.groupCount,
    c.schools.length,
    c.repairClassCents.length,
    Int32Array.from(c.modelCategory, (cat) => CATEGORIES.indexOf(cat)),
  );
}

function inc(a: Float64Array, i: number, v: number): void {
  a[i] = a[i]! + v;
}

// The year loop is split into one function per step: each is small, so V8 optimizes it quickly and
// keeps it optimized, and the hot loops add into locals and typed arrays directly (a double passed
// to a call that is not inlined is boxed). Every sum takes its terms in the same order as a plain
// loop over the steps would, so results are identical to the last bit.

/** Row cell of slot s, field f, in year index ti (rows present). */
function rowCell(sink: Sink, RN: number, s: number, ti: number, f: number): number {
  return (ti * RN + sink.rowOf![s]!) * NF + f;
}

/** Adds units to group g's slot of year ti (a purchase); returns the slot. */
function buy(c: Compiled, sink: Sink, sc: Scratch, priceCents: Float64Array, RN: number, g: number, ti: number, units: number, field: number, kind: number): number {
  const H = c.horizon;
  const s = c.groupSlot[g * H + ti]!;
  inc(sc.alive, s, units);
  if (!sc.isActive[s]) {
    sc.isActive[s] = 1;
    sc.active[sc.nActive++] = s;
  }
  const m = c.groupModel[g]!;
  const cents = units * priceCents[m * H + ti]!;
  const o = ti * NF;
  const { totals, rows, cat, bought } = sink;
  inc(totals, o + field, units);
  inc(totals, o + F.capital, cents);
  if (rows !== undefined) {
    inc(rows, rowCell(sink, RN, s, ti, field), units);
    inc(rows, rowCell(sink, RN, s, ti, F.capital), cents);
  }
  if (cat !== undefined) inc(cat, (sc.modelCat[m]! * H + ti) * NK + kind, cents);
  if (bought !== undefined) inc(bought, m * H + ti, units);
  return s;
}

/** 1. Devices in service at the start of year ti; cohorts due for a planned retirement go to `candidates`. */
function startOfYear(c: Compiled, sink: Sink, sc: Scratch, RN: number, ti: number, t: number): void {
  const { totals, rows, rowOf } = sink;
  const { active, alive, candidates: cand } = sc;
  const slotPlanned = c.slotPlanned;
  const nBefore = sc.nActive;
  const o = ti * NF;
  const rowBase = ti * RN;
  cand.length = 0;
  let startSum = totals[o + F.start]!;
  for (let i = 0; i < nBefore; i++) {
    const s = active[i]!;
    const a = alive[s]!;
    if (a <= 0) continue;
    startSum += a;
    if (rows !== undefined) rows[(rowBase + rowOf![s]!) * NF + F.start]! += a;
    if (slotPlanned[s]! <= t) cand.push(s);
  }
  totals[o + F.start] = startSum;
}

/** Retires k units of slot s by policy in year index ti. */
function retire(c: Compiled, sink: Sink, sc: Scratch, RN: number, ti: number, t: number, s: number, k: number): void {
  if (k <= 0) return;
  const H = c.horizon;
  const o = ti * NF;
  const { totals, rows, cat, retired, byRule } = sink;
  inc(sc.alive, s, -k);
  inc(totals, o + F.planned, k);
  if (rows !== undefined) inc(rows, rowCell(sink, RN, s, ti, F.planned), k);
  if (retired !== undefined && s < c.initialCount) inc(retired, s * H + ti, k);
  const rule = c.slotRule[s]!;
  if (byRule !== undefined && rule >= 0) inc(byRule, ti * RULES.length + rule, k);
  const age = t - c.slotYear[s]!;
  const model = c.slotModel[s]!;
  const curve = c.residualCurve[model]!;
  if (curve !== null && t < c.slotAueYear[s]!) {
    const cents = k * c.slotUnitCents[s]! * curve[Math.min(age, curve.length - 1)]!;
    inc(totals, o + F.resale, cents);
    if (cat !== undefined) inc(cat, (sc.modelCat[model]! * H + ti) * NK + 5, cents);
    if (rows !== undefined) inc(rows, rowCell(sink, RN, s, ti, F.resale), cents);
  }
  if (c.slotReplacePlanned[s]) inc(sc.plannedIn, c.slotReplGroup[s]!, k);
  else {
    inc(totals, o + F.notReplaced, k);
    if (rows !== undefined) inc(rows, rowCell(sink, RN, s, ti, F.notReplaced), k);
  }
}

/** 1b. Planned retirements without a budget cap: every candidate retires whole. */
function retireAll(c: Compiled, sink: Sink, sc: Scratch, RN: number, ti: number, t: number): void {
  const cand = sc.candidates;
  const alive = sc.alive;
  for (let i = 0; i < cand.length; i++) {
    const s = cand[i]!;
    retire(c, sink, sc, RN, ti, t, s, alive[s]!);
  }
}

/** 1b. Planned retirements under the refresh budget cap: hard deadlines first, then earliest deadline, purchase year, cohort. */
function retireUnderCap(c: Compiled, random: boolean, sink: Sink, sc: Scratch, priceCents: Float64Array, RN: number, ti: number, t: number): void {
  const H = c.horizon;
  const o = ti * NF;
  const { totals, rows } = sink;
  const alive = sc.alive;
  const cand = sc.candidates;
  cand.sort((x, y) => {
    const fx = c.slotHard[x]! <= t ? 0 : 1;
    const fy = c.slotHard[y]! <= t ? 0 : 1;
    return fx - fy || c.slotHard[x]! - c.slotHard[y]! || c.slotYear[x]! - c.slotYear[y]! || x - y;
  });
  let budget = c.capCents![ti]!;
  let forcedCents = 0;
  const forcedSlots: number[] = [];
  for (const s of cand) {
    const units = alive[s]!;
    const g = c.slotReplGroup[s]!;
    const price = c.slotReplacePlanned[s] ? priceCents[c.groupModel[g]! * H + ti]! : 0;
    if (c.slotHard[s]! <= t) {
      retire(c, sink, sc, RN, ti, t, s, units);
      budget -= units * price;
      forcedCents += units * price;
      forcedSlots.push(s);
      continue;
    }
    let k = units;
    if (price > 0) {
      const affordable = Math.max(0, budget) / price;
      k = Math.min(units, random ? Math.floor(affordable + 1e-9) : affordable);
    }
    retire(c, sink, sc, RN, ti, t, s, k);
    budget -= k * price;
    const left = units - k;
    if (left > 0) {
      inc(totals, o + F.deferred, left);
      if (rows !== undefined) inc(rows, rowCell(sink, RN, s, ti, F.deferred), left);
      sink.deferrals?.push({ ti, slot: s, units: left });
    }
  }
  if (budget < -1e-6 && sink.shortfalls) sink.shortfalls.push({ ti, capCents: c.capCents![ti]!, forcedCents, slots: forcedSlots });
}

/** 2. Growth (enrollment × ratio) and decline. */
function growthAndDecline(c: Compiled, sink: Sink, sc: Scratch, RN: number, ti: number, t: number): void {
  const H = c.horizon;
  const o = ti * NF;
  const { totals, rows } = sink;
  const { fleet, active, alive, plannedIn, growthIn } = sc;
  const nActive = sc.nActive;
  fleet.fill(0);
  const R = ROLES.length;
  for (let i = 0; i < nActive; i++) {
    const s = active[i]!;
    if (c.slotYear[s]! <= t) inc(fleet, c.slotSchool[s]! * R + c.slotRole[s]!, alive[s]!);
  }
  for (let g = 0; g < c.groupCount; g++) if (plannedIn[g]! > 0) inc(fleet, c.groupSchool[g]! * R + c.groupRole[g]!, plannedIn[g]!);
  for (const gr of c.growth) {
    const key = gr.school * R + gr.role;
    const target = Math.ceil(gr.ratio * gr.enrollment[ti]! - 1e-9);
    const diff = target - fleet[key]!;
    if (diff > 1e-12) {
      inc(growthIn, gr.group, diff);
      fleet[key] = target;
    } else if (diff < -1e-12) {
      let excess = -diff;
      for (let g = 0; g < c.groupCount && excess > 0; g++) {
        if (c.groupSchool[g] !== gr.school || c.groupRole[g] !== gr.role || plannedIn[g]! <= 0) continue;
        const cut = Math.min(excess, plannedIn[g]!);
        inc(plannedIn, g, -cut);
        excess -= cut;
        inc(totals, o + F.notReplaced, cut);
        if (rows !== undefined) inc(rows, rowCell(sink, RN, c.groupSlot[g * H + ti]!, ti, F.notReplaced), cut);
      }
      fleet[key] = target + excess;
    }
  }
}

/** 3. Purchases at the start of the year (exposed this year): refresh, then growth, group by group. */
function purchases(c: Compiled, sink: Sink, sc: Scratch, priceCents: Float64Array, RN: number, ti: number): void {
  const { plannedIn, growthIn } = sc;
  for (let g = 0; g < c.groupCount; g++) {
    const p = plannedIn[g]!;
    if (p > 0) buy(c, sink, sc, priceCents, RN, g, ti, p, F.buyPlanned, 0);
    const gr = growthIn[g]!;
    if (gr > 0) buy(c, sink, sc, priceCents, RN, g, ti, gr, F.buyGrowth, 2);
  }
}

/** 4. The spare pool at its service level. */
function sparePool(c: Compiled, sink: Sink, sc: Scratch, priceCents: Float64Array, RN: number, ti: number, t: number): void {
  const sp = c.spares!;
  const { active, alive } = sc;
  const nActive = sc.nActive;
  let mean = 0;
  let have = 0;
  const spareRole = ROLES.indexOf("spare");
  for (let i = 0; i < nActive; i++) {
    const s = active[i]!;
    const a = alive[s]!;
    if (a <= 0 || c.slotYear[s]! > t) continue;
    const r = c.slotRole[s]!;
    if (r === spareRole) have += a;
    else if (sp.roles[r]) {
      const age = Math.min(t - c.slotYear[s]!, c.maxAge - 1);
      mean += a * (c.slotRepairRate[s]! + c.qTable[c.slotQ[s]! + Math.max(0, age)]!);
    }
  }
  const required = poissonQuantile(mean * sp.factor, sp.level).k;
  inc(sink.totals, ti * NF + F.sparesRequired, required);
  const top = required - have;
  if (top > 0) buy(c, sink, sc, priceCents, RN, sp.group, ti, top, F.buySpares, 3);
}

/** 5. Failures, then losses among the rest; repairs (expected values, or draws when rng is given). */
function failuresAndLosses(c: Compiled, rng: Rng | null, sink: Sink, sc: Scratch, RN: number, ti: number, t: number): void {
  const { totals, rows, rowOf } = sink;
  const { active, alive, lambda, failIn } = sc;
  const { slotYear, slotQ, slotLoss, slotRepairRate, slotRepairClass, slotReplaceFailures, slotReplGroup, qTable, repairClassCents, maxAge } = c;
  const n5 = sc.nActive;
  const o = ti * NF;
  const rowBase = ti * RN;
  lambda.fill(0);
  let failSum = totals[o + F.failures]!;
  let lossSum = totals[o + F.losses]!;
  let endSum = totals[o + F.end]!;
  for (let i = 0; i < n5; i++) {
    const s = active[i]!;
    const a = alive[s]!;
    const y = slotYear[s]!;
    if (a <= 0 || y > t) continue;
    const age = Math.min(t - y, maxAge - 1);
    const q = qTable[slotQ[s]! + Math.max(0, age)]!;
    const l = slotLoss[s]!;
    let f: number;
    let lost: number;
    if (rng !== null) {
      f = q > 0 ? sampleBinomial(rng, a, q) : 0;
      lost = l > 0 && a - f > 0 ? sampleBinomial(rng, a - f, l) : 0;
    } else {
      f = a * q;
      lost = (a - f) * l;
    }
    const rr = slotRepairRate[s]!;
    const b = rows !== undefined ? (rowBase + rowOf![s]!) * NF : 0;
    if (rr > 0) {
      const k = slotRepairClass[s]!;
      lambda[k]! += a * rr;
      if (rows !== undefined) {
        rows[b + F.repairs]! += a * rr;
        rows[b + F.repair]! += a * rr * repairClassCents[k]!;
      }
    }
    const next = a - f - lost;
    alive[s] = next;
    failSum += f;
    lossSum += lost;
    endSum += next;
    if (rows !== undefined) {
      rows[b + F.failures]! += f;
      rows[b + F.losses]! += lost;
      rows[b + F.end]! += next;
    }
    if (slotReplaceFailures[s]) failIn[slotReplGroup[s]!]! += f + lost;
  }
  totals[o + F.failures] = failSum;
  totals[o + F.losses] = lossSum;
  totals[o + F.end] = endSum;
  for (let k = 0; k < lambda.length; k++) {
    const lam = lambda[k]!;
    if (lam <= 0) continue;
    const incidents = rng !== null ? samplePoisson(rng, lam) : lam;
    const cents = incidents * repairClassCents[k]!;
    inc(totals, o + F.repairs, incidents);
    inc(totals, o + F.repair, cents);
    if (sink.cat !== undefined) inc(sink.cat, (sc.modelCat[c.repairClassModel[k]!]! * c.horizon + ti) * NK + 4, cents);
  }
}

/** 6. Failure and loss replacements (in service at the end of the year). */
function failureReplacements(c: Compiled, sink: Sink, sc: Scratch, priceCents: Float64Array, RN: number, ti: number): void {
  const failIn = sc.failIn;
  const o = ti * NF;
  for (let g = 0; g < c.groupCount; g++) {
    const u = failIn[g]!;
    if (u <= 0) continue;
    const s = buy(c, sink, sc, priceCents, RN, g, ti, u, F.buyFailure, 1);
    inc(sink.totals, o + F.end, u);
    if (sink.rows !== undefined) inc(sink.rows, rowCell(sink, RN, s, ti, F.end), u);
  }
}

export function simulate(c: Compiled, rng: Rng | null, sink: Sink, sc: Scratch, priceCents: Float64Array = c.priceCents): void {
  const H = c.horizon;
  const { alive, active, isActive, plannedIn, growthIn, failIn } = sc;
  alive.fill(0);
  isActive.fill(0);
  let nActive = 0;
  for (let s = 0; s < c.initialCount; s++) {
    alive[s] = c.slotInitial[s]!;
    if (alive[s]! > 0) {
      active[nActive++] = s;
      isActive[s] = 1;
    }
  }
  sc.nActive = nActive;
  const RN = sink.rows !== undefined ? sink.rows.length / (H * NF) : 0;
  for (let ti = 0; ti < H; ti++) {
    const t = c.years[ti]!;
    plannedIn.fill(0);
    growthIn.fill(0);
    failIn.fill(0);
    startOfYear(c, sink, sc, RN, ti, t);
    if (c.capCents === null || c.capCents[ti] === Infinity) retireAll(c, sink, sc, RN, ti, t);
    else retireUnderCap(c, rng !== null, sink, sc, priceCents, RN, ti, t);
    if (c.growth.length > 0) growthAndDecline(c, sink, sc, RN, ti, t);
    purchases(c, sink, sc, priceCents, RN, ti);
    if (c.spares) sparePool(c, sink, sc, priceCents, RN, ti, t);
    failuresAndLosses(c, rng, sink, sc, RN, ti, t);
    failureReplacements(c, sink, sc, priceCents, RN, ti);
  }
}
