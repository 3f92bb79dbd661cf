import { fiscalYearSchema, keyedRecordSchema, nonNegativeMoneySchema } from "@districtkit/core";
import { z } from "zod";
import { BUILT_IN_DRIVERS, DEFAULT_CATEGORIES } from "./categories.js";
import { type District, districtSchema } from "./district.js";
import { enrollmentOptionsSchema } from "./enrollment.js";
import { type Fund, fundSchema } from "./fund.js";
import { type LineItem, lineItemSchema } from "./lineItem.js";

const yearKey = z.string().regex(/^\d{4}$/, "expected a four-digit fiscal year");
const rate = z.number().gt(-1).max(10);

/**
 * A driver series: yearly values of a cost driver (devices, a custom driver, or an override of
 * students/teachers/staff/schools), district-wide or for one school.
 *
 * @example
 * ```ts
 * driverSeriesSchema.parse({ id: "devices", values: { "2027": 1500 } }).values["2027"]; // => 1500
 * ```
 * @category Schemas
 */
export const driverSeriesSchema = z.object({
  id: z.string().min(1),
  school: z.string().min(1).optional(),
  values: z.record(yearKey, z.number().min(0).max(1e9)),
});

/**
 * A multi-year technology budget: the horizon, categories, escalator indexes, line items,
 * funding sources, driver series and projection options.
 *
 * @example
 * ```ts
 * const b = budgetSchema.parse({ name: "Plan", firstYear: 2027, years: 5,
 *   lineItems: [], funds: [{ id: "gf", name: "General fund", kind: "general" }] });
 * b.options.escalationRounding; // => "each-year"
 * ```
 * @category Schemas
 */
export const budgetSchema = z.object({
  name: z.string().min(1),
  /** First fiscal year of the horizon (district calendar). */
  firstYear: fiscalYearSchema,
  /** Number of fiscal years (1–30). */
  years: z.number().int().min(1).max(30),
  /** Categories added to the built-in ones. */
  categories: z.array(z.string().min(1)).default([]),
  /** Named escalator indexes: a rate, or a rate per fiscal year (`{ "2028": 0.04 }`). */
  escalators: keyedRecordSchema(z.union([rate, z.record(yearKey, rate)]), z.string().min(1)).prefault({}),
  lineItems: z.array(lineItemSchema),
  funds: z.array(fundSchema).min(1),
  drivers: z.array(driverSeriesSchema).default([]),
  /** Cohort-survival options for the students driver (used when schools have enrollment history). */
  enrollment: enrollmentOptionsSchema.default({ averaging: { type: "mean" }, ratioYears: 3, entry: { type: "constant" }, rounding: "none" }),
  eRate: z
    .object({
      /** The C2 budget USAC shows for a cycle (when the horizon starts after the cycle's first year); enrollment increases still raise it. */
      c2Budgets: z.array(z.object({ cycle: z.string().regex(/^FY\d{4}-FY\d{4}$/, 'expected a cycle id like "FY2026-FY2030"'), budget: nonNegativeMoneySchema })).default([]),
      /** Pre-discount C2 already committed in the current cycle before the horizon, by funding year. */
      c2CommittedBefore: z.array(z.object({ fundingYear: z.number().int().min(2015).max(9998), amount: nonNegativeMoneySchema })).default([]),
      /** Round the district NSLP share to a whole percent (half-up) before banding (unconfirmed rule; off by default). */
      wholePercentRounding: z.boolean().default(false),
    })
    .default({ c2Budgets: [], c2CommittedBefore: [], wholePercentRounding: false }),
  options: z
    .object({
      /** `each-year`: round each year to the cent and grow from the rounded amount (default); `at-end`: grow exactly. */
      escalationRounding: z.enum(["each-year", "at-end"]).default("each-year"),
      /** Order restricted money is used in: expiring first (default) or by preference first. */
      fundOrder: z.enum(["expiry-first", "preference-first"]).default("expiry-first"),
      /** The month and day each fiscal year's costs are obligated (default 1 July: contracts at the start of the year). */
      obligationDay: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).optional(),
    })
    .default({ escalationRounding: "each-year", fundOrder: "expiry-first" }),
});

/**
 * A budget as given.
 *
 * @category Schemas
 */
export type BudgetInput = z.input<typeof budgetSchema>;
/**
 * A validated budget.
 *
 * @category Schemas
 */
export type Budget = z.output<typeof budgetSchema>;

type Ctx = z.core.$RefinementCtx<{ district: District; budget: Budget }>;

