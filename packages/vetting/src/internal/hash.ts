// FNV-1a (32-bit) over strings, for inputsHash: cheap, deterministic, the same in every runtime.
export const HASH_SEED = 0x811c9dc5;

export function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // separator, so ["ab","c"] and ["a","bc"] differ
  h ^= 0x1f;
  return Math.imul(h, 0x01000193);
}

const HEX_DIGITS = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** The hash as 8 lower-case hex digits (one flat string, no intermediate ones). */
export function hex(h: number): string {
  const d = HEX_DIGITS;
  return String.fromCharCode(d[(h >>> 28) & 15]!, d[(h >>> 24) & 15]!, d[(h >>> 20) & 15]!, d[(h >>> 16) & 15]!, d[(h >>> 12) & 15]!, d[(h >>> 8) & 15]!, d[(h >>> 4) & 15]!, d[h & 15]!);
}

const DIGITS = new Int32Array(12);

/** hashText(h, String(n)) for an integer n with |n| ≤ 2^31, without making the string. */
export function hashInt(h: number, n: number): number {
  let x = n;
  if (x < 0) {
    h ^= 45; // "-"
    h = Math.imul(h, 0x01000193);
    x = -x;
  }
  let d = 0;
  do {
    const q = Math.floor(x / 10);
    DIGITS[d++] = x - q * 10;
    x = q;
  } while (x > 0);
  while (d > 0) {
    h ^= 48 + DIGITS[--d]!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= 0x1f;
  return Math.imul(h, 0x01000193);
}

// a small direct-mapped memo of field-key hashes (evidence objects repeat a handful of keys);
// a slot is found from the key's length and first letters and confirmed by comparing the key
const KEY_SLOTS = 64;
const memoKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
const memoHashes = new Int32Array(KEY_SLOTS);

/** hashText(HASH_SEED, key), remembered for the keys evidence objects use over and over. */
export function keyHash(key: string): number {
  const len = key.length;
  const slot = len === 0 ? 0 : (len * 7 + key.charCodeAt(0) * 3 + key.charCodeAt(len - 1)) & (KEY_SLOTS - 1);
  if (memoKeys[slot] === key) return memoHashes[slot]!;
  const x = hashText(HASH_SEED, key);
  if (len <= 64) {
    memoKeys[slot] = key;
    memoHashes[slot] = x;
  }
  return x;
}

/**
 * Hashes an answer value: primitives as text, arrays in order, objects by their fields in any
 * order. `up` holds the objects being hashed above this one: a value that contains itself hashes
 * the inner occurrence as a marker instead of recursing without end (checkApp refuses such a
 * value, but its other answers are still read).
 */
export function hashValue(h: number, v: unknown, up?: object[]): number {
  if (v !== null && typeof v === "object" && up !== undefined && (up.includes(v) || up.length > 64)) return hashText(h, "↺");
  if (typeof v === "string") return hashText(h, v);
  if (typeof v === "number") return Number.isInteger(v) && v <= 2147483648 && v >= -2147483648 ? hashInt(h, v) : hashText(h, String(v));
  if (typeof v === "boolean") return hashText(h, v ? "true" : "false");
  if (Array.isArray(v)) {
    h = hashText(h, "[");
    const path = up ?? [];
    path.push(v);
    for (const x of v) h = hashValue(h, x, path);
    path.pop();
    return hashText(h, "]");
  }
  if (v !== null && typeof v === "object") {
    // key order does not matter: per-field hashes are combined by addition
    let sum = 0;
    const path = up ?? [];
    path.push(v);
    for (const k in v) {
      if (Object.hasOwn(v, k)) sum = (sum + hashValue(keyHash(k), (v as Record<string, unknown>)[k], path)) | 0;
    }
    path.pop();
    return hashInt(hashText(h, "{"), sum);
  }
  return hashText(h, "");
}
