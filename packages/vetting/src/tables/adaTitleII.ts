import { compareIsoDates, DistrictKitError, daysBetween, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * One version of a web-accessibility rule's compliance dates.
 *
 * @category Tables
 */
export interface WebRuleVersion {
  /** The version applies to questions asked on or after this date. */
  readonly appliesFrom: string;
  /** Name and citation of the rule. */
  readonly title: string;
  /** Compliance date for the larger entities (ADA: population ≥ 50,000). */
  readonly large: string;
  /** Compliance date for the smaller entities (ADA: population < 50,000). */
  readonly small: string;
  /** Compliance date for special districts of any size (ADA only; null where the rule has none). */
  readonly specialDistrict: string | null;
  /** The standard to meet. */
  readonly standard: string;
  /** Figures in this row that are secondary or conflicting. */
  readonly unconfirmed: readonly string[];
  /** Where the figures come from. */
  readonly source: string;
}

/**
 * ADA Title II web and mobile accessibility rule (28 CFR 35.200): public entities — including
 * content vendors provide under contract — must meet WCAG 2.1 AA by a date that depends on the
 * population of the entity. Versions keyed by the rule in force: the 2024 final rule
 * (89 FR 31320) and the 2026 interim final rule (91 FR 20902), which moved only the dates.
 * DOJ has signalled it may reopen the rule: this is data, not code.
 *
 * Source: https://www.govinfo.gov/content/pkg/FR-2026-04-20/html/2026-07663.htm
 *
 * @example
 * ```ts
 * ADA_TITLE_II_WEB_RULE.at(-1)?.small; // => "2028-04-26"
 * ```
 * @category Tables
 */
export const ADA_TITLE_II_WEB_RULE: readonly WebRuleVersion[] = [
  {
    appliesFrom: "2024-04-24",
    title: "ADA Title II web and mobile rule, final rule (89 FR 31320)",
    large: "2026-04-24",
    small: "2027-04-26",
    specialDistrict: "2027-04-26",
    standard: "WCAG 2.1 AA",
    unconfirmed: [],
    source: "28 CFR Part 35, subpart H; 89 FR 31320 (2024-04-24)",
  },
  {
    appliesFrom: "2026-04-20",
    title: "ADA Title II web and mobile rule, interim final rule (91 FR 20902)",
    large: "2027-04-26",
    small: "2028-04-26",
    specialDistrict: "2028-04-26",
    standard: "WCAG 2.1 AA",
    unconfirmed: [],
    source: "https://www.govinfo.gov/content/pkg/FR-2026-04-20/html/2026-07663.htm",
  },
];

/**
 * HHS Section 504 web rule (45 CFR Part 84) for recipients of HHS funds, split by recipient size
 * (the size criterion — 15 or more employees — is unconfirmed). The 2026 interim final rule
 * moved the dates by a year.
 *
 * Source: https://www.govinfo.gov/content/pkg/FR-2026-05-11/html/2026-09266.htm
 * (the first row's publication date, 2024-05-09, is unconfirmed).
 *
 * @example
 * ```ts
 * HHS_504_WEB_RULE.at(-1)?.large; // => "2027-05-11"
 * ```
 * @category Tables
 */
export const HHS_504_WEB_RULE: readonly WebRuleVersion[] = [
  {
    appliesFrom: "2024-05-09",
    title: "HHS Section 504 rule (45 CFR 84.84)",
    large: "2026-05-11",
    small: "2027-05-10",
    specialDistrict: null,
    standard: "WCAG 2.1 AA",
    unconfirmed: ["appliesFrom", "size criterion (15 or more employees)"],
    source: "45 CFR 84.84; 89 FR 40066 (2024-05-09)",
  },
  {
    appliesFrom: "2026-05-11",
    title: "HHS Section 504 web rule, interim final rule",
    large: "2027-05-11",
    small: "2028-05-10",
    specialDistrict: null,
    standard: "WCAG 2.1 AA",
    unconfirmed: ["size criterion (15 or more employees)"],
    source: "https://www.govinfo.gov/content/pkg/FR-2026-05-11/html/2026-09266.htm",
  },
];

/** The population from which the ADA Title II rule's earlier compliance date applies. */
const LARGE_POPULATION = 50_000;

const adaInputSchema = z.strictObject({
  asOf: isoDateSchema,
  population: z.number().int().min(0),
  specialDistrict: z.boolean().default(false),
});

/**
 * The result of {@link adaTitleIIComplianceDate}.
 *
 * @category Accessibility
 */
export interface AdaComplianceResult {
  /** The compliance date (null when no rule was in force on `asOf`). */
  readonly complianceDate: string | null;
  /** The rule version that gives it. */
  readonly rule: WebRuleVersion | null;
  /** Which column applied. */
  readonly populationClass: "50,000 or more" | "under 50,000" | "special district" | null;
  /** Whether the compliance date has arrived on `asOf`. */
  readonly inEffect: boolean;
  /** Days from `asOf` to the compliance date (negative once past; null without a rule). */
  readonly daysRemaining: number | null;
  /** The standard to meet. */
  readonly standard: string;
  /** One sentence. */
  readonly explanation: string;
}

/**
 * The ADA Title II web-accessibility compliance date for a public entity, read from the rule
 * version in force on `asOf` ({@link ADA_TITLE_II_WEB_RULE}). A school district is a public
 * entity; its population is that of the area it serves (a "special district" has its own column).
 *
 * @param input - `{ asOf, population, specialDistrict? }`
 * @returns the date, the rule and whether it is already in effect
 * @throws DistrictKitError for a date that is not a date or a negative population
 * @example
 * ```ts
 * adaTitleIIComplianceDate({ asOf: "2026-07-01", population: 12000 }).complianceDate; // => "2028-04-26"
 * adaTitleIIComplianceDate({ asOf: "2025-07-01", population: 12000 }).complianceDate; // => "2027-04-26"
 * adaTitleIIComplianceDate({ asOf: "2026-07-01", population: 120000 }).complianceDate; // => "2027-04-26"
 * adaTitleIIComplianceDate({ asOf: "2026-07-01", population: -1 }); // throws
 * ```
 * @category Accessibility
 */
export function adaTitleIIComplianceDate(input: { readonly asOf: string; readonly population: number; readonly specialDistrict?: boolean }): AdaComplianceResult {
  const { asOf, population, specialDistrict } = parseInput(adaInputSchema, input);
  return complianceFrom(ADA_TITLE_II_WEB_RULE, asOf, population >= LARGE_POPULATION ? "large" : "small", specialDistrict);
}

/** @internal */
export function complianceFrom(table: readonly WebRuleVersion[], asOf: string, size: "large" | "small", special: boolean): AdaComplianceResult {
  let rule: WebRuleVersion | null = null;
  for (const v of table) if (compareIsoDates(v.appliesFrom, asOf) <= 0) rule = v;
  if (!rule) {
    return {
      complianceDate: null,
      rule: null,
      populationClass: null,
      inEffect: false,
      daysRemaining: null,
      standard: "none",
      explanation: `No web-accessibility rule with compliance dates was in force on ${asOf}.`,
    };
  }
  const useSpecial = special && rule.specialDistrict !== null;
  const date = useSpecial ? rule.specialDistrict! : size === "large" ? rule.large : rule.small;
  const populationClass = useSpecial ? "special district" : size === "large" ? "50,000 or more" : "under 50,000";
  const days = daysBetween(date, asOf);
  if (!Number.isFinite(days)) throw DistrictKitError.argument(["asOf"], "could not compare dates");
  return {
    complianceDate: date,
    rule,
    populationClass,
    inEffect: days <= 0,
    daysRemaining: days,
    standard: rule.standard,
    explanation:
      days <= 0
        ? `Under the ${rule.title}, content for an entity of ${populationClass} must meet ${rule.standard} since ${date}.`
        : `Under the ${rule.title}, content for an entity of ${populationClass} must meet ${rule.standard} by ${date} (${days} days after ${asOf}).`,
  };
}
