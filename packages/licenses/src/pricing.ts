import { DistrictKitError, escalate, Money, type MoneyInput, parseInput, Rate } from "@districtkit/core";
import { z } from "zod";
import { usd } from "./internal/format.js";
import { type DistrictPricing, districtPricingSchema, type PriceSchedule, type PricingOption, priceScheduleSchema, pricingOptionSchema, scheduleIssues, staffingSchema } from "./schema.js";
import { CITE_ADOBE_FTE_FORMULA, type FteFormula } from "./tables/fte.js";

const seatsSchema = z.number().int().min(0).max(100_000_000);
const yearIndexSchema = z.number().int().min(0).max(100);

function validSchedule(schedule: unknown): PriceSchedule {
  const s = parseInput(priceScheduleSchema, schedule, ["schedule"]);
  const issues = scheduleIssues(s);
  if (issues.length > 0)
    throw new DistrictKitError(
      "INVALID_INPUT",
      issues.map((i) => ({ path: ["schedule", ...i.path], code: "custom", message: i.message })),
    );
  return s;
}

/**
 * A price after `yearIndex` years of a yearly escalator. `chained` (the default, as contracts are
 * usually written): each year grows from last year's price rounded to the cent; `direct`:
 * `price × (1 + e)^t`, rounded once. The two can differ by a cent after a few years.
 *
 * @param price - the price in year 0
 * @param escalator - the yearly uplift (a fraction, e.g. 0.03), or undefined for none
 * @param yearIndex - years after year 0 (0 returns the price unchanged)
 * @param rounding - `chained` or `direct`
 * @returns the price in that year (whole cents from year 1 on)
 * @throws DistrictKitError for a bad price, rate or year
 * @example
 * ```ts
 * escalatedPrice("10000", 0.03, 2).toString(); // => "10609"
 * escalatedPrice("99.99", 0.035, 5, "direct").toString(); // => "118.76"
 * ```
 * @category Pricing
 */
export function escalatedPrice(price: MoneyInput, escalator: Rate | number | string | undefined, yearIndex: number, rounding: "chained" | "direct" = "chained"): Money {
  const t = parseInput(yearIndexSchema, yearIndex, ["yearIndex"]);
  const p = Money.of(price);
  if (t === 0 || escalator === undefined) return p;
  if (rounding !== "chained" && rounding !== "direct")
    throw DistrictKitError.argument(["rounding"], `expected "chained" or "direct", got ${typeof rounding === "string" ? JSON.stringify(rounding) : typeof rounding}`);
  const series = escalate(p, Rate.of(escalator), t, { rounding: rounding === "chained" ? "each-year" : "at-end" });
  return series[t - 1]!;
}

/**
 * The prices of years 0 … `years − 1` under a yearly escalator (year 0 is the price itself).
 *
 * @param price - the price in year 0
 * @param escalator - the yearly uplift
 * @param years - how many years
 * @param rounding - `chained` (default) or `direct`
 * @returns one price per year
 * @example
 * ```ts
 * escalationSeries("10000", 0.03, 3).map(String); // => ["10000", "10300", "10609"]
 * ```
 * @category Pricing
 */
export function escalationSeries(price: MoneyInput, escalator: Rate | number | string | undefined, years: number, rounding: "chained" | "direct" = "chained"): Money[] {
  const n = parseInput(z.number().int().min(1).max(100), years, ["years"]);
  return Array.from({ length: n }, (_, t) => escalatedPrice(price, escalator, t, rounding));
}

function tierCost(schedule: Extract<PriceSchedule, { type: "allUnits" | "incremental" }>, seats: number): Money | null {
  const tiers = schedule.tiers;
  if (schedule.type === "allUnits") {
    // brackets are contiguous from seat 1 (checked by the schema): the last one starting at or
    // below `seats` is the only one that can hold it (binary search: a schedule may be long)
    let lo = 0;
    let hi = tiers.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tiers[mid]!.from <= seats) lo = mid;
      else hi = mid - 1;
    }
    const t = tiers[lo];
    return t === undefined || seats < t.from || (t.to !== undefined && seats > t.to) ? null : t.unitPrice.multiply(seats);
  }
  const last = tiers[tiers.length - 1]!;
  if (last.to !== undefined && seats > last.to) return null;
  let cost = Money.ZERO;
  for (const t of tiers) {
    if (seats < t.from) break;
    const upper = t.to === undefined ? seats : Math.min(seats, t.to);
    cost = cost.add(t.unitPrice.multiply(upper - t.from + 1));
  }
  return cost;
}

