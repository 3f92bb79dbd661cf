import { DistrictKitError } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "./kaplanMeier.js";
import { kaplanMeierAt } from "./kaplanMeierAt.js";

// R 4.2.2 / survival 3.5-3, run here: packages/lifecycle/test/r/kaplan-meier-at.R —
// summary(survfit(…, conf.type = c("plain", "log", "log-log")), times = t, extend = TRUE).
// Columns: t, R's n.risk, S, std.err, plain lower/upper, log lower/upper, log-log lower/upper
// (null where R prints NA: the log-log interval at S = 1 after t = 0; there we return the point).
type Row = [number, number, number, number, number, number, number, number, number | null, number | null];
const KM1_FAILURES = [5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900];
const KM1_CENSORED = [3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350, 78470, 91680, 105700, 106300, 150400];
const KM1_R: Row[] = [
  [0, 31, 1, 0, 1, 1, 1, 1, 1, 1],
  [3961, 31, 1, 0, 1, 1, 1, 1, null, null],
  [4000, 30, 1, 0, 1, 1, 1, 1, null, null],
  [5248, 28, 0.964285714286, 0.0350707323594, 0.89554834195, 1, 0.8979410622145, 1, 0.7724373376096, 0.994890776585],
  [6000, 27, 0.964285714286, 0.0350707323594, 0.89554834195, 1, 0.8979410622145, 1, 0.7724373376096, 0.994890776585],
  [7454, 25, 0.925714285714, 0.0506139565214, 0.826512753817, 1, 0.8316431908105, 1, 0.7339036503303, 0.98092546451],
  [30000, 18, 0.845217391304, 0.0713706126559, 0.705333560944, 0.985101221664, 0.7162959685937, 0.997342537005, 0.6376704246692, 0.939084474417],
  [131900, 2, 0.269857643124, 0.2003040220833, 0, 0.662446312366, 0.0629975240279, 1, 0.0187384390754, 0.649602228234],
  [140000, 1, 0.269857643124, 0.2003040220833, 0, 0.662446312366, 0.0629975240279, 1, 0.0187384390754, 0.649602228234],
  [150400, 1, 0.269857643124, 0.2003040220833, 0, 0.662446312366, 0.0629975240279, 1, 0.0187384390754, 0.649602228234],
  [200000, 0, 0.269857643124, 0.2003040220833, 0, 0.662446312366, 0.0629975240279, 1, 0.0187384390754, 0.649602228234],
];
const LATE = {
  entries: [0, 2, 0, 1, 3, 0, 0.5, 2, 1.5, 0],
  times: [1.2, 3.1, 2.5, 4.8, 5, 3.9, 6.1, 4.2, 2.2, 2.5],
  failed: [true, true, true, true, false, false, true, true, false, true],
};
const LATE_R: Row[] = [
  [0, 6, 1, 0, 1, 1, 1, 1, 1, 1],
  [0.5, 6, 1, 0, 1, 1, 1, 1, 1, 1],
  [1, 6, 1, 0, 1, 1, 1, 1, 1, 1],
  [1.2, 6, 0.833333333333, 0.152145154863, 0.5351343093805, 1, 0.582654795477, 1, 0.2731228499284, 0.974712426691],
  [1.6, 8, 0.833333333333, 0.152145154863, 0.5351343093805, 1, 0.582654795477, 1, 0.2731228499284, 0.974712426691],
  [2.2, 8, 0.833333333333, 0.152145154863, 0.5351343093805, 1, 0.582654795477, 1, 0.2731228499284, 0.974712426691],
  [2.5, 7, 0.595238095238, 0.179043216523, 0.2443198391762, 0.9461563513, 0.330107650659, 1, 0.1986375817992, 0.846603177527],
  [3, 6, 0.595238095238, 0.179043216523, 0.2443198391762, 0.9461563513, 0.330107650659, 1, 0.1986375817992, 0.846603177527],
  [3.1, 6, 0.496031746032, 0.174536594878, 0.1539463060862, 0.838117185977, 0.248886179581, 0.988594438973, 0.1533701306727, 0.769372049193],
  [4.5, 3, 0.372023809524, 0.169319008525, 0.0401646509159, 0.703882968132, 0.15246277044, 0.90777384179, 0.0873992547211, 0.66954685338],
];

const near = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThan(1e-9);

