import { Dec, DistrictKitError, Money } from "@districtkit/core";

/**
 * @internal Exact integer-cent arithmetic for the projection's hot loop. Amounts are whole
 * cents held in JS numbers (exact while they are safe integers); products that could leave the
 * safe range fall back to BigInt, so no result is ever inexact. Money is built only at the edge.
 */

/** An exact fraction `num / den` (den > 0), both safe integers. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** @internal A decimal (a Rate, a factor) as an exact fraction with a power-of-ten denominator. */
export function toFraction(value: Dec | number | string): Fraction {
  const d = new Dec(value as Dec);
  if (!d.isFinite()) throw DistrictKitError.argument([], `expected a finite factor, got ${d.toString()}`);
  const dp = d.decimalPlaces();
  if (dp > 15) return toFraction(d.toDecimalPlaces(15));
  const den = POW10[dp]!;
  const num = d.times(den).toNumber();
  if (!Number.isSafeInteger(num)) throw DistrictKitError.argument([], `factor ${d.toString()} is too large`);
  return { num, den };
}

/** @internal `cents × num / den`, rounded half away from zero to whole cents, exactly. */
export function mulRound(cents: number, num: number, den: number): number {
  if (den === 1) {
    const p = cents * num;
    if (Number.isSafeInteger(p)) return p === 0 ? 0 : p; // never −0
  } else {
    const p = cents * num;
    if (Number.isSafeInteger(p)) {
      const neg = p < 0;
      const a = neg ? -p : p;
      let q = Math.floor(a / den);
      const r = a - q * den;
      if (2 * r >= den) q += 1;
      return neg ? (q === 0 ? 0 : -q) : q + 0; // never −0
    }
  }
  const bp = BigInt(cents) * BigInt(num);
  const bd = BigInt(den);
  const neg = bp < 0n;
  const a = neg ? -bp : bp;
  let q = a / bd;
  const r = a - q * bd;
  if (2n * r >= bd) q += 1n;
  const out = Number(neg ? -q : q);
  if (!Number.isSafeInteger(out)) throw DistrictKitError.argument([], "an amount grew beyond the supported range (about $90 trillion)");
  return out;
}

/** @internal `cents × f`, rounded half away from zero. */
export function mulFraction(cents: number, f: Fraction): number {
  return mulRound(cents, f.num, f.den);
}

/** @internal Multiplies two fractions exactly (reducing by powers of ten only when needed). */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.num;
  const den = a.den * b.den;
  if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return { num, den };
  return toFraction(new Dec(a.num).div(a.den).times(new Dec(b.num).div(b.den)));
}

/** @internal Whole cents of a Money (which must be whole cents after rounding half-up). */
export function centsOf(m: Money): number {
  return m.toCents("half-up");
}

const moneyCache = new Map<number, Money>();
/**
 * @internal Money from whole cents. Money is immutable, so equal amounts can share one instance:
 * a bounded cache keeps repeated projections (every lever change, every tornado bar) cheap.
 */
export function money(cents: number): Money {
  if (cents === 0) return Money.ZERO;
  let v = moneyCache.get(cents);
  if (v === undefined) {
    v = Money.fromCents(cents);
    if (moneyCache.size >= 200_000) moneyCache.clear();
    moneyCache.set(cents, v);
  }
  return v;
}

/**
 * @internal Money from whole cents, not cached: for amounts that are mostly distinct (a line's
 * total, a line's change), where a look-up in the cache costs more than the amount and filling it
 * with a hundred thousand amounts only to clear it keeps the garbage collector busy.
 */
export function moneyOnce(cents: number): Money {
  return cents === 0 ? Money.ZERO : Money.fromCents(cents);
}

/** @internal Formats whole cents as dollars for explanations ("$1,234.56"). */
export function dollars(cents: number): string {
  const neg = cents < 0;
  const a = neg ? -cents : cents;
  const w = Math.floor(a / 100);
  const f = a - w * 100;
  let ws = String(w);
  if (w >= 1000) {
    let out = "";
    while (ws.length > 3) {
      out = `,${ws.slice(-3)}${out}`;
      ws = ws.slice(0, -3);
    }
    ws += out;
  }
  return `${neg ? "-$" : "$"}${ws}.${f < 10 ? "0" : ""}${f}`;
}

/** @internal The fraction 1. */
export const ONE: Fraction = Object.freeze({ num: 1, den: 1 });
