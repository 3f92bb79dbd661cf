import { addMonthsIso, compareIsoDates, DistrictKitError, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type AcrAnswer, acrAnswerSchema, type ConformanceTerm, type WcagVersion, wcagVersionSchema } from "./schema/evidence.js";
import { EVIDENCE_MAX_AGE_MONTHS } from "./tables/security.js";
import { wcagCriteria } from "./tables/wcag.js";

/**
 * An ACR summarised against one WCAG version at level AA.
 *
 * @category Accessibility
 */
export interface AcrSummary {
  /** The WCAG version counted against. */
  readonly wcagVersion: WcagVersion;
  /** A + AA criteria of that version. */
  readonly required: number;
  /** Criteria by term (a missing entry, or "Not Evaluated" at A/AA, counts as `notEvaluated`). */
  readonly counts: {
    readonly supports: number;
    readonly partiallySupports: number;
    readonly doesNotSupport: number;
    readonly notApplicable: number;
    readonly notEvaluated: number;
  };
  /** Criteria that apply (required − not applicable). */
  readonly applicable: number;
  /** (supports + partialCredit × partially supports) / applicable; null when nothing applies. */
  readonly supportedShare: number | null;
  /** The criteria not fully supported, by number. */
  readonly gaps: readonly string[];
  /** The last day the ACR is current (its date + the maximum age). */
  readonly validUntil: string;
  /** Whether it is stale on `asOf`. */
  readonly stale: boolean;
  /** How it was evaluated. */
  readonly method: "manualAndAssistiveTech" | "automatedOnly" | "unknown";
  /** One sentence. */
  readonly explanation: string;
}

/** @internal Counts an ACR's entries against a version; no validation (hot path). */
export function countAcr(entries: Readonly<Record<string, ConformanceTerm>>, version: WcagVersion, partialCredit: number, wantGaps = true) {
  let supports = 0;
  let partial = 0;
  let doesNot = 0;
  let na = 0;
  let notEvaluated = 0;
  const gaps: string[] = [];
  const required = wcagCriteria(version, "AA");
  for (const c of required) {
    const term = entries[c.id];
    switch (term) {
      case "Supports":
        supports++;
        break;
      case "Partially Supports":
      case "Supports with Exceptions":
        partial++;
        if (wantGaps) gaps.push(c.id);
        break;
      case "Does Not Support":
        doesNot++;
        if (wantGaps) gaps.push(c.id);
        break;
      case "Not Applicable":
        na++;
        break;
      default:
        notEvaluated++;
        if (wantGaps) gaps.push(c.id);
    }
  }
  const applicable = required.length - na;
  const share = applicable === 0 ? null : (supports + partialCredit * partial) / applicable;
  return { required: required.length, supports, partial, doesNot, na, notEvaluated, applicable, share, gaps };
}

const summaryOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
  wcagVersion: wcagVersionSchema.default("2.1"),
  maxAgeMonths: z.number().int().min(1).max(1200).default(EVIDENCE_MAX_AGE_MONTHS.acr),
  partialCredit: z.number().min(0).max(1).default(0.5),
});

/**
 * Summarises an Accessibility Conformance Report against a WCAG version at level AA: counts the
 * A + AA criteria by conformance term (a missing entry or "Not Evaluated" counts as not
 * evaluated — never as Supports), the supported share, the gaps, and whether the ACR is stale
 * (older than 2 years by default).
 *
 * @param acr - an ACR answer (`{ present: true, date, wcagVersion, entries, … }`)
 * @param options - `{ asOf, wcagVersion? = "2.1", maxAgeMonths? = 24, partialCredit? = 0.5 }`
 * @returns the summary
 * @throws DistrictKitError when the ACR or the options are not valid, or the ACR is `{ present: false }`
 * @example
 * ```ts
 * const s = summarizeAcr(
 *   { present: true, date: "2025-03-01", wcagVersion: "2.1", entries: { "1.1.1": "Supports", "1.4.3": "Partially Supports", "2.4.7": "Not Applicable" } },
 *   { asOf: "2026-07-01" },
 * );
 * s.counts; // => { "supports": 1, "partiallySupports": 1, "doesNotSupport": 0, "notApplicable": 1, "notEvaluated": 47 }
 * s.validUntil; // => "2027-03-01"
 * ```
 * @category Accessibility
 */
export function summarizeAcr(
  acr: AcrAnswer | Readonly<Record<string, unknown>>,
  options: { readonly asOf: string; readonly wcagVersion?: WcagVersion; readonly maxAgeMonths?: number; readonly partialCredit?: number },
): AcrSummary {
  const a = parseInput(acrAnswerSchema, acr, ["acr"]);
  const o = parseInput(summaryOptionsSchema, options, ["options"]);
  if (!a.present) throw DistrictKitError.argument(["acr", "present"], "expected an ACR to summarise (present: true), got present: false");
  return summarize(a, o.wcagVersion, o.asOf, o.maxAgeMonths, o.partialCredit);
}

/** @internal */
export function summarize(a: Extract<AcrAnswer, { present: true }>, version: WcagVersion, asOf: string, maxAgeMonths: number, partialCredit: number): AcrSummary {
  const c = countAcr(a.entries, version, partialCredit);
  const validUntil = addMonthsIso(a.date, maxAgeMonths);
  const stale = compareIsoDates(asOf, validUntil) > 0;
  const pct = c.share === null ? "no applicable criteria" : `${Math.round(c.share * 1000) / 10} % supported`;
  return {
    wcagVersion: version,
    required: c.required,
    counts: { supports: c.supports, partiallySupports: c.partial, doesNotSupport: c.doesNot, notApplicable: c.na, notEvaluated: c.notEvaluated },
    applicable: c.applicable,
    supportedShare: c.share,
    gaps: c.gaps,
    validUntil,
    stale,
    method: a.method,
    explanation: `ACR of ${a.date} against WCAG ${version} AA: ${c.supports} of ${c.applicable} applicable criteria supported, ${c.partial} partially, ${c.doesNot} not, ${c.notEvaluated} not evaluated (${pct}); ${stale ? `stale since ${validUntil}` : `current until ${validUntil}`}${a.method === "automatedOnly" ? "; evaluated by automated scan only" : ""}.`,
  };
}
