import { describe, expect, it } from "vitest";
import { escapeIcsText, foldIcsLine } from "./icsText.js";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("escapeIcsText (RFC 5545 §3.3.11)", () => {
  it("writes the RFC's own DESCRIPTION example", () => {
    // RFC 5545 §3.3.11, example: "Project XYZ Final Review\nConference Room - 3B\nCome Prepared."
    expect(`DESCRIPTION:${escapeIcsText("Project XYZ Final Review\nConference Room - 3B\nCome Prepared.")}`).toBe("DESCRIPTION:Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared.");
  });
  it("escapes backslash, semicolon and comma, the backslash first", () => {
    expect(escapeIcsText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeIcsText("\\n")).toBe("\\\\n");
  });
  it("turns CRLF, CR and LF into one \\n each and drops other control characters", () => {
    expect(escapeIcsText("a\r\nb\rc\nd")).toBe("a\\nb\\nc\\nd");
    expect(escapeIcsText("a\u0000b\u001Fc\u007Fd\te")).toBe("abcd\te");
  });
  it("leaves a colon and non-ASCII text alone", () => {
    expect(escapeIcsText("Act by: Übung — 🎒")).toBe("Act by: Übung — 🎒");
  });
});

describe("foldIcsLine (RFC 5545 §3.1)", () => {
  it("leaves a line of exactly 75 octets and folds one of 76", () => {
    const l75 = "X".repeat(75);
    expect(foldIcsLine(l75)).toBe(l75);
    expect(foldIcsLine(l75 + "Y")).toBe(`${l75}\r\n Y`);
  });
  it("counts octets, not characters, and never splits a UTF-8 character", () => {
    // 74 ASCII octets, then "é" (2 octets) would make 76: it goes to the next line whole
    const line = "D".repeat(74) + "é" + "Z";
    const folded = foldIcsLine(line);
    expect(folded).toBe(`${"D".repeat(74)}\r\n éZ`);
    const emoji = "SUMMARY:" + "🎒".repeat(40); // 8 + 160 octets
    const lines = foldIcsLine(emoji).split("\r\n");
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(emoji);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
  });
  it("unfolds (RFC 5545 §3.1: remove CRLF + one space) to the original", () => {
    const line = `DESCRIPTION:${"This is a long description that exists on a long line. ".repeat(5)}`;
    const folded = foldIcsLine(line);
    expect(folded.split("\r\n").length).toBeGreaterThan(3);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });
});