/**
 * The exact cost of buying `seats` seats under a price schedule (no minimum, no fee): unit price
 * × seats; the bracket reached × every seat (all-units); each bracket's seats at its price
 * (incremental); whole packs (`⌈seats / packSize⌉` packs).
 *
 * @param schedule - a price schedule (see {@link priceScheduleSchema})
 * @param seats - a whole number of seats ≥ 0
 * @returns the cost
 * @throws DistrictKitError (`INVALID_INPUT`) for a bad schedule (overlapping or gapped brackets),
 *   (`INFEASIBLE`) when the schedule does not sell that many seats
 * @example
 * ```ts
 * // LP-1 (treblis): incremental, 1st unit $80, 2–5 $24, 6–10 $12, 11–25 $6, 26+ $3
 * const lp1 = { type: "incremental", tiers: [
 *   { from: 1, to: 1, unitPrice: 80 }, { from: 2, to: 5, unitPrice: 24 }, { from: 6, to: 10, unitPrice: 12 },
 *   { from: 11, to: 25, unitPrice: 6 }, { from: 26, unitPrice: 3 } ] };
 * scheduleCost(lp1, 30).toString(); // => "341"
 * scheduleCost({ type: "packs", packSize: 13, packPrice: 250 }, 14).toString(); // => "500"
 * ```
 * @category Pricing
 */
export function scheduleCost(schedule: unknown, seats: number): Money {
  const s = validSchedule(schedule);
  const n = parseInput(seatsSchema, seats, ["seats"]);
  if (n === 0) return Money.ZERO;
  switch (s.type) {
    case "unit":
      return s.unitPrice.multiply(n);
    case "packs":
      return s.packPrice.multiply(Math.ceil(n / s.packSize));
    default: {
      const c = tierCost(s, n);
      if (c === null) {
        const first = s.tiers[0]!.from;
        const message = n < first ? `the schedule sells at least ${first} seats, asked for ${n}` : `the schedule sells at most ${s.tiers[s.tiers.length - 1]!.to} seats, asked for ${n}`;
        throw new DistrictKitError("INFEASIBLE", [{ path: ["seats"], code: "beyond_schedule", message }]);
      }
      return c;
    }
  }
}

function yearSchedule(s: PriceSchedule, e: Rate | undefined, t: number, rounding: "chained" | "direct", months: number): PriceSchedule {
  const up = (m: Money): Money => escalatedPrice(m.multiply(months), e, t, rounding);
  switch (s.type) {
    case "unit":
      return { type: "unit", unitPrice: up(s.unitPrice) };
    case "packs":
      return { type: "packs", packSize: s.packSize, packPrice: up(s.packPrice) };
    default:
      return { type: s.type, tiers: s.tiers.map((x) => ({ ...x, unitPrice: up(x.unitPrice) })) } as PriceSchedule;
  }
}

function seatOption(option: unknown): Extract<PricingOption, { kind: "seat" | "concurrent" }> {
  const o = parseInput(pricingOptionSchema, option, ["option"]);
  if (o.kind !== "seat" && o.kind !== "concurrent") throw DistrictKitError.argument(["option", "kind"], `expected a seat or concurrent option, got "${o.kind}"`);
  const issues = scheduleIssues(o.schedule);
  if (issues.length > 0)
    throw new DistrictKitError(
      "INVALID_INPUT",
      issues.map((i) => ({ path: ["option", "schedule", ...i.path], code: "custom", message: i.message })),
    );
  return o;
}

/**
 * The cost of buying exactly `seats` under a seat (or concurrent) option in a year of the plan:
 * the escalated schedule, the minimum commitment (at least `minimumSeats` are paid once any are
 * bought; an all-units schedule whose first bracket starts above 1 sells at least that many) and
 * the yearly fee. Monthly prices (`billedMonths`) are multiplied by the months billed; a
 * term-priced option (`priceBasis: "term"`) returns the total for the whole term (its escalator
 * only splits that total over the years). Buying zero seats costs nothing.
 *
 * @param option - a `seat` or `concurrent` pricing option
 * @param seats - seats needed
 * @param yearIndex - years after the plan's first year (for the escalator; default 0)
 * @returns the cost, or `null` when the option cannot supply that many seats
 * @throws DistrictKitError for a malformed option
 * @example
 * ```ts
 * const math = { kind: "seat", id: "m", productId: "math", role: "student", minimumSeats: 200,
 *   schedule: { type: "unit", unitPrice: "9.50" } };
 * optionSeatCost(math, 150)?.toString(); // => "1900"
 * optionSeatCost(math, 250)?.toString(); // => "2375"
 * ```
 * @category Pricing
 */
