// Compiles a validated plan input into whole-cent numbers: every option's purchasable variants
// (as quoted, and prepaid where a prepay discount exists), their contract blocks, yearly prices
// after the escalator, per-school site prices, district prices, and the demand array.
import { allocate, Dec, escalate, Money } from "@districtkit/core";
import { fullTimeEquivalents } from "../pricing.js";
import { type DemandCell, type LicensePlanInput, type PriceSchedule, type PricingOption, ROLES, type Role } from "../schema.js";
import { Curve, purchase, type YearSchedule } from "./curve.js";

export const ROLE_COUNT = ROLES.length;
export type SeatKey = Role | "any";

export interface Block {
  /** Year indices of the contract (may run past the horizon: index ≥ Y). */
  readonly years: readonly number[];
  /** Bit mask of the horizon years it covers. */
  readonly mask: number;
}

export interface Variant {
  readonly optionIndex: number;
  readonly option: PricingOption;
  readonly prepaid: boolean;
  readonly blocks: readonly Block[];
}

/** Seats bought under a seat or concurrent variant: what they cost, year by year. */
export interface QuantityVariant extends Variant {
  /**
   * Compiled schedule for each year index (0 … Y + term); with term prices (`priceBasis: "term"`),
   * every entry is the term schedule (prices are totals for the term).
   */
  readonly schedules: readonly YearSchedule[];
  /** The curve of each block (one quantity for the whole block, weighted cost). */
  readonly curves: readonly Curve[];
  /** The schedule giving each block's structure (minimum, brackets, packs): its first year's. */
  readonly heads: readonly YearSchedule[];
  /** Cents paid in each year index (length span) for `qty` seats held over block `block`. */
  cash(block: number, qty: number): number[];
}

export interface SeatVariant extends QuantityVariant {
  readonly key: SeatKey;
  readonly multiYear: boolean;
  /** Free seats earned per paid seat: role index, and `free` seats per `per` paid (rounded down). */
  readonly entitlement: { readonly role: number; readonly free: number; readonly per: number } | null;
}

/**
 * One contract an option can be bought as: the option over one block of years, paid yearly or
 * (when the option has a prepay discount) prepaid — one quantity, one of its variants.
 */
export interface SeatColumn {
  readonly option: Extract<PricingOption, { kind: "seat" }>;
  readonly optionIndex: number;
  readonly key: SeatKey;
  readonly block: number;
  readonly years: readonly number[];
  readonly mask: number;
  readonly multiYear: boolean;
  /** The variants (yearly, then prepaid) whose curves for this block price the quantity. */
  readonly variants: readonly SeatVariant[];
  readonly entitlement: SeatVariant["entitlement"];
}

export interface FlatVariant extends Variant {
  /** Cash in cents per year index, for each block (prepaid: all in the block's first year). */
  readonly cash: readonly (readonly number[])[];
  /** Weighted cost of each block (Infinity when unavailable). */
  readonly cost: readonly number[];
}

export interface SiteVariant extends Variant {
  readonly multiYear: boolean;
  /** Per school: per block cash/cost, or null when the option is not offered at that school. */
  readonly perSchool: readonly ({ readonly cash: readonly (readonly number[])[]; readonly cost: readonly number[] } | null)[];
  readonly maxSeats: number;
}

export type ConcurrentVariant = QuantityVariant;

export interface ProductModel {
  readonly index: number;
  readonly id: string;
  /** demand[(s * 3 + r) * Y + t] */
  readonly demand: Int32Array;
  /** Bit mask of horizon years with any demand. */
  readonly demandMask: number;
  /** Bit mask of years held by a committed current contract. */
  readonly committedMask: number;
  readonly seats: SeatVariant[];
  /** The seat contracts (option × block), each with its yearly and prepaid variants. */
  readonly seatColumns: SeatColumn[];
  readonly sites: SiteVariant[];
  readonly districts: FlatVariant[];
  readonly concurrent: ConcurrentVariant[];
  /** Peak concurrency per year (−1 when not given). */
  readonly peak: Int32Array;
}

/** A demand cell as the optimizer reads it (the validated fields; `source` is not used). */
export type DemandView = Pick<DemandCell, "productId" | "schoolId" | "role" | "fiscalYear" | "seats">;

