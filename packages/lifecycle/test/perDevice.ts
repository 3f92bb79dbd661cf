// The peers of the benchmarks (PERFORMANCE.md L1, L2): straightforward per-device loops over the
// same inventory and the same model — what a spreadsheet-minded implementation does. Used by the
// benches and, on small inventories, by tests that check the cohort engine against them.
import { createRng } from "@districtkit/core";
import type { ForecastInputData } from "../src/schema.js";
import { annualFailureProbabilities } from "../src/survival/annual.js";

export interface PerDeviceInventory {
  n: number;
  year: Int32Array;
  planned: Int32Array;
  q: Float64Array[]; // q table per device (shared arrays)
  loss: Float64Array;
  price: Float64Array; // replacement price (cents) per device
  firstYear: number;
  horizon: number;
}

/** Expands cohorts into one record per device (models without AUE/support rules: cycle only). */
export function expandDevices(input: ForecastInputData, limit = Infinity): PerDeviceInventory {
  const firstYear = Number(input.asOf.slice(0, 4)) + (Number(input.asOf.slice(5, 7)) >= 7 ? 1 : 0);
  const horizon = input.horizonYears ?? 10;
  const cohorts = input.cohorts ?? [];
  let n = 0;
  for (const c of cohorts) n += c.count;
  n = Math.min(n, limit);
  const inv: PerDeviceInventory = { n, year: new Int32Array(n), planned: new Int32Array(n), q: new Array(n), loss: new Float64Array(n), price: new Float64Array(n), firstYear, horizon };
  const qCache = new Map<string, Float64Array>();
  const rules = input.failure.rules ?? [];
  let i = 0;
  for (const c of cohorts) {
    const model = input.models.find((m) => m.id === c.model)!;
    const rule = rules.find((r) => r.match.category === undefined || r.match.category === model.category) ?? input.failure.default;
    const key = JSON.stringify(rule.failure);
    let q = qCache.get(key);
    if (!q) {
      q = Float64Array.from(annualFailureProbabilities(rule.failure, 60).probabilities);
      qCache.set(key, q);
    }
    const aue = model.autoUpdateExpiration ? Number(model.autoUpdateExpiration.slice(0, 4)) + (Number(model.autoUpdateExpiration.slice(5, 7)) >= 7 ? 2 : 1) : Infinity;
    const planned = Math.max(firstYear, Math.min(c.purchaseFiscalYear + (model.expectedLifeYears ?? 99), aue));
    for (let k = 0; k < c.count && i < n; k++, i++) {
      inv.year[i] = c.purchaseFiscalYear;
      inv.planned[i] = planned;
      inv.q[i] = q;
      inv.loss[i] = rule.lossRate ?? 0;
      inv.price[i] = Math.round(Number(model.unitPrice) * 100);
    }
  }
  return inv;
}

/** Expected forecast, one device at a time: each device position carries its vintages (the original, then replacements) with expected weights. */
export function perDeviceExpected(inv: PerDeviceInventory, cycle = 4): Float64Array {
  const H = inv.horizon;
  const out = new Float64Array(H * 3); // failures, planned retirements, capital cents
  const add = (i: number, v: number): void => {
    out[i] = out[i]! + v;
  };
  const vYear = new Int32Array(2 * H + 2);
  const vPlanned = new Int32Array(2 * H + 2);
  const vWeight = new Float64Array(2 * H + 2);
  for (let i = 0; i < inv.n; i++) {
    const q = inv.q[i]!;
    const loss = inv.loss[i]!;
    const price = inv.price[i]!;
    let nv = 1;
    vYear[0] = inv.year[i]!;
    vPlanned[0] = inv.planned[i]!;
    vWeight[0] = 1;
    for (let ti = 0; ti < H; ti++) {
      const t = inv.firstYear + ti;
      const start = nv;
      let retired = 0;
      for (let v = 0; v < start; v++) {
        if (vPlanned[v] === t && vWeight[v]! > 0) {
          retired += vWeight[v]!;
          vWeight[v] = 0;
        }
      }
      if (retired > 0) {
        add(ti * 3 + 1, retired);
        add(ti * 3 + 2, retired * price);
        vYear[nv] = t;
        vPlanned[nv] = t + cycle;
        vWeight[nv] = retired;
        nv++;
      }
      let replaced = 0;
      for (let v = 0; v < nv; v++) {
        const w = vWeight[v]!;
        if (w <= 0) continue;
        const f = w * q[Math.min(t - vYear[v]!, q.length - 1)]!;
        const l = (w - f) * loss;
        vWeight[v] = w - f - l;
        add(ti * 3, f);
        replaced += f + l;
      }
      if (replaced > 0) {
        add(ti * 3 + 2, replaced * price);
        vYear[nv] = t;
        vPlanned[nv] = t + cycle;
        vWeight[nv] = replaced;
        nv++;
      }
    }
  }
  return out;
}

/** Monte Carlo, one device at a time: a Bernoulli draw per device, year and trial. */
export function perDeviceMonteCarlo(inv: PerDeviceInventory, trials: number, seed: number): Float64Array {
  const H = inv.horizon;
  const out = new Float64Array(trials * H);
  const root = createRng(seed);
  for (let k = 0; k < trials; k++) {
    const rng = root.stream(k);
    for (let i = 0; i < inv.n; i++) {
      let bought = inv.year[i]!;
      const q = inv.q[i]!;
      for (let ti = 0; ti < H; ti++) {
        const t = inv.firstYear + ti;
        if (inv.planned[i] === t) bought = t;
        const u = rng.next();
        if (u < q[Math.min(t - bought, q.length - 1)]! || rng.next() < inv.loss[i]!) {
          out[k * H + ti] = out[k * H + ti]! + inv.price[i]!;
          bought = t + 1;
        }
      }
    }
  }
  return out;
}
