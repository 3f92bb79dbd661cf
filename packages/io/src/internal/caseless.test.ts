import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caselessValue, longestCaselessPrefix } from "./caseless.js";

// The references: the scans the indexed look-ups replace (inventoryFromExports' school, category
// and role maps, the licence import's product and school maps).
function scanValue<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
function scanPrefix<T>(map: Readonly<Record<string, T>>, text: string): [string, T] | undefined {
  let best: [string, T] | undefined;
  for (const [k, v] of Object.entries(map)) {
    if (text.toLowerCase().startsWith(k.toLowerCase()) && (!best || k.length > best[0].length)) best = [k, v];
  }
  return best;
}

// keys from a few pieces that collide once lowercased, Unicode whose lowercase is longer ("İ")
// or different ("Σ"), and path separators, so prefixes and ties are common
const piece = fc.constantFrom("/", "s", "S", "Students", "students", "İ", "i̇", "ß", "SS", "Σ", "σ", "High", "high", "", "__proto__", "constructor");
const text = fc.array(piece, { maxLength: 5 }).map((xs) => xs.join(""));
const map = fc.array(fc.tuple(text, fc.integer({ min: 0, max: 99 })), { maxLength: 12 }).map((entries) => {
  const m: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of entries) m[k] = v;
  return m;
});

describe("caseless look-ups (the fast path of inventoryFromExports' and the licence import's maps)", () => {
  it("find the value a scan of the entries finds", () => {
    fc.assert(
      fc.property(map, text, (m, key) => {
        expect(caselessValue(m, key)).toBe(scanValue(m, key));
      }),
      { numRuns: 2000 },
    );
  });

  it("find the longest prefix a scan of the entries finds, ties included", () => {
    fc.assert(
      fc.property(map, text, (m, t) => {
        expect(longestCaselessPrefix(m, t)).toEqual(scanPrefix(m, t));
      }),
      { numRuns: 2000 },
    );
  });

  it("keep the first key in the map's order among keys of one length", () => {
    const m = { "/Students": "a", "/students": "b", "/STUDENTS/high": "c", "/students/HIGH": "d" };
    expect(longestCaselessPrefix(m, "/students/high/9")).toEqual(["/STUDENTS/high", "c"]);
    expect(longestCaselessPrefix(m, "/Students/Middle")).toEqual(["/Students", "a"]);
    expect(caselessValue(m, "/STUDENTS")).toBe("a");
    expect(longestCaselessPrefix(m, "/staff")).toBeUndefined();
    // "İs" and "i\u0307" are both two code units, both prefixes of "i\u0307s" once lowercased: the first listed wins
    expect(longestCaselessPrefix({ "i\u0307": 1, "\u0130s": 2 }, "i\u0307s")).toEqual(["i\u0307", 1]);
    expect(longestCaselessPrefix({ "\u0130s": 2, "i\u0307": 1 }, "i\u0307s")).toEqual(["\u0130s", 2]);
  });
});
