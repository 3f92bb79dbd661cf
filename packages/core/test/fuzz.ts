// The project's bad-input fuzz. Every package's src/badInput.prop.test.ts calls
// `fuzzEveryExport` with `import * as pkg from "./index.js"`: each function export, each static
// method of an exported class and each instance method of an instance the examples make, is
// called with hostile arguments, so a new export is fuzzed without anyone adding it. The check
// of one call (`expectOnlyDistrictKitError`): it throws only a DistrictKitError that lists at
// least one problem — and, when a caller's getter or Proxy threw, has that error as its `cause` —
// or it returns a result holding no NaN and no Infinity, in a number, a Money or a decimal.
//
// Where the arguments come from: every TSDoc `@example` of the package is run once (by the
// documentation's own runner, docs/doctest/run.ts) with each export wrapped to record the
// arguments it is called with. Those valid calls are the seeds; a fuzzed call is a seed with one
// to three mutations (a field dropped, replaced by a wrong type, an extreme number or date, a
// JavaScript word as an id or a key, a cycle, a throwing getter, a throwing Proxy, an extra
// `null` argument), or hostile values alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../src/decimal.js";
import { isDistrictKitError } from "../src/errors.js";
import { Money } from "../src/money.js";
import { canonical, JS_WORDS, LONG_UNICODE, renameDeep, renamingArb } from "./ids.js";

// ── The check of one call ──────────────────────────────────────────────────────────────────

/** The error a fuzzed getter or Proxy throws: it must come back as a DistrictKitError's `cause`. */
export class HostileAccess extends Error {
  constructor(what: string) {
    super(`hostile ${what} (fuzz)`);
    this.name = "HostileAccess";
  }
}

const BAD_TEXT = /\$-?NaN|\$-?Infinity|\bNaN ?%/;

/** Whether a value holds a number that is not finite, a Money or decimal that prints one, or a text that says NaN, up to maxDepth levels down. */
export function hasBadNumber(value: unknown, maxDepth = 8, depth = 0, seen = new Set<object>()): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (typeof value === "string") return BAD_TEXT.test(value);
  if (value === null || typeof value !== "object" || HOSTILE.has(value)) return false;
  if (value instanceof Money) return /NaN|Infinity/.test(value.toString());
  if (isDistrictKitError(value)) return false; // a safe* variant's error: its message may quote the bad input
  if (Dec.isDecimal(value)) return !(value as Dec).isFinite();
  if (depth > maxDepth || seen.has(value)) return false;
  seen.add(value);
  if (value instanceof Map) {
    for (const [k, v] of value) if (hasBadNumber(k, maxDepth, depth + 1, seen) || hasBadNumber(v, maxDepth, depth + 1, seen)) return true;
    return false;
  }
  if (value instanceof Set) {
    for (const v of value) if (hasBadNumber(v, maxDepth, depth + 1, seen)) return true;
    return false;
  }
  if (ArrayBuffer.isView(value)) return value instanceof Float64Array || value instanceof Float32Array ? value.some((x) => !Number.isFinite(x)) : false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return hasBadNumber((value as { toJSON: () => unknown }).toJSON(), maxDepth, depth + 1, seen);
  }
  for (const v of Object.values(value)) if (hasBadNumber(v, maxDepth, depth + 1, seen)) return true;
  return false;
}

