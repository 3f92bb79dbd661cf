// Cost curves in whole cents (plain numbers): the fast side of the pricing rules, used by the
// optimizer. A YearSchedule is one option's prices in one year; a Curve is the cost of holding
// one quantity under one option over one or more years (weighted), allowing to buy more than
// needed (which is what exposes all-units cliffs); an Envelope is the cheapest of several curves.

/** 0 unit, 1 all-units, 2 incremental, 3 packs. */
export type ScheduleType = 0 | 1 | 2 | 3;

export interface CentsTier {
  readonly from: number;
  readonly to: number; // Infinity when open-ended
  readonly price: number; // cents per seat
}

export interface YearSchedule {
  readonly type: ScheduleType;
  readonly unit: number;
  readonly tiers: readonly CentsTier[];
  readonly packSize: number;
  readonly packPrice: number;
  readonly min: number;
  readonly max: number; // Infinity when none
  readonly fee: number;
}

/** Cost in cents of buying exactly `q` seats (after the minimum), Infinity when it cannot be bought. */
export function purchase(s: YearSchedule, q: number): number {
  if (q <= 0) return 0;
  const qq = q < s.min ? s.min : q;
  if (qq > s.max) return Number.POSITIVE_INFINITY;
  switch (s.type) {
    case 0:
      return s.fee + s.unit * qq;
    case 3:
      return s.fee + s.packPrice * Math.ceil(qq / s.packSize);
    case 1: {
      for (const t of s.tiers) if (qq >= t.from && qq <= t.to) return s.fee + t.price * qq;
      return Number.POSITIVE_INFINITY;
    }
    default: {
      let cost = s.fee;
      for (const t of s.tiers) {
        if (qq < t.from) break;
        const upper = qq < t.to ? qq : t.to;
        cost += t.price * (upper - t.from + 1);
      }
      const lastTier = s.tiers[s.tiers.length - 1];
      if (lastTier !== undefined && qq > lastTier.to) return Number.POSITIVE_INFINITY;
      return cost;
    }
  }
}

/** The seats actually paid for when `q` are bought (minimum, whole packs). */
export function seatsPaid(s: YearSchedule, q: number): number {
  if (q <= 0) return 0;
  const qq = q < s.min ? s.min : q;
  return s.type === 3 ? Math.ceil(qq / s.packSize) * s.packSize : qq;
}

/** Largest quantity the schedule can supply. */
export function capacity(s: YearSchedule): number {
  let cap = s.max;
  if (s.type === 1 || s.type === 2) {
    const last = s.tiers[s.tiers.length - 1];
    if (last !== undefined && last.to < cap) cap = last.to;
  }
  return cap;
}

export interface Part {
  readonly s: YearSchedule;
  readonly w: number;
}

function lowerHull(xs: number[], ys: number[]): { xs: Float64Array; ys: Float64Array } {
  const hx: number[] = [];
  const hy: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(y)) continue;
    while (hx.length >= 2) {
      const x1 = hx[hx.length - 2]!;
      const y1 = hy[hy.length - 2]!;
      const x2 = hx[hx.length - 1]!;
      const y2 = hy[hy.length - 1]!;
      // remove the middle point when it is not strictly below the chord
      if ((y2 - y1) * (x - x1) >= (y - y1) * (x2 - x1)) {
        hx.pop();
        hy.pop();
      } else break;
    }
    if (hx.length > 0 && hx[hx.length - 1] === x) {
      if (y < hy[hy.length - 1]!) hy[hy.length - 1] = y;
      continue;
    }
    hx.push(x);
    hy.push(y);
  }
  return { xs: Float64Array.from(hx), ys: Float64Array.from(hy) };
}

/** A convex piecewise-linear lower bound of a cost curve on [0, nmax]. */
export class Hull {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: Hull | undefined;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  constructor(points: { xs: Float64Array; ys: Float64Array }) {
    this.xs = points.xs;
    this.ys = points.ys;
    if (new.target === Hull) Hull.latest = this;
  }

