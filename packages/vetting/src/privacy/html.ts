// Printable HTML of the register's public documents. Every piece of text that comes from data —
// app and vendor names, purposes, notes, links — passes through escapeHtml (or safeHref for a
// link's target); nothing else is ever concatenated into the page. The page is self-contained:
// one inline style sheet, no script, no image, no font, no external request; its
// Content-Security-Policy (`default-src 'none'`) makes a browser refuse anything else, so a page
// saved to disk prints the same offline.
import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type ApprovedAppList, type ContractNotices, type NySupplementalInformation, type PublicDocument, type PublishedRule, publicDocumentSchema } from "./documentSchemas.js";
import { listInWords } from "./words.js";

/**
 * Escapes text for HTML content and attribute values: `&`, `<`, `>`, `"`, `'` become entities,
 * and characters HTML forbids (NUL and other C0 controls but tab and line breaks, lone
 * surrogates) are dropped.
 *
 * @param text - a text or a number (null and undefined are written as nothing)
 * @returns the escaped text
 * @throws DistrictKitError for anything else (an object, a symbol)
 * @example
 * ```ts
 * escapeHtml(`<script>alert("x")</script> & 'y'`); // => "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
 * ```
 * @category Public documents
 */
export function escapeHtml(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return "";
  if (typeof text !== "string" && typeof text !== "number") throw DistrictKitError.argument(["text"], `expected a text or a number to escape, got ${typeof text}`);
  return (
    String(text)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from the printed text on purpose
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
  );
}

/** A link target that is safe to print: http(s) and mailto only (anything else — javascript:, data: — is refused). */
function safeHref(url: string): string | null {
  const t = url.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(t)) return null;
  return escapeHtml(t);
}

/** A link when the target is safe, else the text alone. */
function link(url: string | null, label?: string): string {
  if (url === null) return "";
  const href = safeHref(url);
  const text = escapeHtml(label ?? url);
  return href === null ? text : `<a href="${href}">${text}</a>`;
}

