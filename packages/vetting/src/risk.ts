import { DistrictKitError, parseInput, safeParseInput } from "@districtkit/core";
import { z } from "zod";
import type { ScoreResult } from "./result.js";
import { type ScoreTier, type ScoreTierResult, scoreTiersSchema, tierLookup } from "./tiers.js";

// Source: OpenRisk PR #678 / ADR 0004, "vendorscore/1" (https://github.com/opendefender/OpenRisk),
// as summarised in DOMAIN-vetting.md §2: critical ≥ 70, high ≥ 40, medium ≥ 20, low < 20.
/**
 * The tiers of an OpenRisk-style risk score (`vendorscore/1`): critical from 70, high from 40,
 * medium from 20, low below 20 — each lower bound inclusive.
 *
 * @example
 * ```ts
 * RISK_TIERS_VENDORSCORE_1.map((t) => t.label); // => ["critical", "high", "medium", "low"]
 * ```
 * @category Risk
 */
export const RISK_TIERS_VENDORSCORE_1: readonly ScoreTier[] = Object.freeze([
  { label: "critical", atLeast: 70 },
  { label: "high", atLeast: 40, below: 70 },
  { label: "medium", atLeast: 20, below: 40 },
  { label: "low", below: 20 },
]);

/**
 * The zod schema of one question of a risk score: its weight and the answer — the favourable
 * fraction `p` in [0, 1] (1 = the safe answer), `unanswered`, `notApplicable`, or `text` (free
 * text, never scored).
 *
 * @example
 * ```ts
 * riskItemSchema.parse({ id: "mfa", weight: 2, answer: 0.5 }).answer; // => 0.5
 * ```
 * @category Risk
 */
export const riskItemSchema = z.strictObject({
  id: z.string().min(1),
  weight: z.number().finite().min(0),
  answer: z.union([z.number().min(0).max(1), z.enum(["unanswered", "notApplicable", "text"])]),
});

/**
 * The zod schema of {@link riskScore}'s input: the questions, what an unanswered question counts
 * as (`unfavourable` — p = 0, "silence is not assurance", OpenRisk's rule and the default —,
 * `neutral` p = 0.5, or `exclude`), and the tiers (default {@link RISK_TIERS_VENDORSCORE_1}).
 *
 * @example
 * ```ts
 * riskScoreInputSchema.parse({ items: [{ id: "a", weight: 1, answer: 1 }] }).unanswered; // => "unfavourable"
 * ```
 * @category Risk
 */
export const riskScoreInputSchema = z
  .strictObject({
    items: z.array(riskItemSchema).min(1),
    unanswered: z.enum(["unfavourable", "neutral", "exclude"]).default("unfavourable"),
    tiers: scoreTiersSchema.default(() => RISK_TIERS_VENDORSCORE_1.map((t) => ({ ...t }))),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((it, i) => {
      if (seen.has(it.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `duplicate question id "${it.id}"` });
      seen.add(it.id);
    });
  });

/**
 * {@link riskScore}'s input as written.
 *
 * @category Risk
 */
export type RiskScoreInput = z.input<typeof riskScoreInputSchema>;

/**
 * One question's line in a risk score.
 *
 * @category Risk
 */
export interface RiskContribution {
  readonly id: string;
  readonly weight: number;
  /** `scored`; `unanswered` (scored or left out by the policy); `notApplicable` and `notScored` (weight 0, free text) are out. */
  readonly status: "scored" | "unanswered" | "notApplicable" | "notScored";
  /** The favourable fraction used; null when the question is out of the computation. */
  readonly favourable: number | null;
  /** Risk points it adds: 100·w·(1 − p)/Σw over the scored questions (they add up to the score). */
  readonly contribution: number;
}

/**
 * A risk score: higher is riskier.
 *
 * @category Risk
 */
export interface RiskScoreResult {
  /** `vendorscore/1`: 100·Σ w(1 − p)/Σ w over the scored questions. */
  readonly method: "vendorscore/1";
  /** 0–100, higher is riskier; null when nothing was scorable (never 0 for that). */
  readonly score: number | null;
  /** The tier of the score; null with no score. */
  readonly tier: ScoreTierResult | null;
  /** What an unanswered question counted as. */
  readonly unanswered: "unfavourable" | "neutral" | "exclude";
  /** One line per question, in input order. */
  readonly contributions: readonly RiskContribution[];
  /** Questions left unanswered (whatever the policy did with them). */
  readonly missing: readonly string[];
  /** One sentence. */
  readonly explanation: string;
}

