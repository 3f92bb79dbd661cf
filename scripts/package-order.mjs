// The workspace packages in build order: each after the @districtkit packages it depends on
// (a package's .d.ts build resolves its dependencies through their built dist/ types).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** @returns {string[]} folder names under packages/, dependencies first */
export function packagesInBuildOrder(root) {
  const dir = join(root, "packages");
  const folders = readdirSync(dir)
    .filter((p) => existsSync(join(dir, p, "package.json")))
    .sort();
  const manifest = new Map(folders.map((p) => [p, JSON.parse(readFileSync(join(dir, p, "package.json"), "utf8"))]));
  const byName = new Map(folders.map((p) => [manifest.get(p).name, p]));
  const order = [];
  const state = new Map();
  const visit = (p) => {
    if (state.get(p) === "done") return;
    if (state.get(p) === "visiting") throw new Error(`dependency cycle through packages/${p}`);
    state.set(p, "visiting");
    const m = manifest.get(p);
    for (const dep of Object.keys({ ...m.dependencies, ...m.peerDependencies })) {
      const folder = byName.get(dep);
      if (folder !== undefined) visit(folder);
    }
    state.set(p, "done");
    order.push(p);
  };
  folders.forEach(visit);
  return order;
}
