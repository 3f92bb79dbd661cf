import { DISTRICT_CALENDAR, DistrictKitError, type DistrictKitIssue, fiscalCalendarSchema, fiscalYearOf, isoDateSchema, keyedRecordSchema, Money, parseInput } from "@districtkit/core";
import {
  aggregateCohorts,
  type Cohort,
  cohortKey,
  cohortSchema,
  type Device,
  type DeviceCategory,
  type DeviceModel,
  type DeviceRole,
  deviceCategorySchema,
  deviceModelSchema,
  deviceRoleSchema,
  deviceSchema,
} from "@districtkit/lifecycle";
import { z } from "zod";
import { groupAutoUpdateExpiration } from "../formats/aueByModel.js";
import { type GoogleAdminDevice, googleAdminDeviceSchema } from "../formats/googleAdmin.js";
import { type SnipeItAsset, snipeItAssetSchema } from "../formats/snipeIt.js";
import { caselessValue, longestCaselessPrefix } from "../internal/caseless.js";
import { guard } from "../internal/guard.js";
import { isTrusted } from "../internal/trusted.js";

/**
 * The zod schema of the options of {@link inventoryFromExports}. Every map is matched on the
 * text as it appears in the export, ignoring case:
 *
 * - `asOf` — the inventory date (devices bought after it are left out, and listed);
 * - `schools` — a location (Snipe-IT `Location`, Google `Annotated Location`) or an org unit path
 *   (the longest matching prefix wins) → the school id the engines use;
 * - `categories` — a model name or a Snipe-IT category → a lifecycle device category;
 * - `roles` — a model name or a Snipe-IT category → a device role (student, staff, lab, spare, infrastructure);
 * - `models` — per model name: the price, life, warranty or support end to use (what a file does not say);
 * - `detail` — `"devices"` (default: every device validated by lifecycle's `deviceSchema`, then
 *   `aggregateCohorts`'s cohorts) or `"cohorts"` (the cohorts alone, validated by lifecycle's `cohortSchema`:
 *   the way to read 100,000 devices in a fraction of a second; `devices` is then empty);
 * - `calendar` — the fiscal calendar of the cohorts' purchase years (default: July–June).
 *
 * @example
 * ```ts
 * inventoryOptionsSchema.parse({ asOf: "2026-07-01", roles: { "OptiPlex 7010": "lab" } }).roles; // => { "OptiPlex 7010": "lab" }
 * ```
 * @category Lifecycle
 */
export const inventoryOptionsSchema = z
  .object({
    asOf: isoDateSchema.describe("Inventory date; devices bought after it are left out"),
    schools: keyedRecordSchema(z.string().min(1)).optional().describe("Location or org unit path → school id"),
    categories: keyedRecordSchema(deviceCategorySchema).optional().describe("Model name or category → device category"),
    roles: keyedRecordSchema(deviceRoleSchema).optional().describe("Model name or category → device role"),
    models: keyedRecordSchema(deviceModelSchema.omit({ id: true, category: true }).partial())
      .optional()
      .describe("Per model name: unitPrice, expectedLifeYears, warrantyYears, supportEnd, autoUpdateExpiration…"),
    detail: z.enum(["devices", "cohorts"]).default("devices").describe("Validate and return every device, or the cohorts alone"),
    calendar: fiscalCalendarSchema.optional().describe("Fiscal calendar of the purchase years"),
  })
  .strict();

/**
 * Options of {@link inventoryFromExports} (see {@link inventoryOptionsSchema}).
 *
 * @category Lifecycle
 */
export type InventoryOptions = z.input<typeof inventoryOptionsSchema>;

/**
 * The exports {@link inventoryFromExports} combines: a Snipe-IT asset export, a Google Admin
 * Chrome device export, or both (matched by serial number, then by asset tag).
 *
 * @category Lifecycle
 */
export interface InventoryExports {
  /** Assets as {@link readSnipeItAssets} returns them. */
  readonly snipeIt?: readonly SnipeItAsset[];
  /** Chrome devices as {@link readGoogleAdminDevices} returns them. */
  readonly googleAdmin?: readonly GoogleAdminDevice[];
}

