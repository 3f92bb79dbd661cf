import { describeValue } from "../describe.js";
import { DistrictKitError, guardInput } from "../errors.js";

/**
 * A seeded stream of random numbers (xoshiro128**, 32-bit integer arithmetic only, so the same
 * seed gives the same stream in Node and in every browser). Streams split: {@link Rng.stream}
 * derives an independent child from the seed and a key alone — never from how many numbers were
 * drawn — so trial 417 draws the same numbers whichever worker runs it and whatever ran before.
 *
 * @category Random
 */
export interface Rng {
  /** The words this stream was derived from (for reproducing it). */
  readonly key: readonly number[];
  /** The next 32-bit unsigned integer. */
  nextUint32(): number;
  /** The next float, uniform in [0, 1), with 53 random bits. */
  next(): number;
  /**
   * An independent child stream, determined by this stream's key and `key` only.
   *
   * @param key - the child's name: a trial index, a cohort id…
   */
  stream(key: number | string): Rng;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashKey(key: number | string): number[] {
  if (typeof key === "number") {
    if (!Number.isSafeInteger(key)) {
      throw DistrictKitError.argument(["seed"], `expected a whole-number seed or a text seed, got ${describeValue(key)}`);
    }
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    return [fmix32(lo ^ 0x9e3779b9), fmix32(hi ^ 0x7f4a7c15), fmix32(lo + 0x6a09e667), fmix32(hi + 0xbb67ae85)];
  }
  if (typeof key !== "string") {
    throw DistrictKitError.argument(["seed"], `expected a whole-number seed or a text seed, got ${typeof key}`);
  }
  const h = [0x811c9dc5, 0x01000193, 0xdeadbeef, 0x41c64e6d];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    for (let j = 0; j < 4; j++) h[j] = Math.imul(h[j]! ^ (c + j), 0x01000193 + 2 * j) >>> 0;
  }
  return h.map((x, j) => fmix32(x ^ Math.imul(key.length, 0x9e3779b9 + j)));
}

class Xoshiro implements Rng {
  readonly key: readonly number[];
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  constructor(key: readonly number[]) {
    this.key = key;
    // splitmix32 expansion of the key into a non-zero state
    let z = (key[0]! ^ fmix32(key[1]! + 0x9e3779b9)) >>> 0;
    const next = (salt: number): number => {
      z = (z + 0x9e3779b9 + salt) >>> 0;
      return fmix32(z ^ salt);
    };
    this.#s0 = next(key[0]!);
    this.#s1 = next(key[1]!);
    this.#s2 = next(key[2]!);
    this.#s3 = next(key[3]!);
    if ((this.#s0 | this.#s1 | this.#s2 | this.#s3) === 0) this.#s0 = 1;
  }

  /** Whether a value is one of these (a brand check). */
  static owns(value: unknown): value is Xoshiro {
    return typeof value === "object" && value !== null && #s1 in value;
  }

  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  next(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  stream(key: number | string): Rng {
    const k = hashKey(key);
    return new Xoshiro(this.key.map((w, i) => fmix32((w ^ k[i]!) + Math.imul(i + 1, 0x27d4eb2d))));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Creates a seeded random stream. A seed is an input, never the clock.
 *
 * @param seed - a safe integer or a text
 * @returns the stream
 * @throws DistrictKitError for a seed that is neither
 * @example
 * ```ts
 * const rng = createRng(42);
 * const trial = rng.stream(7);   // the same for trial 7 whatever ran before
 * trial.next();                  // a float in [0, 1)
 * ```
 * @category Random
 */
export function createRng(seed: number | string): Rng {
  return new Xoshiro(hashKey(seed));
}

/**
 * A caller's own Rng, checked at each draw: `next()` must return a number in [0, 1) and
 * `nextUint32()` a 32-bit unsigned integer; what they throw is wrapped (the one rule).
 */
class CheckedRng implements Rng {
  readonly #inner: Rng;

  constructor(inner: Rng) {
    this.#inner = inner;
  }

  /** Whether a value is one of these (a brand check). */
  static owns(value: unknown): value is CheckedRng {
    return typeof value === "object" && value !== null && #inner in value;
  }

  get key(): readonly number[] {
    return guardInput(() => this.#inner.key, ["rng", "key"], "the Rng");
  }

  nextUint32(): number {
    const x = guardInput(() => this.#inner.nextUint32(), ["rng"], "the Rng");
    if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw DistrictKitError.argument(["rng"], `expected the Rng's nextUint32() to give a 32-bit unsigned integer, got ${describeValue(x)}`);
    return x;
  }

  next(): number {
    const x = guardInput(() => this.#inner.next(), ["rng"], "the Rng");
    if (typeof x !== "number" || !(x >= 0 && x < 1)) throw DistrictKitError.argument(["rng"], `expected the Rng's next() to give a number in [0, 1), got ${describeValue(x)}`);
    return x;
  }

  stream(key: number | string): Rng {
    return asRng(guardInput(() => this.#inner.stream(key), ["rng"], "the Rng"));
  }
}

/**
 * @internal The Rng argument of a sampler or an engine: one from {@link createRng} as it is (no
 * cost in a Monte Carlo), any other object with `next`, `nextUint32` and `stream` methods checked
 * at each draw, and anything else a DistrictKitError naming the argument.
 */
export function asRng(rng: unknown, path: readonly (string | number)[] = ["rng"]): Rng {
  // brand checks: no Proxy trap runs, and a Proxy of an Rng is checked like any other object
  if (Xoshiro.owns(rng) || CheckedRng.owns(rng)) return rng;
  const ok = guardInput(
    () => {
      if (typeof rng !== "object" || rng === null) return false;
      const r = rng as Record<string, unknown>;
      return typeof r["next"] === "function" && typeof r["nextUint32"] === "function" && typeof r["stream"] === "function";
    },
    path,
    "the Rng",
  );
  if (!ok) throw DistrictKitError.argument(path, `expected an Rng (from createRng), got ${describeValue(rng)}`);
  return new CheckedRng(rng as Rng);
}
