import { isDistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { buildApprovedAppList } from "./approvedList.js";
import { buildContractNotices } from "./contractNotices.js";
import { buildNySupplementalInformation } from "./nySupplement.js";
import { type PrivacyRegisterInput, privacyRegisterSchema } from "./schema.js";
import { agreementStatusAt, listAgreementExpiries, reviewRegister } from "./status.js";

const register: PrivacyRegisterInput = {
  district: { name: "Elm Hollow SD", state: "IL", website: "https://ehsd.example", parentRightsUrl: "https://ehsd.example/privacy/parents" },
  agreements: [
    {
      id: "rw-2022",
      appId: "readwell",
      appName: "ReadWell",
      vendor: "ReadWell Learning",
      status: "expired",
      type: "sdpcNdpa",
      signedOn: "2022-07-01",
      expiresOn: "2025-06-30",
      dataElements: ["Student Name"],
      decision: "approved",
      decidedOn: "2022-06-20",
    },
    {
      id: "rw-2025",
      appId: "readwell",
      appName: "ReadWell",
      vendor: "ReadWell Learning",
      vendorAddress: "1 Main St",
      status: "signed",
      type: "sdpcNdpa",
      signedOn: "2025-07-01",
      expiresOn: "2028-06-30",
      url: "https://ehsd.example/dpa/readwell.pdf",
      renews: "rw-2022",
      dataElements: ["Student Name", "Enrollment"],
      purposes: ["Reading practice"],
      subprocessors: ["AWS"],
      decision: "approved",
      decidedOn: "2025-06-20",
    },
    { id: "qc", appId: "quickcheck", appName: "QuickCheck", status: "signed", signedOn: "2023-07-01", expiresOn: "2026-06-30", decision: "approved", dataElements: ["Assessment"] },
    { id: "qb", appId: "quizblast", appName: "QuizBlast", status: "none", decision: "denied", decidedOn: "2026-06-10" },
    {
      id: "wm",
      appId: "writemate",
      appName: "WriteMate AI",
      status: "signed",
      type: "stateDpa",
      state: "IL",
      signedOn: "2026-06-26",
      expiresOn: "2026-09-01",
      dataElements: ["Student Name", "Student Work"],
      purposes: ["Writing feedback"],
      decision: "approvedWithConditions",
      conditions: { grades: ["6", "7", "8"], under13: "withParentalConsent", optOuts: ["s9", "s10"] },
    },
    { id: "cs", appId: "clipstudio", appName: "ClipStudio", status: "approvedNoStudentData", purposes: ["Teacher video editing"], decision: "approved", decidedOn: "2026-03-01" },
    { id: "pp", appId: "pollpro", appName: "PollPro", status: "requested", requestedOn: "2026-05-01", decision: "approved" },
    { id: "mm", appId: "mathmeadow", appName: "MathMeadow", status: "signed", signedOn: "2026-08-01", expiresOn: "2029-07-31", decision: "approved", dataElements: ["Assessment"] },
  ],
};

describe("agreement status on a date", () => {
  it("derives expired from the dates, and says when the register disagrees", () => {
    const qc = register.agreements.find((a) => a.id === "qc")!;
    expect(agreementStatusAt(qc, "2026-06-30")).toMatchObject({ status: "signed", inForce: true, daysToExpiry: 0 });
    expect(agreementStatusAt(qc, "2026-07-01")).toMatchObject({ status: "expired", inForce: false, recorded: "signed", daysToExpiry: -1 });
  });

  it("a signed agreement is not in force before its signing date", () => {
    const mm = register.agreements.find((a) => a.id === "mm")!;
    expect(agreementStatusAt(mm, "2026-07-01")).toMatchObject({ status: "signed", inForce: false, note: "signed, but in force only from 2026-08-01" });
  });

  it("refuses a signed agreement with no signing date, an expiry before signing, data elements without student data, duplicate ids", () => {
    const bad = privacyRegisterSchema.safeParse({
      district: { name: "X", state: "IL" },
      agreements: [
        { id: "a", appId: "a", appName: "A", status: "signed" },
        { id: "b", appId: "b", appName: "B", status: "signed", signedOn: "2026-07-01", expiresOn: "2026-06-01" },
        { id: "c", appId: "c", appName: "C", status: "approvedNoStudentData", dataElements: ["Student Name"] },
        { id: "a", appId: "d", appName: "D", status: "none" },
        { id: "e", appId: "e", appName: "E", status: "none", dataElements: ["Shoe size"] },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["agreements.0.signedOn", "agreements.1.expiresOn", "agreements.2.dataElements", "agreements.3.id", "agreements.4.dataElements.0"]));
  });
});

describe("reviewRegister", () => {
  const apps = reviewRegister(register, { asOf: "2026-07-01" });
  const byId = new Map(apps.map((a) => [a.appId, a]));

  it("takes the agreement in force over an expired one of the same app", () => {
    expect(byId.get("readwell")).toMatchObject({ status: "signed", cleared: true, decision: "approved", decidedOn: "2025-06-20" });
    expect(byId.get("readwell")!.currentAgreement?.id).toBe("rw-2025");
    expect(byId.get("readwell")!.agreementIds).toEqual(["rw-2022", "rw-2025"]);
  });

  it("withholds approved apps without an agreement in force, and says why", () => {
    expect(byId.get("quickcheck")).toMatchObject({ cleared: false, status: "expired" });
    expect(byId.get("pollpro")!.issues[0]).toBe("approved, but its agreement is only requested: no student data until it is signed");
    expect(byId.get("mathmeadow")!.issues[0]).toBe("approved, but its agreement is in force only from 2026-08-01");
  });

  it("warns about an agreement expiring within the window", () => {
    expect(byId.get("writemate")!.issues).toContain("its agreement expires on 2026-09-01 (in 62 days)");
    expect(reviewRegister(register, { asOf: "2026-07-01", expiringWithinDays: 30 }).find((a) => a.appId === "writemate")!.issues).toEqual([]);
  });

  it("clears an app approved as receiving no student data", () => {
    expect(byId.get("clipstudio")).toMatchObject({ cleared: true, status: "approvedNoStudentData", currentAgreement: null });
  });
});

describe("listAgreementExpiries (plain data for an expiry calendar)", () => {
  it("lists every agreement with an expiry date, soonest first, with no Money and no class instances", () => {
    const list = listAgreementExpiries(register);
    expect(list.map((e) => [e.agreementId, e.expiresOn])).toEqual([
      ["rw-2022", "2025-06-30"],
      ["qc", "2026-06-30"],
      ["wm", "2026-09-01"],
      ["rw-2025", "2028-06-30"],
      ["mm", "2029-07-31"],
    ]);
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
    expect(list.find((e) => e.agreementId === "wm")!.title).toBe("WriteMate AI data privacy agreement (IL state DPA) expires");
  });
});

describe("buildApprovedAppList", () => {
  it("lists cleared apps with their data, agreement and conditions in words; never a student id", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01", since: "2026-01-30" });
    expect(list.entries.map((e) => e.appId)).toEqual(["readwell", "writemate", "clipstudio"]);
    const wm = list.entries.find((e) => e.appId === "writemate")!;
    expect(wm.conditions).toEqual(["only for grades 6–8", "students under 13 only with a parent's consent on file", "2 families have opted out; their children's data is not shared"]);
    expect(JSON.stringify(list)).not.toContain("s10");
    expect(list.entries.find((e) => e.appId === "clipstudio")).toMatchObject({ noStudentData: true, agreement: null, dataElements: [] });
    expect(list.withheld.map((w) => w.appId)).toEqual(["quickcheck", "pollpro", "mathmeadow"]);
    expect(list.notApproved).toEqual([{ appId: "quizblast", appName: "QuizBlast", decision: "denied", reason: "denied on 2026-06-10" }]);
  });

  it("lists the changes since the last published list (SOPPA: the list and its updates)", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01", since: "2026-01-30" });
    expect(list.changes.added).toEqual([
      { appId: "writemate", appName: "WriteMate AI", on: "2026-06-26" },
      { appId: "clipstudio", appName: "ClipStudio", on: null },
    ]);
    expect(list.changes.removed.map((r) => [r.appId, r.reason])).toEqual([["quickcheck", "approved, but its agreement expired on 2026-06-30: renew it before students use the app"]]);
    expect(list.entries.filter((e) => e.newSince).map((e) => e.appId)).toEqual(["writemate", "clipstudio"]);
  });

  it("computes Illinois deadlines: posting a new agreement, and the next refreshes", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01", since: "2026-01-30" });
    expect(list.deadlines.map((d) => [d.rule, d.due])).toEqual([
      ["il.operators", "2026-07-06"],
      ["il.refreshFiscalYear", "2026-07-30"],
      ["il.dataElements, il.subcontractors, il.parentRights, il.breaches", "2027-01-30"],
    ]);
    expect(list.deadlines[0]!.explanation).toBe("Post the WriteMate AI agreement (signed 2026-06-26) by 2026-07-06: 10 calendar days (105 ILCS 85/27(a)(2)).");
  });

  it("lists the gaps Illinois' rules find in the register, and the breach-list reminder", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01" });
    expect(list.gaps.map((g) => [g.appName, g.citation, g.missing])).toEqual([
      ["WriteMate AI", "105 ILCS 85/27(a)(2)", "a link to a copy of the agreement"],
      ["WriteMate AI", "105 ILCS 85/27(a)(2)", "the operator's business address"],
      ["WriteMate AI", "105 ILCS 85/27(a)(3)", "the operator's subcontractors (or a link to its list)"],
    ]);
    expect(list.reminders).toHaveLength(1);
    expect(list.reminders[0]).toContain("105 ILCS 85/27(a)(5)");
  });

  it("says the numbers its summary gives", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01", since: "2026-01-30" });
    expect(list.summary).toBe(
      `Elm Hollow SD's approved-app list on 2026-07-01: ${list.entries.length} apps cleared for student use; since 2026-01-30: ${list.changes.added.length} added, ${list.changes.removed.length} removed; ${list.withheld.length} approved apps withheld until their agreements are in force; ${list.gaps.length} gaps to fill before posting (IL rules: ${list.rules.length}).`,
    );
  });

  it("a state without rules still gets the list, and says so", () => {
    const list = buildApprovedAppList(register, { asOf: "2026-07-01", state: "OR" });
    expect(list.rules).toEqual([]);
    expect(list.gaps).toEqual([]);
    expect(list.summary).toContain("no publication rule for OR in the table");
  });
});

