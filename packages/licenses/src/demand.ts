import { daysBetween, fiscalYearSchema, isoDateSchema, parseInput, probabilitySchema, rateSchema } from "@districtkit/core";
import { z } from "zod";
import { type DemandCell, roleSchema } from "./schema.js";

const idSchema = z.string().min(1);
const countSchema = z.number().int().min(0);

/**
 * The zod schema of {@link demandFromRosters}' input: enrollment by school and grade (kindergarten
 * is grade 0, pre-K −1), staff by school and role, and an adoption rate for each role (students
 * only in `grades` when given).
 *
 * @example
 * ```ts
 * rosterDemandInputSchema.parse({ productId: "math", fiscalYears: [2027], enrollment: [], adoption: { students: 1 } }).staff; // => []
 * ```
 * @category Demand
 */
export const rosterDemandInputSchema = z.object({
  productId: idSchema,
  fiscalYears: z.array(fiscalYearSchema).min(1),
  enrollment: z.array(z.object({ schoolId: idSchema, grade: z.number().int().min(-1).max(12), students: countSchema })),
  staff: z.array(z.object({ schoolId: idSchema, role: z.enum(["teacher", "staff"]), count: countSchema })).default([]),
  adoption: z.object({
    grades: z.object({ low: z.number().int().min(-1).max(12), high: z.number().int().min(-1).max(12) }).optional(),
    students: probabilitySchema.default(0),
    teachers: probabilitySchema.default(0),
    staff: probabilitySchema.default(0),
  }),
});

/**
 * Seats needed from rosters: for each school, `⌈students in the grades × student adoption⌉`,
 * `⌈teachers × teacher adoption⌉` and `⌈staff × staff adoption⌉`, the same for every fiscal year
 * given. Cells with zero seats are left out.
 *
 * @param input - see {@link rosterDemandInputSchema}
 * @returns demand cells with `source: "roster"`
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const cells = demandFromRosters({
 *   productId: "math", fiscalYears: [2027],
 *   enrollment: [{ schoolId: "mve", grade: 0, students: 60 }, { schoolId: "mve", grade: 5, students: 70 }, { schoolId: "mvh", grade: 9, students: 75 }],
 *   adoption: { grades: { low: 0, high: 8 }, students: 1 },
 * });
 * cells.map((c) => [c.schoolId, c.role, c.seats]); // => [["mve", "student", 130]]
 * ```
 * @category Demand
 */
export function demandFromRosters(input: unknown): DemandCell[] {
  const r = parseInput(rosterDemandInputSchema, input);
  const out: DemandCell[] = [];
  const g = r.adoption.grades;
  // one pass over the rows: students in the grades, teachers and staff per school (in order of first appearance)
  const totals = new Map<string, { students: number; teacher: number; staff: number }>();
  const at = (schoolId: string) => totals.get(schoolId) ?? totals.set(schoolId, { students: 0, teacher: 0, staff: 0 }).get(schoolId)!;
  for (const e of r.enrollment) {
    const t = at(e.schoolId);
    if (!g || (e.grade >= g.low && e.grade <= g.high)) t.students += e.students;
  }
  for (const s of r.staff) at(s.schoolId)[s.role] += s.count;
  for (const fiscalYear of r.fiscalYears) {
    for (const [schoolId, t] of totals) {
      const counts: [DemandCell["role"], number][] = [
        ["student", Math.ceil(t.students * r.adoption.students - 1e-9)],
        ["teacher", Math.ceil(t.teacher * r.adoption.teachers - 1e-9)],
        ["staff", Math.ceil(t.staff * r.adoption.staff - 1e-9)],
      ];
      for (const [role, seats] of counts) if (seats > 0) out.push({ productId: r.productId, schoolId, role, fiscalYear, seats, source: "roster" });
    }
  }
  return out;
}

/**
 * The zod schema of a usage record: a user's last activity in a product (null: never active),
 * and the source that observed it (K-12 usage data is partial; every "active" figure names it).
 *
 * @example
 * ```ts
 * usageRecordSchema.parse({ userId: "u1", productId: "read", schoolId: "mve", role: "student", lastActive: null }).source; // => "unknown"
 * ```
 * @category Demand
 */
export const usageRecordSchema = z.object({
  userId: idSchema,
  productId: idSchema,
  schoolId: idSchema,
  role: roleSchema,
  lastActive: isoDateSchema.nullable(),
  source: z.string().default("unknown"),
});

/**
 * A usage record (output of {@link usageRecordSchema}).
 *
 * @category Demand
 */
export type UsageRecord = z.output<typeof usageRecordSchema>;

/**
 * The zod schema of {@link demandFromUsage}'s input.
 *
 * @example
 * ```ts
 * usageDemandInputSchema.parse({ fiscalYear: 2027, asOf: "2026-06-15", users: [] }).activeWithinDays; // => 90
 * ```
 * @category Demand
 */
export const usageDemandInputSchema = z.object({
  fiscalYear: fiscalYearSchema,
  asOf: isoDateSchema,
  activeWithinDays: z.number().int().min(1).max(3650).default(90),
  /** Extra seats on top of the active users (Productiv's renewal buffer; 0.1 = 10 %). */
  buffer: rateSchema.optional(),
  users: z.array(usageRecordSchema),
});

/**
 * Seats needed from usage: users active within `activeWithinDays` of `asOf`, per product, school
 * and role, grown by an optional buffer and rounded up.
 *
 * @param input - see {@link usageDemandInputSchema}
 * @returns demand cells with `source: "usage"`
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * demandFromUsage({
 *   fiscalYear: 2027, asOf: "2026-06-15", activeWithinDays: 60,
 *   users: [
 *     { userId: "a", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-06-01" },
 *     { userId: "b", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-01-10" },
 *     { userId: "c", productId: "read", schoolId: "mve", role: "student", lastActive: null },
 *   ],
 * }).map((c) => c.seats); // => [1]
 * ```
 * @category Demand
 */
export function demandFromUsage(input: unknown): DemandCell[] {
  const r = parseInput(usageDemandInputSchema, input);
  const counts = new Map<string, number>();
  for (const u of r.users) {
    if (u.lastActive === null) continue;
    const days = daysBetween(r.asOf, u.lastActive);
    if (days < 0 || days > r.activeWithinDays) continue;
    const k = `${u.productId}\u0000${u.schoolId}\u0000${u.role}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const factor = 1 + (r.buffer?.toNumber() ?? 0);
  return [...counts.entries()]
    .map(([k, n]) => {
      const [productId, schoolId, role] = k.split("\u0000") as [string, string, DemandCell["role"]];
      return { productId, schoolId, role, fiscalYear: r.fiscalYear, seats: Math.ceil(n * factor - 1e-9), source: "usage" as const };
    })
    .sort((a, b) => a.productId.localeCompare(b.productId) || a.schoolId.localeCompare(b.schoolId) || a.role.localeCompare(b.role));
}
