// iCalendar (RFC 5545) text rules, written by hand because they are small: TEXT escaping
// (§3.3.11: backslash, semicolon, comma and line breaks escaped; other control characters are not
// allowed and are dropped) and content-line folding (§3.1: a line longer than 75 octets is split
// with CRLF followed by one space, never inside a UTF-8 character). Tests: icsText.test.ts (the
// RFC's own examples as fixtures), ics.prop.test.ts (ical.js parses what we write back to the same
// text).

const ENCODER = new TextEncoder();

/**
 * Escapes a value of type TEXT (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, a line
 * break (CRLF, CR or LF) → `\n`; other control characters (not allowed in TEXT) are dropped.
 *
 * @internal
 */
export function escapeIcsText(value: string): string {
  return (
    value
      .replace(/\r\n|\r|\n/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 5545 text may not hold control characters: this removes them
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
      .replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`))
  );
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets (not counting the
 * CRLF), continuation lines start with one space, and a UTF-8 character is never split.
 *
 * @internal
 */
export function foldIcsLine(line: string): string {
  if (ENCODER.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
