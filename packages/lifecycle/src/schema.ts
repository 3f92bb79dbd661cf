import { fiscalCalendarSchema, isoDateSchema, keyedRecordSchema, nonNegativeMoneySchema, probabilitySchema } from "@districtkit/core";
import { z } from "zod";

/**
 * What kind of device a model is. Chromebooks carry an Auto Update Expiration; the others take
 * a support end entered by hand.
 *
 * @example
 * ```ts
 * deviceCategorySchema.parse("chromebook"); // => "chromebook"
 * ```
 * @category Schemas
 */
export const deviceCategorySchema = z.enum(["chromebook", "ipad", "windows-laptop", "mac-laptop", "desktop", "interactive-display", "network", "server", "other"]);
/** A device category. @category Schemas */
export type DeviceCategory = z.infer<typeof deviceCategorySchema>;

/**
 * Who a device is assigned to.
 *
 * @example
 * ```ts
 * deviceRoleSchema.parse("student"); // => "student"
 * ```
 * @category Schemas
 */
export const deviceRoleSchema = z.enum(["student", "staff", "lab", "spare", "infrastructure"]);
/** A device role. @category Schemas */
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

/**
 * A Chromebook Auto Update Expiration month, `YYYY-MM` ("June 2031" is `"2031-06"`): the
 * device gets updates through the end of that month.
 *
 * @example
 * ```ts
 * autoUpdateExpirationSchema.parse("2031-06"); // => "2031-06"
 * autoUpdateExpirationSchema.safeParse("June 2031").success; // => false
 * ```
 * @category Schemas
 */
export const autoUpdateExpirationSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: (issue) => `expected a month YYYY-MM, got ${JSON.stringify(issue.input)}` })
  .describe("Auto Update Expiration month, YYYY-MM (updates through the end of that month)");

const idSchema = z.string().min(1, { error: "expected a non-empty id" });

/**
 * A device model: its price and price growth, warranty, expected life, support end (Chromebook
 * AUE month or a date entered by hand), repair costs by kind and a residual-value curve.
 *
 * @example
 * ```ts
 * const m = deviceModelSchema.parse({ id: "cb311", category: "chromebook", unitPrice: "289", autoUpdateExpiration: "2031-06" });
 * m.unitPrice.toString(); // => "289"
 * m.priceGrowth; // => 0
 * ```
 * @category Schemas
 */
export const deviceModelSchema = z.object({
  /** Stable id used by devices and cohorts. */
  id: idSchema,
  /** Display name ("Acme Chromebook 311 G2"). */
  name: z.string().optional(),
  category: deviceCategorySchema,
  /** Current purchase price of one unit. */
  unitPrice: nonNegativeMoneySchema,
  /** Yearly price change as a fraction (0.03 = +3 % a year), compounded from `priceFiscalYear`. */
  priceGrowth: z.number().min(-0.5).max(1).default(0),
  /** Uncertainty of the yearly price change (standard deviation): each Monte Carlo trial draws its own growth rate from Normal(priceGrowth, sd), clipped to [−50 %, +100 %]. The expected forecast uses priceGrowth. */
  priceGrowthSd: z.number().min(0).max(0.5).default(0),
  /** The fiscal year `unitPrice` is quoted for (default: the first forecast year). */
  priceFiscalYear: z.number().int().min(1000).max(9998).optional(),
  warrantyYears: z.number().int().min(0).max(50).optional(),
  /** Expected service life in years; the default refresh cycle when the policy sets none. */
  expectedLifeYears: z.number().int().min(1).max(50).optional(),
  /** Chromebook Auto Update Expiration month (YYYY-MM). */
  autoUpdateExpiration: autoUpdateExpirationSchema.optional(),
  /** End of OS/vendor support entered by hand (iPads, Windows), an ISO date. */
  supportEnd: isoDateSchema.optional(),
  /** Typical repair cost by kind (screen, keyboard, charger…). */
  repairCosts: keyedRecordSchema(nonNegativeMoneySchema).optional(), // kinds are data: a "__proto__" kind is not dropped
  /** Average cost of one repair incident (defaults to the mean of `repairCosts`). */
  averageRepairCost: nonNegativeMoneySchema.optional(),
  /** Resale value as a share of the purchase price by whole year of age (index 0 = new); held at its last value. */
  residualCurve: z.array(probabilitySchema).optional(),
  /** The model bought to replace this one (default: the same model). */
  replacementModel: idSchema.optional(),
});
/** A validated device model. @category Schemas */
export type DeviceModel = z.infer<typeof deviceModelSchema>;
/** A device model as written in a file (before validation). @category Schemas */
export type DeviceModelInput = z.input<typeof deviceModelSchema>;