  static fromPoints(xs: number[], ys: number[]): Hull {
    const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || ys[a]! - ys[b]!);
    return new Hull(
      lowerHull(
        order.map((i) => xs[i]!),
        order.map((i) => ys[i]!),
      ),
    );
  }

  /** Slope and intercept of the supporting line of the hull at n (valid everywhere on the hull). */
  line(n: number): { alpha: number; beta: number } {
    const xs = this.xs;
    const ys = this.ys;
    const m = xs.length;
    if (m === 0) return { alpha: 0, beta: 0 };
    if (m === 1) return { alpha: ys[0]!, beta: 0 };
    let lo = 0;
    let hi = m - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (xs[mid]! <= n) lo = mid;
      else hi = mid - 1;
    }
    const beta = (ys[lo + 1]! - ys[lo]!) / (xs[lo + 1]! - xs[lo]!);
    return { alpha: ys[lo]! - beta * xs[lo]!, beta };
  }
}

/** Cost of one quantity held under one option over the years of `parts` (weighted), buying up allowed. */
export class Curve {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: Curve | undefined;
  readonly parts: readonly Part[];
  readonly cap: number;
  readonly #starts: number[];
  readonly #head: YearSchedule;

  constructor(parts: readonly Part[]) {
    if (parts.length === 0) throw new Error("a curve needs at least one year");
    this.parts = parts;
    this.#head = parts[0]!.s;
    this.cap = Math.min(...parts.map((p) => capacity(p.s)));
    this.#starts = this.#head.type === 1 ? this.#head.tiers.map((t) => t.from) : [];
    Curve.latest = this;
  }

  /** Weighted cost of buying exactly q. */
  exact(q: number): number {
    let c = 0;
    for (const p of this.parts) c += p.w * purchase(p.s, q);
    return c;
  }

  /** Cheapest weighted cost of covering n seats, and the quantity bought. */
  best(n: number): { cost: number; qty: number } {
    if (n <= 0) return { cost: 0, qty: 0 };
    let cost = this.exact(n);
    let qty = n;
    for (const start of this.#starts) {
      if (start > n && start <= this.cap) {
        const c = this.exact(start);
        if (c < cost) {
          cost = c;
          qty = start;
        }
      }
    }
    return { cost, qty };
  }

  eval(n: number): number {
    return this.best(n).cost;
  }

  /** Points between which eval is linear on the integers (packs: the corners of a lower line). */
  keyPoints(nmax: number): number[] {
    const top = Math.min(nmax, this.cap);
    if (top <= 0) return [0];
    const h = this.#head;
    const keys = new Set<number>([0, 1, top]);
    const add = (x: number): void => {
      for (const v of [x - 1, x, x + 1]) if (v >= 0 && v <= top && Number.isFinite(v)) keys.add(Math.floor(v));
    };
    add(h.min);
    if (h.type !== 3) {
      for (const t of h.tiers) {
        add(t.from);
        if (Number.isFinite(t.to)) add(t.to);
      }
      if (h.type === 1) {
        let fee = 0;
        for (const p of this.parts) fee += p.w * p.s.fee;
        h.tiers.forEach((_, i) => {
          let slope = 0;
          for (const p of this.parts) slope += p.w * (p.s.tiers[i]?.price ?? 0);
          if (slope <= 0) return;
          for (const later of h.tiers.slice(i + 1)) {
            const c = this.exact(later.from);
            if (Number.isFinite(c)) add(Math.floor((c - fee) / slope));
          }
        });
      }
    }
    return [...keys].sort((a, b) => a - b);
  }

  get packSize(): number {
    return this.#head.type === 3 ? this.#head.packSize : 1;
  }

  get isPacks(): boolean {
    return this.#head.type === 3;
  }

  /** The pack lower line fee + P·max(n, min)/k (n ≥ 1), and the width P of the band above it. */
  #packLine(n: number): { low: number; band: number } {
    if (n <= 0) return { low: 0, band: 0 };
    const q = Math.max(n, this.#head.min);
    let low = 0;
    let band = 0;
    for (const p of this.parts) {
      low += p.w * (p.s.fee + (p.s.packPrice * q) / p.s.packSize);
      band += p.w * p.s.packPrice;
    }
    return { low, band };
  }

