import { Money } from "@districtkit/core";
import fc from "fast-check";
import type { CsvFormat, FieldKind } from "../src/csvFormat.js";
import type { UsageRecord } from "../src/formats/licenses.js";
import type { SnipeItAsset } from "../src/formats/snipeIt.js";

/** Characters that break naive CSV code: quotes, separators, line breaks, formula starts, accents. */
const tricky = fc.constantFrom("a", "b", "Z", "1", " ", '"', ",", ";", "\t", "\n", "\r\n", "=", "+", "-", "@", "|", "'", "é", "ß", "😀");

/** Text a cell can hold and give back unchanged: no surrounding spaces, not empty. */
export const cellTextArb: fc.Arbitrary<string> = fc.string({ unit: tricky, minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== "");

/** Any cell text at all, blank and padded ones included. */
export const anyCellArb: fc.Arbitrary<string> = fc.string({ unit: tricky, maxLength: 10 });

/** Calendar dates 1990–2100 as ISO strings. */
export const isoDateArb: fc.Arbitrary<string> = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Amounts as records hold them (exact decimal strings), from integer cents. */
export const amountArb: fc.Arbitrary<string> = fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => Money.fromCents(c).toString());

const EXTRA_HEADERS = ["Funding Source", "Grant", "Color", "Room", "Custom: Insurance"] as const;

/** Extra columns a record keeps as attributes. */
export const attributesArb: fc.Arbitrary<Record<string, string>> = fc.dictionary(fc.constantFrom(...EXTRA_HEADERS), cellTextArb, { maxKeys: 3 });

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

/** Valid Snipe-IT assets, as the reader returns them (absent values left out). */
export const snipeItAssetArb: fc.Arbitrary<SnipeItAsset> = fc
  .record({
    assetTag: cellTextArb,
    serial: opt(cellTextArb),
    model: cellTextArb,
    category: opt(cellTextArb),
    location: opt(cellTextArb),
    purchaseDate: opt(isoDateArb),
    purchaseCost: opt(amountArb),
    warrantyMonths: opt(fc.integer({ min: 0, max: 120 })),
    eolDate: opt(isoDateArb),
    notes: opt(cellTextArb),
    attributes: attributesArb,
  })
  .map((r) => Object.fromEntries(Object.entries({ line: 1, ...r }).filter(([, v]) => v !== undefined)) as SnipeItAsset);

/** Valid usage records. */
export const usageRecordArb: fc.Arbitrary<UsageRecord> = fc
  .record({ product: cellTextArb, user: cellTextArb, role: opt(cellTextArb), lastActive: opt(isoDateArb), minutes: opt(fc.nat({ max: 100_000 })), attributes: attributesArb })
  .map((r) => Object.fromEntries(Object.entries({ line: 1, ...r }).filter(([, v]) => v !== undefined)) as UsageRecord);

/** Valid records of any CSV format, built from its field specs (required values always present). */
export function recordArbFor(format: CsvFormat<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const byKind = (kind: FieldKind): fc.Arbitrary<unknown> => {
    switch (kind) {
      case "date":
      case "monthEndDate":
        return isoDateArb;
      case "money":
        return amountArb;
      case "count":
        return fc.nat({ max: 1_000_000 });
      case "integer":
        return fc.integer({ min: -1_000_000, max: 1_000_000 });
      case "boolean":
        return fc.boolean();
      case "list":
        return fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 1, maxLength: 3 });
      default:
        return cellTextArb;
    }
  };
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of format.fields) shape[f.key] = f.requiredValue ? byKind(f.kind) : fc.option(byKind(f.kind), { nil: undefined, freq: 3 });
  return fc.record({ ...shape, attributes: attributesArb }).map((r) => {
    const out: Record<string, unknown> = { line: 1 };
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    // a value the format's own check refuses (a notice period over ten years) is left out: valid records only
    for (let bad = format.check?.(out); bad !== undefined && bad.field in out; bad = format.check?.(out)) delete out[bad.field];
    return out;
  });
}
