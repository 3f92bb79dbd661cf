// P1 (PERFORMANCE.md) in CPU time, with the HiGHS peer on the slice workload of p1.bench.ts; the
// machine is shared, so wall time says little. Run from the repository root:
//   pnpm run bench:cpu packages/licenses/bench/p1cpu.ts [rounds] [case prefix] [--processes N [--built]]
// (scripts/cpu-bench.mjs: rounds in one process with a full collection before each case, or each
// case alone in N fresh processes; --built measures dist/, which this module reaches by importing
// the package by name)

import { generateLicenseMarket, optimizeLicenses } from "@districtkit/licenses";
import { highsCost, highsCostWith, loadHighs } from "../test/highsModel.js";

const P1 = generateLicenseMarket({ products: 300, options: 6, schools: 200, years: 3, seed: 1 });
const slice = generateLicenseMarket({ products: 6, options: 6, schools: 12, years: 3, seed: 1, bundleEvery: 3 });
const highs = await loadHighs();
const ours = optimizeLicenses(slice);
const ref = await highsCost(slice);
if (ours.status !== "optimal" || !ref.optimal || ours.objective.toCents() !== Math.round(ref.cost)) {
  throw new Error(`P1 slice: DistrictKit ${ours.objective.toCents()} (${ours.status}) ≠ HiGHS ${ref.cost} (${ref.optimal})`);
}

const proven = (r: ReturnType<typeof optimizeLicenses>): void => {
  if (r.status !== "optimal") throw new Error("not proven");
};

/** The measured cases: P1, and the slice solved by DistrictKit and by HiGHS. */
export const cases: [string, () => unknown][] = [
  ["P1 optimizeLicenses", () => proven(optimizeLicenses(P1))],
  ["slice optimizeLicenses", () => proven(optimizeLicenses(slice))],
  ["slice HiGHS (peer)", () => void highsCostWith(highs, slice)],
];
/** The case the others are compared with. */
export const peer = "slice HiGHS (peer)";
