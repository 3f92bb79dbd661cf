// Objects held for the life of the process, so that V8 keeps their hidden classes.
//
// Why: V8 forgets a hidden class once the last object that has it is collected, and throws away
// the optimized code that checks it ("weak objects" deoptimizations). The forecast's hot loops read
// objects made afresh by every call (Compiled, Intake, Resolver, Groups, the sink and scratch);
// with one empty instance of each held here, their hidden classes outlive each forecast and the
// simulation is optimized once. A module-level constant alone is not enough: bundled into one file
// (tsup, the published build), a constant that no function reads is a dead local of the module's
// top-level code and is collected with the first garbage collection — the published package then
// re-optimized the simulation on every forecast (L1 in the built package: ×1.7 to ×2.4 slower
// than the sources). This array is read by the function below, which keeps it alive.

const HELD: object[] = [];

/** Holds `x` for the life of the process and returns it. */
export function keepAlive<T extends object>(x: T): T {
  HELD.push(x);
  return x;
}