function causes(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error, i = 0; e !== undefined && e !== null && i < 10; i++) {
    out.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

/** Checks what a call threw: a DistrictKitError with issues, whose cause is the caller's own error when one was thrown through it. */
export function expectDistrictKitError(error: unknown): void {
  if (!isDistrictKitError(error)) throw error;
  expect(error.issues.length).toBeGreaterThan(0);
  const text = `${error.message}\n${error.issues.map((i) => i.message).join("\n")}`;
  if (/hostile (getter|proxy) \(fuzz\)/.test(text)) {
    // the caller's error is named in the message: it must be the cause, not only quoted
    expect(
      causes(error).some((e) => e instanceof HostileAccess),
      `a caller's error is wrapped without its cause: ${error.message}`,
    ).toBe(true);
  }
}

/** Runs a call on fuzzed input: a result must hold no bad number (see hasBadNumber); an error must be a DistrictKitError with issues. */
export function expectOnlyDistrictKitError(call: () => unknown, maxDepth = 8): void {
  let out: unknown;
  try {
    out = call();
  } catch (error) {
    expectDistrictKitError(error);
    return;
  }
  expect(hasBadNumber(out, maxDepth), "a NaN or an Infinity in the result").toBe(false);
}

/** The same as {@link expectOnlyDistrictKitError} for a call that may return a promise. */
export async function expectOnlyDistrictKitErrorAsync(call: () => unknown, maxDepth = 8): Promise<void> {
  let out: unknown;
  try {
    out = await call();
  } catch (error) {
    expectDistrictKitError(error);
    return;
  }
  expect(hasBadNumber(out, maxDepth), "a NaN or an Infinity in the result").toBe(false);
}

// ── Hostile values ─────────────────────────────────────────────────────────────────────────

export { JS_WORDS, LONG_UNICODE };

const EXTREME_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e-300, -1, 0.5, 1e15, 1e21];
const EXTREME_TEXT = [
  "1e400",
  "12.3.4",
  "NaN",
  "Infinity",
  "-0",
  "2025-02-30",
  "13/45/2024",
  "0000-01-01",
  "9999-12-31",
  "+275760-09-13",
  "275760-09-13",
  " ",
  "\u0000",
  "2147483648",
  ...JS_WORDS,
  LONG_UNICODE,
];

/** The hostile objects made here: the fuzz itself never looks inside them. */
const HOSTILE = new WeakSet<object>();

function throwingGetter(target: Record<PropertyKey, unknown>, key: PropertyKey): void {
  HOSTILE.add(target);
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      throw new HostileAccess("getter");
    },
  });
}

/** A Proxy that throws on every trap (a revoked or a hostile object). */
function throwingProxy(target: object): object {
  const boom = (): never => {
    throw new HostileAccess("proxy");
  };
  return hostile(
    new Proxy(target, {
      get: boom,
      has: boom,
      ownKeys: boom,
      getOwnPropertyDescriptor: boom,
      getPrototypeOf: boom,
      set: boom,
      defineProperty: boom,
      deleteProperty: boom,
      apply: boom,
      construct: boom,
    }),
  );
}

function hostile<T extends object>(o: T): T {
  HOSTILE.add(o);
  return o;
}

/** A Proxy that lets everything through but the reading of one key. */
function trapOneKey(target: object, key: string): object {
  return hostile(
    new Proxy(target, {
      get: (t, k, r) => {
        if (k === key) throw new HostileAccess("proxy");
        return Reflect.get(t, k, r) as unknown;
      },
    }),
  );
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { id: "a", name: "cycle" };
  a["self"] = a;
  a["list"] = [a];
  return a;
}

const leafArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...EXTREME_NUMBERS, ...EXTREME_TEXT, null, undefined, true, [], {}, Object.create(null), new Date(Number.NaN), new Map(), new Set(), 10n ** 30n, Symbol("x")),
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, maxDepth: 2 }),
);

/** A recipe for a hostile value (plain data, so fast-check can print it): see {@link materialize}. */
export type Hostile = { readonly leaf: unknown } | { readonly cyclic: true } | { readonly getter: string } | { readonly proxy: "object" | "array" | "empty" };

/** A hostile value's recipe: junk of any type, an extreme number or text, a cycle, a throwing getter or Proxy. */
export const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 6, arbitrary: leafArb.map((leaf) => ({ leaf })) },
  { weight: 1, arbitrary: fc.constant({ cyclic: true as const }) },
  { weight: 1, arbitrary: fc.constantFrom("id", "name", "amount", "asOf", "length").map((getter) => ({ getter })) },
  { weight: 1, arbitrary: fc.constantFrom("object" as const, "array" as const, "empty" as const).map((proxy) => ({ proxy })) },
);

/** Makes a hostile value from its recipe (a fresh one each time: no call sees another's cycle or Proxy). */
export function materialize(h: Hostile): unknown {
  if ("leaf" in h) return copy(h.leaf);
  if ("cyclic" in h) return cyclic();
  if ("getter" in h) {
    const o: Record<string, unknown> = {};
    throwingGetter(o, h.getter);
    return o;
  }
  return throwingProxy(h.proxy === "object" ? { id: "x" } : h.proxy === "array" ? [1, 2] : {});
}

