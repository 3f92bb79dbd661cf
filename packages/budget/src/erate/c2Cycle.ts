import { Dec, DistrictKitError, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type C2Cycle, c2CycleFor } from "../tables/c2BudgetCycles.js";
import { c2Budget } from "./c2Budget.js";

const decimal = z.union([z.number().min(0).max(1e9), z.string().regex(/^\d+(\.\d+)?$/)]);

/**
 * Input of {@link trackC2Cycle}: the consecutive funding years of one cycle (from the first year
 * the applicant applies for C2), each with its schools and the pre-discount C2 committed. In the
 * per-school test period (FY2015–FY2019) and FY2020 each school has its own budget, so each
 * school carries its own `committed` (and an `id` to follow it from year to year when there are
 * several); from FY2021 the budget is district-wide and a year's `committed` is enough.
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
          /** E-Rate funding year (a year with no C2 budget in the table is refused as `UNSUPPORTED`). */
          fundingYear: z.number().int().min(1998).max(9998),
          schools: z
            .array(
              z.object({
                /** Follows a school from year to year (required in the per-school period when a year has several schools). */
                id: z.string().min(1).optional(),
                students: z.number().int().min(0),
                kind: z.enum(["school", "nif", "annex"]).default("school"),
                /** Pre-discount C2 committed for this school this year (per-school period; summed from FY2021). */
                committed: nonNegativeMoneySchema.optional(),
                /** Pre-discount C2 committed for this school in earlier years of the period that are not listed (first year only). */
                committedBefore: nonNegativeMoneySchema.optional(),
              }),
            )
            .min(1),
          /** Pre-discount C2 committed this year (district-wide; in the per-school period only for a year with one school). */
          committed: nonNegativeMoneySchema.optional(),
          /** This year's figures instead of the table's (e.g. a test-period year's inflation-adjusted multiplier). */
          parameters: z.object({ perStudent: decimal.optional(), floorPerEntity: decimal.optional() }).optional(),
        }),
      )
      .min(1),
  })
  .superRefine((v, ctx) => {
    for (let i = 1; i < v.years.length; i++) {
      if (v.years[i]!.fundingYear !== v.years[i - 1]!.fundingYear + 1)
        ctx.addIssue({ code: "custom", path: ["years", i, "fundingYear"], message: `expected consecutive funding years (${v.years[i - 1]!.fundingYear + 1}), got ${v.years[i]!.fundingYear}` });
    }
    v.years.forEach((y, i) => {
      const ids = new Set<string>();
      y.schools.forEach((s, k) => {
        if (i > 0 && s.committedBefore !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["years", i, "schools", k, "committedBefore"],
            message: "expected committedBefore only in the first year listed (earlier commitments of later years are the years listed before them)",
          });
        if (s.kind !== "school" && s.committed !== undefined && s.committed.isPositive())
          ctx.addIssue({
            code: "custom",
            path: ["years", i, "schools", k, "committed"],
            message: `a ${s.kind === "nif" ? "non-instructional facility" : "annex"} has no C2 budget; allocate the cost to the schools it serves`,
          });
        if (s.id !== undefined) {
          if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["years", i, "schools", k, "id"], message: `duplicate school id "${s.id}" in FY${y.fundingYear}` });
          ids.add(s.id);
        }
      });
      const perSchool = y.schools.filter((s) => s.committed !== undefined);
      if (y.committed !== undefined && perSchool.length > 0) {
        const sum = Money.sum(perSchool.map((s) => s.committed!));
        if (!sum.equals(y.committed))
          ctx.addIssue({
            code: "custom",
            path: ["years", i, "committed"],
            message: `expected the year's committed to equal its schools' committed (${sum.toString()}), got ${y.committed.toString()}`,
          });
      }
    });
  });

/**
 * Input of {@link trackC2Cycle} as given.
 *
 * @category E-Rate
 */
export type C2CycleInput = z.input<typeof c2CycleInputSchema>;

/**
 * One school in one year of a per-school (FY2015–FY2020) tracking.
 *
 * @category E-Rate
 */
