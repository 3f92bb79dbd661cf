// One option's price rule as the mix (mix.ts) reads it. Every non-pack rule is, bracket by bracket,
// "pay c for the first a seats, then s a seat up to b seats": a HINGE (unit price: one hinge from the
// minimum; all-units: one hinge per bracket, starting where the bracket starts — buying up into it;
// graduated: one per bracket, c being the cost of the brackets below). Packs are a PACK RULE: fee +
// price × max(minimum packs, ⌈seats / size⌉). Hinges that another hinge of the same option beats on
// every seat count are dropped. Exactness is checked with the mix (mix.prop.test.ts: the whole-seat
// dynamic programme).
import type { Curve, YearSchedule } from "./curve.js";

/** "Pay c for the first a seats, then s a seat up to b seats" — one bracket of one variant. */
export interface Hinge {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly s: number;
  /** Which variant (of the column) it prices. */
  readonly variant: number;
}

/** Packs of one variant: fee + price × max(minimum packs, ⌈seats / size⌉), at most `cover` seats. */
export interface PackRule {
  readonly size: number;
  readonly price: number;
  readonly fee: number;
  readonly minPacks: number;
  /** Most seats covered (the option's maximum; Infinity when none). */
  readonly cover: number;
  readonly variant: number;
}

function headOf(curve: Curve): YearSchedule {
  return curve.parts[0]!.s;
}

/** The hinges of one variant's curve (empty for packs). */
export function hingesOf(curve: Curve, variant: number): Hinge[] {
  const head = headOf(curve);
  const cap = curve.cap;
  if (head.type === 3 || cap <= 0) return [];
  const parts = curve.parts;
  let fee = 0;
  for (const p of parts) fee += p.w * p.s.fee;
  const min = head.min;
  const out: Hinge[] = [];
  if (head.type === 0) {
    let s = 0;
    for (const p of parts) s += p.w * p.s.unit;
    const a = Math.min(min, cap);
    if (min > cap) return [];
    out.push({ a, b: cap, c: fee + s * a, s, variant });
    return out;
  }
  head.tiers.forEach((tier, i) => {
    let s = 0;
    for (const p of parts) s += p.w * (p.s.tiers[i]?.price ?? 0);
    const hi = Math.min(tier.to, cap);
    if (head.type === 1) {
      const lo = Math.max(tier.from, min);
      if (lo > hi) return;
      out.push({ a: lo, b: hi, c: fee + s * lo, s, variant });
    } else {
      // graduated: c is the cost of the seats below the hinge's start (brackets below, or the minimum)
      const a = min <= tier.from - 1 ? tier.from - 1 : min;
      if (a > hi) return;
      out.push({ a, b: hi, c: incrementalCost(curve, a) + (a === 0 ? fee : 0), s, variant });
    }
  });
  return out;
}

/** Weighted cost of exactly q seats under a graduated curve, fee included (q ≥ 1; 0 gives 0). */
function incrementalCost(curve: Curve, q: number): number {
  if (q <= 0) return 0;
  let c = 0;
  for (const p of curve.parts) {
    let cost = p.s.fee;
    for (const t of p.s.tiers) {
      if (q < t.from) break;
      cost += t.price * ((q < t.to ? q : t.to) - t.from + 1);
    }
    c += p.w * cost;
  }
  return c;
}

/** The pack rule of one variant's curve, or null when it does not sell packs. */
export function packRuleOf(curve: Curve, variant: number): PackRule | null {
  const head = headOf(curve);
  if (head.type !== 3 || curve.cap <= 0) return null;
  let price = 0;
  let fee = 0;
  for (const p of curve.parts) {
    price += p.w * p.s.packPrice;
    fee += p.w * p.s.fee;
  }
  const minPacks = Math.max(1, Math.ceil(head.min / head.packSize));
  if (head.min > curve.cap) return null;
  return { size: head.packSize, price, fee, minPacks, cover: curve.cap, variant };
}

/** No hinge of the list does better on every seat count: a' ≥ a, b' ≥ b, c' ≤ c, s' ≤ s. */
export function pruneHinges(hs: readonly Hinge[]): Hinge[] {
  return hs.filter((h, i) => !hs.some((g, j) => j !== i && g.a >= h.a && g.b >= h.b && g.c <= h.c && g.s <= h.s && (g.a > h.a || g.b > h.b || g.c < h.c || g.s < h.s || j < i)));
}
