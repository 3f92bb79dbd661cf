import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortArb, forecastInputArb, MODELS } from "../../test/arbitraries.js";
import { expandDevices, perDeviceExpected } from "../../test/perDevice.js";
import { forecastReplacements } from "./expected.js";
import { MONTE_CARLO_METRICS, mergeMonteCarloChunks, simulateForecastChunk } from "./monteCarlo.js";

const M = (name: (typeof MONTE_CARLO_METRICS)[number]): number => MONTE_CARLO_METRICS.indexOf(name);
const NM = MONTE_CARLO_METRICS.length;

describe("forecast invariants (INVARIANTS.md lifecycle)", () => {
  it("stock–flow holds for every year and cohort group, counts are never negative", () => {
    fc.assert(
      fc.property(forecastInputArb, (input) => {
        const r = forecastReplacements({ ...input, groupBy: ["school", "model", "role"] });
        for (const row of [...r.rows, ...r.summary]) {
          expect(row.inServiceEnd).toBeCloseTo(row.inServiceStart - row.plannedRetirements - row.failures - row.losses + row.purchases.total, 6);
          for (const v of [row.inServiceStart, row.inServiceEnd, row.failures, row.losses, row.plannedRetirements, row.purchases.total]) expect(v).toBeGreaterThanOrEqual(-1e-9);
        }
        for (let i = 1; i < r.summary.length; i++) expect(r.summary[i]!.inServiceStart).toBeCloseTo(r.summary[i - 1]!.inServiceEnd, 6);
      }),
      { numRuns: 100 },
    );
  });

  it("Monte Carlo trials are whole, non-negative and keep stock–flow exactly", () => {
    fc.assert(
      fc.property(forecastInputArb, fc.integer(), (input, seed) => {
        const initial = (input.cohorts ?? []).reduce((n, c) => n + c.count, 0);
        const chunk = simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: 5 });
        for (const v of chunk.values) {
          let prev = initial;
          for (let y = 0; y < chunk.years.length; y++) {
            const at = (m: (typeof MONTE_CARLO_METRICS)[number]): number => v[y * NM + M(m)]!;
            for (const m of MONTE_CARLO_METRICS) expect(Number.isInteger(at(m)) && (m === "net" || at(m) >= 0)).toBe(true);
            expect(at("inServiceEnd")).toBe(prev - at("plannedRetirements") - at("failures") - at("losses") + at("purchases"));
            prev = at("inServiceEnd");
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("same seed, same result; trials do not depend on how they are chunked", () => {
    fc.assert(
      fc.property(forecastInputArb, fc.integer(), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 11 }), (input, seed, a, b) => {
        const cut1 = Math.min(a, b);
        const cut2 = Math.max(a, b) + 1;
        const whole = simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: 13 });
        const parts = mergeMonteCarloChunks([
          simulateForecastChunk(input, { seed, trialStart: cut2, trialEnd: 13 }),
          simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: cut1 }),
          simulateForecastChunk(input, { seed, trialStart: cut1, trialEnd: cut2 }),
        ]);
        expect(parts.values).toEqual(whole.values);
        expect(simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: 13 }).values).toEqual(whole.values);
      }),
      { numRuns: 40 },
    );
  });

  it("the expected forecast equals the Monte Carlo mean within a tolerance that shrinks with the trials", () => {
    fc.assert(
      fc.property(forecastInputArb, fc.integer(), (input, seed) => {
        const T = 400;
        const e = forecastReplacements(input);
        const chunk = simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: T });
        e.summary.forEach((y, i) => {
          for (const [metric, expected] of [
            ["failures", y.failures],
            ["losses", y.losses],
            ["inServiceEnd", y.inServiceEnd],
            ["capital", y.capital.toCents()],
          ] as const) {
            const xs = chunk.values.map((v) => v[i * NM + M(metric)]!);
            const mean = xs.reduce((s, x) => s + x, 0) / T;
            const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (T - 1));
            // 5 standard errors, plus a small slack for the integer effects of growth/caps (none here) and rounding
            expect(Math.abs(mean - expected)).toBeLessThanOrEqual((5 * sd) / Math.sqrt(T) + 1e-6 * Math.abs(expected) + 1);
          }
        });
      }),
      // A statistical check: with a rare event, all 400 trials can draw zero (sample sd 0) a few
      // times in a hundred, so the run is pinned to one seed to keep CI deterministic.
      { numRuns: 25, seed: 20261125 },
    );
  });

  it("P10 ≤ P50 ≤ P90 everywhere", async () => {
    const { summarizeMonteCarlo } = await import("./monteCarlo.js");
    fc.assert(
      fc.property(forecastInputArb, fc.integer(), (input, seed) => {
        const s = summarizeMonteCarlo(simulateForecastChunk(input, { seed, trialStart: 0, trialEnd: 30 }));
        for (const y of s.years) {
          for (const m of Object.values(y.counts)) expect(m.quantiles[0]! <= m.quantiles[1]! && m.quantiles[1]! <= m.quantiles[2]!).toBe(true);
          for (const m of Object.values(y.spend)) expect(m.quantiles[0]!.lessThanOrEqual(m.quantiles[1]!) && m.quantiles[1]!.lessThanOrEqual(m.quantiles[2]!)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("under a refresh cap: never above the cap unless reported, never after a hard deadline", () => {
    fc.assert(
      fc.property(forecastInputArb, fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 8, maxLength: 8 }), (input, caps) => {
        const cap = Object.fromEntries(caps.map((c, i) => [String(2027 + i), String(c)]));
        const r = forecastReplacements({ ...input, refreshBudgetCap: cap });
        for (const y of r.summary) {
          const refresh = Money.sum(r.spendByCategory.filter((l) => l.kind === "refresh").map((l) => l.amounts[String(y.fiscalYear)] ?? Money.ZERO));
          const limit = Money.of(cap[String(y.fiscalYear)]!);
          if (refresh.greaterThan(limit.add("0.01"))) expect(r.capShortfalls.map((s) => s.fiscalYear)).toContain(y.fiscalYear);
        }
        for (const c of r.cohorts) {
          if (c.hardDeadline === null) continue;
          for (const year of Object.keys(c.retiredByYear)) expect(Number(year)).toBeLessThanOrEqual(Math.max(c.hardDeadline, r.years[0]!));
        }
      }),
      { numRuns: 80 },
    );
  });

  it("the cohort engine agrees with a per-device loop on the same inventory (brute force)", () => {
    const plain = MODELS.map((m) => ({ id: m.id, category: m.category, unitPrice: m.unitPrice, expectedLifeYears: 4 }));
    fc.assert(
      fc.property(fc.array(cohortArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 6 }), (cohorts, pct, horizon) => {
        const input = {
          asOf: "2026-07-01",
          horizonYears: horizon,
          models: plain,
          cohorts: cohorts.map((c) => ({ ...c, count: Math.min(c.count, 30) })),
          failure: { default: { failure: { kind: "annual" as const, malfunction: pct / 100 }, lossRate: 0.01 } },
        };
        const r = forecastReplacements(input);
        const ref = perDeviceExpected(expandDevices(input), 4);
        r.summary.forEach((y, i) => {
          expect(y.failures).toBeCloseTo(ref[i * 3]!, 6);
          expect(y.plannedRetirements).toBeCloseTo(ref[i * 3 + 1]!, 6);
          expect(Math.abs(y.capital.toCents() - ref[i * 3 + 2]!)).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 60 },
    );
  });
});
