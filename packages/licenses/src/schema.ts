import { fiscalYearSchema, isoDateSchema, nonNegativeMoneySchema, parseInput, rateSchema } from "@districtkit/core";
import { z } from "zod";

/**
 * The roles a licence seat can be for: students, teachers (instructional staff) and other staff.
 *
 * @example
 * ```ts
 * ROLES.includes("teacher"); // => true
 * ```
 * @category Schemas
 */
export const ROLES = ["student", "teacher", "staff"] as const;

/**
 * A role a seat is for (`student`, `teacher` or `staff`).
 *
 * @category Schemas
 */
export type Role = (typeof ROLES)[number];

/**
 * The zod schema of a {@link Role}.
 *
 * @example
 * ```ts
 * roleSchema.parse("teacher"); // => "teacher"
 * roleSchema.safeParse("parent").success; // => false
 * ```
 * @category Schemas
 */
export const roleSchema = z.enum(ROLES);

/**
 * The zod schema of the role a seat option serves: one role, or `any` (one pool of seats
 * for every role — when an `any` option is chosen in a year, it serves every role's pooled
 * seats that year).
 *
 * @example
 * ```ts
 * seatRoleSchema.parse("any"); // => "any"
 * ```
 * @category Schemas
 */
export const seatRoleSchema = z.enum(["student", "teacher", "staff", "any"]);

const idSchema = z.string().min(1, { error: "expected a non-empty id" });
const countSchema = z.number().int().min(0);

/**
 * The zod schema of a product: what the district licenses. `category` groups products that do
 * the same job (overlap detection looks for two paid products in one category).
 *
 * @example
 * ```ts
 * productSchema.parse({ id: "read", name: "ReadWell", vendor: "ReadCo", category: "reading" }).category; // => "reading"
 * ```
 * @category Schemas
 */
export const productSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  vendor: z.string().default(""),
  category: z.string().min(1).default("uncategorized"),
});

/**
 * A product (output of {@link productSchema}).
 *
 * @category Schemas
 */
export type Product = z.output<typeof productSchema>;

/**
 * The zod schema of one bracket of a tiered price: seats `from` … `to` (inclusive; `to` absent
 * on the last bracket means "and above") at `unitPrice` per seat.
 *
 * @example
 * ```ts
 * tierSchema.parse({ from: 1, to: 5, unitPrice: "15" }).to; // => 5
 * ```
 * @category Schemas
 */
export const tierSchema = z
  .object({
    from: z.number().int().min(1),
    to: z.number().int().min(1).optional(),
    unitPrice: nonNegativeMoneySchema,
  })
  .refine((t) => t.to === undefined || t.to >= t.from, { error: "expected to ≥ from", path: ["to"] });

/**
 * One price bracket (output of {@link tierSchema}).
 *
 * @category Schemas
 */
export type Tier = z.output<typeof tierSchema>;

/**
 * The zod schema of how a number of seats is priced:
 *
 * - `unit`: `unitPrice × seats`;
 * - `allUnits`: volume tiers where the bracket reached prices **every** seat (buying into a
 *   cheaper bracket can cost less — a price cliff);
 * - `incremental` (graduated): each bracket prices only the seats inside it;
 * - `packs`: seats come in packs of `packSize` at `packPrice` a pack.
 *
 * @example
 * ```ts
 * priceScheduleSchema.parse({ type: "packs", packSize: 13, packPrice: "250" }).type; // => "packs"
 * ```
 * @category Schemas
 */
export const priceScheduleSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("unit"), unitPrice: nonNegativeMoneySchema }),
  z.object({ type: z.literal("allUnits"), tiers: z.array(tierSchema).min(1) }),
  z.object({ type: z.literal("incremental"), tiers: z.array(tierSchema).min(1) }),
  z.object({ type: z.literal("packs"), packSize: z.number().int().min(1), packPrice: nonNegativeMoneySchema }),
]);

/**
 * A seat price schedule (output of {@link priceScheduleSchema}).
 *
 * @category Schemas
 */
