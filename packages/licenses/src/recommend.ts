import { daysBetween, isoDateSchema, keyedRecordSchema, Money, moneySchema, nonNegativeMoneySchema, parseInput, probabilitySchema } from "@districtkit/core";
import { z } from "zod";
import { usageRecordSchema } from "./demand.js";
import { productSchema } from "./schema.js";

/**
 * The zod schema of {@link reclaimableSeats}' input: usage records (one per assigned seat), the
 * as-of date, the inactivity window in days (per product where given) and optional seat prices.
 *
 * @example
 * ```ts
 * reclaimInputSchema.parse({ asOf: "2026-07-01", users: [] }).inactiveDays; // => 60
 * ```
 * @category Recommendations
 */
export const reclaimInputSchema = z.object({
  asOf: isoDateSchema,
  inactiveDays: z.number().int().min(1).max(3650).default(60),
  inactiveDaysByProduct: keyedRecordSchema(z.number().int().min(1).max(3650)).prefault({}), // product ids are data (a product called constructor)
  users: z.array(usageRecordSchema),
  seatPrices: keyedRecordSchema(nonNegativeMoneySchema).prefault({}),
});

/**
 * Reclaimable seats of one product.
 *
 * @category Recommendations
 */
export interface ReclaimResult {
  readonly productId: string;
  readonly assigned: number;
  readonly active: number;
  /** Users inactive longer than the window (active once). */
  readonly inactive: readonly { readonly userId: string; readonly schoolId: string; readonly lastActive: string; readonly daysInactive: number }[];
  /** Users never active. */
  readonly neverActive: readonly { readonly userId: string; readonly schoolId: string }[];
  readonly reclaimable: number;
  readonly utilization: number;
  /** Reclaimable seats × seat price (null without a price). */
  readonly annualSaving: Money | null;
  readonly inactiveDays: number;
  /** The usage sources the figures come from. */
  readonly sources: readonly string[];
  readonly sentence: string;
}

/**
 * Finds seats to reclaim: per product, users inactive for more than the window (default 60 days;
 * per product where given) and users never active, with the saving at the seat price. Every
 * figure names the usage sources it comes from (K-12 usage data is partial).
 *
 * @param input - see {@link reclaimInputSchema}
 * @returns one result per product, in product order of first appearance
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const [read] = reclaimableSeats({
 *   asOf: "2026-06-15", inactiveDays: 60, seatPrices: { read: "12" },
 *   users: [
 *     { userId: "a", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-06-01", source: "sso" },
 *     { userId: "b", productId: "read", schoolId: "mve", role: "student", lastActive: "2026-01-10", source: "sso" },
 *     { userId: "c", productId: "read", schoolId: "mve", role: "student", lastActive: null, source: "sso" },
 *   ],
 * });
 * [read?.reclaimable, read?.annualSaving?.toString()]; // => [2, "24"]
 * ```
 * @category Recommendations
 */
export function reclaimableSeats(input: unknown): ReclaimResult[] {
  const r = parseInput(reclaimInputSchema, input);
  const byProduct = new Map<string, typeof r.users>();
  for (const u of r.users) {
    const list = byProduct.get(u.productId);
    if (list) list.push(u);
    else byProduct.set(u.productId, [u]);
  }
  return [...byProduct.entries()].map(([productId, users]) => {
    const window = r.inactiveDaysByProduct[productId] ?? r.inactiveDays;
    const inactive: ReclaimResult["inactive"][number][] = [];
    const neverActive: ReclaimResult["neverActive"][number][] = [];
    for (const u of users) {
      if (u.lastActive === null) neverActive.push({ userId: u.userId, schoolId: u.schoolId });
      else {
        const days = daysBetween(r.asOf, u.lastActive);
        if (days > window) inactive.push({ userId: u.userId, schoolId: u.schoolId, lastActive: u.lastActive, daysInactive: days });
      }
    }
    const reclaimable = inactive.length + neverActive.length;
    const active = users.length - reclaimable;
    const price = r.seatPrices[productId];
    const annualSaving = price === undefined ? null : price.multiply(reclaimable);
    const sources = [...new Set(users.map((u) => u.source))].sort();
    return {
      productId,
      assigned: users.length,
      active,
      inactive,
      neverActive,
      reclaimable,
      utilization: users.length === 0 ? 0 : active / users.length,
      annualSaving,
      inactiveDays: window,
      sources,
      sentence:
        `${productId}: ${active} of ${users.length} assigned seats active in the last ${window} days (${sources.join(", ")}); ` +
        `${inactive.length} inactive and ${neverActive.length} never active can be reclaimed` +
        (annualSaving === null ? "." : `, saving ${annualSaving.format()} a year.`),
    };
  });
}

