// A projection year's school table, built on demand, and its cents for compareProjections.
//
// How it works: a district of 5,000 schools has 5,000 amounts per year in `bySchool`; two
// projections of ten years and their comparison made some 150,000 Money amounts and records a
// caller of a summary rarely reads. Each projection year's `bySchool` is now an own, enumerable
// getter (like a projection line's `years`) that builds the record from the engine's cents the
// first time it is read and keeps it: reading, `JSON.stringify`, `structuredClone` and deep
// equality see the same plain values as before. The cents stay recorded here, keyed by the year
// object, so that compareProjections can compare two years whose records nobody has built yet
// (nobody can have changed them) from the cents, again on demand; once a record is built, the
// record is what is read.
import type { Money } from "@districtkit/core";

/** @internal The cents behind one projection year's `bySchool` (school ids in the record's order). */
export interface SchoolCents {
  readonly ids: readonly string[];
  /** Amount of school s at `cents[offset + s]`. */
  readonly cents: Float64Array;
  readonly offset: number;
  /** Whether the year's record has been built (then the record is read, not the cents). */
  built: boolean;
}

const byYear = new WeakMap<object, SchoolCents>();

/** @internal Records the cents of a year's `bySchool` (the year object made by projectBudget). */
export function recordSchoolCents(year: object, cents: SchoolCents): void {
  byYear.set(year, cents);
}

/** @internal The cents of a year's `bySchool` when this engine made the year and its record is not built yet. */
export function schoolCentsOf(year: object): SchoolCents | undefined {
  const c = byYear.get(year);
  return c === undefined || c.built ? undefined : c;
}

/** @internal A lazily built record: `build` runs on the first call, its value is kept. */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = build();
      done = true;
    }
    return value as T;
  };
}

/** @internal Money of each school, as `bySchool` holds it. */
export type SchoolRecord = Readonly<Record<string, Money>>;
