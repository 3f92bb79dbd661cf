import { DistrictKitError, isoDateSchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import type { Decision } from "../result.js";
import { DATA_SENSITIVITY, UNKNOWN_DATA_SENSITIVITY } from "../tables/dataSensitivity.js";
import { type DpaStatus, dataCategorySchema, privacyRegisterSchema } from "./schema.js";
import { appStatusesOf, type RegisterAppStatus } from "./status.js";
import { decisionInWords, listInWords, plural } from "./words.js";

/**
 * The zod schema of one line of a usage export (an SSO or rostering service's launches, a
 * browser-extension or network report): who used which product, in which role, when last. It
 * accepts `@districtkit/io`'s `readUsage` records as they are (extra fields are ignored).
 *
 * @example
 * ```ts
 * usageLineSchema.parse({ product: "PhotoFix AI", user: "s1", role: "student", line: 2, attributes: {} }).product; // => "PhotoFix AI"
 * ```
 * @category Privacy register
 */
export const usageLineSchema = z.object({
  product: z.string().min(1),
  user: z.string().min(1),
  role: z.string().optional(),
  lastActive: isoDateSchema.optional(),
  line: z.number().int().min(0).optional(),
});

const optionsSchema = z.strictObject({
  asOf: isoDateSchema,
  /** Count only users active on or after this date (lines without a date are then left out). */
  activeSince: isoDateSchema.optional(),
  /** Product names that are another name of a register app: `{ product: "Google Classroom", appId: "google-workspace" }`. */
  aliases: z.array(z.strictObject({ product: z.string().min(1), appId: z.string().min(1) })).default([]),
  /** What is known of an unvetted app's data (from its privacy policy, its sign-in scopes): `{ product, dataElements }`. */
  knownDataElements: z.array(z.strictObject({ product: z.string().min(1), dataElements: z.array(dataCategorySchema).min(1) })).default([]),
  /** How much one user counts, by role: students 1, everyone else 0.25 by default. */
  roleWeights: z.strictObject({ student: z.number().min(0).max(100), other: z.number().min(0).max(100) }).default({ student: 1, other: 0.25 }),
  /** Sensitivity by category (default {@link DATA_SENSITIVITY}). */
  sensitivity: z.array(z.strictObject({ category: dataCategorySchema, weight: z.number().min(0).max(100) })).optional(),
  /** Sensitivity of an app whose data is unknown (default {@link UNKNOWN_DATA_SENSITIVITY}). */
  unknownSensitivity: z.number().min(0).max(100).default(UNKNOWN_DATA_SENSITIVITY),
});

/**
 * An app in use that the register does not clear, ranked.
 *
 * @category Privacy register
 */
export interface UnvettedApp {
  /** 1 = look at it first. */
  readonly rank: number;
  /** The product as the usage export names it. */
  readonly product: string;
  /** The register app it matched, or null. */
  readonly appId: string | null;
  /** `notInRegister` (never vetted), `denied` (in use although denied), `noCurrentAgreement` (approved, agreement not in force), `undecided` (vetting not finished). */
  readonly status: "notInRegister" | "denied" | "noCurrentAgreement" | "undecided";
  readonly decision: Decision | null;
  readonly agreementStatus: DpaStatus | null;
  /** Distinct users, students, others. */
  readonly users: number;
  readonly students: number;
  readonly others: number;
  /** Users weighted by role: students × student weight + others × other weight. */
  readonly exposure: number;
  /** The highest sensitivity of the data the app holds, or the unknown sensitivity. */
  readonly sensitivity: number;
  readonly sensitivityBasis: string;
  /** exposure × sensitivity. */
  readonly score: number;
  readonly reason: string;
  readonly explanation: string;
}

/**
 * What {@link findUnvettedApps} returns.
 *
 * @category Privacy register
 */
export interface UnvettedAppsResult {
  readonly asOf: string;
  /** Apps in use the register does not clear, highest score first. */
  readonly apps: readonly UnvettedApp[];
  /** Products in use that the register clears. */
  readonly cleared: readonly { readonly product: string; readonly appId: string; readonly users: number }[];
  /** Lines read, and lines left out by `activeSince`. */
  readonly lines: number;
  readonly linesOutsidePeriod: number;
  readonly summary: string;
}

function key(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function isStudent(role: string | undefined): boolean {
  if (role === undefined) return false;
  const r = role.trim().toLowerCase();
  return r === "student" || r === "students" || r === "learner" || r === "pupil";
}

/**
 * Apps in use but never vetted — or in use although denied, or approved with no agreement in
 * force: a usage export reconciled with the register, ranked by users × data sensitivity. A
 * product matches a register app by its id or name (ignoring case, spaces and punctuation) or by
 * an alias. Users are counted once per product (students weigh 1, other users 0.25 by default);
 * sensitivity is the highest weight ({@link DATA_SENSITIVITY}) of the data the app holds — the
 * register's agreement, or what is known of it — and the highest possible (5) when nothing is
 * known. Ties rank by users, then name.
 *
 * @param register - a privacy register ({@link privacyRegisterSchema})
 * @param usage - usage lines ({@link usageLineSchema}; `@districtkit/io`'s `readUsage` rows fit)
 * @param options - `{ asOf, activeSince?, aliases?, knownDataElements?, roleWeights?, sensitivity?, unknownSensitivity? }`
 * @returns the ranked apps, the cleared ones, the counts
 * @throws DistrictKitError for invalid input (every bad usage line is listed with its index)
 * @example
 * ```ts
 * const register = {
 *   district: { name: "Maple Valley SD", state: "OR" },
 *   agreements: [
 *     { id: "rw", appId: "readwell", appName: "ReadWell", status: "signed", signedOn: "2025-07-01", expiresOn: "2028-06-30", decision: "approved", dataElements: ["Student Name"] },
 *     { id: "qb", appId: "quizblast", appName: "QuizBlast", status: "none", decision: "denied" },
 *   ],
 * };
 * const usage = [
 *   { product: "ReadWell", user: "s1", role: "student" },
 *   { product: "Quiz Blast", user: "s1", role: "student" }, { product: "Quiz Blast", user: "s2", role: "student" },
 *   { product: "PhotoFix AI", user: "t1", role: "teacher" },
 * ];
 * const r = findUnvettedApps(register, usage, { asOf: "2026-07-01" });
 * r.apps.map((a) => [a.product, a.status, a.score]); // => [["Quiz Blast", "denied", 10], ["PhotoFix AI", "notInRegister", 1.25]]
 * r.cleared.map((c) => c.appId); // => ["readwell"]
 * ```
 * @category Privacy register
 */
export function findUnvettedApps(register: unknown, usage: unknown, options: unknown): UnvettedAppsResult {
  const r = parseInput(privacyRegisterSchema, register, ["register"]);
  const lines = parseInput(z.array(usageLineSchema), usage, ["usage"]);
  const o = parseInput(optionsSchema, options, ["options"]);
  const apps = appStatusesOf(r, o.asOf, 90);
  const byKey = new Map<string, RegisterAppStatus>();
  for (const a of apps) {
    byKey.set(key(a.appId), a);
    if (!byKey.has(key(a.appName))) byKey.set(key(a.appName), a);
  }
  const byId = new Map(apps.map((a) => [a.appId, a] as const));
  for (const al of o.aliases) {
    const a = byId.get(al.appId);
    if (a === undefined) {
      throw new DistrictKitError("INVALID_INPUT", [
        { path: ["options", "aliases", o.aliases.indexOf(al), "appId"], code: "unknown_app", message: `expected an alias to name an app of the register, got appId ${JSON.stringify(al.appId)}` },
      ]);
    }
    byKey.set(key(al.product), a);
  }
  const weights = new Map((o.sensitivity ?? DATA_SENSITIVITY).map((d) => [d.category, d.weight] as const));
  const known = new Map(o.knownDataElements.map((k) => [key(k.product), k.dataElements] as const));

  interface Tally {
    product: string;
    students: Set<string>;
    others: Set<string>;
  }
  const tallies = new Map<string, Tally>();
  let outside = 0;
  for (const l of lines) {
    if (o.activeSince !== undefined && (l.lastActive === undefined || l.lastActive < o.activeSince)) {
      outside++;
      continue;
    }
    const k = key(l.product) || l.product;
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = { product: l.product, students: new Set(), others: new Set() }));
    (isStudent(l.role) ? t.students : t.others).add(l.user);
  }

  const ranked: Omit<UnvettedApp, "rank">[] = [];
  const cleared: { product: string; appId: string; users: number }[] = [];
  for (const [k, t] of tallies) {
    const app = byKey.get(k) ?? null;
    const students = t.students.size;
    // a user seen as a student and in another role counts once, as a student
    let others = 0;
    for (const u of t.others) if (!t.students.has(u)) others++;
    const users = students + others;
    if (app?.cleared) {
      cleared.push({ product: t.product, appId: app.appId, users });
      continue;
    }
    const status: UnvettedApp["status"] =
      app === null ? "notInRegister" : app.decision === "denied" ? "denied" : app.decision === "approved" || app.decision === "approvedWithConditions" ? "noCurrentAgreement" : "undecided";
    const elements = app?.agreement?.dataElements.length ? app.agreement.dataElements : (known.get(k) ?? []);
    let sensitivity = o.unknownSensitivity;
    let basis = `nothing is known of its data: the highest sensitivity (${o.unknownSensitivity}) is assumed`;
    if (elements.length > 0) {
      let top = elements[0]!;
      for (const e of elements) if ((weights.get(e) ?? o.unknownSensitivity) > (weights.get(top) ?? o.unknownSensitivity)) top = e;
      sensitivity = weights.get(top) ?? o.unknownSensitivity;
      basis = `${app?.agreement?.dataElements.length ? "its agreement allows" : "known to hold"} ${listInWords([...elements])}; the most sensitive, ${top}, weighs ${sensitivity}`;
    }
    const exposure = students * o.roleWeights.student + others * o.roleWeights.other;
    const score = exposure * sensitivity;
    const reason =
      status === "notInRegister"
        ? "in use but never vetted"
        : status === "denied"
          ? `in use although ${decisionInWords("denied")}${app?.decidedOn ? ` on ${app.decidedOn}` : ""}`
          : status === "noCurrentAgreement"
            ? (app?.issues[0] ?? "approved, but no agreement is in force")
            : `in use while its vetting is ${app?.decision === "needsInformation" ? "waiting for information" : "not finished"}`;
    ranked.push({
      product: t.product,
      appId: app?.appId ?? null,
      status,
      decision: app?.decision ?? null,
      agreementStatus: app?.status ?? null,
      users,
      students,
      others,
      exposure,
      sensitivity,
      sensitivityBasis: basis,
      score,
      reason,
      explanation: `${t.product}: ${reason}. ${plural(students, "student")} × ${o.roleWeights.student} + ${plural(others, "other user")} × ${o.roleWeights.other} = ${round(exposure)} weighted users; × sensitivity ${sensitivity} (${basis}) = score ${round(score)}.`,
    });
  }
  ranked.sort((a, b) => b.score - a.score || b.users - a.users || (a.product < b.product ? -1 : a.product > b.product ? 1 : 0));
  const out = ranked.map((a, i) => ({ rank: i + 1, ...a }));
  const never = out.filter((a) => a.status === "notInRegister").length;
  return {
    asOf: o.asOf,
    apps: out,
    cleared: cleared.sort((a, b) => (a.product < b.product ? -1 : 1)),
    lines: lines.length,
    linesOutsidePeriod: outside,
    summary:
      out.length === 0
        ? `Every app in use on ${o.asOf} is cleared by the register (${plural(cleared.length, "product")}).`
        : `${plural(out.length, "app")} in use ${out.length === 1 ? "is" : "are"} not cleared by the register (${never} never vetted); the first to look at is ${out[0]!.product} (${plural(out[0]!.users, "user")}, ${out[0]!.reason}).`,
  };
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