export interface C2CycleSchoolYear {
  /** The school's id (or `#1`, `#2`… by position when a district has one school a year). */
  readonly id: string;
  readonly students: number;
  /** The school's budget this year: max(multiplier × current students, floor); 0 without students. */
  readonly budget: Money;
  /** Committed at this school in earlier years of the period (within its budget). */
  readonly committedBefore: Money;
  readonly committed: Money;
  /** Committed within the school's remaining budget. */
  readonly consumed: Money;
  /** Committed beyond it (E-Rate does not share it). */
  readonly overBudget: Money;
  /** Budget left for later years of the period (never below 0). */
  readonly remaining: Money;
  readonly explanation: string;
}

/**
 * One funding year of a tracked C2 cycle.
 *
 * @category E-Rate
 */
export interface C2CycleYear {
  readonly fundingYear: number;
  /** The table's cycle of this year (`"FY2015-FY2019"`, `"FY2020"`, `"FY2026-FY2030"`…). */
  readonly cycle: string;
  /** The formula budget on this year's enrollment (per school: the sum of the schools' budgets). */
  readonly formulaBudget: Money;
  /** The budget in force: from FY2021 the largest formula budget so far (decreases never lower it); per school, this year's sum. */
  readonly budget: Money;
  readonly committed: Money;
  /** Committed within the budget (pre-discount). */
  readonly consumed: Money;
  /** Committed beyond the remaining budget (not fundable by E-Rate). */
  readonly overBudget: Money;
  readonly remaining: Money;
  /** Each school's line in the per-school period (FY2015–FY2020); empty from FY2021 (one district-wide budget). */
  readonly schools: readonly C2CycleSchoolYear[];
  readonly explanation: string;
}

/**
 * The tracking of a C2 cycle.
 *
 * @category E-Rate
 */
export interface C2CycleResult {
  /** The cycle (`"FY2026-FY2030"`), or `"FY2015-FY2020"` for the per-school test period and its FY2020 extension. */
  readonly cycle: string;
  /** `per-school` (FY2015–FY2020: each school its own budget) or `district-wide` (FY2021 onward). */
  readonly basis: "per-school" | "district-wide";
  readonly years: readonly C2CycleYear[];
  /** The budget in force in the last year listed. */
  readonly budget: Money;
  /** Everything consumed in the years listed (commitments before them excluded). */
  readonly consumed: Money;
  readonly remaining: Money;
  /** Unused budget does not carry into the next cycle (nor test-period budget into FY2021). */
  readonly lapsesAtCycleEnd: Money;
}

/**
 * Tracks a Category Two budget year by year (see “How the numbers are computed: E-Rate”).
 *
 * - From FY2021 (district-wide cycles): the budget is set in the first year the applicant
 *   applies; enrollment increases raise it, decreases never lower it; every pre-discount
 *   commitment consumes it; what remains at the end of the cycle does not carry over.
 * - FY2015–FY2019 (test period) and FY2020: each school has its own budget, recomputed each year
 *   on its current students — remaining = max(multiplier × students, floor) − pre-discount C2
 *   committed at that school so far, so an enrollment increase adds multiplier × added students;
 *   FY2020 uses its own figures ($195.63 a student, floor $11,998.43) minus the commitments of
 *   FY2015–2019. The two form one tracking period; nothing of it carries into FY2021.
 *
 * The figures come from {@link C2_BUDGET_CYCLES} (a year's `parameters` override them).
 *
 * @param input - the consecutive years of one cycle with schools and commitments
 * @returns each year's budget, consumption and remaining balance (and each school's, per school)
 * @throws DistrictKitError `UNSUPPORTED` for a year with no C2 budget in the table (before FY2015, or after the last cycle held); `INVALID_INPUT` for a malformed input — years not consecutive, years of two cycles, several schools a year without ids in the per-school period, a year's `committed` where each school's is needed
 * @example
 * ```ts
 * const r = trackC2Cycle({ years: [
 *   { fundingYear: 2026, schools: [{ students: 1000 }], committed: "150000" },
 *   { fundingYear: 2027, schools: [{ students: 900 }], committed: "0" },
 *   { fundingYear: 2028, schools: [{ students: 1100 }], committed: "10000" },
 * ] });
 * r.years.map((y) => y.budget.toString()); // => ["201570", "201570", "221727"]
 * r.remaining.toString(); // => "61727"
 *
 * // test period, per school (e-ratepa, 12 April 2016): 250 students × $150, $25,000 committed;
 * // 275 students the next year add 25 × $150
 * const t = trackC2Cycle({ years: [
 *   { fundingYear: 2015, schools: [{ students: 250, committed: "25000" }] },
 *   { fundingYear: 2016, schools: [{ students: 275 }] },
 * ] });
 * t.years.map((y) => y.remaining.toString()); // => ["12500", "16250"]
 * trackC2Cycle({ years: [{ fundingYear: 2014, schools: [{ students: 10 }] }] }); // throws
 * ```
 * @category E-Rate
 */
