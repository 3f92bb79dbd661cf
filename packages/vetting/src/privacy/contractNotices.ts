import { addDaysIso, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { contractNoticeDeadlines } from "../deadlines.js";
import { publicationRulesInForce } from "../tables/publicationRules.js";
import { gapsFor } from "./approvedList.js";
import type { ContractNotices } from "./documentSchemas.js";
import { privacyRegisterSchema } from "./schema.js";
import { citedRule, plural } from "./words.js";

const optionsSchema = z.strictObject({
  asOf: isoDateSchema,
  /** Contracts signed after this date get a notice (default: 30 days before asOf). */
  since: isoDateSchema.optional(),
});

/**
 * Connecticut's notices of new and renewed contracts (C.G.S. §10-234bb), as data: every agreement
 * signed after `since` and on or before `asOf` that shares student data, with what it shares and
 * why, a link to the contract, whether it renews an earlier one, and the day the district must
 * have notified students and parents electronically and posted the notice and the contract — five
 * business days after signing (weekends skipped; holidays are not known). `pastDue` says the date
 * has passed on `asOf` (the register does not know whether the notice went out).
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param options - `{ asOf, since? }` (since: default 30 days before asOf)
 * @returns the notices, the rules cited, the gaps
 * @throws DistrictKitError for an invalid register or options
 * @example
 * ```ts
 * const doc = buildContractNotices({
 *   district: { name: "Elm Hollow Public Schools", state: "CT" },
 *   agreements: [{ id: "wm", appId: "writemate", appName: "WriteMate AI", status: "signed", signedOn: "2026-06-26", expiresOn: "2027-06-30",
 *     dataElements: ["Student Name", "Student Work"], purposes: ["Writing feedback"], url: "https://ehps.example/contracts/writemate.pdf" }],
 * }, { asOf: "2026-07-01" });
 * doc.notices[0]?.notifyBy; // => "2026-07-03"
 * doc.notices[0]?.pastDue; // => false
 * ```
 * @category Public documents
 */
export function buildContractNotices(register: unknown, options: unknown): ContractNotices {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const o = parseInput(optionsSchema, options, ["options"]);
  const since = o.since ?? addDaysIso(o.asOf, -30);
  const rules = publicationRulesInForce("CT", o.asOf, "contractNotice");
  const signed = r.agreements.filter(
    (a): a is typeof a & { signedOn: string } => a.signedOn !== undefined && a.signedOn > since && a.signedOn <= o.asOf && a.status !== "approvedNoStudentData" && a.dataElements.length > 0,
  );
  const notices = signed.map((a) => {
    const due = rules.length > 0 ? (contractNoticeDeadlines({ state: "CT", signedOn: a.signedOn }).deadlines.find((d) => d.rule === "ct.contractNotice")?.due ?? null) : null;
    return {
      agreementId: a.id,
      appId: a.appId,
      appName: a.appName,
      vendor: a.vendor ?? null,
      signedOn: a.signedOn,
      renewal: a.renews !== undefined,
      dataElements: [...a.dataElements],
      purposes: [...a.purposes],
      url: a.url ?? null,
      notifyBy: due,
      pastDue: due !== null && due < o.asOf,
    };
  });
  const gaps = gapsFor(
    rules,
    signed.map((a) => ({ appId: a.appId, appName: a.appName, agreement: a })),
    r,
  );
  const pastDue = notices.filter((n) => n.pastDue).length;
  return {
    kind: "contractNotice",
    title: `Notice of contracts that share student data — ${r.district.name}`,
    districtName: r.district.name,
    state: "CT",
    asOf: o.asOf,
    since,
    website: r.district.website ?? null,
    privacyContact: r.district.privacyContact ?? null,
    rules: rules.map(citedRule),
    notices,
    gaps,
    summary:
      rules.length === 0
        ? `No Connecticut notice rule is in force on ${o.asOf}.`
        : `${plural(notices.length, "contract")} signed between ${since} and ${o.asOf} need${notices.length === 1 ? "s" : ""} a notice to students and parents; ${pastDue} ${pastDue === 1 ? "is" : "are"} past the five-business-day date on ${o.asOf}.`,
  };
}