export function optionSeatCost(option: unknown, seats: number, yearIndex = 0): Money | null {
  const o = seatOption(option);
  const n = parseInput(seatsSchema, seats, ["seats"]);
  const t = parseInput(yearIndexSchema, yearIndex, ["yearIndex"]);
  if (n === 0) return Money.ZERO;
  const q = Math.max(n, o.minimumSeats ?? 0);
  if (o.maximumSeats !== undefined && q > o.maximumSeats) return null;
  const months = o.billedMonths ?? 1;
  // a term total is not escalated (the escalator splits it over the years)
  const escalator = o.priceBasis === "term" ? undefined : o.escalator;
  const s = yearSchedule(o.schedule, escalator, t, o.escalatorRounding, months);
  let base: Money | null;
  if (s.type === "unit") base = s.unitPrice.multiply(q);
  else if (s.type === "packs") base = s.packPrice.multiply(Math.ceil(q / s.packSize));
  else base = tierCost(s, q);
  if (base === null) return null;
  const fee = o.fixedFee === undefined ? Money.ZERO : escalatedPrice(o.fixedFee.multiply(months), escalator, t, o.escalatorRounding);
  return base.add(fee);
}

/**
 * The cheapest way to cover `seats` seats under one seat option when buying more is allowed:
 * with all-units tiers, buying up to the next bracket can cost less (a price cliff).
 *
 * @param option - a `seat` or `concurrent` pricing option
 * @param seats - seats needed
 * @param yearIndex - years after the plan's first year
 * @returns the seats to buy, their cost and whether that is more than needed; `null` when the
 *   option cannot cover that many
 * @throws DistrictKitError for a malformed option
 * @example
 * ```ts
 * // LP-2 (e-drc): all-units per provider per month: 1–5 $15, 6–15 $14, 16–25 $13, 26–39 $12
 * const lp2 = { kind: "seat", id: "t", productId: "p", schedule: { type: "allUnits", tiers: [
 *   { from: 1, to: 5, unitPrice: 15 }, { from: 6, to: 15, unitPrice: 14 },
 *   { from: 16, to: 25, unitPrice: 13 }, { from: 26, to: 39, unitPrice: 12 } ] } };
 * const c = cheapestCover(lp2, 25);
 * [c?.seats, c?.cost.toString(), c?.boughtMore]; // => [26, "312", true]
 * ```
 * @category Pricing
 */
export function cheapestCover(option: unknown, seats: number, yearIndex = 0): { seats: number; cost: Money; boughtMore: boolean } | null {
  const o = seatOption(option);
  const n = parseInput(seatsSchema, seats, ["seats"]);
  let best: { seats: number; cost: Money } | null = null;
  const candidates = new Set<number>([n]);
  if (o.schedule.type === "allUnits") for (const t of o.schedule.tiers) if (t.from > n) candidates.add(t.from);
  for (const q of [...candidates].sort((a, b) => a - b)) {
    const c = optionSeatCost(o, q, yearIndex);
    if (c !== null && (best === null || c.lessThan(best.cost))) best = { seats: q, cost: c };
  }
  if (best === null) return null;
  const paid = n === 0 ? 0 : Math.max(best.seats, o.minimumSeats ?? 0);
  const packs = o.schedule.type === "packs" && paid > 0 ? Math.ceil(paid / o.schedule.packSize) * o.schedule.packSize : paid;
  return { seats: packs, cost: best.cost, boughtMore: packs > n };
}

/**
 * One price cliff of an all-units schedule: buying `boundary` seats costs less than buying any
 * number from `buyUpFrom` to `boundary − 1`.
 *
 * @category Pricing
 */
export interface PriceCliff {
  /** First seat of the cheaper bracket. */
  readonly boundary: number;
  /** The cost of `boundary` seats. */
  readonly costAtBoundary: Money;
  /** The cost of `boundary − 1` seats. */
  readonly costJustBelow: Money;
  /** The smallest seat count for which buying `boundary` seats is cheaper. */
  readonly buyUpFrom: number;
  /** A sentence for people. */
  readonly explanation: string;
}

/**
 * Finds the price cliffs of a schedule: places where buying more seats costs less (only all-units
 * tiers have them; incremental tiers, unit prices and packs never decrease with quantity).
 *
 * @param schedule - a price schedule
 * @returns the cliffs, in increasing seat order (empty when cost never falls as seats rise)
 * @throws DistrictKitError for a malformed schedule
 * @example
 * ```ts
 * const lp2 = { type: "allUnits", tiers: [{ from: 1, to: 5, unitPrice: 15 }, { from: 6, to: 15, unitPrice: 14 },
 *   { from: 16, to: 25, unitPrice: 13 }, { from: 26, to: 39, unitPrice: 12 }] };
 * priceCliffs(lp2).map((c) => [c.boundary, c.buyUpFrom, c.costAtBoundary.toString()]); // => [[16, 15, "208"], [26, 25, "312"]]
 * ```
 * @category Pricing
 */
