import { DistrictKitError, guardInput } from "./errors.js";

/** The most values a quantile is taken of (a Monte Carlo keeps far fewer draws per metric). */
const MAX_VALUES = 100_000_000;

import { describeValue } from "./describe.js";

/**
 * Quantiles by R's default rule (type 7, also NumPy's `linear`): for sorted `x` of length `n`,
 * `h = (n − 1)·p`, and the quantile interpolates between `x[⌊h⌋]` and `x[⌊h⌋ + 1]`. Sorts once.
 *
 * @param values - the sample (finite numbers, at least one)
 * @param probabilities - each in [0, 1]
 * @returns one quantile per probability
 * @throws DistrictKitError for an empty sample, a non-finite value or a probability outside [0, 1]
 * @example
 * ```ts
 * quantiles([1, 2, 3, 4], [0.1, 0.5, 0.9]); // => [1.3, 2.5, 3.7]
 * ```
 * @category Random
 */
export function quantiles(values: ArrayLike<number>, probabilities: readonly number[]): number[] {
  if (values === null || typeof values !== "object") throw DistrictKitError.argument(["values"], `expected a list of numbers, got ${describeValue(values)}`);
  if (!Array.isArray(probabilities)) throw DistrictKitError.argument(["probabilities"], `expected a list of probabilities, got ${describeValue(probabilities)}`);
  // the caller's lists are read once, under the one rule (a Proxy or a getter that throws)
  const probs = guardInput(() => [...probabilities] as unknown[], ["probabilities"], "the probabilities");
  const sorted = guardInput(
    () => {
      const n = (values as { length?: unknown }).length;
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0 || n > MAX_VALUES)
        throw DistrictKitError.argument(["values"], `expected a list of at most ${MAX_VALUES} numbers, got ${describeValue(values)}`);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== "number" || !Number.isFinite(v)) throw DistrictKitError.argument(["values", i], `expected a finite number, got ${describeValue(v)}`);
        out[i] = v;
      }
      return out;
    },
    ["values"],
    "the values",
  );
  const n = sorted.length;
  if (!(n > 0)) throw DistrictKitError.argument(["values"], "expected at least one value");
  sorted.sort();
  return probs.map((p, k) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw DistrictKitError.argument(["probabilities", k], `expected a probability in [0, 1], got ${describeValue(p)}`);
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[lo]!;
    const b = sorted[Math.min(lo + 1, n - 1)]!;
    const t = h - lo;
    const d = b - a; // overflows only between values near ±1.8e308: then a weighted mean, which cannot
    return Number.isFinite(d) ? a + t * d : (1 - t) * a + t * b;
  });
}

/**
 * One quantile, R type 7. See {@link quantiles}.
 *
 * @param values - the sample
 * @param probability - in [0, 1]
 * @returns the quantile
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.5); // => 2.5
 * ```
 * @category Random
 */
export function quantile(values: ArrayLike<number>, probability: number): number {
  return quantiles(values, [probability])[0]!;
}
