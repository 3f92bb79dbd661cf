import { DistrictKitError, guardInput } from "@districtkit/core";
import { type RankingResult, topsis, weightedSum } from "./mcda.js";
import type { CriterionStatus, Decision } from "./result.js";
import type { ScoreOptions } from "./schema/answers.js";
import type { Domain } from "./schema/criterion.js";
import type { Rubric, RubricInput } from "./schema/rubric.js";
import { prepare, scoreApps } from "./score.js";

/**
 * A side-by-side comparison of candidate apps (see {@link compareApps}).
 *
 * @category Comparison
 */
export interface AppComparison {
  /** Each app's decision and score, in the input order. */
  readonly apps: readonly {
    readonly appId: string;
    readonly appName: string;
    readonly decision: Decision;
    readonly score: number | null;
    readonly coverage: number | null;
    readonly domainScores: Readonly<Record<Domain, number | null>>;
  }[];
  /** One row per criterion: how each app came out on it. */
  readonly criteria: readonly {
    readonly criterion: string;
    readonly title: string;
    readonly domain: Domain;
    readonly weight: number;
    readonly cells: readonly { readonly appId: string; readonly status: CriterionStatus; readonly score: number | null }[];
  }[];
  /** The domains compared and their weights (the rubric's total weight in each). */
  readonly domains: readonly { readonly domain: Domain; readonly weight: number }[];
  /** Weighted sum over domain scores (0–1). */
  readonly weightedSum: RankingResult;
  /** TOPSIS over domain scores (rank reversal: side-by-side use only). */
  readonly topsis: RankingResult;
  /** Caveats. */
  readonly note: string;
}

const DOMAINS: readonly Domain[] = ["privacy", "security", "accessibility", "interoperability", "evidence", "other"];

/**
 * Compares candidate apps side by side: each app's decision and score, every criterion's outcome
 * per app, and two rankings over the domain scores weighted by the rubric's weight in each
 * domain — a weighted sum and TOPSIS. The rankings help choose between candidates; the decision
 * on each app stays the one {@link scoreApp} gives (a ranking never approves an app, and TOPSIS
 * can reorder apps when one is added or removed).
 *
 * @param rubric - the rubric
 * @param apps - two or more apps
 * @param options - `{ asOf, district }`
 * @returns the comparison
 * @throws DistrictKitError for no apps, duplicate ids, or what {@link scoreApps} reports
 * @example
 * ```ts
 * const rubric = { id: "m", title: "M", methodVersion: "1", criteria: [
 *   { id: "enc", title: "Encryption", domain: "security", weight: 2, kind: "practice", better: "does" },
 *   { id: "wcag", title: "WCAG claim", domain: "accessibility", weight: 1, kind: "yesNo" },
 * ] };
 * const c = compareApps(rubric, [
 *   { id: "a", name: "A", answers: { enc: { value: "does" }, wcag: { value: "no" } } },
 *   { id: "b", name: "B", answers: { enc: { value: "doesNot" }, wcag: { value: "yes" } } },
 * ], { asOf: "2026-07-01", district: { state: "IL" } });
 * c.weightedSum.ranking.map((r) => r.id); // => ["a", "b"]
 * c.apps.map((a) => a.decision); // => ["approvedWithConditions", "denied"]
 * ```
 * @category Comparison
 */
export function compareApps(rubric: Rubric | RubricInput, apps: readonly unknown[], options: ScoreOptions): AppComparison {
  if (!Array.isArray(apps)) throw DistrictKitError.argument(["apps"], "expected at least one app to compare");
  apps = guardInput(() => apps.slice(), ["apps"], "the apps"); // the caller's list, read once
  if (apps.length === 0) throw DistrictKitError.argument(["apps"], "expected at least one app to compare");
  const results = scoreApps(rubric, apps, options);
  const seen = new Set<string>();
  results.forEach((r, i) => {
    if (seen.has(r.appId)) throw DistrictKitError.argument(["apps", i, "id"], `duplicate app id "${r.appId}"`);
    seen.add(r.appId);
  });
  const r = prepare(rubric, options).cr.rubric;
  const weights = DOMAINS.map((d) => ({ domain: d, weight: r.criteria.filter((c) => c.domain === d && c.kind !== "list" && c.kind !== "text").reduce((s, c) => s + c.weight, 0) })).filter(
    (d) => d.weight > 0,
  );
  if (weights.length === 0) throw DistrictKitError.argument(["rubric", "criteria"], "the rubric has no weighted criteria to compare on");
  const matrix = {
    weights: weights.map((d) => d.weight),
    criteria: weights.map((d) => d.domain),
    alternatives: results.map((x) => ({ id: x.appId, values: weights.map((d) => (x.domains[d.domain].score ?? 0) / 100) })),
  };
  const anyNull = results.some((x) => weights.some((d) => x.domains[d.domain].score === null));
  return {
    apps: results.map((x) => ({
      appId: x.appId,
      appName: x.appName,
      decision: x.decision,
      score: x.score,
      coverage: x.coverage,
      domainScores: Object.fromEntries(DOMAINS.map((d) => [d, x.domains[d].score])) as Record<Domain, number | null>,
    })),
    criteria: r.criteria.map((c, j) => ({
      criterion: c.id,
      title: c.title,
      domain: c.domain,
      weight: c.weight,
      cells: results.map((x) => ({ appId: x.appId, status: x.contributions[j]!.status, score: x.contributions[j]!.score })),
    })),
    domains: weights,
    weightedSum: weightedSum(matrix),
    topsis: topsis(matrix),
    note:
      "Rankings use domain scores (0–1) weighted by the rubric's weight in each domain. They help choose between candidates; each app's decision is its own (gates and thresholds), never its rank. TOPSIS can reorder apps when one is added or removed (rank reversal)." +
      (anyNull ? " A domain with nothing scorable counts as 0 in the rankings." : ""),
  };
}
