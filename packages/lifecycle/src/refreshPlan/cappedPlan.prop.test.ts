import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CappedPlanResult, planCappedRefresh } from "./cappedPlan.js";

const FIRST = 2027;

const cohortsArb = fc.array(
  fc.record({
    count: fc.integer({ min: 0, max: 200 }),
    purchaseFiscalYear: fc.integer({ min: 2017, max: 2030 }),
    unitPrice: fc.integer({ min: 10_000, max: 100_000 }).map((c) => Money.fromCents(c).toString()),
    deadline: fc.option(fc.integer({ min: 2025, max: 2036 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 7 },
);
const policyArb = fc.record({ horizonYears: fc.integer({ min: 1, max: 8 }), minAgeYears: fc.integer({ min: 0, max: 4 }), maxAgeYears: fc.integer({ min: 4, max: 8 }) });

type PlanCohort = { id: string; count: number; purchaseFiscalYear: number; unitPrice: string; deadlineFiscalYear?: number };
const toCohorts = (cs: readonly { count: number; purchaseFiscalYear: number; unitPrice: string; deadline: number | undefined }[]): PlanCohort[] =>
  cs.map((c, i) => ({ id: `c${i}`, count: c.count, purchaseFiscalYear: c.purchaseFiscalYear, unitPrice: c.unitPrice, ...(c.deadline !== undefined ? { deadlineFiscalYear: c.deadline } : {}) }));

/** A cohort's window, written out from DOMAIN §12 (the hard deadline clamped to the first year when overdue). */
const windowOf = (c: PlanCohort, p: { minAgeYears: number; maxAgeYears: number }): { earliest: number; latest: number } => {
  const latest = Math.max(FIRST, Math.min(c.purchaseFiscalYear + p.maxAgeYears, c.deadlineFiscalYear ?? Infinity));
  return { earliest: Math.min(latest, Math.max(FIRST, c.purchaseFiscalYear + p.minAgeYears)), latest };
};

/** Reference level, by brute force over every run of years: the most units whose windows (clamped to the horizon) lie inside a run, per year of the run. */
function referenceLevel(cohorts: readonly PlanCohort[], p: { horizonYears: number; minAgeYears: number; maxAgeYears: number }): number {
  const last = FIRST + p.horizonYears - 1;
  let level = 0;
  for (let a = FIRST; a <= last; a++) {
    for (let b = a; b <= last; b++) {
      let units = 0;
      for (const c of cohorts) {
        const w = windowOf(c, p);
        if (w.earliest > last) continue;
        if (w.earliest >= a && Math.min(w.latest, last) <= b) units += c.count;
      }
      level = Math.max(level, Math.ceil(units / (b - a + 1)));
    }
  }
  return level;
}

const plannedOf = (plan: CappedPlanResult, id: string): number =>
  plan.years
    .flatMap((y) => y.allocations)
    .filter((a) => a.cohort === id)
    .reduce((n, a) => n + a.units, 0);

describe("flattened refresh plans: level, yearly units and sentence agree", () => {
  it("every eligible unit is placed in its window; the level is the peak, the lowest possible (brute force), and the sentence states the result's figures", () => {
    fc.assert(
      fc.property(cohortsArb, policyArb, fc.constantFrom("even" as const, "to-level" as const), (cs, p, fill) => {
        const cohorts = toCohorts(cs);
        let plan: CappedPlanResult;
        try {
          plan = planCappedRefresh({ firstFiscalYear: FIRST, ...p, cohorts, fill });
        } catch {
          return; // an empty window is an input error, reported as such
        }
        const last = FIRST + p.horizonYears - 1;
        // windows: nothing before the minimum age, nothing after the deadline or the horizon
        for (const y of plan.years) {
          for (const a of y.allocations) {
            const w = windowOf(cohorts.find((c) => c.id === a.cohort)!, p);
            expect(y.fiscalYear).toBeGreaterThanOrEqual(w.earliest);
            expect(y.fiscalYear).toBeLessThanOrEqual(w.latest);
          }
        }
        // every unit eligible within the horizon is placed; only units eligible after it are left out
        for (const c of cohorts) {
          const w = windowOf(c, p);
          const left = plan.unscheduled.filter((u) => u.cohort === c.id).reduce((n, u) => n + u.units, 0);
          expect(plannedOf(plan, c.id)).toBe(w.earliest <= last ? c.count : 0);
          expect(left).toBe(w.earliest <= last ? 0 : c.count);
        }
        // the level is the plan's peak in units, and no plan has a lower peak
        const units = plan.years.map((y) => y.units);
        expect(plan.level).toBe(Math.max(0, ...units));
        expect(plan.level).toBe(referenceLevel(cohorts, p));
        const placed = units.reduce((a, b) => a + b, 0);
        if (placed > 0) expect(plan.level).toBeGreaterThanOrEqual(Math.ceil(placed / p.horizonYears));
        expect(plan.years.map((y) => y.cost.toString())).toEqual(plan.years.map((y) => Money.sum(y.allocations.map((a) => a.cost)).toString()));
        expect(plan.peak.toString()).toBe(Money.max(Money.ZERO, ...plan.years.map((y) => y.cost)).toString());
        // to-level: each year takes the level while an eligible unit waits
        if (fill === "to-level") {
          for (const y of plan.years) {
            if (y.units >= plan.level!) continue;
            const waiting = cohorts.filter((c) => windowOf(c, p).earliest <= y.fiscalYear && plan.years.some((z) => z.fiscalYear > y.fiscalYear && z.allocations.some((a) => a.cohort === c.id)));
            expect(waiting).toEqual([]);
          }
        }
        // the sentence, figure by figure
        const s = plan.explanation;
        if (placed === 0) {
          expect(s).toMatch(/^Nothing to replace over FY\d{4}–FY\d{4}\./);
        } else {
          const m =
            /^Flattened (\d+) replacements over FY(\d{4})–FY(\d{4}): at most (\d+) units a year, the lowest peak that replaces every unit by its deadline \((?:(\d+) units must be replaced (?:in FY(\d{4})|within FY(\d{4})–FY(\d{4})): )?⌈(\d+) \/ (\d+)⌉ = (\d+)\); (\d+) years? at (\d+) units; peak spend (\S+)\.( (\d+) units not eligible before FY(\d{4}) \(minimum age\) are left for later\.)?$/.exec(
              s,
            );
          expect(m, s).not.toBeNull();
          const g = m!.map((x) => (x === undefined ? undefined : x));
          expect(Number(g[1])).toBe(placed);
          expect([Number(g[2]), Number(g[3])]).toEqual([FIRST, last]);
          expect(Number(g[4])).toBe(plan.level);
          const ceilN = Number(g[9]);
          const ceilD = Number(g[10]);
          expect(Math.ceil(ceilN / ceilD)).toBe(Number(g[11]));
          expect(Number(g[11])).toBe(plan.level);
          const set = plan.levelSetBy!;
          expect(ceilN).toBe(set.units);
          expect(ceilD).toBe(set.toFiscalYear - set.fromFiscalYear + 1);
          if (g[5] !== undefined) {
            expect(Number(g[5])).toBe(set.units);
            expect(g[6] !== undefined ? [Number(g[6]), Number(g[6])] : [Number(g[7]), Number(g[8])]).toEqual([set.fromFiscalYear, set.toFiscalYear]);
          } else {
            expect([set.fromFiscalYear, set.toFiscalYear]).toEqual([FIRST, last]);
          }
          expect(Number(g[12])).toBe(units.filter((u) => u === plan.level).length);
          expect(Number(g[13])).toBe(plan.level);
          expect(g[14]).toBe(plan.peak.format());
          const leftUnits = plan.unscheduled.reduce((a, u) => a + u.units, 0);
          expect(g[15] !== undefined ? Number(g[16]) : 0).toBe(leftUnits);
          if (g[15] !== undefined) expect(Number(g[17])).toBe(last + 1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("capped refresh plans", () => {
  it("never above the cap unless the year is reported, never after a deadline, every unit accounted for; the sentence states the result's figures", () => {
    fc.assert(
      fc.property(
        cohortsArb,
        policyArb,
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom("auto" as const, "earliest-deadline-first" as const),
        (cs, p, caps, method) => {
          const cohorts = toCohorts(cs);
          const cap = Object.fromEntries(caps.slice(0, p.horizonYears).map((c, i) => [String(FIRST + i), Money.fromCents(c).toString()]));
          let plan: CappedPlanResult;
          try {
            plan = planCappedRefresh({ firstFiscalYear: FIRST, ...p, cohorts, cap, method });
          } catch {
            return;
          }
          for (const y of plan.years) {
            if (y.cap && y.cost.greaterThan(y.cap)) expect(plan.shortfalls.map((s) => s.fiscalYear)).toContain(y.fiscalYear);
            for (const a of y.allocations) expect(y.fiscalYear).toBeLessThanOrEqual(windowOf(cohorts.find((c) => c.id === a.cohort)!, p).latest);
          }
          for (const c of cohorts) {
            const left = plan.unscheduled.filter((u) => u.cohort === c.id).reduce((n, u) => n + u.units, 0);
            expect(plannedOf(plan, c.id) + left).toBe(c.count);
          }
          expect(plan.level).toBeNull();
          const s = plan.explanation;
          const m =
            /^Refresh under the yearly cap, earliest deadline first: peak (\S+)(?:; hard deadlines exceed the cap in (.+?)|; every year within its cap)(?:; (\d+) units left for after the horizon)?\.( Solved exactly .*)?$/.exec(
              s,
            );
          expect(m, s).not.toBeNull();
          expect(m![1]).toBe(plan.peak.format());
          expect(plan.peak.toString()).toBe(Money.max(Money.ZERO, ...plan.years.map((y) => y.cost)).toString());
          const over = m![2] === undefined ? [] : m![2].split(", ").map((x) => /^FY(\d{4}) by (\S+)$/.exec(x)!.slice(1));
          expect(over).toEqual(plan.shortfalls.map((f) => [String(f.fiscalYear), f.over.format()]));
          for (const f of plan.shortfalls) expect(f.over.toString()).toBe(f.forced.subtract(f.cap).toString());
          expect(Number(m![3] ?? 0)).toBe(plan.unscheduled.reduce((a, u) => a + u.units, 0));
          expect(m![4] !== undefined).toBe(plan.method === "exact");
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("exact cap plans on small problems", () => {
  // Counts up to 3 in up to 4 cohorts keep Π(units + 1) ≤ 256, inside the exact search's limit
  // of 400 states (beyond it the plan falls back to earliest-deadline-first by design).
  it("are never worse than earliest-deadline-first (spend over the caps, then units left)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ count: fc.integer({ min: 0, max: 3 }), purchaseFiscalYear: fc.integer({ min: 2021, max: 2027 }), price: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
        (cs, caps) => {
          const input = {
            firstFiscalYear: 2027,
            horizonYears: 4,
            minAgeYears: 1,
            maxAgeYears: 5,
            cohorts: cs.map((c, i) => ({ id: `c${i}`, count: c.count, purchaseFiscalYear: c.purchaseFiscalYear, unitPrice: String(c.price * 100) })),
            cap: Object.fromEntries(caps.map((c, i) => [String(2027 + i), String(c * 100)])),
          };
          const exact = planCappedRefresh(input);
          const edf = planCappedRefresh({ ...input, method: "earliest-deadline-first" });
          expect(exact.method).toBe("exact");
          const over = (p: typeof exact): number => p.years.reduce((a, y) => a + Math.max(0, y.cost.toNumber() - (y.cap?.toNumber() ?? Infinity)), 0);
          const left = (p: typeof exact): number => p.unscheduled.reduce((a, u) => a + u.units, 0);
          expect(over(exact)).toBeLessThanOrEqual(over(edf) + 1e-9);
          if (Math.abs(over(exact) - over(edf)) < 1e-9) expect(left(exact)).toBeLessThanOrEqual(left(edf));
          for (const y of exact.years) if (y.cap && y.cost.greaterThan(y.cap)) expect(exact.shortfalls.map((x) => x.fiscalYear)).toContain(y.fiscalYear);
        },
      ),
      { numRuns: 150 },
    );
  });
});
