import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayArb, registerArb } from "../../test/privacyArbitraries.js";
import { STUDENT_DATA_CATEGORIES } from "../tables/dataCategories.js";
import { buildApprovedAppList } from "./approvedList.js";
import { buildContractNotices } from "./contractNotices.js";
import { renderPublicDocumentHtml } from "./html.js";
import { buildNySupplementalInformation } from "./nySupplement.js";
import { type Agreement, privacyRegisterSchema } from "./schema.js";
import { checkRosterSharing } from "./sharing.js";
import { findUnvettedApps } from "./unvetted.js";

/** Reference: an agreement covers the date — plainly written, independent of status.ts. */
function inForce(a: Agreement, asOf: string): boolean {
  if (a.status !== "signed") return false;
  if (a.signedOn === undefined || a.signedOn > asOf) return false;
  return a.expiresOn === undefined || a.expiresOn >= asOf;
}

describe("the published approved-app list", () => {
  it("never lists an app without an agreement in force on the date, unless it is approved as receiving no student data", () => {
    fc.assert(
      fc.property(registerArb, dayArb, (register, asOf) => {
        const r = privacyRegisterSchema.parse(register);
        const list = buildApprovedAppList(register, { asOf });
        for (const e of list.entries) {
          const rows = r.agreements.filter((a) => a.appId === e.appId);
          if (e.noStudentData) {
            expect(rows.some((a) => a.status === "approvedNoStudentData")).toBe(true);
            expect(e.dataElements).toEqual([]);
          } else {
            const a = rows.find((x) => x.id === e.agreement!.id)!;
            expect(inForce(a, asOf)).toBe(true);
            // the data elements published are exactly those the agreement allows
            expect(e.dataElements).toEqual(a.dataElements);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("accounts for every app once: published, withheld (approved, not covered) or not approved", () => {
    fc.assert(
      fc.property(registerArb, dayArb, (register, asOf) => {
        const r = privacyRegisterSchema.parse(register);
        const list = buildApprovedAppList(register, { asOf });
        const ids = [...list.entries.map((e) => e.appId), ...list.withheld.map((w) => w.appId), ...list.notApproved.map((n) => n.appId)];
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(r.agreements.map((a) => a.appId)));
        for (const w of list.withheld) expect(["approved", "approvedWithConditions"]).toContain(w.decision);
      }),
      { numRuns: 200 },
    );
  });

  it("its summary states the numbers of the document", () => {
    fc.assert(
      fc.property(registerArb, dayArb, (register, asOf) => {
        const list = buildApprovedAppList(register, { asOf });
        const nums = [...list.summary.matchAll(/(\d+) (?:apps?|approved apps?|gaps?) /g)].map((m) => Number(m[1]));
        expect(nums).toEqual([list.entries.length, list.withheld.length, list.gaps.length]);
      }),
      { numRuns: 100 },
    );
  });
});

const ALLOWED_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "main",
  "footer",
  "section",
  "h1",
  "h2",
  "h3",
  "p",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "ul",
  "li",
  "dl",
  "dt",
  "dd",
  "a",
  "strong",
  "em",
  "span",
  "br",
]);

describe("the printable HTML", () => {
  it("escapes every text: only the template's own tags appear, links only to http(s) and mailto, nothing is fetched", () => {
    fc.assert(
      fc.property(registerArb, dayArb, fc.boolean(), fc.constantFrom("list", "ny", "ct"), (register, asOf, internal, kind) => {
        const doc =
          kind === "list"
            ? buildApprovedAppList(register, { asOf, since: "2019-01-01" })
            : kind === "ny"
              ? buildNySupplementalInformation(register, { asOf })
              : buildContractNotices(register, { asOf, since: "2019-01-01" });
        const html = renderPublicDocumentHtml(doc, { internal });
        const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase());
        for (const t of tags) expect(ALLOWED_TAGS.has(t)).toBe(true);
        for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) expect(tag).not.toMatch(/\ssrc=|\son[a-z]+=|\sstyle=/i);
        for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:\/\/|mailto:)/i);
        expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
        // the only "<" in the page open the template's tags or a comment-free doctype
        expect(html.replace(/<\/?[a-zA-Z][^>]*>/g, "").replace("<!doctype html>", "")).not.toContain("<");
      }),
      { numRuns: 200 },
    );
  });
});

