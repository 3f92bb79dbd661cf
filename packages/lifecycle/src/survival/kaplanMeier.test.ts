import { DistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { kaplanMeier, survivalAt } from "./kaplanMeier.js";

// KM-1 (DOMAIN-lifecycle.md §14): reliability (Python) docs, "Kaplan-Meier", Example 1;
// identical in R survival::survfit. 95 % intervals.
const FAILURES = [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900];
const CENSORED = [3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400];
// t, at risk, S, plain lower, plain upper, log-log lower, log-log upper
const KM1: [number, number, number, number, number, number, number][] = [
  [5248, 28, 0.964286, 0.895548, 1, 0.7724, 0.9949],
  [7454, 25, 0.925714, 0.826513, 1, 0.7339, 0.9809],
  [16890, 23, 0.885466, 0.76317, 1, 0.6848, 0.9617],
  [17200, 22, 0.845217, 0.705334, 0.985101, 0.6377, 0.9391],
  [38700, 17, 0.795499, 0.633417, 0.95758, 0.5727, 0.9104],
  [45000, 15, 0.742465, 0.560893, 0.924037, 0.5082, 0.8772],
  [49390, 13, 0.685353, 0.48621, 0.884496, 0.4425, 0.8394],
  [69040, 10, 0.616817, 0.396904, 0.836731, 0.364, 0.7937],
  [72280, 8, 0.539715, 0.300949, 0.778481, 0.2826, 0.7401],
  [131900, 2, 0.269858, 0, 0.662446, 0.0187, 0.6496],
];

describe("kaplanMeier — published vector KM-1", () => {
  const km = kaplanMeier({ failures: FAILURES, censored: CENSORED });
  it.each(KM1)("t = %d: at risk, S and the plain and log-log intervals", (t, n, s, pl, pu, ll, lu) => {
    const step = km.steps.find((x) => x.time === t)!;
    expect(step.atRisk).toBe(n);
    expect(Math.abs(step.survival - s)).toBeLessThan(1e-6);
    expect(Math.abs(step.plain.lower - pl)).toBeLessThan(1e-6);
    expect(Math.abs(step.plain.upper - pu)).toBeLessThan(1e-6);
    expect(Math.abs(step.logLog.lower - ll)).toBeLessThan(1e-4);
    expect(Math.abs(step.logLog.upper - lu)).toBeLessThan(1e-4);
    expect(step.linear).toBe(step.plain); // the older name of R's "plain"
  });
  it("is 1 before the first failure and holds its last value after a censored last observation", () => {
    expect(survivalAt(km, 5000)).toBe(1);
    expect(Math.abs(survivalAt(km, 150400) - 0.269858)).toBeLessThan(1e-6);
    expect(Math.abs(survivalAt(km, 1e9) - 0.269858)).toBeLessThan(1e-6);
    expect(km.failures).toBe(10);
    expect(km.censored).toBe(21);
  });
  it("without the censored data falls by tenths to 0 with the published plain intervals (KM-1, second part)", () => {
    const plain = [
      [0.714061, 1],
      [0.552082, 1],
      [0.415974, 0.984026],
      [0.296364, 0.903636],
      [0.190102, 0.809898],
      [0.0963637, 0.703636],
      [0.0159742, 0.584026],
      [0, 0.447918],
      [0, 0.285939],
      [0, 0],
    ];
    const k = kaplanMeier({ failures: FAILURES });
    k.steps.forEach((step, i) => {
      expect(Math.abs(step.survival - (0.9 - 0.1 * i))).toBeLessThan(1e-9);
      expect(Math.abs(step.plain.lower - plain[i]![0]!)).toBeLessThan(1e-6);
      expect(Math.abs(step.plain.upper - plain[i]![1]!)).toBeLessThan(1e-6);
    });
    expect(k.steps[9]!.logLog).toEqual({ lower: 0, upper: 0 });
  });
});

describe("kaplanMeier — conventions", () => {
  it("keeps a subject censored at t at risk for a failure at t", () => {
    const km = kaplanMeier({ failures: [2], censored: [2, 3] });
    expect(km.steps[0]!.atRisk).toBe(3);
    expect(km.steps[0]!.censored).toBe(1);
  });
  it("does not count a subject entering at exactly t at risk for a failure at t (late entry)", () => {
    const km = kaplanMeier({
      observations: [
        { time: 2, failed: true },
        { time: 5, failed: false, entry: 2 },
        { time: 4, failed: true, entry: 1 },
      ],
    });
    expect(km.steps[0]!.atRisk).toBe(2); // the subject entering at 2 is not at risk at 2
    expect(km.steps[1]!.atRisk).toBe(2);
    expect(km.steps[1]!.survival).toBeCloseTo(0.25, 12);
  });
  it("returns the point for the log and log-log intervals while S = 1 (no failures yet)", () => {
    const km = kaplanMeier({ failures: [1], censored: Array.from({ length: 5 }, () => 2) });
    expect(km.steps[0]!.log.upper).toBeLessThanOrEqual(1);
  });
  it("agrees with R's log interval (S·exp(±zσ)) at the first KM-1 step", () => {
    const km = kaplanMeier({ failures: FAILURES, censored: CENSORED });
    const s = km.steps[0]!;
    const sigma = Math.sqrt(1 / (28 * 27));
    expect(s.log.lower).toBeCloseTo(0.964286 * Math.exp(-1.959963984540054 * sigma), 6);
    expect(s.log.upper).toBe(1);
  });
  it("refuses no observations, negative times and an entry after the time", () => {
    expect(() => kaplanMeier({})).toThrow(DistrictKitError);
    expect(() => kaplanMeier({ failures: [-1] })).toThrow(DistrictKitError);
    expect(() => kaplanMeier({ observations: [{ time: 1, failed: true, entry: 2 }] })).toThrow(DistrictKitError);
  });
});
