import fc from "fast-check";
import { describe, it } from "vitest";
import { expectOnlyDistrictKitError } from "../test/fuzz.js";
import * as core from "./index.js";

// Every public function of core, given malformed input, throws a DistrictKitError that says what
// was wrong — never a TypeError, never a silent NaN (issue #2, "Bad input").
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, "1e400", "12.3.4", null, undefined, "2025-02-30", "13/45/2024", "", 1e300, -1),
);

const calls: Record<string, (a: unknown, b: unknown, c: unknown) => unknown> = {
  "Money.of": (a) => core.Money.of(a),
  "Money.parse": (a) => core.Money.parse(a),
  "Money.fromCents": (a) => core.Money.fromCents(a as number),
  "Money.sum": (a) => core.Money.sum(a as never),
  "Money#add": (a) => core.Money.of(1).add(a as never),
  "Money#multiply": (a) => core.Money.of(1).multiply(a as never),
  "Money#divide": (a) => core.Money.of(1).divide(a as never),
  "Money#round": (a, b) => core.Money.of(1).round(a as number, b as never),
  "Rate.of": (a) => core.Rate.of(a as never),
  "Rate.percent": (a) => core.Rate.percent(a as never),
  allocate: (a, b) => core.allocate(a as never, b as never),
  splitEvenly: (a, b) => core.splitEvenly(a as never, b as number),
  escalate: (a, b, c) => core.escalate(a as never, b as never, c as number),
  compoundFactor: (a, b) => core.compoundFactor(a as never, b as number),
  fiscalYearOf: (a) => core.fiscalYearOf(a as string),
  fiscalYearRange: (a) => core.fiscalYearRange(a as number),
  fiscalYearHorizon: (a, b) => core.fiscalYearHorizon(a as number, b as number),
  fiscalCalendar: (a) => core.fiscalCalendar(a as never),
  parseFiscalYearLabel: (a) => core.parseFiscalYearLabel(a as string),
  eRateFundingYearOf: (a) => core.eRateFundingYearOf(a as number),
  addDaysIso: (a, b) => core.addDaysIso(a as string, b as number),
  addMonthsIso: (a, b) => core.addMonthsIso(a as string, b as number),
  daysBetween: (a, b) => core.daysBetween(a as string, b as string),
  dateParts: (a) => core.dateParts(a as string),
  isoDate: (a, b, c) => core.isoDate(a as number, b as number, c as number),
  "MoneySeries.from": (a) => core.MoneySeries.from(a as never),
  "NumberSeries.from": (a) => core.NumberSeries.from(a as never),
  createRng: (a) => core.createRng(a as never),
  sampleBinomial: (a, b) => core.sampleBinomial(core.createRng(1), a as number, b as number),
  samplePoisson: (a) => core.samplePoisson(core.createRng(1), a as number),
  sampleWeibull: (a, b) => core.sampleWeibull(core.createRng(1), a as number, b as number),
  sampleNormal: (a, b) => core.sampleNormal(core.createRng(1), a as number, b as number),
  sampleGamma: (a, b) => core.sampleGamma(core.createRng(1), a as number, b as number),
  sampleTriangular: (a, b, c) => core.sampleTriangular(core.createRng(1), a as number, b as number, c as number),
  quantiles: (a, b) => core.quantiles(a as never, b as never),
  parseInput: (a) => core.parseInput(core.moneySchema, a),
};

describe("core public functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(
        fc.property(anything, anything, anything, (a, b, c) => {
          expectOnlyDistrictKitError(() => call(a, b, c), 3);
        }),
        { numRuns: 150 },
      );
    });
  }
});