export type PriceSchedule = z.output<typeof priceScheduleSchema>;

/**
 * The zod schema of an enrollment band: a price for a building (or a district) whose enrollment is
 * in `minEnrollment … maxEnrollment` (inclusive; no maximum on the last band).
 *
 * @example
 * ```ts
 * enrollmentBandSchema.parse({ minEnrollment: 0, maxEnrollment: 299, price: "3000" }).price.toString(); // => "3000"
 * ```
 * @category Schemas
 */
export const enrollmentBandSchema = z.object({
  minEnrollment: countSchema,
  maxEnrollment: countSchema.optional(),
  price: nonNegativeMoneySchema,
});

/**
 * An enrollment band (output of {@link enrollmentBandSchema}).
 *
 * @category Schemas
 */
export type EnrollmentBand = z.output<typeof enrollmentBandSchema>;

/**
 * The zod schema of how a district-wide licence or a bundle is priced: a flat price, a price by the
 * district's total enrollment band, a price per enrolled student (with a floor, e.g. Google's
 * `max(50, enrollment)`), or a price per full-time equivalent employee (Adobe ETLA).
 *
 * @example
 * ```ts
 * districtPricingSchema.parse({ type: "perStudent", unitPrice: "6", minimumStudents: 50 }).type; // => "perStudent"
 * ```
 * @category Schemas
 */
export const districtPricingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("flat"), price: nonNegativeMoneySchema }),
  z.object({ type: z.literal("banded"), bands: z.array(enrollmentBandSchema).min(1) }),
  z.object({ type: z.literal("perStudent"), unitPrice: nonNegativeMoneySchema, minimumStudents: countSchema.default(0) }),
  z.object({ type: z.literal("perFte"), unitPrice: nonNegativeMoneySchema }),
]);

/**
 * District-wide pricing (output of {@link districtPricingSchema}).
 *
 * @category Schemas
 */
export type DistrictPricing = z.output<typeof districtPricingSchema>;

/**
 * The zod schema of a cancellation rule: whether the contract can be cancelled mid-term, at what
 * fee (a share of the remaining term's cost) and with how many days of notice.
 *
 * @example
 * ```ts
 * cancellationSchema.parse({ allowed: true, feeRate: 0.5, noticeDays: 60 }).noticeDays; // => 60
 * ```
 * @category Schemas
 */
export const cancellationSchema = z.object({
  allowed: z.boolean(),
  feeRate: rateSchema.optional(),
  noticeDays: z.number().int().min(0).max(3650).optional(),
});

const termFields = {
  id: idSchema,
  name: z.string().optional(),
  /** Contract length in years; multi-year terms run back to back from the first plan year. */
  termYears: z.number().int().min(1).max(10).default(1),
  /**
   * Prices quoted per billed month: every price of the option is a monthly price, and a year costs
   * it × `billedMonths` (a school-year subscription billed 10 months, say). Absent: yearly prices.
   */
  billedMonths: z.number().int().min(1).max(12).optional(),
  /**
   * `year` (default): prices are per year of the term. `term`: prices are totals for the whole
   * term, paid over its years in equal parts (in the escalator's proportions when there is one),
   * the parts adding up to the total to the cent.
   */
  priceBasis: z.enum(["year", "term"]).default("year"),
  /** Yearly price uplift, applied from the first plan year (with `priceBasis: "term"`: how the total is split). */
  escalator: rateSchema.optional(),
  /** `chained`: each year from last year's rounded price; `direct`: base × (1+e)^t, then round. */
  escalatorRounding: z.enum(["chained", "direct"]).default("chained"),
  /** Discount for paying the whole term up front (in the first year of the term). */
  prepayDiscount: rateSchema.optional(),
  cancellation: cancellationSchema.optional(),
  availableFrom: fiscalYearSchema.optional(),
  availableUntil: fiscalYearSchema.optional(),
};

