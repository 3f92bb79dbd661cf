import { keyedRecordSchema, parseInput } from "@districtkit/core";
import { type DeviceCategory, type DeviceModel, type DeviceModelInput, deviceCategorySchema, deviceModelSchema } from "@districtkit/lifecycle";
import { z } from "zod";

// An asset export names models its own way ("Latitude 3440", "AP-515"); the district's model
// catalogue (prices, lives, AUE and support ends) names them another ("Dell Latitude 3440",
// "AP-515 Wi-Fi access point"). An imported model that matches nothing has no AUE and no life,
// so the forecast never retires it: matching is a step a person confirms, and a model left
// unmatched gets an assumed life for its category, said out loud.

/**
 * Assumed service life by device category, for a model whose life nobody entered. These are
 * planning assumptions, not rules: the district changes them. Sources: Chromebooks about 4 years
 * from purchase to AUE in practice (U.S. PIRG Education Fund, "Chromebook Churn", 2023);
 * education devices 3–5 years, enterprise laptops 3 and desktops 5 (DistrictKit's
 * DistrictKit's lifecycle rules §2 survey of district refresh practice); interactive displays 7 years and
 * network gear 7 years (the sample district's own figures, in examples/data/sample-district).
 *
 * @example
 * ```ts
 * ASSUMED_LIFE_YEARS.chromebook; // => 4
 * ```
 * @category Lifecycle
 */
export const ASSUMED_LIFE_YEARS: Readonly<Record<DeviceCategory, number>> = Object.freeze({
  chromebook: 4,
  ipad: 5,
  "windows-laptop": 4,
  "mac-laptop": 5,
  desktop: 5,
  "interactive-display": 7,
  network: 7,
  server: 5,
  other: 5,
});

/**
 * What {@link matchDeviceModels} takes: the models an export holds (name and category, as
 * {@link inventoryFromExports} returns them) and the catalogue of models the district knows.
 *
 * @example
 * ```ts
 * modelMatchInputSchema.parse({ imported: [{ name: "Latitude 3440", category: "windows-laptop" }], catalogue: [] }).imported.length; // => 1
 * ```
 * @category Lifecycle
 */
export const modelMatchInputSchema = z.object({
  imported: z.array(z.object({ name: z.string().min(1).max(200), category: deviceCategorySchema.optional() })).max(100_000),
  catalogue: z.array(deviceModelSchema).max(100_000),
});

/**
 * Input of {@link matchDeviceModels}.
 *
 * @category Lifecycle
 */
export type ModelMatchInput = z.input<typeof modelMatchInputSchema>;

/**
 * One imported model and the catalogue model it matches.
 *
 * @category Lifecycle
 */
export interface ModelMatch {
  readonly name: string;
  readonly category: DeviceCategory | null;
  /** `exact` (same name or id, any case), `normalized` (same letters and digits, or one name holds every word of the other, model number included), or `unmatched`. */
  readonly status: "exact" | "normalized" | "unmatched";
  /** The catalogue model's id, or null. */
  readonly matchId: string | null;
  /** Catalogue models a person might pick instead, best first (shared words, same category). */
  readonly candidates: readonly { readonly id: string; readonly name: string; readonly sharedWords: number }[];
  /** The life an unmatched model is given (its category's assumed life), or null when matched. */
  readonly assumedLifeYears: number | null;
  readonly explanation: string;
}

function tokens(s: string): string[] {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
}
const squash = (s: string): string => tokens(s).join("");
const label = (m: DeviceModel): string => m.name ?? m.id;

/**
 * Matches the models of an asset export to the district's model catalogue: exact name or id
 * first, then the normalized name (letters and digits only, or every word of the shorter name,
 * a model number among them, in the longer one — "Latitude 3440" in "Dell Latitude 3440"), never
 * across device categories. Each model lists other candidates for a person to pick; a model that
 * matches nothing gets its category's assumed life ({@link ASSUMED_LIFE_YEARS}).
 *
 * @param input - the imported models and the catalogue
 * @returns one match per imported model, in the order given
 * @throws DistrictKitError when the input is not valid
 * @example
 * ```ts
 * const [m] = matchDeviceModels({
 *   imported: [{ name: "Latitude 3440", category: "windows-laptop" }],
 *   catalogue: [{ id: "latitude-3440", name: "Dell Latitude 3440", category: "windows-laptop", unitPrice: "849", expectedLifeYears: 5 }],
 * });
 * [m?.status, m?.matchId]; // => ["normalized", "latitude-3440"]
 * ```
 * @category Lifecycle
 */
