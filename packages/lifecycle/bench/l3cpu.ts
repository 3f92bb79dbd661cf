// L3 (PERFORMANCE.md) in CPU time: the Weibull fit with right-censoring and late entry on
// 100,000 repair records. Run from the repository root:
//   pnpm run bench:cpu packages/lifecycle/bench/l3cpu.ts [rounds] [--processes N [--built]]
import { fitWeibull, generateRepairHistory, survivalDataFromRepairs } from "@districtkit/lifecycle";

const history = generateRepairHistory({ devices: 100_000, seed: "L3", failure: { shape: 2, scale: 5 } });
const observations = survivalDataFromRepairs(history);
const columns = { times: observations.map((o) => o.time), failed: observations.map((o) => o.failed), entries: observations.map((o) => o.entry) };

/** The fit from columns (the fast form) and from observation objects. */
export const cases: [string, () => unknown][] = [
  ["fitWeibull, columns", () => fitWeibull(columns)],
  ["fitWeibull, observation objects", () => fitWeibull({ observations })],
];
