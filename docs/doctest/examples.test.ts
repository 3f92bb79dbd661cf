// Every TSDoc @example of every package, and every ```ts block of the guides and of the READMEs
// (the repository's and each package's), is executed here,
// so the documentation cannot drift from the code (see run.ts for the `// =>` assertion form).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import { exampleBlocks, guideBlocks, readmeBlocks, repoRoot } from "./extract.js";
import { runBlock, type Scope } from "./run.js";

const packages = readdirSync(join(repoRoot, "packages")).filter((p) => existsSync(join(repoRoot, "packages", p, "src", "index.ts")));
const modules: Record<string, Scope> = { zod: zod as unknown as Scope };
for (const p of packages) modules[`@districtkit/${p}`] = (await import(`@districtkit/${p}`)) as Scope;
// io's XLSX module is its own entry (so the core readers never load ExcelJS); its examples run with io's
modules["@districtkit/io/xlsx"] = (await import("@districtkit/io/xlsx")) as Scope;
/** The names a block imports from another package (its own package's names are in scope anyway). */
function imported(code: string): Scope {
  const out: Record<string, unknown> = {};
  for (const m of code.matchAll(/^\s*import\s+\{([^}]*)\}\s+from\s+["']([^"']+)["']/gm)) {
    const mod = modules[m[2]!];
    if (!mod) continue;
    for (const spec of m[1]!
      .split(",")
      .map((x) => x.trim())
      .filter((x) => x !== "" && !x.startsWith("type "))) {
      const [name, alias] = spec.split(/\s+as\s+/).map((x) => x.trim()) as [string, string | undefined];
      out[alias ?? name] = mod[name];
    }
  }
  return out;
}
// Guides may read the sample district's files (paths relative to the repository's root), the
// way a reader's own program reads its files.
modules["node:fs"] = { readFileSync: (path: string, encoding?: BufferEncoding) => readFileSync(resolve(repoRoot, path), encoding) } as unknown as Scope;
const core = modules["@districtkit/core"]!;
const everything: Scope = Object.assign({}, ...Object.values(modules), { z: zod.z });

for (const p of packages) {
  const blocks = exampleBlocks(join(repoRoot, "packages", p));
  describe(`@districtkit/${p} @example blocks`, () => {
    if (blocks.length > 0)
      it.each(blocks.map((b) => [b.where, b] as const))("%s", async (_where, block) => {
        const scope = { z: zod.z, ...core, ...imported(block.code), ...modules[`@districtkit/${p}`], ...(p === "io" ? modules["@districtkit/io/xlsx"] : {}) };
        await runBlock(block.code, scope, modules);
      });
    it("has at least one example per package with exports", () => {
      const exported = Object.keys(modules[`@districtkit/${p}`]!).length;
      expect(exported === 0 || blocks.length > 0).toBe(true);
    });
  });
}

const guides = guideBlocks(join(repoRoot, "docs"));
describe("guide code blocks (docs/**/*.md)", () => {
  it("finds the guides", () => {
    expect(Array.isArray(guides)).toBe(true);
  });
  if (guides.length > 0)
    it.each(guides.map((b) => [b.where, b] as const))("%s", async (_where, block) => {
      await runBlock(block.code, everything, modules);
    });
});

const readmes = readmeBlocks(repoRoot);
describe("README code blocks (README.md, packages/*/README.md)", () => {
  it("finds every package README's first example", () => {
    for (const p of packages) expect(readmes.some((b) => b.where.startsWith(`packages/${p}/README.md:`))).toBe(true);
  });
  it.each(readmes.map((b) => [b.where, b] as const))("%s", async (_where, block) => {
    await runBlock(block.code, everything, modules);
  });
});
