#!/usr/bin/env node
// `pnpm docs:api`: builds the documentation site into docs/site/ — typedoc's API reference for
// every package (packages mode) with the guides, glossary and "how the numbers are computed"
// pages — with typedoc warnings as errors (an undocumented export fails), then checks that every
// relative link in the generated site points at a file that exists.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const docs = join(root, "docs");

// typedoc's packages mode converts each package in its own program, so a type of one package
// used in another's API (core's Money in every engine, an engine's schema in io) is not linked
// and fails the "not exported" validation. Map every exported name of every package to its page
// in the merged site (typedoc's externalSymbolLinkMappings); core wins a name clash.
const kindFolder = { class: "classes", function: "functions", const: "variables", let: "variables", interface: "interfaces", type: "types", enum: "enums" };
function exportedPages(pkg) {
  const dir = join(root, "packages", pkg, "src");
  const index = readFileSync(join(dir, "index.ts"), "utf8");
  const pages = {};
  for (const m of index.matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const file = join(dir, m[3].replace(/\.js$/, ".ts"));
    if (!existsSync(file)) continue;
    const source = readFileSync(file, "utf8");
    for (const raw of m[2].split(",")) {
      const name = raw.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, "");
      if (!name) continue;
      const decl = source.match(new RegExp(`export\\s+(?:declare\\s+)?(?:abstract\\s+)?(class|function|const|let|interface|type|enum)\\s+${name}\\b`));
      if (decl) pages[name] = `../${kindFolder[decl[1]]}/_districtkit_${pkg}.${name}.html`;
    }
  }
  return pages;
}
const packages = readdirSync(join(root, "packages")).filter((p) => existsSync(join(root, "packages", p, "src", "index.ts")));
const mappings = {};
for (const p of [...packages.filter((p) => p !== "core"), "core"]) Object.assign(mappings, exportedPages(p));
const generated = join(docs, ".typedoc.generated.json");
writeFileSync(generated, JSON.stringify({ extends: ["./typedoc.json"], externalSymbolLinkMappings: { districtkit: mappings }, packageOptions: { ...JSON.parse(readFileSync(join(docs, "typedoc.json"), "utf8")).packageOptions, externalSymbolLinkMappings: { districtkit: mappings } } }, null, 2));
const r = spawnSync(join(root, "node_modules", ".bin", "typedoc"), ["--options", generated], { cwd: docs, stdio: "inherit" });
if (r.status !== 0) {
  console.error("typedoc failed (warnings count as errors)");
  process.exit(1);
}

const site = join(docs, "site");
const broken = [];
let links = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".html")) check(path);
  }
}
function check(file) {
  const html = readFileSync(file, "utf8");
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const href = m[1];
    if (/^(?:[a-z]+:|\/\/|#|data:)/i.test(href)) continue;
    const target = decodeURIComponent(href.split("#")[0].split("?")[0]);
    if (target === "") continue;
    links++;
    const resolved = join(dirname(file), target);
    if (!existsSync(resolved)) broken.push(`${relative(site, file)} → ${href}`);
  }
}
walk(site);
if (broken.length > 0) {
  console.error(`${broken.length} broken internal link(s):\n  ${broken.slice(0, 50).join("\n  ")}`);
  process.exit(1);
}
console.log(`docs/site built; ${links} internal links checked, none broken`);
