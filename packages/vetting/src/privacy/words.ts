import type { PublicationRule } from "../tables/publicationRules.js";
import type { PublishedRule } from "./documentSchemas.js";
import { describeGrades } from "./grades.js";
import type { ApprovalConditions } from "./schema.js";

/** The conditions of an approval in words a parent reads (never a student's id). */
export function conditionsInWords(c: ApprovalConditions): string[] {
  const out: string[] = [];
  if (c.teacherOnly) out.push("teacher accounts only: no student data is shared");
  if (c.grades !== undefined) out.push(`only for ${describeGrades(c.grades)}`);
  if (c.under13 === "notAllowed") out.push("not for students under 13");
  if (c.under13 === "withParentalConsent") out.push("students under 13 only with a parent's consent on file");
  if (c.optOuts.length > 0) out.push(`${c.optOuts.length} ${c.optOuts.length === 1 ? "family has" : "families have"} opted out; their children's data is not shared`);
  out.push(...c.notes);
  return out;
}

/** A rule of the table as a document cites it. */
export function citedRule(r: PublicationRule): PublishedRule {
  return { id: r.id, requirement: r.requirement, citation: r.citation, effective: r.effective, unconfirmed: [...r.unconfirmed], sources: [...r.sources] };
}

/** "1 app" / "3 apps". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "x", "x and y", "x, y and z". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const DECISION_WORDS: Record<string, string> = {
  approved: "approved",
  approvedWithConditions: "approved with conditions",
  denied: "denied",
  needsInformation: "waiting for information",
};

/** A decision in words. */
export function decisionInWords(d: string | null): string {
  return d === null ? "not yet decided" : (DECISION_WORDS[d] ?? d);
}
