import { DistrictKitError } from "@districtkit/core";
import type { CriterionResult, ScoreResult } from "./result.js";

function pts(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

const STATUS: Record<CriterionResult["status"], string> = {
  met: "met",
  partlyMet: "partly met",
  notMet: "not met",
  unclear: "unclear (the vendor's policy does not say)",
  unanswered: "not answered",
  notApplicable: "does not apply",
  expired: "expired",
  recorded: "recorded (not scored)",
};

/**
 * Explains one criterion of a score in a sentence: its status, the evidence, its weight, the
 * normalized score used and the points it contributes — or why it is out of the computation.
 *
 * @param result - a result of {@link scoreApp}
 * @param criterionId - the criterion
 * @returns the sentence
 * @throws DistrictKitError when the result has no such criterion
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [
 *   { id: "a", title: "Encrypts data in transit", domain: "security", weight: 3, kind: "practice", better: "does" },
 *   { id: "b", title: "Single sign-on", domain: "security", weight: 1, kind: "yesNo" },
 * ] };
 * const r = scoreApp(rubric, { id: "x", name: "X", answers: { a: { value: "does" }, b: { value: "no" } } }, { asOf: "2026-07-01", district: { state: "IL" } });
 * explainCriterion(r, "a"); // => "Encrypts data in transit (security, weight 3): met; scores 1 × 3 of the 4 weight scored → 75 of 75 points."
 * ```
 * @category Scoring
 */
export function explainCriterion(result: ScoreResult, criterionId: string): string {
  try {
    return explain(result, criterionId);
  } catch (error) {
    if (error instanceof DistrictKitError) throw error;
    throw DistrictKitError.argument(["result"], "expected a result of scoreApp");
  }
}

function explain(result: ScoreResult, criterionId: string): string {
  if (typeof criterionId !== "string") throw DistrictKitError.argument(["criterionId"], "expected a criterion id (a text)");
  const rows: readonly CriterionResult[] | null = result && Array.isArray(result.contributions) ? result.contributions : null;
  if (!rows) throw DistrictKitError.argument(["result"], "expected a result of scoreApp (with contributions)");
  const r = rows.find((x) => x !== null && typeof x === "object" && x.criterion === criterionId);
  if (!r) throw DistrictKitError.argument(["criterionId"], `no criterion "${criterionId}" in this result`);
  if (
    typeof r.title !== "string" ||
    typeof r.weight !== "number" ||
    !(typeof r.status === "string" && Object.hasOwn(STATUS, r.status)) ||
    (r.score !== null && typeof r.score !== "number") ||
    typeof r.contribution !== "number"
  ) {
    throw DistrictKitError.argument(["result"], "expected a result of scoreApp");
  }
  const head = `${r.title} (${r.domain}, weight ${r.weight}${r.gate ? `, hard gate ${r.gate}` : ""}): ${STATUS[r.status]}`;
  const detail = r.detail ? ` — ${r.detail}` : "";
  if (r.status === "notApplicable") return `${head}${detail}; left out of the score (numerator and denominator).`;
  if (r.status === "recorded") return `${head}${detail}.`;
  if (r.score === null) {
    return `${head}${detail}; left out of the score under the "${result.policy.unanswered}" policy and listed as missing.`;
  }
  let scored = 0;
  for (const x of result.contributions) if (x.score !== null && x.weight > 0 && x.status !== "recorded") scored += x.weight;
  const policy = r.status === "unanswered" ? ` under the "${result.policy.unanswered}" policy` : "";
  return `${head}${detail}; scores ${pts(r.score)} × ${r.weight} of the ${pts(scored)} weight scored${policy} → ${pts(r.contribution)} of ${pts(result.score ?? 0)} points.`;
}
