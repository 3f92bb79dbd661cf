// How IRR and XIRR find a rate (the solver their docs describe).
//
// The net present value of flows v_i at times t_i (periods for IRR, days/365 for XIRR),
// f(r) = Σ v_i·(1 + r)^(−t_i), is evaluated in floats (a rate is not money); the caller reports
// the exact decimal NPV at the rate found as the residual.
//
// 1. Newton's method from the guess, as Excel does: r ← r − f(r)/f′(r), at most 100 steps,
//    done when a step moves r by less than 1e-13·max(1, |r|). For flows that change sign
//    once there is exactly one rate above −100 % and Newton finds it from any reasonable guess.
// 2. When Newton fails (a step leaves r > −1, the slope is zero, a value overflows, or it does
//    not settle), scan a fixed grid of rates — −99.9 %, −99 % … 100 % by 1 %, then up to
//    1,000,000 % by a factor of 1.25 — for a change of sign of f, take the interval nearest the
//    guess, and halve it until it is narrower than 1e-15·max(1, |r|) (at most 200 halvings).
// 3. No change of sign anywhere on the grid: there is no rate to report (the caller throws).
//    Flows that change sign several times may have several rates; the one nearest the guess is
//    reported, as Excel reports the one its iteration reaches.

/** @internal What the solver found. */
export interface Solved {
  readonly rate: number;
  readonly method: "newton" | "bisection";
  readonly iterations: number;
}

/** @internal f(r) and f′(r) of flows at times. */
export function npvAndSlope(values: readonly number[], times: readonly number[], r: number): [number, number] {
  let f = 0;
  let df = 0;
  const base = 1 + r;
  for (let i = 0; i < values.length; i++) {
    const t = times[i]!;
    const d = base ** -t;
    f += values[i]! * d;
    df -= (t * values[i]! * d) / base;
  }
  return [f, df];
}

function newton(values: readonly number[], times: readonly number[], guess: number): Solved | null {
  let r = guess;
  for (let k = 1; k <= 100; k++) {
    const [f, df] = npvAndSlope(values, times, r);
    if (!Number.isFinite(f) || !Number.isFinite(df) || df === 0) return null;
    const next = r - f / df;
    if (!Number.isFinite(next) || next <= -1) return null;
    if (Math.abs(next - r) <= 1e-13 * Math.max(1, Math.abs(next))) return { rate: next, method: "newton", iterations: k };
    r = next;
  }
  return null;
}

let grid: number[] | undefined;
function rateGrid(): readonly number[] {
  if (grid) return grid;
  const g = [-0.999];
  for (let p = -99; p <= 100; p++) g.push(p / 100);
  for (let r = 1.25; r <= 10_000; r *= 1.25) g.push(r);
  grid = g;
  return g;
}

function bisect(values: readonly number[], times: readonly number[], guess: number): Solved | null {
  const g = rateGrid();
  let best: [number, number, number, number] | null = null; // lo, hi, f(lo), distance to the guess
  let prev = g[0]!;
  let fPrev = npvAndSlope(values, times, prev)[0];
  for (let i = 1; i < g.length; i++) {
    const r = g[i]!;
    const f = npvAndSlope(values, times, r)[0];
    if (Number.isFinite(f) && Number.isFinite(fPrev) && (f === 0 || Math.sign(f) !== Math.sign(fPrev))) {
      const distance = guess < prev ? prev - guess : guess > r ? guess - r : 0;
      if (best === null || distance < best[3]) best = [prev, r, fPrev, distance];
    }
    prev = r;
    fPrev = f;
  }
  if (best === null) return null;
  let [lo, hi, fLo] = best;
  for (let k = 1; k <= 200; k++) {
    const mid = (lo + hi) / 2;
    const fMid = npvAndSlope(values, times, mid)[0];
    if (fMid === 0 || hi - lo <= 1e-15 * Math.max(1, Math.abs(mid))) return { rate: mid, method: "bisection", iterations: k };
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return { rate: (lo + hi) / 2, method: "bisection", iterations: 200 };
}

/** @internal Finds a rate where the flows' NPV is zero (see the header), or null when there is none. */
export function solveRate(values: readonly number[], times: readonly number[], guess: number): Solved | null {
  return newton(values, times, guess) ?? bisect(values, times, guess);
}

/** @internal How many times the flows change sign (zeros skipped): more than 1 → possibly several rates. */
export function signChanges(values: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const v of values) {
    if (v === 0) continue;
    const s = Math.sign(v);
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}
