#!/usr/bin/env node
// `pnpm docs:api`: builds the documentation site into docs/site/ — typedoc's API reference for
// every package (packages mode) with the guides, glossary and "how the numbers are computed"
// pages — with typedoc warnings as errors (an undocumented export fails), then checks every
// link in the generated site: a relative link must point at a file that exists, an absolute one
// at a host that can exist (see site-links.mjs). Works on its own in a fresh clone after install.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { packagesInBuildOrder } from "./package-order.mjs";
import { absoluteLinkProblem } from "./site-links.mjs";

const root = new URL("..", import.meta.url).pathname;
const docs = join(root, "docs");
const bin = (name) => join(root, "node_modules", ".bin", name);

// typedoc reads each package through its tsconfig.json, whose project references resolve the
// other packages (core's Money in every engine, the engines in io) to their declarations in
// .tsc/; without them every package fails with TS6305 ("output file has not been built"). So
// build those declarations first: `tsc -b` is incremental, nearly free when they are up to date
// (the test suite's type check has just made them), about 45 s of CPU in a fresh clone.
const tsc = spawnSync(bin("tsc"), ["-b", ...packagesInBuildOrder(root).map((p) => join("packages", p))], { cwd: root, stdio: "inherit" });
if (tsc.status !== 0) {
  console.error("tsc -b of the packages failed: typedoc needs their declarations");
  process.exit(1);
}

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
      const name = raw
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.replace(/^type\s+/, "");
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
writeFileSync(
  generated,
  JSON.stringify(
    {
      extends: ["./typedoc.json"],
      externalSymbolLinkMappings: { districtkit: mappings },
      packageOptions: { ...JSON.parse(readFileSync(join(docs, "typedoc.json"), "utf8")).packageOptions, externalSymbolLinkMappings: { districtkit: mappings } },
    },
    null,
    2,
  ),
);
const r = spawnSync(bin("typedoc"), ["--options", generated], { cwd: docs, stdio: "inherit" });
if (r.status !== 0) {
  console.error("typedoc failed (warnings count as errors)");
  process.exit(1);
}

const site = join(docs, "site");
const broken = [];
let links = 0;
let absolute = 0;
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
    const href = m[1].replaceAll("&amp;", "&");
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) {
      // absolute: judged by its shape (offline), so a file name turned into a link fails
      if (/^(?:https?:|mailto:|\/\/)/i.test(href)) absolute++;
      const problem = absoluteLinkProblem(href);
      if (problem !== undefined) broken.push(`${relative(site, file)} → ${href}: ${problem}`);
      continue;
    }
    if (href.startsWith("#")) continue;
    const target = decodeURIComponent(href.split("#")[0].split("?")[0]);
    if (target === "") continue;
    links++;
    const resolved = join(dirname(file), target);
    if (!existsSync(resolved)) broken.push(`${relative(site, file)} → ${href}: no such file`);
  }
}
walk(site);
if (broken.length > 0) {
  console.error(`${broken.length} broken link(s):\n  ${broken.slice(0, 50).join("\n  ")}`);
  process.exit(1);
}
console.log(`docs/site built; ${links} internal and ${absolute} absolute links checked, none broken`);