/**
 * A record the inventory leaves out, and why (never silently).
 *
 * @category Lifecycle
 */
export interface InventoryExclusion {
  /** Which export the record came from. */
  readonly source: "snipe-it" | "google-admin";
  /** Its line in that file. */
  readonly line: number;
  /** Its asset tag or serial. */
  readonly id: string;
  /** Why it is not in the inventory. */
  readonly reason: string;
}

/**
 * A lifecycle inventory built from exports: models (with AUE per Chromebook model), devices and
 * cohorts, all validated by `@districtkit/lifecycle`'s own schemas, plus what was left out.
 *
 * @category Lifecycle
 */
export interface InventoryImport {
  /** The inventory date. */
  readonly asOf: string;
  /** One model per model name, validated by lifecycle's `deviceModelSchema`. */
  readonly models: readonly DeviceModel[];
  /** The devices, validated by lifecycle's `deviceSchema` (empty with `detail: "cohorts"`). */
  readonly devices: readonly Device[];
  /** The devices in cohorts (model × school × role × purchase fiscal year), as lifecycle's `aggregateCohorts` gives them; with `detail: "cohorts"`, by the same rule and validated by its `cohortSchema`. */
  readonly cohorts: readonly (Cohort & { readonly id: string })[];
  /** Records left out (no purchase date, no price, bought after `asOf`, lost or retired…), with the reason. */
  readonly excluded: readonly InventoryExclusion[];
  /** How the two exports were matched. */
  readonly matching: { readonly bySerial: number; readonly byAssetTag: number; readonly snipeItOnly: number; readonly googleAdminOnly: number };
  /** Where each model's figures came from (price, AUE…), one sentence per model. */
  readonly modelNotes: readonly string[];
  /** A plain-English summary. */
  readonly explanation: string;
}

const CATEGORY_RULES: readonly [RegExp, DeviceCategory][] = [
  [/chromebook|chromebox/i, "chromebook"],
  [/ipad|tablet/i, "ipad"],
  [/macbook|mac ?book/i, "mac-laptop"],
  [/laptop|notebook|latitude|thinkpad|probook|elitebook|surface/i, "windows-laptop"],
  [/desktop|optiplex|workstation|all-in-one|imac|mac mini/i, "desktop"],
  [/display|viewboard|panel|projector|smart ?board|promethean/i, "interactive-display"],
  [/access point|\bap\b|switch|router|firewall|network|wireless|wi-?fi/i, "network"],
  [/server|\bups\b|storage|\bnas\b|san\b/i, "server"],
];

const ROLE_BY_CATEGORY: Readonly<Record<DeviceCategory, DeviceRole>> = {
  chromebook: "student",
  ipad: "student",
  "windows-laptop": "staff",
  "mac-laptop": "staff",
  desktop: "staff",
  "interactive-display": "staff",
  network: "infrastructure",
  server: "infrastructure",
  other: "staff",
};

function lookup<T>(map: Readonly<Record<string, T>> | undefined, ...keys: (string | undefined)[]): T | undefined {
  if (!map) return undefined;
  for (const key of keys) {
    if (key === undefined) continue;
    if (Object.hasOwn(map, key) && map[key] !== undefined) return map[key]; // a name is data: "constructor" is not Object
    const v = caselessValue(map, key);
    if (v !== undefined) return v;
  }
  return undefined;
}

function categorize(options: Options, model: string, category: string | undefined, manufacturer: string | undefined): DeviceCategory {
  const given = lookup(options.categories, model, category);
  if (given) return given;
  for (const text of [model, category ?? ""]) {
    for (const [re, c] of CATEGORY_RULES) {
      if (re.test(text)) return c === "windows-laptop" && /apple/i.test(manufacturer ?? "") ? "mac-laptop" : c;
    }
  }
  return "other";
}

const SPARE = /spare|ready to deploy|loaner|available|in stock/i;

