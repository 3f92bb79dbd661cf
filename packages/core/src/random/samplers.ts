import { DistrictKitError } from "../errors.js";
import type { Rng } from "./rng.js";
import { describeValue } from "../describe.js";

// The message is built only on failure: samplers run millions of times in a Monte Carlo.
function need(ok: boolean, path: string, message: () => string): void {
  if (!ok) throw DistrictKitError.argument([path], message());
}

function result(x: number, what: string): number {
  if (!Number.isFinite(x)) throw DistrictKitError.argument([], `the ${what} parameters are too large: the draw overflowed`);
  return x;
}

function finite(x: number): boolean {
  return typeof x === "number" && Number.isFinite(x);
}

/**
 * A uniform draw in `[min, max)`.
 *
 * @param rng - the stream
 * @param min - lower bound
 * @param max - upper bound (> min)
 * @returns the draw
 * @example
 * ```ts
 * sampleUniform(createRng(1), 0, 10); // a number in [0, 10)
 * ```
 * @category Random
 */
export function sampleUniform(rng: Rng, min = 0, max = 1): number {
  need(finite(min) && finite(max) && max > min, "max", () => `expected finite bounds with min < max, got [${describeValue(min)}, ${describeValue(max)})`);
  return result(min + (max - min) * rng.next(), "uniform");
}

/**
 * A normal draw (Box–Muller; uses two uniforms, keeps no hidden state).
 *
 * @param rng - the stream
 * @param mean - the mean
 * @param sd - the standard deviation (≥ 0)
 * @returns the draw
 * @example
 * ```ts
 * sampleNormal(createRng(1), 100, 15);
 * ```
 * @category Random
 */
export function sampleNormal(rng: Rng, mean = 0, sd = 1): number {
  need(finite(mean), "mean", () => `expected a finite mean, got ${describeValue(mean)}`);
  need(finite(sd) && sd >= 0, "sd", () => `expected a standard deviation ≥ 0, got ${describeValue(sd)}`);
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return result(mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2), "normal");
}

/**
 * A gamma draw (Marsaglia–Tsang), shape `k` and scale `theta`.
 *
 * @param rng - the stream
 * @param shape - shape > 0
 * @param scale - scale > 0
 * @returns the draw (> 0)
 * @example
 * ```ts
 * sampleGamma(createRng(1), 2, 3); // mean 6
 * ```
 * @category Random
 */
export function sampleGamma(rng: Rng, shape: number, scale = 1): number {
  need(finite(shape) && shape > 0, "shape", () => `expected a shape > 0, got ${describeValue(shape)}`);
  need(finite(scale) && scale > 0, "scale", () => `expected a scale > 0, got ${describeValue(scale)}`);
  return result(gamma(rng, shape) * scale, "gamma");
}

