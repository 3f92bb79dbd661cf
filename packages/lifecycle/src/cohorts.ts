// Aggregation of devices into cohorts. Grouping is fast at a district's size (100,000 devices):
// nested Maps keyed by the fields themselves (model → school → role → fiscal year; ids are data,
// never object keys), the fiscal year remembered by purchase date (a fiscal year never splits a
// month), and the cohort key's text made once per group instead of once per device. Two groups
// whose key texts agree (a "|" inside a model or school name) share one cohort, whose fields are
// those of the first device with that key — as when the text itself is the key. A cohort's unit
// cost (the mean purchase cost) is divided in whole cents when the costs are. The input is read
// by aggregateInput.ts (its header says how).
//
// Reference: cohorts.prop.test.ts keeps the zod-only aggregateCohorts this replaced (the whole
// input validated by zod, devices grouped by key text) and checks that the two give the same
// JSON, or the same problems at the same paths, on random, odd and hostile inputs.
import { DistrictKitError, type DistrictKitIssue, Money, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type AggregateData, readAggregateInput } from "./aggregateInput.js";
import { fiscalYearByMonth } from "./internal/fiscalYearByMonth.js";
import type { Cohort } from "./schema.js";

/**
 * The key of a cohort: model × school × role × purchase fiscal year.
 *
 * @param c - the cohort's fields
 * @returns a stable id, e.g. `"cb311|MVHS|student|FY2024"`
 * @throws DistrictKitError when a field is missing or of the wrong type
 * @example
 * ```ts
 * cohortKey({ model: "cb311", school: "MVHS", role: "student", purchaseFiscalYear: 2024 }); // => "cb311|MVHS|student|FY2024"
 * ```
 * @category Inventory
 */
export function cohortKey(c: { readonly model: string; readonly school: string; readonly role: string; readonly purchaseFiscalYear: number }): string {
  const v = parseInput(cohortKeySchema, c);
  return keyOf(v);
}

// built once: a zod schema made per call is compiled per call (a cohort key per cohort of a 100,000-device import)
const cohortKeySchema = z.object({ model: z.string(), school: z.string(), role: z.string(), purchaseFiscalYear: z.number().int() });

/** cohortKey without validation (internal, hot paths). */
export function keyOf(c: { readonly model: string; readonly school: string; readonly role: string; readonly purchaseFiscalYear: number }): string {
  return `${c.model}|${c.school}|${c.role}|FY${c.purchaseFiscalYear}`;
}

/**
 * The cohorts built from an inventory, with what was left out and why (never silently).
 *
 * @category Inventory
 */
export interface AggregateCohortsResult {
  /** One cohort per model × school × role × purchase fiscal year, sorted by key. */
  readonly cohorts: readonly (Cohort & { readonly id: string })[];
  /** Devices counted into cohorts. */
  readonly devicesCounted: number;
  /** Devices left out (lost or retired), each with its reason. */
  readonly excluded: readonly { readonly id: string; readonly reason: string }[];
  /** A plain-English summary. */
  readonly explanation: string;
}

/**
 * Aggregates device records into cohorts (model × school × role × purchase fiscal year) so that
 * every later computation costs per cohort, not per device. Lost and retired devices are left
 * out and listed; devices bought after the as-of date and unknown models are errors. The unit
 * cost of a cohort is the mean purchase cost of its devices when every one has it, else the
 * model's price.
 *
 * @param input - see {@link aggregateInputSchema}
 * @returns the cohorts, the count and the exclusions
 * @throws DistrictKitError listing every device with an unknown model or a future purchase date
 * @example
 * ```ts
 * const r = aggregateCohorts({
 *   asOf: "2026-07-01",
 *   models: [{ id: "cb", category: "chromebook", unitPrice: "289" }],
 *   devices: [
 *     { id: "A1", model: "cb", school: "HS", role: "student", purchaseDate: "2023-08-01" },
 *     { id: "A2", model: "cb", school: "HS", role: "student", purchaseDate: "2024-03-01" },
 *     { id: "A3", model: "cb", school: "HS", role: "student", purchaseDate: "2024-03-01", status: "lost" },
 *   ],
 * });
 * r.cohorts.map((c) => [c.id, c.count]); // => [["cb|HS|student|FY2024", 2]]
 * r.excluded.length; // => 1
 * ```
 * @category Inventory
 */
export function aggregateCohorts(input: unknown): AggregateCohortsResult {
  // fast on a district's 100,000 devices, with zod's results and errors (the headers say how)
  return cohortsOfInput(readAggregateInput(input));
}

/**
 * `Money.sum(costs).divide(costs.length).roundToCents()` (half-up), in whole cents when the sum is
 * a safe whole number of cents: an integer division instead of a decimal one (a cohort's unit
 * cost; a district has tens of thousands of cohorts). The exact quotient's distance from a half
 * cent is 0 or at least 1/(2n) of a cent, far above the decimal's 34 digits, so both round alike.
 */
