// The cohorts of a refresh plan as jobs with a window of fiscal years, and the earliest-deadline-
// first fill that both plan modes run (DOMAIN-lifecycle.md §12). Internal: not exported.
import type { Money } from "@districtkit/core";

/** A cohort to replace: `left` units, each in one fiscal year of `[earliest, latest]`. */
export interface Job {
  id: string;
  index: number;
  left: number;
  earliest: number;
  /** the hard deadline (maximum age or the cohort's own deadline; the first year when overdue) */
  latest: number;
  /** the year by which the fill must place it: `latest`, or the last year when it has to be done within the horizon */
  due: number;
  purchase: number;
  price: Money;
  cents: number;
}

/** One year's placement of a cohort's units. */
export interface Allocation {
  job: Job;
  units: number;
  /** placed because its deadline is this year */
  forced: boolean;
}

/** What a fill placed: a list of allocations per year, what is left, and the years whose forced units exceed the cap. */
export interface Fill {
  plan: Allocation[][];
  left: Job[];
  shortfalls: { t: number; forced: number; jobs: Job[] }[];
}

/** Earliest deadline first, then earlier purchase year, then cohort id, then input order. */
export function byDeadline(a: Job, b: Job): number {
  return a.due - b.due || a.latest - b.latest || a.purchase - b.purchase || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index);
}

/**
 * How many units a year may take after its forced units: a money cap (cents), a level of units,
 * or the least even rate that still meets every deadline ahead (never above the level).
 */
export type Target = { kind: "cap"; capOf: (t: number) => number } | { kind: "level"; level: number } | { kind: "even"; level: number };

/**
 * The earliest-deadline-first fill (DOMAIN §12): years in order; first every unit due this year
 * (forced, even above the target), then eligible units by {@link byDeadline} up to the target.
 */
export function fillEarliestDeadlineFirst(jobs: readonly Job[], first: number, last: number, target: Target): Fill {
  const js = jobs.map((j) => ({ ...j })).sort(byDeadline);
  const plan: Allocation[][] = [];
  const shortfalls: Fill["shortfalls"] = [];
  for (let t = first; t <= last; t++) {
    const year: Allocation[] = [];
    let units = 0;
    let spent = 0;
    const forcedJobs: Job[] = [];
    for (const j of js) {
      if (j.left > 0 && j.due <= t) {
        year.push({ job: j, units: j.left, forced: true });
        units += j.left;
        spent += j.left * j.cents;
        forcedJobs.push(j);
        j.left = 0;
      }
    }
    const cap = target.kind === "cap" ? target.capOf(t) : Infinity;
    if (spent > cap) shortfalls.push({ t, forced: spent, jobs: forcedJobs });
    const room = target.kind === "level" ? target.level : target.kind === "even" ? Math.min(target.level, evenRate(js, t, units)) : Infinity;
    for (const j of js) {
      if (j.left <= 0 || j.earliest > t) continue;
      let k = j.left;
      if (room !== Infinity) k = Math.min(k, Math.max(0, room - units));
      else if (cap !== Infinity && j.cents > 0) k = Math.min(k, Math.max(0, Math.floor((cap - spent) / j.cents)));
      if (k <= 0) continue;
      year.push({ job: j, units: k, forced: false });
      units += k;
      spent += k * j.cents;
      j.left -= k;
    }
    plan.push(year);
  }
  return { plan, left: js.filter((j) => j.left > 0), shortfalls };
}

/** The least whole number of units a year, from year t on, that places every unit by its due year (`forced` already placed this year). */
function evenRate(js: readonly Job[], t: number, forced: number): number {
  let rate = forced;
  let dueBy = forced;
  const ahead = js.filter((j) => j.left > 0).sort((a, b) => a.due - b.due);
  for (let i = 0; i < ahead.length; i++) {
    dueBy += ahead[i]!.left;
    const d = ahead[i]!.due;
    if (i + 1 < ahead.length && ahead[i + 1]!.due === d) continue;
    rate = Math.max(rate, Math.ceil(dueBy / (d - t + 1)));
  }
  return rate;
}

/** Units placed in a year. */
export function unitsOf(year: readonly Allocation[]): number {
  let n = 0;
  for (const a of year) n += a.units;
  return n;
}