// ── Seeds from the examples ────────────────────────────────────────────────────────────────

type Scope = Readonly<Record<string, unknown>>;
type Fn = (...args: unknown[]) => unknown;
const MAX_SEEDS = 6;

function isClass(value: unknown): value is new (...args: unknown[]) => unknown {
  return typeof value === "function" && /^class[\s{]/.test(Function.prototype.toString.call(value));
}

function staticMethods(cls: object): string[] {
  return Object.getOwnPropertyNames(cls).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(cls, k);
    return k !== "prototype" && k !== "length" && k !== "name" && d !== undefined && typeof d.value === "function";
  });
}

function instanceMethods(cls: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(cls.prototype).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(cls.prototype, k);
    return k !== "constructor" && d !== undefined && typeof d.value === "function";
  });
}

interface Seeds {
  /** Argument lists by entry point (`name`, `Class.static`, `Class#method`). */
  readonly calls: Map<string, unknown[][]>;
  /** Instances of each exported class seen in the examples (arguments and results). */
  readonly instances: Map<string, object[]>;
  /** Objects of methods a function export returned (a compiled scorer…), by `name().method`. */
  readonly returned: Map<string, object[]>;
}

/** Remembers the methods of a plain object an export returned: they take user data too. */
function rememberReturned(seeds: Seeds, name: string, out: unknown): void {
  if (out === null || typeof out !== "object" || Array.isArray(out) || HOSTILE.has(out)) return;
  const proto = Object.getPrototypeOf(out) as unknown;
  if (proto !== Object.prototype && proto !== null) return;
  for (const k of Object.keys(out)) {
    if (typeof (out as Record<string, unknown>)[k] !== "function") continue;
    const key = `${name}().${k}`;
    let list = seeds.returned.get(key);
    if (!list) seeds.returned.set(key, (list = []));
    if (list.length < MAX_SEEDS) list.push(out);
  }
}

function remember(seeds: Seeds, key: string, args: readonly unknown[]): void {
  let list = seeds.calls.get(key);
  if (!list) seeds.calls.set(key, (list = []));
  if (list.length < MAX_SEEDS) list.push([...args]);
}

function collectInstances(seeds: Seeds, classes: ReadonlyMap<string, Function>, value: unknown, depth = 0, seen = new Set<object>()): void {
  if (value === null || typeof value !== "object" || depth > 3 || seen.has(value)) return;
  seen.add(value);
  for (const [name, cls] of classes) {
    if (value instanceof cls) {
      let list = seeds.instances.get(name);
      if (!list) seeds.instances.set(name, (list = []));
      if (list.length < MAX_SEEDS && !list.includes(value)) list.push(value);
      return;
    }
  }
  if (Array.isArray(value)) for (const v of value.slice(0, 20)) collectInstances(seeds, classes, v, depth + 1, seen);
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value).slice(0, 40)) collectInstances(seeds, classes, v, depth + 1, seen);
}

interface DocRunner {
  exampleBlocks(pkgDir: string): { where: string; code: string }[];
  runBlock(code: string, scope: Scope, modules: Readonly<Record<string, Scope>>): Promise<number>;
}

