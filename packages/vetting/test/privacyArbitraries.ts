import fc from "fast-check";
import type { AgreementInput, PrivacyRegisterInput } from "../src/privacy/schema.js";
import { STUDENT_DATA_CATEGORIES } from "../src/tables/dataCategories.js";

/** Dates 2019–2030 as ISO strings. */
export const dayArb: fc.Arbitrary<string> = fc.date({ min: new Date(Date.UTC(2019, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Text that tries to break HTML: tags, quotes, ampersands, controls, lone surrogates, plus plain words. */
export const nastyTextArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom(
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "javascript:alert(1)",
      "a & b < c > d ' e \" f",
      "\u0000\u0007\ud800",
      "</td></tr></table>",
      "<!--",
      "]]>",
      "data:text/html,<b>x</b>",
    ),
  )
  .filter((s) => s.trim().length > 0);

/** One agreement of app `app<i>` with random status, dates, elements, decision and conditions. */
export const agreementArb = (i: number, appCount: number): fc.Arbitrary<AgreementInput> =>
  fc
    .record({
      app: fc.integer({ min: 0, max: appCount - 1 }),
      status: fc.constantFrom("none", "requested", "signed", "expired", "approvedNoStudentData"),
      signedOn: dayArb,
      years: fc.integer({ min: 0, max: 4 }),
      open: fc.boolean(),
      elements: fc.subarray([...STUDENT_DATA_CATEGORIES], { maxLength: 5 }),
      decision: fc.option(fc.constantFrom("denied", "needsInformation", "approvedWithConditions", "approved"), { nil: undefined }),
      decidedOn: fc.option(dayArb, { nil: undefined }),
      name: nastyTextArb,
      purpose: fc.option(nastyTextArb, { nil: undefined }),
      url: fc.option(fc.constantFrom("https://mvsd.example/dpa.pdf", "javascript:alert(1)", "http://x.example/<b>", "ftp://x"), { nil: undefined }),
    })
    .map((r): AgreementInput => {
      const signed = r.status === "signed" || r.status === "expired";
      // n years after signing (29 February → 28 February in a common year); a 0-year term ends on the
      // signing day itself (29 February moved to the 28th would precede it)
      const expires = r.years === 0 ? r.signedOn : `${Number(r.signedOn.slice(0, 4)) + r.years}${r.signedOn.slice(4)}`.replace(/-02-29$/, "-02-28");
      return {
        id: `a${i}`,
        appId: `app${r.app}`,
        appName: `${r.name}`,
        status: r.status,
        ...(signed ? { signedOn: r.signedOn, ...(r.open ? {} : { expiresOn: expires }) } : {}),
        dataElements: r.status === "approvedNoStudentData" ? [] : r.elements,
        ...(r.decision === undefined ? {} : { decision: r.decision }),
        ...(r.decidedOn === undefined ? {} : { decidedOn: r.decidedOn }),
        ...(r.purpose === undefined ? {} : { purposes: [r.purpose] }),
        ...(r.url === undefined ? {} : { url: r.url }),
      };
    });

/** A register of 0–10 agreements over up to 5 apps, in a state with publication rules or not. */
export const registerArb: fc.Arbitrary<PrivacyRegisterInput> = fc
  .record({ n: fc.integer({ min: 0, max: 10 }), apps: fc.integer({ min: 1, max: 5 }), state: fc.constantFrom("IL", "NY", "CT", "OR"), name: nastyTextArb })
  .chain(({ n, apps, state, name }) => fc.tuple(...Array.from({ length: n }, (_, i) => agreementArb(i, apps))).map((agreements) => ({ district: { name, state }, agreements })));
