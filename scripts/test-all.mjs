#!/usr/bin/env node
// The whole test suite, as README.md's test command runs it (and .ci/run runs README's command).
// Steps: type check → lint and format (Biome) → public API reports (api/) → package metadata (LICENSE, CHANGELOG, README) → changesets → build every
// package → publint + arethetypeswrong on each → every vitest
// project (unit, property, doc-tests of every @example and guide, examples, browser e2e) →
// API docs site with warnings as errors and a link check. Ends with "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packagesInBuildOrder } from "./package-order.mjs";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
const checks = [];

function run(label, cmd, args, opts = {}) {
  const started = Date.now();
  process.stdout.write(`\n── ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? root, stdio: "inherit", env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`── ${label}: ${ok ? "ok" : "FAILED"} (${secs} s)\n`);
  checks.push({ label, ok });
  return ok;
}

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  process.stdout.write("\n── Chromium is missing: installing Debian's chromium package for the browser tests\n");
  const sudo = process.getuid && process.getuid() === 0 ? [] : ["sudo"];
  const apt = (args) => spawnSync(sudo[0] ?? "apt-get", sudo.length ? ["apt-get", ...args] : args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  apt(["update", "-q"]);
  apt(["install", "-y", "-q", "--no-install-recommends", "chromium"]);
}

const packages = packagesInBuildOrder(root);

run("type check (tsc -b)", bin("tsc"), ["-b"]);
run("lint and format (biome check; `pnpm run format` fixes what it can)", bin("biome"), ["check", "."]);
run("public API matches api/*.api.md (`pnpm run api:update` after an intended change)", process.execPath, [join(root, "scripts", "api-report.mjs")]);
run("published packages carry LICENSE, CHANGELOG.md and a README to start from", process.execPath, [join(root, "scripts", "lint-packages.mjs")]);
run("changesets (changeset status; see CONTRIBUTING.md)", process.execPath, [join(root, "scripts", "changeset-check.mjs")]);
for (const p of packages) run(`build @districtkit/${p} (tsup: ESM + CJS + .d.ts)`, bin("tsup"), [], { cwd: join(root, "packages", p) });
for (const p of packages) {
  const cwd = join(root, "packages", p);
  run(`publint @districtkit/${p}`, bin("publint"), ["--strict", "--pack", "npm"], { cwd });
  run(`arethetypeswrong @districtkit/${p}`, bin("attw"), ["--pack", ".", "--profile", "node16", "--format", "table-flipped"], { cwd });
}

ensureChromium();
mkdirSync(join(root, ".test-results"), { recursive: true });
const report = join(root, ".test-results", "vitest.json");
run("tests (vitest: unit, properties, doc-tests, examples, browser e2e)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
run("API docs site (typedoc, warnings are errors) and link check", process.execPath, [join(root, "scripts", "build-docs.mjs")]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // a test file that failed to load has no failed test of its own: count it once
  for (const file of json.testResults ?? []) {
    if (file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed")) failed++;
  }
  skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
for (const c of checks.filter((c) => !c.label.startsWith("tests "))) c.ok ? passed++ : failed++;
const testsStep = checks.find((c) => c.label.startsWith("tests "));
if (testsStep && !testsStep.ok && failed === 0) failed++;

process.stdout.write("\nChecks:\n");
for (const c of checks) process.stdout.write(`  ${c.ok ? "✓" : "✗"} ${c.label}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(failed === 0 ? 0 : 1);