const seatLimits = {
  /** Seats that must be paid for whenever the option is bought (a minimum commitment). */
  minimumSeats: countSchema.optional(),
  /** Most seats the option can supply. */
  maximumSeats: countSchema.optional(),
  /** A yearly platform fee charged whenever the option is bought. */
  fixedFee: nonNegativeMoneySchema.optional(),
};

/**
 * The zod schema of a ratio entitlement: free seats of another role earned per paid seat —
 * `freeSeats` free `role` seats for every `perPaidSeats` seats paid under the option, rounded down
 * (`free ≤ ⌊freeSeats × paid / perPaidSeats⌋`). Microsoft's student use benefit is
 * `{ role: "student", freeSeats: 15 }` on a faculty licence; Google's legacy staff benefit is
 * `{ role: "staff", freeSeats: 1, perPaidSeats: 4 }` on student licences. Free seats serve only
 * their role, in the years the paid seats are held.
 *
 * @example
 * ```ts
 * entitlementSchema.parse({ role: "student", freeSeats: 15 }).perPaidSeats; // => 1
 * ```
 * @category Schemas
 */
export const entitlementSchema = z.object({
  role: roleSchema,
  freeSeats: z.number().int().min(1).max(1_000_000),
  perPaidSeats: z.number().int().min(1).max(1_000_000).default(1),
});

/**
 * A ratio entitlement (output of {@link entitlementSchema}).
 *
 * @category Schemas
 */
export type Entitlement = z.output<typeof entitlementSchema>;

/**
 * The zod schema of a pricing option: one way a vendor sells a product.
 *
 * - `seat`: pooled seats for one role (or `any`) priced by a {@link PriceSchedule}, with an
 *   optional minimum commitment, maximum, yearly fee and ratio entitlement (free seats of another
 *   role per paid seat, see {@link entitlementSchema});
 * - `site`: a building licence covering everyone at one school, flat or by the school's
 *   enrollment band, optionally limited to some schools or to schools needing at most `maxSeats`;
 * - `district`: covers every school and role (flat, banded, per student, per FTE);
 * - `concurrent`: covers every user of the product, sized by peak concurrent use;
 * - `bundle`: one price that covers several products district-wide (couples them).
 *
 * Every option can have a multi-year term with an escalator, a prepay discount and a
 * cancellation rule; its prices can be monthly (`billedMonths`) or totals for the term
 * (`priceBasis: "term"`).
 *
 * @example
 * ```ts
 * const option = pricingOptionSchema.parse({
 *   kind: "seat", id: "read-seat", productId: "read", role: "student",
 *   schedule: { type: "unit", unitPrice: "12" }, minimumSeats: 100,
 * });
 * option.kind; // => "seat"
 * ```
 * @category Schemas
 */
export const pricingOptionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("seat"),
    productId: idSchema,
    role: seatRoleSchema.default("any"),
    schedule: priceScheduleSchema,
    entitlement: entitlementSchema.optional(),
    ...seatLimits,
    ...termFields,
  }),
  z
    .object({
      kind: z.literal("site"),
      productId: idSchema,
      price: nonNegativeMoneySchema.optional(),
      bands: z.array(enrollmentBandSchema).min(1).optional(),
      schools: z.array(idSchema).optional(),
      maxSeats: countSchema.optional(),
      ...termFields,
    })
    .refine((o) => (o.price === undefined) !== (o.bands === undefined), { error: "expected exactly one of price or bands", path: ["price"] }),
  z.object({ kind: z.literal("district"), productId: idSchema, pricing: districtPricingSchema, ...termFields }),
  z.object({ kind: z.literal("concurrent"), productId: idSchema, schedule: priceScheduleSchema, ...seatLimits, ...termFields }),
  z.object({ kind: z.literal("bundle"), productIds: z.array(idSchema).min(2), pricing: districtPricingSchema, ...termFields }),
]);

/**
 * A pricing option (output of {@link pricingOptionSchema}).
 *
 * @category Schemas
 */
export type PricingOption = z.output<typeof pricingOptionSchema>;

