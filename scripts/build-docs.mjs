#!/usr/bin/env node
// `pnpm docs:api`: builds the documentation site into docs/site/ — typedoc's API reference for
// every package (packages mode) with the guides, glossary and "how the numbers are computed"
// pages — with typedoc warnings as errors (an undocumented export fails), then checks that every
// relative link in the generated site points at a file that exists.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const docs = join(root, "docs");
const r = spawnSync(join(root, "node_modules", ".bin", "typedoc"), ["--options", join(docs, "typedoc.json")], { cwd: docs, stdio: "inherit" });
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
