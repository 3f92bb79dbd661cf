// Why the optimizer chose what it chose, per product: the seat-versus-site break-even at each
// school, seats bought beyond the need (a tier boundary, a minimum, whole packs), the cost of
// covering the product with each option alone, and the comparison with the current contract.
import { Money } from "@districtkit/core";
import { priceCliffs } from "../pricing.js";
import { ROLES } from "../schema.js";
import { Curve, seatsPaid } from "./curve.js";
import { usd, usdCents } from "./format.js";
import { demandAt, type Model, type ProductModel, ROLE_COUNT, type SeatVariant } from "./model.js";
import type { Choice } from "./solved.js";

/**
 * Seats against a site licence at one school in one year: the site's price, what the school's
 * seats cost in the pool, and the seat count where the two break even.
 *
 * @category Optimizer
 */
export interface SiteBreakEven {
  readonly schoolId: string;
  readonly fiscalYear: number;
  readonly siteOptionId: string;
  readonly seats: number;
  readonly sitePrice: Money;
  /** What the school's seats add to the pooled purchase (or would add). */
  readonly seatCost: Money;
  /** The pooled price of one seat at this volume. */
  readonly perSeat: Money;
  /** Smallest seat count from which the site licence is cheaper (null when seats are free). */
  readonly breakEvenSeats: number | null;
  readonly chosen: "site" | "seats" | "other";
  readonly sentence: string;
}

/**
 * Seats paid beyond the need, and why: a cheaper all-units bracket, a minimum commitment or whole packs.
 *
 * @category Optimizer
 */
export interface BoughtUp {
  readonly optionId: string;
  readonly fiscalYears: readonly number[];
  readonly seatsNeeded: number;
  readonly seatsBought: number;
  readonly reason: "tier" | "minimum" | "packs";
  /** What buying exactly the need would have cost (null when it cannot be bought). */
  readonly costExact: Money | null;
  readonly cost: Money;
  readonly sentence: string;
}

/**
 * The cost of covering the product with one option alone over the plan, against the plan.
 *
 * @category Optimizer
 */
export interface Alternative {
  readonly optionId: string;
  readonly kind: string;
  /** Null when the option alone cannot cover every school, role and year. */
  readonly cost: Money | null;
  /** `cost − plan cost` (≥ 0 since the plan is optimal). */
  readonly difference: Money | null;
  /** For a seat option: the seat count at which it and the chosen seat option cost the same. */
  readonly breakEvenSeats: number | null;
  readonly sentence: string;
}

/**
 * Why a product's plan is what it is: a summary, the rule, the break-evens, seats bought beyond
 * need, the single-option alternatives (what would change the decision) and the saving against
 * the current contract.
 *
 * @category Optimizer
 */
export interface ProductExplanation {
  readonly summary: string;
  readonly rule: string;
  readonly siteBreakEven: readonly SiteBreakEven[];
  readonly boughtUp: readonly BoughtUp[];
  readonly alternatives: readonly Alternative[];
  /** What would change the decision, in a sentence (null when nothing else can cover it). */
  readonly whatWouldChange: string | null;
  /** Price cliffs of the product's all-units schedules (year-0 prices): buying more can cost less. */
  readonly priceCliffs: readonly { readonly optionId: string; readonly boundary: number; readonly buyUpFrom: number; readonly sentence: string }[];
  readonly current: { readonly cost: Money; readonly plan: Money; readonly saving: Money } | null;
}

const cents = (c: number): Money => Money.fromCents(Math.round(c));
const fmt = (c: number): string => usdCents(Math.round(c));

function seatsAt(p: ProductModel, Y: number, s: number, t: number, roles: readonly number[]): number {
  let n = 0;
  for (const r of roles) n += demandAt(p, Y, s, r, t);
  return n;
}

