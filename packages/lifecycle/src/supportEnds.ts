import { addDaysIso, DistrictKitError, daysBetween, isoDateSchema, type Money, nonNegativeMoneySchema, parseInput } from "@districtkit/core";
import { z } from "zod";
import { aueLastDay } from "./forecast/resolve.js";
import { type DeviceModel, deviceModelSchema } from "./schema.js";
import { SUPPORT_END_TABLE } from "./tables/supportEnds.js";

const id = z.string().min(1, { error: "expected a non-empty id" }).max(200);

/**
 * One row of a support-end table: an operating system or device family, the models it covers
 * (model ids or names of a district's catalogue; names compare without case, spaces or
 * punctuation), and its dates — the last OS it runs and the day that OS was superseded, the
 * vendor's end of sale, the end of support (security updates), and a paid extension's yearly
 * periods with the price the district pays. `estimated` marks a date that is a reading of a
 * vendor's practice, not a published date. `source` is required: every date says where it
 * came from.
 *
 * @example
 * ```ts
 * const e = supportEndEntrySchema.parse({ id: "core-sw", platform: "network", product: "Core switch", models: ["switch-48"],
 *   endOfSale: "2026-01-31", supportEnd: "2031-01-31", source: "vendor EoL notice 2025-02-01" });
 * e.estimated; // => false
 * supportEndEntrySchema.safeParse({ ...e, endOfSale: "2032-01-01" }).success; // => false
 * ```
 * @category Support ends
 */
export const supportEndEntrySchema = z
  .object({
    id,
    platform: z.enum(["chromeos", "ipados", "windows", "macos", "network", "other"]),
    /** What the entry is about ("Windows 10", "iPad (7th generation)", "Core switch C9300"). */
    product: z.string().min(1).max(300),
    vendor: z.string().max(200).optional(),
    /** Model ids or names this entry covers; names compare ignoring case, spaces and punctuation. */
    models: z.array(z.string().min(1).max(300)).max(1000).default([]),
    /** The last major OS release the models run ("iPadOS 18"). */
    lastSupportedOs: z.string().min(1).max(100).optional(),
    /** The day that release was superseded: no new OS features after it. */
    featureUpdatesEnd: isoDateSchema.optional(),
    /** The vendor's end of sale (network gear). */
    endOfSale: isoDateSchema.optional(),
    /** The last day of support: security updates (an OS) or vendor support (gear). */
    supportEnd: isoDateSchema.optional(),
    /** True when a date is an estimate from the vendor's practice, not a published date. */
    estimated: z.boolean().default(false),
    /** A paid extension of support in yearly periods (Windows 10 ESU), with the price the district pays. */
    extended: z
      .object({
        name: z.string().min(1).max(200),
        periods: z
          .array(z.object({ through: isoDateSchema, pricePerDevice: nonNegativeMoneySchema.optional() }))
          .min(1)
          .max(20),
        note: z.string().max(1000).optional(),
      })
      .optional(),
    note: z.string().max(1000).optional(),
    /** Where the dates come from (a URL, a notice, "our estimate"). */
    source: z.string().min(1, { error: "expected a source: where the dates come from" }).max(1000),
    /** When the entry was written down. */
    recordedOn: isoDateSchema.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.endOfSale !== undefined && e.supportEnd !== undefined && e.endOfSale > e.supportEnd) {
      ctx.addIssue({ code: "custom", path: ["endOfSale"], message: `expected the end of sale on or before the end of support (${e.supportEnd}), got ${e.endOfSale}` });
    }
    const periods = e.extended?.periods ?? [];
    periods.forEach((p, i) => {
      const before = i === 0 ? e.supportEnd : periods[i - 1]!.through;
      if (before === undefined && i === 0) ctx.addIssue({ code: "custom", path: ["extended"], message: "an extension needs the end of support it extends (supportEnd)" });
      else if (before !== undefined && p.through <= before) ctx.addIssue({ code: "custom", path: ["extended", "periods", i, "through"], message: `expected a day after ${before}, got ${p.through}` });
    });
  });

/**
 * A support-end table row as written (before validation).
 *
 * @category Support ends
 */
