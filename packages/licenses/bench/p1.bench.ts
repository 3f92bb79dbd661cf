// PERFORMANCE.md P1: licence optimization, 300 products × 6 pricing options × 200 schools, 3-year
// horizon, proven optimal; the peer is the same model in HiGHS (WebAssembly MILP, dev-dependency),
// solved component by component, measured in the same run with equal objectives checked first.
// HiGHS needs minutes per 200-school product (98 s for generateLicenseMarket({ products: 1,
// schools: 200, seed: 11 })), so the peer group runs on a slice of the workload (same generator,
// fewer products and schools); the full P1 runs for DistrictKit alone.
//
// Measured 2026-11-25 (shared 2-core machine, Node 20; `node scripts/bench.mjs --project
// licenses`, medians of 5 runs after a warm-up): at load ≈ 2, P1 447 ms (target ≤ 1 s), every
// explanation read 867 ms, slice 13.8 ms vs HiGHS 5,283 ms (×382); at load ≈ 3, P1 701–722 ms,
// explanations read 1,218–1,260 ms, slice 26.6–27.3 ms vs 5,494–5,690 ms (×201–214); while other
// benchmarks load the machine to 5–7, P1 0.63–1.0 s (mean 763 ms). Before this session: P1
// 25.2 s (one cold run), slice 80 ms vs 5,573 ms (×70).
// Measured 2026-12-04 (same machine and command, load ≈ 2–3), after issue 17 made the model the
// full covering model of mixed seat options and multi-year commitments: P1 proven optimal
// (50,940,314,042 ¢; the exact node solve of the commitment search closes every product) in
// 694–825 ms (mean 758 ms), every explanation read 985–1,319 ms, slice 28–46 ms vs HiGHS
// 5,335–5,461 ms (×140). The P1 case throws unless the plan is proven optimal.
// The target is one core: under `taskset -c 1` the same day (afternoon) P1 read 908–1,198 ms
// (mean 1,024), the built package 1.24–1.31 s median after a cut of its garbage (README).
// Evening: the solver now keeps its hidden classes from call to call (ProductSolver.kept, src/internal/solve.ts),
// so V8 stops re-optimizing it on every call: one core, built package, calls 9–24, 1,341–1,379 →
// 1,024–1,085 ms in a slow hour (×0.76–0.80). A process's first calls are slower while V8 compiles
// the solver (2.6–3.0 s, 1.4–1.7 s, then ≈ 1.1 s by the fourth): three warm-up calls, not one, so
// the median is of warm calls (the first call's time is in the README).
import { bench, describe } from "vitest";
import { generateLicenseMarket } from "../src/generate.js";
import { optimizeLicenses } from "../src/optimize.js";
import { highsCost, loadHighs } from "../test/highsModel.js";

const p1Runs = { iterations: 5, time: 0, warmupIterations: 3, warmupTime: 0 };
const P1 = generateLicenseMarket({ products: 300, options: 6, schools: 200, years: 3, seed: 1 });
const slice = generateLicenseMarket({ products: 6, options: 6, schools: 12, years: 3, seed: 1, bundleEvery: 3 });
await loadHighs();

// Equal objectives before anything is timed.
{
  const ours = optimizeLicenses(slice);
  const ref = await highsCost(slice);
  // HiGHS solves the full covering model (mixes of seat contracts): a proven plan equals it, a
  // best-found one is bracketed by its bound
  const ok =
    ref.optimal &&
    (ours.status === "optimal" ? ours.objective.toCents() === Math.round(ref.cost) : ours.lowerBound.toCents() <= Math.round(ref.cost) && ours.objective.toCents() >= Math.round(ref.cost));
  if (!ok) throw new Error(`P1 slice: DistrictKit ${ours.objective.toCents()} (${ours.status}) vs HiGHS ${ref.cost} (${ref.optimal})`);
  console.log(`P1 slice: ${ours.status}, objective ${ours.objective.toCents()} ¢, bound ${ours.lowerBound.toCents()} ¢, HiGHS ${Math.round(ref.cost)} ¢`);
}

describe("P1 slice (6 products × 6 options × 12 schools × 3 years): DistrictKit vs HiGHS, equal objective", () => {
  bench(
    "DistrictKit optimizeLicenses",
    () => {
      optimizeLicenses(slice);
    },
    { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
  );
  bench(
    "HiGHS 1.15 MILP per component (peer, mip_rel_gap 0)",
    async () => {
      if (!(await highsCost(slice)).optimal) throw new Error("HiGHS not optimal");
    },
    { iterations: 3, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});

describe("P1 (300 products × 6 options × 200 schools × 3 years)", () => {
  bench(
    "DistrictKit optimizeLicenses",
    () => {
      if (optimizeLicenses(P1).status !== "optimal") throw new Error("P1 is not proven optimal");
    },
    p1Runs,
  );
  // Explanations are written when first read: this entry reads all of them (180,000 break-even
  // rows), the cost of a caller that shows or serialises the whole plan.
  bench(
    "DistrictKit optimizeLicenses, every product's explanation read",
    () => {
      const plan = optimizeLicenses(P1);
      let rows = 0;
      for (const p of plan.products) rows += p.explanation.siteBreakEven.length;
      if (rows === 0) throw new Error("no explanation rows");
    },
    p1Runs,
  );
});