export function explainProduct(model: Model, p: ProductModel, chosen: readonly Choice[], bundleIds: readonly string[], planCost: Money, currentCost: Money | null): ProductExplanation {
  const input = model.input;
  const Y = model.Y;
  const S = model.S;
  const fy = (t: number): number => input.firstYear + t;
  const allRoles = [0, 1, 2];
  const name = input.products[p.index]!.name;

  // Seats vs site licence at each school and year.
  const siteBreakEven: SiteBreakEven[] = [];
  const sitedAt = new Uint8Array(S * Y); // [s * Y + t]: a chosen site licence covers school s in year t
  for (const c of chosen) {
    if (c.kind !== "site" || c.schoolIndex === undefined) continue;
    for (const t of c.variant.blocks[c.block]!.years) if (t < Y) sitedAt[c.schoolIndex * Y + t] = 1;
  }
  for (let t = 0; t < Y; t++) {
    const seatChoices = chosen.filter((c) => c.kind === "seat" && c.variant.blocks[c.block]!.years.includes(t));
    const coveredYear = ((p.committedMask >> t) & 1) === 1 || chosen.some((c) => (c.kind === "district" || c.kind === "concurrent") && c.variant.blocks[c.block]!.years.includes(t));
    const curves = new Map<SeatVariant, Curve>();
    const curveOf = (sv: SeatVariant): Curve => {
      let c = curves.get(sv);
      if (c === undefined) curves.set(sv, (c = new Curve([{ s: sv.schedules[t]!, w: 1 }])));
      return c;
    };
    // per role: the chosen seat purchase covering it this year, and the seat option to price it
    const roleChoice = ROLES.map((role) => seatChoices.find((x) => x.key === "any" || x.key === role));
    const roleSeat = ROLES.map((_, r) => (roleChoice[r]?.variant ?? cheapestSeat(p, t, r)) as SeatVariant | undefined);
    const siteCentsOf = new Map<readonly number[], number>();
    for (const v of p.sites) {
      if (v.prepaid) continue;
      const bi = v.blocks.findIndex((b) => b.years.includes(t));
      if (bi < 0) continue;
      for (let s = 0; s < S; s++) {
        const per = v.perSchool[s];
        const seats = seatsAt(p, Y, s, t, allRoles);
        if (!per || seats === 0 || seats > v.maxSeats) continue;
        const cash = per.cash[bi]!;
        let siteCents = siteCentsOf.get(cash);
        if (siteCents === undefined) siteCentsOf.set(cash, (siteCents = cash.reduce((a, x) => a + x, 0) / v.blocks[bi]!.years.length));
        const hasSite = sitedAt[s * Y + t] === 1;
        const covered = coveredYear || (bundleIds.length > 0 && !hasSite && seatChoices.length === 0);
        // marginal cost of this school's seats in the pool of year t
        let seatCents = 0;
        for (let r = 0; r < ROLE_COUNT; r++) {
          const d = demandAt(p, Y, s, r, t);
          if (d === 0) continue;
          const c = roleChoice[r];
          const sv = roleSeat[r];
          if (!sv) {
            seatCents = Number.POSITIVE_INFINITY;
            continue;
          }
          const curve = curveOf(sv);
          const n = c?.need ?? 0;
          seatCents += hasSite || !c ? curve.eval(n + d) - curve.eval(n) : curve.eval(n) - curve.eval(Math.max(0, n - d));
        }
        const perSeat = Number.isFinite(seatCents) ? seatCents / seats : Number.POSITIVE_INFINITY;
        const breakEvenSeats = perSeat > 0 && Number.isFinite(perSeat) ? Math.floor(siteCents / perSeat) + 1 : null;
        const chosenHere: SiteBreakEven["chosen"] = hasSite ? "site" : covered ? "other" : "seats";
        const school = input.schools[s]!;
        const seatText = Number.isFinite(seatCents) ? fmt(seatCents) : "nothing (no seat option)";
        // one flat string (joined, not concatenated: thousands of these are kept in the result)
        const sentence = (
          chosenHere === "other"
            ? [school.name, ", FY", fy(t), ": covered by another contract (district-wide, bundle or a committed current contract); a site licence would cost ", fmt(siteCents), "."]
            : [
                school.name,
                ", FY",
                fy(t),
                ": a site licence costs ",
                fmt(siteCents),
                "; its ",
                seats,
                " seats cost ",
                seatText,
                " in the pool",
                breakEvenSeats === null ? "." : ` (${usd(cents(perSeat))} a seat), so the site licence pays from ${breakEvenSeats} seats.`,
                " Chosen: ",
                chosenHere === "site" ? "the site licence" : "pooled seats",
                ".",
              ]
        ).join("");
        siteBreakEven.push({
          schoolId: school.id,
          fiscalYear: fy(t),
          siteOptionId: v.option.id,
          seats,
          sitePrice: cents(siteCents),
          seatCost: Number.isFinite(seatCents) ? cents(seatCents) : cents(0),
          perSeat: Number.isFinite(perSeat) ? perSeatMoney(perSeat) : cents(0),
          breakEvenSeats,
          chosen: chosenHere,
          sentence,
        });
      }
    }
  }

  // Seats bought beyond the need.
  const boughtUp: BoughtUp[] = [];
  for (const c of chosen) {
    if ((c.kind !== "seat" && c.kind !== "concurrent") || c.need === undefined || c.paid === undefined || c.paid <= c.need) continue;
    const v = c.variant as SeatVariant;
    const block = v.blocks[c.block]!;
    const first = v.schedules[block.years[0]!]!;
    const reason: BoughtUp["reason"] = first.min > c.need ? "minimum" : first.type === 3 && seatsPaid(first, c.need) === c.paid ? "packs" : "tier";
    const exact = v.cash(c.block, c.need).reduce((a, x) => a + x, 0);
    const cost = c.cash.reduce((a, x) => a + x, 0);
    const years = block.years.map(fy);
    const o = v.option;
    const sentence =
      reason === "minimum"
        ? `"${o.name ?? o.id}" has a minimum commitment of ${first.min} seats: ${c.need} are needed, ${c.paid} are paid for.`
        : reason === "packs"
          ? `"${o.name ?? o.id}" sells whole packs of ${first.packSize}: ${c.need} seats needed, ${c.paid} bought.`
          : `Buying ${c.paid} seats instead of the ${c.need} needed reaches a cheaper all-units bracket: ${fmt(cost)} instead of ${Number.isFinite(exact) ? fmt(exact) : "(not sold)"}.`;
    boughtUp.push({
      optionId: o.id,
      fiscalYears: years,
      seatsNeeded: c.need,
      seatsBought: c.paid,
      reason,
      costExact: Number.isFinite(exact) ? cents(exact) : null,
      cost: cents(cost),
      sentence,
    });
  }

  // Each option alone.
  const planCents = planCost.toCents();
  const alternatives: Alternative[] = [];
  const rolesWithDemand = [0, 1, 2].filter((r) => {
    for (let s = 0; s < S; s++) for (let t = 0; t < Y; t++) if (demandAt(p, Y, s, r, t) > 0) return true;
    return false;
  });
  const needYears = Array.from({ length: Y }, (_, t) => t).filter((t) => ((p.demandMask & ~p.committedMask) >> t) & 1);
  const totalAt = (t: number): number => {
    let n = 0;
    for (let s = 0; s < S; s++) n += seatsAt(p, Y, s, t, allRoles);
    return n;
  };
  const inHorizon = (cash: readonly number[]): number => cash.slice(0, Y).reduce((a, x) => a + x, 0);
  const chosenSeat = chosen.find((c) => c.kind === "seat")?.variant as SeatVariant | undefined;
  const seen = new Set<string>();
  const alone = (id: string, kind: string, value: number | null, breakEvenSeats: number | null): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const diff = value === null ? null : value - planCents;
    alternatives.push({
      optionId: id,
      kind,
      cost: value === null ? null : cents(value),
      difference: diff === null ? null : cents(diff),
      breakEvenSeats,
      sentence:
        value === null
          ? `"${id}" alone cannot cover every school, role and year.`
          : `"${id}" alone would cost ${fmt(value)}${diff! > 0 ? `, ${fmt(diff!)} more than the plan` : diff === 0 ? ", the same as the plan" : ""}.`,
    });
  };
  if (needYears.length > 0) {
    for (const v of p.seats) {
      if (v.prepaid) continue;
      const ok = v.key === "any" || (rolesWithDemand.length === 1 && ROLES[rolesWithDemand[0]!] === v.key);
      let total: number | null = ok ? 0 : null;
      if (total !== null) {
        for (const t of needYears) if (!v.blocks.some((b) => b.years.includes(t))) total = null;
      }
      if (total !== null) {
        for (const b of v.blocks) {
          const ys = b.years.filter((t) => needYears.includes(t));
          if (ys.length === 0) continue;
          const need = Math.max(...ys.map(totalAt));
          const curve = new Curve(b.years.filter((t) => t < Y).map((t) => ({ s: v.schedules[t]!, w: 1 })));
          const got = curve.best(need);
          total += got.cost;
        }
        if (!Number.isFinite(total)) total = null;
      }
      let be: number | null = null;
      if (chosenSeat && chosenSeat.option.id !== v.option.id && needYears.length > 0) {
        const t = needYears[0]!;
        const a = new Curve([{ s: chosenSeat.schedules[t]!, w: 1 }]);
        const b = new Curve([{ s: v.schedules[t]!, w: 1 }]);
        const D = Math.max(1, totalAt(t));
        if (D <= 2_000) {
          const sign = Math.sign(a.eval(D) - b.eval(D));
          for (let n = 1; n <= 4 * D; n++) {
            const sgn = Math.sign(a.eval(n) - b.eval(n));
            if (sgn !== sign && n < D) be = n;
            if (n > D && sgn !== sign) {
              be = n;
              break;
            }
          }
        }
      }
      alone(v.option.id, "seat", total, be);
    }
    for (const v of p.sites) {
      if (v.prepaid) continue;
      let total: number | null = 0;
      for (let s = 0; s < S && total !== null; s++) {
        for (const b of v.blocks) {
          const ys = b.years.filter((t) => needYears.includes(t) && seatsAt(p, Y, s, t, allRoles) > 0);
          if (ys.length === 0) continue;
          const per = v.perSchool[s];
          const bi = v.blocks.indexOf(b);
          if (!per || !Number.isFinite(per.cost[bi]!) || ys.some((t) => seatsAt(p, Y, s, t, allRoles) > v.maxSeats)) {
            total = null;
            break;
          }
          total += inHorizon(per.cash[bi]!);
        }
      }
      for (const t of needYears) if (!v.blocks.some((b) => b.years.includes(t))) total = null;
      alone(v.option.id, "site", total, null);
    }
    for (const v of p.districts) {
      if (v.prepaid) continue;
      let total: number | null = 0;
      for (const t of needYears) if (!v.blocks.some((b) => b.years.includes(t))) total = null;
      if (total !== null) {
        v.blocks.forEach((b, bi) => {
          if (b.years.some((t) => needYears.includes(t))) total = total === null || !Number.isFinite(v.cost[bi]!) ? null : total + inHorizon(v.cash[bi]!);
        });
      }
      alone(v.option.id, "district", total, null);
    }
  }
  alternatives.sort((a, b) => (a.cost === null ? 1 : 0) - (b.cost === null ? 1 : 0) || (a.cost && b.cost ? a.cost.compare(b.cost) : 0) || a.optionId.localeCompare(b.optionId));

  const chosenIds = new Set(chosen.map((c) => c.variant.option.id));
  const runnerUp = alternatives.find((a) => a.cost !== null && a.difference !== null && a.difference.isPositive() && !(chosenIds.size === 1 && chosenIds.has(a.optionId)));
  const whatWouldChange =
    runnerUp && runnerUp.cost && runnerUp.difference
      ? `The next cheapest way, "${runnerUp.optionId}" alone, costs ${usd(runnerUp.difference)} more; it would win if its price fell by more than ${runnerUp.difference.ratioTo(runnerUp.cost).times(100).toFixed(1)}%` +
        (runnerUp.breakEvenSeats !== null ? `, or if demand moved past ${runnerUp.breakEvenSeats} seats.` : ".")
      : null;

  const parts: string[] = [];
  const sites = chosen.filter((c) => c.kind === "site");
  const seats = chosen.filter((c) => c.kind === "seat");
  const districts = chosen.filter((c) => c.kind === "district" || c.kind === "concurrent");
  if (bundleIds.length > 0) parts.push(`covered by bundle ${bundleIds.map((b) => `"${b}"`).join(", ")}`);
  if (districts.length > 0) parts.push(`${districts.length} district-wide contract${districts.length === 1 ? "" : "s"} (${[...new Set(districts.map((c) => c.variant.option.id))].join(", ")})`);
  if (sites.length > 0) parts.push(`site licences at ${new Set(sites.map((c) => c.schoolIndex)).size} school${new Set(sites.map((c) => c.schoolIndex)).size === 1 ? "" : "s"}`);
  if (seats.length > 0) parts.push(`pooled seats under ${[...new Set(seats.map((c) => `"${c.variant.option.id}"`))].join(", ")}`);
  if (p.committedMask !== 0) parts.push("the current contract in its committed years");
  const summary = parts.length === 0 ? `${name}: nothing to buy (no demand).` : `${name}: ${parts.join("; ")} — ${usd(planCost)} over the plan.`;
  const current = currentCost === null ? null : { cost: currentCost, plan: planCost, saving: currentCost.subtract(planCost) };
  const cliffs: ProductExplanation["priceCliffs"][number][] = [];
  const seenCliff = new Set<string>();
  for (const v of [...p.seats, ...p.concurrent]) {
    const o = v.option;
    if ((o.kind !== "seat" && o.kind !== "concurrent") || seenCliff.has(o.id)) continue;
    seenCliff.add(o.id);
    for (const c of priceCliffs(o.schedule)) cliffs.push({ optionId: o.id, boundary: c.boundary, buyUpFrom: c.buyUpFrom, sentence: `"${o.name ?? o.id}": ${c.explanation}` });
  }
  return {
    summary,
    rule: "Each year: a district-wide, concurrent or bundle contract covers everything; otherwise each school takes a site licence when it costs less than what its seats add to the pooled purchase, and each role's pooled seats are bought under the option that covers them cheapest (buying up into a cheaper bracket when that costs less).",
    siteBreakEven,
    boughtUp,
    alternatives,
    whatWouldChange,
    priceCliffs: cliffs,
    current,
  };
}

/**
 * `Money.of(x.toFixed(4)).divide(100).roundToCents()` for x in cents, without decimals: the
 * 4-place text rounded half-up (away from zero) to whole cents.
 */
function perSeatMoney(x: number): Money {
  const text = x.toFixed(4);
  const dot = text.length - 5;
  if (x < 0 || text.length > 19 || text.charCodeAt(dot) !== 46) return Money.of(text).divide(100).roundToCents();
  return Money.fromCents(Number(text.slice(0, dot)) + (text.charCodeAt(dot + 1) >= 53 ? 1 : 0));
}

function cheapestSeat(p: ProductModel, t: number, r: number): SeatVariant | undefined {
  return p.seats.find((v) => !v.prepaid && (v.key === "any" || v.key === ROLES[r]) && v.blocks.some((b) => b.years.includes(t)));
}

export { ROLE_COUNT };
