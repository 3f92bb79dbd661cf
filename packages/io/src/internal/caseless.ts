// Case-insensitive look-ups in a caller's map (export text → id, category, role…) without a scan
// of the whole map per row: a 100,000-row export against a map of 2,000 schools made 200 million
// comparisons. How it works: the first look-up in a map builds an index of its keys by their
// lowercase (kept in a WeakMap, so it lives as long as the map: one call's parsed options); a
// look-up is then one Map read, and a longest-prefix search reads the index once per prefix of the
// text (a path is tens of characters) instead of once per key. The answers are those of the scans
// they replace, ties included: caseless.test.ts keeps the scans and compares them on random maps.

/** The entry a lowercase key stands for, and what breaks ties between entries. */
interface Entry<T> {
  readonly key: string;
  readonly value: T;
  /** Position in the map's entry order. */
  readonly at: number;
}

interface Index<T> {
  readonly first: Map<string, Entry<T>>;
  readonly longest: Map<string, Entry<T>>;
  /** Answers already given, by the text asked (an export repeats its few locations and org units). */
  readonly prefixes: Map<string, Entry<T> | undefined>;
}

const indexes = new WeakMap<object, Index<unknown>>();

function indexOf<T>(map: Readonly<Record<string, T>>): Index<T> {
  let index = indexes.get(map);
  if (!index) {
    const first = new Map<string, Entry<unknown>>();
    const longest = new Map<string, Entry<unknown>>();
    let at = 0;
    for (const [key, value] of Object.entries(map)) {
      const lower = key.toLowerCase();
      const entry = { key, value, at: at++ };
      if (!first.has(lower)) first.set(lower, entry);
      // keys equal once lowercased can differ in length ("İ" lowercases to two code units)
      const l = longest.get(lower);
      if (!l || key.length > l.key.length) longest.set(lower, entry);
    }
    index = { first, longest, prefixes: new Map() };
    indexes.set(map, index);
  }
  return index as Index<T>;
}

/**
 * The value of the first key (in the map's order) equal to `key` ignoring case, as
 * `Object.entries(map).find(([k]) => k.toLowerCase() === key.toLowerCase())` gives it.
 */
export function caselessValue<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return indexOf(map).first.get(key.toLowerCase())?.value;
}

/**
 * The entry whose key, ignoring case, is the longest prefix of `text` (the first in the map's order
 * among keys of that length), as a scan of every entry keeping a longer match gives it.
 */
export function longestCaselessPrefix<T>(map: Readonly<Record<string, T>>, text: string): readonly [string, T] | undefined {
  const { longest, prefixes } = indexOf(map);
  if (prefixes.has(text)) {
    const known = prefixes.get(text);
    return known && [known.key, known.value];
  }
  const lower = text.toLowerCase();
  let best: Entry<T> | undefined;
  for (let n = lower.length; n >= 0; n--) {
    const e = longest.get(lower.slice(0, n));
    if (e && (!best || e.key.length > best.key.length || (e.key.length === best.key.length && e.at < best.at))) best = e;
  }
  prefixes.set(text, best);
  return best && [best.key, best.value];
}