export function priceCliffs(schedule: unknown): PriceCliff[] {
  const s = validSchedule(schedule);
  if (s.type !== "allUnits") return [];
  const all = s; // narrowed, for the function below
  const out: PriceCliff[] = [];
  // Fast path (a schedule may have thousands of brackets): going down from a cliff, every bracket
  // whose first seat already costs more than the boundary (start cost m_j = price_j × from_j > A)
  // is passed whole, so the walk below jumps straight to the nearest bracket j < i with m_j ≤ A.
  // `lower` holds the candidates for that: bracket indices whose start cost is below that of every
  // later bracket seen so far (start costs strictly rising from bottom to top; a bracket with a
  // start cost ≥ a later one's is never the nearest), so the nearest j with m_j ≤ A is the last
  // candidate ≤ A, found by binary search. pricing.prop.test.ts compares this with the plain walk.
  const startCost = s.tiers.map((b) => b.unitPrice.multiply(b.from));
  const lower: number[] = [];
  s.tiers.forEach((t, i) => {
    const prev = s.tiers[i - 1];
    const cliff = prev !== undefined && t.unitPrice.lessThan(prev.unitPrice) && t.unitPrice.multiply(t.from).lessThan(prev.unitPrice.multiply(t.from - 1));
    if (cliff) cliffAt(t, prev, i);
    while (lower.length > 0 && !startCost[lower[lower.length - 1]!]!.lessThan(startCost[i]!)) lower.pop();
    lower.push(i);
  });
  return out;

  function cliffAt(t: (typeof all.tiers)[number], prev: (typeof all.tiers)[number], i: number): void {
    const atBoundary = t.unitPrice.multiply(t.from);
    const below = prev.unitPrice.multiply(t.from - 1);
    // smallest n with cost(n) > cost(boundary), going down through earlier brackets; inside a
    // bracket the cost is price × n (increasing), so each bracket is settled by one division,
    // checked exactly
    let from = t.from - 1;
    const above = (n: number): boolean => {
      const c = tierCost(all, n);
      return c !== null && c.greaterThan(atBoundary);
    };
    // the nearest bracket below i whose first seat costs at most the boundary (−1: none)
    let left = 0;
    let right = lower.length - 1;
    while (left <= right) {
      const mid = (left + right) >> 1;
      if (startCost[lower[mid]!]!.lessThanOrEqual(atBoundary)) left = mid + 1;
      else right = mid - 1;
    }
    const nearest = right >= 0 ? lower[right]! : -1;
    if (nearest < i - 1) from = all.tiers[nearest + 1]!.from; // the brackets between are above the boundary from their first seat
    for (let j = nearest; j >= 0; j--) {
      const b = all.tiers[j]!;
      const hi = j === i - 1 ? t.from - 1 : all.tiers[j + 1]!.from - 1;
      const lo = b.from;
      if (hi < lo || !above(hi)) break;
      const price = b.unitPrice.toNumber();
      let n = price > 0 ? Math.floor(atBoundary.toNumber() / price) + 1 : hi;
      n = Math.min(hi, Math.max(lo, n));
      while (n > lo && above(n - 1)) n--;
      while (n < hi && !above(n)) n++;
      from = n;
      if (n > lo) break;
    }
    out.push({
      boundary: t.from,
      costAtBoundary: atBoundary,
      costJustBelow: below,
      buyUpFrom: from,
      explanation: `Price cliff: ${t.from - 1} seats cost ${usd(below)} but ${t.from} cost ${usd(atBoundary)}; whoever needs ${from}–${t.from - 1} seats should buy ${t.from}.`,
    });
  }
}

/**
 * Full-time equivalents for per-FTE pricing (Adobe ETLA through CITE by default):
 * `FT teachers + PT teachers / 3 + FT staff + PT staff / 2`; students are not counted.
 *
 * @param staffing - full- and part-time teachers and staff
 * @param formula - the weights (default {@link CITE_ADOBE_FTE_FORMULA})
 * @returns the FTE count (may have a fraction)
 * @throws DistrictKitError for negative or fractional counts, or a formula with a weight below 0 or a divisor below 0.01
 * @example
 * ```ts
 * // LP-5 (CITE Adobe ETLA): 400 FT teachers, 30 PT teachers, 120 FT staff, 20 PT staff
 * fullTimeEquivalents({ fullTimeTeachers: 400, partTimeTeachers: 30, fullTimeStaff: 120, partTimeStaff: 20 }); // => 540
 * ```
 * @category Pricing
 */