/**
 * One device record, as an asset system knows it. Devices aggregate into cohorts, which share
 * their model's dates (warranty, AUE, support end); the record's own `warrantyEnd` and
 * `osSupportEnd` are kept for the asset register. Lost and retired devices are left out of a
 * forecast, and the result says how many.
 *
 * @example
 * ```ts
 * deviceSchema.parse({ id: "MV-0001", model: "cb311", school: "MVHS", purchaseDate: "2023-08-15", role: "student" }).status; // => "active"
 * ```
 * @category Schemas
 */
export const deviceSchema = z.object({
  /** Asset tag or any unique id. */
  id: idSchema,
  serial: z.string().optional(),
  model: idSchema,
  school: idSchema,
  purchaseDate: isoDateSchema,
  inServiceDate: isoDateSchema.optional(),
  purchaseCost: nonNegativeMoneySchema.optional(),
  role: deviceRoleSchema,
  status: z.enum(["active", "in-repair", "spare", "lost", "retired"]).default("active"),
  fundingSource: z.string().optional(),
  warrantyEnd: isoDateSchema.optional(),
  osSupportEnd: isoDateSchema.optional(),
  gradeBand: z.string().optional(),
});
/** A validated device record. @category Schemas */
export type Device = z.infer<typeof deviceSchema>;

/**
 * A cohort: devices of one model, bought in one fiscal year, at one school, in one role. Large
 * districts may give cohorts directly; devices aggregate into them ({@link aggregateCohorts}).
 *
 * @example
 * ```ts
 * cohortSchema.parse({ model: "cb311", school: "MVHS", role: "student", purchaseFiscalYear: 2024, count: 300 }).count; // => 300
 * ```
 * @category Schemas
 */
export const cohortSchema = z.object({
  /** Optional id; one is built from the key when absent. */
  id: z.string().min(1).optional(),
  model: idSchema,
  school: idSchema,
  role: deviceRoleSchema,
  purchaseFiscalYear: z.number().int().min(1000).max(9998),
  count: z.number().int().min(0),
  /** What one unit cost when bought (default: the model's price). */
  unitCost: nonNegativeMoneySchema.optional(),
});
/** A validated cohort. @category Schemas */
export type Cohort = z.infer<typeof cohortSchema>;
/** A cohort as written in a file. @category Schemas */
export type CohortInput = z.input<typeof cohortSchema>;

/**
 * A failure model: the probability that a device fails beyond economical repair (and is
 * replaced) in each year of its life.
 *
 * - `annual`: constant yearly rates, malfunction and accident separately (`q = 1 − (1 − m)(1 − a)`);
 * - `weibull`: `S(t) = exp(−(t/scale)^shape)`, `t` in years;
 * - `kaplan-meier`: an empirical survival curve (step function at `times`, in years); beyond the
 *   last time the last yearly probability is held (the result says so);
 * - `age-table`: yearly conditional probabilities by age (index 0 = first year), last held.
 *
 * @example
 * ```ts
 * failureModelSchema.parse({ kind: "weibull", shape: 2.1, scale: 6 }).kind; // => "weibull"
 * failureModelSchema.safeParse({ kind: "weibull", shape: 0, scale: 6 }).success; // => false
 * ```
 * @category Schemas
 */