export function trackC2Cycle(input: C2CycleInput): C2CycleResult {
  const v = parseInput(c2CycleInputSchema, input);
  const cycles: C2Cycle[] = [];
  const unsupported: { path: (string | number)[]; code: string; message: string }[] = [];
  v.years.forEach((y, i) => {
    const c = c2CycleFor(y.fundingYear);
    if (c) cycles.push(c);
    else {
      unsupported.push({
        path: ["years", i, "fundingYear"],
        code: "no_cycle",
        message:
          y.fundingYear < 2015
            ? `E-Rate had no Category Two budgets before FY2015 (got FY${y.fundingYear})`
            : `no Category Two cycle figures are held for FY${y.fundingYear} (the table ends with FY2030); add the cycle to the table first`,
      });
    }
  });
  if (unsupported.length > 0) throw new DistrictKitError("UNSUPPORTED", unsupported);
  const perSchool = cycles[0]!.basis !== "district-wide";
  const mixed = cycles.some((c) => (c.basis !== "district-wide") !== perSchool || (!perSchool && c.id !== cycles[0]!.id));
  if (mixed) {
    throw new DistrictKitError("INVALID_INPUT", [
      {
        path: ["years"],
        code: "two_cycles",
        message: `expected the years of one cycle (${perSchool ? "FY2015-FY2020, per school" : cycles[0]!.id}); got years of ${[...new Set(cycles.map((c) => c.id))].join(", ")}`,
      },
    ]);
  }
  return perSchool ? trackPerSchool(v, cycles) : trackDistrictWide(v, cycles[0]!);
}

type Parsed = z.output<typeof c2CycleInputSchema>;

function yearCommitted(y: Parsed["years"][number]): Money {
  if (y.committed !== undefined) return y.committed;
  return Money.sum(y.schools.map((s) => s.committed ?? Money.ZERO));
}

function trackDistrictWide(v: Parsed, cycle: C2Cycle): C2CycleResult {
  let budget = Money.ZERO;
  let consumedTotal = Money.ZERO;
  const before = Money.sum(v.years[0]!.schools.map((s) => s.committedBefore ?? Money.ZERO));
  const years: C2CycleYear[] = v.years.map((y, i) => {
    const formula = c2Budget({ fundingYear: y.fundingYear, schools: y.schools.map((s) => ({ students: s.students, kind: s.kind })), ...(y.parameters ? { parameters: y.parameters } : {}) }).budget;
    const raised = i > 0 && formula.greaterThan(budget);
    budget = i === 0 || raised ? formula : budget;
    const committed = yearCommitted(y);
    const remainingBefore = budget.subtract(before).subtract(consumedTotal);
    const consumed = Money.min(committed, Money.max(remainingBefore, Money.ZERO));
    const over = committed.subtract(consumed);
    consumedTotal = consumedTotal.add(consumed);
    const remaining = Money.max(budget.subtract(before).subtract(consumedTotal), Money.ZERO);
    return {
      fundingYear: y.fundingYear,
      cycle: cycle.id,
      formulaBudget: formula,
      budget,
      committed,
      consumed,
      overBudget: over,
      remaining,
      schools: [],
      explanation:
        `FY${y.fundingYear}: formula ${formula.format()}; budget ${budget.format()}${i === 0 ? " (set in the first year of the cycle)" : raised ? " (raised by enrollment)" : formula.lessThan(budget) ? " (enrollment fell; the budget is not lowered)" : ""}; ` +
        (i === 0 && before.isPositive() ? `committed before ${before.format()}; ` : "") +
        `committed ${committed.format()}${over.isPositive() ? `, ${over.format()} above the budget` : ""}; remaining ${remaining.format()}.`,
    };
  });
  const remaining = years[years.length - 1]!.remaining;
  return { cycle: cycle.id, basis: "district-wide", years, budget, consumed: consumedTotal, remaining, lapsesAtCycleEnd: remaining };
}