function list(items: readonly string[], empty = "—"): string {
  if (items.length === 0) return escapeHtml(empty);
  if (items.length === 1) return escapeHtml(items[0]);
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
p.meta { color: #333; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #888; padding: .35rem .45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
td ul, dd ul { margin: 0; padding-left: 1.1rem; }
dl { margin: 0; }
dt { font-weight: 600; margin-top: .5rem; }
dd { margin: 0 0 0 1rem; }
.missing { color: #8a1c1c; font-style: italic; }
.note { font-size: 9pt; color: #333; }
a { color: #0b4f9c; }
footer { margin-top: 2rem; font-size: 9pt; color: #333; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; word-break: break-all; }
  tr, section, dl { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
@page { margin: 1.6cm 1.4cm; }
`;

function page(doc: PublicDocument, body: string): string {
  const contact = [
    doc.website ? `Website: ${link(doc.website)}` : "",
    doc.privacyContact
      ? `Privacy contact: ${doc.privacyContact.includes("@") && !doc.privacyContact.includes(" ") ? link(`mailto:${doc.privacyContact}`, doc.privacyContact) : escapeHtml(doc.privacyContact)}`
      : "",
  ].filter(Boolean);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="meta">${escapeHtml(doc.districtName)} · as of ${escapeHtml(doc.asOf)}${contact.length ? ` · ${contact.join(" · ")}` : ""}</p>`,
    `<p>${escapeHtml(doc.summary)}</p>`,
    "</header>",
    "<main>",
    body,
    "</main>",
    footer(doc.rules, doc.asOf),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function footer(rules: readonly PublishedRule[], asOf: string): string {
  if (rules.length === 0) return `<footer><p>Prepared on ${escapeHtml(asOf)} with DistrictKit from the district's privacy register.</p></footer>`;
  const rows = rules
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.citation)}</td><td>${escapeHtml(r.requirement)}${r.unconfirmed.length ? `<br><span class="note">Unconfirmed: ${escapeHtml(r.unconfirmed.join("; "))}</span>` : ""}</td><td>${escapeHtml(r.effective)}</td></tr>`,
    )
    .join("\n");
  const sources = [...new Set(rules.flatMap((r) => r.sources))];
  return [
    "<footer>",
    "<h2>The rules this document follows</h2>",
    `<table><thead><tr><th scope="col">Section</th><th scope="col">What it requires</th><th scope="col">In force from</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    `<p class="note">Sources: ${sources.map((s) => escapeHtml(s)).join("; ")}.</p>`,
    `<p class="note">Prepared on ${escapeHtml(asOf)} with DistrictKit from the district's privacy register.</p>`,
    "</footer>",
  ].join("\n");
}

function internalSections(doc: { gaps: ApprovedAppList["gaps"] }, extra: string[] = []): string {
  const out = [...extra];
  if (doc.gaps.length > 0) {
    out.push(
      "<h2>Gaps to fill before posting</h2>",
      `<table><thead><tr><th scope="col">App</th><th scope="col">Missing</th><th scope="col">Required by</th></tr></thead><tbody>${doc.gaps
        .map((g) => `<tr><td>${escapeHtml(g.appName ?? "(district)")}</td><td>${escapeHtml(g.missing)}</td><td>${escapeHtml(g.citation)}</td></tr>`)
        .join("")}</tbody></table>`,
    );
  }
  return out.join("\n");
}

function approvedListBody(doc: ApprovedAppList, internal: boolean): string {
  const rows = doc.entries
    .map((e) => {
      const agreement = e.noStudentData
        ? "Approved: receives no student data"
        : e.agreement === null
          ? "—"
          : [
              escapeHtml(e.agreement.type ?? "Agreement"),
              e.agreement.signedOn ? `signed ${escapeHtml(e.agreement.signedOn)}` : "",
              e.agreement.expiresOn ? `expires ${escapeHtml(e.agreement.expiresOn)}` : "",
              e.agreement.url ? link(e.agreement.url, "copy of the agreement") : "",
            ]
              .filter(Boolean)
              .join("<br>");
      const app = [`<strong>${escapeHtml(e.appName)}</strong>${e.newSince ? " <em>(new)</em>" : ""}`, e.vendor ? escapeHtml(e.vendor) : "", e.vendorAddress ? escapeHtml(e.vendorAddress) : ""]
        .filter(Boolean)
        .join("<br>");
      return `<tr><th scope="row">${app}</th><td>${list(e.purposes)}</td><td>${list(e.dataElements, e.noStudentData ? "none" : "—")}</td><td>${agreement}</td><td>${list(e.subprocessors)}</td><td>${list(e.conditions, "none")}</td></tr>`;
    })
    .join("\n");
  const parts = [
    "<section>",
    "<h2>Apps approved for use with students</h2>",
    doc.entries.length === 0
      ? "<p>No app is cleared for use with student data on this date.</p>"
      : `<table><thead><tr><th scope="col">App and operator</th><th scope="col">Used for</th><th scope="col">Student data it receives</th><th scope="col">Agreement</th><th scope="col">Subcontractors</th><th scope="col">Conditions of use</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    "</section>",
  ];
  if (doc.since !== null) {
    const added = doc.changes.added.map((c) => `${c.appName}${c.on ? ` (agreement signed ${c.on})` : ""}`);
    const removed = doc.changes.removed.map((c) => `${c.appName}: ${c.reason}`);
    parts.push("<section>", `<h2>Changes since ${escapeHtml(doc.since)}</h2>`, `<h3>Added</h3>${list(added, "none")}`, `<h3>Removed</h3>${list(removed, "none")}`, "</section>");
  }
  if (doc.notApproved.length > 0) {
    parts.push("<section>", "<h2>Apps not approved</h2>", "<p>These apps may not be used with student data.</p>", list(doc.notApproved.map((n) => `${n.appName}: ${n.reason}`)), "</section>");
  }
  if (doc.parentRightsUrl !== null) {
    parts.push("<section>", "<h2>Your rights</h2>", `<p>How to review and correct your child's information: ${link(doc.parentRightsUrl)}</p>`, "</section>");
  }
  if (internal) {
    const extra: string[] = [];
    if (doc.withheld.length > 0) extra.push("<h2>Approved, but withheld from the list</h2>", list(doc.withheld.map((w) => `${w.appName}: ${w.reason}`)));
    if (doc.deadlines.length > 0) extra.push("<h2>Deadlines</h2>", list(doc.deadlines.map((d) => d.explanation)));
    if (doc.reminders.length > 0) extra.push("<h2>Publish beside this list</h2>", list(doc.reminders));
    parts.push(`<section class="internal">${internalSections(doc, extra)}</section>`);
  }
  return parts.join("\n");
}

function nyBody(doc: NySupplementalInformation, internal: boolean): string {
  const blocks = doc.contracts.map((c) => {
    const items = c.items
      .map(
        (i) =>
          `<dt>${escapeHtml(i.label)} <span class="note">(${escapeHtml(i.citation)})</span></dt><dd>${i.text === null ? '<span class="missing">Not yet provided.</span>' : escapeHtml(i.text)}</dd>`,
      )
      .join("\n");
    return `<section><h2>${escapeHtml(c.appName)}${c.vendor ? ` — ${escapeHtml(c.vendor)}` : ""}</h2><dl>\n${items}\n</dl></section>`;
  });
  if (blocks.length === 0) blocks.push("<p>No contract in force shares student data on this date.</p>");
  if (internal) blocks.push(internalSections(doc));
  return blocks.join("\n");
}

function ctBody(doc: ContractNotices, internal: boolean): string {
  const blocks = doc.notices.map((n) => {
    const what = `${n.renewal ? "renewed" : "new"} contract`;
    return [
      "<section>",
      `<h2>${escapeHtml(n.appName)}${n.vendor ? ` — ${escapeHtml(n.vendor)}` : ""}</h2>`,
      `<p>On ${escapeHtml(n.signedOn)} the board signed a ${what} with ${escapeHtml(n.vendor ?? n.appName)} for ${escapeHtml(n.appName)}.</p>`,
      `<p>Student data shared: ${escapeHtml(n.dataElements.length ? listInWords(n.dataElements) : "none")}.</p>`,
      `<p>Used for: ${escapeHtml(n.purposes.length ? listInWords(n.purposes) : "—")}.</p>`,
      n.url ? `<p>The contract: ${link(n.url)}</p>` : "",
      internal && n.notifyBy ? `<p class="note">Notify students and parents and post by ${escapeHtml(n.notifyBy)}${n.pastDue ? " — this date has passed" : ""}.</p>` : "",
      "</section>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  if (blocks.length === 0) blocks.push(`<p>No contract sharing student data was signed between ${escapeHtml(doc.since)} and ${escapeHtml(doc.asOf)}.</p>`);
  if (internal) blocks.push(internalSections(doc));
  return blocks.join("\n");
}

const renderOptionsSchema = z.strictObject({
  /** Add what the office needs and the public does not: gaps, deadlines, withheld apps (default false). */
  internal: z.boolean().default(false),
});

/**
 * A public document of the privacy register — the approved-app list, New York's supplemental
 * information, Connecticut's contract notices — as one printable, self-contained HTML page:
 * every text escaped, links only to `http(s):` and `mailto:` targets, one inline style sheet with
 * print rules, no script, no image, no font, nothing fetched (its Content-Security-Policy refuses
 * anything else), so the page works offline and prints the same. The rules it follows are cited
 * at the foot, with their sections, dates and sources. The public page never shows a student's id;
 * `internal: true` adds the office's view (gaps, deadlines, withheld apps).
 *
 * @param document - a document from {@link buildApprovedAppList}, {@link buildNySupplementalInformation} or {@link buildContractNotices}
 * @param options - `{ internal? }`
 * @returns the HTML page
 * @throws DistrictKitError for a document that is not one of these
 * @example
 * ```ts
 * const list = buildApprovedAppList({
 *   district: { name: "Maple <Valley> SD", state: "OR" },
 *   agreements: [{ id: "x", appId: "x", appName: "<img src=x onerror=alert(1)>", status: "approvedNoStudentData", decision: "approved" }],
 * }, { asOf: "2026-07-01" });
 * const html = renderPublicDocumentHtml(list);
 * html.includes("<img"); // => false
 * html.includes("&lt;img src=x onerror=alert(1)&gt;"); // => true
 * html.includes("<script"); // => false
 * ```
 * @category Public documents
 */
export function renderPublicDocumentHtml(document: unknown, options: unknown = {}): string {
  const doc = parseInput(publicDocumentSchema, document, ["document"]);
  const o = parseInput(renderOptionsSchema, options, ["options"]);
  const body = doc.kind === "approvedAppList" ? approvedListBody(doc, o.internal) : doc.kind === "nySupplementalInformation" ? nyBody(doc, o.internal) : ctBody(doc, o.internal);
  return page(doc, body);
}
