// The solver's hidden classes, kept from one optimization to the next.
//
// Why: V8 forgets a hidden class once the last object that has it is collected, and throws away
// the optimized code that checks it ("weak objects" deoptimizations). Every optimizeLicenses call
// makes its solver objects afresh (ProductSolver, Mix, TupleCurve, Curve, Envelope, Hull,
// RangeHull, YearLp, CoverProblem, the tuple walk) and drops them all when it returns, so after the
// next garbage collection the whole solver was re-optimized on every call: P1 spent about a fifth
// of its time there, and a call never ran at the speed of a warm one.
//
// How: each class's constructor hands its instance to `holdLatest`, which keeps the most recent one
// of each class (an instance is small: none of these classes refers to the whole model), so the
// hidden class is always alive and is the one new instances get, even after a field's
// representation changed. ProductSolver refers to the whole model, so it is not held this way: one
// empty solver is made at load and kept (`keepAlive`). The array below is read by the functions
// here, so it lives as long as the module does — a bare module constant would not: bundled (tsup),
// a constant no function reads is a dead local and is collected.
// Checked by test/builtPackage.test.ts: the built package, traced, loses no solver code this way.

/** The classes whose latest instance is held: one slot each. */
export const SHAPE = {
  hull: 0,
  rangeHull: 1,
  curve: 2,
  envelope: 3,
  tupleCurve: 4,
  mix: 5,
  walk: 6,
  cover: 7,
  yearLp: 8,
} as const;

const held: object[] = [];
const latest: object[] = Object.values(SHAPE).map(() => held);

/** Keeps `x` as the latest instance of its class (see the header). */
export function holdLatest(slot: (typeof SHAPE)[keyof typeof SHAPE], x: object): void {
  latest[slot] = x;
}

/** Holds `x` for the life of the process and returns it. */
export function keepAlive<T extends object>(x: T): T {
  held.push(x);
  return x;
}
