import { DistrictKitError, type Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";

const id = z.string().min(1).max(200);

/**
 * Input of {@link evaluateBids}: the criteria with their weights (exactly one is the price of
 * the eligible goods and services), each bid's pre-discount price and the evaluators' points on
 * the other criteria (0 – `maxPoints`), and bids set aside as non-responsive with the reason.
 *
 * @example
 * ```ts
 * bidEvaluationInputSchema.parse({ criteria: [{ id: "price", name: "Price", weight: 40, price: true }], bids: [] }).maxPoints; // => 10
 * ```
 * @category E-Rate
 */
export const bidEvaluationInputSchema = z.object({
  criteria: z
    .array(z.object({ id, name: z.string().min(1).max(200), weight: z.number().positive().max(1e6), price: z.boolean().default(false) }))
    .min(1)
    .max(50),
  bids: z
    .array(
      z.object({
        id,
        vendor: z.string().min(1).max(300),
        /** The pre-discount price of the eligible goods and services bid. */
        price: nonNegativeMoneySchema.refine((m) => m.isPositive(), { error: "expected a price above zero" }),
        scores: z
          .array(z.object({ criterion: id, points: z.number().min(0).max(1e6) }))
          .max(50)
          .default([]),
        /** Why the bid is not evaluated (non-responsive, a "robobid"), when it is not. */
        disqualified: z.string().min(1).max(500).optional(),
      }),
    )
    .max(1000),
  /** The points scale of the non-price criteria (default 10). */
  maxPoints: z.number().positive().max(1e6).default(10),
});

/**
 * {@link evaluateBids}'s input as given.
 *
 * @category E-Rate
 */
export type BidEvaluationInput = z.input<typeof bidEvaluationInputSchema>;

/**
 * One bid scored.
 *
 * @category E-Rate
 */
export interface ScoredBid {
  readonly id: string;
  readonly vendor: string;
  readonly price: Money;
  /** 0–100: the weighted sum of the criterion scores (weights as shares of their total). */
  readonly total: number;
  /** Per criterion: the score in [0, 1] (price: lowest price / this price) and its contribution to the total (they add up to it). */
  readonly contributions: readonly { readonly criterion: string; readonly score: number; readonly contribution: number }[];
  readonly rank: number;
  readonly lowestPrice: boolean;
}

/**
 * The evaluation: the weight check, the scored bids, the winner and how robust the choice is.
 *
 * @category E-Rate
 */
export interface BidEvaluationResult {
  /** The weights follow the rule: price weighs more than any other single factor. */
  readonly compliant: boolean;
  readonly weightCheck: {
    readonly priceWeightShare: number;
    readonly heaviestOther: { readonly criterion: string; readonly share: number } | null;
    /** The other factors' combined share (they may together outweigh price). */
    readonly othersCombinedShare: number;
    readonly problems: readonly string[];
    readonly rule: string;
  };
  /** Evaluated bids, best first. */
  readonly bids: readonly ScoredBid[];
  readonly disqualified: readonly { readonly id: string; readonly vendor: string; readonly reason: string }[];
  /** The best bid — null when the weights break the rule or no bid is evaluated. */
  readonly winner: string | null;
  /** Bids tied with the winner on the total (broken by the lower price, then the id). */
  readonly tiedWithWinner: readonly string[];
  /**
   * How robust the choice is: the smallest change of one criterion's weight (other weights
   * unchanged) that makes another bid tie the winner — `deltaPoints` is that change in points of
   * percent of today's total weight (with weights that add up to 100: points of weight); whether
   * that change keeps price the heaviest factor; null when no single change can. The sentence says
   * the weight before and after and the criterion's share after the weights are renormalised.
   */
  readonly robustness: {
    readonly criterion: string;
    readonly runnerUp: string;
    readonly deltaPoints: number;
    readonly keepsPriceHeaviest: boolean;
    /** The smallest change that flips the winner while price stays the heaviest factor, or null. */
    readonly smallestCompliant: { readonly criterion: string; readonly runnerUp: string; readonly deltaPoints: number } | null;
    readonly sentence: string;
  } | null;
  readonly explanation: string;
}

const RULE =
  "47 CFR 54.511(a): price must be the primary factor; the cost category must weigh more than any other single factor (FCC 03-313, Ysleta, para. 50); other factors together may outweigh it";
const EPS = 1e-9;
const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Scores E-Rate bids on a weighted matrix and checks the matrix against the rule that price is
 * the primary factor: the price criterion must weigh strictly more than every other single
 * criterion (a tie with another factor breaks the rule — the FCC denied appeals for 25 %/25 %),
 * though the others together may outweigh it. Weights are read as shares of their total; price
 * scores lowest price / bid price (the cheapest bid gets the full weight), other criteria
 * points / maxPoints; a bid's total (0–100) is the sum of its contributions. Ties are reported
 * and broken by the lower price, then the bid id. Robustness follows the weighted-sum
 * sensitivity of vetting's MCDA (Triantaphyllou & Sánchez): changing criterion k's share by δ
 * (others unchanged) makes bid R tie the winner W at δ = (P_W − P_R) / (s_Rk − s_Wk); the result
 * gives the smallest |δ|, whether the weights would still put price first there, and the
 * smallest change that flips the winner while they do. A matrix that breaks the rule names no
 * winner.
 *
 * @param input - see {@link bidEvaluationInputSchema}
 * @returns the weight check, the bids best first, the winner and its robustness
 * @throws DistrictKitError for invalid input: no or several price criteria, a score for an unknown criterion, duplicate ids
 * @example
 * ```ts
 * const r = evaluateBids({
 *   criteria: [{ id: "price", name: "Price", weight: 40, price: true }, { id: "exp", name: "Experience", weight: 30 }, { id: "plan", name: "Installation plan", weight: 30 }],
 *   bids: [
 *     { id: "a", vendor: "Acme Networks", price: "100000", scores: [{ criterion: "exp", points: 6 }, { criterion: "plan", points: 7 }] },
 *     { id: "b", vendor: "Bolt IT", price: "120000", scores: [{ criterion: "exp", points: 9 }, { criterion: "plan", points: 9 }] },
 *   ],
 * });
 * [r.compliant, r.winner, r.bids.map((b) => b.total)]; // => [true, "b", [87.3333, 79]]
 * [r.robustness?.criterion, r.robustness?.deltaPoints]; // => ["exp", -27.78]
 * evaluateBids({ criteria: [{ id: "price", name: "Price", weight: 25, price: true }, { id: "needs", name: "Understanding of needs", weight: 25 }], bids: [] }).compliant; // => false
 * ```
 * @category E-Rate
 */
export function evaluateBids(input: BidEvaluationInput): BidEvaluationResult {
  const v = parseInput(bidEvaluationInputSchema, input);
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const crit = new Map<string, number>();
  v.criteria.forEach((c, i) => {
    if (crit.has(c.id)) issues.push({ path: ["criteria", i, "id"], code: "duplicate_id", message: `duplicate criterion id "${c.id}"` });
    crit.set(c.id, i);
  });
  const priceIdx = v.criteria.flatMap((c, i) => (c.price ? [i] : []));
  if (priceIdx.length !== 1) issues.push({ path: ["criteria"], code: "price_criterion", message: `expected exactly one criterion with price: true, got ${priceIdx.length}` });
  const bidIds = new Set<string>();
  v.bids.forEach((b, i) => {
    if (bidIds.has(b.id)) issues.push({ path: ["bids", i, "id"], code: "duplicate_id", message: `duplicate bid id "${b.id}"` });
    bidIds.add(b.id);
    const seen = new Set<string>();
    b.scores.forEach((s, j) => {
      const ci = crit.get(s.criterion);
      if (ci === undefined) issues.push({ path: ["bids", i, "scores", j, "criterion"], code: "unknown_criterion", message: `unknown criterion "${s.criterion}"` });
      else if (v.criteria[ci]!.price) issues.push({ path: ["bids", i, "scores", j, "criterion"], code: "price_scored", message: "the price criterion is scored from the price, not from points" });
      if (seen.has(s.criterion)) issues.push({ path: ["bids", i, "scores", j, "criterion"], code: "duplicate_score", message: `criterion "${s.criterion}" scored twice` });
      seen.add(s.criterion);
      if (s.points > v.maxPoints) issues.push({ path: ["bids", i, "scores", j, "points"], code: "too_big", message: `expected at most maxPoints (${v.maxPoints}), got ${s.points}` });
    });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);

  const totalWeight = v.criteria.reduce((a, c) => a + c.weight, 0);
  const share = v.criteria.map((c) => c.weight / totalWeight);
  const pi = priceIdx[0]!;
  const priceCrit = v.criteria[pi]!;
  let heaviestOther: { criterion: string; share: number } | null = null;
  share.forEach((s, i) => {
    if (i !== pi && (heaviestOther === null || s > heaviestOther.share)) heaviestOther = { criterion: v.criteria[i]!.id, share: s };
  });
  const ho = heaviestOther as { criterion: string; share: number } | null;
  const problems: string[] = [];
  for (let i = 0; i < v.criteria.length; i++) {
    if (i !== pi && v.criteria[i]!.weight >= priceCrit.weight) {
      problems.push(
        `${v.criteria[i]!.name} weighs ${v.criteria[i]!.weight}, ${v.criteria[i]!.weight === priceCrit.weight ? "as much as" : "more than"} price (${priceCrit.weight}): price must weigh more than any other single factor.`,
      );
    }
  }
  const compliant = problems.length === 0;
  const othersCombined = 1 - share[pi]!;

  const evaluated = v.bids.filter((b) => b.disqualified === undefined);
  const lowest = evaluated.length === 0 ? null : evaluated.reduce((m, b) => (b.price.lessThan(m) ? b.price : m), evaluated[0]!.price);
  const scoreOf = (b: (typeof evaluated)[number]): number[] =>
    v.criteria.map((c, i) => (i === pi ? lowest!.ratioTo(b.price).toNumber() : (b.scores.find((s) => s.criterion === c.id)?.points ?? 0) / v.maxPoints));
  const rows = evaluated.map((b) => {
    const s = scoreOf(b);
    const contributions = v.criteria.map((c, i) => ({ criterion: c.id, score: s[i]!, contribution: 100 * share[i]! * s[i]! }));
    return { b, s, total: contributions.reduce((a, c) => a + c.contribution, 0), contributions };
  });
  rows.sort((x, y) => (Math.abs(x.total - y.total) > EPS ? y.total - x.total : x.b.price.compare(y.b.price) || (x.b.id < y.b.id ? -1 : 1)));
  const bids: ScoredBid[] = rows.map((r, i) => ({
    id: r.b.id,
    vendor: r.b.vendor,
    price: r.b.price,
    total: round(r.total),
    contributions: r.contributions.map((c) => ({ criterion: c.criterion, score: round(c.score, 6), contribution: round(c.contribution, 6) })),
    rank: i + 1,
    lowestPrice: lowest !== null && r.b.price.equals(lowest),
  }));
  const top = rows[0];
  const tied = top
    ? rows
        .slice(1)
        .filter((r) => Math.abs(r.total - top.total) <= EPS)
        .map((r) => r.b.id)
    : [];
  const winner = compliant && top ? top.b.id : null;

  // Robustness: one share changes by δ, the others stay; bid R ties W at δ = (P_W − P_R) / (100 (s_Rk − s_Wk)).
  // (A tie does not depend on the weights' scale, so δ is also the change of criterion k's weight as a
  // fraction of today's total weight; the sentence says it in the weights the user typed, and the
  // share the criterion would then have once the weights are renormalised: (s_k + δ) / (1 + δ).)
  const weightChange = (k: number, delta: number): string => {
    const c = v.criteria[k]!;
    const to = c.weight + delta * totalWeight;
    return `${c.name}'s weight went from ${round(c.weight, 2)} to ${round(to, 2)} (its share of the total from ${round(share[k]! * 100, 2)} % to ${round(((share[k]! + delta) / (1 + delta)) * 100, 2)} %)`;
  };
  let robustness: BidEvaluationResult["robustness"] = null;
  if (top && rows.length > 1) {
    let best: { k: number; r: number; delta: number; ok: boolean } | null = null;
    let bestOk: { k: number; r: number; delta: number } | null = null;
    for (let ri = 1; ri < rows.length; ri++) {
      const R = rows[ri]!;
      for (let k = 0; k < v.criteria.length; k++) {
        const diff = R.s[k]! - top.s[k]!;
        if (Math.abs(diff) < EPS) continue;
        const delta = (top.total - R.total) / (100 * diff);
        if (share[k]! + delta < -EPS) continue; // a weight cannot go below zero
        const after = share.map((w, i) => (i === k ? w + delta : w));
        const ok = after.every((w, i) => i === pi || w < after[pi]! - EPS);
        if (best === null || Math.abs(delta) < Math.abs(best.delta) - EPS) best = { k, r: ri, delta, ok };
        if (ok && (bestOk === null || Math.abs(delta) < Math.abs(bestOk.delta) - EPS)) bestOk = { k, r: ri, delta };
      }
    }
    if (best !== null) {
      const c = v.criteria[best.k]!;
      const R = rows[best.r]!;
      const pts = round(best.delta * 100, 2);
      robustness = {
        criterion: c.id,
        runnerUp: R.b.id,
        deltaPoints: pts,
        keepsPriceHeaviest: best.ok,
        smallestCompliant: bestOk === null ? null : { criterion: v.criteria[bestOk.k]!.id, runnerUp: rows[bestOk.r]!.b.id, deltaPoints: round(bestOk.delta * 100, 2) },
        sentence:
          `${R.b.vendor} would tie ${top.b.vendor} if ${weightChange(best.k, best.delta)}, other weights unchanged` +
          (best.ok
            ? ", with price still the heaviest factor."
            : bestOk === null
              ? "; no change that keeps price the heaviest factor changes the winner."
              : `; the smallest change that keeps price the heaviest: ${weightChange(bestOk.k, bestOk.delta)}.`),
      };
    }
  }

  const fmt = (x: number): string => `${round(x * 100, 2)} %`;
  return {
    compliant,
    weightCheck: {
      priceWeightShare: round(share[pi]!, 6),
      heaviestOther: ho === null ? null : { criterion: ho.criterion, share: round(ho.share, 6) },
      othersCombinedShare: round(othersCombined, 6),
      problems,
      rule: RULE,
    },
    bids,
    disqualified: v.bids.filter((b) => b.disqualified !== undefined).map((b) => ({ id: b.id, vendor: b.vendor, reason: b.disqualified! })),
    winner,
    tiedWithWinner: tied,
    robustness,
    explanation: !compliant
      ? `The weights break the rule (${problems.join(" ")}); no winner is named until price weighs more than any other single factor.`
      : top === undefined
        ? `Price weighs ${fmt(share[pi]!)}, more than any other single factor; no bid is evaluated.`
        : `Price weighs ${fmt(share[pi]!)}, more than any other single factor (heaviest other: ${ho ? `${v.criteria[crit.get(ho.criterion)!]!.name} ${fmt(ho.share)}` : "none"}; the others together ${fmt(othersCombined)}). ` +
          `${top.b.vendor} scores ${round(top.total, 2)} of 100 and wins${tied.length ? ` (tied with ${tied.join(", ")}, broken by the lower price)` : ""}` +
          `${bids[0]!.lowestPrice ? " with the lowest price" : `, though ${rows.find((r) => lowest !== null && r.b.price.equals(lowest))?.b.vendor ?? "another bid"} is cheaper`}.` +
          (robustness ? ` ${robustness.sentence}` : ""),
  };
}
