import { compareIsoDates, isoDateSchema, parseInput } from "@districtkit/core";

/**
 * One version of the FTC's COPPA Rule (16 CFR Part 312).
 *
 * @category Tables
 */
export interface CoppaRuleVersion {
  /** Short id: `original`, `2013`, `2025`. */
  readonly id: string;
  /** Name of the version. */
  readonly title: string;
  /** When it was published (a year or an ISO date); `unconfirmed` marks a secondary figure. */
  readonly published: string;
  /** When it took effect. */
  readonly effective: string;
  /** When operators had to comply (null: on the effective date, or not stated). */
  readonly complianceRequired: string | null;
  /** What it adds, in plain words. */
  readonly adds: readonly string[];
  /** Figures in this row that are secondary or conflicting. */
  readonly unconfirmed: readonly string[];
  /** Where the figures come from. */
  readonly source: string;
}

/**
 * The versions of the COPPA Rule, oldest first. The 2025 amendments were published 2025-04-22,
 * took effect 2025-06-23, and operators must comply by 2026-04-22.
 *
 * Sources: BBB National Programs, "COPPA amended"
 * (https://bbbprograms.org/media/insights/blog/coppa-amended); McDermott
 * (https://www.mwe.com/?p=318326). The 2013 publication date is unconfirmed.
 *
 * @example
 * ```ts
 * COPPA_RULE_VERSIONS.at(-1)?.complianceRequired; // => "2026-04-22"
 * ```
 * @category Tables
 */
export const COPPA_RULE_VERSIONS: readonly CoppaRuleVersion[] = [
  {
    id: "original",
    title: "COPPA Rule (original)",
    published: "1999",
    effective: "2000-04-21",
    complianceRequired: null,
    adds: ["verifiable parental consent", "a notice of the operator's practices", "parents' access to their child's information"],
    unconfirmed: [],
    source: "16 CFR Part 312; 64 FR 59888 (1999-11-03)",
  },
  {
    id: "2013",
    title: "COPPA Rule, 2013 amendments",
    published: "2013-01-17",
    effective: "2013-07-01",
    complianceRequired: "2013-07-01",
    adds: ["persistent identifiers are personal information", "photos, video and audio of a child are personal information"],
    unconfirmed: ["published"],
    source: "78 FR 3972 (2013-01-17)",
  },
  {
    id: "2025",
    title: "COPPA Rule, 2025 amendments",
    published: "2025-04-22",
    effective: "2025-06-23",
    complianceRequired: "2026-04-22",
    adds: [
      "separate verifiable parental consent before disclosing a child's data to third parties for targeted advertising and other uses not integral to the service",
      "a written data-retention policy (no indefinite retention)",
      "a written information-security program",
      "biometric identifiers and government-issued identifiers are personal information",
      "the notice names the third parties who receive data (identities or categories) and why",
    ],
    unconfirmed: [],
    source: "https://bbbprograms.org/media/insights/blog/coppa-amended ; https://www.mwe.com/?p=318326",
  },
];

/**
 * Which COPPA Rule version is in force on a date, and whether its compliance date has passed.
 *
 * @param asOf - the date to judge (ISO)
 * @returns the version in force (`null` before 2000-04-21) and whether compliance is already required
 * @throws DistrictKitError when `asOf` is not an ISO date
 * @example
 * ```ts
 * coppaRuleInForce("2026-01-15").version?.id; // => "2025"
 * coppaRuleInForce("2026-01-15").complianceRequired; // => false
 * coppaRuleInForce("2026-07-01").complianceRequired; // => true
 * ```
 * @category Law
 */
export function coppaRuleInForce(asOf: string): { readonly version: CoppaRuleVersion | null; readonly complianceRequired: boolean; readonly explanation: string } {
  const date = parseInput(isoDateSchema, asOf, ["asOf"]);
  let version: CoppaRuleVersion | null = null;
  for (const v of COPPA_RULE_VERSIONS) if (compareIsoDates(v.effective, date) <= 0) version = v;
  if (!version) return { version: null, complianceRequired: false, explanation: `No COPPA Rule was in force on ${date} (the original rule took effect 2000-04-21).` };
  const due = version.complianceRequired ?? version.effective;
  const required = compareIsoDates(due, date) <= 0;
  return {
    version,
    complianceRequired: required,
    explanation: required
      ? `On ${date} the ${version.title} is in force and compliance has been required since ${due}.`
      : `On ${date} the ${version.title} is in force (effective ${version.effective}); operators must comply by ${due}.`,
  };
}
