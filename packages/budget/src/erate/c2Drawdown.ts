import { convertFiscalYear, DISTRICT_CALENDAR, DistrictKitError, ERATE_CALENDAR, fiscalCalendarSchema, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { PlanLineInput } from "../schema/scenario.js";
import { c2CycleFor } from "../tables/c2BudgetCycles.js";
import { c2Budget } from "./c2Budget.js";
import { eRateCostShare } from "./costShare.js";

const id = z.string().min(1).max(200);

const STATUS_ORDER = { committed: 0, requested: 1, planned: 2 } as const;

/**
 * Input of {@link planC2Drawdown}: a funding year of the cycle (default FY2026, the FY2026–30
 * cycle), the buildings with their full-time students (the budget is computed from them with
 * {@link c2Budget}, or given as `budget`), the district's matrix discount (C2 is capped at 85 %),
 * what the cycle consumed before the listed requests, the requests (committed by USAC, requested
 * on a Form 471, or planned) with their building, funding year and pre-discount amount, and how
 * the plan lines carry the money into the budget.
 *
 * @example
 * ```ts
 * c2DrawdownInputSchema.parse({ schools: [{ id: "es", students: 392 }], discountPercent: 70, requests: [] }).lineAmounts; // => "pre-discount"
 * ```
 * @category E-Rate
 */
export const c2DrawdownInputSchema = z.object({
  fundingYear: z.number().int().min(2021).max(9998).default(2026),
  schools: z
    .array(z.object({ id, name: z.string().min(1).max(200).optional(), students: z.number().int().min(0), kind: z.enum(["school", "nif", "annex"]).default("school") }))
    .min(1)
    .max(10_000),
  /** The cycle's budget, when known (otherwise computed from the schools). */
  budget: nonNegativeMoneySchema.optional(),
  discountPercent: z.number().min(0).max(90),
  /** Pre-discount C2 commitments of the cycle not listed in `requests`. */
  committedBefore: nonNegativeMoneySchema.default(Money.ZERO),
  requests: z
    .array(
      z.object({
        id,
        name: z.string().min(1).max(200),
        /** A school id, or "district" for district-wide equipment. */
        building: id,
        fundingYear: z.number().int().min(2021).max(9998),
        /** Pre-discount cost: what the request consumes of the five-year budget. */
        amount: nonNegativeMoneySchema,
        status: z.enum(["committed", "requested", "planned"]),
        /** Budget category of the plan line (default "network"). */
        category: id.default("network"),
      }),
    )
    .max(10_000),
  /** The district's fiscal calendar (default July–June, named by the year it ends). */
  calendar: fiscalCalendarSchema.optional(),
  /** Plan lines carry the pre-discount cost (eRate "C2": the budget's E-Rate fund pays its share) or only the district's share (eRate "ineligible"). */
  lineAmounts: z.enum(["pre-discount", "district-share"]).default("pre-discount"),
});

/**
 * {@link planC2Drawdown}'s input as given.
 *
 * @category E-Rate
 */
export type C2DrawdownInput = z.input<typeof c2DrawdownInputSchema>;

/**
 * One request of the drawdown, in the order it consumes the budget.
 *
 * @category E-Rate
 */
export interface C2DrawdownRequest {
  readonly id: string;
  readonly name: string;
  readonly building: string;
  readonly fundingYear: number;
  readonly districtFiscalYear: number;
  readonly status: "committed" | "requested" | "planned";
  readonly amount: Money;
  readonly eRatePays: Money;
  readonly districtPays: Money;
  /** Pre-discount budget consumed once this request is counted (committed first, then requested, then planned; by funding year). */
  readonly cumulative: Money;
  /** Whether the request fits in what is left of the budget. */
  readonly fits: boolean;
  /** How far the cumulative drawdown exceeds the budget after it (zero when it fits). */
  readonly overBy: Money;
}

/**
 * The C2 drawdown of a cycle.
 *
 * @category E-Rate
 */
export interface C2DrawdownResult {
  readonly cycle: string;
  readonly firstFundingYear: number;
  readonly lastFundingYear: number;
  readonly budget: Money;
  /** How the budget was found: the c2Budget formula's sentence, or "given". */
  readonly budgetBasis: string;
  readonly discountPercent: number;
  readonly committedBefore: Money;
  readonly requests: readonly C2DrawdownRequest[];
  readonly years: readonly {
    readonly fundingYear: number;
    readonly districtFiscalYear: number;
    readonly committed: Money;
    readonly requested: Money;
    readonly planned: Money;
    readonly total: Money;
    readonly eRatePays: Money;
    readonly districtPays: Money;
    /** Budget left after this year's requests (negative when over). */
    readonly remaining: Money;
  }[];
  readonly buildings: readonly {
    readonly building: string;
    readonly name: string;
    readonly students: number;
    /** The building's share of the budget by students — for planning only: since FY2021 the budget is district-wide. */
    readonly indicativeShare: Money;
    readonly total: Money;
    readonly eRatePays: Money;
    readonly districtPays: Money;
    readonly aboveIndicativeShare: boolean;
  }[];
  readonly totals: { readonly committed: Money; readonly requested: Money; readonly planned: Money; readonly eRatePays: Money; readonly districtPays: Money };
  readonly remaining: Money;
  readonly overBudget: Money;
  readonly warnings: readonly string[];
  /** Plan lines for the budget's `use-plan` lever (one per building, amounts by district fiscal year). */
  readonly planLines: readonly PlanLineInput[];
  /** The district fiscal years the plan lines cover. */
  readonly fromYear: number;
  readonly toYear: number;
  readonly explanation: string;
}

/**
 * A Category Two five-year budget drawn down building by building: every committed, requested
 * and planned request of the cycle against the district's budget (pre-discount: a request
 * consumes its full cost), with the discount applied (E-Rate pays the district's discount,
 * capped at 85 % for C2; the district the rest), year by year and building by building, and the
 * requests that no longer fit named. The budget is district-wide since FY2021, so a building's
 * share by students is shown only as a planning guide. Plan lines (one per building) carry the
 * cost into the budget projection through its `use-plan` lever: pre-discount with E-Rate
 * category C2, so the budget's own E-Rate fund pays the discount and its C2 budget is checked
 * again — or only the district's share.
 *
 * @param input - see {@link c2DrawdownInputSchema}
 * @returns the drawdown by request, year and building, the plan lines and warnings
 * @throws DistrictKitError for invalid input, a request outside the cycle or naming an unknown building, duplicate ids
 * @example
 * ```ts
 * const d = planC2Drawdown({
 *   schools: [{ id: "es", students: 392 }, { id: "ms", students: 231 }, { id: "hs", students: 289 }],
 *   discountPercent: 70,
 *   requests: [
 *     { id: "hs-aps", name: "HS access points", building: "hs", fundingYear: 2026, amount: "62400", status: "committed" },
 *     { id: "es-switch", name: "ES switches", building: "es", fundingYear: 2027, amount: "91200", status: "planned" },
 *   ],
 * });
 * [d.budget.toString(), d.totals.eRatePays.toString(), d.totals.districtPays.toString(), d.remaining.toString()]; // => ["183831.84", "107520", "46080", "30231.84"]
 * d.planLines.map((l) => [l.id, l.amounts]); // => [["c2-es", { "2028": "91200" }], ["c2-hs", { "2027": "62400" }]]
 * ```
 * @category E-Rate
 */
export function planC2Drawdown(input: C2DrawdownInput): C2DrawdownResult {
  const v = parseInput(c2DrawdownInputSchema, input);
  const cycle = c2CycleFor(v.fundingYear);
  if (cycle === undefined || cycle.basis !== "district-wide") {
    throw new DistrictKitError("UNSUPPORTED", [{ path: ["fundingYear"], code: "no_cycle", message: `no district-wide C2 cycle holds FY${v.fundingYear} (FY2021 onward)` }]);
  }
  const calendar = v.calendar ?? DISTRICT_CALENDAR;
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const schools = new Map<string, { id: string; name: string; students: number }>();
  v.schools.forEach((s, i) => {
    if (schools.has(s.id)) issues.push({ path: ["schools", i, "id"], code: "duplicate_id", message: `duplicate school id "${s.id}"` });
    schools.set(s.id, { id: s.id, name: s.name ?? s.id, students: s.kind === "school" ? s.students : 0 });
  });
  const seen = new Set<string>();
  v.requests.forEach((r, i) => {
    if (seen.has(r.id)) issues.push({ path: ["requests", i, "id"], code: "duplicate_id", message: `duplicate request id "${r.id}"` });
    seen.add(r.id);
    if (r.building !== "district" && !schools.has(r.building))
      issues.push({ path: ["requests", i, "building"], code: "unknown_building", message: `unknown building "${r.building}" (a school id or "district")` });
    if (r.fundingYear < cycle.firstFundingYear || r.fundingYear > cycle.lastFundingYear) {
      issues.push({ path: ["requests", i, "fundingYear"], code: "outside_cycle", message: `expected a funding year of the ${cycle.id} cycle, got FY${r.fundingYear}` });
    }
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);

  const computed = v.budget === undefined ? c2Budget({ fundingYear: v.fundingYear, schools: v.schools.map((s) => ({ id: s.id, students: s.students, kind: s.kind })) }) : undefined;
  const budget = v.budget ?? computed!.budget;
  const districtFy = (fy: number): number => convertFiscalYear(fy, ERATE_CALENDAR, calendar);

  const ordered = v.requests.map((r, order) => ({ r, order })).sort((a, b) => STATUS_ORDER[a.r.status] - STATUS_ORDER[b.r.status] || a.r.fundingYear - b.r.fundingYear || a.order - b.order);
  let cumulative = v.committedBefore;
  const warnings: string[] = [];
  const requests: C2DrawdownRequest[] = ordered.map(({ r }) => {
    const share = eRateCostShare({ amount: r.amount, category: "C2", discountPercent: v.discountPercent, fundingYear: r.fundingYear });
    const before = cumulative;
    cumulative = cumulative.add(r.amount);
    const fits = cumulative.lessThanOrEqual(budget);
    const overBy = fits ? Money.ZERO : cumulative.subtract(Money.max(budget, before));
    if (!fits) warnings.push(`${r.name} (${r.status}, FY${r.fundingYear}, ${r.amount.format()}) goes ${overBy.format()} beyond the ${cycle.id} budget of ${budget.format()}.`);
    return {
      id: r.id,
      name: r.name,
      building: r.building,
      fundingYear: r.fundingYear,
      districtFiscalYear: districtFy(r.fundingYear),
      status: r.status,
      amount: r.amount,
      eRatePays: share.eRatePays,
      districtPays: share.districtPays,
      cumulative,
      fits,
      overBy,
    };
  });
  const discountApplied = requests.length > 0 ? eRateCostShare({ amount: "1", category: "C2", discountPercent: v.discountPercent }).discountPercent : Math.min(v.discountPercent, 85);

  const sum = (xs: readonly C2DrawdownRequest[], f: (r: C2DrawdownRequest) => Money): Money => Money.sum(xs.map(f));
  let remaining = budget.subtract(v.committedBefore);
  const years = [];
  for (let fy = cycle.firstFundingYear; fy <= cycle.lastFundingYear; fy++) {
    const ys = requests.filter((r) => r.fundingYear === fy);
    const total = sum(ys, (r) => r.amount);
    remaining = remaining.subtract(total);
    years.push({
      fundingYear: fy,
      districtFiscalYear: districtFy(fy),
      committed: sum(
        ys.filter((r) => r.status === "committed"),
        (r) => r.amount,
      ),
      requested: sum(
        ys.filter((r) => r.status === "requested"),
        (r) => r.amount,
      ),
      planned: sum(
        ys.filter((r) => r.status === "planned"),
        (r) => r.amount,
      ),
      total,
      eRatePays: sum(ys, (r) => r.eRatePays),
      districtPays: sum(ys, (r) => r.districtPays),
      remaining,
    });
  }
  const totalStudents = [...schools.values()].reduce((a, s) => a + s.students, 0);
  const buildingIds = [...schools.keys(), ...(requests.some((r) => r.building === "district") ? ["district"] : [])];
  // each building's requests (in request order) and plan-line categories, grouped once: filtering
  // every request per building was buildings × requests (10,000 of each: 2.9 s)
  const byBuilding = new Map<string, C2DrawdownRequest[]>();
  for (const r of requests) {
    const list = byBuilding.get(r.building);
    if (list === undefined) byBuilding.set(r.building, [r]);
    else list.push(r);
  }
  const categoriesOf = new Map<string, Set<string>>();
  for (const r of v.requests) {
    const set = categoriesOf.get(r.building);
    if (set === undefined) categoriesOf.set(r.building, new Set([r.category]));
    else set.add(r.category);
  }
  const buildings = buildingIds.map((b) => {
    const s = schools.get(b);
    const rs = byBuilding.get(b) ?? [];
    const total = sum(rs, (r) => r.amount);
    const indicativeShare = s && totalStudents > 0 ? budget.multiply(s.students).divide(totalStudents).roundToCents() : Money.ZERO;
    return {
      building: b,
      name: s?.name ?? "District-wide",
      students: s?.students ?? 0,
      indicativeShare,
      total,
      eRatePays: sum(rs, (r) => r.eRatePays),
      districtPays: sum(rs, (r) => r.districtPays),
      aboveIndicativeShare: s !== undefined && total.greaterThan(indicativeShare),
    };
  });
  const totals = {
    committed: sum(
      requests.filter((r) => r.status === "committed"),
      (r) => r.amount,
    ),
    requested: sum(
      requests.filter((r) => r.status === "requested"),
      (r) => r.amount,
    ),
    planned: sum(
      requests.filter((r) => r.status === "planned"),
      (r) => r.amount,
    ),
    eRatePays: sum(requests, (r) => r.eRatePays),
    districtPays: sum(requests, (r) => r.districtPays),
  };
  const left = budget.subtract(v.committedBefore).subtract(totals.committed).subtract(totals.requested).subtract(totals.planned);
  const preDiscount = v.lineAmounts === "pre-discount";
  const planLines: PlanLineInput[] = buildings
    .filter((b) => !b.total.isZero())
    .sort((a, b) => (a.building < b.building ? -1 : a.building > b.building ? 1 : 0))
    .map((b) => {
      const amounts: Record<string, string> = {};
      for (const r of byBuilding.get(b.building) ?? []) {
        const key = String(r.districtFiscalYear);
        amounts[key] = Money.of(amounts[key] ?? "0")
          .add(preDiscount ? r.amount : r.districtPays)
          .toString();
      }
      const categories = categoriesOf.get(b.building) ?? new Set<string>();
      return {
        id: `c2-${b.building}`,
        name: `E-Rate C2 internal connections — ${b.name}${preDiscount ? "" : " (district share)"}`,
        category: categories.size === 1 ? [...categories][0]! : "network",
        ...(schools.has(b.building) ? { school: b.building } : {}),
        eRate: preDiscount ? ("C2" as const) : ("ineligible" as const),
        amounts,
      };
    });
  for (const b of buildings)
    if (b.aboveIndicativeShare)
      warnings.push(`${b.name} draws ${b.total.format()}, above its share by students (${b.indicativeShare.format()}); allowed — the budget is district-wide — but other buildings get less.`);
  const overBudget = left.isNegative() ? left.negate() : Money.ZERO;
  return {
    cycle: cycle.id,
    firstFundingYear: cycle.firstFundingYear,
    lastFundingYear: cycle.lastFundingYear,
    budget,
    budgetBasis: computed ? computed.explanation : "given",
    discountPercent: discountApplied,
    committedBefore: v.committedBefore,
    requests,
    years,
    buildings,
    totals,
    remaining: left,
    overBudget,
    warnings,
    planLines,
    fromYear: districtFy(cycle.firstFundingYear),
    toYear: districtFy(cycle.lastFundingYear),
    explanation:
      `${cycle.id}: budget ${budget.format()} (pre-discount); committed ${totals.committed.format()}, requested ${totals.requested.format()}, planned ${totals.planned.format()}` +
      (v.committedBefore.isZero() ? "" : `, and ${v.committedBefore.format()} before these`) +
      `. At a ${discountApplied} % discount E-Rate pays ${totals.eRatePays.format()} and the district ${totals.districtPays.format()}. ` +
      (overBudget.isZero() ? `${left.format()} of the budget is left.` : `The requests exceed the budget by ${overBudget.format()}.`),
  };
}
