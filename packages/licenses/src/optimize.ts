import { DistrictKitError, escalate, Money } from "@districtkit/core";
import { components, solveComponent } from "./internal/component.js";
import { explainProduct, type ProductExplanation } from "./internal/explain.js";
import { usd } from "./internal/format.js";
import { compileModel, demandAt, type Model, type PlanInput, ROLE_COUNT } from "./internal/model.js";
import { parsePlanInput } from "./internal/parsePlan.js";
import type { Choice } from "./internal/solved.js";
import { licensePlanInputSchema, type Role } from "./schema.js";

/**
 * One payment of a purchase: a fiscal year and the amount paid in it.
 *
 * @category Optimizer
 */
export interface Payment {
  readonly fiscalYear: number;
  readonly amount: Money;
}

/**
 * One purchase of the plan: an option bought for a contract (one or more years), at a school, for
 * a role, or district-wide; with the seats needed and paid, and the payments by fiscal year.
 *
 * @category Optimizer
 */
export interface Purchase {
  readonly optionId: string;
  readonly optionName: string;
  readonly kind: "seat" | "site" | "district" | "concurrent" | "bundle" | "committed";
  readonly productIds: readonly string[];
  readonly schoolId?: string;
  readonly role?: Role | "any";
  /** The contract's fiscal years (a multi-year term can run past the plan). */
  readonly fiscalYears: readonly number[];
  readonly prepaid: boolean;
  /** Seats needed (the largest year of the contract), for seat and concurrent purchases. */
  readonly seatsNeeded?: number;
  /** Seats paid for (after buying up to a cheaper bracket, minimums and whole packs). */
  readonly seatsBought?: number;
  readonly payments: readonly Payment[];
  /** All payments of the purchase. */
  readonly total: Money;
  /** What was bought, in a sentence. */
  readonly description: string;
}

/**
 * How one product is covered in one plan year.
 *
 * @category Optimizer
 */
export interface ProductYear {
  readonly fiscalYear: number;
  readonly seatsNeeded: number;
  /** What covers it: the kinds of the purchases active that year. */
  readonly coveredBy: readonly Purchase["kind"][];
}

/**
 * The plan for one product: its purchases, years and the explanation of the choice.
 *
 * @category Optimizer
 */
export interface ProductPlan {
  readonly productId: string;
  readonly name: string;
  readonly category: string;
  /** Payments in plan years for purchases of this product alone (bundles are listed apart). */
  readonly cost: Money;
  readonly bundles: readonly string[];
  readonly years: readonly ProductYear[];
  readonly explanation: ProductExplanation;
}

/**
 * A yearly cost series shaped as a budget line item: an id, a name, a category and one amount per
 * fiscal year — what the budget engine takes as a line item.
 *
 * @category Optimizer
 */
export interface LicenseBudgetLine {
  readonly id: string;
  readonly name: string;
  readonly category: "software";
  readonly productIds: readonly string[];
  readonly amounts: readonly Payment[];
}

/**
 * The optimizer's answer: the cheapest plan that covers all demand, proven optimal (or, past the
 * search limits, the best plan found with a proven lower bound and the gap), every purchase with
 * its payments, per-product explanations, the comparison with current contracts, and budget lines.
 *
 * @category Optimizer
 */
export interface LicensePlanResult {
  /** `optimal` when proven over the whole model; `best-found` when a search limit or an open bound stopped the proof (see `gap`). */
  readonly status: "optimal" | "best-found";
  readonly years: readonly number[];
  /** Payments in the plan's years (all purchases, committed contracts included). */
  readonly totalCost: Money;
  /** Payments in later years for multi-year terms running past the plan. */
  readonly beyondHorizonCost: Money;
  /** What was minimized: the total (counting later years unless excluded), or its present value. */
  readonly objective: Money;
  /** A proven lower bound of the objective. */
  readonly lowerBound: Money;
  readonly gap: Money;
  readonly yearly: readonly Payment[];
  readonly purchases: readonly Purchase[];
  readonly products: readonly ProductPlan[];
  /** The current contracts' cost over the plan's years (their escalators applied), when any. */
  readonly currentCost: Money | null;
  /** `currentCost − totalCost` when current contracts are given. */
  readonly savings: Money | null;
  readonly budgetLines: readonly LicenseBudgetLine[];
  readonly search: {
    readonly components: number;
    readonly largestComponent: number;
    readonly nodes: number;
    readonly combinations: number;
    readonly maxNodes: number;
    readonly maxCombinations: number;
  };
  /** The rule applied, in one paragraph. */
  readonly explanation: string;
}