/**
 * The optimizer's validated input: the schema's output, except that the demand cells may be the
 * caller's own validated objects (parsePlanInput's fast path) — only their five fields are read.
 */
export type PlanInput = Omit<LicensePlanInput, "demand"> & { readonly demand: readonly DemandView[] };

export interface Model {
  readonly input: PlanInput;
  /** index of each product and school by id (ids are unique: the schema checks) */
  readonly productIndex: ReadonlyMap<string, number>;
  readonly schoolIndex: ReadonlyMap<string, number>;
  readonly Y: number;
  readonly S: number;
  /** Weight of a cent paid in year index t (1, or the discount factor; 0 past the horizon when excluded). */
  readonly weight: (t: number) => number;
  /** Whether every plan's objective is a whole number of cents (no discounting, no split term weights). */
  readonly integral: boolean;
  readonly products: ProductModel[];
  readonly bundles: FlatVariant[];
  /** Year indices that costs can fall in (horizon plus the longest term). */
  readonly span: number;
}

function cents(m: Money): number {
  const c = m.toCents("half-up");
  if (!Number.isSafeInteger(c) || Math.abs(c) > 1e14) throw new Error("amount too large for the optimizer");
  return c;
}

// Whole-cent escalation in integer arithmetic, equal to core's decimal path (escalate with
// each-year rounding, then roundToCents, then × prepay factor and roundToCents): every step here
// is exact, and so is the decimal one while the product has at most 34 significant digits (the
// decimal context), which the digit check guarantees; otherwise, and for direct rounding, null
// (the caller uses the decimal path).
const TEN = 10n;
function scaled(text: string): { n: bigint; s: number } | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) return null;
  const frac = m[3] ?? "";
  const n = BigInt(m[2]! + frac);
  return { n: m[1] === "-" ? -n : n, s: frac.length };
}
/** num / den rounded half away from zero (den > 0). */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return num >= 0n ? (2n * num + den) / (2n * den) : -((-2n * num + den) / (2n * den));
}
const digits = (x: bigint): number => (x < 0n ? -x : x).toString().length;
export function chainedCents(price: Money, growth: Dec | null, rounding: "chained" | "direct", factor: Dec | null, span: number): number[] | null {
  if (growth !== null && rounding !== "chained") return null;
  const p = scaled(price.toString());
  const g = growth === null ? null : scaled(growth.toFixed());
  const f = factor === null ? null : scaled(factor.toFixed());
  if (p === null || (growth !== null && g === null) || (factor !== null && f === null)) return null;
  let c = roundHalfUp(p.n * 100n, TEN ** BigInt(p.s));
  const out: number[] = [];
  for (let y = 0; y < span; y++) {
    if (y > 0 && g !== null) {
      if (digits(c) + digits(g.n) > 34) return null;
      c = roundHalfUp(c * g.n, TEN ** BigInt(g.s));
    }
    let v = c;
    if (f !== null) {
      if (digits(v) + digits(f.n) > 34) return null;
      v = roundHalfUp(v * f.n, TEN ** BigInt(f.s));
    }
    const n = Number(v);
    if (!Number.isSafeInteger(n) || Math.abs(n) > 1e14) throw new Error("amount too large for the optimizer");
    out.push(n);
  }
  return out;
}

export function compileSchedule(option: Extract<PricingOption, { kind: "seat" | "concurrent" }>, up: (m: Money) => number): YearSchedule {
  const s: PriceSchedule = option.schedule;
  const base = {
    min: option.minimumSeats ?? 0,
    max: option.maximumSeats ?? Number.POSITIVE_INFINITY,
    fee: option.fixedFee === undefined ? 0 : up(option.fixedFee),
    unit: 0,
    tiers: [] as { from: number; to: number; price: number }[],
    packSize: 1,
    packPrice: 0,
  };
  switch (s.type) {
    case "unit":
      return { ...base, type: 0, unit: up(s.unitPrice) };
    case "packs":
      return { ...base, type: 3, packSize: s.packSize, packPrice: up(s.packPrice) };
    case "allUnits":
    case "incremental":
      return {
        ...base,
        type: s.type === "allUnits" ? 1 : 2,
        tiers: s.tiers.map((x) => ({ from: x.from, to: x.to ?? Number.POSITIVE_INFINITY, price: up(x.unitPrice) })),
      };
  }
}