function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // a standard normal, exactly as sampleNormal(rng) draws it (without re-validating)
      const u1 = 1 - rng.next();
      const u2 = rng.next();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/**
 * A binomial draw: how many of `n` independent trials succeed with probability `p`. Exact in
 * distribution for every `n` — inversion when `n·p` is small, Knuth's beta-splitting recursion
 * otherwise (O(log n) draws) — so a cohort of 100,000 devices costs no more than one of 100.
 *
 * @param rng - the stream
 * @param n - trials (a non-negative integer)
 * @param p - success probability in [0, 1]
 * @returns an integer in `[0, n]`
 * @example
 * ```ts
 * sampleBinomial(createRng(1), 300, 0.08); // about 24 failed Chromebooks
 * ```
 * @category Random
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  need(Number.isSafeInteger(n) && n >= 0, "n", () => `expected a whole number of trials ≥ 0, got ${describeValue(n)}`);
  need(finite(p) && p >= 0 && p <= 1, "p", () => `expected a probability in [0, 1], got ${describeValue(p)}`);
  let count = 0;
  let nn = n;
  let pp = p;
  // Each pass either finishes by inversion or shrinks n by about half.
  for (;;) {
    if (nn === 0 || pp === 0) return count;
    if (pp === 1) return count + nn;
    if (pp > 0.5) {
      // X ~ Bin(nn, pp) = nn − Bin(nn, 1 − pp): count the failures instead.
      const sub = sampleBinomial(rng, nn, 1 - pp);
      return count + (nn - sub);
    }
    if (nn * pp < 30) {
      return count + binomialInversion(rng, nn, pp);
    }
    const a = 1 + Math.floor(nn / 2);
    const b = nn + 1 - a;
    const x = beta(rng, a, b);
    if (x >= pp) {
      nn = a - 1;
      pp = pp / x;
    } else {
      count += a;
      nn = b - 1;
      pp = (pp - x) / (1 - x);
    }
  }
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = Math.pow(q, n);
  let u = rng.next();
  let x = 0;
  while (u > r) {
    u -= r;
    x++;
    if (x > n) return n;
    r *= a / x - s;
    if (r <= 0) return x;
  }
  return x;
}

/**
 * A Poisson draw with mean `lambda`: multiplication method for small means, the exact
 * Ahrens–Dieter gamma/binomial recursion for large ones.
 *
 * @param rng - the stream
 * @param lambda - the mean (≥ 0)
 * @returns a non-negative integer
 * @example
 * ```ts
 * samplePoisson(createRng(1), 4.2); // repairs in a week
 * ```
 * @category Random
 */
export function samplePoisson(rng: Rng, lambda: number): number {
  need(finite(lambda) && lambda >= 0 && lambda <= 1e12, "lambda", () => `expected a mean in [0, 1e12], got ${describeValue(lambda)}`);
  let k = 0;
  let lam = lambda;
  while (lam > 30) {
    const m = Math.floor((7 / 8) * lam);
    const x = gamma(rng, m);
    if (x < lam) {
      k += m;
      lam -= x;
    } else {
      return k + sampleBinomial(rng, m - 1, lam / x);
    }
  }
  const limit = Math.exp(-lam);
  let prod = rng.next();
  while (prod > limit) {
    k++;
    prod *= rng.next();
  }
  return k;
}

/**
 * A Weibull draw by inversion: `scale · (−ln(1 − U))^(1/shape)`.
 *
 * @param rng - the stream
 * @param shape - shape k > 0 (k > 1: wear-out)
 * @param scale - scale λ > 0 (characteristic life)
 * @returns a draw ≥ 0
 * @example
 * ```ts
 * sampleWeibull(createRng(1), 2.1, 5.5); // a device lifetime in years
 * ```
 * @category Random
 */
export function sampleWeibull(rng: Rng, shape: number, scale: number): number {
  need(finite(shape) && shape > 0, "shape", () => `expected a Weibull shape > 0, got ${describeValue(shape)}`);
  need(finite(scale) && scale > 0, "scale", () => `expected a Weibull scale > 0, got ${describeValue(scale)}`);
  return result(scale * Math.pow(-Math.log(1 - rng.next()), 1 / shape), "Weibull");
}

/**
 * A triangular draw by inversion.
 *
 * @param rng - the stream
 * @param min - smallest value
 * @param mode - most likely value (min ≤ mode ≤ max)
 * @param max - largest value (> min)
 * @returns a draw in `[min, max]`
 * @example
 * ```ts
 * sampleTriangular(createRng(1), 0.01, 0.03, 0.06); // an inflation rate
 * ```
 * @category Random
 */
export function sampleTriangular(rng: Rng, min: number, mode: number, max: number): number {
  need(finite(min) && finite(mode) && finite(max) && min <= mode && mode <= max && min < max, "mode", () => `expected min ≤ mode ≤ max with min < max, got ${describeValue(min)}, ${describeValue(mode)}, ${describeValue(max)}`);
  const u = rng.next();
  const f = (mode - min) / (max - min);
  return result(u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode)), "triangular");
}