/** A count of users: a whole number up to 100,000,000 (far above any district; seats stay safe integers). */
const usersSchema = z.number().int().min(0).max(100_000_000);

/**
 * Right-sizes a renewal: `⌈engaged users × (1 + buffer)⌉`, rounded up to a multiple of `roundTo`
 * (Productiv's renewal buffer; default 10 %).
 *
 * @param engagedUsers - users engaged over the review period
 * @param buffer - headroom share (default 0.1)
 * @param roundTo - round up to a multiple of this (default 1)
 * @returns the seats to renew
 * @throws DistrictKitError for negative counts or a bad buffer
 * @example
 * ```ts
 * rightSizeSeats(604, 0.1); // => 665
 * rightSizeSeats(604, 0.1, 25); // => 675
 * ```
 * @category Recommendations
 */
export function rightSizeSeats(engagedUsers: number, buffer = 0.1, roundTo = 1): number {
  const n = parseInput(usersSchema, engagedUsers, ["engagedUsers"]);
  const b = parseInput(z.number().min(0).max(10), buffer, ["buffer"]);
  const k = parseInput(z.number().int().min(1).max(1_000_000), roundTo, ["roundTo"]);
  const raw = Math.ceil(n * (1 + b) - 1e-9);
  return Math.ceil(raw / k) * k;
}

/**
 * Seats needed so that a target share of them is active: `⌈active / target⌉`.
 *
 * @param activeUsers - active users
 * @param target - the target utilization in (0, 1] (e.g. 0.9)
 * @returns the seats
 * @throws DistrictKitError for a target below 0.01 or above 1, or more than 100,000,000 users
 * @example
 * ```ts
 * seatsForUtilization(604, 0.9); // => 672
 * ```
 * @category Recommendations
 */
export function seatsForUtilization(activeUsers: number, target: number): number {
  const n = parseInput(usersSchema, activeUsers, ["activeUsers"]);
  // a target below 1 % asks for 100 × the active users or more (and a tiny one for Infinity seats)
  const t = parseInput(
    probabilitySchema.refine((x) => x >= 0.01, { error: "expected a target of at least 0.01 (1 %)" }),
    target,
    ["target"],
  );
  return Math.ceil(n / t - 1e-9);
}

/**
 * The zod schema of {@link utilizationMetrics}' input.
 *
 * @example
 * ```ts
 * utilizationInputSchema.parse({ seats: 60, activeUsers: 28, cost: 3500 }).costPeriod; // => "year"
 * ```
 * @category Recommendations
 */
export const utilizationInputSchema = z.object({
  seats: z.number().int().min(0),
  activeUsers: z.number().int().min(0),
  cost: nonNegativeMoneySchema,
  /** The period `cost` is for (monthly invoices are annualized × 12). */
  costPeriod: z.enum(["month", "year"]).default("year"),
});

/**
 * Utilization metrics of a licence: utilization (active / owned), idle seats, price per seat, cost
 * per active user, idle cost a year (idle seats × seat price, annualized) and the EdTech Price
 * Index (cost of licences purchased / cost of licences used; 1.00 is ideal).
 *
 * @param input - see {@link utilizationInputSchema}
 * @returns the metrics (amounts per `costPeriod`, except `idleCostPerYear`; rounded to cents)
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * // LU-1 (saastruecost): 60 seats, $3,500 a month, 28 weekly active users
 * const m = utilizationMetrics({ seats: 60, activeUsers: 28, cost: 3500, costPeriod: "month" });
 * [m.pricePerSeat.toString(), m.costPerActiveUser.toString(), m.idleSeats, m.idleCostPerYear.toString()]; // => ["58.33", "125", 32, "22400"]
 * ```
 * @category Recommendations
 */