/** @internal Cross-reference checks between the district and the budget (unknown ids, windows, horizon). */
export function checkReferences(v: { district: District; budget: Budget }, ctx: Ctx): void {
  const { district, budget } = v;
  const categories = new Set([...DEFAULT_CATEGORIES, ...budget.categories]);
  const schools = new Set(district.schools.map((s) => s.id));
  const funds = new Map<string, Fund>();
  const last = budget.firstYear + budget.years - 1;
  const add = (path: (string | number)[], message: string): void => ctx.addIssue({ code: "custom", path: ["budget", ...path], message });

  budget.funds.forEach((f, i) => {
    if (funds.has(f.id)) add(["funds", i, "id"], `duplicate fund id "${f.id}"`);
    funds.set(f.id, f);
    for (const [j, c] of (f.eligibleCategories ?? []).entries()) if (!categories.has(c)) add(["funds", i, "eligibleCategories", j], `unknown category "${c}" (known: ${[...categories].join(", ")})`);
    for (const [j, cap] of (f.categoryCaps ?? []).entries())
      for (const [k, c] of cap.categories.entries()) if (!categories.has(c)) add(["funds", i, "categoryCaps", j, "categories", k], `unknown category "${c}"`);
  });
  const generals = budget.funds.filter((f) => f.kind === "general");
  if (generals.length !== 1) add(["funds"], `expected exactly one fund of kind "general", got ${generals.length}`);
  for (const c of ["C1", "C2"] as const) {
    if (budget.funds.filter((f) => f.kind === "erate" && f.eRateCategory === c).length > 1) add(["funds"], `expected at most one E-Rate ${c} fund`);
  }
  const itemIds = new Set(budget.lineItems.map((it) => it.id));
  budget.funds.forEach((f, i) => {
    for (const [j, it] of (f.eligibleItems ?? []).entries()) if (!itemIds.has(it)) add(["funds", i, "eligibleItems", j], `unknown line item "${it}"`);
  });

  const escalators = new Set(Object.keys(budget.escalators));
  const driverIds = new Set([...BUILT_IN_DRIVERS, ...budget.drivers.map((d) => d.id)]);
  budget.drivers.forEach((d, i) => {
    if (d.school !== undefined && !schools.has(d.school)) add(["drivers", i, "school"], `unknown school "${d.school}"`);
  });
  const seen = new Map<string, number>();
  const eligibleItems = new Map<Fund, Set<string>>(); // per fund, built when first needed: a fund may list thousands of items
  const listsItem = (f: Fund, id: string): boolean => (eligibleItems.get(f) ?? eligibleItems.set(f, new Set(f.eligibleItems ?? [])).get(f)!).has(id);
  budget.lineItems.forEach((item: LineItem, i) => {
    if (seen.has(item.id)) add(["lineItems", i, "id"], `duplicate line item id "${item.id}" (also lineItems[${seen.get(item.id)}])`);
    seen.set(item.id, i);
    if (!categories.has(item.category)) add(["lineItems", i, "category"], `unknown category "${item.category}" (known: ${[...categories].join(", ")}; add it to budget.categories)`);
    if (item.school !== undefined && !schools.has(item.school)) add(["lineItems", i, "school"], `unknown school "${item.school}"`);
    if (item.escalator !== undefined && typeof item.escalator === "object" && !escalators.has(item.escalator.index))
      add(["lineItems", i, "escalator", "index"], `unknown escalator index "${item.escalator.index}"`);
    if (item.kind === "per-unit" && !driverIds.has(item.driver))
      add(["lineItems", i, "driver"], `unknown driver "${item.driver}" (built in: ${BUILT_IN_DRIVERS.join(", ")}; add a series to budget.drivers)`);
    const start = item.startYear ?? budget.firstYear;
    const end = item.endYear ?? last;
    if (item.startYear !== undefined && item.endYear !== undefined && item.endYear < item.startYear) add(["lineItems", i, "endYear"], `expected ≥ startYear (${item.startYear}), got ${item.endYear}`);
    if (item.kind === "one-time" && (item.year < budget.firstYear || item.year > last)) add(["lineItems", i, "year"], `year ${item.year} is outside the horizon FY${budget.firstYear}–FY${last}`);
    else if (item.kind === "series") {
      const ys = Object.keys(item.amounts).map(Number);
      if (ys.length > 0 && ys.every((y) => y < budget.firstYear || y > last)) add(["lineItems", i, "amounts"], `every year is outside the horizon FY${budget.firstYear}–FY${last}`);
    } else if (end < budget.firstYear || start > last) add(["lineItems", i, "startYear"], `runs FY${start}–FY${end}, outside the horizon FY${budget.firstYear}–FY${last}`);
    for (const [j, fid] of (item.funds ?? []).entries()) {
      const f = funds.get(fid);
      if (!f) add(["lineItems", i, "funds", j], `unknown fund "${fid}"`);
      else if (f.kind === "general" || f.kind === "erate") add(["lineItems", i, "funds", j], `"${fid}" is not a restricted fund (list only grants, bonds, levies)`);
      else if (!(f.eligibleCategories ?? []).includes(item.category) && !listsItem(f, item.id)) {
        add(["lineItems", i, "funds", j], `fund "${fid}" may not pay category "${item.category}" (it pays: ${(f.eligibleCategories ?? []).join(", ") || "listed items only"})`);
      }
    }
  });
  if (budget.enrollment.entry.type === "births" && budget.enrollment.entry.births === undefined && !(district.births && district.births.length > 0)) {
    add(["enrollment", "entry", "births"], "expected births here or in district.births for a births-based kindergarten projection");
  }
  budget.eRate.c2CommittedBefore.forEach((c, i) => {
    if (c.fundingYear > budget.firstYear - 2)
      add(
        ["eRate", "c2CommittedBefore", i, "fundingYear"],
        `expected a funding year before the horizon (the horizon starts in E-Rate FY${budget.firstYear - 1}; ≤ ${budget.firstYear - 2}), got ${c.fundingYear}`,
      );
  });
}

/**
 * The input of {@link projectBudget}: a district and its budget, validated together (every
 * category, school, fund, driver and escalator reference is checked, and every problem is
 * listed with its path).
 *
 * @example
 * ```ts
 * const r = budgetInputSchema.safeParse({ district: {}, budget: {} });
 * r.success; // => false
 * ```
 * @category Schemas
 */
export const budgetInputSchema = z.object({ district: districtSchema, budget: budgetSchema }).superRefine(checkReferences);

/**
 * The input of {@link projectBudget} as given.
 *
 * @category Schemas
 */
export type BudgetModelInput = z.input<typeof budgetInputSchema>;
/**
 * The validated input of {@link projectBudget}.
 *
 * @category Schemas
 */
export type BudgetModel = z.output<typeof budgetInputSchema>;
