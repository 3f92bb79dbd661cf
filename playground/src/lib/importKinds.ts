/** The files the Import view reads, each through its `@districtkit/io` reader. */
export const IMPORT_KINDS = [
  { id: "snipe-it", label: "Snipe-IT asset export (CSV)", accept: ".csv,text/csv", multiple: false, dataset: "devices" },
  { id: "google-admin", label: "Google Admin Chrome devices (CSV)", accept: ".csv,text/csv", multiple: false, dataset: "devices" },
  { id: "license-contracts", label: "Licence contracts (CSV)", accept: ".csv,text/csv", multiple: false, dataset: "licenses" },
  { id: "usage", label: "Licence usage / last login (CSV)", accept: ".csv,text/csv", multiple: false, dataset: "usage" },
  { id: "vetting-csv", label: "Vetting answers (CSV)", accept: ".csv,text/csv", multiple: false, dataset: "apps" },
  { id: "vetting-json", label: "Vetting answers (JSON)", accept: ".json,application/json", multiple: false, dataset: "apps" },
  { id: "license-plan-json", label: "Licence plan: products, prices, demand (JSON, the optimizer's input)", accept: ".json,application/json", multiple: false, dataset: "licenses" },
  { id: "oneroster", label: "OneRoster 1.2 enrollment (several CSV files)", accept: ".csv,text/csv", multiple: true, dataset: "district" },
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number]["id"];

export interface ImportRowError {
  readonly file?: string;
  readonly line: number;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly message: string;
}

export type ImportOutcome =
  | {
      readonly ok: true;
      readonly kind: ImportKind;
      readonly files: readonly string[];
      readonly stats: { total: number; parsed: number; failed: number; blankLines: number };
      /** The first errors (at most 1,000), in file order; `errorCount` has them all. */
      readonly errors: readonly ImportRowError[];
      readonly errorCount: number;
      readonly columns: readonly { field: string; header: string; kind?: string }[];
      readonly unknownColumns: readonly string[];
      readonly warnings: readonly string[];
      /** The records as plain JSON (amounts as decimal strings). */
      readonly records: unknown;
      readonly recordCount: number;
    }
  | { readonly ok: false; readonly kind: ImportKind; readonly files: readonly string[]; readonly problems: readonly string[] };

/** The example exports shipped in examples/data (generated from the sample district). */
export const EXAMPLE_FILES: Record<ImportKind, readonly string[]> = {
  "snipe-it": ["snipe-it/assets.csv"],
  "google-admin": ["google-admin/chrome-devices.csv"],
  "license-contracts": ["licenses/contracts.csv"],
  usage: ["licenses/usage.csv"],
  "vetting-csv": ["vetting/answers.csv"],
  "vetting-json": ["vetting/answers.json"],
  "license-plan-json": [],
  oneroster: [
    "oneroster/manifest.csv",
    "oneroster/orgs.csv",
    "oneroster/users.csv",
    "oneroster/roles.csv",
    "oneroster/academicSessions.csv",
    "oneroster/courses.csv",
    "oneroster/classes.csv",
    "oneroster/enrollments.csv",
  ],
};

const exampleFiles = import.meta.glob<string>("../../../examples/data/{snipe-it,google-admin,licenses,vetting,oneroster}/*.{csv,json}", {
  query: "?raw",
  import: "default",
});

/** Load one example export as text (a lazily loaded chunk from this server). */
export async function loadExampleFile(path: string): Promise<string> {
  const key = Object.keys(exampleFiles).find((k) => k.endsWith(`/examples/data/${path}`));
  if (!key) throw new Error(`example file ${path} is not in this build`);
  return exampleFiles[key]!();
}

/** The system or format each kind of file comes from, as a person names it. */
export const IMPORT_SOURCE: Readonly<Record<ImportKind, string>> = {
  "snipe-it": "Snipe-IT",
  "google-admin": "Google Admin",
  "license-contracts": "licence contracts",
  usage: "licence usage",
  "vetting-csv": "vetting answers",
  "vetting-json": "vetting answers",
  "license-plan-json": "licence plan",
  oneroster: "OneRoster",
};

/** Where imported data came from, for "imported from …": "Snipe-IT: assets.csv + Google Admin: chrome-devices.csv". */
export function importOrigin(parts: readonly { readonly kind: ImportKind; readonly files: readonly string[] }[]): string {
  return parts.map((p) => `${IMPORT_SOURCE[p.kind]}${p.files.length ? `: ${p.files.join(", ")}` : ""}`).join(" + ");
}
