#!/usr/bin/env node
// `pnpm start` — the main job: builds the playground from the workspace and serves it on
// http://127.0.0.1:5173 with the sample district loaded.
//
// No package is built first: the playground's Vite config resolves every @districtkit package
// from its sources (the `@districtkit/source` export condition), so the packages' dist/ would
// not be read — the bundle is byte-for-byte the same with or without them. Vite is started
// directly (not through `npx pnpm`): npm, started from a pnpm script, warns about every pnpm
// setting pnpm exports to its scripts as npm_config_* (catalog, verify-deps-before-run, …).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const playground = join(root, "playground");
const vite = join(playground, "node_modules", ".bin", "vite");
const step = (label, args) => {
  console.log(`\n── ${label}`);
  const r = spawnSync(vite, args, { cwd: playground, stdio: "inherit" });
  if (r.status !== 0 && r.signal === null) {
    console.error(`${label} failed`);
    process.exit(r.status ?? 1);
  }
};

step("build the playground (Vite, from the packages' sources)", ["build"]);
// host and port (127.0.0.1:5173, strict) come from playground/vite.config.ts
step("serve the playground on http://127.0.0.1:5173 (Ctrl+C to stop)", ["preview"]);
