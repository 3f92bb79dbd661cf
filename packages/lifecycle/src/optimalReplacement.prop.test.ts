import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OptimalReplacementResult, optimalReplacementAge } from "./optimalReplacement.js";

const UNITS = [
  ["years", 1],
  ["months", 12],
  ["weeks", 52],
  ["days", 365],
  ["hours of use", 2000],
  ["cycles", 700],
] as const;

const caseArb = fc.record({
  shape: fc.integer({ min: 50, max: 800 }).map((x) => x / 100),
  scaleYears: fc.integer({ min: 50, max: 2000 }).map((x) => x / 100),
  cp: fc.integer({ min: 1, max: 2000 }),
  ratio: fc.integer({ min: 80, max: 2000 }).map((x) => x / 100),
  maxAgeYears: fc.integer({ min: 1, max: 30 }),
  unit: fc.constantFrom(...UNITS),
});

/** "16,620" → 16620. */
const num = (s: string): number => Number(s.replace(/[$,]/g, ""));
const close = (a: number, b: number, rtol: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(rtol * Math.abs(b) + 1e-12);

describe("optimal replacement: units and sentences", () => {
  it("scaling the time unit scales the age and divides the cost rate; the rule does not change", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const cf = Math.round(c.cp * c.ratio);
        const years = optimalReplacementAge({ weibull: { shape: c.shape, scale: c.scaleYears }, maxAge: c.maxAgeYears, preventiveCost: String(c.cp), failureCost: String(cf) });
        const unit = c.unit[0];
        const k = c.unit[1];
        const other = optimalReplacementAge({ weibull: { shape: c.shape, scale: c.scaleYears * k }, unit, maxAge: c.maxAgeYears * k, preventiveCost: String(c.cp), failureCost: String(cf) });
        expect(other.rule).toBe(years.rule);
        if (years.age === null) expect(other.age).toBeNull();
        else close(other.age! / k, years.age, 1e-9);
        close(other.costPerUnit.toNumber() * k, years.costPerUnit.toNumber(), 1e-9);
        close(other.costPerUnitOnFailureOnly.toNumber() * k, years.costPerUnitOnFailureOnly.toNumber(), 1e-9);
        // the optimum never costs more than replacing on failure only, and it is a minimum of C
        expect(other.costPerUnit.toNumber()).toBeLessThanOrEqual(other.costPerUnitOnFailureOnly.toNumber() * (1 + 1e-9));
      }),
      { numRuns: 200 },
    );
  });

  it("every figure in the sentence is the result's", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const cf = Math.round(c.cp * c.ratio);
        const unit = c.unit[0];
        const k = c.unit[1];
        const r: OptimalReplacementResult = optimalReplacementAge({
          weibull: { shape: c.shape, scale: c.scaleYears * k },
          unit,
          maxAge: c.maxAgeYears * k,
          preventiveCost: String(c.cp),
          failureCost: String(cf),
        });
        const s = r.explanation;
        const per = `per ${r.unit.singular}`;
        const money = String.raw`(\$[\d,]+\.\d+)`;
        const figure = String.raw`([\d,]+(?:\.\d+)?)`;
        // an age and its unit (two groups): singular exactly when the figure reads "1"
        const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const aged = `${figure} (${esc(r.unit.plural)}|${esc(r.unit.singular)})`;
        const unitOf = (fig: string, unit: string): void => expect(unit).toBe(fig === "1" ? r.unit.singular : r.unit.plural);
        const failure = new RegExp(`${money} ${per} when replacing on failure only`).exec(s);
        expect(failure, s).not.toBeNull();
        close(num(failure![1]!), r.costPerUnitOnFailureOnly.toNumber(), 5e-3);
        if (r.rule === "optimal-age") {
          const m = new RegExp(`^Replacing at age ${aged} costs ${money} ${per} per device`).exec(s);
          expect(m, s).not.toBeNull();
          close(num(m![1]!), r.age!, 5e-4);
          unitOf(m![1]!, m![2]!);
          close(num(m![3]!), r.costPerUnit.toNumber(), 5e-3);
        } else if (c.shape > 1 && cf > c.cp) {
          // wear-out and a dearer failure: an optimum exists, past the maximum age ("at" it) or
          // so far past that it is not computed ("beyond" 10¹² times the larger of scale and maxAge)
          const m = new RegExp(`^The optimum lies past the maximum age of ${aged} \\((at|beyond) ${aged}\\)`).exec(s);
          expect(m, s).not.toBeNull();
          close(num(m![1]!), r.maxAge, 5e-4);
          unitOf(m![1]!, m![2]!);
          unitOf(m![4]!, m![5]!);
          expect(m![3]).toBe(r.unconstrainedAge === null ? "beyond" : "at");
          close(num(m![4]!), r.unconstrainedAge ?? 1e12 * Math.max(c.scaleYears * k, r.maxAge), 5e-4);
          expect(r.unconstrainedAge === null || r.unconstrainedAge > r.maxAge).toBe(true);
          if (r.rule === "max-age") {
            const at = new RegExp(`replacing at ${aged} costs ${money} ${per} per device`).exec(s);
            expect(at, s).not.toBeNull();
            close(num(at![1]!), r.maxAge, 5e-4);
            unitOf(at![1]!, at![2]!);
            close(num(at![3]!), r.costPerUnit.toNumber(), 5e-3);
            expect(r.age).toBe(r.maxAge);
          } else {
            expect(s).toMatch(/replace on failure only/);
            expect(r.age).toBeNull();
          }
          expect(s).not.toMatch(/ratio/);
        } else {
          expect(r.age).toBeNull();
          expect(r.unconstrainedAge).toBeNull();
          expect(s).toMatch(c.shape <= 1 ? /^Shape [\d.]+ ≤ 1: no wear-out/ : /^A failure \(\$[\d,.]+\) costs no more than a planned replacement/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