/**
 * compileSchedule for every year index 0 … span − 1 at once, with `series(m)` the whole cents of
 * price m in each year: each price's series is looked up once, not once a year. The same
 * schedules (fields, values and key order) as compileSchedule(option, (m) => series(m)[t]).
 */
export function compileSchedules(option: Extract<PricingOption, { kind: "seat" | "concurrent" }>, series: (m: Money) => readonly number[], span: number): YearSchedule[] {
  const s: PriceSchedule = option.schedule;
  const min = option.minimumSeats ?? 0;
  const max = option.maximumSeats ?? Number.POSITIVE_INFINITY;
  const fees = option.fixedFee === undefined ? null : series(option.fixedFee);
  const out: YearSchedule[] = new Array(span);
  switch (s.type) {
    case "unit": {
      const unit = series(s.unitPrice);
      for (let t = 0; t < span; t++) out[t] = { min, max, fee: fees === null ? 0 : fees[t]!, unit: unit[t]!, tiers: [], packSize: 1, packPrice: 0, type: 0 };
      return out;
    }
    case "packs": {
      const price = series(s.packPrice);
      for (let t = 0; t < span; t++) out[t] = { min, max, fee: fees === null ? 0 : fees[t]!, unit: 0, tiers: [], packSize: s.packSize, packPrice: price[t]!, type: 3 };
      return out;
    }
    case "allUnits":
    case "incremental": {
      const prices = s.tiers.map((x) => series(x.unitPrice));
      const type = s.type === "allUnits" ? 1 : 2;
      for (let t = 0; t < span; t++) {
        out[t] = {
          min,
          max,
          fee: fees === null ? 0 : fees[t]!,
          unit: 0,
          tiers: s.tiers.map((x, k) => ({ from: x.from, to: x.to ?? Number.POSITIVE_INFINITY, price: prices[k]![t]! })),
          packSize: 1,
          packPrice: 0,
          type,
        };
      }
      return out;
    }
  }
}

type Band = { minEnrollment: number; maxEnrollment?: number | undefined; price: Money };

/** The index of the first band an enrollment falls in, or −1. */
function bandIndex(bands: readonly Band[], n: number): number {
  for (let b = 0; b < bands.length; b++) {
    const x = bands[b]!;
    if (n >= x.minEnrollment && (x.maxEnrollment === undefined || n <= x.maxEnrollment)) return b;
  }
  return -1;
}

function bandPrice(bands: readonly Band[], n: number): Money | null {
  const b = bandIndex(bands, n);
  return b < 0 ? null : bands[b]!.price;
}

/**
 * How a term total is paid over the block's years: equal parts, or parts in the proportions of the
 * escalator's yearly factors (1, g, g², …) — core's `allocate` (largest remainder), so the parts are
 * whole cents adding up to `total` exactly.
 */
export function splitTotal(total: number, years: number, growth: Dec | null): number[] {
  if (years <= 1) return [total];
  const weights = Array.from({ length: years }, (_, k) => (growth === null ? 1 : growth.pow(k)));
  return allocate(Money.fromCents(total), weights).map((m) => m.toCents());
}