function infeasibility(model: Model): DistrictKitError | null {
  const input = model.input;
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const Y = model.Y;
  // whether a district-wide, concurrent or bundle contract can cover product p in year t:
  // 0 unknown, 1 yes, 2 no
  const wholeYear = new Uint8Array(model.products.length * Y);
  const demand = input.demand;
  for (let i = 0; i < demand.length; i++) {
    const d = demand[i]!;
    if (d.seats === 0) continue;
    const p = model.products[model.productIndex.get(d.productId)!]!;
    const t = d.fiscalYear - input.firstYear;
    if ((p.committedMask >> t) & 1) continue;
    const s = model.schoolIndex.get(d.schoolId) ?? -1;
    const bit = 1 << t;
    const key = p.index * Y + t;
    if (wholeYear[key] === 0) {
      const whole =
        p.districts.some((v) => v.blocks.some((b, bi) => b.mask & bit && Number.isFinite(v.cost[bi]!))) ||
        p.concurrent.some((v) => v.blocks.some((b) => b.mask & bit) && p.peak[t]! >= 0) ||
        model.bundles.some((v) => v.option.kind === "bundle" && v.option.productIds.includes(p.id) && v.blocks.some((b, bi) => b.mask & bit && Number.isFinite(v.cost[bi]!)));
      wholeYear[key] = whole ? 1 : 2;
    }
    const whole = wholeYear[key] === 1;
    const covers =
      whole ||
      p.sites.some((v) => {
        const per = v.perSchool[s];
        let seats = 0;
        for (let r = 0; r < ROLE_COUNT; r++) seats += demandAt(p, Y, s, r, t);
        return per !== null && per !== undefined && seats <= v.maxSeats && v.blocks.some((b, bi) => b.mask & bit && Number.isFinite(per.cost[bi]!));
      }) ||
      p.seats.some((v) => (v.key === "any" || v.key === d.role) && v.blocks.some((b, bi) => b.mask & bit && v.curves[bi]!.cap >= d.seats));
    if (!covers) {
      issues.push({
        path: ["demand", i],
        code: "no_option_covers",
        message: `no pricing option can cover ${d.seats} ${d.role} seat${d.seats === 1 ? "" : "s"} of ${d.productId} at ${d.schoolId} in FY${d.fiscalYear}`,
      });
    }
  }
  return issues.length > 0 ? new DistrictKitError("INFEASIBLE", issues, `${issues.length} demand cell${issues.length === 1 ? "" : "s"} cannot be covered`) : null;
}

function money(cents: number): Money {
  return Money.fromCents(Math.round(cents));
}

