import {
  addMonthsIso,
  compareIsoDates,
  DISTRICT_CALENDAR,
  DistrictKitError,
  fiscalCalendarSchema,
  fiscalYearRange,
  isoDateSchema,
  type Money,
  nonNegativeMoneySchema,
  parseInput,
} from "@districtkit/core";
import { z } from "zod";
import { ERATE_EQUIPMENT_RULES, type ERateEquipmentRules } from "../tables/eRateEquipmentRules.js";

const id = z.string().min(1).max(200);

/**
 * Input of {@link checkEquipmentRules}: the E-Rate-funded equipment (its building, the entities
 * its funding request served, when it was bought and installed — or only the fiscal year it was
 * installed in — its count and pre-discount cost) and the lifecycle plan's steps for it
 * (retire, dispose of, trade in, sell, recycle or transfer, on a day or in a fiscal year).
 *
 * @example
 * ```ts
 * equipmentRulesInputSchema.parse({ items: [], plan: [] }).plan; // => []
 * ```
 * @category E-Rate
 */
export const equipmentRulesInputSchema = z.object({
  items: z
    .array(
      z
        .object({
          id,
          name: z.string().min(1).max(300).optional(),
          building: id,
          /** The entities on the funding request that paid for it (default: its building). */
          servedEntities: z.array(id).max(1000).optional(),
          purchasedOn: isoDateSchema.optional(),
          installedOn: isoDateSchema.optional(),
          /** When only the fiscal year is known: installation is taken as its last day (the latest it can be, so no early disposal is missed). */
          installedFiscalYear: z.number().int().min(1990).max(9998).optional(),
          count: z.number().int().min(1).max(1e9).default(1),
          cost: nonNegativeMoneySchema.optional(),
        })
        .refine((i) => i.installedOn !== undefined || i.installedFiscalYear !== undefined, { error: "expected installedOn or installedFiscalYear", path: ["installedOn"] }),
    )
    .max(100_000),
  plan: z
    .array(
      z
        .object({
          item: id,
          action: z.enum(["retire", "dispose", "trade-in", "sell", "recycle", "transfer"]),
          on: isoDateSchema.optional(),
          /** The fiscal year of the step when its day is not known (a lifecycle forecast's planned year): its first day is used. */
          fiscalYear: z.number().int().min(1990).max(9998).optional(),
          /** For a transfer: the receiving entity. */
          to: id.optional(),
          /** For a transfer: the original location closed (permanently or temporarily). */
          locationClosed: z.boolean().default(false),
          count: z.number().int().min(1).max(1e9).optional(),
        })
        .refine((p) => p.on !== undefined || p.fiscalYear !== undefined, { error: "expected on or fiscalYear", path: ["on"] })
        .refine((p) => p.action !== "transfer" || p.to !== undefined, { error: "a transfer needs the receiving entity (to)", path: ["to"] }),
    )
    .max(100_000),
  calendar: fiscalCalendarSchema.optional(),
});

/**
 * {@link checkEquipmentRules}'s input as given.
 *
 * @category E-Rate
 */
export type EquipmentRulesInput = z.input<typeof equipmentRulesInputSchema>;

/**
 * One step of the plan checked against the rules.
 *
 * @category E-Rate
 */
export interface EquipmentFinding {
  readonly item: string;
  readonly name: string;
  readonly action: "retire" | "dispose" | "trade-in" | "sell" | "recycle" | "transfer";
  readonly on: string;
  /** `ok`; `notice` (allowed with a duty: notify USAC, keep records); `early` (retired before it may be disposed of: keep it until then); `violation` (the rule forbids it). */
  readonly severity: "ok" | "notice" | "early" | "violation";
  readonly code: "allowed" | "early-retirement" | "early-disposal" | "not-a-transfer" | "transfer-too-soon" | "transfer-closed-location" | "transfer-allowed";
  /** The first day the step is allowed (for disposal: installation + 5 years; transfer: purchase + 3 years), or null when not dated by the rule. */
  readonly allowedFrom: string | null;
  readonly count: number;
  /** Pre-discount cost of the units concerned, when the item's cost is known (pro rata). */
  readonly cost: Money | null;
  readonly rule: string;
  readonly explanation: string;
}

/**
 * The plan checked.
 *
 * @category E-Rate
 */
export interface EquipmentRulesResult {
  readonly findings: readonly EquipmentFinding[];
  /** Findings that need action (early, violation, notice). */
  readonly flagged: readonly EquipmentFinding[];
  readonly rules: ERateEquipmentRules;
  readonly explanation: string;
}

/**
 * Checks a lifecycle plan's steps for E-Rate-funded (Category Two) equipment against the
 * equipment rules ({@link ERATE_EQUIPMENT_RULES}): equipment may be disposed of (sold, traded in,
 * donated, recycled) no sooner than five years after installation — a step before that is a
 * violation, and a plain retirement before it is flagged `early` (the equipment must be kept,
 * and the district has paid for years it will not use); it may be transferred to an entity not
 * on its funding request no sooner than three years after purchase, or earlier only when its
 * location closed (then notify USAC and keep records five years); moving it among the entities
 * its request served is not a transfer. Steps given by fiscal year are taken on that year's
 * first day (the earliest they can happen), and an installation known only by fiscal year on
 * that year's last day, so no early step is missed.
 *
 * @param input - see {@link equipmentRulesInputSchema}
 * @returns every step with its finding, and the flagged ones
 * @throws DistrictKitError for invalid input, a step naming an unknown item, duplicate item ids
 * @example
 * ```ts
 * const r = checkEquipmentRules({
 *   items: [{ id: "aps-2023", name: "Access points", building: "hs", installedOn: "2023-08-01", count: 48, cost: "31200" }],
 *   plan: [{ item: "aps-2023", action: "recycle", fiscalYear: 2027 }, { item: "aps-2023", action: "transfer", on: "2027-01-10", to: "ms", count: 10 }],
 * });
 * r.findings.map((f) => [f.code, f.severity, f.allowedFrom]); // => [["early-disposal", "violation", "2028-08-01"], ["transfer-allowed", "notice", "2026-08-01"]]
 * r.findings[0]?.cost?.toString(); // => "31200"
 * ```
 * @category E-Rate
 */