type Item = z.output<typeof riskItemSchema>;

function compute(items: readonly Item[], unanswered: RiskScoreResult["unanswered"], tierOf: (s: number) => ScoreTierResult): RiskScoreResult {
  const lines: { id: string; weight: number; status: RiskContribution["status"]; p: number | null }[] = items.map((it) => {
    if (it.answer === "notApplicable") return { id: it.id, weight: it.weight, status: "notApplicable", p: null };
    if (it.answer === "text" || it.weight === 0) return { id: it.id, weight: it.weight, status: "notScored", p: null };
    if (it.answer === "unanswered") return { id: it.id, weight: it.weight, status: "unanswered", p: unanswered === "exclude" ? null : unanswered === "neutral" ? 0.5 : 0 };
    return { id: it.id, weight: it.weight, status: "scored", p: it.answer };
  });
  // weights near the largest number would add up to Infinity (and give Infinity / Infinity = NaN):
  // then, and only then, they are divided by the largest scored weight first (a stable form; the
  // ordinary case keeps the exact sums)
  let largest = 0;
  let raw = 0;
  for (const l of lines)
    if (l.p !== null) {
      raw += l.weight;
      if (l.weight > largest) largest = l.weight;
    }
  const unit = Number.isFinite(raw) && Number.isFinite(100 * raw) ? 1 : largest;
  let total = 0;
  for (const l of lines) if (l.p !== null) total += l.weight / unit;
  const contributions: RiskContribution[] = lines.map((l) => ({
    id: l.id,
    weight: l.weight,
    status: l.status,
    favourable: l.p,
    contribution: l.p === null || total === 0 ? 0 : (100 * (l.weight / unit) * (1 - l.p)) / total,
  }));
  // the score divides the weighted sum once (not the sum of the rounded contributions), so a risk
  // that is exactly a tier's bound — 40 — is 40 and lands in the tier the bound says
  let score: number | null = null;
  if (total > 0) {
    let points = 0;
    for (const l of lines) if (l.p !== null) points += (l.weight / unit) * (1 - l.p);
    score = Math.min(100, Math.max(0, (100 * points) / total));
  }
  const tier = score === null ? null : tierOf(score);
  const missing = lines.filter((l) => l.status === "unanswered").map((l) => l.id);
  const scored = lines.filter((l) => l.p !== null).length;
  const na = lines.filter((l) => l.status === "notApplicable").length;
  const notScored = lines.filter((l) => l.status === "notScored").length;
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const parts = [
    `${scored} question${scored === 1 ? "" : "s"} scored`,
    ...(missing.length > 0 ? [`${missing.length} unanswered ${unanswered === "exclude" ? "left out" : `counted as ${unanswered} (p = ${unanswered === "neutral" ? "0.5" : "0"})`}`] : []),
    ...(na > 0 ? [`${na} not applicable`] : []),
    ...(notScored > 0 ? [`${notScored} never scored (weight 0 or free text)`] : []),
  ];
  return {
    method: "vendorscore/1",
    score,
    tier,
    unanswered,
    contributions,
    missing,
    explanation:
      score === null ? `No risk score: nothing was scorable (${parts.join(", ")}).` : `Risk ${round1(score)} of 100 (higher is riskier), tier ${tier!.label} (${tier!.rule}); ${parts.join(", ")}.`,
  };
}