/**
 * The zod schema of a school (building): its id, name and enrollment (by fiscal year where it
 * changes). Enrollment prices site licences by band and district licences per student.
 *
 * @example
 * ```ts
 * licenseSchoolSchema.parse({ id: "mve", name: "Maple Valley Elementary", enrollment: 392 }).enrollment; // => 392
 * ```
 * @category Schemas
 */
export const licenseSchoolSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  enrollment: countSchema,
  enrollmentByYear: z.record(z.string().regex(/^\d{4}$/), countSchema).optional(),
});

/**
 * A school (output of {@link licenseSchoolSchema}).
 *
 * @category Schemas
 */
export type LicenseSchool = z.output<typeof licenseSchoolSchema>;

/**
 * The zod schema of one demand cell: seats of a product needed at a school, for a role, in a
 * fiscal year, and where the number came from.
 *
 * @example
 * ```ts
 * demandCellSchema.parse({ productId: "read", schoolId: "mve", role: "student", fiscalYear: 2027, seats: 180 }).source; // => "given"
 * ```
 * @category Schemas
 */
export const demandCellSchema = z.object({
  productId: idSchema,
  schoolId: idSchema,
  role: roleSchema,
  fiscalYear: fiscalYearSchema,
  seats: countSchema,
  source: z.enum(["given", "roster", "usage"]).default("given"),
});

/**
 * A demand cell (output of {@link demandCellSchema}).
 *
 * @category Schemas
 */
export type DemandCell = z.output<typeof demandCellSchema>;

/**
 * The zod schema of a product's peak concurrent use in a year (for `concurrent` options).
 *
 * @example
 * ```ts
 * concurrencyDemandSchema.parse({ productId: "cad", fiscalYear: 2027, peak: 24 }).peak; // => 24
 * ```
 * @category Schemas
 */
export const concurrencyDemandSchema = z.object({ productId: idSchema, fiscalYear: fiscalYearSchema, peak: countSchema });

/**
 * The zod schema of the district's staffing, for per-FTE pricing.
 *
 * @example
 * ```ts
 * staffingSchema.parse({ fullTimeTeachers: 62, fullTimeStaff: 41 }).partTimeTeachers; // => 0
 * ```
 * @category Schemas
 */
export const staffingSchema = z.object({
  fullTimeTeachers: countSchema.default(0),
  partTimeTeachers: countSchema.default(0),
  fullTimeStaff: countSchema.default(0),
  partTimeStaff: countSchema.default(0),
});

/**
 * Staffing counts (output of {@link staffingSchema}).
 *
 * @category Schemas
 */
export type Staffing = z.output<typeof staffingSchema>;

/**
 * The zod schema of a current contract: what is paid now for a product, the term, the renewal
 * date, the notice period and whether it renews automatically. `committedThrough` (a fiscal
 * year) marks plan years already paid for: the optimizer keeps the contract in those years.
 *
 * @example
 * ```ts
 * const c = currentContractSchema.parse({
 *   productId: "read", annualCost: "10944", seats: 912, startDate: "2024-07-01",
 *   renewalDate: "2026-07-01", noticeDays: 60,
 * });
 * c.autoRenew; // => true
 * ```
 * @category Schemas
 */
export const currentContractSchema = z.object({
  id: idSchema.optional(),
  productId: idSchema,
  optionId: idSchema.optional(),
  description: z.string().optional(),
  annualCost: nonNegativeMoneySchema,
  seats: countSchema.optional(),
  startDate: isoDateSchema,
  renewalDate: isoDateSchema,
  termYears: z.number().int().min(1).max(10).default(1),
  noticeDays: z.number().int().min(0).max(3650).default(0), // ten years: a longer one is a bad cell, and beyond the calendar
  autoRenew: z.boolean().default(true),
  escalator: rateSchema.optional(),
  committedThrough: fiscalYearSchema.optional(),
});

/**
 * A current contract (output of {@link currentContractSchema}).
 *
 * @category Schemas
 */
export type CurrentContract = z.output<typeof currentContractSchema>;