function snipeStatus(status: string | undefined): Device["status"] {
  if (status === undefined) return "active";
  if (/lost|stolen|missing/i.test(status)) return "lost";
  if (/archiv|retired|dispos|recycl|surplus|sold|beyond repair/i.test(status)) return "retired";
  if (/repair|broken|rma/i.test(status)) return "in-repair";
  if (SPARE.test(status)) return "spare";
  return "active";
}

function googleStatus(status: string | undefined): Device["status"] {
  const s = (status ?? "").toUpperCase();
  if (s === "DEPROVISIONED") return "retired";
  // Google's advice is to disable a device that is lost or stolen
  if (s === "DISABLED") return "lost";
  return "active";
}

function schoolOf(options: Options, ...texts: (string | undefined)[]): string | undefined {
  const map = options.schools;
  for (const text of texts) {
    if (text === undefined) continue;
    const exact = lookup(map, text);
    if (exact) return exact;
    if (map && text.startsWith("/")) {
      const best = longestCaselessPrefix(map, text);
      if (best) return best[1];
    }
  }
  return texts.find((t) => t !== undefined);
}

type Options = z.output<typeof inventoryOptionsSchema>;
const serialKey = (s: string | undefined) => (s === undefined ? undefined : s.trim().toUpperCase());
const issueText = (issues: readonly Pick<DistrictKitIssue, "path" | "message">[]) => issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");

interface Candidate {
  readonly source: "snipe-it" | "google-admin";
  readonly line: number;
  readonly id: string;
  readonly model: string;
  readonly category: DeviceCategory;
  readonly record: Record<string, unknown>;
  readonly cost: string | undefined;
  readonly warrantyMonths: number | undefined;
}

/**
 * Builds a `@districtkit/lifecycle` inventory from a Snipe-IT export and/or a Google Admin Chrome
 * device export: devices are matched across the two by serial (then by asset tag), each model gets
 * its Auto Update Expiration from the devices that report it, its price from your `models` option or
 * its latest purchase, and the devices are aggregated into cohorts by lifecycle's rule (the
 * cohorts its `aggregateCohorts` gives, keyed by its `cohortKey`). Every model and device is validated by lifecycle's schemas; a record that
 * cannot be used is listed in `excluded` with its line and reason.
 *
 * @param exports - the rows of either or both exports
 * @param options - the as-of date and the maps from export text to schools, categories, roles and model facts
 * @returns models, devices, cohorts, exclusions and an explanation
 * @throws DistrictKitError for invalid options or rows that are not export records
 * @example
 * ```ts
 * const snipe = readSnipeItAssets("Asset Tag,Serial,Model,Category,Location,Purchase Date,Purchase Cost\nMVH-1,S1,Acme Chromebook 300,Chromebook,Maple Valley High,8/15/20,259\nMVH-2,S2,Acme Chromebook 300,Chromebook,Maple Valley High,,259");
 * const google = readGoogleAdminDevices("Serial Number,Model,Auto Update Expiration\nS1,Acme Chromebook 300,June 2026");
 * const inventory = inventoryFromExports({ snipeIt: snipe.rows, googleAdmin: google.rows }, { asOf: "2026-07-01", schools: { "Maple Valley High": "MVH" } });
 * inventory.models[0]?.autoUpdateExpiration; // => "2026-06"
 * inventory.cohorts.map((c) => [c.id, c.count]); // => [["Acme Chromebook 300|MVH|student|FY2021", 1]]
 * inventory.excluded[0]?.reason; // => "no purchase date"
 * ```
 * @category Lifecycle
 */
