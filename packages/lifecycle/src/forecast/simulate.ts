// The year loop shared by the expected forecast (rng = null: expected values) and the Monte
// Carlo forecast (binomial and Poisson draws from core's samplers). Internal.
import { sampleBinomial, samplePoisson, type Rng } from "@districtkit/core";
import { poissonQuantile } from "../internal/math.js";
import { CATEGORIES, ROLES, RULES, type Compiled } from "./compile.js";

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
  rowOf?: Int32Array; // slot → row
  rows?: Float64Array; // H × R × NF (year-major: one year's rows lie together)
  cat?: Float64Array; // CATEGORIES × H × NK
  retired?: Float64Array; // initialCount × H planned retirements of initial cohorts
  byRule?: Float64Array; // H × RULES planned retirements by rule
  bought?: Float64Array; // models × H units purchased
  deferrals?: Deferral[];
  shortfalls?: Shortfall[];
}

export interface Scratch {
  alive: Float64Array;
  active: Int32Array;
  isActive: Uint8Array;
  plannedIn: Float64Array;
  growthIn: Float64Array;
  failIn: Float64Array;
  fleet: Float64Array;
  lambda: Float64Array;
  candidates: number[];
}

export function scratchFor(c: Compiled): Scratch {
  return {
    alive: new Float64Array(c.n),
    active: new Int32Array(c.n),
    isActive: new Uint8Array(c.n),
    plannedIn: new Float64Array(c.groupCount),
    growthIn: new Float64Array(c.groupCount),
    failIn: new Float64Array(c.groupCount),
    fleet: new Float64Array(c.schools.length * ROLES.length),
    lambda: new Float64Array(c.repairClassCents.length),
    candidates: [],
  };
}

function categoryOf(c: Compiled, model: number): number {
  return CATEGORIES.indexOf(c.models[model]!.category);
}

function inc(a: Float64Array, i: number, v: number): void {
  a[i] = a[i]! + v;
}

