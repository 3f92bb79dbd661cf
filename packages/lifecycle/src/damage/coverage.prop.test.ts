import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeDamageCoverageChunks, simulateDamageCoverageChunk, summarizeDamageCoverage } from "./coverage.js";

const inputArb = fc
  .record({
    devices: fc.integer({ min: 0, max: 300 }),
    nslpShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rate: fc.double({ min: 0, max: 2, noNaN: true }),
    costs: fc.array(
      fc.integer({ min: 0, max: 50_000 }).map((c) => (c / 100).toFixed(2)),
      { minLength: 1, maxLength: 4 },
    ),
    copay: fc.integer({ min: 0, max: 100 }).map(String),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    limit: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  .map((r) => ({
    devices: r.devices,
    nslpDevices: Math.floor(r.devices * r.nslpShare),
    incidents: [{ kind: "any", perDeviceYear: r.rate, costs: r.costs }],
    options: [
      { kind: "selfInsurance", id: "self", name: "Self" },
      {
        kind: "protectionPlan",
        id: "plan",
        name: "Plan",
        premiumPerDevice: "9.99",
        copay: r.copay,
        coverageShare: r.share,
        ...(r.limit === undefined ? {} : { claimsPerDeviceYear: r.limit }),
        copayPaidBy: "family",
      },
      {
        kind: "familyFee",
        id: "fee",
        name: "Fee",
        annualFee: { standard: "25", nslp: "10" },
        strikes: [
          { standard: "10", nslp: "0" },
          { standard: "fullCost", nslp: "20" },
        ],
        collectionRate: 0.8,
      },
    ],
  }));

describe("damage-coverage Monte Carlo", () => {
  it("any split into chunks, merged in any order, gives the values and the summary of one run", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 39 }), { maxLength: 4 }),
        fc.oneof(fc.integer(), fc.string({ minLength: 1 })),
        (input, trials, cuts, seed) => {
          const bounds = [...new Set([0, ...cuts.filter((c) => c < trials), trials])].sort((a, b) => a - b);
          const chunks = bounds.slice(1).map((end, i) => simulateDamageCoverageChunk(input, { seed, trialStart: bounds[i]!, trialEnd: end }));
          const whole = simulateDamageCoverageChunk(input, { seed, trialStart: 0, trialEnd: trials });
          const merged = mergeDamageCoverageChunks([...chunks].reverse());
          expect(merged.values).toEqual(whole.values);
          expect(summarizeDamageCoverage(input, merged)).toEqual(summarizeDamageCoverage(input, whole));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("in every trial, each option's parties pay the repairs plus the premiums, and the plan never pays more than the repairs", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const c = simulateDamageCoverageChunk(input, { seed, trialStart: 0, trialEnd: 5 });
        for (const v of c.values) {
          for (let i = 0; i < 3; i++) {
            const [d, s, n, p, prem] = v.slice(1 + i * 5, 6 + i * 5) as [number, number, number, number, number];
            expect(d + s + n + p).toBe(v[0]! + prem);
            expect(p).toBeLessThanOrEqual(v[0]!);
            expect(Math.min(s, n, p, prem)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
