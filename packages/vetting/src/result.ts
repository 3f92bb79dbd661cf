import type { PrivacyRatingResult } from "./rating.js";
import type { Domain } from "./schema/criterion.js";
import type { UnansweredPolicy } from "./schema/rubric.js";

/**
 * The four decisions, from worst to best: `denied`, `needsInformation`,
 * `approvedWithConditions`, `approved`.
 *
 * @category Scoring
 */
export type Decision = "denied" | "needsInformation" | "approvedWithConditions" | "approved";

/**
 * The decisions in order from worst to best (for comparisons and sorting).
 *
 * @example
 * ```ts
 * DECISION_ORDER.indexOf("approved") > DECISION_ORDER.indexOf("denied"); // => true
 * ```
 * @category Scoring
 */
export const DECISION_ORDER: readonly Decision[] = ["denied", "needsInformation", "approvedWithConditions", "approved"];

/**
 * How one criterion came out for one app.
 *
 * - `met`, `partlyMet`, `notMet`: answered, normalized score 1, between, 0;
 * - `unclear`: the vendor's policy does not say (scores the rubric's `unclearScore`);
 * - `unanswered`: no answer (handled by the rubric's `unanswered` policy);
 * - `notApplicable`: its condition is false, or the answer is N/A — out of the computation;
 * - `expired`: the evidence was valid once but not on the as-of date (scores 0);
 * - `recorded`: answered, never scored (weight 0, lists, texts).
 *
 * @category Scoring
 */
export type CriterionStatus = "met" | "partlyMet" | "notMet" | "unclear" | "unanswered" | "notApplicable" | "expired" | "recorded";

/**
 * One criterion's line in a score's explanation.
 *
 * @category Scoring
 */
export interface CriterionResult {
  /** Criterion id. */
  readonly criterion: string;
  /** Criterion title. */
  readonly title: string;
  /** Its domain. */
  readonly domain: Domain;
  /** Its weight in the rubric. */
  readonly weight: number;
  /** How it came out. */
  readonly status: CriterionStatus;
  /** The normalized score used (in [0, 1]); null when it is not in the computation. */
  readonly score: number | null;
  /** Points it adds to the 0–100 score (all contributions add up to the score). */
  readonly contribution: number;
  /** For a hard gate: passed, failed or unresolved; null otherwise. */
  readonly gate: "passed" | "failed" | "unresolved" | null;
  /** Last day its evidence is valid, when it has one. */
  readonly validUntil: string | null;
  /** A short note: what the evidence says, or why it does not apply. */
  readonly detail: string | null;
}

/**
 * A hard gate that failed or could not be resolved.
 *
 * @category Scoring
 */
export interface GateFinding {
  /** Criterion id. */
  readonly criterion: string;
  /** Criterion title. */
  readonly title: string;
  /** Plain-language reason. */
  readonly reason: string;
}

/**
 * A date on which the app must be reviewed again, and why.
 *
 * @category Scoring
 */
export interface ReReviewTrigger {
  /** The date. */
  readonly on: string;
  /** Why, in plain words. */
  readonly because: string;
  /** The criterion whose evidence expires (null for the periodic review). */
  readonly criterion: string | null;
}

/**
 * Score and coverage of one domain.
 *
 * @category Scoring
 */
export interface DomainScore {
  /** 0–100 over the domain's scorable criteria; null when none. */
  readonly score: number | null;
  /** Share of the domain's applicable weight that was answered; null when nothing applies. */
  readonly coverage: number | null;
  /** Applicable weight in the domain. */
  readonly weight: number;
}

/**
 * The result of scoring one app against a rubric: the decision and everything behind it. Plain
 * data (JSON-serialisable), so the playground can keep it, diff it and send it between workers.
 *
 * @category Scoring
 */
export interface ScoreResult {
  /** The app's id. */
  readonly appId: string;
  /** The app's name. */
  readonly appName: string;
  /** Approved, approved with conditions, denied, or needs information. */
  readonly decision: Decision;
  /** The score band's label (e.g. "strong"); null with no score. */
  readonly tier: string | null;
  /** 0–100, the sum of the contributions; null when nothing was scorable (never 0 for that). */
  readonly score: number | null;
  /** Share of the applicable weight that was answered (unclear counts as answered); null when nothing applies. */
  readonly coverage: number | null;
  /** The best score the app could reach if every unanswered question and unresolved gate came out favourable. */
  readonly bestCaseScore: number | null;
  /** The Common Sense-style privacy rating (kept apart from the score); null when the rubric has no rating setting. */
  readonly rating: PrivacyRatingResult | null;
  /** Hard gates that failed (each forces `denied`). */
  readonly gatesFailed: readonly GateFinding[];
  /** Hard gates unanswered, unclear or expired (each forces `needsInformation` unless the app is denied anyway). */
  readonly gatesUnresolved: readonly GateFinding[];
  /** One line per criterion of the rubric, in rubric order. */
  readonly contributions: readonly CriterionResult[];
  /** Per-domain scores. */
  readonly domains: Readonly<Record<Domain, DomainScore>>;
  /** Applicable criteria with no answer that matter (weighted, gates, or read by a condition). */
  readonly missing: readonly string[];
  /** Conditions of use attached to an approval (empty unless approved with conditions). */
  readonly conditions: readonly string[];
  /** Why, in plain words a parent understands — most important first. */
  readonly reasons: readonly string[];
  /** One sentence for a board packet. */
  readonly summary: string;
  /** When to review it again, and every trigger considered. */
  readonly reReview: { readonly on: string; readonly because: string; readonly triggers: readonly ReReviewTrigger[] };
  /** The rubric settings that shaped the score. */
  readonly policy: { readonly unanswered: UnansweredPolicy; readonly unclearScore: number; readonly approveAt: number; readonly conditionalAt: number; readonly minCoverage: number };
  /** The rubric's id. */
  readonly rubricId: string;
  /** The rubric's method version. */
  readonly methodVersion: string;
  /** The date everything was judged on. */
  readonly asOf: string;
  /** A hash of the rubric, the context and the app's answers (equal inputs, equal hash). */
  readonly inputsHash: string;
}
