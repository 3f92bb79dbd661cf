// Numbering helpers of the compile step (compile.ts): distinct keys to dense indexes. Internal.

/** The index of `key` in `index`, the next free one (the map's size) when it is new. */
export function indexIn<K>(index: Map<K, number>, key: K): number {
  let i = index.get(key);
  if (i === undefined) {
    i = index.size;
    index.set(key, i);
  }
  return i;
}

/**
 * Numbers the distinct values of `keys` in order of first appearance: `index[i]` is the number of
 * `keys[i]`, `first[d]` the position where value d first appears.
 */
export function distinctOf(keys: Float64Array): { index: Int32Array; first: number[] } {
  const seen = new Map<number, number>();
  const index = new Int32Array(keys.length);
  const first: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let d = seen.get(k);
    if (d === undefined) {
      d = first.length;
      seen.set(k, d);
      first.push(i);
    }
    index[i] = d;
  }
  return { index, first };
}

/** `values[index[from + i]]` for i < n. */
export function pick<T>(values: readonly T[], index: Int32Array, from: number, n: number): T[] {
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = values[index[from + i]!]!;
  return out;
}
