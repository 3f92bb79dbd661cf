import { type AccountMappingInput, compileAccountMapping, NCES_TECHNOLOGY_MAPPING } from "@districtkit/budget";
import { Money } from "@districtkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LedgerTable, ledgerRow, mapLedger, parseLedger } from "../index.js";

// mapLedger's fast path (one decision per distinct account, sums in whole cents, each group's
// accounts found by one sorted pass) against a plain reference: every row classified with
// classify() on its own, amounts added as Money, groups keyed by a string.

interface RefGroup {
  amount: Money;
  encumbered: Money;
  rows: number;
  accounts: Set<string>;
}

/** The simple reference: per row, classify, then add Money into a string-keyed map. */
function reference(table: LedgerTable, mapping: AccountMappingInput) {
  const c = compileAccountMapping(mapping);
  const groups = new Map<string, RefGroup>();
  const add = (m: Map<string, Money>, k: string, v: Money): void => {
    m.set(k, (m.get(k) ?? Money.ZERO).add(v));
  };
  const rows = new Map<string, Money>();
  const excluded = new Map<string, Money>();
  const unmapped = new Map<string, Money>();
  const missLines = new Map<string, number[]>();
  const seen = new Map<string, number[]>();
  const counts = { mapped: 0, excluded: 0, unmapped: 0 };
  for (let i = 0; i < table.rowCount; i++) {
    const r = ledgerRow(table, i);
    const k = c.classify(r.account, false);
    const fy = r.fiscalYear !== 0 ? r.fiscalYear : (k.fiscalYear ?? 0);
    const amount = Money.fromCents(r.amount);
    add(rows, "all", amount);
    if (fy !== 0) add(rows, String(fy), amount);
    if (k.status === "excluded") {
      counts.excluded++;
      add(excluded, "all", amount);
      add(excluded, String(fy), amount);
    } else if (k.status !== "mapped" || fy === 0) {
      counts.unmapped++;
      add(unmapped, "all", amount);
      add(unmapped, String(fy), amount);
      const key = `${k.status === "mapped" ? "no-fiscal-year" : k.status === "invalid" ? "invalid-account" : "unmapped"} ${r.account}`;
      missLines.set(key, [...(missLines.get(key) ?? []), r.line]);
    } else {
      counts.mapped++;
      const key = JSON.stringify([k.fund, k.category, k.school, k.eRate, fy]);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { amount: Money.ZERO, encumbered: Money.ZERO, rows: 0, accounts: new Set() }));
      g.amount = g.amount.add(amount);
      g.encumbered = g.encumbered.add(Money.fromCents(r.encumbered));
      g.rows++;
      g.accounts.add(r.account);
      const dk = JSON.stringify([r.account, fy]);
      seen.set(dk, [...(seen.get(dk) ?? []), r.line]);
    }
  }
  return { groups, rows, excluded, unmapped, missLines, seen, counts };
}

const MAPPING: AccountMappingInput = {
  ...NCES_TECHNOLOGY_MAPPING,
  funds: [
    { when: { fund: "100-199" }, fund: "general-fund" },
    { when: { fund: "211" }, fund: "title-iv-a" },
  ],
  schools: [
    { when: { location: "000" }, school: null },
    { when: { location: "001" }, school: "es" },
    { when: { location: "002" }, school: "hs" },
  ],
};
const DISTRICT_WIDE: AccountMappingInput = { ...MAPPING, categories: [...MAPPING.categories, { when: {}, exclude: "not a technology account" }] };

const accountArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom("100", "110", "211", "300"),
        fc.constantFrom("2230", "2580", "1000", "2700"),
        fc.constantFrom("734", "735", "530", "110", "610"),
        fc.constantFrom("000", "001", "002", "003", "1"),
        fc.constantFrom("100", "200"),
      )
      .map((p) => p.join("-")),
  },
  { weight: 1, arbitrary: fc.constantFrom("100-2230", "100-2230-734-000-100-9", "100-2230-7A4-000-100", " 100-2230-734-001-100", "100-2230-734-0001-100") },
);
const rowArb = fc.record({ account: accountArb, fy: fc.constantFrom("2026", "2027", "2028", ""), cents: fc.integer({ min: -3_000_000, max: 9_000_000 }) });

function csvOf(rows: readonly { account: string; fy: string; cents: number }[]): string {
  const money = (c: number): string => (c < 0 ? `(${Money.fromCents(-c).toFixed(2)})` : Money.fromCents(c).toFixed(2));
  return ["Account,Fiscal Year,Budget", ...rows.map((r) => `"${r.account}",${r.fy},${money(r.cents)}`)].join("\n");
}

