import { DistrictKitError, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { c2CycleFor } from "../tables/c2BudgetCycles.js";
import { c2Budget } from "./c2Budget.js";

/**
 * Input of {@link trackC2Cycle}: the consecutive funding years of one cycle (from the first year
 * the applicant applies for C2), each with its schools and the pre-discount C2 committed.
 *
 * @example
 * ```ts
 * c2CycleInputSchema.parse({ years: [{ fundingYear: 2026, schools: [{ students: 10 }], committed: "0" }] }).years.length; // => 1
 * ```
 * @category E-Rate
 */
export const c2CycleInputSchema = z
  .object({
    years: z
      .array(
        z.object({
          fundingYear: z.number().int().min(2021).max(9998),
          schools: z.array(z.object({ id: z.string().optional(), students: z.number().int().min(0), kind: z.enum(["school", "nif", "annex"]).default("school") })).min(1),
          committed: nonNegativeMoneySchema,
        }),
      )
      .min(1),
  })
  .superRefine((v, ctx) => {
    for (let i = 1; i < v.years.length; i++) {
      if (v.years[i]!.fundingYear !== v.years[i - 1]!.fundingYear + 1) ctx.addIssue({ code: "custom", path: ["years", i, "fundingYear"], message: `expected consecutive funding years (${v.years[i - 1]!.fundingYear + 1}), got ${v.years[i]!.fundingYear}` });
    }
  });

/**
 * Input of {@link trackC2Cycle} as given.
 *
 * @category E-Rate
 */
export type C2CycleInput = z.input<typeof c2CycleInputSchema>;

/**
 * One funding year of a tracked C2 cycle.
 *
 * @category E-Rate
 */
export interface C2CycleYear {
  readonly fundingYear: number;
  /** The formula budget on this year's enrollment. */
  readonly formulaBudget: Money;
  /** The cycle budget in force: the largest formula budget so far (decreases never lower it). */
  readonly budget: Money;
  readonly committed: Money;
  /** Committed within the budget (pre-discount). */
  readonly consumed: Money;
  /** Committed beyond the remaining budget (not fundable by E-Rate). */
  readonly overBudget: Money;
  readonly remaining: Money;
  readonly explanation: string;
}

/**
 * The tracking of a C2 cycle.
 *
 * @category E-Rate
 */
export interface C2CycleResult {
  readonly cycle: string;
  readonly years: readonly C2CycleYear[];
  readonly budget: Money;
  readonly consumed: Money;
  readonly remaining: Money;
  /** Unused budget does not carry into the next cycle. */
  readonly lapsesAtCycleEnd: Money;
}

/**
 * Tracks a Category Two cycle year by year (FY2021 onward; see “How the numbers are computed: E-Rate”): the budget is
 * set in the first year the applicant applies, enrollment increases raise it, decreases never
 * lower it; every pre-discount commitment consumes it; what remains at the end of the cycle does
 * not carry over.
 *
 * @param input - the consecutive years of one cycle with schools and commitments
 * @returns each year's budget, consumption and remaining balance
 * @throws DistrictKitError for years spanning two cycles or before FY2021 (`UNSUPPORTED`)
 * @example
 * ```ts
 * const r = trackC2Cycle({ years: [
 *   { fundingYear: 2026, schools: [{ students: 1000 }], committed: "150000" },
 *   { fundingYear: 2027, schools: [{ students: 900 }], committed: "0" },
 *   { fundingYear: 2028, schools: [{ students: 1100 }], committed: "10000" },
 * ] });
 * r.years.map((y) => y.budget.toString()); // => ["201570", "201570", "221727"]
 * r.remaining.toString(); // => "61727"
 * ```
 * @category E-Rate
 */
export function trackC2Cycle(input: C2CycleInput): C2CycleResult {
  const v = parseInput(c2CycleInputSchema, input);
  const cycle = c2CycleFor(v.years[0]!.fundingYear);
  const lastCycle = c2CycleFor(v.years[v.years.length - 1]!.fundingYear);
  if (!cycle || cycle.basis !== "district-wide") {
    throw new DistrictKitError("UNSUPPORTED", [{ path: ["years", 0, "fundingYear"], code: "no_cycle", message: "cycle tracking covers the district-wide cycles (FY2021–FY2030)" }]);
  }
  if (lastCycle?.id !== cycle.id) throw new DistrictKitError("INVALID_INPUT", [{ path: ["years"], message: `expected the years of one cycle (${cycle.id})` }]);
  let budget = Money.ZERO;
  let consumedTotal = Money.ZERO;
  const years: C2CycleYear[] = v.years.map((y, i) => {
    const formula = c2Budget({ fundingYear: y.fundingYear, schools: y.schools }).budget;
    const raised = i > 0 && formula.greaterThan(budget);
    budget = i === 0 || raised ? formula : budget;
    const remainingBefore = budget.subtract(consumedTotal);
    const consumed = Money.min(y.committed, Money.max(remainingBefore, Money.ZERO));
    const over = y.committed.subtract(consumed);
    consumedTotal = consumedTotal.add(consumed);
    const remaining = budget.subtract(consumedTotal);
    return {
      fundingYear: y.fundingYear,
      formulaBudget: formula,
      budget,
      committed: y.committed,
      consumed,
      overBudget: over,
      remaining,
      explanation:
        `FY${y.fundingYear}: formula ${formula.format()}; budget ${budget.format()}${i === 0 ? " (set in the first year of the cycle)" : raised ? " (raised by enrollment)" : formula.lessThan(budget) ? " (enrollment fell; the budget is not lowered)" : ""}; ` +
        `committed ${y.committed.format()}${over.isPositive() ? `, ${over.format()} above the budget` : ""}; remaining ${remaining.format()}.`,
    };
  });
  const remaining = budget.subtract(consumedTotal);
  return { cycle: cycle.id, years, budget, consumed: consumedTotal, remaining, lapsesAtCycleEnd: remaining };
}
