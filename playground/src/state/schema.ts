import { z } from "zod";

/** The tabs of the playground, in display order. */
export const TAB_IDS = ["budget", "devices", "repairs", "licences", "vetting", "privacy", "calendar", "erate", "data", "yours"] as const;
export const tabIdSchema = z.enum(TAB_IDS);
export type TabId = z.infer<typeof tabIdSchema>;

/** The range of each numeric lever, with the reason a person reads next to the control. */
export const LEVER_RANGES = {
  enrollmentChangePercent: { min: -30, max: 30, why: "a change of more than 30 % in a planning horizon is a different district: model it with an imported enrollment instead" },
  inflationPercent: { min: -5, max: 20, why: "a yearly price change outside −5 % to 20 % is not a scenario a technology budget can plan for" },
  adjustmentPercent: { min: -90, max: 100, why: "to remove a whole category, cut its items; to more than double it, add an item" },
} as const;

/** A calendar date, YYYY-MM-DD, that exists. */
const isoDate = z.iso.date();

/** A decimal amount of dollars as a string ("75000", "1234.56"): money never travels as a float. */
const moneyString = z.string().regex(/^-?\d{1,13}(\.\d{1,2})?$/, "expected a dollar amount such as 75000 or 1234.56");

/** A one-time or recurring grant added by a scenario. */
export const grantLeverSchema = z.object({
  amount: moneyString,
  fiscalYear: z.number().int().min(2000).max(2100),
});

