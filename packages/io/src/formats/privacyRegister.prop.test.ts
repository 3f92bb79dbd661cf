import { type AgreementInput, agreementSchema, STUDENT_DATA_CATEGORIES } from "@districtkit/vetting";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPrivacyRegister, writePrivacyRegister } from "./privacyRegister.js";

// words as a register writes them: start with a letter (a leading = + - @ is neutralised on write),
// no list separator inside, no surrounding spaces (cells are trimmed on read)
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,'"&()/-]{0,18}[A-Za-z0-9)]$/).filter((s) => !/ {2}|,$/.test(s) && !s.includes(";"));
const text = word.filter((s) => !s.includes(","));
const day = fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const agreementArb: fc.Arbitrary<AgreementInput> = fc
  .record({
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    appName: word,
    vendor: fc.option(word, { nil: undefined }),
    status: fc.constantFrom("none", "requested", "signed", "expired", "approvedNoStudentData" as const),
    type: fc.option(fc.constantFrom("sdpcNdpa", "ndpaGeneralOffer", "stateDpa", "vendorTerms", "districtContract", "other" as const), { nil: undefined }),
    signedOn: day,
    years: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    elements: fc.subarray([...STUDENT_DATA_CATEGORIES], { maxLength: 6 }),
    purposes: fc.array(word, { maxLength: 3 }),
    subprocessors: fc.array(word, { maxLength: 3 }),
    decision: fc.option(fc.constantFrom("denied", "needsInformation", "approvedWithConditions", "approved" as const), { nil: undefined }),
    grades: fc.option(fc.subarray(["KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"], { minLength: 1 }), { nil: undefined }),
    under13: fc.constantFrom("allowed", "withParentalConsent", "notAllowed" as const),
    optOuts: fc.array(text, { maxLength: 3 }),
    teacherOnly: fc.boolean(),
    notes: fc.option(text, { nil: undefined }),
    storage: fc.option(word, { nil: undefined }),
  })
  .map(
    (r): AgreementInput => ({
      id: r.id,
      appId: r.id,
      appName: r.appName,
      ...(r.vendor === undefined ? {} : { vendor: r.vendor }),
      status: r.status,
      ...(r.type === undefined ? {} : { type: r.type }),
      ...(r.type === "stateDpa" ? { state: "OR" } : {}),
      ...(r.status === "signed" || r.status === "expired"
        ? // an expiry on the signing date when years is 0 (a 29 February signing moved to the 28th would precede it)
          {
            signedOn: r.signedOn,
            ...(r.years === undefined ? {} : { expiresOn: r.years === 0 ? r.signedOn : `${Number(r.signedOn.slice(0, 4)) + r.years}${r.signedOn.slice(4).replace("-02-29", "-02-28")}` }),
          }
        : {}),
      dataElements: r.status === "approvedNoStudentData" ? [] : r.elements,
      purposes: r.purposes,
      subprocessors: r.subprocessors,
      ...(r.decision === undefined ? {} : { decision: r.decision }),
      conditions: { ...(r.grades === undefined ? {} : { grades: r.grades }), under13: r.under13, consentOnFile: [], optOuts: r.optOuts, teacherOnly: r.teacherOnly, notes: [] },
      ...(r.storage === undefined ? {} : { nySupplement: { storage: r.storage } }),
      ...(r.notes === undefined ? {} : { notes: r.notes }),
    }),
  );

const registerArb = fc.uniqueArray(agreementArb, { maxLength: 8, selector: (a) => a.id });

describe("privacy register CSV round trip", () => {
  it("reading what was written gives the same agreements, with no errors", () => {
    fc.assert(
      fc.property(registerArb, (agreements) => {
        const csv = writePrivacyRegister(agreements);
        const back = readPrivacyRegister(csv);
        expect(back.errors).toEqual([]);
        expect(back.stats.parsed).toBe(agreements.length);
        expect(back.rows.map((a) => agreementSchema.parse(a))).toEqual(agreements.map((a) => agreementSchema.parse(a)));
      }),
      { numRuns: 150 },
    );
  });

  it("every row is either read or reported: total = parsed + failed, and each failed row has an error on its line", () => {
    const cell = fc.oneof(word, day, fc.constantFrom("", "Active", "none", "NDPA", "Shoe Size", "K-5", "14", "maybe", "2025-13-45", "=cmd()"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { maxLength: 10 }), (rows) => {
        const header = "App,Status,Agreement Type,Signed On,Expires On,Data Elements,Grades,Under 13";
        const csv = [header, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\n");
        const r = readPrivacyRegister(csv);
        expect(r.stats.total).toBe(r.stats.parsed + r.stats.failed);
        expect(r.rows).toHaveLength(r.stats.parsed);
        const failedLines = new Set(r.errors.map((e) => e.line));
        expect(failedLines.size).toBe(r.stats.failed);
        for (const a of r.rows) expect(agreementSchema.safeParse(a).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
