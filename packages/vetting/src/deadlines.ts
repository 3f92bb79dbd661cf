import { addDaysIso, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { stateCodeSchema } from "./schema/condition.js";
import { type DeadlineRule, STATE_STUDENT_PRIVACY_LAWS } from "./tables/stateLaws.js";

/**
 * One deadline computed from a state law and an event date.
 *
 * @category Law
 */
export interface LawDeadline {
  /** The rule's id in {@link STATE_STUDENT_PRIVACY_LAWS}. */
  readonly rule: string;
  /** Who must act. */
  readonly who: string;
  /** What they must do. */
  readonly action: string;
  /** The last day to act (null when the starting event has not happened yet). */
  readonly due: string | null;
  /** The day the clock started (null when it has not). */
  readonly from: string | null;
  /** Length of the window. */
  readonly days: number;
  /** Calendar or business days (business days skip weekends only; holidays are not known). */
  readonly dayType: "calendar" | "business";
  /** Citation. */
  readonly citation: string;
  /** Parts of the rule that are unconfirmed. */
  readonly unconfirmed: readonly string[];
  /** One sentence. */
  readonly explanation: string;
}

/**
 * The deadlines of one event under one state's law.
 *
 * @category Law
 */
export interface LawDeadlinesResult {
  /** The state. */
  readonly state: string;
  /** The law (null when the table has none for the state). */
  readonly law: string | null;
  /** The deadlines, in the table's order. */
  readonly deadlines: readonly LawDeadline[];
  /** Other duties worth knowing. */
  readonly notes: readonly string[];
}

function weekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Adds business days (Monday–Friday): the first day after the event is day 1. */
function addBusinessDays(date: string, days: number): string {
  let out = date;
  let left = days;
  while (left > 0) {
    out = addDaysIso(out, 1);
    const w = weekday(out);
    if (w !== 0 && w !== 6) left--;
  }
  return out;
}

function deadline(rule: DeadlineRule, from: string | null, why: string): LawDeadline {
  const due = from === null ? null : rule.dayType === "calendar" ? addDaysIso(from, rule.days) : addBusinessDays(from, rule.days);
  const unit = rule.dayType === "calendar" ? "calendar days" : "business days";
  return {
    rule: rule.id,
    who: rule.who,
    action: rule.action,
    due,
    from,
    days: rule.days,
    dayType: rule.dayType,
    citation: rule.citation,
    unconfirmed: rule.unconfirmed ?? [],
    explanation:
      due === null
        ? `${capitalise(rule.who)} must ${rule.action} within ${rule.days} ${unit} ${why} (${rule.citation}); the clock has not started.`
        : `${capitalise(rule.who)} must ${rule.action} by ${due}: ${rule.days} ${unit} ${why} on ${from} (${rule.citation}).`,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const breachInputSchema = z.strictObject({
  state: stateCodeSchema,
  discoveredOn: isoDateSchema,
  discoveredBy: z.enum(["vendor", "district"]).default("vendor"),
  noticeReceivedOn: isoDateSchema.optional(),
  thirdPartyCaused: z.boolean().default(false),
  dataClass: z.enum(["studentInformation", "directoryInformation", "studentRecords", "studentGeneratedContent"]).default("studentInformation"),
});

/**
 * The breach-notification deadlines a state's student-privacy law sets, computed from the day
 * the breach was discovered (and the day the district received the vendor's notice, when it
 * has). New York: the vendor tells the district within 7 calendar days of discovery; the district
 * reports to the NYSED Chief Privacy Officer within 10 days and notifies parents within 60 days of
 * receiving that notice. Illinois: parents within 30 days (60 when a third party caused it).
 * Connecticut: the vendor reports within 30 days (student information) or 60 days (directory
 * information, records, student-generated content).
 *
 * @param input - `{ state, discoveredOn, discoveredBy?, noticeReceivedOn?, thirdPartyCaused?, dataClass? }`
 * @returns each deadline with its date and rule
 * @throws DistrictKitError for a state code or a date that is not valid
 * @example
 * ```ts
 * const ny = breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-09-01", noticeReceivedOn: "2026-09-05" });
 * ny.deadlines.map((d) => [d.rule, d.due]); // => [["ny.contractorToDistrict", "2026-09-08"], ["ny.districtToCpo", "2026-09-15"], ["ny.districtToParents", "2026-11-04"]]
 * breachNotificationDeadlines({ state: "IL", discoveredOn: "2026-09-01", thirdPartyCaused: true }).deadlines[0]?.due; // => "2026-10-31"
 * breachNotificationDeadlines({ state: "NY", discoveredOn: "2026-13-01" }); // throws
 * ```
 * @category Law
 */
export function breachNotificationDeadlines(input: {
  readonly state: string;
  readonly discoveredOn: string;
  readonly discoveredBy?: "vendor" | "district";
  readonly noticeReceivedOn?: string;
  readonly thirdPartyCaused?: boolean;
  readonly dataClass?: "studentInformation" | "directoryInformation" | "studentRecords" | "studentGeneratedContent";
}): LawDeadlinesResult {
  const v = parseInput(breachInputSchema, input);
  const law = STATE_STUDENT_PRIVACY_LAWS[v.state];
  if (!law) return { state: v.state, law: null, deadlines: [], notes: [`No state student-privacy breach rules for ${v.state} in the table; check the state's general breach law.`] };
  const out: LawDeadline[] = [];
  for (const rule of law.deadlines) {
    if (rule.trigger === "contractSigned") continue;
    if (rule.discoveredBy !== undefined && rule.discoveredBy !== v.discoveredBy) continue;
    if (rule.thirdPartyCaused !== undefined && rule.thirdPartyCaused !== v.thirdPartyCaused) continue;
    if (rule.dataClasses !== undefined && !rule.dataClasses.includes(v.dataClass)) continue;
    if (rule.trigger === "breachDiscovered") out.push(deadline(rule, v.discoveredOn, "after the breach was discovered"));
    else if (v.discoveredBy === "vendor") out.push(deadline(rule, v.noticeReceivedOn ?? null, "after the district received the vendor's notice"));
  }
  return { state: v.state, law: law.name, deadlines: out, notes: law.notes };
}

const contractInputSchema = z.strictObject({ state: stateCodeSchema, signedOn: isoDateSchema });

/**
 * The deadlines a state's student-privacy law attaches to signing (or renewing) a contract with
 * an app's vendor: Illinois — post the agreement within 10 days; Connecticut — notify students
 * and parents electronically within 5 business days.
 *
 * @param input - `{ state, signedOn }`
 * @returns each deadline with its date and rule
 * @throws DistrictKitError for a state code or a date that is not valid
 * @example
 * ```ts
 * contractNoticeDeadlines({ state: "CT", signedOn: "2026-07-02" }).deadlines[0]?.due; // => "2026-07-09"
 * contractNoticeDeadlines({ state: "IL", signedOn: "2026-07-02" }).deadlines[0]?.due; // => "2026-07-12"
 * contractNoticeDeadlines({ state: "CA", signedOn: "2026-07-02" }).deadlines; // => []
 * ```
 * @category Law
 */
export function contractNoticeDeadlines(input: { readonly state: string; readonly signedOn: string }): LawDeadlinesResult {
  const v = parseInput(contractInputSchema, input);
  const law = STATE_STUDENT_PRIVACY_LAWS[v.state];
  if (!law) return { state: v.state, law: null, deadlines: [], notes: [] };
  const out = law.deadlines.filter((r) => r.trigger === "contractSigned").map((r) => deadline(r, v.signedOn, "after the contract was signed"));
  return { state: v.state, law: law.name, deadlines: out, notes: law.notes };
}