/**
 * Finds the cheapest licence plan that covers every demand cell (product × school × role × year)
 * over the horizon. The model: each product-year is covered by a district-wide, concurrent or
 * bundle contract, or school by school — a site licence, or the school's seats go to the pool; each
 * role's pooled seats of a year are covered by all seat contracts together (the covering row sums
 * every contract's seats: several options of one role, packs of different sizes, a pack plus
 * per-seat top-up, tiers plus packs, a multi-year commitment plus yearly seats, `any`-role options
 * serving every role beside role options, and free seats of another role earned per paid seat by an
 * `entitlement`, rounded down). Multi-year terms hold one quantity (seats) or coverage (site,
 * district, bundle) for the whole term; terms run back to back from the first plan year. Buying
 * more seats than needed is allowed (all-units price cliffs). Yearly prices are escalated and
 * rounded to the cent; monthly prices are multiplied by `billedMonths`; term totals
 * (`priceBasis: "term"`) are split over the term's years to the cent.
 *
 * The search exploits the structure: components of products linked by bundles are solved apart;
 * district and bundle contracts are enumerated; years are independent without multi-year seat or
 * site terms; the school choices are solved by branch and bound with a Lagrangian bound, one-year
 * seat options of a role mixed exactly into one cost curve; contracts sharing seats across roles or
 * years (a multi-year commitment beside yearly seats, an `any` option beside role options, an
 * entitlement) go to a general covering search. A product whose seat contracts all serve one pool
 * with one multi-year commitment term is first solved exactly by enumeration when few schools choose
 * a site licence (up to 12 a year, within a work budget): every site set of every year, reduced to
 * the cheapest cost for each number of seats left, and every committed quantity. Otherwise, with a
 * constant price a committed seat, it is searched over its linear relaxation: schools take site
 * licences fractionally, each year's seats cost the convex hull of the year's cheapest mix on a
 * range of seats bought, and the search branches on those ranges, on a school taken in part and on
 * the committed quantity (one node per 2,000 of `limits.maxNodes`); at each node schools are fixed
 * by reduced cost, and once every year has a few dozen schools left the node is solved exactly
 * (each year's cheapest site licences for every number of seats left to the pool, then every
 * committed quantity where the least can be). Unproven there, on up to 20
 * schools the commitment's quantity (one number for its whole term) is searched exactly: with it
 * fixed every year is an independent one-year mix, and a Lagrangian split of the commitment's cost
 * over its years bounds every quantity range; on more schools the better plan and the higher bound
 * of the relaxation's search and the general search are kept. The general search is exact by
 * enumeration when the pooled demand is small:
 * each multi-year or entitlement quantity is enumerated, every year then an independent one-year
 * mix; past a work budget it is a branch and bound.
 *
 * `status: "optimal"` means proven optimal over this whole model (or a proven lower bound reaches
 * the plan's cost). Small markets prove: the site choices of up to 8 schools are searched exactly
 * and, when the pooled demand is small enough for the enumeration (a few hundred seats per role and
 * year), each pooled cover is exact — random markets of 1–3 schools and 1–2 years with such
 * contracts, sites and bundles all end `optimal` in the tests. Otherwise — when a component needs
 * more than `limits.maxNodes` nodes or `limits.maxCombinations` bundle combinations, or a search
 * cannot close its bound (a multi-year seat commitment, an `any` option beside role options or an
 * entitlement meeting site licences on larger markets: the relaxation's and the commitment search's
 * bounds not closing within their node budgets, more than 8 schools or larger pooled demand for the
 * general search) — the result is `best-found`: the best plan found, a proven `lowerBound` and the
 * `gap`.
 *
 * @param input - the plan input (see {@link licensePlanInputSchema}); plain JSON-like data
 * @returns the plan, its cost, its proof status and explanations (JSON-serialisable: amounts
 *   become decimal strings)
 * @throws DistrictKitError `INVALID_INPUT` listing every problem with its path; `INFEASIBLE`
 *   naming each demand cell (product, school, role, year) no option can cover
 * @example
 * ```ts
 * const plan = optimizeLicenses({
 *   firstYear: 2027, years: 1,
 *   schools: [{ id: "big", name: "Big", enrollment: 400 }, { id: "small", name: "Small", enrollment: 60 }],
 *   products: [{ id: "read", name: "ReadWell", category: "reading" }],
 *   options: [
 *     { kind: "seat", id: "seat", productId: "read", role: "student", schedule: { type: "unit", unitPrice: 12 } },
 *     { kind: "site", id: "site", productId: "read", price: 3000 },
 *   ],
 *   demand: [
 *     { productId: "read", schoolId: "big", role: "student", fiscalYear: 2027, seats: 300 },
 *     { productId: "read", schoolId: "small", role: "student", fiscalYear: 2027, seats: 40 },
 *   ],
 * });
 * plan.status; // => "optimal"
 * plan.totalCost.toString(); // => "3480"
 * plan.purchases.map((p) => [p.optionId, p.schoolId ?? null, p.seatsBought ?? null]); // => [["seat", null, 40], ["site", "big", null]]
 * ```
 * @category Optimizer
 */
export function optimizeLicenses(input: unknown): LicensePlanResult {
  const parsed: PlanInput = parsePlanInput(input);
  let model: Model;
  try {
    model = compileModel(parsed);
  } catch (error) {
    if (error instanceof DistrictKitError) throw error;
    throw new DistrictKitError("UNSUPPORTED", [{ path: [], code: "too_large", message: error instanceof Error ? error.message : String(error) }]);
  }
  const bad = infeasibility(model);
  if (bad) throw bad;
  const comps = components(model);
  const results = comps.map((c) => solveComponent(model, c, parsed.limits.maxNodes, parsed.limits.maxCombinations));
  const infeasible = results.filter((r) => !Number.isFinite(r.cost));
  if (infeasible.length > 0) {
    throw new DistrictKitError(
      "INFEASIBLE",
      infeasible.flatMap((r) =>
        r.products.map((i) => ({
          path: ["products", i],
          code: "no_plan_covers",
          message: `no combination of options covers all demand of ${model.products[i]!.id} (seat maximums or site limits are too small)`,
        })),
      ),
    );
  }
  return buildResult(model, results);
}

