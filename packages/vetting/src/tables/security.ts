/**
 * ISO/IEC 27001 editions and how long certificates to each remain valid. Certificates to the
 * 2013 edition are invalid after 2025-10-31 (end of the transition to 2022); the 2022 edition has
 * 93 Annex A controls.
 *
 * Source: https://www.cpg.global/transition-policy/
 *
 * @example
 * ```ts
 * ISO_27001_EDITIONS.find((e) => e.edition === "2013")?.validUntil; // => "2025-10-31"
 * ```
 * @category Tables
 */
export const ISO_27001_EDITIONS: readonly {
  /** Edition year. */
  readonly edition: string;
  /** Last day certificates to this edition are valid (null: no end set). */
  readonly validUntil: string | null;
  /** Number of Annex A controls. */
  readonly annexAControls: number;
}[] = [
  { edition: "2013", validUntil: "2025-10-31", annexAControls: 114 },
  { edition: "2022", validUntil: null, annexAControls: 93 },
];

/**
 * Ages after which security and accessibility evidence is stale, in months. SOC 2: a Type II
 * report covers a period (3–12 months) and is renewed annually — warn when the period ended more
 * than about 12 months ago without a bridge letter. ACR: older than 2 years is stale (one
 * university's rule; configurable). ISO/IEC 27001 certificates run a 3-year cycle.
 * Penetration tests: yearly is common practice.
 *
 * Sources: https://soc2.baremetalcyber.com/episodes/episode-7-type-i-vs-type-ii-and-bridge-letters ;
 * http://aamsummit.com/digitalaccessibility/good-vpat
 *
 * @example
 * ```ts
 * EVIDENCE_MAX_AGE_MONTHS.soc2AfterPeriodEnd; // => 12
 * EVIDENCE_MAX_AGE_MONTHS.acr; // => 24
 * ```
 * @category Tables
 */
export const EVIDENCE_MAX_AGE_MONTHS = {
  /** SOC 2 report: months after the end of the audited period. */
  soc2AfterPeriodEnd: 12,
  /** Accessibility Conformance Report: months after its date. */
  acr: 24,
  /** ISO/IEC 27001 certificate: months after issue (3-year certification cycle). */
  iso27001Certificate: 36,
  /** Penetration test: months after the test. */
  pentest: 12,
} as const;

/**
 * CIS Controls v8.1 (June 2024): 18 controls, 153 safeguards; implementation groups are
 * cumulative — IG1 has 56 safeguards, IG2 130, IG3 153.
 *
 * Source: https://www.cisecurity.org/controls/implementation-groups/ig1/
 *
 * @example
 * ```ts
 * CIS_CONTROLS_V8_1.safeguardsByGroup.IG1; // => 56
 * ```
 * @category Tables
 */
export const CIS_CONTROLS_V8_1 = {
  version: "8.1",
  published: "2024-06",
  controls: 18,
  safeguardsByGroup: { IG1: 56, IG2: 130, IG3: 153 },
} as const;
