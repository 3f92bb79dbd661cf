import { Dec } from "./decimal.js";
import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";
import { Money, type MoneyInput, toFactor } from "./money.js";

/**
 * Who gets the cents left over after every part has its floor share.
 *
 * - `largest-remainder` (default, Hamilton): largest fractional parts first, ties to the lower index.
 * - `sequential`: index 0, 1, 2 … skipping zero weights (dinero.js v1, moneyphp).
 * - `largest-ratio`: largest weights first, ties to the lower index (dinero.js v2).
 *
 * @category Money
 */
export type AllocationMethod = "largest-remainder" | "sequential" | "largest-ratio";

/**
 * Options for {@link allocate}.
 *
 * @category Money
 */
export interface AllocateOptions {
  /** Who gets the leftover cents (default `largest-remainder`). */
  readonly method?: AllocationMethod;
}

/**
 * Splits an amount by weights into parts that add up exactly to the amount, each within one cent
 * of its exact share. The amount must be whole cents; weights must be finite and ≥ 0, not all
 * zero. Zero weights get zero. A negative amount is split as its absolute value, then negated,
 * so the split is symmetric. Deterministic: the same input gives the same cents.
 *
 * @param total - the amount to split (whole cents)
 * @param weights - one weight per part (numbers or decimal strings)
 * @param options - leftover-cent method
 * @returns one part per weight, in the weights' order
 * @throws DistrictKitError for a fractional-cent total, a negative or non-finite weight, no weights or all-zero weights
 * @example
 * ```ts
 * allocate(Money.of(8), [1, 1, 1]).map(String);   // => ["2.67", "2.67", "2.66"]
 * allocate(Money.of(1), [1, 0, 3]).map(String);   // => ["0.25", "0", "0.75"]
 * ```
 * @category Money
 */
export function allocate(total: MoneyInput, weights: readonly (number | string | Dec)[], options: AllocateOptions = {}): Money[] {
  const amount = Money.of(total);
  if (options === null || typeof options !== "object") throw DistrictKitError.argument(["options"], `expected options (an object), got ${describeValue(options)}`);
  const method = guardInput(() => options.method, ["options", "method"], "the options") ?? "largest-remainder";
  if (!METHODS.includes(method)) throw DistrictKitError.argument(["options", "method"], `expected one of ${METHODS.join(", ")}, got ${describeValue(method)}`);
  // the caller's list, read once (a Proxy or a getter that throws: the one rule)
  weights = guardInput(() => (Array.isArray(weights) ? [...weights] : weights), ["weights"], "the weights");
  if (!amount.isWholeCents()) {
    throw DistrictKitError.argument(["total"], `expected an amount in whole cents, got ${amount.toString()} (round it first)`);
  }
  if (!Array.isArray(weights) || weights.length === 0) {
    throw DistrictKitError.argument(["weights"], "expected at least one weight");
  }
  const issues: { path: (string | number)[]; message: string }[] = [];
  const w: Dec[] = weights.map((x, i) => {
    try {
      const d = toFactor(x, "weight");
      if (d.isNegative() && !d.isZero()) issues.push({ path: ["weights", i], message: `expected a weight ≥ 0, got ${d.toFixed()}` });
      return d;
    } catch (error) {
      if ((error as { cause?: unknown }).cause !== undefined) throw error; // a caller's getter or Proxy, wrapped with its cause
      issues.push({ path: ["weights", i], message: `expected a finite number, got ${describeValue(x)}` });
      return new Dec(0);
    }
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_ARGUMENT", issues);
  const sum = w.reduce((a, b) => a.plus(b), new Dec(0));
  if (sum.isZero()) throw DistrictKitError.argument(["weights"], "expected at least one weight above zero");

  const negative = amount.isNegative();
  const cents = amount.abs().toDecimal().times(100);
  const exact = w.map((x) => cents.times(x).div(sum));
  const parts = exact.map((x) => x.floor());
  let left = cents.minus(parts.reduce((a, b) => a.plus(b), new Dec(0))).toNumber();
  const order = w.map((_, i) => i).filter((i) => !w[i]!.isZero());
  if (method === "largest-remainder") {
    order.sort((a, b) => exact[b]!.minus(parts[b]!).comparedTo(exact[a]!.minus(parts[a]!)) || a - b);
  } else if (method === "largest-ratio") {
    order.sort((a, b) => w[b]!.comparedTo(w[a]!) || a - b);
  }
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]!;
    parts[i] = parts[i]!.plus(1);
  }
  return parts.map((p) => {
    const m = Money.of(p.div(100));
    return negative ? m.negate() : m;
  });
}

const METHODS: readonly AllocationMethod[] = ["largest-remainder", "sequential", "largest-ratio"];

/**
 * Splits an amount into `count` parts that differ by at most one cent and add up exactly
 * (the first parts get the extra cents).
 *
 * @param total - the amount (whole cents)
 * @param count - how many parts (a positive integer)
 * @returns the parts
 * @throws DistrictKitError when `count` is not a positive integer
 * @example
 * ```ts
 * splitEvenly(Money.of(100), 3).map(String); // => ["33.34", "33.33", "33.33"]
 * ```
 * @category Money
 */
export function splitEvenly(total: MoneyInput, count: number): Money[] {
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000) {
    throw DistrictKitError.argument(["count"], `expected a whole number of parts ≥ 1, got ${describeValue(count)}`);
  }
  return allocate(
    total,
    Array.from({ length: count }, () => 1),
  );
}
