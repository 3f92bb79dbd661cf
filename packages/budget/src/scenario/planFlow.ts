import { Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { dollars } from "../internal/cents.js";
import { prepareBudget } from "../projection/model.js";
import { projectBudget } from "../projection/projectBudget.js";
import type { BudgetModel, BudgetModelInput } from "../schema/budget.js";
import type { LineItem } from "../schema/lineItem.js";
import { type Lever, leverSchema, type ScenarioInput, scenarioSchema } from "../schema/scenario.js";
import { compareProjections } from "./compare.js";

// Plans from other engines (a licence plan, a device refresh forecast) flow into a budget
// scenario through a `use-plan` lever: in the plan's fiscal years, the budget items it replaces
// cost nothing and the plan's yearly lines are added. Two helpers make that safe for a person:
// `matchPlanLines` proposes which items a plan replaces (so nothing is counted twice), and
// `reconcilePlan` says, before the plan is used, exactly what it removes, adds and changes per
// year — computed by projecting the scenario with and without the plan, so the reconciliation
// is the very difference the budget will show.

const text = z.string().min(1).max(200);

/**
 * What {@link matchPlanLines} matches: each plan line with the names another engine gives what
 * it buys (`refs`: product or model ids and names) and broader words for it (`keywords`: a
 * product category such as "assessment", a device category such as "Chromebook").
 *
 * @example
 * ```ts
 * planMatchRequestSchema.parse({ lines: [{ id: "reading", name: "ReadWell", category: "software" }] }).lines[0]?.refs; // => []
 * ```
 * @category Scenarios
 */
export const planMatchRequestSchema = z.object({
  lines: z
    .array(
      z.object({
        id: text,
        name: text,
        /** The budget category the line's cost belongs to. */
        category: text,
        refs: z.array(text).max(200).default([]),
        keywords: z.array(text).max(50).default([]),
      }),
    )
    .max(10_000),
  /** Budget categories whose items the plan may replace (default: the lines' categories). */
  categories: z.array(text).max(100).optional(),
});

/**
 * A plan-match request as given.
 *
 * @category Scenarios
 */
export type PlanMatchRequest = z.input<typeof planMatchRequestSchema>;

/**
 * How an item was matched: `reference` (the item's `planRefs` name the line), `product` (the
 * item's id or name holds a product or model name of the line), `category` (only the line's
 * broader keyword matched: check it).
 *
 * @category Scenarios
 */
export type PlanMatchReason = "reference" | "product" | "category";

/**
 * One budget item a plan could replace.
 *
 * @category Scenarios
 */
export interface PlanCandidate {
  readonly itemId: string;
  readonly name: string;
  readonly category: string;
  readonly eRate: "C1" | "C2" | "ineligible";
  /** True when the item matched a line: tick it by default. */
  readonly suggested: boolean;
  /** The plan lines it matched, each with how. */
  readonly matchedBy: readonly { readonly lineId: string; readonly reason: PlanMatchReason; readonly on: string }[];
  readonly explanation: string;
}

/**
 * What {@link matchPlanLines} found.
 *
 * @category Scenarios
 */
export interface PlanMatch {
  /** Every item of the eligible categories, suggested ones first, in budget order within each group. */
  readonly candidates: readonly PlanCandidate[];
  /** Ids of the suggested items (what to tick by default). */
  readonly suggested: readonly string[];
  /**
   * Per plan line: the items it matched, the E-Rate category they share (else `ineligible`) and
   * the budget category they share (else the line's own): give the line these, so the plan's
   * cost keeps the funding rules of what it replaces.
   */
  readonly lines: readonly { readonly lineId: string; readonly itemIds: readonly string[]; readonly eRate: "C1" | "C2" | "ineligible"; readonly category: string }[];
  /** Plan lines that matched no item: their cost is added, nothing is replaced for them. */
  readonly unmatched: readonly string[];
  readonly explanation: string;
}

const STOP = new Set([
  "a",
  "an",
  "and",
  "the",
  "of",
  "for",
  "per",
  "to",
  "in",
  "on",
  "with",
  "by",
  "from",
  "program",
  "software",
  "licence",
  "license",
  "subscription",
  "tool",
  "service",
  "plan",
  "new",
]);

/** @internal Words of a name, lower-case, without accents, stop words or a plural "s". */
export function nameTokens(s: string): string[] {
  const out: string[] = [];
  for (const raw of s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (raw === "" || STOP.has(raw)) continue;
    const t = raw.length > 3 && raw.endsWith("s") && !/(ss|us|is)$/.test(raw) ? raw.slice(0, -1) : raw;
    if (!STOP.has(t)) out.push(t);
  }
  return out;
}

/** @internal A name with only its letters and digits, lower-case ("Web-Filter" → "webfilter"). */
export function squash(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Whether the words hold every token (and there is at least one). */
function has(words: ReadonlySet<string>, tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.every((w) => words.has(w));
}

/** The eligible items indexed for matching (see matchPlanLines). */
function matchIndex(items: readonly LineItem[]) {
  const words = items.map((it) => new Set([...nameTokens(it.id), ...nameTokens(it.name)]));
  const idSq = items.map((it) => squash(it.id));
  const nameSq = items.map((it) => squash(it.name));
  const refSq = items.map((it) => (it.planRefs ?? []).map(squash));
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const byRef = new Map<string, number[]>();
  const bySq = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const byId = new Map<string, LineItem>();
  items.forEach((it, i) => {
    if (!byId.has(it.id)) byId.set(it.id, it);
    if (it.planRefs !== undefined) {
      for (const r of refSq[i]!) push(byRef, r, i);
      return;
    }
    push(bySq, idSq[i]!, i);
    push(bySq, nameSq[i]!, i);
    for (const w of words[i]!) push(byWord, w, i);
  });
  /** Items without references whose words hold every token (none for no token). */
  const holding = (tokens: readonly string[]): readonly number[] => {
    if (tokens.length === 0) return [];
    let rarest: readonly number[] | undefined;
    for (const t of tokens) {
      const list = byWord.get(t) ?? [];
      if (rarest === undefined || list.length < rarest.length) rarest = list;
    }
    return rarest!.filter((i) => has(words[i]!, tokens));
  };
  return { words, idSq, nameSq, refSq, byRef, bySq, byId, holding };
}

/**
 * Proposes which budget items a plan replaces, so that using it does not count the same spend
 * twice. An item with `planRefs` matches exactly the lines whose id or refs it names (an empty
 * list: never matched automatically). An item without them matches a line when its id or name
 * holds one of the line's product or model names (same id, same name, or every word of the
 * name, ignoring case, accents, plurals and words such as "program" or "licence": `product`),
 * else when it holds one of the line's keywords (a category-level guess: `category`, to be
 * checked). Only items of the eligible categories are candidates. Words are compared, never
 * used as object keys: any id works.
 *
 * @param input - the budget model (or its input)
 * @param request - the plan's lines with their names and keywords
 * @returns every candidate item, the suggested ones, and per line what it matched
 * @throws DistrictKitError when the request is not valid
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 2, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [
 *       { id: "lms", name: "Learning management system", category: "software", kind: "recurring", amount: "900" },
 *       { id: "sis", name: "Student information system", category: "software", kind: "recurring", amount: "2000" },
 *     ] },
 * };
 * matchPlanLines(input, { lines: [{ id: "canopy", name: "CourseCanopy LMS", category: "software", refs: ["lms"] }] }).suggested; // => ["lms"]
 * ```
 * @category Scenarios
 */
export function matchPlanLines(input: BudgetModelInput | BudgetModel, request: PlanMatchRequest): PlanMatch {
  const model = prepareBudget(input);
  const req = parseInput(planMatchRequestSchema, request, ["request"]);
  const eligible = new Set(req.categories ?? req.lines.map((l) => l.category));
  const items = model.budget.lineItems.filter((it) => eligible.has(it.category));
  const found = new Map<string, { lineId: string; reason: PlanMatchReason; on: string }[]>();
  const note = (item: LineItem, lineId: string, reason: PlanMatchReason, on: string): void => {
    const list = found.get(item.id);
    if (list === undefined) found.set(item.id, [{ lineId, reason, on }]);
    else list.push({ lineId, reason, on });
  };
  // Indexes built once, so that a line looks only at the items that can match it (a plan of L
  // lines against I items costs about L + I + the matches, not L × I): items by squashed reference,
  // by squashed id and name, and by word. planMatch.prop.test.ts keeps the plain scan of every item
  // for every line as the reference.
  const index = matchIndex(items);
  const byLine: { lineId: string; itemIds: string[]; eRate: "C1" | "C2" | "ineligible"; category: string }[] = [];
  for (const line of req.lines) {
    const names = [line.id, ...line.refs];
    const nameSq = names.map(squash);
    const nameTok = names.map(nameTokens);
    const squashed = new Set(nameSq.filter((x) => x !== ""));
    const hits: string[] = [];
    // references and product names, in the items' order
    const near = new Set<number>();
    for (const x of squashed) for (const i of index.byRef.get(x) ?? []) near.add(i);
    nameSq.forEach((x, k) => {
      for (const i of index.bySq.get(x) ?? []) near.add(i);
      for (const i of index.holding(nameTok[k]!)) near.add(i);
    });
    const named = new Set<number>();
    for (const i of [...near].sort((a, b) => a - b)) {
      const it = items[i]!;
      if (it.planRefs !== undefined) {
        const ref = it.planRefs.find((_, k) => squashed.has(index.refSq[i]![k]!));
        if (ref !== undefined) {
          note(it, line.id, "reference", ref);
          hits.push(it.id);
        }
        continue;
      }
      const w = index.words[i]!;
      const k = nameSq.findIndex((x, j) => x === index.idSq[i] || x === index.nameSq[i] || has(w, nameTok[j]!));
      if (k >= 0) {
        note(it, line.id, "product", names[k]!);
        hits.push(it.id);
        named.add(i);
      }
    }
    // keywords, for the items no name matched (a line's hits can be thousands of items)
    const keyTok = line.keywords.map(nameTokens);
    const guess = new Set<number>();
    for (const t of keyTok) for (const i of index.holding(t)) if (!named.has(i) && items[i]!.planRefs === undefined) guess.add(i);
    for (const i of [...guess].sort((a, b) => a - b)) {
      const it = items[i]!;
      const k = keyTok.findIndex((t) => has(index.words[i]!, t));
      if (k >= 0) {
        note(it, line.id, "category", line.keywords[k]!);
        hits.push(it.id);
      }
    }
    let rate: "C1" | "C2" | "ineligible" | null | undefined;
    let cat: string | null | undefined;
    for (const id of new Set(hits)) {
      const it = index.byId.get(id)!;
      rate = rate === undefined ? it.eRate : rate === it.eRate ? rate : null;
      cat = cat === undefined ? it.category : cat === it.category ? cat : null;
    }
    byLine.push({ lineId: line.id, itemIds: hits, eRate: rate === undefined || rate === null ? "ineligible" : rate, category: typeof cat === "string" ? cat : line.category });
  }
  const why = (m: { lineId: string; reason: PlanMatchReason; on: string }): string =>
    m.reason === "reference"
      ? `its plan reference “${m.on}” names line ${m.lineId}`
      : m.reason === "product"
        ? `its name holds “${m.on}” of line ${m.lineId}`
        : `only the keyword “${m.on}” of line ${m.lineId} matched: check it`;
  const candidates: PlanCandidate[] = items.map((it) => {
    const m = found.get(it.id) ?? [];
    return {
      itemId: it.id,
      name: it.name,
      category: it.category,
      eRate: it.eRate,
      suggested: m.length > 0,
      matchedBy: m,
      explanation: m.length > 0 ? `${it.name}: replaced because ${m.map(why).join("; ")}.` : `${it.name}: no line of the plan names it; kept.`,
    };
  });
  const ordered = [...candidates.filter((c) => c.suggested), ...candidates.filter((c) => !c.suggested)];
  const suggested = ordered.filter((c) => c.suggested).map((c) => c.itemId);
  const unmatched = byLine.filter((l) => l.itemIds.length === 0).map((l) => l.lineId);
  const guessed = candidates.filter((c) => c.matchedBy.length > 0 && c.matchedBy.every((m) => m.reason === "category")).length;
  return {
    candidates: ordered,
    suggested,
    lines: byLine,
    unmatched,
    explanation:
      `${suggested.length} of ${items.length} budget item${items.length === 1 ? "" : "s"} in ${[...eligible].join(", ")} match the plan's ${req.lines.length} line${req.lines.length === 1 ? "" : "s"}` +
      (guessed > 0 ? ` (${guessed} by category only: check ${guessed === 1 ? "it" : "them"})` : "") +
      (unmatched.length > 0 ? `; ${unmatched.length} line${unmatched.length === 1 ? "" : "s"} replace nothing and add ${unmatched.length === 1 ? "its" : "their"} cost` : "") +
      ".",
  };
}

/**
 * One budget line in a reconciliation: what the plan does to it, year by year.
 *
 * @category Scenarios
 */
export interface ReconciledLine {
  readonly itemId: string;
  readonly name: string;
  readonly category: string;
  /** `replaced`: an item whose cost the plan removes; `added`: a plan line; `dropped`: a line of a plan used before; `changed`: any other difference. */
  readonly status: "replaced" | "added" | "dropped" | "changed";
  /** after − before, by fiscal year (only years that change). */
  readonly byYear: Readonly<Record<string, Money>>;
  readonly change: Money;
}

/**
 * One fiscal year of a reconciliation. `added − removed = net` exactly; `net` is the change of
 * the scenario's total that year.
 *
 * @category Scenarios
 */
export interface ReconciledYear {
  readonly fiscalYear: number;
  /** Cost that leaves the budget (replaced items, lines of a plan used before), as a positive amount. */
  readonly removed: Money;
  /** Cost that enters it (the plan's lines). */
  readonly added: Money;
  readonly net: Money;
  /** Change by budget category (after − before). */
  readonly byCategory: Readonly<Record<string, Money>>;
  /** Change of the general-fund draw (E-Rate and restricted funds may pay differently). */
  readonly generalFund: Money;
  /** Change of each fund's draw, by fund id (only funds that change; the general fund too): they add up to `net`. */
  readonly byFund: Readonly<Record<string, Money>>;
}

/**
 * What using a plan in a scenario does, before it is used: {@link reconcilePlan}'s result.
 *
 * @category Scenarios
 */
export interface PlanReconciliation {
  /** The scenario with the plan in use (its `use-plan` lever added, or replacing the one of the same plan id): use it as is. */
  readonly scenario: ScenarioInput;
  readonly plan: { readonly id: string; readonly name: string; readonly fromYear: number; readonly toYear: number };
  /** Every horizon year in which something changes. */
  readonly years: readonly ReconciledYear[];
  readonly lines: readonly ReconciledLine[];
  readonly removed: Money;
  readonly added: Money;
  readonly net: Money;
  readonly generalFund: Money;
  /** Change of each fund's draw over the horizon, by fund id (only funds that change; the general fund too): they add up to `net`. */
  readonly byFund: Readonly<Record<string, Money>>;
  /** Plan amounts outside the budget's horizon (not in the budget). */
  readonly outsideHorizon: Money;
  /** True when the scenario already used exactly this plan: using it again changes nothing. */
  readonly unchanged: boolean;
  readonly explanation: string;
}

const useLever = leverSchema.refine((l) => l.type === "use-plan", "expected a use-plan lever");

/**
 * Reconciles a plan with a scenario before it is used: the scenario is projected as it is and
 * with the plan (`use-plan` lever added, or replacing the scenario's lever of the same plan id,
 * so using a plan twice changes nothing more), and the two are compared line by line. Per year:
 * the cost removed (replaced items), the cost added (plan lines), the net change (exactly the
 * change of the scenario's total), by category, and the change of the general-fund draw.
 *
 * @param input - the budget model (or its input)
 * @param scenario - the scenario the plan goes into
 * @param lever - the `use-plan` lever
 * @returns the reconciliation and the scenario to use
 * @throws DistrictKitError when the scenario or the lever is not valid, or names unknown items
 * @example
 * ```ts
 * const input = {
 *   district: { name: "D", asOf: "2026-07-01", schools: [{ id: "a", name: "A", students: 100, nslpEligible: 10, locale: "urban" }] },
 *   budget: { name: "B", firstYear: 2027, years: 3, funds: [{ id: "gf", name: "GF", kind: "general" }],
 *     lineItems: [{ id: "lms", name: "LMS", category: "software", kind: "recurring", amount: "1000" }] },
 * };
 * const r = reconcilePlan(input, { id: "s", name: "S" }, { type: "use-plan", plan: "licences", name: "Licence plan",
 *   fromYear: 2027, toYear: 2028, replaces: ["lms"], lines: [{ id: "lms", name: "LMS seats", category: "software", amounts: { "2027": "800", "2028": "800" } }] });
 * r.net.toString(); // => "-400"
 * r.years.map((y) => y.net.toString()); // => ["-200", "-200"]
 * ```
 * @category Scenarios
 */
export function reconcilePlan(input: BudgetModelInput | BudgetModel, scenario: ScenarioInput, lever: unknown): PlanReconciliation {
  const model = prepareBudget(input);
  const sc = parseInput(scenarioSchema, scenario, ["scenario"]);
  const plan = parseInput(useLever, lever, ["lever"]) as Extract<Lever, { type: "use-plan" }>;
  const at = sc.levers.findIndex((l) => l.type === "use-plan" && l.plan === plan.plan);
  const levers = at < 0 ? [...sc.levers, plan] : sc.levers.map((l, i) => (i === at ? plan : l));
  const after: ScenarioInput = { ...sc, levers };
  const before = projectBudget(model, sc);
  const withPlan = projectBudget(model, after);
  const fundNames = new Map<string, string>();
  for (const f of [...before.funds, ...withPlan.funds]) if (!fundNames.has(f.id)) fundNames.set(f.id, f.name);
  const fundIds = [...fundNames.keys()];
  const cmp = compareProjections(before, withPlan);
  const replaced = new Set(plan.replaces);
  const planItems = new Set(plan.lines.map((l) => `${plan.plan}:${l.id}`));
  const lines: ReconciledLine[] = [];
  for (const l of cmp.lines) {
    if (l.delta.isZero() && Object.values(l.byYear).every((v) => v.isZero())) continue;
    const byYear: Record<string, Money> = {};
    for (const [y, v] of Object.entries(l.byYear)) if (!v.isZero()) byYear[y] = v;
    const status: ReconciledLine["status"] =
      planItems.has(l.itemId) && l.status === "added" ? "added" : l.status === "removed" ? "dropped" : replaced.has(l.itemId) ? "replaced" : planItems.has(l.itemId) ? "added" : "changed";
    lines.push({ itemId: l.itemId, name: l.name, category: l.category, status, byYear, change: l.delta });
  }
  const years: ReconciledYear[] = [];
  let removedAll = Money.ZERO;
  let addedAll = Money.ZERO;
  for (const y of cmp.years) {
    const key = String(y.fiscalYear);
    let removed = Money.ZERO;
    let added = Money.ZERO;
    for (const l of lines) {
      const v = l.byYear[key];
      if (v === undefined) continue;
      if (v.isNegative()) removed = removed.add(v.negate());
      else added = added.add(v);
    }
    const gf = (withPlan.generalFund.byYear[key] ?? Money.ZERO).subtract(before.generalFund.byYear[key] ?? Money.ZERO);
    const byFund = fundChange(before.years.find((b) => b.fiscalYear === y.fiscalYear)?.byFund, withPlan.years.find((a) => a.fiscalYear === y.fiscalYear)?.byFund, fundIds);
    if (removed.isZero() && added.isZero() && gf.isZero() && y.total.delta.isZero() && Object.keys(byFund).length === 0) continue;
    const byCategory = Object.create(null) as Record<string, Money>; // categories are user data: no prototype
    for (const [c, d] of Object.entries(y.byCategory)) if (!d.delta.isZero()) byCategory[c] = d.delta;
    removedAll = removedAll.add(removed);
    addedAll = addedAll.add(added);
    years.push({ fiscalYear: y.fiscalYear, removed, added, net: y.total.delta, byCategory, generalFund: gf, byFund });
  }
  const byFundAll = fundChange(before.byFund, withPlan.byFund, fundIds);
  const first = model.budget.firstYear;
  const last = first + model.budget.years - 1;
  let outside = Money.ZERO;
  for (const l of plan.lines) for (const [y, v] of Object.entries(l.amounts)) if (Number(y) < first || Number(y) > last) outside = outside.add(v);
  const net = cmp.total.delta;
  const gfAll = cmp.generalFundDraw.delta;
  const unchanged = lines.length === 0 && years.length === 0;
  const usd = (m: Money): string => dollars(m.toCents());
  const span = plan.fromYear === plan.toYear ? `FY${plan.fromYear}` : `FY${plan.fromYear}–FY${plan.toYear}`;
  // other funds' changes: over the horizon (they make the general-fund change differ from the net
  // change), and funds paying the same in all but in other years (E-Rate C2 within its cycle)
  const gfId = before.generalFund.id;
  const others = Object.entries(byFundAll).filter(([id]) => id !== gfId);
  const shifted = fundIds.filter((id) => id !== gfId && byFundAll[id] === undefined && years.some((y) => y.byFund[id] !== undefined));
  const signed = (m: Money): string => (m.isNegative() ? `−${usd(m.negate())}` : `+${usd(m)}`);
  const shiftedText = shifted
    .map(
      (id) =>
        `; ${fundNames.get(id)} pays the same over the horizon but moves between years (${years
          .filter((y) => y.byFund[id] !== undefined)
          .map((y) => `FY${y.fiscalYear} ${signed(y.byFund[id]!)}`)
          .join(", ")}), so in those years the general-fund change differs from the net change`,
    )
    .join("");
  const nReplaced = lines.filter((l) => l.status === "replaced").length;
  const nAdded = lines.filter((l) => l.status === "added").length;
  const explanation = unchanged
    ? `“${sc.name}” already uses this ${plan.name}: using it again changes nothing.`
    : `Using the ${plan.name} in “${sc.name}” for ${span}: ${nReplaced} budget item${nReplaced === 1 ? "" : "s"} replaced (${usd(removedAll)} removed), ${nAdded} plan line${nAdded === 1 ? "" : "s"} added (${usd(addedAll)}); the scenario's total ${net.isZero() ? "does not change" : net.isNegative() ? `falls by ${usd(net.negate())}` : `rises by ${usd(net)}`}` +
      (gfAll.equals(net)
        ? ""
        : `, the general-fund draw ${gfAll.isZero() ? "does not change" : gfAll.isNegative() ? `falls by ${usd(gfAll.negate())}` : `rises by ${usd(gfAll)}`} (${others.map(([id, d]) => `${fundNames.get(id)} ${d.isNegative() ? `${usd(d.negate())} less` : `${usd(d)} more`}`).join(", ")})`) +
      shiftedText +
      (outside.isZero() ? "" : `; ${usd(outside)} of the plan falls outside the budget's FY${first}–FY${last} and is not counted`) +
      ".";
  return {
    scenario: after,
    plan: { id: plan.plan, name: plan.name, fromYear: plan.fromYear, toYear: plan.toYear },
    years,
    lines,
    removed: removedAll,
    added: addedAll,
    net,
    generalFund: gfAll,
    byFund: byFundAll,
    outsideHorizon: outside,
    unchanged,
    explanation,
  };
}

/** after − before of each fund, by fund id, only the funds that change (ids are user data: no prototype). */
function fundChange(before: Readonly<Record<string, Money>> | undefined, after: Readonly<Record<string, Money>> | undefined, ids: readonly string[]): Record<string, Money> {
  const out = Object.create(null) as Record<string, Money>;
  for (const id of ids) {
    const d = (after?.[id] ?? Money.ZERO).subtract(before?.[id] ?? Money.ZERO);
    if (!d.isZero()) out[id] = d;
  }
  return out;
}