describe("apps in use but never vetted", () => {
  const usageArb = fc.array(
    fc.record({
      product: fc.constantFrom("app0", "App 1", "app2", "PhotoFix", "chatbuddy", "APP3"),
      user: fc.constantFrom("u1", "u2", "u3", "u4", "u5"),
      role: fc.constantFrom("student", "teacher", "Student", "staff"),
    }),
    { maxLength: 40 },
  );
  it("ranks by score (users × sensitivity), never lists a cleared app, counts each user once", () => {
    fc.assert(
      fc.property(registerArb, usageArb, dayArb, (register, usage, asOf) => {
        const r = findUnvettedApps(register, usage, { asOf });
        for (let i = 1; i < r.apps.length; i++) expect(r.apps[i - 1]!.score).toBeGreaterThanOrEqual(r.apps[i]!.score);
        const listed = new Set(r.apps.map((a) => a.appId).filter((x) => x !== null));
        for (const c of r.cleared) expect(listed.has(c.appId)).toBe(false);
        for (const a of r.apps) {
          expect(a.users).toBeLessThanOrEqual(5);
          expect(a.score).toBeCloseTo(a.exposure * a.sensitivity, 9);
          expect(a.sensitivity).toBeGreaterThanOrEqual(1);
        }
        const products = new Set(usage.map((u) => u.product.toLowerCase().replace(/[^a-z0-9]/g, "")));
        expect(r.apps.length + r.cleared.length).toBe(products.size);
      }),
      { numRuns: 200 },
    );
  });
});

describe("roster sharing check", () => {
  const studentsArb = fc.array(fc.record({ id: fc.constantFrom("s1", "s2", "s3", "s4"), grade: fc.constantFrom("KG", "3", "5", "6", "7", "8", "9", "12") }), { maxLength: 10 });
  const fieldsArb = fc.subarray(["givenName", "familyName", "email", "grades", "birthDate", "phone", "agentSourcedIds", "dateLastModified", "favouriteColour"], { minLength: 1 });
  it("every excess column is outside the agreement; every student outside the grades is listed", () => {
    fc.assert(
      fc.property(fc.subarray([...STUDENT_DATA_CATEGORIES], { maxLength: 6 }), fc.subarray(["06", "07", "08"], { minLength: 1 }), fieldsArb, studentsArb, (elements, grades, columns, students) => {
        const register = {
          district: { name: "D", state: "OR" },
          agreements: [{ id: "a", appId: "app", appName: "App", status: "signed", signedOn: "2026-01-01", dataElements: elements, decision: "approvedWithConditions", conditions: { grades } }],
        };
        const shared = { appId: "app", fields: columns.map((c) => ({ file: c === "birthDate" ? "demographics.csv" : "users.csv", column: c, count: 1 })), students };
        const r = checkRosterSharing(register, shared, { asOf: "2026-07-01" });
        for (const f of r.excessFields) expect(elements).not.toContain(f.category);
        const code = (g: string): string => (g === "KG" ? "KG" : g.padStart(2, "0"));
        expect(r.gradeViolations.map((v) => v.studentId)).toEqual(students.filter((s) => !grades.includes(code(s.grade))).map((s) => s.id));
        expect(r.unmappedFields.map((f) => f.column)).toEqual(columns.includes("favouriteColour") ? ["favouriteColour"] : []);
        expect(r.ok).toBe(r.findings.length === 0);
      }),
      { numRuns: 200 },
    );
  });
});
