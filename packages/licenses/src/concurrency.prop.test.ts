import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peakConcurrency } from "./concurrency.js";

// The sweep line against the definition: the peak is the most sessions holding at one instant,
// and it is reached at some session's start (half-open) or at a start or an end (closed): count,
// at every such instant, the sessions with start ≤ x < end (half-open) or start ≤ x ≤ end (closed).
const sessionsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom("a", "b", "c")).map(([start, len, day]) => ({ start, end: start + len, day })),
  { maxLength: 25 },
);

function peakByDefinition(sessions: readonly { start: number; end: number }[], closed: boolean): number {
  let peak = 0;
  for (const at of sessions.flatMap((s) => [s.start, s.end])) {
    const n = sessions.filter((s) => s.start <= at && (closed ? at <= s.end : at < s.end)).length;
    peak = Math.max(peak, n);
  }
  return peak;
}

describe("peakConcurrency", () => {
  it("equals the most sessions holding at one instant, for half-open and closed intervals, overall and per day", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        for (const intervals of ["half-open", "closed"] as const) {
          const closed = intervals === "closed";
          const r = peakConcurrency({ sessions, intervals });
          expect(r.peak).toBe(peakByDefinition(sessions, closed));
          for (const d of r.dailyPeaks)
            expect(d.peak).toBe(
              peakByDefinition(
                sessions.filter((s) => s.day === d.day),
                closed,
              ),
            );
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives closed intervals a peak at least the half-open one, and the same time at each level above 0", () => {
    fc.assert(
      fc.property(sessionsArb, (sessions) => {
        const open = peakConcurrency({ sessions });
        const closed = peakConcurrency({ sessions, intervals: "closed" });
        expect(closed.peak).toBeGreaterThanOrEqual(open.peak);
        // (zero-length sessions count under the closed rule, so the span — and the time at level 0 — may grow)
        const positive = (r: typeof open) => r.timeAtLevel.filter((x) => x.duration > 0 && x.level > 0);
        expect(positive(closed)).toEqual(positive(open));
      }),
      { numRuns: 200 },
    );
  });
});
