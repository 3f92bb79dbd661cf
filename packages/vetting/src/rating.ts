import { DistrictKitError, guardInput } from "@districtkit/core";
import { checkApp, type RawIssue } from "./internal/checkApp.js";
import { type CompiledRubric, compileRubric } from "./internal/compile.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";

/**
 * The Common Sense-style privacy rating: `pass`, `warning` or `fail`.
 *
 * @category Rating
 */
export type PrivacyRating = "pass" | "warning" | "fail";

/**
 * The privacy rating of an app, with the reading of each of the six practices.
 *
 * @category Rating
 */
export interface PrivacyRatingResult {
  /** Pass, warning or fail. */
  readonly rating: PrivacyRating;
  /** Why, in plain words. */
  readonly reasons: readonly string[];
  /** How each rating practice was answered. */
  readonly practices: readonly {
    readonly criterion: string;
    readonly title: string;
    readonly answer: "doesNot" | "does" | "unclear" | "unanswered" | "notApplicable";
  }[];
}

/**
 * The ids of the six "worse practice" criteria of the built-in rubric that decide the rating:
 * selling data (Common Sense question 3.4.1), third-party marketing (3.2.4), targeted
 * advertising (10.3.1), third-party tracking (10.4.1), tracking across apps (10.4.2), profiling
 * for commercial purposes (10.4.3). The mapping of question ids is unconfirmed.
 *
 * @example
 * ```ts
 * PRIVACY_RATING_CRITERIA.length; // => 6
 * ```
 * @category Rating
 */
export const PRIVACY_RATING_CRITERIA: readonly string[] = ["sellsData", "thirdPartyMarketing", "targetedAds", "thirdPartyTracking", "crossAppTracking", "commercialProfiling"];

/** @internal */
export function rateWith(cr: CompiledRubric, answerOf: (id: string) => unknown): PrivacyRatingResult | null {
  const setting = cr.rubric.rating;
  if (!setting) return null;
  const policy = answerOf(setting.policyCriterion);
  const practices = setting.practiceCriteria.map((id) => {
    const v = answerOf(id);
    const answer =
      v === undefined
        ? "unanswered"
        : v === "does" || v === "yes" || v === true
          ? "does"
          : v === "doesNot" || v === "no" || v === false
            ? "doesNot"
            : v === "notApplicable"
              ? "notApplicable"
              : "unclear";
    return { criterion: id, title: cr.byId.get(id)!.c.title, answer } as const;
  });
  const policyTitle = cr.byId.get(setting.policyCriterion)!.c.title;
  const hasPolicy = policy === "yes" || policy === true || policy === "does" || (typeof policy === "object" && policy !== null && (policy as { present?: unknown }).present === true);
  if (!hasPolicy) {
    const why = policy === undefined ? "not checked yet" : policy === "unclear" ? "unclear" : "no";
    return { rating: "fail", reasons: [`No privacy policy for this product was found (${policyTitle}: ${why}).`], practices };
  }
  const silent = practices.filter((p) => p.answer === "unclear" || p.answer === "unanswered");
  if (silent.length === practices.length) {
    return { rating: "fail", reasons: ["The privacy policy says nothing about selling data, marketing, ads, tracking or profiling."], practices };
  }
  const worse = practices.filter((p) => p.answer === "does");
  if (worse.length === 0 && silent.length === 0) {
    return { rating: "pass", reasons: [`The privacy policy says the product does none of these: ${practices.map((p) => p.title.toLowerCase()).join(", ")}.`], practices };
  }
  const reasons: string[] = [];
  if (worse.length > 0) reasons.push(`The privacy policy says the product does this: ${worse.map((p) => p.title.toLowerCase()).join(", ")}.`);
  if (silent.length > 0) reasons.push(`The privacy policy is unclear about: ${silent.map((p) => p.title.toLowerCase()).join(", ")}.`);
  return { rating: "warning", reasons, practices };
}

/**
 * Rates an app's privacy in the Common Sense style — kept apart from the score, so a high score
 * never turns a failed check into a pass. **Pass**: the product's privacy policy says it does
 * none of the six worse practices ({@link PRIVACY_RATING_CRITERIA}); **Warning**: it is unclear
 * on, or admits, one or more; **Fail**: no privacy policy for the product, or a policy that says
 * nothing about any of the six (all unclear or unanswered — this reading is unconfirmed).
 *
 * @param rubric - a rubric with a `rating` setting (the built-in {@link K12_RUBRIC} has one)
 * @param app - the app and its answers
 * @returns the rating with its reasons
 * @throws DistrictKitError when the rubric or the app is not valid, or the rubric has no rating setting
 * @example
 * ```ts
 * const practices = Object.fromEntries(PRIVACY_RATING_CRITERIA.map((id) => [id, { value: "doesNot" }]));
 * ratePrivacy(K12_RUBRIC, { id: "a", name: "A", answers: { privacyPolicyAvailable: { value: "yes" }, ...practices } }).rating; // => "pass"
 * ratePrivacy(K12_RUBRIC, { id: "b", name: "B", answers: { privacyPolicyAvailable: { value: "no" } } }).rating; // => "fail"
 * ```
 * @category Rating
 */
export function ratePrivacy(rubric: Rubric | RubricInput, app: unknown): PrivacyRatingResult {
  const cr = compileRubric(rubric);
  const issues: RawIssue[] = [];
  const a = guardInput(() => checkApp(app, ["app"], cr, issues), ["app"], "the app");
  if (!a || issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const r = rateWith(cr, (id) => (Object.hasOwn(a.answers, id) ? a.answers[id]?.value : undefined));
  if (!r) throw DistrictKitError.argument(["rubric", "rating"], `rubric "${cr.rubric.id}" has no rating setting (which criteria give the privacy rating)`);
  return r;
}
