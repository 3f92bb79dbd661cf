import fc from "fast-check";
import { describe, it } from "vitest";
import { expectOnlyDistrictKitError } from "../../../core/test/fuzz.js";
import * as v from "../index.js";

// The privacy register's public functions, given malformed input, throw a DistrictKitError that
// says what was wrong — never a TypeError, never NaN or Infinity in a result.
const anything = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, "2025-02-30", "", null, undefined, "__proto__", { __proto__: null }, [1, 2], { constructor: "x" }),
);
const register = { district: { name: "D", state: "IL" }, agreements: [{ id: "a", appId: "app", appName: "App", status: "signed", signedOn: "2026-01-01", decision: "approved" }] };
const asOf = { asOf: "2026-07-01" };
/** A register whose rows carry fuzzed values in real fields. */
const fuzzedRegister = fc
  .array(fc.tuple(fc.constantFrom("id", "appId", "status", "signedOn", "expiresOn", "dataElements", "conditions", "decision", "nySupplement", "__proto__"), anything), { maxLength: 4 })
  .map((pairs) => ({ district: { name: "D", state: "NY" }, agreements: [{ ...register.agreements[0], ...Object.fromEntries(pairs) }] }));

const calls: Record<string, (a: unknown, b: unknown) => unknown> = {
  reviewRegister: (a, b) => v.reviewRegister(a, b),
  "reviewRegister(options)": (a) => v.reviewRegister(register, a),
  agreementStatusAt: (a, b) => v.agreementStatusAt(a, b as string),
  listAgreementExpiries: (a) => v.listAgreementExpiries(a),
  buildApprovedAppList: (a) => v.buildApprovedAppList(a, asOf),
  "buildApprovedAppList(options)": (a) => v.buildApprovedAppList(register, a),
  buildNySupplementalInformation: (a, b) => v.buildNySupplementalInformation(a, b),
  buildContractNotices: (a, b) => v.buildContractNotices(a, b),
  renderPublicDocumentHtml: (a, b) => v.renderPublicDocumentHtml(a, b),
  checkRosterSharing: (a) => v.checkRosterSharing(register, a, asOf),
  "checkRosterSharing(register)": (a) => v.checkRosterSharing(a, { appId: "app", fields: [] }, asOf),
  findUnvettedApps: (a) => v.findUnvettedApps(register, a, asOf),
  "findUnvettedApps(options)": (a) => v.findUnvettedApps(register, [{ product: "x", user: "u" }], a),
  approvalFromScore: (a) => v.approvalFromScore(a),
  publicationRulesInForce: (a, b) => v.publicationRulesInForce(a as string, b as string),
  gradeCode: (a) => v.gradeCode(a as string),
  escapeHtml: (a) => v.escapeHtml(a as string),
};

describe("privacy register functions on malformed input", () => {
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} throws only DistrictKitError and never returns NaN or Infinity`, () => {
      fc.assert(
        fc.property(anything, anything, (a, b) => expectOnlyDistrictKitError(() => call(a, b))),
        { numRuns: 120 },
      );
    });
  }
  it("every document builder on registers with fuzzed fields", () => {
    fc.assert(
      fc.property(fuzzedRegister, (r) => {
        expectOnlyDistrictKitError(() => v.renderPublicDocumentHtml(v.buildApprovedAppList(r, asOf)));
        expectOnlyDistrictKitError(() => v.buildNySupplementalInformation(r, asOf));
        expectOnlyDistrictKitError(() => v.listAgreementExpiries(r));
      }),
      { numRuns: 300 },
    );
  });
});