export function compileModel(input: PlanInput): Model {
  const Y = input.years;
  const S = input.schools.length;
  const maxTerm = Math.max(1, ...input.options.map((o) => o.termYears));
  const span = Y + maxTerm;
  const rate = input.discountRate?.toNumber() ?? 0;
  // a term total split over years that are weighted differently (excluded past the horizon) gives a
  // weighted cost in fractions of a cent
  const integral = rate === 0 && !(input.beyondHorizon === "exclude" && input.options.some((o) => o.priceBasis === "term" && o.termYears > 1));
  const weight = (t: number): number => {
    if (t >= Y && input.beyondHorizon === "exclude") return 0;
    return rate === 0 ? 1 : 1 / (1 + rate) ** t;
  };
  const schoolIndex = new Map(input.schools.map((s, i) => [s.id, i]));
  const enrollment = (s: number, t: number): number => {
    const school = input.schools[s]!;
    const byYear = school.enrollmentByYear;
    if (byYear === undefined) return school.enrollment;
    for (let y = Math.min(t, Y - 1); y >= 0; y--) {
      const v = byYear[String(input.firstYear + y)];
      if (v !== undefined) return v;
    }
    return school.enrollment;
  };
  // enrollment by school and year index (0 … span − 1), computed once
  const enrollments = input.schools.map((_, s) => Int32Array.from({ length: span }, (_, t) => enrollment(s, t)));
  const totals = Array.from({ length: span }, (_, t) => enrollments.reduce((a, e) => a + e[t]!, 0));
  const totalEnrollment = (t: number): number => totals[t]!; // t < span: every term ends within it
  const fte = input.staffing ? fullTimeEquivalents(input.staffing) : 0;

  const available = (o: PricingOption, t: number): boolean => {
    const fy = input.firstYear + t;
    return (o.availableFrom === undefined || fy >= o.availableFrom) && (o.availableUntil === undefined || fy <= o.availableUntil);
  };
  const blocksOf = (o: PricingOption): Block[] => {
    const out: Block[] = [];
    for (let start = 0; start < Y; start += o.termYears) {
      const years = Array.from({ length: o.termYears }, (_, k) => start + k);
      if (!years.filter((t) => t < Y).every((t) => available(o, t))) continue;
      let mask = 0;
      for (const t of years) if (t < Y) mask |= 1 << t;
      out.push({ years, mask });
    }
    return out;
  };
  const factors = (o: PricingOption): (Dec | null)[] => {
    const out: (Dec | null)[] = [null];
    if (o.prepayDiscount !== undefined && !o.prepayDiscount.toDecimal().isZero()) out.push(new Dec(1).minus(o.prepayDiscount.toDecimal()));
    return out;
  };
  /** Cash per year index of a block priced yearly by `price(t)`; prepaid: all in the first year. */
  // Escalated whole cents of one price in one year, memoised per option and factor: site prices
  // repeat across schools (a few enrollment bands), and decimal escalation is the costly part.
  const escalatedMemo = new Map<PricingOption, Map<Dec | null, Map<Money, readonly number[]>>>();
  const escalatedSeries = (o: PricingOption, p: Money, factor: Dec | null): readonly number[] => {
    let byFactor = escalatedMemo.get(o);
    if (byFactor === undefined) escalatedMemo.set(o, (byFactor = new Map()));
    let memo = byFactor.get(factor);
    if (memo === undefined) byFactor.set(factor, (memo = new Map()));
    let series = memo.get(p);
    if (series !== undefined) return series;
    // monthly prices: a year is the monthly price × the months billed (exact in decimals); term
    // prices are totals, not escalated (the escalator splits them, see splitTotal)
    const base = o.billedMonths === undefined ? p : p.multiply(o.billedMonths);
    const escalator = o.priceBasis === "term" ? undefined : o.escalator;
    series = chainedCents(base, escalator === undefined ? null : escalator.growthFactor(), o.escalatorRounding, factor, span) ?? undefined;
    if (series === undefined) {
      // escalatedPrice(p, e, t) is entry t of one escalation series: compute the series once
      const prices = escalator === undefined || span === 1 ? [] : escalate(base, escalator, span - 1, { rounding: o.escalatorRounding === "chained" ? "each-year" : "at-end" });
      series = Array.from({ length: span }, (_, y) => {
        let c = (y === 0 || escalator === undefined ? base : prices[y - 1]!).roundToCents();
        if (factor !== null) c = c.multiply(factor).roundToCents();
        return cents(c);
      });
    }
    memo.set(p, series);
    return series;
  };
  const escalatedCents = (o: PricingOption, p: Money, t: number, factor: Dec | null): number => escalatedSeries(o, p, factor)[t]!;
  const growthOf = (o: PricingOption): Dec | null => (o.escalator === undefined || o.escalator.toDecimal().isZero() ? null : o.escalator.growthFactor());
  /** Cents per year index of a term total paid over a block (prepaid: all in its first year). */
  const termCash = (block: Block, prepaid: boolean, total: number, o: PricingOption): number[] => {
    const cash = new Array<number>(span).fill(0);
    if (prepaid) cash[block.years[0]!] = total;
    else splitTotal(total, block.years.length, growthOf(o)).forEach((x, k) => (cash[block.years[k]!] = x));
    return cash;
  };
  const flatCash = (block: Block, prepaid: boolean, price: (t: number) => Money | null, factor: Dec | null, o: PricingOption): { cash: number[]; cost: number } => {
    let cash = new Array<number>(span).fill(0);
    let cost = 0;
    if (o.priceBasis === "term") {
      // the price at the term's first year is the total for the term
      const p = price(block.years[0]!);
      if (p === null) return { cash, cost: Number.POSITIVE_INFINITY };
      cash = termCash(block, prepaid, escalatedCents(o, p, 0, factor), o);
    } else {
      for (const t of block.years) {
        const p = price(t);
        if (p === null) return { cash, cost: Number.POSITIVE_INFINITY };
        const year = prepaid ? block.years[0]! : t;
        cash[year] = cash[year]! + escalatedCents(o, p, t, factor);
      }
    }
    for (let t = 0; t < span; t++) cost += cash[t]! * weight(t);
    return { cash, cost };
  };
  const districtPrice = (o: Extract<PricingOption, { kind: "district" | "bundle" }>, t: number): Money | null => {
    const p = o.pricing;
    switch (p.type) {
      case "flat":
        return p.price;
      case "banded":
        return bandPrice(p.bands, totalEnrollment(t));
      case "perStudent":
        return p.unitPrice.multiply(Math.max(p.minimumStudents, totalEnrollment(t)));
      default:
        return p.unitPrice.multiply(fte).roundToCents();
    }
  };

  const products: ProductModel[] = input.products.map((p, index) => ({
    index,
    id: p.id,
    demand: new Int32Array(S * ROLE_COUNT * Y),
    demandMask: 0,
    committedMask: 0,
    seats: [],
    seatColumns: [],
    sites: [],
    districts: [],
    concurrent: [],
    peak: new Int32Array(Y).fill(-1),
  }));
  const productIndex = new Map(input.products.map((p, i) => [p.id, i]));
  const demand = input.demand;
  for (let i = 0; i < demand.length; i++) {
    const d = demand[i]!;
    const p = products[productIndex.get(d.productId)!]!;
    const s = schoolIndex.get(d.schoolId)!;
    const t = d.fiscalYear - input.firstYear;
    p.demand[(s * ROLE_COUNT + ROLES.indexOf(d.role)) * Y + t] = d.seats;
    if (d.seats > 0) (p as { demandMask: number }).demandMask |= 1 << t;
  }
  for (const c of input.concurrency) {
    const t = c.fiscalYear - input.firstYear;
    if (t >= 0 && t < Y) products[productIndex.get(c.productId)!]!.peak[t] = c.peak;
  }
  for (const c of input.currentContracts) {
    if (c.committedThrough === undefined) continue;
    const p = products[productIndex.get(c.productId)!]!;
    for (let t = 0; t < Y; t++) if (input.firstYear + t <= c.committedThrough) (p as { committedMask: number }).committedMask |= 1 << t;
  }

  const bundles: FlatVariant[] = [];
  input.options.forEach((o, optionIndex) => {
    const blocks = blocksOf(o);
    const seatVariants: SeatVariant[] = [];
    for (const factor of factors(o)) {
      const prepaid = factor !== null;
      if (o.kind === "seat" || o.kind === "concurrent") {
        let schedules: YearSchedule[];
        let curves: Curve[];
        let cash: (block: number, qty: number) => number[];
        if (o.priceBasis === "term") {
          // one schedule of term totals; its cost over a block is weighted by the years' shares
          const termSchedule = compileSchedule(o, (m) => escalatedCents(o, m, 0, factor));
          schedules = Array.from({ length: span }, () => termSchedule);
          const growth = growthOf(o);
          curves = blocks.map((b) => {
            const shares = prepaid ? [1] : splitShares(b.years.length, growth);
            const ws = prepaid ? [weight(b.years[0]!)] : b.years.map((t) => weight(t));
            const same = ws.every((w) => w === ws[0]);
            const w = same ? ws[0]! : shares.reduce((a, x, k) => a + x * ws[k]!, 0);
            return new Curve([{ s: termSchedule, w }]);
          });
          cash = (bi, qty) => termCash(blocks[bi]!, prepaid, purchase(termSchedule, qty), o);
        } else {
          schedules = compileSchedules(o, (m) => escalatedSeries(o, m, factor), span);
          curves = blocks.map((b) => new Curve(b.years.map((t) => ({ s: schedules[t]!, w: prepaid ? weight(b.years[0]!) : weight(t) }))));
          cash = (bi, qty) => {
            const out = new Array<number>(span).fill(0);
            const b = blocks[bi]!;
            for (const t of b.years) {
              const year = prepaid ? b.years[0]! : t;
              out[year] = out[year]! + purchase(schedules[t]!, qty);
            }
            return out;
          };
        }
        const heads = blocks.map((b) => schedules[b.years[0]!]!);
        const p = products[productIndex.get(o.productId)!]!;
        if (o.kind === "seat") {
          const e = o.entitlement;
          const v: SeatVariant = {
            optionIndex,
            option: o,
            prepaid,
            blocks,
            key: o.role,
            schedules,
            curves,
            heads,
            cash,
            multiYear: o.termYears > 1,
            entitlement: e === undefined ? null : { role: ROLES.indexOf(e.role), free: e.freeSeats, per: e.perPaidSeats },
          };
          p.seats.push(v);
          seatVariants.push(v);
        } else p.concurrent.push({ optionIndex, option: o, prepaid, blocks, schedules, curves, heads, cash });
      } else if (o.kind === "site") {
        const allowed = o.schools === undefined ? null : new Set(o.schools);
        // Schools whose yearly prices are the same Money values share one (read-only) entry.
        const shared = new Map<number | string, { cash: number[][]; cost: number[] }>();
        const perSchool = input.schools.map((school, s) => {
          if (allowed !== null && !allowed.has(school.id)) return null;
          const priceAt = (t: number): Money | null => (o.price !== undefined ? o.price : bandPrice(o.bands ?? [], enrollments[s]![t]!));
          // schools whose enrollment falls in the same band every year share their prices: the key is
          // the bands, year by year, as a number while it stays exact, else as text
          let key: number | string = 0;
          if (o.price === undefined) {
            const bands = o.bands ?? [];
            const e = enrollments[s]!;
            const radix = bands.length + 1;
            if (span * Math.log2(radix) < 53) {
              let k = 0;
              for (let t = 0; t < span; t++) k = k * radix + bandIndex(bands, e[t]!) + 1;
              key = k;
            } else key = Array.from(e, (n) => bandIndex(bands, n)).join(",");
          }
          let entry = shared.get(key);
          if (entry === undefined) {
            const priced = blocks.map((b) => flatCash(b, prepaid, priceAt, factor, o));
            entry = { cash: priced.map((x) => x.cash), cost: priced.map((x) => x.cost) };
            shared.set(key, entry);
          }
          return entry;
        });
        products[productIndex.get(o.productId)!]!.sites.push({
          optionIndex,
          option: o,
          prepaid,
          blocks,
          perSchool,
          multiYear: o.termYears > 1,
          maxSeats: o.maxSeats ?? Number.POSITIVE_INFINITY,
        });
      } else {
        const priced = blocks.map((b) => flatCash(b, prepaid, (t) => districtPrice(o, t), factor, o));
        const v: FlatVariant = { optionIndex, option: o, prepaid, blocks, cash: priced.map((x) => x.cash), cost: priced.map((x) => x.cost) };
        if (o.kind === "district") products[productIndex.get(o.productId)!]!.districts.push(v);
        else bundles.push(v);
      }
    }
    if (o.kind === "seat" && seatVariants.length > 0) {
      const p = products[productIndex.get(o.productId)!]!;
      blocks.forEach((b, bi) => {
        p.seatColumns.push({
          option: o,
          optionIndex,
          key: o.role,
          block: bi,
          years: b.years,
          mask: b.mask,
          multiYear: o.termYears > 1,
          variants: seatVariants,
          entitlement: seatVariants[0]!.entitlement,
        });
      });
    }
  });
  return { input, productIndex, schoolIndex, Y, S, weight, integral, products, bundles, span };
}

/** The shares of a term total paid in each year of a block (equal, or by the escalator's factors). */
export function splitShares(years: number, growth: Dec | null): number[] {
  const w = Array.from({ length: years }, (_, k) => (growth === null ? 1 : growth.pow(k).toNumber()));
  const sum = w.reduce((a, x) => a + x, 0);
  return w.map((x) => x / sum);
}

export function demandAt(p: ProductModel, Y: number, s: number, r: number, t: number): number {
  return p.demand[(s * ROLE_COUNT + r) * Y + t]!;
}
