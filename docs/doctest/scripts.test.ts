// Every runnable script in examples/ runs to completion and prints something readable.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./extract.js";

const dir = join(repoRoot, "examples");
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();

describe("examples/*.ts run", () => {
  it("finds the example scripts", () => {
    expect(Array.isArray(scripts)).toBe(true);
  });
  if (scripts.length > 0)
    it.each(scripts)("%s", (file) => {
      const r = spawnSync(process.execPath, ["--conditions=@districtkit/source", "--import", "tsx", join(dir, file)], {
        cwd: repoRoot,
        encoding: "utf8",
        timeout: 110_000,
      });
      if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.stderr.slice(-3000)}`);
      expect(r.stdout.trim().split("\n").length).toBeGreaterThan(3);
      expect(r.stdout).not.toMatch(/\bNaN\b|Infinity|undefined|\[object Object\]/);
    });
});
