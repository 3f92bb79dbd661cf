import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { erlangB, erlangBLog, licensesForBlocking, peakConcurrency } from "./concurrency.js";

// LC-6 — Erlang B values from public test suites (recomputed), DOMAIN-licenses.md §6.
describe("LC-6 Erlang B", () => {
  it.each([
    [5, 1, 0.8333333333333334],
    [20, 10, 0.5379631686320729],
    [200, 190, 0.08869684386923561],
  ])("B(%d, %d) = %d", (a, m, expected) => {
    expect(erlangB(a, m)).toBeCloseTo(expected, 14);
    expect(Math.abs(erlangB(a, m) - expected) / expected).toBeLessThan(1e-12);
  });
  it("B(123, 132) ≈ 0.0312", () => {
    expect(erlangB(123, 132)).toBeCloseTo(0.0312, 4);
  });
  it.each([
    [120, 100, -1.62826407041],
    [20, 100, -84.1661482002],
    [10000, 100, -0.01004931575],
  ])("ln B(%d, %d) = %d (to the published digits)", (a, m, expected) => {
    // The published values are cut to 10–11 decimals (−0.01004931575 is truncated from
    // −0.010049315758111…): compare to one unit of the last published digit.
    const decimals = String(expected).split(".")[1]!.length;
    expect(Math.abs(erlangBLog(a, m) - expected)).toBeLessThan(10 ** -decimals);
    expect(Math.abs(erlangBLog(a, m) - Math.log(erlangB(a, m)))).toBeLessThan(1e-12 * Math.abs(erlangBLog(a, m)) + 1e-15);
  });
  it("B(A, 0) = 1 and B decreases with more licences", () => {
    expect(erlangB(7, 0)).toBe(1);
    for (let m = 1; m < 40; m++) expect(erlangB(12, m)).toBeLessThan(erlangB(12, m - 1));
  });
  it("sizes licences for a blocking target", () => {
    const r = licensesForBlocking({ arrivalRate: 2, meanHoldingTime: 10, targetBlocking: 0.01 });
    expect(r.licenses).toBe(30);
    expect(erlangB(20, 29)).toBeGreaterThan(0.01);
    expect(r.utilization).toBeCloseTo((20 * (1 - r.blocking)) / 30, 12);
  });
  it("rejects a negative load", () => {
    expect(() => erlangB(-1, 3)).toThrow(DistrictKitError);
  });
});

// LC-1 — computed with the half-open rule of §5.
describe("LC-1 peak concurrency by sweep line", () => {
  const sessions = [
    [480, 510],
    [490, 530],
    [500, 505],
    [510, 540],
    [525, 550],
    [540, 560],
  ].map(([start, end]) => ({ start: start!, end: end! }));
  it("finds peak 3 and 20/50/10 minutes at levels 1/2/3 over 80 minutes", () => {
    const r = peakConcurrency({ sessions });
    expect(r.peak).toBe(3);
    expect(r.span).toBe(80);
    expect(r.timeAtLevel.filter((x) => x.level > 0).map((x) => x.duration)).toEqual([20, 50, 10]);
  });
  it("treats back-to-back sessions as not overlapping (half-open, the default)", () => {
    const r = peakConcurrency({
      sessions: [
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ],
    });
    expect([r.peak, r.intervals]).toEqual([1, "half-open"]);
    expect(r.sentence).toContain("half-open [start, end)");
  });
  it("counts sessions that touch as overlapping when intervals are closed, and a zero-length one once", () => {
    expect(
      peakConcurrency({
        sessions: [
          { start: 0, end: 10 },
          { start: 10, end: 20 },
        ],
        intervals: "closed",
      }).peak,
    ).toBe(2);
    expect(peakConcurrency({ sessions: [{ start: 5, end: 5 }] }).peak).toBe(0);
    expect(peakConcurrency({ sessions: [{ start: 5, end: 5 }], intervals: "closed" }).peak).toBe(1);
    // LC-1 under the closed rule: the meetings at 08:30 and 09:00 do not raise the peak of 3
    expect(peakConcurrency({ sessions, intervals: "closed" }).peak).toBe(3);
  });
  it("reports the nearest-rank percentile of daily peaks", () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n, i) => Array.from({ length: n }, () => ({ start: 0, end: 5, day: `d${String(i).padStart(2, "0")}` })));
    expect(peakConcurrency({ sessions: days, percentile: 0.9 }).percentilePeak).toBe(9);
    expect(peakConcurrency({ sessions: days, percentile: 0.95 }).percentilePeak).toBe(10);
  });
});