export const failureModelSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("annual"), malfunction: probabilitySchema.default(0), accident: probabilitySchema.default(0) }),
  z.object({ kind: z.literal("weibull"), shape: z.number().positive().max(100), scale: z.number().positive().max(1000) }),
  z
    .object({
      kind: z.literal("kaplan-meier"),
      times: z.array(z.number().nonnegative().max(1000)).min(1),
      survival: z.array(probabilitySchema).min(1),
    })
    .check((ctx) => {
      const { times, survival } = ctx.value;
      if (times.length !== survival.length) {
        ctx.issues.push({ code: "custom", path: ["survival"], message: `expected one survival value per time (${times.length}), got ${survival.length}`, input: survival });
        return;
      }
      for (let i = 1; i < times.length; i++) {
        if (!(times[i]! > times[i - 1]!)) ctx.issues.push({ code: "custom", path: ["times", i], message: "expected strictly increasing times", input: times[i] });
        if (survival[i]! > survival[i - 1]!) ctx.issues.push({ code: "custom", path: ["survival", i], message: "expected a non-increasing survival curve", input: survival[i] });
      }
    }),
  z.object({ kind: z.literal("age-table"), probabilities: z.array(probabilitySchema).min(1) }),
]);
/** A validated failure model. @category Schemas */
export type FailureModel = z.infer<typeof failureModelSchema>;
/** A failure model as written in a file. @category Schemas */
export type FailureModelInput = z.input<typeof failureModelSchema>;

/**
 * Which devices a rule applies to: every given key must match (an empty match matches all).
 *
 * @example
 * ```ts
 * matchSchema.parse({ category: "chromebook", role: "student" }).role; // => "student"
 * ```
 * @category Schemas
 */
export const matchSchema = z.object({
  model: idSchema.optional(),
  category: deviceCategorySchema.optional(),
  role: deviceRoleSchema.optional(),
  school: idSchema.optional(),
});
/** A rule's match. @category Schemas */
export type Match = z.infer<typeof matchSchema>;

const failureAssumptionShape = {
  /** Failures beyond repair (replaced). */
  failure: failureModelSchema,
  /** Loss/theft per device-year, drawn among devices that did not fail. */
  lossRate: probabilitySchema.default(0),
  /** Repaired incidents per device-year (screens, keyboards…): repair spend and spare demand. */
  repairRate: z.number().min(0).max(20).default(0),
  /** Cost of one repaired incident (default: the model's average repair cost). */
  repairCost: nonNegativeMoneySchema.optional(),
};

/**
 * What happens to devices while in service: failures, losses and repairs, with a default and
 * rules by model, category, role or school (the first matching rule wins).
 *
 * @example
 * ```ts
 * const f = failureAssumptionsSchema.parse({ default: { failure: { kind: "annual", accident: 0.05 }, lossRate: 0.02 } });
 * f.default.lossRate; // => 0.02
 * ```
 * @category Schemas
 */
export const failureAssumptionsSchema = z.object({
  default: z.object(failureAssumptionShape),
  rules: z.array(z.object({ match: matchSchema, ...failureAssumptionShape })).default([]),
});
/** Validated failure assumptions. @category Schemas */
export type FailureAssumptions = z.infer<typeof failureAssumptionsSchema>;

const policyShape = {
  /** Refresh at this age in years (soft: a budget cap may defer it). Default: the model's expected life. */
  cycleYears: z.number().int().min(1).max(50).optional(),
  /** Never keep a device beyond this age (hard deadline). */
  maxAgeYears: z.number().int().min(1).max(50).optional(),
  /** Never refresh before this age (lower end of the window of a capped plan). */
  minAgeYears: z.number().int().min(0).max(50).optional(),
  /** Retire Chromebooks at Auto Update Expiration (hard deadline). */
  retireAtAue: z.boolean().optional(),
  /** Replace this many months before AUE / support end. */
  leadMonths: z.number().int().min(0).max(60).optional(),
  /** Retire at the end of the warranty (soft). */
  retireAtWarrantyEnd: z.boolean().optional(),
  /** Retire at the model's support end (hard deadline). */
  retireAtSupportEnd: z.boolean().optional(),
  /** What happens to failed and lost devices: bought again 1:1, or not. */
  onFailure: z.enum(["replace", "retire"]).optional(),
  /** Whether planned retirements are replaced (false: the fleet shrinks). */
  replacePlanned: z.boolean().optional(),
};

/**
 * A refresh policy: when devices are retired (age N, AUE with a lead time, warranty end,
 * support end, a maximum age) and whether they are replaced. Defaults: cycle = the model's
 * expected life, retire at AUE and support end with no lead, replace failures and planned
 * retirements.
 *
 * @example
 * ```ts
 * refreshPolicySchema.parse({ cycleYears: 4, leadMonths: 3 }).leadMonths; // => 3
 * ```
 * @category Schemas
 */
