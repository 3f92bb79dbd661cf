import { DistrictKitError, parseInput } from "@districtkit/core";
import { z } from "zod";

/**
 * The zod schema of one tier of a 0–100 score: a label and its bounds, each inclusive or not —
 * `atLeast` (≥) or `above` (>) below, `atMost` (≤) or `below` (<) above. A missing lower bound
 * is "from 0", a missing upper bound "to 100", both inclusive.
 *
 * @example
 * ```ts
 * scoreTierSchema.parse({ label: "high", atLeast: 40, below: 70 }).label; // => "high"
 * scoreTierSchema.safeParse({ label: "x", atLeast: 40, above: 40 }).success; // => false
 * ```
 * @category Risk
 */
export const scoreTierSchema = z
  .strictObject({
    label: z.string().min(1),
    atLeast: z.number().min(0).max(100).optional(),
    above: z.number().min(0).max(100).optional(),
    atMost: z.number().min(0).max(100).optional(),
    below: z.number().min(0).max(100).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.atLeast !== undefined && t.above !== undefined) ctx.addIssue({ code: "custom", path: ["above"], message: "expected one lower bound: atLeast (≥) or above (>), not both" });
    if (t.atMost !== undefined && t.below !== undefined) ctx.addIssue({ code: "custom", path: ["below"], message: "expected one upper bound: atMost (≤) or below (<), not both" });
  });

/**
 * One tier of a score as written (see {@link scoreTierSchema}).
 *
 * @category Risk
 */
export type ScoreTier = z.input<typeof scoreTierSchema>;

interface Band {
  readonly index: number;
  readonly label: string;
  readonly lo: number;
  readonly loClosed: boolean;
  readonly hi: number;
  readonly hiClosed: boolean;
}

function band(t: z.output<typeof scoreTierSchema>, index: number): Band {
  return {
    index,
    label: t.label,
    lo: t.atLeast ?? t.above ?? 0,
    loClosed: t.above === undefined,
    hi: t.atMost ?? t.below ?? 100,
    hiClosed: t.below === undefined,
  };
}

function rule(b: Band, name: string): string {
  const lower = b.lo === 0 && b.loClosed ? "" : `${b.lo} ${b.loClosed ? "≤" : "<"} `;
  const upper = b.hi === 100 && b.hiClosed ? "" : ` ${b.hiClosed ? "≤" : "<"} ${b.hi}`;
  return lower === "" && upper === "" ? `any ${name}` : `${lower}${name}${upper}`;
}

/**
 * The zod schema of a list of tiers: together they must cover every score from 0 to 100 exactly
 * once — no gap (40 in no tier) and no overlap (40 in two) — which is where inclusive and
 * exclusive bounds matter. Listed in any order.
 *
 * @example
 * ```ts
 * scoreTiersSchema.safeParse([{ label: "low", below: 20 }, { label: "high", atLeast: 20 }]).success; // => true
 * scoreTiersSchema.safeParse([{ label: "low", atMost: 20 }, { label: "high", atLeast: 20 }]).success; // => false
 * ```
 * @category Risk
 */
