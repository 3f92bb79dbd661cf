import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DistrictKitError } from "@districtkit/core";
import { buildApprovedAppList, findUnvettedApps, privacyRegisterSchema, reviewRegister } from "@districtkit/vetting";
import { describe, expect, it } from "vitest";
import { writeApprovedAppList } from "../write/approvedAppList.js";
import { readUsage } from "./licenses.js";
import { readPrivacyRegister, writePrivacyRegister } from "./privacyRegister.js";

const data = join(import.meta.dirname, "../../../../examples/data");
const csv = readFileSync(join(data, "privacy/register.csv"));
const district = { name: "Maple Valley School District", state: "OR" };

describe("the sample district's privacy register (examples/data/privacy/register.csv)", () => {
  const read = readPrivacyRegister(csv);

  it("reads every row into a valid agreement, in the registry's words", () => {
    expect(read.errors).toEqual([]);
    expect(read.stats).toEqual({ total: 7, parsed: 7, failed: 0, blankLines: 0 });
    expect(read.rows.map((a) => [a.id, a.status, a.type ?? null, a.state ?? null])).toEqual([
      ["readwell-2025", "signed", "sdpcNdpa", null],
      ["quickcheck-2023", "signed", "stateDpa", "OR"], // "OR DPA": Oregon's model agreement
      ["quickcheck-2026", "requested", "stateDpa", "OR"],
      ["writemate-2026", "signed", "sdpcNdpa", null],
      ["quizblast-none", "none", null, null],
      ["pollpro-terms", "signed", "vendorTerms", null],
      ["starchart-nodata", "approvedNoStudentData", null, null],
    ]);
    const writemate = read.rows[3]!;
    expect(writemate.decision).toBe("approvedWithConditions");
    expect(writemate.conditions).toEqual({
      grades: ["06", "07", "08", "09", "10", "11", "12"],
      under13: "withParentalConsent",
      consentOnFile: ["stu-00455", "stu-00456"],
      optOuts: ["stu-00700"],
      teacherOnly: false,
      notes: ["Pilot at the middle and high school", "no student prompts kept for model training"],
    });
    expect(read.rows[5]!.conditions?.teacherOnly).toBe(true);
    expect(privacyRegisterSchema.safeParse({ district, agreements: read.rows }).success).toBe(true);
  });

  it("reviews on the sample's as-of date: QuickCheck's state DPA expired, its renewal only requested", () => {
    const review = reviewRegister({ district, agreements: read.rows }, { asOf: "2026-07-01" });
    const quickcheck = review.find((a) => a.appId === "quickcheck")!;
    expect(quickcheck.cleared).toBe(false);
    expect(quickcheck.status).toBe("requested");
    expect(
      review
        .filter((a) => a.cleared)
        .map((a) => a.appId)
        .sort(),
    ).toEqual(["pollpro", "readwell", "starchart", "writemate-ai"]);
  });

  it("writes the register back as CSV that reads to the same agreements", () => {
    const again = readPrivacyRegister(writePrivacyRegister({ district, agreements: read.rows }));
    expect(again.errors).toEqual([]);
    expect(again.rows).toEqual(read.rows);
  });

  it("exports the approved-app list: one row per cleared app, nothing withheld in it", () => {
    const list = buildApprovedAppList({ district, agreements: read.rows }, { asOf: "2026-07-01" });
    const out = writeApprovedAppList(list, { newline: "\n" }).trimEnd().split("\n");
    expect(out[0]).toBe("App,Vendor,Vendor Address,Purposes,Data Elements,Subprocessors,Agreement,Signed On,Expires On,Agreement URL,Conditions,New Since Last List");
    expect(out.slice(1).map((l) => l.split(",")[0])).toEqual(["ReadWell", "WriteMate AI", "PollPro", "StarChart Planetarium"]);
    expect(out.some((l) => l.startsWith("QuickCheck"))).toBe(false);
    expect(out[4]).toContain("None needed: no student data");
  });

  it("finds the apps in use that the register does not clear, from the usage export as readUsage reads it", () => {
    const usage = readUsage(readFileSync(join(data, "licenses/usage.csv")));
    const r = findUnvettedApps({ district, agreements: read.rows }, usage.rows, { asOf: "2026-07-01" });
    expect(r.apps.map((a) => [a.product, a.status, a.students])).toEqual([["QuickCheck", "noCurrentAgreement", 520]]);
    expect(r.cleared.map((a) => a.product).sort()).toEqual(["PollPro", "ReadWell"]);
  });
});

describe("row errors, each with its line, column and reason", () => {
  it("lists every problem of a row and keeps the good rows", () => {
    const text = [
      "Product Name,Status,Agreement Type,Date Approved,Expiration Date,Data Elements,Grades,Under 13,Decision",
      "Good,Active,NDPA,2025-07-01,2028-06-30,Student Name,K-5,no,Approved",
      "Bad,Maybe,Handshake,2025-07-01,2024-06-30,Shoe Size,14,sometimes,Perhaps",
      "NoDate,Signed,,,,,,,",
      "StateNoCode,Signed,State DPA,2025-01-01,,,,,",
    ].join("\n");
    const r = readPrivacyRegister(text);
    expect(r.rows.map((a) => a.appName)).toEqual(["Good"]);
    expect(r.stats).toEqual({ total: 4, parsed: 1, failed: 3, blankLines: 0 });
    expect(r.errors.map((e) => `${e.line} ${e.column}`)).toEqual([
      "3 Status",
      "3 Agreement Type",
      "3 Decision",
      "3 Under 13",
      "3 Data Elements",
      "3 Grades",
      "3 Expiration Date",
      "4 Date Approved",
      "5 null", // no Agreement State column: the problem is the row's
    ]);
    expect(r.errors[0]!.message).toBe('line 3, Status: "Maybe" is not a DPA status (none, requested, signed, expired, approved — no student data)');
    expect(r.errors[6]!.reason).toBe('expected an expiry on or after the signing date 2025-07-01, got "2024-06-30"');
    expect(r.errors[8]!.message).toBe("line 5: expected the state whose model agreement this is (type is stateDpa)");
  });

  it("refuses a repeated explicit id and numbers repeated derived ids", () => {
    const r = readPrivacyRegister("Agreement ID,App,Status\nx,A,none\nx,B,none");
    expect(r.errors.map((e) => e.message)).toEqual(['line 3, Agreement ID: duplicate agreement id "x" (first on line 2)']);
    const derived = readPrivacyRegister("App,Status,Signed On\nA,signed,2025-01-01\nA,signed,2025-01-01");
    expect(derived.rows.map((a) => a.id)).toEqual(["a-2025-01-01", "a-2025-01-01-2"]);
  });

  it("keeps a user's id as data: __proto__ and constructor are app ids like any other", () => {
    const r = readPrivacyRegister("App,App ID,Status\n__proto__,__proto__,none\nconstructor,constructor,none");
    expect(r.rows.map((a) => a.appId)).toEqual(["__proto__", "constructor"]);
  });

  it("fails as a DistrictKitError on a file without the app or status column, and on a bad register to write", () => {
    expect(() => readPrivacyRegister("Vendor,Notes\nA,b")).toThrow(DistrictKitError);
    expect(() => writePrivacyRegister({ district, agreements: [{ id: "x" }] })).toThrow(DistrictKitError);
    expect(() => writeApprovedAppList({ kind: "nySupplementalInformation" })).toThrow(DistrictKitError);
  });
});
