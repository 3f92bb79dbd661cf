import { parseInput } from "@districtkit/core";
import { z } from "zod";
import { PROJECT_UNICORN_METRICS, PROJECT_UNICORN_PLEDGE_LEVEL } from "./tables/unicorn.js";

/**
 * The result of {@link projectUnicornPledge}.
 *
 * @category Interoperability
 */
export interface UnicornPledgeResult {
  /** Whether every metric is at or above the pledge level. */
  readonly meets: boolean;
  /** The lowest level over the ten metrics. */
  readonly minimum: number;
  /** The level required. */
  readonly required: number;
  /** The metrics below it, by title. */
  readonly below: readonly string[];
  /** One sentence. */
  readonly explanation: string;
}

const levelsSchema = z.array(z.number().int().min(1).max(4)).length(PROJECT_UNICORN_METRICS.length);

/**
 * Checks a vendor's Project Unicorn levels (ten metrics, 1–4, in the order of
 * {@link PROJECT_UNICORN_METRICS}) against the pledge: at least Level 2 — read as every metric at
 * Level 2 or more (the minimum over metrics; the pledge may mean an overall level, unconfirmed).
 *
 * @param levels - ten levels, 1–4
 * @param required - the pledge level (default 2)
 * @returns whether the pledge is met and which metrics fall short
 * @throws DistrictKitError unless there are exactly ten whole levels in 1–4
 * @example
 * ```ts
 * // test vector T14
 * projectUnicornPledge([2, 3, 1, 2, 2, 2, 2, 2, 2, 2]).meets; // => false
 * projectUnicornPledge([2, 3, 1, 2, 2, 2, 2, 2, 2, 2]).below; // => ["Export Process"]
 * projectUnicornPledge([2, 3]); // throws
 * ```
 * @category Interoperability
 */
export function projectUnicornPledge(levels: readonly number[], required: number = PROJECT_UNICORN_PLEDGE_LEVEL): UnicornPledgeResult {
  const l = parseInput(levelsSchema, levels, ["levels"]);
  const r = parseInput(z.number().int().min(1).max(4), required, ["required"]);
  const minimum = Math.min(...l);
  const below = PROJECT_UNICORN_METRICS.filter((_, i) => l[i]! < r).map((m) => m.title);
  const meets = below.length === 0;
  return {
    meets,
    minimum,
    required: r,
    below,
    explanation: meets
      ? `Every Project Unicorn metric is at Level ${r} or above (lowest ${minimum}): the pledge is met.`
      : `${below.join(", ")} ${below.length === 1 ? "is" : "are"} below Level ${r} (lowest ${minimum}): the pledge is not met.`,
  };
}
