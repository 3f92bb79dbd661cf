// The published build (dist/, made by tsup) keeps the scorer's hidden classes alive.
//
// A result's hidden class is built field by field, so it lives only while some result does; when
// the last call's results were collected, V8 threw away the optimized scoring code that checks it
// ("weak objects") and every call re-optimized it (V1's scoreSheet about ×2.5 slower with a garbage
// collection between calls). The made-up apps that primeShapes scores once (src/score.ts) now keep
// their results for the life of the module. This runs the built package in a child process with
// V8's deoptimization trace and asserts that the scoring code is not thrown away for that reason.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
/** The scoring loop's functions (src/internal/scoreRow.ts). */
const HOT = ["scoreRow", "initResult", "scoreCells"];

const script = `
const { compileScorer, generateApps, readAnswers } = await import(${JSON.stringify(dist)});
const { rubric, apps, asOf } = generateApps({ apps: 3000, criteria: 40, seed: "built" });
const scorer = compileScorer(rubric, { asOf, district: { state: "NY" } });
const sheet = readAnswers(rubric, apps);
for (let i = 0; i < 14; i++) {
  globalThis.gc();
  scorer.scoreSheet(sheet);
}
console.log("done");
`;

describe.skipIf(!existsSync(dist))("the built package (dist/; pnpm run build first)", () => {
  it("keeps the scoring code optimized from one call to the next", () => {
    const r = spawnSync(process.execPath, ["--expose-gc", "--trace-deopt", "--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("done");
    const lost = r.stdout
      .split("\n")
      .filter((line) => line.includes("reason: weak objects"))
      .map((line) => /SharedFunctionInfo (\w+)/.exec(line)?.[1])
      .filter((name) => name !== undefined && HOT.includes(name));
    // V8 may drop some code once or twice while it settles; before the fix it was call after call
    // (one hot function or more in every one of the 14 calls)
    expect(lost.length, lost.join(", ")).toBeLessThanOrEqual(2);
  });
});
