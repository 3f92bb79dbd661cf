// The exact cap-mode refresh plan for small problems (DOMAIN-lifecycle.md §12: "a small
// transportation problem; solve exactly when small"). Internal: not exported.
import type { Fill, Job } from "./jobs.js";

/** Largest product of (units + 1) over cohorts for which the cap problem is searched exhaustively. */
const EXACT_STATES = 400;

/**
 * Exact cap-mode plan for small problems by dynamic programming over the years (state: units
 * left per cohort). Lexicographic objective: least spend above the caps, then fewest units left
 * after the horizon, then the smallest Σ spend² (the smoothest plan). Null when too large.
 */
export function solveExactly(jobs: readonly Job[], first: number, last: number, capOf: (t: number) => number): Fill | null {
  const live = jobs.filter((j) => j.left > 0);
  let states = 1;
  for (const j of live) {
    states *= j.left + 1;
    if (states > EXACT_STATES || last - first > 12 || live.length > 10) return null;
  }
  type Cost = [number, number, number];
  const better = (a: Cost, b: Cost): boolean => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  const memo = new Map<string, { cost: Cost; take: number[] | null }>();
  const solve = (t: number, left: number[]): Cost => {
    if (t > last) return [0, left.reduce((a, x) => a + x, 0), 0];
    const key = `${t}|${left.join(",")}`;
    const hit = memo.get(key);
    if (hit) return hit.cost;
    const cap = capOf(t);
    let best: Cost | null = null;
    let bestTake: number[] | null = null;
    const take = new Array<number>(live.length).fill(0);
    const lows = live.map((j, i) => (j.latest <= t ? left[i]! : 0));
    const highs = live.map((j, i) => (j.earliest <= t ? left[i]! : j.latest <= t ? left[i]! : 0));
    const rec = (i: number, spend: number): void => {
      if (i === live.length) {
        const rest = left.map((x, k) => x - take[k]!);
        const tail = solve(t + 1, rest);
        const over = cap === Infinity ? 0 : Math.max(0, spend - cap);
        const cost: Cost = [over + tail[0], tail[1], spend * spend + tail[2]];
        if (best === null || better(cost, best)) {
          best = cost;
          bestTake = [...take];
        }
        return;
      }
      for (let x = lows[i]!; x <= highs[i]!; x++) {
        take[i] = x;
        rec(i + 1, spend + x * live[i]!.cents);
      }
      take[i] = 0;
    };
    rec(0, 0);
    memo.set(key, { cost: best!, take: bestTake });
    return best!;
  };
  const start = live.map((j) => j.left);
  solve(first, start);
  const plan: { job: Job; units: number; forced: boolean }[][] = [];
  const shortfalls: { t: number; forced: number; jobs: Job[] }[] = [];
  let left = start;
  for (let t = first; t <= last; t++) {
    const take = memo.get(`${t}|${left.join(",")}`)!.take!;
    const year: { job: Job; units: number; forced: boolean }[] = [];
    let spend = 0;
    const forcedJobs: Job[] = [];
    live.forEach((j, i) => {
      if (take[i]! <= 0) return;
      const forced = j.latest <= t;
      year.push({ job: j, units: take[i]!, forced });
      spend += take[i]! * j.cents;
      if (forced) forcedJobs.push(j);
    });
    // any year above its cap is reported (the least total overspend the deadlines allow)
    if (spend > capOf(t)) shortfalls.push({ t, forced: spend, jobs: forcedJobs.length > 0 ? forcedJobs : year.map((a) => a.job) });
    plan.push(year);
    left = left.map((x, i) => x - take[i]!);
  }
  const rest = live.map((j, i) => ({ ...j, left: left[i]! })).filter((j) => j.left > 0);
  return { plan, left: rest, shortfalls };
}