export function fullTimeEquivalents(staffing: unknown, formula: FteFormula = CITE_ADOBE_FTE_FORMULA): number {
  const s = parseInput(staffingSchema, staffing, ["staffing"]);
  formula = parseInput(fteFormulaSchema, formula, ["formula"]) as FteFormula;
  return (
    s.fullTimeTeachers * formula.fullTimeTeacherWeight +
    s.partTimeTeachers / formula.partTimeTeacherDivisor +
    s.fullTimeStaff * formula.fullTimeStaffWeight +
    s.partTimeStaff / formula.partTimeStaffDivisor
  );
}

/** An FTE formula's weights (≥ 0) and divisors (≥ 0.01: a zero or missing divisor is refused, never Infinity). */
const fteFormulaSchema = z.object({
  fullTimeTeacherWeight: z.number().min(0).max(1000),
  partTimeTeacherDivisor: z.number().min(0.01).max(1000),
  fullTimeStaffWeight: z.number().min(0).max(1000),
  partTimeStaffDivisor: z.number().min(0.01).max(1000),
});

function bandPrice(bands: readonly { minEnrollment: number; maxEnrollment?: number | undefined; price: Money }[], enrollment: number): Money | null {
  const b = bands.find((x) => enrollment >= x.minEnrollment && (x.maxEnrollment === undefined || enrollment <= x.maxEnrollment));
  return b === undefined ? null : b.price;
}

/**
 * The yearly price of a district-wide licence (or a bundle) in year 0: flat, by the district's
 * enrollment band, per enrolled student with a floor (`unitPrice × max(minimumStudents,
 * enrollment)`), or per FTE (rounded half-up to the cent).
 *
 * @param pricing - the district pricing
 * @param counts - total `enrollment` and, for per-FTE pricing, `fte`
 * @returns the price, or `null` when no enrollment band fits
 * @throws DistrictKitError for malformed pricing or counts
 * @example
 * ```ts
 * // LP-5: $25 per FTE, 540 FTE → $13,500 a year
 * districtLicensePrice({ type: "perFte", unitPrice: 25 }, { enrollment: 0, fte: 540 })?.toString(); // => "13500"
 * // Google Workspace Plus style: per student with a floor of 50
 * districtLicensePrice({ type: "perStudent", unitPrice: 6, minimumStudents: 50 }, { enrollment: 30 })?.toString(); // => "300"
 * ```
 * @category Pricing
 */
export function districtLicensePrice(pricing: unknown, counts: { enrollment: number; fte?: number }): Money | null {
  const p: DistrictPricing = parseInput(districtPricingSchema, pricing, ["pricing"]);
  const c = parseInput(z.object({ enrollment: seatsSchema, fte: z.number().min(0).max(100_000_000).optional() }), counts, ["counts"]);
  switch (p.type) {
    case "flat":
      return p.price;
    case "banded":
      return bandPrice(p.bands, c.enrollment);
    case "perStudent":
      return p.unitPrice.multiply(Math.max(p.minimumStudents, c.enrollment));
    default:
      if (c.fte === undefined) throw DistrictKitError.argument(["counts", "fte"], "per-FTE pricing needs an FTE count");
      return p.unitPrice.multiply(c.fte).roundToCents();
  }
}

/**
 * The year-0 price of a site (building) licence at a school of a given enrollment: the flat price,
 * or the price of the enrollment band the school falls in.
 *
 * @param option - a `site` pricing option
 * @param enrollment - the school's enrollment
 * @returns the price, or `null` when no band fits
 * @throws DistrictKitError for a malformed option
 * @example
 * ```ts
 * const site = { kind: "site", id: "s", productId: "read", bands: [
 *   { minEnrollment: 0, maxEnrollment: 299, price: 2500 }, { minEnrollment: 300, price: 3800 }] };
 * siteLicensePrice(site, 392)?.toString(); // => "3800"
 * ```
 * @category Pricing
 */
export function siteLicensePrice(option: unknown, enrollment: number): Money | null {
  const o = parseInput(pricingOptionSchema, option, ["option"]);
  if (o.kind !== "site") throw DistrictKitError.argument(["option", "kind"], `expected a site option, got "${o.kind}"`);
  const n = parseInput(seatsSchema, enrollment, ["enrollment"]);
  if (o.price !== undefined) return o.price;
  return bandPrice(o.bands ?? [], n);
}
