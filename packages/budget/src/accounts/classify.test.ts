import { isDistrictKitError } from "@districtkit/core";
import { describe, expect, it } from "vitest";
import { type AccountMappingInput, CALIFORNIA_SACS_MAPPING, compileAccountMapping, NCES_ACCOUNT_CODES, NCES_TECHNOLOGY_MAPPING } from "../index.js";

// Codes: NCES, Financial Accounting for Local and State School Systems, 2014 Edition (NCES 2015-347),
// https://nces.ed.gov/pubs2015/fin_acct/codefinder.asp (and the CEDS option sets built on it).
describe("NCES_ACCOUNT_CODES", () => {
  it("lists the technology functions and objects the issue names, with their sources", () => {
    const f = new Map(NCES_ACCOUNT_CODES.functions.map((x) => [x.code, x.name]));
    expect(f.get("2230")).toBe("Instruction-Related Technology");
    expect(f.get("2580")).toBe("Administrative Technology Services");
    expect([...f.keys()].some((c) => c.startsWith("28"))).toBe(true);
    const o = new Map(NCES_ACCOUNT_CODES.objects.map((x) => [x.code, x.name]));
    for (const code of ["351", "432", "443", "530", "650", "734", "735"]) expect(o.has(code)).toBe(true);
    expect(o.get("735")).toBe("Technology Software");
    expect(NCES_ACCOUNT_CODES.objects.find((x) => x.code === "530")!.note).toMatch(/licences and fees/);
    expect(NCES_ACCOUNT_CODES.levelsOfInstruction.map((x) => x.code)).toContain("50");
    expect(NCES_ACCOUNT_CODES.sources[0]).toMatch(/nces\.ed\.gov\/pubs2015/);
    expect(NCES_ACCOUNT_CODES.functions.filter((x) => x.edition === "1990").every((x) => x.unconfirmed)).toBe(true);
  });
});

describe("compileAccountMapping (NCES layout)", () => {
  const c = compileAccountMapping(NCES_TECHNOLOGY_MAPPING);
  it.each([
    ["100-2230-734-000-100", "hardware"],
    ["100-1000-735-000-100", "software"],
    ["100-2230-650-000-100", "hardware"],
    ["100-2230-443-000-100", "hardware"],
    ["100-2580-432-000-100", "services"],
    ["100-2580-351-000-100", "services"],
    ["100-2580-530-000-100", "network"],
    ["100-1000-530-000-100", "software"],
    ["100-2230-330-000-100", "professional-development"],
    ["100-2840-110-000-100", "support-staff"],
    ["100-2580-810-000-100", "other"],
  ])("maps %s to %s", (account, category) => {
    const r = c.classify(account);
    expect(r.status).toBe("mapped");
    expect(r.category).toBe(category);
    expect(r.fund).toBe("general-fund");
    expect(r.explanation).toContain(category);
  });
  it("excludes salaries outside the technology functions, with the rule's reason", () => {
    const r = c.classify("100-1000-111-000-100");
    expect(r.status).toBe("excluded");
    expect(r.reason).toMatch(/outside the technology functions/);
  });
  it("reports an account no rule matches as unmapped, naming every code", () => {
    const r = c.classify("100-2700-610-000-100");
    expect(r.status).toBe("unmapped");
    expect(r.reason).toBe("no category rule matches fund 100, function 2700, object 610, location 000, program 100");
  });
  it("reports a missing fund or school rule with the segment", () => {
    expect(c.classify("215-2230-734-000-100")).toMatchObject({ status: "unmapped", segment: "fund", category: "hardware" });
    expect(c.classify("100-2230-734-003-100")).toMatchObject({ status: "unmapped", segment: "location" });
  });
  it("restores leading zeros a spreadsheet dropped, and says so", () => {
    const r = c.classify("100-2230-734-0-100");
    expect(r.segments.location).toBe("000");
    expect(r.status).toBe("mapped");
    expect(r.notes[0]).toMatch(/leading zeros/);
  });
  it("refuses strings of another layout with the reason", () => {
    expect(c.classify("100.2230.734.000.100")).toMatchObject({ status: "invalid" });
    expect(c.classify("100-2230-7340-000-100").reason).toMatch(/should have 3 characters/);
    expect(c.classify("100-2230-73$-000-100").reason).toMatch(/letters and digits/);
    expect(c.classify("").reason).toBe("the account is empty");
  });
});

