import { isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { type PublicationField, publicationRulesInForce } from "../tables/publicationRules.js";
import type { NySupplementalInformation, PublicationGap } from "./documentSchemas.js";
import { type Agreement, privacyRegisterSchema } from "./schema.js";
import { statusOf } from "./status.js";
import { citedRule, listInWords, plural } from "./words.js";

const optionsSchema = z.strictObject({ asOf: isoDateSchema });

const LABELS: Record<string, string> = {
  "ny.supplement.purposes": "Exclusive purposes for which the data will be used",
  "ny.supplement.subcontractors": "How subcontractors are held to the data protection requirements",
  "ny.supplement.duration": "Duration of the contract and what happens to the data when it ends",
  "ny.supplement.accuracy": "How a parent or eligible student may challenge the accuracy of the data",
  "ny.supplement.storage": "Where the data is stored and how it is protected",
  "ny.supplement.encryption": "Encryption in motion and at rest",
};

/** The text of one supplemental item for an agreement, or null when the register lacks a part of it. */
function itemText(fields: readonly PublicationField[], a: Agreement): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    switch (f) {
      case "purposes":
        if (a.purposes.length === 0) return null;
        parts.push(listInWords(a.purposes));
        break;
      case "expiresOn":
        if (a.expiresOn === undefined) return null;
        parts.push(`${a.signedOn ? `From ${a.signedOn} to` : "Until"} ${a.expiresOn}.`);
        break;
      default: {
        if (!f.startsWith("nySupplement.")) continue;
        const key = f.slice("nySupplement.".length) as keyof NonNullable<Agreement["nySupplement"]>;
        const text = a.nySupplement?.[key];
        if (text === undefined) return null;
        parts.push(text);
      }
    }
  }
  return parts.join(" ");
}

/**
 * New York's supplemental information for each contract under which a contractor receives
 * student data (8 NYCRR §121.3(c)), as data: for every agreement in force on the date that allows
 * at least one data element, the six items — exclusive purposes, subcontractor oversight, duration
 * and the data's fate at expiry, how to challenge accuracy, storage and protections, encryption —
 * taken from the agreement and its `nySupplement`. An item the register lacks is left `null`,
 * never invented, and listed as a gap. Published with the Parents' Bill of Rights (Education Law
 * §2-d(3)).
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param options - `{ asOf }`
 * @returns one block per contract, the rules cited, the gaps
 * @throws DistrictKitError for an invalid register or date
 * @example
 * ```ts
 * const doc = buildNySupplementalInformation({
 *   district: { name: "Cedar Ridge CSD", state: "NY" },
 *   agreements: [{ id: "rw", appId: "readwell", appName: "ReadWell", status: "signed", signedOn: "2025-07-01", expiresOn: "2028-06-30",
 *     dataElements: ["Student Name"], purposes: ["Reading practice"], nySupplement: { storage: "US data centres", encryption: "TLS 1.2+ and AES-256" } }],
 * }, { asOf: "2026-07-01" });
 * doc.contracts[0]?.items.map((i) => i.text === null); // => [false, true, true, true, false, false]
 * doc.gaps.length; // => 3
 * ```
 * @category Public documents
 */
export function buildNySupplementalInformation(register: unknown, options: unknown): NySupplementalInformation {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const o = parseInput(optionsSchema, options, ["options"]);
  const rules = publicationRulesInForce("NY", o.asOf, "nySupplementalInformation");
  const itemRules = rules.filter((x) => x.id.startsWith("ny.supplement."));
  const gaps: PublicationGap[] = [];
  const contracts = r.agreements
    .filter((a) => a.dataElements.length > 0 && statusOf(a, o.asOf).inForce)
    .map((a) => {
      const items = itemRules.map((rule) => {
        const text = itemText(rule.fields, a);
        if (text === null) gaps.push({ appId: a.appId, appName: a.appName, rule: rule.id, citation: rule.citation, missing: (LABELS[rule.id] ?? rule.requirement).toLowerCase() });
        return { rule: rule.id, citation: rule.citation, label: LABELS[rule.id] ?? rule.requirement, text };
      });
      return {
        agreementId: a.id,
        appId: a.appId,
        appName: a.appName,
        vendor: a.vendor ?? null,
        signedOn: a.signedOn ?? null,
        expiresOn: a.expiresOn ?? null,
        items,
        complete: items.every((i) => i.text !== null),
      };
    });
  const complete = contracts.filter((c) => c.complete).length;
  return {
    kind: "nySupplementalInformation",
    title: `Parents' Bill of Rights — supplemental information about third-party contracts — ${r.district.name}`,
    districtName: r.district.name,
    state: "NY",
    asOf: o.asOf,
    website: r.district.website ?? null,
    privacyContact: r.district.privacyContact ?? null,
    rules: rules.map(citedRule),
    contracts,
    gaps,
    summary:
      rules.length === 0
        ? `No New York publication rule is in force on ${o.asOf}.`
        : `${plural(contracts.length, "contract")} in force on ${o.asOf} share${contracts.length === 1 ? "s" : ""} student data; ${complete} ${complete === 1 ? "has" : "have"} all six items of 8 NYCRR §121.3(c), ${plural(gaps.length, "item")} still to write.`,
  };
}