export type SupportEndEntryInput = z.input<typeof supportEndEntrySchema>;
/**
 * A validated support-end table row.
 *
 * @category Support ends
 */
export type SupportEndEntry = z.output<typeof supportEndEntrySchema>;

/**
 * Input of {@link supportEnds}: the as-of date, the district's device models, its own table rows
 * (added to the built-in {@link SUPPORT_END_TABLE}; a row with a built-in's id replaces it),
 * explicit model → row assignments, and how many days ahead "ending soon" looks (default 365).
 *
 * @example
 * ```ts
 * supportEndsInputSchema.parse({ asOf: "2026-07-01", models: [] }).soonDays; // => 365
 * ```
 * @category Support ends
 */
export const supportEndsInputSchema = z.object({
  asOf: isoDateSchema,
  models: z.array(deviceModelSchema),
  table: z.array(supportEndEntrySchema).max(10_000).default([]),
  /** Use the built-in table (default true). */
  builtIn: z.boolean().default(true),
  /** Which row covers which model, when names do not say it (a Windows 10 desktop). */
  assignments: z
    .array(z.object({ model: id, entry: id }))
    .max(10_000)
    .default([]),
  soonDays: z.number().int().min(0).max(3650).default(365),
});

/**
 * {@link supportEnds}'s input as given.
 *
 * @category Support ends
 */
export type SupportEndsInput = z.input<typeof supportEndsInputSchema>;

/**
 * How a model's support end was found: its Chromebook Auto Update Expiration, the date typed on
 * the model, an explicit assignment to a table row, a table row naming the model, or nothing.
 *
 * @category Support ends
 */
export type SupportEndBasis = "auto-update-expiration" | "model" | "assigned" | "table" | "none";

/**
 * One model's support dates.
 *
 * @category Support ends
 */
export interface ModelSupportEnd {
  readonly model: string;
  readonly name: string;
  readonly category: DeviceModel["category"];
  /** The last day of support (security updates), or null when unknown. */
  readonly supportEnd: string | null;
  readonly basis: SupportEndBasis;
  /** The table row used (for the OS version, feature-update end, end of sale and extension), or null. */
  readonly entry: string | null;
  readonly lastSupportedOs: string | null;
  readonly featureUpdatesEnd: string | null;
  readonly endOfSale: string | null;
  /** A paid extension: each yearly period's first and last day and the price per device the district entered (null when not entered). */
  readonly extended: {
    readonly name: string;
    readonly periods: readonly { readonly from: string; readonly through: string; readonly pricePerDevice: Money | null }[];
    readonly note: string | null;
  } | null;
  readonly estimated: boolean;
  /** At the as-of date: support ended, ends within `soonDays`, later, or unknown. */
  readonly status: "ended" | "ending-soon" | "supported" | "unknown";
  /** Days from the as-of date to the support end (negative when past), or null. */
  readonly daysToSupportEnd: number | null;
  readonly source: string | null;
  readonly explanation: string;
}

/**
 * What {@link supportEnds} found.
 *
 * @category Support ends
 */
export interface SupportEndsResult {
  readonly asOf: string;
  readonly models: readonly ModelSupportEnd[];
  /** The models with `supportEnd` filled in from the table where they had none (and no AUE): give these to a forecast so it retires them at support end. */
  readonly modelsWithSupportEnds: readonly DeviceModel[];
  /** The table used: built-in rows (unless turned off), then the district's. */
  readonly table: readonly SupportEndEntry[];
  /** Built-in rows the district's table replaced (by id). */
  readonly replaced: readonly string[];
  readonly explanation: string;
}

/** A name with only its letters and digits, lower-case, "generation" → "gen". */
function nameKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/generation/g, "gen")
    .replace(/[^a-z0-9]+/g, "");
}

let builtInCache: readonly SupportEndEntry[] | undefined;
function builtInTable(): readonly SupportEndEntry[] {
  builtInCache ??= SUPPORT_END_TABLE.map((e) => supportEndEntrySchema.parse(e));
  return builtInCache;
}

