// The scaling cases of the core package (issue 18; ./scaling.ts): every entry point that takes a
// list that can be long, with a seeded generator of its input (the same size and seed give the
// same input): amounts to sum, weights to allocate over, values to take quantiles of. The series
// (fiscal years 1000–9999: at most 9,000 entries) and escalate (at most 1,000 years) are bounded
// below 100,000 by their own validation: the series are measured at 900 and 9,000 years.

import { allocate, splitEvenly } from "../src/allocate.js";
import { Money } from "../src/money.js";
import { quantile, quantiles } from "../src/quantile.js";
import { createRng } from "../src/random/rng.js";
import { MoneySeries } from "../src/series.js";
import { scalingCase } from "./scaling.js";

/** n amounts: a third whole cents, a third decimal text, a third sub-cent decimals. */
function amounts(n: number, seed: number): (Money | string)[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const cents = Math.floor(rng.next() * 10_000_000) - 1_000_000;
    return i % 3 === 0 ? Money.fromCents(cents) : i % 3 === 1 ? (cents / 100).toFixed(2) : Money.of(`${(cents / 100).toFixed(2)}37`);
  });
}

/** n weights (integers, decimals as text, zeros). */
function weights(n: number, seed: number): (number | string)[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : i % 2 ? Math.floor(rng.next() * 1000) : (rng.next() * 100).toFixed(3)));
}

const values = (n: number, seed: number): Float64Array => {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.next() * 1e6);
};

/** n [year, amount] pairs from fiscal year 1000 on (n ≤ 9,000), in shuffled order, amounts as numbers, text and Money. */
function yearPairs(n: number, seed: number): [number, Money | string | number][] {
  const rng = createRng(seed);
  const pairs = Array.from({ length: n }, (_, i): [number, Money | string | number] => {
    const cents = Math.floor(rng.next() * 10_000_000);
    return [1000 + i, i % 3 === 0 ? Money.fromCents(cents) : i % 3 === 1 ? (cents / 100).toFixed(2) : cents];
  });
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs;
}

/** The cases (scaling.bench.ts registers them). */
export const scalingCases = [
  scalingCase(
    "Money.sum (amounts)",
    (n) => amounts(n, 1),
    (xs) => Money.sum(xs),
  ),
  scalingCase(
    "Money.max (amounts)",
    (n) => amounts(n, 2),
    ([first, ...rest]) => Money.max(first!, ...rest),
  ),
  scalingCase(
    "allocate (weights, largest remainder)",
    (n) => weights(n, 3),
    (w) => allocate("1234567.89", w),
  ),
  scalingCase(
    "allocate (weights, sequential)",
    (n) => weights(n, 4),
    (w) => allocate("1234567.89", w, { method: "sequential" }),
  ),
  scalingCase(
    "allocate (weights, largest ratio)",
    (n) => weights(n, 5),
    (w) => allocate("1234567.89", w, { method: "largest-ratio" }),
  ),
  scalingCase(
    "splitEvenly (parts)",
    (n) => n,
    (count) => splitEvenly("1234567.89", count),
  ),
  scalingCase(
    "quantiles (values; 99 probabilities)",
    (n) => values(n, 6),
    (xs) =>
      quantiles(
        xs,
        Array.from({ length: 99 }, (_, i) => (i + 1) / 100),
      ),
  ),
  scalingCase(
    "quantile (values)",
    (n) => values(n, 7),
    (xs) => quantile(xs, 0.9),
  ),
  scalingCase(
    "MoneySeries.from (years)",
    (n) => yearPairs(n, 21),
    (pairs) => MoneySeries.from(pairs),
    { sizes: [900, 9_000] },
  ),
  scalingCase(
    "MoneySeries#toRows (years)",
    (n) => MoneySeries.from(yearPairs(n, 22)),
    (series) => series.toRows(),
    { sizes: [900, 9_000] },
  ),
];
