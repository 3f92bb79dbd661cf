// The check of absolute links in the generated documentation site (used by build-docs.mjs).
// It runs offline, so it judges a URL by its shape: an http(s) link must name a host that can
// exist on the public internet. It catches what typedoc's markdown (markdown-it with linkify)
// makes of a file name in prose: `DOMAIN-budget.md` ends in a two-letter country-code TLD
// (.md is Moldova), so it became the link http://DOMAIN-budget.md — a host that is not real.

// Endings of file names that are, or look like, top-level domains: a host ending in one of
// them is a file name turned into a link. (A few are real TLDs — .md, .zip, .mov — but no
// documentation of ours links to such a site.)
const FILE_ENDINGS = new Set([
  "md",
  "mdx",
  "markdown",
  "ts",
  "tsx",
  "mts",
  "cts",
  "js",
  "jsx",
  "mjs",
  "cjs",
  "json",
  "jsonc",
  "yaml",
  "yml",
  "toml",
  "lock",
  "html",
  "htm",
  "css",
  "csv",
  "tsv",
  "txt",
  "xml",
  "svg",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
  "pdf",
  "zip",
  "gz",
  "tgz",
  "mov",
  "map",
  "log",
  "d",
]);
// Names reserved so that they never resolve on the public internet (RFC 2606, RFC 6761), and
// the loopback host: a published page that links to the reader's own machine links to nowhere
// (write such an address as code instead).
const RESERVED_TLDS = new Set(["example", "invalid", "test", "localhost", "local", "internal", "lan", "home", "corp"]);
const RESERVED_DOMAINS = new Set(["example.com", "example.net", "example.org"]);
const LABEL = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]+)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/;

/**
 * Why an absolute link in the site points nowhere, or `undefined` when its shape is that of a
 * real address. Relative links are not judged here (build-docs.mjs checks that their file
 * exists); neither are schemes other than http, https and mailto.
 * @param {string} href
 * @returns {string | undefined}
 */
export function absoluteLinkProblem(href) {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  const protocolRelative = href.startsWith("//");
  if (!protocolRelative && scheme !== "http" && scheme !== "https" && scheme !== "mailto") return undefined;
  let host;
  if (scheme === "mailto") {
    const address = decodeURIComponent(href.slice("mailto:".length).split("?")[0] ?? "");
    const at = address.lastIndexOf("@");
    if (at <= 0) return "a mail link without an address";
    host = address.slice(at + 1).toLowerCase();
  } else {
    let url;
    try {
      url = new URL(protocolRelative ? `https:${href}` : href);
    } catch {
      return "not a valid URL";
    }
    host = url.hostname;
  }
  if (host === "") return "no host";
  if (/^\d+(?:\.\d+){3}$/.test(host) || host.startsWith("[")) return `an IP address (${host}), not a name`;
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2) return `the host "${host}" is not a domain name`;
  if (!labels.every((l) => LABEL.test(l))) return `the host "${host}" is not a valid domain name`;
  const tld = labels[labels.length - 1];
  if (!TLD.test(tld)) return `the host "${host}" does not end in a top-level domain`;
  if (FILE_ENDINGS.has(tld)) return `the host "${host}" is a file name (.${tld}) turned into a link`;
  if (RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.has(labels.slice(-2).join("."))) return `the host "${host}" is reserved and never resolves`;
  return undefined;
}