export function inventoryFromExports(exports: InventoryExports, options: InventoryOptions): InventoryImport {
  return guard("exports", () => {
    const o = parseInput(inventoryOptionsSchema, options, ["options"]);
    if (typeof exports !== "object" || exports === null) throw DistrictKitError.argument(["exports"], "expected { snipeIt?: rows, googleAdmin?: rows }");
    // rows straight from this package's readers were checked while reading; others are validated here
    const rowsOf = <T>(rows: unknown, schema: z.ZodType<T>, key: string): readonly T[] =>
      rows === undefined ? [] : isTrusted(rows) ? (rows as readonly T[]) : parseInput(z.array(schema), rows, ["exports", key]);
    const snipe = rowsOf(exports.snipeIt, snipeItAssetSchema, "snipeIt");
    const google = rowsOf(exports.googleAdmin, googleAdminDeviceSchema, "googleAdmin");
    const excluded: InventoryExclusion[] = [];

    // match Google Admin devices to Snipe-IT assets: serial first, then annotated asset id = asset tag
    const bySerial = new Map<string, GoogleAdminDevice>();
    const byTag = new Map<string, GoogleAdminDevice>();
    for (const g of google) {
      bySerial.set(serialKey(g.serialNumber)!, g);
      if (g.annotatedAssetId !== undefined) byTag.set(g.annotatedAssetId.trim().toUpperCase(), g);
    }
    const used = new Set<GoogleAdminDevice>();
    const matching = { bySerial: 0, byAssetTag: 0, snipeItOnly: 0, googleAdminOnly: 0 };
    const candidates: Candidate[] = [];
    const seenIds = new Map<string, number>();
    const uniqueId = (id: string) => {
      const n = (seenIds.get(id) ?? 0) + 1;
      seenIds.set(id, n);
      return n === 1 ? id : `${id} (${n})`;
    };

    const categoryOf = new Map<string, Map<string | undefined, Map<string | undefined, DeviceCategory>>>();
    for (const a of snipe) {
      let g = a.serial === undefined ? undefined : bySerial.get(serialKey(a.serial)!);
      if (g && !used.has(g)) matching.bySerial++;
      else {
        g = a.assetTag === undefined ? undefined : byTag.get(a.assetTag.trim().toUpperCase());
        if (g && !used.has(g)) matching.byAssetTag++;
        else {
          g = undefined;
          matching.snipeItOnly++;
        }
      }
      if (g) used.add(g);
      // few distinct model × category × manufacturer: each categorized once
      const byCategory = categoryOf.get(a.model) ?? categoryOf.set(a.model, new Map()).get(a.model)!;
      const byMaker = byCategory.get(a.category) ?? byCategory.set(a.category, new Map()).get(a.category)!;
      let category = byMaker.get(a.manufacturer);
      if (category === undefined) byMaker.set(a.manufacturer, (category = categorize(o, a.model, a.category, a.manufacturer)));
      const status = snipeStatus(a.status);
      const role = lookup(o.roles, a.model, a.category) ?? (status === "spare" ? "spare" : ROLE_BY_CATEGORY[category]);
      const id = uniqueId(a.assetTag ?? a.serial!);
      candidates.push({
        source: "snipe-it",
        line: a.line,
        id,
        model: a.model,
        category,
        cost: a.purchaseCost,
        warrantyMonths: a.warrantyMonths,
        record: defined({
          id,
          serial: a.serial,
          model: a.model,
          school: schoolOf(o, a.location, g?.annotatedLocation, g?.orgUnitPath),
          purchaseDate: a.purchaseDate,
          purchaseCost: a.purchaseCost,
          role,
          status,
          fundingSource: a.attributes["Funding Source"],
          warrantyEnd: a.warrantyExpires,
          osSupportEnd: g?.autoUpdateExpiration,
        }),
      });
    }
    for (const g of google) {
      if (used.has(g)) continue;
      matching.googleAdminOnly++;
      const status = googleStatus(g.status);
      const ou = g.orgUnitPath ?? "";
      const role = lookup(o.roles, g.model, "Chromebook") ?? (/spare|loaner/i.test(ou) ? "spare" : /staff|teacher|faculty|admin/i.test(ou) ? "staff" : "student");
      const id = uniqueId(g.annotatedAssetId ?? g.serialNumber);
      // Google knows no purchase date: the first enrollment is the nearest, else the manufacture date
      const purchaseDate = g.firstEnrollmentTime ?? g.manufactureDate;
      candidates.push({
        source: "google-admin",
        line: g.line,
        id,
        model: g.model,
        category: lookup(o.categories, g.model) ?? "chromebook",
        cost: undefined,
        warrantyMonths: undefined,
        record: defined({ id, serial: g.serialNumber, model: g.model, school: schoolOf(o, g.orgUnitPath, g.annotatedLocation), purchaseDate, role, status, osSupportEnd: g.autoUpdateExpiration }),
      });
    }

    // models: AUE from the devices that report it, price from options or the latest purchase
    const aue = new Map(groupAutoUpdateExpiration(google).map((m) => [m.model, m]));
    const modelNotes: string[] = [];
    const models: DeviceModel[] = [];
    const unpriced = new Set<string>();
    const byModel = new Map<string, Candidate[]>();
    for (const c of candidates) {
      let list = byModel.get(c.model);
      if (!list) byModel.set(c.model, (list = []));
      list.push(c);
    }
    const modelIssues: Omit<DistrictKitIssue, "pathText">[] = [];
    for (const [name, list] of [...byModel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const given = lookup(o.models, name) ?? {};
      const counts = new Map<DeviceCategory, number>();
      for (const c of list) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
      const category = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      // the latest purchase with a cost, in one pass (a model may have 50,000 devices); on a day of
      // several, the last listed — what the descending sort this replaces put first in V8
      let latest: Candidate | undefined;
      for (const c of list) {
        if (c.cost === undefined || c.record["purchaseDate"] === undefined) continue;
        if (latest === undefined || String(c.record["purchaseDate"]) >= String(latest.record["purchaseDate"])) latest = c;
      }
      const price = given.unitPrice ?? latest?.cost;
      const warranties = list.map((c) => c.warrantyMonths).filter((m): m is number => m !== undefined);
      const warrantyMonths = warranties.length > 0 ? mode(warranties) : undefined;
      const reported = aue.get(name);
      const autoUpdate = given.autoUpdateExpiration ?? (reported?.autoUpdateExpiration ? reported.autoUpdateExpiration.slice(0, 7) : undefined);
      const notes: string[] = [];
      if (price === undefined) {
        unpriced.add(name);
        notes.push(`${name}: no price (no purchase cost in the export; give options.models[${JSON.stringify(name)}].unitPrice) — its ${list.length} devices are left out`);
        modelNotes.push(notes.join(""));
        continue;
      }
      notes.push(given.unitPrice !== undefined ? "price given" : `price ${price} from its latest purchase (${String(latest!.record["purchaseDate"])})`);
      if (autoUpdate !== undefined) {
        notes.push(
          given.autoUpdateExpiration !== undefined
            ? `AUE ${autoUpdate} given`
            : `AUE ${autoUpdate} reported by ${reported!.agreeing} of its ${reported!.devices} Google Admin devices${reported!.otherDates.length > 0 ? ` (others report ${reported!.otherDates.map((d) => d.date).join(", ")})` : ""}`,
        );
      }
      const candidate = {
        id: name,
        name,
        category,
        ...(warrantyMonths === undefined ? {} : { warrantyYears: Math.round(warrantyMonths / 12) }),
        ...given,
        unitPrice: price,
        ...(autoUpdate === undefined ? {} : { autoUpdateExpiration: autoUpdate }),
      };
      const parsed = deviceModelSchema.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) modelIssues.push({ path: ["models", name, ...issue.path.map(String)], code: "invalid_model", message: issue.message });
        continue;
      }
      models.push(parsed.data);
      modelNotes.push(`${name} (${category}): ${notes.join("; ")}.`);
    }
    if (modelIssues.length > 0) throw new DistrictKitError("INVALID_INPUT", modelIssues, "the model facts given in options.models are not valid");

    const devices: Device[] = [];
    const kept: Candidate[] = [];
    for (const c of candidates) {
      const exclude = (reason: string) => excluded.push({ source: c.source, line: c.line, id: c.id, reason });
      if (unpriced.has(c.model)) {
        exclude(`model "${c.model}" has no price`);
        continue;
      }
      if (c.record["purchaseDate"] === undefined) {
        exclude(c.source === "google-admin" ? "no enrollment or manufacture date to stand for the purchase date" : "no purchase date");
        continue;
      }
      if (String(c.record["purchaseDate"]) > o.asOf) {
        exclude(`bought ${String(c.record["purchaseDate"])}, after the inventory date ${o.asOf}`);
        continue;
      }
      if (c.record["school"] === undefined) {
        exclude("no location or org unit to give its school");
        continue;
      }
      if (o.detail === "cohorts") {
        // the record is built here from validated rows: only what the rows do not guarantee is checked
        if (c.id.trim() === "" || String(c.record["school"]).trim() === "") {
          exclude(c.id.trim() === "" ? "an empty asset tag and serial" : "an empty location");
          continue;
        }
        const status = c.record["status"];
        if (status === "lost" || status === "retired") {
          exclude(`status ${String(status)}`);
          continue;
        }
        kept.push(c);
        continue;
      }
      const parsed = deviceSchema.safeParse(c.record);
      if (!parsed.success) {
        exclude(issueText(parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))));
        continue;
      }
      if (parsed.data.status === "lost" || parsed.data.status === "retired") {
        exclude(`status ${parsed.data.status}`);
        continue;
      }
      devices.push(parsed.data);
    }
    // lifecycle's own aggregation (fast on validated devices); none is lost, retired, after asOf or of an unpriced model here
    const cohorts = o.detail === "cohorts" ? cohortsOf(kept, o) : aggregateCohorts({ asOf: o.asOf, models, devices, ...(o.calendar ? { calendar: o.calendar } : {}) }).cohorts;
    const counted = o.detail === "cohorts" ? kept.length : devices.length;
    const total = snipe.length + matching.googleAdminOnly;
    return {
      asOf: o.asOf,
      models,
      devices,
      cohorts,
      excluded,
      matching,
      modelNotes,
      explanation:
        `${counted} of ${total} devices in ${cohorts.length} cohorts of ${models.length} models` +
        (snipe.length > 0 && google.length > 0 ? ` (${matching.bySerial + matching.byAssetTag} matched across Snipe-IT and Google Admin, ${matching.googleAdminOnly} only in Google Admin)` : "") +
        (excluded.length > 0 ? `; ${excluded.length} left out, each with its reason` : "") +
        ".",
    };
  });
}