export const scoreTiersSchema = z
  .array(scoreTierSchema)
  .min(1)
  .superRefine((tiers, ctx) => {
    const labels = new Map<string, number>();
    tiers.forEach((t, i) => {
      if (labels.has(t.label)) ctx.addIssue({ code: "custom", path: [i, "label"], message: `duplicate tier label "${t.label}"` });
      labels.set(t.label, i);
    });
    // a tier with two bounds on one side is already refused: the coverage check would only echo it
    if (tiers.some((t) => (t.atLeast !== undefined && t.above !== undefined) || (t.atMost !== undefined && t.below !== undefined))) return;
    const bands = tiers.map(band);
    let empty = false;
    for (const b of bands) {
      if (b.lo > b.hi || (b.lo === b.hi && !(b.loClosed && b.hiClosed))) {
        empty = true;
        ctx.addIssue({ code: "custom", path: [b.index], message: `tier "${b.label}" holds no score (${rule(b, "score")})` });
      }
    }
    if (empty) return;
    const sorted = [...bands].sort((a, b) => a.lo - b.lo || Number(b.loClosed) - Number(a.loClosed));
    const first = sorted[0]!;
    if (first.lo > 0 || !first.loClosed)
      ctx.addIssue({ code: "custom", path: [first.index], message: `no tier holds a score of ${first.lo}${first.lo > 0 ? ` or less` : ""}: the tiers must start at 0` });
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1]!;
      const b = sorted[k]!;
      if (b.lo < a.hi || (b.lo === a.hi && a.hiClosed && b.loClosed)) {
        ctx.addIssue({ code: "custom", path: [b.index], message: `tiers "${a.label}" (${rule(a, "score")}) and "${b.label}" (${rule(b, "score")}) overlap: a score can be in one tier only` });
      } else if (b.lo > a.hi || (!a.hiClosed && !b.loClosed)) {
        ctx.addIssue({
          code: "custom",
          path: [b.index],
          message: `no tier holds a score of ${a.hi}${b.lo > a.hi ? ` to ${b.lo}` : ""}: between "${a.label}" (${rule(a, "score")}) and "${b.label}" (${rule(b, "score")})`,
        });
      }
    }
    const last = sorted.reduce((m, b) => (b.hi > m.hi || (b.hi === m.hi && b.hiClosed) ? b : m), sorted[0]!);
    if (last.hi < 100 || !last.hiClosed)
      ctx.addIssue({ code: "custom", path: [last.index], message: `no tier holds a score of ${last.hi}${last.hi < 100 ? " or more" : ""}: the tiers must reach 100` });
  });

/**
 * The tier a score falls in.
 *
 * @category Risk
 */
export interface ScoreTierResult {
  /** The tier's label. */
  readonly label: string;
  /** Its position in the list given. */
  readonly index: number;
  /** Its rank from the lowest scores (0) to the highest: for a risk score, from least to most risky. */
  readonly rank: number;
  /** The bounds in words, e.g. `40 ≤ score < 70`. */
  readonly rule: string;
}

/** @internal Validated tiers and the lookup (tiers already checked by the schema). */
export function tierLookup(tiers: readonly z.output<typeof scoreTierSchema>[], name: string): (score: number) => ScoreTierResult {
  const bands = tiers.map(band).sort((a, b) => a.lo - b.lo || Number(b.loClosed) - Number(a.loClosed));
  return (score) => {
    for (let r = 0; r < bands.length; r++) {
      const b = bands[r]!;
      const aboveLo = b.loClosed ? score >= b.lo : score > b.lo;
      const belowHi = b.hiClosed ? score <= b.hi : score < b.hi;
      if (aboveLo && belowHi) return { label: b.label, index: b.index, rank: r, rule: rule(b, name) };
    }
    throw new DistrictKitError("INVALID_ARGUMENT", [{ path: ["score"], message: `expected a score from 0 to 100, got ${score}` }]);
  };
}

/**
 * Finds the tier of a 0–100 score in a list of tiers whose bounds say, each, whether they are
 * inclusive (`atLeast`, `atMost`) or not (`above`, `below`) — so "critical ≥ 70" and "low ≤ 20"
 * can both be written as meant.
 *
 * @param score - the score, 0–100
 * @param tiers - the tiers, covering 0–100 exactly once (see {@link scoreTiersSchema})
 * @returns the tier, its rank from the lowest scores, and its bounds in words
 * @throws DistrictKitError for a score outside 0–100 or tiers with a gap or an overlap
 * @example
 * ```ts
 * scoreTier(70, RISK_TIERS_VENDORSCORE_1).label; // => "critical"
 * scoreTier(69.9, RISK_TIERS_VENDORSCORE_1).rule; // => "40 ≤ score < 70"
 * scoreTier(20, [{ label: "low", atMost: 20 }, { label: "high", above: 20 }]).label; // => "low"
 * ```
 * @category Risk
 */
export function scoreTier(score: number, tiers: readonly ScoreTier[]): ScoreTierResult {
  const v = parseInput(z.object({ score: z.number().min(0).max(100), tiers: scoreTiersSchema }), { score, tiers });
  return tierLookup(v.tiers, "score")(v.score);
}