describe("New York supplemental information and Connecticut notices", () => {
  it("New York: one block per contract in force that shares data; missing items are null, never invented", () => {
    const doc = buildNySupplementalInformation(register, { asOf: "2026-07-01" });
    expect(doc.contracts.map((c) => c.agreementId)).toEqual(["rw-2025", "wm"]);
    const rw = doc.contracts[0]!;
    expect(rw.items[0]).toEqual({ rule: "ny.supplement.purposes", citation: "8 NYCRR §121.3(c)(1)", label: "Exclusive purposes for which the data will be used", text: "Reading practice" });
    expect(rw.items.filter((i) => i.text === null).map((i) => i.citation)).toEqual([
      "8 NYCRR §121.3(c)(2)",
      "8 NYCRR §121.3(c)(3)",
      "8 NYCRR §121.3(c)(4)",
      "8 NYCRR §121.3(c)(5)",
      "8 NYCRR §121.3(c)(6)",
    ]);
    expect(doc.gaps).toHaveLength(10);
    expect(doc.summary).toBe("2 contracts in force on 2026-07-01 share student data; 0 have all six items of 8 NYCRR §121.3(c), 10 items still to write.");
  });

  it("Connecticut: a notice for each contract signed in the window, due five business days after signing", () => {
    const doc = buildContractNotices(register, { asOf: "2026-07-06", since: "2026-06-01" });
    expect(doc.notices.map((n) => [n.agreementId, n.signedOn, n.notifyBy, n.pastDue, n.renewal])).toEqual([["wm", "2026-06-26", "2026-07-03", true, false]]);
    expect(doc.summary).toBe("1 contract signed between 2026-06-01 and 2026-07-06 needs a notice to students and parents; 1 is past the five-business-day date on 2026-07-06.");
    const renewal = buildContractNotices(register, { asOf: "2025-07-03" });
    expect(renewal.notices.map((n) => [n.agreementId, n.renewal])).toEqual([["rw-2025", true]]);
  });

  it("refuses bad options with a DistrictKitError listing the path", () => {
    try {
      buildContractNotices(register, { asOf: "2026-13-01" });
      expect.unreachable();
    } catch (e) {
      expect(isDistrictKitError(e)).toBe(true);
      expect((e as { issues: { pathText: string }[] }).issues[0]!.pathText).toBe("options.asOf");
    }
  });
});