/**
 * Each device model's support end — the date it stops getting security updates — and how it was
 * found: a Chromebook's Auto Update Expiration (updates through the end of that month) first,
 * then a date typed on the model (`supportEnd`), then an explicit assignment to a table row, then
 * a table row that names the model (by id, or by name ignoring case and punctuation). Table rows
 * also give the last OS a model runs, the day that OS was superseded, the end of sale and a paid
 * extension (Windows 10 ESU) with the district's prices. The table is the built-in
 * {@link SUPPORT_END_TABLE} plus the district's rows (validated; a row with a built-in's id
 * replaces it), so a table that changes often is extended without a release. Nothing reads the
 * clock: "ended" and "ending soon" are judged at the as-of date.
 *
 * @param input - see {@link supportEndsInputSchema}
 * @returns one line per model, the models with support ends filled in, and the table used
 * @throws DistrictKitError for invalid input, duplicate row ids in the district's table, or an assignment naming an unknown model or row
 * @example
 * ```ts
 * const r = supportEnds({
 *   asOf: "2026-07-01",
 *   models: [
 *     { id: "cb300", category: "chromebook", unitPrice: "259", autoUpdateExpiration: "2026-06" },
 *     { id: "lab", category: "desktop", unitPrice: "780" },
 *     { id: "ipad7", name: "iPad (7th generation)", category: "ipad", unitPrice: "309" },
 *   ],
 *   assignments: [{ model: "lab", entry: "windows-10" }],
 * });
 * r.models.map((m) => [m.model, m.supportEnd, m.basis, m.status]); // => [["cb300", "2026-06-30", "auto-update-expiration", "ended"], ["lab", "2025-10-14", "assigned", "ended"], ["ipad7", null, "table", "unknown"]]
 * r.models[2]?.lastSupportedOs; // => "iPadOS 18"
 * r.models[1]?.extended?.periods[0]; // => { from: "2025-10-15", through: "2026-10-13", pricePerDevice: null }
 * ```
 * @category Support ends
 */