/**
 * The zod schema of the limits of the exact search.
 *
 * @example
 * ```ts
 * optimizerLimitsSchema.parse({}).maxNodes; // => 200000
 * ```
 * @category Schemas
 */
export const optimizerLimitsSchema = z.object({
  /** Branch-and-bound nodes per school subproblem before returning the best plan with a bound. */
  maxNodes: z.number().int().min(1).max(100_000_000).default(200_000),
  /** Bundle/district/term combinations per component before returning the best plan with a bound. */
  maxCombinations: z.number().int().min(1).max(10_000_000).default(100_000),
});

/**
 * Search limits (output of {@link optimizerLimitsSchema}).
 *
 * @category Schemas
 */
export type OptimizerLimits = z.output<typeof optimizerLimitsSchema>;

function checkTiers(tiers: readonly Tier[], type: "allUnits" | "incremental", path: (string | number)[], ctx: z.RefinementCtx): void {
  tiers.forEach((t, i) => {
    // all-units brackets may start above 1 (the vendor sells at least that many: fewer are bought up
    // to it, as with a minimum); graduated brackets price every seat from the first
    if (i === 0 && t.from !== 1 && type === "incremental") {
      ctx.addIssue({ code: "custom", path: [...path, 0, "from"], message: `expected the first graduated bracket to start at seat 1, got ${t.from} (seats 1–${t.from - 1} would have no price)` });
    }
    const prev = tiers[i - 1];
    if (prev !== undefined) {
      if (prev.to === undefined) ctx.addIssue({ code: "custom", path: [...path, i - 1, "to"], message: "expected an upper bound: only the last bracket may be open-ended" });
      else if (t.from <= prev.to) ctx.addIssue({ code: "custom", path: [...path, i, "from"], message: `brackets overlap: this one starts at ${t.from}, the previous ends at ${prev.to}` });
      else if (t.from > prev.to + 1) ctx.addIssue({ code: "custom", path: [...path, i, "from"], message: `brackets leave a gap: seats ${prev.to + 1}–${t.from - 1} have no price` });
    }
  });
}

function checkBands(bands: readonly EnrollmentBand[], path: (string | number)[], ctx: z.RefinementCtx): void {
  bands.forEach((b, i) => {
    if (b.maxEnrollment !== undefined && b.maxEnrollment < b.minEnrollment) ctx.addIssue({ code: "custom", path: [...path, i, "maxEnrollment"], message: "expected maxEnrollment ≥ minEnrollment" });
    const prev = bands[i - 1];
    if (prev !== undefined) {
      if (prev.maxEnrollment === undefined) ctx.addIssue({ code: "custom", path: [...path, i - 1, "maxEnrollment"], message: "expected a maximum: only the last band may be open-ended" });
      else if (b.minEnrollment !== prev.maxEnrollment + 1)
        ctx.addIssue({ code: "custom", path: [...path, i, "minEnrollment"], message: `bands must follow each other: expected ${prev.maxEnrollment + 1}, got ${b.minEnrollment}` });
    }
  });
}

function checkSchedule(schedule: PriceSchedule, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (schedule.type === "allUnits" || schedule.type === "incremental") checkTiers(schedule.tiers, schedule.type, [...path, "tiers"], ctx);
}

/**
 * Checks a price schedule's brackets (overlaps, gaps, open-ended brackets before the last) — the
 * same checks the plan input runs — and returns every problem found.
 *
 * @param schedule - a parsed price schedule
 * @returns the problems, each with its path (empty when the schedule is sound)
 * @throws DistrictKitError when the value is not a price schedule at all
 * @example
 * ```ts
 * const s = priceScheduleSchema.parse({ type: "allUnits", tiers: [{ from: 1, to: 5, unitPrice: 15 }, { from: 5, unitPrice: 14 }] });
 * scheduleIssues(s)[0]?.message; // => "brackets overlap: this one starts at 5, the previous ends at 5"
 * ```
 * @category Pricing
 */
