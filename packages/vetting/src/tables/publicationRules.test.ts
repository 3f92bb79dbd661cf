import { describe, expect, it } from "vitest";
import { contractNoticeDeadlines } from "../deadlines.js";
import { PUBLICATION_RULES, publicationRulesInForce } from "./publicationRules.js";
import { STATE_STUDENT_PRIVACY_LAWS } from "./stateLaws.js";

// Fixtures: what the statutes say, with their sources.
// - 105 ILCS 85/27(a)(1)–(5) (school duties, SOPPA as amended by P.A. 101-516, in force 2021-07-01):
//   lawserver.com/law/state/illinois/il-statutes/105_ilcs_85_27 — five posted items; the posting of
//   an agreement within 10 days and the twice-yearly update: KTJ Law's SOPPA summary.
// - 8 NYCRR §121.3(c)(1)–(6): the six items of supplemental information per contract (quoted in
//   district postings, e.g. studiosourceyearbooks.com/?page_id=1116).
// - C.G.S. §10-234bb(a): "On and after July 1, 2018, a local or regional board of education shall
//   enter into a written contract…"; notice within five business days (DOMAIN-vetting.md §6).
describe("publication rules (fixtures with sources)", () => {
  it("Illinois: the five posted items of 105 ILCS 85/27(a), in force from 2021-07-01", () => {
    const il = PUBLICATION_RULES.filter((r) => r.state === "IL" && /\(a\)\(\d\)$/.test(r.citation));
    expect(il.map((r) => r.citation)).toEqual(["105 ILCS 85/27(a)(1)", "105 ILCS 85/27(a)(2)", "105 ILCS 85/27(a)(3)", "105 ILCS 85/27(a)(4)", "105 ILCS 85/27(a)(5)"]);
    expect(il.every((r) => r.effective === "2021-07-01")).toBe(true);
    expect(il.find((r) => r.citation.endsWith("(a)(2)"))?.fields).toEqual(["url", "vendorAddress"]);
  });

  it("Illinois: an agreement is posted within 10 days of signing (the deadline lives in the state-law table)", () => {
    const rule = PUBLICATION_RULES.find((r) => r.id === "il.operators")!;
    expect(rule.deadline).toEqual({ trigger: "contractSigned", deadlineRule: "il.postAgreement" });
    expect(STATE_STUDENT_PRIVACY_LAWS.IL!.deadlines.find((d) => d.id === "il.postAgreement")?.days).toBe(10);
    expect(contractNoticeDeadlines({ state: "IL", signedOn: "2026-06-25" }).deadlines[0]?.due).toBe("2026-07-05");
  });

  it("Illinois: refreshed within 30 days of the start of each calendar and fiscal year", () => {
    const periods = PUBLICATION_RULES.filter((r) => r.state === "IL" && r.deadline?.trigger === "periodStart").map((r) => r.deadline);
    expect(periods).toContainEqual({ trigger: "periodStart", period: "calendarYear", days: 30 });
    expect(periods).toContainEqual({ trigger: "periodStart", period: "fiscalYear", days: 30 });
  });

  it("New York: the six items of 8 NYCRR §121.3(c), and the Bill of Rights of Education Law §2-d", () => {
    const ny = publicationRulesInForce("NY", "2026-07-01", "nySupplementalInformation");
    expect(ny.map((r) => r.citation)).toEqual([
      "N.Y. Educ. Law §2-d(3); 8 NYCRR §121.3",
      "8 NYCRR §121.3(c)(1)",
      "8 NYCRR §121.3(c)(2)",
      "8 NYCRR §121.3(c)(3)",
      "8 NYCRR §121.3(c)(4)",
      "8 NYCRR §121.3(c)(5)",
      "8 NYCRR §121.3(c)(6)",
    ]);
    expect(ny.find((r) => r.citation.endsWith("(c)(3)"))?.fields).toEqual(["expiresOn", "nySupplement.dataAtExpiration"]);
  });

  it("Connecticut: notice within five business days of a contract, from 2018-07-01 (§10-234bb), operators' duties in §10-234cc", () => {
    const ct = publicationRulesInForce("CT", "2026-07-01");
    expect(ct.map((r) => [r.citation, r.effective])).toEqual([
      ["C.G.S. §10-234bb", "2018-07-01"],
      ["C.G.S. §10-234cc", "2018-07-01"],
    ]);
    const notice = STATE_STUDENT_PRIVACY_LAWS.CT!.deadlines.find((d) => d.id === "ct.contractNotice")!;
    expect([notice.days, notice.dayType]).toEqual([5, "business"]);
    expect(publicationRulesInForce("CT", "2018-06-30")).toEqual([]);
  });

  it("every rule is dated, cited and sourced, and every deadline rule it names exists", () => {
    for (const r of PUBLICATION_RULES) {
      expect(r.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.citation.length).toBeGreaterThan(5);
      expect(r.sources.length).toBeGreaterThan(0);
      if (r.deadline?.trigger === "contractSigned") {
        const dl = r.deadline;
        expect(STATE_STUDENT_PRIVACY_LAWS[r.state]!.deadlines.some((d) => d.id === dl.deadlineRule)).toBe(true);
      }
    }
    expect(new Set(PUBLICATION_RULES.map((r) => r.id)).size).toBe(PUBLICATION_RULES.length);
  });
});