/** Runs every @example of a package with its exports wrapped to record their valid calls. */
async function seedsFromExamples(pkgDir: string, pkgName: string, exports: Scope, modules: Readonly<Record<string, Scope>>): Promise<Seeds> {
  // The documentation's own runner; a computed path keeps it outside this package's type check.
  const docs = new URL("../../../docs/doctest/", import.meta.url).pathname;
  const { exampleBlocks } = (await import(/* @vite-ignore */ `${docs}extract.ts`)) as Pick<DocRunner, "exampleBlocks">;
  const { runBlock } = (await import(/* @vite-ignore */ `${docs}run.ts`)) as Pick<DocRunner, "runBlock">;
  const seeds: Seeds = { calls: new Map(), instances: new Map(), returned: new Map() };
  const classes = new Map<string, Function>();
  for (const [name, value] of Object.entries(exports)) if (isClass(value)) classes.set(name, value);

  const wrapped: Record<string, unknown> = {};
  const restore: (() => void)[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value !== "function") continue;
    if (classes.has(name)) {
      const cls = value as Function & Record<string, unknown>;
      const statics = new Set(staticMethods(cls));
      wrapped[name] = new Proxy(cls, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver) as unknown;
          if (typeof key !== "string" || !statics.has(key)) return v;
          return (...args: unknown[]) => {
            remember(seeds, `${name}.${key}`, args);
            const out = (v as Fn).apply(target, args);
            collectInstances(seeds, classes, out);
            return out;
          };
        },
      });
      for (const key of instanceMethods(cls as unknown as { prototype: object })) {
        const proto = (cls as unknown as { prototype: Record<string, Fn> }).prototype;
        const original = proto[key]!;
        proto[key] = function (this: unknown, ...args: unknown[]) {
          collectInstances(seeds, classes, this);
          remember(seeds, `${name}#${key}`, args);
          return original.apply(this, args);
        };
        restore.push(() => {
          proto[key] = original;
        });
      }
    } else {
      wrapped[name] = (...args: unknown[]) => {
        remember(seeds, name, args);
        const out = (value as Fn)(...args);
        collectInstances(seeds, classes, out);
        rememberReturned(seeds, name, out);
        return out;
      };
    }
  }
  const core = modules["@districtkit/core"] ?? {};
  const own = { ...modules[pkgName], ...wrapped };
  const scope: Scope = { ...core, ...own };
  try {
    for (const block of exampleBlocks(pkgDir)) {
      try {
        await runBlock(block.code, scope, { ...modules, [pkgName]: own });
      } catch {
        // a block that fails here (its own doc-test says why) only gives fewer seeds
      }
    }
  } finally {
    for (const r of restore) r();
  }
  return seeds;
}

// ── Mutations ──────────────────────────────────────────────────────────────────────────────

/** Copies arrays and plain objects (keeping own keys such as `__proto__`); keeps other objects. */
function copy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== "object" || HOSTILE.has(value)) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(copy(v, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype || proto === null) {
    const out = Object.create(proto as object | null) as Record<string, unknown>;
    seen.set(value, out);
    for (const k of Object.keys(value)) Object.defineProperty(out, k, { value: copy((value as Record<string, unknown>)[k], seen), enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copy(v, seen)]));
  if (value instanceof Uint8Array) return value.slice();
  return value;
}

interface Slot {
  readonly parent: Record<PropertyKey, unknown> | unknown[];
  readonly key: string | number;
  readonly value: unknown;
}

/** Every place in the arguments (an argument, a field, an element), up to 7 levels down and 2,000 places. */
function slots(args: unknown[]): Slot[] {
  const out: Slot[] = [];
  const seen = new Set<object>();
  const walk = (parent: Slot["parent"], key: string | number, value: unknown, depth: number): void => {
    if (out.length >= 2000) return;
    out.push({ parent, key, value });
    if (depth > 6 || value === null || typeof value !== "object" || seen.has(value) || HOSTILE.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) value.slice(0, 50).forEach((v, i) => walk(value, i, v, depth + 1));
    else {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Object.prototype || proto === null) for (const k of Object.keys(value)) walk(value as Record<string, unknown>, k, (value as Record<string, unknown>)[k], depth + 1);
    }
  };
  args.forEach((a, i) => walk(args, i, a, 0));
  return out;
}

type Mutation = "replace" | "drop" | "extreme" | "jsWordValue" | "jsWordKey" | "cycle" | "getter" | "proxy" | "proxyKey" | "nullArg" | "duplicate";
const MUTATIONS: readonly Mutation[] = [
  "replace",
  "replace",
  "drop",
  "drop",
  "extreme",
  "extreme",
  "jsWordValue",
  "jsWordValue",
  "jsWordKey",
  "cycle",
  "getter",
  "proxy",
  "proxyKey",
  "nullArg",
  "duplicate",
];

