import { addDaysIso, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { contractNoticeDeadlines } from "../deadlines.js";
import { stateCodeSchema } from "../schema/condition.js";
import { type PublicationField, type PublicationRule, publicationRulesInForce } from "../tables/publicationRules.js";
import type { ApprovedAppEntry, ApprovedAppList, PublicationGap } from "./documentSchemas.js";
import { type Agreement, type PrivacyRegister, privacyRegisterSchema } from "./schema.js";
import { agreementTypeLabel, appStatusesOf, type RegisterAppStatus } from "./status.js";
import { citedRule, conditionsInWords, decisionInWords, listInWords, plural } from "./words.js";

const optionsSchema = z.strictObject({
  asOf: isoDateSchema,
  /** The state whose rules apply (default: the register's). */
  state: stateCodeSchema.optional(),
  /** The date of the last published list: changes since then are listed, and new agreements get their posting deadlines. */
  since: isoDateSchema.optional(),
  /** List the apps that are not approved, with the reason (default true). */
  includeNotApproved: z.boolean().default(true),
});

/** Per-agreement fields a rule can require, with how a gap is worded. */
const AGREEMENT_FIELDS: Partial<Record<PublicationField, { readonly has: (a: Agreement) => boolean; readonly missing: string }>> = {
  url: { has: (a) => a.url !== undefined, missing: "a link to a copy of the agreement" },
  vendorAddress: { has: (a) => a.vendorAddress !== undefined, missing: "the operator's business address" },
  purposes: { has: (a) => a.purposes.length > 0, missing: "what the app is used for" },
  dataElements: { has: (a) => a.dataElements.length > 0, missing: "the data elements the agreement allows" },
  subprocessors: { has: (a) => a.subprocessors.length > 0, missing: "the operator's subcontractors (or a link to its list)" },
};

/** The agreement fields and district fields rules require that the register lacks (internal). */
export function gapsFor(rules: readonly PublicationRule[], entries: readonly { appId: string; appName: string; agreement: Agreement }[], register: PrivacyRegister): PublicationGap[] {
  const gaps: PublicationGap[] = [];
  for (const rule of rules) {
    for (const field of rule.fields) {
      if (field === "district.parentRightsUrl") {
        if (register.district.parentRightsUrl === undefined)
          gaps.push({ appId: null, appName: null, rule: rule.id, citation: rule.citation, missing: "where parents find how to review and correct their child's data (district.parentRightsUrl)" });
        continue;
      }
      const check = AGREEMENT_FIELDS[field];
      if (check === undefined) continue;
      for (const e of entries) if (!check.has(e.agreement)) gaps.push({ appId: e.appId, appName: e.appName, rule: rule.id, citation: rule.citation, missing: check.missing });
    }
  }
  return gaps;
}

/** The last day of a period-start deadline that is on or after asOf (internal). */
function nextPeriodDue(period: "calendarYear" | "fiscalYear", days: number, asOf: string, fyStartMonth: number): string {
  const year = Number(asOf.slice(0, 4));
  const month = period === "calendarYear" ? 1 : fyStartMonth;
  const candidates = [year - 1, year, year + 1].map((y) => addDaysIso(`${y}-${String(month).padStart(2, "0")}-01`, days - 1));
  return candidates.find((d) => d >= asOf)!;
}

function entryOf(app: RegisterAppStatus, sinceCleared: ReadonlySet<string> | null): ApprovedAppEntry {
  const a = app.currentAgreement ?? app.agreement!;
  const noData = app.status === "approvedNoStudentData";
  return {
    appId: app.appId,
    appName: app.appName,
    vendor: a.vendor ?? app.vendor,
    vendorAddress: a.vendorAddress ?? null,
    purposes: [...a.purposes],
    dataElements: noData ? [] : [...a.dataElements],
    subprocessors: [...a.subprocessors],
    agreement: noData ? null : { id: a.id, type: agreementTypeLabel(a), signedOn: a.signedOn ?? null, expiresOn: a.expiresOn ?? null, url: a.url ?? null },
    noStudentData: noData,
    conditions: conditionsInWords(app.conditions),
    newSince: sinceCleared !== null && !sinceCleared.has(app.appId),
  };
}

/**
 * The approved-app list a district posts, as data: every app cleared for use on the date — approved
 * (with or without conditions) and covered by an agreement in force, or approved as receiving no
 * student data — with what it is used for, the data elements its agreement allows, the agreement
 * (kind, dates, link), the operator's address and subcontractors, and the conditions of use in
 * plain words. An approved app without an agreement in force is never listed: it is *withheld*,
 * with the reason. Apps not approved are listed apart (optional).
 *
 * The state's publication rules in force on the date ({@link PUBLICATION_RULES}) are cited, the
 * information they require that the register lacks is listed as *gaps*, and deadlines are
 * computed: posting each agreement signed since the last list (Illinois: 10 days) and the next
 * twice-yearly refresh. With `since` (the date of the last published list), the *changes* — apps
 * added and removed since then — are listed, as Illinois requires the list and its updates.
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param options - `{ asOf, state?, since?, includeNotApproved? }`
 * @returns the list as data; print it with {@link renderPublicDocumentHtml}
 * @throws DistrictKitError for an invalid register or options
 * @example
 * ```ts
 * const register = {
 *   district: { name: "Maple Valley SD", state: "IL", parentRightsUrl: "https://mvsd.example/privacy/parents" },
 *   agreements: [
 *     { id: "rw", appId: "readwell", appName: "ReadWell", vendor: "ReadWell Learning", vendorAddress: "1 Main St, Springfield",
 *       status: "signed", type: "sdpcNdpa", signedOn: "2026-06-25", expiresOn: "2029-06-30", url: "https://mvsd.example/dpa/readwell.pdf",
 *       dataElements: ["Student Name", "Enrollment"], purposes: ["Reading practice"], subprocessors: ["AWS"], decision: "approved" },
 *     { id: "qc", appId: "quickcheck", appName: "QuickCheck", status: "signed", signedOn: "2023-07-01", expiresOn: "2026-06-30", decision: "approved" },
 *   ],
 * };
 * const list = buildApprovedAppList(register, { asOf: "2026-07-01" });
 * list.entries.map((e) => e.appName); // => ["ReadWell"]
 * list.withheld[0]?.reason; // => "approved, but its agreement expired on 2026-06-30: renew it before students use the app"
 * list.deadlines[0]?.due; // => "2026-07-05"
 * list.summary; // => "Maple Valley SD's approved-app list on 2026-07-01: 1 app cleared for student use; 1 approved app withheld until its agreement is in force; 0 gaps to fill before posting (IL rules: 6)."
 * ```
 * @category Public documents
 */
export function buildApprovedAppList(register: unknown, options: unknown): ApprovedAppList {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const o = parseInput(optionsSchema, options, ["options"]);
  const state = o.state ?? r.district.state;
  const apps = appStatusesOf(r, o.asOf, 90);
  const before =
    o.since === undefined
      ? null
      : new Set(
          appStatusesOf(r, o.since, 90)
            .filter((a) => a.cleared)
            .map((a) => a.appId),
        );
  const cleared = apps.filter((a) => a.cleared);
  const entries = cleared.map((a) => entryOf(a, before));
  const rules = publicationRulesInForce(state, o.asOf, "approvedAppList");

  const withAgreement = cleared.filter((a) => a.currentAgreement !== null).map((a) => ({ appId: a.appId, appName: a.appName, agreement: a.currentAgreement! }));
  const gaps = gapsFor(rules, withAgreement, r);
  const reminders = rules
    .filter((rule) => rule.fields.includes("outsideRegister"))
    .map((rule) => `${rule.requirement} (${rule.citation}) — the register does not hold this: publish it beside the list.`);

  const deadlines: ApprovedAppList["deadlines"] = [];
  for (const rule of rules) {
    const dl = rule.deadline;
    if (dl?.trigger !== "contractSigned") continue;
    for (const a of withAgreement) {
      const signed = a.agreement.signedOn;
      if (signed === undefined || signed > o.asOf) continue;
      const computed = contractNoticeDeadlines({ state, signedOn: signed }).deadlines.find((d) => d.rule === dl.deadlineRule);
      if (computed?.due == null) continue;
      const recent = o.since !== undefined ? signed > o.since : computed.due >= o.asOf;
      if (recent)
        deadlines.push({
          rule: rule.id,
          citation: rule.citation,
          appId: a.appId,
          due: computed.due,
          explanation: `Post the ${a.appName} agreement (signed ${signed}) by ${computed.due}: ${computed.days} ${computed.dayType} days (${rule.citation}).`,
        });
    }
  }
  const periodic = new Map<string, { rules: PublicationRule[]; due: string; period: string }>();
  for (const rule of rules) {
    const dl = rule.deadline;
    if (dl?.trigger !== "periodStart") continue;
    const due = nextPeriodDue(dl.period, dl.days, o.asOf, r.district.fiscalYearStartMonth);
    const key = `${dl.period}|${due}`;
    const g = periodic.get(key) ?? { rules: [], due, period: dl.period === "calendarYear" ? "calendar year" : "fiscal year" };
    g.rules.push(rule);
    periodic.set(key, g);
  }
  for (const g of periodic.values()) {
    deadlines.push({
      rule: g.rules.map((x) => x.id).join(", "),
      citation: [...new Set(g.rules.map((x) => x.citation))].join("; "),
      appId: null,
      due: g.due,
      explanation: `Refresh the posted list by ${g.due}, within 30 days of the start of the ${g.period} (${[...new Set(g.rules.map((x) => x.citation))].join("; ")}).`,
    });
  }
  deadlines.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));

  const withheld = apps
    .filter((a) => !a.cleared && (a.decision === "approved" || a.decision === "approvedWithConditions"))
    .map((a) => ({ appId: a.appId, appName: a.appName, decision: a.decision, status: a.status, reason: a.issues[0] ?? "approved, but not covered by an agreement in force" }));
  const notApproved = o.includeNotApproved
    ? apps
        .filter((a) => !a.cleared && a.decision !== "approved" && a.decision !== "approvedWithConditions")
        .map((a) => ({
          appId: a.appId,
          appName: a.appName,
          decision: a.decision,
          reason:
            a.decision === null ? (a.status === "none" ? "not vetted yet" : `not decided yet (agreement ${a.status})`) : `${decisionInWords(a.decision)}${a.decidedOn ? ` on ${a.decidedOn}` : ""}`,
        }))
    : [];
  const changes: ApprovedAppList["changes"] = { added: [], removed: [] };
  if (before !== null) {
    for (const a of cleared) if (!before.has(a.appId)) changes.added.push({ appId: a.appId, appName: a.appName, on: a.currentAgreement?.signedOn ?? null });
    for (const a of apps) {
      if (!before.has(a.appId) || a.cleared) continue;
      changes.removed.push({ appId: a.appId, appName: a.appName, reason: a.issues[0] ?? decisionInWords(a.decision) });
    }
  }
  const ruleWords = rules.length > 0 ? `${state} rules: ${rules.length}` : `no publication rule for ${state} in the table`;
  const changeWords = o.since === undefined ? "" : `; since ${o.since}: ${changes.added.length} added, ${changes.removed.length} removed`;
  const summary =
    `${r.district.name}'s approved-app list on ${o.asOf}: ${plural(entries.length, "app")} cleared for student use` +
    `${changeWords}; ${plural(withheld.length, "approved app")} withheld until ${withheld.length === 1 ? "its agreement is" : "their agreements are"} in force; ` +
    `${plural(gaps.length, "gap")} to fill before posting (${ruleWords}).`;
  return {
    kind: "approvedAppList",
    title: `Approved apps and the student data they receive — ${r.district.name}`,
    districtName: r.district.name,
    state,
    asOf: o.asOf,
    since: o.since ?? null,
    website: r.district.website ?? null,
    privacyContact: r.district.privacyContact ?? null,
    parentRightsUrl: r.district.parentRightsUrl ?? null,
    rules: rules.map(citedRule),
    entries,
    changes,
    withheld,
    notApproved,
    gaps,
    deadlines,
    reminders,
    summary,
  };
}

/** Words for a list of data elements (internal; used by the renderers). */
export function elementsInWords(elements: readonly string[]): string {
  return elements.length === 0 ? "none" : listInWords(elements);
}