/** Cut (negative percent) or add (positive percent) one budget category. */
export const categoryAdjustmentSchema = z.object({
  category: z.string().min(1).max(80),
  percent: z.number().min(LEVER_RANGES.adjustmentPercent.min).max(LEVER_RANGES.adjustmentPercent.max),
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
 * A plan from another view (the Devices view's refresh forecast, the Licences view's optimized
 * plan) used by a budget scenario: in its fiscal years `fromYear`–`toYear`, its yearly lines
 * replace the budget items listed in `replaces` (the budget engine's `use-plan` lever). Lines
 * carry the budget category and E-Rate category of what they replace; the fields added after the
 * first version are optional, so a state saved before them still loads.
 */
export const planFlowLeverSchema = z.object({
  replaces: z.array(z.string().min(1).max(80)).max(200),
  lines: z
    .array(
      z.object({
        id: z.string().min(1).max(80),
        name: z.string().min(1).max(120),
        category: z.string().min(1).max(80).optional(),
        eRate: z.enum(["C1", "C2", "ineligible"]).optional(),
        amounts: z.record(z.string().regex(/^\d{4}$/), moneyString),
      }),
    )
    .max(200),
  /** The plan's fiscal years (default: the years its lines have amounts in). */
  fromYear: z.number().int().min(2000).max(2100).optional(),
  toYear: z.number().int().min(2000).max(2100).optional(),
  /** What produced it, in words (cycle, cap, proof status). */
  note: z.string().max(200),
});
export type PlanFlowLever = z.infer<typeof planFlowLeverSchema>;

/** Move one line item, or every refresh of a category, by N fiscal years: "what if we push the Wi-Fi refresh a year". */
export const shiftSchema = z
  .object({
    /** A line item's id… */
    item: z.string().min(1).max(80).optional(),
    /** …or a category: every refresh in it (one-time items and items on a cycle of 2+ years). */
    category: z.string().min(1).max(80).optional(),
    years: z.number().int().min(-10).max(10),
  })
  .refine((s) => (s.item === undefined) !== (s.category === undefined), "expected either an item or a category");
export type Shift = z.infer<typeof shiftSchema>;

/**
 * The levers of one scenario. Every lever is optional: an absent lever leaves the baseline
 * as the sample (or imported) data has it.
 */
export const leversSchema = z.object({
  enrollmentChangePercent: z.number().min(LEVER_RANGES.enrollmentChangePercent.min).max(LEVER_RANGES.enrollmentChangePercent.max).optional(),
  /** "once": a step change in the first year; "annual": the change compounds every year. */
  enrollmentMode: z.enum(["once", "annual"]).optional(),
  inflationPercent: z.number().min(LEVER_RANGES.inflationPercent.min).max(LEVER_RANGES.inflationPercent.max).optional(),
  refreshCycleYears: z.number().int().min(2).max(10).optional(),
  eRateDiscountPercent: z.number().int().min(0).max(90).optional(),
  grant: grantLeverSchema.optional(),
  adjustments: z.array(categoryAdjustmentSchema).max(50).optional(),
  /** Line items cut from the plan (by id). */
  removeItems: z.array(z.string().min(1).max(80)).max(100).optional(),
  /** Line items added to the plan. */
  addItems: z.array(addedItemSchema).max(20).optional(),
  /** Line items moved earlier or later (by id). */
  shifts: z.array(shiftSchema).max(60).optional(),
  /** The device refresh plan of the Devices view, flowed into this scenario. */
  deviceForecast: planFlowLeverSchema.optional(),
  /** The optimized licence plan of the Licences view, flowed into this scenario (same shape). */
  licensePlan: planFlowLeverSchema.optional(),
  /** The E-Rate view's Category Two drawdown (one line per building), flowed into this scenario (same shape). */
  eRateC2: planFlowLeverSchema.optional(),
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
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

/** A cell of an editable table as the analyst typed it: the view decides what it means and says what is wrong. */
const typedCell = z.string().max(200);

/**
 * The E-Rate view's inputs. Absent fields take the view's defaults (drawn from the district's
 * data); ids are data, kept in arrays, never used as object keys.
 */
export const eRateSettingsSchema = z.object({
  /** The Form 471 window of a funding year USAC has not published, as the analyst entered it. */
  window: z.object({ opens: isoDate, closes: isoDate }).optional(),
  /** The planned Form 470 posting and contract signing days of the year's requests. */
  form470On: isoDate.optional(),
  contractOn: isoDate.optional(),
  /** Bid evaluation: the criteria (the first is price) and the bids, with the points on each non-price criterion in criteria order. */
  criteria: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), name: typedCell, weight: typedCell }))
    .min(1)
    .max(12)
    .optional(),
  bids: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), vendor: typedCell, price: typedCell, points: z.array(typedCell).max(12) }))
    .max(20)
    .optional(),
  /** The top of the evaluators' points scale, as typed (absent: 10; districts also score 0–5 or 0–100). */
  maxPoints: typedCell.optional(),
  /** C2 drawdown requests as edited (absent: the budget's C2 lines of the cycle). */
  requests: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]{1,80}$/),
        name: typedCell,
        building: typedCell,
        fundingYear: typedCell,
        amount: typedCell,
        status: z.enum(["committed", "requested", "planned"]),
        /** The budget item it came from (so the plan replaces it in the budget). */
        from: z.string().max(80).optional(),
      }),
    )
    .max(80)
    .optional(),
  /** The E-Rate service of a budget item, where the analyst changed the view's guess. */
  services: z
    .array(z.object({ item: z.string().min(1).max(80), service: z.string().min(1).max(80) }))
    .max(200)
    .optional(),
  /** Eligibility: the day of the rules the plan was made under, and the day to re-check it under. */
  rulesFrom: isoDate.optional(),
  rulesTo: isoDate.optional(),
  /** Equipment: the fiscal year the lifecycle plan retires a C2 cohort, where the analyst changed it. */
  retire: z
    .array(z.object({ cohort: z.string().min(1).max(200), fiscalYear: z.number().int().min(1990).max(2100) }))
    .max(500)
    .optional(),
});
export type ERateSettings = z.infer<typeof eRateSettingsSchema>;

/** Edits an analyst made to the vetting answers and weights (by app id and criterion id). */
export const vettingEditsSchema = z.object({
  /** Read from states saved before the district-wide `asOf`, and moved there on load. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** Two-letter state code of the district (default: the district's). */
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
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
export const appStateSchema = z
  .object({
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
    /** The E-Rate view's inputs (absent in states saved before it). */
    erate: eRateSettingsSchema.default({}),
    /**
     * The district's "as of" date, used by every view (renewal notices, AUE and support ends,
     * vetting re-reviews and expiries). Absent: the district file's own date.
     */
    asOf: isoDate.optional(),
  })
  .refine((s) => s.scenarios.some((x) => x.id === s.activeScenarioId), {
    message: "the active scenario is not one of the scenarios",
    path: ["activeScenarioId"],
  })
  // a state saved when the vetting view had its own date: that date becomes the district's
  .transform(({ vetting: { asOf, ...vetting }, ...s }) => (asOf !== undefined && s.asOf === undefined ? { ...s, vetting, asOf } : { ...s, vetting }));
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
    erate: {},
  };
}

/** Turn a zod error into one readable line per problem, with its path. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
}
