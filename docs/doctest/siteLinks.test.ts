// The documentation site's link check judges absolute links offline, by their shape
// (scripts/site-links.mjs): a file name that typedoc's markdown turned into a link must fail it.
import { describe, expect, it } from "vitest";
import { absoluteLinkProblem } from "../../scripts/site-links.mjs";

describe("absolute links in the documentation site", () => {
  it.each([
    // what linkify made of design-note file names in TSDoc (.md is Moldova's TLD)
    ["http://DOMAIN-budget.md", /file name \(\.md\)/],
    ["http://PERFORMANCE.md", /file name \(\.md\)/],
    ["http://index.ts", /file name \(\.ts\)/],
    ["https://quizblast.example/privacy", /reserved/],
    ["https://www.example.com/", /reserved/],
    ["http://localhost:5173", /not a domain name/],
    ["http://127.0.0.1:5173", /IP address/],
    ["https://intranet/", /not a domain name/],
    ["https://foo_bar.org/", /not a valid domain name/],
    ["mailto:nobody", /without an address/],
  ])("refuses %s", (href, reason) => {
    expect(absoluteLinkProblem(href)).toMatch(reason);
  });

  it.each([
    "http://usac.org",
    "https://www.usac.org/e-rate/applicant-process/applying-for-discounts/category-two-budget/",
    "https://www.w3.org/TR/WCAG22/",
    "http://nyrules.elaws.us/nycrr/title8_chapterii_subchaptere_part121_s121.10",
    "//cdn.example-cdn.net/x.js",
    "https://bun.sh",
    "mailto:privacy@district.k12.or.us",
  ])("accepts %s", (href) => {
    expect(absoluteLinkProblem(href)).toBeUndefined();
  });

  it("leaves relative links and other schemes to the file check", () => {
    expect(absoluteLinkProblem("../functions/_districtkit_core.allocate.html")).toBeUndefined();
    expect(absoluteLinkProblem("data:image/svg+xml;base64,AAAA")).toBeUndefined();
  });
});
