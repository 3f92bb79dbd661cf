// Ids are data: a property of every engine says that renaming every id of an input to other
// strings — JavaScript words (`__proto__`, `constructor`, `toString`…), long Unicode — changes
// no figure. These helpers rename ids in an input, map them back in a result, and write a result
// in a canonical form (arrays of records in a fixed order) so two results can be compared.
import fc from "fast-check";

/** Strings that are JavaScript words: as ids and keys they must be ordinary data. */
export const JS_WORDS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__defineGetter__", "isPrototypeOf", "toJSON", "then", "length", ""] as const;
/** A long Unicode id. */
export const LONG_UNICODE = "école-𝔘𝔫𝔦𝔠𝔬𝔡𝔢-ß-✓-".repeat(40);

/** Strings ids are renamed to: JavaScript words and long or unusual Unicode (never a number or a word of prose). */
export const ID_POOL: readonly string[] = [
  ...JS_WORDS.filter((w) => w !== "" && w !== "then" && w !== "length"), // not English words a sentence may hold
  LONG_UNICODE,
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢-id",
  "école élémentaire ✓",
  'id with spaces and "quotes"',
  "Object.prototype",
];

/**
 * An injective renaming of `ids` (each to a distinct string of {@link ID_POOL}, or `""` when
 * `allowEmpty`); ids beyond the pool's size get a numbered JavaScript word.
 *
 * @param ids - the ids to rename (distinct)
 * @param allowEmpty - whether the schema allows an empty id
 * @param allowed - the ids the schema allows (a pattern), when it restricts them
 */
export function renamingArb(ids: readonly string[], allowEmpty = false, allowed: (id: string) => boolean = () => true): fc.Arbitrary<Map<string, string>> {
  const pool = [...ID_POOL, ...(allowEmpty ? [""] : [])].filter(allowed);
  for (let i = 0; pool.length < ids.length; i++) pool.push(...[`constructor·${i}`, `__proto__·${i}`, `constructor-${i}`, `valueOf-${i}`].filter(allowed));
  return fc.shuffledSubarray(pool, { minLength: ids.length, maxLength: ids.length }).map((names) => new Map(ids.map((id, i) => [id, names[i]!])));
}

/** Copies a value with every string equal to an id, and every key equal to one, renamed (own keys kept as data). */
export function renameDeep<T>(value: T, map: ReadonlyMap<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return map.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v; // Money and other values: as they are
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, map.get(k) ?? k, { value: walk((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return walk(value) as T;
}

/**
 * A result written canonically with the renaming undone: JSON (Money as decimal strings), every
 * renamed id — as a key, a value or inside a sentence — replaced by the original, and the
 * elements of each array of records sorted (results list things in id order, which a renaming
 * changes).
 *
 * @param result - the result computed on renamed input
 * @param map - the renaming (original → new)
 * @param omit - fields left out (a hash of the input, which the ids are part of)
 * @returns the canonical JSON text
 */
export function canonical(result: unknown, map: ReadonlyMap<string, string> = new Map(), omit: readonly string[] = []): string {
  // a CSV writer quotes a field that holds a quote, a comma or a line break (RFC 4180): the quoted
  // form of a renamed id is mapped back to the original's CSV form too
  const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const quoted = [...map].filter(([, to]) => csvField(to) !== to).map(([from, to]) => [csvField(to), csvField(from)] as const);
  const back = [...quoted, ...[...map].map(([from, to]) => [to, from] as const)].filter(([to]) => to !== "").sort((a, b) => b[0].length - a[0].length);
  const exact = new Map(back);
  const text = (s: string): string => {
    if (exact.has(s)) return exact.get(s)!;
    if (map.size > 0 && s === "" && [...map.values()].includes("")) return [...map].find(([, to]) => to === "")![0];
    let out = s;
    for (const [to, from] of back) if (out.includes(to)) out = out.split(to).join(from);
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return text(v);
    if (Array.isArray(v)) {
      const items = v.map(walk);
      return items.every((x) => x !== null && typeof x === "object") || items.every((x) => typeof x === "string")
        ? items
            .map((x) => [JSON.stringify(x), x] as const)
            .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
            .map(([, x]) => x)
        : items;
    }
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)
      .filter((k) => !omit.includes(k))
      .map((k) => [text(k), k] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      Object.defineProperty(out, k[0], { value: walk((v as Record<string, unknown>)[k[1]]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return JSON.stringify(walk(JSON.parse(JSON.stringify(result)) as unknown));
}