export function matchDeviceModels(input: ModelMatchInput): ModelMatch[] {
  const { imported, catalogue } = parseInput(modelMatchInputSchema, input, ["input"]);
  const exact = new Map<string, DeviceModel>();
  const squashed = new Map<string, DeviceModel>();
  for (const m of catalogue) {
    for (const k of [m.id, label(m)]) {
      const key = k.trim().toLowerCase();
      if (!exact.has(key)) exact.set(key, m);
      const sq = squash(k);
      if (sq !== "" && !squashed.has(sq)) squashed.set(sq, m);
    }
  }
  const words = catalogue.map((m) => new Set([...tokens(m.id), ...tokens(label(m))]));
  // Candidates, fast path: each catalogue model's place in the order of names (localeCompare,
  // then catalogue order, as a stable sort gives it) is found once, not in a sort per imported
  // model; each imported model then keeps its eight best (most shared words, then that place) in
  // one pass over the catalogue. modelMatch.prop.test.ts compares it with the sort it replaces.
  const rank = new Int32Array(catalogue.length);
  catalogue
    .map((_, i) => i)
    .sort((a, b) => label(catalogue[a]!).localeCompare(label(catalogue[b]!)) || a - b)
    .forEach((i, r) => (rank[i] = r));
  return imported.map((x) => {
    const category = x.category ?? null;
    const fits = (m: DeviceModel): boolean => category === null || m.category === category;
    const own = tokens(x.name);
    const ownSet = new Set(own);
    const best: { i: number; shared: number }[] = []; // at most 8, best first
    catalogue.forEach((m, i) => {
      if (!fits(m)) return;
      let shared = 0;
      for (const w of words[i]!) if (ownSet.has(w)) shared++;
      if (shared === 0 && category === null) return;
      if (best.length === 8) {
        const last = best[7]!;
        if (shared < last.shared || (shared === last.shared && rank[i]! > rank[last.i]!)) return;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && (best[at - 1]!.shared < shared || (best[at - 1]!.shared === shared && rank[best[at - 1]!.i]! > rank[i]!))) at--;
      best.splice(at, 0, { i, shared });
    });
    const candidates = best.map((c) => ({ id: catalogue[c.i]!.id, name: label(catalogue[c.i]!), sharedWords: c.shared }));
    const byName = exact.get(x.name.trim().toLowerCase());
    let status: ModelMatch["status"] = "unmatched";
    let match: DeviceModel | undefined;
    if (byName && fits(byName)) {
      status = "exact";
      match = byName;
    } else {
      const sq = squashed.get(squash(x.name));
      if (sq && fits(sq)) match = sq;
      else {
        // every word of the shorter name in the longer one, with a word holding a digit (a model number)
        match = catalogue.find((m, i) => {
          if (!fits(m)) return false;
          const theirs = words[i]!;
          const mine = own.filter((w) => w.length > 0);
          const [short, long] = mine.length <= theirs.size ? [mine, theirs] : [[...theirs], ownSet];
          return short.length > 0 && short.some((w) => /\d/.test(w)) && short.every((w) => long.has(w));
        });
      }
      if (match) status = "normalized";
    }
    const assumed = match ? null : category !== null ? ASSUMED_LIFE_YEARS[category] : null;
    const explanation = match
      ? `${x.name}: ${status === "exact" ? "same name as" : "matched by name to"} ${label(match)}${match.autoUpdateExpiration ? ` (AUE ${match.autoUpdateExpiration})` : match.supportEnd ? ` (support ends ${match.supportEnd})` : ""}${match.expectedLifeYears ? `, ${match.expectedLifeYears}-year life` : ""}.`
      : `${x.name}: no model of the catalogue matches it${
          candidates.length
            ? ` (closest: ${candidates
                .slice(0, 3)
                .map((c) => c.name)
                .join(", ")})`
            : ""
        }; ${assumed === null ? "it has no category, so no life is assumed: the forecast replaces it only when it fails" : `it is given the ${assumed}-year life assumed for its category`}.`;
    return { name: x.name, category, status, matchId: match?.id ?? null, candidates, assumedLifeYears: assumed, explanation };
  });
}

/**
 * The per-model options of {@link inventoryFromExports} (`models`) that a set of confirmed
 * matches gives: each imported model takes its catalogue model's life, warranty, AUE, support
 * end, repair costs and resale curve (never its price: the export's own price stands); a model
 * confirmed as unmatched takes its category's assumed life.
 *
 * @param matches - imported model name → the catalogue id a person confirmed, or null
 * @param catalogue - the district's model catalogue
 * @param categories - imported model name → its device category (for the assumed life)
 * @returns the `models` option, keyed by the imported name, as plain data (amounts as the
 *   catalogue wrote them: it crosses to a worker or into JSON unchanged)
 * @throws DistrictKitError when the catalogue is not valid
 * @example
 * ```ts
 * const options = modelOptionsFromMatches(
 *   { "Latitude 3440": "latitude-3440", "Mystery box": null },
 *   [{ id: "latitude-3440", name: "Dell Latitude 3440", category: "windows-laptop", unitPrice: "849", expectedLifeYears: 5, warrantyYears: 4 }],
 *   { "Mystery box": "desktop" },
 * );
 * [options.get("Latitude 3440")?.expectedLifeYears, options.get("Mystery box")?.expectedLifeYears]; // => [5, 5]
 * ```
 * @category Lifecycle
 */
export function modelOptionsFromMatches(
  matches: Readonly<Record<string, string | null>>,
  catalogue: readonly unknown[],
  categories: Readonly<Record<string, DeviceCategory>> = {},
): Map<string, Partial<Omit<DeviceModelInput, "id" | "category">>> {
  const models = parseInput(z.array(deviceModelSchema), catalogue, ["catalogue"]);
  // model names are data (a model called "constructor"): null-prototype records, read by own key
  matches = parseInput(keyedRecordSchema(z.string().nullable()), matches, ["matches"]);
  categories = parseInput(keyedRecordSchema(deviceCategorySchema), categories, ["categories"]);
  // the catalogue as written (validated above), so amounts stay the decimal strings it holds
  const byId = new Map(models.map((m, i) => [m.id, catalogue[i] as DeviceModelInput]));
  const out = new Map<string, Partial<Omit<DeviceModelInput, "id" | "category">>>();
  for (const [name, id] of Object.entries(matches)) {
    const m = id === null ? undefined : byId.get(id);
    if (m) {
      const { id: _i, category: _c, name: _n, unitPrice: _p, priceFiscalYear: _y, replacementModel: _r, ...figures } = m;
      out.set(name, figures);
    } else {
      const category = Object.hasOwn(categories, name) ? categories[name] : undefined;
      if (category !== undefined) out.set(name, { expectedLifeYears: ASSUMED_LIFE_YEARS[category] });
    }
  }
  return out;
}
