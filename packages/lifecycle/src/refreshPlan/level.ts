// The level of a flattened refresh plan: the fewest units a year that replace every unit within
// its window and within the horizon. Internal: not exported.
import type { Job } from "./jobs.js";

/** The level and the run of years that sets it. */
export interface Level {
  /** units a year */
  level: number;
  /** the years whose units set the level: every unit whose window lies within them must be replaced in them */
  from: number;
  to: number;
  /** units whose window lies within `from`…`to` */
  units: number;
}

/**
 * The smallest yearly number of units with which every unit is replaced in its window
 * `[earliest, due]`. Unit jobs with windows of whole years fit under a level L exactly when, for
 * every run of years a…b, the units whose window lies inside a…b number at most L·(b − a + 1)
 * (Hall's condition; for windows that are intervals, runs of years are the only sets to check), so
 * the level is the largest `⌈units(a…b) / (b − a + 1)⌉`. The run over the whole horizon gives
 * `⌈Σ n / horizon⌉`; a shorter run sets a higher level when deadlines crowd units into it. Ties go
 * to the whole horizon, then to the earliest and shortest run. O(H² + cohorts).
 */
export function flattenLevel(jobs: readonly Job[], first: number, last: number): Level {
  const H = last - first + 1;
  // count[a * H + b]: units whose window is exactly [first + a, first + b]; then summed into
  // inside[a][b] = units whose window lies within [first + a, first + b]
  const inside = new Float64Array(H * H);
  let total = 0;
  for (const j of jobs) {
    if (j.left <= 0 || j.earliest > last) continue;
    const k = (j.earliest - first) * H + (j.due - first);
    inside[k] = inside[k]! + j.left;
    total += j.left;
  }
  for (let a = H - 1; a >= 0; a--) {
    for (let b = a; b < H; b++) {
      let v = inside[a * H + b]!;
      if (b > a) v += inside[a * H + b - 1]!; // windows ending earlier
      if (a + 1 < H && b >= a + 1) v += inside[(a + 1) * H + b]!; // windows starting later
      if (a + 1 < H && b - 1 >= a + 1) v -= inside[(a + 1) * H + b - 1]!; // counted twice
      inside[a * H + b] = v;
    }
  }
  let best: Level = { level: Math.ceil(total / H), from: first, to: last, units: total };
  for (let a = 0; a < H; a++) {
    for (let b = a; b < H; b++) {
      const units = inside[a * H + b]!;
      const level = Math.ceil(units / (b - a + 1));
      if (level > best.level) best = { level, from: first + a, to: first + b, units };
    }
  }
  return best;
}