/**
 * A risk-style score of a vendor or an app, higher = riskier — OpenRisk's `vendorscore/1`
 * (see “How the numbers are computed: vetting”): `100·Σ w(1 − p)/Σ w` with p each question's favourable fraction,
 * unanswered questions at p = 0 (or by the policy chosen), N/A left out, weight-0 and free-text
 * questions never scored, and `null` — never 0 — when nothing is scorable. Tiers have bounds
 * that say whether they are inclusive (see {@link scoreTier}); the default ones are critical ≥ 70,
 * high ≥ 40, medium ≥ 20, low < 20. It never decides an approval: it ranks risk.
 *
 * @param input - the questions, the unanswered policy and the tiers
 * @returns the score, its tier, each question's contribution (they add up to the score) and a sentence
 * @throws DistrictKitError listing every invalid field (tiers with a gap or an overlap too)
 * @example
 * ```ts
 * const r = riskScore({ items: [
 *   { id: "encryption", weight: 3, answer: 1 },
 *   { id: "mfa", weight: 2, answer: 0 },
 *   { id: "breachPlan", weight: 1, answer: "unanswered" },
 *   { id: "notes", weight: 1, answer: "text" },
 * ] });
 * r.score; // => 50
 * r.tier?.label; // => "high"
 * r.explanation; // => "Risk 50 of 100 (higher is riskier), tier high (40 ≤ risk < 70); 3 questions scored, 1 unanswered counted as unfavourable (p = 0), 1 never scored (weight 0 or free text)."
 * ```
 * @category Risk
 */
export function riskScore(input: RiskScoreInput): RiskScoreResult {
  const v = parseInput(riskScoreInputSchema, input);
  return compute(v.items, v.unanswered, tierLookup(v.tiers, "risk"));
}

const fromResultOptions = z.strictObject({
  unanswered: z.enum(["unfavourable", "neutral", "exclude"]).default("unfavourable"),
  tiers: scoreTiersSchema.default(() => RISK_TIERS_VENDORSCORE_1.map((t) => ({ ...t }))),
});

/** What riskScoreOf reads of one contribution of a score result. */
const contributionSchema = z.looseObject({
  criterion: z.string(),
  weight: z.number().finite().min(0),
  status: z.enum(["met", "partlyMet", "notMet", "unanswered", "unclear", "expired", "notApplicable", "recorded"]),
  score: z.number().finite().nullable().optional(),
});

/**
 * The risk-style view of a vetting result (from {@link scoreApp}): each criterion's normalized
 * score is its favourable fraction p; criteria out of the computation (not applicable, never
 * scored) stay out; unanswered ones follow the risk policy (default: unfavourable, p = 0, whatever
 * the rubric's own policy); expired evidence counts p = 0. With the rubric's policy
 * `unfavourable`, the risk is exactly 100 − the score.
 *
 * @param result - a result of scoreApp, scoreApps or a scorer
 * @param options - `unanswered` policy and `tiers` (default {@link RISK_TIERS_VENDORSCORE_1})
 * @returns the risk score of that result
 * @throws DistrictKitError for invalid options or something that is not a score result
 * @example
 * ```ts
 * const result = scoreApp(K12_RUBRIC, { id: "a", name: "A", answers: { privacyPolicyAvailable: { value: "yes" }, sellsData: { value: "doesNot" } } }, { asOf: "2026-07-01", district: { state: "OR" } });
 * riskScoreOf(result).method; // => "vendorscore/1"
 * ```
 * @category Risk
 */
export function riskScoreOf(result: ScoreResult, options: { readonly unanswered?: RiskScoreResult["unanswered"]; readonly tiers?: readonly ScoreTier[] } = {}): RiskScoreResult {
  const o = parseInput(fromResultOptions, options, ["options"]);
  // the result is the caller's value (it may have been changed since scoreApp made it): its
  // contributions are read through a schema, so a NaN weight, a getter or a Proxy is an error with its path
  const shape = safeParseInput(z.looseObject({ contributions: z.array(z.unknown()) }), result, ["result"]);
  if (!shape.success && shape.error.issues.every((i) => i.code !== "unreadable"))
    throw new DistrictKitError("INVALID_ARGUMENT", [{ path: ["result"], code: "invalid_argument", message: "expected a result of scoreApp (with its contributions)" }]);
  const rows = parseInput(z.object({ contributions: z.array(contributionSchema) }), result, ["result"]).contributions;
  const items: Item[] = rows.map((c) => ({
    id: c.criterion,
    weight: c.weight,
    answer:
      c.status === "notApplicable"
        ? "notApplicable"
        : c.status === "recorded"
          ? "text"
          : c.status === "unanswered"
            ? "unanswered"
            : c.status === "expired"
              ? 0
              : Math.min(1, Math.max(0, c.score ?? 0)),
  }));
  return compute(items, o.unanswered, tierLookup(o.tiers, "risk"));
}