function trackPerSchool(v: Parsed, cycles: readonly C2Cycle[]): C2CycleResult {
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const byPosition = v.years.every((y) => y.schools.length === 1);
  v.years.forEach((y, i) => {
    if (!byPosition) {
      y.schools.forEach((s, k) => {
        if (s.id === undefined)
          issues.push({
            path: ["years", i, "schools", k, "id"],
            code: "missing_id",
            message: "expected an id: test-period budgets are per school, so each school is followed from year to year by its id",
          });
      });
    }
    if (y.committed !== undefined && y.schools.length > 1 && y.schools.every((s) => s.committed === undefined)) {
      issues.push({
        path: ["years", i, "committed"],
        code: "per_school_commitments",
        message: `test-period and FY2020 budgets are per school: give each school's committed instead of FY${y.fundingYear}'s total`,
      });
    }
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const consumedToDate = new Map<string, Money>();
  let consumedTotal = Money.ZERO;
  const years: C2CycleYear[] = v.years.map((y, i) => {
    const cycle = cycles[i]!;
    const multiplier = new Dec(y.parameters?.perStudent ?? cycle.perStudent!);
    const floor = new Dec(y.parameters?.floorPerEntity ?? cycle.floorPerEntity!);
    const single = y.schools.length === 1;
    const schools: C2CycleSchoolYear[] = y.schools.map((s, k) => {
      const id = s.id ?? `#${k + 1}`;
      const budget = s.kind === "school" && s.students > 0 ? Money.of(Dec.max(multiplier.times(s.students), floor)).roundToCents() : Money.ZERO;
      const committedBefore = i === 0 ? (s.committedBefore ?? Money.ZERO) : Money.ZERO;
      const before = (consumedToDate.get(id) ?? Money.ZERO).add(committedBefore);
      const committed = s.committed ?? (single && y.committed !== undefined ? y.committed : Money.ZERO);
      const consumed = Money.min(committed, Money.max(budget.subtract(before), Money.ZERO));
      const over = committed.subtract(consumed);
      const after = before.add(consumed);
      consumedToDate.set(id, after);
      consumedTotal = consumedTotal.add(consumed);
      const remaining = Money.max(budget.subtract(after), Money.ZERO);
      const fell = before.greaterThan(budget);
      return {
        id,
        students: s.students,
        budget,
        committedBefore: before,
        committed,
        consumed,
        overBudget: over,
        remaining,
        explanation:
          `FY${y.fundingYear} ${id}: ` +
          (s.kind !== "school"
            ? `a ${s.kind === "nif" ? "non-instructional facility" : "annex"} has no C2 budget`
            : s.students === 0
              ? "no students, no budget"
              : `max($${multiplier.toString()} × ${s.students} students, ${Money.of(floor).format()}) = ${budget.format()}`) +
          `; committed before ${before.format()}; committed ${committed.format()}${over.isPositive() ? `, ${over.format()} above the school's budget` : ""}; remaining ${remaining.format()}` +
          (fell ? " (enrollment fell below what was already committed: nothing more can be committed, nothing is taken back)." : "."),
      };
    });
    const budget = Money.sum(schools.map((s) => s.budget));
    const committed = Money.sum(schools.map((s) => s.committed));
    const consumed = Money.sum(schools.map((s) => s.consumed));
    const over = Money.sum(schools.map((s) => s.overBudget));
    const remaining = Money.sum(schools.map((s) => s.remaining));
    return {
      fundingYear: y.fundingYear,
      cycle: cycle.id,
      formulaBudget: budget,
      budget,
      committed,
      consumed,
      overBudget: over,
      remaining,
      schools,
      explanation:
        `FY${y.fundingYear} (${cycle.id}, per school: ${cycle.basis === "transition" ? "FY2020 figures, minus the FY2015–2019 commitments" : "test period"}): ` +
        `the schools' budgets add up to ${budget.format()}; committed ${committed.format()}${over.isPositive() ? `, ${over.format()} above the schools' budgets` : ""}; remaining ${remaining.format()}.`,
    };
  });
  const last = years[years.length - 1]!;
  return { cycle: "FY2015-FY2020", basis: "per-school", years, budget: last.budget, consumed: consumedTotal, remaining: last.remaining, lapsesAtCycleEnd: last.remaining };
}
