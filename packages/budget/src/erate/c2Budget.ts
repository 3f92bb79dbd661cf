import { Dec, DistrictKitError, Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { C2_HIGH_COST_LIBRARY_LOCALES, C2_SMALL_APPLICANT_MAX_ENTITIES, type C2Cycle, c2CycleFor } from "../tables/c2BudgetCycles.js";

const decimal = z.union([z.number().min(0).max(1e9), z.string().regex(/^\d+(\.\d+)?$/)]);

/**
 * Input of {@link c2Budget}.
 *
 * @example
 * ```ts
 * c2BudgetInputSchema.parse({ fundingYear: 2026, schools: [{ students: 100 }] }).applicant; // => "district"
 * ```
 * @category E-Rate
 */
export const c2BudgetInputSchema = z
  .object({
    /** Any E-Rate funding year of the cycle. */
    fundingYear: z.number().int().min(2015).max(9998),
    applicant: z.enum(["district", "independent-school", "library-system", "independent-library"]).default("district"),
    /** Schools (district or independent school): full-time students; NIFs and annexes have no budget. */
    schools: z.array(z.object({ id: z.string().optional(), students: z.number().int().min(0), kind: z.enum(["school", "nif", "annex"]).default("school") })).optional(),
    /** Libraries (system or independent): square feet, IMLS locale code, tribal status. */
    libraries: z.array(z.object({ id: z.string().optional(), squareFeet: z.number().min(0), imlsLocaleCode: z.number().int().optional(), tribal: z.boolean().default(false) })).optional(),
    /** Cycle figures to use instead of the table (e.g. a test-period year's inflation-adjusted multiplier). */
    parameters: z.object({ perStudent: decimal.optional(), perSquareFoot: decimal.optional(), floorPerEntity: decimal.optional(), tribalLibraryFloor: decimal.optional() }).optional(),
  })
  .superRefine((v, ctx) => {
    const library = v.applicant === "library-system" || v.applicant === "independent-library";
    if (library && !v.libraries) ctx.addIssue({ code: "custom", path: ["libraries"], message: `expected libraries for a ${v.applicant}` });
    if (!library && !v.schools) ctx.addIssue({ code: "custom", path: ["schools"], message: `expected schools for a ${v.applicant}` });
    if (v.applicant === "independent-school" && v.schools && v.schools.length !== 1)
      ctx.addIssue({ code: "custom", path: ["schools"], message: "expected exactly one school for an independent school" });
    if (v.applicant === "independent-library" && v.libraries && v.libraries.length !== 1)
      ctx.addIssue({ code: "custom", path: ["libraries"], message: "expected exactly one library for an independent library" });
  });

/**
 * Input of {@link c2Budget} as given.
 *
 * @category E-Rate
 */
export type C2BudgetInput = z.input<typeof c2BudgetInputSchema>;

/**
 * A Category Two five-year budget with every candidate formula and the one that won.
 *
 * @category E-Rate
 */
export interface C2BudgetResult {
  readonly fundingYear: number;
  readonly cycle: string;
  readonly applicant: "district" | "independent-school" | "library-system" | "independent-library";
  /** The formula that gave the budget (USAC applies the highest applicable one). */
  readonly formula: "per-student" | "per-entity" | "hybrid" | "per-school";
  /** multiplier × students (or × square feet for libraries). */
  readonly perStudent: Money;
  /** floor × child entities (schools with students; NIFs and annexes excluded). */
  readonly perEntity: Money;
  /** Σ max(multiplier × students_i, floor), offered to small applicants only; `null` otherwise. */
  readonly hybrid: Money | null;
  /** The budget (pre-discount). */
  readonly budget: Money;
  readonly students: number;
  readonly childEntities: number;
  /** Whether the applicant counts as small (≤ 10 component schools or libraries). */
  readonly small: boolean;
  readonly multiplier: string;
  readonly floor: string;
  readonly source: string;
  readonly unconfirmed: boolean;
  readonly explanation: string;
}

function need(value: string | number | null | undefined, name: string, cycle: C2Cycle): Dec {
  if (value === null || value === undefined) {
    throw new DistrictKitError("UNSUPPORTED", [
      { path: ["parameters", name], code: "missing_cycle_figure", message: `DistrictKit does not hold the ${cycle.id} ${name} (${cycle.source}); pass parameters.${name}` },
    ]);
  }
  return new Dec(value);
}

/**
 * The E-Rate Category Two five-year budget of an applicant (see “How the numbers are computed: E-Rate”): the
 * largest of multiplier × students, floor × schools and — for applicants with 10 or fewer
 * schools or libraries — the hybrid Σ max(multiplier × students_i, floor). The cycle's figures
 * come from the dated table {@link C2_BUDGET_CYCLES}. In the FY2015–19 test period and in FY2020
 * budgets were per school: the result is Σ max(multiplier × students_i, floor) — for FY2020 before
 * each school's FY2015–2019 commitments are taken off (see {@link trackC2Cycle}).
 *
 * @param input - funding year, applicant, schools or libraries, optional figures
 * @returns the budget, every candidate and the winner, with a sentence
 * @throws DistrictKitError for invalid input, or `UNSUPPORTED` for a cycle whose figures are not held
 * @example
 * ```ts
 * const r = c2Budget({ fundingYear: 2021, schools: [{ students: 529 }, { students: 576 }, { students: 247 }, { students: 371 }] });
 * r.budget.toString(); // => "287741"
 * r.formula; // => "per-student"
 * ```
 * @category E-Rate
 */
export function c2Budget(input: C2BudgetInput): C2BudgetResult {
  const v = parseInput(c2BudgetInputSchema, input);
  const cycle = c2CycleFor(v.fundingYear);
  if (!cycle) {
    throw new DistrictKitError("UNSUPPORTED", [{ path: ["fundingYear"], code: "no_cycle", message: `no Category Two cycle is known for FY${v.fundingYear} (table covers FY2015–FY2030)` }]);
  }
  const p = v.parameters ?? {};
  const library = v.applicant === "library-system" || v.applicant === "independent-library";
  const multiplier = need(library ? (p.perSquareFoot ?? cycle.perSquareFoot) : (p.perStudent ?? cycle.perStudent), library ? "perSquareFoot" : "perStudent", cycle);
  const floor = need(p.floorPerEntity ?? cycle.floorPerEntity, "floorPerEntity", cycle);
  // entities: (units, floor) per school or library
  const entities: { units: Dec; floor: Dec; multiplier: Dec }[] = library
    ? v.libraries!.map((l) => {
        const high = cycle.perSquareFootHighCost !== null && l.imlsLocaleCode !== undefined && C2_HIGH_COST_LIBRARY_LOCALES.includes(l.imlsLocaleCode);
        const tribalFloor = l.tribal ? (p.tribalLibraryFloor ?? cycle.tribalLibraryFloor) : null;
        return {
          units: new Dec(l.squareFeet),
          floor: tribalFloor !== null ? new Dec(tribalFloor) : floor,
          multiplier: high && p.perSquareFoot === undefined ? new Dec(cycle.perSquareFootHighCost!) : multiplier,
        };
      })
    : v.schools!.filter((s) => s.kind === "school" && s.students > 0).map((s) => ({ units: new Dec(s.students), floor, multiplier }));
  const students = entities.reduce((a, e) => a.plus(e.units), new Dec(0));
  const perStudent = entities.reduce((a, e) => a.plus(e.units.times(e.multiplier)), new Dec(0));
  const perEntity = entities.reduce((a, e) => a.plus(e.floor), new Dec(0));
  const hybridValue = entities.reduce((a, e) => a.plus(Dec.max(e.units.times(e.multiplier), e.floor)), new Dec(0));
  const independent = v.applicant === "independent-school" || v.applicant === "independent-library";
  const small = entities.length <= C2_SMALL_APPLICANT_MAX_ENTITIES;
  const perSchool = cycle.basis === "per-school" || cycle.basis === "transition";
  const hybridOffered = perSchool || independent || (cycle.hybridForSmall && small);
  let formula: C2BudgetResult["formula"];
  let budget: Dec;
  if (perSchool) {
    formula = "per-school";
    budget = hybridValue;
  } else {
    budget = Dec.max(perStudent, perEntity, hybridOffered ? hybridValue : 0);
    formula = budget.eq(perStudent) ? "per-student" : budget.eq(perEntity) ? "per-entity" : "hybrid";
  }
  const m = (d: Dec): Money => Money.of(d).roundToCents();
  const unit = library ? "sq ft" : "students";
  return {
    fundingYear: v.fundingYear,
    cycle: cycle.id,
    applicant: v.applicant,
    formula,
    perStudent: m(perStudent),
    perEntity: m(perEntity),
    hybrid: hybridOffered ? m(hybridValue) : null,
    budget: m(budget),
    students: students.toNumber(),
    childEntities: entities.length,
    small,
    multiplier: multiplier.toString(),
    floor: floor.toString(),
    source: cycle.source,
    unconfirmed: cycle.unconfirmed,
    explanation:
      `${cycle.id} (${cycle.source}${cycle.unconfirmed ? "; unconfirmed" : ""}): ` +
      (perSchool
        ? `${cycle.basis === "transition" ? "FY2020 budgets were per school, before each school's FY2015–2019 commitments are taken off" : "test-period budgets were per school"}: Σ max($${multiplier} × ${unit}, ${Money.of(floor).format()}) = ${m(budget).format()}.`
        : `$${multiplier} × ${students.toString()} ${unit} = ${m(perStudent).format()}; floor ${Money.of(floor).format()} × ${entities.length} = ${m(perEntity).format()}` +
          (hybridOffered ? `; hybrid Σ max(multiplier × ${unit}, floor) = ${m(hybridValue).format()}` : "") +
          ` → ${m(budget).format()} (${formula}).`),
  };
}