export function supportEnds(input: SupportEndsInput): SupportEndsResult {
  const v = parseInput(supportEndsInputSchema, input);
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const own = new Map<string, SupportEndEntry>();
  v.table.forEach((e, i) => {
    if (own.has(e.id)) issues.push({ path: ["table", i, "id"], code: "duplicate_id", message: `duplicate table row id "${e.id}"` });
    own.set(e.id, e);
  });
  const rows = new Map<string, SupportEndEntry>();
  const replaced: string[] = [];
  if (v.builtIn) for (const e of builtInTable()) rows.set(e.id, e);
  for (const [key, e] of own) {
    if (rows.has(key)) replaced.push(key);
    rows.set(key, e);
  }
  const modelIds = new Set(v.models.map((m) => m.id));
  const assigned = new Map<string, string>();
  v.assignments.forEach((a, i) => {
    if (!modelIds.has(a.model)) issues.push({ path: ["assignments", i, "model"], code: "unknown_model", message: `unknown model "${a.model}"` });
    if (!rows.has(a.entry)) issues.push({ path: ["assignments", i, "entry"], code: "unknown_entry", message: `no table row "${a.entry}"` });
    if (assigned.has(a.model)) issues.push({ path: ["assignments", i, "model"], code: "duplicate_assignment", message: `model "${a.model}" is assigned twice` });
    assigned.set(a.model, a.entry);
  });
  if (issues.length > 0) throw new DistrictKitError("INVALID_INPUT", issues);

  // Look-ups by model id and by name key (first row wins, in table order).
  const byRef = new Map<string, SupportEndEntry>();
  for (const e of rows.values()) {
    for (const m of e.models) {
      if (!byRef.has(m)) byRef.set(m, e);
      const k = `name:${nameKey(m)}`;
      if (!byRef.has(k)) byRef.set(k, e);
    }
  }

  const lines: ModelSupportEnd[] = [];
  const filled: DeviceModel[] = [];
  for (const m of v.models) {
    const assignedRow = assigned.has(m.id) ? rows.get(assigned.get(m.id)!)! : undefined;
    const named = byRef.get(m.id) ?? (m.name !== undefined ? byRef.get(`name:${nameKey(m.name)}`) : undefined) ?? byRef.get(`name:${nameKey(m.id)}`);
    const row = assignedRow ?? named;
    let supportEnd: string | null = null;
    let basis: SupportEndBasis = "none";
    let estimated = false;
    let source: string | null = null;
    if (m.autoUpdateExpiration !== undefined) {
      supportEnd = aueLastDay(m.autoUpdateExpiration);
      basis = "auto-update-expiration";
      source = "the model's Auto Update Expiration (updates through the end of that month)";
    } else if (m.supportEnd !== undefined) {
      supportEnd = m.supportEnd;
      basis = "model";
      source = "the date entered on the model";
    } else if (row !== undefined) {
      supportEnd = row.supportEnd ?? null;
      basis = assignedRow !== undefined ? "assigned" : "table";
      estimated = row.supportEnd !== undefined && row.estimated;
      source = row.source;
    }
    const extension = row?.extended;
    const extended =
      extension === undefined || row?.supportEnd === undefined
        ? null
        : {
            name: extension.name,
            periods: extension.periods.map((p, i) => ({
              from: addDaysIso(i === 0 ? row.supportEnd! : extension.periods[i - 1]!.through, 1),
              through: p.through,
              pricePerDevice: p.pricePerDevice ?? null,
            })),
            note: extension.note ?? null,
          };
    const days = supportEnd === null ? null : daysBetween(supportEnd, v.asOf);
    const status: ModelSupportEnd["status"] = days === null ? "unknown" : days < 0 ? "ended" : days <= v.soonDays ? "ending-soon" : "supported";
    const label = m.name ?? m.id;
    const how =
      basis === "auto-update-expiration"
        ? `Auto Update Expiration ${m.autoUpdateExpiration}`
        : basis === "model"
          ? "the date entered on the model"
          : basis === "none"
            ? ""
            : `table row "${row!.id}" (${row!.product}${basis === "assigned" ? ", assigned" : ""}; ${row!.source})`;
    const os = row?.lastSupportedOs !== undefined ? ` Its last OS is ${row.lastSupportedOs}${row.featureUpdatesEnd !== undefined ? `, superseded on ${row.featureUpdatesEnd}` : ""}.` : "";
    const explanation =
      supportEnd === null
        ? `${label}: no support end is known${row !== undefined ? ` (${row.product}: ${row.note ?? "no date published"})` : ""}; enter one on the model or in the table.${os}`
        : `${label}: support ${days! < 0 ? "ended" : "ends"} ${supportEnd}${estimated ? " (an estimate)" : ""}, from ${how}` +
          `${days! < 0 ? `, ${-days!} days before ${v.asOf}` : `, ${days} days after ${v.asOf}`}.${os}` +
          (extended ? ` ${extended.name} can extend it to ${extended.periods.at(-1)!.through} in ${extended.periods.length} yearly periods.` : "");
    lines.push({
      model: m.id,
      name: label,
      category: m.category,
      supportEnd,
      basis,
      entry: row?.id ?? null,
      lastSupportedOs: row?.lastSupportedOs ?? null,
      featureUpdatesEnd: row?.featureUpdatesEnd ?? null,
      endOfSale: row?.endOfSale ?? null,
      extended,
      estimated,
      status,
      daysToSupportEnd: days,
      source,
      explanation,
    });
    filled.push((basis === "assigned" || basis === "table") && supportEnd !== null ? { ...m, supportEnd } : m);
  }
  const counts = { ended: 0, soon: 0, unknown: 0 };
  for (const l of lines) {
    if (l.status === "ended") counts.ended++;
    else if (l.status === "ending-soon") counts.soon++;
    else if (l.status === "unknown") counts.unknown++;
  }
  return {
    asOf: v.asOf,
    models: lines,
    modelsWithSupportEnds: filled,
    table: [...rows.values()],
    replaced,
    explanation:
      `At ${v.asOf}, ${counts.ended} of ${lines.length} models are past their support end, ${counts.soon} end within ${v.soonDays} days, ` +
      `and ${counts.unknown} have no known support end; the table has ${rows.size} rows (${v.builtIn ? `built-in, ${own.size} the district's` : `the district's only`}${replaced.length ? `, ${replaced.length} replacing built-in rows` : ""}).`,
  };
}