function setSlot(s: Slot, value: unknown): void {
  if (Array.isArray(s.parent)) s.parent[s.key as number] = value;
  else Object.defineProperty(s.parent, s.key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(args: unknown[], kind: Mutation, pick: number, recipe: Hostile): void {
  const junk = materialize(recipe);
  const all = slots(args).filter((s) => s.value === null || typeof s.value !== "object" || !HOSTILE.has(s.value));
  const of = <T>(list: T[]): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);
  switch (kind) {
    case "replace": {
      const s = of(all);
      if (s) setSlot(s, junk);
      return;
    }
    case "drop": {
      const s = of(all);
      if (!s) return;
      if (Array.isArray(s.parent)) {
        if (s.parent === args) s.parent[s.key as number] = undefined;
        else s.parent.splice(s.key as number, 1);
      } else delete s.parent[s.key];
      return;
    }
    case "extreme": {
      const numbers = all.filter((s) => typeof s.value === "number" || typeof s.value === "string");
      const s = of(numbers);
      if (!s) return;
      const pool = typeof s.value === "number" ? EXTREME_NUMBERS : EXTREME_TEXT;
      setSlot(s, pool[pick % pool.length]);
      return;
    }
    case "jsWordValue": {
      const strings = all.filter((s) => typeof s.value === "string");
      const word = JS_WORDS[pick % JS_WORDS.length]!;
      // rename one id everywhere it appears, so references stay consistent
      const s = of(strings);
      if (!s) return;
      for (const t of strings) if (t.value === s.value) setSlot(t, word);
      return;
    }
    case "jsWordKey": {
      const objects = all.filter(
        (s) =>
          s.value !== null && typeof s.value === "object" && !Array.isArray(s.value) && Object.keys(s.value).length > 0 && [Object.prototype, null].includes(Object.getPrototypeOf(s.value) as object),
      );
      const s = of(objects);
      if (!s) return;
      const obj = s.value as Record<string, unknown>;
      const keys = Object.keys(obj);
      const key = keys[pick % keys.length]!;
      const word = JS_WORDS[(pick >> 3) % JS_WORDS.length]!;
      const v = obj[key];
      delete obj[key];
      Object.defineProperty(obj, word, { value: v, enumerable: true, writable: true, configurable: true });
      return;
    }
    case "cycle": {
      const objects = all.filter((s) => s.value !== null && typeof s.value === "object");
      const s = of(objects);
      if (!s) return;
      if (Array.isArray(s.value)) s.value.push(s.value);
      else if ([Object.prototype, null].includes(Object.getPrototypeOf(s.value) as object)) {
        const keys = Object.keys(s.value as object);
        const k = keys.length > 0 ? keys[pick % keys.length]! : "self";
        Object.defineProperty(s.value, k, { value: s.parent, enumerable: true, writable: true, configurable: true });
      }
      return;
    }
    case "getter": {
      const fields = all.filter((s) => !Array.isArray(s.parent));
      const s = of(fields);
      if (s) throwingGetter(s.parent as Record<PropertyKey, unknown>, s.key);
      else if (args.length > 0) {
        const o = {};
        throwingGetter(o, "id");
        args[0] = o;
      }
      return;
    }
    case "proxy": {
      const objects = all.filter((s) => s.value !== null && typeof s.value === "object");
      const s = of(objects);
      if (s) setSlot(s, throwingProxy(s.value as object));
      else args.push(throwingProxy({}));
      return;
    }
    case "proxyKey": {
      const objects = all.filter((s) => s.value !== null && typeof s.value === "object" && !Array.isArray(s.value) && Object.keys(s.value).length > 0);
      const s = of(objects);
      if (!s) return;
      const keys = Object.keys(s.value as object);
      setSlot(s, trapOneKey(s.value as object, keys[pick % keys.length]!));
      return;
    }
    case "nullArg": {
      args.push(pick % 2 === 0 ? null : junk);
      return;
    }
    case "duplicate": {
      const arrays = all.filter((s) => Array.isArray(s.value) && s.value.length > 0);
      const s = of(arrays);
      if (!s) return;
      // every element twice (duplicate ids, duplicate rows)
      const arr = s.value as unknown[];
      arr.push(...arr);
      return;
    }
  }
}

// ── Ids are data ───────────────────────────────────────────────────────────────────────────

/** Keys whose text values are ids a user chose: `id`, `…Id`, `…Ids` (a list of them). */
const ID_KEY = /^(?:id|[a-z][A-Za-z]*Ids?)$/;

/** The ids in a call's arguments: texts under an id key, in the plain data the renaming copies. */
function idsOf(args: readonly unknown[]): string[] {
  const ids = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown, idKey: boolean, depth: number): void => {
    if (typeof value === "string") {
      if (idKey && value !== "") ids.add(value);
      return;
    }
    if (value === null || typeof value !== "object" || depth > 8 || seen.has(value) || HOSTILE.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) walk(v, idKey, depth + 1);
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return; // renameDeep keeps other objects as they are
    for (const k of Object.keys(value)) walk((value as Record<string, unknown>)[k], ID_KEY.test(k), depth + 1);
  };
  for (const a of args) walk(a, false, 0);
  return [...ids];
}

