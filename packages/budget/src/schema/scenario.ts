import { fiscalYearSchema, nonNegativeMoneySchema } from "@districtkit/core";
import { z } from "zod";
import { fundSchema } from "./fund.js";
import { lineItemSchema } from "./lineItem.js";

const id = z.string().min(1);
const label = { label: z.string().optional() };
const percent = z.number().min(-1).max(100);
const growthRate = z.number().gt(-1).max(100);

/**
 * A typed, serialisable what-if lever. Levers apply in order on top of the baseline budget:
 *
 * | type | effect |
 * |---|---|
 * | `enrollment-change` | students × (1 + rate) per year from the first year (`mode: "annual"`, compounding) or once (`"once"`); optional `school` |
 * | `inflation` | sets (`mode: "set"`) or adds to (`"add"`, percentage points as a fraction) the escalator rate of every item, or of an `index`, `category` or `item` |
 * | `scale` | multiplies the cost of an `item`, a `category`, a `school` or everything by (1 + percent) |
 * | `delay` | moves an item `years` later (negative: earlier) |
 * | `remove` | removes an item |
 * | `add-item` | adds a line item |
 * | `add-fund` | adds a funding source (a grant) |
 * | `scale-fund` | multiplies a restricted fund's amounts by (1 + percent) |
 * | `erate-discount` | overrides the E-Rate discount (0–0.9) for C1, C2 or both |
 * | `refresh-cycle` | sets an item's `everyYears` |
 * | `replace-series` | replaces a series item's yearly amounts (a new refresh forecast) |
 * | `driver` | sets a driver series (devices, a custom driver, teachers…) |
 *
 * @example
 * ```ts
 * leverSchema.parse({ type: "enrollment-change", rate: -0.02 }).mode; // => "annual"
 * ```
 * @category Scenarios
 */
export const leverSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("enrollment-change"), ...label, rate: growthRate, mode: z.enum(["annual", "once"]).default("annual"), school: id.optional() }),
  z.object({ type: z.literal("inflation"), ...label, rate: z.number().gt(-1).max(10), mode: z.enum(["set", "add"]).default("set"), index: id.optional(), category: id.optional(), item: id.optional() }),
  z.object({ type: z.literal("scale"), ...label, percent, item: id.optional(), category: id.optional(), school: id.optional() }),
  z.object({ type: z.literal("delay"), ...label, item: id, years: z.number().int().min(-50).max(50) }),
  z.object({ type: z.literal("remove"), ...label, item: id }),
  z.object({ type: z.literal("add-item"), ...label, item: lineItemSchema }),
  z.object({ type: z.literal("add-fund"), ...label, fund: fundSchema }),
  z.object({ type: z.literal("scale-fund"), ...label, fund: id, percent }),
  z.object({ type: z.literal("erate-discount"), ...label, category: z.enum(["C1", "C2", "both"]).default("both"), discount: z.number().min(0).max(0.9) }),
  z.object({ type: z.literal("refresh-cycle"), ...label, item: id, everyYears: z.number().int().min(1).max(50) }),
  z.object({ type: z.literal("replace-series"), ...label, item: id, amounts: z.record(z.string().regex(/^\d{4}$/), nonNegativeMoneySchema) }),
  z.object({ type: z.literal("driver"), ...label, driver: id, school: id.optional(), values: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(1e9)) }),
]);

/**
 * A lever as given.
 *
 * @category Scenarios
 */
export type LeverInput = z.input<typeof leverSchema>;
/**
 * A validated lever.
 *
 * @category Scenarios
 */
export type Lever = z.output<typeof leverSchema>;

/**
 * A named scenario: the baseline plus levers, applied in order.
 *
 * @example
 * ```ts
 * scenarioSchema.parse({ id: "base", name: "Baseline" }).levers; // => []
 * ```
 * @category Scenarios
 */
export const scenarioSchema = z.object({
  id: id,
  name: z.string().min(1),
  description: z.string().optional(),
  levers: z.array(leverSchema).default([]),
});

/**
 * A scenario as given.
 *
 * @category Scenarios
 */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/**
 * A validated scenario.
 *
 * @category Scenarios
 */
export type Scenario = z.output<typeof scenarioSchema>;

/**
 * What a scenario is measured by (goal seek and tornado): the total cost, the general-fund
 * draw, or one fund's draw; summed over the horizon (default), the largest year, or one year.
 *
 * @example
 * ```ts
 * metricSchema.parse({ kind: "general-fund-draw" }).aggregate; // => "sum"
 * ```
 * @category Scenarios
 */
export const metricSchema = z.object({
  kind: z.enum(["total", "general-fund-draw", "fund", "category"]),
  fund: id.optional(),
  category: id.optional(),
  aggregate: z.enum(["sum", "max-year", "year"]).default("sum"),
  year: fiscalYearSchema.optional(),
});

/**
 * A metric as given.
 *
 * @category Scenarios
 */
export type MetricInput = z.input<typeof metricSchema>;
/**
 * A validated metric.
 *
 * @category Scenarios
 */
export type Metric = z.output<typeof metricSchema>;
