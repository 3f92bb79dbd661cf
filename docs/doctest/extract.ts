// Finds the runnable code of the documentation: every ```ts block of a TSDoc `@example` in a
// package's sources, of the guides in docs/ and of the READMEs. Used by the doc-tests.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface CodeBlock {
  /** Where the block is (file:line), for the test name and failures. */
  readonly where: string;
  /** The code inside the fence. */
  readonly code: string;
}

export const repoRoot = new URL("../..", import.meta.url).pathname;

function files(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "site" || name.startsWith(".")) continue;
    if (statSync(path).isDirectory()) out.push(...files(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out.sort();
}

/** The `@example` blocks of a package's non-test sources. */
export function exampleBlocks(pkgDir: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const src = join(pkgDir, "src");
  for (const file of files(src, (n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
      // the fence follows the tag, inside the same comment
      let j = i + 1;
      while (j < lines.length && !/^\s*\*\s*```/.test(lines[j]!) && !/\*\//.test(lines[j]!) && !/^\s*\*\s*@\w+/.test(lines[j]!)) j++;
      if (j >= lines.length || !/^\s*\*\s*```(ts|typescript)?\s*$/.test(lines[j]!)) continue;
      const body: string[] = [];
      let k = j + 1;
      while (k < lines.length && !/^\s*\*\s*```/.test(lines[k]!)) {
        body.push(lines[k]!.replace(/^\s*\* ?/, ""));
        k++;
      }
      blocks.push({ where: `${relative(repoRoot, file)}:${j + 2}`, code: body.join("\n") });
      i = k;
    }
  }
  return blocks;
}

/** The ```ts blocks of the markdown guides (a block fenced ```ts no-run is skipped). */
export function guideBlocks(docsDir: string): CodeBlock[] {
  return markdownBlocks(files(docsDir, (n) => n.endsWith(".md")));
}

/** The ```ts blocks of the repository's README and of every package's README (not ```ts no-run). */
export function readmeBlocks(root: string): CodeBlock[] {
  const packages = join(root, "packages");
  const readmes = readdirSync(packages)
    .sort()
    .map((p) => join(packages, p, "README.md"))
    .filter((f) => existsSync(f));
  return markdownBlocks([join(root, "README.md"), ...readmes]);
}

function markdownBlocks(markdownFiles: readonly string[]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const file of markdownFiles) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = /^```(ts|typescript)(\s+no-run)?\s*$/.exec(lines[i]!);
      if (!m) continue;
      const body: string[] = [];
      let k = i + 1;
      while (k < lines.length && !/^```\s*$/.test(lines[k]!)) body.push(lines[k++]!);
      if (!m[2]) blocks.push({ where: `${relative(repoRoot, file)}:${i + 2}`, code: body.join("\n") });
      i = k;
    }
  }
  return blocks;
}