/** Issue codes that say an id does not fit a documented pattern or length: a renaming may meet them. */
const ID_FORMAT_CODES = new Set(["invalid_format", "too_big"]);

/** What a call gave, written canonically with a renaming undone: its result, or its DistrictKitError's issues. */
async function outcomeOf(call: () => unknown, map?: ReadonlyMap<string, string>): Promise<{ text: string; error?: readonly { readonly code: string }[] }> {
  try {
    return { text: canonical(await call(), map, INPUT_HASHES) };
  } catch (error) {
    expectDistrictKitError(error);
    const issues = (error as { issues: readonly { code: string; path: readonly unknown[]; message: string }[] }).issues;
    return {
      text: `error ${canonical(
        issues.map((i) => ({ code: i.code, path: i.path })),
        map,
      )}`,
      error: issues,
    };
  }
}

/** Result fields that hash the input (ids included): left out when results are compared. */
const INPUT_HASHES = ["inputsHash", "rubricHash", "hash"];

// ── The property ───────────────────────────────────────────────────────────────────────────

/** What `fuzzEveryExport` needs to know about a package. */
export interface FuzzPackage {
  /** The package's name, e.g. `@districtkit/budget`. */
  readonly name: string;
  /** `import * as pkg from "./index.js"`: every export is fuzzed. */
  readonly exports: Scope;
  /** The package's directory (`new URL("..", import.meta.url)`): its @example blocks give the seeds. */
  readonly dir: URL;
  /** Every DistrictKit package and zod, by name, that the examples may import (core at least). */
  readonly modules: Readonly<Record<string, Scope>>;
  /** Entry points (`name`, `Class.static`, `Class#method`) not fuzzed, each with the reason. */
  readonly allow?: Readonly<Record<string, string>>;
  /** More valid argument lists by entry point (large inputs such as the sample district). */
  readonly seeds?: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** Entry points left out of the ids-are-data property (renaming ids changes their result by design), each with the reason. */
  readonly idsAreData?: Readonly<Record<string, string>>;
  /**
   * The package's scaling benchmark (bench/scalingCases.ts): its case names, and the list-taking
   * entry points without a case, each with the reason. An entry point takes a list when one of its
   * examples passes an array of two or more elements, as an argument or as a field of one; each
   * such entry point must have a case named after it (`name` or `name (what grows)`), so a new
   * list-taking export cannot go unmeasured.
   */
  readonly scaling?: { readonly cases: readonly string[]; readonly exempt: Readonly<Record<string, string>> };
  /** Runs per entry point (default 40). */
  readonly numRuns?: number;
  /** Runs for entry points that are slow on valid input. */
  readonly numRunsFor?: Readonly<Record<string, number>>;
}

/** A nightly-style run raises every entry point's runs: `DISTRICTKIT_FUZZ_RUNS=1000 npx vitest run …badInput`. */
const RUNS = Number(process.env["DISTRICTKIT_FUZZ_RUNS"]) > 0 ? Number(process.env["DISTRICTKIT_FUZZ_RUNS"]) : undefined;
/** A failure seen in CI is replayed with its seed: `DISTRICTKIT_FUZZ_SEED=-1340622686 npx vitest run …badInput -t tabulate`. */
const SEED = process.env["DISTRICTKIT_FUZZ_SEED"] !== undefined && Number.isSafeInteger(Number(process.env["DISTRICTKIT_FUZZ_SEED"])) ? { seed: Number(process.env["DISTRICTKIT_FUZZ_SEED"]) } : {};

interface EntryPoint {
  readonly key: string;
  readonly call: (args: unknown[], receiver: number) => unknown;
  readonly receivers: number;
}