describe("kaplanMeierAt — R summary(survfit, times = t)", () => {
  for (const [name, km, rows] of [
    ["KM-1 (right-censored)", kaplanMeier({ failures: KM1_FAILURES, censored: KM1_CENSORED }), KM1_R],
    ["late entry", kaplanMeier(LATE), LATE_R],
  ] as const) {
    it.each(rows)(`${name}: t = %d`, (t, nRisk, s, se, pl, pu, ll, lu, lll, llu) => {
      const p = kaplanMeierAt(km, t, { confType: "log-log" });
      near(p.survival, s);
      near(p.standardError, se);
      near(p.plain.lower, pl);
      near(p.plain.upper, pu);
      near(p.log.lower, ll);
      near(p.log.upper, lu);
      if (lll !== null) {
        near(p.logLog.lower, lll);
        near(p.logLog.upper, llu!);
      } else expect(p.logLog).toEqual({ lower: 1, upper: 1 }); // DOMAIN §4: the point where R prints NA
      expect(p.interval).toBe(p.logLog);
      expect(p.atRiskNextObserved).toBe(nRisk);
    });
  }
  it("counts the number at risk at t exactly (entry < t ≤ exit), which differs from R's next-time figure only across a late entry", () => {
    const km = kaplanMeier(LATE);
    expect([0, 0.5, 1, 1.2, 1.6, 2, 2.2, 6.1, 7].map((t) => kaplanMeierAt(km, t).atRisk)).toEqual([4, 4, 5, 6, 6, 6, 8, 1, 0]);
    const k1 = kaplanMeier({ failures: KM1_FAILURES, censored: KM1_CENSORED });
    for (const [t, n] of KM1_R) expect(kaplanMeierAt(k1, t).atRisk).toBe(n);
  });
  it("counts a failure at time 0 as R does, and leaves out a subject entering at its own exit time (never at risk)", () => {
    const zero = kaplanMeier({ failures: [0, 1], censored: [2] });
    expect(zero.steps.map((s) => [s.time, s.atRisk, s.events])).toEqual([
      [0, 3, 1],
      [1, 2, 1],
    ]);
    const odd = kaplanMeier({
      observations: [
        { time: 3, failed: true, entry: 3 },
        { time: 3, failed: true, entry: 1 },
        { time: 5, failed: false },
      ],
    });
    expect(odd.notAtRisk).toBe(1);
    expect(odd.steps.map((s) => [s.time, s.atRisk, s.events, s.survival])).toEqual([[3, 2, 1, 0.5]]);
    expect(odd.explanation).toContain("1 subject entered at its own exit time, never at risk, and is left out of the curve.");
  });
  it("names the interval as R does, keeps 'linear' for 'plain', defaults to R's 'log', refuses other names", () => {
    const km = kaplanMeier({ failures: KM1_FAILURES, censored: KM1_CENSORED });
    expect(kaplanMeierAt(km, 30000, { confType: "linear" }).interval).toEqual(kaplanMeierAt(km, 30000, { confType: "plain" }).interval);
    expect(kaplanMeierAt(km, 30000).confType).toBe("log");
    expect(() => kaplanMeierAt(km, 30000, { confType: "logit" })).toThrow(DistrictKitError);
    expect(() => kaplanMeierAt(km, Number.NaN)).toThrow(DistrictKitError);
  });
});

describe("kaplanMeierAt — properties", () => {
  it("the number at risk at t is the count of subjects with entry < t ≤ exit (brute force); S(t) is the step's", () => {
    const obsArb = fc.array(
      fc.record({ time: fc.integer({ min: 0, max: 30 }), failed: fc.boolean(), entry: fc.integer({ min: 0, max: 30 }) }).map((o) => ({ ...o, entry: Math.min(o.entry, o.time) })),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(
        obsArb,
        fc.integer({ min: -2, max: 64 }).map((x) => x / 2),
        (observations, t) => {
          const km = kaplanMeier({ observations });
          const p = kaplanMeierAt(km, t);
          // at risk: entry < t ≤ time, an entry of 0 meaning from the start; entering at one's own time: never
          const atRiskAt = (x: number): number => observations.filter((o) => (o.entry === 0 || o.entry < x) && x <= o.time && !(o.entry > 0 && o.entry >= o.time)).length;
          expect(p.atRisk).toBe(atRiskAt(t));
          const exits = observations
            .filter((o) => !(o.entry > 0 && o.entry >= o.time))
            .map((o) => o.time)
            .filter((x) => x >= t);
          expect(p.atRiskNextObserved).toBe(exits.length === 0 ? 0 : atRiskAt(Math.min(...exits)));
          for (const s of km.steps) expect(s.events).toBeLessThanOrEqual(s.atRisk);
          const before = km.steps.filter((s) => s.time <= t);
          expect(p.survival).toBe(before.length === 0 ? 1 : before[before.length - 1]!.survival);
          for (const ci of [p.plain, p.log, p.logLog]) expect(ci.lower <= p.survival + 1e-12 && p.survival <= ci.upper + 1e-12).toBe(true);
          // the risk table's rows add up: at risk after the last row is 0
          const r = km.riskTable;
          const lastK = r.time.length - 1;
          if (lastK >= 0) expect(r.atRisk[lastK]! + r.entered[lastK]! - r.events[lastK]! - r.censored[lastK]!).toBe(0);
          else expect(km.notAtRisk).toBe(observations.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