export function simulate(c: Compiled, rng: Rng | null, sink: Sink, sc: Scratch, priceCents: Float64Array = c.priceCents): void {
  const H = c.horizon;
  const { alive, active, isActive, plannedIn, growthIn, failIn, fleet, lambda } = sc;
  const { totals, rowOf, rows, cat } = sink;
  const random = rng !== null;
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
  const modelCat = new Int32Array(c.models.length);
  for (let m = 0; m < c.models.length; m++) modelCat[m] = categoryOf(c, m);
  const RN = rows ? rows.length / (H * NF) : 0;
  const addRow = (s: number, ti: number, f: number, v: number): void => {
    if (rows) inc(rows, (ti * RN + rowOf![s]!) * NF + f, v);
  };
  const addCat = (model: number, ti: number, k: number, cents: number): void => {
    if (cat) inc(cat, (modelCat[model]! * H + ti) * NK + k, cents);
  };
  const buy = (g: number, ti: number, units: number, field: number, kind: number): number => {
    // adds units to group g's slot of year ti; returns the slot
    const s = c.groupSlot[g * H + ti]!;
    inc(alive, s, units);
    if (!isActive[s]) {
      isActive[s] = 1;
      active[nActive++] = s;
    }
    const m = c.groupModel[g]!;
    const cents = units * priceCents[m * H + ti]!;
    const o = ti * NF;
    inc(totals, o + field, units);
    inc(totals, o + F.capital, cents);
    addRow(s, ti, field, units);
    addRow(s, ti, F.capital, cents);
    addCat(m, ti, kind, cents);
    if (sink.bought) inc(sink.bought, m * H + ti, units);
    return s;
  };

  for (let ti = 0; ti < H; ti++) {
    const t = c.years[ti]!;
    const o = ti * NF;
    plannedIn.fill(0);
    growthIn.fill(0);
    failIn.fill(0);
    // 1. start of year and planned retirements
    const cand = sc.candidates;
    cand.length = 0;
    const nBefore = nActive;
    for (let i = 0; i < nBefore; i++) {
      const s = active[i]!;
      const a = alive[s]!;
      if (a <= 0) continue;
      inc(totals, o + F.start, a);
      addRow(s, ti, F.start, a);
      if (c.slotPlanned[s]! <= t) cand.push(s);
    }
    const retire = (s: number, k: number): void => {
      if (k <= 0) return;
      inc(alive, s, -(k));
      inc(totals, o + F.planned, k);
      addRow(s, ti, F.planned, k);
      if (sink.retired && s < c.initialCount) inc(sink.retired, s * H + ti, k);
      if (sink.byRule && c.slotRule[s]! >= 0) inc(sink.byRule, ti * RULES.length + c.slotRule[s]!, k);
      const age = t - c.slotYear[s]!;
      const curve = c.models[c.slotModel[s]!]!.residualCurve;
      if (curve && curve.length > 0 && t < c.slotAueYear[s]!) {
        const cents = k * c.slotUnitCents[s]! * curve[Math.min(age, curve.length - 1)]!;
        inc(totals, o + F.resale, cents);
        addCat(c.slotModel[s]!, ti, 5, cents);
        addRow(s, ti, F.resale, cents);
      }
      if (c.slotReplacePlanned[s]) inc(plannedIn, c.slotReplGroup[s]!, k);
      else {
        inc(totals, o + F.notReplaced, k);
        addRow(s, ti, F.notReplaced, k);
      }
    };
    if (c.capCents === null || c.capCents[ti] === Infinity) {
      for (const s of cand) retire(s, alive[s]!);
    } else {
      // budget cap on planned refresh: hard deadlines first, then earliest deadline, purchase year, cohort
      cand.sort((x, y) => {
        const fx = c.slotHard[x]! <= t ? 0 : 1;
        const fy = c.slotHard[y]! <= t ? 0 : 1;
        return fx - fy || c.slotHard[x]! - c.slotHard[y]! || c.slotYear[x]! - c.slotYear[y]! || x - y;
      });
      let budget = c.capCents[ti]!;
      let forcedCents = 0;
      const forcedSlots: number[] = [];
      for (const s of cand) {
        const units = alive[s]!;
        const g = c.slotReplGroup[s]!;
        const price = c.slotReplacePlanned[s] ? priceCents[c.groupModel[g]! * H + ti]! : 0;
        if (c.slotHard[s]! <= t) {
          retire(s, units);
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
        retire(s, k);
        budget -= k * price;
        const left = units - k;
        if (left > 0) {
          inc(totals, o + F.deferred, left);
          addRow(s, ti, F.deferred, left);
          sink.deferrals?.push({ ti, slot: s, units: left });
        }
      }
      if (budget < -1e-6 && sink.shortfalls) sink.shortfalls.push({ ti, capCents: c.capCents[ti]!, forcedCents, slots: forcedSlots });
    }
    // 2. growth (enrollment × ratio) and decline
    if (c.growth.length > 0) {
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
            inc(plannedIn, g, -(cut));
            excess -= cut;
            inc(totals, o + F.notReplaced, cut);
            if (rows) inc(rows, (ti * RN + rowOf![c.groupSlot[g * H + ti]!]!) * NF + F.notReplaced, cut);
          }
          fleet[key] = target + excess;
        }
      }
    }
    // 3. purchases at the start of the year (exposed this year)
    for (let g = 0; g < c.groupCount; g++) {
      if (plannedIn[g]! > 0) buy(g, ti, plannedIn[g]!, F.buyPlanned, 0);
      if (growthIn[g]! > 0) buy(g, ti, growthIn[g]!, F.buyGrowth, 2);
    }
    // 4. spare pool at its service level
    if (c.spares) {
      const sp = c.spares;
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
      inc(totals, o + F.sparesRequired, required);
      const top = required - have;
      if (top > 0) buy(sp.group, ti, top, F.buySpares, 3);
    }
    // 5. failures, then losses among the rest; repairs
    lambda.fill(0);
    const n5 = nActive;
    for (let i = 0; i < n5; i++) {
      const s = active[i]!;
      const a = alive[s]!;
      if (a <= 0 || c.slotYear[s]! > t) continue;
      const age = Math.min(t - c.slotYear[s]!, c.maxAge - 1);
      const q = c.qTable[c.slotQ[s]! + Math.max(0, age)]!;
      const l = c.slotLoss[s]!;
      let f: number;
      let lost: number;
      if (random) {
        f = q > 0 ? sampleBinomial(rng, a, q) : 0;
        lost = l > 0 && a - f > 0 ? sampleBinomial(rng, a - f, l) : 0;
      } else {
        f = a * q;
        lost = (a - f) * l;
      }
      const rr = c.slotRepairRate[s]!;
      if (rr > 0) {
        inc(lambda, c.slotRepairClass[s]!, a * rr);
        if (rows) {
          const b = (ti * RN + rowOf![s]!) * NF;
          inc(rows, b + F.repairs, a * rr);
          inc(rows, b + F.repair, a * rr * c.repairClassCents[c.slotRepairClass[s]!]!);
        }
      }
      const next = a - f - lost;
      alive[s] = next;
      inc(totals, o + F.failures, f);
      inc(totals, o + F.losses, lost);
      inc(totals, o + F.end, next);
      if (rows) {
        const b = (ti * RN + rowOf![s]!) * NF;
        inc(rows, b + F.failures, f);
        inc(rows, b + F.losses, lost);
        inc(rows, b + F.end, next);
      }
      if (c.slotReplaceFailures[s]) inc(failIn, c.slotReplGroup[s]!, f + lost);
    }
    for (let k = 0; k < lambda.length; k++) {
      const lam = lambda[k]!;
      if (lam <= 0) continue;
      const incidents = random ? samplePoisson(rng, lam) : lam;
      const cents = incidents * c.repairClassCents[k]!;
      inc(totals, o + F.repairs, incidents);
      inc(totals, o + F.repair, cents);
      addCat(c.repairClassModel[k]!, ti, 4, cents);
    }
    // 6. failure and loss replacements (in service at the end of the year)
    for (let g = 0; g < c.groupCount; g++) {
      const u = failIn[g]!;
      if (u <= 0) continue;
      const s = buy(g, ti, u, F.buyFailure, 1);
      inc(totals, o + F.end, u);
      addRow(s, ti, F.end, u);
    }
  }
}
