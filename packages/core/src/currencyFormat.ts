import { describeValue } from "./describe.js";
import { DistrictKitError, guardInput } from "./errors.js";

/**
 * `Intl.NumberFormat` instances for {@link Money.format}, kept per locale and options: building
 * one costs tens of microseconds (locale data lookup), formatting with it well under one, and a
 * report or a playground table formats thousands of amounts with the same few settings.
 * Bounded, so a caller passing ever-new options cannot grow it without limit.
 */
const cache = new Map<string, Intl.NumberFormat>();
const LIMIT = 64;

/**
 * The currency formatter for a locale and `Intl.NumberFormat` options (USD by default), or a
 * DistrictKitError when Intl rejects them (an unknown locale, digits out of range, a bad currency).
 * @internal
 */
export function currencyFormat(locale: unknown, options: unknown): Intl.NumberFormat {
  const plain = options === undefined || (typeof options === "object" && options !== null && guardInput(() => Object.keys(options).length === 0, ["options"], "the format options"));
  let key: string | undefined;
  if (typeof locale === "string") {
    if (plain) key = locale;
    // remembered only when JSON tells the options apart: every value a text, true/false or a finite
    // number (JSON drops undefined and writes NaN as null; such options are built each time)
    else key = cacheKey(locale, options);
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit) return hit;
  }
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale as string, { style: "currency", currency: "USD", ...(plain ? {} : (options as Intl.NumberFormatOptions)) });
  } catch (e) {
    throw new DistrictKitError(
      "INVALID_ARGUMENT",
      [
        {
          path: [],
          code: "invalid_format",
          message: `cannot format money with locale ${describeValue(locale)}${plain ? "" : ` and options ${optionsText(options)}`}: ${e instanceof Error ? e.message : describeValue(e)}`,
        },
      ],
      undefined,
      { cause: e },
    );
  }
  if (key !== undefined) {
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, nf);
  }
  return nf;
}

function cacheKey(locale: string, options: unknown): string | undefined {
  if (typeof options !== "object" || options === null) return undefined;
  try {
    return Object.values(options).every(jsonExact) ? `${locale}\u0000${JSON.stringify(options)}` : undefined;
  } catch {
    return undefined; // a getter that throws: Intl will say what is wrong
  }
}

function jsonExact(v: unknown): boolean {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

function optionsText(options: unknown): string {
  try {
    return JSON.stringify(options) ?? describeValue(options);
  } catch {
    return describeValue(options);
  }
}
