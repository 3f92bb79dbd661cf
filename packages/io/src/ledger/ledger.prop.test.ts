import { type AccountMappingInput, NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
import { isDistrictKitError, Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  budgetFromLedger,
  budgetTemplateFromProjection,
  generateLedgerExport,
  ledgerRow,
  mapLedger,
  parseLedger,
  previewLedger,
  readActuals,
  readBudgetTemplate,
  readLedger,
  writeBudgetTemplate,
} from "../index.js";

// INVARIANTS (io): every input row ends up parsed or in the errors — and for a ledger, every cent
// of every readable row is in exactly one figure of the tie-out.
const MAPPING: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  funds: [
    { when: { fund: "100" }, fund: "general-fund" },
    { when: { fund: "211" }, fund: "title-iv-a" },
  ],
  schools: [
    { when: { location: "000" }, school: null },
    { when: { location: "001" }, school: "es" },
  ],
};
const ACCOUNTS = [
  "100-2230-734-000-100",
  "100-2230-734-001-100",
  "211-2230-735-000-100",
  "100-1000-111-001-100",
  "100-2700-610-000-100",
  "300-2230-734-000-100",
  "100-2230-734-002-100",
  "100-2230",
  "100-2580-530-000-100",
];
const rowArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  fy: fc.constantFrom(2026, 2027),
  period: fc.integer({ min: 1, max: 12 }),
  cents: fc.integer({ min: -500_000, max: 5_000_000 }),
  enc: fc.integer({ min: 0, max: 100_000 }),
  text: fc.constantFrom("plain", "grouped", "parens", "junk"),
});
const fmt = (c: number, style: string): string => {
  if (style === "junk") return "n/a";
  const m = Money.fromCents(Math.abs(c)).toFixed(2);
  const body = style === "grouped" ? m.replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/,(\d{2})$/, ".$1") : m;
  return c < 0 ? (style === "parens" ? `(${body})` : `-${body}`) : body;
};

describe("ledger tie-out properties", () => {
  it("rows = line items + negative nets + excluded + unmapped, to the cent, for the file and each year; the counts add up", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.boolean(), (rows, withTotal) => {
        const good = rows.filter((r) => r.text !== "junk").reduce((s, r) => s + r.cents, 0);
        const csv = ["Account,Fiscal Year,Budget", ...rows.map((r) => `${r.account},${r.fy},"${fmt(r.cents, r.text)}"`), ...(withTotal ? [`Grand Total,,"${fmt(good, "plain")}"`] : [])].join("\n");
        const r = readLedger(csv, MAPPING);
        for (const t of r.tieOut) {
          expect(t.inLineItems.toCents() + t.negativeNet.toCents() + t.excluded.toCents() + t.unmapped.toCents()).toBe(t.rows.toCents());
        }
        expect(r.tieOut[0]!.rows.toCents()).toBe(good);
        expect(r.tieOut[0]!.ties).toBe(true);
        expect(r.counts.mapped + r.counts.excluded + r.counts.unmapped + r.counts.unreadable).toBe(rows.length);
        expect(r.counts.unreadable).toBe(rows.filter((x) => x.text === "junk").length);
        const items = r.lineItems.reduce((s, i) => s + Object.values((i as { amounts: Record<string, string> }).amounts).reduce((a, v) => a + Money.of(v).toCents(), 0), 0);
        expect(items).toBe(r.tieOut[0]!.inLineItems.toCents());
        // every line of an unmapped or invalid account is listed
        const listed = r.issues.filter((i) => i.kind === "unmapped" || i.kind === "invalid-account").flatMap((i) => i.lines);
        expect(listed.length).toBe(r.counts.unmapped);
      }),
      { numRuns: 200 },
    );
  });

  it("actuals: posted and encumbered each tie out; the actual rows add up to what was mapped", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const csv = [
          "Account,Fiscal Year,Period,Posted,Encumbered",
          ...rows.map((r) => `${r.account},${r.fy},${r.period},"${fmt(r.cents, r.text === "junk" ? "plain" : r.text)}",${fmt(r.enc, "plain")}`),
        ].join("\n");
        const r = readActuals(csv, MAPPING);
        for (const t of r.tieOut) expect(t.inLineItems.toCents() + t.excluded.toCents() + t.unmapped.toCents()).toBe(t.rows.toCents());
        const posted = r.actuals.reduce((s, a) => s + Money.of(a.posted).toCents(), 0);
        const enc = r.actuals.reduce((s, a) => s + Money.of(a.encumbered).toCents(), 0);
        expect(posted).toBe(r.tieOut[0]!.inLineItems.toCents());
        expect(enc).toBe(r.tieOut.find((t) => t.column === "Encumbered" && t.fiscalYear === null)!.inLineItems.toCents());
      }),
      { numRuns: 150 },
    );
  });
});

describe("ledger entry points on malformed input throw only DistrictKitError", () => {
  const anything = fc.oneof(
    fc.anything({ withNullPrototype: true, withBigInt: true }),
    fc.constantFrom(null, undefined, "", "Account\n", "Account,Budget\nx,1", new Uint8Array([0, 1, 2]), Number.NaN),
  );
  const calls: Record<string, (a: unknown, b: unknown) => unknown> = {
    parseLedger: (a, b) => parseLedger(a as never, b as never),
    "parseLedger(budget)": (a, b) => parseLedger("budget", a as never, b as never),
    mapLedger: (a, b) => mapLedger(a as never, b as never),
    "mapLedger(table)": (_a, b) => mapLedger(parseLedger("budget", "Account,FY,Budget\n100-2230-734-000-100,2027,1"), b as never),
    readLedger: (a, b) => readLedger(a as never, b as never),
    readActuals: (a) => readActuals(a as never, MAPPING),
    previewLedger: (a, b) => previewLedger(a as never, MAPPING, b as never),
    budgetFromLedger: (a, b) => budgetFromLedger(a as never, b as never),
    ledgerRow: (a, b) => ledgerRow(a as never, b as never),
    readBudgetTemplate: (a) => readBudgetTemplate(a as never),
    writeBudgetTemplate: (a) => writeBudgetTemplate(a as never),
    budgetTemplateFromProjection: (a) => budgetTemplateFromProjection(a as never),
    generateLedgerExport: (a) => generateLedgerExport(a as never),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}`, () => {
      fc.assert(
        fc.property(anything, anything, (a, b) => {
          try {
            call(a, b);
          } catch (e) {
            expect(isDistrictKitError(e), `${name} threw ${String(e)}`).toBe(true);
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
