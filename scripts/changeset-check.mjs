#!/usr/bin/env node
// The test suite's changeset check (CONTRIBUTING.md, "Changesets"), built on `changeset status`:
//
// - on a branch with commits of its own (HEAD is not in the base branch, `main` or else
//   `origin/main`): `changeset status --since=<base>` fails when the branch changed a published
//   package's public source (.changeset/config.json `changedFilePatterns`: src/ without tests,
//   package.json) and added no changeset;
// - on the base branch itself — CI checks a clean clone of main — there is nothing to compare
//   with, so it checks what can be checked: the configuration, the package graph and every
//   pending changeset (one naming an unknown package, or a bump other than patch, minor or
//   major, fails);
// - with no base branch, or no history shared with it (a shallow clone of a branch), the
//   configuration only.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const git = (...args) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
const resolves = (ref) => git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`).status === 0;
const status = (args) => {
  console.log(`changeset status ${args.join(" ")}`.trim());
  const r = spawnSync(join(root, "node_modules", ".bin", "changeset"), ["status", ...args], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    // changesets finds a branch's changesets with `git diff`, which does not see untracked files
    const untracked = git("ls-files", "--others", "--exclude-standard", "--", ".changeset").stdout.trim();
    if (untracked !== "") console.error(`A changeset counts once git knows it — \`git add\` it (or commit it):\n  ${untracked.split("\n").join("\n  ")}`);
  }
  process.exit(r.status ?? 1);
};

if (git("rev-parse", "--is-inside-work-tree").status !== 0) {
  console.log("not a git checkout: there is no history to compare with; changesets not checked");
  process.exit(0);
}
const base = process.env.CHANGESET_BASE || ["main", "origin/main"].find(resolves);
const forkPoint = base === undefined ? undefined : git("merge-base", base, "HEAD");
if (base === undefined || forkPoint.status !== 0) {
  console.log(`no base branch to compare with${base ? ` (no common history with ${base})` : ""}: checking the configuration only`);
  status(["--since=HEAD"]);
} else if (git("merge-base", "--is-ancestor", "HEAD", base).status === 0) {
  console.log(`HEAD is on ${base}: checking the configuration and the pending changesets`);
  status(base === "main" ? [] : ["--since=HEAD"]);
} else {
  console.log(`this branch since it left ${base} (${forkPoint.stdout.trim().slice(0, 10)}): a change to a package's public source needs a changeset`);
  status([`--since=${base}`]);
}
