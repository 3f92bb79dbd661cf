// Runs one documentation block: TypeScript is transpiled (types stripped), import lines are
// checked against the real exports and removed, every export of the packages is put in scope,
// and each line `expression; // => literal` asserts that the expression's value, after a JSON
// round-trip, deep-equals the literal.
import { isDeepStrictEqual } from "node:util";
import ts from "typescript";

export type Scope = Readonly<Record<string, unknown>>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

function normalise(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Rewrites `expr; // => literal` lines into equality assertions and `expr; // throws …` lines
 * into "throws a DistrictKitError" assertions; returns the code and how many.
 */
export function instrument(code: string): { code: string; assertions: number } {
  let assertions = 0;
  const out = code.split("\n").map((line, i) => {
    const t = /^(\s*)(?!const |let |var |import |export |return )(.+?);?\s*\/\/\s*throws\b(.*)$/.exec(line);
    if (t) {
      assertions++;
      return `${t[1]}await __throws(async () => { ${t[2]!.replace(/;$/, "")}; }, ${i + 1});`;
    }
    const m = /^(\s*)(?!const |let |var |import |export |return |throw |await \w+ = )(.+?);?\s*\/\/\s*=>\s*(.+?)\s*$/.exec(line);
    if (!m) return line;
    assertions++;
    return `${m[1]}__check(${m[2]!.replace(/;$/, "")}, (${m[3]}), ${i + 1}, ${JSON.stringify(m[3])});`;
  });
  return { code: out.join("\n"), assertions };
}

const bindable = new Map<string, boolean>();
/** Whether a name can be a parameter name (zod exports `catch`, a reserved word). */
function isBindable(name: string): boolean {
  let ok = bindable.get(name);
  if (ok === undefined) {
    try {
      ok = /^[A-Za-z_$][\w$]*$/.test(name) && (new Function(name, "return 0;"), true);
    } catch {
      ok = false;
    }
    bindable.set(name, ok);
  }
  return ok;
}

/**
 * Runs a block with the scope's names defined.
 *
 * @param code - the block's TypeScript
 * @param scope - names available to it
 * @param modules - package name → its exports, to check import lines against
 */
export async function runBlock(code: string, scope: Scope, modules: Readonly<Record<string, Scope>>): Promise<number> {
  const importRe = /^\s*import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["'];?\s*$/gm;
  for (const m of code.matchAll(importRe)) {
    const from = m[3]!;
    const mod = modules[from];
    if (!mod) throw new Error(`the block imports from ${from}, which is not a DistrictKit package or zod`);
    if (m[1]) continue;
    for (const spec of m[2]!
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const name = spec
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]!
        .trim();
      if (spec.startsWith("type ")) continue;
      if (!(name in mod)) throw new Error(`the block imports ${name} from ${from}, which does not export it`);
    }
  }
  const body = code.replace(importRe, "").replace(/^\s*import\s+.*$/gm, "");
  const { code: checked, assertions } = instrument(body);
  const js = ts.transpileModule(`async function __block() {\n${checked}\n}`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
  }).outputText;
  const names = Object.keys(scope).filter(isBindable);
  const check = (actual: unknown, expected: unknown, line: number, text: string): void => {
    const a = normalise(actual);
    const e = normalise(expected);
    if (!isDeepStrictEqual(a, e)) {
      throw new Error(`line ${line}: expected ${text}, got ${JSON.stringify(a)}`);
    }
  };
  const throws = async (f: () => Promise<void>, line: number): Promise<void> => {
    try {
      await f();
    } catch (error) {
      if (error instanceof Error && error.name === "DistrictKitError") return;
      throw new Error(`line ${line}: expected a DistrictKitError, got ${String(error)}`);
    }
    throw new Error(`line ${line}: expected a DistrictKitError, but nothing was thrown`);
  };
  const fn = new AsyncFunction("__check", "__throws", ...names, `${js}\nreturn __block();`);
  await fn(check, throws, ...names.map((n) => scope[n]));
  return assertions;
}
