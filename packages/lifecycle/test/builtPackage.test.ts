// The published build (dist/, made by tsup) keeps the forecast's hidden classes alive.
//
// The forecast's hot loops stay optimized only while one object of each of their hidden classes
// outlives every forecast (Compiled.kept in src/forecast/compiled.ts). Bundling once turned the module constants
// that held those objects into dead locals, and the published package re-optimized the whole
// simulation after every garbage collection (L1 ×1.7–2.4 slower than the sources) while every test
// and benchmark, which run the sources, stayed fast. This runs the built package in a child process
// with V8's deoptimization trace and asserts that no simulation function is thrown away because a
// hidden class it checks was collected ("weak objects").
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { weakObjectDeopts } from "../../../scripts/weak-deopts.mjs";

const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url));
/** The simulation's hot functions (src/forecast/simulate.ts, intake.ts, slots.ts). */
const HOT = ["startOfYear", "retire", "retireAll", "buy", "purchases", "failuresAndLosses", "failureReplacements", "addRaw", "groupIn", "fillSlot", "fillGroup"];

const script = `
const { forecastReplacements, generateInventory } = await import(${JSON.stringify(dist)});
const inventory = generateInventory({ devices: 60000, schools: 120, models: 12, years: 8, seed: "built" });
for (let i = 0; i < 14; i++) {
  globalThis.gc();
  forecastReplacements({ ...inventory, groupBy: ["school", "model"] });
  globalThis.gc();
  forecastReplacements(inventory);
}
console.log("done");
`;

describe.skipIf(!existsSync(dist))("the built package (dist/; pnpm run build first)", () => {
  it("keeps the simulation optimized from one forecast to the next", () => {
    const r = weakObjectDeopts(script, HOT);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("done");
    const lost = r.lost;
    // V8 may drop some code once or twice while it settles; before the fix it was call after call
    // (one hot function or more in every one of the 14 calls)
    expect(lost.length, lost.join(", ")).toBeLessThanOrEqual(2);
  });
});
