import { parseInput } from "@districtkit/core";
import { z } from "zod";

/** OneRoster grade codes the register understands, youngest first (OneRoster 1.2 §4.13.7 vocabulary). */
const ORDER = ["IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "Other"] as const;

/**
 * Writes a grade the way OneRoster does: `K`, `k`, `KG` and `Kindergarten` → `KG`; `1`, `01`,
 * `Grade 1` → `01`; `PK`, `Pre-K` → `PK`. Returns null for a text that is not a grade.
 *
 * @param text - a grade as written in a roster, a register or a usage export
 * @returns the OneRoster grade code, or null
 * @throws DistrictKitError for something that is not a text
 * @example
 * ```ts
 * gradeCode("K"); // => "KG"
 * gradeCode("Grade 7"); // => "07"
 * gradeCode("senior"); // => null
 * ```
 * @category Privacy register
 */
export function gradeCode(text: string): string | null {
  return codeOf(parseInput(z.string(), text, ["grade"]));
}

function codeOf(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^grade\s*/, "")
    .replace(/(st|nd|rd|th)$/, "");
  if (t === "k" || t === "kg" || t === "kindergarten") return "KG";
  if (t === "pk" || t === "pre-k" || t === "prek" || t === "pre-kindergarten" || t === "prekindergarten") return "PK";
  if (t === "tk" || t === "transitional kindergarten") return "TK";
  if (t === "it" || t === "pr" || t === "ps" || t === "ug") return t.toUpperCase();
  if (t === "other") return "Other";
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    if (n >= 1 && n <= 13) return String(n).padStart(2, "0");
  }
  return null;
}

/**
 * The zod schema of a grade: any text {@link gradeCode} reads, turned into its OneRoster code.
 *
 * @example
 * ```ts
 * gradeSchema.parse("6"); // => "06"
 * gradeSchema.safeParse("sixth form").success; // => false
 * ```
 * @category Privacy register
 */
export const gradeSchema = z.string().transform((text, ctx) => {
  const code = codeOf(text);
  if (code === null) {
    ctx.issues.push({ code: "custom", message: `expected a grade (KG, PK, 1–12 or a OneRoster grade code), got ${JSON.stringify(text)}`, input: text });
    return z.NEVER;
  }
  return code;
});

/** Position of a grade code in school order (unknown codes last). */
export function gradeRank(code: string): number {
  const i = (ORDER as readonly string[]).indexOf(code);
  return i === -1 ? ORDER.length : i;
}

/** Numeric grade of a code: KG = 0, 01…13 = 1…13, PK/TK/PR/IT below 0; null for PS, UG, Other. */
export function gradeNumber(code: string): number | null {
  if (code === "KG") return 0;
  if (code === "PK" || code === "TK") return -1;
  if (code === "PR") return -2;
  if (code === "IT") return -3;
  return /^\d\d$/.test(code) ? Number(code) : null;
}

/** A list of grade codes written as ranges: ["06","07","08"] → "grades 6–8"; ["KG","01","03"] → "grades K–1, 3". */
export function describeGrades(codes: readonly string[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => gradeRank(a) - gradeRank(b));
  const label = (c: string): string => (c === "KG" ? "K" : /^\d\d$/.test(c) ? String(Number(c)) : c);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && gradeRank(sorted[j + 1]!) === gradeRank(sorted[j]!) + 1 && gradeNumber(sorted[j + 1]!) !== null && gradeNumber(sorted[j]!) !== null) j++;
    parts.push(j > i ? `${label(sorted[i]!)}–${label(sorted[j]!)}` : label(sorted[i]!));
    i = j + 1;
  }
  return `${sorted.length === 1 ? "grade" : "grades"} ${parts.join(", ")}`;
}