function meanToCents(costs: readonly Money[]): Money {
  const sum = Money.sum(costs);
  const n = costs.length;
  const cents = sum.isWholeCents() ? sum.toCents() : Number.NaN;
  if (!Number.isSafeInteger(cents) || cents < 0) return sum.divide(n).roundToCents();
  let q = Math.floor(cents / n); // a float quotient: corrected below to the exact integer one
  let r = cents - q * n;
  if (r < 0) {
    q--;
    r += n;
  } else if (r >= n) {
    q++;
    r -= n;
  }
  return Money.fromCents(2 * r >= n ? q + 1 : q);
}

interface Group {
  readonly cohort: Cohort;
  count: number;
  readonly costs: Money[];
  allCosts: boolean;
}

/**
 * The cohorts of validated input (see aggregateCohorts): devices of an unknown model or
 * bought after `asOf` are errors, lost and retired ones are left out and listed.
 */
function cohortsOfInput(data: AggregateData): AggregateCohortsResult {
  const { asOf, modelIds } = data;
  const fyOfMonth = fiscalYearByMonth(data.calendar);
  const fyByDate = new Map<string, number>(); // no month text cut per device
  const fyOf = (date: string): number => {
    let fy = fyByDate.get(date);
    if (fy === undefined) fyByDate.set(date, (fy = fyOfMonth(date)));
    return fy;
  };
  const issues: Omit<DistrictKitIssue, "pathText">[] = [];
  const excluded: { id: string; reason: string }[] = [];
  const groups = new Map<string, Group>(); // by key text, in the order first seen
  const tree = new Map<string, Map<string, Map<string, Map<number, Group>>>>();
  let counted = 0;
  const devices = data.devices;
  for (let i = 0; i < devices.length; i++) {
    const d = devices[i]!;
    const known = modelIds.has(d.model);
    if (!known) issues.push({ path: ["devices", i, "model"], code: "unknown_model", message: `unknown model "${d.model}"` });
    if (d.purchaseDate > asOf) {
      issues.push({ path: ["devices", i, "purchaseDate"], code: "future_date", message: `expected a purchase date on or before the as-of date ${asOf}, got "${d.purchaseDate}"` });
    }
    if (!known) continue;
    if (d.status === "lost" || d.status === "retired") {
      excluded.push({ id: d.id, reason: `status "${d.status}"` });
      continue;
    }
    const fy = fyOf(d.purchaseDate);
    let bySchool = tree.get(d.model);
    if (bySchool === undefined) tree.set(d.model, (bySchool = new Map()));
    let byRole = bySchool.get(d.school);
    if (byRole === undefined) bySchool.set(d.school, (byRole = new Map()));
    let byYear = byRole.get(d.role);
    if (byYear === undefined) byRole.set(d.role, (byYear = new Map()));
    let g = byYear.get(fy);
    if (g === undefined) {
      const cohort: Cohort = { model: d.model, school: d.school, role: d.role, purchaseFiscalYear: fy, count: 0 };
      const key = keyOf(cohort);
      g = groups.get(key); // another group with the same key text: the same cohort
      if (g === undefined) groups.set(key, (g = { cohort, count: 0, costs: [], allCosts: true }));
      byYear.set(fy, g);
    }
    g.count++;
    if (d.purchaseCost) g.costs.push(d.purchaseCost);
    else g.allCosts = false;
    counted++;
  }
  data.cohorts.forEach((c, i) => {
    if (!modelIds.has(c.model)) issues.push({ path: ["cohorts", i, "model"], code: "unknown_model", message: `unknown model "${c.model}"` });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  // sorted by id as one stable sort of [device groups…, given cohorts…] would sort them: the groups'
  // keys (distinct) by the default order — code units, as `<` compares — then merged with the
  // given cohorts, a group before a given cohort of the same id
  const keys = [...groups.keys()].sort();
  const given = data.cohorts.map((c) => ({ ...c, id: c.id ?? keyOf(c) })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: (Cohort & { id: string })[] = [];
  let j = 0;
  for (const key of keys) {
    while (j < given.length && given[j]!.id < key) out.push(given[j++]!);
    const g = groups.get(key)!;
    const unit = g.allCosts && g.costs.length > 0 ? meanToCents(g.costs) : undefined;
    out.push(unit ? { ...g.cohort, count: g.count, id: key, unitCost: unit } : { ...g.cohort, count: g.count, id: key });
  }
  while (j < given.length) out.push(given[j++]!);
  for (const c of given) counted += c.count;
  return {
    cohorts: out,
    devicesCounted: counted,
    excluded,
    explanation: `${counted} devices in ${out.length} cohorts (model × school × role × purchase fiscal year)${excluded.length > 0 ? `; ${excluded.length} lost or retired devices left out` : ""}.`,
  };
}
