import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The playground imports this package in a browser (and a Web Worker): its sources must not use
// Node's modules or globals. (Tests may; they are not shipped.)
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("runs in a browser", () => {
  it("no source file imports a node: module or uses Buffer, process or require", () => {
    const offenders = sources(import.meta.dirname).filter((file) => {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      return /from\s+["']node:|import\(["']node:|\bBuffer\.|\bprocess\.|\brequire\(/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
