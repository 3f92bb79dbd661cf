import { daysBetween, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { Decision } from "../result.js";
import { type Agreement, type ApprovalConditions, agreementSchema, type DpaStatus, type PrivacyRegister, privacyRegisterSchema } from "./schema.js";

/**
 * An agreement's status on a date, derived from its dates (the register's column is kept beside it).
 *
 * @category Privacy register
 */
export interface AgreementStatusAt {
  /** The agreement's id. */
  readonly agreementId: string;
  /** The status on the date: a `signed` agreement past its expiry is `expired`. */
  readonly status: DpaStatus;
  /** Signed and covering the date (signed on or before it, expiring on or after it). */
  readonly inForce: boolean;
  /** The status as the register wrote it. */
  readonly recorded: DpaStatus;
  /** Days from the date to the expiry (negative once expired); null without an expiry date. */
  readonly daysToExpiry: number | null;
  /** Why the status differs from the register's column, or why a signed agreement is not in force; null otherwise. */
  readonly note: string | null;
}

/** The status of a validated agreement on a date (internal; no validation). */
export function statusOf(a: Agreement, asOf: string): AgreementStatusAt {
  const daysToExpiry = a.expiresOn === undefined ? null : daysBetween(a.expiresOn, asOf);
  const base = { agreementId: a.id, recorded: a.status, daysToExpiry };
  if (a.status === "requested" && a.requestedOn !== undefined && a.requestedOn > asOf) return { ...base, status: "none", inForce: false, note: `requested only on ${a.requestedOn}` };
  if (a.status === "none" || a.status === "requested" || a.status === "approvedNoStudentData") return { ...base, status: a.status, inForce: false, note: null };
  if (a.expiresOn !== undefined && a.expiresOn < asOf) {
    return { ...base, status: "expired", inForce: false, note: a.status === "signed" ? `the register says signed, but the agreement expired on ${a.expiresOn}` : null };
  }
  if (a.status === "expired") {
    return { ...base, status: "expired", inForce: false, note: a.expiresOn !== undefined ? `recorded as expired although its dates run to ${a.expiresOn} (ended early?)` : null };
  }
  if (a.signedOn !== undefined && a.signedOn > asOf) return { ...base, status: "signed", inForce: false, note: `signed, but in force only from ${a.signedOn}` };
  return { ...base, status: "signed", inForce: true, note: null };
}

/**
 * The status of one agreement on a date. `Expired` is derived from the dates, never only read:
 * an agreement the register calls `signed` whose expiry date has passed is `expired` (with a
 * note), one signed after the date is not in force yet.
 *
 * @param agreement - an agreement ({@link agreementSchema})
 * @param asOf - the date (ISO)
 * @returns the status, whether it is in force, the days to its expiry
 * @throws DistrictKitError for an invalid agreement or date
 * @example
 * ```ts
 * const a = { id: "a1", appId: "quick", appName: "QuickCheck", status: "signed", signedOn: "2023-07-01", expiresOn: "2026-06-30" };
 * agreementStatusAt(a, "2026-07-01").status; // => "expired"
 * agreementStatusAt(a, "2026-07-01").note; // => "the register says signed, but the agreement expired on 2026-06-30"
 * agreementStatusAt(a, "2026-06-01").daysToExpiry; // => 29
 * ```
 * @category Privacy register
 */
export function agreementStatusAt(agreement: unknown, asOf: string): AgreementStatusAt {
  const a = parseInput(agreementSchema, agreement, ["agreement"]);
  const d = parseInput(isoDateSchema, asOf, ["asOf"]);
  return statusOf(a, d);
}

/**
 * One app of the register on a date: its best agreement, the vetting decision and its
 * conditions, and what needs attention.
 *
 * @category Privacy register
 */
export interface RegisterAppStatus {
  readonly appId: string;
  readonly appName: string;
  readonly vendor: string | null;
  /** The vetting decision (the most recently decided row), or null when the register has none. */
  readonly decision: Decision | null;
  readonly decidedOn: string | null;
  /** The conditions of that decision. */
  readonly conditions: ApprovalConditions;
  /** The app's status on the date, from its best agreement (in force › no student data › signed for later › requested › expired › none). */
  readonly status: DpaStatus;
  /** The agreement in force on the date, or null. */
  readonly currentAgreement: Agreement | null;
  /** The register row the status comes from (the agreement in force, or the best other row). */
  readonly agreement: Agreement;
  /** Every agreement of the app, in register order. */
  readonly agreementIds: readonly string[];
  /** May be used with student data on the date: approved (with or without conditions) and covered by an agreement in force, or approved as receiving no student data. */
  readonly cleared: boolean;
  /** What needs attention, in plain words (empty when nothing does). */
  readonly issues: readonly string[];
}

const RANK: Record<string, number> = { current: 0, approvedNoStudentData: 1, signed: 2, requested: 3, expired: 4, none: 5 };

function rankOf(s: AgreementStatusAt): number {
  return s.inForce ? RANK.current! : RANK[s.status]!;
}

/** Apps of a validated register on a date (internal). */
export function appStatusesOf(register: PrivacyRegister, asOf: string, expiringWithinDays: number): RegisterAppStatus[] {
  const byApp = new Map<string, Agreement[]>();
  for (const a of register.agreements) {
    let list = byApp.get(a.appId);
    if (!list) byApp.set(a.appId, (list = []));
    list.push(a);
  }
  const out: RegisterAppStatus[] = [];
  for (const [appId, list] of byApp) {
    const statuses = list.map((a) => ({ a, s: statusOf(a, asOf) }));
    let best = statuses[0]!;
    for (const x of statuses) {
      const r = rankOf(x.s);
      const b = rankOf(best.s);
      // same rank: the one running longest (no expiry = open-ended), then the latest signed, then the later row
      if (r < b || (r === b && later(x.a, best.a))) best = x;
    }
    let decided: Agreement | null = null;
    for (const a of list) {
      // a decision dated after the date was not made yet on it
      if (a.decision === undefined || (a.decidedOn !== undefined && a.decidedOn > asOf)) continue;
      if (decided === null || (a.decidedOn ?? "") >= (decided.decidedOn ?? "")) decided = a;
    }
    const decision = decided?.decision ?? null;
    const current = best.s.inForce ? best.a : null;
    const approved = decision === "approved" || decision === "approvedWithConditions";
    const noData = best.s.status === "approvedNoStudentData";
    // an app whose only decisions are dated after the date was not decided on it
    const undecidedYet = decided === null && list.some((a) => a.decision !== undefined);
    const cleared = noData ? (decision === null ? !undecidedYet : approved) : approved && current !== null;
    const issues: string[] = [];
    const name = list[list.length - 1]!.appName;
    if (approved && !cleared) {
      issues.push(
        best.s.status === "expired"
          ? `approved, but its agreement expired on ${best.a.expiresOn ?? "an unknown date"}: renew it before students use the app`
          : best.s.status === "signed"
            ? `approved, but its agreement is in force only from ${best.a.signedOn}`
            : best.s.status === "requested"
              ? "approved, but its agreement is only requested: no student data until it is signed"
              : "approved, but there is no agreement on file: no student data until one is signed",
      );
    }
    if (decision === "denied" && current !== null) issues.push("denied, yet an agreement is in force: end it or review the decision");
    if (current !== null) {
      const d = best.s.daysToExpiry;
      if (d !== null && d <= expiringWithinDays) issues.push(`its agreement expires on ${current.expiresOn} (in ${d} day${d === 1 ? "" : "s"})`);
    }
    for (const x of statuses) if (x.s.note !== null && x.s.recorded !== x.s.status) issues.push(`agreement ${x.a.id}: ${x.s.note}`);
    out.push({
      appId,
      appName: name,
      vendor: list.find((a) => a.vendor !== undefined)?.vendor ?? null,
      decision,
      decidedOn: decided?.decidedOn ?? null,
      conditions: (decided ?? best.a).conditions,
      status: best.s.status,
      currentAgreement: current,
      agreement: best.a,
      agreementIds: list.map((a) => a.id),
      cleared,
      issues,
    });
  }
  return out;
}

function later(x: Agreement, y: Agreement): boolean {
  const ex = x.expiresOn ?? "9999-12-31";
  const ey = y.expiresOn ?? "9999-12-31";
  if (ex !== ey) return ex > ey;
  return (x.signedOn ?? x.requestedOn ?? "") >= (y.signedOn ?? y.requestedOn ?? "");
}

const reviewOptionsSchema = z.strictObject({
  asOf: isoDateSchema,
  /** Warn about agreements expiring within this many days (default 90). */
  expiringWithinDays: z.number().int().min(0).max(3660).default(90),
});

/**
 * The register on a date, app by app: the agreement in force (if any), the vetting decision and
 * its conditions, whether the app is cleared for student data, and what needs attention —
 * approved apps with no agreement in force, agreements about to expire, denied apps that still
 * have one, rows whose recorded status the dates contradict.
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param options - `{ asOf, expiringWithinDays? }`
 * @returns one line per app, in register order
 * @throws DistrictKitError for an invalid register or options
 * @example
 * ```ts
 * const register = {
 *   district: { name: "Maple Valley SD", state: "OR" },
 *   agreements: [
 *     { id: "rw", appId: "readwell", appName: "ReadWell", status: "signed", signedOn: "2025-07-01", expiresOn: "2028-06-30", decision: "approved" },
 *     { id: "qc", appId: "quickcheck", appName: "QuickCheck", status: "signed", signedOn: "2023-07-01", expiresOn: "2026-06-30", decision: "approved" },
 *   ],
 * };
 * const apps = reviewRegister(register, { asOf: "2026-07-01" });
 * apps.map((a) => [a.appId, a.status, a.cleared]); // => [["readwell", "signed", true], ["quickcheck", "expired", false]]
 * apps[1]?.issues[0]; // => "approved, but its agreement expired on 2026-06-30: renew it before students use the app"
 * ```
 * @category Privacy register
 */
export function reviewRegister(register: unknown, options: unknown): RegisterAppStatus[] {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const o = parseInput(reviewOptionsSchema, options, ["options"]);
  return appStatusesOf(r, o.asOf, o.expiringWithinDays);
}

/**
 * One agreement with an expiry date, as plain data for a calendar of deadlines.
 *
 * @category Privacy register
 */
export interface AgreementExpiry {
  readonly agreementId: string;
  readonly appId: string;
  readonly appName: string;
  readonly vendor: string | null;
  /** The kind of agreement, or null when the register does not say. */
  readonly type: string | null;
  readonly signedOn: string | null;
  /** The last day the agreement is in force. */
  readonly expiresOn: string;
  /** The status as the register wrote it. */
  readonly recorded: DpaStatus;
  /** One line for a calendar: "ReadWell data privacy agreement (SDPC National DPA) expires". */
  readonly title: string;
}

const TYPE_LABELS: Record<string, string> = {
  sdpcNdpa: "SDPC National DPA",
  ndpaGeneralOffer: "NDPA general offer (Exhibit E)",
  stateDpa: "state DPA",
  vendorTerms: "vendor's terms",
  districtContract: "district contract",
  other: "agreement",
};

/** The words for a kind of agreement (internal). */
export function agreementTypeLabel(a: Pick<Agreement, "type" | "state">): string | null {
  if (a.type === undefined) return null;
  if (a.type === "stateDpa" && a.state !== undefined) return `${a.state} state DPA`;
  return TYPE_LABELS[a.type] ?? a.type;
}

/**
 * Every agreement of the register that has an expiry date, soonest first — plain data (no
 * classes, no Money) for an expiry calendar or a reminder list. Agreements that were never signed
 * and approvals without an agreement have no expiry and are left out (none has a date to list).
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @returns the agreements with an expiry date, by date then app name
 * @throws DistrictKitError for an invalid register
 * @example
 * ```ts
 * const list = listAgreementExpiries({
 *   district: { name: "Maple Valley SD", state: "OR" },
 *   agreements: [
 *     { id: "rw", appId: "readwell", appName: "ReadWell", status: "signed", type: "sdpcNdpa", signedOn: "2025-07-01", expiresOn: "2028-06-30" },
 *     { id: "qb", appId: "quizblast", appName: "QuizBlast", status: "none" },
 *   ],
 * });
 * list.map((e) => [e.agreementId, e.expiresOn]); // => [["rw", "2028-06-30"]]
 * list[0]?.title; // => "ReadWell data privacy agreement (SDPC National DPA) expires"
 * ```
 * @category Privacy register
 */
export function listAgreementExpiries(register: unknown): AgreementExpiry[] {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  return r.agreements
    .filter((a): a is Agreement & { expiresOn: string } => a.expiresOn !== undefined)
    .map((a) => {
      const label = agreementTypeLabel(a);
      return {
        agreementId: a.id,
        appId: a.appId,
        appName: a.appName,
        vendor: a.vendor ?? null,
        type: a.type ?? null,
        signedOn: a.signedOn ?? null,
        expiresOn: a.expiresOn,
        recorded: a.status,
        title: `${a.appName} data privacy agreement${label ? ` (${label})` : ""} expires`,
      };
    })
    .sort((x, y) => (x.expiresOn < y.expiresOn ? -1 : x.expiresOn > y.expiresOn ? 1 : x.appName < y.appName ? -1 : x.appName > y.appName ? 1 : 0));
}