describe("mapLedger (fast path) against a per-row Money reference", () => {
  it("gives the same groups, tie-out, unmapped lines, duplicates and counts on random ledgers", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.boolean(), (rows, districtWide) => {
        const mapping = districtWide ? DISTRICT_WIDE : MAPPING;
        const table = parseLedger("budget", csvOf(rows));
        const r = mapLedger(table, mapping);
        const ref = reference(table, mapping);
        // groups: the same keys, amounts, row counts and sorted account lists
        const got = new Map(r.groups.map((g) => [JSON.stringify([g.fund, g.category, g.school, g.eRate, g.fiscalYear]), g]));
        expect([...got.keys()].sort()).toEqual([...ref.groups.keys()].sort());
        for (const [k, g] of ref.groups) {
          const x = got.get(k)!;
          expect(x.amount.toString()).toBe(g.amount.toString());
          expect(x.encumbered.toString()).toBe(g.encumbered.toString());
          expect(x.rows).toBe(g.rows);
          expect(x.accounts).toEqual([...g.accounts].sort());
        }
        // tie-out: the whole file and each year
        const zero = (m: Map<string, Money>, k: string): string => (m.get(k) ?? Money.ZERO).toString();
        for (const t of r.tieOut) {
          const k = t.fiscalYear === null ? "all" : String(t.fiscalYear);
          expect(t.rows.toString()).toBe(zero(ref.rows, k));
          expect(t.excluded.toString()).toBe(zero(ref.excluded, k));
          expect(t.unmapped.toString()).toBe(zero(ref.unmapped, k));
          const inYear = [...ref.groups.entries()].filter(([key]) => k === "all" || JSON.parse(key)[4] === t.fiscalYear).map(([, g]) => g.amount);
          const negative = inYear.filter((a) => a.isNegative()).reduce((s, a) => s.add(a), Money.ZERO);
          expect(t.negativeNet.toString()).toBe(negative.toString());
          expect(t.inLineItems.toString()).toBe(
            inYear
              .reduce((s, a) => s.add(a), Money.ZERO)
              .subtract(negative)
              .toString(),
          );
        }
        // every line of every unmapped, invalid or year-less account, under the right kind
        const misses = new Map(r.issues.filter((i) => i.kind === "unmapped" || i.kind === "invalid-account" || i.kind === "no-fiscal-year").map((i) => [`${i.kind} ${i.value}`, i.lines]));
        expect(misses).toEqual(ref.missLines);
        // duplicates: a mapped account twice in one year
        const dups = r.issues.filter((i) => i.kind === "duplicate-account").map((i) => [i.value, i.lines]);
        const refDups = [...ref.seen].filter(([, lines]) => lines.length > 1).map(([k, lines]) => [JSON.parse(k)[0], lines]);
        expect(dups.sort()).toEqual(refDups.sort());
        expect(r.counts).toMatchObject(ref.counts);
        // groups come ordered by fund, category, school, E-Rate share, then fiscal year (a comparator
        // that never said "equal" once skipped the year)
        const order = r.groups.map((g) => [g.fund, g.category, g.school ?? "", g.eRate ?? "", g.fiscalYear] as const);
        const cmp = (a: (typeof order)[number], b: (typeof order)[number]): number => {
          for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
          return a[4] - b[4];
        };
        expect(order).toEqual([...order].sort(cmp));
        // line items carry exactly the non-negative groups
        const items = r.lineItems.flatMap((i) => Object.values((i as { amounts: Record<string, string> }).amounts)).map((a) => Money.of(a).toCents());
        expect(items.reduce((s, a) => s + a, 0)).toBe(r.tieOut[0]!.inLineItems.toCents());
      }),
      { numRuns: 200 },
    );
  });

  it("refuses amounts that add up beyond Number.MAX_SAFE_INTEGER cents instead of rounding them", () => {
    const table = parseLedger(
      "budget",
      csvOf([
        { account: "100-2230-734-000-100", fy: "2027", cents: 9_000_000_000_000_000 },
        { account: "100-2230-735-000-100", fy: "2027", cents: 9_000_000_000_000_000 },
      ]),
    );
    expect(table.rowCount).toBe(2);
    expect(() => mapLedger(table, MAPPING)).toThrow(/too large to total to the cent/);
  });
});