export function checkEquipmentRules(input: EquipmentRulesInput): EquipmentRulesResult {
  const v = parseInput(equipmentRulesInputSchema, input);
  const rules = ERATE_EQUIPMENT_RULES;
  const calendar = v.calendar ?? DISTRICT_CALENDAR;
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const items = new Map<string, (typeof v.items)[number]>();
  v.items.forEach((it, i) => {
    if (items.has(it.id)) issues.push({ path: ["items", i, "id"], code: "duplicate_id", message: `duplicate item id "${it.id}"` });
    items.set(it.id, it);
  });
  v.plan.forEach((p, i) => {
    if (!items.has(p.item)) issues.push({ path: ["plan", i, "item"], code: "unknown_item", message: `unknown item "${p.item}"` });
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);
  const disposalRule = rules.sources[1]!;
  const transferRule = rules.sources[0]!;

  const findings = v.plan.map((p): EquipmentFinding => {
    const it = items.get(p.item)!;
    const name = it.name ?? it.id;
    const on = p.on ?? fiscalYearRange(p.fiscalYear!, calendar).start;
    const when = p.on ? `on ${on}` : `in FY${p.fiscalYear} (from ${on})`;
    const installed = it.installedOn ?? fiscalYearRange(it.installedFiscalYear!, calendar).end;
    const purchased = it.purchasedOn ?? installed;
    const count = Math.min(p.count ?? it.count, it.count);
    const cost = it.cost === undefined ? null : it.cost.multiply(count).divide(it.count).roundToCents();
    const disposeFrom = addMonthsIso(installed, 12 * rules.disposalYears);
    const base = { item: it.id, name, action: p.action, on, count, cost };
    if (p.action === "transfer") {
      const served = it.servedEntities ?? [it.building];
      const transferFrom = addMonthsIso(purchased, 12 * rules.transferYears);
      if (served.includes(p.to!)) {
        return {
          ...base,
          severity: "ok",
          code: "not-a-transfer",
          allowedFrom: null,
          rule: transferRule,
          explanation: `${name}: moving ${count} to ${p.to} ${when} is not a transfer — ${p.to} was served by the funding request.`,
        };
      }
      if (compareIsoDates(on, transferFrom) < 0) {
        if (p.locationClosed) {
          return {
            ...base,
            severity: "notice",
            code: "transfer-closed-location",
            allowedFrom: null,
            rule: transferRule,
            explanation: `${name}: ${count} may go to ${p.to} ${when}, before ${transferFrom}, because the original location closed — notify USAC, and both entities keep records for ${rules.transferRecordYears} years.`,
          };
        }
        return {
          ...base,
          severity: "violation",
          code: "transfer-too-soon",
          allowedFrom: transferFrom,
          rule: transferRule,
          explanation: `${name}: transferring ${count} to ${p.to} ${when} is ${rules.transferYears} years too soon after purchase (${purchased}): not before ${transferFrom} unless the location closes.`,
        };
      }
      return {
        ...base,
        severity: "notice",
        code: "transfer-allowed",
        allowedFrom: transferFrom,
        rule: transferRule,
        explanation: `${name}: transferring ${count} to ${p.to} ${when} is allowed (${rules.transferYears} years after purchase on ${purchased}), never for money; keep records of it.`,
      };
    }
    if (compareIsoDates(on, disposeFrom) >= 0) {
      return {
        ...base,
        severity: "ok",
        code: "allowed",
        allowedFrom: disposeFrom,
        rule: disposalRule,
        explanation: `${name}: ${p.action} ${count} ${when} is allowed — ${rules.disposalYears} years after installation (${installed}) fell on ${disposeFrom}.`,
      };
    }
    const costWords = cost ? ` (${cost.format()} pre-discount)` : "";
    if (p.action === "retire") {
      return {
        ...base,
        severity: "early",
        code: "early-retirement",
        allowedFrom: disposeFrom,
        rule: disposalRule,
        explanation: `${name}: retiring ${count}${costWords} ${when} is early — E-Rate equipment installed ${installed} may not be disposed of before ${disposeFrom}; keep it (or move it to a school its request served) until then.`,
      };
    }
    return {
      ...base,
      severity: "violation",
      code: "early-disposal",
      allowedFrom: disposeFrom,
      rule: disposalRule,
      explanation: `${name}: ${p.action === "trade-in" ? "trading in" : p.action === "sell" ? "selling" : p.action === "recycle" ? "recycling" : "disposing of"} ${count}${costWords} ${when} breaks the ${rules.disposalYears}-year rule: installed ${installed}, not before ${disposeFrom}.`,
    };
  });
  const flagged = findings.filter((f) => f.severity !== "ok");
  const violations = findings.filter((f) => f.severity === "violation").length;
  const early = findings.filter((f) => f.severity === "early").length;
  return {
    findings,
    flagged,
    rules,
    explanation:
      findings.length === 0
        ? "No plan steps to check."
        : `${findings.length} plan steps checked: ${violations} break an equipment rule, ${early} retire equipment early, ${flagged.length - violations - early} need a notice or records, ${findings.length - flagged.length} are fine.`,
  };
}
