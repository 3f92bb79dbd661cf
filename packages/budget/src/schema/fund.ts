import { fiscalYearSchema, isoDateSchema, nonNegativeMoneySchema } from "@districtkit/core";
import { z } from "zod";

const id = z.string().min(1);

/**
 * One award of a restricted fund: an amount, the day it becomes available, the day it must be
 * obligated by, the day it must be liquidated by (default: obligate-by + 120 days), and an
 * optional carryover cap (Title I-A: at most 15 % may be spent after the first period).
 *
 * @example
 * ```ts
 * trancheSchema.parse({ amount: "75000", availableFrom: "2026-07-01", obligateBy: "2027-09-30" }).amount.toString(); // => "75000"
 * ```
 * @category Schemas
 */
export const trancheSchema = z
  .object({
    id: id.optional(),
    /** The award (appropriation) year, to tell apart awards whose windows overlap by design (Tydings). */
    awardYear: fiscalYearSchema.optional(),
    amount: nonNegativeMoneySchema,
    availableFrom: isoDateSchema,
    obligateBy: isoDateSchema,
    liquidateBy: isoDateSchema.optional(),
    /** At most `capPercent` % of the award may be obligated after the day `after`. */
    carryover: z.object({ capPercent: z.number().min(0).max(100), after: isoDateSchema }).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.obligateBy < t.availableFrom) ctx.addIssue({ code: "custom", path: ["obligateBy"], message: `expected a day on or after availableFrom (${t.availableFrom}), got ${t.obligateBy}` });
    if (t.liquidateBy !== undefined && t.liquidateBy < t.obligateBy)
      ctx.addIssue({ code: "custom", path: ["liquidateBy"], message: `expected a day on or after obligateBy (${t.obligateBy}), got ${t.liquidateBy}` });
  });

/**
 * A funding source. `general` (exactly one; pays whatever nothing else may), `erate` (pays the
 * discount share of C1 or C2 items; C2 within the five-year budget), and restricted funds
 * (`grant`, `bond`, `levy`, `other`) with eligible categories and dated award windows, given as
 * `tranches` or as an `annual` allocation (each fiscal year's award available for
 * `windowMonths`, 27 for ESEA formula grants with Tydings carryover).
 *
 * @example
 * ```ts
 * const titleIV = fundSchema.parse({ id: "title-iv-a", name: "Title IV-A", kind: "grant",
 *   eligibleCategories: ["hardware", "software"], annual: { amount: "18000", firstYear: 2027 } });
 * titleIV.annual?.windowMonths; // => 27
 * ```
 * @category Schemas
 */
export const fundSchema = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(["general", "erate", "grant", "bond", "levy", "other"]),
    /** For `erate` funds: the category it pays. */
    eRateCategory: z.enum(["C1", "C2"]).optional(),
    /** For `erate` funds: a discount (0–0.9) that overrides the one computed from the district. */
    discount: z.number().min(0).max(0.9).optional(),
    /** Categories a restricted fund may pay. */
    eligibleCategories: z.array(z.string().min(1)).optional(),
    /** Item ids a restricted fund may pay, whatever their category. */
    eligibleItems: z.array(id).optional(),
    /** Lower is used first among funds whose money expires on the same day (default 100). */
    preference: z.number().int().min(0).max(10_000).default(100),
    tranches: z.array(trancheSchema).optional(),
    annual: z
      .object({
        amount: nonNegativeMoneySchema.optional(),
        /** An allocation per student of that year's enrollment (rounded to the cent). */
        perStudent: nonNegativeMoneySchema.optional(),
        firstYear: fiscalYearSchema,
        lastYear: fiscalYearSchema.optional(),
        windowMonths: z.number().int().min(1).max(120).default(27),
      })
      .optional(),
    /** Caps on a share of each award for some categories (Title IV-A: ≤ 15 % for technology infrastructure). */
    categoryCaps: z.array(z.object({ categories: z.array(z.string().min(1)).min(1), maxPercent: z.number().min(0).max(100) })).optional(),
    /** For the general fund: the yearly appropriation, to warn when the draw exceeds it. */
    yearlyLimit: nonNegativeMoneySchema.optional(),
    source: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === "erate" && f.eRateCategory === undefined) ctx.addIssue({ code: "custom", path: ["eRateCategory"], message: "an erate fund needs eRateCategory C1 or C2" });
    const restricted = f.kind !== "general" && f.kind !== "erate";
    if (restricted && f.tranches === undefined && f.annual === undefined) ctx.addIssue({ code: "custom", path: ["tranches"], message: "a restricted fund needs tranches or an annual allocation" });
    if (restricted && f.eligibleCategories === undefined && f.eligibleItems === undefined)
      ctx.addIssue({ code: "custom", path: ["eligibleCategories"], message: "a restricted fund needs eligibleCategories or eligibleItems" });
    if (f.annual && (f.annual.amount === undefined) === (f.annual.perStudent === undefined)) ctx.addIssue({ code: "custom", path: ["annual"], message: "give exactly one of amount or perStudent" });
    if (f.annual?.lastYear !== undefined && f.annual.lastYear < f.annual.firstYear)
      ctx.addIssue({ code: "custom", path: ["annual", "lastYear"], message: `expected ≥ firstYear (${f.annual.firstYear}), got ${f.annual.lastYear}` });
    const tr = f.tranches ?? [];
    if (tr.some((t) => t.carryover) && f.categoryCaps) ctx.addIssue({ code: "custom", path: ["categoryCaps"], message: "a fund cannot have both carryover caps and category caps (not modelled yet)" });
    for (let i = 0; i < tr.length; i++) {
      for (let j = i + 1; j < tr.length; j++) {
        const a = tr[i]!;
        const b = tr[j]!;
        const overlap = a.availableFrom <= b.obligateBy && b.availableFrom <= a.obligateBy;
        if (overlap && (a.awardYear === undefined || b.awardYear === undefined || a.awardYear === b.awardYear)) {
          ctx.addIssue({ code: "custom", path: ["tranches", j], message: `window overlaps tranches[${i}] of the same fund; give each a distinct awardYear if they are separate awards` });
        }
      }
    }
  });

/**
 * A funding source as given.
 *
 * @category Schemas
 */
export type FundInput = z.input<typeof fundSchema>;
/**
 * A validated funding source.
 *
 * @category Schemas
 */
export type Fund = z.output<typeof fundSchema>;
