import { parseInput } from "@districtkit/core";
import { z } from "zod";
import type { ApprovalConditions } from "./schema.js";
import { vettingDecisionSchema } from "./schema.js";

const scoreLike = z.object({
  appId: z.string().min(1),
  decision: vettingDecisionSchema,
  asOf: z.string().min(1),
  conditions: z.array(z.string()),
});

/**
 * The part of a register row that a vetting decision fills: the decision, the day it was made,
 * and its conditions of use as notes (structure them — grades, under 13, opt-outs — in the
 * register). Pass a `ScoreResult` of {@link scoreApp}.
 *
 * @param result - a result of {@link scoreApp} (its `appId`, `decision`, `asOf`, `conditions`)
 * @returns `{ appId, decision, decidedOn, conditions }` to merge into the app's agreement row
 * @throws DistrictKitError for something that is not a score result
 * @example
 * ```ts
 * const row = approvalFromScore({ appId: "writemate", decision: "approvedWithConditions", asOf: "2026-07-01", conditions: ["Pilot in grades 6–8"] });
 * [row.decision, row.decidedOn]; // => ["approvedWithConditions", "2026-07-01"]
 * row.conditions.notes; // => ["Pilot in grades 6–8"]
 * ```
 * @category Privacy register
 */
export function approvalFromScore(result: unknown): {
  readonly appId: string;
  readonly decision: z.infer<typeof vettingDecisionSchema>;
  readonly decidedOn: string;
  readonly conditions: ApprovalConditions;
} {
  const r = parseInput(scoreLike, result, ["result"]);
  return { appId: r.appId, decision: r.decision, decidedOn: r.asOf, conditions: { under13: "allowed", consentOnFile: [], optOuts: [], teacherOnly: false, notes: [...r.conditions] } };
}
