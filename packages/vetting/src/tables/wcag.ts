import { DistrictKitError } from "@districtkit/core";
import type { WcagVersion } from "../schema/evidence.js";

/**
 * One WCAG success criterion: its number, its level, and the version that introduced it (and,
 * for 4.1.1 Parsing, the version that made it obsolete).
 *
 * @category Tables
 */
export interface WcagCriterion {
  /** Number, e.g. `"1.4.3"`. */
  readonly id: string;
  /** Conformance level. */
  readonly level: "A" | "AA";
  /** First version that has it. */
  readonly since: WcagVersion;
  /** Version from which it is obsolete (removed), if any. */
  readonly obsoleteIn?: WcagVersion;
}

const A = (ids: string, since: WcagVersion): WcagCriterion[] => ids.split(" ").map((id) => ({ id, level: "A" as const, since }));
const AA = (ids: string, since: WcagVersion): WcagCriterion[] => ids.split(" ").map((id) => ({ id, level: "AA" as const, since }));

/**
 * Every WCAG 2.x success criterion at levels A and AA. 2.0 has 38 (25 A + 13 AA); 2.1 has 50
 * (30 A + 20 AA); 2.2 adds 2.4.11, 2.5.7, 2.5.8, 3.3.8 (AA) and 3.2.6, 3.3.7 (A) and makes 4.1.1
 * obsolete: 55 (31 A + 24 AA).
 *
 * Sources: W3C, WCAG 2.2 (https://www.w3.org/TR/WCAG22/).
 *
 * @example
 * ```ts
 * WCAG_CRITERIA.length; // => 56
 * ```
 * @category Tables
 */
export const WCAG_CRITERIA: readonly WcagCriterion[] = [
  ...A("1.1.1 1.2.1 1.2.2 1.2.3 1.3.1 1.3.2 1.3.3 1.4.1 1.4.2 2.1.1 2.1.2 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 3.1.1 3.2.1 3.2.2 3.3.1 3.3.2 4.1.2", "2.0"),
  { id: "4.1.1", level: "A", since: "2.0", obsoleteIn: "2.2" },
  ...AA("1.2.4 1.2.5 1.4.3 1.4.4 1.4.5 2.4.5 2.4.6 2.4.7 3.1.2 3.2.3 3.2.4 3.3.3 3.3.4", "2.0"),
  ...A("2.1.4 2.5.1 2.5.2 2.5.3 2.5.4", "2.1"),
  ...AA("1.3.4 1.3.5 1.4.10 1.4.11 1.4.12 1.4.13 4.1.3", "2.1"),
  ...A("3.2.6 3.3.7", "2.2"),
  ...AA("2.4.11 2.5.7 2.5.8 3.3.8", "2.2"),
];

const ORDER: Record<WcagVersion, number> = { "2.0": 0, "2.1": 1, "2.2": 2 };

/**
 * The success criteria a WCAG version requires at level A, or at A and AA together.
 *
 * @param version - `"2.0"`, `"2.1"` or `"2.2"`
 * @param level - `"A"` or `"AA"` (AA conformance includes every A criterion)
 * @returns the criteria, in the order of {@link WCAG_CRITERIA}
 * @throws DistrictKitError for another version or level
 * @example
 * ```ts
 * wcagCriteria("2.1", "AA").length; // => 50
 * wcagCriteria("2.2", "AA").length; // => 55
 * wcagCriteria("2.2", "A").length; // => 31
 * wcagCriteria("2.0", "AA").length; // => 38
 * ```
 * @category Accessibility
 */
export function wcagCriteria(version: WcagVersion, level: "A" | "AA"): readonly WcagCriterion[] {
  if (typeof version !== "string" || !Object.hasOwn(ORDER, version))
    throw DistrictKitError.argument(["version"], `expected "2.0", "2.1" or "2.2", got ${typeof version === "string" ? JSON.stringify(version) : typeof version}`);
  if (level !== "A" && level !== "AA") throw DistrictKitError.argument(["level"], `expected "A" or "AA", got ${typeof level === "string" ? JSON.stringify(level) : typeof level}`);
  const v = ORDER[version];
  const key = `${version}/${level}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const out = WCAG_CRITERIA.filter((c) => ORDER[c.since] <= v && (c.obsoleteIn === undefined || ORDER[c.obsoleteIn] > v) && (level === "AA" || c.level === "A"));
  Object.freeze(out);
  memo.set(key, out);
  return out;
}

const memo = new Map<string, readonly WcagCriterion[]>();
