import { DistrictKitError, isoDateSchema, Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { ERATE_ELIGIBILITY_EDITIONS, ERATE_SERVICES, type ERateEligibilityEdition, type ERateService } from "../tables/eRateEligibility.js";

const id = z.string().min(1).max(200);
const fundingYear = z.number().int().min(2015).max(9998);

/**
 * An eligibility ruling given as data (the shape of {@link ERATE_ELIGIBILITY_EDITIONS}' rows):
 * the district adds a ruling the table does not hold yet without waiting for a release.
 *
 * @example
 * ```ts
 * const e = eligibilityEditionSchema.parse({ id: "x", adopted: "2026-12-01", title: "t", source: "s",
 *   changes: [{ service: "basic-firewall", eligible: false, fromFundingYear: 2027 }] });
 * e.changes.length; // => 1
 * ```
 * @category E-Rate
 */
export const eligibilityEditionSchema = z.object({
  id,
  adopted: isoDateSchema,
  title: z.string().min(1).max(300),
  source: z.string().min(1, { error: "expected a source for the ruling" }).max(1000),
  changes: z
    .array(
      z
        .object({ service: id, eligible: z.boolean(), fromFundingYear: fundingYear, toFundingYear: fundingYear.optional(), note: z.string().max(500).optional() })
        .refine((c) => c.toFundingYear === undefined || c.toFundingYear >= c.fromFundingYear, { error: "expected toFundingYear ≥ fromFundingYear", path: ["toFundingYear"] }),
    )
    .min(1)
    .max(1000),
});

/**
 * Input of {@link checkERateEligibility}: the funding year a plan is for, the day whose rules
 * apply (`rulesAsOf`), the planned items (each names a service of {@link ERATE_SERVICES}), and
 * optionally the district's own rulings and services added to the tables.
 *
 * @example
 * ```ts
 * eligibilityCheckInputSchema.parse({ fundingYear: 2026, rulesAsOf: "2026-01-15", items: [] }).editions; // => []
 * ```
 * @category E-Rate
 */
export const eligibilityCheckInputSchema = z.object({
  fundingYear,
  rulesAsOf: isoDateSchema,
  items: z.array(z.object({ id, name: z.string().max(300).optional(), service: id, amount: nonNegativeMoneySchema.optional() })).max(100_000),
  editions: z.array(eligibilityEditionSchema).max(1000).default([]),
  services: z
    .array(z.object({ id, name: z.string().min(1).max(300), category: z.enum(["C1", "C2"]).nullable() }))
    .max(1000)
    .default([]),
});

/**
 * {@link checkERateEligibility}'s input as given.
 *
 * @category E-Rate
 */
export type EligibilityCheckInput = z.input<typeof eligibilityCheckInputSchema>;

/**
 * One planned item judged under the rules of a day.
 *
 * @category E-Rate
 */
export interface EligibilityLine {
  readonly id: string;
  readonly name: string;
  readonly service: string;
  readonly serviceName: string;
  /** Eligible, not eligible, or null when no ruling covers the service for that funding year. */
  readonly eligible: boolean | null;
  readonly category: "C1" | "C2" | null;
  /** The ruling that decided it, its adoption day and source. */
  readonly decidedBy: { readonly edition: string; readonly adopted: string; readonly title: string; readonly source: string; readonly note: string | null } | null;
  readonly amount: Money | null;
  readonly explanation: string;
}

/**
 * A plan's eligibility under the rules of one day.
 *
 * @category E-Rate
 */
export interface EligibilityCheckResult {
  readonly fundingYear: number;
  readonly rulesAsOf: string;
  readonly items: readonly EligibilityLine[];
  /** Rulings adopted by `rulesAsOf`, oldest first. */
  readonly editionsApplied: readonly string[];
  readonly eligibleAmount: Money;
  readonly ineligibleAmount: Money;
  readonly explanation: string;
}

type Parsed = z.output<typeof eligibilityCheckInputSchema>;

function judge(v: Parsed): EligibilityCheckResult {
  const services = new Map<string, ERateService>(ERATE_SERVICES.map((s) => [s.id, s]));
  for (const s of v.services) services.set(s.id, s);
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const editions: ERateEligibilityEdition[] = [...ERATE_ELIGIBILITY_EDITIONS, ...v.editions];
  v.editions.forEach((e, i) =>
    e.changes.forEach((c, j) => {
      if (!services.has(c.service)) issues.push({ path: ["editions", i, "changes", j, "service"], code: "unknown_service", message: `unknown service "${c.service}" (add it to services)` });
    }),
  );
  v.items.forEach((it, i) => {
    if (!services.has(it.service)) issues.push({ path: ["items", i, "service"], code: "unknown_service", message: `unknown service "${it.service}"; known: ${[...services.keys()].join(", ")}` });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  // rulings in adoption order (stable: table order, then the district's), applied up to rulesAsOf
  const applied = editions
    .map((e, order) => ({ e, order }))
    .filter(({ e }) => e.adopted <= v.rulesAsOf)
    .sort((a, b) => (a.e.adopted < b.e.adopted ? -1 : a.e.adopted > b.e.adopted ? 1 : a.order - b.order))
    .map(({ e }) => e);
  const status = new Map<string, { eligible: boolean; edition: ERateEligibilityEdition; note: string | null }>();
  for (const e of applied) {
    for (const c of e.changes) {
      if (c.fromFundingYear <= v.fundingYear && (c.toFundingYear === undefined || v.fundingYear <= c.toFundingYear)) status.set(c.service, { eligible: c.eligible, edition: e, note: c.note ?? null });
    }
  }
  let eligibleAmount = Money.ZERO;
  let ineligibleAmount = Money.ZERO;
  const items = v.items.map((it): EligibilityLine => {
    const s = services.get(it.service)!;
    const st = status.get(it.service);
    const eligible = st?.eligible ?? null;
    if (it.amount !== undefined) {
      if (eligible === true) eligibleAmount = eligibleAmount.add(it.amount);
      else ineligibleAmount = ineligibleAmount.add(it.amount);
    }
    const label = it.name ?? s.name;
    return {
      id: it.id,
      name: label,
      service: it.service,
      serviceName: s.name,
      eligible,
      category: eligible === true ? s.category : null,
      decidedBy: st ? { edition: st.edition.id, adopted: st.edition.adopted, title: st.edition.title, source: st.edition.source, note: st.note } : null,
      amount: it.amount ?? null,
      explanation:
        st === undefined
          ? `${label} (${s.name}): no ruling adopted by ${v.rulesAsOf} covers FY${v.fundingYear}.`
          : `${label} (${s.name}) is ${st.eligible ? `eligible${s.category ? ` as ${s.category}` : ""}` : "not eligible"} for FY${v.fundingYear} under the rules of ${v.rulesAsOf}: ${st.edition.title} (${st.edition.source})${st.note ? ` — ${st.note}` : ""}.`,
    };
  });
  const nIneligible = items.filter((i) => i.eligible !== true).length;
  return {
    fundingYear: v.fundingYear,
    rulesAsOf: v.rulesAsOf,
    items,
    editionsApplied: applied.map((e) => e.id),
    eligibleAmount,
    ineligibleAmount,
    explanation:
      `Under the rules adopted by ${v.rulesAsOf} (${applied.length} rulings), ${items.length - nIneligible} of ${items.length} items are eligible for FY${v.fundingYear}` +
      (nIneligible > 0 ? `; ${nIneligible} are not (or no ruling covers them), ${ineligibleAmount.format()} of planned cost.` : "."),
  };
}

/**
 * Whether each planned item is E-Rate eligible for a funding year under the rules adopted by a
 * given day: the rulings of {@link ERATE_ELIGIBILITY_EDITIONS} (plus the district's own) adopted
 * on or before `rulesAsOf` are applied in adoption order, each setting the services it names for
 * the funding years it governs. Each item says which ruling decided it and why.
 *
 * @param input - see {@link eligibilityCheckInputSchema}
 * @returns each item's eligibility, the amounts eligible and not, and the rulings applied
 * @throws DistrictKitError for invalid input or a service no table holds
 * @example
 * ```ts
 * const items = [{ id: "hs", service: "off-premises-hotspots", amount: "12000" }, { id: "aps", service: "wireless-access-points", amount: "62400" }];
 * checkERateEligibility({ fundingYear: 2025, rulesAsOf: "2025-01-15", items }).items.map((i) => i.eligible); // => [true, true]
 * checkERateEligibility({ fundingYear: 2025, rulesAsOf: "2025-10-01", items }).items.map((i) => i.eligible); // => [false, true]
 * ```
 * @category E-Rate
 */
export function checkERateEligibility(input: EligibilityCheckInput): EligibilityCheckResult {
  return judge(parseInput(eligibilityCheckInputSchema, input));
}

/**
 * Input of {@link recheckERateEligibility}: a plan made under the rules of one day (`from`),
 * re-checked under another's (`to`).
 *
 * @example
 * ```ts
 * recheckInputSchema.parse({ fundingYear: 2025, from: "2025-01-15", to: "2025-10-01", items: [] }).to; // => "2025-10-01"
 * ```
 * @category E-Rate
 */
export const recheckInputSchema = eligibilityCheckInputSchema.omit({ rulesAsOf: true }).extend({ from: isoDateSchema, to: isoDateSchema });

/**
 * {@link recheckERateEligibility}'s input as given.
 *
 * @category E-Rate
 */
export type RecheckInput = z.input<typeof recheckInputSchema>;

/**
 * What changed when a plan was re-checked under other rules.
 *
 * @category E-Rate
 */
export interface EligibilityRecheck {
  readonly before: EligibilityCheckResult;
  readonly after: EligibilityCheckResult;
  /** Items whose eligibility differs, with the ruling that changed it. */
  readonly changed: readonly { readonly id: string; readonly name: string; readonly before: boolean | null; readonly after: boolean | null; readonly amount: Money | null; readonly because: string }[];
  /** Planned cost that was eligible and no longer is. */
  readonly lostAmount: Money;
  /** Planned cost that became eligible. */
  readonly gainedAmount: Money;
  readonly explanation: string;
}

/**
 * Re-checks a plan made under the rules of one day against the rules of another: the items whose
 * eligibility changed, the ruling that changed each, and the planned cost that stopped (or
 * started) being eligible. A plan for FY2025 hotspots made in January 2025 loses them under the
 * rules of October 2025 (FCC 25-62).
 *
 * @param input - see {@link recheckInputSchema}
 * @returns both checks and the differences
 * @throws DistrictKitError for invalid input or a service no table holds
 * @example
 * ```ts
 * const r = recheckERateEligibility({ fundingYear: 2025, from: "2025-01-15", to: "2025-10-01",
 *   items: [{ id: "bus", service: "school-bus-wifi", amount: "9000" }, { id: "sw", service: "switches", amount: "91200" }] });
 * r.changed.map((c) => [c.id, c.before, c.after]); // => [["bus", true, false]]
 * r.lostAmount.toString(); // => "9000"
 * ```
 * @category E-Rate
 */
export function recheckERateEligibility(input: RecheckInput): EligibilityRecheck {
  const v = parseInput(recheckInputSchema, input);
  const { from, to, ...rest } = v;
  const before = judge({ ...rest, rulesAsOf: from });
  const after = judge({ ...rest, rulesAsOf: to });
  let lost = Money.ZERO;
  let gained = Money.ZERO;
  const changed = before.items.flatMap((b, i) => {
    const a = after.items[i]!;
    if (a.eligible === b.eligible) return [];
    if (a.amount !== null && b.eligible === true) lost = lost.add(a.amount);
    if (a.amount !== null && a.eligible === true) gained = gained.add(a.amount);
    return [
      { id: b.id, name: b.name, before: b.eligible, after: a.eligible, amount: a.amount, because: a.decidedBy ? `${a.decidedBy.title} (${a.decidedBy.source})` : "no ruling covers it any more" },
    ];
  });
  return {
    before,
    after,
    changed,
    lostAmount: lost,
    gainedAmount: gained,
    explanation:
      changed.length === 0
        ? `Re-checked under the rules of ${to}, the FY${v.fundingYear} plan made under those of ${from} is unchanged.`
        : `Re-checked under the rules of ${to}, ${changed.length} of ${before.items.length} items changed since ${from}: ${lost.format()} of planned cost is no longer eligible` +
          (gained.isZero() ? "." : ` and ${gained.format()} became eligible.`),
  };
}