export function scheduleIssues(schedule: PriceSchedule): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const ctx = { addIssue: (i: { path?: (string | number)[]; message?: string }) => out.push({ path: i.path ?? [], message: i.message ?? "" }) } as unknown as z.RefinementCtx;
  checkSchedule(parseInput(priceScheduleSchema, schedule, ["schedule"]), [], ctx);
  return out;
}

/**
 * The zod schema of the optimizer's input: the horizon, schools, products, pricing options,
 * demand, and optionally concurrency, staffing (for per-FTE prices), current contracts, a discount
 * rate and search limits. Cross-references are checked: unknown products or schools, duplicate
 * ids, bundles naming unknown products, overlapping or gapped tiers, demand outside the horizon.
 *
 * @example
 * ```ts
 * const input = licensePlanInputSchema.parse({
 *   firstYear: 2027, years: 1,
 *   schools: [{ id: "a", name: "A", enrollment: 100 }],
 *   products: [{ id: "p", name: "P" }],
 *   options: [{ kind: "seat", id: "s", productId: "p", schedule: { type: "unit", unitPrice: 5 } }],
 *   demand: [{ productId: "p", schoolId: "a", role: "student", fiscalYear: 2027, seats: 80 }],
 * });
 * input.options[0]?.termYears; // => 1
 * licensePlanInputSchema.safeParse({ ...input, options: [{ kind: "bundle", id: "b", productIds: ["p", "nope"], pricing: { type: "flat", price: 1 } }] }).success; // => false
 * ```
 * @category Schemas
 */