describe("compileAccountMapping (other layouts, any order, fixed width)", () => {
  it("reads California SACS strings (second state layout)", () => {
    const c = compileAccountMapping(CALIFORNIA_SACS_MAPPING);
    expect(c.classify("01-0000-0-1110-7700-5900-000")).toMatchObject({ status: "mapped", category: "network", fund: "general-fund" });
    expect(c.classify("01-4127-0-1110-2420-5800-000")).toMatchObject({ category: "software", fund: "title-iv-a" });
    expect(c.classify("01-3010-0-1110-2420-4400-000")).toMatchObject({ status: "unmapped", segment: "fund" });
  });
  it("reads a fixed-width string with the segments in another order, and a year segment", () => {
    const m: AccountMappingInput = {
      id: "fw",
      name: "fixed",
      layout: {
        separator: "",
        segments: [
          { name: "object", role: "object", width: 3 },
          { name: "location", role: "location", width: 2 },
          { name: "fy", role: "year", width: 2 },
          { name: "fund", role: "fund", width: 1 },
        ],
      },
      categories: [{ when: { object: "73*" }, category: "hardware" }],
      funds: [{ when: { fund: "1" }, fund: "gf" }],
      schools: [{ when: { location: "01" }, school: "es" }],
    };
    const r = compileAccountMapping(m).classify("734 01 27 1");
    expect(r).toMatchObject({ status: "mapped", category: "hardware", fund: "gf", school: "es", fiscalYear: 2027 });
    expect(compileAccountMapping(m).classify("7340127").reason).toMatch(/expected 8 characters/);
  });
  it("matches ranges numerically, prefixes and lists", () => {
    const m: AccountMappingInput = {
      id: "p",
      name: "patterns",
      layout: { separator: ".", segments: [{ name: "a" }, { name: "b" }] },
      categories: [
        { when: { a: "2800-2899" }, category: "network" },
        { when: { a: ["5", "9*"] }, category: "software" },
        { when: {}, category: "other" },
      ],
      funds: [{ when: {}, fund: "gf" }],
      schools: [{ when: {}, school: null }],
    };
    const c = compileAccountMapping(m);
    expect(c.classify("2850.x").category).toBe("network");
    expect(c.classify("27.x").category).toBe("other");
    expect(c.classify("5.x").category).toBe("software");
    expect(c.classify("912.x").category).toBe("software");
  });
  it("rejects a mapping whose rules name unknown segments, listing every problem", () => {
    try {
      compileAccountMapping({
        ...NCES_TECHNOLOGY_MAPPING,
        categories: [
          { when: { objekt: "734" }, category: "hardware" },
          { when: {}, category: "x", exclude: "y" },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(isDistrictKitError(e)).toBe(true);
      const issues = (e as { issues: { pathText: string }[] }).issues.map((i) => i.pathText);
      expect(issues).toContain("mapping.categories[0].when.objekt");
      expect(issues).toContain("mapping.categories[1].category");
    }
  });
  it("keeps a user's code that is a JavaScript property name as data", () => {
    const m: AccountMappingInput = {
      id: "proto",
      name: "proto",
      layout: { separator: "-", segments: [{ name: "constructor" }, { name: "b" }] },
      categories: [{ when: { constructor: "PROTO" }, category: "other" }],
      funds: [{ when: {}, fund: "gf" }],
      schools: [{ when: {}, school: null }],
      codeNames: { constructor: { PROTO: "a code" } },
    };
    const r = compileAccountMapping(m).classify("__proto__-x");
    expect(r.status).toBe("invalid");
    expect(compileAccountMapping(m).classify("proto-x").explanation).toContain("other");
  });
});
