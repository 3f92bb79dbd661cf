import { fiscalYearSchema, nonNegativeMoneySchema } from "@districtkit/core";
import { z } from "zod";

const id = z.string().min(1);
const yearRecord = z.record(z.string().regex(/^\d{4}$/, "expected a four-digit fiscal year"), nonNegativeMoneySchema);

/**
 * How an item's price grows each fiscal year: a rate (`0.03`), or the name of an index defined
 * in `budget.escalators` (`{ index: "wages" }`).
 *
 * @example
 * ```ts
 * escalatorSchema.parse({ index: "wages" }); // => { index: "wages" }
 * ```
 * @category Schemas
 */
export const escalatorSchema = z.union([z.number().gt(-1).max(10), z.object({ index: id })]);

const common = {
  id,
  name: z.string().min(1),
  /** One of the budget's categories (built-in or added in `budget.categories`). */
  category: z.string().min(1),
  /** A school id, or absent for a district-wide item. */
  school: id.optional(),
  /** First and last fiscal year the item runs (defaults: the horizon). */
  startYear: fiscalYearSchema.optional(),
  endYear: fiscalYearSchema.optional(),
  /** Repeat every N years from `startYear` (a refresh cycle); 1 = every year. */
  everyYears: z.number().int().min(1).max(50).default(1),
  /** Price growth; absent = flat. */
  escalator: escalatorSchema.optional(),
  /** The fiscal year whose prices `amount` / `unitCost` are quoted in (default: the first year). */
  priceYear: fiscalYearSchema.optional(),
  /** E-Rate category: C1 (connectivity), C2 (internal connections), or not eligible (default). */
  eRate: z.enum(["C1", "C2", "ineligible"]).default("ineligible"),
  /** Restrict which restricted funds may pay this item (ids); absent = any eligible fund. */
  funds: z.array(id).optional(),
  /**
   * What this item pays for, as another engine names it: product ids or names of a licence plan,
   * device model ids or names, device categories. A plan whose line names one of them replaces
   * this item ({@link matchPlanLines}); an item with references is matched by them only, and an
   * empty list keeps it from ever being matched automatically.
   */
  planRefs: z.array(z.string().min(1).max(200)).max(100).optional(),
  /** Where the figures came from (a lifecycle forecast, a licence plan, a quote…). */
  source: z.string().optional(),
  notes: z.string().optional(),
};

/**
 * A budget line item. Kinds:
 * - `recurring`: `amount` every year it runs (every `everyYears` years);
 * - `one-time`: `amount` in one fiscal `year`;
 * - `per-unit`: `unitCost` × units, units = a driver (students, teachers, staff, schools,
 *   or a named custom driver series) × `unitsPerDriver`, rounded by `unitRounding`;
 * - `series`: nominal yearly amounts from another engine (a device refresh forecast, a licence
 *   plan), used as given: an escalator on a series is not applied, and the projection warns
 *   (`series-escalator-ignored`).
 *
 * @example
 * ```ts
 * const item = lineItemSchema.parse({ id: "pd", name: "PD", category: "professional-development",
 *   kind: "per-unit", driver: "teachers", unitCost: "360" });
 * item.unitRounding; // => "nearest"
 * ```
 * @category Schemas
 */
export const lineItemSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("recurring"), amount: nonNegativeMoneySchema }),
  z.object({ ...common, kind: z.literal("one-time"), amount: nonNegativeMoneySchema, year: fiscalYearSchema }),
  z.object({
    ...common,
    kind: z.literal("per-unit"),
    unitCost: nonNegativeMoneySchema,
    driver: id,
    unitsPerDriver: z.number().min(0).max(1000).default(1),
    /** Units are whole by default (a count drives a purchase): `nearest` (half-up), `up`, or `none` (exact). */
    unitRounding: z.enum(["nearest", "up", "none"]).default("nearest"),
  }),
  z.object({ ...common, kind: z.literal("series"), amounts: yearRecord }),
]);

/**
 * A line item as given.
 *
 * @category Schemas
 */
export type LineItemInput = z.input<typeof lineItemSchema>;
/**
 * A validated line item.
 *
 * @category Schemas
 */
export type LineItem = z.output<typeof lineItemSchema>;
