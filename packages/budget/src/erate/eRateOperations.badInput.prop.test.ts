import fc from "fast-check";
import { describe, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../../core/test/fuzz.js";
import * as budget from "../index.js";

// The E-Rate operations' entry points, on junk and on valid inputs with one field replaced by
// junk: only a DistrictKitError ever escapes, and no output holds NaN or Infinity.
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, "1e400", "12.3.4", null, undefined, "2025-02-30", "", 1e300, -1, [], {}, "__proto__", "constructor"),
);
const mutated = <T>(valid: T): fc.Arbitrary<unknown> =>
  fc.tuple(fc.nat(), anything).map(([k, junk]) => {
    const copy = JSON.parse(JSON.stringify(valid)) as unknown;
    const paths: { parent: Record<string, unknown>; key: string }[] = [];
    const walk = (v: unknown, depth: number): void => {
      if (depth > 6 || v === null || typeof v !== "object") return;
      for (const key of Object.keys(v)) {
        paths.push({ parent: v as Record<string, unknown>, key });
        walk((v as Record<string, unknown>)[key], depth + 1);
      }
    };
    walk(copy, 0);
    const p = paths[k % Math.max(1, paths.length)];
    if (p) p.parent[p.key] = junk;
    return copy;
  });

const valid = {
  eRateProcurementCalendar: {
    fundingYear: 2026,
    eligibilityAsOf: "2026-01-15",
    purchases: [
      {
        id: "p",
        name: "P",
        category: "C2",
        kind: "non-recurring",
        service: "switches",
        form470PostedOn: "2026-01-05",
        contractSignedOn: "2026-02-02",
        fcdlOn: "2026-08-01",
        invoiceFiledOn: "2028-01-01",
      },
    ],
  },
  checkERateEligibility: {
    fundingYear: 2025,
    rulesAsOf: "2025-10-01",
    items: [{ id: "a", service: "school-bus-wifi", amount: "10" }],
    editions: [{ id: "e", adopted: "2025-01-01", title: "t", source: "s", changes: [{ service: "voice", eligible: true, fromFundingYear: 2025 }] }],
  },
  recheckERateEligibility: { fundingYear: 2025, from: "2025-01-15", to: "2025-10-01", items: [{ id: "a", service: "off-premises-hotspots", amount: "10" }] },
  evaluateBids: {
    criteria: [
      { id: "price", name: "Price", weight: 40, price: true },
      { id: "q", name: "Q", weight: 30 },
    ],
    bids: [
      { id: "a", vendor: "A", price: "100", scores: [{ criterion: "q", points: 5 }] },
      { id: "b", vendor: "B", price: "120", scores: [{ criterion: "q", points: 9 }] },
    ],
  },
  planC2Drawdown: { schools: [{ id: "a", students: 100 }], discountPercent: 70, requests: [{ id: "r", name: "R", building: "a", fundingYear: 2027, amount: "1000", status: "planned" }] },
  checkEquipmentRules: { items: [{ id: "x", building: "a", installedOn: "2023-08-01", cost: "100" }], plan: [{ item: "x", action: "transfer", to: "b", fiscalYear: 2026 }] },
} as const;
const calls: Record<keyof typeof valid, (a: unknown) => unknown> = {
  eRateProcurementCalendar: (a) => budget.eRateProcurementCalendar(a as never),
  checkERateEligibility: (a) => budget.checkERateEligibility(a as never),
  recheckERateEligibility: (a) => budget.recheckERateEligibility(a as never),
  evaluateBids: (a) => budget.evaluateBids(a as never),
  planC2Drawdown: (a) => budget.planC2Drawdown(a as never),
  checkEquipmentRules: (a) => budget.checkEquipmentRules(a as never),
};

describe("E-Rate operations on malformed input", () => {
  for (const [name, call] of Object.entries(calls) as [keyof typeof valid, (a: unknown) => unknown][]) {
    it(`${name}: junk, and a valid input with one field replaced by junk, throw only DistrictKitError`, () => {
      fc.assert(
        fc.property(anything, (a) => expectOnlyDistrictKitError(() => call(a), 6)),
        { numRuns: 60 },
      );
      fc.assert(
        fc.property(mutated(valid[name]), (a) => expectOnlyDistrictKitError(() => call(a), 6)),
        { numRuns: 120 },
      );
    });
  }
});
