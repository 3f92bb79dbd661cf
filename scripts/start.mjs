#!/usr/bin/env node
// `pnpm start` — the main job: builds every package from the workspace, then builds the
// playground and serves it on http://localhost:5173 with the sample district loaded.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { packagesInBuildOrder } from "./package-order.mjs";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const step = (label, cmd, args, cwd = root) => {
  console.log(`\n── ${label}`);
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`${label} failed`);
    process.exit(r.status ?? 1);
  }
};

for (const p of packagesInBuildOrder(root)) step(`build @districtkit/${p}`, bin("tsup"), ["--silent"], join(root, "packages", p));
const playground = join(root, "playground");
if (existsSync(join(playground, "package.json"))) {
  step("build and serve the playground (Ctrl+C to stop)", "npx", ["-y", "pnpm@10", "--filter", "@districtkit/playground", "run", "start"]);
} else {
  // Until the playground exists, the main job is the first example script that does.
  const candidates = ["budget-what-if.ts", ...readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts")).sort()];
  const script = candidates.find((f) => existsSync(join(root, "examples", f)));
  if (script === undefined) {
    console.log("\nThe packages are built. No playground or example script yet: see README.md.");
  } else {
    step(`example: ${script}`, process.execPath, ["--conditions=@districtkit/source", "--import", "tsx", join(root, "examples", script)]);
  }
}