export const licensePlanInputSchema = z
  .object({
    firstYear: fiscalYearSchema,
    years: z.number().int().min(1).max(10),
    schools: z.array(licenseSchoolSchema).min(1),
    products: z.array(productSchema).min(1),
    options: z.array(pricingOptionSchema),
    demand: z.array(demandCellSchema),
    concurrency: z.array(concurrencyDemandSchema).default([]),
    staffing: staffingSchema.optional(),
    currentContracts: z.array(currentContractSchema).default([]),
    /** Yearly discount rate for a present-value objective (none: plain total). */
    discountRate: rateSchema.optional(),
    /** Whether the cost of multi-year terms running past the horizon counts (default `include`). */
    beyondHorizon: z.enum(["include", "exclude"]).default("include"),
    limits: optimizerLimitsSchema.default({ maxNodes: 200_000, maxCombinations: 100_000 }),
  })
  .superRefine((input, ctx) => {
    const productIds = new Set<string>();
    input.products.forEach((p, i) => {
      if (productIds.has(p.id)) ctx.addIssue({ code: "custom", path: ["products", i, "id"], message: `duplicate product id "${p.id}"` });
      productIds.add(p.id);
    });
    const schoolIds = new Set<string>();
    input.schools.forEach((s, i) => {
      if (schoolIds.has(s.id)) ctx.addIssue({ code: "custom", path: ["schools", i, "id"], message: `duplicate school id "${s.id}"` });
      schoolIds.add(s.id);
    });
    const optionIds = new Set<string>();
    const last = input.firstYear + input.years - 1;
    input.options.forEach((o, i) => {
      if (optionIds.has(o.id)) ctx.addIssue({ code: "custom", path: ["options", i, "id"], message: `duplicate option id "${o.id}"` });
      optionIds.add(o.id);
      if (o.kind === "bundle") {
        o.productIds.forEach((p, j) => {
          if (!productIds.has(p)) ctx.addIssue({ code: "custom", path: ["options", i, "productIds", j], message: `the bundle names an unknown product "${p}"` });
        });
        if (new Set(o.productIds).size !== o.productIds.length) ctx.addIssue({ code: "custom", path: ["options", i, "productIds"], message: "the bundle names a product twice" });
      } else if (!productIds.has(o.productId)) {
        ctx.addIssue({ code: "custom", path: ["options", i, "productId"], message: `unknown product "${o.productId}"` });
      }
      if (o.billedMonths !== undefined && o.priceBasis === "term") {
        ctx.addIssue({ code: "custom", path: ["options", i, "billedMonths"], message: 'monthly prices (billedMonths) and term totals (priceBasis: "term") exclude each other' });
      }
      if (o.kind === "seat" && o.entitlement !== undefined && o.entitlement.role === o.role) {
        ctx.addIssue({ code: "custom", path: ["options", i, "entitlement", "role"], message: `an entitlement gives free seats of another role than the paid ones ("${o.role}")` });
      }
      if (o.kind === "seat" || o.kind === "concurrent") {
        checkSchedule(o.schedule, ["options", i, "schedule"], ctx);
        if (o.minimumSeats !== undefined && o.maximumSeats !== undefined && o.minimumSeats > o.maximumSeats) {
          ctx.addIssue({ code: "custom", path: ["options", i, "maximumSeats"], message: `expected maximumSeats ≥ minimumSeats (${o.minimumSeats})` });
        }
      }
      if (o.kind === "site") {
        if (o.bands) checkBands(o.bands, ["options", i, "bands"], ctx);
        o.schools?.forEach((s, j) => {
          if (!schoolIds.has(s)) ctx.addIssue({ code: "custom", path: ["options", i, "schools", j], message: `unknown school "${s}"` });
        });
      }
      if ((o.kind === "district" || o.kind === "bundle") && o.pricing.type === "banded") checkBands(o.pricing.bands, ["options", i, "pricing", "bands"], ctx);
      if ((o.kind === "district" || o.kind === "bundle") && o.pricing.type === "perFte" && input.staffing === undefined) {
        ctx.addIssue({ code: "custom", path: ["options", i, "pricing"], message: "per-FTE pricing needs the district's staffing (input.staffing)" });
      }
      if (o.availableFrom !== undefined && o.availableUntil !== undefined && o.availableUntil < o.availableFrom) {
        ctx.addIssue({ code: "custom", path: ["options", i, "availableUntil"], message: "expected availableUntil ≥ availableFrom" });
      }
    });
    const seen = new Set<string>();
    input.demand.forEach((d, i) => {
      if (!productIds.has(d.productId)) ctx.addIssue({ code: "custom", path: ["demand", i, "productId"], message: `unknown product "${d.productId}"` });
      if (!schoolIds.has(d.schoolId)) ctx.addIssue({ code: "custom", path: ["demand", i, "schoolId"], message: `unknown school "${d.schoolId}"` });
      if (d.fiscalYear < input.firstYear || d.fiscalYear > last) {
        ctx.addIssue({ code: "custom", path: ["demand", i, "fiscalYear"], message: `expected a year of the plan (${input.firstYear}–${last}), got ${d.fiscalYear}` });
      }
      const key = `${d.productId}|${d.schoolId}|${d.role}|${d.fiscalYear}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["demand", i], message: `demand for ${d.productId} at ${d.schoolId} (${d.role}, FY${d.fiscalYear}) is given twice` });
      seen.add(key);
    });
    input.concurrency.forEach((c, i) => {
      if (!productIds.has(c.productId)) ctx.addIssue({ code: "custom", path: ["concurrency", i, "productId"], message: `unknown product "${c.productId}"` });
    });
    input.currentContracts.forEach((c, i) => {
      if (!productIds.has(c.productId)) ctx.addIssue({ code: "custom", path: ["currentContracts", i, "productId"], message: `unknown product "${c.productId}"` });
      if (c.optionId !== undefined && !optionIds.has(c.optionId)) ctx.addIssue({ code: "custom", path: ["currentContracts", i, "optionId"], message: `unknown option "${c.optionId}"` });
    });
  });

/**
 * What {@link licensePlanInputSchema} accepts (amounts as decimal strings or numbers).
 *
 * @category Schemas
 */
export type LicensePlanInputData = z.input<typeof licensePlanInputSchema>;

/**
 * A validated optimizer input (output of {@link licensePlanInputSchema}).
 *
 * @category Schemas
 */
export type LicensePlanInput = z.output<typeof licensePlanInputSchema>;