export const refreshPolicySchema = z.object(policyShape);
/** A validated refresh policy. @category Schemas */
export type RefreshPolicy = z.infer<typeof refreshPolicySchema>;

/**
 * Purchases that follow enrollment: keep `ratio` devices of `role` per student at a school (1:1
 * is ratio 1), buying `model` when the fleet is short and not replacing retirements when it is
 * above target. The target is `⌈ratio × enrollment⌉`; the expected forecast compares it with the
 * expected fleet, each Monte Carlo trial with its own (whole) fleet, so with growth rules the two
 * can differ slightly (the mean of a max is not the max of the mean).
 *
 * @example
 * ```ts
 * growthRuleSchema.parse({ school: "MVHS", role: "student", model: "cb311", enrollment: { "2027": 289 } }).ratio; // => 1
 * ```
 * @category Schemas
 */
export const growthRuleSchema = z.object({
  school: idSchema,
  role: deviceRoleSchema.default("student"),
  model: idSchema,
  ratio: z.number().min(0).max(10).default(1),
  /** Students by fiscal year (a key like "2027"); years not given hold the nearest earlier value. */
  enrollment: z.record(z.string().regex(/^\d{4}$/, { error: 'expected a fiscal year like "2027"' }), z.number().int().min(0)),
});
/** A validated growth rule. @category Schemas */
export type GrowthRule = z.infer<typeof growthRuleSchema>;

/**
 * A spare (loaner) pool sized each year at a service level (Little's law and a Poisson
 * quantile, see {@link sizeSparePool}); shortfalls are bought as `model` in role `spare`.
 *
 * @example
 * ```ts
 * sparePolicySchema.parse({ model: "cb311" }).serviceLevel; // => 0.95
 * ```
 * @category Schemas
 */
export const sparePolicySchema = z.object({
  model: idSchema,
  school: idSchema.default("district"),
  serviceLevel: z.number().min(0.5).max(0.9999).default(0.95),
  turnaroundDays: z.number().positive().max(365).default(5),
  schoolDays: z.number().int().min(1).max(366).default(180),
  /** The roles whose repairs draw on the pool. */
  roles: z.array(deviceRoleSchema).default(["student"]),
});
/** A validated spare policy. @category Schemas */
export type SparePolicy = z.infer<typeof sparePolicySchema>;

/** The dimensions a forecast's breakdown can be grouped by (`groupBy`), in this order of listing. */
export const GROUP_DIMENSIONS = ["school", "model", "category", "role"] as const;

/**
 * Everything a replacement forecast needs: the as-of date and horizon, models, the inventory
 * (devices and/or cohorts), failure assumptions, the refresh policy (with rules), growth,
 * spares, an optional yearly cap on planned refresh spending, and the breakdown wanted.
 *
 * @example
 * ```ts
 * const input = forecastInputSchema.parse({
 *   asOf: "2026-07-01",
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "300", expectedLifeYears: 4 }],
 *   cohorts: [{ model: "cb", school: "HS", role: "student", purchaseFiscalYear: 2024, count: 100 }],
 *   failure: { default: { failure: { kind: "annual", accident: 0.05 } } },
 * });
 * input.horizonYears; // => 10
 * ```
 * @category Schemas
 */
