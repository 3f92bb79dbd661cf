/**
 * Names for the ids the engines report (products, schools, device models, cohorts): a person
 * reads "ReadWell at Maple Valley Middle", not "reading at mvms". The engines' results name
 * things by id; the names are in the same data files the engines read.
 */

/** id → name from a list of `{ id, name }` records (records without a name are skipped). */
export function nameMap(...lists: readonly (readonly unknown[] | undefined | null)[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of lists) {
    for (const r of list ?? []) {
      if (!r || typeof r !== "object") continue;
      const { id, name } = r as { id?: unknown; name?: unknown };
      if (typeof id === "string" && typeof name === "string" && name.trim() && !m.has(id)) m.set(id, name);
    }
  }
  return m;
}

/** The list under `key` of a data file, when it is one (`schools`, `products`, `models`…). */
export function listOf(data: unknown, key: string): readonly unknown[] | undefined {
  if (!data || typeof data !== "object") return undefined;
  const v = (data as Record<string, unknown>)[key];
  return Array.isArray(v) ? v : undefined;
}

/** The name of an id, or the id itself when the data has no name for it. */
export function nameOf(names: ReadonlyMap<string, string>, id: string | null | undefined, fallback = ""): string {
  if (id === null || id === undefined) return fallback;
  return names.get(id) ?? id;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An engine sentence with the ids it names replaced by their names: each id as a whole token
 * (not part of a longer id such as `c-reading` or `reading2`), outside quoted text (an option's
 * own name is quoted and kept as written).
 *
 * @example withNames('800 seats of lms under "LMS tiers"', new Map([["lms", "CourseCanopy LMS"]])) // '800 seats of CourseCanopy LMS under "LMS tiers"'
 */
export function withNames(text: string, names: ReadonlyMap<string, string>): string {
  const ids = [...names.keys()].filter((k) => k && names.get(k) !== k).sort((a, b) => b.length - a.length);
  if (ids.length === 0 || !text) return text;
  const token = new RegExp(`(?<![\\w-])(?:${ids.map(escapeRegExp).join("|")})(?![\\w-])`, "g");
  return text
    .split(/("[^"]*"|“[^”]*”)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(token, (id) => names.get(id) ?? id)))
    .join("");
}

/** A sentence that starts with "<id>: " (as the licence engine's renewal and reclaim lines do), without that prefix. */
export function withoutIdPrefix(text: string, id: string): string {
  return text.startsWith(`${id}: `) ? text.slice(id.length + 2) : text;
}

/** The parts of a device cohort: model, school, role and purchase fiscal year. */
export interface CohortParts {
  readonly model: string;
  readonly school: string;
  readonly role: string;
  readonly purchaseFiscalYear: number;
}

/**
 * The parts of a cohort id. The lifecycle engine keys a cohort `model|school|role|FY2024`
 * (`cohortKey`); the forecast's own cohort list is preferred, the key read only for cohorts the
 * forecast bought itself. Null when the id has neither form.
 */
export function cohortParts(id: string, known?: ReadonlyMap<string, CohortParts>): CohortParts | null {
  const k = known?.get(id);
  if (k) return k;
  const m = /^(.+)\|(.+)\|(.+)\|FY(\d{4})$/.exec(id);
  return m ? { model: m[1]!, school: m[2]!, role: m[3]!, purchaseFiscalYear: Number(m[4]) } : null;
}

const ROLE_LABEL: Readonly<Record<string, string>> = { student: "students", staff: "staff", lab: "lab", spare: "spares", infrastructure: "infrastructure", loaner: "loaners", teacher: "teachers" };

/** A device role in words ("students", "spares"). */
export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

/**
 * A school's name; a site the district file does not list (the inventory's `district-office`)
 * in words ("District office"), and `district` as "District-wide".
 */
export function schoolName(schools: ReadonlyMap<string, string>, id: string | null | undefined): string {
  if (id === null || id === undefined || id === "district") return "District-wide";
  const n = schools.get(id);
  if (n) return n;
  const words = id.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

/** "Acme Chromebook 311 G2 — Maple Valley High, students, bought FY2024" for a cohort id. */
export function cohortLabel(id: string, models: ReadonlyMap<string, string>, schools: ReadonlyMap<string, string>, known?: ReadonlyMap<string, CohortParts>): string {
  const c = cohortParts(id, known);
  if (!c) return id;
  return `${nameOf(models, c.model)} — ${schoolName(schools, c.school)}, ${roleLabel(c.role)}, bought FY${c.purchaseFiscalYear}`;
}
