import { DistrictKitError, Money } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { compareDamageCoverage, simulateDamageCoverageChunk } from "./coverage.js";

// Sample-scale figures: accident rates in the 5–15 % a year range and repair prices of published
// district price lists (screen $40–$150, keyboard $50–$75) — see the domain rules' breakage table.
const incidents = [
  { kind: "screen", perDeviceYear: 0.08, costs: ["70", "96.70", "120"] },
  { kind: "keyboard", perDeviceYear: 0.03, costs: ["55", "65"] },
  { kind: "liquid", perDeviceYear: 0.02, costs: ["180", "260"] },
];
const options = [
  { kind: "selfInsurance", id: "self", name: "Self-insurance" },
  { kind: "protectionPlan", id: "plan", name: "Damage plan", premiumPerDevice: "12", copay: "25", capPerClaim: "150", claimsPerDeviceYear: 1 },
  {
    kind: "familyFee",
    id: "fee",
    name: "Family fee",
    annualFee: { standard: "20", nslp: "5" },
    strikes: [
      { standard: "0", nslp: "0" },
      { standard: "50", nslp: "15" },
      { standard: "fullCost", nslp: "50" },
    ],
    collectionRate: 0.9,
  },
];
const input = { devices: 600, nslpDevices: 240, incidents, options };

describe("who pays what, trial by trial", () => {
  const chunk = simulateDamageCoverageChunk(input, { seed: 11, trialStart: 0, trialEnd: 300 });

  it("self-insurance: the district pays exactly the year's repairs", () => {
    for (const v of chunk.values) expect(v[1]).toBe(v[0]);
  });

  it("every option's parties add up to the repairs plus the premiums, to the cent", () => {
    for (const v of chunk.values) {
      for (let i = 0; i < options.length; i++) {
        const [district, standard, nslp, plan, premiums] = v.slice(1 + i * 5, 6 + i * 5) as [number, number, number, number, number];
        expect(district + standard + nslp + plan).toBe(v[0]! + premiums);
        expect(Number.isInteger(district)).toBe(true);
      }
    }
  });

  it("the plan: premiums are 600 × $12 = $7,200 every year", () => {
    for (const v of chunk.values) expect(v[10]).toBe(720_000);
  });
});

describe("hand-checked cases", () => {
  it("with no incidents the fee schedule's income is the fees: 360 × $20 + 240 × $5, 90 % collected", () => {
    const r = compareDamageCoverage({ ...input, incidents: [{ kind: "screen", perDeviceYear: 0, costs: ["90"] }] }, { seed: 1, trials: 20 });
    const fee = r.options.find((o) => o.id === "fee")!;
    expect(fee.familiesStandardExpected.toString()).toBe("6480");
    expect(fee.familiesNslpExpected.toString()).toBe("1080");
    expect(fee.districtExpected.toString()).toBe("-7560");
    expect(fee.perStandardDevice.toString()).toBe("18");
    expect(fee.perNslpDevice.toString()).toBe("4.5");
    expect(r.options.find((o) => o.id === "plan")!.districtExpected.toString()).toBe("7200");
  });

  it("one device, one incident every trial on average: a $200 repair under a $25 co-pay and a $150 cap leaves the district $50 (with a $0 premium)", () => {
    // λ large and a single cost: the plan pays min(150, 200 − 25) = 150 per first claim; claims past the first are the district's
    const one = {
      devices: 1,
      incidents: [{ kind: "screen", perDeviceYear: 1, costs: ["200"] }],
      options: [{ kind: "protectionPlan", id: "p", name: "Plan", premiumPerDevice: "0", copay: "25", capPerClaim: "150", claimsPerDeviceYear: 1 }],
    };
    const c = simulateDamageCoverageChunk(one, { seed: 3, trialStart: 0, trialEnd: 200 });
    for (const v of c.values) {
      const n = v[0]! / 20_000;
      expect(v[4]).toBe(n === 0 ? 0 : 15_000); // the plan pays one claim a year at most
      expect(v[1]).toBe(v[0]! - v[4]!);
    }
  });

  it("strikes: NSLP families pay their tier, never more than the repair; a standard family's third incident pays the full cost", () => {
    const two = {
      devices: 2,
      nslpDevices: 1,
      incidents: [{ kind: "screen", perDeviceYear: 3, costs: ["40"] }],
      options: [
        {
          kind: "familyFee",
          id: "f",
          name: "Fee",
          annualFee: { standard: "0", nslp: "0" },
          strikes: [
            { standard: "0", nslp: "0" },
            { standard: "50", nslp: "15" },
            { standard: "fullCost", nslp: "50" },
          ],
        },
      ],
    };
    const c = simulateDamageCoverageChunk(two, { seed: 5, trialStart: 0, trialEnd: 300 });
    for (const v of c.values) {
      // every charge is a multiple of what a strike can bill: 0, $15 (NSLP 2nd), $40 (capped at the repair)
      expect(v[3]! % 1500 === 0 || v[3]! % 4000 === 0 || (v[3]! - 1500) % 4000 === 0).toBe(true);
      expect(v[2]! % 4000).toBe(0);
    }
  });

  it("the board paragraph states the figures beside it", () => {
    const r = compareDamageCoverage(input, { seed: 2, trials: 400 });
    for (const o of r.options) {
      expect(o.explanation).toContain(`the district expects to pay ${o.districtExpected.format()} a year`);
      expect(o.explanation).toContain(`more than ${o.districtP90.format()}`);
      if (!o.familiesExpected.isZero()) expect(o.explanation).toContain(`${o.perNslpDevice.format()} per device for NSLP-eligible families`);
      expect(o.districtP90.greaterThanOrEqual(o.districtExpected) || o.kind === "familyFee").toBe(true);
    }
    const best = r.options.find((o) => o.rank === 1)!;
    expect(r.summary).toContain(`${best.name} costs the district least on average (${best.districtExpected.format()})`);
    expect(r.options.map((o) => o.rank).sort()).toEqual([1, 2, 3]);
    expect(Money.isMoney(r.repairExpected)).toBe(true);
  });

  it("refuses bad input with every problem and its path", () => {
    try {
      compareDamageCoverage(
        {
          devices: 5,
          nslpDevices: 9,
          incidents: [],
          options: [
            { kind: "selfInsurance", id: "a", name: "A" },
            { kind: "selfInsurance", id: "a", name: "B" },
          ],
        },
        { seed: 1 },
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DistrictKitError);
      expect((e as DistrictKitError).issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["input.incidents"]));
    }
    expect(() => simulateDamageCoverageChunk(input, { seed: 1, trialStart: 5, trialEnd: 5 })).toThrow(DistrictKitError);
  });
});
