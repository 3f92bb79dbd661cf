// Model-based test (fc.commands): a district's fleet over the years. The model is a plain
// reference of the refresh rules (cycle, AUE with successor models); the real system is the
// expected forecast run one year at a time from each new as-of date. After every year the
// engine's retirements, purchases and fleet must match the model.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CohortInput, DeviceModelInput } from "../schema.js";
import { forecastReplacements } from "./expected.js";

const MODELS: DeviceModelInput[] = [
  { id: "cb", category: "chromebook", unitPrice: "300", expectedLifeYears: 4, autoUpdateExpiration: "2030-06", replacementModel: "cb2" },
  { id: "cb2", category: "chromebook", unitPrice: "320", expectedLifeYears: 4, autoUpdateExpiration: "2040-06" },
  { id: "lap", category: "windows-laptop", unitPrice: "850", expectedLifeYears: 6 },
];
const LIFE: Record<string, number> = { cb: 4, cb2: 4, lap: 6 };
const AUE_FY: Record<string, number> = { cb: 2031, cb2: 2041, lap: Infinity };
const NEXT: Record<string, string> = { cb: "cb2", cb2: "cb2", lap: "lap" };

interface Fleet {
  year: number; // current fiscal year (the as-of date is its first day)
  cohorts: CohortInput[];
}
// due at the later of this year and min(cycle, AUE); a cohort bought this year waits at least a year
const planned = (c: CohortInput, year: number): number =>
  Math.max(year, Math.min(c.purchaseFiscalYear + LIFE[c.model]!, AUE_FY[c.model]!), c.purchaseFiscalYear >= year ? c.purchaseFiscalYear + 1 : -Infinity);

class Buy implements fc.Command<Fleet, { ok: true }> {
  constructor(
    readonly model: string,
    readonly school: string,
    readonly count: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Fleet): void {
    m.cohorts.push({ model: this.model, school: this.school, role: "student", purchaseFiscalYear: m.year, count: this.count });
  }
  toString(): string {
    return `buy ${this.count} ${this.model} at ${this.school}`;
  }
}

class AdvanceYear implements fc.Command<Fleet, { ok: true }> {
  check(): boolean {
    return true;
  }
  run(m: Fleet): void {
    const r = forecastReplacements({
      asOf: `${m.year - 1}-07-01`,
      horizonYears: 1,
      models: MODELS,
      cohorts: m.cohorts,
      failure: { default: { failure: { kind: "annual" } } },
    });
    const y = r.summary[0]!;
    const due = m.cohorts.filter((c) => planned(c, m.year) === m.year);
    const retired = due.reduce((n, c) => n + c.count, 0);
    const total = m.cohorts.reduce((n, c) => n + c.count, 0);
    expect(y.fiscalYear).toBe(m.year);
    expect(y.plannedRetirements).toBe(retired);
    expect(y.purchases.refresh).toBe(retired);
    expect(y.inServiceEnd).toBe(total);
    // the model moves on: retired cohorts are replaced by their successor, bought this year
    const next: CohortInput[] = m.cohorts.filter((c) => planned(c, m.year) !== m.year);
    const bought = new Map<string, CohortInput>();
    for (const c of due) {
      const key = `${NEXT[c.model]}|${c.school}`;
      const b = bought.get(key) ?? { model: NEXT[c.model]!, school: c.school, role: "student", purchaseFiscalYear: m.year, count: 0 };
      b.count += c.count;
      bought.set(key, b);
    }
    m.cohorts = [...next, ...bought.values()].filter((c) => c.count > 0);
    m.year += 1;
  }
  toString(): string {
    return "advance one year";
  }
}

describe("a fleet over the years (model-based)", () => {
  it("matches the reference rules year after year", () => {
    const commands = [fc.tuple(fc.constantFrom("cb", "cb2", "lap"), fc.constantFrom("A", "B"), fc.integer({ min: 1, max: 300 })).map(([m, s, n]) => new Buy(m, s, n)), fc.constant(new AdvanceYear())];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 25 }), (cmds) => {
        const model: Fleet = { year: 2028, cohorts: [{ model: "cb", school: "A", role: "student", purchaseFiscalYear: 2022, count: 100 }] };
        fc.modelRun(() => ({ model, real: { ok: true } }), cmds);
      }),
      { numRuns: 100 },
    );
  });
});