function entryPoints(pkg: FuzzPackage, seeds: Seeds): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const [name, value] of Object.entries(pkg.exports)) {
    if (typeof value !== "function") continue;
    if (!isClass(value)) {
      out.push({ key: name, call: (args) => (value as Fn)(...args), receivers: 0 });
      continue;
    }
    const cls = value as unknown as Record<string, Fn> & { prototype: Record<string, Fn> };
    for (const s of staticMethods(cls)) out.push({ key: `${name}.${s}`, call: (args) => cls[s]!(...args), receivers: 0 });
    const instances = seeds.instances.get(name) ?? [];
    for (const m of instanceMethods(cls)) {
      out.push({ key: `${name}#${m}`, call: (args, r) => cls.prototype[m]!.apply(instances[r % Math.max(1, instances.length)], args), receivers: instances.length });
    }
  }
  for (const [key, objects] of seeds.returned) {
    const method = key.slice(key.indexOf("().") + 3);
    out.push({ key, call: (args, r) => (objects[r % objects.length] as Record<string, Fn>)[method]!(...args), receivers: objects.length });
  }
  return out;
}

/** Whether a call's arguments hold a list of two or more elements: an argument, or a field of a plain object argument. */
function takesList(args: readonly unknown[]): boolean {
  const long = (v: unknown): boolean => Array.isArray(v) && v.length >= 2;
  // (a field of a plain object only: a class instance such as a Money or an Rng keeps arrays of its own)
  const plain = (a: unknown): a is object => a !== null && typeof a === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(a));
  return args.some((a) => long(a) || (plain(a) && Object.values(a).some(long)));
}

/**
 * Declares (await it at a test file's top level) the bad-input fuzz of a package: one test per entry point, plus a test that the
 * allow-list names real entry points with a reason and that every class with instance methods
 * has an instance to call them on.
 *
 * @param pkg - the package (see {@link FuzzPackage})
 */
