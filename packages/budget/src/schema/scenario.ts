import { fiscalYearSchema, nonNegativeMoneySchema } from "@districtkit/core";
import { z } from "zod";
import { fundSchema } from "./fund.js";
import { lineItemSchema } from "./lineItem.js";

const id = z.string().min(1);
const label = { label: z.string().optional() };
const percent = z.number().min(-1).max(100);
const growthRate = z.number().gt(-1).max(100);

/**
 * One yearly line of another engine's plan, as the budget takes it (`use-plan` lever): nominal
 * amounts by fiscal year (every year inside the plan's `fromYear`–`toYear`), a budget category,
 * and optionally a school.
 *
 * @example
 * ```ts
 * const line = planLineSchema.parse({ id: "reading", name: "ReadWell", category: "software", amounts: { "2027": "10944" } });
 * line.amounts["2027"]?.toString(); // => "10944"
 * ```
 * @category Scenarios
 */
export const planLineSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  category: id,
  school: id.optional(),
  /** E-Rate category of what the line buys (default: not eligible); a line replacing C2 Wi-Fi keeps C2 this way. */
  eRate: z.enum(["C1", "C2", "ineligible"]).default("ineligible"),
  amounts: z.record(z.string().regex(/^\d{4}$/, "expected a four-digit fiscal year"), nonNegativeMoneySchema),
});

/**
 * A plan line as given.
 *
 * @category Scenarios
 */
export type PlanLineInput = z.input<typeof planLineSchema>;

/**
 * A typed, serialisable what-if lever. Levers apply in order on top of the baseline budget:
 *
 * | type | effect |
 * |---|---|
 * | `enrollment-change` | students × (1 + rate) per year from the first year (`mode: "annual"`, compounding) or once (`"once"`); optional `school` |
 * | `inflation` | sets (`mode: "set"`) or adds to (`"add"`, percentage points as a fraction) the escalator rate of every item, or of an `index`, `category` or `item` |
 * | `scale` | multiplies the cost of an `item`, a `category`, a `school` or everything by (1 + percent) |
 * | `delay` | moves an item `years` later (negative: earlier) |
 * | `remove` | removes an item, or only its cost in fiscal years `fromYear`–`toYear` (inclusive; either bound may be omitted) |
 * | `add-item` | adds a line item |
 * | `add-fund` | adds a funding source (a grant) |
 * | `scale-fund` | multiplies a restricted fund's amounts by (1 + percent) |
 * | `erate-discount` | overrides the E-Rate discount (0–0.9) for C1, C2 or both |
 * | `refresh-cycle` | sets an item's `everyYears` |
 * | `replace-series` | replaces a series item's yearly amounts (a new refresh forecast) |
 * | `driver` | sets a driver series (devices, a custom driver, teachers…) |
 * | `use-plan` | another engine's plan (a licence plan, a device refresh forecast) replaces the `replaces` items' cost in its fiscal years `fromYear`–`toYear` with its own yearly `lines` (see {@link planLineSchema}); one `use-plan` per `plan` id |
 *
 * @example
 * ```ts
 * leverSchema.parse({ type: "enrollment-change", rate: -0.02 }).mode; // => "annual"
 * ```
 * @category Scenarios
 */
export const leverSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("enrollment-change"), ...label, rate: growthRate, mode: z.enum(["annual", "once"]).default("annual"), school: id.optional() }),
  z.object({
    type: z.literal("inflation"),
    ...label,
    rate: z.number().gt(-1).max(10),
    mode: z.enum(["set", "add"]).default("set"),
    index: id.optional(),
    category: id.optional(),
    item: id.optional(),
  }),
  z.object({ type: z.literal("scale"), ...label, percent, item: id.optional(), category: id.optional(), school: id.optional() }),
  z.object({ type: z.literal("delay"), ...label, item: id, years: z.number().int().min(-50).max(50) }),
  z.object({ type: z.literal("remove"), ...label, item: id, fromYear: fiscalYearSchema.optional(), toYear: fiscalYearSchema.optional() }),
  z.object({ type: z.literal("add-item"), ...label, item: lineItemSchema }),
  z.object({ type: z.literal("add-fund"), ...label, fund: fundSchema }),
  z.object({ type: z.literal("scale-fund"), ...label, fund: id, percent }),
  z.object({ type: z.literal("erate-discount"), ...label, category: z.enum(["C1", "C2", "both"]).default("both"), discount: z.number().min(0).max(0.9) }),
  z.object({ type: z.literal("refresh-cycle"), ...label, item: id, everyYears: z.number().int().min(1).max(50) }),
  z.object({ type: z.literal("replace-series"), ...label, item: id, amounts: z.record(z.string().regex(/^\d{4}$/), nonNegativeMoneySchema) }),
  z.object({ type: z.literal("driver"), ...label, driver: id, school: id.optional(), values: z.record(z.string().regex(/^\d{4}$/), z.number().min(0).max(1e9)) }),
  z.object({
    type: z.literal("use-plan"),
    ...label,
    /** Which plan this is (`"licence-plan"`, `"device-forecast"`): a scenario uses one plan of an id at a time. */
    plan: id,
    /** The plan's name as a reader sees it ("Optimized licence plan"). */
    name: z.string().min(1).max(200),
    fromYear: fiscalYearSchema,
    toYear: fiscalYearSchema,
    /** Ids of the budget's line items whose cost the plan replaces in its years. */
    replaces: z.array(id).max(10_000),
    lines: z.array(planLineSchema).max(10_000),
  }),
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
