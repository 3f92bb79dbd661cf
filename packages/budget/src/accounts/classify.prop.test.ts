import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AccountMappingInput, CALIFORNIA_SACS_MAPPING, compileAccountMapping, NCES_TECHNOLOGY_MAPPING } from "../index.js";

// decide() is the fast path of classify() (memo on the segments the rules read, boundaries found
// in place); classify() is its reference. They must agree on every field decide() returns, for
// any mapping and any account string — well-formed, padded, lower-case, spaced, short or junk.
const CODES = ["0", "1", "01", "001", "100", "110", "211", "2230", "2580", "2840", "1000", "734", "735", "530", "110", "a1", "AB", "9999", "12345"];
const patternArb = fc.oneof(
  fc.constantFrom("*", "100", "100-199", "2230", "2800-2899", "73*", "1*", "AB", "A-C", "0-99"),
  fc.array(fc.constantFrom("100", "734", "2230", "1000-1999", "5*"), { minLength: 1, maxLength: 3 }),
);

/** A random layout (delimited or fixed width, with or without a year segment) and rules on its segments. */
const mappingArb: fc.Arbitrary<AccountMappingInput> = fc
  .record({
    separator: fc.constantFrom("-", ".", "", " ", "--"),
    widths: fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), { minLength: 1, maxLength: 5 }),
    year: fc.boolean(),
    categories: fc.array(fc.record({ seg: fc.nat(), pattern: patternArb, exclude: fc.boolean(), eRate: fc.constantFrom(undefined, "C1", "C2") as fc.Arbitrary<"C1" | "C2" | undefined> }), {
      maxLength: 5,
    }),
    funds: fc.array(fc.record({ seg: fc.nat(), pattern: patternArb }), { maxLength: 3 }),
    schools: fc.array(fc.record({ seg: fc.nat(), pattern: patternArb, school: fc.constantFrom(null, "es", "hs") }), { maxLength: 3 }),
  })
  .map((r) => {
    const n = r.widths.length;
    const segments = r.widths.map((w, i) => ({
      name: `s${i}`,
      ...(r.separator === "" || w !== undefined ? { width: w ?? 3 } : {}),
      ...(r.year && i === n - 1 ? { role: "year" as const, width: r.separator === "" ? 2 : (w ?? 4) } : {}),
    }));
    const at = (k: number): string => `s${k % n}`;
    return {
      id: "random",
      name: "random",
      layout: { separator: r.separator, segments },
      categories: r.categories.map((c, i) =>
        c.exclude
          ? { when: { [at(c.seg)]: c.pattern }, exclude: `rule ${i}` }
          : { when: { [at(c.seg)]: c.pattern }, category: i % 2 ? "hardware" : "software", ...(c.eRate ? { eRate: c.eRate } : {}) },
      ),
      funds: r.funds.map((f, i) => ({ when: { [at(f.seg)]: f.pattern }, fund: `fund-${i}` })),
      schools: r.schools.map((s) => ({ when: { [at(s.seg)]: s.pattern }, school: s.school })),
    };
  });

/** Account strings near the layout: codes joined by the separator (or other ones), with a little noise. */
const accountArb = (sep: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.array(fc.constantFrom(...CODES), { minLength: 1, maxLength: 6 }), fc.constantFrom(sep, sep, sep, "-", "")).map(([codes, s]) => codes.join(s)),
    fc.tuple(fc.array(fc.constantFrom(...CODES, "", " 1", "1 ", "x-y", "é"), { minLength: 1, maxLength: 6 }), fc.constantFrom(" ", "\t", "")).map(([codes, pad]) => pad + codes.join(sep) + pad),
    fc.string({ maxLength: 12 }),
  );

const FIELDS = ["status", "category", "fund", "school", "eRate", "fiscalYear", "rule"] as const;

describe("AccountClassifier.decide (fast path) agrees with classify (reference)", () => {
  it("on random mappings and account strings", () => {
    fc.assert(
      fc.property(
        mappingArb.chain((m) => fc.tuple(fc.constant(m), fc.array(accountArb(m.layout.separator ?? "-"), { minLength: 1, maxLength: 30 }))),
        ([mapping, accounts]) => {
          const fast = compileAccountMapping(mapping);
          const reference = compileAccountMapping(mapping);
          // twice over: the second round answers from the memo
          for (const a of [...accounts, ...accounts]) {
            const d = fast.decide(a);
            const c = reference.classify(a, false);
            for (const k of FIELDS) expect(d[k], `${k} of ${JSON.stringify(a)}`).toEqual(c[k]);
            expect(d.reason).toBe(c.status === "excluded" ? c.reason : null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on the built-in mappings, for every account the memo shares a key with", () => {
    for (const mapping of [NCES_TECHNOLOGY_MAPPING, CALIFORNIA_SACS_MAPPING]) {
      const sep = mapping.layout.separator ?? "-";
      const widths = mapping.layout.segments.map((s) => s.width ?? 3);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(...widths.map((w, i) => fc.constantFrom(0, 1, [100, 2230, 734, 0, 100, 0, 1][i] ?? 2).map((v) => String(v % 10 ** w).padStart(w, "0")))), { minLength: 1, maxLength: 40 }),
          (rows) => {
            const fast = compileAccountMapping(mapping);
            const reference = compileAccountMapping(mapping);
            for (const codes of rows) {
              const a = codes.join(sep);
              const d = fast.decide(a);
              const c = reference.classify(a, false);
              for (const k of FIELDS) expect(d[k]).toEqual(c[k]);
            }
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it("gives one shared object per outcome", () => {
    const c = compileAccountMapping(NCES_TECHNOLOGY_MAPPING);
    expect(c.decide("100-2230-734-000-100")).toBe(c.decide("100-2230-734-000-200"));
    expect(c.decide("100-2230-734-000-100")).toBe(c.decide("110-2230-734-000-900"));
    expect(c.decide("100-2230-734-000-100")).not.toBe(c.decide("100-2230-735-000-100"));
    expect(c.decide("100-1000-110-000-100")).toEqual({
      status: "excluded",
      category: null,
      fund: null,
      school: null,
      eRate: null,
      fiscalYear: null,
      rule: 13,
      reason: "salaries and benefits outside the technology functions (2230, 2580, 2800s)",
    });
    expect(Object.isFrozen(c.decide("100-2230"))).toBe(true);
  });
});