export async function fuzzEveryExport(pkg: FuzzPackage): Promise<void> {
  const allow = pkg.allow ?? {};
  const seeds = await seedsFromExamples(new URL(".", pkg.dir).pathname, pkg.name, pkg.exports, pkg.modules);
  for (const [key, lists] of Object.entries(pkg.seeds ?? {})) {
    const list = seeds.calls.get(key) ?? [];
    seeds.calls.set(key, [...lists.map((l) => [...l]), ...list]);
  }
  const points = entryPoints(pkg, seeds);
  describe(`${pkg.name}: every export on hostile input`, () => {
    it("allow-lists only real entry points, each with a reason", () => {
      const keys = new Set(points.map((p) => p.key));
      for (const [key, reason] of Object.entries(allow)) {
        expect(keys.has(key), `${key} is allow-listed but is not an entry point`).toBe(true);
        expect(reason.length, `${key} is allow-listed without a reason`).toBeGreaterThan(10);
      }
      for (const [key, reason] of Object.entries(pkg.idsAreData ?? {})) {
        expect(keys.has(key), `${key} is left out of the ids property but is not an entry point`).toBe(true);
        expect(reason.length, `${key} is left out of the ids property without a reason`).toBeGreaterThan(10);
      }
      for (const p of points) {
        if (allow[p.key] === undefined && (p.key.includes("#") || p.key.includes("()."))) expect(p.receivers, `no instance for ${p.key}: an example must make one`).toBeGreaterThan(0);
      }
    });

    if (pkg.scaling !== undefined) {
      const { cases, exempt } = pkg.scaling;
      it("has a scaling case for every entry point that takes a list (or says why not)", () => {
        const measured = new Set(cases.map((c) => c.split(" (")[0]!.trim()));
        const listTaking = points.filter((p) => allow[p.key] === undefined && (seeds.calls.get(p.key) ?? []).some(takesList)).map((p) => p.key);
        const missing = listTaking.filter((k) => !measured.has(k) && exempt[k] === undefined);
        expect(missing, "list-taking entry points with no scaling case in bench/scalingCases.ts and no reason in `scaling.exempt`").toEqual([]);
        for (const [key, reason] of Object.entries(exempt)) {
          expect(listTaking.includes(key), `${key} is exempt from the scaling cases but takes no list in its examples`).toBe(true);
          expect(measured.has(key), `${key} is exempt from the scaling cases but has one`).toBe(false);
          expect(reason.length, `${key} is exempt from the scaling cases without a reason`).toBeGreaterThan(10);
        }
      });
    }

    for (const point of points) {
      if (allow[point.key] !== undefined) continue;
      const seedLists = seeds.calls.get(point.key) ?? [];
      const argsArb = fc.oneof(
        { weight: seedLists.length > 0 ? 1 : 3, arbitrary: fc.array(hostileArb, { maxLength: 4 }) },
        ...(seedLists.length > 0
          ? [
              {
                weight: 4,
                arbitrary: fc
                  .tuple(fc.nat(seedLists.length - 1), fc.array(fc.tuple(fc.constantFrom(...MUTATIONS), fc.nat(), hostileArb), { minLength: 1, maxLength: 3 }))
                  .map(([i, mutations]) => ({ seed: i, mutations })),
              },
            ]
          : []),
      );
      // Ids are data (issue #18): renaming every id of a valid call to JavaScript words
      // (`__proto__`, `constructor`, `toString`…) and long Unicode changes no figure, no row and no
      // sentence once the renaming is undone. Methods of an instance are left out: the instance
      // holds ids of its own that the renaming cannot reach.
      const idCases = point.receivers === 0 && !point.key.includes("#") ? seedLists.map((args) => ({ args, ids: idsOf(args) })).filter((c) => c.ids.length > 0) : [];
      if (idCases.length > 0 && pkg.idsAreData?.[point.key] === undefined) {
        it(`${point.key} gives the same result when every id is renamed to a JavaScript word`, async () => {
          const call = (args: readonly unknown[], map?: ReadonlyMap<string, string>) => outcomeOf(() => point.call(map ? renameDeep(copy(args) as unknown[], map) : (copy(args) as unknown[]), 0), map);
          // The ids that behave as ids: renamed alone to a plain new text, the result is the same
          // once the renaming is undone. (An "id" that is also a fixed word elsewhere, such as an
          // option called "seat" whose kind is "seat", is not one.)
          // (Up to three seeds with the fewest ids; a large one such as the sample district only
          // when there is no other: it is slow and adds little.)
          const small = [...idCases]
            .sort((x, y) => x.ids.length - y.ids.length)
            .filter((c, n) => n === 0 || c.ids.length <= 30)
            .slice(0, 3);
          const cases: { args: readonly unknown[]; ids: string[]; before: string }[] = [];
          for (const c of small) {
            const before = await call(c.args);
            if (before.error !== undefined) continue;
            const plain = (id: string, n: number): [string, string] => [id, `plain-id-${n}`];
            let ids = c.ids;
            if ((await call(c.args, new Map(ids.map(plain)))).text !== before.text) {
              ids = [];
              for (const [n, id] of c.ids.slice(0, 16).entries()) if ((await call(c.args, new Map([plain(id, n)]))).text === before.text) ids.push(id);
            }
            if (ids.length > 0) cases.push({ args: c.args, ids, before: before.text });
          }
          if (cases.length === 0) return;
          const caseArb = fc.nat(cases.length - 1).chain((i) => renamingArb(cases[i]!.ids).map((map) => ({ i, map })));
          await fc.assert(
            fc.asyncProperty(caseArb, async ({ i, map }) => {
              const after = await call(cases[i]!.args, map);
              // an id may have to fit a documented pattern or length: a renamed id refused for that alone is fine
              if (after.error !== undefined && after.error.every((e) => ID_FORMAT_CODES.has(e.code))) return;
              expect(after.text, `renaming ids ${JSON.stringify([...map])} changed the result`).toBe(cases[i]!.before);
            }),
            { numRuns: RUNS ?? 10, ...SEED },
          );
        });
      }
      it(`${point.key} throws only a DistrictKitError and never returns NaN or Infinity`, async () => {
        await fc.assert(
          fc.asyncProperty(argsArb, fc.nat(), async (spec, receiver) => {
            let args: unknown[];
            if (Array.isArray(spec)) args = spec.map(materialize);
            else {
              // mutations are applied at call time: a Proxy or a getter must not fire while fast-check prints the case
              args = copy(seedLists[spec.seed]) as unknown[];
              for (const [kind, pick, junk] of spec.mutations) mutate(args, kind, pick, junk);
            }
            await expectOnlyDistrictKitErrorAsync(() => point.call(args, receiver));
          }),
          { numRuns: RUNS ?? pkg.numRunsFor?.[point.key] ?? pkg.numRuns ?? 40, ...SEED },
        );
      });
    }
  });
}