function buildResult(model: Model, results: ReturnType<typeof solveComponent>[]): LicensePlanResult {
  const input = model.input;
  const Y = model.Y;
  const fy = (t: number): number => input.firstYear + t;
  const choices: Choice[] = results.flatMap((r) => r.choices);
  // Amounts are added up in whole cents (exact integers) and become Money once.
  interface Row {
    readonly p: Purchase;
    readonly cents: readonly number[];
    readonly choice: Choice | undefined;
    /** Sort ranks: product, kind, school, option, first year. */
    k0: number;
    k1: number;
    k2: number;
    k3: number;
  }
  const rows: Row[] = [];
  // Read-only parts shared between purchases with the same values (site licences at schools in
  // one price band pay the same cash): payments, product lists and contract years — frozen.
  const payOf = new Map<readonly number[], { cents: number[]; payments: Payment[]; total: Money }>();
  const idsOf = new Map<number, string[]>();
  const yearsOf = new Map<readonly number[], number[]>();
  // the fixed parts of site licence descriptions, by variant (option, prepaid) and block
  const siteText = new Map<Choice["variant"], ({ productId: string; head: string; tail: string } | undefined)[]>();
  for (const c of choices) {
    const o = c.variant.option;
    const block = c.variant.blocks[c.block]!;
    let pay = payOf.get(c.cash);
    if (pay === undefined) {
      const payCents: number[] = [];
      const payments: Payment[] = [];
      let totalCents = 0;
      c.cash.forEach((x, t) => {
        if (x === 0) return;
        const rounded = Math.round(x);
        payCents.push(rounded);
        totalCents += rounded;
        payments.push({ fiscalYear: fy(t), amount: money(rounded) });
      });
      // shared between purchases, so frozen: a caller editing one purchase cannot change another
      for (const x of payments) Object.freeze(x);
      Object.freeze(payments);
      pay = { cents: payCents, payments, total: money(totalCents) };
      payOf.set(c.cash, pay);
    }
    const { cents: payCents, payments } = pay;
    let productIds: string[];
    if (c.productIndices.length === 1) {
      const i = c.productIndices[0]!;
      productIds = idsOf.get(i) ?? (Object.freeze([model.products[i]!.id]) as string[]);
      idsOf.set(i, productIds);
    } else productIds = c.productIndices.map((i) => model.products[i]!.id);
    const school = c.schoolIndex === undefined ? undefined : input.schools[c.schoolIndex]!;
    const years = yearsOf.get(block.years) ?? (Object.freeze(block.years.map(fy)) as number[]);
    yearsOf.set(block.years, years);
    const name = o.name ?? o.id;
    let p: Purchase;
    if (c.kind === "site" && school !== undefined && c.key === undefined && c.need === undefined && c.paid === undefined) {
      // the common purchase (tens of thousands on large markets): one literal, its description
      // from a head and a tail shared by the variant's site licences of one block
      let byBlock = siteText.get(c.variant);
      if (byBlock === undefined) siteText.set(c.variant, (byBlock = []));
      let parts = byBlock[c.block];
      if (parts === undefined || parts.productId !== productIds[0]) {
        const term = years.length > 1 ? `FY${years[0]}–FY${years[years.length - 1]}` : `FY${years[0]}`;
        parts = { productId: productIds[0]!, head: `site licence "${name}" for ${productIds[0]} at `, tail: `, ${term}${c.variant.prepaid ? ", prepaid" : ""}` };
        byBlock[c.block] = parts;
      }
      p = {
        optionId: o.id,
        optionName: name,
        kind: "site",
        productIds,
        schoolId: school.id,
        fiscalYears: years,
        prepaid: c.variant.prepaid,
        payments,
        total: pay.total,
        description: parts.head + school.name + parts.tail,
      };
    } else {
      const term = years.length > 1 ? `FY${years[0]}–FY${years[years.length - 1]}` : `FY${years[0]}`;
      let description: string;
      switch (c.kind) {
        case "seat":
          description = `${c.paid} ${c.key === "any" ? "" : `${c.key} `}seats of ${productIds[0]} under "${name}" for ${term}${c.paid !== c.need ? ` (${c.need} needed)` : ""}`;
          break;
        case "site":
          description = `site licence "${name}" for ${productIds[0]} at ${school!.name}, ${term}`;
          break;
        case "concurrent":
          description = `${c.paid} concurrent seats of ${productIds[0]} under "${name}" for ${term} (peak ${c.need})`;
          break;
        case "bundle":
          description = `bundle "${name}" covering ${productIds.join(", ")} district-wide, ${term}`;
          break;
        default:
          description = `district-wide licence "${name}" for ${productIds[0]}, ${term}`;
      }
      if (c.variant.prepaid) description += ", prepaid";
      // the same keys in the same order as { ...(school ? { schoolId } : {}), … }, without the spreads
      const row: { -readonly [K in keyof Purchase]?: Purchase[K] } = { optionId: o.id, optionName: name, kind: c.kind, productIds };
      if (school) row.schoolId = school.id;
      if (c.key !== undefined) row.role = c.key;
      row.fiscalYears = years;
      row.prepaid = c.variant.prepaid;
      if (c.need !== undefined) row.seatsNeeded = c.need;
      if (c.paid !== undefined) row.seatsBought = c.paid;
      row.payments = payments;
      row.total = pay.total;
      row.description = description;
      p = row as Purchase;
    }
    rows.push({ p, cents: payCents, choice: c, k0: 0, k1: 0, k2: 0, k3: 0 });
  }
  // Committed current contracts keep their years.
  for (const c of input.currentContracts) {
    if (c.committedThrough === undefined) continue;
    const years = Array.from({ length: Y }, (_, t) => t).filter((t) => fy(t) <= c.committedThrough!);
    if (years.length === 0) continue;
    const amounts = [c.annualCost, ...escalate(c.annualCost, c.escalator ?? 0, Y)];
    const payments = years.map((t) => ({ fiscalYear: fy(t), amount: amounts[t]!.roundToCents() }));
    const row: Purchase = {
      optionId: c.optionId ?? c.id ?? `current:${c.productId}`,
      optionName: c.description ?? "current contract",
      kind: "committed",
      productIds: [c.productId],
      fiscalYears: years.map(fy),
      prepaid: false,
      ...(c.seats !== undefined ? { seatsBought: c.seats } : {}),
      payments,
      total: Money.sum(payments.map((p) => p.amount)),
      description: `current contract for ${c.productId}, already committed through FY${c.committedThrough}`,
    };
    rows.push({ p: row, cents: payments.map((x) => x.amount.toCents()), choice: undefined, k0: 0, k1: 0, k2: 0, k3: 0 });
  }
  // Sorted by product, kind, school, option (localeCompare's order) and first year: every text is
  // ranked once with one collator (texts the collator calls equal share a rank), then rows compare
  // by rank — the same order as comparing the texts.
  const collate = new Intl.Collator().compare;
  const texts = new Set<string>();
  for (let ri = 0; ri < rows.length; ri++) {
    const p = rows[ri]!.p;
    texts.add(p.productIds[0]!);
    texts.add(p.kind);
    texts.add(p.schoolId ?? "");
    texts.add(p.optionId);
  }
  const ordered = [...texts].sort((a, b) => collate(a, b));
  const rank = new Map<string, number>();
  ordered.forEach((x, i) => rank.set(x, i > 0 && collate(ordered[i - 1]!, x) === 0 ? rank.get(ordered[i - 1]!)! : i));
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri]!;
    const p = r.p;
    r.k0 = rank.get(p.productIds[0]!)!;
    r.k1 = rank.get(p.kind)!;
    r.k2 = rank.get(p.schoolId ?? "")!;
    r.k3 = rank.get(p.optionId)!;
  }
  rows.sort((a, b) => a.k0 - b.k0 || a.k1 - b.k1 || a.k2 - b.k2 || a.k3 - b.k3 || a.p.fiscalYears[0]! - b.p.fiscalYears[0]!);
  const purchases: Purchase[] = rows.map((r) => r.p);

  const last = input.firstYear + Y - 1;
  // cents by year index (payments fall in the plan's years and the later years of terms)
  const byYear = new Float64Array(model.span);
  const paid = new Uint8Array(model.span);
  let committedCents = 0;
  for (let ri = 0; ri < rows.length; ri++) {
    const { p, cents: pc } = rows[ri]!;
    const pays = p.payments;
    for (let i = 0; i < pays.length; i++) {
      const t = pays[i]!.fiscalYear - input.firstYear;
      byYear[t] = byYear[t]! + pc[i]!;
      paid[t] = 1;
    }
    if (p.kind === "committed") for (const x of pc) committedCents += x;
  }
  const yearly: Payment[] = [];
  let inCents = 0;
  let beyondCents = 0;
  for (let t = 0; t < model.span; t++) {
    if (!paid[t]) continue;
    yearly.push({ fiscalYear: fy(t), amount: money(byYear[t]!) });
    if (fy(t) <= last) inCents += byYear[t]!;
    else beyondCents += byYear[t]!;
  }
  const totalCost = money(inCents);
  const beyondHorizonCost = money(beyondCents);
  const committedCost = money(committedCents);

  let objectiveCents = 0;
  let lowerCents = 0;
  for (const r of results) {
    objectiveCents += r.cost;
    lowerCents += r.lowerBound;
  }
  const proven = results.every((r) => r.proven);
  const round = (c: number): Money => (model.integral ? money(c) : Money.of(c.toFixed(6)).divide(100).roundToCents());
  const committedWeighted = purchases
    .filter((p) => p.kind === "committed")
    .flatMap((p) => p.payments)
    .reduce((a, pay) => a + pay.amount.toCents() * model.weight(pay.fiscalYear - input.firstYear), 0);
  const objective = round(objectiveCents + committedWeighted);
  const lowerBound = proven ? objective : round(lowerCents + committedWeighted);
  const gap = objective.subtract(lowerBound);

  // Current contracts over the plan's years.
  let currentCost: Money | null = null;
  const currentByProduct = new Map<string, Money>();
  if (input.currentContracts.length > 0) {
    for (const c of input.currentContracts) {
      const amounts = [c.annualCost, ...escalate(c.annualCost, c.escalator ?? 0, Y - 1)].map((m) => m.roundToCents());
      const sum = Money.sum(amounts);
      currentByProduct.set(c.productId, (currentByProduct.get(c.productId) ?? Money.ZERO).add(sum));
    }
    currentCost = Money.sum(currentByProduct.values());
  }

  const ownOf = new Map<string, Row[]>();
  const bundlesOf = new Map<string, Purchase[]>();
  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri]!;
    const p = row.p;
    if (p.productIds.length === 1) {
      const list = ownOf.get(p.productIds[0]!);
      if (list) list.push(row);
      else ownOf.set(p.productIds[0]!, [row]);
    }
    if (p.kind === "bundle") {
      for (const id of new Set(p.productIds)) {
        const list = bundlesOf.get(id);
        if (list) list.push(p);
        else bundlesOf.set(id, [p]);
      }
    }
  }
  const products: ProductPlan[] = model.products.map((pm) => {
    const product = input.products[pm.index]!;
    const ownRows = ownOf.get(pm.id) ?? [];
    const bundles = bundlesOf.get(pm.id) ?? [];
    const all = [...ownRows.map((r) => r.p), ...bundles];
    const years: ProductYear[] = Array.from({ length: Y }, (_, t) => {
      let seats = 0;
      for (let s = 0; s < model.S; s++) for (let r = 0; r < ROLE_COUNT; r++) seats += demandAt(pm, Y, s, r, t);
      const kinds = [...new Set(all.filter((p) => p.fiscalYears.includes(fy(t))).map((p) => p.kind))].sort();
      return { fiscalYear: fy(t), seatsNeeded: seats, coveredBy: kinds };
    });
    let costCents = 0;
    for (const { p, cents: pc } of ownRows) {
      p.payments.forEach((x, i) => {
        if (x.fiscalYear <= last) costCents += pc[i]!;
      });
    }
    const cost = money(costCents);
    const ownChoices = ownRows.map((r) => r.choice).filter((c): c is Choice => c !== undefined);
    // The explanation (a break-even row per school and year, alternatives, cliffs) is written when
    // first read, then kept: a plan over hundreds of products is mostly read for its purchases.
    const bundleIds = bundles.map((b) => b.optionId);
    const current = currentByProduct.get(pm.id) ?? null;
    let explanation: ProductExplanation | undefined;
    return {
      productId: pm.id,
      name: product.name,
      category: product.category,
      cost,
      bundles: [...new Set(bundleIds)],
      years,
      get explanation(): ProductExplanation {
        return (explanation ??= explainProduct(model, pm, ownChoices, bundleIds, cost, current));
      },
    };
  });

  const budgetLines: LicenseBudgetLine[] = [];
  const lineKey = new Map<string, { name: string; productIds: string[]; amounts: Float64Array; paid: Uint8Array }>();
  const productName = new Map<string, string>();
  for (const x of input.products) if (!productName.has(x.id)) productName.set(x.id, x.name);
  const productLine = new Map<string, string>();
  for (let ri = 0; ri < rows.length; ri++) {
    const { p, cents: pc } = rows[ri]!;
    let key: string;
    if (p.kind === "bundle") key = `bundle:${p.optionId}`;
    else {
      const id = p.productIds[0]!;
      key = productLine.get(id) ?? `product:${id}`;
      productLine.set(id, key);
    }
    let entry = lineKey.get(key);
    if (entry === undefined) {
      const name = p.kind === "bundle" ? `Software bundle: ${p.optionName}` : `Software licences: ${productName.get(p.productIds[0]!)!}`;
      entry = { name, productIds: [...p.productIds], amounts: new Float64Array(model.span), paid: new Uint8Array(model.span) };
      lineKey.set(key, entry);
    }
    const pays = p.payments;
    for (let i = 0; i < pays.length; i++) {
      const t = pays[i]!.fiscalYear - input.firstYear;
      entry.amounts[t] = entry.amounts[t]! + pc[i]!;
      entry.paid[t] = 1;
    }
  }
  for (const [id, e] of lineKey) {
    const amounts: Payment[] = [];
    for (let t = 0; t < model.span; t++) if (e.paid[t]) amounts.push({ fiscalYear: fy(t), amount: money(e.amounts[t]!) });
    budgetLines.push({ id, name: e.name, category: "software", productIds: e.productIds, amounts });
  }

  const savings = currentCost === null ? null : currentCost.subtract(totalCost);
  const nodes = results.reduce((a, r) => a + r.nodes, 0);
  const combinations = results.reduce((a, r) => a + r.combinations, 0);
  const statusText = proven ? "proven optimal" : `the best plan found within the search limits; no plan costs less than ${usd(lowerBound)} (gap ${usd(gap)})`;
  const explanation =
    `Cheapest plan covering every product, school, role and year of FY${input.firstYear}–FY${last}: ${usd(totalCost)}` +
    (beyondHorizonCost.isZero() ? "" : ` plus ${usd(beyondHorizonCost)} in later years of multi-year terms`) +
    (committedCost.isZero() ? "" : ` (including ${usd(committedCost)} already committed)`) +
    `, ${statusText}.` +
    (savings === null ? "" : ` Current contracts would cost ${usd(currentCost!)} over the same years: ${savings.isNegative() ? `${usd(savings.negate())} more` : `${usd(savings)} saved`}.`) +
    ` ${purchases.length} purchase${purchases.length === 1 ? "" : "s"}; searched ${comps(results)} product group${results.length === 1 ? "" : "s"} with ${nodes} branch-and-bound node${nodes === 1 ? "" : "s"}.`;

  return {
    status: proven ? "optimal" : "best-found",
    years: Array.from({ length: Y }, (_, t) => fy(t)),
    totalCost,
    beyondHorizonCost,
    objective,
    lowerBound,
    gap,
    yearly,
    purchases,
    products,
    currentCost,
    savings,
    budgetLines,
    search: {
      components: results.length,
      largestComponent: Math.max(...results.map((r) => r.products.length)),
      nodes,
      combinations,
      maxNodes: input.limits.maxNodes,
      maxCombinations: input.limits.maxCombinations,
    },
    explanation,
  };
}

function comps(results: readonly unknown[]): number {
  return results.length;
}