/** Cohorts by lifecycle's rule (model × school × role × purchase fiscal year; unit cost = mean purchase cost when every device has one), validated by its `cohortSchema`. */
function cohortsOf(kept: readonly Candidate[], o: Options): (Cohort & { id: string })[] {
  const calendar = o.calendar ?? DISTRICT_CALENDAR;
  const fiscalYears = new Map<string, number>();
  const groups = new Map<string, { model: string; school: string; role: DeviceRole; purchaseFiscalYear: number; count: number; costs: string[]; allCosts: boolean }>();
  for (const c of kept) {
    const date = String(c.record["purchaseDate"]);
    let fy = fiscalYears.get(date);
    if (fy === undefined) fiscalYears.set(date, (fy = fiscalYearOf(date, calendar)));
    const school = String(c.record["school"]);
    const role = c.record["role"] as DeviceRole;
    const local = `${c.model}\u0000${school}\u0000${role}\u0000${fy}`;
    let g = groups.get(local);
    if (!g) groups.set(local, (g = { model: c.model, school, role, purchaseFiscalYear: fy, count: 0, costs: [], allCosts: true }));
    g.count++;
    if (c.cost !== undefined) g.costs.push(c.cost);
    else g.allCosts = false;
  }
  // lifecycle's own key, once per cohort (not per device)
  const out = [...groups.values()]
    .map((g) => ({ id: cohortKey(g), g }))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map(({ id, g }) => ({
      id,
      model: g.model,
      school: g.school,
      role: g.role,
      purchaseFiscalYear: g.purchaseFiscalYear,
      count: g.count,
      ...(g.allCosts && g.costs.length > 0 ? { unitCost: Money.sum(g.costs).divide(g.costs.length).roundToCents() } : {}),
    }));
  return parseInput(z.array(cohortSchema), out, ["cohorts"]) as (Cohort & { id: string })[];
}

/** A copy without the undefined properties (lifecycle's schemas take absent, not undefined); no `delete`, which slows every later access. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
