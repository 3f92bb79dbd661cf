import { fiscalYearSchema, isoDateSchema, parseInput, rateSchema } from "@districtkit/core";
import { z } from "zod";
import { demandFromRosters, demandFromUsage, usageRecordSchema } from "./demand.js";
import { currentContractSchema, type DemandCell, type LicensePlanInputData, licenseSchoolSchema, pricingOptionSchema, productSchema, roleSchema, staffingSchema } from "./schema.js";

/**
 * The zod schema of a district's licence file (the sample district's `licenses.json`): schools,
 * staffing, products, pricing options, current contracts, and the demand inputs — rosters
 * (enrollment by grade, staff) with an adoption rate per product, seats given per school (devices,
 * for example), and which products size their demand from usage instead.
 *
 * @example
 * ```ts
 * districtLicenseDataSchema.shape.usageDemand.parse(undefined); // => []
 * ```
 * @category Schemas
 */
export const districtLicenseDataSchema = z.object({
  district: z.string().default(""),
  /** The planning date (renewal calendar as-of date). */
  planningDate: isoDateSchema.optional(),
  /** The date the usage export was taken. */
  usageAsOf: isoDateSchema.optional(),
  firstYear: fiscalYearSchema,
  years: z.number().int().min(1).max(10),
  schools: z.array(licenseSchoolSchema).min(1),
  staffing: staffingSchema.optional(),
  products: z.array(productSchema).min(1),
  options: z.array(pricingOptionSchema),
  currentContracts: z.array(currentContractSchema).default([]),
  enrollment: z.array(z.object({ schoolId: z.string().min(1), grade: z.number().int().min(-1).max(12), students: z.number().int().min(0) })).default([]),
  staff: z.array(z.object({ schoolId: z.string().min(1), role: z.enum(["teacher", "staff"]), count: z.number().int().min(0) })).default([]),
  adoption: z
    .array(
      z.object({
        productId: z.string().min(1),
        grades: z.object({ low: z.number().int().min(-1).max(12), high: z.number().int().min(-1).max(12) }).optional(),
        students: z.number().min(0).max(1).default(0),
        teachers: z.number().min(0).max(1).default(0),
        staff: z.number().min(0).max(1).default(0),
      }),
    )
    .default([]),
  /** Seats given per school and role, the same every plan year (devices for a web filter…). */
  givenDemand: z.array(z.object({ productId: z.string().min(1), schoolId: z.string().min(1), role: roleSchema, seats: z.number().int().min(0) })).default([]),
  /** Products whose demand comes from usage (users active within N days, plus a buffer). */
  usageDemand: z.array(z.object({ productId: z.string().min(1), activeWithinDays: z.number().int().min(1).default(60), buffer: rateSchema.optional() })).default([]),
});

/**
 * A district licence file (output of {@link districtLicenseDataSchema}).
 *
 * @category Schemas
 */
export type DistrictLicenseData = z.output<typeof districtLicenseDataSchema>;

/**
 * Builds the optimizer's input from a district licence file: demand from rosters × adoption, seats
 * given per school, and — for the products listed in `usageDemand`, when usage records are
 * passed — users active within the window (plus the buffer) instead of the roster. Roster and
 * given demand repeat in every plan year; usage demand too (last year's usage for each year).
 *
 * @param data - the district licence file (see {@link districtLicenseDataSchema})
 * @param usage - usage records (see {@link usageRecordSchema}); optional
 * @returns plain input for {@link optimizeLicenses}
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const input = buildLicensePlanInput({
 *   firstYear: 2027, years: 1,
 *   schools: [{ id: "a", name: "A", enrollment: 30 }],
 *   products: [{ id: "p", name: "P" }],
 *   options: [{ kind: "seat", id: "s", productId: "p", schedule: { type: "unit", unitPrice: 5 } }],
 *   enrollment: [{ schoolId: "a", grade: 3, students: 30 }],
 *   adoption: [{ productId: "p", students: 0.5 }],
 * });
 * input.demand.map((d) => d.seats); // => [15]
 * ```
 * @category Demand
 */
export function buildLicensePlanInput(data: unknown, usage: unknown = []): LicensePlanInputData {
  const d = parseInput(districtLicenseDataSchema, data);
  const users = parseInput(z.array(usageRecordSchema), usage, ["usage"]);
  const years = Array.from({ length: d.years }, (_, t) => d.firstYear + t);
  const fromUsage = new Set(users.length > 0 ? d.usageDemand.map((u) => u.productId) : []);
  const usersOf = new Map<string, typeof users>();
  for (const x of users) {
    const list = usersOf.get(x.productId);
    if (list) list.push(x);
    else usersOf.set(x.productId, [x]);
  }
  const demand: DemandCell[] = [];
  for (const a of d.adoption) {
    if (fromUsage.has(a.productId)) continue;
    demand.push(
      ...demandFromRosters({
        productId: a.productId,
        fiscalYears: years,
        enrollment: d.enrollment,
        staff: d.staff,
        adoption: { ...(a.grades ? { grades: a.grades } : {}), students: a.students, teachers: a.teachers, staff: a.staff },
      }),
    );
  }
  for (const u of d.usageDemand) {
    if (!fromUsage.has(u.productId)) continue;
    const cells = demandFromUsage({
      fiscalYear: years[0]!,
      asOf: d.usageAsOf ?? d.planningDate ?? `${d.firstYear - 1}-06-30`,
      activeWithinDays: u.activeWithinDays,
      ...(u.buffer ? { buffer: u.buffer } : {}),
      users: usersOf.get(u.productId) ?? [],
    });
    for (const y of years) for (const c of cells) demand.push({ ...c, fiscalYear: y });
  }
  for (const g of d.givenDemand) for (const y of years) demand.push({ ...g, fiscalYear: y, source: "given" });
  // merge duplicate cells (a roster and a given entry for the same cell add up)
  const merged = new Map<string, DemandCell>();
  for (const c of demand) {
    const k = `${c.productId}|${c.schoolId}|${c.role}|${c.fiscalYear}`;
    const prev = merged.get(k);
    merged.set(k, prev ? { ...prev, seats: prev.seats + c.seats } : c);
  }
  const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  return {
    firstYear: d.firstYear,
    years: d.years,
    schools: json(d.schools),
    products: json(d.products),
    options: json(d.options),
    demand: [...merged.values()],
    ...(d.staffing ? { staffing: d.staffing } : {}),
    currentContracts: json(d.currentContracts),
  };
}