export const forecastInputSchema = z.object({
  asOf: isoDateSchema,
  horizonYears: z.number().int().min(1).max(30).default(10),
  calendar: fiscalCalendarSchema.optional(),
  models: z.array(deviceModelSchema).min(1),
  devices: z.array(deviceSchema).default([]),
  cohorts: z.array(cohortSchema).default([]),
  failure: failureAssumptionsSchema,
  policy: refreshPolicySchema.default({}),
  policyRules: z.array(z.object({ match: matchSchema, ...policyShape })).default([]),
  growth: z.array(growthRuleSchema).default([]),
  spares: sparePolicySchema.optional(),
  /** Yearly cap on planned refresh purchases (key: fiscal year). Failures, growth and hard deadlines are never deferred. */
  refreshBudgetCap: z.record(z.string().regex(/^\d{4}$/, { error: 'expected a fiscal year like "2027"' }), nonNegativeMoneySchema).optional(),
  /** Breakdown of the yearly lines (default: none, district totals only). */
  groupBy: z.array(z.enum(GROUP_DIMENSIONS)).default([]),
  /** Book value and depreciation of the inventory and of the forecast's purchases (optional lens; the cash view is the default). */
  depreciation: z
    .object({
      method: z.enum(["straight-line", "declining-balance"]).default("straight-line"),
      factor: z.number().positive().max(10).default(2),
      /** Useful life in years (default: each model's expected life, else 5). */
      lifeYears: z.number().int().min(1).max(50).optional(),
      /** Per-unit threshold (default $5,000, the GFOA reference). */
      capitalizationThreshold: nonNegativeMoneySchema.optional(),
      /** Capitalize a purchase (one model, one year) as a group when its total reaches the threshold (GASB IG 2021-1 Q5.1). */
      groupCapitalization: z.boolean().default(false),
    })
    .optional(),
});
/** A validated forecast input. @category Schemas */
export type ForecastInput = z.infer<typeof forecastInputSchema>;
/** A forecast input as written in a file. @category Schemas */
export type ForecastInputData = z.input<typeof forecastInputSchema>;

/**
 * A repair ticket: what broke, when, what it cost, and whether the device was repaired, replaced
 * (a failure for survival analysis) or lost.
 *
 * @example
 * ```ts
 * repairTicketSchema.parse({ id: "T1", deviceId: "D1", date: "2025-01-10", kind: "screen", cost: "89", outcome: "repaired" }).cost.toString(); // => "89"
 * ```
 * @category Schemas
 */
export const repairTicketSchema = z.object({
  id: idSchema,
  deviceId: idSchema,
  date: isoDateSchema,
  kind: z.string().min(1),
  cost: nonNegativeMoneySchema,
  outcome: z.enum(["repaired", "replaced", "lost"]),
});
/** A validated repair ticket. @category Schemas */
export type RepairTicket = z.infer<typeof repairTicketSchema>;

/**
 * A repair history: the devices observed (with purchase dates) from `observationStart` to
 * `asOf`, and their tickets. Devices bought before the observation started enter late (left
 * truncation); devices still in service at `asOf` are right-censored.
 *
 * @example
 * ```ts
 * repairHistorySchema.parse({ observationStart: "2024-07-01", asOf: "2026-07-01", devices: [], tickets: [] }).tickets; // => []
 * ```
 * @category Schemas
 */
export const repairHistorySchema = z.object({
  observationStart: isoDateSchema,
  asOf: isoDateSchema,
  devices: z.array(z.object({ id: idSchema, model: idSchema, school: z.string().optional(), role: deviceRoleSchema.default("student"), purchaseDate: isoDateSchema })),
  tickets: z.array(repairTicketSchema),
});
/** A validated repair history. @category Schemas */
export type RepairHistory = z.infer<typeof repairHistorySchema>;
/** A repair history as written in a file. @category Schemas */
export type RepairHistoryInput = z.input<typeof repairHistorySchema>;

/**
 * One survival observation: a time (age) at failure or at censoring, and optionally the age at
 * which the subject entered observation (late entry).
 *
 * @example
 * ```ts
 * survivalObservationSchema.parse({ time: 3.2, failed: true }).entry; // => 0
 * ```
 * @category Schemas
 */
export const survivalObservationSchema = z
  .object({
    time: z.number().nonnegative().max(1e12),
    failed: z.boolean(),
    entry: z.number().nonnegative().max(1e12).default(0),
  })
  .check((ctx) => {
    if (ctx.value.entry > ctx.value.time) {
      ctx.issues.push({ code: "custom", path: ["entry"], message: `expected an entry age ≤ the time (${ctx.value.time}), got ${ctx.value.entry}`, input: ctx.value.entry });
    }
  });
/** A validated survival observation. @category Schemas */
export type SurvivalObservation = z.infer<typeof survivalObservationSchema>;
/** A survival observation as written by a caller. @category Schemas */
export type SurvivalObservationInput = z.input<typeof survivalObservationSchema>;