  /** A convex lower bound of eval on [0, nmax]. */
  hull(nmax: number): Hull {
    const xs = this.keyPoints(nmax);
    if (this.isPacks)
      return Hull.fromPoints(
        xs,
        xs.map((x) => this.#packLine(x).low),
      );
    return Hull.fromPoints(
      xs,
      xs.map((x) => this.eval(x)),
    );
  }

  /** Bounds of eval(n) − π·n over the integers of [x0, x1] (exact when the range is small). */
  regionBounds(x0: number, x1: number, pi: number, keys: readonly number[]): { lo: number; hi: number } {
    const top = Math.min(x1, this.cap);
    if (top < x0) return { lo: Number.POSITIVE_INFINITY, hi: Number.POSITIVE_INFINITY };
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    const see = (n: number, v: number): void => {
      const e = v - pi * n;
      if (e < lo) lo = e;
      if (e > hi) hi = e;
    };
    if (top - x0 <= 256) {
      for (let n = x0; n <= top; n++) see(n, this.eval(n));
    } else if (this.isPacks) {
      for (const n of [x0, top, this.#head.min, this.#head.min + 1]) {
        if (n < x0 || n > top) continue;
        const { low, band } = this.#packLine(n);
        see(n, low);
        see(n, low + band);
      }
    } else {
      see(x0, this.eval(x0));
      see(top, this.eval(top));
      for (const k of keys) if (k > x0 && k < top) see(k, this.eval(k));
    }
    if (top < x1) hi = Number.POSITIVE_INFINITY;
    return { lo, hi };
  }
}

/**
 * What the pooled-seat solvers read of a cost curve: one option's {@link Curve}, or one tuple of a
 * mix of options (mix.ts) — exact cost, capacity, the points between which it is linear (or, with
 * packs, a convex relaxation within a band), a convex lower bound and region bounds.
 */
export interface CurveLike {
  readonly cap: number;
  readonly isPacks: boolean;
  readonly packSize: number;
  eval(n: number): number;
  best(n: number): { cost: number; qty: number };
  keyPoints(nmax: number): number[];
  hull(nmax: number): Hull;
  regionBounds(x0: number, x1: number, pi: number, keys: readonly number[]): { lo: number; hi: number };
}

/**
 * A cost function of one pooled group: a single curve, or the cheapest of several (1-year options,
 * or the tuples of a mix of options).
 */
export class Envelope {
  /** The latest instance, held so that its hidden class outlives each call (see ProductSolver.kept). */
  static latest: Envelope | undefined;
  readonly curves: readonly CurveLike[];
  readonly cap: number;
  constructor(curves: readonly CurveLike[]) {
    this.curves = curves;
    this.cap = curves.length === 0 ? 0 : Math.max(...curves.map((c) => c.cap));
    Envelope.latest = this;
  }

  best(n: number): { cost: number; qty: number; index: number } {
    if (n <= 0) return { cost: 0, qty: 0, index: -1 };
    let out = { cost: Number.POSITIVE_INFINITY, qty: n, index: -1 };
    this.curves.forEach((c, index) => {
      const b = c.best(n);
      if (b.cost < out.cost) out = { cost: b.cost, qty: b.qty, index };
    });
    return out;
  }

  eval(n: number): number {
    if (n <= 0) return 0;
    let cost = Number.POSITIVE_INFINITY;
    for (const c of this.curves) {
      const v = c.eval(n);
      if (v < cost) cost = v;
    }
    return cost;
  }

  /** Bounds of eval(n) − π·n over [x0, x1]: exact on small ranges, else from each curve's bounds. */
  regionBounds(x0: number, x1: number, pi: number, keys: readonly (readonly number[])[]): { lo: number; hi: number } {
    if (x1 - x0 <= 256) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let n = x0; n <= x1; n++) {
        const e = this.eval(n) - pi * n;
        if (e < lo) lo = e;
        if (e > hi) hi = e;
      }
      return { lo, hi };
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    this.curves.forEach((c, i) => {
      const b = c.regionBounds(x0, x1, pi, keys[i]!);
      if (b.lo < lo) lo = b.lo;
      if (b.hi < hi) hi = b.hi;
    });
    return { lo, hi };
  }

  hull(nmax: number): Hull {
    if (this.curves.length === 1) return this.curves[0]!.hull(nmax);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const c of this.curves) {
      const h = c.hull(nmax);
      h.xs.forEach((x, i) => {
        xs.push(x);
        ys.push(h.ys[i]!);
      });
    }
    if (xs.length === 0) return Hull.fromPoints([0], [0]);
    return Hull.fromPoints(xs, ys);
  }
}
