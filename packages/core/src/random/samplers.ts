import { describeValue } from "../describe.js";
import { DistrictKitError } from "../errors.js";
import { asRng, type Rng } from "./rng.js";

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
  rng = asRng(rng);
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
  rng = asRng(rng);
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
  rng = asRng(rng);
  need(finite(shape) && shape > 0, "shape", () => `expected a shape > 0, got ${describeValue(shape)}`);
  need(finite(scale) && scale > 0, "scale", () => `expected a scale > 0, got ${describeValue(scale)}`);
  return result(gamma(rng, shape) * scale, "gamma");
}

function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    const u = 1 - rng.next();
    return gamma(rng, shape + 1) * u ** (1 / shape);
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
 * distribution for every `n` — inversion when `n·p` is small, inversion searched outward from the
 * mode (pmf by Loader's saddle-point formula, as R's dbinom) when the standard deviation is up to
 * 100, Knuth's beta-splitting recursion above that (O(log n) draws) — so a cohort of 100,000
 * devices costs no more than one of 100.
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
  rng = asRng(rng);
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
    if (nn * pp * (1 - pp) <= 10_000) {
      return count + binomialModeSearch(rng, nn, pp);
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

// ln(n!) − ln(√(2πn)·(n/e)^n), Loader (2000), as in R's stirlerr; exact for n ≤ 15.
function stirlingError(n: number): number {
  if (n <= 15) {
    let lf = 0;
    for (let i = 2; i <= n; i++) lf += Math.log(i);
    return lf - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
  }
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

// x·ln(x/m) + m − x, computed without cancellation (Loader's bd0).
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

// P(X = x) for 0 < x < n, to full double precision (Loader's dbinom_raw).
function binomialPmf(x: number, n: number, p: number): number {
  const q = 1 - p;
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n);
  return Math.exp(lc - 0.5 * lf);
}

// Inversion over the support visited outward from the mode (m, m−1, m+1, m−2, …): any fixed
// order of the support gives an exact inversion; this one takes O(σ) steps. Requires n·p ≥ 30
// and p ≤ 0.5, so the mode is inside (0, n).
function binomialModeSearch(rng: Rng, n: number, p: number): number {
  const m = Math.floor((n + 1) * p);
  const f0 = binomialPmf(m, n, p);
  const odds = p / (1 - p);
  for (;;) {
    let u = rng.next() - f0;
    if (u <= 0) return m;
    let lo = m;
    let hi = m;
    let flo = f0;
    let fhi = f0;
    while (flo > 0 || fhi > 0) {
      if (lo > 0 && flo > 0) {
        flo *= lo / ((n - lo + 1) * odds);
        lo--;
        u -= flo;
        if (u <= 0) return lo;
      } else flo = 0;
      if (hi < n && fhi > 0) {
        fhi *= ((n - hi) * odds) / (hi + 1);
        hi++;
        u -= fhi;
        if (u <= 0) return hi;
      } else fhi = 0;
    }
    // the mass summed to just under 1 by rounding: draw again (exact conditional on rounding)
  }
}

function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = q ** n;
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
  rng = asRng(rng);
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
  rng = asRng(rng);
  need(finite(shape) && shape > 0, "shape", () => `expected a Weibull shape > 0, got ${describeValue(shape)}`);
  need(finite(scale) && scale > 0, "scale", () => `expected a Weibull scale > 0, got ${describeValue(scale)}`);
  return result(scale * (-Math.log(1 - rng.next())) ** (1 / shape), "Weibull");
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
  rng = asRng(rng);
  need(
    finite(min) && finite(mode) && finite(max) && min <= mode && mode <= max && min < max,
    "mode",
    () => `expected min ≤ mode ≤ max with min < max, got ${describeValue(min)}, ${describeValue(mode)}, ${describeValue(max)}`,
  );
  const u = rng.next();
  const f = (mode - min) / (max - min);
  return result(u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode)), "triangular");
}
