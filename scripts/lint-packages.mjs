#!/usr/bin/env node
// `pnpm lint:packages` (also a step of the test suite): what every published package must carry
// besides its code — the licence, the changelog and a README a newcomer can start from.
// - LICENSE: the repository's MIT licence, byte for byte, listed in `files` so it ships;
//   package.json says "license": "MIT" and names the holder.
// - CHANGELOG.md: listed in `files`; its first version heading is the package's version (the
//   file Changesets keeps: `changeset version` writes the new version on top).
// - README.md: says what the package is (a paragraph under its name), how to install it
//   (`npm install <name>`), a first example (a ```ts block; the doc-tests run it) and links to
//   the documentation.
// Prints every problem and exits non-zero if there is one.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packagesInBuildOrder } from "./package-order.mjs";

const root = new URL("..", import.meta.url).pathname;
const licence = readFileSync(join(root, "LICENSE"), "utf8");
const problems = [];

for (const p of packagesInBuildOrder(root)) {
  const dir = join(root, "packages", p);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.private) continue;
  const say = (text) => problems.push(`packages/${p}: ${text}`);
  const read = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), "utf8") : undefined);

  if (pkg.license !== "MIT") say(`package.json "license" is ${JSON.stringify(pkg.license)}, expected "MIT"`);
  if (!pkg.author) say('package.json has no "author" (the licence holder: "DistrictKit contributors")');
  for (const file of ["LICENSE", "CHANGELOG.md"]) if (!(pkg.files ?? []).includes(file)) say(`package.json "files" does not list ${file}, so it would not ship`);

  const ownLicence = read("LICENSE");
  if (ownLicence === undefined) say("no LICENSE");
  else if (ownLicence !== licence) say("LICENSE differs from the repository's LICENSE (copy it: cp LICENSE packages/<name>/)");

  const changelog = read("CHANGELOG.md");
  const latest = changelog && /^## (\S+)/m.exec(changelog)?.[1];
  if (changelog === undefined) say("no CHANGELOG.md");
  else if (!changelog.startsWith(`# ${pkg.name}\n`)) say(`CHANGELOG.md does not start with "# ${pkg.name}"`);
  else if (latest !== pkg.version) say(`CHANGELOG.md's latest version is ${latest ?? "missing"}, package.json says ${pkg.version} (run \`changeset version\`)`);

  const readme = read("README.md");
  if (readme === undefined) {
    say("no README.md");
    continue;
  }
  if (!readme.startsWith(`# ${pkg.name}\n\n`) || !/^# .+\n\n[^#\s`]/.test(readme)) say(`README.md does not open with "# ${pkg.name}" and a paragraph saying what the package is`);
  if (!readme.includes(`npm install ${pkg.name}`)) say(`README.md does not say how to install it (npm install ${pkg.name})`);
  if (!/^```ts\s*$/m.test(readme)) say("README.md has no runnable ```ts example");
  if (!/^## Documentation$/m.test(readme) || !readme.includes("](../../docs/guides/getting-started.md)")) say('README.md has no "## Documentation" section linking to Getting started');
  if (!readme.includes("](LICENSE)")) say("README.md does not name its licence");
}

if (problems.length > 0) {
  console.error(`${problems.length} problem(s) with the published packages:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("every published package has its LICENSE, CHANGELOG.md and a README to start from");
