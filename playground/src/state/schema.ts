import { z } from "zod";

/** The tabs of the playground, in display order. */
export const TAB_IDS = ["budget", "devices", "licences", "vetting", "data"] as const;
export const tabIdSchema = z.enum(TAB_IDS);
export type TabId = z.infer<typeof tabIdSchema>;

/** A decimal amount of dollars as a string ("75000", "1234.56"): money never travels as a float. */
const moneyString = z
  .string()
  .regex(/^-?\d{1,13}(\.\d{1,2})?$/, "expected a dollar amount such as 75000 or 1234.56");

/** A one-time or recurring grant added by a scenario. */
export const grantLeverSchema = z.object({
  amount: moneyString,
  fiscalYear: z.number().int().min(2000).max(2100),
});

/** Cut (negative percent) or add (positive percent) one budget category. */
export const categoryAdjustmentSchema = z.object({
  category: z.string().min(1).max(80),
  percent: z.number().min(-100).max(500),
});

/** A line item added by a scenario: a yearly cost, or a one-time cost in one fiscal year. */
export const addedItemSchema = z.object({
  id: z.string().regex(/^added-[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(80),
  category: z.string().min(1).max(80),
  amount: moneyString,
  kind: z.enum(["recurring", "one-time"]),
  fiscalYear: z.number().int().min(2000).max(2100),
});
export type AddedItem = z.infer<typeof addedItemSchema>;

/**
 * A device refresh forecast (computed by `@districtkit/lifecycle` in the Devices view) used by a
 * budget scenario: its yearly lines replace the budget items listed in `replaces`.
 */
export const deviceForecastLeverSchema = z.object({
  replaces: z.array(z.string().min(1).max(80)).max(60),
  lines: z
    .array(
      z.object({
        id: z.string().min(1).max(80),
        name: z.string().min(1).max(120),
        amounts: z.record(z.string().regex(/^\d{4}$/), moneyString),
      }),
    )
    .max(40),
  /** What produced it, in words (cycle, cap). */
  note: z.string().max(200),
});
export type DeviceForecastLever = z.infer<typeof deviceForecastLeverSchema>;

/**
 * The levers of one scenario. Every lever is optional: an absent lever leaves the baseline
 * as the sample (or imported) data has it.
 */
export const leversSchema = z.object({
  enrollmentChangePercent: z.number().min(-50).max(50).optional(),
  /** "once": a step change in the first year; "annual": the change compounds every year. */
  enrollmentMode: z.enum(["once", "annual"]).optional(),
  inflationPercent: z.number().min(-5).max(20).optional(),
  refreshCycleYears: z.number().int().min(2).max(10).optional(),
  eRateDiscountPercent: z.number().int().min(0).max(90).optional(),
  grant: grantLeverSchema.optional(),
  adjustments: z.array(categoryAdjustmentSchema).max(50).optional(),
  /** Line items cut from the plan (by id). */
  removeItems: z.array(z.string().min(1).max(80)).max(100).optional(),
  /** Line items added to the plan. */
  addItems: z.array(addedItemSchema).max(20).optional(),
  /** The device refresh plan of the Devices view, flowed into this scenario. */
  deviceForecast: deviceForecastLeverSchema.optional(),
  /** The optimized licence plan of the Licences view, flowed into this scenario (same shape). */
  licensePlan: deviceForecastLeverSchema.optional(),
});
export type Levers = z.infer<typeof leversSchema>;

export const scenarioSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(80),
  levers: leversSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** The Devices view's settings: refresh policy override, yearly cap, Monte Carlo trials and seed. */
export const deviceSettingsSchema = z.object({
  cycleYears: z.number().int().min(2).max(10).optional(),
  capPerYear: moneyString.optional(),
  trials: z.number().int().min(100).max(20000).optional(),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

/** Edits an analyst made to the vetting answers and weights (by app id and criterion id). */
export const vettingEditsSchema = z.object({
  /** The day the apps are assessed on (default: the district's as-of date). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Two-letter state code of the district (default: the district's). */
  state: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** Answers changed by the analyst: app id → criterion id → the new answer value (null = not answered). */
  answers: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  /** Criterion weights changed by the analyst: criterion id → weight. */
  weights: z.record(z.string(), z.number().min(0).max(1000)).optional(),
});
export type VettingEdits = z.infer<typeof vettingEditsSchema>;

/**
 * Everything the playground persists and shares: the scenarios (the first one is the baseline
 * and has no levers), which one is being edited, the open tab, and the analyst's edits.
 * Version 1; a link from a newer version is refused with a message, never half-applied.
 */
export const appStateSchema = z.object({
  version: z.literal(1),
  tab: tabIdSchema,
  scenarios: z
    .array(scenarioSchema)
    .min(1)
    .max(8)
    .refine((s) => new Set(s.map((x) => x.id)).size === s.length, "scenario ids must be unique"),
  activeScenarioId: z.string(),
  vetting: vettingEditsSchema,
  devices: deviceSettingsSchema.default({}),
}).refine((s) => s.scenarios.some((x) => x.id === s.activeScenarioId), {
  message: "the active scenario is not one of the scenarios",
  path: ["activeScenarioId"],
});
export type AppState = z.infer<typeof appStateSchema>;

/** The state a first visit starts from: the sample district's baseline and one what-if. */
export function defaultState(): AppState {
  return {
    version: 1,
    tab: "budget",
    scenarios: [
      { id: "baseline", name: "Baseline", levers: {} },
      { id: "s1", name: "Lose 10 % of students, add a grant", levers: { enrollmentChangePercent: -10, grant: { amount: "75000", fiscalYear: 2028 } } },
    ],
    activeScenarioId: "s1",
    vetting: {},
    devices: {},
  };
}

/** Turn a zod error into one readable line per problem, with its path. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}