export function utilizationMetrics(input: unknown): {
  readonly utilization: number;
  readonly idleSeats: number;
  readonly pricePerSeat: Money;
  readonly costPerActiveUser: Money | null;
  readonly idleCostPerYear: Money;
  readonly edtechPriceIndex: number | null;
  readonly sentence: string;
} {
  const r = parseInput(utilizationInputSchema, input);
  const used = Math.min(r.activeUsers, r.seats);
  const idleSeats = r.seats - used;
  const perYear = r.costPeriod === "month" ? 12 : 1;
  const exactSeat = r.seats === 0 ? Money.ZERO : r.cost.divide(r.seats);
  const idleCostPerYear = exactSeat.multiply(idleSeats).multiply(perYear).roundToCents();
  const costPerActiveUser = r.activeUsers === 0 ? null : r.cost.divide(r.activeUsers).roundToCents();
  const utilization = r.seats === 0 ? 0 : used / r.seats;
  const edtechPriceIndex = used === 0 ? null : r.seats / used;
  return {
    utilization,
    idleSeats,
    pricePerSeat: exactSeat.roundToCents(),
    costPerActiveUser,
    idleCostPerYear,
    edtechPriceIndex,
    sentence:
      `${used} of ${r.seats} seats used (${(utilization * 100).toFixed(1)}%): ${idleSeats} idle seats cost ${idleCostPerYear.format()} a year` +
      (costPerActiveUser === null ? "." : `; ${costPerActiveUser.format()} per active user per ${r.costPeriod}.`),
  };
}

/**
 * The zod schema of {@link findOverlaps}' input: products (with categories) and what each costs
 * a year with its seats and active users.
 *
 * @example
 * ```ts
 * overlapInputSchema.parse({ products: [], spend: [] }).utilizationThreshold; // => 0.6
 * ```
 * @category Recommendations
 */
export const overlapInputSchema = z.object({
  products: z.array(productSchema),
  spend: z.array(z.object({ productId: z.string().min(1), annualCost: moneySchema, seats: z.number().int().min(0), activeUsers: z.number().int().min(0) })),
  /** Combined utilization below which an overlap is flagged (default 60 %). */
  utilizationThreshold: probabilitySchema.default(0.6),
});

/**
 * Overlapping products: two or more paid products in one category, with their combined cost,
 * seats and active users, flagged when the combined utilization is low.
 *
 * @param input - see {@link overlapInputSchema}
 * @returns one entry per category with ≥ 2 paid products, most expensive first
 * @throws DistrictKitError listing every invalid field
 * @example
 * ```ts
 * const [o] = findOverlaps({
 *   products: [{ id: "q1", name: "QuizA", category: "assessment" }, { id: "q2", name: "QuizB", category: "assessment" }],
 *   spend: [{ productId: "q1", annualCost: 4000, seats: 900, activeUsers: 300 }, { productId: "q2", annualCost: 2500, seats: 900, activeUsers: 200 }],
 * });
 * [o?.category, o?.combinedCost.toString(), o?.flagged]; // => ["assessment", "6500", true]
 * ```
 * @category Recommendations
 */
export function findOverlaps(input: unknown): {
  readonly category: string;
  readonly productIds: readonly string[];
  readonly combinedCost: Money;
  readonly combinedSeats: number;
  readonly combinedActiveUsers: number;
  readonly utilization: number;
  readonly flagged: boolean;
  readonly sentence: string;
}[] {
  const r = parseInput(overlapInputSchema, input);
  const byCategory = new Map<string, { id: string; name: string; cost: Money; seats: number; active: number }[]>();
  const productById = new Map<string, (typeof r.products)[number]>();
  for (const p of r.products) if (!productById.has(p.id)) productById.set(p.id, p); // the first of a repeated id, as a search would find
  for (const s of r.spend) {
    if (!s.annualCost.isPositive()) continue;
    const p = productById.get(s.productId);
    if (!p) continue;
    const entry = { id: p.id, name: p.name, cost: s.annualCost, seats: s.seats, active: s.activeUsers };
    const list = byCategory.get(p.category);
    if (list) list.push(entry);
    else byCategory.set(p.category, [entry]);
  }
  return [...byCategory.entries()]
    .filter(([, list]) => list.length >= 2)
    .map(([category, list]) => {
      const combinedCost = Money.sum(list.map((x) => x.cost));
      const combinedSeats = list.reduce((a, x) => a + x.seats, 0);
      const combinedActiveUsers = list.reduce((a, x) => a + x.active, 0);
      const utilization = combinedSeats === 0 ? 0 : combinedActiveUsers / combinedSeats;
      const flagged = utilization < r.utilizationThreshold;
      return {
        category,
        productIds: list.map((x) => x.id),
        combinedCost,
        combinedSeats,
        combinedActiveUsers,
        utilization,
        flagged,
        sentence:
          `${list.length} paid ${category} products (${list.map((x) => x.name).join(", ")}) cost ${combinedCost.format()} a year for ${combinedSeats} seats and ${combinedActiveUsers} active users` +
          ` (${(utilization * 100).toFixed(0)}% used)${flagged ? ": consolidate to one." : "."}`,
      };
    })
    .sort((a, b) => b.combinedCost.compare(a.combinedCost) || a.category.localeCompare(b.category));
}
